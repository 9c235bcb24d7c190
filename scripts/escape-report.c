/*
 * escape-report - what a whole build's escape reports say, read together.
 *
 * Usage: escape-report [OPTION...] REPORT|DIR...
 *
 * Reads the JSON reports the escape plugin writes (-fplugin-arg-escape-json=
 * FILE, or json=DIR/ for one report per translation unit): each argument is
 * a report, or a directory whose *.json files (recursively, in name order,
 * hidden entries skipped) are all reports.  A function seen in several
 * reports (a header's inline function, a file compiled twice) counts once,
 * as the first report read gives it.
 *
 * Modes (one at most; the default is the summary):
 *   (none)           a readable summary: totals, escapes per file and per
 *                    function, the commonest sinks, the unknown callees
 *                    that make things escape (the rules worth writing)
 *   --sarif          SARIF 2.1.0 for GitHub code scanning: the dangling
 *                    warnings (suppressed ones marked as such); --all adds
 *                    escapes and leaking parameters as notes
 *   --diagnostics    the LSP diagnostics of all reports, merged: a JSON
 *                    array of {"uri", "diagnostics"}, one per file
 *   --baseline OLD   OLD is a SARIF file written earlier by --sarif: list
 *                    the dangling warnings (not suppressed) whose
 *                    fingerprint is not in OLD; exit 1 if there is one
 *
 * Options:
 *   --top N          rows of each summary table (default 10, 0 = all)
 *   --all            with --sarif: escapes and leaks too, as notes
 *   --root DIR       paths are shown, and SARIF URIs written, relative to
 *                    DIR (default: the current directory)
 *   -o, --output FILE  write there (a temporary file, then renamed) rather
 *                    than to standard output
 *   -h, --help       this text          --version   the version
 *
 * Exit status: 0 done; 1 --baseline found new warnings; 2 bad usage, or an
 * input that cannot be read, is not JSON or is not an escape report, or an
 * output that cannot be written.  docs/escape-report.md says more.
 *
 * Build: gcc -std=c99 -O2 -Wall -Wextra -o build/escape-report \
 *            scripts/escape-report.c -ljansson
 */
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <jansson.h>

#include "../plugin/escape.h" /* ESCAPE_VERSION */

#define PROG "escape-report"
#define SEP "\x1f" /* between the parts of a hash key */
#define FP_KEY "escape/v1"
#ifndef ESCAPE_INFORMATION_URI
#define ESCAPE_INFORMATION_URI "https://example.invalid/escape"
#endif
#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* ------------------------------------------------------------------ */
/* Errors and memory                                                    */

static char *tmp_path; /* the output being written, removed on error */

static void die(const char *fmt, ...)
{
	va_list ap;

	if (tmp_path)
		unlink(tmp_path);
	fprintf(stderr, PROG ": ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, PROG ": ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n" PROG ": try '" PROG " --help'\n");
	exit(2);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

static char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("out of memory");
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* A growable array: PUSH(arr, n, cap, value). */
#define PUSH(arr, n, cap, value)                                           \
	do {                                                               \
		if ((n) == (cap)) {                                        \
			(cap) = (cap) ? 2 * (cap) : 16;                    \
			(arr) = xrealloc((arr), (cap) * sizeof *(arr));    \
		}                                                          \
		(arr)[(n)++] = (value);                                    \
	} while (0)

static json_t *must(json_t *v)
{
	if (!v)
		die("out of memory");
	return v;
}

static void set(json_t *o, const char *key, json_t *v)
{
	if (json_object_set_new(o, key, must(v)))
		die("out of memory");
}

static void add(json_t *a, json_t *v)
{
	if (json_array_append_new(a, must(v)))
		die("out of memory");
}

static json_t *text(const char *s)
{
	return must(json_string(s ? s : ""));
}

/* ------------------------------------------------------------------ */
/* A string-keyed hash table                                           */

struct entry {
	char *key;
	size_t len;
	void *value;
};

struct table {
	struct entry *e;
	size_t n, cap;
};

static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * UINT64_C(1099511628211);
	return h;
}
#define FNV_OFFSET UINT64_C(14695981039346656037)

/* The entry for the LEN bytes at KEY, created (value NULL) if missing. */
static struct entry *lookup(struct table *t, const char *key, size_t len)
{
	if (2 * (t->n + 1) > t->cap) {
		struct table bigger = { NULL, 0, t->cap ? 2 * t->cap : 64 };
		bigger.e = xmalloc(bigger.cap * sizeof *bigger.e);
		memset(bigger.e, 0, bigger.cap * sizeof *bigger.e);
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->e[i].key)
				continue;
			size_t j = fnv1a(FNV_OFFSET, t->e[i].key, t->e[i].len) & (bigger.cap - 1);
			while (bigger.e[j].key)
				j = (j + 1) & (bigger.cap - 1);
			bigger.e[j] = t->e[i];
		}
		bigger.n = t->n;
		free(t->e);
		*t = bigger;
	}
	size_t i = fnv1a(FNV_OFFSET, key, len) & (t->cap - 1);
	while (t->e[i].key) {
		if (t->e[i].len == len && !memcmp(t->e[i].key, key, len))
			return &t->e[i];
		i = (i + 1) & (t->cap - 1);
	}
	t->e[i].key = xmalloc(len + 1);
	memcpy(t->e[i].key, key, len);
	t->e[i].key[len] = 0;
	t->e[i].len = len;
	t->e[i].value = NULL;
	t->n++;
	return &t->e[i];
}

static struct entry *lookup_str(struct table *t, const char *key)
{
	return lookup(t, key, strlen(key));
}

/* Frees the table's keys (not its values). */
static void free_table(struct table *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->e[i].key);
	free(t->e);
	memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------------ */
/* Paths and URIs                                                      */

/* PATH with empty and "." components dropped, as the plugin does when it
   makes a path absolute ("a//./b" -> "a/b"); ".." is kept. */
static char *path_collapse(const char *path)
{
	char *out = xmalloc(strlen(path) + 2), *q = out;
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

/* An absolute PATH with ".", ".." and empty components resolved by text. */
static char *path_normalize(const char *path)
{
	char *out = xmalloc(strlen(path) + 2), *q = out;
	const char *p = path;

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
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (q > out + 1) {
				q--; /* the '/' after the last component */
				while (q > out + 1 && q[-1] != '/')
					q--;
			}
		} else if (!(n == 1 && p[0] == '.')) {
			memcpy(q, p, n);
			q += n;
			*q++ = '/';
		}
		p += n;
	}
	if (q > out + 1)
		q--;
	*q = 0;
	return out;
}

static char *cwd;      /* the current directory */
static char *root;     /* --root, real path */
static size_t rootlen;

static char *current_dir(void)
{
	size_t n = 256;
	for (;;) {
		char *buf = xmalloc(n);
		if (getcwd(buf, n))
			return buf;
		free(buf);
		if (errno != ERANGE)
			die("cannot get the current directory: %s", strerror(errno));
		n *= 2;
	}
}

/* The absolute, canonical name of FILE (relative to DIR, or to the
   current directory when DIR is NULL): its real path if it exists, else
   the path normalised as text.  Interned: the same string every time. */
static struct table resolved;

static const char *resolve(const char *dir, const char *file)
{
	char *key = xasprintf("%s" SEP "%s", dir ? dir : "", file);
	struct entry *e = lookup_str(&resolved, key);

	free(key);
	if (!e->value) {
		char *joined = file[0] == '/' ? xstrdup(file)
			       : xasprintf("%s/%s", dir ? dir : cwd, file);
		char *real = realpath(joined, NULL);
		e->value = real ? real : path_normalize(joined);
		free(joined);
	}
	return e->value;
}

/* PATH relative to --root, or NULL when it is outside. */
static const char *relative_to_root(const char *path)
{
	if (!strcmp(root, "/"))
		return path[1] ? path + 1 : ".";
	if (strncmp(path, root, rootlen) != 0)
		return NULL;
	if (path[rootlen] == 0)
		return ".";
	if (path[rootlen] != '/')
		return NULL;
	return path + rootlen + 1;
}

/* How a path is shown: relative to --root when under it, else absolute. */
static const char *shown(const char *path)
{
	const char *rel = relative_to_root(path);
	return rel ? rel : path;
}

/* PATH percent-encoded for a URI: everything but unreserved characters,
   sub-delimiters, '@' and '/' ("a b:c.c" -> "a%20b%3Ac.c"). */
static char *uri_encode(const char *path)
{
	char *out = xmalloc(3 * strlen(path) + 1), *q = out;

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~!$&'()*+,;=@/", *p))
			*q++ = (char)*p;
		else
			q += sprintf(q, "%%%02X", *p);
	}
	*q = 0;
	return out;
}

