/*
 * escape.h - the vocabulary of escape's analysis, shared by the GCC adapter
 * (C++, the plugin/ .cc files) and the core (C99, the .c files).
 *
 * The analysis is Go's (cmd/compile/internal/escape), applied to GIMPLE.
 *
 * One word per idea, in code, comments and tests:
 *
 *   location  (loc) a node of the escape graph, an index.  A source
 *             position is a pos (struct esc_pos).
 *   edge      one "dst holds *^derefs src" fact (esc_edge()).
 *   step      what made an edge, with its pos (struct esc_step).
 *   flow      an explanation: the steps from an address-of (or a
 *             parameter) to a sink (struct esc_flow).
 *   root      where the solver's walk starts: the heap, a function's
 *             result, an object found escaping.
 *   sink      where a stack address ends up that may outlive its object
 *             (a global, the caller's memory, a keeping callee's argument,
 *             the result, a thread): a flow's last step, and what a
 *             dangling warning is about.  (The JSON report keeps its key
 *             "sink" for a parameter flow's root, "heap" or "result".)
 *   rule      a library function's model (rules/ *.json, struct esc_rule).
 *   warning kind  what a dangling warning is about (ESC_WARN_*); its id
 *             ("escape-return", ...: esc_warn_id()) is what users, SARIF
 *             and the dangling= argument call it.
 *   escapes / leaks  a stack object or allocation escapes; a parameter
 *             leaks (to the heap or to its function's result).
 *
 * Locations.  Every thing that can hold or be the target of an address is a
 * location: the heap (one per graph; it outlives every frame), the result of
 * each function, the incoming value of each parameter, each SSA value, each
 * stack object (address-taken local or parameter, compound literal, VLA,
 * alloca area) and each heap allocation site.  A memory location's value is
 * its contents, merged over all fields and elements.
 *
 * Edges.  An edge says "dst holds *^derefs src": derefs is -1 for an
 * address-of (p = &x), 0 for a copy (p = q, casts, pointer arithmetic, PHIs),
 * +1 for a load (p = *q).  A store through a pointer (*p = v) is recorded as
 * a store and resolved before solving: by a small points-to analysis
 * (pointsto.c), a pointer that provably points only into this frame's
 * objects stores into them; any other stores into the heap.  Every edge
 * carries the step that made it (kind and source position), so that every
 * verdict can be explained.
 *
 * Solving (solve.c).  Walk backwards from each root, as Go's walkAll and
 * walkOne do, finding for every location the fewest derefs with which its
 * value reaches the root.  Reaching a stack object or allocation with fewer
 * than zero derefs means its address reaches the root: if the root outlives
 * it (the heap, a result, an object that already escapes) it escapes, and
 * becomes a heap root itself, since what is stored in it is now reachable
 * from outside.  A parameter reached from the heap with d derefs leaks (d=0,
 * "leaking param") or leaks its content (d>=1); reached from its own
 * function's result with d derefs it leaks to the result at level d.
 *
 * Summaries (summary.c).  Functions are analysed bottom-up over the call
 * graph's strongly connected components; each component is one graph (calls
 * inside it connect arguments to parameters directly), and a caller uses a
 * finished callee's per-parameter leaks as Go uses parameter tags.  Library
 * functions are modelled by rules (rules.c), GCC builtins by their fnspec,
 * and anything else is an unknown callee that keeps every argument.
 *
 * Data flows one way: GIMPLE -> graph -> solution -> summaries and reports
 * (struct esc_func_report) -> notes (notes.cc) and JSON (report.c).
 */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ESCAPE_VERSION "0.1.0"

/* ------------------------------------------------------------------ */
/* Source positions and strings                                        */

/* A source position.  `handle' is the compiler's own (GCC's location_t,
   32 bits before GCC 15 and 64 since: it holds either), carried through
   untouched so that notes can be emitted at it; the core never interprets
   it.  line and col are 1-based, 0 when unknown. */
struct esc_pos {
	const char *file;
	int line, col;
	uint64_t handle;
};

/* Interned copy of s, valid until esc_intern_free (NULL stays NULL). */
const char *esc_intern(const char *s);
void esc_intern_free(void);

/* Gives the memory the plugin freed back to the system (glibc's
   malloc_trim; nothing elsewhere).  The pass calls it at its end when
   its largest graph had at least ESC_TRIM_EDGES edges: what a large
   component allocated lies in the heap below memory the compiler still
   uses, and would stay resident to the end of the compile. */
#define ESC_TRIM_EDGES 16384
void esc_release_freed(void);

/* ------------------------------------------------------------------ */
/* Locations, edges, steps: the escape graph (graph.c)                 */

enum esc_loc_kind {
	ESC_LOC_HEAP,    /* outlives every frame: globals, statics, unknown memory */
	ESC_LOC_UNKNOWN, /* the origin of values from outside (globals read, unknown results) */
	ESC_LOC_RESULT,  /* a function's return value */
	ESC_LOC_PARAM,   /* a parameter's incoming value */
	ESC_LOC_VALUE,   /* an SSA value or temporary: no address of its own */
	ESC_LOC_STACK,   /* a stack object: its address can be taken */
	ESC_LOC_ALLOC,   /* a heap allocation site */
	ESC_LOC_PTEE     /* what a pointer parameter points to: the caller's
			    memory (it flows on to the heap) */
};

/* What kind of stack object (for names and reports). */
enum esc_obj_kind {
	ESC_OBJ_LOCAL,    /* a named local variable */
	ESC_OBJ_PARAM,    /* a parameter whose address is taken */
	ESC_OBJ_COMPOUND, /* a compound literal */
	ESC_OBJ_ALLOCA,   /* an alloca area */
	ESC_OBJ_VLA,      /* a variable-length array */
	ESC_OBJ_TEMP      /* a compiler temporary */
};

/* The step an edge stands for: how a value moved.  The explanation of an
   escape is the list of steps from the address-of to the sink. */
enum esc_step_kind {
	ESC_STEP_ADDR,         /* p = &x */
	ESC_STEP_ASSIGN,       /* p = q, a cast, pointer arithmetic, a PHI, ?: */
	ESC_STEP_LOAD,         /* p = *q, p = s.f */
	ESC_STEP_STORE_LOCAL,  /* x.f = v, or *p = v where p points into this frame */
	ESC_STEP_STORE_PTR,    /* *p = v, p not provably this frame's: the heap */
	ESC_STEP_STORE_GLOBAL, /* g = v, into a global or static (what = its name) */
	ESC_STEP_COPY,         /* memcpy-like copy of pointer values (what = callee) */
	ESC_STEP_ARG,          /* argument of a function of the same component (what, arg) */
	ESC_STEP_ARG_SUMMARY,  /* argument kept by the callee's summary (what, arg) */
	ESC_STEP_ARG_RULE,     /* argument kept by the callee's rule (what, arg) */
	ESC_STEP_ARG_UNKNOWN,  /* argument of a callee with no body and no rule (what, arg) */
	ESC_STEP_ARG_INDIRECT, /* argument of an indirect call (arg) */
	ESC_STEP_ARG_THREAD,   /* handed to another thread (what = the API, arg) */
	ESC_STEP_CALL_RESULT,  /* the callee returns this argument (what, arg) */
	ESC_STEP_RETURN,       /* return v */
	ESC_STEP_ASM,          /* an inline asm operand */
	ESC_STEP_TO_INT,       /* a pointer converted to an integer */
	ESC_STEP_UNANALYSED,   /* conservatively kept: the function was not analysed (what = why) */
	ESC_STEP__COUNT
};

#define ESC_ARG_CHAIN (-1) /* esc_step.arg: the static chain of a call */

struct esc_step {
	enum esc_step_kind kind;
	struct esc_pos pos;
	const char *what; /* interned: global, callee or API name; may be NULL */
	int arg;          /* 1-based argument number, 0 when none,
			     ESC_ARG_CHAIN for a nested function's static chain */
	const void *origin; /* the compiler's statement (a gimple *), opaque */
	/* Assumed, not seen: an argument of a function we know nothing of
	   (no body, no rule, or an indirect call) whose parameter is typed,
	   not void *; or a summary leak that rests only on such arguments.
	   Go's model counts it as an escape; a dangling warning needs a
	   sink that is not assumed (solve.c's sure walk).
	   ESC_ASSUMED_RELEASED: assumed because it carries the value of a
	   parameter its function releases (esc_param_released), which a
	   summary's stores say to callers (esc_summary_store.assumed).
	   (The flags share one word: a step is in every edge.) */
	int assumed : 4;
	/* A summary's step (ESC_STEP_ARG_SUMMARY) whose leak rests on
	   functions the unit knows only by name: the callee's leak for this
	   argument is not its local one (esc_summary.local_heap).  The link
	   step re-derives it (imports.c): 1 + the callee's leak (derefs) the
	   edge adds; 0 for any other step. */
	int imported : 8;
	/* A store into the memory its function returns (on every path
	   after it, or null there: dangle.cc's esc_returned_after), not a
	   fresh allocation of its own: the project's allocator took it from
	   a free list or through a function pointer.  Sure all the same;
	   the summary also says which leaks need no such store
	   (esc_summary.sure_out), so that a caller that releases the
	   result before it returns keeps nothing (teardown).  In a
	   recursive component the sinks walk takes such a store (into the
	   heap, or the caller's memory) of a called activation for what
	   the call's value points to, at each call that releases its value
	   (findings.c).  On an ESC_STEP_CALL_RESULT step of a call inside
	   the component: the caller releases the call's value on every
	   path after it, or it is null there (call.cc). */
	int into_result : 1;
	/* Made only when a parameter's value, under a mask, is not zero
	   (its statement lies where only the non-zero way of a test of the
	   parameter leads, if (flags & CREATE), if (out)): 1 + the index of
	   the graph's guard (esc_graph_guard), 0 for none.  A caller that
	   passes a constant the mask makes zero keeps nothing by it
	   (esc_summary.guards). */
	int guard : 15;
	/* A store into memory that, on every path after it (or null
	   there: dangle.cc's esc_hung_after), the function hangs off a
	   field of a parameter's memory (v->pParse = pParse; pParse->pVdbe
	   = v: SQLite's Vdbe hung off its Parse), or a summary's step that
	   rests on such stores into memory hung off the same field of this
	   function's own parameter: 1 + the index of the graph's hang
	   (esc_graph_hang), 0 for none.  Sure all the same; the summary
	   also says which leaks need no such store (esc_summary.hangs), so
	   that a caller that releases what that field of its object holds
	   before every return (sqlite3VdbeFinalize(sParse.pVdbe)) keeps
	   nothing by them (teardown through the object's own field). */
	int hang : 4;
};
#define ESC_ASSUMED_RELEASED 2
/* Assumed because what it keeps or stores into is memory its function
   releases on every path before it returns (teardown: dangle.cc's
   esc_released_after): a pointer kept to it, or the heap memory a store
   writes into, holds no address once freed. */
