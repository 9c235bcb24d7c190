/*
 * dangle.cc - the GCC side of the dangling check: a function's GIMPLE
 * reduced to the abstract CFG of escape.h (esc_cfg) that dangling.c checks
 * the sinks against, and the "escape:ignore" comments.
 *
 * What the CFG keeps of each block, in order: stores to memory (their
 * place), calls (callee, the keys of their result and arguments, and for
 * a function of this file with a body the globals its body stores to),
 * returns and scope-end clobbers (the declaration's position).  Each
 * edge to the exit is an edge to -1; an edge out of a block ending in
 * `r OP 0' (r a call's result, through copies and conversions) says what
 * r is on it.  Keys: a memory reference is a place, the same for
 * operand_equal_p references, inside the place of the reference it is a
 * component of (s.f inside s); a handle (a call's result or argument) is
 * the place it was loaded from or points into (its base variable), or
 * the SSA name itself.  An element a[i] of a local array indexed by a
 * counted loop's IV is one place per array and range (element_range: an
 * array stored by one loop and freed by another over the same range).
 * An edge into a loop's header whose test the values it brings decide
 * goes straight into the body (decided_edge: the loop runs at least
 * once).
 *
 * A comment containing "escape:ignore" on the line of the address or of
 * the sink silences the warning there (or "escape:ignore escape-thread"
 * only that kind); it is still listed, as suppressed, in the JSON report.
 * Runs on the unchanged IL, after the solution.
 */
#include "adapter.h"
#include "tree-dfa.h"

unsigned esc_warn_enabled = ~0u;

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

/* Same-file functions found to never return (1), to maybe return (0),
   being asked (2): callee_noreturn's, for the unit. */
static hash_map<tree, int> *noret_memo;
static bool callee_noreturn(tree cd, int depth);

static const char *callee_of(gimple *s)
{
	tree fn = gimple_call_fndecl(s);
	if (!fn || !DECL_NAME(fn))
		return NULL;
	const char *n = IDENTIFIER_POINTER(DECL_NAME(fn));
	return esc_intern(strncmp(n, "__builtin_", 10) ? n : n + 10);
}

/* How many times function fun uses function fn: the references that
   take its address, and the calls of it. */
static int fn_uses(function *fun, tree fn)
{
	cgraph_node *node = cgraph_node::get(fun->decl);
	int n = 0;
	if (!node)
		return 2;
	ipa_ref *ref = NULL;
	for (int i = 0; node->iterate_reference(i, ref); i++)
		n += ref->use == IPA_REF_ADDR && ref->referred->decl == fn;
	for (cgraph_edge *e = node->callees; e; e = e->next_callee)
		n += e->callee->decl == fn;
	return n;
}

/* A call of a function whose "loop" rule asks for its arguments
   ("unless", "fires"): its integer constants and the functions whose
   address it is given (whether it is fun's only use of it). */
static void loop_args(struct esc_cfg *cfg, int st, function *fun, gimple *s,
		      const struct esc_rules *rules, const char *callee)
{
	const struct esc_rule *r = rules && callee && st >= 0
		? esc_rules_loop(rules, callee) : NULL;
	if (!r || (r->unless_arg == ESC_LOOP_NONE && r->fires_cb == ESC_LOOP_NONE))
		return;
	for (unsigned a = 0; a < gimple_call_num_args(s); a++) {
		tree t = gimple_call_arg(s, a);
		if (TREE_CODE(t) == INTEGER_CST && tree_fits_shwi_p(t))
			esc_cfg_arg_const(cfg, st, (int)a, (long long)tree_to_shwi(t));
		else if (TREE_CODE(t) == ADDR_EXPR &&
			 TREE_CODE(TREE_OPERAND(t, 0)) == FUNCTION_DECL &&
			 DECL_NAME(TREE_OPERAND(t, 0)))
			esc_cfg_arg_fn(cfg, st, (int)a,
				       esc_intern(IDENTIFIER_POINTER(
					       DECL_NAME(TREE_OPERAND(t, 0)))),
				       fn_uses(fun, TREE_OPERAND(t, 0)) == 1);
	}
}

/* An array a counted loop stores into (an element of a[i] written
   while i walks lo .. hi). */
struct stored_range {
	tree array;
	HOST_WIDE_INT lo, hi;
};

/* A counted loop: for (i = start; i CODE bound; i += step), step 1 or
   -1, start and bound constants, i changed only there (a PHI of the
   header with two arguments).  blocks: the loop's (the header and the
   blocks from which the back edge is reached without it); single: its
   only way out is the header's test.  rep: the first IV of an equal
   range, for which the elements of every array it indexes are keyed. */
struct iv_range {
	tree iv, rep;
	HOST_WIDE_INT lo, hi; /* the indices it takes, lo <= hi */
	basic_block header, body;
	auto_vec<int> blocks;
	bool single;
};

/* The keys of one function's CFG: references by operand_equal_p. */
struct key_ent {
	tree t;
	int key;
	hashval_t hash; /* iterative_hash_expr (t): computed once */
};

struct keys {
	struct esc_cfg *cfg;
	tree fndecl;                    /* the function's (its frame's slots) */
	struct key_ent *slots;
	unsigned cap, n;
	hash_map<tree, int> *writes_at; /* callee -> index into writes */
	auto_vec<int> writes;           /* count, then the keys */
	/* arrays walked by a counted loop (range_of): the statement keyed
	   (its block, and what it does with an element: ctx) */
	basic_block ctx_bb;
	int ctx;
	hash_map<tree, int> *iv_at;     /* an IV -> 1 + its range, or 0 */
	auto_vec<struct iv_range *> ranges;
	auto_vec<struct stored_range> stored;
};

/* What a statement does with an element a[i] of a local array whose
   index is a counted loop's IV: stores into it (RANGE_STORE), reads it
   (RANGE_LOAD), hands what it holds to a call (RANGE_CALL); other
   statements name no range (RANGE_NONE). */
enum { RANGE_NONE, RANGE_STORE, RANGE_LOAD, RANGE_CALL };

static int key_of(struct keys *k, tree t);

static void keys_grow(struct keys *k)
{
	unsigned cap = k->cap ? 2 * k->cap : 64;
	struct key_ent *old = k->slots;
	unsigned oldcap = k->cap;
	k->slots = XCNEWVEC(struct key_ent, cap);
	k->cap = cap;
	for (unsigned i = 0; i < oldcap; i++)
		if (old[i].t) {
			unsigned h = old[i].hash & (cap - 1);
			while (k->slots[h].t)
				h = (h + 1) & (cap - 1);
			k->slots[h] = old[i];
		}
	free(old);
}

/* The integer constant value v is (itself, or through copies: i_10 =
   0 before the PHI takes it), or NULL_TREE. */
static tree int_const_of(tree v)
{
	for (int depth = 0; depth < 8 && v; depth++) {
		if (TREE_CODE(v) == INTEGER_CST)
			return v;
		if (TREE_CODE(v) != SSA_NAME)
			return NULL_TREE;
		gimple *d = SSA_NAME_DEF_STMT(v);
		if (!d || !is_gimple_assign(d) || !gimple_assign_single_p(d))
			return NULL_TREE;
		v = gimple_assign_rhs1(d);
	}
	return NULL_TREE;
}

/* An array walked by a counted loop (an array freed in a loop: for (i =
   0; i < 5; ++i) event_free(ev[i]) after a loop that stored into each
   ev[i] over the same range, libevent's tests).  The elements a[i] of a
   local array indexed by the IV of a counted loop (struct iv_range), at
   a statement of the loop's body, are one slot per array and range (the
   same key for every IV of an equal range: the rep's): a store into it
   is one into each element the loop reaches, in turn; a read, of each
   element of the range, when the loop has no way out but its test; a
   call given what it holds, of each element, when it is also made on
   every turn (every path from the body's start back to the header
   passes it, or the branch on which that element is null).  A loop that
   frees what another stored over the same range then frees every one of
   them. */
static struct iv_range *range_make(function *fun, tree iv)
{
	gimple *d = SSA_NAME_DEF_STMT(iv);
	if (!d || gimple_code(d) != GIMPLE_PHI)
		return NULL;
	gphi *phi = as_a<gphi *>(d);
	basic_block h = gimple_bb(phi);
	if (gimple_phi_num_args(phi) != 2)
		return NULL;
	/* the start on one edge, iv + step on the other (the back edge) */
	int in = -1;
	tree start = NULL_TREE;
	HOST_WIDE_INT step = 0;
	basic_block latch = NULL;
	for (unsigned a = 0; a < 2; a++) {
		tree v = gimple_phi_arg_def(phi, a);
		tree c = int_const_of(v);
		if (c) {
			if (start)
				return NULL;
			start = c;
			in = (int)a;
			continue;
		}
		if (TREE_CODE(v) != SSA_NAME)
			return NULL;
		gimple *inc = SSA_NAME_DEF_STMT(v);
		if (!inc || !is_gimple_assign(inc) ||
		    gimple_assign_rhs1(inc) != iv ||
		    !gimple_assign_rhs2(inc) ||
		    TREE_CODE(gimple_assign_rhs2(inc)) != INTEGER_CST ||
		    !tree_fits_shwi_p(gimple_assign_rhs2(inc)))
			return NULL;
		HOST_WIDE_INT n = tree_to_shwi(gimple_assign_rhs2(inc));
		if (gimple_assign_rhs_code(inc) == PLUS_EXPR)
			step = n;
		else if (gimple_assign_rhs_code(inc) == MINUS_EXPR)
			step = -n;
		else
			return NULL;
		latch = gimple_phi_arg_edge(phi, a)->src;
	}
	if (!start || !latch || (step != 1 && step != -1))
		return NULL;
	/* the header's test of iv against a constant */
	gimple *last = esc_last_stmt(h);
	if (!last || gimple_code(last) != GIMPLE_COND)
		return NULL;
	gcond *c = as_a<gcond *>(last);
	tree l = gimple_cond_lhs(c), r = gimple_cond_rhs(c);
	enum tree_code code = gimple_cond_code(c);
	if (r == iv) {
		std::swap(l, r);
		code = swap_tree_comparison(code);
	}
	tree bound = l == iv ? int_const_of(r) : NULL_TREE;
	if (!bound)
		return NULL;
	/* the loop: back from the latch to the header, every block of it
	   but the header entered only from the loop */
	auto_sbitmap in_loop(last_basic_block_for_fn(fun));
	bitmap_clear(in_loop);
	auto_vec<int> blocks;
	auto_vec<basic_block, 16> work;
	bitmap_set_bit(in_loop, h->index);
	blocks.safe_push(h->index);
	if (latch != h) {
		bitmap_set_bit(in_loop, latch->index);
		blocks.safe_push(latch->index);
		work.safe_push(latch);
	}
	while (!work.is_empty()) {
		basic_block b = work.pop();
		edge x;
		edge_iterator xi;
		FOR_EACH_EDGE(x, xi, b->preds) {
			if (x->src == ENTRY_BLOCK_PTR_FOR_FN(fun) ||
			    blocks.length() > 4096)
				return NULL;
			if (!bitmap_bit_p(in_loop, x->src->index)) {
				bitmap_set_bit(in_loop, x->src->index);
				blocks.safe_push(x->src->index);
				work.safe_push(x->src);
			}
		}
	}
	edge ein = gimple_phi_arg_edge(phi, in);
	if (bitmap_bit_p(in_loop, ein->src->index))
		return NULL;
	if (EDGE_COUNT(h->succs) != 2)
		return NULL;
	edge te, fe;
	extract_true_false_edges_from_block(h, &te, &fe);
	if (!te || !fe)
		return NULL;
	bool tin = te->dest != EXIT_BLOCK_PTR_FOR_FN(fun) &&
		   bitmap_bit_p(in_loop, te->dest->index);
	bool fin = fe->dest != EXIT_BLOCK_PTR_FOR_FN(fun) &&
		   bitmap_bit_p(in_loop, fe->dest->index);
	if (tin == fin)
		return NULL;
	enum tree_code stay = tin ? code : invert_tree_comparison(code, false);
	if (stay == ERROR_MARK)
		return NULL;
	bool single = true;
	for (unsigned i = 0; i < blocks.length() && single; i++) {
		basic_block b = BASIC_BLOCK_FOR_FN(fun, blocks[i]);
		edge x;
		edge_iterator xi;
		FOR_EACH_EDGE(x, xi, b->succs)
			if (b != h && !(x->flags & EDGE_EH) &&
			    (x->dest == EXIT_BLOCK_PTR_FOR_FN(fun) ||
			     !bitmap_bit_p(in_loop, x->dest->index)))
				single = false;
	}
	/* the indices it takes */
	if (!tree_fits_shwi_p(start) || !tree_fits_shwi_p(bound))
		return NULL;
	HOST_WIDE_INT s0 = tree_to_shwi(start), b0 = tree_to_shwi(bound), lo, hi;
	if (step == 1 && (stay == LT_EXPR || (stay == NE_EXPR && s0 <= b0))) {
		lo = s0;
		hi = b0 - 1;
	} else if (step == 1 && stay == LE_EXPR) {
		lo = s0;
		hi = b0;
	} else if (step == -1 && (stay == GT_EXPR || (stay == NE_EXPR && s0 >= b0))) {
		lo = b0 + 1;
		hi = s0;
	} else if (step == -1 && stay == GE_EXPR) {
		lo = b0;
		hi = s0;
	} else {
		return NULL;
	}
	if (lo > hi || b0 == HOST_WIDE_INT_MIN || b0 == HOST_WIDE_INT_MAX)
		return NULL;
	struct iv_range *rg = new iv_range;
	rg->iv = rg->rep = iv;
	rg->lo = lo;
	rg->hi = hi;
	rg->header = h;
	rg->body = tin ? te->dest : fe->dest;
	for (unsigned i = 0; i < blocks.length(); i++)
		rg->blocks.safe_push(blocks[i]);
	rg->single = single;
	return rg;
}

static struct iv_range *range_of(struct keys *k, tree iv);
static struct iv_range *element_range(struct keys *k, tree ref);

/* The arrays the counted loops of fun store into (k->stored): the
   element a statement's own left side writes (a[i] = v, a[i].f = v,
   a[i] = f ()). */
static void stored_ranges(struct keys *k, function *fun)
{
	basic_block bb;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i); gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			tree t = gimple_get_lhs(s);
			if (!t || gimple_clobber_p(s))
				continue;
			while (handled_component_p(t) && TREE_CODE(t) != ARRAY_REF)
				t = TREE_OPERAND(t, 0);
			if (TREE_CODE(t) != ARRAY_REF ||
			    TREE_CODE(TREE_OPERAND(t, 1)) != SSA_NAME)
				continue;
			k->ctx = RANGE_STORE;
			k->ctx_bb = bb;
			struct iv_range *r = element_range(k, t);
			k->ctx = RANGE_NONE;
			if (r) {
				struct stored_range sr = { TREE_OPERAND(t, 0), r->lo, r->hi };
				k->stored.safe_push(sr);
			}
		}
}

/* The counted loop whose IV iv is (computed once per IV), or NULL. */
static struct iv_range *range_of(struct keys *k, tree iv)
{
	if (!iv || TREE_CODE(iv) != SSA_NAME || !INTEGRAL_TYPE_P(TREE_TYPE(iv)) ||
	    !k->iv_at)
		return NULL;
	int *at = k->iv_at->get(iv);
	if (at)
		return *at ? k->ranges[*at - 1] : NULL;
	struct iv_range *r = range_make(DECL_STRUCT_FUNCTION(k->fndecl), iv);
	if (!r) {
		k->iv_at->put(iv, 0);
		return NULL;
	}
	for (unsigned i = 0; i < k->ranges.length(); i++) {
		struct iv_range *o = k->ranges[i];
		if (o->lo == r->lo && o->hi == r->hi) {
			r->rep = o->rep;
			break;
		}
	}
	k->ranges.safe_push(r);
	k->iv_at->put(iv, (int)k->ranges.length());
	return r;
}

static bool in_range_loop(const struct iv_range *r, basic_block b)
{
	for (unsigned i = 0; b && i < r->blocks.length(); i++)
		if (r->blocks[i] == b->index)
			return true;
	return false;
}

/* Is v, at the end of block b, loaded from element ref itself (the
   same array at the same IV)? */
static bool loaded_element(tree v, tree ref)
{
	if (!v || TREE_CODE(v) != SSA_NAME)
		return false;
	gimple *d = SSA_NAME_DEF_STMT(v);
	if (!d || !is_gimple_assign(d) || !gimple_assign_single_p(d))
		return false;
	tree t = gimple_assign_rhs1(d);
	return TREE_CODE(t) == ARRAY_REF &&
	       TREE_OPERAND(t, 0) == TREE_OPERAND(ref, 0) &&
	       TREE_OPERAND(t, 1) == TREE_OPERAND(ref, 1);
}

/* Is block b on every turn of loop r: every path from the body's start
   back to the header passes it, or an edge on which element ref is
   null (if (ev[i]) event_free(ev[i]))? */
static bool every_turn(function *fun, const struct iv_range *r, basic_block b,
		       tree ref)
{
	if (b == r->body)
		return true;
	auto_sbitmap seen(last_basic_block_for_fn(fun));
	bitmap_clear(seen);
	auto_vec<basic_block, 16> work;
	work.safe_push(r->body);
	bitmap_set_bit(seen, r->body->index);
	while (!work.is_empty()) {
		basic_block x = work.pop();
		gimple *last = esc_last_stmt(x);
		gcond *cond = last && gimple_code(last) == GIMPLE_COND
				      ? as_a<gcond *>(last) : NULL;
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, x->succs) {
			if (e->flags & EDGE_EH)
				continue;
			if (e->dest == r->header)
				return false;
			if (e->dest == b || e->dest == EXIT_BLOCK_PTR_FOR_FN(fun) ||
			    bitmap_bit_p(seen, e->dest->index) ||
			    !in_range_loop(r, e->dest))
				continue;
			/* the branch on which the element is null */
			if (cond && integer_zerop(gimple_cond_rhs(cond)) &&
			    loaded_element(gimple_cond_lhs(cond), ref) &&
			    ((gimple_cond_code(cond) == EQ_EXPR &&
			      (e->flags & EDGE_TRUE_VALUE)) ||
			     (gimple_cond_code(cond) == NE_EXPR &&
			      (e->flags & EDGE_FALSE_VALUE))))
				continue;
			bitmap_set_bit(seen, e->dest->index);
			work.safe_push(e->dest);
		}
	}
	return true;
}

/* The counted loop of element ref (an ARRAY_REF) that the statement
   being keyed (k->ctx, k->ctx_bb) may take as each element of its
   range in turn, or NULL. */
static struct iv_range *element_range(struct keys *k, tree ref)
{
	if (k->ctx == RANGE_NONE || TREE_CODE(ref) != ARRAY_REF ||
	    TREE_THIS_VOLATILE(ref))
		return NULL;
	tree a = TREE_OPERAND(ref, 0);
	if (!VAR_P(a) || !auto_var_in_fn_p(a, k->fndecl) || TREE_THIS_VOLATILE(a))
		return NULL;
	struct iv_range *r = range_of(k, TREE_OPERAND(ref, 1));
	if (!r || !in_range_loop(r, k->ctx_bb) || k->ctx_bb == r->header)
		return NULL;
	if (k->ctx != RANGE_STORE && !r->single)
		return NULL;
	/* read back: only what a store of the same range left there */
	bool stored = k->ctx == RANGE_STORE;
	for (unsigned i = 0; !stored && i < k->stored.length(); i++)
		stored = k->stored[i].array == a && k->stored[i].lo == r->lo &&
			 k->stored[i].hi == r->hi;
	if (!stored)
		return NULL;
	if (k->ctx == RANGE_CALL &&
	    !every_turn(DECL_STRUCT_FUNCTION(k->fndecl), r, k->ctx_bb, ref))
		return NULL;
	return r;
}

static bool ranged_index(struct keys *k, tree ref)
{
	return element_range(k, ref) != NULL;
}

/* t, with an element a counted loop walks (element_range) indexed by
   its range's rep, so that every loop of an equal range names the same
   place; else t. */
static tree ranged_ref(struct keys *k, tree t)
{
	if (k->ctx == RANGE_NONE || !handled_component_p(t))
		return t;
	if (TREE_CODE(t) == ARRAY_REF) {
		struct iv_range *r = element_range(k, t);
		if (!r || r->rep == TREE_OPERAND(t, 1))
			return t;
		return build4(ARRAY_REF, TREE_TYPE(t), TREE_OPERAND(t, 0), r->rep,
			      TREE_OPERAND(t, 2), TREE_OPERAND(t, 3));
	}
	tree in = ranged_ref(k, TREE_OPERAND(t, 0));
	if (in == TREE_OPERAND(t, 0))
		return t;
	tree c = copy_node(t);
	TREE_OPERAND(c, 0) = in;
	return c;
}

static tree ranged_ref(struct keys *k, tree t);

/* Marks key, the slot of reference t: one for each element in turn when
   t is an element a counted loop walks (its index not constant: a slot
   only so, element_range). */
static void mark_slot(struct keys *k, int key, tree t)
{
	bool each = false;
	for (tree x = t; !each && x && handled_component_p(x); x = TREE_OPERAND(x, 0))
		each = TREE_CODE(x) == ARRAY_REF &&
		       TREE_CODE(TREE_OPERAND(x, 1)) != INTEGER_CST;
	if (each)
		esc_cfg_slot_each(k->cfg, key);
	else
		esc_cfg_slot(k->cfg, key);
}

/* The place key of reference t (a new one the first time). */
static int key_of(struct keys *k, tree t)
{
	if (!t)
		return -1;
	t = ranged_ref(k, t);
	if (2 * (k->n + 1) > k->cap)
		keys_grow(k);
	/* operand_equal_p implies equal hashes (GCC's contract, checked by
	   its verify_hash_value): a slot of another hash is no match */
	hashval_t hash = iterative_hash_expr(t, 0);
	unsigned h = hash & (k->cap - 1);
	for (; k->slots[h].t; h = (h + 1) & (k->cap - 1))
		if (k->slots[h].t == t ||
		    (k->slots[h].hash == hash &&
		     operand_equal_p(k->slots[h].t, t, 0)))
			return k->slots[h].key;
	/* inside: the reference it is a component of; a MEM_REF of a
	   variable's address (a folded memcpy's store) is inside that
	   variable */
	tree outer = handled_component_p(t) ? TREE_OPERAND(t, 0) : NULL_TREE;
	if (TREE_CODE(t) == MEM_REF &&
	    TREE_CODE(TREE_OPERAND(t, 0)) == ADDR_EXPR &&
	    DECL_P(TREE_OPERAND(TREE_OPERAND(t, 0), 0)))
		outer = TREE_OPERAND(TREE_OPERAND(t, 0), 0);
	int parent = outer ? key_of(k, outer) : -1;
	/* the table may have grown: find the free slot again */
	if (2 * (k->n + 1) > k->cap)
		keys_grow(k);
	h = hash & (k->cap - 1);
	while (k->slots[h].t)
		h = (h + 1) & (k->cap - 1);
	k->slots[h].t = t;
	k->slots[h].hash = hash;
	k->slots[h].key = esc_cfg_key(k->cfg, parent);
	k->n++;
	return k->slots[h].key;
}

static bool ranged_index(struct keys *k, tree ref);

/* Is reference t a slot of this frame: a local variable, or a part of
   one at a fixed position (fields, elements at constant indices; an
   element a counted loop walks, ranged_index, stands for each of the
   range's in turn)? */
static bool slot_of(struct keys *k, tree t)
{
	for (int depth = 0; t && depth < 16; depth++) {
		switch (TREE_CODE(t)) {
		case VAR_DECL:
			return k->fndecl && auto_var_in_fn_p(t, k->fndecl) &&
			       !TREE_THIS_VOLATILE(t);
		case COMPONENT_REF:
			if (DECL_BIT_FIELD(TREE_OPERAND(t, 1)) ||
			    TREE_THIS_VOLATILE(t))
				return false;
			break;
		case ARRAY_REF:
			if ((TREE_CODE(TREE_OPERAND(t, 1)) != INTEGER_CST &&
			     !ranged_index(k, t)) ||
			    TREE_THIS_VOLATILE(t))
				return false;
			break;
		default:
			return false;
		}
		t = TREE_OPERAND(t, 0);
	}
	return false;
}

/* The handle key of value t: what it was loaded from (the slot itself,
   or else its base variable) or points into (its base variable), else
   itself. */
static int handle_of(struct keys *k, tree t)
{
	t = source_of(t);
	if (!t)
		return -1;
	bool loaded = TREE_CODE(t) != ADDR_EXPR;
	if (!loaded)
		t = TREE_OPERAND(t, 0);
	if (TREE_CODE(t) == SSA_NAME || is_gimple_min_invariant(t))
		return TREE_CODE(t) == SSA_NAME ? key_of(k, t) : -1;
	if (loaded && slot_of(k, t))
		return key_of(k, t);
	tree base = get_base_address(t);
	return key_of(k, base && DECL_P(base) ? base : t);
}

/* The globals (their keys) a same-file function's body stores to, one
   level deep; NULL and -1 if fndecl is not one. */