static char *file_uri(const char *abs)
{
	char *enc = uri_encode(abs);
	char *u = xasprintf("file://%s", enc);
	free(enc);
	return u;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The path of a file:// URI, decoded; NULL if URI is not one. */
static char *uri_path(const char *uri)
{
	const char *p;
	char *out, *q;

	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	p = uri + 7;
	if (*p != '/') { /* file://host/path: only localhost */
		if (strncmp(p, "localhost/", 10) != 0)
			return NULL;
		p += 9;
	}
	out = q = xmalloc(strlen(p) + 1);
	for (; *p; p++) {
		if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			*q++ = (char)(hexval(p[1]) * 16 + hexval(p[2]));
			p += 2;
		} else {
			*q++ = *p;
		}
	}
	*q = 0;
	return out;
}

/* ------------------------------------------------------------------ */
/* Reading reports                                                     */

struct step {
	const char *kind, *what, *file; /* file: resolved */
	int line, col, arg;
};

struct flow {
	struct step *steps;
	int n;
	int truncated;
};

enum fkind { K_WARNING, K_ESCAPE, K_LEAK, K_RESULT, K_ALLOC };

struct finding {
	enum fkind kind;
	const char *rule;   /* warnings: the rule id */
	const char *object; /* the stack object, parameter or allocator */
	const char *file;   /* resolved */
	int line, col;
	int sink_line, sink_col; /* warnings */
	const char *message;     /* warnings: as GCC prints it */
	int suppressed;
	int derefs; /* leaks: leaks_to_heap / leaks_to_result */
	struct flow flow;
	int func;
	char fp[17];
};

struct func {
	const char *name, *file; /* file: resolved */
	int line, col;
	const char *gave_up;
	int nlocals, nescaping, nsites;
	int nparams, nleak_heap, nleak_result;
	int nallocs, nallocs_escaping;
	int nwarnings, nsuppressed;
};

struct report {
	const char *path;   /* the report file */
	json_t *doc;
	const char *source; /* resolved */
	const char *dir;    /* the directory it was compiled in, if known */
	const char *tool_version;
};

static struct report *reports;
static size_t nreports, reports_cap;
static struct func *funcs;
static size_t nfuncs, funcs_cap;
static struct finding *findings;
static size_t nfindings, findings_cap;

/* Where in the report a value is, for error messages. */
static char where[512];

static void bad(const struct report *r, const char *what)
{
	die("%s: not an escape report: %s%s%s", r->path, where,
	    where[0] ? ": " : "", what);
}

/* Accessors: NULL/0 when the key is missing or null; a value of another
   type is an error naming the key. */
static const char *get_str(const struct report *r, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		char msg[128];
		snprintf(msg, sizeof msg, "\"%s\" is not a string", key);
		bad(r, msg);
	}
	return json_string_value(v);
}

static int get_int(const struct report *r, json_t *o, const char *key, int dflt)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return dflt;
	if (!json_is_integer(v) || json_integer_value(v) < INT_MIN ||
	    json_integer_value(v) > INT_MAX) {
		char msg[128];
		snprintf(msg, sizeof msg, "\"%s\" is not an integer", key);
		bad(r, msg);
	}
	return (int)json_integer_value(v);
}

static int get_bool(const struct report *r, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_boolean(v)) {
		char msg[128];
		snprintf(msg, sizeof msg, "\"%s\" is not true or false", key);
		bad(r, msg);
	}
	return json_is_true(v);
}

/* An array (empty when missing or null), or an object (NULL when missing
   or null). */
static json_t *get_array(const struct report *r, json_t *o, const char *key)
{
	static json_t *empty;
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v)) {
		if (!empty)
			empty = must(json_array());
		return empty;
	}
	if (!json_is_array(v)) {
		char msg[128];
		snprintf(msg, sizeof msg, "\"%s\" is not an array", key);
		bad(r, msg);
	}
	return v;
}

static json_t *get_object(const struct report *r, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_object(v)) {
		char msg[128];
		snprintf(msg, sizeof msg, "\"%s\" is not an object", key);
		bad(r, msg);
	}
	return v;
}

static json_t *element(const struct report *r, json_t *arr, size_t i)
{
	json_t *v = json_array_get(arr, i);
	if (!json_is_object(v))
		bad(r, "an element is not an object");
	return v;
}

/* The directory report R was compiled in: its "directory" field; in a
   report without one, the plugin's diagnostic URIs, which are the current
   directory joined with a relative file name when no ".." or symbolic
   link is involved: a URI ending in "/" + a relative file of the report
   gives it away. */
static const char *compile_dir(const struct report *r, json_t *doc, const char *source)
{
	json_t *known = json_object_get(doc, "directory");
	if (json_is_string(known) && json_string_value(known)[0] == '/')
		return xstrdup(json_string_value(known));
	json_t *diags = json_object_get(doc, "diagnostics");
	json_t *fns = json_object_get(doc, "functions");
	const char *cands[64];
	int ncand = 0;

	if (source && source[0] != '/')
		cands[ncand++] = source;
	for (size_t i = 0; json_is_array(fns) && i < json_array_size(fns) && ncand < 64; i++) {
		json_t *file = json_object_get(json_array_get(fns, i), "file");
		if (json_is_string(file) && json_string_value(file)[0] != '/')
			cands[ncand++] = json_string_value(file);
	}
	(void)r;
	for (size_t i = 0; json_is_array(diags) && i < json_array_size(diags); i++) {
		json_t *u = json_object_get(json_array_get(diags, i), "uri");
		char *path = json_is_string(u) ? uri_path(json_string_value(u)) : NULL;
		if (!path)
			continue;
		for (int c = 0; c < ncand; c++) {
			char *rel = path_collapse(cands[c]);
			size_t pl = strlen(path), rl = strlen(rel);
			if (rl && pl > rl && path[pl - rl - 1] == '/' &&
			    !strcmp(path + pl - rl, rel)) {
				char *dir = xmalloc(pl - rl + 1);
				memcpy(dir, path, pl - rl - 1);
				dir[pl - rl - 1] = 0;
				if (!dir[0])
					strcpy(dir, "/");
				free(rel);
				free(path);
				return dir;
			}
			free(rel);
		}
		free(path);
	}
	return NULL;
}

static const char *resolve_in(const struct report *r, const char *file)
{
	if (!file) /* unknown: the main file, or else the report's name */
		file = r->source ? r->source : r->path;
	return resolve(r->dir, file);
}

static struct flow read_flow(const struct report *r, json_t *flow, const char *dflt_file)
{
	struct flow f = { NULL, 0, 0 };
	json_t *steps;
	size_t len = strlen(where);

	if (!flow || json_is_null(flow))
		return f;
	if (!json_is_object(flow))
		bad(r, "a flow is not an object");
	steps = get_array(r, flow, "steps");
	f.truncated = get_bool(r, flow, "truncated");
	f.n = (int)json_array_size(steps);
	f.steps = xmalloc((size_t)f.n * sizeof *f.steps);
	for (int i = 0; i < f.n; i++) {
		json_t *s = element(r, steps, (size_t)i);
		const char *file = get_str(r, s, "file");
		snprintf(where + len, sizeof where - len, ".steps[%d]", i);
		f.steps[i].kind = get_str(r, s, "kind");
		if (!f.steps[i].kind)
			bad(r, "a step has no \"kind\"");
		f.steps[i].what = get_str(r, s, "what");
		f.steps[i].file = file ? resolve_in(r, file) : dflt_file;
		f.steps[i].line = get_int(r, s, "line", 0);
		f.steps[i].col = get_int(r, s, "column", 0);
		f.steps[i].arg = get_int(r, s, "arg", 0);
	}
	where[len] = 0;
	return f;
}

static struct table seen_funcs;

