/*
 * dangle.cc - which escapes are bugs: stack addresses that dangle.
 *
 * Go's model says where an address may go; it does not say whether the
 * address is still there when its object dies.  For every site where a
 * stack object's address escapes, this stage takes the last step of the
 * site's flow - the sink - and asks, flow-sensitively, whether on some
 * path from the sink to the end of the object's life the sink still
 * holds the address.  The end of life is the object's scope-end clobber
 * (so an address that outlives its block is caught too) or the
 * function's return.  What stops a path is a kill:
 *
 *   escape-return   returned: no kill, always a bug
 *   escape-global   stored in a global or static: killed by another
 *                   store to the same place, or a call to a same-file
 *                   function that stores to that global
 *   escape-caller   stored through a pointer that is not this frame's
 *                   (out-parameter, caller's struct or array, heap):
 *                   killed by another store to the same place
 *   escape-kept     kept by a library function (its rule) or a same-file
 *                   function (its summary, unless the summary only
 *                   assumes it: see esc_step.assumed): killed by calling the same
 *                   function again on the same handle (setvbuf(f, NULL,
 *                   ...), pthread_setspecific(k, NULL)), fclose for
 *                   setvbuf/setbuf, or a same-file function that stores
 *                   to the globals the keeper stores to
 *   escape-thread   handed to pthread_create: killed by pthread_join on
 *                   the same pthread_t
 *   escape-unknown  passed as a non-const void * to a function with no
 *                   body and no rule (a context pointer): no kill
 *   escape-noescape a parameter declared __attribute__((noescape)) that
 *                   the function's own body lets escape (callers trust
 *                   the attribute, so this is a promise broken)
 *
 * The branch on which a handing-over call reports failure (non-zero from
 * pthread_create or setvbuf, NULL from fmemopen or open_memstream, a
 * negative int from a same-file keeper) holds no address.
 * A loop (a cycle of the CFG: one of its strongly connected components)
 * that contains a kill is taken to run it (for (i...) join(t[i])), unless
 * the sink itself is inside that loop.  A comment containing
 * "escape:ignore" on the line of the address or of the sink silences the
 * warning there (or "escape:ignore escape-thread" only that rule); it is
 * still listed, as suppressed, in the JSON report.
 *
 * Warnings carry the rule id in their text, CWE-562 metadata, and their
 * flow as notes.  Runs on the unchanged IL, after the solution.
 */
#include "adapter.h"

unsigned esc_warn_enabled = ~0u;

static const char *const warn_ids[ESC_WARN__COUNT] = {
	"escape-return", "escape-global", "escape-caller",
	"escape-kept",   "escape-thread", "escape-unknown",
	"escape-noescape",
};

const char *esc_warn_id(int kind)
{
	return kind >= 0 && kind < ESC_WARN__COUNT ? warn_ids[kind] : "?";
}

int esc_warn_by_id(const char *id)
{
	for (int i = 0; i < ESC_WARN__COUNT; i++)
		if (!strcmp(id, warn_ids[i]))
			return i;
	return -1;
}

/* What ends a path early: the sink stops holding the address. */
enum kill_kind { KILL_NONE, KILL_STORE, KILL_JOIN, KILL_RELEASE, KILL_SUMMARY };

struct kill {
	enum kill_kind kind;
	gimple *origin; /* the sink statement */
	tree mem;       /* KILL_STORE: the memory the address was stored in */
	tree handle;    /* KILL_JOIN: the pthread_t object; KILL_RELEASE: first arg */
	const char *callee;
	tree keeper;    /* KILL_SUMMARY: the same-file function keeping it */
};

/* Follows copies and loads back to what a value was read from. */
static tree source_of(tree t)
{
	for (int depth = 0; depth < 8 && t && TREE_CODE(t) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!def || !is_gimple_assign(def) || !gimple_assign_single_p(def))
			break;
		t = gimple_assign_rhs1(def);
	}
	return t;
}

static bool same_value(tree a, tree b)
{
	a = source_of(a);
	b = source_of(b);
	return a && b && operand_equal_p(a, b, 0);
}

/* Does a store to lhs overwrite mem (the same place, or one containing it)? */
static bool covers(tree lhs, tree mem)
{
	for (tree t = mem; t; t = TREE_OPERAND(t, 0)) {
		if (operand_equal_p(lhs, t, 0))
			return true;
		if (!handled_component_p(t))
			break;
	}
	return false;
}

