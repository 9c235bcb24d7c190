/*
 * build.cc - GIMPLE statements and expressions -> the escape graph.
 *
 * As in Go's escape/expr.go and stmt.go, an expression is evaluated into
 * a hole: a place its value goes, with a dereference count.  esc_expr(k, e)
 * says "k receives the value of e":
 *
 *   &x         k receives x's address: derefs -1 from x's object
 *   &p->f      pointer arithmetic: k receives p
 *   p (SSA)    k receives p's location (derefs 0)
 *   *p, p->f   a load: k, one more dereference, receives p
 *   x.f        a local object's contents: derefs 0 from x's object
 *   g          a global's contents: the unknown
 *
 * An assignment's left side picks the hole: an SSA name, a local object
 * (x.f = v, stored into x), a global (the heap), the result, or a store
 * through a pointer (*p = v), which pointsto.c later resolves.  Types
 * that cannot hold an address (floats, booleans, narrow integers) create
 * no edges at all.  Statements the model does not know are handled
 * conservatively: every local whose address they mention escapes.
 *
 * Nothing here changes the IL: it is only read.
 */
#include "adapter.h"
#include "tree-dfa.h"

/* Statements in one function above which it is analysed conservatively:
   a safety valve for generated code. */
#define ESC_MAX_STMTS 2000000

struct esc_pos esc_pos_of(location_t loc)
{
	/* the statements of a function give the same few positions again
	   and again: the last ones expanded are kept (a position's
	   expansion never changes within a compilation) */
	static struct {
		location_t loc;
		struct esc_pos pos;
	} seen[64];
	unsigned slot = (loc ^ (loc >> 6)) & 63;
	if (seen[slot].loc == loc && loc != UNKNOWN_LOCATION)
		return seen[slot].pos;
	struct esc_pos p;
	location_t from = loc;
	/* a system header's macro used in the user's code (alloca, errno):
	   report where it is used */
	loc = expansion_point_location_if_in_system_header(loc);
	expanded_location x = expand_location(loc);
	p.file = x.file;
	p.line = x.line;
	p.col = x.column;
	p.handle = loc;
	if (from != UNKNOWN_LOCATION) {
		seen[slot].loc = from;
		seen[slot].pos = p;
	}
	return p;
}

struct esc_step esc_step_at(enum esc_step_kind kind, location_t loc,
			    const char *what, int arg)
{
	struct esc_step s;
	s.kind = kind;
	s.pos = esc_pos_of(loc);
	s.what = what;
	s.arg = arg;
	s.origin = NULL;
	s.assumed = 0;
	s.imported = 0;
	s.into_result = 0;
	s.guard = 0;
	s.hang = 0;
	return s;
}

struct esc_hole esc_hole_to(int loc, int derefs, struct esc_step why)
{
	struct esc_hole k;
	k.kind = HOLE_LOC;
	k.loc = loc;
	k.derefs = derefs;
	k.why = why;
	k.fkind = k.fpres = 0;
	k.foff = k.fsize = 0;
	k.in_off = k.in_size = k.in_elem = k.felem = 0;
	return k;
}

/* The bytes reference t designates in the memory it is in, relative to
   its base (a declaration, or what a MEM_REF's pointer points to), as
   [*off, *off + *size); false if not known. */
static bool ref_range(tree t, int *off, int *size)
{
	poly_int64 bitpos, bitsize, maxsize;
	bool reverse;
	tree base = get_ref_base_and_extent(t, &bitpos, &bitsize, &maxsize,
					    &reverse);
	HOST_WIDE_INT pos, sz, msz;
	if (!base || !bitpos.is_constant(&pos) || !bitsize.is_constant(&sz) ||
	    !maxsize.is_constant(&msz) || sz <= 0 || msz != sz || pos < 0)
		return false;
	if (TREE_CODE(base) == TARGET_MEM_REF)
		return false;
	if (TREE_CODE(base) == MEM_REF &&
	    TREE_CODE(TREE_OPERAND(base, 0)) == ADDR_EXPR)
		return false; /* not folded into the object: relative to what? */
	if (TREE_CODE(base) == MEM_REF) {
		poly_offset_int o = mem_ref_offset(base);
		poly_int64 po;
		HOST_WIDE_INT ob;
		if (!o.to_shwi(&po) || !po.is_constant(&ob) || ob < 0)
			return false;
		pos += ob * BITS_PER_UNIT;
	}
	HOST_WIDE_INT lo = pos / BITS_PER_UNIT;
	HOST_WIDE_INT hi = (pos + sz + BITS_PER_UNIT - 1) / BITS_PER_UNIT;
	if (hi > INT_MAX || lo >= hi)
		return false;
	*off = (int)lo;
	*size = (int)(hi - lo);
	return true;
}

/* k reads (kind ESC_FIELD_READ) or writes reference t: its range. */
static struct esc_hole field_of(struct esc_hole k, int kind, tree t)
{
	int off, size;
	k.fkind = (unsigned char)kind;
	k.foff = k.fsize = 0;
	if (ref_range(t, &off, &size)) {
		k.foff = off;
		k.fsize = size;
	}
	return k;
}

static struct esc_hole hole_store(int ptr, int derefs, struct esc_step why)
{
	struct esc_hole k = esc_hole_to(ptr, derefs, why);
	k.kind = HOLE_STORE;
	return k;
}

static struct esc_hole shift(struct esc_hole k, int derefs)
{
	k.derefs += derefs;
	return k;
}

/* Can a value of this type carry an address?  Pointers, integers as wide
   as a pointer, and aggregates holding either. */
bool esc_may_hold_address(tree type)
{
	for (int depth = 0; type && depth < 32; depth++) {
		switch (TREE_CODE(type)) {
		case POINTER_TYPE:
		case REFERENCE_TYPE:
		case OFFSET_TYPE:
		case NULLPTR_TYPE:
			return true;
		case INTEGER_TYPE:
		case ENUMERAL_TYPE:
			return TYPE_PRECISION(type) >= POINTER_SIZE;
		case ARRAY_TYPE:
		case VECTOR_TYPE:
		case COMPLEX_TYPE:
			type = TREE_TYPE(type);
			continue;
		case RECORD_TYPE:
		case UNION_TYPE:
		case QUAL_UNION_TYPE:
			for (tree f = TYPE_FIELDS(type); f; f = DECL_CHAIN(f))
				if (TREE_CODE(f) == FIELD_DECL &&
				    esc_may_hold_address(TREE_TYPE(f)))
					return true;
			return false;
		default:
			return false;
		}
	}
	return true; /* too deep to tell: assume it can */
}

/* A declaration's name.  GCC's own for an OpenMP region's shared data
   (.omp_data_o.N in the function, .omp_data_i in the region's body) and
   copyprivate data (.omp_copy_o.N) are not the user's: they are named
   after what they are. */
static const char *decl_name(tree decl)
{
	if (!DECL_NAME(decl))
		return NULL;
	const char *name = IDENTIFIER_POINTER(DECL_NAME(decl));
	if (DECL_ARTIFICIAL(decl) && !strncmp(name, ".omp_data_", 10))
		return "(OpenMP shared data)";
	if (DECL_ARTIFICIAL(decl) && !strncmp(name, ".omp_copy_", 10))
		return "(OpenMP copyprivate data)";
	return name;
}

/* A local the frame owns (not a global, static or extern). */
static bool is_frame_decl(tree t)
{
	if (TREE_CODE(t) == PARM_DECL || TREE_CODE(t) == RESULT_DECL)
		return true;
	return TREE_CODE(t) == VAR_DECL && !is_global_var(t) &&
	       !DECL_EXTERNAL(t);
}

/* The location of a local object (created on first sight). */
static int object_loc(struct esc_ctx *c, tree decl)
{
	if (TREE_CODE(decl) == RESULT_DECL)
		return esc_func_result(c->g, c->fn->gfunc);
	int *slot = c->objects->get(decl);
	if (slot)
		return *slot;

	enum esc_obj_kind kind = ESC_OBJ_LOCAL;
	const char *name = decl_name(decl);
	if (TREE_CODE(decl) == PARM_DECL) {
		kind = ESC_OBJ_PARAM;
	} else if (DECL_ARTIFICIAL(decl) || !name) {
		/* the C front end's C_DECL_COMPOUND_LITERAL_P */
		if (TREE_CODE(decl) == VAR_DECL && DECL_LANG_FLAG_5(decl)) {
			kind = ESC_OBJ_COMPOUND;
			name = "(compound literal)";
		} else {
			kind = ESC_OBJ_TEMP;
			if (!name)
				name = "(temporary)";
		}
	}
	int loc = esc_object_new(c->g, ESC_LOC_STACK, kind, c->fn->gfunc, name,
				 esc_pos_of(DECL_SOURCE_LOCATION(decl)));
	c->objects->put(decl, loc);

	/* An address-taken parameter's object starts with the incoming value. */
	if (TREE_CODE(decl) == PARM_DECL) {
		int i = 0;
		for (tree p = DECL_ARGUMENTS(c->fun->decl); p; p = DECL_CHAIN(p), i++)
			if (p == decl && i < c->fn->nparams && c->fn->params[i] >= 0)
				esc_edge(c->g, loc, c->fn->params[i], 0,
					 esc_step_at(ESC_STEP_ASSIGN,
						     DECL_SOURCE_LOCATION(decl),
						     name, 0));
	}
	return loc;
}