static const int *writes_of(struct keys *k, tree fndecl, int *n)
{
	function *fun = fndecl ? DECL_STRUCT_FUNCTION(fndecl) : NULL;
	*n = -1;
	if (!fun || !fun->cfg)
		return NULL;
	int *at = k->writes_at->get(fndecl);
	if (!at) {
		int start = (int)k->writes.length();
		k->writes.safe_push(0);
		basic_block bb;
		FOR_EACH_BB_FN(bb, fun)
			for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
			     gsi_next(&i)) {
				tree lhs = gimple_get_lhs(gsi_stmt(i));
				tree base = lhs && TREE_CODE(lhs) != SSA_NAME
						    ? get_base_address(lhs) : NULL_TREE;
				if (!base || !VAR_P(base) || !is_global_var(base))
					continue;
				int key = key_of(k, base);
				bool dup = false;
				for (int j = start + 1; j < (int)k->writes.length(); j++)
					dup |= k->writes[j] == key;
				if (!dup) {
					k->writes.safe_push(key);
					k->writes[start]++;
				}
			}
		k->writes_at->put(fndecl, start);
		at = k->writes_at->get(fndecl);
	}
	*n = k->writes[*at];
	return k->writes.address() + *at + 1;
}

/* What an edge out of a block ending in `r OP 0' says of r, and the call
   r is the result of (*call), if it is one. */
static enum esc_branch branch_of(edge e, gimple **call)
{
	gimple *last = esc_last_stmt(e->src);
	*call = NULL;
	if (!last || gimple_code(last) != GIMPLE_COND)
		return ESC_BR_ANY;
	gcond *cond = as_a<gcond *>(last);
	tree lhs = gimple_cond_lhs(cond);
	if (!integer_zerop(gimple_cond_rhs(cond)))
		return ESC_BR_ANY;
	for (int depth = 0; depth < 4 && TREE_CODE(lhs) == SSA_NAME; depth++) {
		gimple *def = SSA_NAME_DEF_STMT(lhs);
		if (def && is_gimple_call(def)) {
			*call = def;
			break;
		}
		if (!def || !is_gimple_assign(def) ||
		    !(gimple_assign_single_p(def) ||
		      CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def))))
			break;
		lhs = gimple_assign_rhs1(def);
	}
	if (!*call)
		return ESC_BR_ANY;
	bool t = e->flags & EDGE_TRUE_VALUE;
	if (!t && !(e->flags & EDGE_FALSE_VALUE))
		return ESC_BR_ANY;
	switch (gimple_cond_code(cond)) {
	case EQ_EXPR:
		return t ? ESC_BR_ZERO : ESC_BR_NONZERO;
	case NE_EXPR:
		return t ? ESC_BR_NONZERO : ESC_BR_ZERO;
	case LT_EXPR:
		return t ? ESC_BR_NEGATIVE : ESC_BR_NONNEG;
	case GE_EXPR:
		return t ? ESC_BR_NONNEG : ESC_BR_NEGATIVE;
	default:
		return ESC_BR_ANY;
	}
}

/* The handle of a frame object's declaration, as the reports name it. */
static uint64_t object_of(tree decl)
{
	return (uint64_t)expansion_point_location_if_in_system_header(
		DECL_SOURCE_LOCATION(decl));
}

/* A set of trees for a walk's "seen": the first 16 in an array, a
   hash_set only past them (uses_of asks for one per statement that uses
   a pointer: a hash_set each was an allocation each). */
struct tree_seen {
	tree small[16];
	unsigned n;
	hash_set<tree> *big;
	tree_seen() : n(0), big(NULL) {}
	~tree_seen() { delete big; }
	/* as hash_set::add: was t there already? */
	bool add(tree t)
	{
		if (big)
			return big->add(t);
		for (unsigned i = 0; i < n; i++)
			if (small[i] == t)
				return true;
		if (n < 16) {
			small[n++] = t;
			return false;
		}
		big = new hash_set<tree>;
		for (unsigned i = 0; i < n; i++)
			big->add(small[i]);
		return big->add(t);
	}
};

/* Is t the address of a frame object pointees counts (&x, &x.f)? */
static bool frame_addr(function *fun, tree t)
{
	if (TREE_CODE(t) != ADDR_EXPR)
		return false;
	tree base = get_base_address(TREE_OPERAND(t, 0));
	return base && VAR_P(base) && auto_var_in_fn_p(base, fun->decl);
}

/* The pointer SSA names of fun from whose definitions pointees can reach
   a frame object's address (through the same definitions it follows),
   by version: *live, made once per function.  A walk into any other
   name finds nothing, and marks as seen only names that find nothing
   (a name that reaches a live one is live): pointees skips them, with
   the same answer. */
static void pointees_live(function *fun, auto_vec<unsigned char> *live)
{
	unsigned n = vec_safe_length(SSANAMES(fun)), v;
	tree d;
	live->safe_grow_cleared(n);
	for (bool changed = true; changed;) {
		changed = false;
		FOR_EACH_SSA_NAME(v, d, fun) {
			if ((*live)[v] || !POINTER_TYPE_P(TREE_TYPE(d)))
				continue;
			gimple *def = SSA_NAME_DEF_STMT(d);
			bool yes = false;
			if (!def)
				continue;
			if (gimple_code(def) == GIMPLE_PHI) {
				gphi *phi = as_a<gphi *>(def);
				for (unsigned i = 0; !yes && i < gimple_phi_num_args(phi); i++) {
					tree a = gimple_phi_arg_def(phi, i);
					yes = a && (TREE_CODE(a) == SSA_NAME
						    ? (*live)[SSA_NAME_VERSION(a)] != 0
						    : frame_addr(fun, a));
				}
			} else if (is_gimple_assign(def) &&
				   (gimple_assign_single_p(def) ||
				    CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) ||
				    gimple_assign_rhs_code(def) == POINTER_PLUS_EXPR)) {
				tree a = gimple_assign_rhs1(def);
				yes = a && (TREE_CODE(a) == SSA_NAME
					    ? (*live)[SSA_NAME_VERSION(a)] != 0
					    : frame_addr(fun, a));
			}
			if (yes) {
				(*live)[v] = 1;
				changed = true;
			}
		}
	}
}

/* The frame objects (their handles) pointer p may point to, by its
   definitions: address-of, copies, conversions, pointer arithmetic,
   PHIs (escape-scope's question, as GCC's -Wdangling-pointer asks it).
   live: pointees_live's. */
static void pointees(function *fun, tree p, auto_vec<uint64_t> *out,
		     tree_seen *seen, int depth, const auto_vec<unsigned char> &live)
{
	if (depth > 16 || !p)
		return;
	if (TREE_CODE(p) == SSA_NAME && SSA_NAME_VERSION(p) < live.length() &&
	    !live[SSA_NAME_VERSION(p)])
		return;
	if (TREE_CODE(p) == ADDR_EXPR) {
		tree base = get_base_address(TREE_OPERAND(p, 0));
		if (base && VAR_P(base) && auto_var_in_fn_p(base, fun->decl)) {
			uint64_t o = object_of(base);
			for (unsigned i = 0; i < out->length(); i++)
				if ((*out)[i] == o)
					return;
			out->safe_push(o);
		}
		return;
	}
	if (TREE_CODE(p) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(p)) ||
	    seen->add(p))
		return;
	gimple *def = SSA_NAME_DEF_STMT(p);
	if (!def)
		return;
	if (gimple_code(def) == GIMPLE_PHI) {
		gphi *phi = as_a<gphi *>(def);
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++)
			pointees(fun, gimple_phi_arg_def(phi, i), out, seen, depth + 1,
				 live);
		return;
	}
	if (!is_gimple_assign(def))
		return;
	enum tree_code code = gimple_assign_rhs_code(def);
	if (gimple_assign_single_p(def) || CONVERT_EXPR_CODE_P(code) ||
	    code == POINTER_PLUS_EXPR)
		pointees(fun, gimple_assign_rhs1(def), out, seen, depth + 1, live);
}

/* The pointer a reference dereferences, or NULL_TREE. */
static tree deref_of(tree ref)
{
	if (!ref || TREE_CODE(ref) == SSA_NAME)
		return NULL_TREE;
	tree base = get_base_address(ref);
	if (base && (TREE_CODE(base) == MEM_REF || TREE_CODE(base) == TARGET_MEM_REF) &&
	    TREE_CODE(TREE_OPERAND(base, 0)) == SSA_NAME)
		return TREE_OPERAND(base, 0);
	return NULL_TREE;
}

/* A statement that dereferences or passes on pointers to frame objects
   is a use of them (escape-scope); one that takes a frame object's
   address starts its pointers' life. */
static void uses_of(struct keys *k, function *fun, gimple *s,
		    const auto_vec<unsigned char> &live)
{
	auto_vec<tree, 8> ptrs;
	if (is_gimple_assign(s)) {
		tree rhs = gimple_assign_rhs1(s);
		if (gimple_assign_single_p(s) && TREE_CODE(rhs) == ADDR_EXPR) {
			tree base = get_base_address(TREE_OPERAND(rhs, 0));
			if (base && VAR_P(base) && auto_var_in_fn_p(base, fun->decl))
				esc_cfg_addr(k->cfg, esc_pos_of(esc_stmt_location(s)),
					     object_of(base));
		}
		if (tree p = deref_of(gimple_assign_lhs(s)))
			ptrs.safe_push(p);
		if (gimple_assign_single_p(s))
			if (tree p = deref_of(rhs))
				ptrs.safe_push(p);
	} else if (is_gimple_call(s)) {
		for (unsigned a = 0; a < gimple_call_num_args(s); a++) {
			tree arg = gimple_call_arg(s, a);
			if (TREE_CODE(arg) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(arg)))
				ptrs.safe_push(arg);
			else if (tree p = deref_of(arg))
				ptrs.safe_push(p);
		}
		if (tree p = deref_of(gimple_call_lhs(s)))
			ptrs.safe_push(p);
	}
	if (ptrs.is_empty())
		return;
	auto_vec<uint64_t> objs;
	tree_seen seen;
	for (unsigned i = 0; i < ptrs.length(); i++)
		pointees(fun, ptrs[i], &objs, &seen, 0, live);
	if (!objs.is_empty())
		esc_cfg_use(k->cfg, esc_pos_of(esc_stmt_location(s)), objs.address(),
			    (int)objs.length());
}

/* The place a call writes pointers into, by its rule's "copy" or
   "store" (memcpy(&g, &p, n) writes g), or -1. */
static int call_place(struct keys *k, gimple *s, const struct esc_rules *rules,
		      const char *callee)
{
	const struct esc_rule *r = callee && rules ? esc_rules_find(rules, callee)
						   : NULL;
	int to = !r ? -1 : r->copy_to >= 0 ? r->copy_to : r->store_to;
	if (to < 0 || (unsigned)to >= gimple_call_num_args(s))
		return -1;
	tree a = gimple_call_arg(s, to);
	if (TREE_CODE(a) != ADDR_EXPR)
		return -1;
	return key_of(k, TREE_OPERAND(a, 0));
}

/* ------------------------------------------------------------------ */
/* Undo: linked lists as a same-file function's body handles them      */

/* The index of the parameter t is the incoming value of (through
   copies), or -1. */
static int incoming_param(tree fndecl, tree t)
{
	t = source_of(t);
	if (!t || TREE_CODE(t) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF(t) ||
	    !SSA_NAME_VAR(t) || TREE_CODE(SSA_NAME_VAR(t)) != PARM_DECL)
		return -1;
	int i = 0;
	for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p), i++)
		if (p == SSA_NAME_VAR(t))
			return i;
	return -1;
}

/* Is edge e taken only where the incoming value of parameter p is null
   (through blocks of a single predecessor from a test of p against
   0)? */
static bool under_null(tree fndecl, edge e, int p)
{
	for (int depth = 0; depth < 8; depth++) {
		gimple *last = esc_last_stmt(e->src);
		gcond *c = last && gimple_code(last) == GIMPLE_COND
				   ? as_a<gcond *>(last) : NULL;
		if (c && integer_zerop(gimple_cond_rhs(c)) &&
		    incoming_param(fndecl, gimple_cond_lhs(c)) == p) {
			bool t = e->flags & EDGE_TRUE_VALUE;
			return (gimple_cond_code(c) == EQ_EXPR && t) ||
			       (gimple_cond_code(c) == NE_EXPR &&
				(e->flags & EDGE_FALSE_VALUE));
		}
		if (!single_pred_p(e->src))
			return false;
		e = single_pred_edge(e->src);
	}
	return false;
}

/* The index of the parameter t is the incoming value of, or -1; also
   when t is a parameter defaulted where it is null, from a global or
   to null (event_base_free: if (!base && current_base) base =
   current_base;): what it does to t it does to the parameter's object
   whenever there is one. */
static int param_of(tree fndecl, tree t)
{
	int p = incoming_param(fndecl, t);
	t = source_of(t);
	if (p >= 0 || !t || TREE_CODE(t) != SSA_NAME)
		return p;
	gimple *d = SSA_NAME_DEF_STMT(t);
	if (!d || gimple_code(d) != GIMPLE_PHI)
		return -1;
	gphi *phi = as_a<gphi *>(d);
	for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
		int q = incoming_param(fndecl, gimple_phi_arg_def(phi, i));
		if (q >= 0 && (p < 0 || q == p))
			p = q;
		else if (q >= 0)
			return -1;
	}
	for (unsigned i = 0; p >= 0 && i < gimple_phi_num_args(phi); i++) {
		tree a = gimple_phi_arg_def(phi, i), g = source_of(a);
		if (incoming_param(fndecl, a) == p)
			continue;
		bool global = integer_zerop(a) ||
			      (g && VAR_P(g) && is_global_var(g));
		if (!global || !under_null(fndecl, gimple_phi_arg_edge(phi, i), p))
			return -1;
	}
	return p;
}

/* ref is ptr->field: sets *ptr, returns the field's number (DECL_UID),
   or -1. */
static int field_ref(tree ref, tree *ptr)
{
	if (!ref || TREE_CODE(ref) != COMPONENT_REF)
		return -1;
	tree base = TREE_OPERAND(ref, 0);
	if (TREE_CODE(base) != MEM_REF || !integer_zerop(TREE_OPERAND(base, 1)))
		return -1;
	*ptr = TREE_OPERAND(base, 0);
	return (int)DECL_UID(TREE_OPERAND(ref, 1));
}

/* v is loaded from ptr->field (through copies): sets *ptr, returns the
   field's number, or -1. */
static int loaded_from(tree v, tree *ptr)
{
	v = source_of(v);
	return v && TREE_CODE(v) != SSA_NAME ? field_ref(v, ptr) : -1;
}

/* Does every path from fun's entry to its exit pass through block b? */
static bool on_every_path(function *fun, basic_block b)
{
	auto_vec<basic_block> stack;
	auto_bitmap seen;
	stack.safe_push(ENTRY_BLOCK_PTR_FOR_FN(fun));
	bitmap_set_bit(seen, ENTRY_BLOCK_PTR_FOR_FN(fun)->index);
	while (!stack.is_empty()) {
		basic_block x = stack.pop();
		if (x == EXIT_BLOCK_PTR_FOR_FN(fun))
			return false;
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, x->succs)
			if (e->dest != b && bitmap_set_bit(seen, e->dest->index))
				stack.safe_push(e->dest);
	}
	return true;
}

/* What fndecl's body does to lists through its parameters: facts whose
   key and into are parameter indices.  LINK: p[into]->f = p[key];
   POP: p->f written (p->f = p->f->g, p->f = 0, ...); UNLINK: p->x->f =
   p->y (the latter two on every path). */
static const vec<struct esc_undo> *body_facts(tree fndecl, int depth);

/* The facts of call s in fndecl's body (of block bb) that its callee's
   body has, in fndecl's parameters: a link between two of them, a pop
   or unlink of one, the latter on every path of fndecl (renameParseSql
   linking its Parse by sqlite3ParseObjectInit). */
static void callee_facts(tree fndecl, function *fun, basic_block bb, gimple *s,
			 int depth, auto_vec<struct esc_undo> *out)
{
	tree callee = gimple_call_fndecl(s);
	if (!callee || callee == fndecl)
		return;
	const vec<struct esc_undo> *facts = body_facts(callee, depth + 1);
	int every = -1;
	for (unsigned j = 0; facts && j < facts->length(); j++) {
		struct esc_undo u = (*facts)[j];
		unsigned nargs = gimple_call_num_args(s);
		if (u.key < 0 || (unsigned)u.key >= nargs ||
		    (u.into >= 0 && (unsigned)u.into >= nargs))
			continue;
		u.key = param_of(fndecl, gimple_call_arg(s, u.key));
		if (u.into >= 0)
			u.into = param_of(fndecl, gimple_call_arg(s, u.into));
		if (u.key < 0)
			continue;
		if (u.kind == ESC_UNDO_LINK) {
			if (u.into < 0 || u.into == u.key)
				continue;
		} else {
			if (every < 0)
				every = on_every_path(fun, bb);
			if (!every)
				continue;
		}
		out->safe_push(u);
	}
}

/* Does fndecl's body store what parameter `into''s field f held into
   memory other than that field (a push: b->prev = s->top; s->top = b
   keeps the old top reachable)? */
static bool saves_field(tree fndecl, function *fun, int into, int f)
{
	basic_block bb;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
		     gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			if (!gimple_assign_single_p(s) || gimple_clobber_p(s) ||
			    TREE_CODE(gimple_assign_lhs(s)) == SSA_NAME)
				continue;
			tree p, q;
			if (loaded_from(gimple_assign_rhs1(s), &p) != f ||
			    param_of(fndecl, p) != into)
				continue;
			if (field_ref(gimple_assign_lhs(s), &q) == f &&
			    param_of(fndecl, q) == into)
				continue; /* put back where it was */
			return true;
		}
	return false;
}

static void undo_facts(tree fndecl, auto_vec<struct esc_undo> *out, int depth)
{
	function *fun = DECL_STRUCT_FUNCTION(fndecl);
	if (!fun || !fun->cfg || !gimple_in_ssa_p(fun) ||
	    n_basic_blocks_for_fn(fun) > 200)
		return;
	basic_block bb;
	FOR_EACH_BB_FN(bb, fun) {
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
		     gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			if (is_gimple_call(s) && depth < 3)
				callee_facts(fndecl, fun, bb, s, depth, out);
			if (!gimple_assign_single_p(s) || gimple_clobber_p(s))
				continue;
			tree lhs = gimple_assign_lhs(s), rhs = gimple_assign_rhs1(s);
			tree ptr, p2, p3;
			int f = field_ref(lhs, &ptr);
			if (f < 0)
				continue;
			int into = param_of(fndecl, ptr);
			struct esc_undo u;
			u.into = -1;
			u.field = f;
			if (into >= 0) {
				int from = param_of(fndecl, rhs);
				if (from >= 0 && from != into) {
					u.kind = ESC_UNDO_LINK;
					u.key = from;
					u.into = into;
					out->safe_push(u);
					u.into = -1;
				}
				/* p->f written on every path: a pop (p->f =
				   p->f->g), a clear (p->f = 0), a restore;
				   not a push, which keeps the old value
				   (b->prev = s->top; s->top = b) */
				bool pop = loaded_from(rhs, &p2) >= 0 &&
					   loaded_from(p2, &p3) == f &&
					   param_of(fndecl, p3) == into;
				if ((pop || !saves_field(fndecl, fun, into, f)) &&
				    on_every_path(fun, bb)) {
					u.kind = ESC_UNDO_POP;
					u.key = into;
					out->safe_push(u);
				}
				continue;
			}
			/* p->x->f = p->y */
			int p = loaded_from(ptr, &p2) >= 0 ? param_of(fndecl, p2) : -1;
			if (p >= 0 && loaded_from(rhs, &p3) >= 0 &&
			    param_of(fndecl, p3) == p && on_every_path(fun, bb)) {
				u.kind = ESC_UNDO_UNLINK;
				u.key = p;
				out->safe_push(u);
			}
		}
	}
}

/* A body's facts (undo_facts, with its callees' up to three calls
   deep), read once for the unit: bodies do not change while the pass
   runs.  A body being read (a recursive call) has none yet. */
static const vec<struct esc_undo> *body_facts(tree fndecl, int depth)
{
	static hash_map<tree, vec<struct esc_undo> > *cache;
	if (!cache)
		cache = new hash_map<tree, vec<struct esc_undo> >;
	if (vec<struct esc_undo> *known = cache->get(fndecl))
		return known;
	cache->put(fndecl, vNULL);
	auto_vec<struct esc_undo> read;
	undo_facts(fndecl, &read, depth);
	vec<struct esc_undo> body = vNULL;
	for (unsigned i = 0; i < read.length(); i++)
		body.safe_push(read[i]);
	cache->put(fndecl, body);
	return cache->get(fndecl);
}

/* The facts of a call of a same-file function, its arguments' keys in
   keys[1..]; and of a store lhs = rhs into ptr->field. */
static int call_undo(struct esc_cfg *cfg, int st, gimple *s, const int *keys,
		     int nkeys)
{
	tree fndecl = gimple_call_fndecl(s);
	if (!fndecl)
		return 0;
	const vec<struct esc_undo> *body = body_facts(fndecl, 0);
	auto_vec<struct esc_undo> facts;
	for (unsigned i = 0; body && i < body->length(); i++)
		facts.safe_push((*body)[i]);
	unsigned n = 0;
	int kills = 0;
	for (unsigned i = 0; i < facts.length(); i++) {
		struct esc_undo u = facts[i];
		if (u.key + 1 >= nkeys || u.into + 1 >= nkeys)
			continue;
		u.key = keys[1 + u.key];
		u.into = u.into >= 0 ? keys[1 + u.into] : -1;
		if (u.key < 0 || (u.kind == ESC_UNDO_LINK && u.into < 0))
			continue;
		kills += u.kind != ESC_UNDO_LINK;
		facts[n++] = u;
	}
	if (n)
		esc_cfg_undo(cfg, st, facts.address(), (int)n);
	return st >= 0 ? kills : 0;
}

/* ------------------------------------------------------------------ */
/* Effects: what a body does to its parameters' memory (effects.c)      */

/* The name of a field, or NULL. */
static const char *field_name(tree field)
{
	return field && TREE_CODE(field) == FIELD_DECL && DECL_NAME(field)
		       ? IDENTIFIER_POINTER(DECL_NAME(field)) : NULL;
}

/* Value v as a parameter's path: the parameter itself (""), or what its
   field g holds ("g").  Returns the parameter's index or -1. */
static int value_path(tree fndecl, tree v, const char **path)
{
	int p = param_of(fndecl, v);
	if (p >= 0) {
		*path = esc_intern("");
		return p;
	}
	v = source_of(v);
	if (!v || TREE_CODE(v) != COMPONENT_REF)
		return -1;
	tree base = TREE_OPERAND(v, 0);
	const char *g = field_name(TREE_OPERAND(v, 1));
	if (!g || TREE_CODE(base) != MEM_REF || !integer_zerop(TREE_OPERAND(base, 1)))
		return -1;
	p = param_of(fndecl, TREE_OPERAND(base, 0));
	if (p >= 0)
		*path = esc_intern(g);
	return p;
}

/* The memory reference ref as a parameter's path: ptr->f... ("f", the
   field next to the dereference) with ptr a parameter's path ("" or
   "g": "f" or "g/f").  Returns the parameter's index or -1. */
static int ref_path(tree fndecl, tree ref, const char **path)
{
	for (int depth = 0; ref && handled_component_p(ref) && depth < 16;
	     depth++, ref = TREE_OPERAND(ref, 0)) {
		tree base = TREE_OPERAND(ref, 0);
		if (TREE_CODE(ref) != COMPONENT_REF || TREE_CODE(base) != MEM_REF ||
		    !integer_zerop(TREE_OPERAND(base, 1)))
			continue;
		const char *f = field_name(TREE_OPERAND(ref, 1)), *via;
		int p = f ? value_path(fndecl, TREE_OPERAND(base, 0), &via) : -1;
		if (p < 0 || !(*path = esc_effect_path(via, f)))
			return -1;
		return p;
	}
	return -1;
}

/* Is s a copy of another SSA value, without side effects (v = w;
   v = (T) w keeping its bits)? */
static bool ssa_copy_p(gimple *s)
{
	if (!is_gimple_assign(s) || TREE_CODE(gimple_assign_lhs(s)) != SSA_NAME)
		return false;
	tree a = gimple_assign_rhs1(s);
	if (TREE_CODE(a) != SSA_NAME)
		return false;
	return gimple_assign_single_p(s) ||
	       (CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(s)) &&
		tree_nop_conversion_p(TREE_TYPE(gimple_assign_lhs(s)), TREE_TYPE(a)));
}

/* v, returned in block b: the argument on edge e of the PHI of b it is,
   or copies (ssa_copy_p) in b; else v itself.  GCC 12 at -O2 copies a
   conditional expression's PHI into another name before the return
   (iftmp.5_2 = PHI <...>; _16 = iftmp.5_2; return _16;), GCC 13 on
   returns the PHI itself: the value on each edge is the same. */
static tree phi_value_on(basic_block b, edge e, tree v)
{
	tree w = v;
	for (int depth = 0; depth < 8 && w && TREE_CODE(w) == SSA_NAME; depth++) {
		gimple *d = SSA_NAME_DEF_STMT(w);
		if (!d || gimple_bb(d) != b)
			break;
		if (gimple_code(d) == GIMPLE_PHI)
			return PHI_ARG_DEF_FROM_EDGE(as_a<gphi *>(d), e);
		if (!ssa_copy_p(d))
			break;
		w = gimple_assign_rhs1(d);
	}
	return v;
}

