/*
 * call.cc - calls -> the escape graph (Go's escape/call.go).
 *
 * What a call does with its arguments is decided by the first of these
 * that knows the callee:
 *
 *   1. a function of this unit (but not a library function's inline
 *      wrapper that has a rule), in the component being analysed: its
 *      arguments flow into its parameters, its result into the call's
 *      value (one graph for the whole component).  An OpenMP region is
 *      the call body (data) of the body GCC outlined: GOMP_parallel
 *      (body, data, ...) and its loop, sections and reductions forms,
 *      GOMP_teams_reg, GOMP_task, GOMP_taskloop, and GOMP_target_ext
 *      (dev, body, n, hostaddrs, ...) as the host runs it.  The team is
 *      joined before GOMP_parallel returns, a target region ends before
 *      GOMP_target_ext does (with nowait, it is a task), and a task ends
 *      at the latest at the barrier that closes its region; so a task
 *      started by a function called inside a region and never waited for,
 *      which may outlive that function's frame, is not seen.  plugin.cc
 *      puts the outlined body in the component of the function it came
 *      from, so that flows through it read as the user wrote them;
 *   2. a function of this unit already finished: its summary, as Go uses
 *      parameter tags - argument i reaches the heap with heap[i] derefs
 *      and the call's value with result[i] derefs;
 *   3. GCC builtins the model needs to see through: alloca and VLAs
 *      (stack objects), va_start / va_arg / va_copy, __builtin_expect and
 *      friends, the __atomic and __sync families (stores through their
 *      first argument);
 *   4. a rule (rules.c), looked up by name with any __builtin_ prefix
 *      dropped;
 *   5. a function of another unit, by its linked summary (summaries=FILE,
 *      written by escape-report --summaries from a build's reports), if
 *      its parameters' types and its source file are those the summary
 *      was made of (esc_summaries_find);
 *   6. what GCC itself knows: the builtin's fnspec (no-escape arguments,
 *      returned argument, malloc-like result), const and pure functions
 *      (they store nothing), the malloc attribute;
 *   7. nothing: an unknown function keeps every argument that can carry
 *      an address ("no body, no rule"), and so does an indirect call.
 *      Unless the call is direct and the parameter a void * (a context
 *      pointer, made to be kept), that keeping is assumed, not seen
 *      (esc_step.assumed): an escape for Go's model, no dangling
 *      warning.
 *
 * The value of a call of an unknown function may come from anywhere: it
 * also receives the unknown location; so does a summarised function's,
 * unless its summary says its result holds only what its arguments gave
 * it.
 */
#include "adapter.h"

/* The name a rule is looked up by. */
static const char *callee_name(tree fndecl)
{
	if (!DECL_NAME(fndecl))
		return NULL;
	const char *n = IDENTIFIER_POINTER(DECL_NAME(fndecl));
	if (!strncmp(n, "__builtin_", 10) && n[10])
		n += 10;
	return n;
}

/* The call's arguments, plus, with index nargs, the caller's own "..."
   when the call forwards them with __builtin_va_arg_pack (), or else the
   static chain of a call to a nested function (its parent's frame; the
   callee has it as its last parameter, see esc_declare_function). */
static int arg_count(struct esc_ctx *c, gcall *call)
{
	int n = (int)gimple_call_num_args(call);
	if (gimple_call_va_arg_pack_p(call) ? c->fn->varargs >= 0
					     : gimple_call_chain(call) != NULL)
		n++;
	return n;
}

/* Argument i as a tree: the static chain for index nargs, or NULL. */
static tree call_arg(gcall *call, int i)
{
	int n = (int)gimple_call_num_args(call);
	if (i >= 0 && i < n)
		return gimple_call_arg(call, i);
	if (i == n && !gimple_call_va_arg_pack_p(call))
		return gimple_call_chain(call);
	return NULL_TREE;
}

static bool arg_may_hold_address(gcall *call, int i)
{
	if (i >= (int)gimple_call_num_args(call))
		return true;
	return esc_may_hold_address(TREE_TYPE(gimple_call_arg(call, i)));
}

/* k receives argument i. */
static void arg_into(struct esc_ctx *c, gcall *call, int i, struct esc_hole k)
{
	tree a = call_arg(call, i);
	/* teardown: a keeper of the pointer itself, which the function
	   releases before it returns, keeps no address that is in it */
	if (a && k.kind == HOLE_LOC && k.loc == ESC_HEAP && k.derefs == 0 &&
	    !k.why.assumed && k.why.kind != ESC_STEP_ARG_THREAD &&
	    esc_released_after(c, a))
		k.why.assumed = ESC_ASSUMED_TORN_DOWN;
	if (a)
		esc_expr(c, k, a);
	else
		esc_flow_to_hole(c, k, c->fn->varargs, 0);
}

/* Argument i's number in a step: i + 1, or ESC_ARG_CHAIN for the static
   chain (see arg_count). */
static int arg_number(gcall *call, int i)
{
	if (i == (int)gimple_call_num_args(call) &&
	    !gimple_call_va_arg_pack_p(call) && gimple_call_chain(call))
		return ESC_ARG_CHAIN;
	return i + 1;
}

static struct esc_hole heap_hole(struct esc_ctx *c, gcall *call,
				 enum esc_step_kind kind, const char *what,
				 int i, int derefs)
{
	return esc_hole_to(ESC_HEAP, derefs,
			   esc_step_at(kind, c->stmt_loc, what,
				       arg_number(call, i)));
}

/* Is argument i (0-based) of the call declared as a non-const void *? */
static bool void_pointer_param(gcall *call, int i)
{
	tree fntype = gimple_call_fntype(call);
	if (!fntype)
		return false;
	tree a = TYPE_ARG_TYPES(fntype);
	for (int k = 0; a && k < i; k++)
		a = TREE_CHAIN(a);
	if (!a || TREE_VALUE(a) == void_type_node)
		return false;
	tree t = TREE_VALUE(a);
	return POINTER_TYPE_P(t) && VOID_TYPE_P(TREE_TYPE(t)) &&
	       !TYPE_READONLY(TREE_TYPE(t));
}

/* The heap, as argument i of a function nothing is known of (kind:
   ESC_STEP_ARG_UNKNOWN or ESC_STEP_ARG_INDIRECT).  Assumed, unless a
   direct callee declares it void *: an API that takes a context pointer
   may keep it (register_callback(fn, ctx)), while what a function
   pointer is called with, its own void * context included (retry(op,
   arg) calling op(arg)), is most often used and let go. */
static struct esc_hole unknown_hole(struct esc_ctx *c, gcall *call,
				    enum esc_step_kind kind, const char *what,
				    int i)
{
	struct esc_hole k = heap_hole(c, call, kind, what, i, 0);
	k.why.assumed = kind == ESC_STEP_ARG_INDIRECT ||
			!void_pointer_param(call, i);
	return k;
}

/* The hole of the call's value, or HOLE_NONE. */
static struct esc_hole value_hole(struct esc_ctx *c, gcall *call,
				  enum esc_step_kind kind, const char *what,
				  int i)
{
	tree lhs = gimple_call_lhs(call);
	struct esc_hole k;
	if (!lhs || !esc_may_hold_address(TREE_TYPE(lhs))) {
		k.kind = HOLE_NONE;
		return k;
	}
	k = esc_lvalue_hole(c, lhs);
	if (k.kind == HOLE_NONE)
		return k;
	struct esc_step why = esc_step_at(kind, c->stmt_loc, what,
					  i >= 0 ? arg_number(call, i) : 0);
	location_t at = esc_assign_location(c->stmt_loc);
	if (at != c->stmt_loc) {
		/* an arm of a conditional assignment (x = c ? f() : y): the
		   call's value goes to a value of its own, at the call, and
		   that to lhs, at the assignment, whether lhs is x (GCC 15
		   and later) or a temporary (before) */
		int v = esc_loc_new(c->g, ESC_LOC_VALUE, c->fn->gfunc, "_call",
				    esc_pos_of(c->stmt_loc));
		k.why = esc_step_at(ESC_STEP_ASSIGN, at, NULL, 0);
		if (k.kind == HOLE_STORE)
			k.why.kind = ESC_STEP_STORE_PTR;
		esc_flow_to_hole(c, k, v, 0);
		return esc_hole_to(v, 0, why);
	}
	k.why = why;
	if (k.kind == HOLE_STORE)
		k.why.kind = ESC_STEP_STORE_PTR;
	return k;
}

static void value_unknown(struct esc_ctx *c, gcall *call)
{
	esc_flow_to_hole(c, value_hole(c, call, ESC_STEP_ASSIGN, NULL, -1),
			 ESC_UNKNOWN, 0);
}

/* A new object made by the call (heap allocation or alloca area): the
   call's value is its address. */
static int new_object(struct esc_ctx *c, gcall *call, enum esc_loc_kind kind,
		      enum esc_obj_kind obj, const char *name)
{
	int l = esc_object_new(c->g, kind, obj, c->fn->gfunc, name,
			       esc_pos_of(c->stmt_loc));
	esc_flow_to_hole(c, value_hole(c, call, ESC_STEP_ASSIGN, NULL, -1), l,
			 -1);
	return l;
}

/* 1. A function of the component being analysed.  Its parameter i gets
   the call's argument i + first: first is 0, or, for an OpenMP region's
   body, the argument of its data (GOMP_parallel's second), which is then
   the only argument; the region's result is not the call's value. */
static bool is_va_list(tree t);
static int own_param(struct esc_ctx *c, tree t);
static const char *literal_string(tree t);

/* The call hands a va_list to callee, a function of the component
   (esc_vaarg_format_in). */