/*
 * GCC's frame for nested functions (tree-nested.cc): FRAME.N, a struct of
 * the parent's variables that nested functions use (total, with the value
 * expression FRAME.0.total), of the trampolines of the nested functions
 * whose address is taken (named after them), and of GCC's own links
 * (__chain, FRAME_BASE.PARENT, ...).  Each field is an object of its own,
 * named after its variable; the frame's address (a static chain) is the
 * address of each of them.
 */
static bool is_nested_frame(tree decl)
{
	return TREE_CODE(decl) == VAR_DECL && DECL_ARTIFICIAL(decl) &&
	       DECL_NAME(decl) && TREE_CODE(TREE_TYPE(decl)) == RECORD_TYPE &&
	       !strncmp(IDENTIFIER_POINTER(DECL_NAME(decl)), "FRAME.", 6);
}

/* The variable a field of frame base stands for, or NULL. */
static tree frame_var(struct esc_ctx *c, tree base, tree field)
{
	unsigned ix;
	tree var;
	FOR_EACH_LOCAL_DECL(c->fun, ix, var) {
		if (TREE_CODE(var) != VAR_DECL || !DECL_HAS_VALUE_EXPR_P(var))
			continue;
		tree e = DECL_VALUE_EXPR(var);
		if (e && TREE_CODE(e) == COMPONENT_REF &&
		    TREE_OPERAND(e, 0) == base && TREE_OPERAND(e, 1) == field)
			return var;
	}
	return NULL_TREE;
}

/* Is the field one of GCC's own links (__chain, FRAME_BASE.PARENT)? */
static bool frame_link(tree field)
{
	const char *name = decl_name(field);
	return !name || !strncmp(name, "__", 2) || !strncmp(name, "FRAME", 5);
}

/* The location of a field of a nested-function frame (base). */
static int field_loc(struct esc_ctx *c, tree base, tree field)
{
	int *slot = c->objects->get(field);
	if (slot)
		return *slot;
	const char *name = decl_name(field);
	location_t at = c->stmt_loc;
	enum esc_obj_kind kind = ESC_OBJ_LOCAL;
	tree var = frame_var(c, base, field);
	if (var) {
		/* the variable: its name and place */
		name = decl_name(var);
		at = DECL_SOURCE_LOCATION(var);
	} else if (frame_link(field)) {
		kind = ESC_OBJ_TEMP;
		name = "(nested-function frame)";
	}
	int loc = esc_object_new(c->g, ESC_LOC_STACK, kind, c->fn->gfunc,
				 name ? name : "(temporary)", esc_pos_of(at));
	c->objects->put(field, loc);
	return loc;
}

/* The field of frame base that reference t lies in, or NULL for all. */
static tree frame_field(tree t, tree base)
{
	for (tree r = t; handled_component_p(r); r = TREE_OPERAND(r, 0))
		if (TREE_CODE(r) == COMPONENT_REF && TREE_OPERAND(r, 0) == base)
			return TREE_OPERAND(r, 1);
	return NULL_TREE;
}

/* k receives from the object(s) reference t designates in frame base,
   with derefs (-1: their addresses).  The whole frame's address is not
   that of GCC's own links: it carries what they hold (an outer frame's
   address, in __chain) instead. */
static void frame_flow(struct esc_ctx *c, struct esc_hole k, tree t,
		       tree base, int derefs)
{
	tree f = frame_field(t, base);
	if (f) {
		esc_flow_to_hole(c, k, field_loc(c, base, f), derefs);
		return;
	}
	for (f = TYPE_FIELDS(TREE_TYPE(base)); f; f = DECL_CHAIN(f)) {
		if (TREE_CODE(f) != FIELD_DECL)
			continue;
		bool link = frame_link(f) && !frame_var(c, base, f);
		esc_flow_to_hole(c, k, field_loc(c, base, f),
				 link && derefs < 0 ? 0 : derefs);
	}
}

/* The location of an SSA name, 0 for one that carries nothing. */
int esc_ssa_loc(struct esc_ctx *c, tree ssa)
{
	unsigned v = SSA_NAME_VERSION(ssa);
	if (v >= c->nssa)
		return 0;
	if (c->ssa[v])
		return c->ssa[v];
	if (!esc_may_hold_address(TREE_TYPE(ssa)))
		return 0;

	tree var = SSA_NAME_VAR(ssa);
	if (SSA_NAME_IS_DEFAULT_DEF(ssa)) {
		if (var && TREE_CODE(var) == PARM_DECL) {
			int i = 0;
			for (tree p = DECL_ARGUMENTS(c->fun->decl); p;
			     p = DECL_CHAIN(p), i++)
				if (p == var && i < c->fn->nparams)
					return c->ssa[v] = c->fn->params[i];
		}
		if (var && TREE_CODE(var) == RESULT_DECL)
			return c->ssa[v] = esc_func_result(c->g, c->fn->gfunc);
		if (var && var == c->fun->static_chain_decl && c->fn->chain >= 0)
			return c->ssa[v] = c->fn->chain;
		/* an uninitialised local: holds nothing we know of */
		return 0;
	}
	char buf[32];
	const char *name = var ? decl_name(var) : NULL;
	if (!name) {
		/* "_%u", without snprintf's cost (one per SSA value) */
		char *e = buf + sizeof buf;
		*--e = 0;
		unsigned n = v;
		do
			*--e = (char)('0' + n % 10);
		while ((n /= 10));
		*--e = '_';
		name = e;
	}
	location_t where = var ? DECL_SOURCE_LOCATION(var) : c->stmt_loc;
	return c->ssa[v] = esc_loc_new(c->g, ESC_LOC_VALUE, c->fn->gfunc, name,
				       esc_pos_of(where));
}

/*
 * Correlated branches.  x = PHI <y, z>; ... if (x != y) use (x): where
 * the use stands x is not y, so it holds only what the PHI's other
 * arguments gave it (bash's bind_variable_internal: newval = append ?
 * make_variable_value (value) : value; ... if (newval != value) free
 * (newval) frees only the new value).  A block dominated by an edge that
 * says x != y (the true edge of x != y, the false one of x == y) reads
 * x as a value of its own, made of the PHI's arguments other than y.  y
 * must mean the same at the PHI and at the test: a parameter's incoming
 * value or an invariant (a constant, an object's address: if (p !=
 * &buf) free (p)).  Between the test and the use x is not redefined: a
 * path that reached x's PHI again would reach the use without the edge.
 */
struct esc_excl {
	unsigned version; /* x's */
	tree y;
	int loc;          /* x without y */
};

tree esc_copied_value(tree t, bool (*leaf)(tree r))
{
	for (int depth = 0; depth < 8 && t && TREE_CODE(t) == SSA_NAME;
	     depth++) {
		gimple *def = SSA_NAME_DEF_STMT(t);
		if (!def || !is_gimple_assign(def))
			break;
		enum tree_code code = gimple_assign_rhs_code(def);
		tree r = gimple_assign_rhs1(def);
		if (!(gimple_assign_single_p(def) || CONVERT_EXPR_CODE_P(code)) ||
		    !leaf(r))
			break;
		t = r;
	}
	return t;
}

/* A pointer copy's source: an SSA name or an invariant (&buf). */
static bool pointer_copy(tree r)
{
	return (TREE_CODE(r) == SSA_NAME || is_gimple_min_invariant(r)) &&
	       POINTER_TYPE_P(TREE_TYPE(r));
}

/* The value t copies (through copies and pointer conversions: the
   gimplifier's temporaries of a conditional assignment). */
static tree copied_value(tree t)
{
	return esc_copied_value(t, pointer_copy);
}

/* x's PHI (x a copy of its result), or NULL. */
static gphi *phi_of(tree x)
{
	x = copied_value(x);
	gimple *def = x && TREE_CODE(x) == SSA_NAME ? SSA_NAME_DEF_STMT(x)
						     : NULL;
	return def && gimple_code(def) == GIMPLE_PHI ? as_a<gphi *>(def) : NULL;
}

/* Is r, or a copy of it, tested by == or != (cheap, before any
   dominators)? */
static bool compared(tree r, int depth)
{
	imm_use_iterator it;
	use_operand_p use;
	if (depth > 4)
		return false;
	FOR_EACH_IMM_USE_FAST(use, it, r) {
		gimple *s = USE_STMT(use);
		if (gimple_code(s) == GIMPLE_COND) {
			enum tree_code code = gimple_cond_code(as_a<gcond *>(s));
			if (code == EQ_EXPR || code == NE_EXPR)
				return true;
		} else if (is_gimple_assign(s) &&
			   TREE_CODE(gimple_assign_lhs(s)) == SSA_NAME &&
			   (gimple_assign_single_p(s) ||
			    CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(s))) &&
			   compared(gimple_assign_lhs(s), depth + 1)) {
			return true;
		}
	}
	return false;
}

void esc_dominators(struct esc_ctx *c)
{
	if (!dom_info_available_p(CDI_DOMINATORS)) {
		calculate_dominance_info(CDI_DOMINATORS);
		c->dom_made = true;
	}
}