static const char *callee_of(gimple *s)
{
	if (!is_gimple_call(s))
		return NULL;
	tree fn = gimple_call_fndecl(s);
	if (!fn || !DECL_NAME(fn))
		return NULL;
	const char *n = IDENTIFIER_POINTER(DECL_NAME(fn));
	return strncmp(n, "__builtin_", 10) ? n : n + 10;
}

/* ------------------------------------------------------------------ */
/* Answers kept while one function is checked                           */

/* A key of up to six pointers and a number, and a table of them: the
   answers to questions asked again and again (does this callee store to
   that global?  which statements kill this sink?  does this sink's
   address dangle?), so that the check of a function costs about its
   size plus, per site, the blocks its path search visits. */
struct mkey {
	int kind;
	const void *a, *b, *c, *d, *f;
	long e;
};

static bool mkey_eq(const mkey &x, const mkey &y)
{
	return x.kind == y.kind && x.a == y.a && x.b == y.b && x.c == y.c &&
	       x.d == y.d && x.f == y.f && x.e == y.e;
}

static unsigned long mkey_hash(const mkey &k)
{
	unsigned long h = 1469598103934665603ul ^ (unsigned long)k.kind;
	const void *p[5] = { k.a, k.b, k.c, k.d, k.f };
	for (int i = 0; i < 5; i++)
		h = (h ^ (unsigned long)(uintptr_t)p[i]) * 1099511628211ul;
	h = (h ^ (unsigned long)k.e) * 1099511628211ul;
	return h ^ (h >> 31);
}

struct memo {
	struct item {
		mkey key;
		long v1, v2;
	};
	auto_vec<item> items;
	int *slots = NULL; /* 1 + index into items, 0 for empty */
	unsigned cap = 0;

	~memo() { free(slots); }
	/* the item of key k, or NULL; valid until the next add */
	item *find(const mkey &k)
	{
		if (!cap)
			return NULL;
		for (unsigned i = mkey_hash(k) & (cap - 1);; i = (i + 1) & (cap - 1)) {
			if (!slots[i])
				return NULL;
			if (mkey_eq(items[slots[i] - 1].key, k))
				return &items[slots[i] - 1];
		}
	}
	void add(const mkey &k, long v1, long v2)
	{
		item it = { k, v1, v2 };
		items.safe_push(it);
		if (2 * items.length() > cap) {
			free(slots);
			cap = cap ? 2 * cap : 64;
			slots = XCNEWVEC(int, cap);
			for (unsigned j = 0; j < items.length(); j++) {
				unsigned i = mkey_hash(items[j].key) & (cap - 1);
				while (slots[i])
					i = (i + 1) & (cap - 1);
				slots[i] = (int)j + 1;
			}
		} else {
			unsigned i = mkey_hash(k) & (cap - 1);
			while (slots[i])
				i = (i + 1) & (cap - 1);
			slots[i] = (int)items.length();
		}
	}
};

/* The answers of the function being checked (esc_check_dangling). */
static memo *answers;

enum { ASK_STORES_GLOBAL = -1, ASK_SHARES_GLOBAL = -2 };

/* The globals a same-file function stores to (one level: its own body). */
static bool stores_global_1(tree fndecl, tree global)
{
	function *fun = fndecl ? DECL_STRUCT_FUNCTION(fndecl) : NULL;
	basic_block bb;
	if (!fun || !fun->cfg)
		return false;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i); gsi_next(&i)) {
			tree lhs = gimple_get_lhs(gsi_stmt(i));
			if (lhs && TREE_CODE(lhs) != SSA_NAME &&
			    get_base_address(lhs) == global)
				return true;
		}
	return false;
}

static bool stores_global(tree fndecl, tree global)
{
	mkey k = { ASK_STORES_GLOBAL, fndecl, global, NULL, NULL, NULL, 0 };
	memo::item *it = answers ? answers->find(k) : NULL;
	if (it)
		return it->v1;
	bool yes = stores_global_1(fndecl, global);
	if (answers)
		answers->add(k, yes, 0);
	return yes;
}

/* Does keeper store to a global that other also stores to? */
static bool shares_global_1(tree keeper, tree other)
{
	function *fun = keeper ? DECL_STRUCT_FUNCTION(keeper) : NULL;
	basic_block bb;
	if (!fun || !fun->cfg || keeper == other)
		return false;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i); gsi_next(&i)) {
			tree lhs = gimple_get_lhs(gsi_stmt(i));
			tree base = lhs && TREE_CODE(lhs) != SSA_NAME
					    ? get_base_address(lhs) : NULL_TREE;
			if (base && VAR_P(base) && is_global_var(base) &&
			    stores_global(other, base))
				return true;
		}
	return false;
}

