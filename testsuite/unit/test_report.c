/*
 * test_report.c - the JSON report (report.c): the document, field by
 * field and null by null, read back with Jansson; the write protocol
 * (whole or nothing, no temporary left behind, nothing touched on
 * failure, the usual file mode); report names in a directory.
 *
 *   test_report [ROOT [SAMPLE.json]]
 *
 * ROOT (passed by scripts/check.sh) is not needed.  With SAMPLE.json the
 * sample report, which has every field, every kind of stack object and
 * every kind of step, is also written there, for validation against
 * docs/report.schema.json.
 *
 * Built with graph.c (-DHAVE_GRAPH) it checks graph.c's step words;
 * without, a stub below gives the same words.
 */
#define _XOPEN_SOURCE 700

#include "escape.h"
#include "unit.h"
#include "util.h"

#include <dirent.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

/* The words of every step kind, as the JSON must show them. */
static const char *const step_words[ESC_STEP__COUNT] = {
	[ESC_STEP_ADDR] = "address-of",
	[ESC_STEP_ASSIGN] = "assign",
	[ESC_STEP_LOAD] = "load",
	[ESC_STEP_STORE_LOCAL] = "store to local",
	[ESC_STEP_STORE_PTR] = "store through pointer",
	[ESC_STEP_STORE_GLOBAL] = "store to global",
	[ESC_STEP_COPY] = "copy",
	[ESC_STEP_ARG] = "argument",
	[ESC_STEP_ARG_SUMMARY] = "argument kept by summary",
	[ESC_STEP_ARG_RULE] = "argument kept by rule",
	[ESC_STEP_ARG_UNKNOWN] = "argument of unknown function",
	[ESC_STEP_ARG_INDIRECT] = "argument of indirect call",
	[ESC_STEP_ARG_THREAD] = "thread argument",
	[ESC_STEP_CALL_RESULT] = "returned by call",
	[ESC_STEP_RETURN] = "return",
	[ESC_STEP_ASM] = "asm operand",
	[ESC_STEP_TO_INT] = "conversion to integer",
	[ESC_STEP_UNANALYSED] = "not analysed",
};

#ifndef HAVE_GRAPH
const char *esc_step_name(enum esc_step_kind kind)
{
	if ((unsigned)kind >= ESC_STEP__COUNT)
		return "?";
	return step_words[kind];
}
#endif

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static char *join(const char *dir, const char *name)
{
	char *s = esc_xmalloc(strlen(dir) + strlen(name) + 2);
	sprintf(s, "%s/%s", dir, name);
	return s;
}

static char *make_tmpdir(void)
{
	char tmpl[] = "/tmp/test_report.XXXXXX";
	if (!mkdtemp(tmpl)) {
		perror("mkdtemp");
		exit(2);
	}
	return esc_xstrdup(tmpl);
}

/* Removes dir and everything in it. */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		struct stat st;
		char *p;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		p = join(dir, e->d_name);
		if (!lstat(p, &st) && S_ISDIR(st.st_mode)) {
			chmod(p, 0700);
			remove_tree(p);
		} else {
			unlink(p);
		}
		free(p);
	}
	closedir(d);
	rmdir(dir);
}

/* Entries of dir (but . and ..); the single one's name into only. */
static int count_entries(const char *dir, char *only, size_t len)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (only && len)
			snprintf(only, len, "%s", e->d_name);
		n++;
	}
	closedir(d);
	return n;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t n = 0, cap = 4096;
	char *buf;

	if (!f)
		return NULL;
	buf = esc_xmalloc(cap);
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (n < cap - 1)
			break;
		cap *= 2;
		buf = esc_xrealloc(buf, cap);
	}
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void spew(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f || fputs(text, f) == EOF || fclose(f)) {
		perror(path);
		exit(2);
	}
}

static json_t *load(const char *path)
{
	json_error_t jerr;
	json_t *doc = json_load_file(path, 0, &jerr);
	if (!doc)
		printf("  %s:%d: %s\n", path, jerr.line, jerr.text);
	return doc;
}

/* Does obj have exactly these keys, in this order (NULL-terminated)? */
static int keys_are(json_t *obj, const char *const *keys)
{
	void *it = json_object_iter(obj);
	int i = 0;

	for (; it; it = json_object_iter_next(obj, it), i++)
		if (!keys[i] || strcmp(keys[i], json_object_iter_key(it)))
			return 0;
	return !keys[i];
}