static void read_function(struct report *r, json_t *fn)
{
	struct func F;
	const char *file = get_str(r, fn, "file");
	json_t *arr;
	char *key;
	struct entry *e;
	size_t len = strlen(where);

	memset(&F, 0, sizeof F);
	F.name = get_str(r, fn, "name");
	if (!F.name)
		bad(r, "a function has no \"name\"");
	F.file = resolve_in(r, file);
	F.line = get_int(r, fn, "line", 0);
	F.col = get_int(r, fn, "column", 0);
	F.gave_up = get_str(r, fn, "gave_up");

	/* once per function of the build */
	key = xasprintf("%s" SEP "%d" SEP "%d" SEP "%s", F.file, F.line, F.col, F.name);
	e = lookup_str(&seen_funcs, key);
	free(key);
	if (e->value)
		return;
	e->value = r;
	int fi = (int)nfuncs;

	arr = get_array(r, fn, "params");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *p = element(r, arr, i);
		int heap, result;
		json_t *flows;
		snprintf(where + len, sizeof where - len, ".params[%zu]", i);
		heap = get_int(r, p, "leaks_to_heap", -1);
		result = get_int(r, p, "leaks_to_result", -1);
		F.nparams++;
		F.nleak_heap += heap >= 0;
		F.nleak_result += result >= 0;
		flows = get_array(r, p, "flows");
		for (size_t k = 0; k < json_array_size(flows); k++) {
			json_t *fl = element(r, flows, k);
			const char *sink = get_str(r, fl, "sink");
			struct finding x;
			memset(&x, 0, sizeof x);
			snprintf(where + len, sizeof where - len, ".params[%zu].flows[%zu]", i, k);
			x.kind = sink && !strcmp(sink, "result") ? K_RESULT : K_LEAK;
			x.object = get_str(r, p, "name");
			if (!x.object)
				x.object = "?";
			x.file = F.file;
			x.line = get_int(r, p, "line", F.line);
			x.col = get_int(r, p, "column", 0);
			x.derefs = x.kind == K_LEAK ? heap : result;
			x.flow = read_flow(r, fl, F.file);
			x.func = fi;
			PUSH(findings, nfindings, findings_cap, x);
		}
	}
	arr = get_array(r, fn, "locals");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *l = element(r, arr, i);
		json_t *sites;
		const char *name;
		snprintf(where + len, sizeof where - len, ".locals[%zu]", i);
		name = get_str(r, l, "name");
		F.nlocals++;
		if (get_bool(r, l, "escapes"))
			F.nescaping++;
		sites = get_array(r, l, "sites");
		for (size_t k = 0; k < json_array_size(sites); k++) {
			json_t *s = element(r, sites, k);
			struct finding x;
			memset(&x, 0, sizeof x);
			snprintf(where + len, sizeof where - len, ".locals[%zu].sites[%zu]", i, k);
			x.kind = K_ESCAPE;
			x.object = name ? name : "?";
			x.line = get_int(r, s, "line", 0);
			x.col = get_int(r, s, "column", 0);
			x.flow = read_flow(r, json_object_get(s, "flow"), F.file);
			x.file = x.flow.n ? x.flow.steps[0].file : F.file;
			x.func = fi;
			F.nsites++;
			PUSH(findings, nfindings, findings_cap, x);
		}
	}
	arr = get_array(r, fn, "allocations");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *a = element(r, arr, i);
		snprintf(where + len, sizeof where - len, ".allocations[%zu]", i);
		F.nallocs++;
		if (get_bool(r, a, "escapes")) {
			struct finding x;
			memset(&x, 0, sizeof x);
			F.nallocs_escaping++;
			x.kind = K_ALLOC;
			x.object = get_str(r, a, "callee");
			if (!x.object)
				x.object = "?";
			x.line = get_int(r, a, "line", 0);
			x.col = get_int(r, a, "column", 0);
			x.flow = read_flow(r, json_object_get(a, "flow"), F.file);
			x.file = x.flow.n ? x.flow.steps[0].file : F.file;
			x.func = fi;
			PUSH(findings, nfindings, findings_cap, x);
		}
	}
	arr = get_array(r, fn, "warnings");
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *w = element(r, arr, i);
		json_t *sink;
		struct finding x;
		memset(&x, 0, sizeof x);
		snprintf(where + len, sizeof where - len, ".warnings[%zu]", i);
		x.kind = K_WARNING;
		x.rule = get_str(r, w, "rule");
		if (!x.rule)
			bad(r, "a warning has no \"rule\"");
		x.object = get_str(r, w, "object");
		if (!x.object)
			x.object = "?";
		x.line = get_int(r, w, "line", 0);
		x.col = get_int(r, w, "column", 0);
		sink = get_object(r, w, "sink");
		x.sink_line = sink ? get_int(r, sink, "line", 0) : 0;
		x.sink_col = sink ? get_int(r, sink, "column", 0) : 0;
		x.message = get_str(r, w, "message");
		if (!x.message)
			x.message = x.rule;
		x.suppressed = get_bool(r, w, "suppressed");
		x.flow = read_flow(r, json_object_get(w, "flow"), F.file);
		x.file = x.flow.n ? x.flow.steps[0].file : F.file;
		x.func = fi;
		F.nwarnings += !x.suppressed;
		F.nsuppressed += x.suppressed;
		PUSH(findings, nfindings, findings_cap, x);
	}
	where[len] = 0;
	PUSH(funcs, nfuncs, funcs_cap, F);
}