static bool shares_global(tree keeper, tree other)
{
	mkey k = { ASK_SHARES_GLOBAL, keeper, other, NULL, NULL, NULL, 0 };
	memo::item *it = answers ? answers->find(k) : NULL;
	if (it)
		return it->v1;
	bool yes = shares_global_1(keeper, other);
	if (answers)
		answers->add(k, yes, 0);
	return yes;
}

static bool is_kill(gimple *s, const struct kill *k)
{
	if (s == k->origin)
		return false;
	switch (k->kind) {
	case KILL_STORE: {
		tree lhs = gimple_get_lhs(s);
		if (lhs && TREE_CODE(lhs) != SSA_NAME && covers(lhs, k->mem))
			return true;
		tree base = get_base_address(k->mem);
		if (is_gimple_call(s) && base && VAR_P(base) && is_global_var(base))
			return stores_global(gimple_call_fndecl(s), base);
		return false;
	}
	case KILL_JOIN: {
		const char *n = callee_of(s);
		if (!n || (strcmp(n, "pthread_join") && strcmp(n, "thrd_join")) ||
		    gimple_call_num_args(s) < 1)
			return false;
		tree t = source_of(gimple_call_arg(s, 0));
		return t && get_base_address(t) == k->handle;
	}
	case KILL_RELEASE: {
		const char *n = callee_of(s);
		if (!n || gimple_call_num_args(s) < 1)
			return false;
		bool same = !strcmp(n, k->callee);
		bool closes = !strcmp(n, "fclose") &&
			      (!strcmp(k->callee, "setvbuf") ||
			       !strcmp(k->callee, "setbuf") ||
			       !strcmp(k->callee, "fmemopen") ||
			       !strcmp(k->callee, "open_memstream"));
		return (same || closes) && same_value(gimple_call_arg(s, 0), k->handle);
	}
	case KILL_SUMMARY:
		return is_gimple_call(s) &&
		       shares_global(k->keeper, gimple_call_fndecl(s));
	default:
		return false;
	}
}

/* Is s the end of the object's life: its scope-end clobber, or a return? */
static bool is_end(gimple *s, location_t decl_loc)
{
	if (gimple_code(s) == GIMPLE_RETURN)
		return true;
	if (gimple_clobber_p(s)) {
		tree lhs = gimple_assign_lhs(s);
		return DECL_P(lhs) &&
		       expansion_point_location_if_in_system_header(
			       DECL_SOURCE_LOCATION(lhs)) == decl_loc;
	}
	return false;
}

enum scan_result { THROUGH, KILLED, ENDED };

static enum scan_result scan(gimple_stmt_iterator i, const struct kill *k,
			     location_t decl_loc)
{
	for (; !gsi_end_p(i); gsi_next(&i)) {
		gimple *s = gsi_stmt(i);
		if (is_kill(s, k))
			return KILLED;
		if (is_end(s, decl_loc))
			return ENDED;
	}
	return THROUGH;
}

/* The CFG's cycles: comp[bb->index] is the block's strongly connected
   component, cyclic[c] says whether component c is a loop. */
struct cycles {
	int *comp;
	char *cyclic;
};

static void find_cycles(function *fun, struct cycles *cy)
{
	int n = last_basic_block_for_fn(fun);
	auto_vec<int> ends;
	basic_block bb;
	edge e;
	edge_iterator ei;

	FOR_EACH_BB_FN(bb, fun)
		FOR_EACH_EDGE(e, ei, bb->succs)
			if (e->dest->index >= 0 && e->dest->index < n) {
				ends.safe_push(bb->index);
				ends.safe_push(e->dest->index);
			}
	cy->comp = XNEWVEC(int, n ? n : 1);
	int ncomp = esc_components(n, (const int (*)[2])ends.address(),
				   (int)ends.length() / 2, cy->comp);
	auto_vec<int> size;
	size.safe_grow_cleared(ncomp ? ncomp : 1);
	cy->cyclic = XCNEWVEC(char, ncomp ? ncomp : 1);
	for (int i = 0; i < n; i++)
		if (cy->comp[i] >= 0 && ++size[cy->comp[i]] > 1)
			cy->cyclic[cy->comp[i]] = 1;
	for (unsigned i = 0; i + 1 < ends.length(); i += 2)
		if (ends[i] == ends[i + 1])
			cy->cyclic[cy->comp[ends[i]]] = 1;
}