#define ESC_ASSUMED_TORN_DOWN 3

/* Words for a step kind, as used in notes and JSON: "address-of", ... */
const char *esc_step_name(enum esc_step_kind kind);
/* The kind esc_step_name calls name, or -1. */
int esc_step_kind_by_name(const char *name);

struct esc_graph;

/* Fixed locations of every graph. */
#define ESC_HEAP 0
#define ESC_UNKNOWN 1

/* Parameter index of the variadic arguments ("..."). */
#define ESC_VARARGS (-1)

/* Derefs are counted up to this; more is treated as this many (Go, too,
   saturates its tags).  Conservative: fewer derefs means a stronger leak. */
#define ESC_MAX_DEREFS 8

struct esc_graph *esc_graph_new(void);
void esc_graph_free(struct esc_graph *g);

/* A function of the graph (one component may hold several).  Creates its
   result location.  Returns the function's index in the graph. */
int esc_func_new(struct esc_graph *g, const char *name, struct esc_pos pos);
int esc_func_result(const struct esc_graph *g, int func);
int esc_func_count(const struct esc_graph *g);

/* A new location of `kind' in function `func' (-1 for none). */
int esc_loc_new(struct esc_graph *g, enum esc_loc_kind kind, int func,
		const char *name, struct esc_pos pos);
/* A parameter location: index is 0-based, or ESC_VARARGS.  is_pointer says
   whether it is reported (pointer parameters and aggregates holding them). */
int esc_param_new(struct esc_graph *g, int func, int index, const char *name,
		  struct esc_pos pos, int is_pointer);
/* Parameter param points to const: what it points to is taken to be
   stored into only by casting const away, which no dangling warning rests
   on (a store there is esc_step.assumed).  deep: the same for what
   pointers loaded from there point to (they can only have been put there
   by type punning: const char *s). */
void esc_param_readonly(struct esc_graph *g, int param, int deep);
/* Parameter param is released by its function (esc_releases): what its
   value flows into (derefs 0, not what is loaded through it) is assumed
   (esc_step.assumed), so that no dangling warning rests on what a
   deallocator does with its argument; its summary says so to callers. */
void esc_param_released(struct esc_graph *g, int param);
/* A guard of the graph: parameter location param is tested against
   zero under mask (all ones: the whole value) before the statements the
   adapter builds while esc_graph_guard_set says so.  Returns its number
   for esc_step.guard (1 + its index), 0 when there are too many (the
   steps are then not guarded: sure).  A step takes the guard of the
   innermost test it stands under; the enclosing tests' guards are its
   guard's parents. */
int esc_graph_guard(struct esc_graph *g, int param, uint64_t mask);
/* The same for a global variable of the program (its name) that starts
   zero and that the steps are made only where it is not (under mask):
   if (!debug_on) return; map_insert(ev).  The link step rules it out
   when no function the program can run writes it. */
int esc_graph_guard_global(struct esc_graph *g, const char *global, uint64_t mask);
/* A hang of the graph: memory hung off the bytes at offset off of what
   parameter location param points to (esc_step.hang).  Returns its
   number for esc_step.hang (1 + its index), 0 when there are too many
   (the steps are then plain stores: sure). */
int esc_graph_hang(struct esc_graph *g, int param, int off);
/* Guard id's test stands inside guard parent's (0: inside none); tests
   of one guard inside different ones leave it none (conservative). */
void esc_graph_guard_parent(struct esc_graph *g, int id, int parent);
/* Is a step with guard `step' (0: none) guarded by guard `id': its own,
   or one its test stands inside? */
int esc_guarded_by(const struct esc_graph *g, int step, int id);
/* Variadic arguments by type.  Value location loc holds what a va_arg
   read of pointer type key gives (key: an opaque handle of the type
   pointed to, the adapter's; 0 for "any type": void *, or a value that
   is not a pointer), or loc -1: the graph reads a va_list in a way it
   cannot follow.  esc_vaarg_callee: a va_list is handed to a callee of
   summary s (NULL: one with none, or a rule, or an indirect call). */
struct esc_summary;
void esc_vaarg_value(struct esc_graph *g, int loc, uintptr_t key);
void esc_vaarg_callee(struct esc_graph *g, const struct esc_summary *s);
/* The last va_arg read made (esc_vaarg_value) happens only when
   parameter param (0-based) of its function holds one of the n integer
   constants vals: it stands under a switch's case or an == test of the
   parameter (sqlite3_db_config (db, op, ...) reads a pointer it keeps
   for two ops only). */
void esc_vaarg_when(struct esc_graph *g, int param, const long long *vals,
		    int n);
/* Variadic arguments by format.  Function func hands its variadic
   arguments (its va_list) to a callee that keeps of them only those its
   printf-style format consumes with a conversion of keep (the callee's
   esc_summary.fmt_keep, or a rule's "format"), the format being func's
   parameter param (0-based; -1: anything else); keep NULL: a callee of
   which this is not known.  A va_arg read that may be kept, or any such
   hand-off without a format, leaves func's summary without one. */
void esc_vaarg_format(struct esc_graph *g, int func, int param,
		      const char *keep);
/* The same for a hand-off to callee, a function of the same graph:
   params[i] is the parameter of func that argument i is (-1: none),
   for the first n arguments. */
void esc_vaarg_format_in(struct esc_graph *g, int func, int callee,
			 const int *params, int n);
#define ESC_VFMT_ARGS 8 /* the arguments esc_vaarg_format_in keeps */
/* One hand-off of a va_list by function func: to a callee whose format
   is known (param: func's parameter given as the format, -1 none; keep
   the callee's letters, NULL: no format), or to function callee (>= 0)
   of the same set, params[i] being the parameter of func that argument
   i is (-1 none). */
struct esc_vfmt {
	int func, param;
	const char *keep;
	int callee;
	int params[ESC_VFMT_ARGS];
};
/* The formats of nf functions (esc_summary.fmt_param, fmt_keep) from
   their hand-offs v[0..nv), to a fixed point: fp[f], fk[f] hold a
   rule's format on entry (fk[f] NULL: none, to be found; such a
   function keeps it), a function's own on return (fk NULL: none). */
void esc_formats_solve(const struct esc_vfmt *v, int nv, int nf, int *fp,
		       const char **fk);
/* Function func of the graph has a rule's "format" (esc_rules_format):
   its va_arg reads keep only what those conversions consume. */
void esc_func_format(struct esc_graph *g, int func, int param,
		     const char *keep);
/* Is the k-th (0-based) argument that printf-style format fmt consumes
   read by a conversion of keep (1), by another one or by nothing (0), or
   is that unknown (-1: a positional "%1$", glibc's "%m", a conversion
   that is not a letter)?  Conversions as C99 and SQLite write them:
   "%%" consumes nothing; flags "-+ #0'!,"; a width or precision "*"
   consumes an int; length modifiers "hlLqjzt" unless keep names the
   letter (SQLite's "%z" is a conversion). */
int esc_format_arg(const char *fmt, int k, const char *keep);
/* A stack object or allocation site (kind ESC_LOC_STACK / ESC_LOC_ALLOC). */
int esc_object_new(struct esc_graph *g, enum esc_loc_kind kind,
		   enum esc_obj_kind obj, int func, const char *name,
		   struct esc_pos pos);

int esc_loc_count(const struct esc_graph *g);
enum esc_loc_kind esc_loc_kind(const struct esc_graph *g, int loc);

/* Records that the address of object loc is taken somewhere, even if it
   flows nowhere: such objects are reported. */
void esc_address_taken(struct esc_graph *g, int loc);

/* dst holds *^derefs src (derefs >= -1). */
void esc_edge(struct esc_graph *g, int dst, int src, int derefs,
	      struct esc_step why);
/* Forwarded loads, for the sinks of the dangling check only.  A load of
   a stack object's field that reads what one store of this function
   wrote (nothing between may overwrite it: s.data = buf; s.data = q;
   p = s.data reads q) is made twice: esc_edge_stale, the load from the
   object as esc_edge makes it (the solver crosses it: the graph mixes an
   object's fields, as Go's model does; the sinks walk does not), and
   esc_edge_fwd from the stored value (only the sinks walk crosses it).
   Verdicts, parameter leaks and explanations are those of the load. */
void esc_edge_stale(struct esc_graph *g, int dst, int src, int derefs,
		    struct esc_step why);
void esc_edge_fwd(struct esc_graph *g, int dst, int src, int derefs,
		  struct esc_step why);
/* *ptr holds *^derefs src: a store through a pointer, resolved by
   esc_solve. */
void esc_store(struct esc_graph *g, int ptr, int src, int derefs,
	       struct esc_step why);
/* Fields, for the sinks walk only (the solver mixes an object's fields,
   as Go's model does).  The adapter says of edge `edge' (made since
   esc_edge_count said so) what part of memory it reads or writes:
   ESC_FIELD_READ, the bytes [off, off + size) of the memory it loads
   from at its last deref (an object's own contents for derefs 0: x =
   s.f; x = p->f); ESC_FIELD_WRITE, of dst, a stack object (s.f = v);
   size 0: unknown, the whole.  pres: the pointer the edge makes points
   where the one it copies did, at the same offset (a copy, a cast, the
   address of a whole object; not p + 8 nor &s.f).  A sinks walk that
   follows an address into a field of an object does not take a load of
   another field of it for the address (sNC.next = pNC ... pNC->types:
   SQLite's columnTypeImpl). */
enum { ESC_FIELD_NONE, ESC_FIELD_READ, ESC_FIELD_WRITE };
int esc_edge_count(const struct esc_graph *g);
void esc_edge_field(struct esc_graph *g, int edge, int kind, int off,
		    int size, int pres);
/* The same for a store through a pointer (esc_store), made since
   esc_store_count said so: it writes the bytes [off, off + size) of
   what its pointer points to (p->f = v).  Resolving it (pointsto.c)
   into a stack object that the pointer points to at its start (every
   value it holds is an object's whole address, through copies, casts
   and arguments: no load, no arithmetic) writes that field of the
   object (ESC_FIELD_WRITE): SQLite's parser moves yytos through its
   pointer to the engine, whose yystack it points into, and the sinks
   walk then does not take a load of the engine's pParse field for the
   engine's own address. */
int esc_store_count(const struct esc_graph *g);
void esc_store_field(struct esc_graph *g, int store, int off, int size);
/* Pointers into an array field, for the sinks walk only.  Edge `edge'
   (derefs 0: the address of an element or of the array, &p->stack[i],
   p->stack) makes a value that points inside the bytes [off, off +
   size) of what its source points to, an array of elements of elem
   bytes (size 0: nothing known); felem: the element size a pointer
   arithmetic edge steps by (both pointers of one element type, the
   offset a multiple of it) or a load edge reads at (a load through a
   pointer to that type), 0 for neither.  A pointer into the array
   stays in it through such arithmetic, and a load through it reads the
   array, not the object's other fields: SQLite's yy_reduce reads the
   stack entries through yymsp = yytos, never the engine's own
   pointers.  esc_store_inside: the same of a store's value. */
