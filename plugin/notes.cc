/*
 * notes.cc - findings -> GCC notes, in Go's words (-gcflags=-m).
 *
 *   m=1   x escapes to heap            at each site its address escapes
 *         leaking param: p             p reaches the heap
 *         leaking param content: p     what p points to does
 *         leaking param: p to result level=N
 *         p does not escape
 *         malloc(...) escapes to heap / malloc(...) does not escape
 *   m=2   each escape and leak followed by its flow, one note a step, at
 *         the step's own position, indented as Go indents them; grouped
 *         (auto_diagnostic_group), so -fdiagnostics-format=json nests the
 *         steps under their escape.  A flow is shown once per object
 *         and sink: another site of the same object whose flow ends at
 *         the same global, callee or return says "as explained at line N".
 *
 * As in Go, a leak to the result is not mentioned when the heap leak is
 * at least as strong.  Nothing is said inside system headers.
 *
 * The words are the core's (esc_func_notes, esc_step_text in findings.c),
 * so that every report of a flow says what the notes say.
 *
 * Notes are printed as Go prints them, file:line:col: text, without
 * GCC's source line and caret under each: there can be tens of thousands
 * (10,500 on sqlite3.c at m=2; 31,000 lines with the source lines), and
 * GCC 12 finds each quoted line by rescanning part of the file, which made
 * printing them cost more than the analysis.  Warnings keep theirs.
 */
#include "adapter.h"

static bool quiet_at(struct esc_pos p)
{
	return p.handle == UNKNOWN_LOCATION || in_system_header_at((location_t)p.handle);
}

/*
 * Columns.  GCC prints display columns, and to know one it reads the
 * note's source line; GCC 12 finds a line by rescanning the file from a
 * point up to 1/100 of it before, which on sqlite3.c made the notes'
 * columns cost more than the analysis.  In a file of plain ASCII without
 * tabs (source.c) a display column is the byte column, which needs no
 * reading: for notes in such files the column unit is bytes, and the text
 * printed is the same.
 */
static enum diagnostics_column_unit user_unit;

/* Sets the column unit for a note at loc (see esc_source_facts). */
static void columns_for(location_t loc)
{
	esc_column_unit() = user_unit;
	if (user_unit != DIAGNOSTICS_COLUMN_UNIT_DISPLAY)
		return;
	expanded_location x = expand_location(loc);
	if (x.file && esc_source_facts(x.file).plain)
		esc_column_unit() = DIAGNOSTICS_COLUMN_UNIT_BYTE;
}

/* With m=2, the flow lines ("file:line:col text") printed for the
   unit so far: m=2 never prints the same line twice.  A flow whose
   first steps were shown (an object's warning after its escape, two
   sinks of one address) starts at its first new step; one that joins a
   path shown before says so there and stops.  NULL below m=2. */
static hash_set<nofree_string_hash> *flows_printed;