/* Is e the branch taken when the sink call failed?  pthread_create,
   setvbuf and friends return non-zero on failure: then nothing was
   handed over, and that path holds no address. */
static bool failure_edge(edge e, const struct kill *k)
{
	tree res = is_gimple_call(k->origin) ? gimple_call_lhs(k->origin) : NULL_TREE;
	gimple *last = esc_last_stmt(e->src);
	if (!res || TREE_CODE(res) != SSA_NAME || !last ||
	    gimple_code(last) != GIMPLE_COND)
		return false;
	gcond *cond = as_a<gcond *>(last);
	tree lhs = gimple_cond_lhs(cond);
	/* the result, maybe through a conversion */
	for (int depth = 0; depth < 4 && lhs != res && TREE_CODE(lhs) == SSA_NAME;
	     depth++) {
		gimple *def = SSA_NAME_DEF_STMT(lhs);
		if (!def || !is_gimple_assign(def) ||
		    !(gimple_assign_single_p(def) ||
		      CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
			break;
		lhs = gimple_assign_rhs1(def);
	}
	if (lhs != res || !integer_zerop(gimple_cond_rhs(cond)))
		return false;
	enum tree_code code = gimple_cond_code(cond);
	/* a memory stream that could not be opened keeps nothing: its
	   failure is a null result, pthread_create's and setvbuf's a
	   non-zero one */
	bool null_fails = k->callee && (!strcmp(k->callee, "fmemopen") ||
					!strcmp(k->callee, "open_memstream"));
	if (null_fails)
		return (code == EQ_EXPR && (e->flags & EDGE_TRUE_VALUE)) ||
		       (code == NE_EXPR && (e->flags & EDGE_FALSE_VALUE));
	/* a same-file keeper that returns an int: C's convention, a
	   negative result is a failure (and keeps nothing) */
	if (k->kind == KILL_SUMMARY &&
	    ((code == LT_EXPR && (e->flags & EDGE_TRUE_VALUE)) ||
	     (code == GE_EXPR && (e->flags & EDGE_FALSE_VALUE))))
		return true;
	return (code == NE_EXPR && (e->flags & EDGE_TRUE_VALUE)) ||
	       (code == EQ_EXPR && (e->flags & EDGE_FALSE_VALUE));
}

/* Is there a path from k->origin to the end of the object's life on
   which nothing kills the sink? */
static bool dangles_foreign(function *fun, const struct kill *k,
			    location_t decl_loc, const struct cycles *cy)
{
	basic_block start = gimple_bb(k->origin);
	if (!start)
		return true;

	/* the cycles with a kill in them, for the loop rule */
	int n = last_basic_block_for_fn(fun);
	auto_sbitmap killing(n);
	bitmap_clear(killing);
	basic_block bb;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i); gsi_next(&i))
			if (is_kill(gsi_stmt(i), k)) {
				if (cy->cyclic[cy->comp[bb->index]])
					bitmap_set_bit(killing, cy->comp[bb->index]);
				break;
			}

	gimple_stmt_iterator i = gsi_for_stmt(k->origin);
	gsi_next(&i);
	enum scan_result r = scan(i, k, decl_loc);
	if (r != THROUGH)
		return r == ENDED;

	auto_sbitmap seen(n);
	bitmap_clear(seen);
	auto_vec<basic_block> work;
	edge e;
	edge_iterator ei;
	FOR_EACH_EDGE(e, ei, start->succs)
		if (!failure_edge(e, k))
			work.safe_push(e->dest);
	while (!work.is_empty()) {
		bb = work.pop();
		if (bb == EXIT_BLOCK_PTR_FOR_FN(fun))
			return true;
		if (bb->index < 0 || bb->index >= n || bitmap_bit_p(seen, bb->index))
			continue;
		bitmap_set_bit(seen, bb->index);

		/* a loop (not the sink's own) that kills is taken to run */
		int c = cy->comp[bb->index];
		int sc = start->index >= 0 && start->index < n
				 ? cy->comp[start->index] : -1;
		if (c != sc && bitmap_bit_p(killing, c))
			continue;
		r = scan(gsi_start_bb(bb), k, decl_loc);
		if (r == ENDED)
			return true;
		if (r == KILLED)
			continue;
		FOR_EACH_EDGE(e, ei, bb->succs)
			if (!failure_edge(e, k))
				work.safe_push(e->dest);
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* The same question, for a sink in the function itself, on an index    */

/* The function's statements numbered in block order (each block's are
   consecutive), with the few kinds the path search stops at: the
   statements that may kill (stores to memory, calls), the returns and
   the scope-end clobbers.  Made once per function; each site's search
   then costs the blocks it visits (a binary search each) instead of a
   scan of the whole function. */
struct clobber_at {
	location_t decl_loc;
	int ord;
};

struct fn_index {
	function *fun;
	int n;                      /* last_basic_block_for_fn */
	int *first, *count;         /* per block: its first ordinal, how many */
	hash_map<gimple *, int> ord;
	auto_vec<gimple *> stmts;   /* by ordinal */
	auto_vec<int> effects;      /* ordinals that may kill */
	auto_vec<int> returns;
	auto_vec<clobber_at> clobbers; /* sorted by declaration, then ordinal */
	auto_vec<int> pool;         /* kill lists and killing loops */
	struct cycles cy;
	int *seen;                  /* per block: the search that saw it */
	int search;
	long work;                  /* budget units spent */
};

/* The work a function's check may take (statements tested for a kill,
   blocks searched) before the rest of its sites go unchecked. */
#define ESC_DANGLE_BUDGET 20000000L

static int cmp_clobber(const void *a, const void *b)
{
	const clobber_at *x = (const clobber_at *)a, *y = (const clobber_at *)b;
	if (x->decl_loc != y->decl_loc)
		return x->decl_loc < y->decl_loc ? -1 : 1;
	return (x->ord > y->ord) - (x->ord < y->ord);
}

static int cmp_int(const void *a, const void *b)
{
	int p = *(const int *)a, q = *(const int *)b;
	return (p > q) - (p < q);
}

static void index_function(fn_index *x, function *fun)
{
	basic_block bb;
	x->fun = fun;
	x->n = last_basic_block_for_fn(fun);
	x->first = XCNEWVEC(int, x->n ? x->n : 1);
	x->count = XCNEWVEC(int, x->n ? x->n : 1);
	x->seen = XCNEWVEC(int, x->n ? x->n : 1);
	x->search = 0;
	x->work = 0;
	FOR_EACH_BB_FN(bb, fun) {
		if (bb->index < 0 || bb->index >= x->n)
			continue;
		x->first[bb->index] = (int)x->stmts.length();
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i); gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			int o = (int)x->stmts.length();
			x->stmts.safe_push(s);
			x->ord.put(s, o);
			tree lhs = gimple_get_lhs(s);
			if (is_gimple_call(s) || (lhs && TREE_CODE(lhs) != SSA_NAME))
				x->effects.safe_push(o);
			if (gimple_code(s) == GIMPLE_RETURN) {
				x->returns.safe_push(o);
			} else if (gimple_clobber_p(s) && DECL_P(gimple_assign_lhs(s))) {
				clobber_at c = { expansion_point_location_if_in_system_header(
						 DECL_SOURCE_LOCATION(gimple_assign_lhs(s))), o };
				x->clobbers.safe_push(c);
			}
		}
		x->count[bb->index] = (int)x->stmts.length() - x->first[bb->index];
	}
	x->clobbers.qsort(cmp_clobber);
	find_cycles(fun, &x->cy);
}

