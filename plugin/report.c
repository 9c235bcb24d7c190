/*
 * report.c - the JSON report of a translation unit (Jansson).
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
 * Keys appear in that order (Jansson keeps insertion order).  Every key is
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
 * esc_report_add turns a function's report into JSON at once, so the
 * esc_func_report can be freed right after; the strings are copied.
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

#include <jansson.h>

/* The arrays' items are turned into text as they come, indented as they
   will sit in the document: a unit's report is about 15 times smaller as
   text than as Jansson values.  It is kept until the end of the unit, when
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
	json_t *doc;                /* the document's keys before the arrays */
	struct esc_text diagnostics; /* the items of "diagnostics", */
	struct esc_text functions;   /* and of "functions", which end it */
	struct esc_text dump;        /* scratch: one item as Jansson dumps it */
	size_t spill_at;             /* SPILL_AT; esc_report_spill_at */
};

static char *absolute_path(const char *path);
static void add_item(struct esc_report *r, struct esc_text *t, json_t *v);
static char *current_dir(void);

/* ------------------------------------------------------------------ */
/* Building JSON values                                                */

/* Jansson returns NULL when out of memory; like esc_xmalloc, give up. */
static json_t *must(json_t *v)
{
	if (!v) {
		fprintf(stderr, "escape: out of memory\n");
		exit(1);
	}
	return v;
}

/* key: one of this file's literals, ASCII, so Jansson need not check it */
static void put(json_t *obj, const char *key, json_t *v)
{
	if (json_object_set_new_nocheck(obj, key, must(v)))
		must(NULL);
}

static void append(json_t *arr, json_t *v)
{
	if (json_array_append_new(arr, must(v)))
		must(NULL);
}

/* Length of the valid UTF-8 sequence at s, or 0 if there is none. */
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

/* A JSON string of s (null for NULL), bad UTF-8 bytes made U+FFFD. */
static json_t *str(const char *s)
{
	static const char fffd[] = "\xef\xbf\xbd";
	const unsigned char *p = (const unsigned char *)s;
	char *buf, *q;
	json_t *v;

	if (!s)
		return must(json_null());
	/* ASCII, as nearly every string here is, is valid UTF-8: spare
	   Jansson its check, the costlier part of making the value */
	size_t ascii = 0;
	while (p[ascii] && p[ascii] < 0x80)
		ascii++;
	if (!p[ascii])
		return must(json_stringn_nocheck(s, ascii));
	v = json_string(s);
	if (v)
		return v;
	q = buf = esc_xmalloc(3 * strlen(s) + 1);
	while (*p) {
		size_t n = utf8_seq(p);
		if (n) {
			memcpy(q, p, n);
			q += n;
			p += n;
		} else {
			memcpy(q, fffd, 3);
			q += 3;
			p++;
		}
	}
	*q = '\0';
	v = json_string(buf);
	free(buf);
	return must(v);
}

/* A name the schema promises is a string: functions, parameters, stack
   objects and allocators always have one, but should one be missing the
   document stays valid. */
static json_t *name(const char *s)
{
	return str(s ? s : "(unnamed)");
}

/* A count that is meaningful only when positive: lines, columns,
   argument numbers (0 = unknown or none). */
static json_t *positive(int n)
{
	return must(n > 0 ? json_integer(n) : json_null());
}

/* A leak's deref count: -1 = no leak. */
static json_t *derefs(int n)
{
	return must(n >= 0 ? json_integer(n) : json_null());
}

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

static json_t *step_json(const struct esc_step *s)
{
	json_t *o = must(json_object());

	put(o, "kind", str(esc_step_name(s->kind)));
	put(o, "file", str(s->pos.file));
	put(o, "line", positive(s->pos.line));
	put(o, "column", positive(s->pos.col));
	put(o, "what", str(s->what));
	/* a nested function's static chain: "chain" */
	put(o, "arg", s->arg == ESC_ARG_CHAIN ? str("chain") : positive(s->arg));
	return o;
}