void esc_edge_inside(struct esc_graph *g, int edge, int off, int size,
		     int elem, int felem);
void esc_store_inside(struct esc_graph *g, int store, int off, int size,
		      int elem);

/* Marks function `func' as not analysed (too large, or something the
   adapter could not model): every object and parameter of it is treated
   as escaping, with `why' as the reason. */
void esc_func_give_up(struct esc_graph *g, int func, const char *why);

/* ------------------------------------------------------------------ */
/* Solution (pointsto.c, solve.c)                                      */

/* Resolves stores, then walks from every root.  Returns 0, or -1 if the
   graph was over budget and was solved conservatively. */
int esc_solve(struct esc_graph *g);

/* After esc_solve: what rests on functions known only by name (no body,
   no rule), for the link step (imports.c). */
void esc_solve_imports(struct esc_graph *g);

/* After esc_solve_imports: an object of a function found escaping by
   its result (Go moves it to the heap; what it holds leaks surely to
   the heap) whose address reaches no sink once the sinks walk tells its
   fields apart, and does without that (esc_edge_field), is no source of
   the sure leaks: SQLite's columnTypeImpl links its caller's context
   into a local and recurses with the local's address, and only the
   walk that mixes fields takes a load of another field of the local
   for the local.  Go's verdicts stay.  Returns how many objects. */
int esc_recheck_sure(struct esc_graph *g);

/* After esc_solve: */
int esc_escapes(const struct esc_graph *g, int loc);
/* Fewest derefs with which parameter `loc' reaches the heap / its own
   function's result, or -1 if it does not. */
int esc_leak_heap(const struct esc_graph *g, int loc);
int esc_leak_result(const struct esc_graph *g, int loc);

/* ------------------------------------------------------------------ */
/* Summaries (summary.c): what a finished function does with its params  */

#define ESC_STORE_RANGES 4
struct esc_summary_store {
	int from, to, derefs; /* to: a parameter, or ESC_FRESH_RESULT */
	int level;            /* 1: *arg[to] receives; 2: **arg[to] */
	int assumed;          /* the caller's store is assumed
				 (esc_step.assumed): undone before every
				 return (esc_summary_undo), or made only of
				 steps that carry a released parameter's
				 value (ESC_ASSUMED_RELEASED, its value) */
	/* level 1: the fields of *arg[to] it goes into, each the bytes
	   [off[i], off[i] + size[i]) of what arg[to] points to, when
	   every store of the function into that memory is of a known
	   field (esc_store_field) and they are few; nranges 0: any part
	   (SQLite's sqlite3ParserInit: yytos = yystack, yystackEnd =
	   &yystack[N - 1] and pParse = pParse, three fields).  Not in the
	   report: a summary read back has none. */
	int nranges;
	int off[ESC_STORE_RANGES], size[ESC_STORE_RANGES];
	/* level 1, derefs 0: the value stored points inside the array
	   field [in_off, in_off + in_size) of what arg[from] points to, of
	   elements of in_elem bytes (SQLite's sqlite3ParserInit: yytos =
	   yystack, yystackEnd = &yystack[N - 1]); in_size 0: not known.
	   Not in the report, as the ranges. */
	int in_off, in_size, in_elem;
};

/* Byte ranges [off, off + size) of an object (esc_summary.other_rng). */
struct esc_ranges {
	int nranges;
	int off[ESC_STORE_RANGES], size[ESC_STORE_RANGES];
};

/* A summary store's target: the fresh allocation the function returns
   (parser_new(text) keeping text in the parser it allocates). */
#define ESC_FRESH_RESULT (-2)

struct esc_summary {
	int nparams;
	/* per parameter (index nparams: the varargs), fewest derefs to the
	   heap / to the result, -1 for none */
	signed char *heap;
	signed char *result;
	/* the same as heap, by steps that are not assumed (see
	   esc_step.assumed): >= heap, -1 for none */
	signed char *sure;
	/* stores into the caller's memory: *arg[to] (or **arg[to], by
	   level) receives *^derefs arg[from] (from nparams: each variadic
	   argument); the heap counts above leave these paths out */
	int nstores;
	struct esc_summary_store *stores;
	int gave_up; /* not analysed: every pointer argument escapes */
	/* the result may hold what no parameter gave it (an object's
	   address, a value from outside): the call's value then also comes
	   from the unknown location */
	int result_other;
	/* the result may be an allocation made by the function: the call
	   makes one in the caller, which receives the stores to
	   ESC_FRESH_RESULT */
	int fresh;
	/* a linked summary's (summaries=FILE): the function never returns
	   (the link step's "never returns", esc_func_report.ends) */
	int noreturn;
	/* the same as heap, sure and result without what rests on callees
	   known only by name (after esc_solve_imports; result is not
	   dropped where no stronger than heap): the link step's start */
	signed char *local_heap, *local_sure, *local_result;
	/* a linked summary's (summaries=FILE): the function's effects,
	   closed over the build's calls (effects.c); none otherwise */
	int neffects;
	struct esc_effect *effects;
	/* per parameter (nparams, no varargs slot), 1 if the function
	   releases it (esc_param_released): a caller's edges for that
	   argument (heap, result, stores from it) are assumed; NULL for
	   none (a linked summary) */
	unsigned char *release;
	/* per slot (as sure), NULL when it is sure: the fewest derefs to
	   the heap by steps that are neither assumed nor stores into the
	   memory the function returns (esc_step.into_result): a caller
	   that releases the result before it returns keeps only these
	   (none for a linked summary) */
	signed char *sure_out;
	/* when argument `param' is a constant c with (c & mask) == 0: the
	   sure leaks (per slot, as sure) by the steps that test does not
	   rule out (esc_step.guard); none for a linked summary */
	int nguards;
	struct esc_summary_guard *guards;
	/* memory the function hangs off a field of what argument `param'
	   points to (esc_step.hang): the sure leaks (per slot, as sure)
	   by the steps that are not stores into it; a caller that releases
	   what that field holds before it returns keeps only these (none
	   for a linked summary) */
	int nhangs;
	struct esc_summary_hang *hangs;
	/* the types (esc_vaarg_value keys) of the va_arg reads whose value
	   is surely kept, in this function's component or a callee's it
	   hands a va_list to, when all are known (vkeys_known): a variadic
	   argument of a pointer type none of them reads is not surely kept
	   (SQLite's sqlite3ErrorMsg adopts a "%z" char *, only reads a "%T"
	   Token *) */
	int vkeys_known;
	int nvkeys;
	uintptr_t *vkeys;
	/* the variadic arguments are surely kept only when argument
	   vwhen_param (0-based) is one of the nvwhen constants vwhen
	   (ascending): every va_arg read whose value is surely kept happens
	   only then (esc_vaarg_when); -1: whatever the call passes */
	int vwhen_param;
	int nvwhen;
	long long *vwhen;
	/* printf-style: parameter fmt_param (0-based) is a format, and of
	   the variadic arguments only those it consumes with a conversion
	   of fmt_keep (interned letters) may be kept, stored or returned;
	   the others are only read (a rule's "format", or every va_list
	   hand-off of the function goes to such a callee with that
	   parameter: esc_vaarg_format).  NULL: not known */
	int fmt_param;
	const char *fmt_keep;
	/* the sure leak of parameter `param' at `level' ends before every
	   return only if callees known to this unit only by name release
	   their argument (free the memory it points to on every path: the
	   block the leak is stored into, sqlite3_free(azNextLine)):
	   local_sure leaves it out, the link step puts it back where the
	   build's callees do not release (none for a linked summary) */
	int nreleases;
	struct esc_summary_release *releases;
	/* per parameter (nparams; NULL for none, and for a linked
	   summary): 1 if the function stores into *arg a value that comes
	   from no parameter, a global's, an unknown one, or an allocation
	   that escapes by another way too (*pp = registry): the caller's
	   memory there then holds a value from outside (not a fresh
	   allocation the frame alone holds: that stays the caller's own);
	   with other_rng[param].nranges > 0, only into those fields */
	unsigned char *other_out;
	struct esc_ranges *other_rng;
};

/* A release a sure leak rests on (esc_summary.releases). */
struct esc_summary_release {
	int param, level;
	const char *callee; /* interned */
	int arg;            /* 0-based */
	/* the sink it is for, and its group: a sink ends if every
	   release of one of its groups is made (a group is one callee
	   whose release alone ends it, or the fewest together) */
	int sink, group;
};

/* A guard of a summary (esc_summary.guards). */
struct esc_summary_guard {
	int param;          /* -1: a global's */
	uint64_t mask;
	signed char *sure;
	const char *global; /* interned: the global tested (param -1) */
};

/* A hang of a summary (esc_summary.hangs): the field at byte offset
   off of what argument param points to. */
struct esc_summary_hang {
	int param, off;
	signed char *sure;
};

/* The summary of function `func' of a solved graph (caller frees with
   esc_summary_free). */
struct esc_summary *esc_summarize(const struct esc_graph *g, int func);
void esc_summary_free(struct esc_summary *s);
int esc_summary_heap(const struct esc_summary *s, int index);
/* Fewest derefs to the heap by steps that are not assumed, or -1. */
int esc_summary_sure(const struct esc_summary *s, int index);
/* The same by steps that are not stores into the memory the function
   returns either (esc_summary.sure_out). */
int esc_summary_sure_out(const struct esc_summary *s, int index);
int esc_summary_result(const struct esc_summary *s, int index);
/* Does a variadic argument whose type is key surely reach what the
   summary's varargs slot says (1), or only by assumption (0)? */
int esc_summary_vkey(const struct esc_summary *s, uintptr_t key);
/* May the variadic arguments of a call be surely kept, when its argument
   s->vwhen_param is the constant value (known: 1) or unknown (known: 0)?
   0 only when the summary says they are kept for other values only. */
int esc_summary_vwhen(const struct esc_summary *s, int known,
		      long long value);
/* May the variadic argument k (0-based among them) of a call be kept,
   its format argument (s->fmt_param) being fmt (NULL: not a literal)?
   0 only when fmt consumes it with a conversion s->fmt_keep leaves out. */
int esc_summary_fmt(const struct esc_summary *s, const char *fmt, int k);
/* Does argument index's leak to the heap rest on functions known only by
   name (heap or sure not the local one)?  A caller's edge for it is then
   an import (esc_step.imported). */
int esc_summary_imported(const struct esc_summary *s, int index);

/* Linked summaries of functions defined in other units (escape-report
   --summaries, read by summaries=FILE).  Returns NULL with a message
   naming the file and what is wrong in err. */
struct esc_summaries;
struct esc_summaries *esc_summaries_load(const char *path, char *err,
					 size_t errlen);
void esc_summaries_free(struct esc_summaries *ss);
/* The summary of symbol, or NULL: none, or not to be trusted - its
   signature (the parameters' types, as esc_signature words them) is not
   the one given, or its source file has changed since (its hash). */