static const char *sget(json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

static long iget(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	return json_is_integer(v) ? (long)json_integer_value(v) : -999;
}

static int is_null(json_t *obj, const char *key)
{
	return json_is_null(json_object_get(obj, key));
}

static json_t *at(json_t *obj, const char *key, size_t i)
{
	return json_array_get(json_object_get(obj, key), i);
}

static size_t len(json_t *obj, const char *key)
{
	json_t *a = json_object_get(obj, key);
	return json_is_array(a) ? json_array_size(a) : (size_t)-1;
}

/* ------------------------------------------------------------------ */
/* The sample: built by hand, as findings.c would                      */

static struct esc_pos at_pos(const char *file, int line, int col)
{
	struct esc_pos p = { file, line, col, 0 };
	return p;
}

static struct esc_step step(enum esc_step_kind kind, int line, int col,
			    const char *what, int arg)
{
	struct esc_step s;
	s.kind = kind;
	s.pos = at_pos("src/observe.c", line, col);
	s.what = what;
	s.arg = arg;
	return s;
}

static struct esc_step p0_heap[1], p1_heap[2], p1_result[1];
static struct esc_step snap1[2], snap2[3], every[ESC_STEP__COUNT];
static struct esc_step calloc_flow[2], alloca_flow[2];
static struct esc_param_report observe_params[3];
static struct esc_site_report snap_sites[2], alloca_sites[1], big_sites[1];
static struct esc_local_report observe_locals[3], big_locals[3];
static struct esc_alloc_report observe_allocs[2];
static struct esc_func_report observe, big, latin1;

static void build_sample(void)
{
	static struct esc_flow none;
	struct esc_param_report *p;
	struct esc_local_report *l;
	struct esc_alloc_report *a;

	/* observe(struct ev *p, struct ev *q, int *r) at 17:6 */
	observe.name = "observe";
	observe.pos = at_pos("src/observe.c", 17, 6);
	observe.gave_up = NULL;

	p = &observe_params[0]; /* leaking param: p */
	p->name = "p";
	p->index = 0;
	p->pos = at_pos("src/observe.c", 17, 26);
	p->leaks_to_heap = 0;
	p->leaks_to_result = -1;
	p0_heap[0] = step(ESC_STEP_ARG_UNKNOWN, 18, 2, "registry_add", 2);
	p->heap_flow = (struct esc_flow){ 1, p0_heap, 0 };
	p->result_flow = none;

	p = &observe_params[1]; /* leaking param content: q, result level=0 */
	p->name = "q";
	p->index = 1;
	p->pos = at_pos("src/observe.c", 17, 40);
	p->leaks_to_heap = 1;
	p->leaks_to_result = 0;
	p1_heap[0] = step(ESC_STEP_LOAD, 23, 7, NULL, 0);
	p1_heap[1] = step(ESC_STEP_STORE_GLOBAL, 23, 5, "last", 0);
	p->heap_flow = (struct esc_flow){ 2, p1_heap, 0 };
	p1_result[0] = step(ESC_STEP_RETURN, 25, 9, NULL, 0);
	p->result_flow = (struct esc_flow){ 1, p1_result, 0 };

	p = &observe_params[2]; /* r does not escape; position unknown */
	p->name = "r";
	p->index = 2;
	p->pos = at_pos("src/observe.c", 0, 0);
	p->leaks_to_heap = -1;
	p->leaks_to_result = -1;
	p->heap_flow = p->result_flow = none;

	l = &observe_locals[0]; /* snapshot escapes, at two sites */
	l->name = "snapshot";
	l->kind = ESC_OBJ_LOCAL;
	l->pos = at_pos("src/observe.c", 19, 13);
	l->escapes = 1;
	snap1[0] = step(ESC_STEP_ADDR, 20, 9, "snapshot", 0);
	snap1[1] = step(ESC_STEP_STORE_GLOBAL, 20, 7, "last", 0);
	snap2[0] = step(ESC_STEP_ADDR, 21, 15, "snapshot", 0);
	snap2[1] = step(ESC_STEP_ASSIGN, 21, 9, "alias", 0);
	snap2[2] = step(ESC_STEP_ASSIGN, 22, 9, "alias", 0);
	snap_sites[0] = (struct esc_site_report){
		at_pos("src/observe.c", 20, 9), { 2, snap1, 0 } };
	snap_sites[1] = (struct esc_site_report){
		at_pos("src/observe.c", 21, 15), { 3, snap2, 1 } };
	l->nsites = 2;
	l->sites = snap_sites;

	l = &observe_locals[1]; /* a compound literal that stays */
	l->name = "(compound literal)";
	l->kind = ESC_OBJ_COMPOUND;
	l->pos = at_pos("src/observe.c", 24, 20);
	l->escapes = 0;
	l->nsites = 0;
	l->sites = NULL;

	l = &observe_locals[2]; /* a VLA that stays */
	l->name = "buf";
	l->kind = ESC_OBJ_VLA;
	l->pos = at_pos("src/observe.c", 19, 7);
	l->escapes = 0;
	l->nsites = 0;
	l->sites = NULL;

	a = &observe_allocs[0]; /* malloc(...) does not escape */
	a->callee = "malloc";
	a->pos = at_pos("src/observe.c", 21, 22);
	a->escapes = 0;
	a->flow = none;

	a = &observe_allocs[1]; /* calloc(...) escapes to heap */
	a->callee = "calloc";
	a->pos = at_pos("src/observe.c", 22, 14);
	a->escapes = 1;
	calloc_flow[0] = step(ESC_STEP_ASSIGN, 22, 9, "c", 0);
	calloc_flow[1] = step(ESC_STEP_RETURN, 25, 9, NULL, 0);
	a->flow = (struct esc_flow){ 2, calloc_flow, 0 };

	observe.nparams = 3;
	observe.params = observe_params;
	observe.nlocals = 3;
	observe.locals = observe_locals;
	observe.nallocs = 2;
	observe.allocs = observe_allocs;

	/* big(): not analysed, no column known; every object kind left,
	   one flow made of every step kind */
	big.name = "big";
	big.pos = at_pos("src/observe.c", 40, 0);
	big.gave_up = "too large";

	l = &big_locals[0];
	l->name = "alloca(...)";
	l->kind = ESC_OBJ_ALLOCA;
	l->pos = at_pos("src/observe.c", 42, 13);
	l->escapes = 1;
	alloca_flow[0] = step(ESC_STEP_ADDR, 42, 13, NULL, 0);
	alloca_flow[1] = step(ESC_STEP_UNANALYSED, 42, 13, "too large", 0);
	alloca_sites[0] = (struct esc_site_report){
		at_pos("src/observe.c", 42, 13), { 2, alloca_flow, 0 } };
	l->nsites = 1;
	l->sites = alloca_sites;

	l = &big_locals[1];
	l->name = "x";
	l->kind = ESC_OBJ_PARAM;
	l->pos = at_pos("src/observe.c", 40, 14);
	l->escapes = 1;
	for (int k = 0; k < ESC_STEP__COUNT; k++)
		every[k] = step((enum esc_step_kind)k, 43, k + 1,
				k % 2 ? "thing" : NULL, k % 3);
	every[0].pos.file = NULL;
	big_sites[0] = (struct esc_site_report){
		at_pos("src/observe.c", 43, 1),
		{ ESC_STEP__COUNT, every, 0 } };
	l->nsites = 1;
	l->sites = big_sites;

	l = &big_locals[2];
	l->name = "{D.1234}";
	l->kind = ESC_OBJ_TEMP;
	l->pos = at_pos("src/observe.c", 44, 3);
	l->escapes = 1;
	l->nsites = 0;
	l->sites = NULL;

	big.nparams = 0;
	big.params = NULL;
	big.nlocals = 3;
	big.locals = big_locals;
	big.nallocs = 0;
	big.allocs = NULL;

	/* a function in a file whose name is Latin-1, not UTF-8 */
	memset(&latin1, 0, sizeof latin1);
	latin1.name = "caf\xe9";
	latin1.pos = at_pos("src/caf\xe9.c", 3, 5);
}

static struct esc_report *sample_report(void)
{
	struct esc_report *r = esc_report_new("src/observe.c", "12.2.0",
					      "-O2 m=1");
	esc_report_add(r, &observe);
	esc_report_add(r, &big);
	esc_report_add(r, &latin1);
	return r;
}

/* Writes the sample into a new directory; *dir to remove_tree. */
static json_t *write_and_load(struct esc_report *r, char **dir, char **path)
{
	char err[512] = "";

	*dir = make_tmpdir();
	*path = join(*dir, "observe.json");
	if (esc_report_write(r, *path, err, sizeof err)) {
		printf("  write failed: %s\n", err);
		return NULL;
	}
	return load(*path);
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

TEST(document_top)
{
	static const char *const top[] = { "version", "tool", "gcc", "flags",
		"source", "directory", "source_hash", "diagnostics", "functions",
		NULL };
	static const char *const tool_keys[] = { "name", "version", NULL };
	struct esc_report *r = sample_report();
	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);

	CHECK(doc != NULL);
	if (doc) {
		json_t *tool = json_object_get(doc, "tool");
		CHECK(keys_are(doc, top));
		CHECK_EQ_INT(iget(doc, "version"), 1);
		CHECK(keys_are(tool, tool_keys));
		CHECK_STR(sget(tool, "name"), "escape");
		CHECK_STR(sget(tool, "version"), ESCAPE_VERSION);
		CHECK_STR(sget(doc, "gcc"), "12.2.0");
		CHECK_STR(sget(doc, "flags"), "-O2 m=1");
		CHECK_STR(sget(doc, "source"), "src/observe.c");
		CHECK_EQ_INT(len(doc, "functions"), 3);
	}
	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(document_unknowns)
{
	struct esc_report *r = esc_report_new("x.c", NULL, NULL);
	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);

	CHECK(doc != NULL);
	if (doc) {
		CHECK(is_null(doc, "gcc"));
		CHECK(is_null(doc, "flags"));
		CHECK_STR(sget(doc, "source"), "x.c");
		CHECK_EQ_INT(len(doc, "functions"), 0);
	}
	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(format)
{
	static const char head[] = "{\n  \"version\": 1,\n  \"tool\": {\n"
				   "    \"name\": \"escape\",\n";
	struct esc_report *r = sample_report();
	char *dir, *path, *text;
	json_t *doc = write_and_load(r, &dir, &path);

	text = slurp(path);
	CHECK(text != NULL);
	if (text) {
		size_t n = strlen(text);
		CHECK(!strncmp(text, head, strlen(head)));
		CHECK(n >= 2 && !strcmp(text + n - 2, "}\n"));
		CHECK(strstr(text, "\n      \"name\": \"observe\",\n"));
	}
	free(text);
	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(functions)
{
	static const char *const keys[] = { "name", "file", "line", "column",
		"gave_up", "params", "locals", "allocations", "warnings", "link",
		NULL };
	struct esc_report *r = sample_report();
	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);
	json_t *f0 = at(doc, "functions", 0), *f1 = at(doc, "functions", 1);

	CHECK(f0 && f1);
	CHECK(keys_are(f0, keys));
	CHECK(keys_are(f1, keys));
	CHECK_STR(sget(f0, "name"), "observe");
	CHECK_STR(sget(f0, "file"), "src/observe.c");
	CHECK_EQ_INT(iget(f0, "line"), 17);
	CHECK_EQ_INT(iget(f0, "column"), 6);
	CHECK(is_null(f0, "gave_up"));
	CHECK_EQ_INT(len(f0, "params"), 3);
	CHECK_EQ_INT(len(f0, "locals"), 3);
	CHECK_EQ_INT(len(f0, "allocations"), 2);

	CHECK_STR(sget(f1, "name"), "big");
	CHECK_EQ_INT(iget(f1, "line"), 40);
	CHECK(is_null(f1, "column"));
	CHECK_STR(sget(f1, "gave_up"), "too large");
	CHECK_EQ_INT(len(f1, "params"), 0);
	CHECK_EQ_INT(len(f1, "allocations"), 0);

	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* A dangling address, suppressed by a comment: still in the report. */
TEST(warnings)
{
	struct esc_func_report f;
	struct esc_warning w;
	struct esc_step steps[1] = { { ESC_STEP_STORE_GLOBAL,
				       { "w.c", 7, 3, 0 }, "g", 0, NULL, 0 } };
	struct esc_flow flow = { 1, steps, 0 };

	memset(&f, 0, sizeof f);
	f.name = "publish";
	f.pos = at_pos("w.c", 5, 6);
	memset(&w, 0, sizeof w);
	w.id = "escape-global";
	w.object = "x";
	w.pos = at_pos("w.c", 7, 9);
	w.sink = at_pos("w.c", 7, 3);
	w.message = "address of 'x' is left in global 'g' [escape-global]";
	w.flow = &flow;
	w.suppressed = 1;
	esc_report_warning(&f, &w);
	CHECK_EQ_INT(f.nwarnings, 1);
	CHECK(f.warnings[0].message != w.message); /* copied */

	struct esc_report *r = esc_report_new("w.c", "12.2.0", NULL);
	esc_report_add(r, &f);
	free((char *)f.warnings[0].message);
	free(f.warnings);
	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);
	json_t *fn = at(doc, "functions", 0);
	json_t *ws = fn ? json_object_get(fn, "warnings") : NULL;
	json_t *w0 = ws ? json_array_get(ws, 0) : NULL;
	CHECK(w0 != NULL);
	if (w0) {
		CHECK_STR(sget(w0, "rule"), "escape-global");
		CHECK_STR(sget(w0, "object"), "x");
		/* where it stands, as GCC's warning: the sink */
		CHECK_EQ_INT(json_integer_value(json_object_get(w0, "line")), 7);
		CHECK_EQ_INT(json_integer_value(json_object_get(w0, "column")), 3);
		CHECK_EQ_INT(json_integer_value(json_object_get(
			json_object_get(w0, "sink"), "column")), 3);
		CHECK_EQ_INT(json_integer_value(json_object_get(
			json_object_get(w0, "address"), "column")), 9);
		CHECK(json_is_true(json_object_get(w0, "suppressed")));
		CHECK_EQ_INT(json_array_size(json_object_get(
			json_object_get(w0, "flow"), "steps")), 1);
	}
	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* LSP diagnostics: 0-based ranges, a file:// URI, codes and severities,
   the flow as related information; suppressed warnings left out. */
TEST(diagnostics)
{
	struct esc_func_report f;
	struct esc_param_report p;
	struct esc_warning w[2];
	struct esc_step steps[1] = { { ESC_STEP_STORE_GLOBAL,
				       { "d.c", 9, 4, 0 }, "g", 0, NULL, 0 } };
	struct esc_flow flow = { 1, steps, 0 };

	memset(&f, 0, sizeof f);
	f.name = "f";
	f.pos = at_pos("d.c", 3, 5);
	memset(&p, 0, sizeof p);
	p.name = "p";
	p.pos = at_pos("d.c", 3, 12);
	p.leaks_to_heap = 0;
	p.leaks_to_result = -1;
	p.heap_flow = flow;
	f.nparams = 1;
	f.params = &p;
	for (int i = 0; i < 2; i++) {
		memset(&w[i], 0, sizeof w[i]);
		w[i].id = "escape-global";
		w[i].object = "x";
		w[i].pos = at_pos("d.c", 9, 8);
		w[i].sink = at_pos("d.c", 9, 4);
		w[i].message = "address of 'x' is left in global 'g' [escape-global]";
		w[i].flow = &flow;
		w[i].suppressed = i;
		esc_report_warning(&f, &w[i]);
	}
	struct esc_report *r = esc_report_new("d.c", "12.2.0", NULL);
	esc_report_add(r, &f);
	for (int i = 0; i < f.nwarnings; i++)
		free((char *)f.warnings[i].message);
	free(f.warnings);

	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);
	json_t *ds = doc ? json_object_get(doc, "diagnostics") : NULL;
	CHECK_EQ_INT(json_array_size(ds), 2); /* the leak, the unsuppressed warning */
	json_t *leak = json_array_get(ds, 0), *dang = json_array_get(ds, 1);
	if (leak && dang) {
		json_t *start = json_object_get(json_object_get(leak, "range"), "start");
		CHECK_EQ_INT(json_integer_value(json_object_get(start, "line")), 2);
		CHECK_EQ_INT(json_integer_value(json_object_get(start, "character")), 11);
		CHECK_STR(sget(leak, "code"), "leak");
		CHECK_EQ_INT(json_integer_value(json_object_get(leak, "severity")), 3);
		CHECK_STR(sget(leak, "message"), "leaking param: p");
		CHECK_STR(sget(leak, "source"), "escape");
		CHECK(!strncmp(sget(leak, "uri"), "file:///", 8));
		CHECK(strstr(sget(leak, "uri"), "/d.c") != NULL);
		CHECK_STR(sget(dang, "code"), "dangling");
		CHECK_EQ_INT(json_integer_value(json_object_get(dang, "severity")), 2);
		/* at the sink, as GCC's warning; the address-of is a note */
		json_t *ds0 = json_object_get(json_object_get(dang, "range"), "start");
		CHECK_EQ_INT(json_integer_value(json_object_get(ds0, "line")), 8);
		CHECK_EQ_INT(json_integer_value(json_object_get(ds0, "character")), 3);
		json_t *rel = json_object_get(dang, "relatedInformation");
		CHECK_EQ_INT(json_array_size(rel), 2);
		CHECK_STR(sget(json_array_get(rel, 0), "message"), "address of 'x' taken here");
		CHECK_STR(sget(json_array_get(rel, 1), "message"), "store to global g");
	}
	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}



TEST(params)
{
	static const char *const keys[] = { "name", "index", "line", "column",
		"leaks_to_heap", "leaks_to_result", "flows", NULL };
	static const char *const flow_keys[] = { "sink", "steps", "truncated",
		NULL };
	static const char *const step_keys[] = { "kind", "file", "line",
		"column", "what", "arg", NULL };
	struct esc_report *r = sample_report();
	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);
	json_t *f0 = at(doc, "functions", 0);
	json_t *p = at(f0, "params", 0), *q = at(f0, "params", 1);
	json_t *pr = at(f0, "params", 2), *fl, *s;

	CHECK(p && q && pr);
	CHECK(keys_are(p, keys));

	/* leaking param: p */
	CHECK_STR(sget(p, "name"), "p");
	CHECK_EQ_INT(iget(p, "index"), 0);
	CHECK_EQ_INT(iget(p, "line"), 17);
	CHECK_EQ_INT(iget(p, "column"), 26);
	CHECK_EQ_INT(iget(p, "leaks_to_heap"), 0);
	CHECK(is_null(p, "leaks_to_result"));
	CHECK_EQ_INT(len(p, "flows"), 1);
	fl = at(p, "flows", 0);
	CHECK(keys_are(fl, flow_keys));
	CHECK_STR(sget(fl, "sink"), "heap");
	CHECK(json_is_false(json_object_get(fl, "truncated")));
	CHECK_EQ_INT(len(fl, "steps"), 1);
	s = at(fl, "steps", 0);
	CHECK(keys_are(s, step_keys));
	CHECK_STR(sget(s, "kind"), "argument of unknown function");
	CHECK_STR(sget(s, "file"), "src/observe.c");
	CHECK_EQ_INT(iget(s, "line"), 18);
	CHECK_EQ_INT(iget(s, "column"), 2);
	CHECK_STR(sget(s, "what"), "registry_add");
	CHECK_EQ_INT(iget(s, "arg"), 2);

	/* leaking param content: q, and to result level=0: heap flow first */
	CHECK_EQ_INT(iget(q, "index"), 1);
	CHECK_EQ_INT(iget(q, "leaks_to_heap"), 1);
	CHECK_EQ_INT(iget(q, "leaks_to_result"), 0);
	CHECK_EQ_INT(len(q, "flows"), 2);
	fl = at(q, "flows", 0);
	CHECK_STR(sget(fl, "sink"), "heap");
	CHECK_EQ_INT(len(fl, "steps"), 2);
	s = at(fl, "steps", 0);
	CHECK_STR(sget(s, "kind"), "load");
	CHECK(is_null(s, "what"));
	CHECK(is_null(s, "arg"));
	s = at(fl, "steps", 1);
	CHECK_STR(sget(s, "kind"), "store to global");
	CHECK_STR(sget(s, "what"), "last");
	fl = at(q, "flows", 1);
	CHECK_STR(sget(fl, "sink"), "result");
	CHECK_EQ_INT(len(fl, "steps"), 1);
	CHECK_STR(sget(at(fl, "steps", 0), "kind"), "return");

	/* r does not escape, and its position is unknown */
	CHECK_STR(sget(pr, "name"), "r");
	CHECK_EQ_INT(iget(pr, "index"), 2);
	CHECK(is_null(pr, "line"));
	CHECK(is_null(pr, "column"));
	CHECK(is_null(pr, "leaks_to_heap"));
	CHECK(is_null(pr, "leaks_to_result"));
	CHECK_EQ_INT(len(pr, "flows"), 0);

	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(locals)
{
	static const char *const keys[] = { "name", "kind", "line", "column",
		"escapes", "sites", NULL };
	static const char *const site_keys[] = { "file", "line", "column",
		"flow", NULL };
	static const char *const flow_keys[] = { "steps", "truncated", NULL };
	struct esc_report *r = sample_report();
	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);
	json_t *f0 = at(doc, "functions", 0), *f1 = at(doc, "functions", 1);
	json_t *l = at(f0, "locals", 0), *site, *fl, *s;

	CHECK(l != NULL);
	CHECK(keys_are(l, keys));
	CHECK_STR(sget(l, "name"), "snapshot");
	CHECK_STR(sget(l, "kind"), "local");
	CHECK_EQ_INT(iget(l, "line"), 19);
	CHECK_EQ_INT(iget(l, "column"), 13);
	CHECK(json_is_true(json_object_get(l, "escapes")));
	CHECK_EQ_INT(len(l, "sites"), 2);
	site = at(l, "sites", 0);
	CHECK(keys_are(site, site_keys));
	CHECK_EQ_INT(iget(site, "line"), 20);
	CHECK_EQ_INT(iget(site, "column"), 9);
	fl = json_object_get(site, "flow");
	CHECK(keys_are(fl, flow_keys)); /* no "sink" but in params' flows */
	CHECK(json_is_false(json_object_get(fl, "truncated")));
	CHECK_EQ_INT(len(fl, "steps"), 2);
	s = at(fl, "steps", 0);
	CHECK_STR(sget(s, "kind"), "address-of");
	CHECK_STR(sget(s, "what"), "snapshot");
	site = at(l, "sites", 1);
	CHECK_EQ_INT(iget(site, "line"), 21);
	fl = json_object_get(site, "flow");
	CHECK(json_is_true(json_object_get(fl, "truncated")));
	CHECK_EQ_INT(len(fl, "steps"), 3);

	l = at(f0, "locals", 1);
	CHECK_STR(sget(l, "name"), "(compound literal)");
	CHECK_STR(sget(l, "kind"), "compound literal");
	CHECK(json_is_false(json_object_get(l, "escapes")));
	CHECK_EQ_INT(len(l, "sites"), 0);
	CHECK_STR(sget(at(f0, "locals", 2), "kind"), "vla");

	CHECK_STR(sget(at(f1, "locals", 0), "kind"), "alloca");
	CHECK_STR(sget(at(f1, "locals", 0), "name"), "alloca(...)");
	CHECK_STR(sget(at(f1, "locals", 1), "kind"), "param");
	CHECK_STR(sget(at(f1, "locals", 2), "kind"), "temporary");
	/* escaping, but no site known: an empty list, not null */
	CHECK(json_is_true(json_object_get(at(f1, "locals", 2), "escapes")));
	CHECK_EQ_INT(len(at(f1, "locals", 2), "sites"), 0);

	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(allocations)
{
	static const char *const keys[] = { "callee", "line", "column",
		"escapes", "flow", NULL };
	struct esc_report *r = sample_report();
	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);
	json_t *f0 = at(doc, "functions", 0);
	json_t *a = at(f0, "allocations", 0), *b = at(f0, "allocations", 1);
	json_t *fl;

	CHECK(a && b);
	CHECK(keys_are(a, keys));
	CHECK_STR(sget(a, "callee"), "malloc");
	CHECK_EQ_INT(iget(a, "line"), 21);
	CHECK_EQ_INT(iget(a, "column"), 22);
	CHECK(json_is_false(json_object_get(a, "escapes")));
	CHECK(is_null(a, "flow"));

	CHECK_STR(sget(b, "callee"), "calloc");
	CHECK(json_is_true(json_object_get(b, "escapes")));
	fl = json_object_get(b, "flow");
	CHECK(json_is_object(fl));
	CHECK(json_object_get(fl, "sink") == NULL);
	CHECK_EQ_INT(len(fl, "steps"), 2);
	CHECK_STR(sget(at(fl, "steps", 0), "kind"), "assign");
	CHECK_STR(sget(at(fl, "steps", 1), "kind"), "return");

	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(step_kinds)
{
	struct esc_report *r = sample_report();
	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);
	json_t *l = at(at(doc, "functions", 1), "locals", 1);
	json_t *fl = json_object_get(at(l, "sites", 0), "flow");

	CHECK_EQ_INT(len(fl, "steps"), ESC_STEP__COUNT);
	for (int k = 0; k < ESC_STEP__COUNT; k++) {
		json_t *s = at(fl, "steps", (size_t)k);
		CHECK_STR(sget(s, "kind"), step_words[k]);
		CHECK_EQ_INT(iget(s, "column"), k + 1);
		if (k % 2)
			CHECK_STR(sget(s, "what"), "thing");
		else
			CHECK(is_null(s, "what"));
		if (k % 3)
			CHECK_EQ_INT(iget(s, "arg"), k % 3);
		else
			CHECK(is_null(s, "arg"));
	}
	CHECK(is_null(at(fl, "steps", 0), "file"));
	CHECK_STR(sget(at(fl, "steps", 1), "file"), "src/observe.c");

	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* Steps in words, as notes and diagnostics give them: an argument by its
   number, a nested function's static chain by name. */
TEST(step_text)
{
	char buf[128];
	struct esc_step s = step(ESC_STEP_ARG_UNKNOWN, 1, 1, "registry_add", 2);
	esc_step_text(&s, buf, sizeof buf);
	CHECK_STR(buf, "argument 2 of registry_add (no body, no rule)");
	s = step(ESC_STEP_ARG_SUMMARY, 1, 1, "stash", ESC_ARG_CHAIN);
	esc_step_text(&s, buf, sizeof buf);
	CHECK_STR(buf, "static chain of stash (kept by its body)");
	s = step(ESC_STEP_ARG, 1, 1, "inner", ESC_ARG_CHAIN);
	esc_step_text(&s, buf, sizeof buf);
	CHECK_STR(buf, "static chain of inner");
	s = step(ESC_STEP_CALL_RESULT, 1, 1, "inner", ESC_ARG_CHAIN);
	esc_step_text(&s, buf, sizeof buf);
	CHECK_STR(buf, "returned by inner (static chain)");
	s = step(ESC_STEP_CALL_RESULT, 1, 1, "id", 1);
	esc_step_text(&s, buf, sizeof buf);
	CHECK_STR(buf, "returned by id (argument 1)");

	/* the words of the other steps, written without printf, and the
	   flow notes: cut to the buffer as snprintf cuts */
	char big[600], name[560], want[600];
	s = step(ESC_STEP_STORE_GLOBAL, 1, 1, "registry", 0);
	esc_step_text(&s, buf, sizeof buf);
	CHECK_STR(buf, "store to global registry");
	s.what = NULL;
	esc_step_text(&s, buf, sizeof buf);
	CHECK_STR(buf, "store to global");
	s.what = "registry";
	esc_step_text(&s, buf, 12);
	CHECK_STR(buf, "store to gl");
	esc_step_text(&s, buf, 16);
	CHECK_STR(buf, "store to global");
	esc_step_text(&s, buf, 17);
	CHECK_STR(buf, "store to global ");
	buf[0] = 'x';
	esc_step_text(&s, buf, 0);
	CHECK(buf[0] == 'x');
	struct esc_flow f = { 1, &s, 0 };
	CHECK(esc_flow_note(&f, 0, big, sizeof big));
	CHECK_STR(big, "  flow: store to global registry");
	CHECK(esc_flow_note(&f, 0, buf, 14));
	CHECK_STR(buf, "  flow: store");
	/* the words are at most 479 bytes, whatever the buffer */
	memset(name, 'n', sizeof name - 1);
	name[sizeof name - 1] = 0;
	s.what = name;
	CHECK(esc_flow_note(&f, 0, big, sizeof big));
	snprintf(want, sizeof want, "  flow: store to global %.*s",
		 479 - (int)strlen("store to global "), name);
	CHECK_STR(big, want);
	CHECK(esc_flow_note(&f, 0, buf, sizeof buf));
	CHECK(strlen(buf) == sizeof buf - 1 && !strncmp(buf, want, sizeof buf - 1));

	/* the steps that name an argument, written without printf: the
	   bytes of session 11's snprintf formats, at every buffer size */
	static const enum esc_step_kind kinds[] = {
		ESC_STEP_ARG, ESC_STEP_ARG_SUMMARY, ESC_STEP_ARG_RULE,
		ESC_STEP_ARG_UNKNOWN, ESC_STEP_ARG_INDIRECT,
		ESC_STEP_ARG_THREAD, ESC_STEP_CALL_RESULT, ESC_STEP_ASM,
	};
	static const int args[] = { 1, 2, 17, 12345, 0, -7, ESC_ARG_CHAIN,
				     2147483647, -2147483647 - 1 };
	static const char *const whats[] = { "f", "registry_add", NULL };
	int same = 0, all = 0;
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		for (size_t a = 0; a < sizeof args / sizeof *args; a++)
			for (size_t n = 0; n < 3; n++) {
				char arg[32], ref[128];
				const char *w = whats[n] ? whats[n] : "?";
				if (args[a] == ESC_ARG_CHAIN)
					snprintf(arg, sizeof arg, "static chain");
				else
					snprintf(arg, sizeof arg, "argument %d", args[a]);
				switch (kinds[k]) {
				case ESC_STEP_ARG: snprintf(ref, sizeof ref, "%s of %s", arg, w); break;
				case ESC_STEP_ARG_SUMMARY: snprintf(ref, sizeof ref, "%s of %s (kept by its body)", arg, w); break;
				case ESC_STEP_ARG_RULE: snprintf(ref, sizeof ref, "%s of %s (kept by its rule)", arg, w); break;
				case ESC_STEP_ARG_UNKNOWN: snprintf(ref, sizeof ref, "%s of %s (no body, no rule)", arg, w); break;
				case ESC_STEP_ARG_INDIRECT: snprintf(ref, sizeof ref, "%s of indirect call", arg); break;
				case ESC_STEP_ARG_THREAD: snprintf(ref, sizeof ref, "thread argument of %s", w); break;
				case ESC_STEP_CALL_RESULT: snprintf(ref, sizeof ref, "returned by %s (%s)", w, arg); break;
				default: snprintf(ref, sizeof ref, "asm operand %d", args[a]); break;
				}
				s = step(kinds[k], 1, 1, whats[n], args[a]);
				for (size_t len = 1; len <= strlen(ref) + 2; len++) {
					memset(buf, 'x', sizeof buf);
					esc_step_text(&s, buf, len);
					all++;
					same += strlen(buf) == (len - 1 < strlen(ref) ? len - 1 : strlen(ref)) &&
						!strncmp(buf, ref, strlen(buf));
				}
			}
	CHECK_EQ_INT(same, all);

	/* a parameter's messages, written without printf: session 11's
	   formats, a name too long for them included */
	char longname[400];
	memset(longname, 'q', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	static const int levels[] = { -1, 0, 1, 2, 127 };
	const char *names[] = { "p", longname, NULL };
	same = all = 0;
	for (size_t n = 0; n < 3; n++)
		for (size_t a = 0; a < 5; a++)
			for (size_t b = 0; b < 5; b++) {
				struct esc_param_report pr;
				memset(&pr, 0, sizeof pr);
				pr.name = names[n];
				pr.leaks_to_heap = levels[a];
				pr.leaks_to_result = levels[b];
				char msgs[2][256], ref[2][256];
				const struct esc_flow *fl[2];
				const char *nm = names[n] ? names[n] : "?";
				int h = levels[a], rr = levels[b], k = 0;
				if (h >= 0)
					snprintf(ref[k++], sizeof ref[0], h == 0 ? "leaking param: %s"
						 : "leaking param content: %s", nm);
				if (rr >= 0 && !(h >= 0 && h <= rr))
					snprintf(ref[k++], sizeof ref[0],
						 "leaking param: %s to result level=%d", nm, rr);
				if (!k)
					snprintf(ref[k++], sizeof ref[0], "%s does not escape", nm);
				int got = esc_param_messages(&pr, msgs, fl);
				all++;
				same += got == k && !strcmp(msgs[0], ref[0]) &&
					(k < 2 || !strcmp(msgs[1], ref[1]));
			}
	CHECK_EQ_INT(same, all);
}

/* The notes of a function, in Go's words, worded by the core: a
   parameter's; sites in source order (ties keep the report's order); at
   m=2 a flow once per object and sink, a later site ending at the same
   sink referring to it; an allocation that does not escape; quiet
   positions left out. */
static int quiet_line_9(struct esc_pos p)
{
	return p.line == 9;
}

TEST(func_notes)
{
	struct esc_step s1[2] = { step(ESC_STEP_ADDR, 3, 2, "x", 0),
				  step(ESC_STEP_STORE_GLOBAL, 3, 2, "g", 0) };
	struct esc_step s2[2] = { step(ESC_STEP_ADDR, 5, 2, "x", 0),
				  step(ESC_STEP_STORE_GLOBAL, 5, 2, "g", 0) };
	struct esc_site_report sites[3] = {
		{ at_pos("n.c", 5, 2), { 2, s2, 0 } },
		{ at_pos("n.c", 3, 2), { 2, s1, 0 } },
		{ at_pos("n.c", 9, 2), { 2, s1, 0 } },
	};
	struct esc_local_report locals[2];
	memset(locals, 0, sizeof locals);
	locals[0].name = "x";
	locals[0].kind = ESC_OBJ_LOCAL;
	locals[0].pos = at_pos("n.c", 2, 6);
	locals[0].escapes = 1;
	locals[0].nsites = 3;
	locals[0].sites = sites;
	locals[1].name = "y";
	locals[1].kind = ESC_OBJ_LOCAL;
	locals[1].pos = at_pos("n.c", 3, 2);
	locals[1].escapes = 1;
	struct esc_alloc_report alloc = { .callee = "malloc", .pos = at_pos("n.c", 7, 8) };
	struct esc_param_report param;
	memset(&param, 0, sizeof param);
	param.name = "p";
	param.pos = at_pos("n.c", 1, 10);
	param.leaks_to_heap = 1;
	param.leaks_to_result = -1;
	struct esc_func_report r;
	memset(&r, 0, sizeof r);
	r.name = "f";
	r.pos = at_pos("n.c", 1, 5);
	r.nparams = 1;
	r.params = &param;
	r.nlocals = 2;
	r.locals = locals;
	r.nallocs = 1;
	r.allocs = &alloc;

	struct esc_note *v;
	int n = esc_func_notes(&r, 1, quiet_line_9, &v);
	CHECK_EQ_INT(n, 5);
	if (n == 5) {
		CHECK_STR(v[0].text, "leaking param content: p");
		CHECK(v[0].flow == NULL);
		CHECK_STR(v[1].text, "x escapes to heap");
		CHECK_EQ_INT(v[1].pos.line, 3);
		CHECK_STR(v[2].text, "y escapes to heap");
		CHECK_STR(v[3].text, "x escapes to heap");
		CHECK_EQ_INT(v[3].pos.line, 5);
		CHECK_STR(v[4].text, "malloc(...) does not escape");
	}
	free(v);

	n = esc_func_notes(&r, 2, quiet_line_9, &v);
	CHECK_EQ_INT(n, 5);
	if (n == 5) {
		CHECK_STR(v[1].text, "x escapes to heap:");
		CHECK(v[1].flow == &sites[1].flow);
		CHECK_STR(v[3].text, "x escapes to heap: store to global g, "
				     "as explained at line 3");
		CHECK(v[3].flow == NULL);
	}
	free(v);

	char buf[128];
	struct esc_flow cut = { 2, s1, 1 };
	CHECK(esc_flow_note(&cut, 1, buf, sizeof buf));
	CHECK_STR(buf, "  flow: store to global g");
	CHECK(esc_flow_note(&cut, 2, buf, sizeof buf));
	CHECK_STR(buf, "  flow: (explanation cut here)");
	CHECK(!esc_flow_note(&cut, 3, buf, sizeof buf));
	CHECK(!esc_flow_note(&sites[0].flow, 2, buf, sizeof buf));

	CHECK_EQ_INT(esc_func_notes(&r, 0, NULL, &v), 0);
	free(v);
}

TEST(not_utf8)
{
	struct esc_report *r = sample_report();
	char *dir, *path;
	json_t *doc = write_and_load(r, &dir, &path);
	json_t *f = at(doc, "functions", 2);

	CHECK(f != NULL);
	CHECK_STR(sget(f, "name"), "caf\xef\xbf\xbd");
	CHECK_STR(sget(f, "file"), "src/caf\xef\xbf\xbd.c");
	CHECK(is_null(f, "gave_up"));
	CHECK_EQ_INT(len(f, "params"), 0);
	CHECK_EQ_INT(len(f, "locals"), 0);

	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* esc_report_add copies: the function report may go right after. */
TEST(add_copies)
{
	struct esc_report *r = esc_report_new("copy.c", "12", "");
	struct esc_func_report *f = esc_xcalloc(1, sizeof *f);
	char *name = esc_xstrdup("transient");
	char *dir, *path;
	json_t *doc;

	f->name = name;
	f->pos = at_pos(name, 1, 1);
	f->nparams = 1;
	f->params = esc_xcalloc(1, sizeof *f->params);
	f->params[0].name = name;
	f->params[0].leaks_to_heap = 0;
	f->params[0].leaks_to_result = -1;
	f->params[0].heap_flow.nsteps = 1;
	f->params[0].heap_flow.steps = esc_xcalloc(1, sizeof(struct esc_step));
	f->params[0].heap_flow.steps[0] = step(ESC_STEP_RETURN, 2, 3, name, 0);
	esc_report_add(r, f);
	memset(name, 'X', strlen(name));
	free(name);
	free(f->params[0].heap_flow.steps);
	free(f->params);
	free(f);

	doc = write_and_load(r, &dir, &path);
	CHECK_STR(sget(at(doc, "functions", 0), "name"), "transient");
	CHECK_STR(sget(at(at(doc, "functions", 0), "params", 0), "name"),
		  "transient");
	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* A big report's text goes to a temporary file as it grows, and the
   document is the same bytes as one kept whole in memory: written twice,
   and with no temporary file to be had ($TMPDIR not a directory). */
TEST(spill_same_bytes)
{
	struct esc_report *whole = esc_report_new("src/observe.c", "12", "");
	struct esc_report *spilt = esc_report_new("src/observe.c", "12", "");
	struct esc_report *stuck = esc_report_new("src/observe.c", "12", "");
	char *dir = make_tmpdir(), *p1 = join(dir, "whole.json");
	char *p2 = join(dir, "spilt.json"), *p3 = join(dir, "stuck.json");
	char *nodir = join(dir, "not-a-dir"), err[512] = "";
	const char *old = getenv("TMPDIR");
	char *saved = old ? esc_xstrdup(old) : NULL;
	size_t most = 0;

	esc_report_spill_at(whole, (size_t)-1);
	esc_report_spill_at(spilt, 4096);
	esc_report_spill_at(stuck, 4096);
	spew(nodir, "x");
	for (int i = 0; i < 300; i++) {
		esc_report_add(whole, i % 2 ? &big : &observe);
		esc_report_add(spilt, i % 2 ? &big : &observe);
		if (esc_report_held(spilt) > most)
			most = esc_report_held(spilt);
		setenv("TMPDIR", nodir, 1);
		esc_report_add(stuck, i % 2 ? &big : &observe);
		if (saved)
			setenv("TMPDIR", saved, 1);
		else
			unsetenv("TMPDIR");
	}
	CHECK(esc_report_held(whole) > 100000);
	CHECK(most < 2 * 4096 + 8192);
	CHECK_EQ_INT(esc_report_held(stuck), esc_report_held(whole));
	CHECK_EQ_INT(esc_report_write(whole, p1, err, sizeof err), 0);
	CHECK_EQ_INT(esc_report_write(spilt, p2, err, sizeof err), 0);
	CHECK_EQ_INT(esc_report_write(stuck, p3, err, sizeof err), 0);
	char *t1 = slurp(p1), *t2 = slurp(p2), *t3 = slurp(p3);
	CHECK(t1 && t2 && t3 && strlen(t1) > 100000);
	CHECK_STR(t2, t1);
	CHECK_STR(t3, t1);
	free(t2);
	/* written again, after one more function, still the same */
	esc_report_add(whole, &latin1);
	esc_report_add(spilt, &latin1);
	CHECK_EQ_INT(esc_report_write(whole, p1, err, sizeof err), 0);
	CHECK_EQ_INT(esc_report_write(spilt, p2, err, sizeof err), 0);
	free(t1);
	t1 = slurp(p1);
	t2 = slurp(p2);
	CHECK(t1 && t2);
	CHECK_STR(t2, t1);
	json_t *doc = load(p2);
	CHECK_EQ_INT(len(doc, "functions"), 301);
	json_decref(doc);

	free(t1);
	free(t2);
	free(t3);
	free(saved);
	esc_report_free(whole);
	esc_report_free(spilt);
	esc_report_free(stuck);
	remove_tree(dir);
	free(dir);
	free(p1);
	free(p2);
	free(p3);
	free(nodir);
}

/* ------------------------------------------------------------------ */
/* The text, byte for byte as Jansson would write it                   */

/* A function report with every key of "link": a summary with stores
   (one to the fresh result, one assumed), vwhen and guards, imports
   with constants, a pending warning with undo calls (one through an
   earlier call), and effects of every kind. */
static struct esc_func_report *linked_report(void)
{
	static signed char lv[3] = { 0, -1, 2 }, gs[3] = { -1, 1, -1 };
	static struct esc_summary_store stores[2] = {
		{ 0, ESC_FRESH_RESULT, 1, 1, 0 }, { 1, 0, 0, 2, 1 } };
	static long long vwhen[2] = { -3, 7 };
	static struct esc_summary_guard guards[1] = { { 1, 6, gs } };
	static struct esc_summary sum;
	static struct esc_const consts[2] = { { 1, -5 }, { 2, 9000000000LL } };
	static struct esc_import imports[2];
	static int pairs[2][2] = { { 0, 1 }, { 1, -1 } };
	static struct esc_undo_call undo[2] = {
		{ "event_del", 2, pairs, NULL, 0 },
		{ "base_free", 1, pairs, "assign", 1 } };
	static struct esc_warning warns[1];
	static struct esc_effect fx[4];
	static struct esc_param_report params[1];
	static struct esc_local_report locals[1];
	static struct esc_func_report f;

	sum.nparams = 2;
	sum.heap = sum.sure = sum.result = lv;
	sum.local_heap = sum.local_sure = sum.local_result = gs;
	sum.nstores = 2;
	sum.stores = stores;
	sum.fresh = 1;
	sum.vwhen_param = 1;
	sum.nvwhen = 2;
	sum.vwhen = vwhen;
	sum.nguards = 1;
	sum.guards = guards;

	for (int i = 0; i < 2; i++) {
		imports[i].callee = i ? "keep" : "hold";
		imports[i].arg = i;
		imports[i].derefs = i - 1;
		imports[i].value_result = i ? 1 : -1;
		imports[i].value_heap = -1;
		imports[i].sure = i;
		imports[i].addr = !i;
		imports[i].pos = at_pos(i ? NULL : "src/link.c", 4 + i, i);
		imports[i].owner_kind = i ? ESC_OWNER_LOCAL : ESC_OWNER_ALLOC;
		imports[i].owner = i;
		imports[i].nconsts = i ? 2 : 0;
		imports[i].consts = consts;
	}
	warns[0].id = "escape-callee";
	warns[0].object = "ev";
	warns[0].pos = at_pos("src/link.c", 9, 3);
	warns[0].message = "address of \"ev\"\tkept\\";
	warns[0].pending = &imports[1];
	warns[0].nundo = 2;
	warns[0].undo = undo;

	for (int i = 0; i < 4; i++) {
		fx[i].kind = (enum esc_effect_kind)i;
		fx[i].param = i;
		fx[i].path = i ? "g/f" : "";
		fx[i].pointer = i & 1;
		fx[i].pop = 1;
		fx[i].nonzero = i == 0;
		fx[i].setbits = i == 1 ? 4 : 0;
		fx[i].clrbits = i == 1 ? 4 : ~(uint64_t)0;
		fx[i].guard = i >= 2 ? "linked" : NULL;
		fx[i].mask = i == 3 ? 8 : 0;
		fx[i].callee = "del";
		fx[i].arg = 1;
		fx[i].every = 1;
		fx[i].alt = i == 2 ? 2 : 0;
	}
	params[0].name = "p";
	params[0].pos = at_pos("src/link.c", 2, 0);
	params[0].leaks_to_heap = -1;
	params[0].leaks_to_result = -1;
	params[0].local_heap = 1;
	locals[0].name = "ev";
	locals[0].pos = at_pos("src/link.c", 3, 7);
	locals[0].local_content = -1;
	locals[0].local_escapes = 1;

	f.name = "linked";
	f.pos = at_pos("src/link.c", 1, 1);
	f.nparams = 1;
	f.params = params;
	f.nlocals = 1;
	f.locals = locals;
	f.nwarnings = 1;
	f.warnings = warns;
	f.nimports = 2;
	f.imports = imports;
	f.symbol = "linked";
	f.signature = "struct ev *";
	f.summary = &sum;
	f.neffects = 4;
	f.effects = fx;
	return &f;
}

/* The report's text is what json_dumps (JSON_INDENT(2)) gives its own
   document, read back, and a newline: the layout of Jansson's writer,
   with which the report was made until session 11. */
TEST(jansson_same_bytes)
{
	struct esc_report *r = sample_report();
	char *dir, *path;

	esc_report_add(r, linked_report());
	json_t *doc = write_and_load(r, &dir, &path);
	char *text = slurp(path);
	char *again = doc ? json_dumps(doc, JSON_INDENT(2)) : NULL;

	CHECK(text && again);
	if (text && again) {
		size_t n = strlen(again);
		CHECK(strlen(text) == n + 1 && !strncmp(text, again, n) &&
		      text[n] == '\n');
		CHECK(strstr(text, "\"vwhen\": {"));
		CHECK(strstr(text, "\"through\": {"));
		CHECK(strstr(text, "9000000000"));
		CHECK(strstr(text, "\"clears\": 4"));
		/* the ranges, written at once (k_range) */
		CHECK(strstr(text, "\"relatedInformation\": [\n"));
		CHECK(strstr(text, "\"range\": {"));
		/* and a summary's levels (k_levels) */
		CHECK(strstr(text, "\"heap\": [\n"));
		CHECK(strstr(text, "null,\n"));
	}
	free(again);
	free(text);
	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* Strings: each as json_dumps writes json_string of it (with its bad
   UTF-8 bytes made U+FFFD, which json_string refuses) - escapes, control
   characters, DEL, valid sequences of 2 to 4 bytes, and bytes that start
   or continue no valid sequence (overlong, surrogate, past U+10FFFF,
   cut short). */
TEST(json_strings_as_jansson)
{
	static const char *const cases[][2] = {
		{ "plain", "plain" },
		{ "q\"b\\s/", "q\"b\\s/" },
		{ "\x01\b\f\n\r\t\x1f\x7f", "\x01\b\f\n\r\t\x1f\x7f" },
		{ "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" },
		{ "caf\xe9", "caf\xef\xbf\xbd" },
		{ "\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd" },
		{ "\xed\xa0\x80x", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdx" },
		{ "\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
		{ "\xe2\x82", "\xef\xbf\xbd\xef\xbf\xbd" },
		{ "\x80\xbf\xff", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
		{ "\xf0\x9f\x98", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct esc_report *r = esc_report_new("s.c", "12", cases[i][0]);
		struct esc_func_report f;
		char *dir, *path;

		memset(&f, 0, sizeof f);
		f.name = cases[i][0];
		f.pos = at_pos(cases[i][0], 1, 1);
		esc_report_add(r, &f);
		json_t *doc = write_and_load(r, &dir, &path);
		char *text = slurp(path);
		json_t *want = json_string(cases[i][1]);
		char *js = want ? json_dumps(want, JSON_ENCODE_ANY) : NULL;

		CHECK(doc && text && js);
		if (doc && text && js) {
			CHECK_STR(sget(at(doc, "functions", 0), "name"),
				  cases[i][1]);
			CHECK_STR(sget(doc, "flags"), cases[i][1]);
			char *name = strstr(text, "      \"name\": ");
			CHECK(name && !strncmp(name + 14, js, strlen(js)));
			char *flags = strstr(text, "  \"flags\": ");
			CHECK(flags && !strncmp(flags + 11, js, strlen(js)));
		}
		free(js);
		json_decref(want);
		free(text);
		json_decref(doc);
		esc_report_free(r);
		remove_tree(dir);
		free(dir);
		free(path);
	}
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

TEST(write_leaves_only_the_report)
{
	struct esc_report *r = sample_report();
	char *dir, *path, only[256] = "";
	json_t *doc = write_and_load(r, &dir, &path);

	CHECK(doc != NULL);
	CHECK_EQ_INT(count_entries(dir, only, sizeof only), 1);
	CHECK_STR(only, "observe.json");
	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(write_replaces_whole)
{
	struct esc_report *r = esc_report_new("small.c", "12", NULL);
	char *dir = make_tmpdir(), *path = join(dir, "r.json");
	char err[512] = "", *big_text = esc_xmalloc(100001), *text;
	json_t *doc;

	memset(big_text, 'x', 100000);
	big_text[100000] = '\0';
	spew(path, big_text);
	CHECK_EQ_INT(esc_report_write(r, path, err, sizeof err), 0);
	text = slurp(path);
	CHECK(text && strlen(text) < 1000 && !strstr(text, "xxxxxxxx"));
	doc = load(path);
	CHECK_STR(sget(doc, "source"), "small.c");
	CHECK_EQ_INT(count_entries(dir, NULL, 0), 1);

	/* and again, over its own report, after one more function */
	esc_report_add(r, &observe);
	CHECK_EQ_INT(esc_report_write(r, path, err, sizeof err), 0);
	json_decref(doc);
	doc = load(path);
	CHECK_EQ_INT(len(doc, "functions"), 1);
	CHECK_EQ_INT(count_entries(dir, NULL, 0), 1);

	json_decref(doc);
	free(text);
	free(big_text);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(write_missing_dir)
{
	struct esc_report *r = sample_report();
	char *dir = make_tmpdir(), *path = join(dir, "no/such/r.json");
	char err[1024] = "", want[1100];

	CHECK_EQ_INT(esc_report_write(r, path, err, sizeof err), -1);
	snprintf(want, sizeof want,
		 "cannot write JSON report '%s': No such file or directory",
		 path);
	CHECK_STR(err, want);
	CHECK_EQ_INT(count_entries(dir, NULL, 0), 0);
	/* a NULL or too short err is fine */
	CHECK_EQ_INT(esc_report_write(r, path, NULL, 0), -1);
	CHECK_EQ_INT(esc_report_write(r, path, err, 8), -1);
	CHECK_EQ_INT(strlen(err), 7);

	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(write_to_a_directory)
{
	struct esc_report *r = sample_report();
	char *dir = make_tmpdir(), *path = join(dir, "out.json");
	char *inside = join(path, "keep"), *text;
	char err[1024] = "";
	struct stat st;

	CHECK_EQ_INT(mkdir(path, 0755), 0);
	spew(inside, "kept\n");
	CHECK_EQ_INT(esc_report_write(r, path, err, sizeof err), -1);
	CHECK(!strncmp(err, "cannot write JSON report '", 26));
	CHECK(strstr(err, path) != NULL);
	CHECK(strstr(err, "Is a directory") != NULL);
	CHECK(!stat(path, &st) && S_ISDIR(st.st_mode));
	text = slurp(inside);
	CHECK_STR(text, "kept\n");
	CHECK_EQ_INT(count_entries(dir, NULL, 0), 1);
	CHECK_EQ_INT(count_entries(path, NULL, 0), 1);

	/* a path that names a directory by its trailing slash */
	free(inside);
	inside = join(dir, "out.json/");
	CHECK_EQ_INT(esc_report_write(r, inside, err, sizeof err), -1);
	CHECK(strstr(err, inside) != NULL);
	CHECK_EQ_INT(count_entries(dir, NULL, 0), 1);
	CHECK_EQ_INT(count_entries(path, NULL, 0), 1);

	/* and the empty path */
	CHECK_EQ_INT(esc_report_write(r, "", err, sizeof err), -1);
	CHECK_STR(err,
		  "cannot write JSON report '': No such file or directory");

	free(text);
	free(inside);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* A write that fails half-way (disk full, quota, file size limit) keeps
   the old report and leaves no temporary file. */
TEST(write_error_keeps_old)
{
	struct esc_report *r = sample_report();
	char *dir = make_tmpdir(), *path = join(dir, "r.json"), *text;
	char err[1024] = "";
	struct rlimit old, small;
	void (*old_handler)(int);

	spew(path, "old report\n");
	getrlimit(RLIMIT_FSIZE, &old);
	small = old;
	small.rlim_cur = 64; /* the sample is far larger */
	old_handler = signal(SIGXFSZ, SIG_IGN);
	CHECK_EQ_INT(setrlimit(RLIMIT_FSIZE, &small), 0);
	CHECK_EQ_INT(esc_report_write(r, path, err, sizeof err), -1);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, old_handler);
	CHECK(strstr(err, path) != NULL);
	CHECK(strstr(err, strerror(EFBIG)) != NULL);
	text = slurp(path);
	CHECK_STR(text, "old report\n");
	CHECK_EQ_INT(count_entries(dir, NULL, 0), 1);

	free(text);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(write_unwritable_dir)
{
	struct esc_report *r = sample_report();
	char *dir = make_tmpdir(), *path = join(dir, "r.json"), *text;
	char err[1024] = "";

	spew(path, "old report\n");
	chmod(dir, 0555);
	if (access(dir, W_OK) == 0) {
		/* root writes anywhere: nothing to check here */
	} else {
		CHECK_EQ_INT(esc_report_write(r, path, err, sizeof err), -1);
		CHECK(strstr(err, path) != NULL);
		CHECK(strstr(err, strerror(EACCES)) != NULL);
		text = slurp(path);
		CHECK_STR(text, "old report\n");
		free(text);
		CHECK_EQ_INT(count_entries(dir, NULL, 0), 1);
	}
	chmod(dir, 0700);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

TEST(write_mode)
{
	struct esc_report *r = sample_report();
	char *dir = make_tmpdir(), *path = join(dir, "r.json");
	char err[512] = "";
	mode_t old = umask(022);
	struct stat st;

	CHECK_EQ_INT(esc_report_write(r, path, err, sizeof err), 0);
	CHECK(!stat(path, &st));
	CHECK_EQ_INT(st.st_mode & 07777, 0644);
	umask(077);
	CHECK_EQ_INT(esc_report_write(r, path, err, sizeof err), 0);
	CHECK(!stat(path, &st));
	CHECK_EQ_INT(st.st_mode & 07777, 0600);
	umask(old);

	esc_report_free(r);
	remove_tree(dir);
	free(dir);
	free(path);
}

/* A bare file name is in the current directory. */
TEST(write_relative)
{
	struct esc_report *r = sample_report();
	char *dir = make_tmpdir(), only[256] = "";
	char err[512] = "", cwd[4096];
	json_t *doc;

	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	CHECK_EQ_INT(chdir(dir), 0);
	CHECK_EQ_INT(esc_report_write(r, "r.json", err, sizeof err), 0);
	doc = load("r.json");
	CHECK(doc != NULL);
	CHECK_EQ_INT(count_entries(".", only, sizeof only), 1);
	CHECK_STR(only, "r.json");
	CHECK_EQ_INT(chdir(cwd), 0);

	json_decref(doc);
	esc_report_free(r);
	remove_tree(dir);
	free(dir);
}

/* ------------------------------------------------------------------ */
/* Report names in a directory                                         */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	while (n--)
		h = (h ^ *s++) * UINT64_C(0x100000001b3);
	return h;
}

#define FNV_BASIS UINT64_C(0xcbf29ce484222325)

TEST(path_in_dir_distinct)
{
	char *a = esc_report_path_in_dir("d", "a/util.c", "util.o");
	char *b = esc_report_path_in_dir("d", "b/util.c", "util.o");
	char *a2 = esc_report_path_in_dir("d", "a/util.c", "util.o");
	char *o = esc_report_path_in_dir("d", "a/util.c", "util-pic.o");

	CHECK(strcmp(a, b) != 0);
	CHECK_STR(a, a2);
	CHECK(strcmp(a, o) != 0);
	CHECK(strcmp(b, o) != 0);
	CHECK_EQ_INT(strlen(a), strlen("d/util.c.") + 16 + strlen(".json"));
	CHECK(!strncmp(a, "d/util.c.", 9));
	CHECK(!strncmp(b, "d/util.c.", 9));
	CHECK_STR(a + strlen(a) - 5, ".json");
	for (int i = 9; i < 25; i++)
		CHECK(strchr("0123456789abcdef", a[i]) != NULL);
	free(a);
	free(b);
	free(a2);
	free(o);
}

TEST(path_in_dir_slash)
{
	char *a = esc_report_path_in_dir("reports", "x.c", "x.s");
	char *b = esc_report_path_in_dir("reports/", "x.c", "x.s");
	char *c = esc_report_path_in_dir("/abs/reports/", "x.c", "x.s");
	char *d = esc_report_path_in_dir("", "x.c", "x.s");

	CHECK_STR(a, b);
	CHECK(!strncmp(a, "reports/x.c.", 12));
	CHECK(!strncmp(c, "/abs/reports/x.c.", 17));
	CHECK_STR(c + 13, a + 8);
	CHECK_STR(d, a + 8);
	free(a);
	free(b);
	free(c);
	free(d);
}

TEST(path_in_dir_hash)
{
	static const char src[] = "/abs/src/util.c";
	char want[128], cwd[4096];
	char *got, *abs, *rel, *dot;
	uint64_t h;

	/* the test's FNV-1a 64 is the standard one */
	CHECK(fnv(FNV_BASIS, "", 0) == UINT64_C(0xcbf29ce484222325));
	CHECK(fnv(FNV_BASIS, "a", 1) == UINT64_C(0xaf63dc4c8601ec8c));

	/* absolute path, NUL, output */
	h = fnv(fnv(FNV_BASIS, src, sizeof src), "util.o", 6);
	snprintf(want, sizeof want, "out/util.c.%016llx.json",
		 (unsigned long long)h);
	got = esc_report_path_in_dir("out/", src, "util.o");
	CHECK_STR(got, want);
	free(got);

	/* no output is the empty output */
	h = fnv(FNV_BASIS, src, sizeof src);
	snprintf(want, sizeof want, "out/util.c.%016llx.json",
		 (unsigned long long)h);
	got = esc_report_path_in_dir("out", src, NULL);
	CHECK_STR(got, want);
	free(got);
	got = esc_report_path_in_dir("out", src, "");
	CHECK_STR(got, want);
	free(got);

	/* relative paths are taken from the current directory, whether
	   the file exists or not; "." and "//" do not count */
	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	abs = join(cwd, "no-such-dir/util.c");
	got = esc_report_path_in_dir("out", abs, "o");
	rel = esc_report_path_in_dir("out", "no-such-dir/util.c", "o");
	dot = esc_report_path_in_dir("out", "./no-such-dir//./util.c", "o");
	CHECK_STR(rel, got);
	CHECK_STR(dot, got);
	free(got);
	free(rel);
	free(dot);
	free(abs);
	got = esc_report_path_in_dir("out", "//abs/./src/util.c", "util.o");
	rel = esc_report_path_in_dir("out", src, "util.o");
	CHECK_STR(got, rel);
	free(got);
	free(rel);
}

/* esc_release_freed, which the pass calls after a large graph (at
   least ESC_TRIM_EDGES edges): memory freed below what is still in use
   goes back to the system.  Shaped as sqlite3.c -O0's: the compiler had
   raised glibc's thresholds (its 8.6 MB preprocessor buffer, freed), so
   that a graph's arrays were heap memory, resident to the end. */
static long rss_anon_kb(void)
{
	char line[256];
	long kb = -1;
	FILE *f = fopen("/proc/self/status", "r");
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "RssAnon:", 8))
			kb = atol(line + 8);
	if (f)
		fclose(f);
	return kb;
}

TEST(freed_memory_released)
{
#ifdef __GLIBC__
	size_t big = (size_t)16 << 20;
	CHECK(mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1);
	CHECK(mallopt(M_TRIM_THRESHOLD, 64 << 20) == 1);
	char *a = esc_xmalloc(big);
	memset(a, 1, big);
	char *b = esc_xmalloc((size_t)1 << 20); /* above it, still used */
	memset(b, 1, (size_t)1 << 20);
	long used = rss_anon_kb();
	free(a);
	long freed = rss_anon_kb();
	esc_release_freed();
	long released = rss_anon_kb();
	CHECK(used > 0 && freed > 0 && released > 0);
	CHECK(used - freed < 1024);           /* free() alone keeps it */
	CHECK(freed - released >= 12 * 1024); /* the 16 MB go back */
	free(b);
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#else
	CHECK(!"esc_release_freed is glibc's malloc_trim");
#endif
}

/* ------------------------------------------------------------------ */

int main(int argc, char **argv)
{
	build_sample();
	RUN(document_top);
	RUN(document_unknowns);
	RUN(format);
	RUN(functions);
	RUN(warnings);
	RUN(diagnostics);
	RUN(params);
	RUN(locals);
	RUN(allocations);
	RUN(step_kinds);
	RUN(step_text);
	RUN(func_notes);
	RUN(not_utf8);
	RUN(add_copies);
	RUN(spill_same_bytes);
	RUN(jansson_same_bytes);
	RUN(json_strings_as_jansson);
	RUN(write_leaves_only_the_report);
	RUN(write_replaces_whole);
	RUN(write_missing_dir);
	RUN(write_to_a_directory);
	RUN(write_error_keeps_old);
	RUN(write_unwritable_dir);
	RUN(write_mode);
	RUN(write_relative);
	RUN(path_in_dir_distinct);
	RUN(path_in_dir_slash);
	RUN(path_in_dir_hash);
	RUN(freed_memory_released);

	if (argc > 2) {
		struct esc_report *r = sample_report();
		char err[1024];
		if (esc_report_write(r, argv[2], err, sizeof err)) {
			printf("%s\n", err);
			unit_failed++;
		}
		esc_report_free(r);
	}
	esc_intern_free();
	return unit_done();
}
