/*
 * dangling.c - which sinks are bugs: stack addresses that dangle.
 *
 * Go's model says where an address may go (findings.c lists every sink
 * each stack object's address reaches); it does not say whether the
 * address is still there when its object dies.  For each sink this check
 * finds where the address leaves the frame - the last step of the sink's
 * flow that is a statement of this function: the return, the store, the
 * call - and asks, over the function's abstract CFG (escape.h's esc_cfg,
 * which the adapter builds), whether on some path from there to the end
 * of the object's life (a return, the object's scope end, the exit) the
 * sink still holds the address.  What stops a path is a kill:
 *
 *   escape-return   returned: no kill, always a bug
 *   escape-global   stored in a global or static: killed by a store to
 *                   the same place (or one containing it), or a call of a
 *                   same-file function that stores to that global
 *   escape-caller   stored through a pointer that is not this frame's
 *                   (out-parameter, caller's struct or array, heap):
 *                   killed by a store to the same place
 *   escape-kept     kept by a library function, by its rule: killed by a
 *                   call of one of the rule's "until" functions on the
 *                   same "handle" (setvbuf(f, NULL, ...), fclose(f),
 *                   pthread_setspecific(k, NULL));
 *                   or by a same-file function (its summary; a sink
 *                   reached through a function of the same component is
 *                   taken at the call too): killed by a store, or a call
 *                   of a same-file function storing, to a global that
 *                   function's body stores to; or by a later call of a
 *                   same-file function that undoes what the keeper kept
 *                   on a handle both were given, by their effects
 *                   (effects.c: inflateInit_/inflateEnd, push/pop,
 *                   register/free; also for escape-caller and
 *                   escape-global left by such a keeper)
 *   escape-thread   handed to a thread (pthread_create, by its rule):
 *                   killed by the rule's "until" (pthread_join) on the
 *                   same handle
 *   escape-unknown  passed as a non-const void * to a function with no
 *                   body and no rule (a context pointer): no kill
 *
 * A call that never returns ends a path (esc_cfg_noreturn: a same-file
 * function whose body returns only through such calls, a linked
 * summary's "noreturn"); a pending warning's undo candidate may need
 * callees of other files never to return (ends_of: the link step
 * answers).
 *
 * The branch on which the leaving call reports failure holds no address:
 * by its rule's "fails" ("nonzero": pthread_create, setvbuf; "null":
 * fmemopen); a call with no rule, by C's convention (a non-zero or
 * negative result).  A loop (a cyclic strongly connected component of
 * the CFG) that contains a kill is taken to run it (for (i...)
 * join(t[i])), unless the leaving statement is inside that loop.
 *
 * Correlated branches: a sink counts only if the value it leaves with
 * (the returned, stored or passed pointer) may hold the object's address
 * there.  A search backwards from the sink follows the value through
 * PHIs to its definition; an edge on which a test rules it out (p !=
 * &x; p == NULL) or a PHI brings null ends a path, and so does, for an
 * address the sink gets as the value itself (esc_sink.levels 1), a
 * definition that is no address of this frame or one made before any
 * address of the object was taken on the way.  "if (p == &q) p = 0;
 * return p;", bison's "if (yyss != yyssa) free(yyss);", Lua's l_str2d.
 *
 * Correlated guards: a kill under a test of a local flag (int added =
 * 0; ... keep(&x); added = 1; ... end: if (added) undo(&x)) counts on
 * the paths on which the flag was set after the leaving statement: the
 * search knows which flags are nonzero (esc_cfg_flag: integer PHIs a
 * zero test compares), from none at the leaving statement, and an edge
 * on which a test says a flag known nonzero is zero is no path.  libevent's
 * test_bufferevent_connect_fail (if (close_listener_event_added)
 * event_del(&close_listener_event)).
 *
 * A pending warning (its keeper defined in another file) lists the later
 * calls that alone cut every path from the keeping call to the object's
 * death (undo_candidates); the link step drops it when one of them
 * undoes, by the build's effects.  A later call counts when it is given
 * the handle (what the keeping call returned or was given) or a merge of
 * it that holds it on that path (struct ev *e = NULL; ... e =
 * ev_new(cb, &x); ... end: if (e) ev_free(e)); the branch on which the
 * handle is null kept nothing.
 *
 * The check never looks at another function's CFG: a sink in a callee
 * is judged at the call.  A function's check crosses at most
 * ESC_DANGLE_BUDGET statements; the sinks left are counted, unchecked.
 */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const warn_ids[ESC_WARN__COUNT] = {
	"escape-return", "escape-global", "escape-caller",
	"escape-kept",   "escape-thread", "escape-unknown",
	"escape-noescape", "escape-scope",
};

const char *esc_warn_id(int kind)
{
	return kind >= 0 && kind < ESC_WARN__COUNT ? warn_ids[kind] : "?";
}

int esc_warn_by_id(const char *id)
{
	for (int i = 0; i < ESC_WARN__COUNT; i++)
		if (id && !strcmp(id, warn_ids[i]))
			return i;
	return -1;
}

int esc_sink_kind(const struct esc_step *s)
{
	switch (s->kind) {
	case ESC_STEP_RETURN:
		return ESC_WARN_RETURN;
	case ESC_STEP_STORE_GLOBAL:
		return ESC_WARN_GLOBAL;
	case ESC_STEP_STORE_PTR:
		return ESC_WARN_CALLER;
	case ESC_STEP_ARG_THREAD:
		return ESC_WARN_THREAD;
	case ESC_STEP_ARG_RULE:
		return ESC_WARN_KEPT;
	case ESC_STEP_ARG_SUMMARY:
		/* a leak that rests on a function known only by name: a
		   pending warning (check_pending) */
		return s->assumed || s->imported ? -1 : ESC_WARN_KEPT;
	case ESC_STEP_ARG_UNKNOWN:
		/* a callee known by name: a pending warning (check_pending) */
		if (s->what)
			return -1;
		/* fall through */
	case ESC_STEP_ARG_INDIRECT:
		return s->assumed ? -1 : ESC_WARN_UNKNOWN;
	default:
		return -1;
	}
}

/* ------------------------------------------------------------------ */
/* The abstract CFG                                                     */

struct cstmt {
	enum esc_op op;
	const void *origin;
	int place;
	const char *callee;
	int keys, nkeys;     /* into pool */
	int writes, nwrites; /* into pool; nwrites -1: not a same-file callee */
	uint64_t object;     /* END, ADDR; USE: into objs, nobjs of them */
	int nobjs;
	struct esc_pos pos;  /* ADDR, USE */
	int block;
	int undo, nundo;     /* into pool: nundo facts of 4 ints
				(esc_cfg_undo) */
	int vals, nvals;     /* into pool: operands' value keys
				(esc_cfg_values) */
	int mems, nmems;     /* into pool: operands' memory keys
				(esc_cfg_mems) */
	const struct esc_effect *fx; /* CALL: its callee's effects */
	int nfx;
	const struct esc_summary_store *st; /* CALL: its callee's stores, */
	int nst;                            /* nst of them; -1 unknown */
	const signed char *heap;            /* CALL: esc_cfg_leaks, or NULL */
	int nheap;
	int noret;           /* CALL: never returns (esc_cfg_noreturn) */
};

/* Correlated branches: a value's definition, an edge's fact. */
struct cdef {
	int key, block, pos; /* defined before statement pos of block */
	struct esc_val val;
};

struct cfact {
	int edge, key;
	int assign;          /* 1: key takes val; 0: key is not val.object's
				address (0: key is null) */
	struct esc_val val;
};

/* A call argument the adapter said: an integer constant, or the address
   of function fn (once: the function's only use of it). */
struct carg {
	int stmt, arg;
	long long value;
	const char *fn;
	int once;
};

struct cedge {
	int from, to, test;
	enum esc_branch br;
	int via; /* the decided test's block it goes past (esc_cfg_edge_via), -1 */
	int flagf, nflagf; /* its flag facts: flagf[flagf ..] (esc_cfg_edge_flag) */
};

/* A flag fact of an edge (esc_cfg_edge_flag). */
struct cflagf {
	int flag, src;
	enum esc_flag_fact f;
};

struct esc_cfg {
	struct cstmt *stmts;
	int nstmts, cap_stmts;
	int *pool;
	int npool, cap_pool;
	int *parent; /* per key */
	int nkeys, cap_keys;
	int *first, *count; /* per block */
	int nblocks, cap_blocks;
	int cur, entry;
	struct cedge *edges;
	int nedges, cap_edges;
	uint64_t *objs;      /* the objects of USE statements */
	int nobjs, cap_objs;
	struct esc_cfgset *set; /* the other functions of its component */
	int kills;              /* may_kill's answer + 1, 0 not asked yet */
	struct cdef *defs;
	int ndefs, cap_defs;
	struct cfact *facts;
	int nfacts, cap_facts;
	int ntakes;
	struct carg *args;   /* call arguments' constants and functions
				(esc_cfg_arg_const, esc_cfg_arg_fn) */
	int nargs, cap_args;
	unsigned char *slot; /* per key: a slot (esc_cfg_slot), 2: each
				element of a range in turn (esc_cfg_slot_each) */
	int *from;           /* per key: the slot a value is loaded from, -1 */
	int nkinfo;          /* how many keys slot and from cover */
	struct cflagf *flagf; /* the edges' flag facts, in order */
	int nflagf, cap_flagf, nflags;
	int *ftest;           /* the edges with a flag test, in order */
	int nftest, cap_ftest;
};

struct esc_cfg *esc_cfg_new(void)
{
	struct esc_cfg *c = esc_xcalloc(1, sizeof *c);
	c->cur = c->entry = -1;
	return c;
}

void esc_cfg_free(struct esc_cfg *c)
{
	if (!c)
		return;
	free(c->stmts);
	free(c->pool);
	free(c->parent);
	free(c->first);
	free(c->count);
	free(c->edges);
	free(c->objs);
	free(c->defs);
	free(c->facts);
	free(c->slot);
	free(c->from);
	free(c->args);
	free(c->flagf);
	free(c->ftest);
	free(c);
}

int esc_cfg_key(struct esc_cfg *c, int parent)
{
	ESC_GROW(c->parent, c->cap_keys, c->nkeys + 1);
	c->parent[c->nkeys] = parent >= 0 && parent < c->nkeys ? parent : -1;
	return c->nkeys++;
}

static void need_block(struct esc_cfg *c, int b)
{
	if (b < c->nblocks)
		return;
	int old = c->cap_blocks;
	if (b >= c->cap_blocks) {
		int cap = c->cap_blocks;
		ESC_GROW(c->first, cap, b + 1);
		cap = c->cap_blocks;
		ESC_GROW(c->count, cap, b + 1);
		c->cap_blocks = cap;
		for (int i = old; i < c->cap_blocks; i++)
			c->first[i] = c->count[i] = 0;
	}
	c->nblocks = b + 1;
}

void esc_cfg_block(struct esc_cfg *c, int b)
{
	if (b < 0)
		return;
	need_block(c, b);
	c->cur = b;
	c->first[b] = c->nstmts;
	c->count[b] = 0;
	if (c->entry < 0)
		c->entry = b;
}

int esc_cfg_block_size(const struct esc_cfg *c, int b)
{
	return b >= 0 && b < c->nblocks ? c->count[b] : 0;
}

static int pool_add(struct esc_cfg *c, const int *v, int n)
{
	int at = c->npool;
	if (n <= 0)
		return at;
	ESC_GROW(c->pool, c->cap_pool, c->npool + n);
	memcpy(c->pool + at, v, (size_t)n * sizeof *v);
	c->npool += n;
	return at;
}

int esc_cfg_stmt(struct esc_cfg *c, enum esc_op op, const void *origin,
		 int place, const char *callee, const int *keys, int nkeys,
		 const int *writes, int nwrites, uint64_t object)
{
	if (c->cur < 0)
		return -1;
	struct esc_pos none = { NULL, 0, 0, 0 };
	/* a block's statements are consecutive: the current block is the
	   last one started */
	ESC_GROW(c->stmts, c->cap_stmts, c->nstmts + 1);
	struct cstmt *s = &c->stmts[c->nstmts];
	s->op = op;
	s->origin = origin;
	s->place = place;
	s->callee = callee;
	s->nkeys = keys && nkeys > 0 ? nkeys : 0;
	s->keys = pool_add(c, keys, s->nkeys);
	s->nwrites = writes || nwrites == 0 ? nwrites : -1;
	s->writes = pool_add(c, writes, nwrites > 0 ? nwrites : 0);
	s->object = object;
	s->nobjs = 0;
	s->pos = none;
	s->block = c->cur;
	s->undo = s->nundo = 0;
	s->vals = s->nvals = 0;
	s->mems = s->nmems = 0;
	s->fx = NULL;
	s->nfx = 0;
	s->st = NULL;
	s->nst = -1;
	s->noret = 0;
	s->heap = NULL;
	s->nheap = 0;
	c->count[c->cur]++;
	return c->nstmts++;
}

int esc_cfg_use(struct esc_cfg *c, struct esc_pos at, const uint64_t *objects,
		int n)
{
	if (n <= 0)
		return -1;
	int i = esc_cfg_stmt(c, ESC_OP_USE, NULL, -1, NULL, NULL, 0, NULL, -1,
			     (uint64_t)c->nobjs);
	if (i < 0)
		return -1;
	ESC_GROW(c->objs, c->cap_objs, c->nobjs + n);
	memcpy(c->objs + c->nobjs, objects, (size_t)n * sizeof *objects);
	c->nobjs += n;
	c->stmts[i].nobjs = n;
	c->stmts[i].pos = at;
	return i;
}

int esc_cfg_addr(struct esc_cfg *c, struct esc_pos at, uint64_t object)
{
	int i = esc_cfg_stmt(c, ESC_OP_ADDR, NULL, -1, NULL, NULL, 0, NULL, -1,
			     object);
	if (i >= 0)
		c->stmts[i].pos = at;
	return i;
}

void esc_cfg_edge(struct esc_cfg *c, int from, int to, int test,
		  enum esc_branch br)
{
	if (from < 0)
		return;
	need_block(c, from);
	if (to >= 0)
		need_block(c, to);
	ESC_GROW(c->edges, c->cap_edges, c->nedges + 1);
	struct cedge *e = &c->edges[c->nedges++];
	e->from = from;
	e->to = to;
	e->test = test >= 0 && test < c->nstmts ? test : -1;
	e->br = br;
	e->via = -1;
	e->flagf = c->nflagf;
	e->nflagf = 0;
}

int esc_cfg_flag(struct esc_cfg *c)
{
	return c->nflags++;
}

void esc_cfg_edge_flag(struct esc_cfg *c, int flag, enum esc_flag_fact f,
		       int src)
{
	if (!c->nedges || flag < 0 || flag >= c->nflags ||
	    (f == ESC_FLAG_COPY && (src < 0 || src >= c->nflags)))
		return;
	struct cedge *e = &c->edges[c->nedges - 1];
	if (e->flagf + e->nflagf != c->nflagf)
		return; /* facts of an edge are consecutive */
	ESC_GROW(c->flagf, c->cap_flagf, c->nflagf + 1);
	struct cflagf *x = &c->flagf[c->nflagf++];
	x->flag = flag;
	x->src = src;
	x->f = f;
	e->nflagf++;
	if ((f == ESC_FLAG_IS_ZERO || f == ESC_FLAG_IS_NONZERO) &&
	    (!c->nftest || c->ftest[c->nftest - 1] != c->nedges - 1)) {
		ESC_GROW(c->ftest, c->cap_ftest, c->nftest + 1);
		c->ftest[c->nftest++] = c->nedges - 1;
	}
}

void esc_cfg_edge_via(struct esc_cfg *c, int via)
{
	if (!c->nedges || via < 0)
		return;
	need_block(c, via);
	c->edges[c->nedges - 1].via = via;
}

void esc_cfg_noreturn(struct esc_cfg *c, int stmt)
{
	if (stmt >= 0 && stmt < c->nstmts && c->stmts[stmt].op == ESC_OP_CALL)
		c->stmts[stmt].noret = 1;
}

void esc_cfg_undo(struct esc_cfg *c, int stmt, const struct esc_undo *facts,
		  int n)
{
	if (stmt < 0 || stmt >= c->nstmts || n <= 0)
		return;
	int at = c->npool;
	for (int i = 0; i < n; i++) {
		int v[4] = { (int)facts[i].kind, facts[i].key, facts[i].into,
			     facts[i].field };
		pool_add(c, v, 4);
	}
	c->stmts[stmt].undo = at;
	c->stmts[stmt].nundo = n;
}

int esc_cfg_take(struct esc_cfg *c, uint64_t object)
{
	int i = esc_cfg_stmt(c, ESC_OP_TAKE, NULL, -1, NULL, NULL, 0, NULL, -1,
			     object);
	if (i >= 0)
		c->ntakes++;
	return i;
}

void esc_cfg_def(struct esc_cfg *c, int key, struct esc_val v)
{
	if (c->cur < 0 || key < 0 || key >= c->nkeys || v.kind == ESC_VAL_KEY)
		return;
	ESC_GROW(c->defs, c->cap_defs, c->ndefs + 1);
	struct cdef *d = &c->defs[c->ndefs++];
	d->key = key;
	d->block = c->cur;
	d->pos = c->nstmts;
	d->val = v;
}

static void edge_fact(struct esc_cfg *c, int key, int assign, struct esc_val v)
{
	if (!c->nedges || key < 0 || key >= c->nkeys)
		return;
	ESC_GROW(c->facts, c->cap_facts, c->nfacts + 1);
	struct cfact *f = &c->facts[c->nfacts++];
	f->edge = c->nedges - 1;
	f->key = key;
	f->assign = assign;
	f->val = v;
}

void esc_cfg_edge_assign(struct esc_cfg *c, int key, struct esc_val v)
{
	if (v.kind == ESC_VAL_KEY && (v.key < 0 || v.key >= c->nkeys))
		v.kind = ESC_VAL_ANY;
	edge_fact(c, key, 1, v);
}

void esc_cfg_edge_rules_out(struct esc_cfg *c, int key, uint64_t object)
{
	struct esc_val v = { ESC_VAL_ADDR, -1, object };
	edge_fact(c, key, 0, v);
}

void esc_cfg_values(struct esc_cfg *c, int stmt, const int *vals, int n)
{
	if (stmt < 0 || stmt >= c->nstmts || n <= 0 || !vals)
		return;
	c->stmts[stmt].vals = pool_add(c, vals, n);
	c->stmts[stmt].nvals = n;
}