const struct esc_summary *esc_summaries_find(struct esc_summaries *ss,
					     const char *symbol,
					     const char *signature);

/* Releases: which parameters a function releases - frees them (a rule's
   "free"), or hands their value to a parameter that another function
   releases (directly, or through a function pointer whose targets the
   adapter knows), on some path.  A stack address given to a function
   that frees or recycles its argument is not kept in any sense a C
   programmer means (freeing a stack object is another bug): the adapter
   gives the facts of the whole unit, solves them once, and marks the
   released parameters of each graph (esc_param_released).  func, callee:
   the adapter's function numbers; param, arg: 0-based. */
struct esc_releases;
struct esc_releases *esc_releases_new(void);
void esc_releases_free(struct esc_releases *r);
/* param of func is released by func itself (freed) */
void esc_releases_seed(struct esc_releases *r, int func, int param);
/* func hands param's value to argument arg of callee: released if
   that is */
void esc_releases_pass(struct esc_releases *r, int func, int param,
		       int callee, int arg);
/* Calls through a function pointer: the unit puts function fn in the
   field named by key (an opaque handle: the compiler's field), and func
   hands param's value to argument arg of a call through a pointer loaded
   from such a field: released if any function put there releases it. */
void esc_releases_target(struct esc_releases *r, uintptr_t key, int fn);
void esc_releases_pass_indirect(struct esc_releases *r, int func, int param,
				uintptr_t key, int arg);
/* To the fixed point; returns how many parameters are released. */
int esc_releases_solve(struct esc_releases *r);
int esc_releases_param(const struct esc_releases *r, int func, int param);

/* Bottom-up order of a call graph's strongly connected components
   (Tarjan).  edges are n_edges (caller, callee) pairs of function indices
   0..n-1.  Fills comp[i] with the component of function i, numbered so
   that callees' components come first; returns the number of components. */
int esc_components(int n, const int (*edges)[2], int n_edges, int *comp);

/* ------------------------------------------------------------------ */
/* Reports (findings.c builds them; notes.cc and report.c print them)   */

/* An explanation: the steps from the address-of (or the parameter) to the
   sink, in order. */
struct esc_flow {
	int nsteps;
	struct esc_step *steps;
	int truncated; /* 1 if the explanation was cut (cycle or length) */
};

/* What an escape, a leak or a warning rests on that another unit
   decides: an argument of a function known here only by its symbol (no
   body, no rule; imports.c), which the link step (escape-report) resolves
   against the build. */
struct esc_const {
	int arg;         /* 0-based */
	long long value;
};

struct esc_import {
	const char *callee;  /* its symbol (interned) */
	int arg;             /* 0-based */
	int derefs;          /* fewest derefs with which the owner reaches
				the argument; < 0: the owner's address does */
	int value_result;    /* the call's value reaches the function's own
				result with this many derefs, or -1 */
	int value_heap;      /* ... reaches the heap (as the unit sees it) */
	int sure;            /* a non-const void * argument: the unit takes it
				as kept (not esc_step.assumed) */
	int addr;            /* an object whose very address reaches the
				argument (solve.c's clamped walk): what a
				pending warning needs */
	struct esc_pos pos;  /* the call */
	const void *origin;  /* the call statement (opaque) */
	int owner_kind;      /* ESC_OWNER_PARAM, _LOCAL or _ALLOC */
	int owner;           /* its index in the function report's array */
	/* the call's integer arguments that are constants where it stands
	   (the adapter's, esc_import_consts), an argument one of several
	   when it stands in as many entries: the link step reads the
	   callee's esc_summary.vwhen with them */
	int nconsts;
	struct esc_const *consts; /* owned by the report */
};

enum { ESC_OWNER_PARAM, ESC_OWNER_LOCAL, ESC_OWNER_ALLOC };

/* Effects: what a function does to the memory its parameters point to,
   for a later call that tears down or undoes what an earlier one kept
   (effects.c).  A path names memory reached from a parameter by fields:
   "" the parameter's own object, "f" its field f (p->f), "g/f" the field
   f of what its field g points to (p->g->f); deeper paths are not kept.
   The adapter reads them off a function's body; calls are closed over at
   compile time (same-file callees) and at link time (the build's). */
enum esc_effect_kind {
	ESC_FX_SET,   /* writes path (on some path) */
	ESC_FX_CLEAR, /* writes path, or frees it ("": frees the parameter's
			 object), on every path that returns normally (a
			 path that returns a non-zero constant, or leaves
			 where the parameter or what the field the path
			 starts with holds is null, does not count; freed
			 on some path and handed to an indirect call on
			 every other one: freed; handed to an indirect
			 call through a field or global that the unit sets
			 to a deallocator, and to no other function
			 (p->mem.free_fcn = free ... p->mem.free_fcn(p)),
			 or to a function of the unit that frees its
			 parameter on every path (sqlite3MemFree): freed;
			 realloc frees nothing: the new block holds what
			 the old one held) */
	ESC_FX_CALL,  /* passes the value at path (only "" or "g": the
			 parameter, or what p->g holds) as argument arg of
			 callee; every: on every path that returns normally */
	ESC_FX_UNLINK, /* unlinks the parameter's object from the list it is
			 in, on every path that returns normally: the memory
			 its link field path (one field) points to, the cell
			 that points to the object, receives another of its
			 fields (its successor): *n->prevp = n->next (BSD
			 LIST_REMOVE/TAILQ_REMOVE), n->prev->next = n->next */
	ESC_FX_RELEASE, /* frees the parameter's object ("") on every path
			   that returns normally on which its count field
			   path, decremented, reaches 0 (if (--p->refcnt ==
			   0) free(p); int r = --p->refcnt; if (r == 0)
			   destroy(p); if (--p->refcnt > 0) return; ...
			   free(p)): where the count was 1 */
	ESC_FX_FRESH    /* param -1: on every path that returns it
			   non-null, the result points to an object whose
			   field path (a count) the function set to the
			   constant 1 and wrote nothing else to (p =
			   calloc(..); p->refcnt = 1; return p;), or, with
			   callee, is that callee's result (a wrapper;
			   closed over at link time) */
};
/* A condition on what a function is given, as at its entry:
   (param->path & mask) != 0 with mask != 0 (path "" the parameter
   itself), or param->path < 0 with mask 0 (an integer). */
#define ESC_MAX_CONDS 6
struct esc_cond {
	int param;
	const char *path; /* interned */
	uint64_t mask;
};
/* An integer argument of a call (0-based arg) that is parameter param's
   value at path ("" the parameter itself). */
struct esc_cond_arg {
	int arg, param;
	const char *path; /* interned */
};
/* Interned sets of them (esc_conds_intern): one copy of each, shared,
   freed by esc_intern_free. */
struct esc_conds {
	int n;
	struct esc_cond c[ESC_MAX_CONDS];
};
struct esc_cond_args {
	int n;
	struct esc_cond_arg a[ESC_MAX_CONDS];
};
#define ESC_NCONDS(s) ((s) ? (s)->n : 0)
/* The interned set of c[0..n) (n <= ESC_MAX_CONDS), NULL for n == 0. */
const struct esc_conds *esc_conds_intern(const struct esc_cond *c, int n);
const struct esc_cond_args *esc_cond_args_intern(const struct esc_cond_arg *a, int n);
void esc_conds_free(void);
struct esc_effect {
	enum esc_effect_kind kind;
	int param;           /* 0-based */
	const char *path;    /* interned */
	const char *callee;  /* CALL: its name (interned) */
	int arg;             /* CALL: 0-based */
	int every;           /* CALL: see above */
	int pointer;         /* SET, CLEAR: the value written is a pointer,
				or the memory is freed */
	int pop;             /* CLEAR: what is written restores the field
				from itself (p->f = p->f->next; p->f =
				p->f - 1): a pop, not a push */
	int nonzero;         /* SET, CLEAR: every value written is a non-zero
				constant, or or-ed with one (a flag set:
				n->linked = 1; ev->flags |= 4) */
	uint64_t setbits;    /* SET, CLEAR of a scalar: the bits its writes
				set, or-ed over them (n->linked = 1: 1;
				ev->flags |= 4: 4) */
	uint64_t clrbits;    /* SET, CLEAR: the bits its writes may clear
				(flags &= ~4: 4; n->linked = 1: ~1; any
				other write: all) */
	const char *guard;   /* UNLINK, CALL: NULL, or the field of the
				parameter (a flag) on whose zero branch it
				leaves without unlinking (if (!n->linked)
				return;), or the call is not made (if
				(n->flags & 4) del(n);): unlinked whenever
				the flag is set */
	uint64_t mask;       /* with guard: the bits of the flag tested
				(n->flags & 4: 4), 0 for all */
	int dec;             /* CALL not on every path: made on every path
				that returns normally on which the count
				field guard of the parameter, decremented,
				reaches 0 (if (--p->refcnt == 0)
				port_free(p);): what it frees is the
				parameter's RELEASE */
	int alt;             /* CALL not on every path: > 0 when the calls
				of this group (the same alt) are, together,
				on every path that returns normally (gzclose:
				mode == READ ? gzclose_r(f) : gzclose_w(f)):
				what every one of them clears is cleared */
	int altcover;        /* CALL with alt: guard, mask and skip say
				where the group (not this call alone) is
				made: the two arms of one if (if (io)
				io_del(ev); else signal_del(ev);) under if
				(ev->flags & INSERTED) */
	/* UNLINK, CALL: also made on every normal path on which none of
	   these holds (a remover's early return: if (ev->flags &
	   FINALIZING) return 0; if (fd < 0) return 0;); NULL: none */
	const struct esc_conds *skip;
	/* SET or CLEAR of a pointer, CALL: made only where none of these
	   holds at the function's entry (the keeper's refusal: if
	   (ev->flags & FINALIZING) return -1; if (fd < 0) return 0;
	   before it links), of every write of the path; NULL: none */
	const struct esc_conds *refuse;
	/* CALL: integer arguments that are a parameter or a field of one
	   (evmap_io_del_(base, ev->ev_fd, ev): argument 1 is parameter 0's
	   "ev_fd"), the callee's conditions on them become the caller's;
	   NULL: none */
	const struct esc_cond_args *args;
};
/* Adds condition c to a (n of them) unless there; the new count, or -1
   when it does not fit (ESC_MAX_CONDS). */
int esc_conds_add(struct esc_cond *a, int n, const struct esc_cond *c);
/* Keeps in a (na) the conditions also in b (nb): two writes of a path,
   each made only where none of its refusals holds, are together made
   only where none of their common ones does.  The new count. */
int esc_conds_meet(struct esc_cond *a, int na, const struct esc_cond *b, int nb);
/* The path "via/path" capped at two fields, or NULL if deeper (interned). */
const char *esc_effect_path(const char *via, const char *path);