/* A flow: {"sink"?, "steps", "truncated"}; the root it reaches (a
   parameter's flows) is put first, as "sink", if given. */
static json_t *flow_json(const struct esc_flow *f, const char *root)
{
	json_t *o = must(json_object());
	json_t *steps = must(json_array());

	if (root)
		put(o, "sink", str(root));
	for (int i = 0; i < f->nsteps; i++)
		append(steps, step_json(&f->steps[i]));
	put(o, "steps", steps);
	put(o, "truncated", json_boolean(f->truncated));
	return o;
}

static json_t *param_json(const struct esc_param_report *p)
{
	json_t *o = must(json_object());
	json_t *flows = must(json_array());

	put(o, "name", name(p->name));
	put(o, "index", json_integer(p->index));
	put(o, "line", positive(p->pos.line));
	put(o, "column", positive(p->pos.col));
	put(o, "leaks_to_heap", derefs(p->leaks_to_heap));
	put(o, "leaks_to_result", derefs(p->leaks_to_result));
	if (p->leaks_to_heap >= 0)
		append(flows, flow_json(&p->heap_flow, "heap"));
	if (p->leaks_to_result >= 0)
		append(flows, flow_json(&p->result_flow, "result"));
	put(o, "flows", flows);
	return o;
}

static json_t *local_json(const struct esc_local_report *l)
{
	json_t *o = must(json_object());
	json_t *sites = must(json_array());

	put(o, "name", name(l->name));
	put(o, "kind", str(obj_kind_name(l->kind)));
	put(o, "line", positive(l->pos.line));
	put(o, "column", positive(l->pos.col));
	put(o, "escapes", json_boolean(l->escapes));
	for (int i = 0; i < l->nsites; i++) {
		const struct esc_site_report *s = &l->sites[i];
		json_t *site = must(json_object());

		put(site, "file", s->pos.file ? str(s->pos.file) : json_null());
		put(site, "line", positive(s->pos.line));
		put(site, "column", positive(s->pos.col));
		put(site, "flow", flow_json(&s->flow, NULL));
		append(sites, site);
	}
	put(o, "sites", sites);
	return o;
}

static json_t *alloc_json(const struct esc_alloc_report *a)
{
	json_t *o = must(json_object());

	put(o, "callee", name(a->callee));
	put(o, "line", positive(a->pos.line));
	put(o, "column", positive(a->pos.col));
	put(o, "escapes", json_boolean(a->escapes));
	put(o, "flow", a->escapes ? flow_json(&a->flow, NULL) : json_null());
	return o;
}

/* A dangling address: {"rule", "object", "file", "line", "column" (where
   it stands, as GCC's warning: the sink), "address": {"line", "column"},
   "sink": {"line", "column"}, "message", "suppressed", "flow"}. */
static json_t *warning_json(const struct esc_warning *w)
{
	json_t *o = must(json_object());
	json_t *sink = must(json_object()), *addr = must(json_object());
	struct esc_pos at = w->sink.line > 0 ? w->sink : w->pos;

	put(o, "rule", str(w->id));
	put(o, "object", name(w->object));
	at.file = at.file ? at.file : w->pos.file;
	put(o, "file", at.file ? str(at.file) : json_null());
	put(o, "line", positive(at.line));
	put(o, "column", positive(at.col));
	put(addr, "line", positive(w->pos.line));
	put(addr, "column", positive(w->pos.col));
	put(o, "address", addr);
	put(sink, "line", positive(w->sink.line));
	put(sink, "column", positive(w->sink.col));
	put(o, "sink", sink);
	put(o, "message", str(w->message));
	put(o, "suppressed", json_boolean(w->suppressed));
	put(o, "flow", w->flow ? flow_json(w->flow, NULL) : json_null());
	return o;
}

/* ------------------------------------------------------------------ */
/* Export data: what the link step needs (docs/report.md, "link")       */

static json_t *levels(const signed char *v, int n)
{
	json_t *a = must(json_array());
	for (int i = 0; i < n; i++)
		append(a, derefs(v[i]));
	return a;
}