void esc_cfg_mems(struct esc_cfg *c, int stmt, const int *mems, int n)
{
	if (stmt < 0 || stmt >= c->nstmts || n <= 0 || !mems)
		return;
	c->stmts[stmt].mems = pool_add(c, mems, n);
	c->stmts[stmt].nmems = n;
}

void esc_cfg_stores(struct esc_cfg *c, int stmt,
		    const struct esc_summary_store *st, int n)
{
	if (stmt < 0 || stmt >= c->nstmts || n < 0 || (n && !st) ||
	    c->stmts[stmt].op != ESC_OP_CALL)
		return;
	c->stmts[stmt].st = st;
	c->stmts[stmt].nst = n;
}

void esc_cfg_leaks(struct esc_cfg *c, int stmt, const signed char *heap, int n)
{
	if (stmt < 0 || stmt >= c->nstmts || n < 0 || (n && !heap) ||
	    c->stmts[stmt].op != ESC_OP_CALL)
		return;
	c->stmts[stmt].heap = heap;
	c->stmts[stmt].nheap = n;
}

static void arg_add(struct esc_cfg *c, int stmt, int arg, long long value,
		    const char *fn, int once)
{
	if (stmt < 0 || stmt >= c->nstmts || arg < 0 ||
	    c->stmts[stmt].op != ESC_OP_CALL)
		return;
	ESC_GROW(c->args, c->cap_args, c->nargs + 1);
	struct carg *a = &c->args[c->nargs++];
	a->stmt = stmt;
	a->arg = arg;
	a->value = value;
	a->fn = fn;
	a->once = once;
}

void esc_cfg_arg_const(struct esc_cfg *c, int stmt, int arg, long long value)
{
	arg_add(c, stmt, arg, value, NULL, 0);
}

void esc_cfg_arg_fn(struct esc_cfg *c, int stmt, int arg, const char *name,
		    int once)
{
	if (name)
		arg_add(c, stmt, arg, 0, name, once != 0);
}

/* What the adapter said of call statement stmt's argument arg, or NULL. */
static const struct carg *arg_of(const struct esc_cfg *c, int stmt, int arg)
{
	for (int i = 0; i < c->nargs; i++)
		if (c->args[i].stmt == stmt && c->args[i].arg == arg)
			return &c->args[i];
	return NULL;
}

/* slot and from cover every key */
static void kinfo_grow(struct esc_cfg *c)
{
	if (c->nkinfo >= c->nkeys)
		return;
	c->slot = esc_xrealloc(c->slot, (size_t)c->nkeys);
	c->from = esc_xrealloc(c->from, (size_t)c->nkeys * sizeof *c->from);
	for (int i = c->nkinfo; i < c->nkeys; i++) {
		c->slot[i] = 0;
		c->from[i] = -1;
	}
	c->nkinfo = c->nkeys;
}

void esc_cfg_slot(struct esc_cfg *c, int key)
{
	if (key < 0 || key >= c->nkeys)
		return;
	kinfo_grow(c);
	if (!c->slot[key])
		c->slot[key] = 1;
}

void esc_cfg_slot_each(struct esc_cfg *c, int key)
{
	if (key < 0 || key >= c->nkeys)
		return;
	kinfo_grow(c);
	c->slot[key] = 2;
}

void esc_cfg_load(struct esc_cfg *c, int val, int place)
{
	if (val < 0 || val >= c->nkeys || place < 0 || place >= c->nkeys)
		return;
	kinfo_grow(c);
	c->from[val] = place;
}

static int is_slot(const struct esc_cfg *c, int key)
{
	return key >= 0 && key < c->nkinfo && c->slot[key];
}

static int loaded_from(const struct esc_cfg *c, int val)
{
	return val >= 0 && val < c->nkinfo ? c->from[val] : -1;
}

void esc_cfg_effects(struct esc_cfg *c, int stmt, const struct esc_effect *fx,
		     int n)
{
	if (stmt < 0 || stmt >= c->nstmts || n < 0 || !fx ||
	    c->stmts[stmt].op != ESC_OP_CALL)
		return;
	c->stmts[stmt].fx = fx;
	c->stmts[stmt].nfx = n;
}

/* Fact i of statement s: its kind, key, into, field (f[0..3]). */
static const int *undo_at(const struct esc_cfg *c, const struct cstmt *s, int i)
{
	return c->pool + s->undo + 4 * i;
}

/* ------------------------------------------------------------------ */
/* The check                                                            */

/* The work a function's check may take (statements looked at) before
   the rest of its sinks go unchecked. */
#define ESC_DANGLE_BUDGET 20000000L

/* What param_sink_stays found of one of the last esc_param_sinks
   call's sinks, and the work it took: asked again (with byname), the
   same answers, the same work counted (both are functions of the cfg,
   its view's tables and the sink). */
enum { PM_CALLEE = 1, PM_CALLEE_UNDONE = 2, PM_DANGLES = 4, PM_DANGLES_YES = 8 };
struct pmemo {
	int flags;
	long wmv, wv; /* the work undone_in_callee's view and this one took */
};

/* What the check derives from a cfg once per function. */
struct view {
	const struct esc_cfg *c;
	int *succ_start, *succ; /* edges out of each block, by index */
	int *comp;              /* per block: its CFG component */
	char *cyclic;           /* per component: a loop */
	int *origin_slot;       /* hash of origins: 1 + statement, 0 empty */
	int nslots;
	int *seen, stamp;       /* per block */
	char *killing;          /* per component: holds a kill (per search) */
	int *stack;
	long work;
	/* correlated branches (built at the first question: corr_init) */
	int corr;               /* built */
	int *pred_start, *pred; /* edges into each block, by index */
	int *fact_start, *fact; /* facts of each edge, by index */
	int *def_at;            /* per key: its definition, -1 none */
	uint64_t taken_obj;     /* the object taken_reach is about */
	int taken_valid, taken_none;
	char *taken_reach;      /* per block: a TAKE of it reaches its start */
	int carriers[16], ncarriers;
	int *cseen, cstamp;     /* per carrier and block */
	int (*cstack)[3];       /* block, limit, carrier */
	/* parameters' sinks (param_sink_stays): byname, a release by a
	   callee known only by name counts, and the ones a verdict rested
	   on are added to rel (param and level left to the caller) */
	int byname;
	struct esc_summary_release *rel;
	int nrel, caprel, nsinks, ngroups;
	/* the last esc_param_sinks call's (all_undone): asked again with
	   byname for the same parameter and level, the same walk */
	const struct esc_graph *pg;
	int pp, pinto, plev, pn, pcut;
	long pwork;
	struct esc_sink *psk;
	struct pmemo *pm; /* per sink of psk */
	/* undone_in_callee's answers about this member's statements */
	struct callee_undo *undone;
	int nundone, capundone;
};

/* One answer of undone_in_callee: the question (the statement, the
   warning kind and what kill_of reads of the sink step), whether the
   sink dangles there, and the work that took (dangles depends only on
   the view's CFG and the kill, and looks at no budget: asked again, it
   gives the same answer for the same work). */
struct callee_undo {
	int st, kind, arg;
	enum esc_step_kind step_kind;
	const char *what;
	int dangles;
	long work;
};

static unsigned long hash_ptr(const void *p)
{
	unsigned long h = (unsigned long)(uintptr_t)p;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdul;
	h ^= h >> 33;
	return h;
}

static void view_init(struct view *v, const struct esc_cfg *c)
{
	memset(v, 0, sizeof *v);
	v->c = c;
	int nb = c->nblocks ? c->nblocks : 1;
	v->succ_start = esc_xcalloc((size_t)nb + 2, sizeof *v->succ_start);
	v->succ = esc_xmalloc(((size_t)c->nedges + 1) * sizeof *v->succ);
	for (int i = 0; i < c->nedges; i++)
		v->succ_start[c->edges[i].from + 2]++;
	for (int b = 0; b < nb; b++)
		v->succ_start[b + 2] += v->succ_start[b + 1];
	for (int i = 0; i < c->nedges; i++)
		v->succ[v->succ_start[c->edges[i].from + 1]++] = i;

	/* the loops: blocks' strongly connected components, cyclic if more
	   than one block or a block that is its own successor */
	int (*pairs)[2] = esc_xmalloc(((size_t)c->nedges + 1) * sizeof *pairs);
	int np = 0;
	for (int i = 0; i < c->nedges; i++)
		if (c->edges[i].to >= 0) {
			pairs[np][0] = c->edges[i].from;
			pairs[np][1] = c->edges[i].to;
			np++;
		}
	v->comp = esc_xmalloc((size_t)nb * sizeof *v->comp);
	int ncomp = esc_components(c->nblocks, (const int (*)[2])pairs, np,
				   v->comp);
	if (ncomp < 1)
		ncomp = 1;
	int *size = esc_xcalloc((size_t)ncomp, sizeof *size);
	v->cyclic = esc_xcalloc((size_t)ncomp, 1);
	v->killing = esc_xcalloc((size_t)ncomp, 1);
	for (int b = 0; b < c->nblocks; b++)
		if (v->comp[b] >= 0 && ++size[v->comp[b]] > 1)
			v->cyclic[v->comp[b]] = 1;
	for (int i = 0; i < np; i++)
		if (pairs[i][0] == pairs[i][1])
			v->cyclic[v->comp[pairs[i][0]]] = 1;
	free(size);
	free(pairs);

	v->nslots = 16;
	while (v->nslots < 2 * c->nstmts + 2)
		v->nslots *= 2;
	v->origin_slot = esc_xcalloc((size_t)v->nslots, sizeof *v->origin_slot);
	for (int i = 0; i < c->nstmts; i++) {
		if (!c->stmts[i].origin)
			continue;
		unsigned long h = hash_ptr(c->stmts[i].origin) & (v->nslots - 1);
		while (v->origin_slot[h])
			h = (h + 1) & (v->nslots - 1);
		v->origin_slot[h] = i + 1;
	}
	v->seen = esc_xcalloc((size_t)nb, sizeof *v->seen);
	v->stack = esc_xmalloc(((size_t)c->nedges + 1) * sizeof *v->stack);
}

static void view_free(struct view *v)
{
	free(v->succ_start);
	free(v->succ);
	free(v->comp);
	free(v->cyclic);
	free(v->killing);
	free(v->origin_slot);
	free(v->seen);
	free(v->stack);
	free(v->pred_start);
	free(v->pred);
	free(v->fact_start);
	free(v->fact);
	free(v->def_at);
	free(v->taken_reach);
	free(v->cseen);
	free(v->cstack);
	free(v->rel);
	esc_sinks_free(v->psk, v->pn);
	free(v->pm);
	free(v->undone);
}

/* The statement whose origin is o, or -1. */
static int stmt_of(const struct view *v, const void *o)
{
	if (!o)
		return -1;
	unsigned long h = hash_ptr(o) & (v->nslots - 1);
	for (; v->origin_slot[h]; h = (h + 1) & (v->nslots - 1))
		if (v->c->stmts[v->origin_slot[h] - 1].origin == o)
			return v->origin_slot[h] - 1;
	return -1;
}

/* ------------------------------------------------------------------ */
/* A component's CFGs: a sink that lies in another function of it       */

struct esc_cfgset {
	struct esc_cfg **cfgs;
	struct view **views; /* each made on first use */
	int n, cap;
	int *slot;           /* hash of origins: 1 + member, 0 empty */
	const void **slot_origin;
	int nslots;
	int kills;           /* some member's may_kill + 1, 0 not asked */
};

struct esc_cfgset *esc_cfgset_new(void)
{
	return esc_xcalloc(1, sizeof(struct esc_cfgset));
}

void esc_cfgset_add(struct esc_cfgset *set, struct esc_cfg *cfg)
{
	if (!set || !cfg || set->slot)
		return;
	if (set->n == set->cap) {
		set->cap = set->cap ? 2 * set->cap : 8;
		set->cfgs = esc_xrealloc(set->cfgs, (size_t)set->cap *
					 sizeof *set->cfgs);
		set->views = esc_xrealloc(set->views, (size_t)set->cap *
					  sizeof *set->views);
	}
	cfg->set = set;
	set->cfgs[set->n] = cfg;
	set->views[set->n++] = NULL;
}

void esc_cfgset_free(struct esc_cfgset *set)
{
	if (!set)
		return;
	for (int i = 0; i < set->n; i++) {
		set->cfgs[i]->set = NULL;
		if (set->views[i]) {
			view_free(set->views[i]);
			free(set->views[i]);
		}
	}
	free(set->cfgs);
	free(set->views);
	free(set->slot);
	free(set->slot_origin);
	free(set);
}

/* The view of the member whose statement o is, and the statement (in
   *stmt), or NULL. */
static struct view *set_find(struct esc_cfgset *set, const void *o, int *stmt)
{
	if (!set || !o || !set->n)
		return NULL;
	if (!set->slot) {
		long total = 0;
		for (int m = 0; m < set->n; m++)
			total += set->cfgs[m]->nstmts;
		set->nslots = 16;
		while (set->nslots < 2 * total + 2)
			set->nslots *= 2;
		set->slot = esc_xcalloc((size_t)set->nslots, sizeof *set->slot);
		set->slot_origin = esc_xcalloc((size_t)set->nslots,
					       sizeof *set->slot_origin);
		for (int m = 0; m < set->n; m++)
			for (int i = 0; i < set->cfgs[m]->nstmts; i++) {
				const void *so = set->cfgs[m]->stmts[i].origin;
				if (!so)
					continue;
				unsigned long h = hash_ptr(so) & (set->nslots - 1);
				while (set->slot[h])
					h = (h + 1) & (set->nslots - 1);
				set->slot[h] = m + 1;
				set->slot_origin[h] = so;
			}
	}
	unsigned long h = hash_ptr(o) & (set->nslots - 1);
	for (; set->slot[h]; h = (h + 1) & (set->nslots - 1)) {
		if (set->slot_origin[h] != o)
			continue;
		int m = set->slot[h] - 1;
		if (!set->views[m]) {
			set->views[m] = esc_xmalloc(sizeof **set->views);
			view_init(set->views[m], set->cfgs[m]);
		}
		*stmt = stmt_of(set->views[m], o);
		return *stmt >= 0 ? set->views[m] : NULL;
	}
	return NULL;
}

static int key_at(const struct esc_cfg *c, const struct cstmt *s, int i)
{
	return i >= 0 && i < s->nkeys ? c->pool[s->keys + i] : -1;
}

/* The value key of operand i of statement s (esc_cfg_values), or -1. */
static int val_at(const struct esc_cfg *c, const struct cstmt *s, int i)
{
	return i >= 0 && i < s->nvals ? c->pool[s->vals + i] : -1;
}

static int root_of(const struct esc_cfg *c, int k)
{
	for (int depth = 0; k >= 0 && c->parent[k] >= 0 && depth < 64; depth++)
		k = c->parent[k];
	return k;
}

/* Is place `outer' place `inner' or one containing it? */
static int covers(const struct esc_cfg *c, int outer, int inner)
{
	for (int depth = 0; inner >= 0 && depth < 64; depth++) {
		if (inner == outer)
			return 1;
		inner = c->parent[inner];
	}
	return 0;
}

static int in_writes(const struct esc_cfg *c, const struct cstmt *s, int k)
{
	for (int i = 0; i < s->nwrites; i++)
		if (c->pool[s->writes + i] == k)
			return 1;
	return 0;
}

#define ESC_CARRY 6

struct via {
	int at, arg;
	/* the calls given the object between this one and the keeping
	   call (statement, argument), other callees than the keeper's */
	int between[4][2], nbetween;
};

static int through_calls(const struct esc_cfg *c, int at, int kept_arg,
			 struct via *out, int max);
static int through_pairs(const struct esc_cfg *c, const struct cstmt *s,
			 const struct via *via, int kept_obj, int (**pairs)[2],
			 int *merge, int *carry, int *ncarry);

/* What kills a sink, and when its leaving call failed. */
struct kill {
	int at;              /* the leaving statement (never its own kill) */
	int place;           /* a store into it or around it; -1 none */
	int global;          /* a call storing to this global; -1 none */
	const struct cstmt *writes; /* a store or call reaching one of these
				       globals (a same-file keeper's) */
	int handle;          /* with one of until, on this first argument */
	const char *const *until;
	int nuntil;
	int fails_nonzero, fails_negative, fails_null;
	int popped;          /* a POP of popped->field kills (undo) */
	int unlinked;        /* an UNLINK of unlinked through field kills */
	int field;
	/* a call of callee given, in argument pairs[i][0], what statement
	   at got in argument pairs[i][1] (-1: its result) kills (a pending
	   warning's undo candidate, check_pending) */
	const char *callee;
	const int (*pairs)[2];
	int npairs;
	/* an undo candidate's handle: merge_from (what the leaving call
	   returned or was given; -1 none; merge_val its value key), and its
	   merges: the keys carry[] (PHIs) that take its value, or one
	   another, on some edges (dangles_merge) */
	int carry[ESC_CARRY], ncarry, merge_from, merge_val, merge_m;
	int merge_at;        /* >= 0: merge_from is this earlier call's
				operand merge_m (an undo through the
				object's handle) */
	int keep_null;       /* the handle null is no branch that kept
				nothing (a merge of what an earlier call
				stored in the object: it may have stored a
				default there) */
	int pairs_at;        /* >= 0: pairs[i][1] are this statement's
				arguments, not at's (an undo through the
				object's handle) */
	int freed;           /* teardown: releasing this handle kills */
	const struct esc_rules *rules; /* which calls release */
	/* teardown: also a call of one of these callees known only by
	   name given the handle as argument rel[i].arg (the link step
	   answers whether it releases: esc_summary.releases) */
	const struct esc_summary_release *rel;
	int nrel;
	int noloop;          /* a loop holding a kill is not taken to run it
				(undo candidates: a return inside the loop may
				come before the call) */
	/* dangles_merge: the carriers that hold the handle from the
	   leaving statement on (bits), and 1 + the value whose stores into
	   an each-element carrier keep it (the loop's other turns: other
	   elements), 0 none */
	unsigned carry_init;
	int slot_val;
	/* a later call whose effects undo what the leaving call's (a
	   same-file keeper's) kept of its argument kept (effects.c) */
	const struct esc_effect *fx;
	int nfx, kept;
	/* the earlier calls through which a later one may free the handle
	   the keeper kept the object in (through_calls), when the keeper's
	   stores are known (esc_cfg_stores) */
	int stored;
	struct via vias[8];
	int nvias;
	/* a call of one of these callees ends a path: taken never to
	   return (an undo candidate's, the link step answers) */
	const char *const *ends;
	int nends;
};