/* The value a return statement in block b returns on edge e (through
   its PHI, phi_value_on), or NULL_TREE. */
static tree returned_on(edge e)
{
	basic_block b = e->dest;
	gimple *ret = NULL;
	for (gimple_stmt_iterator i = gsi_start_nondebug_bb(b); !gsi_end_p(i);
	     gsi_next_nondebug(&i)) {
		gimple *s = gsi_stmt(i);
		if (gimple_code(s) == GIMPLE_LABEL || gimple_clobber_p(s) ||
		    ssa_copy_p(s))
			continue;
		if (gimple_code(s) == GIMPLE_RETURN)
			ret = s;
		break;
	}
	tree v = ret ? gimple_return_retval(as_a<greturn *>(ret)) : NULL_TREE;
	if (v && TREE_CODE(v) == SSA_NAME) {
		tree w = phi_value_on(b, e, v);
		if (w != v)
			return source_of(w);
	}
	/* -O0: the value was set in a variable before the jump */
	tree var = source_of(v);
	if (var && (VAR_P(var) || TREE_CODE(var) == RESULT_DECL)) {
		tree last = NULL_TREE;
		for (gimple_stmt_iterator i = gsi_start_bb(e->src); !gsi_end_p(i);
		     gsi_next(&i))
			if (is_gimple_assign(gsi_stmt(i)) &&
			    gimple_assign_lhs(gsi_stmt(i)) == var)
				last = gimple_assign_rhs1(gsi_stmt(i));
		return last;
	}
	return v;
}

/* Is edge e a way out that does not count for "every path" of a fact on
   parameter q's path (q -1: none): into a return of a non-zero constant
   (C's failure), or the branch on which a parameter is null, or what its
   path (or the field the path starts with) holds is null (nothing there
   to tear down)?  Read once per edge, for every q and path: 1 when e is
   one for every fact, 2 when only for a fact on a path of parameter *q
   that starts with *held (fails_for), 0 when for none. */
static int failure_edge(tree fndecl, edge e, int *q, const char **held)
{
	*q = -1;
	*held = NULL;
	tree v = returned_on(e);
	if (v && TREE_CODE(v) == INTEGER_CST && !integer_zerop(v))
		return 1;
	gimple *last = esc_last_stmt(e->src);
	if (!last || gimple_code(last) != GIMPLE_COND)
		return 0;
	gcond *c = as_a<gcond *>(last);
	tree lhs = gimple_cond_lhs(c);
	if (!integer_zerop(gimple_cond_rhs(c)) || !POINTER_TYPE_P(TREE_TYPE(lhs)))
		return 0;
	bool t = e->flags & EDGE_TRUE_VALUE;
	if (!((gimple_cond_code(c) == EQ_EXPR && t) ||
	      (gimple_cond_code(c) == NE_EXPR && !t &&
	       (e->flags & EDGE_FALSE_VALUE))))
		return 0;
	if (param_of(fndecl, lhs) >= 0)
		return 1;
	const char *h;
	int p = value_path(fndecl, lhs, &h);
	if (p < 0 || !*h)
		return 0;
	*q = p;
	*held = h;
	return 2;
}

/* The field of a parameter (its index in *q) that value v is read
   from, possibly through a mask (v = q->f & c: *mask = c, else 0) and
   conversions, one field deep; or NULL. */
static const char *flag_of(tree fndecl, tree v, int *q, uint64_t *mask)
{
	*q = -1;
	*mask = 0;
	for (int depth = 0; depth < 4 && v && TREE_CODE(v) == SSA_NAME; depth++) {
		gimple *d = SSA_NAME_DEF_STMT(v);
		if (!d || !is_gimple_assign(d))
			return NULL;
		enum tree_code code = gimple_assign_rhs_code(d);
		if (code == BIT_AND_EXPR &&
		    TREE_CODE(gimple_assign_rhs2(d)) == INTEGER_CST) {
			uint64_t c = (uint64_t)TREE_INT_CST_LOW(gimple_assign_rhs2(d));
			*mask = *mask ? *mask & c : c;
			if (!*mask)
				return NULL;
			v = gimple_assign_rhs1(d);
		} else if (CONVERT_EXPR_CODE_P(code))
			v = gimple_assign_rhs1(d);
		else if (gimple_assign_single_p(d))
			v = gimple_assign_rhs1(d);
		else
			return NULL;
	}
	const char *f;
	int p;
	if (!v || TREE_CODE(v) == SSA_NAME || (p = ref_path(fndecl, v, &f)) < 0 ||
	    !*f || strchr(f, '/'))
		return NULL;
	*q = p;
	return f;
}

/* Is edge e the branch on which a parameter's field (a flag) is zero,
   masked by *mask (0: not masked)?  Returns the field, the parameter's
   index in *q; or NULL. */
static const char *guard_zero_edge(tree fndecl, edge e, int *q, uint64_t *mask)
{
	*q = -1;
	*mask = 0;
	gimple *last = esc_last_stmt(e->src);
	if (!last || gimple_code(last) != GIMPLE_COND)
		return NULL;
	gcond *c = as_a<gcond *>(last);
	bool t = e->flags & EDGE_TRUE_VALUE;
	if (!integer_zerop(gimple_cond_rhs(c)) ||
	    !((gimple_cond_code(c) == EQ_EXPR && t) ||
	      (gimple_cond_code(c) == NE_EXPR && (e->flags & EDGE_FALSE_VALUE))))
		return NULL;
	const char *f = flag_of(fndecl, gimple_cond_lhs(c), q, mask);
	if (!f)
		*q = -1;
	return f;
}

/* The path questions of one body (body_effects), asked of paths.c: its
   edges, each with what failure_edge and guard_zero_edge say of it, read
   once; the answers for one (q, path, guard, mask), or for the same ways
   out as another's, computed once.  Made on the first question. */
struct out_edge {
	int fail;           /* failure_edge's answer, with q and held */
	int q;
	const char *held;
	int gq;             /* guard_zero_edge's: the zero branch of */
	const char *guard;  /* gq->guard & mask */
	uint64_t mask;
};

struct path_answer {
	int q;
	const char *path, *guard;
	uint64_t mask;
	bool reached;       /* the exit, without the ways out */
	unsigned first;     /* marks[first + block]: on every path to it */
	unsigned out, nout; /* the ways out: outs[out..out + nout) */
};

/* A block ending in a test against zero of a parameter's flag (the
   candidates of unlink_guard, in FOR_EACH_BB_FN's order). */
struct flag_test {
	int q;
	const char *flag;
	uint64_t mask;
};

struct body_paths {
	function *fun;
	tree fndecl;
	bool ready;
	struct esc_paths g;
	auto_vec<unsigned> start;
	auto_vec<int> dest;
	auto_vec<out_edge> edges;
	auto_vec<flag_test> tests;
	auto_vec<path_answer> answers;
	auto_vec<unsigned char> marks;
	auto_vec<unsigned> outs;
	body_paths(function *f, tree d) : fun(f), fndecl(d), ready(false) {}
};

static void paths_init(struct body_paths *bp)
{
	function *fun = bp->fun;
	int n = last_basic_block_for_fn(fun);
	bp->ready = true;
	bp->start.safe_grow_cleared(n + 1);
	for (int i = 0; i < n; i++) {
		bp->start[i] = bp->edges.length();
		basic_block x = BASIC_BLOCK_FOR_FN(fun, i);
		if (!x)
			continue;
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, x->succs) {
			struct out_edge o;
			o.fail = failure_edge(bp->fndecl, e, &o.q, &o.held);
			o.guard = guard_zero_edge(bp->fndecl, e, &o.gq, &o.mask);
			bp->edges.safe_push(o);
			bp->dest.safe_push(e->dest->index);
		}
	}
	bp->start[n] = bp->edges.length();
	bp->g.n = n;
	bp->g.entry = ENTRY_BLOCK;
	bp->g.exit = EXIT_BLOCK;
	bp->g.start = bp->start.address();
	bp->g.dest = bp->dest.address();
	basic_block x;
	FOR_EACH_BB_FN(x, fun) {
		gimple *last = esc_last_stmt(x);
		struct flag_test t;
		if (!last || gimple_code(last) != GIMPLE_COND ||
		    !integer_zerop(gimple_cond_rhs(as_a<gcond *>(last))) ||
		    !(t.flag = flag_of(bp->fndecl, gimple_cond_lhs(as_a<gcond *>(last)),
				       &t.q, &t.mask)))
			continue;
		bp->tests.safe_push(t);
	}
}

/* Does edge o not count for a fact on parameter q's path (failure_edge's
   answer for q and path)? */
static bool fails_for(const struct out_edge *o, int q, const char *path)
{
	if (o->fail == 1)
		return true;
	if (o->fail != 2 || q < 0 || o->q != q || !path || !*path)
		return false;
	size_t n = strlen(o->held);
	return !strncmp(o->held, path, n) && (path[n] == 0 || path[n] == '/');
}

/* The answers for (q, path, guard, mask): an index into bp->answers.
   The ways out: failure_edge's, and with a guard the branch on which
   q->guard is zero, masked by mask. */
static unsigned paths_answer(struct body_paths *bp, int q, const char *path,
			     const char *guard, uint64_t mask)
{
	if (!bp->ready)
		paths_init(bp);
	for (unsigned i = 0; i < bp->answers.length(); i++) {
		const struct path_answer *a = &bp->answers[i];
		if (a->q == q && a->guard == guard && a->mask == mask &&
		    (a->path == path || (a->path && path && !strcmp(a->path, path))))
			return i;
	}
	struct path_answer a;
	a.q = q;
	a.path = path;
	a.guard = guard;
	a.mask = mask;
	auto_vec<unsigned char> ok;
	ok.safe_grow_cleared(bp->edges.length());
	a.out = bp->outs.length();
	for (unsigned i = 0; i < bp->edges.length(); i++) {
		const struct out_edge *o = &bp->edges[i];
		ok[i] = !fails_for(o, q, path) &&
			!(guard && o->guard == guard && o->gq == q && o->mask == mask);
		if (!ok[i])
			bp->outs.safe_push(i);
	}
	a.nout = bp->outs.length() - a.out;
	/* the same ways out as another's: the same answers */
	for (unsigned i = 0; i < bp->answers.length(); i++) {
		const struct path_answer *b = &bp->answers[i];
		if (b->nout == a.nout &&
		    (!a.nout || !memcmp(&bp->outs[b->out], &bp->outs[a.out],
					a.nout * sizeof(unsigned)))) {
			bp->outs.truncate(a.out);
			a.out = b->out;
			a.reached = b->reached;
			a.first = b->first;
			bp->answers.safe_push(a);
			return bp->answers.length() - 1;
		}
	}
	a.first = bp->marks.length();
	bp->marks.safe_grow_cleared(a.first + bp->g.n);
	a.reached = esc_paths_on_every(&bp->g, ok.address(), &bp->marks[a.first]);
	bp->answers.safe_push(a);
	return bp->answers.length() - 1;
}

/* Does every path from fun's entry to a normal return pass through
   block b (failure_edge's ways out, for a fact on q's path, do not
   count; nor, with a guard, the branch on which q->guard is zero,
   masked by mask)? */
static bool on_every_normal_path(struct body_paths *bp, basic_block b, int q,
				 const char *path, const char *guard = NULL,
				 uint64_t mask = 0)
{
	unsigned i = paths_answer(bp, q, path, guard, mask);
	return !bp->answers[i].reached || bp->marks[bp->answers[i].first + b->index];
}

/* Is the exit (a normal return) reached from fun's entry without the
   ways out on_every_normal_path does not count (the guard's zero
   branch among them)? */
static bool reached_past(struct body_paths *bp, int q, const char *path,
			 const char *guard, uint64_t mask)
{
	return bp->answers[paths_answer(bp, q, path, guard, mask)].reached;
}

/* Does every path from fun's entry to a normal return pass through one
   of the blocks of set (failure_edge's ways out, for a fact on q's path,
   do not count)? */
static bool on_every_normal_path_set(struct body_paths *bp,
				     const auto_vec<unsigned char> &set, int q,
				     const char *path)
{
	if (!bp->ready)
		paths_init(bp);
	auto_vec<unsigned char> ok;
	ok.safe_grow_cleared(bp->edges.length());
	for (unsigned i = 0; i < bp->edges.length(); i++)
		ok[i] = !fails_for(&bp->edges[i], q, path);
	return esc_paths_through(&bp->g, ok.address(), set.address());
}

/* A flag of parameter q that fun tests against zero, possibly masked
   (if (!n->linked) return; if (n->flags & 4) ...), with which block b
   is on every normal path, one at least left where it is set (its mask
   in *mask), or NULL.  (Not a flag on whose non-zero branch fun only
   fails: if (ev->flags & FINALIZING) return -1; guards nothing.) */
static const char *unlink_guard(struct body_paths *bp, basic_block b, int q,
				const char *path, uint64_t *mask)
{
	if (!bp->ready)
		paths_init(bp);
	for (unsigned i = 0; i < bp->tests.length(); i++) {
		const struct flag_test t = bp->tests[i];
		if (t.q == q && strcmp(t.flag, path) &&
		    on_every_normal_path(bp, b, q, path, t.flag, t.mask) &&
		    reached_past(bp, q, path, t.flag, t.mask)) {
			*mask = t.mask;
			return t.flag;
		}
	}
	*mask = 0;
	return NULL;
}

/* Is the value stored by s a non-zero constant, or or-ed with one
   (n->linked = 1; ev->flags |= 4)? */
static bool nonzero_store(gimple *s)
{
	if (!gimple_assign_single_p(s))
		return false;
	tree v = gimple_assign_rhs1(s);
	if (TREE_CODE(v) == INTEGER_CST)
		return !integer_zerop(v);
	if (TREE_CODE(v) != SSA_NAME)
		return false;
	gimple *d = SSA_NAME_DEF_STMT(v);
	if (d && is_gimple_assign(d) && CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(d)) &&
	    TREE_CODE(gimple_assign_rhs1(d)) == SSA_NAME)
		d = SSA_NAME_DEF_STMT(gimple_assign_rhs1(d));
	return d && is_gimple_assign(d) && gimple_assign_rhs_code(d) == BIT_IOR_EXPR &&
	       TREE_CODE(gimple_assign_rhs2(d)) == INTEGER_CST &&
	       !integer_zerop(gimple_assign_rhs2(d));
}

/* The bits store s sets and may clear in lhs, the memory it writes: a
   constant c (sets c, may clear ~c), lhs or-ed with one (lhs |= c: sets
   c, clears none), and-ed with one (lhs &= m: may clear ~m); anything
   else may clear every bit. */
static void store_bits(gimple *s, tree lhs, uint64_t *set, uint64_t *clr)
{
	*set = 0;
	*clr = ~(uint64_t)0;
	if (!gimple_assign_single_p(s))
		return;
	tree v = gimple_assign_rhs1(s);
	if (TREE_CODE(v) == INTEGER_CST) {
		*set = (uint64_t)TREE_INT_CST_LOW(v);
		*clr = ~*set;
		return;
	}
	if (TREE_CODE(v) != SSA_NAME)
		return;
	gimple *d = SSA_NAME_DEF_STMT(v);
	if (d && is_gimple_assign(d) && CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(d)) &&
	    TREE_CODE(gimple_assign_rhs1(d)) == SSA_NAME)
		d = SSA_NAME_DEF_STMT(gimple_assign_rhs1(d));
	if (!d || !is_gimple_assign(d) ||
	    (gimple_assign_rhs_code(d) != BIT_IOR_EXPR &&
	     gimple_assign_rhs_code(d) != BIT_AND_EXPR) ||
	    TREE_CODE(gimple_assign_rhs2(d)) != INTEGER_CST)
		return;
	uint64_t c = (uint64_t)TREE_INT_CST_LOW(gimple_assign_rhs2(d));
	/* the operand: lhs itself, loaded (through a conversion)? */
	tree x = gimple_assign_rhs1(d);
	gimple *ld = TREE_CODE(x) == SSA_NAME ? SSA_NAME_DEF_STMT(x) : NULL;
	if (ld && is_gimple_assign(ld) && CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(ld)) &&
	    TREE_CODE(gimple_assign_rhs1(ld)) == SSA_NAME)
		ld = SSA_NAME_DEF_STMT(gimple_assign_rhs1(ld));
	bool same = ld && gimple_assign_single_p(ld) &&
		    operand_equal_p(gimple_assign_rhs1(ld), lhs, 0);
	if (gimple_assign_rhs_code(d) == BIT_IOR_EXPR) {
		*set = c;
		*clr = same ? 0 : ~c;
	} else if (same) {
		*clr = ~c;
	}
}

/* Does store s (into lhs) restore lhs from itself: lhs = lhs->g, or
   lhs = lhs - c (a pop)? */
static bool restores(gimple *s, tree lhs)
{
	if (!is_gimple_assign(s))
		return false;
	tree rhs = gimple_assign_rhs1(s), p;
	if (gimple_assign_single_p(s)) {
		/* through a copy: t = lhs->g ... lhs = t; or t = lhs - c */
		tree v = source_of(rhs);
		if (v && TREE_CODE(v) == SSA_NAME) {
			gimple *d = SSA_NAME_DEF_STMT(v);
			return d && d != s && restores(d, lhs);
		}
		return v && loaded_from(v, &p) >= 0 && (p = source_of(p)) &&
		       operand_equal_p(p, lhs, 0);
	}
	if (gimple_assign_rhs_code(s) == POINTER_PLUS_EXPR) {
		tree off = gimple_assign_rhs2(s);
		return TREE_CODE(off) == INTEGER_CST && tree_int_cst_sign_bit(off) &&
		       (p = source_of(rhs)) && operand_equal_p(p, lhs, 0);
	}
	return false;
}

/* Is the store lhs = rhs an unlink of a parameter's object: the memory
   one of its fields f points to (the cell that points to the object, or
   its neighbour) receives what another of its own fields holds (*n->prevp
   = n->next, BSD LIST_REMOVE/TAILQ_REMOVE; n->prev->next = n->next)?
   Sets *via to f; returns the parameter's index or -1. */
static int unlink_of(tree fndecl, tree lhs, tree rhs, const char **via)
{
	tree ref = lhs;
	while (handled_component_p(ref))
		ref = TREE_OPERAND(ref, 0);
	if (TREE_CODE(ref) != MEM_REF || !POINTER_TYPE_P(TREE_TYPE(lhs)))
		return -1;
	tree cell = source_of(TREE_OPERAND(ref, 0)), v = source_of(rhs);
	const char *f, *h;
	int p = cell && TREE_CODE(cell) != SSA_NAME ? ref_path(fndecl, cell, &f) : -1;
	if (p < 0 || !*f || strchr(f, '/') || !v || TREE_CODE(v) == SSA_NAME ||
	    ref_path(fndecl, v, &h) != p || !*h || strchr(h, '/'))
		return -1;
	*via = f;
	return p;
}

/* Does value a hold what pointer cell points to (a = *cell)? */
static bool loaded_through(tree a, tree cell)
{
	gimple *d = a && TREE_CODE(a) == SSA_NAME ? SSA_NAME_DEF_STMT(a) : NULL;
	if (!d || !gimple_assign_single_p(d))
		return false;
	tree r = gimple_assign_rhs1(d);
	return TREE_CODE(r) == MEM_REF && TREE_OPERAND(r, 0) == cell &&
	       integer_zerop(TREE_OPERAND(r, 1));
}

/* Is store s, *pp = n->g, the unlink of a parameter's object n from a
   list searched for it: pp a pointer to a cell that s is reached only
   through a test that the cell holds n (while (*pp != n) pp =
   &(*pp)->g; *pp = n->g;, SQLite's sqlite3_backup_finish)?  The cell
   that points to the object receives its successor, as *n->prevp =
   n->next does with the cell the object records.  A search that can
   leave without finding n (while (*pp && *pp != n)) reaches the store
   by other ways too: no unlink.  Sets *via to g; returns n's index or
   -1. */
static int search_unlink_of(tree fndecl, gimple *s, const char **via)
{
	if (!gimple_assign_single_p(s))
		return -1;
	tree lhs = gimple_assign_lhs(s), cell;
	if (TREE_CODE(lhs) != MEM_REF || !integer_zerop(TREE_OPERAND(lhs, 1)) ||
	    !POINTER_TYPE_P(TREE_TYPE(lhs)) ||
	    TREE_CODE(cell = TREE_OPERAND(lhs, 0)) != SSA_NAME)
		return -1;
	const char *g;
	int p = value_path(fndecl, gimple_assign_rhs1(s), &g);
	if (p < 0 || !*g || strchr(g, '/'))
		return -1;
	/* the blocks above s, each the only way into the next */
	basic_block b = gimple_bb(s);
	for (int depth = 0; b && depth < 8 && single_pred_p(b); depth++) {
		edge e = single_pred_edge(b);
		gimple *t = esc_last_stmt(e->src);
		if (t && gimple_code(t) == GIMPLE_COND) {
			enum tree_code code = gimple_cond_code(t);
			tree x = gimple_cond_lhs(t), y = gimple_cond_rhs(t);
			bool eq = (code == EQ_EXPR && (e->flags & EDGE_TRUE_VALUE)) ||
				  (code == NE_EXPR && (e->flags & EDGE_FALSE_VALUE));
			if (eq && ((loaded_through(x, cell) && param_of(fndecl, y) == p) ||
				   (loaded_through(y, cell) && param_of(fndecl, x) == p))) {
				*via = g;
				return p;
			}
		}
		b = e->src;
	}
	return -1;
}

/* The conditions of an effect (esc_effect's skip, refuse, args). */
struct fx_conds {
	int nskip, nrefuse, nargs;
	struct esc_cond skip[ESC_MAX_CONDS], refuse[ESC_MAX_CONDS];
	struct esc_cond_arg args[ESC_MAX_CONDS];
};

static void effect_add(auto_vec<struct esc_effect> *out, enum esc_effect_kind kind,
		       int param, const char *path, const char *callee, int arg,
		       int every, int pointer, int pop = 0, int nonzero = 0,
		       const char *guard = NULL, uint64_t mask = 0,
		       uint64_t setbits = 0, uint64_t clrbits = ~(uint64_t)0,
		       const struct fx_conds *xc = NULL)
{
	static const struct fx_conds none = {};
	if (!xc)
		xc = &none;
	if (kind == ESC_FX_CALL || kind == ESC_FX_UNLINK)
		setbits = clrbits = 0;
	for (unsigned i = 0; i < out->length(); i++) {
		struct esc_effect *e = &(*out)[i];
		if (e->kind == kind && e->param == param && e->path == path &&
		    e->callee == callee && e->arg == arg) {
			e->every |= every;
			e->pointer |= pointer;
			e->pop |= pop;
			/* every write of the path non-zero; an unlink
			   without a guard is the stronger */
			e->nonzero &= nonzero;
			e->setbits |= setbits;
			e->clrbits |= clrbits;
			/* an unlink on every path is the stronger; a call
			   made where a flag is set at one site is so
			   whatever the others */
			if (kind == ESC_FX_UNLINK && !guard && !xc->nskip) {
				e->guard = NULL;
				e->mask = 0;
				e->skip = NULL;
			} else if (kind == ESC_FX_CALL && !e->guard && !e->skip &&
				   (guard || xc->nskip)) {
				e->guard = guard;
				e->mask = mask;
				e->skip = esc_conds_intern(xc->skip, xc->nskip);
			}
			/* made only where none of the refusals of every
			   site holds; the integer arguments every site
			   passes alike */
			if (e->refuse) {
				struct esc_conds r = *e->refuse;
				r.n = esc_conds_meet(r.c, r.n, xc->refuse, xc->nrefuse);
				e->refuse = esc_conds_intern(r.c, r.n);
			}
			if (e->args) {
				struct esc_cond_args x = *e->args;
				int k = 0;
				for (int a = 0; a < x.n; a++) {
					bool in = false;
					for (int b = 0; b < xc->nargs && !in; b++)
						in = x.a[a].arg == xc->args[b].arg &&
						     x.a[a].param == xc->args[b].param &&
						     x.a[a].path == xc->args[b].path;
					if (in)
						x.a[k++] = x.a[a];
				}
				e->args = esc_cond_args_intern(x.a, k);
			}
			return;
		}
	}
	struct esc_effect e;
	memset(&e, 0, sizeof e);
	e.kind = kind;
	e.param = param;
	e.path = path;
	e.callee = callee;
	e.arg = arg;
	e.every = every;
	e.pointer = pointer;
	e.pop = kind == ESC_FX_CLEAR && pop;
	e.nonzero = kind != ESC_FX_CALL && nonzero;
	e.setbits = setbits;
	e.clrbits = clrbits;
	e.guard = guard;
	e.mask = guard ? mask : 0;
	if (kind == ESC_FX_UNLINK || kind == ESC_FX_CALL)
		e.skip = esc_conds_intern(xc->skip, xc->nskip);
	if (kind == ESC_FX_CALL || pointer)
		e.refuse = esc_conds_intern(xc->refuse, xc->nrefuse);
	if (kind == ESC_FX_CALL)
		e.args = esc_cond_args_intern(xc->args, xc->nargs);
	out->safe_push(e);
}