static json_t *summary_json(const struct esc_summary *s)
{
	json_t *o = must(json_object()), *stores = must(json_array());
	int n = s->nparams + 1; /* the last: the varargs */

	put(o, "nparams", json_integer(s->nparams));
	put(o, "heap", levels(s->heap, n));
	put(o, "sure", levels(s->sure, n));
	put(o, "result", levels(s->result, n));
	put(o, "local_heap", levels(s->local_heap, n));
	put(o, "local_sure", levels(s->local_sure, n));
	put(o, "local_result", levels(s->local_result, n));
	for (int i = 0; i < s->nstores; i++) {
		json_t *st = must(json_object());
		put(st, "from", json_integer(s->stores[i].from));
		put(st, "to", s->stores[i].to == ESC_FRESH_RESULT ? str("result")
				: json_integer(s->stores[i].to));
		put(st, "derefs", json_integer(s->stores[i].derefs));
		put(st, "level", json_integer(s->stores[i].level));
		if (s->stores[i].assumed)
			put(st, "assumed", json_true());
		append(stores, st);
	}
	put(o, "stores", stores);
	put(o, "fresh", json_boolean(s->fresh));
	put(o, "result_other", json_boolean(s->result_other));
	put(o, "gave_up", json_boolean(s->gave_up));
	/* the variadic arguments are surely kept only for these constants
	   of argument "param" (esc_summary.vwhen) */
	if (s->vwhen_param >= 0 && s->nvwhen) {
		json_t *w = must(json_object()), *vals = must(json_array());
		put(w, "param", json_integer(s->vwhen_param));
		for (int i = 0; i < s->nvwhen; i++)
			append(vals, json_integer((json_int_t)s->vwhen[i]));
		put(w, "values", vals);
		put(o, "vwhen", w);
	}
	/* the sure leaks when argument "param" is a constant with no bit
	   of "mask" set (esc_summary.guards) */
	if (s->nguards) {
		json_t *gs = must(json_array());
		for (int k = 0; k < s->nguards; k++) {
			json_t *gd = must(json_object());
			put(gd, "param", json_integer(s->guards[k].param));
			put(gd, "mask", json_integer((json_int_t)s->guards[k].mask));
			put(gd, "sure", levels(s->guards[k].sure, n));
			append(gs, gd);
		}
		put(o, "guards", gs);
	}
	return o;
}

static const char *const owner_keys[] = { "param", "local", "allocation" };

static void import_fields(json_t *o, const struct esc_import *x)
{
	put(o, "callee", str(x->callee));
	put(o, "arg", json_integer(x->arg));
	put(o, "derefs", json_integer(x->derefs));
	put(o, "value_result", derefs(x->value_result));
	put(o, "value_heap", derefs(x->value_heap));
	put(o, "void", json_boolean(x->sure));
	put(o, "addr", json_boolean(x->addr));
	put(o, "file", str(x->pos.file));
	put(o, "line", positive(x->pos.line));
	put(o, "column", positive(x->pos.col));
	if (x->nconsts) {
		json_t *c = must(json_array());
		for (int i = 0; i < x->nconsts; i++) {
			json_t *p = must(json_array());
			append(p, json_integer(x->consts[i].arg));
			append(p, json_integer((json_int_t)x->consts[i].value));
			append(c, p);
		}
		put(o, "consts", c);
	}
}

static const char *const effect_kinds[] = { "set", "clear", "call", "unlink" };