/* The other calls given what call statement at returned (its key, or
   a carrier of it), but calls of callee: their statements into *out
   (owned); -1 when that value is stored into a place other than a slot
   of the frame (another may take it there).  A count the keeper set is
   the caller's alone when none of them writes it (effects.c). */
static int carriers_of(const struct esc_cfg *c, int from, int *carry);

static int holders_of(const struct esc_cfg *c, int at, const char *callee, int **out)
{
	const struct cstmt *a = &c->stmts[at];
	int rk = key_at(c, a, 0), rv = val_at(c, a, 0), carry[ESC_CARRY], n = 0, cap = 0;
	*out = NULL;
	if (rk < 0)
		return -1;
	int nc = carriers_of(c, rv >= 0 ? rv : rk, carry);
	for (int i = 0; i < c->nstmts; i++) {
		const struct cstmt *s = &c->stmts[i];
		if (i == at || (s->op != ESC_OP_CALL && s->op != ESC_OP_STORE))
			continue;
		int given = 0;
		for (int x = s->op == ESC_OP_CALL; x < s->nkeys && !given; x++) {
			int kx = key_at(c, s, x);
			given = kx >= 0 && (kx == rk || kx == rv);
			for (int b = 0; kx >= 0 && b < nc && !given; b++)
				given = carry[b] == kx;
			if (s->op == ESC_OP_STORE)
				break;
		}
		if (!given)
			continue;
		if (s->op == ESC_OP_STORE) {
			if (is_slot(c, s->place))
				continue;
			free(*out);
			*out = NULL;
			return -1;
		}
		if (s->callee && callee && !strcmp(s->callee, callee))
			continue;
		ESC_GROW(*out, cap, n + 1);
		(*out)[n++] = i;
	}
	return n;
}

/* Do the calls between earlier call via and the keeper leave the handle
   via stored in the object (their summaries known here; a same-file
   callee makes no call given the object, whose effects may be unknown; a
   callee known by its linked summary only does not take it to the
   heap)? */
static int keeps_handle(const struct esc_cfg *c, const struct via *via,
			const struct kill *k)
{
	const struct cstmt *t = &c->stmts[via->at];
	for (int b = 0; b < via->nbetween; b++) {
		const struct cstmt *u = &c->stmts[via->between[b][0]];
		int arg = via->between[b][1];
		if (u->nst < 0 ||
		    !esc_effects_keeps_handle(t->fx, t->nfx, via->arg, k->fx, k->nfx,
					      k->stored, u->fx, u->nfx, u->st,
					      u->nst, arg))
			return 0;
		if (u->heap && (arg >= u->nheap || u->heap[arg] >= 0))
			return 0;
		for (int y = 0; y < u->nfx; y++)
			if (u->fx[y].kind == ESC_FX_CALL && u->fx[y].param == arg)
				return 0;
	}
	return 1;
}

/* Does call statement s undo, by its effects, what the leaving call
   k->at kept (k->fx)? */
static int undoes(const struct esc_cfg *c, const struct kill *k,
		  const struct cstmt *s, unsigned merged)
{
	const struct cstmt *at = &c->stmts[k->at];
	int pairs[16][2], np = 0;
	for (int j = 0; j + 1 < s->nkeys && np < 16; j++) {
		int kj = key_at(c, s, 1 + j), mj = -2;
		for (int m = -1; kj >= 0 && m + 1 < at->nkeys && mj < -1; m++)
			if (key_at(c, at, 1 + m) == kj)
				mj = m;
		/* what the kept variable holds: the result, when a slot
		   holding it here (ev = ev_new(cb, &ev); ... ev_free(ev)) */
		for (int b = 0; mj >= 0 && mj == k->kept && k->merge_m == -1 &&
		     is_slot(c, kj) && b < k->ncarry; b++)
			if (((merged >> b) & 1) && k->carry[b] == kj)
				mj = -1;
		/* a merge that holds the handle here (dangles_merge; not
		   an earlier call's operand: below) */
		for (int b = 0; kj >= 0 && mj < -1 && k->merge_at < 0 &&
		     b < k->ncarry; b++)
			if (((merged >> b) & 1) && k->carry[b] == kj)
				mj = k->merge_m;
		if (mj < -1)
			continue;
		pairs[np][0] = j;
		pairs[np++][1] = mj;
	}
	struct esc_undo_call u = { s->callee, np, pairs, NULL, -1, 0, 0, NULL, NULL, NULL,
				   { NULL }, { 0 }, 0, NULL, 0, 0, NULL, NULL, 0, NULL, 0 };
	/* what the keeper returned released by a count: the other calls
	   given it, with their effects (none known: an unknown callee) */
	int released = 0, *held = NULL;
	const struct esc_effect **ofx = NULL;
	int *nofx = NULL;
	for (int x = 0; x < s->nfx; x++)
		released |= s->fx[x].kind == ESC_FX_RELEASE;
	for (int p = 0; released && p < np; p++)
		if (pairs[p][1] < 0) {
			int n = holders_of(c, k->at, s->callee, &held);
			u.others_known = n >= 0;
			u.nothers = n > 0 ? n : 0;
			ofx = esc_xmalloc((size_t)(u.nothers + 1) * sizeof *ofx);
			nofx = esc_xmalloc((size_t)(u.nothers + 1) * sizeof *nofx);
			for (int h = 0; h < u.nothers; h++) {
				const struct cstmt *t = &c->stmts[held[h]];
				ofx[h] = t->fx;
				nofx[h] = t->fx || t->nwrites >= 0 ? t->nfx : -1;
			}
			u.ofx = ofx;
			u.nofx = nofx;
			break;
		}
	int undone = np && esc_effects_undo(k->fx, k->nfx, k->kept, s->fx, s->nfx, &u);
	free(held);
	free(ofx);
	free(nofx);
	if (undone)
		return 1;
	if (np && at->nst >= 0 && s->nst >= 0 &&
	    esc_effects_undo_stored(k->fx, k->nfx, at->st, at->nst,
				    k->stored, s->fx, s->nfx, s->st, s->nst, &u))
		return 1;
	/* given none of the keeper's arguments: through the handle an
	   earlier call stored in the object (as the link step's "through"
	   candidates) */
	int kept_obj = k->stored >= 0 ? key_at(c, at, 1 + k->stored) : -1;
	for (int x = 0; !np && kept_obj >= 0 && x < k->nvias; x++) {
		const struct cstmt *t = &c->stmts[k->vias[x].at];
		int (*tp)[2] = NULL;
		int n = t->fx && t->nst >= 0 && keeps_handle(c, &k->vias[x], k)
			? through_pairs(c, s, &k->vias[x], kept_obj, &tp, NULL, NULL, NULL)
			: 0;
		/* given a merge that holds the handle here (dangles_merge) */
		for (int j = 0; !n && k->merge_at == k->vias[x].at && t->fx &&
		     t->nst >= 0 && keeps_handle(c, &k->vias[x], k) && j + 1 < s->nkeys; j++)
			for (int b = 0; b < k->ncarry && !n; b++)
				if (((merged >> b) & 1) && k->carry[b] == key_at(c, s, 1 + j)) {
					tp = esc_xmalloc(sizeof *tp);
					tp[0][0] = j;
					tp[0][1] = k->merge_m;
					n = 1;
				}
		struct esc_undo_call v = { s->callee, n, tp, t->callee, k->vias[x].arg,
					   0, 0, NULL, NULL, NULL, { NULL }, { 0 }, 0, NULL, 0, 0, NULL, NULL, 0, NULL, 0 };
		int yes = n && esc_effects_undo_through(t->fx, t->nfx, t->st, t->nst,
							k->vias[x].arg, k->fx, k->nfx,
							at->st, at->nst, k->stored,
							s->fx, s->nfx, &v);
		free(tp);
		if (yes)
			return 1;
	}
	return 0;
}

/* Does call statement s get what the leaving call k->at got, as pairs
   says? */
static int same_handles(const struct esc_cfg *c, const struct kill *k,
			const struct cstmt *s, unsigned merged)
{
	const struct cstmt *at = &c->stmts[k->pairs_at >= 0 ? k->pairs_at : k->at];
	for (int i = 0; i < k->npairs; i++) {
		int mine = key_at(c, s, 1 + k->pairs[i][0]);
		int theirs = key_at(c, at, 1 + k->pairs[i][1]);
		int carried = 0;
		for (int b = 0; b < k->ncarry && mine >= 0 && theirs == k->merge_from; b++)
			carried |= ((merged >> b) & 1) && k->carry[b] == mine;
		if (carried)
			continue;
		if (mine < 0 || mine != theirs)
			return 0;
	}
	return 1;
}

/* Does the callee of call s free its argument i on every path (its
   effects: a clear of the parameter's own object)? */
static int fx_frees(const struct cstmt *s, int i)
{
	for (int j = 0; j < s->nfx; j++)
		if (s->fx[j].kind == ESC_FX_CLEAR && s->fx[j].param == i &&
		    s->fx[j].pointer && !*s->fx[j].path)
			return 1;
	return 0;
}

/* Does call s release (free, by its rule, without copying it anywhere:
   not realloc; by its effects) the memory handle names? */
static int releases(const struct esc_cfg *c, const struct esc_rules *rules,
		    const struct cstmt *s, int handle)
{
	/* a function of the unit, or of a linked summary, by its effects */
	for (int i = 0; s->fx && i + 1 < s->nmems; i++)
		if (c->pool[s->mems + 1 + i] == handle && fx_frees(s, i))
			return 1;
	const struct esc_rule *r = rules && s->callee
		? esc_rules_find(rules, s->callee) : NULL;
	if (!r)
		return 0;
	for (int i = 0; i + 1 < s->nmems; i++)
		if ((esc_rule_effect(r, i) & ESC_EFF_FREE) && r->copy_from != i &&
		    c->pool[s->mems + 1 + i] == handle)
			return 1;
	return 0;
}

/* merged: bit b set when k->carry[b] holds k->merge_from here
   (dangles_merge) */
static int is_kill_in(const struct esc_cfg *c, const struct kill *k, int i,
		      unsigned merged)
{
	const struct cstmt *s = &c->stmts[i];
	if (i == k->at)
		return 0;
	for (int j = 0; j < k->nends && s->op == ESC_OP_CALL && s->callee; j++)
		if (s->callee == k->ends[j] || !strcmp(s->callee, k->ends[j]))
			return 1;
	if (k->freed >= 0 && s->op == ESC_OP_CALL &&
	    releases(c, k->rules, s, k->freed))
		return 1;
	for (int j = 0; k->freed >= 0 && j < k->nrel && s->op == ESC_OP_CALL &&
	     s->callee; j++)
		if ((s->callee == k->rel[j].callee ||
		     !strcmp(s->callee, k->rel[j].callee)) &&
		    k->rel[j].arg + 1 < s->nmems &&
		    c->pool[s->mems + 1 + k->rel[j].arg] == k->freed)
			return 1;
	if (s->place >= 0 && k->place >= 0 && covers(c, s->place, k->place))
		return 1;
	if (s->op == ESC_OP_CALL && k->global >= 0 && in_writes(c, s, k->global))
		return 1;
	if (k->writes && k->writes->nwrites > 0) {
		if (s->place >= 0 && in_writes(c, k->writes, root_of(c, s->place)))
			return 1;
		if (s->op == ESC_OP_CALL)
			for (int j = 0; j < s->nwrites; j++)
				if (in_writes(c, k->writes, c->pool[s->writes + j]))
					return 1;
	}
	for (int a = 0; a < s->nundo; a++) {
		const int *f = undo_at(c, s, a);
		if (f[3] == k->field && f[1] >= 0 &&
		    ((f[0] == ESC_UNDO_POP && f[1] == k->popped) ||
		     (f[0] == ESC_UNDO_UNLINK && f[1] == k->unlinked)))
			return 1;
	}
	if (k->fx && s->op == ESC_OP_CALL && s->nfx && undoes(c, k, s, merged))
		return 1;
	if (k->callee && s->op == ESC_OP_CALL && s->callee &&
	    (s->callee == k->callee || !strcmp(s->callee, k->callee)) &&
	    same_handles(c, k, s, merged))
		return 1;
	if (s->op == ESC_OP_CALL && k->handle >= 0 && s->callee &&
	    key_at(c, s, 1) == k->handle)
		for (int j = 0; j < k->nuntil; j++)
			if (k->until[j] == s->callee ||
			    !strcmp(k->until[j], s->callee))
				return 1;
	return 0;
}

static int is_kill(const struct esc_cfg *c, const struct kill *k, int i)
{
	return is_kill_in(c, k, i, 0);
}

/* Is edge e the branch on which the leaving call failed? */
static int failed_on(const struct kill *k, const struct cedge *e)
{
	if (e->test != k->at)
		return 0;
	switch (e->br) {
	case ESC_BR_ZERO:
		return k->fails_null;
	case ESC_BR_NONZERO:
		return k->fails_nonzero;
	case ESC_BR_NEGATIVE:
		return k->fails_nonzero || k->fails_negative;
	default:
		return 0;
	}
}

static int carriers_of(const struct esc_cfg *c, int from, int *carry);

/* Is value key val non-null at statement at: does every path from the
   entry to it take the non-null branch of a test of val (if (!b) goto
   end; assign(&e, b))? */
static int nonnull_at(const struct esc_cfg *c, int val, int at)
{
	if (val < 0 || c->nblocks <= 0 || c->entry < 0 || !c->nedges)
		return 0;
	int bt = c->stmts[at].block, any = 0, r = 1, sp = 0;
	unsigned char *cut = esc_xcalloc((size_t)c->nedges, 1);
	for (int i = 0; i < c->nfacts; i++) {
		const struct cfact *f = &c->facts[i];
		if (f->key != val || f->assign || f->val.object != 0)
			continue;
		const struct cedge *e = &c->edges[f->edge];
		for (int x = 0; x < c->nedges; x++)
			if (x != f->edge && c->edges[x].from == e->from &&
			    c->edges[x].test == e->test) {
				cut[x] = 1;
				any = 1;
			}
	}
	unsigned char *seen = esc_xcalloc((size_t)c->nblocks + 1, 1);
	int *stack = esc_xmalloc(((size_t)c->nblocks + 1) * sizeof *stack);
	if (!any || bt < 0 || bt == c->entry)
		r = 0;
	else {
		stack[sp++] = c->entry;
		seen[c->entry] = 1;
	}
	while (r && sp) {
		int b = stack[--sp];
		for (int x = 0; x < c->nedges && r; x++) {
			const struct cedge *e = &c->edges[x];
			if (e->from != b || cut[x] || e->to < 0 || seen[e->to])
				continue;
			if (e->to == bt)
				r = 0;
			seen[e->to] = 1;
			stack[sp++] = e->to;
		}
	}
	free(cut);
	free(seen);
	free(stack);
	return r;
}

/* The kill of a sink that leaves the frame at statement at (step: the
   sink itself, foreign: it lies in another function; leave: the step at
   statement at). */
static void kill_of(const struct esc_cfg *c, const struct esc_rules *rules,
		    const struct esc_step *sink, const struct esc_step *leave,
		    int kind, int at, int foreign, struct kill *k)
{
	const struct cstmt *s = &c->stmts[at];
	memset(k, 0, sizeof *k);
	k->at = at;
	k->place = k->global = k->handle = -1;
	k->pairs_at = -1;
	k->stored = -2;
	k->popped = k->unlinked = k->field = -1;
	k->freed = -1;
	k->ncarry = 0;
	k->merge_from = k->merge_val = k->merge_m = k->merge_at = -1;
	k->rules = rules;
	if (s->op != ESC_OP_CALL && s->op != ESC_OP_STORE)
		return;
	/* undo: the link this statement makes of the address (the value
	   stored, or the argument passed) into into->field is undone by a
	   pop of into->field or an unlink of the value through field, also
	   when the sink lies further on (foreign: the address leaves this
	   frame by that link) */
	int value = s->op == ESC_OP_STORE ? key_at(c, s, 0)
		  : leave->arg > 0 ? key_at(c, s, leave->arg) : -1;
	for (int a = 0; value >= 0 && a < s->nundo; a++) {
		const int *f = undo_at(c, s, a);
		if (f[0] == ESC_UNDO_LINK && f[1] == value) {
			k->popped = f[2];
			k->unlinked = value;
			k->field = f[3];
			break;
		}
	}
	/* kept by a same-file function (its summary, or the body of one
	   of this component), also where it stores the address further on:
	   a later call may undo it (effects) */
	if ((kind == ESC_WARN_KEPT || kind == ESC_WARN_CALLER ||
	     kind == ESC_WARN_GLOBAL) && s->op == ESC_OP_CALL && s->fx) {
		k->fx = s->fx;
		k->nfx = s->nfx;
		/* the argument kept (a summary's store applied at the call
		   may not say) */
		k->kept = (leave->kind == ESC_STEP_ARG_SUMMARY ||
			   leave->kind == ESC_STEP_ARG) && leave->arg > 0
			? leave->arg - 1 : -2;
		/* the argument the keeper's summary stores (its stores
		   known: esc_cfg_stores) */
		k->stored = k->kept;
		if (leave->kind == ESC_STEP_STORE_PTR && leave->what &&
		    s->callee && !strcmp(leave->what, s->callee) && leave->arg > 0)
			k->stored = leave->arg - 1;
		if (k->stored >= 0 && s->nst >= 0)
			k->nvias = through_calls(c, at, k->stored, k->vias, 8);
		/* what it returns is handed to a later call: a handle, so the
		   branch on which it is null kept nothing (as the link step's
		   undo candidates take it) */
		int res = key_at(c, s, 0), rcarry[ESC_CARRY], nr = 0;
		if (res >= 0)
			nr = carriers_of(c, val_at(c, s, 0) >= 0 ? val_at(c, s, 0) : res,
					 rcarry);
		for (int i = 0; res >= 0 && i < c->nstmts && !k->fails_null; i++)
			if (i != at && c->stmts[i].op == ESC_OP_CALL)
				for (int j = 1; j < c->stmts[i].nkeys; j++) {
					int kj = key_at(c, &c->stmts[i], j);
					for (int b = 0; kj >= 0 && b < nr; b++)
						k->fails_null |= rcarry[b] == kj;
					if (kj >= 0 && kj == res)
						k->fails_null = 1;
				}
		/* a later call may be given the handle through a merge (if
		   (h) h_free(h), as the link step's undo candidates): the
		   result handed on, else an argument other than the kept one
		   that a PHI merges (not for a global's keeper: its handle
		   null may keep nothing in it but still the global) */
		int hm = k->fails_null ? -1 : -2;
		for (int m = 0; hm == -2 && kind != ESC_WARN_GLOBAL &&
				m + 1 < s->nkeys && m + 1 < s->nvals; m++) {
			int carry[ESC_CARRY];
			if (m != k->kept && val_at(c, s, 1 + m) >= 0 &&
			    carriers_of(c, val_at(c, s, 1 + m), carry))
				hm = m;
		}
		if (hm >= -1 && key_at(c, s, 1 + hm) >= 0) {
			int hv = val_at(c, s, 1 + hm) >= 0 ? val_at(c, s, 1 + hm)
							   : key_at(c, s, 1 + hm);
			k->ncarry = carriers_of(c, hv, k->carry);
			if (k->ncarry) {
				k->merge_m = hm;
				k->merge_from = key_at(c, s, 1 + hm);
				k->merge_val = hv;
			}
		}
		/* else a merge of what an earlier call stored in the object
		   (the handle: if (base) base_free(base) at the end); its
		   null branch kept nothing only if it is non-null there */
		for (int x = 0; !k->ncarry && x < k->nvias; x++) {
			const struct cstmt *t = &c->stmts[k->vias[x].at];
			for (int m = 0; !k->ncarry && m + 1 < t->nkeys; m++) {
				int hv = val_at(c, t, 1 + m) >= 0 ? val_at(c, t, 1 + m)
								  : key_at(c, t, 1 + m);
				if (m == k->vias[x].arg || hv < 0 ||
				    !(k->ncarry = carriers_of(c, hv, k->carry)))
					continue;
				k->merge_m = m;
				k->merge_from = key_at(c, t, 1 + m);
				k->merge_val = hv;
				k->merge_at = k->vias[x].at;
				k->keep_null = !nonnull_at(c, hv, k->vias[x].at);
			}
		}
	}
	const struct esc_rule *r = NULL;
	if (!foreign && (kind == ESC_WARN_KEPT || kind == ESC_WARN_THREAD) &&
	    sink->kind != ESC_STEP_ARG_SUMMARY && rules)
		r = esc_rules_find(rules, sink->what ? sink->what : s->callee);
	if (r) {
		k->handle = r->handle == ESC_HANDLE_RESULT ? key_at(c, s, 0)
			  : r->handle >= 0 ? key_at(c, s, 1 + r->handle) : -1;
		k->until = r->until;
		k->nuntil = r->nuntil;
		k->fails_nonzero = r->fails == ESC_FAILS_NONZERO;
		k->fails_null = r->fails == ESC_FAILS_NULL;
		return;
	}
	if (s->op == ESC_OP_CALL) {
		/* no rule: C's convention for failure (for a handle it
		   returns: null) */
		k->fails_nonzero = k->fails_negative = !k->fails_null;
		if (s->nwrites >= 0)
			k->writes = s; /* a same-file function's globals */
	}
	if (!foreign && (kind == ESC_WARN_GLOBAL || kind == ESC_WARN_CALLER) &&
	    s->place >= 0) {
		k->place = s->place;
		k->global = root_of(c, s->place);
		k->writes = NULL;
	}
}