/* n as %d writes it, into buf (24 bytes); its length. */
static int esc_itoa(int n, char *buf)
{
	char tmp[24];
	int k = 0, len = 0;
	unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;
	do {
		tmp[k++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (n < 0)
		buf[len++] = '-';
	while (k)
		buf[len++] = tmp[--k];
	buf[len] = 0;
	return len;
}

/* The keys of flows_printed, in chunks freed with it (esc_emit_end): a
   key was interned before, each a malloc, a copy and a free, and kept
   to the end of the compile (about 30,000 on sqlite3.c at m=2). */
struct key_chunk {
	struct key_chunk *next;
	size_t used, size;
	char text[1];
};
static struct key_chunk *keys;

/* Room for n bytes at the end of the last chunk. */
static char *key_room(size_t n)
{
	if (!keys || keys->size - keys->used < n) {
		size_t size = n > 65536 ? n : 65536;
		struct key_chunk *c = (struct key_chunk *)
			xmalloc(offsetof(struct key_chunk, text) + size);
		c->next = keys;
		c->used = 0;
		c->size = size;
		keys = c;
	}
	return keys->text + keys->used;
}

static void keys_free(void)
{
	while (keys) {
		struct key_chunk *next = keys->next;
		free(keys);
		keys = next;
	}
}

/* Was this line printed before (remembers it)? */
static bool printed_before(struct esc_pos p, const char *text)
{
	if (!flows_printed)
		return false;
	/* "FILE:LINE:COL TEXT", made without printf (a few per note) */
	const char *file = p.file ? p.file : "";
	size_t nf = strlen(file), nt = strlen(text);
	char num[2][24], *key = key_room(nf + nt + 2 * 24 + 3), *o = key;
	int nn[2] = { esc_itoa(p.line, num[0]), esc_itoa(p.col, num[1]) };
	memcpy(o, file, nf);
	o += nf;
	for (int i = 0; i < 2; i++) {
		*o++ = ':';
		memcpy(o, num[i], nn[i]);
		o += nn[i];
	}
	*o++ = ' ';
	memcpy(o, text, nt + 1);
	o += nt + 1;
	if (flows_printed->add(key))
		return true;
	keys->used += (size_t)(o - key); /* kept: the set points to it */
	return false;
}

static void flow_notes(const struct esc_flow *f)
{
	char line[512];
	int shown = 0;
	for (int i = 0; i < f->nsteps; i++) {
		struct esc_pos at = f->steps[i].pos;
		esc_flow_note(f, i, line, sizeof line);
		if (printed_before(at, line)) {
			if (!shown && i + 1 < f->nsteps)
				continue; /* a first part shown before */
			if (!printed_before(at, esc_flow_as_above)) {
				columns_for((location_t)at.handle);
				inform((location_t)at.handle, "%s", esc_flow_as_above);
			}
			return;
		}
		columns_for((location_t)at.handle);
		inform((location_t)at.handle, "%s", line);
		shown = 1;
	}
	if (esc_flow_note(f, f->nsteps, line, sizeof line)) {
		struct esc_pos at = f->steps[f->nsteps - 1].pos;
		if (!printed_before(at, line)) {
			columns_for((location_t)at.handle);
			inform((location_t)at.handle, "%s", line);
		}
	}
}

static int quiet_pos(struct esc_pos p)
{
	return quiet_at(p);
}

/* The notes of a function, worded by the core (esc_func_notes). */
static void emit_notes(const struct esc_func_report *r, int level)
{
	struct esc_note *notes;
	int n = esc_func_notes(r, level, quiet_pos, &notes);
	for (int i = 0; i < n; i++) {
		auto_diagnostic_group group;
		columns_for((location_t)notes[i].pos.handle);
		inform((location_t)notes[i].pos.handle, "%s", notes[i].text);
		if (notes[i].flow)
			flow_notes(notes[i].flow);
	}
	free(notes);
}

static pretty_printer *gcc_printer;
static FILE *gathered, *gcc_stream;
static char *gathered_text;
static size_t gathered_len;

void esc_emit_begin(void)
{
	/* not when a diagnostic may end the compilation (-Wfatal-errors,
	   -fmax-errors): what was gathered would be lost */
	if (gathered || flag_fatal_errors || flag_max_errors)
		return;
	gcc_printer = esc_text_printer();
	if (!gcc_printer)
		return;
	gathered = open_memstream(&gathered_text, &gathered_len);
	if (!gathered)
		return;
	gcc_stream = esc_printer_stream(gcc_printer);
	esc_set_printer_stream(gcc_printer, gathered);
}

void esc_emit_end(void)
{
	delete flows_printed;
	flows_printed = NULL;
	keys_free();
	if (!gathered)
		return;
	esc_set_printer_stream(gcc_printer, gcc_stream);
	fclose(gathered);
	gathered = NULL;
	if (gathered_len) {
		fwrite(gathered_text, 1, gathered_len, gcc_stream);
		fflush(gcc_stream);
	}
	free(gathered_text);
	gathered_text = NULL;
	gathered_len = 0;
}

void esc_emit_notes(const struct esc_func_report *r, int level)
{
	/* without their source lines: neither shown nor remembered as the
	   last one shown (GCC 16 remembers it even with the caret off, and
	   would then not show a warning's at the same place) */
	bool caret = esc_show_caret();
	location_t last = esc_last_location();
	esc_show_caret() = false;
	user_unit = esc_column_unit();
	if (level >= 2 && !flows_printed)
		flows_printed = new hash_set<nofree_string_hash>;
	emit_notes(r, level);
	esc_column_unit() = user_unit;
	esc_show_caret() = caret;
	esc_last_location() = last;
}

/* Dangling addresses: GCC warnings (so -Werror gates on them), each with
   the warning id in its text, CWE-562 (stack address returned / kept),
   standing at the sink (the return, the store, the keeping call), as
   GCC's and Clang's lifetime warnings do, with a note where the address
   is taken and one at the object's declaration, then its flow.  With
   m=2 the notes above already showed the object's flows: a flow line
   shown there (the same position and words) is not shown again. */
void esc_emit_warnings(const struct esc_func_report *r, int level)
{
	user_unit = esc_column_unit();
	(void)level; /* m=2: flows_printed, made by esc_emit_notes */
	for (int i = 0; i < r->nwarnings; i++) {
		const struct esc_warning *w = &r->warnings[i];
		struct esc_pos at = w->sink.handle ? w->sink : w->pos;
		if (w->suppressed || w->pending || quiet_at(at))
			continue;
		auto_diagnostic_group group;
		rich_location where(line_table, (location_t)at.handle);
		esc_diagnostic_metadata meta;
		meta.add_cwe(562);
		columns_for((location_t)at.handle);
		if (!warning_meta(&where, meta, 0, "%s", w->message))
			continue;
		struct esc_pos where_note[2];
		char text[2][300];
		int which = esc_warning_notes(w, where_note, text);
		for (int k = 0; k < 2; k++)
			if ((which & (1 << k)) && !quiet_at(where_note[k]) &&
			    !printed_before(where_note[k], text[k])) {
				columns_for((location_t)where_note[k].handle);
				inform((location_t)where_note[k].handle, "  %s", text[k]);
			}
		if (w->flow)
			flow_notes(w->flow);
	}
	esc_column_unit() = user_unit;
}