static void vaarg_handed_in(struct esc_ctx *c, gcall *call, int callee)
{
	int n = (int)gimple_call_num_args(call);
	int params[ESC_VFMT_ARGS];
	if (gimple_call_va_arg_pack_p(call))
		esc_vaarg_format(c->g, c->fn->gfunc, -1, NULL);
	for (int i = 0; i < n; i++)
		if (is_va_list(TREE_TYPE(gimple_call_arg(call, i)))) {
			for (int k = 0; k < ESC_VFMT_ARGS; k++)
				params[k] = k < n ? own_param(c,
					gimple_call_arg(call, k)) : -1;
			esc_vaarg_format_in(c->g, c->fn->gfunc, callee, params,
					    ESC_VFMT_ARGS);
			return;
		}
}

static void call_in_component(struct esc_ctx *c, gcall *call,
			      struct esc_fn *f, const char *name, int first)
{
	int n = first ? 1 : arg_count(c, call);
	/* the literal format of a printf-style member (esc_fn.fmt_keep) */
	const char *fmt = !first && f->fmt_keep && f->fmt_param < n
		? literal_string(gimple_call_arg(call, f->fmt_param)) : NULL;
	for (int i = 0; i < n; i++) {
		int p = i < f->nparams ? f->params[i] : f->varargs;
		if (p < 0 || !arg_may_hold_address(call, i + first))
			continue;
		struct esc_hole k = esc_hole_to(p, 0,
			esc_step_at(ESC_STEP_ARG, c->stmt_loc, name,
				    first ? i + 1 : arg_number(call, i)));
		k.fpres = 1; /* the parameter points where the argument does */
		/* a variadic argument its format only reads: what the
		   member does with it is assumed */
		if (fmt && i >= f->nparams && p == f->varargs &&
		    !esc_format_arg(fmt, i - f->nparams, f->fmt_keep))
			k.why.assumed = 1;
		arg_into(c, call, i + first, k);
	}
	if (!first) {
		struct esc_hole vk = value_hole(c, call, ESC_STEP_CALL_RESULT,
						name, -1);
		/* released on every path after the call, or null there:
		   the sinks walk's teardown of what the member stores
		   into the memory it returns (esc_step.into_result) */
		tree lhs = gimple_call_lhs(call);
		if (vk.kind != HOLE_NONE && lhs && TREE_CODE(lhs) == SSA_NAME &&
		    POINTER_TYPE_P(TREE_TYPE(lhs)) && esc_released_after(c, lhs))
			vk.why.into_result = 1;
		esc_flow_to_hole(c, vk, esc_func_result(c->g, f->gfunc), 0);
	}
	vaarg_handed_in(c, call, f->gfunc);
}

/* The key of a va_arg read of type t or of a variadic argument of type
   t (esc_vaarg_value): what a pointer points to, its main variant, the
   character types as one; 0 (any) for void *, a pointer to pointer, or
   anything else. */
static uintptr_t vaarg_key(tree t)
{
	if (!t || !POINTER_TYPE_P(t))
		return 0;
	tree p = TYPE_MAIN_VARIANT(TREE_TYPE(t));
	if (RECORD_OR_UNION_TYPE_P(p))
		return (uintptr_t)p;
	if (TREE_CODE(p) == INTEGER_TYPE &&
	    TYPE_PRECISION(p) == TYPE_PRECISION(char_type_node))
		return (uintptr_t)char_type_node;
	if (TREE_CODE(p) == INTEGER_TYPE || TREE_CODE(p) == REAL_TYPE)
		return (uintptr_t)p;
	return 0;
}

/* Is t a va_list, a pointer to one, or what one decays to as an
   argument (x86-64: struct __va_list_tag[1] and its element's pointer)? */
static bool is_va_list(tree t)
{
	tree v = va_list_type_node;
	if (!t || !v)
		return false;
	v = TYPE_MAIN_VARIANT(v);
	tree e = TREE_CODE(v) == ARRAY_TYPE ? TYPE_MAIN_VARIANT(TREE_TYPE(v))
					    : NULL_TREE;
	for (int k = 0; k < 2 && t; k++) {
		tree m = TYPE_MAIN_VARIANT(t);
		if (m == v || (e && m == e))
			return true;
		t = POINTER_TYPE_P(t) ? TREE_TYPE(t) : NULL_TREE;
	}
	return false;
}

/* The parameter (0-based) of c's function that t is as it came in, or
   -1. */
static int param_of(tree fndecl, tree t)
{
	if (TREE_CODE(t) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF(t))
		t = SSA_NAME_VAR(t);
	if (!t || TREE_CODE(t) != PARM_DECL)
		return -1;
	int i = 0;
	for (tree a = DECL_ARGUMENTS(fndecl); a; a = DECL_CHAIN(a), i++)
		if (a == t)
			return i;
	return -1;
}

static int own_param(struct esc_ctx *c, tree t)
{
	return param_of(c->fun->decl, t);
}

bool esc_takes_varargs(tree fndecl)
{
	if (stdarg_p(TREE_TYPE(fndecl)))
		return true;
	for (tree a = DECL_ARGUMENTS(fndecl); a; a = DECL_CHAIN(a))
		if (is_va_list(TREE_TYPE(a)))
			return true;
	return false;
}

/* The first va_list argument of call, or -1. */
static int va_list_arg(gcall *call)
{
	for (unsigned i = 0; i < gimple_call_num_args(call); i++)
		if (is_va_list(TREE_TYPE(gimple_call_arg(call, i))))
			return (int)i;
	return -1;
}

void esc_component_formats(struct esc_unit *u, const int *members, int n)
{
	auto_vec<struct esc_vfmt> v;
	int *fp = XNEWVEC(int, n);
	const char **fk = XNEWVEC(const char *, n);
	bool bad = false, variadic = false;
	for (int i = 0; i < n; i++)
		variadic |= stdarg_p(TREE_TYPE(u->fns[members[i]].node->decl));
	for (int i = 0; i < n; i++) {
		struct esc_fn *fn = &u->fns[members[i]];
		tree d = fn->node->decl;
		const struct esc_rule *r = variadic && u->rules && DECL_NAME(d) &&
			esc_takes_varargs(d)
			? esc_rules_format(u->rules, IDENTIFIER_POINTER(DECL_NAME(d)))
			: NULL;
		fn->fmt_keep = NULL;
		fp[i] = r ? r->fmt_param : -1;
		fk[i] = r ? r->fmt_keep : NULL;
	}
	/* only a call of a variadic member reads them */
	for (int i = 0; i < n && !bad && variadic; i++) {
		tree d = u->fns[members[i]].node->decl;
		function *fun = DECL_STRUCT_FUNCTION(d);
		basic_block bb;
		if (!fun || !fun->cfg)
			continue;
		FOR_EACH_BB_FN(bb, fun)
			for (gimple_stmt_iterator gsi = gsi_start_bb(bb);
			     !gsi_end_p(gsi); gsi_next(&gsi)) {
				gcall *call = dyn_cast<gcall *>(gsi_stmt(gsi));
				if (!call)
					continue;
				/* a va_arg read of a function without a
				   format: what it keeps is not known here */
				if (gimple_call_internal_p(call)) {
					if (gimple_call_internal_fn(call) == IFN_VA_ARG &&
					    !fk[i])
						bad = true;
					continue;
				}
				tree cd = gimple_call_fndecl(call);
				int a = va_list_arg(call);
				if (a < 0 && !gimple_call_va_arg_pack_p(call))
					continue;
				struct esc_vfmt h;
				memset(&h, 0, sizeof h);
				h.func = i;
				h.param = -1;
				h.callee = -1;
				/* va_start into the frame's own va_list, va_end,
				   va_copy: no hand-off (call_builtin) */
				if (cd && fndecl_built_in_p(cd, BUILT_IN_NORMAL)) {
					enum built_in_function b = DECL_FUNCTION_CODE(cd);
					if (b == BUILT_IN_VA_END || b == BUILT_IN_VA_COPY ||
					    (b == BUILT_IN_VA_START &&
					     gimple_call_num_args(call) > 0 &&
					     TREE_CODE(gimple_call_arg(call, 0)) == ADDR_EXPR))
						continue;
				}
				cgraph_node *node = cd ? cgraph_node::get(cd) : NULL;
				int *idx = node && !gimple_call_va_arg_pack_p(call)
					? u->fn_index->get(node->ultimate_alias_target()->decl)
					: NULL;
				struct esc_fn *f = idx ? &u->fns[*idx] : NULL;
				const struct esc_summary *sum = f ? f->summary : NULL;
				const struct esc_rule *r = cd && !f && u->rules
					? esc_rules_find(u->rules, callee_name(cd)) : NULL;
				int nargs = (int)gimple_call_num_args(call);
				if (f && f->comp == u->cur_comp) {
					for (int k = 0; k < n; k++)
						if (members[k] == *idx)
							h.callee = k;
					for (int k = 0; k < ESC_VFMT_ARGS; k++)
						h.params[k] = k < nargs ? param_of(d,
							gimple_call_arg(call, k)) : -1;
					if (h.callee < 0)
						h.params[0] = -1, h.callee = -1;
				} else if ((sum && sum->fmt_keep) || (r && r->fmt_keep)) {
					int q = sum ? sum->fmt_param : r->fmt_param;
					h.keep = sum ? sum->fmt_keep : r->fmt_keep;
					h.param = q < nargs ? param_of(d,
						gimple_call_arg(call, q)) : -1;
				}
				v.safe_push(h);
			}
	}
	if (!bad && variadic) {
		esc_formats_solve(v.address(), (int)v.length(), n, fp, fk);
		for (int i = 0; i < n; i++) {
			struct esc_fn *fn = &u->fns[members[i]];
			if (fk[i] && fp[i] >= 0 && fp[i] < fn->nparams) {
				fn->fmt_param = fp[i];
				fn->fmt_keep = fk[i];
			}
		}
	}
	XDELETEVEC(fp);
	XDELETEVEC(fk);
}

/* The call hands a va_list (or its caller's "...") to a callee of
   summary sum, or, with sum NULL, to one the graph cannot follow (whose
   rule r may say what it keeps of them by a format: esc_vaarg_format). */