/* The keys that carry key from: PHIs that take it, or one of them, on
   some edge, and slots a store leaves it in (at most ESC_CARRY); their
   number. */
static int carriers_of(const struct esc_cfg *c, int from, int *carry)
{
	int n = 0;
	for (int changed = 1; changed && n < ESC_CARRY;) {
		changed = 0;
		for (int i = 0; c->nkinfo && i < c->nstmts && n < ESC_CARRY; i++) {
			const struct cstmt *s = &c->stmts[i];
			int v = s->op == ESC_OP_STORE ? val_at(c, s, 0) : -1;
			if (v < 0 || !is_slot(c, s->place) || s->place == from)
				continue;
			int src = v == from, dup = 0;
			for (int b = 0; b < n; b++) {
				src |= carry[b] == v;
				dup |= carry[b] == s->place;
			}
			if (src && !dup) {
				carry[n++] = s->place;
				changed = 1;
			}
		}
		for (int i = 0; i < c->nfacts && n < ESC_CARRY; i++) {
			const struct cfact *f = &c->facts[i];
			if (!f->assign || f->val.kind != ESC_VAL_KEY || f->key == from)
				continue;
			int src = f->val.key == from, dup = 0;
			for (int b = 0; b < n; b++) {
				src |= carry[b] == f->val.key;
				dup |= carry[b] == f->key;
			}
			if (src && !dup) {
				carry[n++] = f->key;
				changed = 1;
			}
		}
	}
	return n;
}

/* dangles() for an undo candidate's kill (no loop is taken to run a
   kill, k->noloop), given the handle: what the leaving call returned or
   was given (merge_from) and its merges (k->carry).  Each block is
   searched in each state of which carriers hold the handle.  An edge
   that assigns a carrier sets its bit (from merge_from or a carrier
   holding it) or clears it (another value: ev = NULL after the keeping
   call, a leak); before any assignment a carrier does not hold it.  A
   call given a carrier that holds it kills as one given merge_from, and
   an edge on which the handle or such a carrier is null is the leaving
   call's failure, as failed_on for a result: a null handle kept nothing
   (the undo candidates stand for the address kept in the handle: its
   teardown undoes it). */
/* merged after statement s, a store or call into s->place: a slot
   carrier takes the handle from a store of it (or of a carrier holding
   it) into that very slot, and loses it by any other write there,
   around it, inside it, or into a part of its variable that is no slot
   (an element at a variable index). */
static unsigned slot_stores(const struct esc_cfg *c, const struct kill *k,
			    const struct cstmt *s, unsigned merged)
{
	int v = s->op == ESC_OP_STORE ? val_at(c, s, 0) : -1;
	int holds = v >= 0 && (v == k->merge_val ||
			       (v + 1 == k->slot_val && s->place >= 0 &&
				s->place < c->nkinfo && c->slot[s->place] == 2));
	for (int a = 0; v >= 0 && a < k->ncarry; a++)
		holds |= k->carry[a] == v && ((merged >> a) & 1);
	for (int b = 0; b < k->ncarry; b++) {
		int p = k->carry[b];
		if (!is_slot(c, p))
			continue;
		if (s->place == p && holds)
			merged |= 1u << b;
		else if (covers(c, s->place, p) || covers(c, p, s->place) ||
			 (!is_slot(c, s->place) &&
			  root_of(c, s->place) == root_of(c, p)))
			merged &= ~(1u << b);
	}
	return merged;
}

/* Flags (esc_cfg_flag): the search of a kill also knows which of the
   flags fl[0 .. nf-1] are nonzero (bits), from no flag known at the
   leaving statement.  They are the flags a kill may hang on: those whose
   test leads into a block holding a kill (if (added) undo(&x)), and the
   flags those take their value from (at most ESC_FLAGS). */
#define ESC_FLAGS 3

static int in_flags(const int *fl, int nf, int flag)
{
	for (int i = 0; i < nf; i++)
		if (fl[i] == flag)
			return 1;
	return 0;
}

static int kill_flags(struct view *v, const struct kill *k, int *fl)
{
	const struct esc_cfg *c = v->c;
	int nf = 0;
	for (int t = 0; t < c->nftest && nf < ESC_FLAGS; t++) {
		const struct cedge *e = &c->edges[c->ftest[t]];
		for (int y = 0; e->to >= 0 && y < e->nflagf && nf < ESC_FLAGS; y++) {
			const struct cflagf *f = &c->flagf[e->flagf + y];
			if ((f->f != ESC_FLAG_IS_ZERO && f->f != ESC_FLAG_IS_NONZERO) ||
			    in_flags(fl, nf, f->flag))
				continue;
			int end = c->first[e->to] + c->count[e->to], kills = 0;
			for (int i = c->first[e->to]; i < end && !kills; i++) {
				v->work++;
				kills = is_kill_in(c, k, i, ~0u);
			}
			if (kills)
				fl[nf++] = f->flag;
		}
	}
	for (int changed = nf > 0; changed && nf < ESC_FLAGS;) {
		changed = 0;
		for (int y = 0; y < c->nflagf && nf < ESC_FLAGS; y++) {
			const struct cflagf *f = &c->flagf[y];
			if (f->f == ESC_FLAG_COPY && in_flags(fl, nf, f->flag) &&
			    !in_flags(fl, nf, f->src)) {
				fl[nf++] = f->src;
				changed = 1;
			}
		}
	}
	return nf;
}

/* The flags known nonzero after edge e (bit i: fl[i]), from fb before
   it; -1: a test on e says one known nonzero is zero (no path). */
static int flags_after(const struct esc_cfg *c, const struct cedge *e,
		       const int *fl, int nf, unsigned fb)
{
	for (int y = 0; nf && y < e->nflagf; y++) {
		const struct cflagf *f = &c->flagf[e->flagf + y];
		int t = -1, s = -1;
		for (int i = 0; i < nf; i++) {
			if (fl[i] == f->flag)
				t = i;
			if (f->f == ESC_FLAG_COPY && fl[i] == f->src)
				s = i;
		}
		if (t < 0)
			continue;
		switch (f->f) {
		case ESC_FLAG_IS_ZERO:
			if ((fb >> t) & 1)
				return -1;
			break;
		case ESC_FLAG_IS_NONZERO:
		case ESC_FLAG_NONZERO:
			fb |= 1u << t;
			break;
		case ESC_FLAG_COPY:
			if (s >= 0 && ((fb >> s) & 1))
				fb |= 1u << t;
			else
				fb &= ~(1u << t);
			break;
		default:
			fb &= ~(1u << t);
		}
	}
	return (int)fb;
}

static int dangles_merge(struct view *v, const struct kill *k,
			 uint64_t object, const int *fl, int nf)
{
	const struct esc_cfg *c = v->c;
	int nb = c->nblocks ? c->nblocks : 1, n = k->ncarry, r = 0, sp = 0;
	/* the state: the carriers holding the handle (bits 0 .. n-1), the
	   flags known nonzero (bits n .. n+nf-1) */
	size_t states = (size_t)1 << (n + nf), ne = (size_t)c->nedges + 1;
	/* per edge: the carriers it assigns, those taking merge_from, the
	   carrier each other one takes (-1: another value), the null ones */
	unsigned char *assigned = esc_xcalloc(ne, 1), *direct = esc_xcalloc(ne, 1);
	unsigned char *null = esc_xcalloc(ne, 1);
	signed char *src = esc_xmalloc(ne * ESC_CARRY);
	memset(src, -1, ne * ESC_CARRY);
	unsigned char *seen = esc_xcalloc((size_t)nb * states, 1);
	int *stack = esc_xmalloc((size_t)nb * states * sizeof *stack);
	for (int i = 0; i < c->nfacts; i++) {
		const struct cfact *f = &c->facts[i];
		/* the handle itself null: bit 7 */
		if (f->key == k->merge_val && !f->assign && f->val.object == 0 &&
		    !k->keep_null)
			null[f->edge] |= 0x80;
		/* a value read back from a slot that holds it: null */
		int pl = !f->assign && f->val.object == 0 && !k->keep_null
			? loaded_from(c, f->key) : -1;
		for (int b = 0; pl >= 0 && b < n; b++)
			if (k->carry[b] == pl)
				null[f->edge] |= 1u << b;
		for (int b = 0; b < n; b++) {
			if (f->key != k->carry[b])
				continue;
			if (!f->assign) {
				if (f->val.object == 0 && !k->keep_null)
					null[f->edge] |= 1u << b;
				continue;
			}
			assigned[f->edge] |= 1u << b;
			if (f->val.kind != ESC_VAL_KEY)
				continue;
			if (f->val.key == k->merge_val)
				direct[f->edge] |= 1u << b;
			for (int a = 0; a < n; a++)
				if (f->val.key == k->carry[a])
					src[f->edge * ESC_CARRY + b] = (signed char)a;
		}
	}
	/* the loops with a kill, taken to run it (not for undo
	   candidates: k->noloop) */
	int ncomp = 0, start = c->stmts[k->at].block;
	for (int x = 0; x < c->nblocks; x++)
		if (v->comp[x] + 1 > ncomp)
			ncomp = v->comp[x] + 1;
	memset(v->killing, 0, (size_t)(ncomp ? ncomp : 1));
	for (int i = 0; !k->noloop && i < c->nstmts; i++) {
		v->work++;
		if (is_kill_in(c, k, i, 0) && v->cyclic[v->comp[c->stmts[i].block]])
			v->killing[v->comp[c->stmts[i].block]] = 1;
	}
	int b = start, from = k->at + 1;
	unsigned merged = k->carry_init, fbits = 0;
	for (;;) {
		int end = c->first[b] + c->count[b], stop = 0;
		for (int i = from; i < end && !stop; i++) {
			const struct cstmt *s = &c->stmts[i];
			v->work++;
			if (is_kill_in(c, k, i, merged) || s->noret)
				stop = 1;
			else if (s->op == ESC_OP_RETURN ||
				 (s->op == ESC_OP_END && s->object == object)) {
				r = 1;
				goto out;
			} else if (s->place >= 0 && c->nkinfo)
				merged = slot_stores(c, k, s, merged);
		}
		if (!stop)
			for (int j = v->succ_start[b]; j < v->succ_start[b + 1]; j++) {
				int ei = v->succ[j];
				const struct cedge *e = &c->edges[ei];
				if (failed_on(k, e) || ((merged | 0x80) & null[ei]))
					continue;
				int fa = flags_after(c, e, fl, nf, fbits);
				if (fa < 0)
					continue;
				if (e->to < 0) {
					r = 1;
					goto out;
				}
				int cc = v->comp[e->to];
				if (cc != v->comp[start] && v->killing[cc])
					continue;
				unsigned m = (merged & ~assigned[ei]) | direct[ei];
				for (int a = 0; a < n; a++) {
					int from_a = src[ei * ESC_CARRY + a];
					if (from_a >= 0 && ((merged >> from_a) & 1))
						m |= 1u << a;
				}
				size_t x = (size_t)e->to * states + m +
					   ((size_t)fa << n);
				if (seen[x])
					continue;
				seen[x] = 1;
				stack[sp++] = (int)x;
			}
		if (!sp)
			break;
		int x = stack[--sp];
		b = x / (int)states;
		merged = (unsigned)(x % (int)states) & ((1u << n) - 1);
		fbits = (unsigned)(x % (int)states) >> n;
		from = c->first[b];
	}
out:
	free(assigned);
	free(direct);
	free(null);
	free(src);
	free(seen);
	free(stack);
	return r;
}

/* Is there a path from k->at to the end of the object's life (a return,
   its scope end `object', the exit) on which nothing kills? */
static int dangles_plain(struct view *v, const struct kill *k, uint64_t object)
{
	const struct esc_cfg *c = v->c;
	int start = c->stmts[k->at].block;
	int any = k->place >= 0 || k->global >= 0 || k->writes || k->handle >= 0 ||
		  k->popped >= 0 || k->unlinked >= 0 || k->callee ||
		  k->freed >= 0 || k->fx;

	/* the loops with a kill, taken to run it */
	int ncomp = 0;
	for (int b = 0; b < c->nblocks; b++)
		if (v->comp[b] + 1 > ncomp)
			ncomp = v->comp[b] + 1;
	memset(v->killing, 0, (size_t)(ncomp ? ncomp : 1));
	if (any && !k->noloop)
		for (int i = 0; i < c->nstmts; i++) {
			v->work++;
			if (is_kill(c, k, i) && v->cyclic[v->comp[c->stmts[i].block]])
				v->killing[v->comp[c->stmts[i].block]] = 1;
		}

	int stamp = ++v->stamp, sp = 0;
	/* the rest of the leaving statement's block, then its successors */
	int from = k->at + 1;
	int b = start;
	for (;;) {
		int end = c->first[b] + c->count[b], stop = 0;
		for (int i = from; i < end && !stop; i++) {
			const struct cstmt *s = &c->stmts[i];
			v->work++;
			if ((any && is_kill(c, k, i)) || s->noret)
				stop = 1;
			else if (s->op == ESC_OP_RETURN ||
				 (s->op == ESC_OP_END && s->object == object))
				return 1;
		}
		if (!stop)
			for (int j = v->succ_start[b]; j < v->succ_start[b + 1]; j++) {
				const struct cedge *e = &c->edges[v->succ[j]];
				if (failed_on(k, e))
					continue;
				if (e->to < 0)
					return 1;
				if (v->seen[e->to] == stamp)
					continue;
				int cc = v->comp[e->to];
				if (cc != v->comp[start] && v->killing[cc])
					continue;
				v->seen[e->to] = stamp;
				v->stack[sp++] = e->to;
			}
		if (!sp)
			return 0;
		b = v->stack[--sp];
		from = c->first[b];
	}
}

/* Is there a path from k->at to the end of the object's life on which
   nothing kills, also where the flags the kills hang on say (searched
   again with them only when the search without them finds one: they
   only take paths away)? */
static int dangles(struct view *v, const struct kill *k, uint64_t object)
{
	int d = k->merge_from >= 0 ? dangles_merge(v, k, object, NULL, 0)
				   : dangles_plain(v, k, object);
	if (!d || !v->c->nftest)
		return d;
	int fl[ESC_FLAGS], nf = kill_flags(v, k, fl);
	/* at most 8 bits of state (6 carriers) */
	if (nf > 8 - k->ncarry)
		nf = 8 - k->ncarry;
	return nf > 0 ? dangles_merge(v, k, object, fl, nf) : d;
}

/* A declaration handle no scope end has: a parameter's pointee, or the
   caller's object a callee's sink holds, lives on after the function
   returns. */
#define NO_OBJECT (~(uint64_t)0)

/* Is the sink, whose own step is a statement of another function of
   cfg's component (the address went there by a call), undone in that
   function: killed on every path from its statement to that function's
   returns?  Then it does not outlive the call (SQLite's
   sqlite3RunParser: db->pParse = pParse ... db->pParse = pParentParse,
   a member of sqlite3Prepare's component). */
