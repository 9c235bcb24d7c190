/*
 * adapter.h - what the GCC-facing files (C++, plain C style) share.
 *
 *   plugin.cc  plugin_init: arguments, version check, rules, the pass; the
 *              per-unit driver (components, batches, summaries, report)
 *   build.cc   GIMPLE statements and expressions -> escape graph
 *   call.cc    calls -> escape graph (summaries, rules, fnspec, unknown)
 *   dangle.cc  CFG -> the abstract CFG dangling.c checks the sinks against
 *   notes.cc   findings -> GCC notes (m=1, m=2) and warnings
 *
 * Only these files include GCC's headers, all through gcc-common.h (which
 * also holds what differs between GCC 12 to 16); the analysis itself is
 * the C99 core behind escape.h.
 */
#ifndef ESCAPE_ADAPTER_H
#define ESCAPE_ADAPTER_H

#include "gcc-common.h"

#include "escape.h"

/* A function of the unit that has a body. */
struct esc_fn {
	cgraph_node *node;
	int comp;           /* its call-graph component */
	int gfunc;          /* its index in the current batch's graph, or -1 */
	int *params;        /* its parameter locations there (by index) */
	int nparams;
	int varargs;        /* location of its "...", or -1 */
	int chain;          /* a nested function's static chain (its parent's
			       frame): the location of the parameter made
			       for it, the last one, or -1 */
	struct esc_summary *summary; /* once its component is finished */
	/* its printf-style format (esc_summary.fmt_param, fmt_keep) as
	   known before its component's graph is built
	   (esc_component_formats): fmt_keep NULL none */
	int fmt_param;
	const char *fmt_keep;
	struct esc_func_report *report; /* likewise: what is reported */
};

/* A `return &x' the front end turned into `return 0' (plugin.cc). */
struct esc_dropped_return {
	tree fndecl, decl;
	location_t loc;
};
extern struct esc_dropped_return *dropped_returns;
extern int n_dropped_returns;

/* plugin.cc: where the steps of a statement stand, and where the value a
   statement at loc defines is assigned: the same positions on every GCC
   series for the statements of a conditional assignment (x = c ? a : b),
   whose positions GCC 15 changed; any other statement's own. */
location_t esc_stmt_location(gimple *s);
location_t esc_assign_location(location_t loc);

/* The unit being analysed. */
struct esc_unit {
	struct esc_fn *fns;
	int nfns;
	hash_map<tree, int> *fn_index; /* FUNCTION_DECL -> index in fns */
	const struct esc_rules *rules;
	struct esc_summaries *summaries; /* summaries=FILE, or NULL */
	struct esc_releases *releases;   /* which parameters are released
					    (esc_releases_scan), by index in fns */
	struct esc_releases *frees;      /* the same but for releases made
					    only when the memory says so (a
					    reference count): what surely
					    dies, for teardown (dangle.cc) */
	int cur_comp;
	int max_edges;                   /* the largest graph's edges */
};

/* One function being turned into a graph (build.cc). */
struct esc_ctx {
	struct esc_unit *unit;
	struct esc_graph *g;
	struct esc_fn *fn;
	function *fun;
	hash_map<tree, int> *objects; /* memory decls -> their location */
	int *ssa;                     /* SSA version -> location, 0 = none yet */
	unsigned nssa;
	gimple *stmt;                 /* the statement being built */
	bool block_copy;              /* it copies memory to memory */
	bool forward;                 /* edges made are esc_edge_fwd's */
	int guard;                    /* esc_step.guard of what the
					 statement being built makes */
	bool guards_ok;               /* the function calls nothing of its
					 own component: a parameter has one
					 value in its body (guards); else a
					 parameter passed on unchanged inside
					 the component (build.cc
					 param_passed_on) */
	location_t stmt_loc;          /* and its location */
	basic_block bb;               /* its block (NULL: a PHI's) */
	struct esc_excl *excl;        /* correlated branches (build.cc) */
	int nexcl;
	bool dom_made;                /* esc_dominators computed them */
};

/* A place a value goes: a location (dst holds *^derefs value), a store
   through pointer location `loc', or nowhere. */
enum esc_hole_kind { HOLE_NONE, HOLE_LOC, HOLE_STORE };
struct esc_hole {
	enum esc_hole_kind kind;
	int loc;
	int derefs;
	struct esc_step why;
	/* fields, for the edges it makes (esc_edge_field): ESC_FIELD_READ
	   or _WRITE of bytes [foff, foff + fsize) (0: the whole), fpres */
	unsigned char fkind, fpres;
	int foff, fsize;
	/* the value points inside array field [in_off, in_off + in_size)
	   of elements of in_elem bytes of what its source points to
	   (in_size 0: not known); felem: the edge steps or loads by
	   elements of that many bytes (esc_edge_inside) */
	int in_off, in_size, in_elem, felem;
};

/* call.cc: the formats of the functions of a component (esc_fn.fmt_keep)
   before its graph is built, for its calls of its own variadic
   functions */
void esc_component_formats(struct esc_unit *u, const int *members, int n);
/* Does fndecl take variadic arguments or a va_list (so that it may have
   a format)? */
bool esc_takes_varargs(tree fndecl);

/* call.cc: the constant integer arguments of report r's imports
   (esc_import.consts): every call's integer constants, and for calls of
   variadic functions also the values a dominating case fixes */
void esc_import_consts(function *fun, struct esc_func_report *r);

/* build.cc */
struct esc_pos esc_pos_of(location_t loc);
struct esc_step esc_step_at(enum esc_step_kind kind, location_t loc,
			    const char *what, int arg);