static void vaarg_handed(struct esc_ctx *c, gcall *call,
			 const struct esc_summary *sum,
			 const struct esc_rule *r = NULL)
{
	int n = (int)gimple_call_num_args(call);
	const char *keep = sum ? sum->fmt_keep : r ? r->fmt_keep : NULL;
	int fp = sum ? sum->fmt_param : r ? r->fmt_param : -1;
	if (gimple_call_va_arg_pack_p(call)) {
		esc_vaarg_callee(c->g, NULL);
		esc_vaarg_format(c->g, c->fn->gfunc, -1, NULL);
	}
	for (int i = 0; i < n; i++)
		if (is_va_list(TREE_TYPE(gimple_call_arg(call, i)))) {
			esc_vaarg_callee(c->g, sum);
			esc_vaarg_format(c->g, c->fn->gfunc, keep && fp >= 0 &&
					 fp < n ? own_param(c, gimple_call_arg(call, fp))
					 : -1, keep);
		}
}

/* The string literal t points to the start of (through one copy), or
   NULL. */
static const char *literal_string(tree t)
{
	STRIP_NOPS(t);
	if (TREE_CODE(t) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(t) &&
	    gimple_assign_single_p(SSA_NAME_DEF_STMT(t))) {
		t = gimple_assign_rhs1(SSA_NAME_DEF_STMT(t));
		STRIP_NOPS(t);
	}
	if (TREE_CODE(t) != ADDR_EXPR)
		return NULL;
	t = TREE_OPERAND(t, 0);
	if (TREE_CODE(t) == ARRAY_REF && integer_zerop(TREE_OPERAND(t, 1)))
		t = TREE_OPERAND(t, 0);
	if (TREE_CODE(t) != STRING_CST || !TREE_TYPE(t) ||
	    TREE_CODE(TREE_TYPE(t)) != ARRAY_TYPE ||
	    TYPE_PRECISION(TREE_TYPE(TREE_TYPE(t))) !=
	    TYPE_PRECISION(char_type_node))
		return NULL;
	const char *p = TREE_STRING_POINTER(t);
	return memchr(p, 0, (size_t)TREE_STRING_LENGTH(t)) ? p : NULL;
}

/* May the callee keep variadic argument i of call, by the literal
   format it is given (esc_summary_fmt)? */
static bool fmt_keeps(gcall *call, const struct esc_summary *sum, int i)
{
	int n = (int)gimple_call_num_args(call);
	if (!sum->fmt_keep || sum->fmt_param >= n || i < sum->nparams)
		return true;
	return esc_summary_fmt(sum, literal_string(gimple_call_arg(call,
				sum->fmt_param)), i - sum->nparams);
}

/*
 * Constant selectors.  A variadic function that reads its arguments by
 * the value of a parameter (sqlite3_db_config (db, op, ...): switch (op))
 * says, per va_arg read it keeps, under which constants of that
 * parameter the read happens (esc_vaarg_when); a call whose argument
 * there is a constant, or a value a dominating test or case fixes,
 * keeps its variadic arguments only if that constant is one of them.
 */

/* An integer copy's source: an SSA name or a constant. */
static bool int_copy(tree r)
{
	return (TREE_CODE(r) == SSA_NAME || TREE_CODE(r) == INTEGER_CST) &&
	       INTEGRAL_TYPE_P(TREE_TYPE(r));
}

/* t without integer conversions and copies. */
static tree int_source(tree t)
{
	return esc_copied_value(t, int_copy);
}

#define ESC_WHEN_MAX 64

/* The constants that edge e (into a block it alone enters) fixes
   source value v to (at most ESC_WHEN_MAX, in vals): a case of a switch
   on v that is not the default's, the true edge of v == C, the false
   edge of v != C.  Returns how many, 0 for none. */
static int edge_fixes(function *fun, edge e, tree v, long long *vals)
{
	gimple *last = esc_last_stmt(e->src);
	if (!last)
		return 0;
	if (gimple_code(last) == GIMPLE_COND) {
		gcond *cond = as_a<gcond *>(last);
		enum tree_code code = gimple_cond_code(cond);
		tree l = int_source(gimple_cond_lhs(cond));
		tree r = gimple_cond_rhs(cond);
		bool t = e->flags & EDGE_TRUE_VALUE, f = e->flags & EDGE_FALSE_VALUE;
		if (l != v || TREE_CODE(r) != INTEGER_CST ||
		    !tree_fits_shwi_p(r) ||
		    !((code == EQ_EXPR && t) || (code == NE_EXPR && f)))
			return 0;
		vals[0] = tree_to_shwi(r);
		return 1;
	}
	if (gimple_code(last) != GIMPLE_SWITCH)
		return 0;
	gswitch *sw = as_a<gswitch *>(last);
	if (int_source(gimple_switch_index(sw)) != v)
		return 0;
	int n = 0;
	for (unsigned i = 0; i < gimple_switch_num_labels(sw); i++) {
		tree cl = gimple_switch_label(sw, i);
		if (label_to_block(fun, CASE_LABEL(cl)) != e->dest)
			continue;
		tree lo = CASE_LOW(cl), hi = CASE_HIGH(cl) ? CASE_HIGH(cl) : lo;
		if (!lo || !tree_fits_shwi_p(lo) || !tree_fits_shwi_p(hi))
			return 0; /* the default's block */
		for (long long k = tree_to_shwi(lo); k <= tree_to_shwi(hi); k++) {
			if (n >= ESC_WHEN_MAX)
				return 0;
			vals[n++] = k;
		}
	}
	return n;
}

/* The constants a dominating edge fixes v to where block bb starts. */
static int fixed_at(function *fun, basic_block bb, tree v, long long *vals)
{
	if (!v || TREE_CODE(v) != SSA_NAME ||
	    !dom_info_available_p(CDI_DOMINATORS))
		return 0;
	int depth = 0;
	for (basic_block d = bb; d && d != ENTRY_BLOCK_PTR_FOR_FN(fun) &&
	     depth < 64; d = get_immediate_dominator(CDI_DOMINATORS, d), depth++) {
		if (!single_pred_p(d))
			continue;
		int n = edge_fixes(fun, single_pred_edge(d), v, vals);
		if (n)
			return n;
	}
	return 0;
}

/* A va_arg read in block bb: under which constants of which parameter
   of c's function it happens (esc_vaarg_when). */
static void vaarg_guard(struct esc_ctx *c, basic_block bb)
{
	if (!bb)
		return;
	esc_dominators(c);
	int depth = 0;
	for (basic_block d = bb; d && d != ENTRY_BLOCK_PTR_FOR_FN(c->fun) &&
	     depth < 64; d = get_immediate_dominator(CDI_DOMINATORS, d), depth++) {
		if (!single_pred_p(d))
			continue;
		edge e = single_pred_edge(d);
		gimple *last = esc_last_stmt(e->src);
		tree v = NULL_TREE;
		if (last && gimple_code(last) == GIMPLE_COND)
			v = int_source(gimple_cond_lhs(as_a<gcond *>(last)));
		else if (last && gimple_code(last) == GIMPLE_SWITCH)
			v = int_source(gimple_switch_index(as_a<gswitch *>(last)));
		if (!v || TREE_CODE(v) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF(v) ||
		    !SSA_NAME_VAR(v) || TREE_CODE(SSA_NAME_VAR(v)) != PARM_DECL)
			continue;
		long long vals[ESC_WHEN_MAX];
		int n = edge_fixes(c->fun, e, v, vals);
		if (!n)
			continue;
		int i = 0;
		for (tree p = DECL_ARGUMENTS(c->fun->decl); p; p = DECL_CHAIN(p), i++)
			if (p == SSA_NAME_VAR(v)) {
				esc_vaarg_when(c->g, i, vals, n);
				return;
			}
		return;
	}
}

/* Adds integer constant v to the set vals (n of them); false if it
   is full. */
static bool add_val(long long *vals, int *n, long long v)
{
	for (int k = 0; k < *n; k++)
		if (vals[k] == v)
			return true;
	if (*n >= ESC_WHEN_MAX)
		return false;
	vals[(*n)++] = v;
	return true;
}

/* The constants a value read from a constant table can be (the shell's
   sqlite3_db_config (db, aDbConfig[ii].op, -1, &v), aDbConfig a static
   const array): t = d[i].f or d[i] for a static, read-only d whose
   initializer gives every element; all of that field's values.  How
   many (at most ESC_WHEN_MAX in vals), 0 if not such a read. */
static int table_values(tree t, long long *vals)
{
	gimple *def = t && TREE_CODE(t) == SSA_NAME ? SSA_NAME_DEF_STMT(t) : NULL;
	if (!def || !gimple_assign_single_p(def))
		return 0;
	tree ref = gimple_assign_rhs1(def), field = NULL_TREE;
	if (TREE_CODE(ref) == COMPONENT_REF) {
		field = TREE_OPERAND(ref, 1);
		ref = TREE_OPERAND(ref, 0);
	}
	if (TREE_CODE(ref) != ARRAY_REF)
		return 0;
	tree d = TREE_OPERAND(ref, 0);
	if (TREE_CODE(d) != VAR_DECL || !TREE_STATIC(d) || !TREE_READONLY(d) ||
	    TREE_THIS_VOLATILE(d) || !DECL_INITIAL(d) ||
	    TREE_CODE(DECL_INITIAL(d)) != CONSTRUCTOR ||
	    TREE_CODE(TREE_TYPE(d)) != ARRAY_TYPE)
		return 0;
	tree dom = TYPE_DOMAIN(TREE_TYPE(d));
	if (!dom || !TYPE_MAX_VALUE(dom) || !tree_fits_shwi_p(TYPE_MAX_VALUE(dom)))
		return 0;
	long long nelts = tree_to_shwi(TYPE_MAX_VALUE(dom)) + 1;
	int n = 0;
	unsigned i;
	tree idx, elt;
	long long given = 0;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(DECL_INITIAL(d)), i, idx, elt) {
		if (idx && TREE_CODE(idx) == RANGE_EXPR)
			return 0;
		given++;
		tree v = NULL_TREE;
		if (!field) {
			v = elt;
		} else if (TREE_CODE(elt) == CONSTRUCTOR) {
			unsigned j;
			tree f, fv;
			FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(elt), j, f, fv)
				if (f == field)
					v = fv;
			if (!v) /* not given: zero */
				v = integer_zero_node;
		}
		if (!v || TREE_CODE(v) != INTEGER_CST || !tree_fits_shwi_p(v) ||
		    !add_val(vals, &n, tree_to_shwi(v)))
			return 0;
	}
	/* elements the initializer leaves out are zero */
	if (given < nelts && !add_val(vals, &n, 0))
		return 0;
	return n;
}