static int undone_in_callee(const struct esc_cfg *cfg,
			    const struct esc_rules *rules,
			    const struct esc_step *sink, int kind,
			    struct pmemo *m)
{
	int st;
	struct view *mv = set_find(cfg->set, sink->origin, &st);
	if (!mv || mv->c == cfg || mv->work > ESC_DANGLE_BUDGET ||
	    mv->c->stmts[st].op == ESC_OP_RETURN || kind == ESC_WARN_RETURN)
		return 0;
	if (m && (m->flags & PM_CALLEE)) {
		mv->work += m->wmv;
		return (m->flags & PM_CALLEE_UNDONE) != 0;
	}
	/* a sink of a component member is often asked about again (each
	   member's check and summary undo, each parameter's level): the
	   answer once, its work counted each time as if made again */
	for (int i = 0; i < mv->nundone; i++) {
		const struct callee_undo *u = &mv->undone[i];
		if (u->st == st && u->kind == kind && u->step_kind == sink->kind &&
		    u->arg == sink->arg && u->what == sink->what) {
			mv->work += u->work;
			if (m) {
				m->flags |= PM_CALLEE | (u->dangles ? 0 : PM_CALLEE_UNDONE);
				m->wmv = u->work;
			}
			return !u->dangles;
		}
	}
	struct kill k;
	long w0 = mv->work;
	kill_of(mv->c, rules, sink, sink, kind, st, 0, &k);
	int d = dangles(mv, &k, NO_OBJECT);
	if (m) {
		m->flags |= PM_CALLEE | (d ? 0 : PM_CALLEE_UNDONE);
		m->wmv = mv->work - w0;
	}
	if (mv->nundone < 64) {
		ESC_GROW(mv->undone, mv->capundone, mv->nundone + 1);
		struct callee_undo *u = &mv->undone[mv->nundone++];
		u->st = st;
		u->kind = kind;
		u->step_kind = sink->kind;
		u->arg = sink->arg;
		u->what = sink->what;
		u->dangles = d;
		u->work = mv->work - w0;
	}
	return !d;
}

/* ------------------------------------------------------------------ */
/* Correlated branches: can the value a sink leaves with hold the       */
/* object's address?                                                    */

#define CORR_CARRIERS 16

static void corr_init(struct view *v)
{
	const struct esc_cfg *c = v->c;
	int nb = c->nblocks ? c->nblocks : 1;
	v->corr = 1;
	v->pred_start = esc_xcalloc((size_t)nb + 2, sizeof *v->pred_start);
	v->pred = esc_xmalloc(((size_t)c->nedges + 1) * sizeof *v->pred);
	for (int i = 0; i < c->nedges; i++)
		if (c->edges[i].to >= 0)
			v->pred_start[c->edges[i].to + 2]++;
	for (int b = 0; b < nb; b++)
		v->pred_start[b + 2] += v->pred_start[b + 1];
	for (int i = 0; i < c->nedges; i++)
		if (c->edges[i].to >= 0)
			v->pred[v->pred_start[c->edges[i].to + 1]++] = i;

	v->fact_start = esc_xcalloc((size_t)c->nedges + 2, sizeof *v->fact_start);
	v->fact = esc_xmalloc(((size_t)c->nfacts + 1) * sizeof *v->fact);
	for (int i = 0; i < c->nfacts; i++)
		v->fact_start[c->facts[i].edge + 2]++;
	for (int e = 0; e < c->nedges; e++)
		v->fact_start[e + 2] += v->fact_start[e + 1];
	for (int i = 0; i < c->nfacts; i++)
		v->fact[v->fact_start[c->facts[i].edge + 1]++] = i;

	v->def_at = esc_xmalloc(((size_t)c->nkeys + 1) * sizeof *v->def_at);
	for (int k = 0; k < c->nkeys; k++)
		v->def_at[k] = -1;
	for (int i = 0; i < c->ndefs; i++)
		if (v->def_at[c->defs[i].key] < 0)
			v->def_at[c->defs[i].key] = i;
	v->taken_reach = esc_xcalloc((size_t)nb, 1);
	v->cseen = esc_xcalloc((size_t)CORR_CARRIERS * nb, sizeof *v->cseen);
	v->cstack = esc_xmalloc(((size_t)CORR_CARRIERS * nb + 1) * sizeof *v->cstack);
}

/* Was an address of object taken (ESC_OP_TAKE) on some path before
   statement pos of block b?  Yes if the cfg never takes it. */
static int taken_before(struct view *v, uint64_t object, int b, int pos)
{
	const struct esc_cfg *c = v->c;
	if (!v->taken_valid || v->taken_obj != object) {
		int sp = 0;
		v->taken_valid = 1;
		v->taken_obj = object;
		v->taken_none = 1;
		memset(v->taken_reach, 0, (size_t)(c->nblocks ? c->nblocks : 1));
		int stamp = ++v->stamp;
		for (int i = 0; i < c->nstmts; i++) {
			const struct cstmt *s = &c->stmts[i];
			v->work++;
			if (s->op != ESC_OP_TAKE || s->object != object)
				continue;
			v->taken_none = 0;
			if (v->seen[s->block] == stamp)
				continue;
			v->seen[s->block] = stamp;
			v->stack[sp++] = s->block;
		}
		/* the blocks after a taking block */
		while (sp) {
			int x = v->stack[--sp];
			v->work++;
			for (int j = v->succ_start[x]; j < v->succ_start[x + 1]; j++) {
				int to = c->edges[v->succ[j]].to;
				if (to < 0 || v->taken_reach[to])
					continue;
				v->taken_reach[to] = 1;
				if (v->seen[to] != stamp) {
					v->seen[to] = stamp;
					v->stack[sp++] = to;
				}
			}
		}
	}
	if (v->taken_none || v->taken_reach[b])
		return 1;
	int end = c->first[b] + c->count[b];
	for (int i = c->first[b]; i < end && i < pos; i++)
		if (c->stmts[i].op == ESC_OP_TAKE && c->stmts[i].object == object)
			return 1;
	return 0;
}

/* May value key val hold object's address at statement at (direct: as
   the value itself; else also in what it points to)?  A search
   backwards from at, following the value through the edges' assignments
   (PHIs) to its definition, that does not cross an edge ruling it out. */
static int may_hold(struct view *v, int at, int val, uint64_t object,
		    int direct)
{
	const struct esc_cfg *c = v->c;
	if (val < 0 || val >= c->nkeys || at < 0)
		return 1;
	if (!v->corr)
		corr_init(v);
	int nb = c->nblocks ? c->nblocks : 1;
	int stamp = ++v->cstamp, sp = 0;
	v->ncarriers = 0;
	v->cstack[sp][0] = c->stmts[at].block;
	v->cstack[sp][1] = at;
	v->cstack[sp++][2] = val;
	while (sp) {
		sp--;
		int b = v->cstack[sp][0], limit = v->cstack[sp][1];
		int car = v->cstack[sp][2];
		v->work++;
		int d = v->def_at[car];
		if (d >= 0 && c->defs[d].block == b && c->defs[d].pos <= limit) {
			const struct esc_val *x = &c->defs[d].val;
			if (x->kind == ESC_VAL_NULL ||
			    (direct && x->kind == ESC_VAL_NONE))
				continue;
			if (!direct || x->kind != ESC_VAL_ANY ||
			    taken_before(v, object, b, c->defs[d].pos))
				return 1;
			continue;
		}
		if (v->pred_start[b] == v->pred_start[b + 1])
			return 1; /* the entry, and val not defined on the way */
		for (int j = v->pred_start[b]; j < v->pred_start[b + 1]; j++) {
			int e = v->pred[j], cur = car, dead = 0, assigned = 0;
			for (int f = v->fact_start[e]; f < v->fact_start[e + 1]; f++) {
				const struct cfact *x = &c->facts[v->fact[f]];
				if (!x->assign || x->key != car || assigned)
					continue;
				assigned = 1;
				if (x->val.kind == ESC_VAL_NULL ||
				    (direct && x->val.kind == ESC_VAL_NONE))
					dead = 1;
				else if (x->val.kind == ESC_VAL_KEY)
					cur = x->val.key;
				else
					return 1;
			}
			for (int f = v->fact_start[e]; f < v->fact_start[e + 1] && !dead; f++) {
				const struct cfact *x = &c->facts[v->fact[f]];
				if (!x->assign && x->key == cur &&
				    (!x->val.object ||
				     (direct && x->val.object == object)))
					dead = 1;
			}
			if (dead)
				continue;
			int ci = 0;
			while (ci < v->ncarriers && v->carriers[ci] != cur)
				ci++;
			if (ci == v->ncarriers) {
				if (ci == CORR_CARRIERS)
					return 1;
				v->carriers[v->ncarriers++] = cur;
			}
			int from = c->edges[e].from;
			if (v->cseen[ci * nb + from] == stamp)
				continue;
			v->cseen[ci * nb + from] = stamp;
			v->cstack[sp][0] = from;
			v->cstack[sp][1] = c->first[from] + c->count[from];
			v->cstack[sp++][2] = cur;
		}
	}
	return 0;
}

/* The value key a sink leaves statement at with (leave: its step), or
   -1. */
static int carrier_of(const struct esc_cfg *c, int at, const struct esc_step *leave)
{
	if (at < 0)
		return -1;
	const struct cstmt *s = &c->stmts[at];
	int i = -1;
	switch (leave->kind) {
	case ESC_STEP_RETURN:
	case ESC_STEP_STORE_GLOBAL:
	case ESC_STEP_STORE_PTR:
		if (s->op == ESC_OP_RETURN || s->op == ESC_OP_STORE)
			i = 0;
		break;
	case ESC_STEP_ARG:
	case ESC_STEP_ARG_SUMMARY:
	case ESC_STEP_ARG_RULE:
	case ESC_STEP_ARG_UNKNOWN:
	case ESC_STEP_ARG_INDIRECT:
	case ESC_STEP_ARG_THREAD:
		if (s->op == ESC_OP_CALL && leave->arg > 0)
			i = leave->arg;
		break;
	default:
		break;
	}
	return i >= 0 && i < s->nvals ? c->pool[s->vals + i] : -1;
}

/* Is place key stored to (or a place around it or inside it) on some
   path from statement at on? */
static int stored_after(struct view *v, int at, int key)
{
	const struct esc_cfg *c = v->c;
	int stamp = ++v->stamp, sp = 0, b = c->stmts[at].block, from = at + 1;
	for (;;) {
		int end = c->first[b] + c->count[b];
		for (int i = from; i < end; i++) {
			v->work++;
			int pl = c->stmts[i].place;
			if (pl >= 0 && (covers(c, pl, key) || covers(c, key, pl)))
				return 1;
		}
		for (int j = v->succ_start[b]; j < v->succ_start[b + 1]; j++) {
			int to = c->edges[v->succ[j]].to;
			if (to < 0 || v->seen[to] == stamp)
				continue;
			v->seen[to] = stamp;
			v->stack[sp++] = to;
		}
		if (!sp)
			return 0;
		b = v->stack[--sp];
		from = c->first[b];
	}
}

/* Teardown: the memory that holds the address is released before the
   object dies.  A store through p (escape-caller, escape-global) leaves
   it in *p: releasing p ends it.  A keeper given p that holds only p
   (sink levels and held: bit 1 alone), where *p holds the address, keeps
   a pointer to freed memory once p is released.  The handle must name
   the same memory when it is released: a place it was loaded from that
   is stored to again on the way does not.  A same-file callee's store
   of the argument into the memory another argument points to
   (dup_tail(z, &az[i])) leaves it there: releasing that memory ends it
   (a pointer into a block names the block).  A release is a call of a
   rule's "free", or of a function whose effects free its argument on
   every path; for a parameter's sure leak also a call of a function
   known only by name, which the summary's releases say it rests on. */
static void teardown_of(struct view *v, const struct esc_sink *sk,
			const struct esc_step *leave, int kind, struct kill *k)
{
	const struct esc_cfg *c = v->c;
	const struct cstmt *s = &c->stmts[k->at];
	int i = -1;
	if (s->op == ESC_OP_STORE &&
	    (kind == ESC_WARN_CALLER || kind == ESC_WARN_GLOBAL))
		i = 0;
	else if (s->op == ESC_OP_CALL && kind == ESC_WARN_CALLER &&
		 leave->kind == ESC_STEP_STORE_PTR && leave->arg > 0 &&
		 leave->what && s->callee && !strcmp(leave->what, s->callee) &&
		 s->nst > 0) {
		/* a same-file callee's store of the argument into the
		   memory another one points to (dup_tail(z, &az[i]): *tail
		   = z): releasing that memory ends it */
		int to = -1;
		for (int j = 0; j < s->nst; j++) {
			const struct esc_summary_store *st = &s->st[j];
			if (st->from != leave->arg - 1)
				continue;
			if (st->to < 0 || st->level != 1 || (to >= 0 && st->to != to)) {
				to = -2;
				break;
			}
			to = st->to;
		}
		if (to >= 0)
			i = 1 + to;
	} else if (s->op == ESC_OP_CALL && sk && sk->levels == 2u &&
		 sk->held == 2u && leave->arg > 0 &&
		 (kind == ESC_WARN_KEPT || kind == ESC_WARN_UNKNOWN))
		i = leave->arg;
	int h = i >= 0 && i < s->nmems ? c->pool[s->mems + i] : -1;
	if (h >= 0 && !stored_after(v, k->at, h))
		k->freed = h;
}

static char *message(int kind, const char *obj, const char *fn,
		     const struct esc_step *sink)
{
	return esc_warning_message(esc_warn_id(kind), obj, fn,
				   sink ? sink->what : NULL);
}

static int uses_object(const struct esc_cfg *c, const struct cstmt *s,
		       uint64_t object)
{
	for (int i = 0; i < s->nobjs; i++)
		if (c->objs[s->object + i] == object)
			return 1;
	return 0;
}

/* Does statement e dominate statement u (every path from the entry to u
   passes e)?  A search from the entry that does not go past e. */
static int dominates(struct view *v, int e, int u)
{
	const struct esc_cfg *c = v->c;
	int be = c->stmts[e].block, bu = c->stmts[u].block;
	if (be == bu)
		return e < u;
	if (c->entry < 0)
		return 0;
	int stamp = ++v->stamp, sp = 0;
	v->seen[c->entry] = stamp;
	v->stack[sp++] = c->entry;
	while (sp) {
		int b = v->stack[--sp];
		v->work++;
		if (b == bu)
			return 0;
		if (b == be)
			continue;
		for (int j = v->succ_start[b]; j < v->succ_start[b + 1]; j++) {
			/* through a decided test as if it were not
			   (escape-scope takes no loop to run, as GCC's
			   -Wdangling-pointer's "used" does not) */
			const struct cedge *ed = &c->edges[v->succ[j]];
			int to = ed->via >= 0 ? ed->via : ed->to;
			if (to < 0 || v->seen[to] == stamp)
				continue;
			v->seen[to] = stamp;
			v->stack[sp++] = to;
		}
	}
	return 1;
}

/* escape-scope for local l: a use of a pointer that may point to it,
   after one of its scope ends on every path there (the end dominates
   the use: as GCC's -Wdangling-pointer asks; a use reached only on some
   paths, through a loop or a join that may bring another pointer, is
   left alone).  Each use warns once. */
static void check_scope(struct view *v, const struct esc_func_report *r,
			const struct esc_local_report *l, struct esc_func_report *out)
{
	const struct esc_cfg *c = v->c;
	uint64_t obj = l->pos.handle;
	int nend = 0, nuse = 0, addr = -1;
	for (int i = 0; i < c->nstmts; i++) {
		const struct cstmt *s = &c->stmts[i];
		v->work++;
		if (s->op == ESC_OP_END && s->object == obj)
			nend++;
		else if (s->op == ESC_OP_USE && uses_object(c, s, obj))
			nuse++;
		else if (s->op == ESC_OP_ADDR && s->object == obj && addr < 0)
			addr = i;
	}
	if (!nend || !nuse)
		return;
	for (int u = 0; u < c->nstmts; u++) {
		const struct cstmt *s = &c->stmts[u];
		if (s->op != ESC_OP_USE || !uses_object(c, s, obj))
			continue;
		int after = 0;
		for (int e = 0; e < c->nstmts && !after; e++)
			if (c->stmts[e].op == ESC_OP_END && c->stmts[e].object == obj)
				after = dominates(v, e, u);
		if (!after)
			continue;
		struct esc_warning w;
		memset(&w, 0, sizeof w);
		w.id = esc_warn_id(ESC_WARN_SCOPE);
		w.object = l->name;
		w.pos = addr >= 0 ? c->stmts[addr].pos : l->pos;
		w.sink = s->pos;
		w.decl = l->pos;
		w.message = message(ESC_WARN_SCOPE, l->name, r->name, NULL);
		esc_report_warning(out, &w);
		free((char *)w.message);
	}
}


/* A warning already made (or a question already answered): object (each
   compound literal and alloca area is one of its own), kind, leaving
   statement. */
struct done {
	int object, kind, at;
};

static int done_find(const struct done *d, int n, int obj, int kind, int at)
{
	for (int i = 0; i < n; i++)
		if (d[i].object == obj && d[i].kind == kind && d[i].at == at)
			return 1;
	return 0;
}

/* The successors of each block (CSR: succ[start[b] .. start[b + 1])). */
struct succs {
	int *start, *succ;
};

static void succs_of(const struct esc_cfg *c, struct succs *g)
{
	int nb = c->nblocks;
	g->start = esc_xmalloc(((size_t)nb + 2) * sizeof *g->start);
	g->succ = esc_xmalloc(((size_t)c->nedges + 1) * sizeof *g->succ);
	int *fill = esc_xmalloc(((size_t)nb + 1) * sizeof *fill);
	memset(g->start, 0, ((size_t)nb + 2) * sizeof *g->start);
	for (int e = 0; e < c->nedges; e++)
		if (c->edges[e].from >= 0 && c->edges[e].from < nb &&
		    c->edges[e].to >= 0 && c->edges[e].to < nb)
			g->start[c->edges[e].from + 1]++;
	for (int b = 0; b < nb; b++)
		g->start[b + 1] += g->start[b];
	memcpy(fill, g->start, (size_t)nb * sizeof *fill);
	for (int e = 0; e < c->nedges; e++)
		if (c->edges[e].from >= 0 && c->edges[e].from < nb &&
		    c->edges[e].to >= 0 && c->edges[e].to < nb)
			g->succ[fill[c->edges[e].from]++] = c->edges[e].to;
	free(fill);
}

/* seen[b]: block b is reachable from the end of block from (avoid: a
   block not entered, -1 none). */