static void read_report(const char *path)
{
	json_error_t err;
	struct report R;
	json_t *doc, *v, *fns, *tool;
	FILE *f = fopen(path, "rb");

	if (!f)
		die("%s: cannot read: %s", path, strerror(errno));
	doc = json_loadf(f, 0, &err);
	if (!doc) {
		if (ferror(f))
			die("%s: cannot read: %s", path, strerror(errno));
		fclose(f);
		die("%s:%d:%d: not valid JSON: %s", path, err.line, err.column, err.text);
	}
	fclose(f);
	memset(&R, 0, sizeof R);
	R.path = path;
	R.doc = doc;
	where[0] = 0;
	if (!json_is_object(doc))
		die("%s: not an escape report: not a JSON object", path);
	v = json_object_get(doc, "version");
	fns = json_object_get(doc, "functions");
	if (!v || !fns)
		die("%s: not an escape report: no \"%s\"", path, !v ? "version" : "functions");
	if (!json_is_integer(v))
		die("%s: not an escape report: \"version\" is not an integer", path);
	if (json_integer_value(v) != 1)
		die("%s: report version %" JSON_INTEGER_FORMAT " is not supported (this "
		    PROG " reads version 1)", path, json_integer_value(v));
	if (!json_is_array(fns))
		die("%s: not an escape report: \"functions\" is not an array", path);
	tool = get_object(&R, doc, "tool");
	if (tool) {
		const char *name = get_str(&R, tool, "name");
		if (name && strcmp(name, "escape") != 0)
			die("%s: not an escape report: written by \"%s\"", path, name);
		R.tool_version = get_str(&R, tool, "version");
	}
	const char *source = get_str(&R, doc, "source");
	R.dir = compile_dir(&R, doc, source);
	R.source = source ? resolve(R.dir, source) : NULL;
	(void)get_array(&R, doc, "diagnostics");
	PUSH(reports, nreports, reports_cap, R);
	for (size_t i = 0; i < json_array_size(fns); i++) {
		json_t *fn = json_array_get(fns, i);
		snprintf(where, sizeof where, "functions[%zu]", i);
		if (!json_is_object(fn))
			bad(&reports[nreports - 1], "not an object");
		read_function(&reports[nreports - 1], fn);
	}
	where[0] = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.json under DIR, recursively, in name order. */
static void collect_dir(const char *dir, char ***files, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t nn = 0, nc = 0;

	if (!d)
		die("%s: cannot read directory: %s", dir, strerror(errno));
	errno = 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		PUSH(names, nn, nc, xstrdup(de->d_name));
	}
	if (errno)
		die("%s: cannot read directory: %s", dir, strerror(errno));
	closedir(d);
	qsort(names, nn, sizeof *names, cmp_str);
	for (size_t i = 0; i < nn; i++) {
		char *p = xasprintf("%s%s%s", dir,
				    dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		struct stat st;
		size_t len = strlen(names[i]);
		if (stat(p, &st) != 0)
			die("%s: cannot read: %s", p, strerror(errno));
		if (S_ISDIR(st.st_mode)) {
			collect_dir(p, files, n, cap);
			free(p);
		} else if (len > 5 && !strcmp(names[i] + len - 5, ".json")) {
			PUSH(*files, *n, *cap, p);
		} else {
			free(p);
		}
		free(names[i]);
	}
	free(names);
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

/* A step as m=2 prints it: "store to global g", "argument 2 of f (no
   body, no rule)". */
static char *step_text(const struct step *s)
{
	const char *w = s->what ? s->what : "?";
	const char *k = s->kind;

	if (!strcmp(k, "argument"))
		return xasprintf("argument %d of %s", s->arg, w);
	if (!strcmp(k, "argument kept by summary"))
		return xasprintf("argument %d of %s (kept by its body)", s->arg, w);
	if (!strcmp(k, "argument kept by rule"))
		return xasprintf("argument %d of %s (kept by its rule)", s->arg, w);
	if (!strcmp(k, "argument of unknown function"))
		return xasprintf("argument %d of %s (no body, no rule)", s->arg, w);
	if (!strcmp(k, "argument of indirect call"))
		return xasprintf("argument %d of indirect call", s->arg);
	if (!strcmp(k, "thread argument"))
		return xasprintf("thread argument of %s", w);
	if (!strcmp(k, "returned by call"))
		return xasprintf("returned by %s (argument %d)", w, s->arg);
	if (!strcmp(k, "asm operand"))
		return xasprintf("asm operand %d", s->arg);
	if (s->what)
		return xasprintf("%s %s", k, s->what);
	return xstrdup(k);
}

/* What a flow ends in, "" when it has no step. */
static char *sink_text(const struct flow *f)
{
	return f->n ? step_text(&f->steps[f->n - 1]) : xstrdup("");
}

/* The message of a finding (warnings: GCC's text). */
static char *finding_message(const struct finding *x)
{
	char *sink = sink_text(&x->flow), *m;

	switch (x->kind) {
	case K_WARNING:
		free(sink);
		return xstrdup(x->message);
	case K_ESCAPE:
	case K_ALLOC:
		m = xasprintf("%s%s escapes to heap%s%s", x->object,
			      x->kind == K_ALLOC ? "(...)" : "", *sink ? ": " : "", sink);
		break;
	case K_LEAK:
		m = xasprintf("leaking param%s: %s%s%s", x->derefs > 0 ? " content" : "",
			      x->object, *sink ? ": " : "", sink);
		break;
	default:
		m = xasprintf("leaking param: %s to result level=%d", x->object, x->derefs);
		break;
	}
	free(sink);
	return m;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

static const char *out_path; /* -o, or NULL for stdout */
static FILE *out;

static void open_output(void)
{
	if (!out_path || !strcmp(out_path, "-")) {
		out = stdout;
		return;
	}
	const char *slash = strrchr(out_path, '/');
	size_t dirlen = slash ? (size_t)(slash - out_path + 1) : 0;
	int fd;
	struct stat st;

	if (stat(out_path, &st) == 0 && S_ISDIR(st.st_mode))
		die("%s: cannot write: Is a directory", out_path);
	tmp_path = xasprintf("%.*s.%s.XXXXXX", (int)dirlen, out_path,
			     slash ? slash + 1 : out_path);
	fd = mkstemp(tmp_path);
	if (fd < 0) {
		free(tmp_path);
		tmp_path = NULL;
		die("%s: cannot write: %s", out_path, strerror(errno));
	}
	out = fdopen(fd, "w");
	if (!out)
		die("%s: cannot write: %s", out_path, strerror(errno));
}

static void close_output(void)
{
	mode_t mask;

	if (out == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout))
			die("cannot write the output: %s", strerror(errno));
		return;
	}
	mask = umask(0);
	umask(mask);
	if (fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0 ||
	    fchmod(fileno(out), 0666 & ~mask) != 0)
		die("%s: cannot write: %s", out_path, strerror(errno));
	if (fclose(out) != 0)
		die("%s: cannot write: %s", out_path, strerror(errno));
	if (rename(tmp_path, out_path) != 0)
		die("%s: cannot write: %s", out_path, strerror(errno));
	free(tmp_path);
	tmp_path = NULL;
}

static void dump_json(json_t *doc)
{
	if (json_dumpf(doc, out, JSON_INDENT(2)) != 0 || fputc('\n', out) == EOF)
		die("cannot write the output: %s", strerror(errno));
}

/* ------------------------------------------------------------------ */
/* Summary                                                             */

struct count {
	const char *key;
	long n, m, k; /* meanings per table */
	unsigned long long args; /* unknown callees: argument numbers seen */
	int maxarg;
};

static int cmp_count(const void *a, const void *b)
{
	const struct count *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if (x->m != y->m)
		return x->m > y->m ? -1 : 1;
	if (x->k != y->k)
		return x->k > y->k ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* A table of counts by key. */
struct counts {
	struct table index;
	struct count *c;
	size_t n, cap;
};

static struct count *counted(struct counts *t, const char *key)
{
	struct entry *e = lookup_str(&t->index, key);
	if (!e->value) {
		struct count c;
		memset(&c, 0, sizeof c);
		c.key = e->key;
		PUSH(t->c, t->n, t->cap, c);
		e->value = (void *)(uintptr_t)t->n; /* index + 1 */
	}
	return &t->c[(uintptr_t)e->value - 1];
}

static size_t top_n = 10;

static size_t shown_rows(size_t n)
{
	return top_n && top_n < n ? top_n : n;
}


static void summary(void)
{
	long locals = 0, escaping = 0, sites = 0, params = 0, leak_heap = 0;
	long leak_content = 0, leak_result = 0, allocs = 0, allocs_esc = 0;
	long warnings = 0, suppressed = 0, gave_up = 0, flows = 0, indirect = 0;
	struct counts by_file, by_func, by_kind, by_sink, unknown, by_rule;
	struct table sources;
	size_t nsources = 0;

	memset(&by_file, 0, sizeof by_file);
	memset(&by_func, 0, sizeof by_func);
	memset(&by_kind, 0, sizeof by_kind);
	memset(&by_sink, 0, sizeof by_sink);
	memset(&unknown, 0, sizeof unknown);
	memset(&by_rule, 0, sizeof by_rule);
	memset(&sources, 0, sizeof sources);

	for (size_t i = 0; i < nreports; i++) {
		struct entry *e = lookup_str(&sources, reports[i].source ? reports[i].source : reports[i].path);
		if (!e->value) {
			e->value = &sources;
			nsources++;
		}
	}
	for (size_t i = 0; i < nfuncs; i++) {
		const struct func *F = &funcs[i];
		char *key;
		struct count *c;
		locals += F->nlocals;
		escaping += F->nescaping;
		sites += F->nsites;
		params += F->nparams;
		leak_heap += F->nleak_heap;
		leak_result += F->nleak_result;
		allocs += F->nallocs;
		allocs_esc += F->nallocs_escaping;
		warnings += F->nwarnings;
		suppressed += F->nsuppressed;
		gave_up += F->gave_up != NULL;
		c = counted(&by_file, shown(F->file));
		c->n += F->nescaping;
		c->m += F->nleak_heap;
		c->k += F->nwarnings;
		key = xasprintf("%s:%d: %s", shown(F->file), F->line, F->name);
		c = counted(&by_func, key);
		free(key);
		c->n += F->nescaping;
		c->m += F->nleak_heap;
		c->k += F->nwarnings;
	}
	for (size_t i = 0; i < nfindings; i++) {
		const struct finding *x = &findings[i];
		if (x->kind == K_LEAK && x->derefs > 0)
			leak_content++;
		if (x->kind == K_WARNING) {
			if (!x->suppressed)
				counted(&by_rule, x->rule)->n++;
			continue;
		}
		if (x->kind == K_RESULT || x->kind == K_ALLOC || !x->flow.n)
			continue;
		/* an escaping flow: a site of a stack object, a heap leak */
		const struct step *last = &x->flow.steps[x->flow.n - 1];
		char *sink = step_text(last);
		flows++;
		counted(&by_kind, last->kind)->n++;
		counted(&by_sink, sink)->n++;
		free(sink);
		for (int s = 0; s < x->flow.n; s++) {
			const struct step *st = &x->flow.steps[s];
			if (!strcmp(st->kind, "argument of indirect call")) {
				indirect++;
				break;
			}
			if (!strcmp(st->kind, "argument of unknown function") && st->what) {
				struct count *c = counted(&unknown, st->what);
				c->n++;
				if (st->arg >= 1 && st->arg <= 64)
					c->args |= 1ULL << (st->arg - 1);
				if (st->arg > c->maxarg)
					c->maxarg = st->arg;
				break;
			}
		}
	}

	fprintf(out, "escape: %zu report%s (translation units), %zu source file%s, "
		"%zu function%s", nreports, nreports == 1 ? "" : "s", nsources,
		nsources == 1 ? "" : "s", nfuncs, nfuncs == 1 ? "" : "s");
	if (gave_up)
		fprintf(out, " (%ld not analysed)", gave_up);
	fprintf(out, "\n\n");
	fprintf(out, "  stack objects whose address is taken  %6ld\n", locals);
	fprintf(out, "    escaping to the heap                %6ld   (at %ld site%s)\n",
		escaping, sites, sites == 1 ? "" : "s");
	fprintf(out, "  pointer parameters                    %6ld\n", params);
	fprintf(out, "    leaking to the heap                 %6ld   (leaking param: %ld, "
		"leaking param content: %ld)\n", leak_heap, leak_heap - leak_content,
		leak_content);
	fprintf(out, "    leaking to the result               %6ld\n", leak_result);
	fprintf(out, "  heap allocations                      %6ld\n", allocs);
	fprintf(out, "    escaping                            %6ld\n", allocs_esc);
	fprintf(out, "    not escaping                        %6ld   (could live on the stack)\n",
		allocs - allocs_esc);
	fprintf(out, "  dangling warnings                     %6ld\n", warnings);
	qsort(by_rule.c, by_rule.n, sizeof *by_rule.c, cmp_count);
	for (size_t i = 0; i < by_rule.n; i++)
		fprintf(out, "    %-36s%6ld\n", by_rule.c[i].key, by_rule.c[i].n);
	fprintf(out, "  suppressed (escape:ignore)            %6ld\n", suppressed);

	qsort(by_file.c, by_file.n, sizeof *by_file.c, cmp_count);
	fprintf(out, "\nEscapes per file (top %zu of %zu):\n", shown_rows(by_file.n), by_file.n);
	fprintf(out, "  %7s %7s %8s  %s\n", "escapes", "leaks", "warnings", "file");
	for (size_t i = 0; i < shown_rows(by_file.n); i++)
		fprintf(out, "  %7ld %7ld %8ld  %s\n", by_file.c[i].n, by_file.c[i].m,
			by_file.c[i].k, by_file.c[i].key);

	qsort(by_func.c, by_func.n, sizeof *by_func.c, cmp_count);
	fprintf(out, "\nEscapes per function (top %zu of %zu):\n", shown_rows(by_func.n), by_func.n);
	fprintf(out, "  %7s %7s %8s  %s\n", "escapes", "leaks", "warnings", "function");
	for (size_t i = 0; i < shown_rows(by_func.n); i++)
		fprintf(out, "  %7ld %7ld %8ld  %s\n", by_func.c[i].n, by_func.c[i].m,
			by_func.c[i].k, by_func.c[i].key);

	qsort(by_kind.c, by_kind.n, sizeof *by_kind.c, cmp_count);
	fprintf(out, "\nWhy things escape (the last step of each of the %ld escaping flows):\n", flows);
	for (size_t i = 0; i < shown_rows(by_kind.n); i++)
		fprintf(out, "  %7ld  %s\n", by_kind.c[i].n, by_kind.c[i].key);

	qsort(by_sink.c, by_sink.n, sizeof *by_sink.c, cmp_count);
	fprintf(out, "\nCommonest sinks (top %zu of %zu):\n", shown_rows(by_sink.n), by_sink.n);
	for (size_t i = 0; i < shown_rows(by_sink.n); i++)
		fprintf(out, "  %7ld  %s\n", by_sink.c[i].n, by_sink.c[i].key);

	qsort(unknown.c, unknown.n, sizeof *unknown.c, cmp_count);
	fprintf(out, "\nUnknown callees (no body, no rule) that make things escape "
		"(top %zu of %zu):\n", shown_rows(unknown.n), unknown.n);
	if (!unknown.n)
		fprintf(out, "  none\n");
	if (unknown.n) {
		fprintf(out, "  %7s  %-24s %s\n", "escapes", "callee", "arguments");
		for (size_t i = 0; i < shown_rows(unknown.n); i++) {
			const struct count *c = &unknown.c[i];
			char args[256] = "";
			size_t len = 0;
			for (int a = 1; a <= 64 && len < sizeof args - 8; a++)
				if (c->args & (1ULL << (a - 1)))
					len += (size_t)snprintf(args + len, sizeof args - len,
								"%s%d", len ? ", " : "", a);
			fprintf(out, "  %7ld  %-24s %s\n", c->n, c->key, args);
		}
		fprintf(out, "\n  A rule tells escape what such a function does with each argument\n"
			"  (rules/README.md).  Write one per function, one effect per declared\n"
			"  parameter: \"read\" if it only uses the pointer during the call, \"keep\"\n"
			"  if it stores it, \"none\" for a non-pointer; e.g. in my-rules.json:\n\n"
			"    {\"escape-rules\": 1, \"functions\": {\n");
		for (size_t i = 0; i < shown_rows(unknown.n) && i < 5; i++) {
			const struct count *c = &unknown.c[i];
			fprintf(out, "      \"%s\": {\"params\": [", c->key);
			for (int a = 1; a <= c->maxarg && a <= 64; a++)
				fprintf(out, "%s\"?\"", a > 1 ? ", " : "");
			fprintf(out, "]}%s\n", i + 1 < shown_rows(unknown.n) && i + 1 < 5 ? "," : "");
		}
		fprintf(out, "    }}\n\n"
			"  (each \"?\" to be replaced; the list needs as many effects as the\n"
			"  function has parameters), then build with\n"
			"  -fplugin-arg-escape-rules=my-rules.json\n");
	}
	if (indirect)
		fprintf(out, "\nIndirect calls: %ld escaping flow%s through a function pointer; no\n"
			"rule can say what it does, ESCAPE_NOESCAPE on the parameters of the\n"
			"pointer's type can (README.md, \"The noescape attribute\").\n",
			indirect, indirect == 1 ? " goes" : "s go");
	if (gave_up) {
		fprintf(out, "\nNot analysed (everything in them counts as escaping):\n");
		for (size_t i = 0; i < nfuncs; i++)
			if (funcs[i].gave_up)
				fprintf(out, "  %s:%d: %s: %s\n", shown(funcs[i].file), funcs[i].line,
					funcs[i].name, funcs[i].gave_up);
	}
}

/* ------------------------------------------------------------------ */
/* SARIF                                                               */

struct rule_info {
	const char *id, *name, *level, *short_desc, *full_desc, *help, *severity, *precision;
	int cwe; /* tag CWE-562 */
};

static const char help_common[] =
	"\n\nThe warning is flow-sensitive: an address that is cleared or overwritten "
	"before every return, or a thread joined before every return, is not reported. "
	"To keep the code as it is on purpose, put `escape:ignore` (or `escape:ignore RULE`) "
	"in a comment on the line where the address is taken or on the line of the sink; "
	"the warning is then reported as suppressed.";

static const struct rule_info rules[] = {
	{ "escape-return", "StackAddressReturned", "warning",
	  "Address of a stack object is returned",
	  "The address of a local variable, compound literal or alloca area is returned "
	  "(directly, inside a returned struct, through ?:, or through a function that returns "
	  "its argument), so the caller receives a pointer to a frame that no longer exists.",
	  "A function returns the address of an object that lives in its own frame. Any use of "
	  "the result by the caller reads or writes dead stack memory (CWE-562). Return the "
	  "value itself, let the caller provide the storage, or allocate it on the heap.",
	  "7.5", "high", 1 },
	{ "escape-global", "StackAddressInGlobal", "warning",
	  "Address of a stack object is left in a global",
	  "The address of a stack object is stored in a global or static variable and still "
	  "there when the object's life ends.",
	  "A global or static variable keeps the address of an object of this frame after the "
	  "frame is gone; the next use of the global reads dead stack memory (CWE-562). Clear the "
	  "global before returning, or give the object static or heap storage.",
	  "7.5", "high", 1 },
	{ "escape-caller", "StackAddressInCallerMemory", "warning",
	  "Address of a stack object is left in memory outside the frame",
	  "The address of a stack object is stored in memory that outlives the frame: an "
	  "out-parameter, a field or element of a pointed-to struct or array, or the heap.",
	  "Memory that the caller (or anyone else) can still reach holds the address of an object "
	  "of this frame after the frame is gone (CWE-562). Store a copy of the data instead of "
	  "its address, or clear the pointer before returning.",
	  "7.5", "medium", 1 },
	{ "escape-kept", "StackAddressKeptByCallee", "warning",
	  "Address of a stack object is kept by a callee",
	  "The address of a stack object is given to a function that keeps it past the call "
	  "(setvbuf, putenv, pthread_setspecific and the like by their rules, or a function of "
	  "the same file by its body), and the object dies while it is kept.",
	  "A library or same-file function stores the pointer it was given and uses it later, "
	  "after this frame is gone (CWE-562). Give the function static or heap storage, or undo "
	  "the registration before returning (fclose, setvbuf(f, NULL, ...), ...).",
	  "7.5", "medium", 1 },
	{ "escape-thread", "StackAddressToThread", "warning",
	  "Address of a stack object is handed to a thread that may outlive it",
	  "The address of a stack object is passed to a new thread that is not joined on every "
	  "path before the object dies, or that is detached.",
	  "The thread may still use the object after this frame is gone (CWE-562). Join the "
	  "thread before returning on every path, or pass heap storage that the thread frees.",
	  "7.5", "medium", 1 },
	{ "escape-unknown", "StackAddressToUnknownFunction", "warning",
	  "Address of a stack object is given as a context pointer to an unknown function",
	  "The address of a stack object is passed as a non-const void * to a function with no "
	  "body in this file and no rule, which may keep it after the object dies.",
	  "escape cannot see what the callee does with the pointer, and a void * parameter is "
	  "typically a context that is kept (a callback's user data). If the function only uses "
	  "it during the call, write a rule for it (rules/README.md: \"read\"), and the warning "
	  "goes away; if it keeps it, the object must outlive the registration (CWE-562).",
	  "5.0", "low", 1 },
	{ "escape-noescape", "NoescapeParameterEscapes", "warning",
	  "A noescape parameter escapes",
	  "A parameter declared ESCAPE_NOESCAPE is kept by the function, breaking the promise "
	  "that callers rely on.",
	  "Callers pass the addresses of their stack objects to this parameter because its "
	  "declaration promises not to keep them (CWE-562). Either the function must not keep "
	  "the pointer, or the attribute must go.",
	  "6.0", "high", 1 },
	{ "escape-note-escape", "StackObjectEscapes", "note",
	  "A stack object escapes to the heap",
	  "The address of a stack object may be stored where it outlives the frame (Go's "
	  "\"x escapes to heap\"). Not a bug by itself: the dangling warnings say when it is one.",
	  "Go's escape analysis would move this object to the heap. In C it stays on the stack, "
	  "so whoever keeps its address must stop using it before the frame is gone; the flow "
	  "shows where the address goes.",
	  NULL, "high", 0 },
	{ "escape-note-leak", "LeakingParameter", "note",
	  "A pointer parameter leaks to the heap",
	  "The value of a pointer parameter (\"leaking param\") or what it points to (\"leaking "
	  "param content\") may be stored where it outlives the call.",
	  "Callers must not pass the address of a stack object here unless it outlives the "
	  "use; the flow shows where the parameter goes.",
	  NULL, "high", 0 },
};
#define NRULES (sizeof rules / sizeof *rules)

static int rule_index(const char *id)
{
	for (size_t i = 0; i < NRULES; i++)
		if (!strcmp(rules[i].id, id))
			return (int)i;
	return -1;
}

static json_t *rule_json(const struct rule_info *ri)
{
	json_t *r = must(json_object()), *d, *props = must(json_object());
	json_t *tags = must(json_array());
	char *help = xasprintf("%s%s", ri->help, ri->cwe ? help_common : "");

	set(r, "id", text(ri->id));
	set(r, "name", text(ri->name));
	d = must(json_object());
	set(d, "text", text(ri->short_desc));
	set(r, "shortDescription", d);
	d = must(json_object());
	set(d, "text", text(ri->full_desc));
	set(r, "fullDescription", d);
	d = must(json_object());
	set(d, "level", text(ri->level));
	set(r, "defaultConfiguration", d);
	d = must(json_object());
	set(d, "text", text(help));
	set(d, "markdown", text(help));
	set(r, "help", d);
	free(help);
	if (ri->cwe) {
		add(tags, text("security"));
		add(tags, text("correctness"));
		add(tags, text("external/cwe/cwe-562"));
	} else {
		add(tags, text("escape-analysis"));
		add(tags, text("performance"));
	}
	set(props, "tags", tags);
	set(props, "precision", text(ri->precision));
	if (ri->severity)
		set(props, "security-severity", text(ri->severity));
	set(props, "problem.severity", text(ri->cwe ? "warning" : "recommendation"));
	set(r, "properties", props);
	return r;
}

/* Source files, for columns in characters rather than bytes. */
struct source {
	char *data;
	size_t len;
	size_t *lines; /* offsets of line starts */
	size_t nlines;
};

static struct table sources_read;

static const struct source *source_of(const char *path)
{
	struct entry *e = lookup_str(&sources_read, path);
	if (!e->value) {
		struct source *s = xmalloc(sizeof *s);
		FILE *f = fopen(path, "rb");
		size_t cap = 0;
		memset(s, 0, sizeof s[0]);
		if (f) {
			char buf[65536];
			size_t n;
			while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
				s->data = xrealloc(s->data, s->len + n);
				memcpy(s->data + s->len, buf, n);
				s->len += n;
			}
			fclose(f);
			PUSH(s->lines, s->nlines, cap, 0);
			for (size_t i = 0; i < s->len; i++)
				if (s->data[i] == '\n')
					PUSH(s->lines, s->nlines, cap, i + 1);
		}
		e->value = s;
	}
	return e->value;
}

/* GCC's columns count bytes; SARIF's (columnKind unicodeCodePoints)
   count characters.  Unchanged when the file cannot be read. */
static int char_column(const char *path, int line, int col)
{
	const struct source *s = source_of(path);
	size_t start, end, n = 0;

	if (line < 1 || col < 1 || (size_t)line > s->nlines)
		return col;
	start = s->lines[line - 1];
	end = start + (size_t)col - 1;
	if (end > s->len)
		return col;
	for (size_t i = start; i < end; i++) {
		if (s->data[i] == '\n')
			return col;
		n += ((unsigned char)s->data[i] & 0xC0) != 0x80;
	}
	return (int)n + 1;
}

static json_t *artifact(const char *path)
{
	json_t *a = must(json_object());
	const char *rel = relative_to_root(path);
	char *u = rel ? uri_encode(rel) : file_uri(path);

	set(a, "uri", text(u));
	if (rel)
		set(a, "uriBaseId", text("%SRCROOT%"));
	free(u);
	return a;
}

static json_t *physical(const char *path, int line, int col)
{
	json_t *p = must(json_object());
	set(p, "artifactLocation", artifact(path));
	if (line > 0) {
		json_t *r = must(json_object());
		set(r, "startLine", json_integer(line));
		if (col > 0)
			set(r, "startColumn", json_integer(char_column(path, line, col)));
		set(p, "region", r);
	}
	return p;
}

static json_t *message(const char *s)
{
	json_t *m = must(json_object());
	set(m, "text", text(s));
	return m;
}

static int cmp_findings(const void *a, const void *b)
{
	const struct finding *x = *(const struct finding *const *)a;
	const struct finding *y = *(const struct finding *const *)b;
	int c = strcmp(shown(x->file), shown(y->file));
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if ((c = strcmp(x->rule ? x->rule : "", y->rule ? y->rule : "")))
		return c;
	if ((c = strcmp(x->object, y->object)))
		return c;
	char *sx = sink_text(&x->flow), *sy = sink_text(&y->flow);
	c = strcmp(sx, sy);
	free(sx);
	free(sy);
	return c;
}

static const char *finding_rule(const struct finding *x)
{
	return x->kind == K_WARNING ? x->rule
	       : x->kind == K_LEAK  ? "escape-note-leak"
				    : "escape-note-escape";
}

/* The findings a SARIF log carries, in file and line order, each once,
   with its fingerprint: a hash of the rule, the file (relative to
   --root), the function, the object and the sink, and the number of
   earlier findings with all of these equal; no line or column, so that
   lines added above a finding keep it. */
static const struct finding **selected(int all, size_t *np)
{
	const struct finding **v = NULL;
	size_t n = 0, cap = 0;
	struct table dups, occurrences;

	memset(&dups, 0, sizeof dups);
	memset(&occurrences, 0, sizeof occurrences);
	for (size_t i = 0; i < nfindings; i++) {
		struct finding *x = &findings[i];
		if (x->kind == K_RESULT || x->kind == K_ALLOC)
			continue;
		if (x->kind != K_WARNING && !all)
			continue;
		PUSH(v, n, cap, x);
	}
	qsort(v, n, sizeof *v, cmp_findings);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		struct finding *x = (struct finding *)v[i];
		char *sink = sink_text(&x->flow);
		const char *rule = finding_rule(x);
		char *base, *key;
		struct entry *e;
		uint64_t h;
		uintptr_t occ;

		/* the same finding twice (reports of one file): once */
		key = xasprintf("%s" SEP "%s" SEP "%d" SEP "%d" SEP "%s" SEP "%s" SEP "%d", rule,
				x->file, x->line, x->col, x->object, sink, (int)x->kind);
		e = lookup_str(&dups, key);
		free(key);
		if (e->value) {
			free(sink);
			continue;
		}
		e->value = x;
		base = xasprintf("%s" SEP "%s" SEP "%s" SEP "%s" SEP "%s", rule, shown(x->file),
				 funcs[x->func].name, x->object,
				 x->flow.n ? sink : x->message ? x->message : "");
		e = lookup_str(&occurrences, base);
		occ = (uintptr_t)e->value;
		e->value = (void *)(occ + 1);
		key = xasprintf("%s" SEP "%lu", base, (unsigned long)occ);
		h = fnv1a(FNV_OFFSET, key, strlen(key));
		/* mixed, so that near keys get unlike fingerprints (MurmurHash3's fmix64) */
		h ^= h >> 33;
		h *= UINT64_C(0xff51afd7ed558ccd);
		h ^= h >> 33;
		h *= UINT64_C(0xc4ceb9fe1a85ec53);
		h ^= h >> 33;
		free(key);
		snprintf(x->fp, sizeof x->fp, "%016llx", (unsigned long long)h);
		free(base);
		free(sink);
		v[kept++] = x;
	}
	free_table(&dups);
	free_table(&occurrences);
	*np = kept;
	return v;
}