static tree excluded_value(struct esc_ctx *c, tree x)
{
	gphi *phi = c->bb ? phi_of(x) : NULL;
	if (!phi || !compared(gimple_phi_result(phi), 0))
		return NULL_TREE;
	esc_dominators(c);
	int n = 0;
	for (basic_block d = c->bb;
	     d && d != ENTRY_BLOCK_PTR_FOR_FN(c->fun) && n < 64;
	     d = get_immediate_dominator(CDI_DOMINATORS, d), n++) {
		if (!single_pred_p(d))
			continue;
		edge e = single_pred_edge(d);
		gimple *last = esc_last_stmt(e->src);
		if (!last || gimple_code(last) != GIMPLE_COND)
			continue;
		gcond *cond = as_a<gcond *>(last);
		bool t = e->flags & EDGE_TRUE_VALUE;
		bool f = e->flags & EDGE_FALSE_VALUE;
		enum tree_code code = gimple_cond_code(cond);
		if (!((code == NE_EXPR && t) || (code == EQ_EXPR && f)))
			continue;
		tree lhs = gimple_cond_lhs(cond), rhs = gimple_cond_rhs(cond);
		tree y = phi_of(lhs) == phi ? copied_value(rhs)
		       : phi_of(rhs) == phi ? copied_value(lhs)
					    : NULL_TREE;
		if (!y || !((TREE_CODE(y) == SSA_NAME &&
			     SSA_NAME_IS_DEFAULT_DEF(y)) ||
			    is_gimple_min_invariant(y)))
			continue;
		bool is_y = false, other = false;
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			tree a = copied_value(gimple_phi_arg_def(phi, i));
			if (a && operand_equal_p(a, y, 0))
				is_y = true;
			else
				other = true;
		}
		if (is_y && other)
			return y;
	}
	return NULL_TREE;
}

/* The location of x where the statement being built stands. */
static int use_loc(struct esc_ctx *c, tree x)
{
	int l = esc_ssa_loc(c, x);
	tree y = l ? excluded_value(c, x) : NULL_TREE;
	if (!y)
		return l;
	gphi *phi = phi_of(x);
	unsigned version = SSA_NAME_VERSION(gimple_phi_result(phi));
	for (int i = 0; i < c->nexcl; i++)
		if (c->excl[i].version == version &&
		    operand_equal_p(c->excl[i].y, y, 0))
			return c->excl[i].loc;
	tree var = SSA_NAME_VAR(x);
	const char *name = var ? decl_name(var) : NULL;
	int r = esc_loc_new(c->g, ESC_LOC_VALUE, c->fn->gfunc,
			    name ? name : "_excl",
			    esc_pos_of(var ? DECL_SOURCE_LOCATION(var)
					   : gimple_location(phi)));
	c->excl = XRESIZEVEC(struct esc_excl, c->excl, c->nexcl + 1);
	c->excl[c->nexcl].version = version;
	c->excl[c->nexcl].y = y;
	c->excl[c->nexcl++].loc = r;
	/* the PHI's other arguments, as build_phi makes them */
	gimple *stmt = c->stmt;
	location_t at = c->stmt_loc;
	basic_block bb = c->bb;
	c->stmt = phi;
	c->stmt_loc = gimple_location(phi);
	if (c->stmt_loc == UNKNOWN_LOCATION)
		c->stmt_loc = DECL_SOURCE_LOCATION(c->fun->decl);
	c->bb = NULL;
	struct esc_hole k = esc_hole_to(r, 0,
		esc_step_at(ESC_STEP_ASSIGN, c->stmt_loc, NULL, 0));
	for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
		tree a = gimple_phi_arg_def(phi, i);
		tree v = copied_value(a);
		if (v && operand_equal_p(v, y, 0))
			continue;
		location_t pa = gimple_phi_arg_location(phi, i);
		struct esc_hole ki = k;
		if (pa != UNKNOWN_LOCATION && esc_assign_location(pa) != pa)
			ki.why.pos = esc_pos_of(esc_assign_location(pa));
		esc_expr(c, ki, a);
	}
	c->stmt = stmt;
	c->stmt_loc = at;
	c->bb = bb;
	return r;
}

void esc_flow_to_hole(struct esc_ctx *c, struct esc_hole k, int src,
		      int derefs)
{
	if (k.kind == HOLE_NONE || src <= 0) /* 0: nothing (never the heap) */
		return;
	if (!k.why.origin)
		k.why.origin = c->stmt;
	if (!k.why.guard)
		k.why.guard = c->guard;
	int n = esc_edge_count(c->g), ns = esc_store_count(c->g);
	if (k.kind == HOLE_LOC && c->forward)
		esc_edge_fwd(c->g, k.loc, src, derefs + k.derefs, k.why);
	else if (k.kind == HOLE_LOC)
		esc_edge(c->g, k.loc, src, derefs + k.derefs, k.why);
	else
		esc_store(c->g, k.loc, src, derefs + k.derefs, k.why);
	if (k.kind == HOLE_LOC && (k.fkind || k.fpres) &&
	    esc_edge_count(c->g) > n)
		esc_edge_field(c->g, n, k.fkind, k.foff, k.fsize, k.fpres);
	else if (k.kind == HOLE_STORE && k.fkind == ESC_FIELD_WRITE &&
		 esc_store_count(c->g) > ns)
		esc_store_field(c->g, ns, k.foff, k.fsize);
	/* a pointer into an array field, element steps and loads */
	if (k.kind == HOLE_LOC && (k.in_size || k.felem) &&
	    esc_edge_count(c->g) > n)
		esc_edge_inside(c->g, n, k.in_off,
				k.derefs == 0 ? k.in_size : 0, k.in_elem,
				k.felem);
	else if (k.kind == HOLE_STORE && k.in_size && k.derefs == 0 &&
		 esc_store_count(c->g) > ns)
		esc_store_inside(c->g, ns, k.in_off, k.in_size, k.in_elem);
}

/* The size in bytes of type, 0 if not known or too large. */
static int type_bytes(tree type)
{
	if (!type || !COMPLETE_TYPE_P(type) || !TYPE_SIZE_UNIT(type) ||
	    !tree_fits_uhwi_p(TYPE_SIZE_UNIT(type)))
		return 0;
	unsigned HOST_WIDE_INT n = tree_to_uhwi(TYPE_SIZE_UNIT(type));
	return n > 0 && n < (1u << 30) ? (int)n : 0;
}

/* The element size a pointer of type ptype steps by: its pointee's
   size, 0 for a byte, void or an unknown one (char arithmetic walks
   anywhere: container_of). */
static int elem_bytes(tree ptype)
{
	if (!ptype || !POINTER_TYPE_P(ptype))
		return 0;
	int n = type_bytes(TREE_TYPE(ptype));
	return n > 1 ? n : 0;
}

/* &t, t an array or an element of one (&p->stack[i], p->stack): the
   array field it points into, relative to t's base, in *off, *size,
   *elem.  The array widens to each enclosing part it starts (a pointer
   to a first member may be cast to its struct, or union); false when
   that reaches the base, or when a part is not at a known place. */
static bool array_inside(tree t, int *off, int *size, int *elem)
{
	tree arr = TREE_CODE(t) == ARRAY_REF ? TREE_OPERAND(t, 0) : t;
	if (TREE_CODE(TREE_TYPE(arr)) != ARRAY_TYPE ||
	    !handled_component_p(arr))
		return false;
	int e = type_bytes(TREE_TYPE(TREE_TYPE(arr)));
	if (e <= 1 || !ref_range(arr, off, size) || *size < e)
		return false;
	/* widen while the part starts its parent */
	for (tree part = arr;; part = TREE_OPERAND(part, 0)) {
		tree parent = TREE_OPERAND(part, 0);
		int po, ps;
		if (!handled_component_p(parent)) {
			if (*off <= 0)
				return false; /* at the base's start */
			break;
		}
		if (!ref_range(parent, &po, &ps))
			return false;
		if (*off > po)
			break;
		*off = po;
		*size = ps;
	}
	*elem = e;
	return true;
}

/* k receives the address of the object that reference t designates. */
static void expr_addr(struct esc_ctx *c, struct esc_hole k, tree t)
{
	tree base = t;
	while (handled_component_p(base))
		base = TREE_OPERAND(base, 0);
	/* an element of an array field, or the array: a pointer into it
	   (a value that already points inside one, from a summary's
	   store: only at what t's base points to) */
	if (k.in_size && t != base)
		k.in_size = 0;
	else if (!k.in_size && t != base &&
		 !array_inside(t, &k.in_off, &k.in_size, &k.in_elem))
		k.in_size = 0;

	switch (TREE_CODE(base)) {
	case VAR_DECL:
	case PARM_DECL:
	case RESULT_DECL:
		if (is_nested_frame(base)) {
			frame_flow(c, k, t, base, -1);
			return;
		}
		if (is_frame_decl(base)) {
			if (t != base)
				k.fpres = 0; /* &s.f: not where &s points */
			esc_flow_to_hole(c, k, object_loc(c, base), -1);
			return;
		}
		break;
	case MEM_REF:
		/* &p->f is p plus an offset */
		if (t != base || !integer_zerop(TREE_OPERAND(base, 1)))
			k.fpres = 0;
		esc_expr(c, k, TREE_OPERAND(base, 0));
		return;
	case TARGET_MEM_REF:
		k.fpres = 0;
		esc_expr(c, k, TMR_BASE(base));
		return;
	default:
		break;
	}
	/* a global, a function, a string, a label: not this frame's */
	esc_flow_to_hole(c, k, ESC_UNKNOWN, 0);
}

