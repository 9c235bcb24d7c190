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

/* The last statement of bb that is not a debug statement, or NULL. */
static inline gimple *esc_last_stmt(basic_block bb)
{
#if BUILDING_GCC_MAJOR >= 14
	return last_nondebug_stmt(bb);
#else
	return last_stmt(bb);
#endif
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