/* A function's control flow graph for the "on every path" questions of
   its effects (paths.c): blocks 0..n-1, block b's edges go to
   dest[start[b]] .. dest[start[b + 1] - 1]; from entry to exit (a normal
   return).  ok: one byte per edge, 0 for the ways out that do not count
   (NULL: every edge counts). */
struct esc_paths {
	int n, entry, exit;
	const unsigned *start;  /* n + 1 */
	const int *dest;
};
/* Is the exit reached from the entry by the edges ok allows?  If so, sets
   on[b] (n bytes, cleared by the caller) for each block b that every such
   path passes (the exit's dominators, the entry and the exit with them).
   When it is not, every path trivially passes every block. */
int esc_paths_on_every(const struct esc_paths *g, const unsigned char *ok,
		       unsigned char *on);
/* Does every path from the entry to the exit by the edges ok allows pass
   a block b with set[b] (n bytes)? */
int esc_paths_through(const struct esc_paths *g, const unsigned char *ok,
		      const unsigned char *set);
/* Which of the callees 0..ncallees-1 a function returns only through:
   block b calls callees calls[cstart[b] .. cstart[b + 1]); taken never to
   return (a call of one ends its block's paths), which of them leave no
   path from the entry to the exit?  A minimal set, into out (its
   callees' numbers, ascending; *nout of them): it returns only if one of
   them does.  0 with *nout 0: the exit is not reached at all (a body that
   ends in a longjmp).  -1 when all of them together leave a path. */
int esc_paths_ends(const struct esc_paths *g, const unsigned *cstart,
		   const int *calls, int ncallees, int *out, int *nout);
/* Closes facts[0..n) over its CALLs, once: adds the SET and CLEAR facts
   of each callee (callee_facts(name, ctx, &count) gives them, NULL for
   none) at the parameter and path it is given (a CLEAR only through a
   call on every path, or through each call of an alt group).
   Duplicates are not added.  Returns the new count
   (*facts is grown). */
int esc_effects_close(struct esc_effect **facts, int n, int *cap,
		      const struct esc_effect *(*callee_facts)(const char *name,
							       void *ctx, int *count),
		      void *ctx);
/* An undo candidate of a pending warning: a later call, of callee, that
   every path from the keeping call to the object's death passes, given
   in its argument pairs[i][0] what the keeping call was given in
   argument pairs[i][1] (-1: what it returned). */
struct esc_undo_call {
	const char *callee;
	int npairs;
	int (*pairs)[2];
	/* through: NULL, or the callee of an earlier call (on every path to
	   the keeping call, the last of its callee's before it, and no call
	   of another callee given the object between them) given the kept
	   object in argument via_arg; pairs[i][1] then are that call's
	   arguments (assign(&ev, base); add(&ev); base_free(base): base_free
	   frees the handle assign stored in ev, through which add kept
	   it) */
	const char *via;
	int via_arg;
	/* the other calls of the caller given what the keeping call
	   returned (not the later call's callee's): their callees' closed
	   effects, ofx[i] (nofx[i] of them; nofx[i] < 0: a callee with no
	   known effects, an indirect call, or the value stored where
	   another may take it); others_known 0: not known.  A count the
	   keeper set to 1 is still 1 at the later call when none of them
	   writes it (lis_incref(l) takes a reference) */
	int others_known, nothers;
	const struct esc_effect *const *ofx;
	const int *nofx;
	/* in a pending warning's candidates (esc_warning.undo): the others'
	   callees instead, NULL for an indirect call (owned) */
	const char **names;
	/* through: the calls given the kept object between the earlier
	   call and the keeping one (other callees than the keeper's), and
	   the argument each is given it in: none may move the handle
	   (esc_effects_keeps_handle) */
	const char *between[4];
	int between_arg[4];
	int nbetween;
	/* a drain of the keeper's handle (dangling.c's drain candidates):
	   the functions of the library's rules file with a "loop"
	   (interned; owned array), its loop exits first (nexits of them);
	   ndrain 0: no drain.  The link step undoes by it when no loop
	   exit is reachable from the function (its calls and the
	   callbacks it registers, over the build's call graph) */
	const char **drain;
	int ndrain, nexits;
	/* the drain's own callback (interned; NULL: none): the callback
	   the object runs when it fires, out of the handle by then (a
	   one-shot event: the rule's "fires"), whose address the function
	   takes only there.  The link step does not follow it from the
	   function when it looks for a loop exit, and then needs that no
	   function reached, own included, calls one of links (the
	   library's linking functions, nlinks, owned array): none puts
	   the object back */
	const char *own;
	const char **links;
	int nlinks;
	/* callees that must never return for the call to undo (the link
	   step's "never returns", esc_func_report.ends): it cuts every
	   path from the keeping call but those through a call of one of
	   them (interned; owned array; nends 0: none needed) */
	const char **ends;
	int nends;
};
/* Does a later call with effects fx2 (closed) undo what a keeping call
   with effects fx1 (closed) kept of its argument kept, given the
   argument pairs of u?  Yes when, for a pair (j, m), fx2 on parameter j
   CLEARs on every path: "" (frees it) with m the keeper's result or a
   handle other than kept; "f" with fx1 SETting "f" on parameter m
   (inflateInit_(&s) ... inflateEnd(&s): s->state set, then freed and
   cleared) - if m is not kept itself, only a pop of "f" (pop(s) after
   push(s, &b); a later push, lua_pushstring(L, ...) after
   luaL_buffinit(L, &b), undoes nothing); "g/f" with fx1 SETting "g" on
   parameter m and "f" on another
   one (luaL_buffinit(L, &b) stores L in b.L and pushes onto L->top;
   luaL_pushresult(&b) moves b.L->top back); or fx2 UNLINKs parameter j
   through field f with m the kept object and fx1 SETting its pointer
   field f (reg_add(r, &n) sets n.prevp, reg_del(&n) does *n->prevp =
   n->next; with a guard flag, only if fx1 sets a bit of that flag of it
   (of the guard's mask) that none of its writes of the flag may clear:
   add(b, &e) links e and sets e->added = 1, or e->flags |= 4; del(&e)
   returns if !e->added, or if !(e->flags & 4), else unlinks); with
   skips, only if every pointer write of fx1 to that field refuses each
   (a refusal of the same field covering the skip's bits, or the same
   negative test) and neither fx1 nor fx2 sets those bits or writes that
   field (add(&e) returns -1 if e->flags & 64, del(&e) returns 0 then).
   "f" of
   the kept object itself only undoes a keeper that writes no pointer
   elsewhere than into the object and through its field f (into another
   parameter's memory, or through another field of the object):
   reg_add(r, &n) keeps n in r whatever init(&n) writes.  Or, for a pair
   (j, -1): fx1 returns an object with its count field f set to 1
   (FRESH f), fx2 RELEASEs its parameter j where f, decremented, reaches
   0, and no other call given the object (u's others, known) writes f:
   the caller held the only reference, and the later call frees the
   object (lis = lis_new(cb, &x); lis_free(lis)).  Only pointers count: the
   keeper's memory hangs off a pointer field, which C1 sets and C2
   clears, frees or moves. */
int esc_effects_undo(const struct esc_effect *fx1, int n1, int kept,
		     const struct esc_effect *fx2, int n2,
		     const struct esc_undo_call *u);
/* Does a later call with effects fx2 (closed) clear, on its parameter
   j, every pointer field that a keeping call with effects fx1 (closed)
   writes on its parameter m, each a field of m's own object (no path
   through another pointer), at least one?  Then what the keeper stored
   into that object itself is gone (bufferevent_setcb(bev, r, w, e, arg)
   writes bev->readcb ... bev->cbarg; bufferevent_free(bev) sets them
   all to NULL).  The caller must know that the keeper stored the
   address there (the link step: its summary's store into m, level 1). */
int esc_effects_clears_all(const struct esc_effect *fx1, int n1, int m,
			   const struct esc_effect *fx2, int n2, int j);

/* Do a summary's stores (n of them) store argument arg itself into the
   object argument m points to (m->f = arg: from arg, to m, derefs 0,
   level 1)? */
int esc_stores_into(const struct esc_summary_store *st, int n, int arg, int m);
/* Undo by what the keeper stored: for a pair (j, m) of u, the keeper
   (effects fx1, stores st1) stored its argument kept into the object of
   its argument m, and the later call (effects fx2, stores st2) clears, on
   its parameter j, every pointer field the keeper writes there
   (esc_effects_clears_all: bufferevent_setcb/bufferevent_free), and
   stores nothing the object held anywhere (a push that saves the old top
   in the new block keeps the old one reachable). */
int esc_effects_undo_stored(const struct esc_effect *fx1, int n1,
			    const struct esc_summary_store *st1, int nst1,
			    int kept, const struct esc_effect *fx2, int n2,
			    const struct esc_summary_store *st2, int nst2,
			    const struct esc_undo_call *u);
/* Undo through the object's handle (u->via): an earlier call (effects
   fx0, stores st0) stored, in a pointer field g of the kept object (its
   argument a), the handle that the later call (fx2) frees on every path
   (given in pairs[i][0] what the earlier one got in pairs[i][1]), and
   the keeper (fx1, st1) reaches memory through the kept object's field g
   (a path "g/..." or a CALL passing p->g) and stores no other argument
   into the object: event_assign(&ev, base) sets ev.ev_base;
   event_add(&ev) keeps ev in what ev->ev_base points to;
   event_base_free(base) frees it.  The link step and the compiler's own
   check (summaries=) both ask it. */
int esc_effects_undo_through(const struct esc_effect *fx0, int n0,
			     const struct esc_summary_store *st0, int nst0, int a,
			     const struct esc_effect *fx1, int n1,
			     const struct esc_summary_store *st1, int nst1, int kept,
			     const struct esc_effect *fx2, int n2,
			     const struct esc_undo_call *u);

/* Does a call given the kept object in its argument b (effects fxb,
   stores stb: a call between the earlier call of an undo through the
   handle and the keeper) leave the handle where the earlier call (fx0,
   on its argument a) stored it: it writes no handle field of the object
   (a pointer field the earlier call writes and the keeper, fx1 on its
   argument kept, reaches memory through), nor the object itself, and
   its summary stores nothing into the object?  event_del(&ev), or
   event_assign(&ev2, base, .., &ev) giving ev as the callback's
   argument, leave ev.ev_base; event_assign(&ev, base2) does not.
   Whether the call's callees are known (its CALL facts on b) is the
   caller's question. */
int esc_effects_keeps_handle(const struct esc_effect *fx0, int n0, int a,
			     const struct esc_effect *fx1, int n1, int kept,
			     const struct esc_effect *fxb, int nb,
			     const struct esc_summary_store *stb, int nstb, int b);

struct esc_param_report {
	const char *name;
	int index;            /* 0-based */
	struct esc_pos pos;   /* the declaration */
	int leaks_to_heap;    /* fewest derefs, -1 for none (JSON null) */
	int leaks_to_result;  /* -1 for none */
	struct esc_flow heap_flow, result_flow;
	int local_heap;       /* leaks_to_heap without imports */
	int loc;              /* its location (while the graph lives) */
};