/* Conditions on what a function is given (esc_cond): the tests of its
   blocks on a parameter's field or an integer parameter, against zero or
   a mask ((ev->flags & 64) != 0, !(n->linked)) or for a negative value
   (fd < 0; (unsigned) sig > 64 holds wherever sig < 0 does, good only for
   a refusal).  A remover's skip is a condition whose holding branch may
   avoid its unlink; a keeper's refusal one whose failing branch every
   path to its write takes. */
struct cond_test {
	edge holds;
	int holds_dest;     /* its destination block */
	bool refuse_only;
};
struct cond_info {
	int nconds;                       /* distinct conditions, at most 32 */
	struct esc_cond conds[32];
	auto_vec<int> bcond;              /* per block: its test's condition, -1 */
	auto_vec<cond_test> btest;        /* per block: its test */
	auto_vec<bitmap> reach;           /* per condition: what its failing
					     branches do not cut off, lazily */
	~cond_info()
	{
		for (unsigned i = 0; i < reach.length(); i++)
			if (reach[i])
				BITMAP_FREE(reach[i]);
	}
};

/* The parameter (and path, "" for an integer parameter itself) value v
   is read from, through copies, conversions (conv: whether one was
   passed) and an and with a constant (*mask, 0 for none); -1 if none. */
static int cond_value(tree fndecl, tree v, const char **path, uint64_t *mask,
		      bool *conv)
{
	*mask = 0;
	*conv = false;
	for (int depth = 0; depth < 6 && v && TREE_CODE(v) == SSA_NAME; depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(v))
			break;
		gimple *d = SSA_NAME_DEF_STMT(v);
		if (!d || !is_gimple_assign(d))
			return -1;
		enum tree_code code = gimple_assign_rhs_code(d);
		if (code == BIT_AND_EXPR && TREE_CODE(gimple_assign_rhs2(d)) == INTEGER_CST) {
			uint64_t c = (uint64_t)TREE_INT_CST_LOW(gimple_assign_rhs2(d));
			*mask = *mask ? *mask & c : c;
			if (!*mask)
				return -1;
			v = gimple_assign_rhs1(d);
		} else if (CONVERT_EXPR_CODE_P(code)) {
			*conv = true;
			v = gimple_assign_rhs1(d);
		} else if (gimple_assign_single_p(d)) {
			v = gimple_assign_rhs1(d);
		} else {
			return -1;
		}
	}
	if (!v)
		return -1;
	if (TREE_CODE(v) == SSA_NAME) {
		int q = INTEGRAL_TYPE_P(TREE_TYPE(v)) ? incoming_param(fndecl, v) : -1;
		if (q >= 0)
			*path = esc_intern("");
		return q;
	}
	int q = INTEGRAL_TYPE_P(TREE_TYPE(v)) ? ref_path(fndecl, v, path) : -1;
	return q >= 0 && **path ? q : -1;
}

/* The condition block b's test is about, and its test; false if none. */
static bool cond_of(tree fndecl, basic_block b, struct esc_cond *c, cond_test *t)
{
	gimple *last = esc_last_stmt(b);
	if (!last || gimple_code(last) != GIMPLE_COND || EDGE_COUNT(b->succs) != 2)
		return false;
	gcond *g = as_a<gcond *>(last);
	tree lhs = gimple_cond_lhs(g), rhs = gimple_cond_rhs(g);
	enum tree_code code = gimple_cond_code(g);
	if (TREE_CODE(rhs) != INTEGER_CST || !INTEGRAL_TYPE_P(TREE_TYPE(lhs)))
		return false;
	edge te = EDGE_SUCC(b, 0)->flags & EDGE_TRUE_VALUE ? EDGE_SUCC(b, 0) : EDGE_SUCC(b, 1);
	edge fe = te == EDGE_SUCC(b, 0) ? EDGE_SUCC(b, 1) : EDGE_SUCC(b, 0);
	if (!(te->flags & EDGE_TRUE_VALUE) || !(fe->flags & EDGE_FALSE_VALUE))
		return false;
	uint64_t mask;
	bool conv;
	const char *path;
	t->refuse_only = false;
	if (integer_zerop(rhs) && (code == NE_EXPR || code == EQ_EXPR)) {
		c->param = cond_value(fndecl, lhs, &path, &mask, &conv);
		c->mask = mask ? mask : ~(uint64_t)0;
		t->holds = code == NE_EXPR ? te : fe;
	} else if (!TYPE_UNSIGNED(TREE_TYPE(lhs)) &&
		   (((code == LT_EXPR || code == GE_EXPR) && integer_zerop(rhs)) ||
		    ((code == LE_EXPR || code == GT_EXPR) && integer_minus_onep(rhs)))) {
		c->param = cond_value(fndecl, lhs, &path, &mask, &conv);
		if (mask || conv)
			return false;
		c->mask = 0;
		t->holds = code == LT_EXPR || code == LE_EXPR ? te : fe;
	} else if (TYPE_UNSIGNED(TREE_TYPE(lhs)) && (code == GT_EXPR || code == GE_EXPR) &&
		   tree_int_cst_sgn(rhs) > 0 && TREE_CODE(lhs) == SSA_NAME) {
		/* (unsigned) x > C, x signed: holds wherever x < 0 does */
		gimple *d = SSA_NAME_DEF_STMT(lhs);
		if (!d || !is_gimple_assign(d) || !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(d)))
			return false;
		tree x = gimple_assign_rhs1(d);
		if (!INTEGRAL_TYPE_P(TREE_TYPE(x)) || TYPE_UNSIGNED(TREE_TYPE(x)) ||
		    TYPE_PRECISION(TREE_TYPE(x)) != TYPE_PRECISION(TREE_TYPE(lhs)) ||
		    compare_tree_int(rhs, ((unsigned HOST_WIDE_INT)1 << 30)) > 0)
			return false;
		c->param = cond_value(fndecl, x, &path, &mask, &conv);
		if (mask || conv)
			return false;
		c->mask = 0;
		t->holds = te;
		t->refuse_only = true;
	} else {
		return false;
	}
	if (c->param < 0 || EDGE_SUCC(b, 0)->dest == EDGE_SUCC(b, 1)->dest)
		return false;
	c->path = path;
	t->holds_dest = t->holds->dest->index;
	return true;
}

/* May fun have written parameter q's field at path before the test
   that ends block t (a store to it in t, or in a block from which t is
   reached)? */
static bool written_before(function *fun, tree fndecl, int q, const char *path,
			   basic_block t)
{
	auto_vec<basic_block> stack;
	auto_bitmap seen;
	basic_block b;
	FOR_EACH_BB_FN(b, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(b); !gsi_end_p(i); gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			tree lhs = gimple_get_lhs(s);
			const char *f;
			if (!lhs || TREE_CODE(lhs) == SSA_NAME || gimple_clobber_p(s) ||
			    ref_path(fndecl, lhs, &f) != q || f != path)
				continue;
			if (b == t)
				return true;
			if (bitmap_set_bit(seen, b->index))
				stack.safe_push(b);
			break;
		}
	auto_bitmap reached;
	while (!stack.is_empty()) {
		basic_block x = stack.pop();
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, x->succs) {
			if (e->dest == t)
				return true;
			if (bitmap_set_bit(reached, e->dest->index))
				stack.safe_push(e->dest);
		}
	}
	return false;
}

/* The conditions fun tests (cond_of), but on a field it may have written
   itself before the test (if (--p->refcnt == 0): not the value it was
   given). */
static void cond_info_init(function *fun, tree fndecl, cond_info *ci)
{
	ci->nconds = 0;
	ci->bcond.safe_grow_cleared(last_basic_block_for_fn(fun));
	ci->btest.safe_grow_cleared(last_basic_block_for_fn(fun));
	for (unsigned i = 0; i < ci->bcond.length(); i++)
		ci->bcond[i] = -1;
	basic_block b;
	FOR_EACH_BB_FN(b, fun) {
		struct esc_cond c;
		cond_test t;
		if (!cond_of(fndecl, b, &c, &t) ||
		    (*c.path && written_before(fun, fndecl, c.param, c.path, b)))
			continue;
		int i;
		for (i = 0; i < ci->nconds; i++)
			if (ci->conds[i].param == c.param && ci->conds[i].mask == c.mask &&
			    ci->conds[i].path == c.path)
				break;
		if (i == ci->nconds) {
			if (ci->nconds == 32)
				continue;
			ci->conds[ci->nconds++] = c;
		}
		ci->bcond[b->index] = i;
		ci->btest[b->index] = t;
	}
	ci->reach.safe_grow_cleared(ci->nconds);
}

/* Is the edge from block x to block d cut by the conditions skip
   (their holding branches) and guard (their failing ones)? */
static bool cond_cut(const cond_info *ci, int x, int d, uint32_t skip, uint32_t guard)
{
	int i = ci->bcond[x];
	if (i < 0)
		return false;
	const cond_test &t = ci->btest[x];
	if (d == t.holds_dest)
		return !t.refuse_only && (skip >> i & 1);
	return (guard >> i & 1) != 0;
}

/* Is the exit reached from the entry without entering the blocks marked
   in set, failure_edge's ways out (for q's path) or the edges cut by
   skip and guard? */
static bool walk_out(struct body_paths *bp, const unsigned char *set, int q,
		     const char *path, const cond_info *ci, uint32_t skip, uint32_t guard)
{
	if (!bp->ready)
		paths_init(bp);
	auto_vec<int> stack;
	auto_vec<unsigned char> seen;
	seen.safe_grow_cleared(bp->g.n);
	stack.safe_push(ENTRY_BLOCK);
	seen[ENTRY_BLOCK] = 1;
	while (!stack.is_empty()) {
		int x = stack.pop();
		if (x == EXIT_BLOCK)
			return true;
		for (unsigned k = bp->start[x]; k < bp->start[x + 1]; k++) {
			int d = bp->dest[k];
			if (seen[d] || set[d] || fails_for(&bp->edges[k], q, path) ||
			    cond_cut(ci, x, d, skip, guard))
				continue;
			seen[d] = 1;
			stack.safe_push(d);
		}
	}
	return false;
}

/* The conditions with which the blocks of set are on every normal path
   of q's path (path "" the object): at most one flag of q on whose zero
   branch they may be avoided (*guard, *mask: 0 for any bit) and skips
   on whose holding branches they may (xc->skip), each needed.  False if
   none. */
static bool cover_conds(struct body_paths *bp, const unsigned char *set, int q,
			const char *path, const cond_info *ci, const char **guard,
			uint64_t *mask, struct fx_conds *xc)
{
	uint32_t sk = 0, gd = 0;
	for (int i = 0; i < ci->nconds; i++) {
		const struct esc_cond *c = &ci->conds[i];
		if (c->param == q && *c->path && !strchr(c->path, '/') && c->mask)
			gd |= 1u << i;
		if ((c->param == q && *c->path) || (!*c->path && c->param != q))
			sk |= 1u << i;
	}
	if ((!sk && !gd) || walk_out(bp, set, q, path, ci, sk, gd))
		return false;
	for (int i = 0; i < ci->nconds; i++)
		if ((gd >> i & 1) &&
		    !walk_out(bp, set, q, path, ci, sk, gd & ~(1u << i)))
			gd &= ~(1u << i);
	for (int i = 0; i < ci->nconds; i++)
		if ((sk >> i & 1) &&
		    !walk_out(bp, set, q, path, ci, sk & ~(1u << i), gd))
			sk &= ~(1u << i);
	int nsk = 0;
	for (int i = 0; i < ci->nconds; i++)
		nsk += sk >> i & 1;
	if ((sk & gd) || (gd & (gd - 1)) || nsk > ESC_MAX_CONDS)
		return false;
	*guard = NULL;
	*mask = 0;
	for (int i = 0; i < ci->nconds; i++)
		if (gd >> i & 1) {
			*guard = ci->conds[i].path;
			*mask = ci->conds[i].mask == ~(uint64_t)0 ? 0 : ci->conds[i].mask;
		}
	xc->nskip = 0;
	for (int i = 0; i < ci->nconds; i++)
		if (sk >> i & 1)
			xc->skip[xc->nskip++] = ci->conds[i];
	return true;
}

/* The refusals of block b: the conditions on whose failing branch every
   path to b is (of q's first, then of integer parameters), at most
   ESC_MAX_CONDS, in xc->refuse. */
static void refusals(function *fun, cond_info *ci, basic_block b, int q,
		     struct fx_conds *xc)
{
	xc->nrefuse = 0;
	for (int pass = 0; pass < 3; pass++)
		for (int i = 0; i < ci->nconds && xc->nrefuse < ESC_MAX_CONDS; i++) {
			const struct esc_cond *c = &ci->conds[i];
			int which = c->param == q ? 0 : !*c->path ? 1 : 2;
			if (which != pass)
				continue;
			if (!ci->reach[i]) {
				ci->reach[i] = BITMAP_ALLOC(NULL);
				auto_vec<basic_block> stack;
				stack.safe_push(ENTRY_BLOCK_PTR_FOR_FN(fun));
				bitmap_set_bit(ci->reach[i], ENTRY_BLOCK_PTR_FOR_FN(fun)->index);
				while (!stack.is_empty()) {
					basic_block x = stack.pop();
					edge e;
					edge_iterator ei;
					FOR_EACH_EDGE(e, ei, x->succs) {
						bool fails = ci->bcond[x->index] == i &&
							     e != ci->btest[x->index].holds;
						if (!fails &&
						    bitmap_set_bit(ci->reach[i], e->dest->index))
							stack.safe_push(e->dest);
					}
				}
			}
			if (!bitmap_bit_p(ci->reach[i], b->index))
				xc->refuse[xc->nrefuse++] = *c;
		}
}

/* The blocks of fun marked: b alone (b2 too, when given), in *mark. */
static const unsigned char *block_mark(function *fun, auto_vec<unsigned char> *mark,
				       basic_block b, basic_block b2 = NULL)
{
	mark->truncate(0);
	mark->safe_grow_cleared(last_basic_block_for_fn(fun));
	(*mark)[b->index] = 1;
	if (b2)
		(*mark)[b2->index] = 1;
	return mark->address();
}

/* Reference counts: a release where a count reaches 0, a result whose
   count is 1 (effects.c's RELEASE and FRESH). */

/* A local variable of fun (-O0 keeps them out of SSA) whose address is
   never taken: the one statement that assigns it, or NULL (none, or
   several). */
static gimple *only_def(function *fun, tree var)
{
	if (!VAR_P(var) || !auto_var_in_fn_p(var, fun->decl) || TREE_ADDRESSABLE(var))
		return NULL;
	gimple *found = NULL;
	basic_block bb;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
		     gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			if (gimple_get_lhs(s) != var)
				continue;
			if (found)
				return NULL;
			found = s;
		}
	return found;
}

/* The count field of parameter q that v is the decremented value of
   (v = --q->f, q->f - 1, through conversions and copies), or NULL. */
static const char *dec_of(function *fun, tree fndecl, tree v, int q)
{
	bool dec = false;
	for (int depth = 0; depth < 12 && v; depth++) {
		gimple *d = TREE_CODE(v) == SSA_NAME ? SSA_NAME_DEF_STMT(v)
			    : only_def(fun, v);
		if (!d || !is_gimple_assign(d))
			return NULL;
		enum tree_code code = gimple_assign_rhs_code(d);
		tree a = gimple_assign_rhs1(d);
		if (CONVERT_EXPR_CODE_P(code) || code == SSA_NAME ||
		    (gimple_assign_single_p(d) && VAR_P(a) && only_def(fun, a))) {
			v = a;
			continue;
		}
		if (!dec && (code == PLUS_EXPR || code == MINUS_EXPR) &&
		    TREE_CODE(gimple_assign_rhs2(d)) == INTEGER_CST) {
			tree c = gimple_assign_rhs2(d);
			if (code == PLUS_EXPR ? !(integer_minus_onep(c) || integer_all_onesp(c))
					      : !integer_onep(c))
				return NULL;
			dec = true;
			v = a;
			continue;
		}
		if (!gimple_assign_single_p(d))
			return NULL;
		/* a load right after the store of the decremented value
		   (-O0: q->f = _4; _5 = q->f;) reads that value */
		if (!dec) {
			gimple *st = NULL;
			gimple_stmt_iterator i = gsi_for_stmt(d);
			for (gsi_prev(&i); !gsi_end_p(i) && !st; gsi_prev(&i)) {
				gimple *x = gsi_stmt(i);
				if (is_gimple_debug(x))
					continue;
				if (!gimple_assign_single_p(x) || !gimple_vdef(x))
					return NULL;
				st = x;
			}
			if (!st || !operand_equal_p(gimple_assign_lhs(st), a, 0))
				return NULL;
			v = gimple_assign_rhs1(st);
			continue;
		}
		/* the load of the count */
		const char *f;
		if (TREE_CODE(a) == SSA_NAME || ref_path(fndecl, a, &f) != q || !*f ||
		    strchr(f, '/'))
			return NULL;
		return f;
	}
	return NULL;
}

/* Is edge e a branch on which parameter q's count f, decremented, is
   not 0 (if (--q->f == 0) false; if (r != 0), if (--q->f > 0) true)? */
static bool dec_nonzero_edge(function *fun, tree fndecl, edge e, int q,
			     const char *f)
{
	gimple *last = esc_last_stmt(e->src);
	if (!last || gimple_code(last) != GIMPLE_COND)
		return false;
	gcond *c = as_a<gcond *>(last);
	if (!integer_zerop(gimple_cond_rhs(c)) ||
	    dec_of(fun, fndecl, gimple_cond_lhs(c), q) != f)
		return false;
	bool t = e->flags & EDGE_TRUE_VALUE;
	switch (gimple_cond_code(c)) {
	case EQ_EXPR:
		return (e->flags & EDGE_FALSE_VALUE) != 0;
	case NE_EXPR:
	case GT_EXPR:
	case LT_EXPR:
		return t;
	default:
		return false;
	}
}

/* Does fun add -1 to, or subtract 1 from, anything (_1 = p->f; _2 =
   _1 + -1)?  (A cheap first question before the count walks.) */
static bool decrements(function *fun)
{
	basic_block x;
	FOR_EACH_BB_FN(x, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(x); !gsi_end_p(i);
		     gsi_next(&i)) {
			gimple *d = gsi_stmt(i);
			if (!is_gimple_assign(d) ||
			    (gimple_assign_rhs_code(d) != PLUS_EXPR &&
			     gimple_assign_rhs_code(d) != MINUS_EXPR) ||
			    TREE_CODE(gimple_assign_rhs2(d)) != INTEGER_CST)
				continue;
			tree c = gimple_assign_rhs2(d);
			if (gimple_assign_rhs_code(d) == PLUS_EXPR
				    ? integer_minus_onep(c) || integer_all_onesp(c)
				    : integer_onep(c))
				return true;
		}
	return false;
}

/* The count fields of parameter q whose decremented value fun tests
   against 0, one at most per test (into out). */
static void dec_fields(function *fun, tree fndecl, int q, auto_vec<const char *> *out)
{
	basic_block x;
	FOR_EACH_BB_FN(x, fun) {
		gimple *last = esc_last_stmt(x);
		if (!last || gimple_code(last) != GIMPLE_COND ||
		    !integer_zerop(gimple_cond_rhs(as_a<gcond *>(last))))
			continue;
		const char *f = dec_of(fun, fndecl, gimple_cond_lhs(as_a<gcond *>(last)), q);
		bool dup = false;
		for (unsigned i = 0; f && i < out->length(); i++)
			dup |= (*out)[i] == f;
		if (f && !dup)
			out->safe_push(f);
	}
}

/* Is edge e a way out that counts for no fact (failure_edge's for any
   parameter and path): into a return of a non-zero constant, or the
   branch on which a parameter is null? */
static bool count_failure_edge(tree fndecl, edge e)
{
	tree v = returned_on(e);
	if (v && TREE_CODE(v) == INTEGER_CST && !integer_zerop(v))
		return true;
	gimple *last = esc_last_stmt(e->src);
	if (!last || gimple_code(last) != GIMPLE_COND)
		return false;
	gcond *c = as_a<gcond *>(last);
	tree lhs = gimple_cond_lhs(c);
	if (!integer_zerop(gimple_cond_rhs(c)) || !POINTER_TYPE_P(TREE_TYPE(lhs)) ||
	    param_of(fndecl, lhs) < 0)
		return false;
	bool t = e->flags & EDGE_TRUE_VALUE;
	return (gimple_cond_code(c) == EQ_EXPR && t) ||
	       (gimple_cond_code(c) == NE_EXPR && !t && (e->flags & EDGE_FALSE_VALUE));
}

/* Does every path from fun's entry to a normal return on which q's
   count f, decremented, reaches 0 pass through a block of set
   (count_failure_edge's ways out do not count)? */
static bool every_path_dec(function *fun, tree fndecl, bitmap set, int q,
			   const char *f)
{
	auto_vec<basic_block> stack;
	auto_bitmap seen;
	stack.safe_push(ENTRY_BLOCK_PTR_FOR_FN(fun));
	bitmap_set_bit(seen, ENTRY_BLOCK_PTR_FOR_FN(fun)->index);
	while (!stack.is_empty()) {
		basic_block x = stack.pop();
		if (x == EXIT_BLOCK_PTR_FOR_FN(fun))
			return false;
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, x->succs)
			if (!bitmap_bit_p(set, e->dest->index) &&
			    !count_failure_edge(fndecl, e) &&
			    !dec_nonzero_edge(fun, fndecl, e, q, f) &&
			    bitmap_set_bit(seen, e->dest->index))
				stack.safe_push(e->dest);
	}
	return true;
}

/* The count of parameter q released (freed, or handed on by a call, in
   the blocks of set) where it reaches 0, or NULL. */
static const char *released_by_count(function *fun, tree fndecl, bitmap set, int q)
{
	auto_vec<const char *> fields;
	dec_fields(fun, fndecl, q, &fields);
	for (unsigned i = 0; i < fields.length(); i++)
		if (every_path_dec(fun, fndecl, set, q, fields[i]))
			return fields[i];
	return NULL;
}

/* The pointer a returned value points into (&p->base: p; through
   copies and conversions; -O0's local itself), or NULL_TREE. */
static tree ret_root(tree v)
{
	for (int depth = 0; depth < 12 && v; depth++) {
		if (TREE_CODE(v) == ADDR_EXPR) {
			tree r = TREE_OPERAND(v, 0);
			while (handled_component_p(r))
				r = TREE_OPERAND(r, 0);
			if (TREE_CODE(r) != MEM_REF || !integer_zerop(TREE_OPERAND(r, 1)))
				return NULL_TREE;
			v = TREE_OPERAND(r, 0);
			continue;
		}
		if (TREE_CODE(v) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(v))
			return v;
		gimple *d = SSA_NAME_DEF_STMT(v);
		if (!d || !is_gimple_assign(d))
			return v;
		enum tree_code code = gimple_assign_rhs_code(d);
		if (!(CONVERT_EXPR_CODE_P(code) || gimple_assign_single_p(d)))
			return v;
		tree a = gimple_assign_rhs1(d);
		if (TREE_CODE(a) != SSA_NAME && TREE_CODE(a) != ADDR_EXPR && !VAR_P(a))
			return v;
		v = a;
	}
	return v;
}

/* The value the return statement ending block rb returns when entered
   by edge e (its PHI's argument, phi_value_on; -O0: the variable's last
   assignment, in rb or e's source), or NULL_TREE. */
static tree returned_by(basic_block rb, edge e)
{
	gimple *last = esc_last_stmt(rb);
	tree v = last && gimple_code(last) == GIMPLE_RETURN
			 ? gimple_return_retval(as_a<greturn *>(last)) : NULL_TREE;
	if (!v)
		return NULL_TREE;
	if (TREE_CODE(v) == SSA_NAME)
		return phi_value_on(rb, e, v);
	if (!VAR_P(v) && TREE_CODE(v) != RESULT_DECL)
		return v;
	basic_block in[2] = { rb, e->src };
	for (int b = 0; b < 2; b++) {
		tree found = NULL_TREE;
		for (gimple_stmt_iterator i = gsi_start_bb(in[b]); !gsi_end_p(i);
		     gsi_next(&i))
			if (is_gimple_assign(gsi_stmt(i)) &&
			    gimple_assign_lhs(gsi_stmt(i)) == v)
				found = gimple_assign_rhs1(gsi_stmt(i));
		if (found)
			return found;
	}
	return NULL_TREE;
}

/* The callee whose result root is (an SSA value a call defines; -O0: a
   local that only such calls, of one callee, or null assign), or
   NULL. */
static const char *result_of_call(function *fun, tree root)
{
	if (TREE_CODE(root) == SSA_NAME) {
		gimple *d = SSA_NAME_DEF_STMT(root);
		return d && is_gimple_call(d) && gimple_call_fndecl(d) ? callee_of(d)
									: NULL;
	}
	if (!VAR_P(root) || !auto_var_in_fn_p(root, fun->decl) || TREE_ADDRESSABLE(root))
		return NULL;
	const char *callee = NULL;
	basic_block bb;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
		     gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			if (gimple_get_lhs(s) != root)
				continue;
			const char *c = NULL;
			if (is_gimple_call(s) && gimple_call_fndecl(s)) {
				c = callee_of(s);
			} else if (gimple_assign_single_p(s)) {
				tree a = gimple_assign_rhs1(s);
				if (integer_zerop(a))
					continue;
				gimple *d = TREE_CODE(a) == SSA_NAME ? SSA_NAME_DEF_STMT(a)
								     : NULL;
				if (d && is_gimple_call(d) && gimple_call_fndecl(d))
					c = callee_of(d);
			}
			if (!c || (callee && c != callee))
				return NULL;
			callee = c;
		}
	return callee;
}

