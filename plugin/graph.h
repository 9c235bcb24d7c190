/*
 * graph.h - the escape graph's insides, shared by the core's stages
 * (graph.c builds it, pointsto.c resolves its stores, solve.c walks it,
 * summary.c and findings.c read the solution).  The adapter sees only
 * escape.h.
 */
#ifndef ESCAPE_GRAPH_H
#define ESCAPE_GRAPH_H
#include "escape.h"
#include "util.h"

#define ESC_INF 0x7fffffff

struct esc_edge {
	int src, dst, derefs;
	struct esc_step why;
	int next_in;   /* next edge with the same dst, -1 at the end */
	int next_addr; /* next address-of edge with the same src, or -1 */
	/* Forwarded loads (esc_edge_stale, esc_edge_fwd): a stale edge is
	   a load that reads only what one store wrote, which the sinks walk
	   does not cross; a fwd edge brings that store's value, crossed by
	   the sinks walk only (it is in no in- or address-of list, and the
	   other stages skip it). */
	unsigned char stale, fwd;
	/* Fields, for the sinks walk only (esc_edge_field): what part of
	   the memory the edge reads (ESC_FIELD_READ: the memory at its
	   last deref, an object's own contents for derefs 0) or writes
	   (ESC_FIELD_WRITE: dst, a stack object), as a byte range; fsize
	   0 is the whole.  fpres: what the value points to is at the same
	   offset after the edge (a copy, a cast, the address of a whole
	   object; not pointer arithmetic, not &s.f). */
	unsigned char fkind, fpres;
	/* A store through a pointer, resolved into an object by pointsto.c:
	   in a recursive component, into any activation's object (the
	   sinks walk's modes, findings.c). */
	unsigned char viaptr;
	/* Pointers into an array field (esc_edge_inside, for the sinks walk
	   only): felem, the element size (255: 255 or more) a pointer
	   arithmetic edge steps by or a load edge reads at (0: neither, or
	   not known); inside, 1 + the index in the graph's insides of the
	   array field the edge's value points into, relative to what its
	   source points to (0: not known).  In padding: no bigger edge. */
	unsigned char felem;
	unsigned short inside;
	int foff, fsize;
};

/* An array field a pointer points into (esc_edge.inside): the bytes
   [off, off + size) of an object, of elements of elem bytes. */
struct esc_inside {
	int off, size, elem;
};

struct esc_store_rec {
	int ptr, src, derefs;
	struct esc_step why;
	/* the bytes [foff, foff + fsize) of what ptr points to that it
	   writes (esc_store_field), fsize 0: not known (the whole) */
	int foff, fsize;
	int inside; /* the value's, as esc_edge.inside */
};

/* Points-to set of one location (pointsto.c): the objects it may point
   to, in the order they were found, and whether it may also point to
   memory that is not this frame's. */
struct esc_pts {
	int n, cap;
	int *objs;
	int done;      /* objs[0..done) have had loads and stores applied */
	int sent;      /* objs[0..sent) are in the set of every successor */
	unsigned top : 1, top_done : 1;
};

struct esc_location {
	enum esc_loc_kind kind;
	enum esc_obj_kind obj;
	int func;
	const char *name;
	struct esc_pos pos;
	int param_index;
	int is_pointer;
	int in_head;   /* first edge with dst == this, -1 if none */
	int addr_head; /* first address-of edge with src == this, -1 if none */
	int addr_taken;

	/* The solution (solve.c). */
	int escapes;
	int heap_derefs, heap_via;     /* fewest derefs to the heap, edge taken */
	int result_derefs, result_via; /* fewest derefs to any result */
	int result_func;               /* whose result, for result_derefs */
	int leak_heap;                 /* for params: Go's leakTo(heap) */
	int leak_result;               /* for params: to their own result */
	int leak_own;                  /* for params: to the heap, not by
					  way of the caller's memory */
	int leak_sure;                 /* leak_own by steps that are not
					  assumed (esc_step.assumed) */
	int leak_sure_out;             /* leak_sure by steps that are not
					  stores into the memory its function
					  returns either (esc_step.into_result) */
	int sure_derefs, sure_via;     /* heap_derefs, heap_via by steps that
					  are not assumed */
	int ptee;                      /* for params: their ESC_LOC_PTEE; for
					  a PTEE: the deeper one (what the
					  pointers in it point to), or -1 */
	int deep;                      /* a PTEE one level down: the caller's
					  memory reached through the caller's
					  memory */
	int readonly;                  /* a PTEE seen through a pointer to
					  const only: nothing is stored into it
					  but by casting const away */
	int by_result;                 /* object found escaping by a result walk */
	int fresh;                     /* an allocation its function returns,
					  escaping by no other way (solve.c) */
	int unsure;                    /* an object found escaping by a
					  result walk whose address reaches
					  no sink once fields are told apart
					  (esc_recheck_sure): no source of
					  the sure walk */
	int released;                  /* for params: its function releases
					  it (esc_param_released) */
	int other_in;                  /* a PTEE of level 1: a store puts
					  into it a value from outside (a
					  global's, an unknown one) or an
					  allocation that escapes by another
					  way too (solve.c): 1, into any
					  part; 2 + k, into the fields of
					  esc_graph.oranges[k] */

