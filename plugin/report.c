/*
 * report.c - the JSON report of a translation unit (written directly:
 * no Jansson here, so that a unit that looks up no rule never loads it).
 *
 * The document.  One per translation unit, described field by field in
 * docs/report.md and exactly in docs/report.schema.json:
 *
 *   { "version": 1, "tool": {"name", "version"}, "gcc", "flags", "source",
 *     "directory", "diagnostics": [ LSP diagnostics, for editors ],
 *     "functions": [ { "name", "file", "line", "column", "gave_up",
 *                      "params": [...], "locals": [...],
 *                      "allocations": [...], "warnings": [...] } ] }
 *
 * Keys appear in that order.  Every key is
 * always present; what is unknown or absent is null, never left out: a
 * line or column of 0, a leak of -1, an argument number of 0, a missing
 * file, global or callee name in a step, the flow of an allocation that
 * does not escape.  Every escape and leak carries its flow, the steps from
 * the address-of (or the parameter) to the sink, as findings.c explained
 * it: a parameter's flows are tagged with their root ("heap", "result"),
 * under the key "sink" (the schema's word).
 * Names the schema promises (function, parameter, object, allocator) are
 * never null: a missing one would be "(unnamed)".
 * Strings that are not valid UTF-8 (a file name in Latin-1, say) have each
 * bad byte replaced by U+FFFD, since JSON text is UTF-8.
 *
 * esc_report_add turns a function's report into JSON text at once, so the
 * esc_func_report can be freed right after.  The text is json_dumps's with
 * JSON_INDENT(2), byte for byte (the report was made with Jansson until
 * session 11; unit test jansson_same_bytes).
 *
 * The write protocol.  A report is written whole or not at all, and a
 * reader (or a parallel make) never sees half of one: the document goes
 * to a temporary file ".<name>.XXXXXX" in the target's own directory
 * (so that rename stays within one file system), is given mode
 * 0666 & ~umask like any file the compiler creates (mkstemp makes 0600),
 * is fsync'ed and closed, and only then renamed over the target.  On any
 * failure the temporary file is removed, whatever was at the target is
 * left as it was, and the caller gets "cannot write JSON report 'PATH':
 * REASON".
 *
 * Report names in a directory (json=DIR/) are DIR/<basename>.<hash>.json,
 * the hash being FNV-1a 64 of the absolute source path, a NUL byte and
 * the output name: two files named util.c in different directories, or
 * one source compiled twice into different objects, never share a report,
 * while recompiling the same thing replaces its report.
 */
#define _XOPEN_SOURCE 700

#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* The arrays' items are turned into text as they come, indented as they
   will sit in the document: a unit's report is about 15 times smaller as
   text than as values.  It is kept until the end of the unit, when
   the compiler's own memory is at its peak, so an array's text does not
   stay in memory either: once it holds spill_at bytes, it is appended to
   a temporary file of its own (unlinked, in $TMPDIR or /tmp, where GCC
   puts its own temporaries) and the buffer starts again; the report's
   writer copies the file's bytes, then the buffer's.  sqlite3.c's 12 MB
   report held 12 MB of the compiler's peak.  Without a temporary file (none
   can be made, or a write to it fails) the text stays in memory, as
   before. */
struct esc_text {
	char *s;
	size_t len, cap;
	int fd;         /* the spill file, or -1 */
	int no_spill;   /* making or writing it failed: keep the rest */
	size_t spilled; /* bytes of it written, before s */
};

#define SPILL_AT ((size_t)256 * 1024)

struct esc_report {
	struct esc_text head;        /* the document's keys before the arrays */
	struct esc_text diagnostics; /* the items of "diagnostics", */
	struct esc_text functions;   /* and of "functions", */
	struct esc_text tail;        /* the keys after them ("data_calls") */
	size_t spill_at;             /* SPILL_AT; esc_report_spill_at */
	char *last_file, *last_uri;  /* uri()'s last answer */
};

static char *absolute_path(const char *path);
static char *current_dir(void);
static void spill(struct esc_text *t);

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* Makes room in t for n more bytes (and a NUL). */
static void text_reserve(struct esc_text *t, size_t n)
{
	if (t->len + n + 1 <= t->cap)
		return;
	size_t cap = t->cap ? t->cap : 4096;
	while (t->len + n + 1 > cap)
		cap *= 2;
	t->s = esc_xrealloc(t->s, cap);
	t->cap = cap;
}

static void text_add(struct esc_text *t, const char *s, size_t n)
{
	text_reserve(t, n);
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = 0;
}

/* A newline and the indentation of depth (JSON_INDENT(2)). */
static void dump_indent(struct esc_text *t, int depth)
{
	static const char spaces[] = "                                ";
	size_t n = (size_t)depth * 2;
	text_reserve(t, n + 1);
	t->s[t->len++] = '\n';
	while (n) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		memcpy(t->s + t->len, spaces, k);
		t->len += k;
		n -= k;
	}
	t->s[t->len] = 0;
}

/* Length of the valid UTF-8 sequence at s, or 0 if there is none (the
   sequences Jansson's json_string accepts). */