static void reach(const struct esc_cfg *c, const struct succs *g, int from,
		  int avoid, unsigned char *seen, int *stack)
{
	int n = 0;
	memset(seen, 0, (size_t)c->nblocks + 1);
	stack[n++] = from;
	while (n) {
		int b = stack[--n];
		for (int i = g->start[b]; i < g->start[b + 1]; i++) {
			int to = g->succ[i];
			if (to != avoid && !seen[to]) {
				seen[to] = 1;
				stack[n++] = to;
			}
		}
	}
}

/* to[b]: block `to' is reachable from the end of block b (one edge or
   more): the blocks whose reach (above) holds `to', in one backward walk
   over the same edges. */
static void reaching(const struct esc_cfg *c, int to, unsigned char *seen,
		     int *stack)
{
	int nb = c->nblocks, n = 0;
	memset(seen, 0, (size_t)nb + 1);
	if (to < 0 || to >= nb)
		return;
	int *start = esc_xmalloc(((size_t)nb + 2) * sizeof *start);
	int *pred = esc_xmalloc(((size_t)c->nedges + 1) * sizeof *pred);
	int *fill = esc_xmalloc(((size_t)nb + 1) * sizeof *fill);
	memset(start, 0, ((size_t)nb + 2) * sizeof *start);
	for (int e = 0; e < c->nedges; e++)
		if (c->edges[e].from >= 0 && c->edges[e].from < nb &&
		    c->edges[e].to >= 0 && c->edges[e].to < nb)
			start[c->edges[e].to + 1]++;
	for (int b = 0; b < nb; b++)
		start[b + 1] += start[b];
	memcpy(fill, start, (size_t)nb * sizeof *fill);
	for (int e = 0; e < c->nedges; e++)
		if (c->edges[e].from >= 0 && c->edges[e].from < nb &&
		    c->edges[e].to >= 0 && c->edges[e].to < nb)
			pred[fill[c->edges[e].to]++] = c->edges[e].from;
	stack[n++] = to;
	while (n) {
		int b = stack[--n];
		for (int i = start[b]; i < start[b + 1]; i++) {
			int p = pred[i];
			if (!seen[p]) {
				seen[p] = 1;
				stack[n++] = p;
			}
		}
	}
	free(start);
	free(pred);
	free(fill);
}

/* May statement t run after statement s (from_s: the blocks reachable
   from s's)? */
static int after(const struct esc_cfg *c, int s, int t, const unsigned char *from_s)
{
	return (c->stmts[t].block == c->stmts[s].block && t > s) ||
	       from_s[c->stmts[t].block];
}

/* The earlier calls through which a later call may free the handle the
   keeping call `at' kept the object in (given in at's argument
   kept_arg): calls given the object, on every path to the keeping call;
   the calls of another callee than the keeping call's given the object
   between them and it (a second assign, or one that might move the
   object's handle) are listed with each (at most 4, each naming its
   callee and given the object once: whether they move the handle is
   esc_effects_keeps_handle's question); at most max, their number. */
static int through_calls(const struct esc_cfg *c, int at, int kept_arg,
			 struct via *out, int max)
{
	const struct cstmt *k = &c->stmts[at];
	int obj = kept_arg + 1 < k->nkeys ? key_at(c, k, 1 + kept_arg) : -1;
	if (obj < 0 || c->nblocks <= 0 || k->block < 0)
		return 0;
	struct via *calls = NULL;
	int ncalls = 0, cap = 0, n = 0;
	for (int i = 0; i < c->nstmts; i++) {
		const struct cstmt *t = &c->stmts[i];
		if (t->op != ESC_OP_CALL || i == at || t->block < 0)
			continue;
		for (int x = 0; x + 1 < t->nkeys; x++)
			if (key_at(c, t, 1 + x) == obj) {
				ESC_GROW(calls, cap, ncalls + 1);
				calls[ncalls].at = i;
				calls[ncalls++].arg = x;
				break;
			}
	}
	if (!ncalls)
		return 0;
	struct succs g;
	succs_of(c, &g);
	unsigned char *from = esc_xmalloc((size_t)c->nblocks + 1);
	/* to_k[b]: the keeping call's block is reachable from block b's
	   end (whether a call of block b may run before the keeping
	   call), made when first needed */
	unsigned char *to_k = NULL;
	/* dom_k[b]: every path from the entry to the keeping call's block
	   passes block b, made when first needed */
	unsigned char *dom_k = NULL;
	int *stack = esc_xmalloc(((size_t)c->nblocks + 1) * sizeof *stack);
	for (int ci = 0; ci < ncalls && n < max; ci++) {
		int i = calls[ci].at, bi = c->stmts[i].block;
		if (!c->stmts[i].callee)
			continue;
		/* on every path to the keeping call */
		if (bi == k->block) {
			if (i > at)
				continue;
		} else if (c->entry != bi) {
			/* the keeping call's block is reached from the entry
			   only through bi: bi is one of its dominators (all
			   of them, once; every block when it is not reached
			   at all, as the walk that avoids bi finds) */
			if (!dom_k) {
				dom_k = esc_xcalloc((size_t)c->nblocks + 1, 1);
				unsigned *ustart = esc_xmalloc(((size_t)c->nblocks + 1) *
							       sizeof *ustart);
				for (int b = 0; b <= c->nblocks; b++)
					ustart[b] = (unsigned)g.start[b];
				struct esc_paths pg = { c->nblocks, c->entry, k->block,
							ustart, g.succ };
				if (!esc_paths_on_every(&pg, NULL, dom_k))
					memset(dom_k, 1, (size_t)c->nblocks + 1);
				free(ustart);
			}
			if (!dom_k[bi] || c->entry == k->block)
				continue;
		}
		reach(c, &g, bi, -1, from, stack);
		int clean = 1;
		struct via *o = &out[n];
		*o = calls[ci];
		o->nbetween = 0;
		for (int ui = 0; ui < ncalls && clean; ui++) {
			int u = calls[ui].at;
			const struct cstmt *us = &c->stmts[u];
			if (u == i || !after(c, i, u, from))
				continue;
			if (!to_k) {
				to_k = esc_xmalloc((size_t)c->nblocks + 1);
				reaching(c, k->block, to_k, stack);
			}
			if (!((us->block == k->block && at > u) || to_k[us->block]) ||
			    (us->callee && k->callee && !strcmp(us->callee, k->callee)))
				continue;
			int given = 0;
			for (int x = 0; x + 1 < us->nkeys; x++)
				given += key_at(c, us, 1 + x) == obj;
			if (!us->callee || given != 1 || o->nbetween == 4)
				clean = 0;
			else {
				o->between[o->nbetween][0] = u;
				o->between[o->nbetween++][1] = calls[ui].arg;
			}
		}
		if (clean)
			n++;
	}
	free(g.start);
	free(g.succ);
	free(from);
	free(to_k);
	free(dom_k);
	free(stack);
	free(calls);
	return n;
}

/* The pairs of later call s with earlier call via (its arguments other
   than the object): their number.  With merge, also an argument of s
   that merges one of via's (if (base) base_free(base) at the end): *merge
   that argument of via's (one, -1 none), carry and *ncarry its merges. */
static int through_pairs(const struct esc_cfg *c, const struct cstmt *s,
			 const struct via *via, int kept_obj, int (**pairs)[2],
			 int *merge, int *carry, int *ncarry)
{
	const struct cstmt *t = &c->stmts[via->at];
	int n = 0, cap = 0;
	*pairs = NULL;
	if (merge)
		*merge = -1;
	for (int j = 0; j + 1 < s->nkeys; j++) {
		int kj = key_at(c, s, 1 + j), found = 0;
		for (int m = 0; kj >= 0 && kj != kept_obj && m + 1 < t->nkeys && !found; m++)
			if (m != via->arg && key_at(c, t, 1 + m) == kj)
				found = m + 1;
		for (int m = 0; merge && *merge < 0 && kj >= 0 && !found &&
		     m + 1 < t->nkeys; m++) {
			int km = val_at(c, t, 1 + m) >= 0 ? val_at(c, t, 1 + m)
							  : key_at(c, t, 1 + m);
			if (m == via->arg || km < 0)
				continue;
			int nc = carriers_of(c, km, carry);
			for (int u = 0; u < nc && !found; u++)
				if (carry[u] == kj) {
					found = m + 1;
					*merge = m;
					*ncarry = nc;
				}
		}
		if (found) {
			ESC_GROW(*pairs, cap, n + 1);
			(*pairs)[n][0] = j;
			(*pairs)[n++][1] = found - 1;
		}
	}
	return n;
}

/* At most this many later calls are tried as a pending warning's undo
   candidates. */
#define ESC_UNDO_TRIES 32

/* At most this many callees are tried as an undo candidate's ends. */
#define ESC_ENDS_TRIES 8

/* Is call statement i in a tail position: every path from it reaches a
   return, or the exit, before any other call (return err(L, ...);
   err(L, ...); return 0;)?  A walk of at most 64 blocks; seen: nblocks
   bytes, cleared. */
static int tail_call(const struct view *v, int i, unsigned char *seen)
{
	const struct esc_cfg *c = v->c;
	int stack[64], sp = 0, nseen = 0, b = c->stmts[i].block, from = i + 1;
	for (;;) {
		int end = c->first[b] + c->count[b], done = 0;
		for (int j = from; j < end && !done; j++) {
			if (c->stmts[j].op == ESC_OP_CALL)
				return 0;
			done = c->stmts[j].op == ESC_OP_RETURN;
		}
		for (int x = v->succ_start[b]; !done && x < v->succ_start[b + 1]; x++) {
			int to = c->edges[v->succ[x]].to;
			if (to < 0 || seen[to])
				continue;
			if (sp == 64 || ++nseen > 64)
				return 0;
			seen[to] = 1;
			stack[sp++] = to;
		}
		if (!sp)
			return 1;
		b = stack[--sp];
		from = c->first[b];
	}
}

/* An undo candidate k that leaves a path: the callees whose calls, taken
   never to return, cut the paths it leaves (an error function of
   another file: return luaL_error(L, ...)), a minimal set of the
   callees of the calls in a tail position (but the candidate's own and
   the keeper's), into ends (interned names); 0 if none does. */
static int ends_of(struct view *v, const struct kill *k, uint64_t object,
		   const char **ends)
{
	const struct esc_cfg *c = v->c;
	const char *keeper = c->stmts[k->at].callee;
	int n = 0;
	unsigned char *seen = esc_xmalloc((size_t)c->nblocks + 1);
	for (int i = 0; i < c->nstmts; i++) {
		const struct cstmt *s = &c->stmts[i];
		if (s->op != ESC_OP_CALL || !s->callee || i == k->at ||
		    !strcmp(s->callee, k->callee) ||
		    (keeper && !strcmp(s->callee, keeper)))
			continue;
		memset(seen, 0, (size_t)c->nblocks + 1);
		v->work += 8;
		if (!tail_call(v, i, seen))
			continue;
		int dup = 0;
		for (int j = 0; j < n && !dup; j++)
			dup = !strcmp(ends[j], s->callee);
		if (dup)
			continue;
		if (n == ESC_ENDS_TRIES) {
			n = 0;
			break;
		}
		ends[n++] = s->callee;
	}
	free(seen);
	if (!n)
		return 0;
	struct kill e = *k;
	e.ends = ends;
	e.nends = n;
	if (dangles(v, &e, object))
		return 0;
	/* each left out in turn: kept out if the rest still cut */
	for (int j = 0; j < e.nends;) {
		const char *x = ends[j];
		memmove(&ends[j], &ends[j + 1], (size_t)(e.nends - j - 1) * sizeof *ends);
		e.nends--;
		if (!dangles(v, &e, object))
			continue;
		memmove(&ends[j + 1], &ends[j], (size_t)(e.nends - j) * sizeof *ends);
		ends[j++] = x;
		e.nends++;
	}
	return e.nends;
}

/* The undo candidates of a pending warning whose address leaves by call
   statement k->at: each later call (grouped by callee and by which of
   its arguments get what the leaving call got, or its result) whose
   calls alone cut every path from there to the object's death (a loop
   that holds the call is not taken to run it: a return inside the loop
   may come first, as in Lua's findloader).  Which
   of them undoes is the link step's question (effects.c). */
static void undo_candidates(struct view *v, const struct kill *base,
			    uint64_t object, int kept_arg, struct esc_warning *w)
{
	const struct esc_cfg *c = v->c;
	const struct cstmt *at = &c->stmts[base->at];
	struct esc_undo_call tried[ESC_UNDO_TRIES];
	int tried_merge[ESC_UNDO_TRIES], tried_at[ESC_UNDO_TRIES];
	int ntried = 0, cap = 0;
	/* the carriers of what the leaving call returned or was given
	   (its operand m): PHIs that merge it with other values */
	int carry[8][ESC_CARRY], ncarry[8];
	for (int m = -1; m + 1 < at->nkeys && m + 1 < 8; m++) {
		int km = val_at(c, at, 1 + m);
		if (km < 0)
			km = key_at(c, at, 1 + m);
		ncarry[m + 1] = km >= 0 ? carriers_of(c, km, carry[m + 1]) : 0;
	}
	struct via vias[8];
	int nvias = -1; /* through_calls, when first needed */
	int kept_obj = kept_arg >= 0 && kept_arg + 1 < at->nkeys
			       ? key_at(c, at, 1 + kept_arg) : -1;
	for (int i = 0; i < c->nstmts && ntried < ESC_UNDO_TRIES; i++) {
		const struct cstmt *s = &c->stmts[i];
		if (s->op != ESC_OP_CALL || !s->callee || i == base->at)
			continue;
		int (*pairs)[2] = NULL, np = 0, capp = 0, merge = -2;
		for (int j = 0; j + 1 < s->nkeys; j++) {
			int kj = key_at(c, s, 1 + j), mj = -2;
			for (int m = -1; kj >= 0 && m + 1 < at->nkeys && mj < -1; m++)
				if (key_at(c, at, 1 + m) == kj)
					mj = m;
			/* given what the kept variable holds, a slot the
			   result is stored in (ev = ev_new(cb, &ev); ...
			   ev_free(ev)): the result */
			for (int u = 0; mj >= 0 && mj == kept_arg && merge < -1 &&
			     is_slot(c, kj) && u < ncarry[0]; u++)
				if (carry[0][u] == kj)
					mj = merge = -1;
			/* given a merge of the leaving call's operand m (if
			   (ev) ev_free(ev)): one operand's merges per kill */
			for (int m = -1; kj >= 0 && mj < -1 && merge < -1 &&
			     m + 1 < at->nkeys && m + 1 < 8; m++)
				for (int u = 0; u < ncarry[m + 1]; u++)
					if (carry[m + 1][u] == kj)
						mj = merge = m;
			if (mj < -1)
				continue;
			ESC_GROW(pairs, capp, np + 1);
			pairs[np][0] = j;
			pairs[np++][1] = mj;
		}
		/* given none of the keeping call's arguments: what an
		   earlier call stored in the object (its handle), one
		   candidate per earlier call that pairs */
		int direct = np > 0, (*dpairs)[2] = pairs;
		for (int x = direct ? -1 : 0;
		     direct ? x < 0 : (kept_obj >= 0 && x < 8); x++) {
			const char *via = NULL;
			int via_arg = -1, via_at = -1;
			const struct via *vx = NULL;
			int tmerge = -1, tcarry[ESC_CARRY], ntcarry = 0;
			if (!direct) {
				if (nvias < 0)
					nvias = through_calls(c, base->at, kept_arg, vias, 8);
				if (x >= nvias || ntried >= ESC_UNDO_TRIES)
					break;
				pairs = NULL;
				np = through_pairs(c, s, &vias[x], kept_obj, &pairs,
						   &tmerge, tcarry, &ntcarry);
				if (np) {
					vx = &vias[x];
					via_at = vias[x].at;
					via_arg = vias[x].arg;
					via = c->stmts[via_at].callee;
				}
			} else {
				pairs = dpairs;
			}
			int dup = !np;
			for (int u = 0; u < ntried && !dup; u++)
				dup = (tried[u].callee == s->callee ||
				       !strcmp(tried[u].callee, s->callee)) &&
				      tried[u].npairs == np && tried_merge[u] == merge &&
				      tried[u].via == via && tried_at[u] == via_at &&
				      tried[u].via_arg == via_arg &&
				      !memcmp(tried[u].pairs, pairs, (size_t)np * sizeof *pairs);
			if (dup) {
				free(pairs);
				continue;
			}
			tried_merge[ntried] = merge;
			tried_at[ntried] = via_at;
			memset(&tried[ntried], 0, sizeof tried[ntried]);
			tried[ntried].callee = s->callee;
			tried[ntried].npairs = np;
			tried[ntried].via = via;
			tried[ntried].via_arg = via_arg;
			tried[ntried].nbetween = vx ? vx->nbetween : 0;
			for (int b = 0; vx && b < vx->nbetween; b++) {
				tried[ntried].between[b] = c->stmts[vx->between[b][0]].callee;
				tried[ntried].between_arg[b] = vx->between[b][1];
			}
			tried[ntried++].pairs = pairs;
			struct kill k = *base;
			k.callee = s->callee;
			k.pairs = (const int (*)[2])pairs;
			k.npairs = np;
			k.pairs_at = via_at;
			k.noloop = 1;
			k.merge_at = -1;
			k.keep_null = 0;
			/* the handle: the operand merged, else the first one paired */
			if (merge >= -1) {
				k.ncarry = ncarry[merge + 1];
				memcpy(k.carry, carry[merge + 1], sizeof k.carry);
			}
			/* the leaving call given what an element a loop walks
			   holds, read back (be[i] = new (); setcb(be[i], ..,
			   &out[i])): that element carries the handle from the
			   call on, through the stores of the same value on the
			   loop's other turns (each into its own element:
			   esc_cfg_slot_each), and its null branch kept nothing
			   (if (be[i]) free(be[i])) */
			if (merge < -1 && tmerge < 0 && via_at < 0 && np > 0 &&
			    pairs[0][1] >= 0) {
				int r = key_at(c, at, 1 + pairs[0][1]);
				int sv = -1;
				if (r >= 0 && r < c->nkinfo && c->slot[r] == 2 &&
				    loaded_from(c, val_at(c, at, 1 + pairs[0][1])) == r)
					for (int j = c->first[at->block]; j < base->at; j++)
						if (c->stmts[j].op == ESC_OP_STORE &&
						    c->stmts[j].place == r)
							sv = val_at(c, &c->stmts[j], 0);
				if (sv >= 0) {
					k.ncarry = 1;
					k.carry[0] = r;
					k.carry_init = 1;
					k.slot_val = sv + 1;
				}
			}
			/* (through: the earlier call's operand) */
			const struct cstmt *hs = via_at >= 0 ? &c->stmts[via_at] : at;
			int hm = merge >= -1 ? merge : tmerge >= 0 ? tmerge : pairs[0][1];
			/* (through a merge of the earlier call's operand) */
			if (tmerge >= 0) {
				int tv = val_at(c, &c->stmts[via_at], 1 + tmerge);
				k.keep_null = !nonnull_at(c, tv >= 0 ? tv
					: key_at(c, &c->stmts[via_at], 1 + tmerge), via_at);
				k.merge_at = via_at;
				k.ncarry = ntcarry;
				memcpy(k.carry, tcarry, sizeof k.carry);
			}
			k.merge_m = hm;
			k.merge_from = key_at(c, hs, 1 + hm);
			k.merge_val = val_at(c, hs, 1 + hm) >= 0 ? val_at(c, hs, 1 + hm)
								 : k.merge_from;
			/* a later call given what the keeper returned: a handle, so
			   the branch on which it is null kept nothing (if (ev)
			   event_free(ev)), and the other is no failure */
			for (int p = 0; p < np; p++)
				if (pairs[p][1] < 0) {
					k.fails_null = 1;
					k.fails_nonzero = k.fails_negative = 0;
				}
			/* or alone but for error paths through callees that
			   never return */
			const char *ends[ESC_ENDS_TRIES];
			int nends = 0;
			if (dangles(v, &k, object) &&
			    !(nends = ends_of(v, &k, object, ends)))
				continue;
			/* once per callee and pairs (a merge and its operand) */
			dup = 0;
			for (int u = 0; u < w->nundo && !dup; u++) {
				dup = (w->undo[u].callee == s->callee ||
				       !strcmp(w->undo[u].callee, s->callee)) &&
				      w->undo[u].npairs == np && w->undo[u].via == via &&
				      w->undo[u].via_arg == via_arg &&
				      !memcmp(w->undo[u].pairs, pairs, (size_t)np * sizeof *pairs);
				/* (one that needs no ends is the better) */
				if (dup && !nends && w->undo[u].nends) {
					free(w->undo[u].ends);
					w->undo[u].ends = NULL;
					w->undo[u].nends = 0;
				}
			}
			if (dup)
				continue;
			ESC_GROW(w->undo, cap, w->nundo + 1);
			struct esc_undo_call *nu = &w->undo[w->nundo++];
			*nu = tried[ntried - 1];
			nu->pairs = esc_xmalloc((size_t)np * sizeof *pairs);
			memcpy(nu->pairs, pairs, (size_t)np * sizeof *pairs);
			nu->ends = NULL;
			nu->nends = nends;
			if (nends) {
				nu->ends = esc_xmalloc((size_t)nends * sizeof *nu->ends);
				memcpy(nu->ends, ends, (size_t)nends * sizeof *ends);
			}
			/* given what the keeper returned: the other calls given it
			   (a count's holders, effects.c), by callee */
			for (int p = 0; p < np && !nu->names; p++)
				if (pairs[p][1] < 0) {
					int *held = NULL, n = holders_of(c, base->at, s->callee, &held);
					nu->others_known = n >= 0;
					nu->nothers = n > 0 ? n : 0;
					nu->names = esc_xmalloc((size_t)(nu->nothers + 1) *
								sizeof *nu->names);
					for (int h = 0; h < nu->nothers; h++)
						nu->names[h] = c->stmts[held[h]].callee;
					free(held);
				}
		}
		if (!direct)
			free(dpairs);
	}
	for (int u = 0; u < ntried; u++)
		free(tried[u].pairs);
}