	/* The same without the calls of functions known only by name
	   (imports.c): what the link step starts from. */
	int local_escapes;
	int local_heap, local_own, local_sure; /* leak_heap, leak_own, leak_sure */
	int local_content; /* for objects: the fewest derefs with which what
			      the object holds reaches the heap, without
			      imports nor assumed steps (0 if its address
			      escapes), -1 none */
};

/* An import of location loc (imports.c). */
struct esc_imp {
	int loc;
	struct esc_import imp;
};

/* A parameter stored into the caller's memory: *param[to] (level 1) or
   **param[to] (level 2) receives *^derefs param[from] (solve.c, for
   summaries). */
struct esc_pstore {
	int func, from, to, derefs, level;
	int nranges, off[ESC_STORE_RANGES], size[ESC_STORE_RANGES];
	int inside;  /* 1 + the graph's insides index of the array field
			every value it stores points into (derefs 0: the
			parameter's value, solve.c's store_inside), 0 none */
	int loc;     /* the parameter's location */
	int assumed; /* only by steps that carry a released parameter's
			value (ESC_ASSUMED_RELEASED) */
};

struct esc_func_rec {
	const char *name;
	struct esc_pos pos;
	int result;
	const char *gave_up;
	int result_other; /* the result may hold what no parameter gave it
			     (solve.c) */
	/* a rule's "format" for it (esc_func_format): fmt_keep NULL none */
	int fmt_param;
	const char *fmt_keep;
};

#define ESC_MAX_GUARDS 8 /* 4 on parameters, 4 on globals */
#define ESC_MAX_HANGS 7 /* esc_step.hang: 4 bits */
struct esc_graph {
	struct esc_location *locs;
	int nlocs, cap_locs;
	struct esc_ranges *oranges; /* esc_location.other_in's fields */
	int noranges, cap_oranges;
	struct esc_edge *edges;
	int nedges, cap_edges;
	struct esc_inside *insides; /* esc_edge.inside's */
	int ninsides, cap_insides;
	struct esc_store_rec *stores;
	int nstores, cap_stores;
	struct esc_func_rec *funcs;
	int nfuncs, cap_funcs;
	int solved;
	int over_budget;
	struct esc_pstore *pstores;
	int npstores, cap_pstores;
	/* each function's locations, in creation order (esc_func_locs):
	   floc[floc_start[f] .. floc_start[f + 1]), made for floc_nlocs */
	int *floc_start, *floc;
	int floc_nlocs;
	/* each location's out-edges (esc_out_edges): out[out_start[l] ..
	   out_start[l + 1]), made for out_nedges edges */
	int *out_start, *out;
	int out_nedges, out_nlocs;
	struct esc_imp *imports; /* esc_solve_imports */
	int nimports, cap_imports;
	int imports_solved;      /* the local_ fields are set */
	/* each function's imports, in their order (esc_func_imports):
	   fimp[fimp_start[f] .. fimp_start[f + 1]), made for fimp_n */
	int *fimp_start, *fimp;
	int fimp_n;
	struct sinkwalk *param_walk; /* esc_param_sinks's, kept for the next */
	struct sinkwalk *report_walk; /* find_sinks's (esc_report_func,
					 esc_recheck_sure) and
					 recheck_params', kept likewise */
	/* va_arg reads (esc_vaarg_value): their locations and keys; the
	   keys of callees handed a va_list; whether a va_list went where it
	   cannot be followed */
	int *vlocs;
	uintptr_t *vkeys;
	int nv, capv, capvk;
	uintptr_t *ckeys;
	int nck, capck;
	int vunknown;
	/* per va_arg read: the parameter of its function whose constant
	   value it happens under (esc_vaarg_when), -1 for any; the values,
	   vwhen_n of them from vwhen_at in vvals */
	int *vwhen_param, *vwhen_at, *vwhen_n, capvw;
	long long *vvals;
	int nvvals, capvv;
	/* va_list hand-offs by format (esc_vaarg_format, _format_in): per
	   hand-off its function, and either the format parameter and the
	   callee's letters (keep NULL: no format), or the callee of the
	   graph (callee >= 0) and, per argument, the parameter of func it
	   is (-1: none); vfmt_bad: a va_arg read it cannot follow */
	struct esc_vfmt *vfmt;
	int nvfmt, capvfmt, vfmt_bad;
	/* guards (esc_graph_guard): the parameter tested, its mask, and
	   after solving, per location, leak_sure without the steps it
	   guards (for parameters; -1 none) */
	struct esc_gguard {
		int param;      /* -1: a global's (global) */
		const char *global; /* interned: the global tested, or NULL */
		uint64_t mask;
		int *sure;
		/* the guard of the test it stands inside (its steps are
		   that guard's too), 0 for none, -1 when its tests stand
		   inside different ones (then none: conservative) */
		int parent;
	} guards[ESC_MAX_GUARDS];
	int nguards;
	/* hangs (esc_graph_hang): the parameter whose memory's field at
	   offset off the memory is hung off, and after solving, per
	   location, leak_sure without the stores into it (for parameters;
	   -1 none) */
	struct esc_ghang {
		int param, off;
		int *sure;
	} hangs[ESC_MAX_HANGS];
	int nhangs;
};