/* The constants argument i of call is one of where the call stands (a
   constant, a value a dominating case or test fixes, a value read from
   a constant table), at most ESC_WHEN_MAX in vals; how many, 0 if it is
   not known to be one. */
static int const_arg(function *fun, gcall *call, int i, long long *vals)
{
	if (i < 0 || i >= (int)gimple_call_num_args(call))
		return 0;
	tree a = int_source(gimple_call_arg(call, i));
	if (a && TREE_CODE(a) == INTEGER_CST && tree_fits_shwi_p(a)) {
		vals[0] = tree_to_shwi(a);
		return 1;
	}
	int n = fixed_at(fun, gimple_bb(call), a, vals);
	return n ? n : table_values(a, vals);
}

/* May summary sum keep the variadic arguments of call, by the constants
   its selector argument is one of (esc_summary_vwhen)? */
static bool vwhen_keeps(struct esc_ctx *c, gcall *call,
			const struct esc_summary *sum)
{
	long long vals[ESC_WHEN_MAX];
	if (sum->vwhen_param < 0 || !sum->nvwhen)
		return true;
	esc_dominators(c);
	int n = const_arg(c->fun, call, sum->vwhen_param, vals);
	if (!n)
		return true;
	for (int k = 0; k < n; k++)
		if (esc_summary_vwhen(sum, 1, vals[k]))
			return true;
	return false;
}

/* The import's call (in the function being reported), or NULL. */
static gcall *import_call(const struct esc_import *x)
{
	gimple *s = (gimple *)x->origin;
	return s && is_gimple_call(s) && gimple_bb(s) ? as_a<gcall *>(s) : NULL;
}

/* The import's call, if it calls a variadic function. */
static gcall *variadic_call(const struct esc_import *x)
{
	gcall *call = import_call(x);
	tree fntype = call ? gimple_call_fntype(call) : NULL_TREE;
	return fntype && stdarg_p(fntype) ? call : NULL;
}

/* The constants of the call's integer arguments: for a variadic call,
   also the values a dominating case fixes an argument to (const_arg:
   the callee's vwhen); for any call, the integer constants it is given
   (the callee's guards, esc_summary.guards). */
void esc_import_consts(function *fun, struct esc_func_report *r)
{
	int any = 0, variadic = 0;
	for (int k = 0; k < r->nimports && !variadic; k++) {
		variadic = variadic_call(&r->imports[k]) != NULL;
		any |= import_call(&r->imports[k]) != NULL;
	}
	if (!any || !fun || !fun->cfg)
		return;
	push_cfun(fun);
	bool dom = !variadic || dom_info_available_p(CDI_DOMINATORS);
	if (!dom)
		calculate_dominance_info(CDI_DOMINATORS);
	for (int k = 0; k < r->nimports; k++) {
		struct esc_import *x = &r->imports[k];
		gcall *call = import_call(x);
		int var = variadic_call(x) != NULL;
		x->nconsts = 0;
		/* an import of a component's function may rest on a call of
		   another member: its blocks are not fun's */
		basic_block bb = call ? gimple_bb(call) : NULL;
		if (!bb || bb->index >= last_basic_block_for_fn(fun) ||
		    BASIC_BLOCK_FOR_FN(fun, bb->index) != bb)
			continue;
		int n = (int)gimple_call_num_args(call);
		for (int i = 0; i < n; i++) {
			long long v[ESC_WHEN_MAX];
			tree a = gimple_call_arg(call, i);
			int nv = 0;
			if (!INTEGRAL_TYPE_P(TREE_TYPE(a)))
				continue;
			if (var)
				nv = const_arg(fun, call, i, v);
			else if (TREE_CODE(a) == INTEGER_CST &&
				 (tree_fits_shwi_p(a) || tree_fits_uhwi_p(a))) {
				v[0] = tree_fits_shwi_p(a) ? (long long)tree_to_shwi(a)
					: (long long)tree_to_uhwi(a);
				nv = 1;
			}
			if (!nv)
				continue;
			x->consts = XRESIZEVEC(struct esc_const, x->consts,
					       x->nconsts + nv);
			for (int k = 0; k < nv; k++) {
				x->consts[x->nconsts].arg = i;
				x->consts[x->nconsts++].value = v[k];
			}
		}
	}
	if (!dom)
		free_dominance_info(CDI_DOMINATORS);
	pop_cfun();
}

/* Does the summarised function release its argument i (summary.c)? */
static int released(const struct esc_summary *sum, int i)
{
	return sum->release && !sum->gave_up && i >= 0 && i < sum->nparams &&
	       sum->release[i];
}

/* A sure leak of the summary at derefs `sure' that rests (also) on
   stores into the memory the callee returns (the summary's sure_out is
   weaker: out): a caller that releases the result before it returns
   keeps none of it (teardown), one that returns it passes the fact on.
   Returns the derefs of the sure leak left beside it, or -1. */
static int into_result(struct esc_ctx *c, gcall *call, struct esc_hole *k,
		       int sure, int out)
{
	tree lhs = gimple_call_lhs(call);
	if (sure < 0 || out == sure || !lhs || TREE_CODE(lhs) != SSA_NAME)
		return -1;
	if (esc_released_after(c, lhs))
		k->why.assumed = ESC_ASSUMED_TORN_DOWN;
	else if (esc_returned_after(c, lhs))
		k->why.into_result = 1;
	else
		return -1;
	return out;
}

/* A sure leak of the summary at derefs `sure' for slot `slot' that a
   guard of the callee rules out at this call: the guard's parameter is
   given a constant its mask makes zero (the edge is assumed), or this
   function's own parameter (the edge is guarded by it in turn, for this
   function's callers).  Returns the derefs of the sure leak left beside
   it, or -1 (also when no guard applies: *k unchanged). */
static int guarded(struct esc_ctx *c, gcall *call,
		   const struct esc_summary *sum, int slot, int sure,
		   struct esc_hole *k)
{
	int nargs = (int)gimple_call_num_args(call);
	/* a constant that rules a guard out first: it makes the edge
	   assumed, which a guard passed on does not; then a guard passed on
	   (the edge takes one): a bit test's before a null test's, which
	   callers rarely rule out with a constant */
	for (int pass = 0; pass < 3; pass++)
		for (int j = 0; sure >= 0 && j < sum->nguards; j++) {
			const struct esc_summary_guard *gd = &sum->guards[j];
			int gs = gd->sure[slot];
			if (gd->param >= nargs || gs == sure)
				continue;
			if (gd->global)
				continue;
			tree a = gimple_call_arg(call, gd->param);
			if (TREE_CODE(a) == INTEGER_CST) {
				if (pass ||
				    (!tree_fits_uhwi_p(a) && !tree_fits_shwi_p(a)))
					continue;
				uint64_t v = tree_fits_uhwi_p(a) ? tree_to_uhwi(a)
					: (uint64_t)tree_to_shwi(a);
				if (v & gd->mask)
					continue;
				k->why.assumed = 1;
				return gs;
			}
			if (pass == 1 && gd->mask == ~(uint64_t)0)
				continue;
			int id = pass ? esc_param_guard(c, a, gd->mask) : 0;
			if (id) {
				k->why.guard = id;
				return gs;
			}
		}
	return -1;
}

/* A sure leak of the summary at derefs `sure' for slot `slot' that a
   guard of the callee on a global rules out (if (!debug_on) return;):
   the edge is guarded by the same global in turn, for the link step to
   rule out where the program never writes it.  Only when no other fact
   applies (a constant, a parameter's guard, a hang) and the call stands
   under no test of this function's (an edge takes one guard: the
   block's stays).  Returns the derefs of the sure leak left beside it,
   or -1. */
static int guarded_global(struct esc_ctx *c, const struct esc_summary *sum,
			  int slot, int sure, struct esc_hole *k)
{
	for (int j = 0; sure >= 0 && !c->guard && j < sum->nguards; j++) {
		const struct esc_summary_guard *gd = &sum->guards[j];
		if (!gd->global || gd->sure[slot] == sure)
			continue;
		int id = esc_graph_guard_global(c->g, gd->global, gd->mask);
		if (id) {
			k->why.guard = id;
			return gd->sure[slot];
		}
	}
	return -1;
}

/* A sure leak of the summary at derefs `sure' for slot `slot' that rests
   on stores into memory the callee hangs off a field of what another
   argument points to (a hang: SQLite's Vdbe hung off its Parse): this
   function's own parameter there passes the fact on (the edge is hung
   off it in turn, also beside a store into the result); the address of
   an object of this frame whose field this function releases before
   every return (finalize(sParse.pVdbe)) tears that memory down (the
   edge is assumed).  Returns the derefs of the sure leak left beside
   it, or -1 (also when no hang applies: *k unchanged but for the
   flag). */
static int hung(struct esc_ctx *c, gcall *call, const struct esc_summary *sum,
		int slot, int sure, struct esc_hole *k)
{
	int nargs = (int)gimple_call_num_args(call);
	for (int j = 0; sure >= 0 && j < sum->nhangs; j++) {
		const struct esc_summary_hang *hg = &sum->hangs[j];
		int hs = hg->sure[slot];
		if (hg->param >= nargs || hs == sure)
			continue;
		tree a = gimple_call_arg(call, hg->param);
		int id = esc_param_hang(c, a, hg->off);
		if (id) {
			k->why.hang = id;
			return k->why.into_result ? -1 : hs;
		}
		if (!k->why.into_result &&
		    esc_field_released_after(c, a, hg->off)) {
			k->why.assumed = ESC_ASSUMED_TORN_DOWN;
			return hs;
		}
	}
	return -1;
}