static void index_free(fn_index *x)
{
	free(x->first);
	free(x->count);
	free(x->seen);
	free(x->cy.comp);
	free(x->cy.cyclic);
}

/* The smallest of v[0..n) (sorted) that is >= lo, or INT_MAX. */
static int first_from(const int *v, int n, int lo)
{
	int a = 0, b = n;
	while (a < b) {
		int m = a + (b - a) / 2;
		if (v[m] < lo)
			a = m + 1;
		else
			b = m;
	}
	return a < n ? v[a] : INT_MAX;
}

/* The statements that kill k's sink (the sink itself included if it
   would), as a run of x->pool: *at, *len; and the loops (CFG cycles)
   that hold one, sorted: *loops_at, *nloops.  Kept per kill. */
static void kills_of(fn_index *x, const struct kill *k, int *at, int *len,
		     int *loops_at, int *nloops)
{
	mkey key = { (int)k->kind, k->mem, k->handle, k->callee, k->keeper,
		     NULL, 0 };
	memo::item *it = answers->find(key);
	if (!it) {
		struct kill any = *k;
		any.origin = NULL; /* is_kill skips the origin: skip nothing */
		long start = x->pool.length();
		if (k->kind != KILL_NONE)
			for (unsigned j = 0; j < x->effects.length(); j++) {
				x->work++;
				if (is_kill(x->stmts[x->effects[j]], &any))
					x->pool.safe_push(x->effects[j]);
			}
		long nk = (long)x->pool.length() - start;
		/* the loops: sorted components, once each */
		auto_vec<int> loops;
		for (long j = 0; j < nk; j++) {
			basic_block b = gimple_bb(x->stmts[x->pool[start + j]]);
			int c = x->cy.comp[b->index];
			if (x->cy.cyclic[c])
				loops.safe_push(c);
		}
		loops.qsort(cmp_int);
		long lstart = x->pool.length();
		for (unsigned j = 0; j < loops.length(); j++)
			if (j == 0 || loops[j] != loops[j - 1])
				x->pool.safe_push(loops[j]);
		answers->add(key, start, nk);
		mkey lkey = key;
		lkey.kind += 100;
		answers->add(lkey, lstart, (long)x->pool.length() - lstart);
		it = answers->find(key);
	}
	*at = (int)it->v1;
	*len = (int)it->v2;
	mkey lkey = key;
	lkey.kind += 100;
	it = answers->find(lkey);
	*loops_at = (int)it->v1;
	*nloops = (int)it->v2;
}

