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
 *                   function (its summary): killed by calling the same
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
 * pthread_create or setvbuf) holds no address.
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

#include "tree-pass.h"
#include "ssa.h"
#include "gimple-iterator.h"
#include "tree-cfg.h"
#include "attribs.h"
#include "input.h"

unsigned esc_dangling_rules = ~0u;

static const char *const rule_ids[ESC_RULE__COUNT] = {
	"escape-return", "escape-global", "escape-caller",
	"escape-kept",   "escape-thread", "escape-unknown",
	"escape-noescape",
};

const char *esc_rule_id(int rule)
{
	return rule >= 0 && rule < ESC_RULE__COUNT ? rule_ids[rule] : "?";
}

int esc_rule_by_id(const char *id)
{
	for (int i = 0; i < ESC_RULE__COUNT; i++)
		if (!strcmp(id, rule_ids[i]))
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

/* The globals a same-file function stores to (one level: its own body). */
static bool stores_global(tree fndecl, tree global)
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

/* Does keeper store to a global that other also stores to? */
static bool shares_global(tree keeper, tree other)
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
		if (!n || strcmp(n, "pthread_join") || gimple_call_num_args(s) < 1)
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
			       !strcmp(k->callee, "setbuf"));
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
	gimple *last = last_stmt(e->src);
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
	return (code == NE_EXPR && (e->flags & EDGE_TRUE_VALUE)) ||
	       (code == EQ_EXPR && (e->flags & EDGE_FALSE_VALUE));
}

/* Is there a path from k->origin to the end of the object's life on
   which nothing kills the sink? */
static bool dangles(function *fun, const struct kill *k, location_t decl_loc,
		    const struct cycles *cy)
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
		if (c != cy->comp[start->index] && bitmap_bit_p(killing, c))
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

/* Is argument argno (1-based) of call s declared as a non-const void *? */
static bool void_pointer_param(gimple *s, int argno)
{
	tree fntype = is_gimple_call(s) ? gimple_call_fntype(as_a<gcall *>(s)) : NULL;
	if (!fntype || argno < 1)
		return false;
	tree a = TYPE_ARG_TYPES(fntype);
	for (int i = 1; a && i < argno; i++)
		a = TREE_CHAIN(a);
	if (!a || TREE_VALUE(a) == void_type_node)
		return false;
	tree t = TREE_VALUE(a);
	return POINTER_TYPE_P(t) && VOID_TYPE_P(TREE_TYPE(t)) &&
	       !TYPE_READONLY(TREE_TYPE(t));
}

/* "escape:ignore" (optionally with rule ids) on the line of p? */
static bool ignored_at(struct esc_pos p, const char *rule)
{
	if (!p.file || p.line <= 0)
		return false;
	char_span line = location_get_source_line(p.file, p.line);
	if (!line)
		return false;
	char *text = line.xstrdup();
	const char *at = strstr(text, "escape:ignore");
	bool ignored = false;
	if (at) {
		const char *rest = at + strlen("escape:ignore");
		while (*rest == ' ')
			rest++;
		ignored = strncmp(rest, "escape-", 7) != 0 || strstr(rest, rule);
	}
	free(text);
	return ignored;
}

/* The sink of a flow, as a rule and its kill; false for no warning. */
static bool classify(const struct esc_flow *f, int *rule, struct kill *k)
{
	if (!f->nsteps)
		return false;
	const struct esc_step *s = &f->steps[f->nsteps - 1];
	gimple *origin = (gimple *)s->origin;
	memset(k, 0, sizeof *k);
	k->origin = origin;

	switch (s->kind) {
	case ESC_STEP_RETURN:
		*rule = ESC_RULE_RETURN;
		return true;
	case ESC_STEP_STORE_GLOBAL:
	case ESC_STEP_STORE_PTR: {
		*rule = s->kind == ESC_STEP_STORE_GLOBAL ? ESC_RULE_GLOBAL
							 : ESC_RULE_CALLER;
		tree lhs = origin ? gimple_get_lhs(origin) : NULL_TREE;
		if (lhs && TREE_CODE(lhs) != SSA_NAME) {
			k->kind = KILL_STORE;
			k->mem = lhs;
		}
		return origin != NULL;
	}
	case ESC_STEP_ARG_THREAD:
		*rule = ESC_RULE_THREAD;
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
		*rule = ESC_RULE_KEPT;
		if (origin && is_gimple_call(origin) && s->arg > 1 && s->what &&
		    gimple_call_num_args(origin) >= 1) {
			k->kind = KILL_RELEASE;
			k->callee = s->what;
			k->handle = gimple_call_arg(origin, 0);
		}
		return origin != NULL;
	case ESC_STEP_ARG_SUMMARY:
		*rule = ESC_RULE_KEPT;
		if (origin && is_gimple_call(origin)) {
			k->kind = KILL_SUMMARY;
			k->keeper = gimple_call_fndecl(origin);
		}
		return origin != NULL;
	case ESC_STEP_ARG_UNKNOWN:
	case ESC_STEP_ARG_INDIRECT:
		*rule = ESC_RULE_UNKNOWN;
		return origin && void_pointer_param(origin, s->arg);
	default:
		return false;
	}
}