/* 2. A finished function: its summary (or, 6., a linked one).  What it
   does with an argument it releases is assumed (esc_param_released). */
static void call_summary(struct esc_ctx *c, gcall *call,
			 const struct esc_summary *sum, const char *name)
{
	int n = arg_count(c, call);
	vaarg_handed(c, call, sum);
	for (int i = 0; i < n; i++) {
		if (!arg_may_hold_address(call, i))
			continue;
		int slot = i < sum->nparams ? i : ESC_VARARGS;
		int h = esc_summary_heap(sum, slot);
		int s = esc_summary_sure(sum, slot);
		int r = esc_summary_result(sum, slot);
		/* its leak rests on a function this unit knows only by name:
		   one more import (imports.c) */
		int imp = esc_summary_imported(sum, slot);
		int rel = released(sum, i);
		/* a variadic argument of a type no va_arg read that is kept
		   reads, or of a call whose selector is a constant no such
		   read happens under: its content only, surely */
		if (i >= sum->nparams && s == 0 && h == 0 && !rel &&
		    i < (int)gimple_call_num_args(call) &&
		    (!esc_summary_vkey(sum, vaarg_key(TREE_TYPE(
			    gimple_call_arg(call, i)))) ||
		     !vwhen_keeps(c, call, sum) || !fmt_keeps(call, sum, i))) {
			struct esc_hole k = heap_hole(c, call,
				ESC_STEP_ARG_SUMMARY, name, i, 0);
			k.why.assumed = 1;
			arg_into(c, call, i, k);
			arg_into(c, call, i, heap_hole(c, call,
				ESC_STEP_ARG_SUMMARY, name, i, 1));
			h = -1;
		}
		/* the sure leak beside the stores into the result, when a
		   release or return of the result takes those */
		int so = -1;
		if (h >= 0) {
			struct esc_hole k = heap_hole(c, call, sum->gave_up
						? ESC_STEP_UNANALYSED
						: ESC_STEP_ARG_SUMMARY, name, i, h);
			k.why.assumed = rel ? ESC_ASSUMED_RELEASED : s != h;
			k.why.imported = imp && !sum->gave_up ? 1 + h : 0;
			if (!rel && s == h && !sum->gave_up) {
				so = into_result(c, call, &k, s,
						 esc_summary_sure_out(sum, slot));
				if (so < 0 && !k.why.assumed && !k.why.into_result)
					so = guarded(c, call, sum, slot, s, &k);
				if (!k.why.assumed && !k.why.guard) {
					int sh = hung(c, call, sum, slot, s, &k);
					if (so < 0)
						so = sh;
				}
				if (so < 0 && !k.why.assumed && !k.why.into_result &&
				    !k.why.guard && !k.why.hang)
					so = guarded_global(c, sum, slot, s, &k);
			}
			arg_into(c, call, i, k);
		}
		if (s > h && h >= 0 && !rel) {
			struct esc_hole k = heap_hole(c, call, ESC_STEP_ARG_SUMMARY,
						      name, i, s);
			k.why.imported = imp ? 1 + s : 0;
			so = into_result(c, call, &k, s,
					 esc_summary_sure_out(sum, slot));
			if (so < 0 && !k.why.assumed && !k.why.into_result)
				so = guarded(c, call, sum, slot, s, &k);
			if (!k.why.assumed && !k.why.guard) {
				int sh = hung(c, call, sum, slot, s, &k);
				if (so < 0)
					so = sh;
			}
			if (so < 0 && !k.why.assumed && !k.why.into_result &&
			    !k.why.guard && !k.why.hang)
				so = guarded_global(c, sum, slot, s, &k);
			arg_into(c, call, i, k);
		}
		if (so >= 0) {
			struct esc_hole k = heap_hole(c, call, ESC_STEP_ARG_SUMMARY,
						      name, i, so);
			k.why.imported = imp ? 1 + so : 0;
			arg_into(c, call, i, k);
		}
		if (r >= 0) {
			struct esc_hole k = value_hole(c, call,
				ESC_STEP_CALL_RESULT, name, i);
			k.derefs += r;
			k.why.assumed = rel ? ESC_ASSUMED_RELEASED
				: !fmt_keeps(call, sum, i);
			arg_into(c, call, i, k);
		}
	}
	/* a fresh allocation returned: the caller's own, holding what the
	   summary stores in it (and whatever else, unknown) */
	int fresh = -1;
	if (!sum->gave_up && sum->fresh) {
		fresh = new_object(c, call, ESC_LOC_ALLOC, ESC_OBJ_LOCAL, name);
		esc_edge(c->g, fresh, ESC_UNKNOWN, 0,
			 esc_step_at(ESC_STEP_ASSIGN, c->stmt_loc, NULL, 0));
	}
	/* what it stores into the memory its arguments point to */
	int nargs = arg_count(c, call);
	for (int k = 0; !sum->gave_up && k < sum->nstores; k++) {
		const struct esc_summary_store *st = &sum->stores[k];
		if (st->to == ESC_FRESH_RESULT) {
			if (fresh >= 0 && st->from < nargs &&
			    arg_may_hold_address(call, st->from)) {
				struct esc_hole k = esc_hole_to(fresh, st->derefs,
					esc_step_at(ESC_STEP_STORE_LOCAL,
						    c->stmt_loc, name, 0));
				if (released(sum, st->from))
					k.why.assumed = ESC_ASSUMED_RELEASED;
				else if (st->assumed)
					k.why.assumed = st->assumed;
				arg_into(c, call, st->from, k);
			}
			continue;
		}
		if (st->to < 0 || st->to >= nargs)
			continue;
		/* from the variadic arguments' slot: each of them */
		int lo = st->from, hi = st->from + 1;
		if (st->from == sum->nparams)
			hi = nargs;
		for (int a = lo; a < hi && a < nargs; a++) {
			if (!arg_may_hold_address(call, a))
				continue;
			struct esc_step why = esc_step_at(ESC_STEP_ARG_SUMMARY,
				c->stmt_loc, name, arg_number(call, a));
			if (released(sum, a))
				why.assumed = ESC_ASSUMED_RELEASED;
			else if (st->assumed)
				why.assumed = st->assumed; /* undone before it returns */
			/* a variadic argument of a type no keeping va_arg read
			   reads, or of a selector no keeping read happens
			   under: as for its leak */
			else if (a >= sum->nparams && a < (int)gimple_call_num_args(call) &&
				 (!esc_summary_vkey(sum, vaarg_key(TREE_TYPE(
					 gimple_call_arg(call, a)))) ||
				  !vwhen_keeps(c, call, sum) ||
				  !fmt_keeps(call, sum, a)))
				why.assumed = 1;
			tree to = call_arg(call, st->to), from = call_arg(call, a);
			if (!to || !from)
				continue;
			if (st->level == 2)
				esc_store_through_deref(c, to, from, st->derefs, why);
			else if (!st->nranges)
				esc_store_through(c, to, from, st->derefs, why);
			/* into the fields it names (sqlite3ParserInit) */
			for (int r = 0; st->level == 1 && r < st->nranges; r++)
				esc_store_through_inside(c, to, from, st->derefs,
							 why, st->off[r],
							 st->size[r], st->in_off,
							 st->in_size,
							 st->in_elem);
		}
	}
	/* a value from outside that it stores into the memory an argument
	   points to (*pp = registry): what the caller reads back there
	   may point anywhere */
	for (int t = 0; sum->other_out && !sum->gave_up && t < sum->nparams &&
			t < nargs; t++) {
		tree to = call_arg(call, t);
		if (!sum->other_out[t] || !to || !arg_may_hold_address(call, t) ||
		    integer_zerop(to))
			continue;
		struct esc_step why = esc_step_at(ESC_STEP_ARG_SUMMARY,
			c->stmt_loc, name, arg_number(call, t));
		int v = esc_loc_new(c->g, ESC_LOC_VALUE, c->fn->gfunc, "*arg",
				    esc_pos_of(c->stmt_loc));
		esc_expr(c, esc_hole_to(v, 0, why), to);
		/* into the fields it names, or any part */
		const struct esc_ranges *r = &sum->other_rng[t];
		for (int k = 0; k < (r->nranges ? r->nranges : 1); k++) {
			struct esc_hole h = esc_hole_to(v, 0, why);
			h.kind = HOLE_STORE;
			if (r->nranges) {
				h.fkind = ESC_FIELD_WRITE;
				h.foff = r->off[k];
				h.fsize = r->size[k];
			}
			esc_flow_to_hole(c, h, ESC_UNKNOWN, 0);
		}
	}
	if (sum->result_other)
		value_unknown(c, call);
}

/* The name of the VLA an alloca call was made for (its pointer temporary
   is named after it: "buf.0" for buf). */
static const char *vla_name(gcall *call, char *buf, size_t len)
{
	tree lhs = gimple_call_lhs(call);
	tree var = lhs && TREE_CODE(lhs) == SSA_NAME ? SSA_NAME_VAR(lhs) : lhs;
	if (var && DECL_P(var) && DECL_NAME(var)) {
		snprintf(buf, len, "%s", IDENTIFIER_POINTER(DECL_NAME(var)));
		char *dot = strrchr(buf, '.');
		if (dot && dot != buf) {
			*dot = 0;
			return buf;
		}
	}
	return "(VLA)";
}

static bool name_starts(const char *name, const char *prefix)
{
	return name && !strncmp(name, prefix, strlen(prefix));
}

/* __atomic_* and __sync_*: the first argument is the memory operated on;
   the others may be stored into it, and it may be read back. */