struct search {
	const int *kills;
	int nkills;
	int origin;             /* the sink's ordinal: not a kill of itself */
	const int *ends;        /* this object's clobbers, sorted */
	int nends;
};

/* What decides a path through ordinals [lo, hi): the first kill or end
   of life there (a statement that is both kills). */
static enum scan_result scan_range(fn_index *x, const struct search *q,
				   int lo, int hi)
{
	x->work++;
	int kill = first_from(q->kills, q->nkills, lo);
	if (kill == q->origin)
		kill = first_from(q->kills, q->nkills, kill + 1);
	int ret = first_from(x->returns.address(), (int)x->returns.length(), lo);
	int clo = first_from(q->ends, q->nends, lo);
	int end = ret < clo ? ret : clo;
	if (kill < hi && kill <= end)
		return KILLED;
	if (end < hi)
		return ENDED;
	return THROUGH;
}

/* dangles_foreign's question for a sink at ordinal o of x's function. */
static bool dangles_here(fn_index *x, const struct kill *k, location_t decl_loc,
			 int o)
{
	basic_block start = gimple_bb(k->origin);
	int kat, nk, lat, nl;
	kills_of(x, k, &kat, &nk, &lat, &nl);

	/* this object's ends: its clobbers */
	clobber_at probe = { decl_loc, -1 };
	unsigned a = 0, b = x->clobbers.length();
	while (a < b) {
		unsigned m = a + (b - a) / 2;
		if (cmp_clobber(&x->clobbers[m], &probe) < 0)
			a = m + 1;
		else
			b = m;
	}
	auto_vec<int> ends;
	for (; a < x->clobbers.length() && x->clobbers[a].decl_loc == decl_loc; a++)
		ends.safe_push(x->clobbers[a].ord);

	struct search q = { x->pool.address() + kat, nk, o, ends.address(),
			    (int)ends.length() };
	const int *loops = x->pool.address() + lat;
	int sc = x->cy.comp[start->index];

	enum scan_result r = scan_range(x, &q, o + 1,
					x->first[start->index] + x->count[start->index]);
	if (r != THROUGH)
		return r == ENDED;

	int stamp = ++x->search;
	auto_vec<basic_block> work;
	edge e;
	edge_iterator ei;
	FOR_EACH_EDGE(e, ei, start->succs)
		if (!failure_edge(e, k))
			work.safe_push(e->dest);
	while (!work.is_empty()) {
		basic_block bb = work.pop();
		if (bb == EXIT_BLOCK_PTR_FOR_FN(x->fun))
			return true;
		if (bb->index < 0 || bb->index >= x->n || x->seen[bb->index] == stamp)
			continue;
		x->seen[bb->index] = stamp;

		/* a loop (not the sink's own) that kills is taken to run */
		int c = x->cy.comp[bb->index];
		if (c != sc && first_from(loops, nl, c) == c)
			continue;
		r = scan_range(x, &q, x->first[bb->index],
			       x->first[bb->index] + x->count[bb->index]);
		if (r == ENDED)
			return true;
		if (r == KILLED)
			continue;
		FOR_EACH_EDGE(e, ei, bb->succs)
			if (!failure_edge(e, k))
				work.safe_push(e->dest);
	}
	return false;
}

/* Does the address left at k's sink dangle when the object's life ends?
   Each distinct question is answered once. */