/* Is type one of the integer types made for holding addresses? */
static bool address_integer(tree type)
{
	for (int depth = 0; type && depth < 8; depth++) {
		tree name = TYPE_NAME(type);
		if (!name || TREE_CODE(name) != TYPE_DECL || !DECL_NAME(name))
			return false;
		const char *n = IDENTIFIER_POINTER(DECL_NAME(name));
		if (!strcmp(n, "uintptr_t") || !strcmp(n, "intptr_t") ||
		    !strcmp(n, "__uintptr_t") || !strcmp(n, "__intptr_t"))
			return true;
		type = DECL_ORIGINAL_TYPE(name);
	}
	return false;
}

/* The value a load of t, a stack object's field, reads if one store of
   this function wrote it and nothing since may have overwritten it: back
   from the load along the virtual definitions, as far as the first that
   GCC's alias oracle (without types: the same at -O0 and -O2) says may
   write t, or a merge; that store's value, else NULL_TREE.  (s.data =
   buf; s.data = malloc (n); v->data = s.data reads malloc's result.) */
static tree forwarded_value(struct esc_ctx *c, tree t, gimple **store)
{
	gimple *s = c->stmt;
	if (!s || !gimple_assign_single_p(s) || gimple_assign_rhs1(s) != t ||
	    TREE_CODE(gimple_assign_lhs(s)) != SSA_NAME ||
	    TREE_THIS_VOLATILE(t) || !is_gimple_reg_type(TREE_TYPE(t)))
		return NULL_TREE;
	tree vuse = gimple_vuse(s);
	for (int depth = 0; vuse && TREE_CODE(vuse) == SSA_NAME && depth < 32;
	     depth++) {
		gimple *def = SSA_NAME_DEF_STMT(vuse);
		if (!def || gimple_nop_p(def) || gimple_code(def) == GIMPLE_PHI)
			return NULL_TREE;
		if (gimple_assign_single_p(def) && !gimple_clobber_p(def) &&
		    operand_equal_p(gimple_assign_lhs(def), t, 0)) {
			tree v = gimple_assign_rhs1(def);
			*store = def;
			return is_gimple_val(v) ? v : NULL_TREE;
		}
		if (stmt_may_clobber_ref_p(def, t, false))
			return NULL_TREE;
		vuse = gimple_vuse(def);
	}
	return NULL_TREE;
}

/* k receives the contents of the memory that reference t designates.
   An integer read through a pointer is taken to be a number, not an
   address, unless it is declared uintptr_t or intptr_t: counters and
   sizes copied through a parameter (a->used = a->size) would otherwise
   leak it.  Integers in this frame's own objects are followed. */
static void expr_load(struct esc_ctx *c, struct esc_hole k, tree t)
{
	tree base = t;
	while (handled_component_p(base))
		base = TREE_OPERAND(base, 0);
	k.in_size = k.felem = 0;
	if (TREE_CODE(base) == MEM_REF &&
	    TREE_CODE(TREE_OPERAND(base, 0)) != ADDR_EXPR &&
	    INTEGRAL_TYPE_P(TREE_TYPE(t)) && !address_integer(TREE_TYPE(t)) &&
	    /* a byte copy (folded memcpy: {ref-all}) moves pointers too */
	    !TYPE_REF_CAN_ALIAS_ALL(TREE_TYPE(TREE_OPERAND(base, 1))) &&
	    !c->block_copy)
		return;

	switch (TREE_CODE(base)) {
	case VAR_DECL:
	case PARM_DECL:
	case RESULT_DECL:
		if (is_nested_frame(base)) {
			frame_flow(c, k, t, base, 0);
		} else if (is_frame_decl(base)) {
			gimple *store = NULL;
			tree v = k.kind == HOLE_LOC ? forwarded_value(c, t, &store)
						    : NULL_TREE;
			if (!v) {
				/* a read of s.f (a copy of a part of s into
				   another object: of nothing known) */
				if (k.fkind == ESC_FIELD_WRITE)
					k.fkind = 0;
				else if (k.derefs == 0 && k.kind == HOLE_LOC)
					k = field_of(k, ESC_FIELD_READ, t);
				esc_flow_to_hole(c, k, object_loc(c, base), 0);
				return;
			}
			/* the load for the solver, the stored value for
			   the sinks (escape.h's esc_edge_fwd), explained
			   as the store it was (an address taken there) */
			struct esc_step why = k.why;
			if (!why.origin)
				why.origin = c->stmt;
			esc_edge_stale(c->g, k.loc, object_loc(c, base), k.derefs,
				       why);
			struct esc_hole fk = k;
			fk.why = esc_step_at(ESC_STEP_STORE_LOCAL,
					     gimple_location(store),
					     decl_name(base), 0);
			fk.why.origin = store;
			fk.why.assumed = k.why.assumed;
			c->forward = true;
			esc_expr(c, fk, v);
			c->forward = false;
		} else {
			esc_flow_to_hole(c, k, ESC_UNKNOWN, 0);
		}
		return;
	case MEM_REF:
		/* a read of p->f (a copy of memory: of nothing known) */
		if (k.fkind == ESC_FIELD_WRITE)
			k.fkind = 0;
		else if (k.derefs == 0 && k.kind == HOLE_LOC)
			k = field_of(k, ESC_FIELD_READ, t);
		/* through a pointer to elements, at a whole element */
		if (k.derefs == 0 && k.kind == HOLE_LOC) {
			int eb = elem_bytes(TREE_TYPE(TREE_OPERAND(base, 1)));
			poly_offset_int o = mem_ref_offset(base);
			poly_int64 po;
			HOST_WIDE_INT ob;
			if (eb && o.to_shwi(&po) && po.is_constant(&ob) &&
			    ob % eb == 0)
				k.felem = eb;
		}
		esc_expr(c, shift(k, 1), TREE_OPERAND(base, 0));
		return;
	case TARGET_MEM_REF:
		k.fkind = 0;
		esc_expr(c, shift(k, 1), TMR_BASE(base));
		return;
	case SSA_NAME:
		/* a view of a register's bits (VIEW_CONVERT_EXPR: a memcpy of
		   a pointer folded at -O2 into an integer store) holds what
		   the register holds */
		esc_expr(c, k, base);
		return;
	default:
		return; /* constants, strings */
	}
}

void esc_expr(struct esc_ctx *c, struct esc_hole k, tree t)
{
	if (!t || k.kind == HOLE_NONE)
		return;
	switch (TREE_CODE(t)) {
	case SSA_NAME:
		esc_flow_to_hole(c, k, use_loc(c, t), 0);
		return;
	case ADDR_EXPR:
		expr_addr(c, k, TREE_OPERAND(t, 0));
		return;
	case VAR_DECL:
	case PARM_DECL:
	case RESULT_DECL:
	case MEM_REF:
	case TARGET_MEM_REF:
	case COMPONENT_REF:
	case ARRAY_REF:
	case ARRAY_RANGE_REF:
	case BIT_FIELD_REF:
	case REALPART_EXPR:
	case IMAGPART_EXPR:
	case VIEW_CONVERT_EXPR:
		expr_load(c, k, t);
		return;
	case CONSTRUCTOR: {
		unsigned i;
		tree v;
		FOR_EACH_CONSTRUCTOR_VALUE(CONSTRUCTOR_ELTS(t), i, v)
			esc_expr(c, k, v);
		return;
	}
	case OBJ_TYPE_REF:
		esc_expr(c, k, OBJ_TYPE_REF_EXPR(t));
		return;
	case INTEGER_CST:
		/* an absolute address ((struct regs *)0x40001000) is memory
		   that is not this frame's; a null pointer holds nothing */
		if (POINTER_TYPE_P(TREE_TYPE(t)) && !integer_zerop(t))
			esc_flow_to_hole(c, k, ESC_UNKNOWN, 0);
		return;
	default:
		/* constants and anything without an address in it */
		return;
	}
}

/* The hole a store to reference lhs makes, with `why' for a store
   through a pointer. */
struct esc_hole esc_lvalue_hole(struct esc_ctx *c, tree lhs)
{
	location_t at = c->stmt_loc;
	if (TREE_CODE(lhs) == SSA_NAME) {
		int l = esc_ssa_loc(c, lhs);
		struct esc_hole k = esc_hole_to(l, 0,
			esc_step_at(ESC_STEP_ASSIGN, at, NULL, 0));
		if (!l)
			k.kind = HOLE_NONE;
		return k;
	}
	tree base = lhs;
	while (handled_component_p(base))
		base = TREE_OPERAND(base, 0);