static const char *driver_version(void)
{
	for (size_t i = 0; i < nreports; i++)
		if (reports[i].tool_version)
			return reports[i].tool_version;
	return ESCAPE_VERSION;
}

static void sarif(int all)
{
	json_t *log = must(json_object()), *runs = must(json_array());
	json_t *run = must(json_object()), *tool = must(json_object());
	json_t *driver = must(json_object()), *rl = must(json_array());
	json_t *results = must(json_array()), *bases = must(json_object());
	json_t *srcroot = must(json_object());
	size_t n;
	const struct finding **v = selected(all, &n);
	char *rooturi, *enc;

	set(log, "$schema", text(SARIF_SCHEMA));
	set(log, "version", text("2.1.0"));
	set(driver, "name", text("escape"));
	set(driver, "version", text(driver_version()));
	set(driver, "semanticVersion", text(driver_version()));
	set(driver, "informationUri", text(ESCAPE_INFORMATION_URI));
	for (size_t i = 0; i < NRULES; i++)
		add(rl, rule_json(&rules[i]));
	set(driver, "rules", rl);
	set(tool, "driver", driver);
	set(run, "tool", tool);
	enc = uri_encode(root);
	rooturi = xasprintf("file://%s%s", enc, strcmp(root, "/") ? "/" : "");
	free(enc);
	set(srcroot, "uri", text(rooturi));
	free(rooturi);
	set(bases, "%SRCROOT%", srcroot);
	set(run, "originalUriBaseIds", bases);
	set(run, "columnKind", text("unicodeCodePoints"));

	for (size_t i = 0; i < n; i++) {
		const struct finding *x = v[i];
		const struct func *F = &funcs[x->func];
		const char *rule = finding_rule(x);
		json_t *res = must(json_object()), *locs = must(json_array());
		json_t *loc = must(json_object()), *logical = must(json_array());
		json_t *lo = must(json_object()), *fps = must(json_object());
		char *msg = finding_message(x);

		set(res, "ruleId", text(rule));
		set(res, "ruleIndex", json_integer(rule_index(rule)));
		set(res, "level", text(x->kind == K_WARNING ? "warning" : "note"));
		set(res, "message", message(msg));
		free(msg);
		set(loc, "physicalLocation", physical(x->file, x->line, x->col));
		set(lo, "name", text(F->name));
		set(lo, "kind", text("function"));
		add(logical, lo);
		set(loc, "logicalLocations", logical);
		add(locs, loc);
		set(res, "locations", locs);
		set(fps, FP_KEY, text(x->fp));
		set(res, "partialFingerprints", fps);
		if (x->kind == K_WARNING && x->sink_line > 0 &&
		    (x->sink_line != x->line || x->sink_col != x->col)) {
			json_t *rel = must(json_array()), *sl = must(json_object());
			const char *sfile = x->flow.n ? x->flow.steps[x->flow.n - 1].file : x->file;
			set(sl, "id", json_integer(1));
			set(sl, "physicalLocation", physical(sfile, x->sink_line, x->sink_col));
			set(sl, "message", message("sink"));
			add(rel, sl);
			set(res, "relatedLocations", rel);
		}
		if (x->flow.n) {
			json_t *cf = must(json_array()), *cfo = must(json_object());
			json_t *tfs = must(json_array()), *tf = must(json_object());
			json_t *tl = must(json_array());
			for (int s = 0; s < x->flow.n; s++) {
				const struct step *st = &x->flow.steps[s];
				json_t *tfl = must(json_object()), *l = must(json_object());
				char *t = step_text(st);
				set(l, "physicalLocation", physical(st->file, st->line, st->col));
				set(l, "message", message(t));
				free(t);
				set(tfl, "location", l);
				add(tl, tfl);
			}
			set(tf, "locations", tl);
			add(tfs, tf);
			set(cfo, "threadFlows", tfs);
			if (x->flow.truncated)
				set(cfo, "message", message("the explanation was cut (a cycle, or too many steps)"));
			add(cf, cfo);
			set(res, "codeFlows", cf);
		}
		if (x->suppressed) {
			json_t *sup = must(json_array()), *so = must(json_object());
			set(so, "kind", text("inSource"));
			set(so, "justification", text("escape:ignore comment"));
			add(sup, so);
			set(res, "suppressions", sup);
		}
		add(results, res);
	}
	free(v);
	set(run, "results", results);
	add(runs, run);
	set(log, "runs", runs);
	dump_json(log);
	json_decref(log);
}