static bool dangles(fn_index *x, const struct kill *k, location_t decl_loc)
{
	mkey key = { 200 + (int)k->kind, k->mem, k->handle, k->callee,
		     k->keeper, k->origin, (long)decl_loc };
	memo::item *it = answers->find(key);
	if (it)
		return it->v1;
	int *o = x->ord.get(k->origin);
	bool yes = o ? dangles_here(x, k, decl_loc, *o)
		     : dangles_foreign(x->fun, k, decl_loc, &x->cy);
	answers->add(key, yes, 0);
	return yes;
}

/* "escape:ignore" (optionally with warning ids) on the line of p? */
static bool ignored_at(struct esc_pos p, const char *id)
{
	/* only in a file that may hold one (source.c): the usual file,
	   which has none, costs no line lookups */
	if (!p.file || p.line <= 0 || !esc_source_facts(p.file).marker)
		return false;
	char *text = esc_source_line(p.file, p.line);
	if (!text)
		return false;
	const char *at = strstr(text, "escape:ignore");
	bool ignored = false;
	if (at) {
		const char *rest = at + strlen("escape:ignore");
		while (*rest == ' ')
			rest++;
		ignored = strncmp(rest, "escape-", 7) != 0 || strstr(rest, id);
	}
	free(text);
	return ignored;
}

/* The sink of a flow, as a warning kind and its kill; false for no warning. */
static bool classify(const struct esc_flow *f, int *kind, struct kill *k)
{
	if (!f->nsteps)
		return false;
	const struct esc_step *s = &f->steps[f->nsteps - 1];
	gimple *origin = (gimple *)s->origin;
	memset(k, 0, sizeof *k);
	k->origin = origin;

	switch (s->kind) {
	case ESC_STEP_RETURN:
		*kind = ESC_WARN_RETURN;
		return true;
	case ESC_STEP_STORE_GLOBAL:
	case ESC_STEP_STORE_PTR: {
		*kind = s->kind == ESC_STEP_STORE_GLOBAL ? ESC_WARN_GLOBAL
							 : ESC_WARN_CALLER;
		tree lhs = origin ? gimple_get_lhs(origin) : NULL_TREE;
		if (lhs && TREE_CODE(lhs) != SSA_NAME) {
			k->kind = KILL_STORE;
			k->mem = lhs;
		}
		return origin != NULL;
	}
	case ESC_STEP_ARG_THREAD:
		*kind = ESC_WARN_THREAD;
		if (origin && is_gimple_call(origin) &&
		    gimple_call_num_args(origin) >= 1) {
			tree t = source_of(gimple_call_arg(origin, 0));
			if (t && TREE_CODE(t) == ADDR_EXPR) {
				k->kind = KILL_JOIN;
				k->handle = get_base_address(TREE_OPERAND(t, 0));
			}
		}
		return origin != NULL;
	case ESC_STEP_ARG_RULE:
		*kind = ESC_WARN_KEPT;
		if (origin && is_gimple_call(origin) && s->what &&
		    (!strcmp(s->what, "fmemopen") ||
		     !strcmp(s->what, "open_memstream")) &&
		    gimple_call_lhs(origin)) {
			/* a memory stream keeps its buffer until fclose */
			k->kind = KILL_RELEASE;
			k->callee = s->what;
			k->handle = gimple_call_lhs(origin);
		} else if (origin && is_gimple_call(origin) && s->arg > 1 &&
			   s->what && gimple_call_num_args(origin) >= 1) {
			k->kind = KILL_RELEASE;
			k->callee = s->what;
			k->handle = gimple_call_arg(origin, 0);
		}
		return origin != NULL;
	case ESC_STEP_ARG_SUMMARY:
		*kind = ESC_WARN_KEPT;
		if (s->assumed)
			return false;
		if (origin && is_gimple_call(origin)) {
			k->kind = KILL_SUMMARY;
			k->keeper = gimple_call_fndecl(origin);
		}
		return origin != NULL;
	case ESC_STEP_ARG_UNKNOWN:
	case ESC_STEP_ARG_INDIRECT:
		*kind = ESC_WARN_UNKNOWN;
		return origin && !s->assumed;
	default:
		return false;
	}
}