static char *message(int rule, const char *obj, const char *fn,
		     const struct esc_step *sink)
{
	const char *id = esc_rule_id(rule);
	const char *what = sink->what ? sink->what : "?";
	switch (rule) {
	case ESC_RULE_RETURN:
		return xasprintf("address of '%s' is returned from '%s', whose frame "
				 "it lives in [%s]", obj, fn, id);
	case ESC_RULE_GLOBAL:
		return xasprintf("address of '%s' is left in global '%s' when '%s' "
				 "returns [%s]", obj, what, fn, id);
	case ESC_RULE_CALLER:
		return xasprintf("address of '%s' is left in memory outside '%s' "
				 "when it returns [%s]", obj, fn, id);
	case ESC_RULE_KEPT:
		return xasprintf("address of '%s' is kept by '%s' after '%s' "
				 "returns [%s]", obj, what, fn, id);
	case ESC_RULE_THREAD:
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
	struct cycles cy = { NULL, NULL };

	for (int li = 0; li < r->nlocals; li++) {
		const struct esc_local_report *l = &r->locals[li];
		for (int si = 0; si < l->nsites; si++) {
			const struct esc_flow *f = &l->sites[si].flow;
			struct kill k;
			int rule;
			if (!classify(f, &rule, &k) ||
			    !(esc_dangling_rules & (1u << rule)))
				continue;
			const struct esc_step *sink = &f->steps[f->nsteps - 1];
			if (rule != ESC_RULE_RETURN) {
				if (!cy.comp)
					find_cycles(fun, &cy);
				if (!dangles(fun, &k, (location_t)l->pos.loc, &cy))
					continue;
			}

			/* one warning per object, rule and sink */
			bool dup = false;
			for (int w = 0; w < r->nwarnings; w++)
				dup |= r->warnings[w].object == l->name &&
				       !strcmp(r->warnings[w].rule, esc_rule_id(rule)) &&
				       r->warnings[w].sink.loc == sink->pos.loc;
			if (dup)
				continue;

			struct esc_warning w;
			char *text = message(rule, l->name, r->name, sink);
			w.rule = esc_rule_id(rule);
			w.object = l->name;
			w.pos = l->sites[si].pos;
			w.sink = sink->pos;
			w.message = text;
			w.flow = f;
			w.suppressed = ignored_at(w.pos, w.rule) ||
				       ignored_at(w.sink, w.rule);
			esc_report_warning(r, &w);
			free(text);
		}
	}
	free(cy.comp);
	free(cy.cyclic);
}

/* Parameters declared noescape that the body lets reach the heap. */
void esc_check_noescape(tree fndecl, struct esc_func_report *r)
{
	if (!(esc_dangling_rules & (1u << ESC_RULE_NOESCAPE)))
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
			w.rule = esc_rule_id(ESC_RULE_NOESCAPE);
			w.object = pr->name;
			w.pos = pr->pos;
			w.sink = f->nsteps ? f->steps[f->nsteps - 1].pos : pr->pos;
			char *text = xasprintf("parameter '%s' of '%s' is declared "
					       "noescape but escapes [%s]", pr->name,
					       r->name, w.rule);
			w.message = text;
			w.flow = f;
			w.suppressed = ignored_at(w.pos, w.rule) ||
				       ignored_at(w.sink, w.rule);
			esc_report_warning(r, &w);
			free(text);
		}
	}
}