struct esc_site_report {   /* one place the address is taken on an escaping flow */
	struct esc_pos pos;
	struct esc_flow flow;
};

/* A sink: where the object's address ends up that may outlive it - the
   step into the heap, the caller's memory or the function's result
   (findings.c finds every one, walking the solved graph forwards from
   the object, as Go's walkOne decides; the flow only explains it). */
struct esc_sink {
	struct esc_step step; /* the sink's own step (its kind says which) */
	struct esc_flow flow; /* address-of ... sink, the shortest path */
	unsigned levels;      /* bit k: a path brings the address to the
				 sink's source location after k derefs (bit
				 0: the value itself is the address) */
	unsigned held;        /* bit k: the sink holds the address after k
				 derefs (bit 1 alone: a keeper of a pointer
				 to the memory the address is in) */
};

struct esc_local_report {
	const char *name;     /* e.g. "buf", "(compound literal)", "alloca(...)" */
	enum esc_obj_kind kind;
	struct esc_pos pos;   /* the declaration, or the creation */
	int escapes;
	int nsites;
	struct esc_site_report *sites;
	int nsinks;           /* every sink its address reaches */
	struct esc_sink *sinks;
	int sinks_cut;        /* the sink walk was over its budget: sinks
				 lists only some; the sites' flows stand in */
	int local_escapes;    /* escapes without imports */
	int local_content;    /* fewest derefs with which what it holds
				 reaches the heap without imports nor
				 assumed steps (0: its address escapes),
				 -1 none: where a callee of another file
				 storing into it leaves a value (the link
				 step) */
	int loc;
};

struct esc_alloc_report {
	const char *callee;   /* "malloc" */
	struct esc_pos pos;   /* the call */
	int escapes;
	struct esc_flow flow;
	int local_escapes;    /* escapes without imports */
	int loc;
};

/* The kinds of dangling warning (their ids: esc_warn_id). */
enum esc_warn_kind {
	ESC_WARN_RETURN,   /* "escape-return": returned */
	ESC_WARN_GLOBAL,   /* "escape-global": left in a global or static */
	ESC_WARN_CALLER,   /* "escape-caller": left in memory outside the frame */
	ESC_WARN_KEPT,     /* "escape-kept": kept by a callee (rule, summary) */
	ESC_WARN_THREAD,   /* "escape-thread": handed to a thread not joined */
	ESC_WARN_UNKNOWN,  /* "escape-unknown": void * to an unknown callee */
	ESC_WARN_NOESCAPE, /* "escape-noescape": a noescape parameter escapes */
	ESC_WARN_SCOPE,    /* "escape-scope": used after its block ends */
	ESC_WARN__COUNT
};
/* "escape-return", ...; "?" out of range.  esc_warn_by_id: -1 if none. */
const char *esc_warn_id(int kind);
int esc_warn_by_id(const char *id);
/* The warning kind of a sink step, or -1 if it warns of nothing (an
   integer, an asm operand, a sink only assumed: esc_step.assumed). */
int esc_sink_kind(const struct esc_step *sink);

/* A dangling stack address: an escape that is still in place when the
   object's life ends (dangling.c decides, flow-sensitively). */
struct esc_warning {
	const char *id;       /* its warning kind's id: "escape-return", ... */
	const char *object;   /* the stack object's name */
	struct esc_pos pos;   /* where its address is taken */
	struct esc_pos sink;  /* where it is stored, returned or handed over:
				 where the warning stands */
	struct esc_pos decl;  /* the object's declaration (or creation) */
	const char *message;  /* the whole warning text, its id included */
	const struct esc_flow *flow; /* its steps (owned by the local's site) */
	int suppressed;       /* silenced by a comment on the line */
	/* pending: it rests only on a function known by name (an import of
	   the report), which the link step decides; not printed */
	const struct esc_import *pending;
	/* pending: the later calls that may undo it (the link step decides
	   with the callees' effects) */
	int nundo;
	struct esc_undo_call *undo;
};

struct esc_func_report {
	const char *name;
	struct esc_pos pos;
	const char *gave_up;  /* why it was not analysed, or NULL */
	int nparams, nlocals, nallocs, nwarnings;
	struct esc_param_report *params;
	struct esc_local_report *locals;
	struct esc_alloc_report *allocs;
	struct esc_warning *warnings; /* filled by dangling.c */
	int nimports;
	struct esc_import *imports;   /* what its verdicts rest on */
	const char *symbol;   /* its symbol if external, else NULL (adapter) */
	const char *signature; /* its parameters' types, for summaries= */
	struct esc_summary *summary; /* its summary, when exported (adapter) */
	int neffects;          /* what it does to its parameters' memory */
	struct esc_effect *effects; /* (adapter; effects.c) */
	/* the functions it calls or takes the address of (a callback it
	   registers), by name, each once (interned; owned array), and
	   whether it makes an indirect call: the link step's call graph
	   (an event loop's exits, dangling.c's drains); calls_known 0:
	   not collected (adapter, with json=) */
	int calls_known, ncalls, indirect;
	const char **calls;
	/* the callees (direct calls, by name) it returns only through: if
	   none of them returns, neither does it; nends 0: its exit is not
	   reached at all (esc_paths_ends; interned, owned array);
	   ends_known 0: it may return whatever they do, or not collected
	   (adapter, with json=) */
	int ends_known, nends;
	const char **ends;
	/* with calls: the globals it writes or takes the address of, by
	   name, each once (interned; owned array) */
	int nwrites;
	const char **writes;
};

/* The notes under a warning, before its flow (one wording for GCC's
   notes and the report's diagnostics): where the address is taken, if
   not where the warning stands (at[0], text[0]), and the object's
   declaration (at[1], text[1]).  Returns a bit per note given. */
int esc_warning_notes(const struct esc_warning *w, struct esc_pos at[2],
		      char text[2][300]);

/* A dangling warning's text, for every warning kind (one place: dangling.c
   and the link step say the same): obj the object (or parameter), fn the
   function, what the sink's global, keeper or callee. */
char *esc_warning_message(const char *kind, const char *obj, const char *fn,
			  const char *what);

/* A step in words, as notes and reports spell it: "address-of x",
   "argument 2 of registry_add (no body, no rule)", ... */
void esc_step_text(const struct esc_step *s, char *buf, size_t len);
/* The notes of a parameter in Go's words (one or two; Go's rule drops a
   result leak no stronger than the heap leak), each with its flow (NULL
   for "does not escape").  Returns how many. */
int esc_param_messages(const struct esc_param_report *p, char msgs[2][256],
		       const struct esc_flow *flows[2]);

/* A note, in Go's words, at its position, with the flow it shows at m=2
   (NULL for none). */
struct esc_note {
	struct esc_pos pos;
	char text[1024];
	const struct esc_flow *flow;
};
/* Every note of function report r at level m (1 or 2), in order: "F not
   analysed (why): ...", each parameter's (esc_param_messages), then the
   escaping sites of its objects and its allocations in source order ("x
   escapes to heap", "malloc(...) does not escape"); at m=2 an escape shows
   its flow once per object and sink ("x escapes to heap:"), a later site
   ending at the same sink refers to it ("x escapes to heap: SINK, as
   explained at line N").  Positions where quiet (may be NULL) says
   nothing is said are left out.  Returns how many; *out is the caller's
   to free. */
int esc_func_notes(const struct esc_func_report *r, int level,
		   int (*quiet)(struct esc_pos), struct esc_note **out);
/* Step i of flow f as a note says it: "  flow: address-of x"; i ==
   f->nsteps of a cut flow: "  flow: (explanation cut here)".  Returns 0
   when there is no such step. */
int esc_flow_note(const struct esc_flow *f, int i, char *buf, size_t len);
/* The note that stands for the rest of a flow shown before (m=2 prints
   no line twice): "  flow: (as above from here)". */
extern const char esc_flow_as_above[];

/* Appends a warning to r (copies message; the other strings must be
   interned or outlive r). */
void esc_report_warning(struct esc_func_report *r, const struct esc_warning *w);

/* The report of function `func' of a solved graph.  Owns its arrays; the
   strings are interned. */
struct esc_func_report *esc_report_func(const struct esc_graph *g, int func);
void esc_func_report_free(struct esc_func_report *r);
/* Drops all but the warnings and what their flows are (when no notes and
   no JSON report are wanted: the unit's reports are kept until its end,
   for source order). */
void esc_func_report_trim(struct esc_func_report *r);

/* ------------------------------------------------------------------ */
/* Rules: JSON models of library functions (rules.c)                   */

/* Effects of a call on one argument; a rule combines them with '+'. */
enum {
	ESC_EFF_READ = 1 << 0,         /* "read": read through, not kept */
	ESC_EFF_WRITE = 1 << 1,        /* "write": written through, not kept */
	ESC_EFF_FREE = 1 << 2,         /* "free": released, not kept */
	ESC_EFF_RETURN = 1 << 3,       /* "return": returned (or a pointer into it is) */
	ESC_EFF_KEEP = 1 << 4,         /* "keep": kept past the call */
	ESC_EFF_KEEP_CONTENT = 1 << 5, /* "keep-content": what it points to is kept */
	ESC_EFF_THREAD = 1 << 6,       /* "thread": handed to another thread */
	ESC_EFF_RETURN_CONTENT = 1 << 7 /* "return-content": what it points to
					   is returned (strsep's old *stringp) */
};

#define ESC_COPY_TO_RESULT (-2) /* "copy": [from, "result"] */