static json_t *effects_json(const struct esc_func_report *f)
{
	json_t *a = must(json_array());
	for (int i = 0; i < f->neffects; i++) {
		const struct esc_effect *e = &f->effects[i];
		json_t *o = must(json_object());
		put(o, "kind", str(effect_kinds[e->kind]));
		put(o, "param", json_integer(e->param));
		put(o, "path", str(e->path));
		if (e->kind != ESC_FX_CALL)
			put(o, "pointer", json_boolean(e->pointer));
		if (e->kind == ESC_FX_CLEAR)
			put(o, "pop", json_boolean(e->pop));
		if (e->nonzero)
			put(o, "nonzero", json_true());
		/* the flag bits a write sets and may clear (absent: none,
		   and all) */
		if (e->setbits)
			put(o, "bits", json_integer((json_int_t)e->setbits));
		if ((e->kind == ESC_FX_SET || e->kind == ESC_FX_CLEAR) &&
		    e->clrbits != ~(uint64_t)0)
			put(o, "clears", json_integer((json_int_t)e->clrbits));
		if ((e->kind == ESC_FX_UNLINK || e->kind == ESC_FX_CALL) && e->guard) {
			put(o, "guard", str(e->guard));
			if (e->mask)
				put(o, "mask", json_integer((json_int_t)e->mask));
		}
		if (e->kind == ESC_FX_CALL) {
			put(o, "callee", str(e->callee));
			put(o, "arg", json_integer(e->arg));
			put(o, "every", json_boolean(e->every));
			if (e->alt > 0)
				put(o, "alt", json_integer(e->alt));
		}
		append(a, o);
	}
	return a;
}

static json_t *undo_json(const struct esc_warning *w)
{
	json_t *a = must(json_array());
	for (int i = 0; i < w->nundo; i++) {
		json_t *o = must(json_object()), *pairs = must(json_array());
		put(o, "callee", str(w->undo[i].callee));
		for (int k = 0; k < w->undo[i].npairs; k++) {
			json_t *pr = must(json_array());
			append(pr, json_integer(w->undo[i].pairs[k][0]));
			append(pr, w->undo[i].pairs[k][1] < 0 ? str("result")
				   : json_integer(w->undo[i].pairs[k][1]));
			append(pairs, pr);
		}
		put(o, "args", pairs);
		if (w->undo[i].via) {
			json_t *via = must(json_object());
			put(via, "callee", str(w->undo[i].via));
			put(via, "object", json_integer(w->undo[i].via_arg));
			put(o, "through", via);
		}
		append(a, o);
	}
	return a;
}

static json_t *link_json(const struct esc_func_report *f)
{
	json_t *o = must(json_object()), *local = must(json_object());
	json_t *a, *imports = must(json_array()), *pending = must(json_array());

	put(o, "symbol", str(f->symbol));
	put(o, "signature", str(f->signature));
	put(o, "summary", f->summary ? summary_json(f->summary) : json_null());
	a = must(json_array());
	for (int i = 0; i < f->nparams; i++)
		append(a, derefs(f->params[i].local_heap));
	put(local, "params", a);
	a = must(json_array());
	for (int i = 0; i < f->nlocals; i++)
		append(a, json_boolean(f->locals[i].local_escapes));
	put(local, "locals", a);
	a = must(json_array());
	for (int i = 0; i < f->nlocals; i++)
		append(a, derefs(f->locals[i].local_content));
	put(local, "contents", a);
	a = must(json_array());
	for (int i = 0; i < f->nallocs; i++)
		append(a, json_boolean(f->allocs[i].local_escapes));
	put(local, "allocations", a);
	put(o, "local", local);
	for (int i = 0; i < f->nimports; i++) {
		const struct esc_import *x = &f->imports[i];
		json_t *im = must(json_object());
		put(im, owner_keys[x->owner_kind], json_integer(x->owner));
		import_fields(im, x);
		append(imports, im);
	}
	put(o, "imports", imports);
	for (int i = 0; i < f->nwarnings; i++) {
		const struct esc_warning *w = &f->warnings[i];
		if (!w->pending)
			continue;
		json_t *pw = must(json_object()), *call = must(json_object());
		put(pw, "object", name(w->object));
		put(pw, "local", json_integer(w->pending->owner));
		put(pw, "file", str(w->pos.file));
		put(pw, "line", positive(w->pos.line));
		put(pw, "column", positive(w->pos.col));
		import_fields(call, w->pending);
		put(pw, "call", call);
		put(pw, "suppressed", json_boolean(w->suppressed));
		put(pw, "flow", w->flow ? flow_json(w->flow, NULL) : json_null());
		put(pw, "undo", undo_json(w));
		append(pending, pw);
	}
	put(o, "pending", pending);
	put(o, "effects", effects_json(f));
	return o;
}