	switch (TREE_CODE(base)) {
	case VAR_DECL:
	case PARM_DECL:
		if (is_nested_frame(base)) {
			struct esc_step why = esc_step_at(ESC_STEP_STORE_LOCAL,
							  at, NULL, 0);
			tree f = frame_field(lhs, base);
			if (f) {
				return esc_hole_to(field_loc(c, base, f), 0, why);
			}
			/* the whole frame: by way of a value, into each field */
			int v = esc_loc_new(c->g, ESC_LOC_VALUE, c->fn->gfunc,
					    "(nested-function frame)",
					    esc_pos_of(at));
			for (f = TYPE_FIELDS(TREE_TYPE(base)); f; f = DECL_CHAIN(f))
				if (TREE_CODE(f) == FIELD_DECL)
					esc_edge(c->g, field_loc(c, base, f), v, 0, why);
			return esc_hole_to(v, 0, why);
		}
		if (is_frame_decl(base))
			return field_of(esc_hole_to(object_loc(c, base), 0,
				esc_step_at(ESC_STEP_STORE_LOCAL, at,
					    decl_name(base), 0)),
				ESC_FIELD_WRITE, lhs);
		return esc_hole_to(ESC_HEAP, 0,
			esc_step_at(ESC_STEP_STORE_GLOBAL, at, decl_name(base), 0));
	case RESULT_DECL:
		return esc_hole_to(object_loc(c, base), 0,
				   esc_step_at(ESC_STEP_RETURN, at, NULL, 0));
	case MEM_REF:
	case TARGET_MEM_REF: {
		tree ptr = TREE_CODE(base) == MEM_REF ? TREE_OPERAND(base, 0)
						      : TMR_BASE(base);
		if (TREE_CODE(ptr) == ADDR_EXPR) {
			/* MEM[&s].f: the field of s (ref_range folds &s) */
			struct esc_hole k = esc_lvalue_hole(c, TREE_OPERAND(ptr, 0));
			if (k.fkind == ESC_FIELD_WRITE)
				k = field_of(k, ESC_FIELD_WRITE, lhs);
			return k;
		}
		if (TREE_CODE(ptr) == SSA_NAME) {
			tree var = SSA_NAME_VAR(ptr);
			if (var && TREE_CODE(var) == RESULT_DECL)
				return esc_hole_to(esc_func_result(c->g, c->fn->gfunc), 0,
					esc_step_at(ESC_STEP_RETURN, at, NULL, 0));
			int l = esc_ssa_loc(c, ptr);
			if (l) {
				/* p->f: the field of what p points to */
				struct esc_hole k = field_of(hole_store(l, 0,
					esc_step_at(ESC_STEP_STORE_PTR, at, NULL, 0)),
					ESC_FIELD_WRITE, lhs);
				/* teardown: into memory released before the
				   return (into the heap only: pointsto.c) */
				if (esc_released_after(c, ptr))
					k.why.assumed = ESC_ASSUMED_TORN_DOWN;
				else if (esc_returned_after(c, ptr))
					k.why.into_result = 1;
				/* hung off a parameter's field: the caller's
				   to release (into the heap only: pointsto.c) */
				if (k.why.assumed != ESC_ASSUMED_TORN_DOWN)
					k.why.hang = esc_hung_after(c, ptr);
				return k;
			}
		}
		break;
	}
	default:
		break;
	}
	return esc_hole_to(ESC_HEAP, 0,
			   esc_step_at(ESC_STEP_STORE_PTR, at, NULL, 0));
}

/* *ptr receives *^derefs value (value an expression, ptr a pointer
   expression): used by calls that write through their arguments.  The
   bytes [off, off + size) of what ptr points to, size 0: any part. */
void esc_store_through_field(struct esc_ctx *c, tree ptr, tree value,
			     int derefs, struct esc_step why, int off, int size)
{
	esc_store_through_inside(c, ptr, value, derefs, why, off, size, 0, 0,
				 0);
}

void esc_store_through_inside(struct esc_ctx *c, tree ptr, tree value,
			      int derefs, struct esc_step why, int off,
			      int size, int in_off, int in_size, int in_elem)
{
	struct esc_hole k;
	if (integer_zerop(ptr))
		return; /* strtol(s, NULL, 10): no store at all */
	if (TREE_CODE(ptr) == ADDR_EXPR) {
		k = esc_lvalue_hole(c, TREE_OPERAND(ptr, 0));
		/* memcpy(&s.f, ...) may write past s.f; a field of what
		   &s.f points to is a field of s */
		if (k.fkind == ESC_FIELD_WRITE && k.fsize > 0 && size > 0 &&
		    off >= 0 && off + size <= k.fsize) {
			k.foff += off;
			k.fsize = size;
		} else {
			k.fkind = 0;
		}
		if (k.why.kind == ESC_STEP_STORE_GLOBAL) {
			why.kind = ESC_STEP_STORE_GLOBAL; /* &g: say which */
			why.what = k.why.what;
			why.arg = 0;
			k.why = why;
		} else {
			k.why = why;
		}
		if (k.why.kind == ESC_STEP_STORE_GLOBAL)
			;
		else if (k.kind == HOLE_STORE || k.loc == ESC_HEAP)
			k.why.kind = ESC_STEP_STORE_PTR;
		else
			k.why.kind = ESC_STEP_STORE_LOCAL;
	} else if (TREE_CODE(ptr) == SSA_NAME && esc_ssa_loc(c, ptr)) {
		k = hole_store(esc_ssa_loc(c, ptr), 0, why);
		if (size > 0 && off >= 0) {
			k.fkind = ESC_FIELD_WRITE;
			k.foff = off;
			k.fsize = size;
		}
	} else {
		k = esc_hole_to(ESC_HEAP, 0, why);
	}
	if (derefs == 0 && in_size > 0) {
		k.in_off = in_off;
		k.in_size = in_size;
		k.in_elem = in_elem;
	}
	esc_expr(c, shift(k, derefs), value);
}

void esc_store_through(struct esc_ctx *c, tree ptr, tree value, int derefs,
		       struct esc_step why)
{
	esc_store_through_field(c, ptr, value, derefs, why, -1, 0);
}

/* The same one level further: value (with derefs) is stored where the
   pointers held at *ptr point, **ptr = value (a callee's summary storing
   into the caller's node pool through the caller's parser). */
void esc_store_through_deref(struct esc_ctx *c, tree ptr, tree value,
			     int derefs, struct esc_step why)
{
	if (integer_zerop(ptr))
		return;
	int t = esc_loc_new(c->g, ESC_LOC_VALUE, c->fn->gfunc, "*arg",
			    esc_pos_of(c->stmt_loc));
	esc_expr(c, esc_hole_to(t, 1, why), ptr);
	esc_expr(c, shift(hole_store(t, 0, why), derefs), value);
}

/* A copy from memory to memory: what it copies is bytes, pointers
   included, whatever the type - GCC turns memcpy into such copies of
   `unsigned char[N]' or of a 128-bit integer. */
static bool is_block_copy(gassign *s)
{
	tree lhs = gimple_assign_lhs(s), rhs = gimple_assign_rhs1(s);
	return gimple_assign_single_p(s) && TREE_CODE(lhs) != SSA_NAME &&
	       (REFERENCE_CLASS_P(rhs) || (DECL_P(rhs) && !CONSTANT_CLASS_P(rhs)));
}

/* Is t a reference through a {ref-all} pointer (a folded memcpy)? */
static bool ref_all(tree t)
{
	while (handled_component_p(t))
		t = TREE_OPERAND(t, 0);
	return (TREE_CODE(t) == MEM_REF || TREE_CODE(t) == TARGET_MEM_REF) &&
	       TYPE_REF_CAN_ALIAS_ALL(TREE_TYPE(TREE_OPERAND(t, 1)));
}

/* A number: an integer not declared uintptr_t or intptr_t (those hold
   addresses, to be turned back into pointers).  An address that ends up
   as a number in a global, the caller's memory or the result still
   escapes, but the step that puts it there is assumed: no dangling
   warning rests on it (numbers are not dereferenced: stack depth probes,
   hashes of addresses, sizes next to a pointer in a struct). */
static bool number_type(tree type)
{
	return INTEGRAL_TYPE_P(type) && !address_integer(type);
}

/* Does s store a number outside this frame's values: into memory (not a
   copy of bytes: a memcpy that GCC folded into a copy of a 64-bit integer
   moves pointers) or the result? */
static bool stores_number(gassign *s)
{
	tree lhs = gimple_assign_lhs(s);
	if (TREE_CODE(lhs) == SSA_NAME || !number_type(TREE_TYPE(lhs)) ||
	    ref_all(lhs))
		return false;
	return !(gimple_assign_single_p(s) && ref_all(gimple_assign_rhs1(s)));
}

static void build_assign(struct esc_ctx *c, gassign *s)
{
	tree lhs = gimple_assign_lhs(s);
	if (!esc_may_hold_address(TREE_TYPE(lhs)) && !is_block_copy(s))
		return;
	struct esc_hole k = esc_lvalue_hole(c, lhs);
	if (stores_number(s) && k.why.kind != ESC_STEP_STORE_LOCAL)
		k.why.assumed = 1;
	enum tree_code code = gimple_assign_rhs_code(s);
	tree rhs1 = gimple_assign_rhs1(s);

	switch (get_gimple_rhs_class(code)) {
	case GIMPLE_SINGLE_RHS:
		c->block_copy = is_block_copy(s);
		k.fpres = 1; /* a copy: it points where rhs1 does */
		esc_expr(c, k, rhs1);
		c->block_copy = false;
		return;
	case GIMPLE_UNARY_RHS:
		if (CONVERT_EXPR_CODE_P(code) && POINTER_TYPE_P(TREE_TYPE(rhs1)) &&
		    !POINTER_TYPE_P(TREE_TYPE(lhs)))
			k.why.kind = ESC_STEP_TO_INT;
		k.fpres = CONVERT_EXPR_CODE_P(code) &&
			  POINTER_TYPE_P(TREE_TYPE(rhs1)) &&
			  POINTER_TYPE_P(TREE_TYPE(lhs));
		esc_expr(c, k, rhs1);
		return;
	case GIMPLE_BINARY_RHS:
		if (TREE_CODE_CLASS(code) == tcc_comparison ||
		    code == POINTER_DIFF_EXPR)
			return;
		/* p + n * sizeof *p, p and the result of one element
		   type: it stays in the array p points into */
		if (code == POINTER_PLUS_EXPR) {
			tree lt = TREE_TYPE(lhs), rt = TREE_TYPE(rhs1);
			tree off = gimple_assign_rhs2(s);
			int eb = elem_bytes(rt);
			if (eb && POINTER_TYPE_P(lt) &&
			    TYPE_MAIN_VARIANT(TREE_TYPE(lt)) ==
				    TYPE_MAIN_VARIANT(TREE_TYPE(rt)) &&
			    (TREE_CODE(off) != INTEGER_CST ||
			     (HOST_WIDE_INT)TREE_INT_CST_LOW(off) % eb == 0))
				k.felem = eb;
		}
		esc_expr(c, k, rhs1);
		if (code != POINTER_PLUS_EXPR)
			esc_expr(c, k, gimple_assign_rhs2(s));
		return;
	case GIMPLE_TERNARY_RHS:
		if (code != COND_EXPR && code != VEC_COND_EXPR)
			esc_expr(c, k, rhs1);
		esc_expr(c, k, gimple_assign_rhs2(s));
		esc_expr(c, k, gimple_assign_rhs3(s));
		return;
	default:
		return;
	}
}