struct esc_rule {
	const char *name;
	int nparams;
	unsigned *params;    /* effects per parameter (0 = "none") */
	int has_varargs;     /* "..." given */
	unsigned varargs;    /* effects on arguments past nparams */
	int returns_alloc;   /* "returns": "alloc": a new heap allocation */
	int copy_from;       /* "copy": *to receives *from; -1 when none */
	int copy_to;         /* parameter index or ESC_COPY_TO_RESULT */
	int store_from;      /* "store": *to receives from itself (strtol's */
	int store_to;        /* *endptr = s); -1 when none */
	/* What keeps an address it is given (dangling.c), all optional:
	   "handle": the argument naming the keeper (setvbuf's stream,
	   pthread_create's thread), or ESC_HANDLE_RESULT for "result"
	   (fmemopen's stream); -1 when none.  "until": the functions that
	   end the keeping when called with the same handle as their first
	   argument (fclose, pthread_join, setvbuf itself).  "fails": how
	   the call says it kept nothing (ESC_FAILS_*). */
	int handle;
	int nuntil;
	const char **until;  /* interned names */
	int fails;
	/* "format": [param, "letters"]: parameter fmt_param is a
	   printf-style format, and of the variadic arguments (or those of
	   a va_list parameter) only the ones its conversions fmt_keep
	   consume may be kept (esc_format_arg); fmt_keep NULL: none.  A
	   rule with only "format" (fmt_only) is no model of the function:
	   esc_rules_find does not give it, esc_rules_format does */
	int fmt_param;
	const char *fmt_keep;
	int fmt_only;        /* no model: only "format" and/or "loop" */
	/* "loop": the function's part in an event loop's life, a model of
	   the library's documented semantics for the dangling check
	   (dangling.c): it drains the handle argument loop_drains (returns
	   only when no object a linking call linked into it is left, or
	   when a loop exit of the same rules file ran), it is a loop exit
	   of the handle argument loop_exits, it links its argument
	   links_obj into the handle argument links_handle (or
	   ESC_LOOP_BOUND: the handle its object was bound to), it binds
	   object binds_obj (or ESC_LOOP_RESULT: what it returns, in which
	   it keeps what it is given: event_new) to the handle argument
	   binds_handle; each
	   ESC_LOOP_NONE when not, a handle ESC_LOOP_DEFAULT for the
	   library's default one (event_dispatch, event_set).  loop: the
	   rule has "loop" (an empty one: the function runs no callback and
	   exits no loop).  A rule with only "loop" (and "format", "doc")
	   is no model of the function (fmt_only): esc_rules_loop gives it */
	int loop;
	int loop_drains, loop_exits;
	int links_obj, links_handle, binds_obj, binds_handle;
	int loop_frees;      /* "frees": the object it links is freed by
				the drain (its finalizer runs, then frees it:
				event_free_finalize) */
	/* "unless": [arg, mask]: it drains only when its argument
	   unless_arg is an integer constant with no bit of unless_mask
	   (event_base_loop(base, flags) without EVLOOP_ONCE or
	   EVLOOP_NONBLOCK); unless_arg ESC_LOOP_NONE: always */
	int unless_arg;
	long long unless_mask;
	/* "fires": [cb, events, mask]: the object it binds (or links,
	   with its own callback: event_base_once) runs its callback
	   argument fires_cb when it fires, and is out of its handle by
	   then when argument fires_events is an integer constant with no
	   bit of fires_mask (a one-shot event: no EV_PERSIST);
	   fires_cb ESC_LOOP_NONE: not said */
	int fires_cb, fires_events;
	long long fires_mask;
	const char *file;    /* where the rule was read */
	int line;
};
#define ESC_HANDLE_RESULT (-2)
#define ESC_LOOP_NONE (-1)
#define ESC_LOOP_DEFAULT (-3)
#define ESC_LOOP_BOUND (-4)
#define ESC_LOOP_RESULT (-5) /* "binds": ["result", H]: the call's result */
enum { ESC_FAILS_NONE, ESC_FAILS_NONZERO, ESC_FAILS_NULL };

struct esc_rules;

struct esc_rules *esc_rules_new(void);
void esc_rules_free(struct esc_rules *rules);
/* Loads a rule file, or every *.json file of a directory (in name order).
   A function already known is replaced (later files override).  Returns 0,
   or -1 with a message naming file:line in err. */
int esc_rules_load(struct esc_rules *rules, const char *path, char *err,
		   size_t errlen);
/* The rule for a function name, or NULL.  A rule of an indexed file is
   parsed here, on its first lookup. */
const struct esc_rule *esc_rules_find(const struct esc_rules *rules,
				      const char *name);
/* The rule of name if it has a "format" (esc_rule.fmt_keep), with or
   without a model of the function: what a function of the program with
   that name does with its variadic arguments. */
const struct esc_rule *esc_rules_format(const struct esc_rules *rules,
					const char *name);
/* The rule of name if it has a "loop" (esc_rule.loop), with or without
   a model of the function. */
const struct esc_rule *esc_rules_loop(const struct esc_rules *rules,
				      const char *name);
/* Calls f(name, rule, ctx) for every function of the rules file `file'
   (interned, esc_rule.file) that has a "loop" (parsing them). */
void esc_rules_each_loop(const struct esc_rules *rules, const char *file,
			 void (*f)(const char *name, const struct esc_rule *r,
				   void *ctx),
			 void *ctx);
size_t esc_rules_count(const struct esc_rules *rules);
/* How many of them are parsed so far. */
size_t esc_rules_parsed(const struct esc_rules *rules);
/* Writes the index of the rules files of path (a file or a directory, as
   esc_rules_load takes it) to out, or fails with esc_rules_load's error
   for the first bad file. */
int esc_rules_write_index(const char *path, const char *out, char *err,
			  size_t errlen);
/* Before any esc_rules_load: a file loaded later whose bytes are those
   the index at path lists is not parsed until its rules are looked up.
   -1 (and no index) when the index is missing, malformed, or written by
   another build of the loader. */
int esc_rules_use_index(struct esc_rules *rules, const char *path);
/* The error of the first rule that failed to parse on lookup (it is then
   not found), or NULL. */
const char *esc_rules_error(const struct esc_rules *rules);
/* Effects of argument i (0-based) under rule r: its parameter's, the
   varargs', or -1 if the rule says nothing of it. */
int esc_rule_effect(const struct esc_rule *r, int i);

/* ------------------------------------------------------------------ */
/* The dangling check (dangling.c): sinks against an abstract CFG         */

/*
 * The adapter reduces a function's CFG to what the check needs: blocks,
 * their edges (an edge may say what a call's result is on it), and in
 * each block, in order, the statements that matter.  Memory places and
 * values are keys, small integers the adapter gives out (the same place
 * or value, the same key); a key may lie inside another (s.f inside s):
 * its parent.  A store to a place kills an address left in it or in any
 * place inside it.
 */
enum esc_op {
	ESC_OP_OTHER,  /* anything else (kept so that sinks are found by origin) */
	ESC_OP_STORE,  /* writes place `place' */
	ESC_OP_CALL,   /* a call: callee, keys of its result and arguments, and
			  for a function of this file the globals its body
			  stores to */
	ESC_OP_RETURN, /* the function returns: every frame object dies */
	ESC_OP_END,    /* the scope of object `object' ends (its clobber) */
	ESC_OP_ADDR,   /* the address of object `object' is taken (a pointer
			  made here points to the object's current life) */
	ESC_OP_USE,    /* pointers that may point to these objects are
			  dereferenced or passed on (esc_cfg_use) */
	ESC_OP_TAKE    /* the address of object `object' is computed (any
			  operand &x, &x.f, x[] decaying: esc_cfg_take) */
};

/* What an edge says of a call's result (the condition it is taken on). */
enum esc_branch {
	ESC_BR_ANY, ESC_BR_ZERO, ESC_BR_NONZERO, ESC_BR_NEGATIVE, ESC_BR_NONNEG
};

struct esc_cfg;

struct esc_cfg *esc_cfg_new(void);
void esc_cfg_free(struct esc_cfg *c);
/* A new key, inside key parent (-1 for none). */
int esc_cfg_key(struct esc_cfg *c, int parent);
/* Starts block b (blocks are numbered by the adapter, 0 .. n-1, each
   started once; the first started is the entry).  Statements added go
   into it, in order. */
void esc_cfg_block(struct esc_cfg *c, int b);
/* How many statements block b holds (0: none, or never started). */
int esc_cfg_block_size(const struct esc_cfg *c, int b);
/* Adds a statement to the current block; returns its index.  For a call:
   keys[0] is its result's key, keys[1 + i] argument i's (-1 unknown),
   nkeys in all; writes the globals (root keys) a same-file callee
   stores to, nwrites of them, or nwrites -1 if it is not one. */
int esc_cfg_stmt(struct esc_cfg *c, enum esc_op op, const void *origin,
		 int place, const char *callee, const int *keys, int nkeys,
		 const int *writes, int nwrites, uint64_t object);
/* A statement that dereferences or passes on pointers that may point to
   the n objects given (their declarations' position handles, as END's
   object), at position at. */
int esc_cfg_use(struct esc_cfg *c, struct esc_pos at, const uint64_t *objects,
		int n);
/* An address-of object, at position at (ESC_OP_ADDR). */
int esc_cfg_addr(struct esc_cfg *c, struct esc_pos at, uint64_t object);
/* An edge from block `from' to block `to' (-1: the function's exit).  If
   test >= 0, the edge is taken when the result of statement test (a
   call) is as br says.  A loop that runs at least once: the adapter
   gives an edge into a block that holds no statement and whose test the
   values the edge brings decide (for (i = 0; i < 100; i++) entered with
   i = 0) straight to the way the test goes. */
void esc_cfg_edge(struct esc_cfg *c, int from, int to, int test,
		  enum esc_branch br);
/* Statement stmt (a call) never returns: its callee's body reaches no
   return but through calls of functions that never return, none of
   them declared so (a same-file error function that longjmps; a linked
   summary's "noreturn").  A path ends there. */
void esc_cfg_noreturn(struct esc_cfg *c, int stmt);
/* On the last edge added: it goes past block via, a test its values
   decide (the edge stood for one into via).  escape-scope's question
   ("after the scope's end on every path") follows it into via. */
void esc_cfg_edge_via(struct esc_cfg *c, int via);
/* Undo: what a store, or a call by its callee's body, does to a linked
   list.  field is the adapter's number for a struct field. */
enum esc_undo_kind {
	ESC_UNDO_LINK,   /* field `field' of *into receives value (a store
			    into->field = value; a callee doing so with
			    its arguments) */
	ESC_UNDO_POP,    /* key->field written on every path of the callee
			    (key->field = key->field->next: the list it
			    heads is popped; = 0: cleared; a restore) */
	ESC_UNDO_UNLINK  /* key->x->field = key->y, on every path: the object
			    key points to is unlinked from what it was
			    linked into through field */
};
struct esc_undo {
	enum esc_undo_kind kind;
	int key, into, field; /* key: the value (LINK) or argument */
};
/* Adds what statement stmt does (n facts).  A sink that leaves by a
   LINK (value into->field) is killed by a later POP of into->field or
   UNLINK of value through field: enterblock(fs, &bl) ... leaveblock(fs),
   sqlite3ParseObjectInit(&s, db) ... sqlite3ParseObjectReset(&s). */
void esc_cfg_undo(struct esc_cfg *c, int stmt, const struct esc_undo *facts,
		  int n);

/* The effects of the callee of call statement stmt (a same-file
   function's, closed over its own calls: esc_effects_close; n may be 0:
   known to have none); they must outlive c.  A sink kept by a call's summary is killed by a later call
   that undoes what it kept (esc_effects_undo), as the link step does
   across files. */
void esc_cfg_effects(struct esc_cfg *c, int stmt, const struct esc_effect *fx,
		     int n);

/* The stores of the callee of call statement stmt (its summary's, n of
   them; they must outlive c): a keeper that stored the address into the
   object of another argument is undone by a later call that clears
   every pointer field it writes there (esc_effects_undo_stored), or,
   with the effects of an earlier call given the object, through the
   handle that call stored in it (esc_effects_undo_through), as the link
   step does across files. */
void esc_cfg_stores(struct esc_cfg *c, int stmt,
		    const struct esc_summary_store *st, int n);