static void call_atomic(struct esc_ctx *c, gcall *call, const char *name)
{
	int n = (int)gimple_call_num_args(call);
	if (n == 0)
		return;
	tree target = gimple_call_arg(call, 0);
	struct esc_step why = esc_step_at(ESC_STEP_STORE_PTR, c->stmt_loc, name, 0);
	for (int i = 1; i < n; i++) {
		tree a = gimple_call_arg(call, i);
		if (!esc_may_hold_address(TREE_TYPE(a)))
			continue;
		esc_store_through(c, target, a, 0, why);
		if (POINTER_TYPE_P(TREE_TYPE(a))) {
			esc_store_through(c, target, a, 1, why);
			esc_store_through(c, a, target, 1, why);
		}
	}
	struct esc_hole k = value_hole(c, call, ESC_STEP_LOAD, name, -1);
	k.derefs += 1;
	esc_expr(c, k, target);
}

/* 3. Builtins the model sees through.  Returns whether it handled one. */
static bool call_builtin(struct esc_ctx *c, gcall *call, tree fndecl,
			 const char *name)
{
	if (!fndecl_built_in_p(fndecl, BUILT_IN_NORMAL))
		return false;
	char buf[128];
	int n = (int)gimple_call_num_args(call);

	switch (DECL_FUNCTION_CODE(fndecl)) {
	case BUILT_IN_ALLOCA:
	case BUILT_IN_ALLOCA_WITH_ALIGN:
	case BUILT_IN_ALLOCA_WITH_ALIGN_AND_MAX:
		if (gimple_call_alloca_for_var_p(call))
			new_object(c, call, ESC_LOC_STACK, ESC_OBJ_VLA,
				   vla_name(call, buf, sizeof buf));
		else
			new_object(c, call, ESC_LOC_STACK, ESC_OBJ_ALLOCA,
				   "alloca(...)");
		return true;
	case BUILT_IN_VA_START:
		if (n >= 1 && c->fn->varargs >= 0) {
			/* the va_list now holds the "..." values */
			struct esc_hole k;
			tree ap = gimple_call_arg(call, 0);
			struct esc_step why = esc_step_at(ESC_STEP_STORE_LOCAL,
							  c->stmt_loc, NULL, 0);
			if (TREE_CODE(ap) == ADDR_EXPR) {
				k = esc_lvalue_hole(c, TREE_OPERAND(ap, 0));
				k.why = why;
			} else {
				k = esc_hole_to(ESC_HEAP, 0, why);
				/* kept without a hand-off: no format */
				esc_vaarg_format(c->g, c->fn->gfunc, -1, NULL);
			}
			esc_flow_to_hole(c, k, c->fn->varargs, 0);
		}
		return true;
	case BUILT_IN_VA_COPY:
		if (n >= 2)
			esc_store_through(c, gimple_call_arg(call, 0),
					  gimple_call_arg(call, 1), 1,
					  esc_step_at(ESC_STEP_COPY, c->stmt_loc,
						      "va_copy", 0));
		return true;
	case BUILT_IN_INIT_TRAMPOLINE:
	case BUILT_IN_INIT_HEAP_TRAMPOLINE:
	case BUILT_IN_INIT_DESCRIPTOR:
		/* a nested function's trampoline (tramp, fn, chain): the
		   trampoline holds the static chain, the parent's frame */
		if (n >= 3)
			esc_store_through(c, gimple_call_arg(call, 0),
					  gimple_call_arg(call, 2), 0,
					  esc_step_at(ESC_STEP_STORE_LOCAL,
						      c->stmt_loc, NULL, 0));
		return true;
	case BUILT_IN_ADJUST_TRAMPOLINE:
	case BUILT_IN_ADJUST_DESCRIPTOR:
		/* the callable address: the trampoline's own */
		if (n >= 1)
			esc_expr(c, value_hole(c, call, ESC_STEP_ASSIGN, NULL, -1),
				 gimple_call_arg(call, 0));
		return true;
	case BUILT_IN_DWARF_CFA:
	case BUILT_IN_VA_END:
	case BUILT_IN_OBJECT_SIZE:
	case BUILT_IN_DYNAMIC_OBJECT_SIZE:
	case BUILT_IN_CONSTANT_P:
	case BUILT_IN_PREFETCH:
	case BUILT_IN_CLASSIFY_TYPE:
	case BUILT_IN_RETURN_ADDRESS:
	case BUILT_IN_FRAME_ADDRESS:
	case BUILT_IN_UNREACHABLE:
	case BUILT_IN_TRAP:
	case BUILT_IN_STACK_SAVE:
	case BUILT_IN_STACK_RESTORE:
		return true;
	case BUILT_IN_EXPECT:
	case BUILT_IN_EXPECT_WITH_PROBABILITY:
	case BUILT_IN_ASSUME_ALIGNED:
		if (n >= 1)
			esc_expr(c, value_hole(c, call, ESC_STEP_ASSIGN, NULL, -1),
				 gimple_call_arg(call, 0));
		return true;
	default:
		break;
	}
	if (name_starts(name, "__atomic_") || name_starts(name, "__sync_") ||
	    name_starts(name, "atomic_") || name_starts(name, "sync_")) {
		call_atomic(c, call, name);
		return true;
	}
	return false;
}

/* 4. A rule. */
static void call_rule(struct esc_ctx *c, gcall *call,
		      const struct esc_rule *r, const char *name)
{
	int n = arg_count(c, call);
	int alloc = 0;

	vaarg_handed(c, call, NULL, r);
	const char *fmt = r->fmt_keep && r->fmt_param < (int)gimple_call_num_args(call)
		? literal_string(gimple_call_arg(call, r->fmt_param)) : NULL;
	if (r->returns_alloc)
		alloc = new_object(c, call, ESC_LOC_ALLOC, ESC_OBJ_LOCAL, name);
	for (int i = 0; i < n; i++) {
		if (!arg_may_hold_address(call, i))
			continue;
		int eff = esc_rule_effect(r, i);
		/* a variadic argument its format only reads */
		if (fmt && i >= r->nparams &&
		    !esc_format_arg(fmt, i - r->nparams, r->fmt_keep))
			continue;
		if (eff < 0) {
			/* the rule does not say: as if unknown */
			arg_into(c, call, i, unknown_hole(c, call,
				ESC_STEP_ARG_UNKNOWN, name, i));
			continue;
		}
		if (eff & ESC_EFF_THREAD)
			arg_into(c, call, i, heap_hole(c, call, ESC_STEP_ARG_THREAD,
						       name, i, 0));
		else if (eff & ESC_EFF_KEEP)
			arg_into(c, call, i, heap_hole(c, call, ESC_STEP_ARG_RULE,
						       name, i, 0));
		else if (eff & ESC_EFF_KEEP_CONTENT)
			arg_into(c, call, i, heap_hole(c, call, ESC_STEP_ARG_RULE,
						       name, i, 1));
		if (eff & ESC_EFF_RETURN)
			arg_into(c, call, i, value_hole(c, call,
				ESC_STEP_CALL_RESULT, name, i));
		if (eff & ESC_EFF_RETURN_CONTENT) {
			struct esc_hole k = value_hole(c, call,
				ESC_STEP_CALL_RESULT, name, i);
			k.derefs += 1;
			arg_into(c, call, i, k);
		}
	}
	int nargs = (int)gimple_call_num_args(call);
	struct esc_step copy = esc_step_at(ESC_STEP_COPY, c->stmt_loc, name, 0);
	if (r->copy_from >= 0 && r->copy_from < nargs) {
		tree from = gimple_call_arg(call, r->copy_from);
		if (r->copy_to == ESC_COPY_TO_RESULT) {
			if (alloc)
				esc_expr(c, esc_hole_to(alloc, 1, copy), from);
		} else if (r->copy_to >= 0 && r->copy_to < nargs) {
			esc_store_through(c, gimple_call_arg(call, r->copy_to),
					  from, 1, copy);
		}
	}
	if (r->store_from >= 0 && r->store_from < nargs && r->store_to >= 0 &&
	    r->store_to < nargs)
		esc_store_through(c, gimple_call_arg(call, r->store_to),
				  gimple_call_arg(call, r->store_from), 0,
				  esc_step_at(ESC_STEP_STORE_PTR, c->stmt_loc,
					      name, r->store_to + 1));
	if (!r->returns_alloc)
		value_unknown(c, call);
}

bool esc_arg_noescape(gcall *call, int i)
{
	tree fntype = gimple_call_fntype(call);
	tree a = fntype ? TYPE_ARG_TYPES(fntype) : NULL_TREE;
	for (int k = 0; a && k < i; k++)
		a = TREE_CHAIN(a);
	return a && TREE_VALUE(a) && TREE_VALUE(a) != void_type_node &&
	       lookup_attribute("noescape", TYPE_ATTRIBUTES(TREE_VALUE(a)));
}

/* 7. Nothing known: every argument is kept, but for the parameters the
   prototype declares noescape (the plugin's attribute). */
static void call_unknown(struct esc_ctx *c, gcall *call,
			 enum esc_step_kind kind, const char *name)
{
	int n = arg_count(c, call);
	vaarg_handed(c, call, NULL);
	for (int i = 0; i < n; i++)
		if (arg_may_hold_address(call, i) && !esc_arg_noescape(call, i))
			arg_into(c, call, i, unknown_hole(c, call, kind, name, i));
	value_unknown(c, call);
}