/* The position of PHI argument i.  One with none (GCC 15 and later give
   none to a value a PHI merged, such as a conditional's) has its PHI's
   arguments' position, if they have one and the same. */
static location_t phi_arg_location(gphi *phi, unsigned i)
{
	location_t at = gimple_phi_arg_location(phi, i);
	tree v = gimple_phi_arg_def(phi, i);
	if (at != UNKNOWN_LOCATION || TREE_CODE(v) != SSA_NAME ||
	    gimple_code(SSA_NAME_DEF_STMT(v)) != GIMPLE_PHI)
		return esc_assign_location(at);
	gphi *inner = as_a<gphi *>(SSA_NAME_DEF_STMT(v));
	location_t one = UNKNOWN_LOCATION;
	for (unsigned j = 0; j < gimple_phi_num_args(inner); j++) {
		location_t l = esc_assign_location(gimple_phi_arg_location(inner, j));
		if (l == UNKNOWN_LOCATION ||
		    (one != UNKNOWN_LOCATION &&
		     get_pure_location(l) != get_pure_location(one)))
			return UNKNOWN_LOCATION;
		one = l;
	}
	return one;
}

static void build_return(struct esc_ctx *c, greturn *s)
{
	tree v = gimple_return_retval(s);
	if (!v || !esc_may_hold_address(TREE_TYPE(v)))
		return;
	/* a number returned: no dangling warning rests on it */
	bool number = number_type(TREE_TYPE(DECL_RESULT(c->fun->decl)));
	/* A return with no position of its own, of a PHI: the
	   function's returns merged into one (-O0 returns a temporary set
	   by each).  Each value is returned where its return stands (the
	   PHI argument's position), not at the function's name. */
	gimple *def = TREE_CODE(v) == SSA_NAME ? SSA_NAME_DEF_STMT(v) : NULL;
	if (gimple_location(s) == UNKNOWN_LOCATION && def &&
	    gimple_code(def) == GIMPLE_PHI) {
		gphi *phi = as_a<gphi *>(def);
		for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
			location_t at = phi_arg_location(phi, i);
			struct esc_step why = esc_step_at(ESC_STEP_RETURN,
				at != UNKNOWN_LOCATION ? at : c->stmt_loc, NULL, 0);
			why.assumed = number;
			esc_expr(c, esc_hole_to(esc_func_result(c->g, c->fn->gfunc),
						0, why),
				 gimple_phi_arg_def(phi, i));
		}
		return;
	}
	struct esc_step why = esc_step_at(ESC_STEP_RETURN, c->stmt_loc, NULL, 0);
	why.assumed = number;
	struct esc_hole k = esc_hole_to(esc_func_result(c->g, c->fn->gfunc), 0,
					why);
	k.fpres = 1;
	esc_expr(c, k, v);
}

/* Inline asm: what it is given may be kept anywhere, and what it writes
   comes from nowhere we know. */
static void build_asm(struct esc_ctx *c, gasm *s)
{
	struct esc_hole heap = esc_hole_to(ESC_HEAP, 0,
		esc_step_at(ESC_STEP_ASM, c->stmt_loc, NULL, 0));
	unsigned nin = gimple_asm_ninputs(s), nout = gimple_asm_noutputs(s);
	/* input constraints may refer to outputs ("0"): parsing needs them */
	auto_vec<const char *> outs(nout);
	for (unsigned i = 0; i < nout; i++)
		outs.quick_push(TREE_STRING_POINTER(
			TREE_VALUE(TREE_PURPOSE(gimple_asm_output_op(s, i)))));

	for (unsigned i = 0; i < nout; i++) {
		tree op = gimple_asm_output_op(s, i);
		tree v = TREE_VALUE(op);
		const char *con = TREE_STRING_POINTER(TREE_VALUE(TREE_PURPOSE(op)));
		bool mem = false, reg = false, inout = false;
		if (!esc_parse_output_constraint(&con, i, nin, nout, &mem, &reg, &inout))
			mem = true;
		if (mem && !reg) {
			heap.why.arg = (int)i + 1;
			expr_addr(c, heap, v);
		} else if (esc_may_hold_address(TREE_TYPE(v))) {
			esc_flow_to_hole(c, esc_lvalue_hole(c, v), ESC_UNKNOWN, 0);
		}
	}
	for (unsigned i = 0; i < nin; i++) {
		tree op = gimple_asm_input_op(s, i);
		tree v = TREE_VALUE(op);
		const char *con = TREE_STRING_POINTER(TREE_VALUE(TREE_PURPOSE(op)));
		bool mem = false, reg = false;
		if (!esc_parse_input_constraint(&con, i, nin, nout, outs.address(),
						&mem, &reg))
			mem = true;
		heap.why.arg = (int)(nout + i) + 1;
		if (mem && !reg && TREE_CODE(v) != SSA_NAME)
			expr_addr(c, heap, v);
		else
			esc_expr(c, heap, v);
	}
}

/* A statement the model does not know: the locals it names escape. */
static tree mention_local(tree *tp, int *walk_subtrees, void *data)
{
	struct walk_stmt_info *wi = (struct walk_stmt_info *)data;
	struct esc_ctx *c = (struct esc_ctx *)wi->info;
	if (TREE_CODE(*tp) == ADDR_EXPR) {
		*walk_subtrees = 0;
		expr_addr(c, esc_hole_to(ESC_HEAP, 0,
			esc_step_at(ESC_STEP_UNANALYSED, c->stmt_loc,
				    "statement not modelled", 0)),
			  TREE_OPERAND(*tp, 0));
	} else if (TREE_CODE(*tp) == SSA_NAME) {
		esc_expr(c, esc_hole_to(ESC_HEAP, 0,
			esc_step_at(ESC_STEP_UNANALYSED, c->stmt_loc,
				    "statement not modelled", 0)), *tp);
	}
	return NULL_TREE;
}

static void build_stmt(struct esc_ctx *c, gimple *s)
{
	c->stmt = s;
	c->stmt_loc = esc_stmt_location(s);
	if (c->stmt_loc == UNKNOWN_LOCATION)
		c->stmt_loc = DECL_SOURCE_LOCATION(c->fun->decl);

	switch (gimple_code(s)) {
	case GIMPLE_ASSIGN:
		build_assign(c, as_a<gassign *>(s));
		return;
	case GIMPLE_CALL:
		esc_call(c, as_a<gcall *>(s));
		return;
	case GIMPLE_RETURN:
		build_return(c, as_a<greturn *>(s));
		return;
	case GIMPLE_ASM:
		build_asm(c, as_a<gasm *>(s));
		return;
	case GIMPLE_COND:
	case GIMPLE_SWITCH:
	case GIMPLE_LABEL:
	case GIMPLE_GOTO:
	case GIMPLE_NOP:
	case GIMPLE_DEBUG:
	case GIMPLE_PREDICT:
	case GIMPLE_RESX:
	case GIMPLE_EH_DISPATCH:
	case GIMPLE_EH_MUST_NOT_THROW:
		return;
	default: {
		struct walk_stmt_info wi;
		memset(&wi, 0, sizeof wi);
		wi.info = c;
		walk_gimple_op(s, mention_local, &wi);
		return;
	}
	}
}

static void build_phi(struct esc_ctx *c, gphi *phi)
{
	tree res = gimple_phi_result(phi);
	if (virtual_operand_p(res))
		return;
	int l = esc_ssa_loc(c, res);
	if (!l)
		return;
	c->stmt = phi;
	c->stmt_loc = gimple_location(phi);
	if (c->stmt_loc == UNKNOWN_LOCATION)
		c->stmt_loc = DECL_SOURCE_LOCATION(c->fun->decl);
	struct esc_hole k = esc_hole_to(l, 0,
		esc_step_at(ESC_STEP_ASSIGN, c->stmt_loc, NULL, 0));
	k.fpres = 1;
	for (unsigned i = 0; i < gimple_phi_num_args(phi); i++) {
		/* an argument from a conditional assignment's statements is
		   assigned where they stand (esc_assign_location) */
		location_t at = gimple_phi_arg_location(phi, i);
		struct esc_hole ki = k;
		if (at != UNKNOWN_LOCATION && esc_assign_location(at) != at)
			ki.why.pos = esc_pos_of(esc_assign_location(at));
		esc_expr(c, ki, gimple_phi_arg_def(phi, i));
	}
}