static size_t utf8_seq(const unsigned char *s)
{
	unsigned c = s[0];
	size_t n;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

/* The JSON string of s (NUL-terminated) as Jansson 2.14's dump_string
   writes it without JSON_ENSURE_ASCII and JSON_ESCAPE_SLASH: '"', '\\'
   and control characters escaped ("\n", "\u001F"), the rest as it is,
   except that a byte that starts no valid UTF-8 sequence is written as
   U+FFFD (JSON text is UTF-8; a file name in Latin-1, say).  The report
   made its values with json_string before, whose text this is: unit test
   json_strings_as_jansson. */
static void dump_string(struct esc_text *t, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);

	text_reserve(t, 2 + 6 * len);
	char *o = t->s + t->len;
	*o++ = '"';
	while (*p) {
		unsigned char c = *p;
		/* a run of bytes written as they are: most strings are one */
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			const unsigned char *q = p + 1;
			while (*q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\')
				q++;
			memcpy(o, p, (size_t)(q - p));
			o += q - p;
			p = q;
			continue;
		}
		if (c >= 0x80) {
			size_t n = utf8_seq(p);
			if (n) {
				memcpy(o, p, n);
				o += n;
				p += n;
			} else {
				memcpy(o, "\xef\xbf\xbd", 3);
				o += 3;
				p++;
			}
			continue;
		}
		p++;
		if (c >= 0x20 && c != '"' && c != '\\') {
			*o++ = (char)c;
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\b': *o++ = 'b'; break;
		case '\f': *o++ = 'f'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		default:
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o++ = '"';
	t->len = (size_t)(o - t->s);
	t->s[t->len] = 0;
}

/* ------------------------------------------------------------------ */
/* Writing JSON values straight to text                                */

/*
 * The writer lays values out as json_dumps (v, JSON_INDENT(2)) does
 * (Jansson 2.14's do_dump): members in the order written, ": " between
 * key and value, each member or element on a line of its own, indented
 * two spaces a level, "{}" and "[]" when empty, integers as "%lld".
 * Until session 11 the report built each item as Jansson values and
 * dumped them: on sqlite3.c -O0 with m=2 + json= about 300 M instructions
 * of malloc and free for text nobody else read.
 *
 * depth is that of the innermost open object or array (its members sit
 * at depth + 1 before it is opened: at depth after); empty says nothing
 * has been written in it yet.
 */
struct jw {
	struct esc_text *t;
	int depth;
	int empty;
};

/* Appends a newline and the indentation of depth, after a ',' when
   comma (one reservation, no call per piece: keys are most of the text). */
static char *jw_line(struct esc_text *t, int comma, int depth, size_t more)
{
	static const char spaces[] = "                                ";
	size_t n = (size_t)depth * 2;
	text_reserve(t, n + 2 + more);
	char *o = t->s + t->len;
	if (comma)
		*o++ = ',';
	*o++ = '\n';
	while (n) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		memcpy(o, spaces, k);
		o += k;
		n -= k;
	}
	return o;
}

/* Starts the next member or element of the open object or array. */
static void jw_next(struct jw *w)
{
	char *o = jw_line(w->t, !w->empty, w->depth, 0);
	w->t->len = (size_t)(o - w->t->s);
	w->t->s[w->t->len] = 0;
	w->empty = 0;
}

static void jw_open(struct jw *w, char c)
{
	text_add(w->t, &c, 1);
	w->depth++;
	w->empty = 1;
}

static void jw_close(struct jw *w, char c)
{
	w->depth--;
	if (!w->empty)
		dump_indent(w->t, w->depth);
	text_add(w->t, &c, 1);
	w->empty = 0;
}

/* key: one of this file's literals, ASCII with nothing to escape (n is
   its length: jw_key's strlen of a literal is a constant) */
static void jw_keyn(struct jw *w, const char *key, size_t n)
{
	char *o = jw_line(w->t, !w->empty, w->depth, n + 4);
	*o++ = '"';
	memcpy(o, key, n);
	o += n;
	memcpy(o, "\": ", 3);
	o += 3;
	*o = 0;
	w->t->len = (size_t)(o - w->t->s);
	w->empty = 0;
}
#define jw_key(w, key) jw_keyn((w), (key), strlen(key))

static void jw_null(struct jw *w)
{
	text_add(w->t, "null", 4);
}

static void jw_bool(struct jw *w, int b)
{
	if (b)
		text_add(w->t, "true", 4);
	else
		text_add(w->t, "false", 5);
}

static void jw_int(struct jw *w, long long x)
{
	char num[24];
	unsigned long long u = x < 0 ? 0ull - (unsigned long long)x
				     : (unsigned long long)x;
	char *e = num + sizeof num;
	do
		*--e = (char)('0' + u % 10);
	while ((u /= 10));
	if (x < 0)
		*--e = '-';
	text_add(w->t, e, (size_t)(num + sizeof num - e));
}

/* A string, null for NULL. */
static void jw_str(struct jw *w, const char *s)
{
	if (s)
		dump_string(w->t, s);
	else
		jw_null(w);
}

/* A name the schema promises is a string: functions, parameters, stack
   objects and allocators always have one, but should one be missing the
   document stays valid. */
static void jw_name(struct jw *w, const char *s)
{
	dump_string(w->t, s ? s : "(unnamed)");
}

/* A count that is meaningful only when positive: lines, columns,
   argument numbers (0 = unknown or none). */
static void jw_positive(struct jw *w, int n)
{
	if (n > 0)
		jw_int(w, n);
	else
		jw_null(w);
}

/* A leak's deref count: -1 = no leak. */
static void jw_derefs(struct jw *w, int n)
{
	if (n >= 0)
		jw_int(w, n);
	else
		jw_null(w);
}

/* key and value in one */
static void k_str(struct jw *w, const char *k, const char *s) { jw_key(w, k); jw_str(w, s); }
static void k_name(struct jw *w, const char *k, const char *s) { jw_key(w, k); jw_name(w, s); }
static void k_int(struct jw *w, const char *k, long long x) { jw_key(w, k); jw_int(w, x); }
static void k_positive(struct jw *w, const char *k, int n) { jw_key(w, k); jw_positive(w, n); }
static void k_derefs(struct jw *w, const char *k, int n) { jw_key(w, k); jw_derefs(w, n); }
static void k_bool(struct jw *w, const char *k, int b) { jw_key(w, k); jw_bool(w, b); }

/* ------------------------------------------------------------------ */
/* The items                                                           */

static const char *obj_kind_name(enum esc_obj_kind kind)
{
	static const char *const names[] = {
		[ESC_OBJ_LOCAL] = "local",
		[ESC_OBJ_PARAM] = "param",
		[ESC_OBJ_COMPOUND] = "compound literal",
		[ESC_OBJ_ALLOCA] = "alloca",
		[ESC_OBJ_VLA] = "vla",
		[ESC_OBJ_TEMP] = "temporary",
	};

	if ((unsigned)kind >= sizeof names / sizeof names[0])
		return "?";
	return names[kind];
}

static void step_json(struct jw *w, const struct esc_step *s)
{
	jw_open(w, '{');
	k_str(w, "kind", esc_step_name(s->kind));
	k_str(w, "file", s->pos.file);
	k_positive(w, "line", s->pos.line);
	k_positive(w, "column", s->pos.col);
	k_str(w, "what", s->what);
	/* a nested function's static chain: "chain" */
	if (s->arg == ESC_ARG_CHAIN)
		k_str(w, "arg", "chain");
	else
		k_positive(w, "arg", s->arg);
	jw_close(w, '}');
}

/* A flow: {"sink"?, "steps", "truncated"}; the root it reaches (a
   parameter's flows) is put first, as "sink", if given. */
static void flow_json(struct jw *w, const struct esc_flow *f, const char *root)
{
	jw_open(w, '{');
	if (root)
		k_str(w, "sink", root);
	jw_key(w, "steps");
	jw_open(w, '[');
	for (int i = 0; i < f->nsteps; i++) {
		jw_next(w);
		step_json(w, &f->steps[i]);
	}
	jw_close(w, ']');
	k_bool(w, "truncated", f->truncated);
	jw_close(w, '}');
}

/* key: a flow, or null */
static void k_flow(struct jw *w, const char *k, const struct esc_flow *f)
{
	jw_key(w, k);
	if (f)
		flow_json(w, f, NULL);
	else
		jw_null(w);
}

static void param_json(struct jw *w, const struct esc_param_report *p)
{
	jw_open(w, '{');
	k_name(w, "name", p->name);
	k_int(w, "index", p->index);
	k_positive(w, "line", p->pos.line);
	k_positive(w, "column", p->pos.col);
	k_derefs(w, "leaks_to_heap", p->leaks_to_heap);
	k_derefs(w, "leaks_to_result", p->leaks_to_result);
	jw_key(w, "flows");
	jw_open(w, '[');
	if (p->leaks_to_heap >= 0) {
		jw_next(w);
		flow_json(w, &p->heap_flow, "heap");
	}
	if (p->leaks_to_result >= 0) {
		jw_next(w);
		flow_json(w, &p->result_flow, "result");
	}
	jw_close(w, ']');
	jw_close(w, '}');
}

static void local_json(struct jw *w, const struct esc_local_report *l)
{
	jw_open(w, '{');
	k_name(w, "name", l->name);
	k_str(w, "kind", obj_kind_name(l->kind));
	k_positive(w, "line", l->pos.line);
	k_positive(w, "column", l->pos.col);
	k_bool(w, "escapes", l->escapes);
	jw_key(w, "sites");
	jw_open(w, '[');
	for (int i = 0; i < l->nsites; i++) {
		const struct esc_site_report *s = &l->sites[i];
		jw_next(w);
		jw_open(w, '{');
		k_str(w, "file", s->pos.file);
		k_positive(w, "line", s->pos.line);
		k_positive(w, "column", s->pos.col);
		k_flow(w, "flow", &s->flow);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_close(w, '}');
}

static void alloc_json(struct jw *w, const struct esc_alloc_report *a)
{
	jw_open(w, '{');
	k_name(w, "callee", a->callee);
	k_positive(w, "line", a->pos.line);
	k_positive(w, "column", a->pos.col);
	k_bool(w, "escapes", a->escapes);
	k_flow(w, "flow", a->escapes ? &a->flow : NULL);
	jw_close(w, '}');
}

/* A dangling address: {"rule", "object", "file", "line", "column" (where
   it stands, as GCC's warning: the sink), "address": {"line", "column"},
   "sink": {"line", "column"}, "message", "suppressed", "flow"}. */
static void warning_json(struct jw *w, const struct esc_warning *x)
{
	struct esc_pos at = x->sink.line > 0 ? x->sink : x->pos;

	jw_open(w, '{');
	k_str(w, "rule", x->id);
	k_name(w, "object", x->object);
	at.file = at.file ? at.file : x->pos.file;
	k_str(w, "file", at.file);
	k_positive(w, "line", at.line);
	k_positive(w, "column", at.col);
	jw_key(w, "address");
	jw_open(w, '{');
	k_positive(w, "line", x->pos.line);
	k_positive(w, "column", x->pos.col);
	jw_close(w, '}');
	jw_key(w, "sink");
	jw_open(w, '{');
	k_positive(w, "line", x->sink.line);
	k_positive(w, "column", x->sink.col);
	jw_close(w, '}');
	k_str(w, "message", x->message);
	k_bool(w, "suppressed", x->suppressed);
	k_flow(w, "flow", x->flow);
	jw_close(w, '}');
}

/* ------------------------------------------------------------------ */
/* Export data: what the link step needs (docs/report.md, "link")       */

/* A newline and the indentation of depth, at o; past them. */
static char *put_indent(char *o, size_t depth)
{
	static const char spaces[] = "                                ";
	size_t n = depth * 2;
	*o++ = '\n';
	while (n) {
		size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
		memcpy(o, spaces, k);
		o += k;
		n -= k;
	}
	return o;
}

static char *put(char *o, const char *s, size_t n)
{
	memcpy(o, s, n);
	return o + n;
}
#define PUT(o, lit) put((o), (lit), sizeof(lit) - 1)

static void k_levels(struct jw *w, const char *k, const signed char *v, int n)
{
	/* at once, as jw_key, jw_open, jw_next and jw_derefs each element,
	   jw_close would write it (14,548 arrays on sqlite3.c at m=2) */
	size_t nk = strlen(k), d = (size_t)w->depth;
	text_reserve(w->t, (size_t)(n + 2) * ((d + 1) * 2 + 2) + nk + 8 +
			   (size_t)n * 6);
	char *o = w->t->s + w->t->len;
	if (!w->empty)
		*o++ = ',';
	o = put_indent(o, d);
	*o++ = '"';
	o = put(o, k, nk);
	o = PUT(o, "\": [");
	for (int i = 0; i < n; i++) {
		if (i)
			*o++ = ',';
		o = put_indent(o, d + 1);
		if (v[i] < 0) {
			o = PUT(o, "null");
		} else {
			char num[4], *e = num + sizeof num;
			unsigned u = (unsigned)v[i];
			do
				*--e = (char)('0' + u % 10);
			while ((u /= 10));
			o = put(o, e, (size_t)(num + sizeof num - e));
		}
	}
	if (n)
		o = put_indent(o, d);
	*o++ = ']';
	*o = 0;
	w->t->len = (size_t)(o - w->t->s);
	w->empty = 0;
}


/* summary stores in the order of their written keys (to, from, level,
   derefs, assumed) */
static int store_cmp(const void *pa, const void *pb)
{
	const struct esc_summary_store *a = *(const struct esc_summary_store *const *)pa;
	const struct esc_summary_store *b = *(const struct esc_summary_store *const *)pb;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	if (a->derefs != b->derefs)
		return a->derefs < b->derefs ? -1 : 1;
	return (a->assumed != 0) - (b->assumed != 0);
}
static void summary_json(struct jw *w, const struct esc_summary *s)
{
	int n = s->nparams + 1; /* the last: the varargs */

	jw_open(w, '{');
	k_int(w, "nparams", s->nparams);
	k_levels(w, "heap", s->heap, n);
	k_levels(w, "sure", s->sure, n);
	k_levels(w, "result", s->result, n);
	k_levels(w, "local_heap", s->local_heap, n);
	k_levels(w, "local_sure", s->local_sure, n);
	k_levels(w, "local_result", s->local_result, n);
	/* a set: written in one order whatever order the solver found
	   them in (it follows the statements, which GCC series lay out
	   differently) */
	const struct esc_summary_store **st =
		esc_xmalloc((size_t)(s->nstores + 1) * sizeof *st);
	for (int i = 0; i < s->nstores; i++)
		st[i] = &s->stores[i];
	qsort(st, (size_t)s->nstores, sizeof *st, store_cmp);
	jw_key(w, "stores");
	jw_open(w, '[');
	for (int i = 0; i < s->nstores; i++) {
		jw_next(w);
		jw_open(w, '{');
		k_int(w, "from", st[i]->from);
		if (st[i]->to == ESC_FRESH_RESULT)
			k_str(w, "to", "result");
		else
			k_int(w, "to", st[i]->to);
		k_int(w, "derefs", st[i]->derefs);
		k_int(w, "level", st[i]->level);
		if (st[i]->assumed)
			k_bool(w, "assumed", 1);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	free(st);
	k_bool(w, "fresh", s->fresh);
	k_bool(w, "result_other", s->result_other);
	k_bool(w, "gave_up", s->gave_up);
	/* the variadic arguments are surely kept only for these constants
	   of argument "param" (esc_summary.vwhen) */
	if (s->vwhen_param >= 0 && s->nvwhen) {
		jw_key(w, "vwhen");
		jw_open(w, '{');
		k_int(w, "param", s->vwhen_param);
		jw_key(w, "values");
		jw_open(w, '[');
		for (int i = 0; i < s->nvwhen; i++) {
			jw_next(w);
			jw_int(w, (long long)s->vwhen[i]);
		}
		jw_close(w, ']');
		jw_close(w, '}');
	}
	/* the sure leaks when argument "param" is a constant with no bit
	   of "mask" set, or the global "global" is zero under it
	   (esc_summary.guards) */
	if (s->nguards) {
		jw_key(w, "guards");
		jw_open(w, '[');
		for (int k = 0; k < s->nguards; k++) {
			jw_next(w);
			jw_open(w, '{');
			if (s->guards[k].global)
				k_str(w, "global", s->guards[k].global);
			else
				k_int(w, "param", s->guards[k].param);
			k_int(w, "mask", (long long)s->guards[k].mask);
			k_levels(w, "sure", s->guards[k].sure, n);
			jw_close(w, '}');
		}
		jw_close(w, ']');
	}
	/* the sure leaks that end only if callees known by name release
	   the block they are stored into (esc_summary.releases): local_sure
	   leaves them out */
	if (s->nreleases) {
		jw_key(w, "releases");
		jw_open(w, '[');
		for (int k = 0; k < s->nreleases; k++) {
			jw_next(w);
			jw_open(w, '{');
			k_int(w, "param", s->releases[k].param);
			k_int(w, "level", s->releases[k].level);
			k_str(w, "callee", s->releases[k].callee);
			k_int(w, "arg", s->releases[k].arg);
			k_int(w, "sink", s->releases[k].sink);
			k_int(w, "group", s->releases[k].group);
			jw_close(w, '}');
		}
		jw_close(w, ']');
	}
	jw_close(w, '}');
}

static const char *const owner_keys[] = { "param", "local", "allocation" };

static void import_fields(struct jw *w, const struct esc_import *x)
{
	k_str(w, "callee", x->callee);
	k_int(w, "arg", x->arg);
	k_int(w, "derefs", x->derefs);
	k_derefs(w, "value_result", x->value_result);
	k_derefs(w, "value_heap", x->value_heap);
	k_bool(w, "void", x->sure);
	k_bool(w, "addr", x->addr);
	k_str(w, "file", x->pos.file);
	k_positive(w, "line", x->pos.line);
	k_positive(w, "column", x->pos.col);
	if (x->nconsts) {
		jw_key(w, "consts");
		jw_open(w, '[');
		for (int i = 0; i < x->nconsts; i++) {
			jw_next(w);
			jw_open(w, '[');
			jw_next(w);
			jw_int(w, x->consts[i].arg);
			jw_next(w);
			jw_int(w, (long long)x->consts[i].value);
			jw_close(w, ']');
		}
		jw_close(w, ']');
	}
}

static const char *const effect_kinds[] = { "set", "clear", "call", "unlink",
					      "release", "fresh" };

/* Conditions (esc_cond) as [[param, "path", mask], ...]. */
static void k_conds(struct jw *w, const char *k, const struct esc_conds *s)
{
	const struct esc_cond *c = s->c;
	jw_key(w, k);
	jw_open(w, '[');
	for (int i = 0; i < s->n; i++) {
		jw_next(w);
		jw_open(w, '[');
		jw_next(w);
		jw_int(w, c[i].param);
		jw_next(w);
		jw_str(w, c[i].path);
		jw_next(w);
		jw_int(w, (long long)c[i].mask);
		jw_close(w, ']');
	}
	jw_close(w, ']');
}

static void effects_json(struct jw *w, const struct esc_func_report *f)
{
	jw_open(w, '[');
	for (int i = 0; i < f->neffects; i++) {
		const struct esc_effect *e = &f->effects[i];
		jw_next(w);
		jw_open(w, '{');
		k_str(w, "kind", effect_kinds[e->kind]);
		k_int(w, "param", e->param);
		k_str(w, "path", e->path);
		if (e->kind != ESC_FX_CALL)
			k_bool(w, "pointer", e->pointer);
		if (e->kind == ESC_FX_CLEAR)
			k_bool(w, "pop", e->pop);
		if (e->nonzero)
			k_bool(w, "nonzero", 1);
		/* the flag bits a write sets and may clear (absent: none,
		   and all) */
		if (e->setbits)
			k_int(w, "bits", (long long)e->setbits);
		if ((e->kind == ESC_FX_SET || e->kind == ESC_FX_CLEAR) &&
		    e->clrbits != ~(uint64_t)0)
			k_int(w, "clears", (long long)e->clrbits);
		if ((e->kind == ESC_FX_UNLINK || e->kind == ESC_FX_CALL) && e->guard) {
			k_str(w, "guard", e->guard);
			if (e->mask)
				k_int(w, "mask", (long long)e->mask);
			/* the guard a count, decremented, reaching 0 */
			if (e->dec)
				k_bool(w, "dec", 1);
		}
		if (e->kind == ESC_FX_FRESH && e->callee)
			k_str(w, "callee", e->callee);
		if ((e->kind == ESC_FX_UNLINK || e->kind == ESC_FX_CALL) && e->skip)
			k_conds(w, "skip", e->skip);
		if (e->refuse)
			k_conds(w, "refuse", e->refuse);
		if (e->kind == ESC_FX_CALL) {
			k_str(w, "callee", e->callee);
			k_int(w, "arg", e->arg);
			k_bool(w, "every", e->every);
			if (e->alt > 0)
				k_int(w, "alt", e->alt);
			if (e->altcover)
				k_bool(w, "altcover", 1);
			if (e->args) {
				jw_key(w, "args");
				jw_open(w, '[');
				for (int k = 0; k < e->args->n; k++) {
					jw_next(w);
					jw_open(w, '[');
					jw_next(w);
					jw_int(w, e->args->a[k].arg);
					jw_next(w);
					jw_int(w, e->args->a[k].param);
					jw_next(w);
					jw_str(w, e->args->a[k].path);
					jw_close(w, ']');
				}
				jw_close(w, ']');
			}
		}
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void undo_json(struct jw *w, const struct esc_warning *x)
{
	jw_open(w, '[');
	for (int i = 0; i < x->nundo; i++) {
		jw_next(w);
		jw_open(w, '{');
		k_str(w, "callee", x->undo[i].callee);
		jw_key(w, "args");
		jw_open(w, '[');
		for (int k = 0; k < x->undo[i].npairs; k++) {
			jw_next(w);
			jw_open(w, '[');
			jw_next(w);
			jw_int(w, x->undo[i].pairs[k][0]);
			jw_next(w);
			if (x->undo[i].pairs[k][1] < 0)
				jw_str(w, "result");
			else
				jw_int(w, x->undo[i].pairs[k][1]);
			jw_close(w, ']');
		}
		jw_close(w, ']');
		/* given what the keeper returned: the other calls given it
		   (null: an indirect call); null when it is stored where
		   another may take it */
		if (x->undo[i].names) {
			jw_key(w, "others");
			if (x->undo[i].others_known) {
				jw_open(w, '[');
				for (int k = 0; k < x->undo[i].nothers; k++) {
					jw_next(w);
					if (x->undo[i].names[k])
						jw_str(w, x->undo[i].names[k]);
					else
						jw_null(w);
				}
				jw_close(w, ']');
			} else {
				jw_null(w);
			}
		}
		if (x->undo[i].via) {
			jw_key(w, "through");
			jw_open(w, '{');
			k_str(w, "callee", x->undo[i].via);
			k_int(w, "object", x->undo[i].via_arg);
			if (x->undo[i].nbetween) {
				jw_key(w, "between");
				jw_open(w, '[');
				for (int b = 0; b < x->undo[i].nbetween; b++) {
					jw_next(w);
					jw_open(w, '{');
					k_str(w, "callee", x->undo[i].between[b]);
					k_int(w, "arg", x->undo[i].between_arg[b]);
					jw_close(w, '}');
				}
				jw_close(w, ']');
			}
			jw_close(w, '}');
		}
		/* a drain: the library's loop exits, and its other
		   functions with a loop model (the link step's call graph
		   stops at them) */
		/* the callees that must never return for it to undo */
		if (x->undo[i].nends) {
			jw_key(w, "ends");
			jw_open(w, '[');
			for (int k = 0; k < x->undo[i].nends; k++) {
				jw_next(w);
				jw_str(w, x->undo[i].ends[k]);
			}
			jw_close(w, ']');
		}
		if (x->undo[i].ndrain) {
			jw_key(w, "drain");
			jw_open(w, '{');
			jw_key(w, "exits");
			jw_open(w, '[');
			for (int k = 0; k < x->undo[i].nexits; k++) {
				jw_next(w);
				jw_str(w, x->undo[i].drain[k]);
			}
			jw_close(w, ']');
			jw_key(w, "library");
			jw_open(w, '[');
			for (int k = x->undo[i].nexits; k < x->undo[i].ndrain; k++) {
				jw_next(w);
				jw_str(w, x->undo[i].drain[k]);
			}
			jw_close(w, ']');
			/* the object's own callback, not followed from the
			   function, and the library's linking functions */
			if (x->undo[i].own) {
				k_str(w, "own", x->undo[i].own);
				jw_key(w, "links");
				jw_open(w, '[');
				for (int k = 0; k < x->undo[i].nlinks; k++) {
					jw_next(w);
					jw_str(w, x->undo[i].links[k]);
				}
				jw_close(w, ']');
			}
			jw_close(w, '}');
		}
		jw_close(w, '}');
	}
	jw_close(w, ']');
}

static void link_json(struct jw *w, const struct esc_func_report *f)
{
	jw_open(w, '{');
	k_str(w, "symbol", f->symbol);
	k_str(w, "signature", f->signature);
	jw_key(w, "summary");
	if (f->summary)
		summary_json(w, f->summary);
	else
		jw_null(w);
	jw_key(w, "local");
	jw_open(w, '{');
	jw_key(w, "params");
	jw_open(w, '[');
	for (int i = 0; i < f->nparams; i++) {
		jw_next(w);
		jw_derefs(w, f->params[i].local_heap);
	}
	jw_close(w, ']');
	jw_key(w, "locals");
	jw_open(w, '[');
	for (int i = 0; i < f->nlocals; i++) {
		jw_next(w);
		jw_bool(w, f->locals[i].local_escapes);
	}
	jw_close(w, ']');
	jw_key(w, "contents");
	jw_open(w, '[');
	for (int i = 0; i < f->nlocals; i++) {
		jw_next(w);
		jw_derefs(w, f->locals[i].local_content);
	}
	jw_close(w, ']');
	jw_key(w, "allocations");
	jw_open(w, '[');
	for (int i = 0; i < f->nallocs; i++) {
		jw_next(w);
		jw_bool(w, f->allocs[i].local_escapes);
	}
	jw_close(w, ']');
	jw_close(w, '}');
	jw_key(w, "imports");
	jw_open(w, '[');
	for (int i = 0; i < f->nimports; i++) {
		const struct esc_import *x = &f->imports[i];
		jw_next(w);
		jw_open(w, '{');
		k_int(w, owner_keys[x->owner_kind], x->owner);
		import_fields(w, x);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_key(w, "pending");
	jw_open(w, '[');
	for (int i = 0; i < f->nwarnings; i++) {
		const struct esc_warning *x = &f->warnings[i];
		if (!x->pending)
			continue;
		jw_next(w);
		jw_open(w, '{');
		k_name(w, "object", x->object);
		k_int(w, "local", x->pending->owner);
		k_str(w, "file", x->pos.file);
		k_positive(w, "line", x->pos.line);
		k_positive(w, "column", x->pos.col);
		jw_key(w, "call");
		jw_open(w, '{');
		import_fields(w, x->pending);
		jw_close(w, '}');
		k_bool(w, "suppressed", x->suppressed);
		k_flow(w, "flow", x->flow);
		jw_key(w, "undo");
		undo_json(w, x);
		jw_close(w, '}');
	}
	jw_close(w, ']');
	jw_key(w, "effects");
	effects_json(w, f);
	/* the functions it calls or takes the address of: the link
	   step's call graph */
	if (f->calls_known) {
		jw_key(w, "calls");
		jw_open(w, '[');
		for (int i = 0; i < f->ncalls; i++) {
			jw_next(w);
			jw_str(w, f->calls[i]);
		}
		jw_close(w, ']');
		k_bool(w, "indirect", f->indirect);
		/* the globals it writes or takes the address of */
		jw_key(w, "writes");
		jw_open(w, '[');
		for (int i = 0; i < f->nwrites; i++) {
			jw_next(w);
			jw_str(w, f->writes[i]);
		}
		jw_close(w, ']');
	}
	/* the callees it returns only through (the link step's "never
	   returns") */
	if (f->ends_known) {
		jw_key(w, "ends");
		jw_open(w, '[');
		for (int i = 0; i < f->nends; i++) {
			jw_next(w);
			jw_str(w, f->ends[i]);
		}
		jw_close(w, ']');
	}
	jw_close(w, '}');
}

/* ------------------------------------------------------------------ */
/* Diagnostics in the Language Server Protocol's shape                  */

/* file:// URI of a path, made absolute and canonical (realpath: no "..",
   no symlinks, so that an editor matches it with the file it has open),
   with the few characters a URI cannot carry percent-encoded.  The last
   answer is kept: diagnostics come file by file. */
static const char *uri(struct esc_report *r, const char *file)
{
	if (!file)
		file = "";
	if (r->last_file && !strcmp(r->last_file, file))
		return r->last_uri;
	char *abs = *file ? realpath(file, NULL) : NULL;
	if (!abs)
		abs = absolute_path(file);
	size_t n = strlen(abs);
	char *out = esc_xmalloc(7 + 3 * n + 1), *q = out;

	q += sprintf(q, "file://");
	for (const char *p = abs; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch <= ' ' || ch == '%' || ch == '#' || ch == '?' || ch >= 0x7f)
			q += sprintf(q, "%%%02X", ch);
		else
			*q++ = (char)ch;
	}
	*q = 0;
	free(r->last_file);
	free(r->last_uri);
	r->last_file = esc_xstrdup(file);
	r->last_uri = out;
	free(abs);
	return out;
}


/* An LSP range: 0-based, an empty span at the position.  Written at
   once, as the keys, objects and numbers it is would write it (there is
   one for each diagnostic and each related step: 10,000 on sqlite3.c at
   m=2, 18 M instructions a piece at a time). */
static void k_range(struct jw *w, struct esc_pos p)
{
	int line = p.line > 0 ? p.line - 1 : 0, ch = p.col > 0 ? p.col - 1 : 0;
	char num[2][24];
	size_t nn[2], d = (size_t)w->depth;
	for (int k = 0; k < 2; k++) {
		unsigned u = (unsigned)(k ? ch : line);
		char *e = num[k] + sizeof num[k];
		do
			*--e = (char)('0' + u % 10);
		while ((u /= 10));
		nn[k] = (size_t)(num[k] + sizeof num[k] - e);
		memmove(num[k], e, nn[k]);
	}
	/* 12 lines of at most (d + 2) * 2 + 1 bytes, their words, numbers */
	text_reserve(w->t, 12 * ((d + 2) * 2 + 1) + 96 + 2 * (nn[0] + nn[1]));
	char *o = w->t->s + w->t->len;
	if (!w->empty)
		*o++ = ',';
	o = PUT(put_indent(o, d), "\"range\": {");
	for (int k = 0; k < 2; k++) {
		o = put_indent(o, d + 1);
		o = k ? PUT(o, "\"end\": {") : PUT(o, "\"start\": {");
		o = PUT(put_indent(o, d + 2), "\"line\": ");
		o = put(o, num[0], nn[0]);
		*o++ = ',';
		o = PUT(put_indent(o, d + 2), "\"character\": ");
		o = put(o, num[1], nn[1]);
		o = put_indent(o, d + 1);
		*o++ = '}';
		if (!k)
			*o++ = ',';
	}
	o = put_indent(o, d);
	*o++ = '}';
	*o = 0;
	w->t->len = (size_t)(o - w->t->s);
	w->empty = 0;
}

enum { LSP_ERROR = 1, LSP_WARNING = 2, LSP_INFORMATION = 3 };

static void related_add(struct esc_report *r, struct jw *w, struct esc_pos at,
			struct esc_pos pos, const char *text)
{
	jw_next(w);
	jw_open(w, '{');
	jw_key(w, "location");
	jw_open(w, '{');
	k_str(w, "uri", uri(r, at.file ? at.file : pos.file));
	k_range(w, at);
	jw_close(w, '}');
	k_str(w, "message", text);
	jw_close(w, '}');
}

static void item_begin(struct esc_report *r, struct esc_text *t, struct jw *w);

static void diagnostic(struct esc_report *r, struct esc_pos pos, int severity,
		       const char *code, const char *message,
		       const struct esc_flow *flow, const struct esc_warning *x)
{
	struct jw w;
	char text[512];

	item_begin(r, &r->diagnostics, &w);
	jw_open(&w, '{');
	k_str(&w, "uri", uri(r, pos.file));
	k_range(&w, pos);
	k_int(&w, "severity", severity);
	k_str(&w, "code", code);
	k_str(&w, "source", "escape");
	k_str(&w, "message", message);
	jw_key(&w, "relatedInformation");
	jw_open(&w, '[');
	if (x) {
		/* the warning's notes before its flow, as GCC prints them */
		struct esc_pos at[2];
		char notes[2][300];
		int which = esc_warning_notes(x, at, notes);
		for (int k = 0; k < 2; k++)
			if (which & (1 << k))
				related_add(r, &w, at[k], pos, notes[k]);
	}
	for (int i = 0; flow && i < flow->nsteps; i++) {
		esc_step_text(&flow->steps[i], text, sizeof text);
		related_add(r, &w, flow->steps[i].pos, pos, text);
	}
	jw_close(&w, ']');
	jw_close(&w, '}');
}

/* What the notes and warnings of a function say, as diagnostics. */
static void add_diagnostics(struct esc_report *r, const struct esc_func_report *f)
{
	char text[512];

	for (int i = 0; i < f->nparams; i++) {
		const struct esc_param_report *p = &f->params[i];
		char msgs[2][256];
		const struct esc_flow *flows[2];
		int n = esc_param_messages(p, msgs, flows);
		for (int k = 0; k < n; k++)
			diagnostic(r, p->pos, LSP_INFORMATION,
				   flows[k] ? "leak" : "noescape", msgs[k], flows[k],
				   NULL);
	}
	for (int i = 0; i < f->nlocals; i++) {
		const struct esc_local_report *l = &f->locals[i];
		snprintf(text, sizeof text, "%s escapes to heap", l->name);
		for (int s = 0; s < l->nsites; s++)
			diagnostic(r, l->sites[s].pos, LSP_INFORMATION, "escape",
				   text, &l->sites[s].flow, NULL);
	}
	for (int i = 0; i < f->nallocs; i++) {
		const struct esc_alloc_report *a = &f->allocs[i];
		snprintf(text, sizeof text, "%s(...) %s", a->callee,
			 a->escapes ? "escapes to heap" : "does not escape");
		diagnostic(r, a->pos, LSP_INFORMATION,
			   a->escapes ? "escape" : "noescape", text,
			   a->escapes ? &a->flow : NULL, NULL);
	}
	for (int i = 0; i < f->nwarnings; i++) {
		const struct esc_warning *x = &f->warnings[i];
		/* where GCC's warning stands: the sink */
		struct esc_pos at = x->sink.line > 0 ? x->sink : x->pos;
		if (!x->suppressed && !x->pending)
			diagnostic(r, at, LSP_WARNING, "dangling", x->message,
				   x->flow, x);
	}
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

static int write_all(int fd, const char *buf, size_t n);

/* A temporary file nobody else can open (unlinked at once), or -1. */
static int spill_file(void)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	size_t n = strlen(dir);
	char *name = esc_xmalloc(n + sizeof "/escape-report.XXXXXX");
	sprintf(name, "%s/escape-report.XXXXXX", dir);
	int fd = mkstemp(name);
	if (fd >= 0) {
		unlink(name);
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	}
	free(name);
	return fd;
}

/* Moves t's text to the end of its spill file (see struct esc_text). */
static void spill(struct esc_text *t)
{
	if (t->no_spill || !t->len)
		return;
	if (t->fd < 0 && (t->fd = spill_file()) < 0) {
		t->no_spill = 1;
		return;
	}
	/* a short write leaves bytes past spilled, which are never read */
	if (lseek(t->fd, (off_t)t->spilled, SEEK_SET) < 0 ||
	    write_all(t->fd, t->s, t->len)) {
		t->no_spill = 1;
		return;
	}
	t->spilled += t->len;
	t->len = 0;
	t->s[0] = 0;
}

/* Starts the next item of an array of the document, two levels deep:
   the writer w then writes the item's value into t. */
static void item_begin(struct esc_report *r, struct esc_text *t, struct jw *w)
{
	if (t->len >= r->spill_at)
		spill(t);
	if (t->len || t->spilled)
		text_add(t, ",\n", 2);
	text_add(t, "    ", 4);
	w->t = t;
	w->depth = 2;
	w->empty = 1;
}

/* Copies the first n bytes of file in to out; 0, or -1 with errno. */
static int copy_spilled(int out, int in, size_t n)
{
	char buf[65536];
	off_t at = 0;

	while (n) {
		ssize_t got = pread(in, buf, n < sizeof buf ? n : sizeof buf,
				    at);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (!got)
				errno = EIO; /* shorter than what was written */
			return -1;
		}
		if (write_all(out, buf, (size_t)got))
			return -1;
		at += got;
		n -= (size_t)got;
	}
	return 0;
}

static int write_array(int fd, const char *key, const struct esc_text *items)
{
	return write_all(fd, ",\n  \"", 5) || write_all(fd, key, strlen(key)) ||
	       (items->len || items->spilled
			? write_all(fd, "\": [\n", 5) ||
				  copy_spilled(fd, items->fd, items->spilled) ||
				  write_all(fd, items->s, items->len) ||
				  write_all(fd, "\n  ]", 4)
			: write_all(fd, "\": []", 5));
}

/* Writes the whole document, as json_dumps(doc, JSON_INDENT(2)) would
   with the arrays in it, and a newline, piece by piece: the report is
   never held twice.  Returns 0, or -1 with errno. */
static int write_doc(int fd, const struct esc_report *r, const char *head)
{
	return write_all(fd, head, strlen(head)) ||
	       write_array(fd, "diagnostics", &r->diagnostics) ||
	       write_array(fd, "functions", &r->functions) ||
	       write_all(fd, r->tail.s ? r->tail.s : "", r->tail.len) ||
	       write_all(fd, "\n}\n", 3) ? -1 : 0;
}

struct esc_report *esc_report_new(const char *source, const char *gcc_version,
				  const char *flags)
{
	struct esc_report *r = esc_xcalloc(1, sizeof *r);
	struct jw w = { &r->head, 0, 1 };

	r->head.fd = r->diagnostics.fd = r->functions.fd = r->tail.fd = -1;
	r->spill_at = SPILL_AT;
	/* the keys before the arrays, the object left open */
	jw_open(&w, '{');
	k_int(&w, "version", 1);
	jw_key(&w, "tool");
	jw_open(&w, '{');
	k_str(&w, "name", "escape");
	k_str(&w, "version", ESCAPE_VERSION);
	jw_close(&w, '}');
	k_str(&w, "gcc", gcc_version);
	k_str(&w, "flags", flags);
	k_str(&w, "source", source ? source : "<stdin>");
	char *cwd = current_dir(); /* what relative file names are relative to */
	k_str(&w, "directory", cwd);
	free(cwd);
	/* what the unit's exported summaries were made of, so that a
	   summaries file can tell when its source has changed since */
	char *hash = esc_file_hash(source);
	k_str(&w, "source_hash", hash);
	free(hash);
	return r;
}

void esc_report_spill_at(struct esc_report *r, size_t bytes)
{
	r->spill_at = bytes;
}

size_t esc_report_held(const struct esc_report *r)
{
	return r->diagnostics.len + r->functions.len;
}

void esc_report_free(struct esc_report *r)
{
	if (!r)
		return;
	if (r->diagnostics.fd >= 0)
		close(r->diagnostics.fd);
	if (r->functions.fd >= 0)
		close(r->functions.fd);
	free(r->head.s);
	free(r->diagnostics.s);
	free(r->functions.s);
	free(r->tail.s);
	free(r->last_file);
	free(r->last_uri);
	free(r);
}

void esc_report_data_calls(struct esc_report *r, const char *const *names, int n,
			   const char *const *globals, int nglobals)
{
	struct jw w = { &r->tail, 1, 0 };
	r->tail.len = 0;
	jw_key(&w, "data_calls");
	jw_open(&w, '[');
	for (int i = 0; i < n; i++) {
		jw_next(&w);
		jw_str(&w, names[i]);
	}
	jw_close(&w, ']');
	jw_key(&w, "data_writes");
	jw_open(&w, '[');
	for (int i = 0; i < nglobals; i++) {
		jw_next(&w);
		jw_str(&w, globals[i]);
	}
	jw_close(&w, ']');
}

void esc_report_add(struct esc_report *r, const struct esc_func_report *f)
{
	struct jw w;

	item_begin(r, &r->functions, &w);
	jw_open(&w, '{');
	k_name(&w, "name", f->name);
	k_str(&w, "file", f->pos.file);
	k_positive(&w, "line", f->pos.line);
	k_positive(&w, "column", f->pos.col);
	k_str(&w, "gave_up", f->gave_up);
	jw_key(&w, "params");
	jw_open(&w, '[');
	for (int i = 0; i < f->nparams; i++) {
		jw_next(&w);
		param_json(&w, &f->params[i]);
	}
	jw_close(&w, ']');
	jw_key(&w, "locals");
	jw_open(&w, '[');
	for (int i = 0; i < f->nlocals; i++) {
		jw_next(&w);
		local_json(&w, &f->locals[i]);
	}
	jw_close(&w, ']');
	jw_key(&w, "allocations");
	jw_open(&w, '[');
	for (int i = 0; i < f->nallocs; i++) {
		jw_next(&w);
		alloc_json(&w, &f->allocs[i]);
	}
	jw_close(&w, ']');
	jw_key(&w, "warnings");
	jw_open(&w, '[');
	for (int i = 0; i < f->nwarnings; i++)
		if (!f->warnings[i].pending) {
			jw_next(&w);
			warning_json(&w, &f->warnings[i]);
		}
	jw_close(&w, ']');
	jw_key(&w, "link");
	link_json(&w, f);
	jw_close(&w, '}');
	add_diagnostics(r, f);
}


/* ------------------------------------------------------------------ */
/* Writing                                                             */

static int fail(char *err, size_t errlen, const char *path, int errnum)
{
	if (err && errlen)
		snprintf(err, errlen, "cannot write JSON report '%s': %s",
			 path, strerror(errnum));
	return -1;
}

static int write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The file mode open(2) would give a new file: 0666 & ~umask. */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* Longest part of the target's name kept in the temporary's, so that
   ".NAME.XXXXXX" stays within NAME_MAX (255) however long NAME is. */
#define TMP_NAME_KEEP 200

int esc_report_write(const struct esc_report *r, const char *path, char *err,
		     size_t errlen)
{
	const char *slash, *base;
	size_t dirlen, baselen;
	const char *text = r->head.s;
	char *tmp;
	int fd, errnum = 0;

	if (!path || !*path)
		return fail(err, errlen, path ? path : "", ENOENT);

	/* What is already there decides how: a symbolic link is followed
	   (as gcc -o follows it), a device or FIFO (/dev/null, a pipe to a
	   reader) is written to in place - renaming over it would replace
	   it - and only a regular file, or nothing, is replaced whole. */
	struct stat st;
	char *real = NULL;
	if (!lstat(path, &st) && S_ISLNK(st.st_mode)) {
		real = realpath(path, NULL);
		if (!real && errno == ENOENT) {
			/* a link to a file yet to be made: make it there */
			char target[4096];
			ssize_t n = readlink(path, target, sizeof target - 1);
			const char *sl = strrchr(path, '/');
			if (n > 0) {
				target[n] = 0;
				size_t dl = target[0] == '/' || !sl
						? 0 : (size_t)(sl - path) + 1;
				real = esc_xmalloc(dl + (size_t)n + 1);
				sprintf(real, "%.*s%s", (int)dl, path, target);
			}
		}
		if (!real) {
			errnum = errno;
			return fail(err, errlen, path, errnum);
		}
		path = real;
	}
	if (!stat(path, &st) && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0 || write_doc(fd, r, text))
			errnum = errno;
		if (fd >= 0 && close(fd) && !errnum)
			errnum = errno;
		errnum = errnum ? fail(err, errlen, path, errnum) : 0;
		free(real);
		return errnum;
	}

	slash = strrchr(path, '/');
	base = slash ? slash + 1 : path;
	dirlen = (size_t)(base - path);
	baselen = strlen(base);
	if (baselen > TMP_NAME_KEEP)
		baselen = TMP_NAME_KEEP;
	tmp = esc_xmalloc(dirlen + baselen + sizeof "/..XXXXXX");
	sprintf(tmp, "%.*s.%.*s.XXXXXX", (int)dirlen, path, (int)baselen,
		base);

	fd = mkstemp(tmp);
	if (fd < 0) {
		errnum = errno;
		goto out;
	}
	/* fsync's EINVAL: a file system that cannot sync, nothing to do */
	if (write_doc(fd, r, text) ||
	    fchmod(fd, new_file_mode()) || (fsync(fd) && errno != EINVAL)) {
		errnum = errno;
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (close(fd)) {
		errnum = errno;
		unlink(tmp);
		goto out;
	}
	if (rename(tmp, path)) {
		errnum = errno;
		unlink(tmp);
	}
out:
	free(tmp);
	if (errnum)
		errnum = fail(err, errlen, path, errnum);
	free(real);
	return errnum;
}

/* ------------------------------------------------------------------ */
/* Report names in a directory                                         */

#define FNV_OFFSET UINT64_C(14695981039346656037)
#define FNV_PRIME UINT64_C(1099511628211)

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	/* the same hash, 8 bytes a turn of the loop (a source file of
	   several MB is hashed for each report) */
	for (; i + 8 <= n; i += 8) {
		h = (h ^ u[i]) * FNV_PRIME;
		h = (h ^ u[i + 1]) * FNV_PRIME;
		h = (h ^ u[i + 2]) * FNV_PRIME;
		h = (h ^ u[i + 3]) * FNV_PRIME;
		h = (h ^ u[i + 4]) * FNV_PRIME;
		h = (h ^ u[i + 5]) * FNV_PRIME;
		h = (h ^ u[i + 6]) * FNV_PRIME;
		h = (h ^ u[i + 7]) * FNV_PRIME;
	}
	for (; i < n; i++)
		h = (h ^ u[i]) * FNV_PRIME;
	return h;
}

char *esc_file_hash(const char *path)
{
	FILE *f = path ? fopen(path, "rb") : NULL;
	uint64_t h = FNV_OFFSET;
	char buf[65536];
	size_t n;
	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		h = fnv1a(h, buf, n);
	int bad = ferror(f);
	fclose(f);
	if (bad)
		return NULL;
	char *out = esc_xmalloc(17);
	snprintf(out, 17, "%016llx", (unsigned long long)h);
	return out;
}

/* The current directory, malloc'ed, or NULL if it cannot be known. */
static char *current_dir(void)
{
	size_t size = 256;

	for (;;) {
		char *buf = esc_xmalloc(size);
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			return NULL;
		size *= 2;
	}
}

char *esc_path_collapse(const char *path)
{
	char *out = esc_xmalloc(strlen(path) + 2), *q = out;
	const char *p = path;

	if (*p == '/')
		*q++ = '/';
	while (*p) {
		const char *end;
		size_t n;

		while (*p == '/')
			p++;
		end = strchr(p, '/');
		n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0)
			break;
		if (!(n == 1 && p[0] == '.')) {
			if (q != out && q[-1] != '/')
				*q++ = '/';
			memcpy(q, p, n);
			q += n;
		}
		p += n;
	}
	*q = 0;
	return out;
}

/*
 * The absolute form of path: relative paths are taken from the current
 * directory, then collapsed (esc_path_collapse), so that "util.c",
 * "./util.c" and "$PWD/util.c" are one source.
 */
static char *absolute_path(const char *path)
{
	char *cwd = path[0] == '/' ? NULL : current_dir();
	char *joined = esc_xmalloc((cwd ? strlen(cwd) : 0) + 1 + strlen(path) + 1);
	char *out;

	sprintf(joined, "%s%s%s", cwd ? cwd : "", cwd ? "/" : "", path);
	free(cwd);
	out = esc_path_collapse(joined);
	free(joined);
	return out;
}

char *esc_report_path_in_dir(const char *dir, const char *source,
			     const char *output)
{
	const char *base, *slash;
	size_t dirlen = dir ? strlen(dir) : 0;
	int sep;
	uint64_t h;
	char *abs, *name;

	if (!source || !*source)
		source = "stdin";
	if (!output)
		output = "";
	abs = absolute_path(source);
	h = fnv1a(FNV_OFFSET, abs, strlen(abs) + 1); /* with its NUL */
	h = fnv1a(h, output, strlen(output));
	free(abs);

	slash = strrchr(source, '/');
	base = slash ? slash + 1 : source;
	if (!*base)
		base = "stdin";
	/* "DIR/" and "DIR" are the same directory; "" is the current one */
	sep = dirlen && dir[dirlen - 1] != '/';
	name = esc_xmalloc(dirlen + sep + strlen(base) + 1 + 16 +
			   sizeof ".json");
	sprintf(name, "%s%s%s.%016llx.json", dir ? dir : "", sep ? "/" : "",
		base, (unsigned long long)h);
	return name;
}