/* 6. What GCC knows.  Returns whether that was enough. */
static bool call_gcc_knows(struct esc_ctx *c, gcall *call, tree fndecl,
			   const char *name)
{
	int flags = gimple_call_flags(call);
	int n = arg_count(c, call);

	vaarg_handed(c, call, NULL);
	if (flags & (ECF_CONST | ECF_PURE)) {
		/* stores nothing: arguments can only come back as the value,
		   if that is a pointer */
		tree lhs = gimple_call_lhs(call);
		for (int i = 0; i < n; i++)
			if (lhs && POINTER_TYPE_P(TREE_TYPE(lhs)) &&
			    arg_may_hold_address(call, i))
				arg_into(c, call, i, value_hole(c, call,
					ESC_STEP_CALL_RESULT, name, i));
		value_unknown(c, call);
		return true;
	}
	attr_fnspec fs = gimple_call_fnspec(call);
	if (fs.known_p()) {
		unsigned ret;
		for (int i = 0; i < n; i++) {
			if (!arg_may_hold_address(call, i))
				continue;
			if (i < (int)gimple_call_num_args(call) &&
			    fs.arg_specified_p(i) && fs.arg_noescape_p(i))
				continue;
			arg_into(c, call, i, unknown_hole(c, call,
				ESC_STEP_ARG_UNKNOWN, name, i));
		}
		/* memcpy-like: what argument i points to is copied to j's */
		for (int i = 0; i < (int)gimple_call_num_args(call); i++) {
			unsigned j;
			if (fs.arg_specified_p(i) && fs.arg_copied_to_arg_p(i, &j) &&
			    (int)j < (int)gimple_call_num_args(call))
				esc_store_through(c, gimple_call_arg(call, j),
						  gimple_call_arg(call, i), 1,
						  esc_step_at(ESC_STEP_COPY,
							      c->stmt_loc, name, 0));
		}
		if (fs.returns_arg(&ret) && (int)ret < n)
			arg_into(c, call, (int)ret, value_hole(c, call,
				ESC_STEP_CALL_RESULT, name, (int)ret));
		if (fs.returns_noalias_p())
			new_object(c, call, ESC_LOC_ALLOC, ESC_OBJ_LOCAL, name);
		else
			value_unknown(c, call);
		return true;
	}
	if (DECL_IS_MALLOC(fndecl)) {
		call_unknown(c, call, ESC_STEP_ARG_UNKNOWN, name);
		new_object(c, call, ESC_LOC_ALLOC, ESC_OBJ_LOCAL, name);
		return true;
	}
	return false;
}

static void call_internal(struct esc_ctx *c, gcall *call)
{
	int n = (int)gimple_call_num_args(call);
	if (gimple_call_internal_fn(call) == IFN_VA_ARG) {
		/* x = va_arg (ap): a load through the va_list */
		struct esc_hole k = value_hole(c, call, ESC_STEP_LOAD, NULL, -1);
		tree lhs = gimple_call_lhs(call);
		if (k.kind == HOLE_LOC) {
			esc_vaarg_value(c->g, k.loc,
					vaarg_key(lhs ? TREE_TYPE(lhs) : NULL_TREE));
			vaarg_guard(c, gimple_bb(call));
		} else if (k.kind == HOLE_STORE) {
			esc_vaarg_value(c->g, -1, 0);
		}
		k.derefs += 1;
		if (n >= 1)
			esc_expr(c, k, gimple_call_arg(call, 0));
		return;
	}
	/* GCC's own checks and markers keep nothing; their value may come
	   from their operands. */
	for (int i = 0; i < n; i++)
		if (arg_may_hold_address(call, i))
			arg_into(c, call, i, value_hole(c, call, ESC_STEP_ASSIGN,
							NULL, -1));
}

tree esc_region_body(gcall *call, int *data)
{
	/* name (a trailing _ makes it a prefix), argument of the body,
	   argument of its data */
	static const struct {
		const char *name;
		int body, data;
	} starts[] = {
		{ "GOMP_parallel", 0, 1 },
		{ "GOMP_parallel_loop_", 0, 1 },
		{ "GOMP_parallel_sections", 0, 1 },
		{ "GOMP_parallel_reductions", 0, 1 },
		{ "GOMP_teams_reg", 0, 1 },
		{ "GOMP_task", 0, 1 },
		{ "GOMP_taskloop", 0, 1 },
		{ "GOMP_taskloop_ull", 0, 1 },
		/* the host's fallback runs body (hostaddrs) */
		{ "GOMP_target_ext", 1, 3 },
	};
	tree fndecl = gimple_call_fndecl(call);
	const char *name = fndecl ? callee_name(fndecl) : NULL;
	if (!name)
		return NULL_TREE;
	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		size_t n = strlen(starts[i].name);
		if (strncmp(name, starts[i].name, n) ||
		    (starts[i].name[n - 1] != '_' && name[n]) ||
		    (int)gimple_call_num_args(call) <= starts[i].data)
			continue;
		tree fn = gimple_call_arg(call, starts[i].body);
		if (TREE_CODE(fn) != ADDR_EXPR ||
		    TREE_CODE(TREE_OPERAND(fn, 0)) != FUNCTION_DECL)
			return NULL_TREE;
		if (data)
			*data = starts[i].data;
		return TREE_OPERAND(fn, 0);
	}
	return NULL_TREE;
}

/* An OpenMP region: its body, of this unit's component, as the call
   body(data).  Returns whether it was one. */
static bool call_region(struct esc_ctx *c, gcall *call)
{
	int data = 0;
	tree body = esc_region_body(call, &data);
	cgraph_node *node = body ? cgraph_node::get(body) : NULL;
	int *idx = node ? c->unit->fn_index->get(
				  node->ultimate_alias_target()->decl)
			: NULL;
	if (!idx)
		return false;
	struct esc_fn *f = &c->unit->fns[*idx];
	if (f->comp != c->unit->cur_comp || f->gfunc < 0)
		return false;
	/* GCC gives the region's start no location; its body has the
	   pragma's */
	location_t saved = c->stmt_loc;
	if (gimple_location(call) == UNKNOWN_LOCATION)
		c->stmt_loc = DECL_SOURCE_LOCATION(body);
	call_in_component(c, call, f, callee_name(f->node->decl), data);
	c->stmt_loc = saved;
	return true;
}

void esc_call(struct esc_ctx *c, gcall *call)
{
	if (gimple_call_internal_p(call)) {
		call_internal(c, call);
		return;
	}
	tree fndecl = gimple_call_fndecl(call);
	if (!fndecl) {
		call_unknown(c, call, ESC_STEP_ARG_INDIRECT, NULL);
		return;
	}
	if (call_region(c, call))
		return;
	const char *name = callee_name(fndecl);
	const struct esc_rule *r =
		name && c->unit->rules ? esc_rules_find(c->unit->rules, name) : NULL;

	/* A library function's inline body (glibc's _FORTIFY_SOURCE wrappers
	   are `extern inline'): the rule describes it better than the body,
	   which only forwards to __memcpy_chk and friends, and the rule gives
	   the same verdicts at every -O level. */
	cgraph_node *node = cgraph_node::get(fndecl);
	if (r && DECL_EXTERNAL(fndecl))
		node = NULL;
	if (node) {
		node = node->ultimate_alias_target();
		int *idx = c->unit->fn_index->get(node->decl);
		if (idx) {
			struct esc_fn *f = &c->unit->fns[*idx];
			if (f->comp == c->unit->cur_comp && f->gfunc >= 0) {
				call_in_component(c, call, f, name, 0);
				return;
			}
			if (f->summary) {
				call_summary(c, call, f->summary, name);
				return;
			}
		}
	}
	if (call_builtin(c, call, fndecl, name))
		return;
	if (r) {
		call_rule(c, call, r, name);
		return;
	}
	/* a function of another unit, by the build's linked summaries
	   (summaries=FILE), if its signature and source still match */
	const struct esc_summary *linked = c->unit->summaries && name &&
		TREE_PUBLIC(fndecl) ? esc_summaries_find(c->unit->summaries,
					name, esc_signature(fndecl)) : NULL;
	if (linked) {
		call_summary(c, call, linked, name);
		return;
	}
	if (call_gcc_knows(c, call, fndecl, name))
		return;
	call_unknown(c, call, ESC_STEP_ARG_UNKNOWN, name);
}

/* ------------------------------------------------------------------ */
/* Releases: the facts of which parameters each function of the unit
   frees, or hands to a function that does (the core solves them:
   summary.c).  A call through a function pointer loaded from a field
   (config.xFree(p)) may call any function of the unit that the unit puts
   in that field of that struct (a methods table's initializer, or a
   store): the field is the key. */

/* The function of the unit value t is the address of, or -1. */
static int unit_function(struct esc_unit *u, tree t)
{
	STRIP_NOPS(t);
	if (TREE_CODE(t) != ADDR_EXPR ||
	    TREE_CODE(TREE_OPERAND(t, 0)) != FUNCTION_DECL)
		return -1;
	cgraph_node *node = cgraph_node::get(TREE_OPERAND(t, 0));
	int *idx = node ? u->fn_index->get(node->ultimate_alias_target()->decl)
			: NULL;
	return idx ? *idx : -1;
}

/* A library function put in a field whose rule releases a parameter
   (config.xfree = free): a function of its own for the releases, after
   the unit's (u->nfns + its index here), with those parameters seeded. */
static vec<tree> rule_fns;

static int rule_function(struct esc_unit *u, struct esc_releases *r, tree t)
{
	STRIP_NOPS(t);
	if (TREE_CODE(t) != ADDR_EXPR ||
	    TREE_CODE(TREE_OPERAND(t, 0)) != FUNCTION_DECL || !u->rules)
		return -1;
	tree fndecl = TREE_OPERAND(t, 0);
	const char *name = callee_name(fndecl);
	const struct esc_rule *rule = name ? esc_rules_find(u->rules, name) : NULL;
	if (!rule || !DECL_EXTERNAL(fndecl))
		return -1;
	unsigned k;
	for (k = 0; k < rule_fns.length() && rule_fns[k] != fndecl; k++)
		;
	if (k == rule_fns.length())
		rule_fns.safe_push(fndecl);
	int fn = u->nfns + (int)k, any = 0;
	for (int j = 0; j < rule->nparams; j++)
		if ((esc_rule_effect(rule, j) & ESC_EFF_FREE) &&
		    rule->copy_from != j) {
			esc_releases_seed(r, fn, j);
			any = 1;
		}
	return any ? fn : -1;
}

static void put_in_field(struct esc_unit *u, struct esc_releases *r,
			 tree field, tree value)
{
	if (!field || TREE_CODE(field) != FIELD_DECL)
		return;
	int fn = unit_function(u, value);
	esc_releases_target(r, (uintptr_t)field,
			    fn >= 0 ? fn : rule_function(u, r, value));
}