/* ------------------------------------------------------------------ */
/* Diagnostics in the Language Server Protocol's shape                  */

/* file:// URI of a path, made absolute and canonical (realpath: no "..",
   no symlinks, so that an editor matches it with the file it has open),
   with the few characters a URI cannot carry percent-encoded.  The last
   answer is kept: diagnostics come file by file. */
static json_t *uri(const char *file)
{
	static char *last_file;
	static json_t *last_uri; /* shared: a value may sit in many places */
	if (!file)
		file = "";
	if (last_file && !strcmp(last_file, file))
		return json_incref(last_uri);
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
	free(last_file);
	json_decref(last_uri);
	last_file = esc_xstrdup(file);
	last_uri = str(out);
	free(abs);
	free(out);
	return json_incref(last_uri);
}

/* An LSP range: 0-based, an empty span at the position. */
static json_t *range(struct esc_pos p)
{
	json_t *r = must(json_object()), *start = must(json_object());
	json_t *end = must(json_object());
	int line = p.line > 0 ? p.line - 1 : 0, ch = p.col > 0 ? p.col - 1 : 0;

	put(start, "line", json_integer(line));
	put(start, "character", json_integer(ch));
	put(end, "line", json_integer(line));
	put(end, "character", json_integer(ch));
	put(r, "start", start);
	put(r, "end", end);
	return r;
}

enum { LSP_ERROR = 1, LSP_WARNING = 2, LSP_INFORMATION = 3 };

static void related_add(json_t *related, struct esc_pos at,
			struct esc_pos pos, const char *text)
{
	json_t *info = must(json_object()), *loc = must(json_object());
	put(loc, "uri", uri(at.file ? at.file : pos.file));
	put(loc, "range", range(at));
	put(info, "location", loc);
	put(info, "message", str(text));
	append(related, info);
}

static void diagnostic(struct esc_report *r, struct esc_pos pos, int severity,
		       const char *code, const char *message,
		       const struct esc_flow *flow, const struct esc_warning *w)
{
	json_t *d = must(json_object()), *related = must(json_array());
	char text[512];

	put(d, "uri", uri(pos.file));
	put(d, "range", range(pos));
	put(d, "severity", json_integer(severity));
	put(d, "code", str(code));
	put(d, "source", str("escape"));
	put(d, "message", str(message));
	if (w) {
		/* the warning's notes before its flow, as GCC prints them */
		struct esc_pos at[2];
		char notes[2][300];
		int which = esc_warning_notes(w, at, notes);
		for (int k = 0; k < 2; k++)
			if (which & (1 << k))
				related_add(related, at[k], pos, notes[k]);
	}
	for (int i = 0; flow && i < flow->nsteps; i++) {
		esc_step_text(&flow->steps[i], text, sizeof text);
		related_add(related, flow->steps[i].pos, pos, text);
	}
	put(d, "relatedInformation", related);
	add_item(r, &r->diagnostics, d);
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
		const struct esc_warning *w = &f->warnings[i];
		/* where GCC's warning stands: the sink */
		struct esc_pos at = w->sink.line > 0 ? w->sink : w->pos;
		if (!w->suppressed && !w->pending)
			diagnostic(r, at, LSP_WARNING, "dangling", w->message,
				   w->flow, w);
	}
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

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

/* A string as Jansson's dump_string writes it without JSON_ENSURE_ASCII
   and JSON_ESCAPE_SLASH: '"', '\\' and control characters escaped, the
   rest (valid UTF-8: str and json_string made it so) as it is. */
static void dump_string(struct esc_text *t, const char *s, size_t len)
{
	text_reserve(t, 2 + 6 * len);
	char *o = t->s + t->len;
	*o++ = '"';
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
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
		default: {
			static const char hex[] = "0123456789ABCDEF";
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
		}
	}
	*o++ = '"';
	t->len = (size_t)(o - t->s);
	t->s[t->len] = 0;
}