/* Creates the graph function and the parameter locations of fn. */
void esc_declare_function(struct esc_unit *u, struct esc_graph *g,
			  struct esc_fn *fn)
{
	tree decl = fn->node->decl;
	const char *name = IDENTIFIER_POINTER(DECL_NAME(decl));
	location_t at = DECL_SOURCE_LOCATION(decl);
	int i = 0;

	fn->gfunc = esc_func_new(g, name, esc_pos_of(at));
	/* a rule's "format": what its va_arg reads keep (looked up only for
	   a function that can have one: the lookup fills the rule table) */
	const struct esc_rule *fr = u->rules && esc_takes_varargs(decl)
		? esc_rules_format(u->rules, name) : NULL;
	if (fr)
		esc_func_format(g, fn->gfunc, fr->fmt_param, fr->fmt_keep);
	for (tree p = DECL_ARGUMENTS(decl); p; p = DECL_CHAIN(p))
		i++;
	/* a nested function's static chain is one more parameter, after
	   the others (a call passes its parent's frame there: call.cc's
	   arg_count); not reported, and stores through it reach the heap */
	function *fun = DECL_STRUCT_FUNCTION(decl);
	tree chain = fun && !stdarg_p(TREE_TYPE(decl)) ? fun->static_chain_decl
						      : NULL_TREE;
	fn->chain = -1;
	fn->nparams = i + (chain ? 1 : 0);
	fn->params = XNEWVEC(int, fn->nparams ? fn->nparams : 1);
	if (chain) {
		fn->chain = esc_param_new(g, fn->gfunc, i, "(static chain)",
					  esc_pos_of(at), 0);
		fn->params[i] = fn->chain;
	}
	i = 0;
	for (tree p = DECL_ARGUMENTS(decl); p; p = DECL_CHAIN(p), i++) {
		tree t = TREE_TYPE(p);
		bool ptr = POINTER_TYPE_P(t) ||
			   (AGGREGATE_TYPE_P(t) && esc_may_hold_address(t));
		fn->params[i] = esc_param_new(g, fn->gfunc, i, decl_name(p),
					      esc_pos_of(DECL_SOURCE_LOCATION(p)),
					      ptr && DECL_NAME(p) &&
					      !DECL_ARTIFICIAL(p));
		/* const char *s: not stored into, and holds no pointers
		   that anything could be stored through */
		if (POINTER_TYPE_P(t) && TYPE_READONLY(TREE_TYPE(t)))
			esc_param_readonly(g, fn->params[i],
				!VOID_TYPE_P(TREE_TYPE(t)) &&
				!esc_may_hold_address(TREE_TYPE(t)));
	}
	fn->varargs = -1;
	if (stdarg_p(TREE_TYPE(decl)))
		fn->varargs = esc_param_new(g, fn->gfunc, ESC_VARARGS, "...",
					    esc_pos_of(at), 0);
}

/* Every local whose address the body takes is reported, even where
   the address goes nowhere (memset(&s, ...), strtol(s, &end, 10)). */
static tree note_address_taken(tree *tp, int *walk_subtrees, void *data)
{
	struct walk_stmt_info *wi = (struct walk_stmt_info *)data;
	struct esc_ctx *c = (struct esc_ctx *)wi->info;
	if (TREE_CODE(*tp) != ADDR_EXPR)
		return NULL_TREE;
	tree ref = TREE_OPERAND(*tp, 0), base = ref;
	while (handled_component_p(base))
		base = TREE_OPERAND(base, 0);
	if (is_nested_frame(base)) {
		/* &FRAME.0.x is x's address; the whole frame's, a static
		   chain, is not taken by the user */
		tree f = frame_field(ref, base);
		if (f)
			esc_address_taken(c->g, field_loc(c, base, f));
	} else if (DECL_P(base) && TREE_CODE(base) != RESULT_DECL &&
		   is_frame_decl(base)) {
		esc_address_taken(c->g, object_loc(c, base));
	}
	*walk_subtrees = 0;
	return NULL_TREE;
}

/* May walk_gimple_op find an ADDR_EXPR in s?  Not when s is an
   assignment, call, return or test whose every operand is a leaf (an SSA
   name, a constant, a declaration): the walk sees each operand and
   looks no further into such trees.  (-O0 makes most statements so.) */
static bool may_take_address(gimple *s)
{
	switch (gimple_code(s)) {
	case GIMPLE_ASSIGN:
	case GIMPLE_CALL:
	case GIMPLE_RETURN:
	case GIMPLE_COND:
		break;
	default:
		return true;
	}
	for (unsigned i = 0; i < gimple_num_ops(s); i++) {
		tree t = gimple_op(s, i);
		if (t && TREE_CODE(t) != SSA_NAME && !CONSTANT_CLASS_P(t) &&
		    !DECL_P(t))
			return true;
	}
	return false;
}

/* Guards: statements only the non-zero way of a test of a parameter
   leads to.  A parameter has one value in the body when the function
   calls nothing of its own component (no recursion gives it another),
   or when the component passes it on unchanged (param_passed_on). */
static bool calls_own_component(struct esc_ctx *c)
{
	basic_block bb;
	FOR_EACH_BB_FN(bb, c->fun)
		for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si);
		     gsi_next(&si)) {
			gcall *call = dyn_cast<gcall *>(gsi_stmt(si));
			tree fndecl = call ? gimple_call_fndecl(call) : NULL_TREE;
			if (call && !fndecl && !gimple_call_internal_p(call))
				return true; /* indirect: it may be */
			cgraph_node *node = fndecl ? cgraph_node::get(fndecl) : NULL;
			int *idx = node && c->unit && c->unit->fn_index
				? c->unit->fn_index->get(
					  node->ultimate_alias_target()->decl)
				: NULL;
			if (idx && c->unit->fns[*idx].comp == c->fn->comp)
				return true;
		}
	return false;
}

/* The index of the parameter of fndecl whose incoming value v is, or -1. */
static int incoming_param(tree fndecl, tree v)
{
	if (TREE_CODE(v) != SSA_NAME || !SSA_NAME_IS_DEFAULT_DEF(v) ||
	    !SSA_NAME_VAR(v) || TREE_CODE(SSA_NAME_VAR(v)) != PARM_DECL)
		return -1;
	int i = 0;
	for (tree p = DECL_ARGUMENTS(fndecl); p; p = DECL_CHAIN(p), i++)
		if (p == SSA_NAME_VAR(v))
			return i;
	return -1;
}

/* A function that calls its own component (recursion): does its
   parameter i have one value in every invocation that a call from
   outside the component starts?  So when every call inside the
   component passes, at each position of the parameter's class, the
   incoming value of a parameter of the caller's that joins the class
   (from (this function, i) on), and no member makes an indirect call:
   SQLite's jsonLookupStep (..., pApnd, ...) and jsonLookupAppend pass
   pApnd on unchanged.  Components of at most CLASS_MEMBERS functions. */
#define CLASS_MEMBERS 16
static bool param_passed_on(struct esc_ctx *c, int i)
{
	struct esc_unit *u = c->unit;
	if (!u || !u->fn_index || c->fn < u->fns || c->fn >= u->fns + u->nfns)
		return false;
	/* the component's members, once per component (its functions are
	   built one after the other): nm -1, too many */
	static const struct esc_unit *cu;
	static int ccomp, members[CLASS_MEMBERS], nm;
	if (cu != u || ccomp != c->fn->comp) {
		cu = u;
		ccomp = c->fn->comp;
		nm = 0;
		for (int k = 0; k < u->nfns; k++) {
			if (u->fns[k].comp != ccomp)
				continue;
			if (nm == CLASS_MEMBERS) {
				nm = -1;
				break;
			}
			members[nm++] = k;
		}
	}
	if (nm < 0)
		return false;
	/* the class: (function, parameter) pairs */
	auto_vec<int> cf, cp;
	cf.safe_push((int)(c->fn - u->fns));
	cp.safe_push(i);
	for (bool changed = true; changed;) {
		changed = false;
		for (int m = 0; m < nm; m++) {
			tree decl = u->fns[members[m]].node->decl;
			function *f = DECL_STRUCT_FUNCTION(decl);
			basic_block bb;
			if (!f || !f->cfg || !gimple_in_ssa_p(f))
				return false;
			FOR_EACH_BB_FN(bb, f)
				for (gimple_stmt_iterator si = gsi_start_bb(bb);
				     !gsi_end_p(si); gsi_next(&si)) {
					gcall *call = dyn_cast<gcall *>(gsi_stmt(si));
					if (!call || gimple_call_internal_p(call))
						continue;
					tree fndecl = gimple_call_fndecl(call);
					if (!fndecl)
						return false;
					cgraph_node *node = cgraph_node::get(fndecl);
					int *idx = node ? u->fn_index->get(
						node->ultimate_alias_target()->decl) : NULL;
					if (!idx || u->fns[*idx].comp != c->fn->comp)
						continue;
					int nargs = (int)gimple_call_num_args(call);
					for (unsigned k = 0; k < cf.length(); k++) {
						if (cf[k] != *idx)
							continue;
						if (cp[k] >= nargs)
							return false;
						int q = incoming_param(decl,
							gimple_call_arg(call, cp[k]));
						if (q < 0)
							return false;
						bool in = false;
						for (unsigned j = 0; j < cf.length() && !in; j++)
							in = cf[j] == members[m] && cp[j] == q;
						if (!in) {
							cf.safe_push(members[m]);
							cp.safe_push(q);
							changed = true;
						}
					}
				}
		}
	}
	return true;
}