/* The functions a static initializer puts in fields. */
static void scan_initializer(struct esc_unit *u, struct esc_releases *r,
			     tree init, int depth)
{
	unsigned HOST_WIDE_INT ix;
	tree idx, val;
	if (!init || TREE_CODE(init) != CONSTRUCTOR || depth > 16)
		return;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(init), ix, idx, val) {
		if (TREE_CODE(val) == CONSTRUCTOR)
			scan_initializer(u, r, val, depth + 1);
		else
			put_in_field(u, r, idx, val);
	}
}

static int param_number(tree fndecl, tree parm)
{
	int i = 0;
	for (tree a = DECL_ARGUMENTS(fndecl); a; a = DECL_CHAIN(a), i++)
		if (a == parm)
			return i;
	return -1;
}

/* param_value's answers for PHI results of the function scan_releases
   looks at, by (SSA version, depth): 0 not known yet, else the answer + 2.
   A PHI's answer is its arguments' first, each asked again from every
   path that reaches it: without them the walk is exponential in the PHIs
   it crosses (4.5 M calls for sqlite3.c's 10,680 at -O0). */
static unsigned short *pv_memo;
static unsigned pv_nssa;

/* The parameter (0-based) whose value v is, through copies, casts,
   pointer arithmetic and PHIs, or -1. */
static int param_value(tree fndecl, tree v, int depth)
{
	for (; depth < 16; depth++) {
		if (TREE_CODE(v) == ADDR_EXPR &&
		    TREE_CODE(TREE_OPERAND(v, 0)) == MEM_REF) {
			v = TREE_OPERAND(TREE_OPERAND(v, 0), 0); /* &MEM[p + 8] */
			continue;
		}
		if (TREE_CODE(v) != SSA_NAME)
			return -1;
		if (SSA_NAME_IS_DEFAULT_DEF(v)) {
			tree var = SSA_NAME_VAR(v);
			return var && TREE_CODE(var) == PARM_DECL
				       ? param_number(fndecl, var) : -1;
		}
		gimple *d = SSA_NAME_DEF_STMT(v);
		if (gphi *phi = dyn_cast<gphi *>(d)) {
			unsigned ver = SSA_NAME_VERSION(v);
			if (!pv_memo && pv_nssa)
				pv_memo = XCNEWVEC(unsigned short,
						   (size_t)pv_nssa * 16);
			unsigned short *m = pv_memo && ver < pv_nssa
				? &pv_memo[ver * 16 + depth] : NULL;
			if (m && *m)
				return (int)*m - 2;
			int p = -1;
			for (unsigned k = 0; k < gimple_phi_num_args(phi) && p < 0; k++)
				p = param_value(fndecl, gimple_phi_arg_def(phi, k),
						depth + 4);
			if (m && p + 2 <= 0xffff)
				*m = (unsigned short)(p + 2);
			return p;
		}
		if (!is_gimple_assign(d))
			return -1;
		enum tree_code code = gimple_assign_rhs_code(d);
		if (code != SSA_NAME && !CONVERT_EXPR_CODE_P(code) &&
		    code != POINTER_PLUS_EXPR && code != ADDR_EXPR)
			return -1;
		v = gimple_assign_rhs1(d);
	}
	return -1;
}

/* The field a call through a pointer loads its callee from, or NULL. */
static tree called_field(gcall *call)
{
	tree fn = gimple_call_fn(call);
	if (!fn || TREE_CODE(fn) != SSA_NAME)
		return NULL_TREE;
	gimple *d = SSA_NAME_DEF_STMT(fn);
	if (!gimple_assign_single_p(d))
		return NULL_TREE;
	tree rhs = gimple_assign_rhs1(d);
	return TREE_CODE(rhs) == COMPONENT_REF ? TREE_OPERAND(rhs, 1) : NULL_TREE;
}

/* Is t (through arithmetic and conversions) made of a value loaded
   from memory parameter p of fndecl points into (--o->ref)? */
static bool loaded_through(tree fndecl, tree t, int p, int depth)
{
	if (TREE_CODE(t) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(t) || depth > 4)
		return false;
	gimple *d = SSA_NAME_DEF_STMT(t);
	if (!is_gimple_assign(d))
		return false;
	if (gimple_assign_single_p(d) && !is_gimple_val(gimple_assign_rhs1(d))) {
		tree base = get_base_address(gimple_assign_rhs1(d));
		return base && TREE_CODE(base) == MEM_REF &&
		       param_value(fndecl, TREE_OPERAND(base, 0), 0) == p;
	}
	for (unsigned k = 1; k < gimple_num_ops(d); k++)
		if (gimple_op(d, k) &&
		    loaded_through(fndecl, gimple_op(d, k), p, depth + 1))
			return true;
	return false;
}

/* Can `from' reach `to' (NULL: the exit) by its successors without
   entering `avoid'? */
static bool reaches(function *fun, basic_block from, basic_block to,
		    basic_block avoid)
{
	auto_vec<basic_block> stack;
	auto_bitmap seen;
	basic_block end = to ? to : EXIT_BLOCK_PTR_FOR_FN(fun);
	stack.safe_push(from);
	for (int budget = 0; !stack.is_empty() && budget < 4096; budget++) {
		basic_block b = stack.pop();
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, b->succs) {
			if (e->dest == end)
				return true;
			if (e->dest != avoid && bitmap_set_bit(seen, e->dest->index))
				stack.safe_push(e->dest);
		}
	}
	return false;
}

/* Is the call in block b made only when a test of memory parameter p
   points into says so (a reference count: if (--o->ref == 0) free(o))?
   A test before b that may lead around it to the exit. */
static bool guarded_by_param(function *fun, tree fndecl, basic_block b, int p)
{
	basic_block c;
	FOR_EACH_BB_FN(c, fun) {
		gimple *last = esc_last_stmt(c);
		gcond *cond = last ? dyn_cast<gcond *>(last) : NULL;
		if (!cond || c == b ||
		    (!loaded_through(fndecl, gimple_cond_lhs(cond), p, 0) &&
		     !loaded_through(fndecl, gimple_cond_rhs(cond), p, 0)))
			continue;
		if (reaches(fun, c, b, NULL) && reaches(fun, c, NULL, b))
			return true;
	}
	return false;
}

/* The facts of function i's statements, into rel; strict: not a
   release made only when the released memory says so (teardown needs
   memory that is surely dead). */
static void scan_releases(struct esc_unit *u, struct esc_releases *rel,
			  int i, bool strict)
{
	tree decl = u->fns[i].node->decl;
	function *fun = DECL_STRUCT_FUNCTION(decl);
	basic_block bb;
	if (!fun || !fun->cfg || !gimple_in_ssa_p(fun))
		return;
	/* param_value's memo, for this function's SSA names (made when a
	   PHI is first asked about) */
	pv_nssa = vec_safe_length(fun->gimple_df->ssa_names);
	pv_memo = NULL;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si);
		     gsi_next(&si)) {
			gimple *st = gsi_stmt(si);
			if (gimple_assign_single_p(st) &&
			    TREE_CODE(gimple_assign_lhs(st)) == COMPONENT_REF)
				put_in_field(u, rel, TREE_OPERAND(gimple_assign_lhs(st), 1),
					     gimple_assign_rhs1(st));
			gcall *call = dyn_cast<gcall *>(st);
			if (!call || gimple_call_internal_p(call))
				continue;
			/* the callee as esc_call finds it: a function of the
			   unit (not a library's inline wrapper with a rule),
			   else a rule */
			tree fndecl = gimple_call_fndecl(call);
			const char *name = fndecl ? callee_name(fndecl) : NULL;
			const struct esc_rule *r = name && u->rules
				? esc_rules_find(u->rules, name) : NULL;
			cgraph_node *node = fndecl ? cgraph_node::get(fndecl) : NULL;
			int *idx = node && !(r && DECL_EXTERNAL(fndecl))
				? u->fn_index->get(node->ultimate_alias_target()->decl)
				: NULL;
			tree field = fndecl ? NULL_TREE : called_field(call);
			if (!idx && !r && !field)
				continue;
			for (unsigned j = 0; j < gimple_call_num_args(call); j++) {
				int p = param_value(decl, gimple_call_arg(call, j), 0);
				int eff = r && !idx ? esc_rule_effect(r, (int)j) : -1;
				if (p < 0)
					continue;
				/* (u->releases is solved: only a fact that
				   can release is looked at) */
				if (strict &&
				    ((idx && esc_releases_param(u->releases, *idx,
								(int)j)) ||
				     (!idx && field) ||
				     (!idx && !field && eff > 0 &&
				      (eff & ESC_EFF_FREE))) &&
				    guarded_by_param(fun, decl, bb, p))
					continue;
				if (idx)
					esc_releases_pass(rel, i, p, *idx, (int)j);
				else if (field)
					esc_releases_pass_indirect(rel, i, p,
						(uintptr_t)field, (int)j);
				else if (eff > 0 && (eff & ESC_EFF_FREE))
					esc_releases_seed(rel, i, p);
			}
		}
	free(pv_memo);
	pv_memo = NULL;
	pv_nssa = 0;
}

void esc_releases_scan(struct esc_unit *u)
{
	varpool_node *var;
	u->releases = esc_releases_new();
	u->frees = esc_releases_new();
	rule_fns.truncate(0);
	FOR_EACH_VARIABLE(var) {
		scan_initializer(u, u->releases, DECL_INITIAL(var->decl), 0);
		scan_initializer(u, u->frees, DECL_INITIAL(var->decl), 0);
	}
	for (int i = 0; i < u->nfns; i++)
		scan_releases(u, u->releases, i, false);
	esc_releases_solve(u->releases);
	for (int i = 0; i < u->nfns; i++)
		scan_releases(u, u->frees, i, true);
	esc_releases_solve(u->frees);
}