static char *message(int kind, const char *obj, const char *fn,
		     const struct esc_step *sink)
{
	const char *id = esc_warn_id(kind);
	const char *what = sink->what ? sink->what : "?";
	switch (kind) {
	case ESC_WARN_RETURN:
		return xasprintf("address of '%s' is returned from '%s', whose frame "
				 "it lives in [%s]", obj, fn, id);
	case ESC_WARN_GLOBAL:
		return xasprintf("address of '%s' is left in global '%s' when '%s' "
				 "returns [%s]", obj, what, fn, id);
	case ESC_WARN_CALLER:
		return xasprintf("address of '%s' is left in memory outside '%s' "
				 "when it returns [%s]", obj, fn, id);
	case ESC_WARN_KEPT:
		return xasprintf("address of '%s' is kept by '%s' after '%s' "
				 "returns [%s]", obj, what, fn, id);
	case ESC_WARN_THREAD:
		return xasprintf("address of '%s' is handed to a thread that '%s' "
				 "does not join before it returns [%s]", obj, fn, id);
	default:
		return xasprintf("address of '%s' is given as 'void *' to '%s' (no "
				 "body, no rule), which may keep it after '%s' "
				 "returns [%s]", obj, what, fn, id);
	}
}

void esc_check_dangling(function *fun, struct esc_func_report *r)
{
	memo m;
	fn_index *x = NULL;
	int unchecked = 0;

	answers = &m;
	/* one warning per object, warning kind and sink */
	for (int w = 0; w < r->nwarnings; w++) {
		mkey key = { 300, r->warnings[w].object, esc_warn_id(esc_warn_by_id(
				     r->warnings[w].id)), NULL, NULL, NULL,
			     (long)r->warnings[w].sink.handle };
		if (!m.find(key))
			m.add(key, 1, 0);
	}
	for (int li = 0; li < r->nlocals; li++) {
		const struct esc_local_report *l = &r->locals[li];
		for (int si = 0; si < l->nsites; si++) {
			const struct esc_flow *f = &l->sites[si].flow;
			struct kill k;
			int kind;
			if (!classify(f, &kind, &k) ||
			    !(esc_warn_enabled & (1u << kind)))
				continue;
			const struct esc_step *sink = &f->steps[f->nsteps - 1];
			if (kind != ESC_WARN_RETURN) {
				if (!x) {
					x = new fn_index;
					index_function(x, fun);
				}
				/* the safety valve: a function too costly to
				   check has the rest of its sites left out */
				if (x->work > ESC_DANGLE_BUDGET) {
					unchecked++;
					continue;
				}
				if (!dangles(x, &k, (location_t)l->pos.handle))
					continue;
			}

			mkey key = { 300, l->name, esc_warn_id(kind), NULL, NULL,
				     NULL, (long)sink->pos.handle };
			if (m.find(key))
				continue;
			m.add(key, 1, 0);

			struct esc_warning w;
			char *text = message(kind, l->name, r->name, sink);
			w.id = esc_warn_id(kind);
			w.object = l->name;
			w.pos = l->sites[si].pos;
			w.sink = sink->pos;
			w.message = text;
			w.flow = f;
			w.suppressed = ignored_at(w.pos, w.id) ||
				       ignored_at(w.sink, w.id);
			esc_report_warning(r, &w);
			free(text);
		}
	}
	if (unchecked && !in_system_header_at((location_t)r->pos.handle))
		inform((location_t)r->pos.handle,
		       "escape: %d escaping addresses in %qs were not checked for "
		       "dangling: the check of this function is over its budget",
		       unchecked, r->name);
	if (x) {
		index_free(x);
		delete x;
	}
	answers = NULL;
}

/* Parameters declared noescape that the body lets reach the heap. */
void esc_check_noescape(tree fndecl, struct esc_func_report *r)
{
	if (!(esc_warn_enabled & (1u << ESC_WARN_NOESCAPE)))
		return;
	int i = 0;
	for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p), i++) {
		if (!lookup_attribute("noescape", TYPE_ATTRIBUTES(TREE_TYPE(p))))
			continue;
		for (int k = 0; k < r->nparams; k++) {
			struct esc_param_report *pr = &r->params[k];
			if (pr->index != i || pr->leaks_to_heap < 0)
				continue;
			struct esc_warning w;
			const struct esc_flow *f = &pr->heap_flow;
			memset(&w, 0, sizeof w);
			w.id = esc_warn_id(ESC_WARN_NOESCAPE);
			w.object = pr->name;
			w.pos = pr->pos;
			w.sink = f->nsteps ? f->steps[f->nsteps - 1].pos : pr->pos;
			char *text = xasprintf("parameter '%s' of '%s' is declared "
					       "noescape but escapes [%s]", pr->name,
					       r->name, w.id);
			w.message = text;
			w.flow = f;
			w.suppressed = ignored_at(w.pos, w.id) ||
				       ignored_at(w.sink, w.id);
			esc_report_warning(r, &w);
			free(text);
		}
	}
}
