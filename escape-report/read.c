#include "escape-report.h"

/* ------------------------------------------------------------------ */
/* Reading reports                                                     */

struct report *reports;
size_t nreports, reports_cap;
struct func *funcs;
size_t nfuncs, funcs_cap;
struct finding *findings;
size_t nfindings, findings_cap;

/* Where in the report a value is, for error messages. */
char where[512];

void bad(const struct report *r, const char *what)
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
			char *rel = esc_path_collapse(cands[c]);
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

struct flow read_flow(const struct report *r, json_t *flow, const char *dflt_file)
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
		if (json_is_string(json_object_get(s, "arg")) &&
		    !strcmp(json_string_value(json_object_get(s, "arg")), "chain"))
			f.steps[i].arg = ESC_ARG_CHAIN;
		else
			f.steps[i].arg = get_int(r, s, "arg", 0);
	}
	where[len] = 0;
	return f;
}

static struct table seen_funcs;
struct table report_funcs;

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
	/* the functions each report has, by name, for calls within it */
	key = xasprintf("%d" SEP "%s", (int)(r - reports), F.name);
	struct entry *byname = lookup_str(&report_funcs, key);
	free(key);
	if (e->value) {
		if (!byname->value)
			byname->value = e->value;
		return;
	}
	e->value = (void *)(uintptr_t)(nfuncs + 1);
	if (!byname->value)
		byname->value = e->value;
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
			x.item = (int)i;
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
			x.item = (int)i;
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
			x.item = (int)i;
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
		x.item = (int)i;
		F.nwarnings += !x.suppressed;
		F.nsuppressed += x.suppressed;
		PUSH(findings, nfindings, findings_cap, x);
	}
	where[len] = 0;
	F.report = (int)(r - reports);
	F.json = fn;
	PUSH(funcs, nfuncs, funcs_cap, F);
}

void read_report(const char *path)
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
void collect_dir(const char *dir, char ***files, size_t *n, size_t *cap)
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