struct esc_hole esc_hole_to(int loc, int derefs, struct esc_step why);
bool esc_may_hold_address(tree type);
void esc_expr(struct esc_ctx *c, struct esc_hole k, tree t);
void esc_flow_to_hole(struct esc_ctx *c, struct esc_hole k, int src,
		      int derefs);
int esc_ssa_loc(struct esc_ctx *c, tree ssa);
struct esc_hole esc_lvalue_hole(struct esc_ctx *c, tree lhs);
void esc_store_through_deref(struct esc_ctx *c, tree ptr, tree value,
			     int derefs, struct esc_step why);
void esc_store_through(struct esc_ctx *c, tree ptr, tree value, int derefs,
		       struct esc_step why);
void esc_store_through_field(struct esc_ctx *c, tree ptr, tree value,
			     int derefs, struct esc_step why, int off, int size);
/* The same, the value pointing inside array field [in_off, in_off +
   in_size) of elements of in_elem bytes of what it points to (a
   summary's store: esc_summary_store.in_size), in_size 0: not known */
void esc_store_through_inside(struct esc_ctx *c, tree ptr, tree value,
			      int derefs, struct esc_step why, int off,
			      int size, int in_off, int in_size, int in_elem);
void esc_build_function(struct esc_ctx *c);
/* The value t copies: through copies and conversions (at most 8 deep),
   as long as the value copied passes leaf (an SSA name, or a constant
   of the kind the caller wants) */
tree esc_copied_value(tree t, bool (*leaf)(tree r));
/* The dominators of c's function, computed on first need (and dropped
   when its graph is built) if GCC has none. */
void esc_dominators(struct esc_ctx *c);
void esc_declare_function(struct esc_unit *u, struct esc_graph *g,
			  struct esc_fn *fn);

/* call.cc */
void esc_call(struct esc_ctx *c, gcall *call);
/* The unit's releases (which parameters each function frees, or hands to
   one that does), solved: u->releases, and u->frees. */
void esc_releases_scan(struct esc_unit *u);
/* dangle.cc: is the memory ptr points into released on every path from
   the statement being built to the exit (teardown)? */
bool esc_released_after(struct esc_ctx *c, tree ptr);
/* dangle.cc: is the memory ptr points into what the function returns on
   every path from the statement being built to the exit (or null)? */
bool esc_returned_after(struct esc_ctx *c, tree ptr);
/* dangle.cc: is the memory ptr points into hung off a field of what a
   parameter points to on every path from the statement being built to
   the exit (or null)?  The hang (esc_step.hang), or 0. */
int esc_hung_after(struct esc_ctx *c, tree ptr);
/* dangle.cc: the hang of the field at offset off of what v, a parameter's
   incoming value, points to, or 0. */
int esc_param_hang(struct esc_ctx *c, tree v, int off);
/* dangle.cc: is what the field at offset off of the frame's object whose
   address v is holds released on every path from the statement being
   built to the exit? */
bool esc_field_released_after(struct esc_ctx *c, tree v, int off);
/* build.cc: the guard of a parameter value v under mask (v a default
   definition of a parameter of the function being built, when
   c->guards_ok), 0 for none. */
int esc_param_guard(struct esc_ctx *c, tree v, uint64_t mask);

/* plugin.cc: a function's parameters' types in words, "(record_type
   list*,record_type node*)": what a summary is matched by (interned). */
const char *esc_signature(tree fndecl);

/* dangle.cc: the dangling check of a function (dangling.c decides) */
extern unsigned esc_warn_enabled; /* bit per esc_warn_kind that warns */
/* The abstract CFG of fun (esc_cfg_free frees it), or NULL if neither
   the check nor its summary's undo (esc_summary_undo) needs one; alone:
   fun is the only member of its component (no other member's sinks are
   judged on its CFG). */
struct esc_cfg *esc_dangle_cfg(function *fun, const struct esc_rules *rules,
			       const struct esc_func_report *r,
			       const struct esc_summary *sum, bool alone);
void esc_dangle_function(const struct esc_rules *rules,
			 struct esc_func_report *r, const struct esc_cfg *cfg);
void esc_check_noescape(tree fndecl, struct esc_func_report *r);
/* Which direct callees fun returns only through (esc_paths_ends), for
   the link step's "never returns": into r->ends. */
void esc_dangle_ends(function *fun, struct esc_func_report *r);
/* What fndecl's body does to its parameters' memory (escape.h's
   esc_effect), for the link step: into r->effects. */
void esc_effects_function(tree fndecl, const struct esc_rules *rules,
			  struct esc_func_report *r);
/* The linked summary (summaries=FILE) of a function without a body here,
   if one is given and still matches, or NULL. */
const struct esc_summary *esc_linked_summary(tree fndecl);
/* The finished summary of a function of this unit (one of an earlier
   component than the one being analysed), or NULL. */
const struct esc_summary *esc_unit_summary(tree fndecl);
/* Frees what the check kept of same-file functions' effects (at the
   unit's end). */
void esc_effects_reset(void);

/* call.cc: is argument i (0-based) of call declared noescape? */
bool esc_arg_noescape(gcall *call, int i);
/* The outlined body an OpenMP region call starts (GOMP_parallel (body,
   data, ...)), or NULL_TREE; *data (if data) is the argument the body is
   given. */
tree esc_region_body(gcall *call, int *data);

/* notes.cc */
void esc_emit_notes(const struct esc_func_report *r, int level);
/* Around the emission of a unit's notes and warnings: their text is
   gathered and written to GCC's stream at once (one write, not a few
   per note, stderr being unbuffered). */
void esc_emit_begin(void);
void esc_emit_end(void);
void esc_emit_warnings(const struct esc_func_report *r, int level);

#endif
