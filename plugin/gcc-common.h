/*
 * gcc-common.h - the GCC headers the adapter uses, and what differs
 * between the GCC series it is built with (12, 13, 14, 15, 16), in one
 * place, as the Linux kernel's scripts/gcc-plugins/gcc-common.h does: the
 * version tests are here and nowhere else, each difference behind a thin
 * static wrapper, so that the adapter reads the same on every GCC.
 *
 * BUILDING_GCC_MAJOR (bversion.h) is the series of the headers being
 * compiled against.  plugin-version.h, which has no include guard and
 * defines the plugin's own copy of GCC's version, is included by plugin.cc
 * alone.
 *
 * What changed, series by series:
 *   14  last_stmt -> last_nondebug_stmt; location_get_source_line -> the
 *       diagnostic context's file cache; the context's column_unit,
 *       show_caret and last_location -> m_column_unit,
 *       m_source_printing.enabled, m_last_location
 *   15  the context's printer is gone: each output sink has its own;
 *       location_t is 64 bits (struct esc_pos's handle holds it); the
 *       gimplifier stores a conditional assigned to a register into it in
 *       each arm, at other positions (no wrapper: plugin.cc's conditional
 *       assignments place their steps the same on every series)
 *   16  diagnostic-metadata.h -> diagnostics/metadata.h (wants
 *       INCLUDE_VECTOR); the diagnostics:: namespace (context, sink,
 *       char_span, file cache, column and source-printing options);
 *       parse_output_constraint and parse_input_constraint take the
 *       gimplifier's register info (NULL outside the gimplifier); the last
 *       location is recorded even when the caret is off
 */
#ifndef ESCAPE_GCC_COMMON_H
#define ESCAPE_GCC_COMMON_H

#include "bversion.h"

#include <dlfcn.h>

#if BUILDING_GCC_MAJOR < 12
#error "escape needs GCC 12 or later"
#endif

#if BUILDING_GCC_MAJOR >= 16
#define INCLUDE_VECTOR
#endif
#include "gcc-plugin.h"
#include "tree.h"
#include "gimple.h"
#include "cgraph.h"
#include "tree-pass.h"
#include "context.h"
#include "ssa.h"
#include "gimple-iterator.h"
#include "gimple-walk.h"
#include "tree-ssa-operands.h"
#include "tree-cfg.h"
#include "stringpool.h"
#include "stmt.h"
#include "attribs.h"
#include "attr-fnspec.h"
#include "internal-fn.h"
#include "input.h"
#include "langhooks.h"
#include "toplev.h"
#include "options.h"
#include "timevar.h"
#include "intl.h"
#include "diagnostic-core.h"
#include "diagnostic.h"
#if BUILDING_GCC_MAJOR >= 16
#include "diagnostics/metadata.h"
#include "diagnostics/file-cache.h"
#include "diagnostics/sink.h"
typedef diagnostics::metadata esc_diagnostic_metadata;
#else
#include "diagnostic-metadata.h"
typedef diagnostic_metadata esc_diagnostic_metadata;
#endif
#if BUILDING_GCC_MAJOR == 15
#include "diagnostic-format.h"
#endif

/* GCC functions written here from their GCC 12 and 13 bodies (the same
   code, inline).  GCC opens a plugin with RTLD_NOW, so every function
   escape.so takes from cc1 is looked up by name when it loads, in every
   compile, and each lookup pages in the 64 KB of cc1's symbol tables
   around the name: a window goes only when every name in it goes.  With
   these (and the lazy timer below) a small unit's peak RSS on GCC 12
   falls by three such windows, 192 KB (docs/performance.md, session 10).
   From GCC 14 on (13 for the two that learned about `f(...)'), GCC's own
   function is called. */
#if BUILDING_GCC_MAJOR < 14
static inline bool esc_integer_zerop(const_tree expr)
{
	switch (TREE_CODE(expr)) {
	case INTEGER_CST:
		return wi::to_wide(expr) == 0;
	case COMPLEX_CST:
		return esc_integer_zerop(TREE_REALPART(expr)) &&
		       esc_integer_zerop(TREE_IMAGPART(expr));
	case VECTOR_CST:
		return VECTOR_CST_NPATTERNS(expr) == 1 &&
		       VECTOR_CST_DUPLICATE_P(expr) &&
		       esc_integer_zerop(VECTOR_CST_ENCODED_ELT(expr, 0));
	default:
		return false;
	}
}
#define integer_zerop esc_integer_zerop

/* integer_onep, integer_all_onesp, integer_minus_onep: each of the two
   windows of cc1 they are in (GCC 12) holds no other name escape.so
   uses (session 12: -128 KB) */
static inline bool esc_integer_onep(const_tree expr)
{
	switch (TREE_CODE(expr)) {
	case INTEGER_CST:
		return wi::eq_p(wi::to_widest(expr), 1);
	case COMPLEX_CST:
		return esc_integer_onep(TREE_REALPART(expr)) &&
		       esc_integer_zerop(TREE_IMAGPART(expr));
	case VECTOR_CST:
		return VECTOR_CST_NPATTERNS(expr) == 1 &&
		       VECTOR_CST_DUPLICATE_P(expr) &&
		       esc_integer_onep(VECTOR_CST_ENCODED_ELT(expr, 0));
	default:
		return false;
	}
}
#define integer_onep esc_integer_onep