/* Is s a store into a field of root's object, named f if f is not NULL
   (root->f = v; root->base.f = v: the field the store names last)?
   Sets *set to its name. */
static bool count_store(gimple *s, tree root, const char *f, const char **set)
{
	tree lhs = gimple_get_lhs(s);
	if (!lhs || TREE_CODE(lhs) != COMPONENT_REF || !gimple_assign_single_p(s))
		return false;
	const char *name = field_name(TREE_OPERAND(lhs, 1));
	tree r = lhs;
	while (handled_component_p(r))
		r = TREE_OPERAND(r, 0);
	if (!name || TREE_CODE(r) != MEM_REF || (f && esc_intern(name) != f) ||
	    ret_root(TREE_OPERAND(r, 0)) != root)
		return false;
	*set = esc_intern(name);
	return true;
}

/* Is e the branch on which root (a pointer) is null (if (p == 0)
   true, if (p != 0) false)? */
static bool root_null_edge(edge e, tree root)
{
	gimple *last = esc_last_stmt(e->src);
	if (!last || gimple_code(last) != GIMPLE_COND)
		return false;
	gcond *c = as_a<gcond *>(last);
	if (!integer_zerop(gimple_cond_rhs(c)) || ret_root(gimple_cond_lhs(c)) != root)
		return false;
	return (gimple_cond_code(c) == EQ_EXPR && (e->flags & EDGE_TRUE_VALUE)) ||
	       (gimple_cond_code(c) == NE_EXPR && (e->flags & EDGE_FALSE_VALUE));
}

/* Into *root the root (ret_root) of the values v may be but null, through
   PHIs (on ? f() : NULL where the PHI is not the return's own: -O0's
   return block of its own); *some when there is one.  False when they
   have two roots, or one unknown. */
static bool returned_root(tree v, tree *root, bool *some, int depth)
{
	v = source_of(v);
	if (v && integer_zerop(v))
		return true;
	tree r = v ? ret_root(v) : NULL_TREE;
	gimple *d = r && TREE_CODE(r) == SSA_NAME ? SSA_NAME_DEF_STMT(r) : NULL;
	if (d && gimple_code(d) == GIMPLE_PHI && depth < 4) {
		for (unsigned i = 0; i < gimple_phi_num_args(d); i++)
			if (!returned_root(gimple_phi_arg_def(d, i), root, some, depth + 1))
				return false;
		return true;
	}
	if (!r || (*root && r != *root))
		return false;
	*root = r;
	*some = true;
	return true;
}

/* fndecl's result fresh with a count 1 (ESC_FX_FRESH), into out. */
static void fresh_effects(function *fun, tree fndecl, const struct esc_rules *rules,
			  auto_vec<struct esc_effect> *out)
{
	if (!POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(fndecl))))
		return;
	/* every non-null value returned, with the root it points into */
	tree root = NULL_TREE;
	bool any = false;
	basic_block bb;
	FOR_EACH_BB_FN(bb, fun) {
		gimple *last = esc_last_stmt(bb);
		if (!last || gimple_code(last) != GIMPLE_RETURN)
			continue;
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, bb->preds) {
			bool some = false;
			if (!returned_root(returned_by(bb, e), &root, &some, 0))
				return;
			any |= some;
		}
	}
	if (!any)
		return;
	/* the fields set to 1 in root's object; no other write of them */
	auto_vec<const char *> ones, others;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
		     gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			const char *f;
			if (!count_store(s, root, NULL, &f))
				continue;
			tree v = gimple_assign_rhs1(s);
			if (TREE_CODE(v) == INTEGER_CST && integer_onep(v))
				ones.safe_push(f);
			else
				others.safe_push(f);
		}
	for (unsigned k = 0; k < ones.length(); k++) {
		const char *f = ones[k];
		bool bad = false;
		for (unsigned j = 0; j < others.length() && !bad; j++)
			bad = others[j] == f;
		for (unsigned j = 0; j < k && !bad; j++)
			bad = ones[j] == f;
		if (bad)
			continue;
		/* on every path to a return of non-null, past a store of 1 */
		auto_bitmap set;
		FOR_EACH_BB_FN(bb, fun)
			for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
			     gsi_next(&i)) {
				const char *g;
				if (count_store(gsi_stmt(i), root, f, &g) &&
				    TREE_CODE(gimple_assign_rhs1(gsi_stmt(i))) == INTEGER_CST)
					bitmap_set_bit(set, bb->index);
			}
		auto_vec<basic_block> stack;
		auto_bitmap seen;
		stack.safe_push(ENTRY_BLOCK_PTR_FOR_FN(fun));
		bitmap_set_bit(seen, ENTRY_BLOCK_PTR_FOR_FN(fun)->index);
		while (!stack.is_empty() && !bad) {
			basic_block x = stack.pop();
			edge e;
			edge_iterator ei;
			FOR_EACH_EDGE(e, ei, x->succs) {
				if (bitmap_bit_p(set, e->dest->index))
					continue;
				if (root_null_edge(e, root))
					continue;
				gimple *last = esc_last_stmt(e->dest);
				if (last && gimple_code(last) == GIMPLE_RETURN) {
					tree v = source_of(returned_by(e->dest, e));
					if (!v || !integer_zerop(v))
						bad = true;
					continue;
				}
				if (bitmap_set_bit(seen, e->dest->index))
					stack.safe_push(e->dest);
			}
		}
		if (!bad) {
			effect_add(out, ESC_FX_FRESH, -1, f, NULL, 0, 0, 0);
			any = false;
		}
	}
	/* else a callee's result returned (a wrapper) that no call given
	   it may have taken a reference to */
	const char *callee = any ? result_of_call(fun, root) : NULL;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); callee && !gsi_end_p(i);
		     gsi_next(&i))
			for (unsigned a = 0; is_gimple_call(gsi_stmt(i)) &&
			     a < gimple_call_num_args(gsi_stmt(i)); a++)
				if (ret_root(gimple_call_arg(gsi_stmt(i), a)) == root)
					callee = NULL;
	if (callee && !(rules && esc_rules_find(rules, callee)))
		effect_add(out, ESC_FX_FRESH, -1, esc_intern(""), callee, 0, 0, 0);
}

/* Deallocator slots: a field (its FIELD_DECL) or global that the unit
   sets to a deallocator of the rules (p->mem.free_fcn = free; expat's
   parserCreate), and to no other function it names; what else it is
   set to is the caller's replacement (p->mem.free_fcn =
   ms->free_fcn).  An indirect call through one releases the argument
   the deallocator frees (expat's FREE(parser, p), xz's
   allocator->free).  Per unit: slot -> that argument + 1, 0 when some
   store names a function that frees nothing there. */
static hash_map<tree, int> *dealloc_slots;

static tree slot_of(tree ref)
{
	if (TREE_CODE(ref) == COMPONENT_REF)
		return TREE_OPERAND(ref, 1);
	if (VAR_P(ref) && is_global_var(ref))
		return ref;
	return NULL_TREE;
}

static void body_effects(tree fndecl, const struct esc_rules *rules,
			 auto_vec<struct esc_effect> *out, auto_vec<tree> *bodies);
static bool slots_building;

/* The argument function value fn frees by its rule, or, a function of
   the unit, by its body on every path (its own effects: a clear of the
   parameter itself, SQLite's sqlite3MemFree), or -1. */
static int frees_arg(tree fn, const struct esc_rules *rules)
{
	if (TREE_CODE(fn) != ADDR_EXPR ||
	    TREE_CODE(TREE_OPERAND(fn, 0)) != FUNCTION_DECL || !rules)
		return -2;
	tree d = TREE_OPERAND(fn, 0);
	const struct esc_rule *r = DECL_NAME(d)
		? esc_rules_find(rules, esc_intern(IDENTIFIER_POINTER(DECL_NAME(d))))
		: NULL;
	for (int a = 0; r && a < 8; a++)
		if ((esc_rule_effect(r, a) & ESC_EFF_FREE) && r->copy_from != a)
			return a;
	function *fun = !r ? DECL_STRUCT_FUNCTION(d) : NULL;
	if (!fun || !fun->cfg || !gimple_in_ssa_p(fun))
		return -1;
	auto_vec<struct esc_effect> out;
	body_effects(d, rules, &out, NULL);
	int a = -1;
	for (unsigned i = 0; i < out.length(); i++)
		if (out[i].kind == ESC_FX_CLEAR && out[i].pointer && !*out[i].path) {
			if (a >= 0 && a != out[i].param)
				return -1;
			a = out[i].param;
		}
	return a;
}

static void slot_set(tree slot, tree fn, const struct esc_rules *rules)
{
	int a = slot ? frees_arg(fn, rules) : -2;
	if (a == -2)
		return;
	int *old = dealloc_slots->get(slot);
	if (a < 0 || (old && *old != a + 1))
		dealloc_slots->put(slot, 0);
	else
		dealloc_slots->put(slot, a + 1);
}

static void slots_of_init(tree field_or_var, tree init,
			  const struct esc_rules *rules, int depth)
{
	if (!init || depth > 4)
		return;
	if (TREE_CODE(init) != CONSTRUCTOR) {
		slot_set(field_or_var, init, rules);
		return;
	}
	unsigned i;
	tree f, v;
	FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(init), i, f, v)
		if (f && TREE_CODE(f) == FIELD_DECL)
			slots_of_init(f, v, rules, depth + 1);
}

/* The argument an indirect call s releases through a deallocator slot,
   or -1. */
static int dealloc_arg(gimple *s, const struct esc_rules *rules)
{
	if (slots_building)
		return -1;
	if (!dealloc_slots) {
		slots_building = true;
		dealloc_slots = new hash_map<tree, int>;
		cgraph_node *node;
		FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
			function *fun = node->get_fun();
			basic_block bb;
			if (!fun || !fun->cfg)
				continue;
			FOR_EACH_BB_FN(bb, fun)
				for (gimple_stmt_iterator i = gsi_start_bb(bb);
				     !gsi_end_p(i); gsi_next(&i))
					if (gimple_assign_single_p(gsi_stmt(i)))
						slot_set(slot_of(gimple_assign_lhs(gsi_stmt(i))),
							 gimple_assign_rhs1(gsi_stmt(i)),
							 rules);
		}
		varpool_node *vn;
		FOR_EACH_VARIABLE(vn)
			if (DECL_INITIAL(vn->decl) && DECL_INITIAL(vn->decl) != error_mark_node)
				slots_of_init(vn->decl, DECL_INITIAL(vn->decl), rules, 0);
		slots_building = false;
	}
	tree fn = gimple_call_fn(s);
	if (!fn || TREE_CODE(fn) != SSA_NAME)
		return -1;
	gimple *def = SSA_NAME_DEF_STMT(fn);
	if (!def || !gimple_assign_single_p(def))
		return -1;
	tree slot = slot_of(gimple_assign_rhs1(def));
	int *a = slot ? dealloc_slots->get(slot) : NULL;
	return a ? *a - 1 : -1;
}

/* What fndecl's body does (its own statements); the callee of each CALL
   fact, when it has a body here, in *bodies (by callee name). */
static void body_effects(tree fndecl, const struct esc_rules *rules,
			 auto_vec<struct esc_effect> *out, auto_vec<tree> *bodies)
{
	function *fun = DECL_STRUCT_FUNCTION(fndecl);
	if (!fun || !fun->cfg || !gimple_in_ssa_p(fun) ||
	    n_basic_blocks_for_fn(fun) > 400)
		return;
	struct body_paths bp(fun, fndecl);
	/* where each path is freed, or handed to an indirect call (a
	   deallocator's hook: mm_free_fn_(p) else free(p)) */
	struct release {
		int q;
		const char *path;
		int bb;
		bool freed;
		const char *callee; /* calls: the callee and argument */
		int arg;
	};
	auto_vec<release> rel, calls;
	/* the writes not on every path, by block: several of them may be
	   together (if (c) s->p = 0; else s->p = q;) */
	struct write { int q; const char *path; int bb; bool ptr, pop;
		       uint64_t set, clr; };
	auto_vec<write> writes;
	/* the unlinks not on every path, by block: several of them may be
	   (if (io) LIST_REMOVE(ev, io_next); else LIST_REMOVE(ev,
	   sig_next); through one union entry) */
	auto_vec<write> unlinks;
	/* the conditions the function tests, when first needed */
	cond_info ci;
	bool ci_done = false;
	auto_vec<unsigned char> mark; /* block_mark's */
#define CI() (ci_done ? &ci : (cond_info_init(fun, fndecl, &ci), ci_done = true, &ci))
	basic_block bb;
	FOR_EACH_BB_FN(bb, fun) {
		int every = -1; /* computed once per block, when needed */
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
		     gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			if (gimple_clobber_p(s) || is_gimple_debug(s))
				continue;
			const char *path;
			tree lhs = gimple_get_lhs(s);
			int p = lhs && TREE_CODE(lhs) != SSA_NAME
					? ref_path(fndecl, lhs, &path) : -1;
			if (p >= 0) {
				if (every < 0)
					every = on_every_normal_path(&bp, bb,
								     -1, NULL);
				bool all = every ||
					   on_every_normal_path(&bp, bb, p, path);
				bool ptr = POINTER_TYPE_P(TREE_TYPE(lhs));
				bool pop = restores(s, lhs);
				uint64_t set, clr;
				store_bits(s, lhs, &set, &clr);
				struct fx_conds xc = {};
				if (ptr)
					refusals(fun, CI(), bb, p, &xc);
				effect_add(out, all ? ESC_FX_CLEAR : ESC_FX_SET, p,
					   path, NULL, 0, 0, ptr, pop, nonzero_store(s),
					   NULL, 0, set, clr, &xc);
				if (!all) {
					struct write w = { p, path, bb->index, ptr, pop,
							   set, clr };
					writes.safe_push(w);
				}
			}
			const char *via;
			int u = lhs && TREE_CODE(lhs) != SSA_NAME && gimple_assign_single_p(s)
					? unlink_of(fndecl, lhs, gimple_assign_rhs1(s), &via)
					: -1;
			if (u < 0 && lhs && TREE_CODE(lhs) == MEM_REF)
				u = search_unlink_of(fndecl, s, &via);
			if (u >= 0) {
				if (every < 0)
					every = on_every_normal_path(&bp, bb,
								     -1, NULL);
				const char *guard = NULL;
				uint64_t mask = 0;
				struct fx_conds xc = {};
				bool plain = every || on_every_normal_path(&bp, bb, u, via);
				if (plain ||
				    (guard = unlink_guard(&bp, bb, u, via, &mask)) ||
				    cover_conds(&bp, block_mark(fun, &mark, bb), u, via, CI(),
						&guard, &mask, &xc))
					effect_add(out, ESC_FX_UNLINK, u, via, NULL, 0,
						   0, 1, 0, 0, guard, mask, 0, ~(uint64_t)0,
						   &xc);
				if (!plain) {
					struct write w = { u, via, bb->index, true, false, 0, 0 };
					unlinks.safe_push(w);
				}
			}
			if (!is_gimple_call(s))
				continue;
			const char *callee = callee_of(s);
			const struct esc_rule *rule = callee && rules
				? esc_rules_find(rules, callee) : NULL;
			tree cd = gimple_call_fndecl(s);
			/* the integer arguments that are a parameter's value */
			struct fx_conds cx = {};
			for (unsigned a = 0; cd && !rule && a < gimple_call_num_args(s) &&
					     cx.nargs < ESC_MAX_CONDS; a++) {
				tree v = gimple_call_arg(s, a);
				const char *vp;
				int q = INTEGRAL_TYPE_P(TREE_TYPE(v))
					? value_path(fndecl, v, &vp) : -1;
				if (q >= 0) {
					cx.args[cx.nargs].arg = (int)a;
					cx.args[cx.nargs].param = q;
					cx.args[cx.nargs++].path = vp;
				}
			}
			for (unsigned a = 0; (callee || !cd) && a < gimple_call_num_args(s);
			     a++) {
				/* a value that cannot hold an address has no
				   memory to act on (a narrow integer parameter
				   passed on as it is: GCC 16 on x86 no longer
				   promotes it to int first, the others do) */
				if (!esc_may_hold_address(TREE_TYPE(gimple_call_arg(s, a))))
					continue;
				int q = value_path(fndecl, gimple_call_arg(s, a), &path);
				if (q < 0)
					continue;
				bool hook = !cd && dealloc_arg(s, rules) == (int)a;
				if (!cd && !hook) {
					release r = { q, path, bb->index, false, NULL, 0 };
					rel.safe_push(r);
					continue;
				}
				if (every < 0)
					every = on_every_normal_path(&bp, bb,
								     -1, NULL);
				int eff = rule ? esc_rule_effect(rule, (int)a) : -1;
				/* realloc frees nothing: the new block
				   receives what the old one held */
				if (hook || (eff >= 0 && (eff & ESC_EFF_FREE) &&
					     rule->copy_from != (int)a)) {
					bool all = every ||
						   on_every_normal_path(&bp, bb,
									q, path);
					effect_add(out, all ? ESC_FX_CLEAR : ESC_FX_SET,
						   q, path, NULL, 0, 0, 1);
					release r = { q, path, bb->index, true, NULL, 0 };
					rel.safe_push(r);
				} else if (!rule && cd) {
					/* given the object, only where a flag
					   of it is set (if (n->flags & 4)
					   del(n);) */
					const char *guard = NULL;
					uint64_t mask = 0;
					struct fx_conds xc = cx;
					if (!every && !*path)
						guard = unlink_guard(&bp, bb, q,
								     path, &mask);
					if (!every && !*path && !guard)
						cover_conds(&bp, block_mark(fun, &mark, bb), q,
							    path, CI(), &guard, &mask, &xc);
					refusals(fun, CI(), bb, q, &xc);
					effect_add(out, ESC_FX_CALL, q, path, callee,
						   (int)a, every, 0, 0, 0, guard, mask,
						   0, ~(uint64_t)0, &xc);
					if (!every) {
						release r = { q, path, bb->index, false,
							      callee, (int)a };
						calls.safe_push(r);
					}
					if (bodies && ((DECL_STRUCT_FUNCTION(cd) &&
							DECL_STRUCT_FUNCTION(cd)->cfg) ||
						       esc_linked_summary(cd))) {
						bool dup = false;
						for (unsigned k = 0; k < bodies->length(); k++)
							dup |= (*bodies)[k] == cd;
						if (!dup)
							bodies->safe_push(cd);
					}
				}
			}
		}
	}
	/* freed on some path, and on every other one handed to an indirect
	   call (the allocator's own hook): released */
	for (unsigned i = 0; i < rel.length(); i++) {
		if (!rel[i].freed)
			continue;
		bool seen = false;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = rel[j].freed && rel[j].q == rel[i].q &&
			       rel[j].path == rel[i].path;
		if (seen)
			continue;
		auto_vec<unsigned char> set;
		set.safe_grow_cleared(last_basic_block_for_fn(fun));
		for (unsigned j = 0; j < rel.length(); j++)
			if (rel[j].q == rel[i].q && rel[j].path == rel[i].path)
				set[rel[j].bb] = 1;
		if (on_every_normal_path_set(&bp, set, rel[i].q, rel[i].path))
			effect_add(out, ESC_FX_CLEAR, rel[i].q, rel[i].path, NULL, 0,
				   0, 1);
	}
	/* the parameter freed, or handed to a call, where a count of it,
	   decremented, reaches 0 (if (--p->refcnt == 0) free(p);): a
	   release by that count, or a call made there (only in a body that
	   decrements something) */
	bool dec = (!rel.is_empty() || !calls.is_empty()) && decrements(fun);
	for (unsigned i = 0; dec && i < rel.length(); i++) {
		if (!rel[i].freed || *rel[i].path)
			continue;
		bool seen = false;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = rel[j].freed && rel[j].q == rel[i].q && !*rel[j].path;
		if (seen)
			continue;
		auto_bitmap set;
		for (unsigned j = 0; j < rel.length(); j++)
			if (rel[j].freed && rel[j].q == rel[i].q && !*rel[j].path)
				bitmap_set_bit(set, rel[j].bb);
		if (const char *f = released_by_count(fun, fndecl, set, rel[i].q))
			effect_add(out, ESC_FX_RELEASE, rel[i].q, f, NULL, 0, 0, 1);
	}
	for (unsigned i = 0; dec && i < calls.length(); i++) {
		bool seen = false;
		if (*calls[i].path)
			continue;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = calls[j].q == calls[i].q && calls[j].callee == calls[i].callee &&
			       calls[j].arg == calls[i].arg && !*calls[j].path;
		if (seen)
			continue;
		auto_bitmap set;
		for (unsigned j = 0; j < calls.length(); j++)
			if (calls[j].q == calls[i].q && calls[j].callee == calls[i].callee &&
			    calls[j].arg == calls[i].arg && !*calls[j].path)
				bitmap_set_bit(set, calls[j].bb);
		const char *f = released_by_count(fun, fndecl, set, calls[i].q);
		for (unsigned k = 0; f && k < out->length(); k++) {
			struct esc_effect *e = &(*out)[k];
			if (e->kind == ESC_FX_CALL && !e->every && !e->guard &&
			    e->param == calls[i].q && !*e->path &&
			    e->callee == calls[i].callee && e->arg == calls[i].arg) {
				e->guard = f;
				e->dec = 1;
			}
		}
	}
	fresh_effects(fun, fndecl, rules, out);
	/* writes of one path in several blocks, together on every path */
	for (unsigned i = 0; i < writes.length(); i++) {
		bool seen = false, several = false, ptr = false, pop = true;
		uint64_t bset = 0, bclr = 0;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = writes[j].q == writes[i].q && writes[j].path == writes[i].path;
		if (seen)
			continue;
		auto_vec<unsigned char> set;
		set.safe_grow_cleared(last_basic_block_for_fn(fun));
		for (unsigned j = 0; j < writes.length(); j++)
			if (writes[j].q == writes[i].q && writes[j].path == writes[i].path) {
				set[writes[j].bb] = 1;
				several |= writes[j].bb != writes[i].bb;
				ptr |= writes[j].ptr;
				pop &= writes[j].pop;
				bset |= writes[j].set;
				bclr |= writes[j].clr;
			}
		if (several && on_every_normal_path_set(&bp, set, writes[i].q,
							writes[i].path))
			effect_add(out, ESC_FX_CLEAR, writes[i].q, writes[i].path, NULL, 0,
				   0, ptr, pop, 0, NULL, 0, bset, bclr);
	}
	/* unlinks of one object through one field in several blocks,
	   together on every path but where cover_conds' conditions hold */
	for (unsigned i = 0; i < unlinks.length(); i++) {
		bool seen = false, several = false;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = unlinks[j].q == unlinks[i].q && unlinks[j].path == unlinks[i].path;
		if (seen)
			continue;
		auto_vec<unsigned char> set;
		set.safe_grow_cleared(last_basic_block_for_fn(fun));
		for (unsigned j = 0; j < unlinks.length(); j++)
			if (unlinks[j].q == unlinks[i].q && unlinks[j].path == unlinks[i].path) {
				set[unlinks[j].bb] = 1;
				several |= unlinks[j].bb != unlinks[i].bb;
			}
		const char *guard = NULL;
		uint64_t mask = 0;
		struct fx_conds xc = {};
		if (!several ||
		    (!on_every_normal_path_set(&bp, set, unlinks[i].q, unlinks[i].path) &&
		     !cover_conds(&bp, set.address(), unlinks[i].q, unlinks[i].path, CI(),
				  &guard, &mask, &xc)))
			continue;
		/* the group's conditions replace those one of them alone
		   needs when no more (the signal arm's unlink alone: but
		   where the node is an io one) */
		struct esc_effect *e = NULL;
		for (unsigned k = 0; k < out->length() && !e; k++)
			if ((*out)[k].kind == ESC_FX_UNLINK && (*out)[k].param == unlinks[i].q &&
			    (*out)[k].path == unlinks[i].path)
				e = &(*out)[k];
		if (!e)
			effect_add(out, ESC_FX_UNLINK, unlinks[i].q, unlinks[i].path, NULL, 0,
				   0, 1, 0, 0, guard, mask, 0, ~(uint64_t)0, &xc);
		else if ((guard != NULL) + xc.nskip <= (e->guard != NULL) + ESC_NCONDS(e->skip)) {
			e->guard = guard;
			e->mask = guard ? mask : 0;
			e->skip = esc_conds_intern(xc.skip, xc.nskip);
		}
	}
	/* calls of several callees given the same path, none on every
	   path, together on every one: an alt group */
	int alt = 0;
	for (unsigned i = 0; i < calls.length(); i++) {
		bool seen = false, other = false;
		for (unsigned j = 0; j < i && !seen; j++)
			seen = calls[j].q == calls[i].q && calls[j].path == calls[i].path;
		if (seen)
			continue;
		auto_vec<unsigned char> set;
		set.safe_grow_cleared(last_basic_block_for_fn(fun));
		for (unsigned j = 0; j < calls.length(); j++)
			if (calls[j].q == calls[i].q && calls[j].path == calls[i].path) {
				set[calls[j].bb] = 1;
				other |= calls[j].callee != calls[i].callee;
			}
		if (!other || !on_every_normal_path_set(&bp, set, -1, NULL))
			continue;
		alt++;
		for (unsigned k = 0; k < out->length(); k++) {
			struct esc_effect *e = &(*out)[k];
			if (e->kind == ESC_FX_CALL && !e->every && e->param == calls[i].q &&
			    e->path == calls[i].path)
				e->alt = alt;
		}
	}
	/* two calls given the object, of other callees, in the two arms
	   of one test, together on every normal path but where the
	   conditions cover_conds finds hold (if (ev->flags & INSERTED) {
	   if (io) io_del(ev); else signal_del(ev); }): an alt pair */
	for (unsigned i = 0; i < calls.length(); i++)
		for (unsigned j = i + 1; j < calls.length(); j++) {
			const release &x = calls[i], &y = calls[j];
			basic_block bx = BASIC_BLOCK_FOR_FN(fun, x.bb);
			basic_block by = BASIC_BLOCK_FOR_FN(fun, y.bb);
			if (x.q != y.q || *x.path || *y.path || x.callee == y.callee ||
			    x.bb == y.bb || !single_pred_p(bx) || !single_pred_p(by) ||
			    single_pred(bx) != single_pred(by) ||
			    !esc_last_stmt(single_pred(bx)) ||
			    gimple_code(esc_last_stmt(single_pred(bx))) != GIMPLE_COND)
				continue;
			struct esc_effect *ex = NULL, *ey = NULL;
			for (unsigned k = 0; k < out->length(); k++) {
				struct esc_effect *e = &(*out)[k];
				if (e->kind != ESC_FX_CALL || e->param != x.q || e->path != x.path)
					continue;
				if (e->callee == x.callee && e->arg == x.arg)
					ex = e;
				if (e->callee == y.callee && e->arg == y.arg)
					ey = e;
			}
			/* what the group needs replaces what each call
			   alone would (if (io) io_del(ev); else
			   signal_del(ev): signal_del alone, but where the
			   event is an io one) */
			if (!ex || !ey || ex->alt || ey->alt)
				continue;
			const char *guard;
			uint64_t mask;
			struct fx_conds xc = {};
			if (!cover_conds(&bp, block_mark(fun, &mark, bx, by), x.q, x.path, CI(),
					 &guard, &mask, &xc))
				continue;
			alt++;
			struct esc_effect *both[2] = { ex, ey };
			for (int k = 0; k < 2; k++) {
				both[k]->alt = alt;
				both[k]->altcover = 1;
				both[k]->guard = guard;
				both[k]->mask = mask;
				both[k]->dec = 0;
				both[k]->skip = esc_conds_intern(xc.skip, xc.nskip);
			}
		}