int esc_param_guard(struct esc_ctx *c, tree v, uint64_t mask)
{
	int i = incoming_param(c->fun->decl, v);
	if (i < 0 || i >= c->fn->nparams || c->fn->params[i] <= 0 ||
	    (!c->guards_ok && !param_passed_on(c, i)))
		return 0;
	return esc_graph_guard(c->g, c->fn->params[i], mask);
}

/* The global v is loaded from, when it is a variable of this unit's
   (defined here, not common nor weak: no other definition can give it
   another initial value) that starts zero (no initializer, or a zero
   one), whose address no code of the unit takes, of integer type, not
   volatile: its value is one some function writes, or zero (a guard on
   it, esc_graph_guard_global).  NULL otherwise. */
static tree zero_global(tree v)
{
	if (TREE_CODE(v) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF(v))
		return NULL_TREE;
	gimple *d = SSA_NAME_DEF_STMT(v);
	if (!gimple_assign_load_p(d) || gimple_assign_rhs_code(d) != VAR_DECL)
		return NULL_TREE;
	tree g = gimple_assign_rhs1(d);
	if (!is_global_var(g) || DECL_EXTERNAL(g) || TREE_ADDRESSABLE(g) ||
	    DECL_COMMON(g) || DECL_WEAK(g) ||
	    TREE_THIS_VOLATILE(g) || !INTEGRAL_TYPE_P(TREE_TYPE(g)) ||
	    DECL_THREAD_LOCAL_P(g) || !DECL_NAME(g) ||
	    (DECL_INITIAL(g) && !integer_zerop(DECL_INITIAL(g))) ||
	    (!TREE_STATIC(g)))
		return NULL_TREE;
	return g;
}

/* The guard a test (the last statement of bb) makes on its non-zero
   way out, and that way (*way), or 0. */
static int cond_guard(struct esc_ctx *c, basic_block bb, edge *way,
		      bool global)
{
	gimple *last = esc_last_stmt(bb);
	gcond *cond = last ? dyn_cast<gcond *>(last) : NULL;
	if (!cond || (gimple_cond_code(cond) != NE_EXPR &&
		      gimple_cond_code(cond) != EQ_EXPR) ||
	    !integer_zerop(gimple_cond_rhs(cond)))
		return 0;
	tree v = gimple_cond_lhs(cond);
	uint64_t mask = ~(uint64_t)0;
	if (TREE_CODE(v) != SSA_NAME ||
	    !(INTEGRAL_TYPE_P(TREE_TYPE(v)) || POINTER_TYPE_P(TREE_TYPE(v))))
		return 0;
	if (!SSA_NAME_IS_DEFAULT_DEF(v)) {
		gimple *d = SSA_NAME_DEF_STMT(v);
		if (is_gimple_assign(d) &&
		    gimple_assign_rhs_code(d) == BIT_AND_EXPR &&
		    TREE_CODE(gimple_assign_rhs2(d)) == INTEGER_CST &&
		    tree_fits_uhwi_p(gimple_assign_rhs2(d))) {
			mask = tree_to_uhwi(gimple_assign_rhs2(d));
			v = gimple_assign_rhs1(d);
		} else if (!zero_global(v)) {
			return 0;
		}
	}
	tree gv = zero_global(v);
	if (global != (gv != NULL_TREE))
		return 0;
	int id = gv ? esc_graph_guard_global(c->g, IDENTIFIER_POINTER(
			DECL_NAME(gv)), mask)
		    : esc_param_guard(c, v, mask);
	if (!id)
		return 0;
	edge e;
	edge_iterator ei;
	FOR_EACH_EDGE(e, ei, bb->succs)
		if (e->flags & (gimple_cond_code(cond) == NE_EXPR ? EDGE_TRUE_VALUE
								  : EDGE_FALSE_VALUE))
			*way = e;
	return id;
}

/* guard[b->index]: the guard of block b's statements, 0 for none: of
   the tests found whose non-zero way leads to b alone, the innermost
   (the fewest blocks behind it); the tests it stands inside are its
   guard's parents (esc_graph_guard_parent).  Tests of parameters first;
   a block under none of them takes the innermost test of a global's
   (whose parents are the tests of globals it stands inside). */
#define MAX_TESTS 8
struct block_test {
	int id, test, size;
	char *in;
};

/* Sets guard[] (NULL: made, zeroed, when a test is found) for the
   blocks that have none yet, from the tests of parameters (global
   false) or of globals.  Returns guard. */
static int *block_tests(struct esc_ctx *c, bool global, int *guard)
{
	int n = last_basic_block_for_fn(c->fun), found = 0;
	struct block_test t[MAX_TESTS];
	basic_block bb, b;
	FOR_EACH_BB_FN(bb, c->fun) {
		edge way = NULL;
		int id = found < MAX_TESTS ? cond_guard(c, bb, &way, global) : 0;
		if (!id || !way || !single_pred_p(way->dest))
			continue;
		/* what the entry reaches around way->dest is not guarded */
		auto_vec<basic_block> stack;
		auto_bitmap seen;
		stack.safe_push(ENTRY_BLOCK_PTR_FOR_FN(c->fun));
		bitmap_set_bit(seen, ENTRY_BLOCK_PTR_FOR_FN(c->fun)->index);
		while (!stack.is_empty()) {
			basic_block s = stack.pop();
			edge e;
			edge_iterator ei;
			FOR_EACH_EDGE(e, ei, s->succs)
				if (e->dest != way->dest &&
				    bitmap_set_bit(seen, e->dest->index))
					stack.safe_push(e->dest);
		}
		t[found].id = id;
		t[found].test = bb->index;
		t[found].size = 0;
		t[found].in = XCNEWVEC(char, n);
		FOR_EACH_BB_FN(b, c->fun)
			if (!bitmap_bit_p(seen, b->index)) {
				t[found].in[b->index] = 1;
				t[found].size++;
			}
		found++;
	}
	if (!found)
		return guard;
	if (!guard)
		guard = XCNEWVEC(int, n);
	FOR_EACH_BB_FN(b, c->fun) {
		int best = -1;
		for (int k = 0; k < found; k++)
			if (t[k].in[b->index] &&
			    (best < 0 || t[k].size < t[best].size))
				best = k;
		if (!guard[b->index])
			guard[b->index] = best >= 0 ? t[best].id : 0;
	}
	/* regions nest: a test inside another's region has all its region
	   inside it */
	for (int k = 0; k < found; k++) {
		int p = -1;
		for (int j = 0; j < found; j++)
			if (j != k && t[j].in[t[k].test] &&
			    (p < 0 || t[j].size < t[p].size))
				p = j;
		esc_graph_guard_parent(c->g, t[k].id, p >= 0 ? t[p].id : 0);
	}
	for (int k = 0; k < found; k++)
		free(t[k].in);
	return guard;
}

static int *block_guards(struct esc_ctx *c)
{
	return block_tests(c, true, block_tests(c, false, NULL));
}

void esc_build_function(struct esc_ctx *c)
{
	basic_block bb;
	long nstmts = 0;

	for (int i = 0; i < n_dropped_returns; i++) {
		struct esc_dropped_return *d = &dropped_returns[i];
		if (d->fndecl != c->fun->decl)
			continue;
		c->stmt_loc = d->loc != UNKNOWN_LOCATION
				      ? d->loc : DECL_SOURCE_LOCATION(c->fun->decl);
		esc_edge(c->g, esc_func_result(c->g, c->fn->gfunc),
			 object_loc(c, d->decl), -1,
			 esc_step_at(ESC_STEP_RETURN, c->stmt_loc, NULL, 0));
	}

	c->dom_made = false;
	c->guards_ok = !calls_own_component(c); /* else param_passed_on */
	int *guard = block_guards(c);
	FOR_EACH_BB_FN(bb, c->fun) {
		c->bb = NULL;
		c->guard = guard ? guard[bb->index] : 0;
		for (gphi_iterator pi = gsi_start_phis(bb); !gsi_end_p(pi);
		     gsi_next(&pi))
			build_phi(c, pi.phi());
		c->bb = bb;
		for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si);
		     gsi_next(&si)) {
			if (++nstmts > ESC_MAX_STMTS) {
				esc_func_give_up(c->g, c->fn->gfunc,
						 "function too large");
				goto done;
			}
			build_stmt(c, gsi_stmt(si));
			if (!may_take_address(gsi_stmt(si)))
				continue;
			struct walk_stmt_info wi;
			memset(&wi, 0, sizeof wi);
			wi.info = c;
			walk_gimple_op(gsi_stmt(si), note_address_taken, &wi);
		}
	}
done:
	free(guard);
	c->guard = 0;
	/* the dominators correlated branches and selectors read
	   (esc_dominators), dropped again if GCC had none */
	if (c->dom_made)
		free_dominance_info(CDI_DOMINATORS);
	c->dom_made = false;
	XDELETEVEC(c->excl);
	c->excl = NULL;
	c->nexcl = 0;
	c->bb = NULL;
}