/* ------------------------------------------------------------------ */
/* Baseline                                                            */

static struct table known; /* fingerprints of the baseline */
static size_t nknown;

static void load_baseline(const char *old)
{
	json_error_t err;
	json_t *doc, *runs;
	int escape_runs = 0;
	FILE *f = fopen(old, "rb");

	if (!f)
		die("%s: cannot read: %s", old, strerror(errno));
	doc = json_loadf(f, 0, &err);
	if (!doc) {
		if (ferror(f))
			die("%s: cannot read: %s", old, strerror(errno));
		fclose(f);
		die("%s:%d:%d: not valid JSON: %s", old, err.line, err.column, err.text);
	}
	fclose(f);
	runs = json_object_get(doc, "runs");
	if (!json_is_object(doc) || !json_is_string(json_object_get(doc, "version")) ||
	    strcmp(json_string_value(json_object_get(doc, "version")), "2.1.0") != 0 ||
	    !json_is_array(runs))
		die("%s: not a SARIF 2.1.0 log (no \"version\": \"2.1.0\" and \"runs\")", old);
	for (size_t i = 0; i < json_array_size(runs); i++) {
		json_t *run = json_array_get(runs, i);
		json_t *name = json_object_get(json_object_get(json_object_get(run, "tool"),
							       "driver"), "name");
		json_t *results = json_object_get(run, "results");
		if (!json_is_string(name) || strcmp(json_string_value(name), "escape") != 0)
			continue;
		escape_runs++;
		for (size_t k = 0; json_is_array(results) && k < json_array_size(results); k++) {
			json_t *res = json_array_get(results, k);
			json_t *fp = json_object_get(json_object_get(res, "partialFingerprints"), FP_KEY);
			json_t *sup = json_object_get(res, "suppressions");
			struct entry *e;
			if (!json_is_string(fp))
				continue;
			/* a suppressed result was accepted by its comment, not by the baseline */
			if (json_is_array(sup) && json_array_size(sup) > 0)
				continue;
			e = lookup_str(&known, json_string_value(fp));
			if (!e->value)
				nknown++;
			e->value = &known;
		}
	}
	json_decref(doc);
	if (!escape_runs)
		die("%s: not a baseline: no run of the tool \"escape\" (write it with " PROG
		    " --sarif)", old);
}