#undef CI
}

/* The effects of same-file functions closed over their same-file calls,
   for the compile's own check (esc_cfg_effects): computed once per
   function and kept until esc_effects_reset. */
struct closed_fx {
	struct esc_effect *fx;
	int n, cap;
	struct esc_effect *own; /* body_effects' facts (esc_effects_function) */
	int nown;
};
static hash_map<tree, closed_fx *> *fx_memo;

void esc_effects_function(tree fndecl, const struct esc_rules *rules,
			  struct esc_func_report *r)
{
	auto_vec<struct esc_effect> out;
	/* read already if a CFG closed a call of it (body_effects depends
	   on the body alone) */
	closed_fx **known = fx_memo ? fx_memo->get(fndecl) : NULL;
	if (known) {
		if (!(*known)->nown)
			return;
		r->effects = XNEWVEC(struct esc_effect, (*known)->nown);
		memcpy(r->effects, (*known)->own,
		       (*known)->nown * sizeof *r->effects);
		r->neffects = (*known)->nown;
		return;
	}
	body_effects(fndecl, rules, &out, NULL);
	if (out.is_empty())
		return;
	r->effects = XNEWVEC(struct esc_effect, out.length());
	memcpy(r->effects, out.address(), out.length() * sizeof *r->effects);
	r->neffects = (int)out.length();
}

/* ------------------------------------------------------------------ */
/* Correlated branches: pointer values, what defines them, what tests  */
/* say of them on each edge                                            */

/* What pointer value t is a copy of (through copies and conversions). */
static tree value_of(tree t)
{
	for (int depth = 0; depth < 16 && t && TREE_CODE(t) == SSA_NAME; depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(t))
			break;
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!def || !is_gimple_assign(def))
			break;
		tree rhs = gimple_assign_rhs1(def);
		enum tree_code code = gimple_assign_rhs_code(def);
		if (TREE_CODE(rhs) != SSA_NAME ||
		    !(code == SSA_NAME || (CONVERT_EXPR_CODE_P(code) &&
					   POINTER_TYPE_P(TREE_TYPE(rhs)))))
			break;
		t = rhs;
	}
	return t;
}

/* Teardown: the memory pointer t points to, as a key: its value (after
   copies), or the place of a local variable it was loaded from whose
   address is never taken (only a store changes it: -O0's o.st); -1 if
   neither. */
static int mem_key(struct keys *k, function *fun, tree t)
{
	t = value_of(t);
	/* a pointer into a block names the block (&az[i]: az) */
	for (int depth = 0; depth < 8 && t && TREE_CODE(t) == SSA_NAME &&
	     !SSA_NAME_IS_DEFAULT_DEF(t); depth++) {
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!def || !is_gimple_assign(def) ||
		    gimple_assign_rhs_code(def) != POINTER_PLUS_EXPR ||
		    TREE_CODE(gimple_assign_rhs1(def)) != SSA_NAME)
			break;
		t = value_of(gimple_assign_rhs1(def));
	}
	if (!t || TREE_CODE(t) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(t)))
		return -1;
	gimple *def = SSA_NAME_DEF_STMT(t);
	if (!SSA_NAME_IS_DEFAULT_DEF(t) && def && gimple_assign_single_p(def)) {
		tree rhs = gimple_assign_rhs1(def);
		tree base = TREE_CODE(rhs) != SSA_NAME ? get_base_address(rhs)
						       : NULL_TREE;
		if (base && VAR_P(base) && auto_var_in_fn_p(base, fun->decl) &&
		    !TREE_ADDRESSABLE(base) && TREE_CODE(rhs) != ADDR_EXPR)
			return key_of(k, rhs);
	}
	return key_of(k, t);
}

/* The value key of t, or -1 (not a pointer SSA value). */
static int value_key(struct keys *k, tree t)
{
	t = value_of(t);
	return t && TREE_CODE(t) == SSA_NAME && POINTER_TYPE_P(TREE_TYPE(t))
		       ? key_of(k, t) : -1;
}

static struct esc_val val_make(enum esc_val_kind kind, int key, uint64_t object)
{
	struct esc_val v;
	v.kind = kind;
	v.key = key;
	v.object = object;
	return v;
}

/* The frame object t is the address of (&x, &x.f, &x[i]), or NULL_TREE;
   *none: t is an address of no frame object (a global's, a string's). */
static tree addr_object(function *fun, tree t, bool *none)
{
	*none = false;
	if (!t || TREE_CODE(t) != ADDR_EXPR)
		return NULL_TREE;
	tree base = get_base_address(TREE_OPERAND(t, 0));
	if (base && DECL_P(base) && auto_var_in_fn_p(base, fun->decl))
		return base;
	*none = base && (TREE_CODE(base) == STRING_CST ||
			 (DECL_P(base) && !auto_var_in_fn_p(base, fun->decl)));
	return NULL_TREE;
}

/* What non-SSA operand t is. */
static struct esc_val const_val(function *fun, tree t)
{
	bool none;
	tree obj = addr_object(fun, t, &none);
	if (obj)
		return val_make(ESC_VAL_ADDR, -1, object_of(obj));
	if (t && TREE_CODE(t) == INTEGER_CST)
		return val_make(ESC_VAL_NULL, -1, 0);
	if (none || (t && TREE_CODE(t) != ADDR_EXPR && is_gimple_min_invariant(t)))
		return val_make(ESC_VAL_NONE, -1, 0);
	return val_make(ESC_VAL_ANY, -1, 0);
}

/* What SSA value t (canonical: value_of) is where it is defined (not a
   PHI: its edges say). */
static struct esc_val def_val(function *fun, tree t, int depth)
{
	if (depth > 8 || TREE_CODE(t) != SSA_NAME)
		return val_make(ESC_VAL_ANY, -1, 0);
	if (SSA_NAME_IS_DEFAULT_DEF(t))
		return SSA_NAME_VAR(t) && TREE_CODE(SSA_NAME_VAR(t)) == PARM_DECL
			       ? val_make(ESC_VAL_NONE, -1, 0)
			       : val_make(ESC_VAL_ANY, -1, 0);
	gimple *def = SSA_NAME_DEF_STMT(t);
	if (!def || !is_gimple_assign(def))
		return val_make(ESC_VAL_ANY, -1, 0);
	tree rhs = gimple_assign_rhs1(def);
	enum tree_code code = gimple_assign_rhs_code(def);
	if (code == POINTER_PLUS_EXPR || CONVERT_EXPR_CODE_P(code) ||
	    code == SSA_NAME) {
		/* pointer arithmetic on a value: what that value is, if it
		   is no address of this frame or one object's */
		tree base = value_of(rhs);
		struct esc_val v = TREE_CODE(base) == SSA_NAME
			? def_val(fun, base, depth + 1) : const_val(fun, base);
		if (code == POINTER_PLUS_EXPR && v.kind == ESC_VAL_NULL)
			v.kind = ESC_VAL_NONE;
		return v.kind == ESC_VAL_KEY ? val_make(ESC_VAL_ANY, -1, 0) : v;
	}
	if (gimple_assign_single_p(def) && TREE_CODE(rhs) != SSA_NAME &&
	    (TREE_CODE(rhs) == ADDR_EXPR || is_gimple_min_invariant(rhs)))
		return const_val(fun, rhs);
	return val_make(ESC_VAL_ANY, -1, 0);
}

/* Can t, compared with &obj, point inside obj without being &obj
   (pointer arithmetic in the values it merges)?  Then p != &obj says
   nothing. */
static bool may_be_inside(function *fun, tree t, tree obj, hash_set<tree> *seen,
			  int depth)
{
	t = value_of(t);
	if (depth > 16)
		return true;
	if (TREE_CODE(t) == ADDR_EXPR) {
		bool none;
		tree ref = TREE_OPERAND(t, 0);
		if (addr_object(fun, t, &none) != obj)
			return false;
		return !(ref == obj || (TREE_CODE(ref) == ARRAY_REF &&
					TREE_OPERAND(ref, 0) == obj &&
					integer_zerop(TREE_OPERAND(ref, 1))));
	}
	if (TREE_CODE(t) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(t) || seen->add(t))
		return false;
	gimple *def = SSA_NAME_DEF_STMT(t);
	if (gimple_code(def) == GIMPLE_PHI) {
		for (unsigned i = 0; i < gimple_phi_num_args(def); i++)
			if (may_be_inside(fun, gimple_phi_arg_def(def, i), obj, seen,
					  depth + 1))
				return true;
		return false;
	}
	if (!is_gimple_assign(def))
		return false;
	enum tree_code code = gimple_assign_rhs_code(def);
	if (code == POINTER_PLUS_EXPR)
		return true;
	if (gimple_assign_single_p(def))
		return may_be_inside(fun, gimple_assign_rhs1(def), obj, seen, depth + 1);
	return false;
}

/* The frame object compared with: &obj or &obj[0], else NULL_TREE. */
static tree compared_object(function *fun, tree t)
{
	bool none;
	tree obj = addr_object(fun, t, &none);
	if (!obj)
		return NULL_TREE;
	tree ref = TREE_OPERAND(t, 0);
	if (ref == obj || (TREE_CODE(ref) == ARRAY_REF &&
			   TREE_OPERAND(ref, 0) == obj &&
			   integer_zerop(TREE_OPERAND(ref, 1))))
		return obj;
	return NULL_TREE;
}

/* What the test ending e's source says on e of the pointer it compares:
   p != &x (p is not x's address), p == NULL (p is the address of
   nothing). */
static void edge_tests(struct keys *k, function *fun, edge e)
{
	gimple *last = esc_last_stmt(e->src);
	if (!last || gimple_code(last) != GIMPLE_COND)
		return;
	gcond *cond = as_a<gcond *>(last);
	enum tree_code code = gimple_cond_code(cond);
	bool t = e->flags & EDGE_TRUE_VALUE;
	if ((code != EQ_EXPR && code != NE_EXPR) ||
	    (!t && !(e->flags & EDGE_FALSE_VALUE)))
		return;
	bool equal = (code == EQ_EXPR) == t; /* on e, the two are equal */
	tree a = gimple_cond_lhs(cond), b = gimple_cond_rhs(cond);
	if (TREE_CODE(a) != SSA_NAME)
		std::swap(a, b);
	if (TREE_CODE(a) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(a)))
		return;
	int key = value_key(k, a);
	if (key < 0)
		return;
	if (integer_zerop(b)) {
		if (equal)
			esc_cfg_edge_rules_out(k->cfg, key, 0);
		return;
	}
	tree obj = compared_object(fun, b);
	hash_set<tree> seen;
	if (obj && !equal && !may_be_inside(fun, a, obj, &seen, 0))
		esc_cfg_edge_rules_out(k->cfg, key, object_of(obj));
}

/* The PHIs of e's destination: each pointer it merges takes its
   argument on e. */
static void edge_assigns(struct keys *k, function *fun, edge e)
{
	for (gphi_iterator i = gsi_start_phis(e->dest); !gsi_end_p(i); gsi_next(&i)) {
		gphi *phi = i.phi();
		tree res = gimple_phi_result(phi);
		if (virtual_operand_p(res) || !POINTER_TYPE_P(TREE_TYPE(res)))
			continue;
		int key = value_key(k, res);
		if (key < 0)
			continue;
		tree arg = value_of(PHI_ARG_DEF_FROM_EDGE(phi, e));
		struct esc_val v = TREE_CODE(arg) == SSA_NAME
			? (POINTER_TYPE_P(TREE_TYPE(arg))
				   ? val_make(ESC_VAL_KEY, key_of(k, arg), 0)
				   : val_make(ESC_VAL_ANY, -1, 0))
			: const_val(fun, arg);
		esc_cfg_edge_assign(k->cfg, key, v);
	}
}

/* Flags (esc_cfg_flag): the integer PHI a zero test at the end of b
   compares, through conversions that keep a nonzero value nonzero; *ne:
   the test's true edge says it is nonzero. */
static tree flag_tested(basic_block b, bool *ne)
{
	gimple *last = esc_last_stmt(b);
	if (!last || gimple_code(last) != GIMPLE_COND)
		return NULL_TREE;
	gcond *cond = as_a<gcond *>(last);
	enum tree_code code = gimple_cond_code(cond);
	tree v = gimple_cond_lhs(cond);
	if ((code != EQ_EXPR && code != NE_EXPR) ||
	    !integer_zerop(gimple_cond_rhs(cond)))
		return NULL_TREE;
	*ne = code == NE_EXPR;
	for (int depth = 0; depth < 4 && TREE_CODE(v) == SSA_NAME &&
			    INTEGRAL_TYPE_P(TREE_TYPE(v)); depth++) {
		gimple *def = SSA_NAME_DEF_STMT(v);
		if (gimple_code(def) == GIMPLE_PHI)
			return v;
		if (!is_gimple_assign(def))
			return NULL_TREE;
		tree from = gimple_assign_rhs1(def);
		enum tree_code op = gimple_assign_rhs_code(def);
		/* a _Bool negated (~b, b ^ 1): the other way */
		if (TREE_CODE(TREE_TYPE(v)) == BOOLEAN_TYPE &&
		    TYPE_PRECISION(TREE_TYPE(v)) == 1 &&
		    TREE_TYPE(from) == TREE_TYPE(v) &&
		    (op == BIT_NOT_EXPR ||
		     (op == BIT_XOR_EXPR &&
		      integer_onep(gimple_assign_rhs2(def))))) {
			*ne = !*ne;
			v = from;
			continue;
		}
		if (!CONVERT_EXPR_CODE_P(op))
			return NULL_TREE;
		if (!INTEGRAL_TYPE_P(TREE_TYPE(from)) ||
		    (TREE_CODE(TREE_TYPE(v)) != BOOLEAN_TYPE &&
		     TYPE_PRECISION(TREE_TYPE(v)) < TYPE_PRECISION(TREE_TYPE(from))))
			return NULL_TREE;
		v = from;
	}
	return NULL_TREE;
}

/* The flags of fun: each integer PHI a zero test compares, and the
   integer PHIs those merge (at most 16). */
static void flags_of(struct keys *k, function *fun, hash_map<tree, int> *flags)
{
	auto_vec<tree> work;
	basic_block b;
	FOR_EACH_BB_FN(b, fun) {
		bool ne;
		tree v = flag_tested(b, &ne);
		if (v && !flags->get(v) && flags->elements() < 16) {
			flags->put(v, esc_cfg_flag(k->cfg));
			work.safe_push(v);
		}
	}
	while (!work.is_empty()) {
		gphi *phi = as_a<gphi *>(SSA_NAME_DEF_STMT(work.pop()));
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			tree a = gimple_phi_arg_def(phi, i);
			if (TREE_CODE(a) != SSA_NAME || !INTEGRAL_TYPE_P(TREE_TYPE(a)) ||
			    gimple_code(SSA_NAME_DEF_STMT(a)) != GIMPLE_PHI ||
			    flags->get(a) || flags->elements() >= 16)
				continue;
			flags->put(a, esc_cfg_flag(k->cfg));
			work.safe_push(a);
		}
	}
}

/* What edge e says of the flags: the test ending its source, then the
   PHIs of its destination (a nonzero constant; another flag, not one of
   the same PHIs; else anything). */
static void edge_flags(struct keys *k, edge e, hash_map<tree, int> *flags)
{
	if (!flags->elements())
		return;
	bool ne, t = e->flags & EDGE_TRUE_VALUE;
	tree v = flag_tested(e->src, &ne);
	int *f = v ? flags->get(v) : NULL;
	if (f && (t || (e->flags & EDGE_FALSE_VALUE)))
		esc_cfg_edge_flag(k->cfg, *f, ne == t ? ESC_FLAG_IS_NONZERO
						      : ESC_FLAG_IS_ZERO, -1);
	for (gphi_iterator i = gsi_start_phis(e->dest); !gsi_end_p(i); gsi_next(&i)) {
		gphi *phi = i.phi();
		if (!(f = flags->get(gimple_phi_result(phi))))
			continue;
		tree a = PHI_ARG_DEF_FROM_EDGE(phi, e);
		gimple *def = TREE_CODE(a) == SSA_NAME ? SSA_NAME_DEF_STMT(a) : NULL;
		if (def && is_gimple_assign(def) && gimple_assign_single_p(def))
			a = gimple_assign_rhs1(def);
		int *src = TREE_CODE(a) == SSA_NAME ? flags->get(a) : NULL;
		if (TREE_CODE(a) == INTEGER_CST && !integer_zerop(a))
			esc_cfg_edge_flag(k->cfg, *f, ESC_FLAG_NONZERO, -1);
		else if (src && gimple_bb(SSA_NAME_DEF_STMT(a)) != e->dest)
			esc_cfg_edge_flag(k->cfg, *f, ESC_FLAG_COPY, *src);
		else
			esc_cfg_edge_flag(k->cfg, *f, ESC_FLAG_ANY, -1);
	}
}

struct take_data {
	function *fun;
	auto_vec<uint64_t> *objs;
};

static tree find_take(tree *tp, int *walk_subtrees, void *data)
{
	struct take_data *d = (struct take_data *)data;
	bool none;
	if (TYPE_P(*tp)) {
		*walk_subtrees = 0;
		return NULL_TREE;
	}
	if (tree obj = addr_object(d->fun, *tp, &none)) {
		uint64_t o = object_of(obj);
		if (!d->objs->contains(o))
			d->objs->safe_push(o);
	}
	return NULL_TREE;
}

static bool no_take(tree t)
{
	return TREE_CODE(t) == SSA_NAME || DECL_P(t) || CONSTANT_CLASS_P(t);
}

/* Every address of a frame object that statement s (or PHI) computes. */
static void takes_of(struct keys *k, function *fun, gimple *s)
{
	auto_vec<uint64_t> objs;
	struct take_data d = { fun, &objs };
	/* an SSA name, a declaration or a constant is one node that takes
	   no address (walk_tree would visit it alone): not walked */
	if (gimple_code(s) == GIMPLE_PHI) {
		for (unsigned i = 0; i < gimple_phi_num_args(s); i++) {
			tree a = gimple_phi_arg_def(s, i);
			if (a && !no_take(a))
				walk_tree(&a, find_take, &d, NULL);
		}
	} else {
		for (unsigned i = 0; i < gimple_num_ops(s); i++)
			if (gimple_op(s, i) && !no_take(gimple_op(s, i)))
				walk_tree(gimple_op_ptr(s, i), find_take, &d, NULL);
	}
	for (unsigned i = 0; i < objs.length(); i++)
		esc_cfg_take(k->cfg, objs[i]);
}

/* The definition of s's pointer result, if it is a value of its own. */
static void def_of(struct keys *k, function *fun, gimple *s)
{
	tree lhs = gimple_get_lhs(s);
	if (!lhs || TREE_CODE(lhs) != SSA_NAME || !POINTER_TYPE_P(TREE_TYPE(lhs)) ||
	    value_of(lhs) != lhs)
		return;
	struct esc_val v = is_gimple_call(s) ? val_make(ESC_VAL_ANY, -1, 0)
					     : def_val(fun, lhs, 0);
	esc_cfg_def(k->cfg, key_of(k, lhs), v);
}

/* ------------------------------------------------------------------ */
/* Teardown in the graph: memory released before every return          */

/* The pointer t points into memory of (through copies, casts, pointer
   arithmetic, &p->f, &p[1]), or NULL_TREE. */
static tree mem_root(tree t)
{
	for (int depth = 0; t && depth < 16; depth++) {
		if (TREE_CODE(t) == ADDR_EXPR) {
			tree base = get_base_address(TREE_OPERAND(t, 0));
			if (!base || (TREE_CODE(base) != MEM_REF &&
				      TREE_CODE(base) != TARGET_MEM_REF))
				return NULL_TREE;
			t = TREE_OPERAND(base, 0);
			continue;
		}
		if (TREE_CODE(t) != SSA_NAME)
			return NULL_TREE;
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (SSA_NAME_IS_DEFAULT_DEF(t) || !is_gimple_assign(def))
			return t;
		enum tree_code code = gimple_assign_rhs_code(def);
		if (code != SSA_NAME && code != POINTER_PLUS_EXPR &&
		    code != ADDR_EXPR && !CONVERT_EXPR_CODE_P(code))
			return t;
		t = gimple_assign_rhs1(def);
	}
	return NULL_TREE;
}

/* The place root was loaded from, if that is a local whose address is
   never taken (-O0's o.st: the same memory while nothing stores there),
   or NULL_TREE. */
static tree root_place(function *fun, tree root)
{
	gimple *def = SSA_NAME_IS_DEFAULT_DEF(root) ? NULL : SSA_NAME_DEF_STMT(root);
	if (!def || !gimple_assign_single_p(def))
		return NULL_TREE;
	tree rhs = gimple_assign_rhs1(def);
	tree base = TREE_CODE(rhs) != SSA_NAME && TREE_CODE(rhs) != ADDR_EXPR
		? get_base_address(rhs) : NULL_TREE;
	return base && VAR_P(base) && auto_var_in_fn_p(base, fun->decl) &&
	       !TREE_ADDRESSABLE(base) ? rhs : NULL_TREE;
}

/* Do roots a and b name the same memory? */
static bool same_root(function *fun, tree a, tree b)
{
	if (a == b)
		return true;
	tree pa = root_place(fun, a), pb = root_place(fun, b);
	return pa && pb && operand_equal_p(pa, pb, 0);
}

/* Does call s release argument j: a rule's "free" that does not copy
   it (not realloc), or a function of the unit that releases that
   parameter (esc_releases: it frees it, or hands it to one that does,
   also through a function pointer the unit fills: a project's
   deallocator over its allocator hooks; not only when the memory says
   so, as a reference count: u->frees)?  As esc_call, a function of the
   unit before a rule, but for a library's inline wrapper. */
static bool releases_arg(struct esc_unit *u, gimple *s, unsigned j)
{
	tree fndecl = gimple_call_fndecl(s);
	if (!fndecl || gimple_call_internal_p(s))
		return false;
	const char *name = callee_of(s);
	const struct esc_rule *r = name && u->rules ? esc_rules_find(u->rules, name)
						    : NULL;
	cgraph_node *node = cgraph_node::get(fndecl);
	int *idx = node && u->frees && u->fn_index &&
		   !(r && DECL_EXTERNAL(fndecl))
		? u->fn_index->get(node->ultimate_alias_target()->decl) : NULL;
	if (idx)
		return esc_releases_param(u->frees, *idx, (int)j);
	return r && (esc_rule_effect(r, (int)j) & ESC_EFF_FREE) &&
	       r->copy_from != (int)j;
}

/* Does call s release the memory of root? */
static bool releases_root(struct esc_unit *u, function *fun, gimple *s, tree root)
{
	if (!is_gimple_call(s))
		return false;
	for (unsigned j = 0; j < gimple_call_num_args(s); j++) {
		tree r = mem_root(gimple_call_arg(s, j));
		if (r && same_root(fun, r, root) && releases_arg(u, s, j))
			return true;
	}
	return false;
}

