#include "escape-report.h"

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
	{ "escape-scope", "StackAddressUsedAfterScope", "warning",
	  "A pointer to a block-scope object is used after its block ends",
	  "A pointer to a local or compound literal declared in an inner block is dereferenced "
	  "or passed on after that block has ended, in the same function.",
	  "The object's lifetime ended with its block, so the pointer dangles there (CWE-562), "
	  "as GCC's -Wdangling-pointer says. Declare the object in the enclosing block, or stop "
	  "using the pointer after the block.",
	  "7.5", "high", 1 },
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
int char_column(const char *path, int line, int col)
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
const struct finding **selected(int all, size_t *np)
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

void sarif(int all)
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