static int baseline(const char *old)
{
	size_t n, nnew = 0, ncur = 0;
	const struct finding **v;

	v = selected(0, &n);
	for (size_t i = 0; i < n; i++) {
		const struct finding *x = v[i];
		if (x->suppressed)
			continue;
		ncur++;
		struct entry *e = lookup_str(&known, x->fp);
		if (e->value)
			continue;
		nnew++;
		if (x->col > 0)
			fprintf(out, "%s:%d:%d: %s\n", shown(x->file), x->line,
				char_column(x->file, x->line, x->col), x->message);
		else
			fprintf(out, "%s:%d: %s\n", shown(x->file), x->line, x->message);
	}
	free(v);
	if (nnew)
		fprintf(stderr, PROG ": %zu new dangling warning%s not in %s (%zu now, %zu in the baseline)\n",
			nnew, nnew == 1 ? "" : "s", old, ncur, nknown);
	else
		fprintf(stderr, PROG ": no new dangling warning: all %zu are in %s\n", ncur, old);
	return nnew ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

/* The same URI for the same file, whatever the directory it was
   compiled from: normalised, then encoded again. */
static json_t *normal_uri(json_t *u)
{
	char *path = json_is_string(u) ? uri_path(json_string_value(u)) : NULL;
	char *canonical;
	json_t *j;

	if (!path)
		return json_is_string(u) ? text(json_string_value(u)) : text("");
	canonical = file_uri(resolve(NULL, path));
	j = text(canonical);
	free(canonical);
	free(path);
	return j;
}

struct group {
	const char *uri;
	json_t *diags;
};

static int cmp_group(const void *a, const void *b)
{
	return strcmp(((const struct group *)a)->uri, ((const struct group *)b)->uri);
}

static json_int_t pos_of(json_t *d, const char *what)
{
	return json_integer_value(json_object_get(json_object_get(json_object_get(d, "range"),
								  "start"), what));
}

static int cmp_diag(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_int_t lx = pos_of(x, "line"), ly = pos_of(y, "line");
	json_int_t cx = pos_of(x, "character"), cy = pos_of(y, "character");
	if (lx != ly)
		return lx < ly ? -1 : 1;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	json_int_t sx = json_integer_value(json_object_get(x, "severity"));
	json_int_t sy = json_integer_value(json_object_get(y, "severity"));
	if (sx != sy)
		return sx < sy ? -1 : 1;
	const char *mx = json_string_value(json_object_get(x, "message"));
	const char *my = json_string_value(json_object_get(y, "message"));
	return strcmp(mx ? mx : "", my ? my : "");
}

static void diagnostics(void)
{
	struct table groups, dups;
	struct group *g = NULL;
	size_t ng = 0, gcap = 0;
	json_t *outv = must(json_array());

	memset(&groups, 0, sizeof groups);
	memset(&dups, 0, sizeof dups);
	for (size_t i = 0; i < nreports; i++) {
		const struct report *r = &reports[i];
		json_t *diags = json_object_get(r->doc, "diagnostics");
		for (size_t k = 0; json_is_array(diags) && k < json_array_size(diags); k++) {
			json_t *d = json_array_get(diags, k), *copy, *u, *rel;
			char *key, *dumped;
			struct entry *e;
			if (!json_is_object(d) || !json_is_string(json_object_get(d, "uri"))) {
				snprintf(where, sizeof where, "diagnostics[%zu]", k);
				bad(r, "no \"uri\"");
			}
			copy = must(json_deep_copy(d));
			u = normal_uri(json_object_get(d, "uri"));
			json_object_del(copy, "uri");
			rel = json_object_get(copy, "relatedInformation");
			for (size_t j = 0; json_is_array(rel) && j < json_array_size(rel); j++) {
				json_t *loc = json_object_get(json_array_get(rel, j), "location");
				if (json_is_object(loc) && json_object_get(loc, "uri"))
					set(loc, "uri", normal_uri(json_object_get(loc, "uri")));
			}
			dumped = json_dumps(copy, JSON_COMPACT | JSON_SORT_KEYS);
			if (!dumped)
				die("out of memory");
			key = xasprintf("%s" SEP "%s", json_string_value(u), dumped);
			free(dumped);
			e = lookup_str(&dups, key);
			free(key);
			if (e->value) { /* the same diagnostic from another report */
				json_decref(copy);
				json_decref(u);
				continue;
			}
			e->value = &dups;
			e = lookup_str(&groups, json_string_value(u));
			if (!e->value) {
				struct group ng1 = { e->key, must(json_array()) };
				PUSH(g, ng, gcap, ng1);
				e->value = (void *)(uintptr_t)ng;
			}
			add(g[(uintptr_t)e->value - 1].diags, copy);
			json_decref(u);
		}
	}
	qsort(g, ng, sizeof *g, cmp_group);
	for (size_t i = 0; i < ng; i++) {
		json_t *o = must(json_object()), *sorted = must(json_array());
		size_t nd = json_array_size(g[i].diags);
		json_t **d = xmalloc(nd * sizeof *d);
		for (size_t k = 0; k < nd; k++)
			d[k] = json_array_get(g[i].diags, k);
		qsort(d, nd, sizeof *d, cmp_diag);
		for (size_t k = 0; k < nd; k++)
			add(sorted, json_incref(d[k]));
		free(d);
		json_decref(g[i].diags);
		set(o, "uri", text(g[i].uri));
		set(o, "diagnostics", sorted);
		add(outv, o);
	}
	free(g);
	dump_json(outv);
	json_decref(outv);
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */

static void help(void)
{
	printf("Usage: " PROG " [OPTION...] REPORT|DIR...\n"
	       "What escape's JSON reports (-fplugin-arg-escape-json=FILE or json=DIR/)\n"
	       "say, read together.  A directory stands for every *.json under it.\n"
	       "\n"
	       "Modes (the default is a readable summary):\n"
	       "  --sarif          SARIF 2.1.0 (GitHub code scanning): the dangling warnings\n"
	       "  --diagnostics    the LSP diagnostics of all reports, merged, by file URI\n"
	       "  --baseline OLD   list the dangling warnings not in OLD (a SARIF file\n"
	       "                   written by --sarif); exit 1 if there is one\n"
	       "Options:\n"
	       "  --top N          rows per summary table (default 10, 0 = all)\n"
	       "  --all            with --sarif: escapes and leaking parameters too, as notes\n"
	       "  --root DIR       paths relative to DIR (default: the current directory)\n"
	       "  -o, --output FILE  write there rather than to standard output\n"
	       "  -h, --help       this text\n"
	       "  --version        the version\n"
	       "Exit status: 0 done, 1 new warnings (--baseline), 2 bad usage or input.\n"
	       "See docs/escape-report.md.\n");
}

int main(int argc, char **argv)
{
	enum { SUMMARY, SARIF, DIAGNOSTICS, BASELINE } mode = SUMMARY;
	const char *mode_opt = NULL, *root_opt = ".", *old = NULL;
	int all = 0, top_given = 0, ends = 0;
	char **inputs = NULL, **files = NULL;
	size_t ninputs = 0, icap = 0, nfiles = 0, fcap = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL;
		const char *eq;
		char name[64];

		if (ends || a[0] != '-' || !strcmp(a, "-")) {
			PUSH(inputs, ninputs, icap, argv[i]);
			continue;
		}
		if (!strcmp(a, "--")) {
			ends = 1;
			continue;
		}
		/* --opt=value */
		eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
		snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
		if (eq)
			val = eq + 1;
#define VALUE()                                                                \
	do {                                                                   \
		if (!val) {                                                    \
			if (i + 1 >= argc)                                     \
				usage_error("option '%s' needs a value", name); \
			val = argv[++i];                                       \
		}                                                              \
	} while (0)
#define NOVALUE()                                                              \
	do {                                                                   \
		if (val)                                                       \
			usage_error("option '%s' takes no value", name);       \
	} while (0)
#define MODE(m)                                                                \
	do {                                                                   \
		if (mode_opt && strcmp(mode_opt, name))                        \
			usage_error("'%s' and '%s' cannot be used together",  \
				    mode_opt, name);                          \
		mode = (m);                                                    \
		mode_opt = xstrdup(name);                                      \
	} while (0)
		if (!strcmp(name, "-h") || !strcmp(name, "--help")) {
			help();
			return 0;
		} else if (!strcmp(name, "--version")) {
			NOVALUE();
			printf(PROG " %s\n", ESCAPE_VERSION);
			return 0;
		} else if (!strcmp(name, "--sarif")) {
			NOVALUE();
			MODE(SARIF);
		} else if (!strcmp(name, "--diagnostics")) {
			NOVALUE();
			MODE(DIAGNOSTICS);
		} else if (!strcmp(name, "--baseline")) {
			MODE(BASELINE);
			VALUE();
			old = val;
		} else if (!strcmp(name, "--all")) {
			NOVALUE();
			all = 1;
		} else if (!strcmp(name, "--top")) {
			char *end;
			long n;
			VALUE();
			errno = 0;
			n = strtol(val, &end, 10);
			if (!*val || *end || n < 0 || errno || n > 1000000)
				usage_error("--top: '%s' is not a number of rows (0 or more)", val);
			top_n = (size_t)n;
			top_given = 1;
		} else if (!strcmp(name, "--root")) {
			VALUE();
			root_opt = val;
		} else if (!strcmp(name, "-o") || !strcmp(name, "--output")) {
			VALUE();
			if (!*val)
				usage_error("option '%s' needs a file name", name);
			out_path = val;
		} else {
			usage_error("unknown option '%s'", a);
		}
	}
	if (all && mode != SARIF)
		usage_error("--all goes with --sarif");
	if (top_given && mode != SUMMARY)
		usage_error("--top goes with the summary, not with %s", mode_opt);
	if (!ninputs)
		usage_error("no report given (files, or directories of *.json)");

	cwd = current_dir();
	root = realpath(root_opt, NULL);
	if (!root)
		die("--root %s: %s", root_opt, strerror(errno));
	{
		struct stat st;
		if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode))
			die("--root %s: Not a directory", root_opt);
	}
	rootlen = strlen(root);

	for (size_t i = 0; i < ninputs; i++) {
		struct stat st;
		if (stat(inputs[i], &st) != 0)
			die("%s: cannot read: %s", inputs[i], strerror(errno));
		if (S_ISDIR(st.st_mode)) {
			size_t before = nfiles;
			collect_dir(inputs[i], &files, &nfiles, &fcap);
			if (nfiles == before)
				die("%s: no report in it (no *.json file)", inputs[i]);
		} else {
			PUSH(files, nfiles, fcap, xstrdup(inputs[i]));
		}
	}
	for (size_t i = 0; i < nfiles; i++)
		read_report(files[i]);

	/* the baseline is read before anything is written */
	int rc = 0;
	if (mode == BASELINE)
		load_baseline(old);
	open_output();
	switch (mode) {
	case SUMMARY:
		summary();
		break;
	case SARIF:
		sarif(all);
		break;
	case DIAGNOSTICS:
		diagnostics();
		break;
	case BASELINE:
		rc = baseline(old);
		break;
	}
	close_output();
	return rc;
}