/* v as json_dumpb (v, ..., JSON_INDENT(2)) writes it at depth (Jansson
   2.14's do_dump: insertion order, ": " between key and value, each
   member or element on a line of its own, "{}" and "[]" when empty),
   appended to t.  0, or -1 if v holds a value this writer leaves to
   Jansson (a real). */
static int dump_value(struct esc_text *t, json_t *v, int depth)
{
	char num[32];
	switch (json_typeof(v)) {
	case JSON_OBJECT: {
		void *it = json_object_iter(v);
		if (!it) {
			text_add(t, "{}", 2);
			return 0;
		}
		text_add(t, "{", 1);
		dump_indent(t, depth + 1);
		while (it) {
			void *next = json_object_iter_next(v, it);
			const char *key = json_object_iter_key(it);
			dump_string(t, key, strlen(key));
			text_add(t, ": ", 2);
			if (dump_value(t, json_object_iter_value(it), depth + 1))
				return -1;
			if (next)
				text_add(t, ",", 1);
			dump_indent(t, next ? depth + 1 : depth);
			it = next;
		}
		text_add(t, "}", 1);
		return 0;
	}
	case JSON_ARRAY: {
		size_t n = json_array_size(v);
		if (!n) {
			text_add(t, "[]", 2);
			return 0;
		}
		text_add(t, "[", 1);
		dump_indent(t, depth + 1);
		for (size_t i = 0; i < n; i++) {
			if (dump_value(t, json_array_get(v, i), depth + 1))
				return -1;
			if (i + 1 < n)
				text_add(t, ",", 1);
			dump_indent(t, i + 1 < n ? depth + 1 : depth);
		}
		text_add(t, "]", 1);
		return 0;
	}
	case JSON_STRING:
		dump_string(t, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER: {
		/* "%" JSON_INTEGER_FORMAT, as Jansson prints it */
		json_int_t x = json_integer_value(v);
		unsigned long long u = x < 0 ? 0ull - (unsigned long long)x
					     : (unsigned long long)x;
		char *e = num + sizeof num;
		do
			*--e = (char)('0' + u % 10);
		while ((u /= 10));
		if (x < 0)
			*--e = '-';
		text_add(t, e, (size_t)(num + sizeof num - e));
		return 0;
	}
	case JSON_TRUE:
		text_add(t, "true", 4);
		return 0;
	case JSON_FALSE:
		text_add(t, "false", 5);
		return 0;
	case JSON_NULL:
		text_add(t, "null", 4);
		return 0;
	default:
		return -1;
	}
}

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

/* Appends v (and drops it) as the next item of an array of the document:
   the text json_dumps would give it there, two levels deep, written by
   dump_value (Jansson's own dump, through its output callback, was about
   two thirds of the plugin's time with m=2 + json=).  For a value it
   leaves to Jansson, Jansson dumps it into a scratch buffer, kept from
   item to item, which is then copied with each line indented two levels
   more. */
static void add_item(struct esc_report *r, struct esc_text *t, json_t *v)
{
	if (t->len >= r->spill_at)
		spill(t);
	size_t at = t->len;
	if (t->len || t->spilled)
		text_add(t, ",\n", 2);
	text_add(t, "    ", 4);
	if (!dump_value(t, v, 2)) {
		json_decref(v);
		return;
	}
	t->len = at;
	if (t->s)
		t->s[at] = 0;

	struct esc_text *d = &r->dump;
	size_t n = json_dumpb(v, d->s, d->cap, JSON_INDENT(2));
	if (n > d->cap) {
		d->len = 0;
		text_reserve(d, n);
		n = json_dumpb(v, d->s, d->cap, JSON_INDENT(2));
	}
	json_decref(v);
	must(n > 0 && n <= d->cap ? json_true() : NULL);

	size_t lines = 1;
	for (const char *p = d->s, *end = d->s + n;
	     (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		lines++;
	text_reserve(t, 2 + 4 * lines + n);
	if (t->len || t->spilled)
		text_add(t, ",\n", 2);
	const char *p = d->s, *end = d->s + n;
	for (;;) {
		text_add(t, "    ", 4);
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl) {
			text_add(t, p, (size_t)(end - p));
			break;
		}
		text_add(t, p, (size_t)(nl - p) + 1);
		p = nl + 1;
	}
}

/* The document's head: json_dumps(doc, JSON_INDENT(2)) of the keys
   before the arrays, without its closing "\n}"; NULL when out of memory. */
static char *report_head(const struct esc_report *r)
{
	char *head = json_dumps(r->doc, JSON_INDENT(2));
	size_t n = head ? strlen(head) : 0;

	if (n < 2 || strcmp(head + n - 2, "\n}")) {
		free(head);
		return NULL;
	}
	head[n - 2] = 0;
	return head;
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
	       write_all(fd, "\n}\n", 3) ? -1 : 0;
}

struct esc_report *esc_report_new(const char *source, const char *gcc_version,
				  const char *flags)
{
	struct esc_report *r = esc_xmalloc(sizeof *r);
	json_t *tool = must(json_object());

	r->doc = must(json_object());
	put(r->doc, "version", json_integer(1));
	put(tool, "name", str("escape"));
	put(tool, "version", str(ESCAPE_VERSION));
	put(r->doc, "tool", tool);
	put(r->doc, "gcc", str(gcc_version));
	put(r->doc, "flags", str(flags));
	put(r->doc, "source", str(source ? source : "<stdin>"));
	char *cwd = current_dir(); /* what relative file names are relative to */
	put(r->doc, "directory", cwd ? str(cwd) : json_null());
	free(cwd);
	/* what the unit's exported summaries were made of, so that a
	   summaries file can tell when its source has changed since */
	char *hash = esc_file_hash(source);
	put(r->doc, "source_hash", str(hash));
	free(hash);
	memset(&r->diagnostics, 0, sizeof r->diagnostics);
	memset(&r->functions, 0, sizeof r->functions);
	memset(&r->dump, 0, sizeof r->dump);
	r->diagnostics.fd = r->functions.fd = r->dump.fd = -1;
	r->spill_at = SPILL_AT;
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
	json_decref(r->doc);
	if (r->diagnostics.fd >= 0)
		close(r->diagnostics.fd);
	if (r->functions.fd >= 0)
		close(r->functions.fd);
	free(r->diagnostics.s);
	free(r->functions.s);
	free(r->dump.s);
	free(r);
}

void esc_report_add(struct esc_report *r, const struct esc_func_report *f)
{
	json_t *o = must(json_object());
	json_t *params = must(json_array());
	json_t *locals = must(json_array());
	json_t *allocs = must(json_array());

	put(o, "name", name(f->name));
	put(o, "file", str(f->pos.file));
	put(o, "line", positive(f->pos.line));
	put(o, "column", positive(f->pos.col));
	put(o, "gave_up", str(f->gave_up));
	for (int i = 0; i < f->nparams; i++)
		append(params, param_json(&f->params[i]));
	put(o, "params", params);
	for (int i = 0; i < f->nlocals; i++)
		append(locals, local_json(&f->locals[i]));
	put(o, "locals", locals);
	for (int i = 0; i < f->nallocs; i++)
		append(allocs, alloc_json(&f->allocs[i]));
	put(o, "allocations", allocs);
	json_t *warnings = must(json_array());
	for (int i = 0; i < f->nwarnings; i++)
		if (!f->warnings[i].pending)
			append(warnings, warning_json(&f->warnings[i]));
	put(o, "warnings", warnings);
	put(o, "link", link_json(f));
	add_item(r, &r->functions, o);
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
	char *text, *tmp;
	int fd, errnum = 0;

	if (!path || !*path)
		return fail(err, errlen, path ? path : "", ENOENT);

	text = report_head(r);
	if (!text)
		return fail(err, errlen, path, ENOMEM);

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
			free(text);
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
		free(text);
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
	free(text);
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