/* The memory roots the function releases somewhere (a cheap first
   question), for one function at a time. */
static function *released_fun;
static vec<tree> released_roots;

static bool released_somewhere(struct esc_unit *u, function *fun, tree root)
{
	if (released_fun != fun) {
		released_fun = fun;
		released_roots.truncate(0);
		basic_block bb;
		FOR_EACH_BB_FN(bb, fun)
			for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
			     gsi_next(&i)) {
				gimple *s = gsi_stmt(i);
				if (!is_gimple_call(s))
					continue;
				for (unsigned j = 0; j < gimple_call_num_args(s); j++) {
					tree r = mem_root(gimple_call_arg(s, j));
					if (r && releases_arg(u, s, j))
						released_roots.safe_push(r);
				}
			}
	}
	for (unsigned i = 0; i < released_roots.length(); i++)
		if (same_root(fun, released_roots[i], root))
			return true;
	return false;
}

/* Is t, through copies and casts, a null pointer constant? */
static bool null_value(tree t)
{
	for (int depth = 0; t && depth < 16; depth++) {
		if (integer_zerop(t))
			return true;
		if (TREE_CODE(t) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(t))
			return false;
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!is_gimple_assign(def))
			return false;
		enum tree_code code = gimple_assign_rhs_code(def);
		if (code != SSA_NAME && code != INTEGER_CST &&
		    !CONVERT_EXPR_CODE_P(code))
			return false;
		t = gimple_assign_rhs1(def);
	}
	return false;
}

/* Is e the way out of a test of root against null on which root is null
   (if (p == 0) return; if (p) free(p);)?  Such a path holds nothing in
   root's memory. */
static bool null_edge(function *fun, edge e, tree root)
{
	gimple *last = esc_last_stmt(e->src);
	gcond *cond = last ? dyn_cast<gcond *>(last) : NULL;
	if (!cond)
		return false;
	enum tree_code code = gimple_cond_code(cond);
	tree lhs = gimple_cond_lhs(cond);
	if ((code != EQ_EXPR && code != NE_EXPR) ||
	    !integer_zerop(gimple_cond_rhs(cond)) ||
	    !POINTER_TYPE_P(TREE_TYPE(lhs)))
		return false;
	tree r = mem_root(lhs);
	if (!r || !same_root(fun, r, root))
		return false;
	return (e->flags & (code == EQ_EXPR ? EDGE_TRUE_VALUE : EDGE_FALSE_VALUE)) != 0;
}

/* Is the memory pointer ptr points into released on every path from
   the statement being built (c->stmt) to the function's exit, and not
   stored to on the way if it is named by a local's place?  Then what is
   left in it, or kept as a pointer to it, by this statement is dead
   before the function returns. */
bool esc_released_after(struct esc_ctx *c, tree ptr)
{
	gimple *at = c->stmt;
	tree root = ptr ? mem_root(ptr) : NULL_TREE;
	basic_block start = at ? gimple_bb(at) : NULL;
	if (!root || !start || !c->unit ||
	    !released_somewhere(c->unit, c->fun, root))
		return false;
	tree place = root_place(c->fun, root);
	tree base = place ? get_base_address(place) : NULL_TREE;
	auto_vec<basic_block> stack;
	auto_bitmap seen;
	gimple_stmt_iterator i = gsi_for_stmt(at);
	gsi_next(&i);
	basic_block b = start;
	for (int budget = 0; budget < 4096; budget++) {
		bool released = false;
		for (; !gsi_end_p(i) && !released; gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			if (releases_root(c->unit, c->fun, s, root))
				released = true;
			else if (base && gimple_get_lhs(s) &&
				 get_base_address(gimple_get_lhs(s)) == base)
				return false;
		}
		if (!released) {
			edge e;
			edge_iterator ei;
			FOR_EACH_EDGE(e, ei, b->succs) {
				if (null_edge(c->fun, e, root))
					continue;
				if (e->dest == EXIT_BLOCK_PTR_FOR_FN(c->fun))
					return false;
				if (bitmap_set_bit(seen, e->dest->index))
					stack.safe_push(e->dest);
			}
		}
		if (stack.is_empty())
			return true;
		b = stack.pop();
		i = gsi_start_bb(b);
	}
	return false;
}

/* Does the return value v hold (a pointer into) root's memory, or null,
   through copies and PHIs? */
static bool returns_root(function *fun, tree v, tree root, int depth)
{
	if (!v || depth > 4)
		return false;
	if (null_value(v))
		return true;
	tree r = mem_root(v);
	if (!r)
		return false;
	if (same_root(fun, r, root))
		return true;
	gphi *phi = TREE_CODE(r) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(r)
		? dyn_cast<gphi *>(SSA_NAME_DEF_STMT(r)) : NULL;
	if (!phi)
		return false;
	for (unsigned k = 0; k < gimple_phi_num_args(phi); k++)
		if (!returns_root(fun, gimple_phi_arg_def(phi, k), root, depth + 1))
			return false;
	return true;
}

/* Entering e->dest by e: does a return there whose value is a PHI of
   e->dest (the return block of -O2: return PHI <0, p, q>) return, on
   this way in, root's memory or null? */
static bool edge_returns_root(function *fun, edge e, tree root)
{
	gimple *last = esc_last_stmt(e->dest);
	greturn *ret = last ? dyn_cast<greturn *>(last) : NULL;
	tree v = ret ? gimple_return_retval(ret) : NULL_TREE;
	tree r = v ? mem_root(v) : NULL_TREE;
	gphi *phi = r && TREE_CODE(r) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(r)
		? dyn_cast<gphi *>(SSA_NAME_DEF_STMT(r)) : NULL;
	if (!phi || gimple_bb(phi) != e->dest)
		return true;
	return returns_root(fun, PHI_ARG_DEF_FROM_EDGE(phi, e), root, 0);
}

/* The memory roots the function returns somewhere (through copies and
   PHIs), for one function at a time: a cheap first question. */
static function *returned_fun;
static vec<tree> returned_roots;

static void add_returned(tree v, int depth)
{
	tree r = v && depth < 8 ? mem_root(v) : NULL_TREE;
	if (!r)
		return;
	returned_roots.safe_push(r);
	gphi *phi = TREE_CODE(r) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF(r)
		? dyn_cast<gphi *>(SSA_NAME_DEF_STMT(r)) : NULL;
	for (unsigned k = 0; phi && k < gimple_phi_num_args(phi); k++)
		add_returned(gimple_phi_arg_def(phi, k), depth + 1);
}

static bool returned_somewhere(function *fun, tree root)
{
	if (returned_fun != fun) {
		returned_fun = fun;
		returned_roots.truncate(0);
		basic_block bb;
		FOR_EACH_BB_FN(bb, fun) {
			gimple *last = esc_last_stmt(bb);
			greturn *ret = last ? dyn_cast<greturn *>(last) : NULL;
			if (ret)
				add_returned(gimple_return_retval(ret), 0);
		}
	}
	for (unsigned i = 0; i < returned_roots.length(); i++)
		if (same_root(fun, returned_roots[i], root))
			return true;
	return false;
}

/* Is the memory pointer ptr points into what the function returns, on
   every path from the statement being built (c->stmt) to its exit, or
   null there (and made once: no path goes back to where root is
   defined, and a local's place it is named by is not stored to on the
   way)?  Then what this statement leaves in it is the caller's to keep
   or release with the result (esc_step.into_result). */
bool esc_returned_after(struct esc_ctx *c, tree ptr)
{
	gimple *at = c->stmt;
	tree root = ptr ? mem_root(ptr) : NULL_TREE;
	basic_block start = at ? gimple_bb(at) : NULL;
	if (!root || !start || DECL_RESULT(c->fun->decl) == NULL_TREE ||
	    !POINTER_TYPE_P(TREE_TYPE(DECL_RESULT(c->fun->decl))) ||
	    !returned_somewhere(c->fun, root))
		return false;
	tree place = root_place(c->fun, root);
	tree base = place ? get_base_address(place) : NULL_TREE;
	gimple *root_def = TREE_CODE(root) == SSA_NAME &&
			   !SSA_NAME_IS_DEFAULT_DEF(root)
		? SSA_NAME_DEF_STMT(root) : NULL;
	auto_vec<basic_block> stack;
	auto_bitmap seen;
	gimple_stmt_iterator i = gsi_for_stmt(at);
	gsi_next(&i);
	basic_block b = start;
	bool any = false;
	for (int budget = 0; budget < 4096; budget++) {
		bool returned = false;
		for (; !gsi_end_p(i) && !returned; gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			if (s == root_def)
				return false;
			if (greturn *ret = dyn_cast<greturn *>(s)) {
				/* a PHI of this block: edge_returns_root
				   checked the way in */
				tree v = gimple_return_retval(ret);
				tree r = v ? mem_root(v) : NULL_TREE;
				gimple *d = r && TREE_CODE(r) == SSA_NAME &&
					    !SSA_NAME_IS_DEFAULT_DEF(r)
					? SSA_NAME_DEF_STMT(r) : NULL;
				if (!(d && gimple_code(d) == GIMPLE_PHI &&
				      gimple_bb(d) == b && b != start) &&
				    !returns_root(c->fun, v, root, 0))
					return false;
				returned = any = true;
			} else if (base && gimple_get_lhs(s) &&
				   get_base_address(gimple_get_lhs(s)) == base) {
				return false;
			}
		}
		if (!returned) {
			edge e;
			edge_iterator ei;
			FOR_EACH_EDGE(e, ei, b->succs) {
				if (e->dest == EXIT_BLOCK_PTR_FOR_FN(c->fun))
					return false;
				if (root_def && gimple_code(root_def) == GIMPLE_PHI &&
				    gimple_bb(root_def) == e->dest)
					return false;
				if (!edge_returns_root(c->fun, e, root))
					return false;
				if (bitmap_set_bit(seen, e->dest->index))
					stack.safe_push(e->dest);
			}
		}
		if (stack.is_empty())
			return any;
		b = stack.pop();
		i = gsi_start_bb(b);
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Teardown through a field of the object: memory hung off a field      */

/* Reference t is in what the pointer *ptr points to, at byte offset
   *off (t = p->f, MEM[p + 8].f)?  False if not known. */
static bool ref_in_pointee(tree t, tree *ptr, int *off)
{
	poly_int64 bitpos, bitsize, maxsize;
	bool reverse;
	tree base = get_ref_base_and_extent(t, &bitpos, &bitsize, &maxsize,
					    &reverse);
	HOST_WIDE_INT pos, sz, msz;
	if (!base || TREE_CODE(base) != MEM_REF ||
	    TREE_CODE(TREE_OPERAND(base, 0)) != SSA_NAME ||
	    !bitpos.is_constant(&pos) || !bitsize.is_constant(&sz) ||
	    !maxsize.is_constant(&msz) || sz <= 0 || msz != sz || pos < 0 ||
	    pos % BITS_PER_UNIT)
		return false;
	poly_offset_int o = mem_ref_offset(base);
	poly_int64 po;
	HOST_WIDE_INT ob;
	if (!o.to_shwi(&po) || !po.is_constant(&ob) || ob < 0 ||
	    pos / BITS_PER_UNIT + ob > INT_MAX)
		return false;
	*ptr = TREE_OPERAND(base, 0);
	*off = (int)(pos / BITS_PER_UNIT + ob);
	return true;
}

/* The parameter (its index) whose incoming value v is, through copies
   and casts (not pointer arithmetic), or -1. */
static int param_value(function *fun, tree v)
{
	for (int depth = 0; v && TREE_CODE(v) == SSA_NAME && depth < 16;
	     depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(v)) {
			tree var = SSA_NAME_VAR(v);
			if (!var || TREE_CODE(var) != PARM_DECL ||
			    !POINTER_TYPE_P(TREE_TYPE(v)))
				return -1;
			int i = 0;
			for (tree p = DECL_ARGUMENTS(fun->decl); p;
			     p = DECL_CHAIN(p), i++)
				if (p == var)
					return i;
			return -1;
		}
		gimple *def = SSA_NAME_DEF_STMT(v);
		if (!is_gimple_assign(def))
			return -1;
		enum tree_code code = gimple_assign_rhs_code(def);
		if (code != SSA_NAME && !CONVERT_EXPR_CODE_P(code))
			return -1;
		v = gimple_assign_rhs1(def);
	}
	return -1;
}

/* The hang (esc_graph_hang) for the field at offset off of what v, this
   function's parameter's incoming value (through copies and casts),
   points to; 0 for none. */
int esc_param_hang(struct esc_ctx *c, tree v, int off)
{
	int i = param_value(c->fun, v);
	return i >= 0 && i < c->fn->nparams && c->fn->params[i] > 0
		? esc_graph_hang(c->g, c->fn->params[i], off) : 0;
}

/* The stores of one function into a field of what a parameter points to
   (p->f = v), for one function at a time: a cheap first question. */
struct param_store {
	gimple *stmt;
	tree root; /* mem_root of the value, or NULL_TREE */
	int param, off;
};
static function *pstores_fun;
static vec<param_store> pstores_list;

static void param_stores(function *fun)
{
	if (pstores_fun == fun)
		return;
	pstores_fun = fun;
	pstores_list.truncate(0);
	basic_block bb;
	FOR_EACH_BB_FN(bb, fun)
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i);
		     gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			tree lhs = gimple_get_lhs(s), p;
			int o;
			if (!lhs || TREE_CODE(lhs) == SSA_NAME ||
			    !is_gimple_assign(s) || !ref_in_pointee(lhs, &p, &o))
				continue;
			int pi = param_value(fun, p);
			if (pi < 0)
				continue;
			param_store ps;
			ps.stmt = s;
			ps.root = gimple_assign_single_p(s)
				? mem_root(gimple_assign_rhs1(s)) : NULL_TREE;
			ps.param = pi;
			ps.off = o;
			pstores_list.safe_push(ps);
		}
}

/* The one store of the function into a field of what a parameter points
   to whose value is (a pointer into) root's memory, when it is made
   before statement at on every path (it dominates it; no path leads
   from it back to root's definition) and no other store of the function
   writes that field: its parameter and offset. */
static bool hung_before(struct esc_ctx *c, gimple *at, tree root,
			int *param, int *off)
{
	gimple *found = NULL;
	for (unsigned k = 0; k < pstores_list.length(); k++) {
		const param_store &ps = pstores_list[k];
		if (ps.root && same_root(c->fun, ps.root, root)) {
			if (found)
				return false;
			found = ps.stmt;
			*param = ps.param;
			*off = ps.off;
		}
	}
	if (!found)
		return false;
	for (unsigned k = 0; k < pstores_list.length(); k++) {
		const param_store &ps = pstores_list[k];
		if (ps.stmt != found && ps.param == *param && ps.off == *off)
			return false;
	}
	basic_block fb = gimple_bb(found), ab = gimple_bb(at);
	if (fb == ab) {
		for (gimple_stmt_iterator i = gsi_start_bb(fb); !gsi_end_p(i);
		     gsi_next(&i)) {
			if (gsi_stmt(i) == at)
				return false;
			if (gsi_stmt(i) == found)
				break;
		}
	} else {
		esc_dominators(c);
		if (!dominated_by_p(CDI_DOMINATORS, ab, fb))
			return false;
	}
	/* no way back to root's definition (a loop making it again) */
	gimple *root_def = SSA_NAME_IS_DEFAULT_DEF(root) ? NULL
		: SSA_NAME_DEF_STMT(root);
	basic_block rb = root_def ? gimple_bb(root_def) : NULL;
	if (!rb)
		return false;
	auto_vec<basic_block> stack;
	auto_bitmap seen;
	stack.safe_push(fb);
	for (int budget = 0; !stack.is_empty(); budget++) {
		if (budget > 4096)
			return false;
		basic_block b = stack.pop();
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, b->succs) {
			if (e->dest == rb)
				return false;
			if (bitmap_set_bit(seen, e->dest->index))
				stack.safe_push(e->dest);
		}
	}
	return true;
}

/* Is the memory pointer ptr points into hung, on every path from the
   statement being built (c->stmt) to the exit or null there, off one
   field of what a parameter points to (pParse->pVdbe = v), the same on
   every path, made once (no path goes back to where root is defined)?
   Then what this statement leaves in it is the caller's to release with
   that field (esc_step.hang).  Returns the hang, or 0. */
int esc_hung_after(struct esc_ctx *c, tree ptr)
{
	gimple *at = c->stmt;
	tree root = ptr ? mem_root(ptr) : NULL_TREE;
	basic_block start = at ? gimple_bb(at) : NULL;
	if (!root || !start || TREE_CODE(root) != SSA_NAME ||
	    param_value(c->fun, root) >= 0)
		return 0;
	param_stores(c->fun);
	bool any = false;
	for (unsigned k = 0; k < pstores_list.length() && !any; k++)
		any = pstores_list[k].root &&
		      same_root(c->fun, pstores_list[k].root, root);
	if (!any)
		return 0;
	int param = -1, off = -1;
	if (hung_before(c, at, root, &param, &off))
		return param < c->fn->nparams && c->fn->params[param] > 0
			? esc_graph_hang(c->g, c->fn->params[param], off) : 0;
	param = off = -1;
	tree place = root_place(c->fun, root);
	tree base = place ? get_base_address(place) : NULL_TREE;
	gimple *root_def = SSA_NAME_IS_DEFAULT_DEF(root) ? NULL
		: SSA_NAME_DEF_STMT(root);
	auto_vec<basic_block> stack;
	auto_bitmap seen;
	gimple_stmt_iterator i = gsi_for_stmt(at);
	gsi_next(&i);
	basic_block b = start;
	for (int budget = 0; budget < 4096; budget++) {
		bool hung = false;
		for (; !gsi_end_p(i) && !hung; gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			if (s == root_def)
				return 0;
			tree lhs = gimple_get_lhs(s), p;
			int o;
			if (gimple_assign_single_p(s) && lhs &&
			    TREE_CODE(lhs) != SSA_NAME &&
			    ref_in_pointee(lhs, &p, &o)) {
				tree r = mem_root(gimple_assign_rhs1(s));
				int pi = param_value(c->fun, p);
				if (pi >= 0 && r && same_root(c->fun, r, root)) {
					if (param >= 0 && (pi != param || o != off))
						return 0;
					param = pi;
					off = o;
					hung = true;
					continue;
				}
			}
			if (base && lhs && get_base_address(lhs) == base)
				return 0;
		}
		if (!hung) {
			edge e;
			edge_iterator ei;
			FOR_EACH_EDGE(e, ei, b->succs) {
				if (null_edge(c->fun, e, root))
					continue;
				if (e->dest == EXIT_BLOCK_PTR_FOR_FN(c->fun))
					return 0;
				if (root_def && gimple_code(root_def) == GIMPLE_PHI &&
				    gimple_bb(root_def) == e->dest)
					return 0;
				if (bitmap_set_bit(seen, e->dest->index))
					stack.safe_push(e->dest);
			}
		}
		if (stack.is_empty())
			break;
		b = stack.pop();
		i = gsi_start_bb(b);
	}
	if (param < 0 || !stack.is_empty() || param >= c->fn->nparams ||
	    c->fn->params[param] <= 0)
		return 0;
	return esc_graph_hang(c->g, c->fn->params[param], off);
}

/* The stack object of this frame whose whole address v is (through
   copies and casts), or NULL_TREE. */
static tree frame_object(function *fun, tree v)
{
	for (int depth = 0; v && depth < 16; depth++) {
		if (TREE_CODE(v) == ADDR_EXPR) {
			tree o = TREE_OPERAND(v, 0);
			return VAR_P(o) && auto_var_in_fn_p(o, fun->decl) ? o
									 : NULL_TREE;
		}
		if (TREE_CODE(v) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(v))
			return NULL_TREE;
		gimple *def = SSA_NAME_DEF_STMT(v);
		if (!is_gimple_assign(def))
			return NULL_TREE;
		enum tree_code code = gimple_assign_rhs_code(def);
		if (code != SSA_NAME && code != ADDR_EXPR &&
		    !CONVERT_EXPR_CODE_P(code))
			return NULL_TREE;
		v = gimple_assign_rhs1(def);
	}
	return NULL_TREE;
}

/* Is v (through copies and casts) a value loaded from the field of obj
   at byte offset off (sParse.pVdbe)? */
static bool loaded_from_field(tree v, tree obj, int off)
{
	for (int depth = 0; v && TREE_CODE(v) == SSA_NAME && depth < 16;
	     depth++) {
		if (SSA_NAME_IS_DEFAULT_DEF(v))
			return false;
		gimple *def = SSA_NAME_DEF_STMT(v);
		if (!is_gimple_assign(def))
			return false;
		tree rhs = gimple_assign_rhs1(def);
		if (gimple_assign_single_p(def) && REFERENCE_CLASS_P(rhs)) {
			poly_int64 bitpos, bitsize, maxsize;
			bool reverse;
			HOST_WIDE_INT pos;
			tree b = get_ref_base_and_extent(rhs, &bitpos, &bitsize,
							 &maxsize, &reverse);
			return b == obj && bitpos.is_constant(&pos) &&
			       pos == (HOST_WIDE_INT)off * BITS_PER_UNIT;
		}
		enum tree_code code = gimple_assign_rhs_code(def);
		if (code != SSA_NAME && !CONVERT_EXPR_CODE_P(code))
			return false;
		v = rhs;
	}
	return false;
}

/* Does statement s write obj's bytes from off on, as far as known? */
static bool writes_field(gimple *s, tree obj, int off)
{
	tree lhs = gimple_get_lhs(s);
	if (!lhs || TREE_CODE(lhs) == SSA_NAME || get_base_address(lhs) != obj)
		return false;
	poly_int64 bitpos, bitsize, maxsize;
	bool reverse;
	HOST_WIDE_INT pos, msz;
	get_ref_base_and_extent(lhs, &bitpos, &bitsize, &maxsize, &reverse);
	if (!bitpos.is_constant(&pos) || !maxsize.is_constant(&msz) || msz < 0)
		return true;
	HOST_WIDE_INT lo = (HOST_WIDE_INT)off * BITS_PER_UNIT;
	return pos < lo + (HOST_WIDE_INT)POINTER_SIZE && lo < pos + msz;
}

/* Is what the field at offset off of the frame's object whose address
   v is holds released on every path from the statement being built
   (c->stmt) to the exit (if (sParse.pVdbe) finalize(sParse.pVdbe)), the
   field not written on the way?  Then memory a callee hung off that
   field (esc_step.hang) is dead before the function returns. */
bool esc_field_released_after(struct esc_ctx *c, tree v, int off)
{
	gimple *at = c->stmt;
	tree obj = frame_object(c->fun, v);
	basic_block start = at ? gimple_bb(at) : NULL;
	if (!obj || !start || !c->unit)
		return false;
	auto_vec<basic_block> stack;
	auto_bitmap seen;
	gimple_stmt_iterator i = gsi_for_stmt(at);
	gsi_next(&i);
	basic_block b = start;
	for (int budget = 0; budget < 4096; budget++) {
		bool released = false;
		for (; !gsi_end_p(i) && !released; gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			if (writes_field(s, obj, off))
				return false;
			for (unsigned j = 0; is_gimple_call(s) && !released &&
			     j < gimple_call_num_args(s); j++) {
				tree r = mem_root(gimple_call_arg(s, j));
				released = r && loaded_from_field(r, obj, off) &&
					   releases_arg(c->unit, s, j);
			}
		}
		if (!released) {
			edge e;
			edge_iterator ei;
			gimple *last = esc_last_stmt(b);
			gcond *cond = last ? dyn_cast<gcond *>(last) : NULL;
			FOR_EACH_EDGE(e, ei, b->succs) {
				if (cond && integer_zerop(gimple_cond_rhs(cond)) &&
				    loaded_from_field(gimple_cond_lhs(cond), obj, off) &&
				    (gimple_cond_code(cond) == EQ_EXPR ||
				     gimple_cond_code(cond) == NE_EXPR) &&
				    (e->flags & (gimple_cond_code(cond) == EQ_EXPR
						 ? EDGE_TRUE_VALUE : EDGE_FALSE_VALUE)))
					continue; /* null there: nothing hung */
				if (e->dest == EXIT_BLOCK_PTR_FOR_FN(c->fun))
					return false;
				if (bitmap_set_bit(seen, e->dest->index))
					stack.safe_push(e->dest);
			}
		}
		if (stack.is_empty())
			return true;
		b = stack.pop();
		i = gsi_start_bb(b);
	}
	return false;
}


static const struct esc_effect *closed_effects(tree fndecl,
					       const struct esc_rules *rules,
					       int *n);

struct close_ctx {
	auto_vec<tree> *bodies;
	const struct esc_rules *rules;
};

static const struct esc_effect *callee_effects(const char *name, void *ctx,
					       int *n)
{
	struct close_ctx *c = (struct close_ctx *)ctx;
	*n = 0;
	for (unsigned i = 0; i < c->bodies->length(); i++) {
		tree d = (*c->bodies)[i];
		const char *dn = DECL_NAME(d) ? IDENTIFIER_POINTER(DECL_NAME(d)) : NULL;
		if (!dn || strcmp(dn, name))
			continue;
		if (DECL_STRUCT_FUNCTION(d) && DECL_STRUCT_FUNCTION(d)->cfg)
			return closed_effects(d, c->rules, n);
		/* another unit's, by its linked summary (closed already) */
		const struct esc_summary *ls = esc_linked_summary(d);
		*n = ls ? ls->neffects : 0;
		return ls ? ls->effects : NULL;
	}
	return NULL;
}