static inline bool esc_integer_all_onesp(const_tree expr)
{
	if (TREE_CODE(expr) == COMPLEX_CST &&
	    esc_integer_all_onesp(TREE_REALPART(expr)) &&
	    esc_integer_all_onesp(TREE_IMAGPART(expr)))
		return true;
	if (TREE_CODE(expr) == VECTOR_CST)
		return VECTOR_CST_NPATTERNS(expr) == 1 &&
		       VECTOR_CST_DUPLICATE_P(expr) &&
		       esc_integer_all_onesp(VECTOR_CST_ENCODED_ELT(expr, 0));
	if (TREE_CODE(expr) != INTEGER_CST)
		return false;
	/* GCC: wi::max_value(TYPE_PRECISION(TREE_TYPE(expr)), UNSIGNED) ==
	   wi::to_wide(expr), which above 64 bits calls wi::eq_p_large, a
	   name in a window of its own; all ones is what turns to zero */
	return wi::bit_not(wi::to_wide(expr)) == 0;
}
#define integer_all_onesp esc_integer_all_onesp

static inline bool esc_integer_minus_onep(const_tree expr)
{
	if (TREE_CODE(expr) == COMPLEX_CST)
		return esc_integer_all_onesp(TREE_REALPART(expr)) &&
		       esc_integer_zerop(TREE_IMAGPART(expr));
	return esc_integer_all_onesp(expr);
}
#define integer_minus_onep esc_integer_minus_onep

/* gimple_call_fndecl, whose GCC 12/13 body (gimple_call_addr_fndecl, in
   gimple-expr.h) calls GCC's integer_zerop */
static inline tree esc_gimple_call_fndecl(const gimple *gs)
{
	tree fn = gimple_call_fn(gs);
	if (fn && TREE_CODE(fn) == ADDR_EXPR) {
		tree fndecl = TREE_OPERAND(fn, 0);
		if (TREE_CODE(fndecl) == MEM_REF &&
		    TREE_CODE(TREE_OPERAND(fndecl, 0)) == ADDR_EXPR &&
		    esc_integer_zerop(TREE_OPERAND(fndecl, 1)))
			fndecl = TREE_OPERAND(TREE_OPERAND(fndecl, 0), 0);
		if (TREE_CODE(fndecl) == FUNCTION_DECL)
			return fndecl;
	}
	return NULL_TREE;
}
#define gimple_call_fndecl esc_gimple_call_fndecl

static inline location_t esc_expansion_point_if_system(location_t loc)
{
	if (in_system_header_at(loc))
		loc = linemap_resolve_location(line_table, loc,
					       LRK_MACRO_EXPANSION_POINT, NULL);
	return loc;
}
#define expansion_point_location_if_in_system_header \
	esc_expansion_point_if_system

/* STRIP_NOPS */
static inline bool esc_nop_conversion(const_tree exp)
{
	if (location_wrapper_p(exp))
		return true;
	if (!CONVERT_EXPR_P(exp) && TREE_CODE(exp) != NON_LVALUE_EXPR)
		return false;
	tree outer = TREE_TYPE(exp), inner = TREE_TYPE(TREE_OPERAND(exp, 0));
	if (!inner || inner == error_mark_node)
		return false;
	return tree_nop_conversion_p(outer, inner);
}

static inline tree esc_strip_nop_conversions(tree exp)
{
	while (esc_nop_conversion(exp))
		exp = TREE_OPERAND(exp, 0);
	return exp;
}
#undef STRIP_NOPS
#define STRIP_NOPS(EXP) (EXP) = esc_strip_nop_conversions(CONST_CAST_TREE(EXP))

/* EXPR_HAS_LOCATION */
static inline location_t esc_location_locus(location_t loc)
{
	return IS_ADHOC_LOC(loc)
		? line_table->location_adhoc_data_map.data[loc & MAX_LOCATION_T].locus
		: loc;
}
#undef LOCATION_LOCUS
#define LOCATION_LOCUS(LOC) esc_location_locus(LOC)
#endif

#if BUILDING_GCC_MAJOR < 13
static inline bool esc_stdarg_p(const_tree fntype)
{
	function_args_iterator args_iter;
	tree n = NULL_TREE, t;

	if (!fntype)
		return false;
	FOREACH_FUNCTION_ARGS(fntype, t, args_iter)
		n = t;
	return n != NULL_TREE && n != void_type_node;
}
#define stdarg_p esc_stdarg_p

static inline bool esc_prototype_p(const_tree fntype)
{
	gcc_assert(fntype != NULL_TREE);
	return TYPE_ARG_TYPES(fntype) != NULL_TREE;
}
#define prototype_p esc_prototype_p
#endif