/* The functions of a rules file with a "loop" (esc_rules_each_loop):
   its loop exits first. */
struct loopfns {
	const char **names;
	int n, cap, nexits, exits_pass;
};

static void add_loopfn(const char *name, const struct esc_rule *r, void *ctx)
{
	struct loopfns *l = ctx;
	if ((r->loop_exits != ESC_LOOP_NONE) != l->exits_pass)
		return;
	ESC_GROW(l->names, l->cap, l->n + 1);
	l->names[l->n++] = esc_intern(name);
}

/* The functions of a rules file that link an object into a handle. */
static void add_linkfn(const char *name, const struct esc_rule *r, void *ctx)
{
	struct loopfns *l = ctx;
	if (r->links_obj == ESC_LOOP_NONE)
		return;
	ESC_GROW(l->names, l->cap, l->n + 1);
	l->names[l->n++] = esc_intern(name);
}

/* The drain candidates of a pending warning whose keeping call (k->at,
   argument kept_arg) links the object into a handle, by its rule's
   "loop" ("links": libevent's event_add links the event into the base
   its event_assign bound it to, event_base_once the callback's
   argument into the base it is given): each later call that drains
   that same handle by its rule ("drains": event_base_dispatch(base),
   event_dispatch() of the default base), of the same rules file, whose
   calls alone cut every path from the keeper to the object's death.  A
   drain returns only when nothing is left in its handle, or when a loop
   exit ran: none may be called by the function itself (here), nor by
   what it calls or registers (the link step, over the build's call
   graph: esc_undo_call.drain).  The handle of "links": [obj, "bound"]
   is the one the last call binding the object ("binds") on every path
   before the keeper gave it, with no call between given the object that
   is not of the library's loop model or binds it again.  A keeper that
   binds its result ("binds": ["result", H]: event_new, which keeps what
   it is given in the new event) is undone by a later call that links
   that result to be freed by the drain ("frees": event_free_finalize),
   on every path from the keeper (its null branch kept nothing), and a
   drain of handle H on every path from that call.

   A loop exit that only the object's own callback reaches does not
   stop the drain: the binding call (or the linking one, for a one-shot
   event that holds its argument: event_base_once) says by its rule's
   "fires" which argument is the callback and which the events, and
   when the events are a constant without the rule's mask bits
   (EV_PERSIST) the object is out of the handle when its callback runs;
   when the function takes that callback's address only there, the
   undo names it (esc_undo_call.own) and the link step looks for loop
   exits without following it from the function. */
static void drain_candidates(struct view *v, const struct esc_rules *rules,
			     const struct kill *base, uint64_t object,
			     int kept_arg, struct esc_warning *w, int *cap)
{
	const struct esc_cfg *c = v->c;
	const struct cstmt *at = &c->stmts[base->at];
	const struct esc_rule *kr = rules && at->callee
		? esc_rules_loop(rules, at->callee) : NULL;
	int made = kr && kr->binds_obj == ESC_LOOP_RESULT && kr->binds_handle >= 0 &&
		   kept_arg != kr->binds_handle;
	if (!kr || (!made && (kr->links_obj != kept_arg ||
			      kr->links_handle == ESC_LOOP_NONE)))
		return;
	/* the handle: its key (hkey, an argument hm of statement hat) or
	   the library's default one; the drain must cut every path from
	   statement from */
	int hdefault = 0, hkey = -1, hm = -1, hat = -1, from = base->at;
	/* the call that gave the object its callback, and its rule */
	int bind_at = -1;
	const struct esc_rule *bind_rule = NULL;
	if (made) {
		/* a constructor that keeps what it is given in its result,
		   bound to its handle argument (event_new): undone when a
		   later call, on every path from it, links that result into
		   the handle for the drain to free it (event_free_finalize),
		   and the drain cuts every path from that call */
		hm = kr->binds_handle;
		hat = base->at;
		hkey = hm + 1 < at->nkeys ? key_at(c, at, 1 + hm) : -1;
		int rk = key_at(c, at, 0), rv = val_at(c, at, 0), found = -1;
		for (int i = 0; i < c->nstmts && found < 0 && hkey >= 0; i++) {
			const struct cstmt *s = &c->stmts[i];
			const struct esc_rule *fr = s->op == ESC_OP_CALL && s->callee &&
				i != base->at ? esc_rules_loop(rules, s->callee) : NULL;
			if (!fr || fr->file != kr->file || !fr->loop_frees ||
			    fr->links_obj < 0 || fr->links_obj + 1 >= s->nkeys)
				continue;
			int kf = key_at(c, s, 1 + fr->links_obj);
			if (kf < 0 || (kf != rk && kf != rv))
				continue;
			int fp[1][2] = { { fr->links_obj, -1 } };
			struct kill k = *base;
			k.callee = s->callee;
			k.pairs = (const int (*)[2])fp;
			k.npairs = 1;
			k.pairs_at = -1;
			k.noloop = 1;
			k.merge_at = -1;
			k.keep_null = 0;
			k.ncarry = 0;
			k.merge_from = k.merge_val = k.merge_m = -1;
			/* the branch on which the result is null kept nothing
			   (if (!ev) return;) */
			k.fails_null = 1;
			k.fails_nonzero = k.fails_negative = 0;
			if (!dangles(v, &k, object))
				found = i;
		}
		if (found < 0)
			return;
		from = found;
	} else if (kr->links_handle >= 0 || kr->links_handle == ESC_LOOP_DEFAULT) {
		if (kr->links_handle >= 0) {
			hm = kr->links_handle;
			hkey = hm + 1 < at->nkeys ? key_at(c, at, 1 + hm) : -1;
		} else {
			hdefault = 1;
		}
		if (kr->fires_cb >= 0) {
			bind_at = base->at;
			bind_rule = kr;
		}
	} else {
		struct via vias[8];
		int nv = through_calls(c, base->at, kept_arg, vias, 8), found = 0;
		for (int x = 0; x < nv && !found; x++) {
			const struct cstmt *t = &c->stmts[vias[x].at];
			const struct esc_rule *br = esc_rules_loop(rules, t->callee);
			if (!br || br->file != kr->file || br->binds_obj != vias[x].arg ||
			    br->binds_handle == ESC_LOOP_NONE)
				continue;
			int clean = 1;
			for (int b = 0; b < vias[x].nbetween && clean; b++) {
				const struct cstmt *u = &c->stmts[vias[x].between[b][0]];
				const struct esc_rule *ur = esc_rules_loop(rules, u->callee);
				clean = ur && ur->file == kr->file &&
					ur->binds_obj != vias[x].between[b][1];
			}
			if (!clean)
				return;
			found = 1;
			bind_at = vias[x].at;
			bind_rule = br;
			if (br->binds_handle == ESC_LOOP_DEFAULT) {
				hdefault = 1;
			} else {
				hm = br->binds_handle;
				hat = vias[x].at;
				hkey = hm + 1 < t->nkeys ? key_at(c, t, 1 + hm) : -1;
			}
		}
		if (!found)
			return;
	}
	if (!hdefault && hkey < 0)
		return;
	/* the object's own callback, when it is out of the handle by the
	   time that runs and the function registers it only there */
	const char *own = NULL;
	if (bind_rule && bind_rule->fires_cb >= 0) {
		const struct carg *ev = arg_of(c, bind_at, bind_rule->fires_events);
		const struct carg *cb = arg_of(c, bind_at, bind_rule->fires_cb);
		if (ev && !ev->fn && !(ev->value & bind_rule->fires_mask) &&
		    cb && cb->fn && cb->once)
			own = cb->fn;
	}
	/* a loop exit of the library called here */
	for (int i = 0; i < c->nstmts; i++) {
		const struct cstmt *s = &c->stmts[i];
		const struct esc_rule *er = s->op == ESC_OP_CALL && s->callee
			? esc_rules_loop(rules, s->callee) : NULL;
		if (er && er->file == kr->file && er->loop_exits != ESC_LOOP_NONE)
			return;
	}
	struct loopfns lib = { NULL, 0, 0, 0, 1 };
	for (int i = 0; i < c->nstmts; i++) {
		const struct cstmt *s = &c->stmts[i];
		if (s->op != ESC_OP_CALL || !s->callee || i == base->at)
			continue;
		const struct esc_rule *dr = esc_rules_loop(rules, s->callee);
		if (!dr || dr->file != kr->file || dr->loop_drains == ESC_LOOP_NONE ||
		    i == from)
			continue;
		/* it drains only with a constant argument without the
		   rule's bits (event_base_loop(base, 0)) */
		if (dr->unless_arg != ESC_LOOP_NONE) {
			const struct carg *fl = arg_of(c, i, dr->unless_arg);
			if (!fl || fl->fn || (fl->value & dr->unless_mask))
				continue;
		}
		int pairs[1][2], np = 0;
		if (hdefault) {
			if (dr->loop_drains != ESC_LOOP_DEFAULT)
				continue;
		} else {
			if (dr->loop_drains < 0 || dr->loop_drains + 1 >= s->nkeys ||
			    key_at(c, s, 1 + dr->loop_drains) != hkey)
				continue;
			pairs[0][0] = dr->loop_drains;
			pairs[0][1] = hm;
			np = 1;
		}
		int dup = 0;
		for (int u = 0; u < w->nundo && !dup; u++)
			dup = w->undo[u].ndrain && !strcmp(w->undo[u].callee, s->callee) &&
			      w->undo[u].npairs == np;
		if (dup)
			continue;
		struct kill k = *base;
		k.at = from;
		if (from != base->at)
			k.fails_null = k.fails_nonzero = k.fails_negative = 0;
		k.callee = s->callee;
		k.pairs = (const int (*)[2])pairs;
		k.npairs = np;
		k.pairs_at = hat;
		k.noloop = 1;
		k.merge_at = -1;
		k.keep_null = 0;
		k.ncarry = 0;
		k.merge_from = k.merge_val = k.merge_m = -1;
		if (dangles(v, &k, object))
			continue;
		if (!lib.n) {
			esc_rules_each_loop(rules, kr->file, add_loopfn, &lib);
			lib.nexits = lib.n;
			lib.exits_pass = 0;
			esc_rules_each_loop(rules, kr->file, add_loopfn, &lib);
			if (!lib.n)
				break;
		}
		ESC_GROW(w->undo, *cap, w->nundo + 1);
		struct esc_undo_call *nu = &w->undo[w->nundo++];
		memset(nu, 0, sizeof *nu);
		nu->callee = s->callee;
		nu->npairs = np;
		nu->pairs = esc_xmalloc(sizeof *nu->pairs);
		if (np)
			memcpy(nu->pairs, pairs, sizeof pairs);
		nu->via_arg = -1;
		nu->drain = esc_xmalloc((size_t)lib.n * sizeof *nu->drain);
		memcpy(nu->drain, lib.names, (size_t)lib.n * sizeof *lib.names);
		nu->ndrain = lib.n;
		nu->nexits = lib.nexits;
		if (own) {
			struct loopfns ln = { NULL, 0, 0, 0, 0 };
			esc_rules_each_loop(rules, kr->file, add_linkfn, &ln);
			nu->own = own;
			nu->links = ln.names;
			nu->nlinks = ln.n;
		}
	}
	free(lib.names);
}

/* Pending warnings: a stack object whose very address reaches an
   argument of a function known only by name (an import, imports.c), still
   there when the object dies (no kill, as escape-unknown).  The link step
   (escape-report) warns if the function, defined elsewhere in the build,
   keeps it, or, defined nowhere, takes it as a non-const void *
   (escape-unknown); the compiler does not print them.  The flow shown is
   a sink's or site's that ends at the call, if one does. */
static void check_pending(struct view *v, const struct esc_cfg *cfg,
			  const struct esc_rules *rules, struct esc_func_report *r,
			  int *unchecked)
{
	for (int i = 0; i < r->nimports; i++) {
		const struct esc_import *im = &r->imports[i];
		if (im->owner_kind != ESC_OWNER_LOCAL || !im->addr)
			continue;
		int at = stmt_of(v, im->origin), dup = 0;
		if (at < 0)
			continue;
		/* one per object, callee and call */
		for (int j = 0; j < i && !dup; j++)
			dup = r->imports[j].owner_kind == ESC_OWNER_LOCAL &&
			      r->imports[j].owner == im->owner &&
			      r->imports[j].origin == im->origin &&
			      r->imports[j].addr && r->imports[j].arg == im->arg;
		if (dup)
			continue;
		const struct esc_local_report *l = &r->locals[im->owner];
		const struct esc_flow *flow = NULL;
		int n = l->nsinks + l->nsites;
		for (int si = 0; si < n && !flow; si++) {
			const struct esc_flow *f = si < l->nsinks
				? &l->sinks[si].flow : &l->sites[si - l->nsinks].flow;
			const struct esc_step *last = f->nsteps ? &f->steps[f->nsteps - 1] : NULL;
			if (last && last->origin == im->origin && last->what == im->callee)
				flow = f;
		}
		struct esc_step sink;
		memset(&sink, 0, sizeof sink);
		sink.kind = ESC_STEP_ARG_UNKNOWN;
		sink.what = im->callee;
		sink.arg = im->arg + 1;
		if (v->work > ESC_DANGLE_BUDGET) {
			(*unchecked)++;
			continue;
		}
		if (!may_hold(v, at, carrier_of(cfg, at, &sink), l->pos.handle, 1))
			continue;
		struct kill k;
		kill_of(cfg, rules, &sink, &sink, ESC_WARN_UNKNOWN, at, 0, &k);
		if (!dangles(v, &k, l->pos.handle))
			continue;
		struct esc_warning w;
		memset(&w, 0, sizeof w);
		w.id = esc_warn_id(ESC_WARN_UNKNOWN);
		w.object = l->name;
		w.pos = flow ? flow->steps[0].pos : l->nsites ? l->sites[0].pos : l->pos;
		w.sink = im->pos;
		w.message = "";
		w.flow = flow;
		w.pending = im;
		if (v->work <= ESC_DANGLE_BUDGET) {
			undo_candidates(v, &k, l->pos.handle, im->arg, &w);
			/* (esc_grow reallocates from the count) */
			int cap = w.nundo;
			drain_candidates(v, rules, &k, l->pos.handle, im->arg, &w, &cap);
		}
		esc_report_warning(r, &w);
	}
}

static void rel_add(struct view *v, const struct esc_summary_release *r,
		    int sink, int group)
{
	ESC_GROW(v->rel, v->caprel, v->nrel + 1);
	v->rel[v->nrel] = *r;
	v->rel[v->nrel].sink = sink;
	v->rel[v->nrel++].group = group;
}

/* Is sink (of a parameter's value) still there when the function
   returns, on some path?  As the sinks of locals are judged.  With
   v->byname, a teardown by callees known only by name counts: what it
   rests on goes into v->rel.  m: what was found of sk before, or NULL. */