static const struct esc_effect *closed_effects(tree fndecl,
					       const struct esc_rules *rules,
					       int *n)
{
	if (!fx_memo)
		fx_memo = new hash_map<tree, closed_fx *>;
	closed_fx **got = fx_memo->get(fndecl);
	if (got) {
		/* a recursion closes with what is known so far */
		*n = (*got)->n;
		return (*got)->fx;
	}
	closed_fx *c = XCNEW(closed_fx);
	fx_memo->put(fndecl, c);
	auto_vec<struct esc_effect> out;
	auto_vec<tree> bodies;
	body_effects(fndecl, rules, &out, &bodies);
	c->cap = (int)out.length() + 8;
	c->fx = XNEWVEC(struct esc_effect, c->cap);
	if (!out.is_empty()) {
		memcpy(c->fx, out.address(), out.length() * sizeof *c->fx);
		c->own = XNEWVEC(struct esc_effect, out.length());
		memcpy(c->own, out.address(), out.length() * sizeof *c->own);
	}
	c->n = c->nown = (int)out.length();
	struct close_ctx ctx = { &bodies, rules };
	/* callees' facts are closed first (depth-first); twice, for what a
	   recursion added */
	for (int round = 0; round < 2; round++)
		c->n = esc_effects_close(&c->fx, c->n, &c->cap, callee_effects, &ctx);
	*n = c->n;
	return c->fx;
}

void esc_effects_reset(void)
{
	delete noret_memo;
	noret_memo = NULL;
	if (!fx_memo)
		return;
	for (hash_map<tree, closed_fx *>::iterator i = fx_memo->begin();
	     i != fx_memo->end(); ++i) {
		free((*i).second->fx);
		free((*i).second->own);
		free((*i).second);
	}
	delete fx_memo;
	fx_memo = NULL;
}

/* In the light pass: is statement st's place stored a second time (a
   kill may_kill finds)? */
static bool light_stored(auto_vec<unsigned char> *stored,
			 const struct esc_cfg *cfg, int st)
{
	int p = esc_cfg_place(cfg, st);
	if (p < 0)
		return false;
	while ((int)stored->length() <= p)
		stored->safe_push(0);
	return ++(*stored)[p] > 1;
}

/* fun's abstract CFG (caller frees with esc_cfg_free); light: only what
   esc_cfg_may_kill reads (the places stored, the calls' writes and undo
   facts), and the same calls of the unit's memoised facts (body_facts,
   closed_effects) in the same order, so that what they keep does not
   depend on which CFGs are built whole. */

/* A loop that runs at least once: the out edge into the loop's body
   that the test ending e's destination, a loop's header, takes whenever
   e enters it from outside, when the values e brings decide it (for (i
   = 0; i < 100; i++): the loop's entry test, entered with i = 0, goes
   into the body), else NULL.  Only for a destination
   with nothing but PHIs and its test (a block of no statements in the
   abstract CFG: size, and no PHI that takes an address) and a way on
   that merges nothing: an edge to that way then stands for the two. */
static edge decided_edge(function *fun, edge e, int size)
{
	basic_block h = e->dest;
	if (size || h == EXIT_BLOCK_PTR_FOR_FN(fun) || (e->flags & EDGE_EH))
		return NULL;
	gimple_stmt_iterator gi = gsi_start_nondebug_after_labels_bb(h);
	gimple *last = esc_last_stmt(h);
	if (gsi_end_p(gi) || gsi_stmt(gi) != last ||
	    gimple_code(last) != GIMPLE_COND)
		return NULL;
	for (gphi_iterator i = gsi_start_phis(h); !gsi_end_p(i); gsi_next(&i))
		for (unsigned a = 0; a < gimple_phi_num_args(i.phi()); a++)
			if (TREE_CODE(gimple_phi_arg_def(i.phi(), a)) == ADDR_EXPR)
				return NULL;
	gcond *c = as_a<gcond *>(last);
	tree l = int_const_of(phi_value_on(h, e, gimple_cond_lhs(c)));
	tree r = int_const_of(phi_value_on(h, e, gimple_cond_rhs(c)));
	if (!l || !r)
		return NULL;
	tree t = fold_binary(gimple_cond_code(c), boolean_type_node, l, r);
	if (!t || TREE_CODE(t) != INTEGER_CST)
		return NULL;
	if (EDGE_COUNT(h->succs) != 2)
		return NULL;
	edge te, fe;
	extract_true_false_edges_from_block(h, &te, &fe);
	edge d = integer_zerop(t) ? fe : te;
	if (!d || d->dest == h || d->dest == EXIT_BLOCK_PTR_FOR_FN(fun) ||
	    (d->flags & EDGE_EH))
		return NULL;
	/* into a loop's body: h is reached again from where d goes (the
	   loop's back edge), so what h leads to stays reachable */
	auto_sbitmap seen(last_basic_block_for_fn(fun));
	bitmap_clear(seen);
	auto_vec<basic_block, 16> work;
	work.safe_push(d->dest);
	bitmap_set_bit(seen, d->dest->index);
	bool back = false;
	while (!back && !work.is_empty()) {
		basic_block b = work.pop();
		edge x;
		edge_iterator xi;
		FOR_EACH_EDGE(x, xi, b->succs) {
			if (x->dest == h) {
				back = true;
				break;
			}
			if (x->dest != EXIT_BLOCK_PTR_FOR_FN(fun) &&
			    !(x->flags & EDGE_EH) &&
			    !bitmap_bit_p(seen, x->dest->index)) {
				bitmap_set_bit(seen, x->dest->index);
				work.safe_push(x->dest);
			}
		}
	}
	if (!back)
		return NULL;
	for (gphi_iterator i = gsi_start_phis(d->dest); !gsi_end_p(i); gsi_next(&i))
		if (!virtual_operand_p(gimple_phi_result(i.phi())))
			return NULL;
	return d;
}

static struct esc_cfg *cfg_of(function *fun, const struct esc_rules *rules,
			      bool light, bool *kills = NULL)
{
	/* light: each place's stores so far; as soon as something can kill
	   (what may_kill looks for first), *kills and the pass ends (the
	   whole CFG, built next, makes the memoised calls that follow in
	   the same order) */
	auto_vec<unsigned char> stored;
	struct keys k;
	k.slots = NULL;
	k.cap = k.n = 0;
	k.cfg = esc_cfg_new();
	k.fndecl = fun->decl;
	k.writes_at = new hash_map<tree, int>;
	k.ctx = RANGE_NONE;
	k.ctx_bb = NULL;
	k.iv_at = new hash_map<tree, int>;
	stored_ranges(&k, fun);
	hash_map<gimple *, int> index;
	basic_block bb;
	auto_vec<int> ckeys;
	auto_vec<unsigned char> live;
	if (!light)
		pointees_live(fun, &live);

	/* the entry block first */
	basic_block entry = single_succ_p(ENTRY_BLOCK_PTR_FOR_FN(fun))
				    ? single_succ(ENTRY_BLOCK_PTR_FOR_FN(fun)) : NULL;
	if (entry && light) {
		esc_cfg_block(k.cfg, entry->index);
	} else if (entry) {
		esc_cfg_block(k.cfg, entry->index);
		/* parameters' incoming values: no address of this frame */
		unsigned v;
		tree d;
		FOR_EACH_SSA_NAME(v, d, fun)
			if (SSA_NAME_IS_DEFAULT_DEF(d) && SSA_NAME_VAR(d) &&
			    TREE_CODE(SSA_NAME_VAR(d)) == PARM_DECL &&
			    POINTER_TYPE_P(TREE_TYPE(d)))
				esc_cfg_def(k.cfg, key_of(&k, d),
					    val_make(ESC_VAL_NONE, -1, 0));
	}
	FOR_EACH_BB_FN(bb, fun) {
		if (light && *kills)
			break;
		if (bb != entry)
			esc_cfg_block(k.cfg, bb->index);
		for (gphi_iterator i = gsi_start_phis(bb); !light && !gsi_end_p(i);
		     gsi_next(&i))
			if (!virtual_operand_p(gimple_phi_result(i.phi())))
				takes_of(&k, fun, i.phi());
		for (gimple_stmt_iterator i = gsi_start_bb(bb); !gsi_end_p(i); gsi_next(&i)) {
			gimple *s = gsi_stmt(i);
			k.ctx_bb = bb;
			if (!light && !gimple_clobber_p(s) && !is_gimple_debug(s))
				takes_of(&k, fun, s);
			tree lhs = gimple_get_lhs(s);
			int place = lhs && TREE_CODE(lhs) != SSA_NAME ? -2 : -1;
			int st = -1;
			if (gimple_code(s) == GIMPLE_RETURN && light) {
				esc_cfg_stmt(k.cfg, ESC_OP_RETURN, s, -1, NULL,
					     NULL, 0, NULL, -1, 0);
			} else if (gimple_code(s) == GIMPLE_RETURN) {
				st = esc_cfg_stmt(k.cfg, ESC_OP_RETURN, s, -1, NULL,
						  NULL, 0, NULL, -1, 0);
				tree rv = gimple_return_retval(as_a<greturn *>(s));
				int vk = rv ? value_key(&k, rv) : -1;
				esc_cfg_values(k.cfg, st, &vk, 1);
			} else if (gimple_clobber_p(s)) {
				if (DECL_P(lhs))
					st = esc_cfg_stmt(k.cfg, ESC_OP_END, s, -1, NULL,
						NULL, 0, NULL, -1,
						(uint64_t)expansion_point_location_if_in_system_header(
							DECL_SOURCE_LOCATION(lhs)));
			} else if (is_gimple_call(s)) {
				ckeys.truncate(0);
				k.ctx = RANGE_STORE;
				ckeys.safe_push(lhs ? handle_of(&k, lhs) : -1);
				k.ctx = RANGE_CALL;
				for (unsigned a = 0; a < gimple_call_num_args(s); a++)
					ckeys.safe_push(handle_of(&k, gimple_call_arg(s, a)));
				k.ctx = RANGE_NONE;
				int nw;
				const int *w = writes_of(&k, gimple_call_fndecl(s), &nw);
				/* writes may move as it grows: copy */
				auto_vec<int> wc;
				for (int j = 0; j < nw; j++)
					wc.safe_push(w[j]);
				const char *callee = callee_of(s);
				k.ctx = RANGE_STORE;
				int cpl = place == -2 ? key_of(&k, lhs) : -1;
				bool cslot = place == -2 && slot_of(&k, lhs);
				k.ctx = RANGE_NONE;
				st = esc_cfg_stmt(k.cfg, ESC_OP_CALL, s,
						  place == -2 ? cpl
						  : call_place(&k, s, rules, callee),
						  callee, ckeys.address(),
						  (int)ckeys.length(),
						  nw >= 0 ? wc.address() : NULL, nw, 0);
				if (cslot)
					mark_slot(&k, cpl, lhs);
				int undo_kills = call_undo(k.cfg, st, s, ckeys.address(),
							   (int)ckeys.length());
				tree cd = gimple_call_fndecl(s);
				if (!light && st >= 0 && callee_noreturn(cd, 0))
					esc_cfg_noreturn(k.cfg, st);
				if (light && st >= 0) {
					/* teardown (may_kill): the memory a
					   callee known only by name is given, or
					   a same-file callee stores into */
					bool body = cd && DECL_STRUCT_FUNCTION(cd) &&
						    DECL_STRUCT_FUNCTION(cd)->cfg;
					const struct esc_summary *us =
						body ? esc_unit_summary(cd) : NULL;
					if (us && !us->gave_up && us->nstores)
						esc_cfg_stores(k.cfg, st, us->stores,
							       us->nstores);
					if (!body || (us && !us->gave_up && us->nstores)) {
						ckeys[0] = -1;
						k.ctx = RANGE_CALL;
						for (unsigned a = 0; a < gimple_call_num_args(s); a++)
							ckeys[1 + a] = mem_key(&k, fun,
									       gimple_call_arg(s, a));
						k.ctx = RANGE_NONE;
						esc_cfg_mems(k.cfg, st, ckeys.address(),
							     (int)ckeys.length());
					}
				}
				if (light) {
					int nfx;
					if (cd && DECL_STRUCT_FUNCTION(cd) &&
					    DECL_STRUCT_FUNCTION(cd)->cfg)
						closed_effects(cd, rules, &nfx);
					if ((st >= 0 && nw > 0) || undo_kills ||
					    light_stored(&stored, k.cfg, st)) {
						*kills = true;
						break;
					}
					continue;
				}
				ckeys[0] = -1;
				for (unsigned a = 0; a < gimple_call_num_args(s); a++)
					ckeys[1 + a] = value_key(&k, gimple_call_arg(s, a));
				esc_cfg_values(k.cfg, st, ckeys.address(),
					       (int)ckeys.length());
				loop_args(k.cfg, st, fun, s, rules, callee);
				k.ctx = RANGE_CALL;
				for (unsigned a = 0; a < gimple_call_num_args(s); a++)
					ckeys[1 + a] = mem_key(&k, fun, gimple_call_arg(s, a));
				k.ctx = RANGE_NONE;
				esc_cfg_mems(k.cfg, st, ckeys.address(),
					     (int)ckeys.length());
				const struct esc_summary *ls;
				if (cd && DECL_STRUCT_FUNCTION(cd) &&
				    DECL_STRUCT_FUNCTION(cd)->cfg) {
					int nfx;
					const struct esc_effect *fx =
						closed_effects(cd, rules, &nfx);
					esc_cfg_effects(k.cfg, st, fx, nfx);
					if ((ls = esc_unit_summary(cd)) && !ls->gave_up)
						esc_cfg_stores(k.cfg, st, ls->stores,
							       ls->nstores);
				} else if (cd && (ls = esc_linked_summary(cd))) {
					/* its effects, maybe none (known) */
					static const struct esc_effect none[1] = {};
					esc_cfg_effects(k.cfg, st,
							ls->effects ? ls->effects : none,
							ls->neffects);
					esc_cfg_stores(k.cfg, st, ls->stores, ls->nstores);
					esc_cfg_leaks(k.cfg, st, ls->heap, ls->nparams + 1);
				}
			} else if (place == -2) {
				/* keys[0]: the value stored; a store into
				   ptr->field links it there (undo) */
				tree rhs = gimple_assign_single_p(s)
						   ? gimple_assign_rhs1(s) : NULL_TREE;
				if (light) {
					/* its place (a link is no kill) */
					k.ctx = RANGE_STORE;
					int lpl = key_of(&k, lhs);
					tree p = deref_of(lhs);
					int mk = p ? mem_key(&k, fun, p) : -1;
					k.ctx = RANGE_NONE;
					int ls = esc_cfg_stmt(k.cfg, ESC_OP_STORE, s,
							      lpl, NULL,
							      NULL, 0, NULL, -1, 0);
					esc_cfg_mems(k.cfg, ls, &mk, 1);
					if (light_stored(&stored, k.cfg, ls)) {
						*kills = true;
						break;
					}
					continue;
				}
				int v = rhs ? handle_of(&k, rhs) : -1;
				k.ctx = RANGE_STORE;
				int spl = key_of(&k, lhs);
				bool sslot = slot_of(&k, lhs);
				tree p = deref_of(lhs);
				int mk = p ? mem_key(&k, fun, p) : -1;
				k.ctx = RANGE_NONE;
				st = esc_cfg_stmt(k.cfg, ESC_OP_STORE, s, spl,
						  NULL, &v, 1, NULL, -1, 0);
				if (sslot)
					mark_slot(&k, spl, lhs);
				int vk = rhs ? value_key(&k, rhs) : -1;
				esc_cfg_values(k.cfg, st, &vk, 1);
				esc_cfg_mems(k.cfg, st, &mk, 1);
				tree ptr;
				struct esc_undo u;
				u.kind = ESC_UNDO_LINK;
				u.key = v;
				u.field = field_ref(lhs, &ptr);
				if (v >= 0 && u.field >= 0 &&
				    (u.into = handle_of(&k, ptr)) >= 0)
					esc_cfg_undo(k.cfg, st, &u, 1);
			}
			if (light)
				continue;
			if (st >= 0)
				index.put(s, st);
			if (!gimple_clobber_p(s))
				uses_of(&k, fun, s, live);
			def_of(&k, fun, s);
			/* a pointer loaded from a slot (a handle read back) */
			k.ctx = RANGE_LOAD;
			if (lhs && TREE_CODE(lhs) == SSA_NAME &&
			    gimple_assign_single_p(s) &&
			    slot_of(&k, gimple_assign_rhs1(s)) &&
			    value_key(&k, lhs) >= 0) {
				int pk = key_of(&k, gimple_assign_rhs1(s));
				mark_slot(&k, pk, gimple_assign_rhs1(s));
				esc_cfg_load(k.cfg, value_key(&k, lhs), pk);
			}
			k.ctx = RANGE_NONE;
		}
	}
	hash_map<tree, int> flags;
	if (!light)
		flags_of(&k, fun, &flags);
	FOR_EACH_BB_FN(bb, fun) {
		if (light)
			break;
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, bb->succs) {
			/* no path of C: an exception (-fexceptions) leaves a
			   call only for a landing pad that clobbers the frame's
			   objects and unwinds; C's own ways out are the
			   returns */
			if (e->flags & EDGE_EH)
				continue;
			gimple *call;
			enum esc_branch br = branch_of(e, &call);
			int *test = call ? index.get(call) : NULL;
			int to = e->dest == EXIT_BLOCK_PTR_FOR_FN(fun) ? -1
								       : e->dest->index;
			/* into a test it decides: on to where the test goes */
			edge d = to >= 0 ? decided_edge(fun, e,
				esc_cfg_block_size(k.cfg, to)) : NULL;
			esc_cfg_edge(k.cfg, bb->index, d ? d->dest->index : to,
				     test ? *test : -1, test ? br : ESC_BR_ANY);
			if (d)
				esc_cfg_edge_via(k.cfg, to);
			edge_tests(&k, fun, e);
			if (to >= 0)
				edge_assigns(&k, fun, e);
			if (d)
				edge_tests(&k, fun, d);
			if (to >= 0)
				edge_flags(&k, e, &flags);
			if (d)
				edge_flags(&k, d, &flags);
		}
	}
	free(k.slots);
	delete k.writes_at;
	delete k.iv_at;
	for (unsigned i = 0; i < k.ranges.length(); i++)
		delete k.ranges[i];
	return k.cfg;
}

/* "escape:ignore" (optionally with rule ids) on the line of p? */
static bool ignored_at(struct esc_pos p, const char *rule)
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
		ignored = strncmp(rest, "escape-", 7) != 0 || strstr(rest, rule);
	}
	free(text);
	return ignored;
}

/* Does function r need its abstract CFG: an escaping local (or the
   escape-scope check), or a parameter its summary says is kept (a sure
   leak, a store into the caller's memory) that it may undo? */
static bool cfg_wanted(const struct esc_func_report *r,
		       const struct esc_summary *sum)
{
	for (int i = 0; esc_warn_enabled && i < r->nlocals; i++)
		if (r->locals[i].escapes ||
		    (esc_warn_enabled & (1u << ESC_WARN_SCOPE)))
			return true;
	for (int i = 0; sum && !sum->gave_up && i <= sum->nparams; i++)
		if (sum->sure[i] >= 0)
			return true;
	for (int i = 0; sum && !sum->gave_up && i < sum->nstores; i++)
		if (!sum->stores[i].assumed)
			return true;
	return false;
}

struct esc_cfg *esc_dangle_cfg(function *fun, const struct esc_rules *rules,
			       const struct esc_func_report *r,
			       const struct esc_summary *sum, bool alone)
{
	if (!fun || !fun->cfg || r->gave_up || !cfg_wanted(r, sum))
		return NULL;
	/* alone in its component and with no stack object: the CFG would
	   serve only the summary's undo, which does nothing on a CFG where
	   nothing can kill a sink; the light one says whether something can
	   (most such functions keep a parameter and never undo it) */
	if (alone && !r->nlocals) {
		bool kills = false;
		struct esc_cfg *light = cfg_of(fun, rules, true, &kills);
		if (!kills)
			kills = esc_cfg_may_kill(light);
		esc_cfg_free(light);
		if (!kills)
			return NULL;
	}
	return cfg_of(fun, rules, false);
}

void esc_dangle_function(const struct esc_rules *rules,
			 struct esc_func_report *r, const struct esc_cfg *cfg)
{
	bool any = false;
	for (int i = 0; i < r->nlocals && !any; i++)
		any = r->locals[i].escapes ||
		      (esc_warn_enabled & (1u << ESC_WARN_SCOPE));
	if (!cfg || !any || !esc_warn_enabled)
		return;
	int first = r->nwarnings;
	int unchecked = esc_check_dangling(cfg, rules, esc_warn_enabled, r);
	for (int i = first; i < r->nwarnings; i++) {
		struct esc_warning *w = &r->warnings[i];
		w->suppressed = ignored_at(w->pos, w->id) ||
				ignored_at(w->sink, w->id);
	}
	if (unchecked && !in_system_header_at((location_t)r->pos.handle))
		inform((location_t)r->pos.handle,
		       "escape: %d escaping addresses in %qs were not checked for "
		       "dangling: the check of this function is over its budget",
		       unchecked, r->name);
}

/* At most this many distinct direct callees are looked at by
   ends_scan (past them: not known). */
#define ESC_ENDS_MAX 16

/* The direct callees (each once) fun returns only through
   (esc_paths_ends), into ends: none when its exit is not reached at all;
   false when it may return whatever they do. */
static bool ends_scan(function *fun, auto_vec<tree> *ends)
{
	if (!fun || !fun->cfg)
		return false;
	int n = last_basic_block_for_fn(fun);
	auto_vec<unsigned> start, cstart;
	auto_vec<int> dest, calls;
	auto_vec<tree> decls;
	start.safe_grow_cleared(n + 1);
	cstart.safe_grow_cleared(n + 1);
	for (int i = 0; i < n; i++) {
		start[i] = dest.length();
		cstart[i] = calls.length();
		basic_block x = BASIC_BLOCK_FOR_FN(fun, i);
		if (!x)
			continue;
		edge e;
		edge_iterator ei;
		FOR_EACH_EDGE(e, ei, x->succs)
			dest.safe_push(e->dest->index);
		if (i == ENTRY_BLOCK || i == EXIT_BLOCK)
			continue;
		for (gimple_stmt_iterator gsi = gsi_start_bb(x); !gsi_end_p(gsi);
		     gsi_next(&gsi)) {
			gimple *g = gsi_stmt(gsi);
			tree fn = is_gimple_call(g) ? gimple_call_fndecl(g) : NULL_TREE;
			if (!fn || !DECL_NAME(fn) || fndecl_built_in_p(fn))
				continue;
			unsigned k = 0;
			while (k < decls.length() && decls[k] != fn)
				k++;
			if (k == decls.length()) {
				if (k == ESC_ENDS_MAX)
					return false;
				decls.safe_push(fn);
			}
			calls.safe_push((int)k);
		}
	}
	start[n] = dest.length();
	cstart[n] = calls.length();
	struct esc_paths g;
	g.n = n;
	g.entry = ENTRY_BLOCK;
	g.exit = EXIT_BLOCK;
	g.start = start.address();
	g.dest = dest.address();
	int out[ESC_ENDS_MAX], nout = 0;
	if (esc_paths_ends(&g, cstart.address(), calls.address(),
			   (int)decls.length(), out, &nout) < 0)
		return false;
	for (int i = 0; i < nout; i++)
		ends->safe_push(decls[out[i]]);
	return true;
}

void esc_dangle_ends(function *fun, struct esc_func_report *r)
{
	auto_vec<tree> ends;
	r->ends_known = 0;
	if (!ends_scan(fun, &ends))
		return;
	r->ends = (const char **)xmalloc((ends.length() + 1) * sizeof *r->ends);
	for (unsigned i = 0; i < ends.length(); i++)
		r->ends[i] = esc_intern(IDENTIFIER_POINTER(DECL_NAME(ends[i])));
	r->nends = (int)ends.length();
	r->ends_known = 1;
}

/* Does a call of cd never return, though cd is not declared so (GCC's
   CFG then ends the block already)?  A function of this unit whose body
   returns only through callees that never return (ends_scan; callees
   that only call each other are not known to end), or one a linked
   summary says never returns. */
static bool callee_noreturn(tree cd, int depth)
{
	if (!cd || TREE_THIS_VOLATILE(cd) || fndecl_built_in_p(cd))
		return false;
	function *f = DECL_STRUCT_FUNCTION(cd);
	if (!f || !f->cfg) {
		const struct esc_summary *ls = esc_linked_summary(cd);
		return ls && ls->noreturn;
	}
	if (!noret_memo)
		noret_memo = new hash_map<tree, int>;
	if (int *m = noret_memo->get(cd))
		return *m == 1;
	if (depth > 16)
		return false;
	noret_memo->put(cd, 2);
	auto_vec<tree> ends;
	bool yes = ends_scan(f, &ends);
	for (unsigned i = 0; yes && i < ends.length(); i++)
		yes = callee_noreturn(ends[i], depth + 1);
	noret_memo->put(cd, yes ? 1 : 0);
	return yes;
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
			w.decl = pr->pos;
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