/* The last statement of bb that is not a debug statement, or NULL. */
static inline gimple *esc_last_stmt(basic_block bb)
{
#if BUILDING_GCC_MAJOR >= 14
	return last_nondebug_stmt(bb);
#else
	gimple_stmt_iterator i = gsi_last_bb(bb);
	gimple *stmt = NULL;

	while (!gsi_end_p(i) && is_gimple_debug((stmt = gsi_stmt(i)))) {
		gsi_prev(&i);
		stmt = NULL;
	}
	return stmt;
#endif
}

/* GCC 14 removed last_stmt: the plugin goes through esc_last_stmt, and a
   use of last_stmt fails to compile on every series, GCC 12 included
   (5c989a6 used it and built only below GCC 14). */
#define last_stmt(bb) use_esc_last_stmt_not_last_stmt(bb)

/* -ftime-report's client items (g_timer is set only then): looked up on
   first use, so that a compile without it binds neither at load. */
static inline void esc_timer_push(const char *name)
{
	static void (*push)(timer *, const char *);
	if (!g_timer)
		return;
	if (!push)
		push = (void (*)(timer *, const char *))
			dlsym(RTLD_DEFAULT, "_ZN5timer16push_client_itemEPKc");
	if (push)
		push(g_timer, name);
}

static inline void esc_timer_pop(void)
{
	static void (*pop)(timer *);
	if (!g_timer)
		return;
	if (!pop)
		pop = (void (*)(timer *))dlsym(RTLD_DEFAULT,
					       "_ZN5timer15pop_client_itemEv");
	if (pop)
		pop(g_timer);
}

/* A copy of line `line' of file `file' (free it), or NULL. */
static inline char *esc_source_line(const char *file, int line)
{
#if BUILDING_GCC_MAJOR >= 14
	auto span = global_dc->get_file_cache().get_source_line(file, line);
#else
	char_span span = location_get_source_line(file, line);
#endif
	return span ? span.xstrdup() : NULL;
}

/* Output asm operand i's constraint: may it be memory, a register, both
   read and written?  False if GCC does not understand it. */
static inline bool esc_parse_output_constraint(const char **con, int i,
					       int nin, int nout, bool *mem,
					       bool *reg, bool *inout)
{
#if BUILDING_GCC_MAJOR >= 16
	return parse_output_constraint(con, i, nin, nout, mem, reg, inout,
				       NULL);
#else
	return parse_output_constraint(con, i, nin, nout, mem, reg, inout);
#endif
}

/* Input asm operand i's constraint, knowing the outputs'. */
static inline bool esc_parse_input_constraint(const char **con, int i,
					      int nin, int nout,
					      const char *const *outs,
					      bool *mem, bool *reg)
{
#if BUILDING_GCC_MAJOR >= 16
	return parse_input_constraint(con, i, nin, nout, 0, outs, mem, reg,
				      NULL);
#else
	return parse_input_constraint(con, i, nin, nout, 0, outs, mem, reg);
#endif
}

/* The diagnostic context's settings the notes change for a while and put
   back: the unit of the columns printed, whether the source line and
   caret are shown, and the location of the last caret shown (a caret at
   the same location is not shown twice). */
static inline enum diagnostics_column_unit &esc_column_unit(void)
{
#if BUILDING_GCC_MAJOR >= 16
	return global_dc->get_column_options().m_column_unit;
#elif BUILDING_GCC_MAJOR >= 14
	return global_dc->m_column_unit;
#else
	return global_dc->column_unit;
#endif
}

static inline bool &esc_show_caret(void)
{
#if BUILDING_GCC_MAJOR >= 16
	return global_dc->get_source_printing_options().enabled;
#elif BUILDING_GCC_MAJOR >= 14
	return global_dc->m_source_printing.enabled;
#else
	return global_dc->show_caret;
#endif
}

static inline location_t &esc_last_location(void)
{
#if BUILDING_GCC_MAJOR >= 14
	return global_dc->m_last_location;
#else
	return global_dc->last_location;
#endif
}

/* The printer of GCC's text output on stderr, or NULL if diagnostics do
   not go there as text (-fdiagnostics-format=sarif-file, json).  From
   GCC 15 each output sink has its own printer; the first sink is the text
   one unless the format replaced it, and a text sink follows the
   context's reference printer where a structured one does not. */
static inline pretty_printer *esc_text_printer(void)
{
#if BUILDING_GCC_MAJOR >= 16
	diagnostics::sink &s = global_dc->get_sink(0);
	return s.follows_reference_printer_p() ? s.get_printer() : NULL;
#elif BUILDING_GCC_MAJOR >= 15
	diagnostic_output_format &s = global_dc->get_output_format(0);
	return s.follows_reference_printer_p() ? s.get_printer() : NULL;
#else
	return global_dc->printer;
#endif
}

/* The stream a printer writes to, and changing it. */
static inline FILE *esc_printer_stream(pretty_printer *pp)
{
#if BUILDING_GCC_MAJOR >= 15
	return pp_buffer(pp)->m_stream;
#else
	return pp->buffer->stream;
#endif
}

static inline void esc_set_printer_stream(pretty_printer *pp, FILE *f)
{
#if BUILDING_GCC_MAJOR >= 15
	pp->set_output_stream(f);
#else
	pp->buffer->stream = f;
#endif
}

#endif