static int param_sink_stays(struct view *v, const struct esc_rules *rules,
			    const struct esc_sink *sk, struct pmemo *m)
{
	const struct esc_cfg *cfg = v->c;
	const struct esc_flow *f = &sk->flow;
	if (!f->nsteps || v->work > ESC_DANGLE_BUDGET)
		return 1;
	const struct esc_step *sink = &f->steps[f->nsteps - 1];
	int kind = esc_sink_kind(sink);
	if (kind < 0) /* a sink with no kill (asm, a copy, ...) */
		return 1;
	int at = -1, ai = -1;
	for (int i = f->nsteps - 1; i >= 0 && at < 0; i--)
		if ((at = stmt_of(v, f->steps[i].origin)) >= 0)
			ai = i;
	if (at < 0 || cfg->stmts[at].op == ESC_OP_RETURN ||
	    kind == ESC_WARN_RETURN)
		return 1;
	if (ai != f->nsteps - 1 &&
	    undone_in_callee(cfg, rules, sink, kind, m))
		return 0;
	if (m && (m->flags & (PM_DANGLES | PM_DANGLES_YES)) == PM_DANGLES) {
		v->work += m->wv; /* undone, as found before */
		return 0;
	}
	struct kill k;
	kill_of(cfg, rules, sink, &f->steps[ai], kind, at, ai != f->nsteps - 1,
		&k);
	if (ai == f->nsteps - 1)
		teardown_of(v, sk, sink, kind, &k);
	if (m && (m->flags & PM_DANGLES)) {
		v->work += m->wv;
	} else {
		long w0 = v->work;
		int d = dangles(v, &k, NO_OBJECT);
		if (m) {
			m->flags |= PM_DANGLES | (d ? PM_DANGLES_YES : 0);
			m->wv = v->work - w0;
		}
		if (!d)
			return 0;
	}
	if (!v->byname || k.freed < 0)
		return 1;
	/* the memory it is stored into handed to callees known only by
	   name: if releases by them end it, the leak rests on them */
	struct esc_summary_release cand[8];
	int nc = 0;
	for (int i = 0; i < cfg->nstmts && nc < 8; i++) {
		const struct cstmt *s = &cfg->stmts[i];
		if (i == at || s->op != ESC_OP_CALL || !s->callee ||
		    s->nwrites >= 0 || s->fx ||
		    (rules && esc_rules_find(rules, s->callee)))
			continue;
		for (int a = 0; a + 1 < s->nmems && nc < 8; a++) {
			if (cfg->pool[s->mems + 1 + a] != k.freed)
				continue;
			int dup = 0;
			for (int j = 0; j < nc && !dup; j++)
				dup = cand[j].arg == a && !strcmp(cand[j].callee, s->callee);
			if (!dup) {
				cand[nc].param = cand[nc].level = -1;
				cand[nc].callee = s->callee;
				cand[nc++].arg = a;
			}
		}
	}
	k.rel = cand;
	k.nrel = nc;
	if (!nc || dangles(v, &k, NO_OBJECT))
		return 1;
	/* what it rests on: each callee whose release alone ends it (any
	   one of them, the link step asks), else the fewest together */
	int sink_id = v->nsinks++, any = 0;
	for (int j = 0; j < nc; j++) {
		k.rel = &cand[j];
		k.nrel = 1;
		if (dangles(v, &k, NO_OBJECT))
			continue;
		any = 1;
		rel_add(v, &cand[j], sink_id, v->ngroups++);
	}
	if (any)
		return 0;
	k.rel = cand;
	for (int j = 0; j < nc && nc > 1;) {
		struct esc_summary_release x = cand[j];
		memmove(&cand[j], &cand[j + 1], (size_t)(nc - j - 1) * sizeof *cand);
		k.nrel = nc - 1;
		if (!dangles(v, &k, NO_OBJECT)) {
			nc--;
			continue;
		}
		memmove(&cand[j + 1], &cand[j], (size_t)(nc - j - 1) * sizeof *cand);
		cand[j++] = x;
	}
	int group = v->ngroups++;
	for (int j = 0; j < nc; j++)
		rel_add(v, &cand[j], sink_id, group);
	return 0;
}

/* Are parameter location p's sinks in `into' (esc_param_sinks) at level
   lev all undone before every return?  A walk cut short, or one that
   finds nothing where the solution found the leak (must), is not. */
static int all_undone(struct view *v, const struct esc_graph *g,
		      const struct esc_rules *rules, int p, int into, int lev,
		      int must)
{
	int n, cut, kept = 0;
	struct esc_sink *sk;
	/* the walk of the last call again (esc_summary_undo asks with
	   byname what it asked without): its sinks are kept */
	int again = v->psk && v->pg == g && v->pp == p && v->pinto == into &&
		    v->plev == lev ? esc_param_sinks_again(g, v->pwork) : -1;
	if (again >= 0) {
		sk = again ? NULL : v->psk;
		n = again ? 0 : v->pn;
		cut = again ? 1 : v->pcut;
	} else {
		esc_sinks_free(v->psk, v->pn);
		free(v->pm);
		sk = v->psk = esc_param_sinks(g, p, lev, into, &n, &cut);
		v->pm = esc_xcalloc((size_t)n + 1, sizeof *v->pm);
		v->pg = g;
		v->pp = p;
		v->pinto = into;
		v->plev = lev;
		v->pn = n;
		v->pcut = cut;
		v->pwork = esc_param_sinks_work(g);
	}
	if (cut || (!n && must))
		kept = 1;
	for (int j = 0; j < n && !kept; j++)
		kept = param_sink_stays(v, rules, &sk[j], sk ? &v->pm[j] : NULL);
	return !kept;
}

/* The first level from `from' up at which parameter location p's sinks
   in `into' are not all undone before every return, or -1 if none is.
   Each level's sinks include the level before's: the deepest level
   decides -1; between, three levels are looked at, and past them the
   leak is taken as kept. */
static int first_kept(struct view *v, const struct esc_graph *g,
		      const struct esc_rules *rules, int p, int into, int from)
{
	if (!all_undone(v, g, rules, p, into, from, 1))
		return from;
	if (all_undone(v, g, rules, p, into, ESC_MAX_DEREFS, 0))
		return -1;
	for (int lev = from + 1; lev < ESC_MAX_DEREFS && lev <= from + 2; lev++)
		if (!all_undone(v, g, rules, p, into, lev, 0))
			return lev;
	return from + 3 < ESC_MAX_DEREFS ? from + 3 : ESC_MAX_DEREFS;
}

/* The location of func's parameter number i, or -1. */
static int param_loc(const struct esc_graph *g, const int *ls, int nl,
		     int func, int i)
{
	for (int k = 0; k < nl; k++)
		if (g->locs[ls[k]].kind == ESC_LOC_PARAM &&
		    g->locs[ls[k]].func == func && g->locs[ls[k]].param_index == i)
			return ls[k];
	return -1;
}

/* Can anything in c kill a sink: a place stored twice (or one inside
   another stored), a call of a same-file function that writes globals,
   a fact of undo?  (A rule's releaser alone is not looked for.) */
static int may_kill(const struct esc_cfg *cc)
{
	struct esc_cfg *c = (struct esc_cfg *)cc; /* its answer is kept */
	if (c->kills)
		return c->kills - 1;
	int *n = esc_xcalloc((size_t)c->nkeys + 1, sizeof *n), yes = 0;
	for (int i = 0; i < c->nstmts && !yes; i++) {
		const struct cstmt *s = &c->stmts[i];
		if (s->place >= 0 && s->place < c->nkeys)
			n[s->place]++;
		if (s->op == ESC_OP_CALL && s->nwrites > 0)
			yes = 1;
		for (int a = 0; a < s->nundo && !yes; a++)
			yes = undo_at(c, s, a)[0] != ESC_UNDO_LINK;
	}
	/* teardown: a call given the memory a store (or a callee's
	   store) puts something into */
	unsigned char *m = esc_xcalloc((size_t)c->nkeys + 1, 1);
	for (int i = 0; i < c->nstmts && !yes; i++) {
		const struct cstmt *s = &c->stmts[i];
		for (int a = 0; a < s->nmems; a++) {
			int key = c->pool[s->mems + a];
			if (key < 0 || key >= c->nkeys)
				continue;
			int call = s->op == ESC_OP_CALL && a > 0 && s->callee &&
				   ((s->nwrites < 0 && !s->fx) || fx_frees(s, a - 1));
			int into = (s->op == ESC_OP_STORE && a == 0) ||
				   (s->op == ESC_OP_CALL && a > 0 && s->nst > 0);
			unsigned char bit = (unsigned char)(call | (into << 1));
			if ((m[key] | bit) == 3 && (m[key] & bit) != bit)
				yes = 1;
			m[key] |= bit;
		}
	}
	free(m);
	for (int i = 0; i < c->nstmts && !yes; i++) {
		int p = c->stmts[i].place;
		if (p < 0 || p >= c->nkeys)
			continue;
		yes = n[p] > 1;
		for (int q = c->parent[p], d = 0; q >= 0 && !yes && d < 64;
		     q = c->parent[q], d++)
			yes = n[q] > 0;
	}
	free(n);
	c->kills = yes + 1;
	return yes;
}

int esc_cfg_may_kill(const struct esc_cfg *c)
{
	return may_kill(c);
}

int esc_cfg_place(const struct esc_cfg *c, int stmt)
{
	if (stmt < 0 || stmt >= c->nstmts)
		return -1;
	int p = c->stmts[stmt].place;
	return p >= 0 && p < c->nkeys ? p : -1;
}

/* Does s->releases have, for parameter param, a sink whose releases are
   r[0..n) (one sink's, in the order param_sink_stays adds them: same
   callees and arguments, grouped alike)? */
static int same_sink(const struct esc_summary *s, int param,
		     const struct esc_summary_release *r, int n)
{
	for (int a = 0; a < s->nreleases; a++) {
		const struct esc_summary_release *x = &s->releases[a];
		if (x->param != param || (a > 0 && x[-1].param == param &&
					  x[-1].sink == x->sink))
			continue;
		int k = 0;
		while (a + k < s->nreleases && k < n && x[k].param == param &&
		       x[k].sink == x->sink && x[k].arg == r[k].arg &&
		       !strcmp(x[k].callee, r[k].callee) &&
		       (k == 0 || (x[k].group == x[k - 1].group) ==
					  (r[k].group == r[k - 1].group)))
			k++;
		if (k == n && (a + k == s->nreleases || s->releases[a + k].param != param ||
			       s->releases[a + k].sink != x->sink))
			return 1;
	}
	return 0;
}

int esc_summary_undo(struct esc_summary *s, const struct esc_graph *g, int func,
		     const struct esc_cfg *cfg, const struct esc_rules *rules)
{
	if (!s || s->gave_up || !cfg)
		return 0;
	/* nothing to undo with, here or in the component */
	struct esc_cfgset *set = cfg->set;
	if (set && !set->kills) {
		set->kills = 1;
		for (int m = 0; m < set->n && set->kills == 1; m++)
			set->kills = may_kill(set->cfgs[m]) + 1;
	}
	if (!may_kill(cfg) && !(set && set->kills == 2))
		return 0;
	struct view v;
	int changed = 0, nl, capr = s->nreleases, base = 0;
	/* sinks and groups numbered after those of an earlier call */
	for (int k = 0; k < s->nreleases; k++) {
		if (s->releases[k].sink >= base)
			base = s->releases[k].sink + 1;
		if (s->releases[k].group >= base)
			base = s->releases[k].group + 1;
	}
	const int *ls = esc_func_locs(g, func, &nl);
	view_init(&v, cfg);
	/* what it keeps in the heap (globals, memory of no parameter) */
	for (int k = 0; k < nl; k++) {
		const struct esc_location *loc = &g->locs[ls[k]];
		if (loc->kind != ESC_LOC_PARAM || loc->func != func)
			continue;
		int i = loc->param_index == ESC_VARARGS ? s->nparams
			: loc->param_index;
		if (i < 0 || i > s->nparams || s->sure[i] < 0)
			continue;
		int sure = first_kept(&v, g, rules, ls[k], ESC_HEAP, s->sure[i]);
		/* the same, releases by callees known only by name taken:
		   the local verdict, the leak resting on them */
		int local = sure;
		if (sure >= 0 && v.work <= ESC_DANGLE_BUDGET) {
			v.byname = 1;
			v.nrel = 0;
			local = first_kept(&v, g, rules, ls[k], ESC_HEAP, sure);
			v.byname = 0;
			if (v.work > ESC_DANGLE_BUDGET || !v.nrel)
				local = sure;
			for (int j = 0; local != sure && j < v.nrel; j++) {
				/* a sink judged again (at another level) adds
				   nothing */
				if (j == 0 || v.rel[j].sink != v.rel[j - 1].sink) {
					int n = 1;
					while (j + n < v.nrel && v.rel[j + n].sink == v.rel[j].sink)
						n++;
					if (same_sink(s, i, v.rel + j, n)) {
						j += n - 1;
						continue;
					}
				}
				ESC_GROW(s->releases, capr, s->nreleases + 1);
				s->releases[s->nreleases] = v.rel[j];
				s->releases[s->nreleases].param = i;
				s->releases[s->nreleases].sink += base;
				s->releases[s->nreleases].group += base;
				s->releases[s->nreleases++].level = sure;
			}
		}
		if (s->local_sure[i] >= 0 && local != sure &&
		    (local < 0 || s->local_sure[i] < local)) {
			s->local_sure[i] = (signed char)local;
			changed++;
		}
		if (sure == s->sure[i])
			continue;
		s->sure[i] = (signed char)sure;
		if (s->local_sure[i] >= 0 && (sure < 0 || s->local_sure[i] < sure))
			s->local_sure[i] = (signed char)sure;
		changed++;
	}
	/* what it stores into the memory another parameter points to
	   (db->pParse = pParse): assumed, and a store at the level kept */
	int nst = s->nstores;
	for (int k = 0; k < nst; k++) {
		struct esc_summary_store st = s->stores[k];
		if (st.assumed || st.to < 0 || st.from < 0)
			continue;
		int from = param_loc(g, ls, nl, func, st.from);
		int to = param_loc(g, ls, nl, func, st.to);
		int into = to >= 0 ? g->locs[to].ptee : -1;
		if (into >= 0 && st.level == 2)
			into = g->locs[into].ptee;
		if (from < 0 || into < 0)
			continue;
		int kept = first_kept(&v, g, rules, from, into, st.derefs);
		if (kept == st.derefs)
			continue;
		s->stores[k].assumed = 1;
		changed++;
		if (kept < 0)
			continue;
		st.derefs = kept;
		s->stores = esc_xrealloc(s->stores, (size_t)(s->nstores + 1) *
					 sizeof *s->stores);
		s->stores[s->nstores++] = st;
	}
	view_free(&v);
	return changed;
}

int esc_check_dangling(const struct esc_cfg *cfg, const struct esc_rules *rules,
		       unsigned kinds, struct esc_func_report *r)
{
	struct view v;
	int unchecked = 0, nd = 0, capd = 0;
	struct done *d = NULL;

	view_init(&v, cfg);
	for (int li = 0; li < r->nlocals; li++) {
		struct esc_local_report *l = &r->locals[li];
		if ((kinds & (1u << ESC_WARN_SCOPE)) && v.work <= ESC_DANGLE_BUDGET)
			check_scope(&v, r, l, r);
		if (!l->escapes)
			continue;
		/* every sink; if the walk was cut, the sites' flows too */
		int n = l->nsinks + (l->sinks_cut ? l->nsites : 0);
		for (int si = 0; si < n; si++) {
			const struct esc_flow *f = si < l->nsinks
				? &l->sinks[si].flow : &l->sites[si - l->nsinks].flow;
			if (!f->nsteps)
				continue;
			const struct esc_step *sink = &f->steps[f->nsteps - 1];
			int kind = esc_sink_kind(sink);
			if (kind < 0 || !(kinds & (1u << kind)))
				continue;
			/* where the address leaves this function */
			int at = -1, ai = -1;
			for (int i = f->nsteps - 1; i >= 0 && at < 0; i--)
				if ((at = stmt_of(&v, f->steps[i].origin)) >= 0)
					ai = i;
			if (at < 0 && kind != ESC_WARN_RETURN)
				continue;
			/* a flow that leaves by this function's return (a site's
			   flow, which goes on in the callers) is a return */
			if (at >= 0 && cfg->stmts[at].op == ESC_OP_RETURN) {
				kind = ESC_WARN_RETURN;
				if (!(kinds & (1u << kind)))
					continue;
			}
			const struct esc_step *leave = at >= 0 ? &f->steps[ai] : sink;
			if (done_find(d, nd, li, kind, at))
				continue;
			if (kind != ESC_WARN_RETURN && ai != f->nsteps - 1 &&
			    v.work <= ESC_DANGLE_BUDGET &&
			    undone_in_callee(cfg, rules, sink, kind, NULL))
				continue;
			/* correlated branches: the value that leaves cannot
			   hold the address (another flow to the same sink is
			   still checked) */
			if (v.work <= ESC_DANGLE_BUDGET &&
			    !may_hold(&v, at, carrier_of(cfg, at, leave),
				      l->pos.handle,
				      si < l->nsinks && l->sinks[si].levels == 1 &&
				      leave == sink))
				continue;
			if (kind != ESC_WARN_RETURN) {
				if (v.work > ESC_DANGLE_BUDGET) {
					unchecked++;
					continue;
				}
				struct kill k;
				kill_of(cfg, rules, sink, leave, kind, at,
					ai != f->nsteps - 1, &k);
				if (leave == sink)
					teardown_of(&v, si < l->nsinks ? &l->sinks[si]
						    : NULL, leave, kind, &k);
				ESC_GROW(d, capd, nd + 1);
				d[nd].object = li;
				d[nd].kind = kind;
				d[nd++].at = at;
				if (!dangles(&v, &k, l->pos.handle))
					continue;
			} else {
				ESC_GROW(d, capd, nd + 1);
				d[nd].object = li;
				d[nd].kind = kind;
				d[nd++].at = at;
			}

			struct esc_warning w;
			memset(&w, 0, sizeof w);
			w.id = esc_warn_id(kind);
			w.object = l->name;
			w.pos = f->steps[0].pos;
			w.sink = leave->pos;
			w.decl = l->pos;
			w.message = message(kind, l->name, r->name, sink);
			w.flow = f;
			esc_report_warning(r, &w);
			free((char *)w.message);
		}
	}
	if (kinds & ((1u << ESC_WARN_UNKNOWN) | (1u << ESC_WARN_KEPT)))
		check_pending(&v, cfg, rules, r, &unchecked);
	free(d);
	view_free(&v);
	return unchecked;
}