/* Call statement stmt's callee is known by its linked summary only
   (summaries=FILE: its effects name no calls): heap[i] (n of them, they
   must outlive c) the fewest derefs by which its parameter i reaches the
   heap, -1 none.  A call between an undo's earlier call and the keeper
   that hands the object to no code of unknown effects leaks nothing of
   it (a function defined nowhere takes what it is given to the heap). */
void esc_cfg_leaks(struct esc_cfg *c, int stmt, const signed char *heap, int n);
/* Call statement stmt's argument arg is the integer constant value (the
   adapter says it for the calls of a rule's "loop" that asks: "unless",
   "fires"). */
void esc_cfg_arg_const(struct esc_cfg *c, int stmt, int arg, long long value);
/* Call statement stmt's argument arg is the address of function name
   (interned); once: the function takes that function's address nowhere
   else and does not call it (a callback it registers only there). */
void esc_cfg_arg_fn(struct esc_cfg *c, int stmt, int arg, const char *name,
		    int once);

/*
 * Correlated branches.  Pointer values (SSA names, after copies and
 * conversions) have keys of their own.  What the check may know of one:
 * where it is defined and what it is there (esc_cfg_def), what it is on
 * an edge into a block that merges it (a PHI: esc_cfg_edge_assign), and
 * what the test ending a block says of it on each out edge
 * (esc_cfg_rules_out: p != &x, p == NULL).  A sink whose value cannot
 * hold the object's address on any path that reaches it (every path
 * passes an edge that rules the address out, or brings a value that
 * cannot hold it) does not count: "if (p == &q) p = 0; return p;",
 * "if (yyss != yyssa) free(yyss);".  That holds for a sink the address
 * reaches as the value itself (esc_sink.levels 1, a pending argument);
 * one it may reach in what the value points to is ruled out only by
 * null (a null test, a constant).
 */
enum esc_val_kind {
	ESC_VAL_ANY,  /* anything: a call's result, a load; it may hold an
			 object's address only if that address was taken
			 (ESC_OP_TAKE) on some path before */
	ESC_VAL_NULL, /* null, an integer constant: no address at all */
	ESC_VAL_NONE, /* no address of this frame, though what it points
			 to may hold one: a global's address, a
			 parameter's incoming value, pointer arithmetic on
			 one of these */
	ESC_VAL_ADDR, /* the address of frame object `object' (or into it) */
	ESC_VAL_KEY   /* the value of key `key' (an edge's assignment) */
};
struct esc_val {
	enum esc_val_kind kind;
	int key;
	uint64_t object;
};
/* An address of object is computed here (ESC_OP_TAKE). */
int esc_cfg_take(struct esc_cfg *c, uint64_t object);
/* Value key is defined here (after the statements added so far to the
   current block) as v says (not ESC_VAL_KEY).  A key never defined is
   anything. */
void esc_cfg_def(struct esc_cfg *c, int key, struct esc_val v);
/* On the last edge added: key takes v (a PHI's argument). */
void esc_cfg_edge_assign(struct esc_cfg *c, int key, struct esc_val v);
/* On the last edge added: key is not object's address (object 0: key is
   null, the address of no object). */
void esc_cfg_edge_rules_out(struct esc_cfg *c, int key, uint64_t object);
/* Slots: place key is a local variable of this frame or a part of one
   at a fixed position (a field, an element at a constant index): what a
   store leaves there, a load of the same key reads back, until a store
   into it, around it or inside it, or into a part of the same variable
   that is no slot (an element at a variable index).  Not seen: a write
   through a pointer to the variable (a callee given its address). */
void esc_cfg_slot(struct esc_cfg *c, int key);
/* Slot key stands for each element of a range in turn (a[i] walked by
   a counted loop): a store of the same value on another turn is into
   another element. */
void esc_cfg_slot_each(struct esc_cfg *c, int key);
/* Value key val is loaded from slot place (a handle read back: a null
   test of it is one of what the slot holds). */
void esc_cfg_load(struct esc_cfg *c, int val, int place);
/* Flags: integer values that a test compares with zero and that PHIs
   merge (int added = 0; ... keep(&x); added = 1; ... end: if (added)
   undo(&x)).  A flag is known nonzero on a path from an edge that brings
   it a nonzero constant (or another flag known nonzero) until one that
   brings it anything else; an edge on which a test says a flag known
   nonzero is zero is no path.  A search starts knowing no flag: what a
   flag holds before the leaving statement says nothing.  The facts of
   an edge apply in the order given: its source's test first, then the
   PHIs of its destination. */
enum esc_flag_fact {
	ESC_FLAG_ANY,      /* takes a value not known nonzero */
	ESC_FLAG_NONZERO,  /* takes a nonzero constant */
	ESC_FLAG_COPY,     /* takes flag src's value */
	ESC_FLAG_IS_ZERO,  /* a test says it is zero on this edge */
	ESC_FLAG_IS_NONZERO /* a test says it is nonzero on this edge */
};
/* A new flag; its number. */
int esc_cfg_flag(struct esc_cfg *c);
/* On the last edge added: what it says of flag (src: ESC_FLAG_COPY's). */
void esc_cfg_edge_flag(struct esc_cfg *c, int flag, enum esc_flag_fact f,
		       int src);
/* The value keys of statement stmt's operands (-1 unknown): a RETURN's
   value, a STORE's value (vals[0]); a CALL's result, then its arguments
   (vals[1 + i]), n in all. */
void esc_cfg_values(struct esc_cfg *c, int stmt, const int *vals, int n);
/* Teardown: the memory the operands of statement stmt point to, as keys
   (-1 unknown; the same memory, the same key while no store changes
   it): a STORE's pointer it stores through (mems[0]); a CALL's result,
   then its arguments (mems[1 + i]).  A release (a rule's "free") of the
   memory a sink left the address in, before the object dies, kills it. */
void esc_cfg_mems(struct esc_cfg *c, int stmt, const int *mems, int n);

/*
 * Which sinks of r's stack objects dangle: for each sink (every one the
 * solution found, esc_local_report.sinks), the last step of its flow in
 * this function is where the address leaves the frame (the store, the
 * call, the return); a path from there to the object's death (a return,
 * its scope's end) on which nothing kills the sink makes a warning.
 * kinds: a bit per esc_warn_kind that warns.  Rules give the keepers'
 * handles, releasers and failure results.  Adds the warnings to r (not
 * yet suppressed: the adapter looks for escape:ignore); returns how many
 * sinks were left unchecked (the check's budget).
 *
 * Also escape-scope: a use (ESC_OP_USE) of a pointer to a local reached
 * from the local's scope end (ESC_OP_END) without a new address-of it
 * (ESC_OP_ADDR) on the way: the object it points to is dead there.
 */
int esc_check_dangling(const struct esc_cfg *cfg, const struct esc_rules *rules,
		       unsigned kinds, struct esc_func_report *r);

/* The functions of one component of the call graph (analysed as one
   graph): a sink whose own statement lies in another of them (a call
   led the address there) is judged there too, to that function's
   returns: undone there, it does not outlive the call.  The set does not
   own the CFGs; free it before them. */
struct esc_cfgset;
struct esc_cfgset *esc_cfgset_new(void);
void esc_cfgset_add(struct esc_cfgset *set, struct esc_cfg *cfg);
void esc_cfgset_free(struct esc_cfgset *set);

/*
 * Undo inside a callee: a parameter that a function keeps (stores into a
 * global, into memory reachable from another parameter, hands to a
 * keeper) only until it undoes the keeping before every return (saves
 * db->pParse, links its Parse in, restores it: SQLite's
 * sqlite3RunParser) is not kept after the call.  For each parameter of
 * function func whose leak is sure (s->sure), its sinks (the heap sinks
 * of its value, esc_param_sinks) are judged as a local's are, on func's
 * abstract CFG, to the function's returns; a level whose sinks are all
 * killed on every path is not a sure leak (s->sure and s->local_sure go
 * to the first level that keeps something, or -1).  Go's verdicts
 * (s->heap) are unchanged: the argument still escapes during the call.
 * To run before any caller reads the summary.  Returns how many
 * parameters changed.
 */
int esc_summary_undo(struct esc_summary *s, const struct esc_graph *g, int func,
		     const struct esc_cfg *cfg, const struct esc_rules *rules);

/* Can anything in c kill a sink (a place stored twice, or one inside
   another stored; a call of a same-file function that writes globals; a
   fact of undo other than a link)?  If not, esc_summary_undo changes
   nothing with c alone. */
int esc_cfg_may_kill(const struct esc_cfg *c);
/* Statement stmt's place (a key), or -1. */
int esc_cfg_place(const struct esc_cfg *c, int stmt);

/* ------------------------------------------------------------------ */
/* The JSON report of a translation unit (report.c)                    */

struct esc_report;

struct esc_report *esc_report_new(const char *source, const char *gcc_version,
				  const char *flags);
void esc_report_free(struct esc_report *r);
/* Adds a function (copies what it needs). */
void esc_report_add(struct esc_report *r, const struct esc_func_report *f);
/* The functions whose address the unit's static data holds (a table of
   callbacks) and its constructors and destructors, by name: the link
   step's call graph starts from them too
   ("data_calls", after "functions"); and the globals whose address it
   holds ("data_writes": they may be written through it). */
void esc_report_data_calls(struct esc_report *r, const char *const *names, int n,
			   const char *const *globals, int nglobals);
/* The report keeps at most about bytes of each array's text in memory and
   the rest in a temporary file (256 KB unless set; for tests). */
void esc_report_spill_at(struct esc_report *r, size_t bytes);
/* Bytes of the arrays' text held in memory now. */
size_t esc_report_held(const struct esc_report *r);
/* Writes the report to path whole (a temporary file in the same directory,
   then rename).  Returns 0, or -1 with a message in err. */
int esc_report_write(const struct esc_report *r, const char *path, char *err,
		     size_t errlen);
/* FNV-1a 64 of a file's bytes in hex (caller frees), NULL if unreadable:
   how a summary knows its source changed. */
char *esc_file_hash(const char *path);
/* path with empty and "." components dropped ("a//./b" -> "a/b"), a
   leading '/' kept; ".." is kept: resolving it without the file system
   could join two different files (through a symbolic link), and the file
   need not exist.  Caller frees. */
char *esc_path_collapse(const char *path);
/* The file name of this translation unit's report inside directory dir
   (json=DIR/): unique per source path and output; caller frees. */
char *esc_report_path_in_dir(const char *dir, const char *source,
			     const char *output);

/* ------------------------------------------------------------------ */
/* What a source file holds, read once (source.c)                       */

struct esc_source {
	int marker; /* may hold "escape:ignore" (or NUL bytes) */
	int plain;  /* printable ASCII without tabs: display column = byte */
};

struct esc_source esc_source_facts(const char *file);

#ifdef __cplusplus
}
#endif

#endif /* ESCAPE_H */