/* Adds an edge (also used by pointsto.c for resolved stores). */
int esc_graph_add_edge(struct esc_graph *g, int dst, int src, int derefs,
		       struct esc_step why);
int esc_is_object(const struct esc_graph *g, int loc);
/* The sure walk again (leak_sure), and local_sure no stronger than it:
   after esc_recheck_sure marked objects unsure. */
void esc_solve_sure_again(struct esc_graph *g);
/* The locations of function func, in creation order, and how many (*n):
   what the per-function readers (summary.c, findings.c) walk, so that a
   graph of many functions is read in time linear in its size. */
const int *esc_func_locs(const struct esc_graph *g, int func, int *n);
/* The indices of the imports of function func's locations, in their
   order, and how many (*n). */
const int *esc_func_imports(const struct esc_graph *g, int func, int *n);
/* The edges out of location l (src == l), and how many (*n).  (Asked
   for each state the walks visit: the index, once made and while no edge
   or location is added, is read inline.) */
const int *esc_out_edges_made(const struct esc_graph *g, int l, int *n);
static inline const int *esc_out_edges(const struct esc_graph *g, int l,
				       int *n)
{
	if (!g->out_start || g->out_nedges != g->nedges ||
	    g->out_nlocs != g->nlocs)
		return esc_out_edges_made(g, l, n);
	*n = g->out_start[l + 1] - g->out_start[l];
	return g->out + g->out_start[l];
}

/* A location's verdicts without imports: the verdicts themselves until
   esc_solve_imports has run. */
int esc_local_escapes(const struct esc_graph *g, int loc);
/* An object's local_content (0 before esc_solve_imports). */
int esc_local_content(const struct esc_graph *g, int loc);
int esc_local_leak(const struct esc_graph *g, int loc, int which); /* 0 heap, 1 own, 2 sure */

/* findings.c: the sinks in location into (the heap, a parameter's
   pointee) of what parameter location p holds at `level' derefs (every
   one; *cut if the walk was over its budget); esc_sinks_free frees
   them. */
struct esc_sink *esc_param_sinks(const struct esc_graph *g, int p, int level,
				 int into, int *n, int *cut);
void esc_sinks_free(struct esc_sink *sinks, int n);
void esc_param_walk_free(struct esc_graph *g);
void esc_report_walk_free(struct esc_graph *g);
/* The edges the last esc_param_sinks walk of g crossed (0 if it was cut
   before it started).  esc_param_sinks_again: the same call again, when
   the caller kept what the last one (with that work) found: g is the
   same, so is the walk; only its budget's check and count are made, as
   the walk would: 1 if it is cut at once (no sinks), 0 if the kept
   sinks stand, -1 if g's walker was made again (call esc_param_sinks). */
long esc_param_sinks_work(const struct esc_graph *g);
int esc_param_sinks_again(const struct esc_graph *g, long work);

/* pointsto.c: turns every store into edges.  Returns 0, -1 over budget. */
int esc_resolve_stores(struct esc_graph *g);
#endif
