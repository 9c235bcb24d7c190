/*
 * expect.c - the one checker of escape's tests: reads the expectations
 * written in a test case (inline directives) or in a truth file, and
 * checks them against what the compiler printed and the plugin's JSON
 * reports.  Every directive and every fact is one check, counted as one
 * pass or one fail (or an expected failure, xfail).  The compiles are the
 * runners' (testsuite/lib/lib.sh); the grammar is in CONTRIBUTING.md.
 *
 *   expect directives CASE.c...
 *       every directive, one a line: FILE:LINE KIND[@VARIANTS] ARG...
 *       (quoted as written; for runners that compare lists themselves)
 *   expect markers KIND CASE.c...
 *       FILE:LINE ARG for each argument of each KIND directive, sorted
 *   expect needs CASE.c
 *       the compiles a case needs: words among notes, flows, warnings
 *   expect check [-s notes,warnings] CASE.c KEY=FILE...
 *       checks a case: KEY is notes.O0, notes.O2 (the compiler's output at
 *       m=1 with -w), flows.O0, flows.O2 (m=2 with -w), warnings.O0,
 *       warnings.O2 (default m, warnings on), report.O0, report.O2 (the
 *       JSON report of the warnings compile); -s makes every note or
 *       escape warning of the case's file that no directive allows a fail
 *   expect facts TRUTH REPORT.O0 REPORT.O2 [FILE]
 *       checks the facts of a truth file against two reports (of FILE,
 *       for a truth file whose facts start with a file name)
 *   expect flatten REPORT.json SOURCE.c
 *       every verdict of a report, one a line (see cmd_flatten)
 *   expect json FILE...
 *       each file is one whole JSON document, or it is named, with why
 *   expect warnings REPORT.json...
 *       FILE:LINE ID for each unsuppressed warning of the reports, and
 *       FILE:LINE ID suppressed for each suppressed one, sorted
 *
 * check and facts print a line per failure, then "N passed, N failed" with
 * ", N xfailed" when any; they exit 1 if anything failed, 2 on bad usage
 * or an unreadable input (which the runners count as a failure).
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Small things                                                        */

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fprintf(stderr, "expect: out of memory\n");
		exit(2);
	}
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xrealloc(NULL, n), s, n);
}

static char *xprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = xrealloc(NULL, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

#define GROW(arr, n) ((arr) = xrealloc((arr), ((n) + 1) * sizeof *(arr)))

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* The lines of a file (NULL if it cannot be read). */
static char **read_lines(const char *path, int *n)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char **lines = xrealloc(NULL, sizeof *lines), *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	*n = 0;
	while ((len = getline(&buf, &cap, f)) >= 0) {
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = 0;
		GROW(lines, *n);
		lines[(*n)++] = xstrdup(buf);
	}
	free(buf);
	fclose(f);
	return lines;
}

/* Does s match ERE re whole (anchored) or anywhere? -1: a bad regex. */
static int matches(const char *re, const char *s, int whole)
{
	regex_t rx;
	char *pat = whole ? xprintf("^(%s)$", re) : xstrdup(re);
	int rc = regcomp(&rx, pat, REG_EXTENDED | REG_NOSUB);
	free(pat);
	if (rc)
		return -1;
	rc = regexec(&rx, s, 0, NULL, 0) == 0;
	regfree(&rx);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Counting                                                            */

static int npassed, nfailed, nxfailed;
static const char *case_name;

/* One check: ok or not, under an xfail reason or not; why is printed for
   a failure (and for an expected one, with its reason). */
static void count(int ok, const char *xfail, const char *why)
{
	if (xfail && !ok) {
		nxfailed++;
		printf("  XFAIL %s: %s (%s)\n", case_name, why, xfail);
	} else if (xfail) {
		nfailed++;
		printf("  XPASS %s: %s: passes now; drop its xfail \"%s\"\n",
		       case_name, why, xfail);
	} else if (ok) {
		npassed++;
	} else {
		nfailed++;
		printf("  FAIL %s: %s\n", case_name, why);
	}
}

static int finish(void)
{
	if (nxfailed)
		printf("%d passed, %d failed, %d xfailed\n", npassed, nfailed,
		       nxfailed);
	else
		printf("%d passed, %d failed\n", npassed, nfailed);
	return nfailed ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Directives                                                          */

enum { LV_O0 = 1, LV_O2 = 2 };

struct directive {
	int line;
	char kind[16];    /* want, may, never, dangle, suppressed, warn,
			     may-warn, flow, fact */
	int levels;       /* LV_O0 | LV_O2 */
	int m;            /* notes of the m=1 (1) or m=2 (2) compile */
	const char *xfail;
	char **args;
	int nargs;
	int cut;          /* flow: ends with ... */
	const char *text; /* as written */
	int hit;          /* matched (for the strict checks' bookkeeping) */
};

static struct directive *dirs;
static int ndirs;
static int malformed;

static const char *const kinds[] = {
	"want", "may", "never", "dangle", "suppressed", "may-warn", "warn",
	"flow", "fact", "xfail", "linked", NULL
};

static int is_kind(const char *s, size_t n)
{
	for (int i = 0; kinds[i]; i++)
		if (strlen(kinds[i]) == n && !strncmp(kinds[i], s, n))
			return 1;
	return 0;
}

/* A quoted argument at *p ("..." with \" for a quote, other backslashes
   kept; or `...` raw); NULL if there is none, *bad if unterminated. */
static char *quoted(const char **p, int *bad)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '`') {
		const char *e = strchr(s + 1, '`');
		if (!e) {
			*bad = 1;
			return NULL;
		}
		char *r = xrealloc(NULL, (size_t)(e - s));
		memcpy(r, s + 1, (size_t)(e - s - 1));
		r[e - s - 1] = 0;
		*p = e + 1;
		return r;
	}
	if (*s != '"')
		return NULL;
	char *r = xrealloc(NULL, strlen(s) + 1);
	size_t n = 0;
	for (s++; *s && *s != '"'; s++) {
		if (*s == '\\' && s[1] == '"') {
			r[n++] = '"';
			s++;
		} else if (*s == '\\' && s[1]) {
			r[n++] = *s++;
			r[n++] = *s;
		} else {
			r[n++] = *s;
		}
	}
	if (!*s) {
		free(r);
		*bad = 1;
		return NULL;
	}
	r[n] = 0;
	*p = s + 1;
	return r;
}

static void add_directive(const char *file, int line, const char *kind,
			  int levels, int m, const char *xfail, char **args,
			  int nargs, int cut, const char *text)
{
	(void)file;
	GROW(dirs, ndirs);
	struct directive *d = &dirs[ndirs++];
	memset(d, 0, sizeof *d);
	d->line = line;
	snprintf(d->kind, sizeof d->kind, "%s", kind);
	d->levels = levels;
	d->m = m;
	d->xfail = xfail;
	d->args = args;
	d->nargs = nargs;
	d->cut = cut;
	d->text = text;
}

/* The directives of a comment's text: KIND[@VARIANTS] ARG..., in a row. */
static void parse_comment(const char *file, int line, const char *s)
{
	const char *xfail = NULL;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		const char *start = s;
		size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz-");
		if (!n || !is_kind(s, n))
			break;
		char kind[16];
		snprintf(kind, sizeof kind, "%.*s", (int)n, s);
		s += n;
		int levels = LV_O0 | LV_O2, m = 0;
		if (*s == '@') {
			size_t v = strspn(s + 1, "Om0123456789,=");
			char *var = xprintf("%.*s", (int)v, s + 1);
			levels = 0;
			for (char *w = strtok(var, ","); w; w = strtok(NULL, ",")) {
				if (!strcmp(w, "O0"))
					levels |= LV_O0;
				else if (!strcmp(w, "O2"))
					levels |= LV_O2;
				else if (!strcmp(w, "m1") || !strcmp(w, "m=1"))
					m = 1;
				else if (!strcmp(w, "m2") || !strcmp(w, "m=2"))
					m = 2;
				else {
					printf("%s:%d: unknown variant '%s' (O0, O2, m1, m2)\n",
					       file, line, w);
					malformed++;
				}
			}
			free(var);
			if (!levels)
				levels = LV_O0 | LV_O2;
			s += 1 + v;
		}
		if (*s != ' ' && *s != '\t')
			break;
		char **args = NULL;
		int nargs = 0, bad = 0, cut = 0;
		char *a;
		while ((a = quoted(&s, &bad))) {
			GROW(args, nargs);
			args[nargs++] = a;
		}
		if (!strcmp(kind, "flow")) {
			const char *t = s;
			while (*t == ' ' || *t == '\t')
				t++;
			if (!strncmp(t, "...", 3)) {
				cut = 1;
				s = t + 3;
			}
		}
		if (!nargs && !bad)
			break; /* prose ("// may be NULL"), not a directive */
		if (bad || (!strcmp(kind, "xfail") && nargs != 1) ||
		    (!strcmp(kind, "flow") && nargs < 1)) {
			printf("%s:%d: malformed %s directive (%s \"...\")\n", file,
			       line, kind, kind);
			malformed++;
			return;
		}
		if (!strcmp(kind, "xfail")) {
			xfail = args[0];
			free(args);
			continue;
		}
		if (!m)
			m = !strcmp(kind, "flow") ? 2 : 1;
		char *text = xprintf("%.*s", (int)(s - start), start);
		if (!strcmp(kind, "flow")) {
			/* the whole list is one directive */
			add_directive(file, line, kind, levels, m, xfail, args,
				      nargs, cut, text);
		} else {
			for (int i = 0; i < nargs; i++) {
				char **one = xrealloc(NULL, sizeof *one);
				one[0] = args[i];
				add_directive(file, line, kind, levels, m, xfail, one,
					      1, 0, nargs == 1 ? text :
					      xprintf("%s \"%s\"", kind, args[i]));
			}
			free(args);
		}
		xfail = NULL;
	}
	if (xfail) {
		printf("%s:%d: xfail \"%s\" with no directive after it\n", file,
		       line, xfail);
		malformed++;
	}
}

/* Reads the directives of a case: after every // and every slash-star
   of each line. */
static int read_directives(const char *file)
{
	int n;
	char **lines = read_lines(file, &n);
	if (!lines) {
		printf("cannot read %s\n", file);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const char *s = lines[i];
		for (const char *c = s; (c = strchr(c, '/')); c++)
			if (c[1] == '/' || c[1] == '*')
				parse_comment(file, i + 1, c + 2);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The compiler's output                                               */

struct step {
	int line;
	char *text;
};

struct diag {
	int line;
	int warning;      /* 1 warning, 0 note */
	char *msg;
	struct step *steps;
	int nsteps;
	int used;
};

struct log {
	const char *path; /* NULL when not given */
	char **lines;
	int nlines;
	struct diag *d;
	int nd;
};

/* The diagnostics of file `file' in a plain-output log: notes (message
   not starting with a space) and warnings, each with the flow steps
   ("  flow: ...") that follow it. */
static int read_log(struct log *lg, const char *path, const char *file)
{
	memset(lg, 0, sizeof *lg);
	lg->path = path;
	lg->lines = read_lines(path, &lg->nlines);
	if (!lg->lines)
		return -1;
	const char *fb = base_name(file);
	struct diag *last = NULL;
	for (int i = 0; i < lg->nlines; i++) {
		const char *s = lg->lines[i];
		/* FILE:LINE[:COL]: KIND: MSG */
		const char *c = strstr(s, ": note: ");
		const char *w = strstr(s, ": warning: ");
		int is_warning = 0;
		const char *k = c;
		if (w && (!c || w < c)) {
			k = w;
			is_warning = 1;
		}
		if (!k)
			continue;
		/* the position before k: FILE:LINE or FILE:LINE:COL */
		char *pos = xprintf("%.*s", (int)(k - s), s);
		char *colon = strrchr(pos, ':');
		int line = 0;
		if (colon) {
			char *c2;
			*colon = 0;
			c2 = strrchr(pos, ':');
			if (c2 && strspn(c2 + 1, "0123456789") == strlen(c2 + 1)) {
				line = atoi(c2 + 1);
				*c2 = 0;
			} else {
				line = atoi(colon + 1);
			}
		}
		int mine = line > 0 && !strcmp(base_name(pos), fb);
		free(pos);
		const char *msg = k + (is_warning ? 11 : 8);
		if (!is_warning && !strncmp(msg, "  flow: ", 8)) {
			if (last) {
				GROW(last->steps, last->nsteps);
				last->steps[last->nsteps].line = mine ? line : 0;
				last->steps[last->nsteps++].text = xstrdup(msg + 8);
			}
			continue;
		}
		if (!is_warning && msg[0] == ' ')
			continue;
		if (!mine) {
			last = NULL;
			continue;
		}
		GROW(lg->d, lg->nd);
		last = &lg->d[lg->nd++];
		memset(last, 0, sizeof *last);
		last->line = line;
		last->warning = is_warning;
		last->msg = xstrdup(msg);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* JSON reports                                                        */

static json_t *read_report(const char *path)
{
	json_error_t err;
	json_t *doc = json_load_file(path, 0, &err);
	if (!doc)
		printf("%s: not a JSON report: %s (line %d)\n", path, err.text,
		       err.line);
	return doc;
}

static const char *jstr(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int jint(json_t *o, const char *key, int dflt)
{
	json_t *v = json_object_get(o, key);
	return json_is_integer(v) ? (int)json_integer_value(v) : dflt;
}

/* The verdict of one object of a report: a local "escapes" or "stays";
   a param leak, content, resultN or none. */
static const char *local_verdict(json_t *x)
{
	return json_is_true(json_object_get(x, "escapes")) ? "escapes" : "stays";
}

static const char *param_verdict(json_t *x, char *buf, size_t len)
{
	int heap = jint(x, "leaks_to_heap", -1);
	int res = jint(x, "leaks_to_result", -1);
	if (heap == 0)
		return "leak";
	if (heap > 0)
		return "content";
	if (res >= 0) {
		snprintf(buf, len, "result%d", res);
		return buf;
	}
	return "none";
}

/* A fact's verdict in a report: for "local FUNC NAME", "escapes" or
   "stays"; for "param FUNC NAME", leak, content, resultN or none; for
   "warning FUNC NAME", "dangles" or "clean".  NULL when the report does
   not have the object.  Several objects of that name (locals of
   different blocks): the one with the verdict wanted, if any. */
static const char *verdict(json_t *doc, const char *what, const char *func,
			   const char *name, const char *want, char *buf,
			   size_t len)
{
	size_t i, j;
	json_t *f, *x;
	const char *v = NULL;
	json_array_foreach(json_object_get(doc, "functions"), i, f) {
		const char *fn = jstr(f, "name");
		if (!fn || strcmp(fn, func))
			continue;
		if (!strcmp(what, "warning"))
			v = "clean";
		const char *list = !strcmp(what, "local") ? "locals"
				 : !strcmp(what, "param") ? "params" : "warnings";
		json_array_foreach(json_object_get(f, list), j, x) {
			const char *n = jstr(x, !strcmp(what, "warning") ? "object" : "name");
			if (!n || strcmp(n, name))
				continue;
			const char *got;
			if (!strcmp(what, "local"))
				got = local_verdict(x);
			else if (!strcmp(what, "param"))
				got = param_verdict(x, buf, len);
			else if (!json_is_true(json_object_get(x, "suppressed")))
				return "dangles";	/* one warning is enough */
			else
				continue;
			if (!v || !strcmp(got, want))
				v = got;
			if (!strcmp(v, want))
				return v;
		}
	}
	return v;
}

/* Checks one fact (words: KIND FUNC NAME... VERDICT) against reports. */
static void check_fact(char **w, int n, json_t *const rep[2], const char *xfail,
		       const char *where)
{
	if (n < 4) {
		count(0, NULL, xprintf("%s: a fact is KIND FUNC NAME VERDICT", where));
		return;
	}
	char name[512] = "";
	for (int i = 2; i < n - 1; i++)
		snprintf(name + strlen(name), sizeof name - strlen(name), "%s%s",
			 i > 2 ? " " : "", w[i]);
	const char *want = w[n - 1];
	char got[2][32], buf[32];
	int ok = 1;
	for (int l = 0; l < 2; l++) {
		const char *v = rep[l] ? verdict(rep[l], w[0], w[1], name, want,
						 buf, sizeof buf) : NULL;
		snprintf(got[l], sizeof got[l], "%s", v ? v : "missing");
		if (!v || strcmp(v, want))
			ok = 0;
	}
	count(ok, xfail, xprintf("%s: %s %s %s %s: -O0 says %s, -O2 says %s",
				 where, w[0], w[1], name, want, got[0], got[1]));
}

/* ------------------------------------------------------------------ */
/* check                                                               */

static const char *level_name(int l)
{
	return l ? "-O2" : "-O0";
}

/* Does diagnostic x fit directive d? */
static int fits(const struct directive *d, const struct diag *x)
{
	if (x->line != d->line)
		return 0;
	if (!strcmp(d->kind, "want") || !strcmp(d->kind, "may"))
		return !x->warning && matches(d->args[0], x->msg, 1) == 1;
	if (!strcmp(d->kind, "dangle") || !strcmp(d->kind, "warn") ||
	    !strcmp(d->kind, "may-warn")) {
		if (!x->warning)
			return 0;
		if (!strcmp(d->kind, "dangle")) {
			char *id = xprintf("[%s]", d->args[0]);
			int r = strstr(x->msg, id) != NULL;
			free(id);
			return r;
		}
		return matches(d->args[0], x->msg, 0) == 1;
	}
	return 0;
}

/* Do a note's steps fit a flow directive's? */
static int steps_fit(const struct directive *d, const struct diag *x)
{
	int want = d->nargs - 1, have = x->nsteps;
	if (d->cut) {
		if (!have || strcmp(x->steps[have - 1].text,
				    "(explanation cut here)"))
			return 0;
		have--;
		if (have > want)
			have = want;
	}
	if (have != want)
		return 0;
	for (int i = 0; i < want; i++) {
		const char *re = d->args[i + 1];
		size_t digits = strspn(re, "0123456789");
		if (digits && !strncmp(re + digits, ": ", 2)) {
			if (atoi(re) != x->steps[i].line)
				return 0;
			re += digits + 2;
		}
		if (matches(re, x->steps[i].text, 1) != 1)
			return 0;
	}
	return 1;
}

static char *have_list(const struct log *lg, int line, int warnings)
{
	char *s = xstrdup("");
	for (int i = 0; i < lg->nd; i++) {
		if (lg->d[i].line != line || lg->d[i].warning != warnings)
			continue;
		char *t = xprintf("%s%s\"%s\"", s, *s ? ", " : "", lg->d[i].msg);
		free(s);
		s = t;
	}
	if (!*s) {
		free(s);
		s = xstrdup("none");
	}
	return s;
}

/* Is x a diagnostic of that kind that is the plugin's (a note, or a
   warning with an escape id)? */
static int relevant(const struct diag *x, int warnings)
{
	return x->warning == warnings &&
	       (!warnings || strstr(x->msg, "[escape-") != NULL);
}

/* The same diagnostics (and steps) at both levels? */
static int same_logs(const struct log *a, const struct log *b, int warnings)
{
	int na = 0, nb = 0;
	for (int i = 0; i < a->nd; i++)
		na += relevant(&a->d[i], warnings);
	for (int i = 0; i < b->nd; i++)
		nb += relevant(&b->d[i], warnings);
	if (na != nb)
		return 0;
	char *used = calloc((size_t)b->nd + 1, 1);
	int ok = 1;
	for (int i = 0; i < a->nd && ok; i++) {
		const struct diag *x = &a->d[i];
		if (!relevant(x, warnings))
			continue;
		ok = 0;
		for (int j = 0; j < b->nd; j++) {
			const struct diag *y = &b->d[j];
			if (used[j] || !relevant(y, warnings) || y->line != x->line ||
			    strcmp(y->msg, x->msg) || y->nsteps != x->nsteps)
				continue;
			int k;
			for (k = 0; k < x->nsteps; k++)
				if (strcmp(x->steps[k].text, y->steps[k].text) ||
				    x->steps[k].line != y->steps[k].line)
					break;
			if (k < x->nsteps)
				continue;
			used[j] = 1;
			ok = 1;
			break;
		}
	}
	free(used);
	return ok;
}

/* The function of a report that a line is in: the last one starting at
   or before it ("" if none). */
static const char *function_at(json_t *doc, int line)
{
	const char *name = "";
	int best = 0;
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(doc, "functions"), i, f) {
		int l = jint(f, "line", 0);
		if (l && l <= line && l >= best && jstr(f, "name")) {
			best = l;
			name = jstr(f, "name");
		}
	}
	return name;
}

static int level_restricted(const char *const *kinds_of, int m)
{
	for (int i = 0; i < ndirs; i++)
		for (int k = 0; kinds_of[k]; k++)
			if (!strcmp(dirs[i].kind, kinds_of[k]) && dirs[i].m == m &&
			    dirs[i].levels != (LV_O0 | LV_O2))
				return 1;
	return 0;
}

static int cmd_check(int argc, char **argv)
{
	int strict_notes = 0, strict_warnings = 0;
	int i = 0;
	if (argc > 1 && !strcmp(argv[0], "-s")) {
		strict_notes = strstr(argv[1], "notes") != NULL;
		strict_warnings = strstr(argv[1], "warnings") != NULL;
		i = 2;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: expect check [-s notes,warnings] CASE.c KEY=FILE...\n");
		return 2;
	}
	const char *file = argv[i++];
	case_name = file;
	/* notes, flows, warnings, report, freport (the flows compile's) */
	const char *paths[5][2] = { { 0 } };
	static const char *const keys[5] = { "notes", "flows", "warnings", "report",
					     "freport" };
	for (; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		int ok = 0;
		for (int k = 0; k < 5 && eq; k++) {
			size_t n = strlen(keys[k]);
			if (!strncmp(argv[i], keys[k], n) && argv[i][n] == '.' &&
			    (!strncmp(argv[i] + n, ".O0=", 4) ||
			     !strncmp(argv[i] + n, ".O2=", 4))) {
				paths[k][argv[i][n + 2] == '2'] = eq + 1;
				ok = 1;
			}
		}
		if (!ok) {
			fprintf(stderr, "expect check: bad argument '%s' (KEY.O0=FILE or "
				"KEY.O2=FILE, KEY notes, flows, warnings, report or freport)\n",
				argv[i]);
			return 2;
		}
	}
	if (read_directives(file) < 0)
		return 2;
	for (int m = 0; m < malformed; m++)
		count(0, NULL, "a malformed directive (above)");

	struct log logs[3][2];
	json_t *rep[2] = { NULL, NULL };
	for (int k = 0; k < 3; k++)
		for (int l = 0; l < 2; l++) {
			memset(&logs[k][l], 0, sizeof logs[k][l]);
			if (paths[k][l] && read_log(&logs[k][l], paths[k][l], file) < 0) {
				count(0, NULL, xprintf("cannot read %s", paths[k][l]));
				logs[k][l].path = NULL;
			}
		}
	for (int l = 0; l < 2; l++)
		if (paths[3][l] && !(rep[l] = read_report(paths[3][l])))
			count(0, NULL, xprintf("no readable report %s", paths[3][l]));

	for (int di = 0; di < ndirs; di++) {
		struct directive *d = &dirs[di];
		char *where = xprintf("%d: %s", d->line, d->text);
		int ok = 1;
		char *why = NULL;
		int checked = 0;
		for (int l = 0; l < 2 && ok; l++) {
			if (!(d->levels & (1 << l)))
				continue;
			const struct log *notes = &logs[d->m == 2 ? 1 : 0][l];
			const struct log *warns = &logs[2][l];
			int is_note = !strcmp(d->kind, "want") || !strcmp(d->kind, "may") ||
				      !strcmp(d->kind, "flow");
			if (is_note ? notes->path != NULL
				    : !strcmp(d->kind, "never")
					      ? (logs[0][l].path || logs[1][l].path ||
						 logs[2][l].path)
					      : !strcmp(d->kind, "suppressed")
							? warns->path && rep[l]
							: !strcmp(d->kind, "fact") ? rep[l] != NULL
										   : warns->path != NULL)
				checked++;
			if (!strcmp(d->kind, "want") || !strcmp(d->kind, "may")) {
				int hit = 0;
				if (!notes->path) {
					continue; /* not compiled so */
				}
				for (int j = 0; j < notes->nd; j++)
					if (fits(d, &notes->d[j]) &&
					    (d->m == 1 || !notes->d[j].nsteps ||
					     !strcmp(d->kind, "may"))) {
						notes->d[j].used = 1;
						hit = 1;
					}
				if (!hit && !strcmp(d->kind, "want")) {
					char *have = have_list(notes, d->line, 0);
					why = xprintf("%s: no such note (have: %s)",
						      level_name(l), have);
					free(have);
					ok = 0;
				}
			} else if (!strcmp(d->kind, "dangle") || !strcmp(d->kind, "warn") ||
				   !strcmp(d->kind, "may-warn")) {
				int hit = 0, dangle = !strcmp(d->kind, "dangle");
				if (!warns->path) {
					continue; /* not compiled so */
				}
				/* a dangle claims one warning of its own: the
				   same id twice on a line is two warnings */
				for (int j = 0; j < warns->nd && !(hit && dangle); j++)
					if (fits(d, &warns->d[j]) &&
					    !(dangle && warns->d[j].used)) {
						warns->d[j].used = 1;
						hit = 1;
					}
				if (!hit && strcmp(d->kind, "may-warn")) {
					char *have = have_list(warns, d->line, 1);
					why = xprintf("%s: no such warning (have: %s)",
						      level_name(l), have);
					free(have);
					ok = 0;
				}
			} else if (!strcmp(d->kind, "never")) {
				for (int k = 0; k < 3 && ok; k++) {
					const struct log *lg = &logs[k][l];
					for (int j = 0; j < lg->nlines && ok; j++) {
						int r = matches(d->args[0], lg->lines[j], 0);
						if (r != 0) {
							why = r < 0 ? xstrdup("a bad regex")
								    : xprintf("%s: matches: %s",
									      level_name(l),
									      lg->lines[j]);
							ok = 0;
						}
					}
				}
			} else if (!strcmp(d->kind, "flow")) {
				int hit = 0;
				if (!notes->path) {
					continue; /* not compiled so */
				}
				for (int j = 0; j < notes->nd; j++)
					if (fits(&(struct directive){ .line = d->line,
								      .kind = "want",
								      .args = d->args },
						 &notes->d[j]) &&
					    steps_fit(d, &notes->d[j]))
						hit = 1;
				if (!hit) {
					char *have = xstrdup("");
					for (int j = 0; j < notes->nd; j++) {
						const struct diag *x = &notes->d[j];
						if (x->line != d->line || x->warning)
							continue;
						char *t = xprintf("%s \"%s\"", have, x->msg);
						free(have);
						have = t;
						for (int s = 0; s < x->nsteps; s++) {
							t = xprintf("%s \"%d: %s\"", have,
								    x->steps[s].line,
								    x->steps[s].text);
							free(have);
							have = t;
						}
						t = xprintf("%s;", have);
						free(have);
						have = t;
					}
					why = xprintf("%s: no such note with these steps (have:%s)",
						      level_name(l), *have ? have : " none");
					free(have);
					ok = 0;
				}
			} else if (!strcmp(d->kind, "suppressed")) {
				if (!rep[l] || !warns->path) {
					continue; /* not compiled so */
				}
				int in_report = 0;
				size_t a, b;
				json_t *f, *w;
				json_array_foreach(json_object_get(rep[l], "functions"), a, f)
					json_array_foreach(json_object_get(f, "warnings"), b, w) {
						const char *id = jstr(w, "rule");
						if (jint(w, "line", 0) == d->line && id &&
						    !strcmp(id, d->args[0]) &&
						    json_is_true(json_object_get(w, "suppressed")))
							in_report = 1;
					}
				if (!in_report) {
					why = xprintf("%s: no suppressed warning in the report",
						      level_name(l));
					ok = 0;
				}
				for (int j = 0; j < warns->nd && ok; j++) {
					struct directive as = *d;
					snprintf(as.kind, sizeof as.kind, "dangle");
					if (fits(&as, &warns->d[j])) {
						why = xprintf("%s: printed: %s", level_name(l),
							      warns->d[j].msg);
						ok = 0;
					}
				}
			} else if (!strcmp(d->kind, "fact")) {
				/* checked below, over both levels at once */
			}
		}
		if (!strcmp(d->kind, "fact")) {
			json_t *both[2] = { d->levels & LV_O0 ? rep[0] : rep[1],
					    d->levels & LV_O2 ? rep[1] : rep[0] };
			char **words = NULL;
			int nw = 0;
			for (int a = 0; a < d->nargs; a++) {
				char *copy = xstrdup(d->args[a]);
				for (char *t = strtok(copy, " \t"); t; t = strtok(NULL, " \t")) {
					GROW(words, nw);
					words[nw++] = t;
				}
			}
			check_fact(words, nw, both, d->xfail, xprintf("%d", d->line));
			free(where);
			continue;
		}
		if (!strcmp(d->kind, "may") || !strcmp(d->kind, "may-warn")) {
			free(where);
			continue; /* allowances: not counted */
		}
		if (ok && !checked) {
			why = xstrdup("no compile of the kind it needs, at the levels it names");
			ok = 0;
		}
		count(ok, d->xfail, why ? xprintf("%s: %s", where, why) : where);
	}

	/* strict: every note / escape warning of the file is allowed */
	for (int l = 0; l < 2; l++) {
		if (strict_notes && logs[0][l].path)
			for (int j = 0; j < logs[0][l].nd; j++) {
				const struct diag *x = &logs[0][l].d[j];
				if (!x->warning && !x->used)
					count(0, NULL, xprintf("%d: %s: unexpected note \"%s\"",
							       x->line, level_name(l), x->msg));
			}
		if (strict_warnings && logs[2][l].path)
			for (int j = 0; j < logs[2][l].nd; j++) {
				const struct diag *x = &logs[2][l].d[j];
				if (x->warning && !x->used && strstr(x->msg, "[escape-"))
					count(0, NULL, xprintf("%d: %s: unexpected warning \"%s\"",
							       x->line, level_name(l), x->msg));
			}
		if (strict_warnings && rep[l]) {
			/* and every suppressed one in the report is marked */
			size_t a, b;
			json_t *f, *w;
			json_array_foreach(json_object_get(rep[l], "functions"), a, f)
				json_array_foreach(json_object_get(f, "warnings"), b, w) {
				const char *id = jstr(w, "rule");
				int line = jint(w, "line", 0), marked = 0;
				if (!json_is_true(json_object_get(w, "suppressed")))
					continue;
				for (int di = 0; di < ndirs && !marked; di++)
					marked = !strcmp(dirs[di].kind, "suppressed") &&
						 dirs[di].line == line && id &&
						 !strcmp(dirs[di].args[0], id);
				if (!marked)
					count(0, NULL, xprintf("%d: %s: unexpected suppressed warning "
							       "[%s] in the report", line,
							       level_name(l), id ? id : "?"));
			}
		}
	}
	/* the same at -O0 and -O2, where no directive says they differ */
	static const char *const note_kinds[] = { "want", "may", "flow", NULL };
	static const char *const warn_kinds[] = { "dangle", "warn", "may-warn",
						  "suppressed", NULL };
	if (logs[0][0].path && logs[0][1].path && !level_restricted(note_kinds, 1))
		count(same_logs(&logs[0][0], &logs[0][1], 0), NULL,
		      "the same notes at -O0 and -O2");
	if (logs[1][0].path && logs[1][1].path && !level_restricted(note_kinds, 2))
		count(same_logs(&logs[1][0], &logs[1][1], 0), NULL,
		      "the same notes and flows at -O0 and -O2 (m=2)");
	if (logs[2][0].path && logs[2][1].path && !level_restricted(warn_kinds, 1))
		count(same_logs(&logs[2][0], &logs[2][1], 1), NULL,
		      "the same warnings at -O0 and -O2");
	/* m=2 flows: no step repeats the one before it; a note ending in
	   ':' has steps */
	for (int l = 0; l < 2; l++) {
		const struct log *lg = &logs[1][l];
		if (!lg->path)
			continue;
		int ok = 1;
		char *why = NULL;
		json_t *fr = paths[4][l] ? json_load_file(paths[4][l], 0, NULL) : NULL;
		if (paths[4][l] && !fr) {
			why = xprintf("no readable report %s", paths[4][l]);
			ok = 0;
		}
		/* an object's flows end at different sinks (shown once per
		   object and sink); an unnamed object is one per site */
		for (int j = 0; j < lg->nd && ok && fr; j++) {
			const struct diag *x = &lg->d[j];
			const char *e = strstr(x->msg, " escapes to heap:");
			if (x->warning || !e || e[17] || !x->nsteps ||
			    !strcmp(x->steps[x->nsteps - 1].text, "(explanation cut here)"))
				continue;
			for (int k = 0; k < j && ok; k++) {
				const struct diag *y = &lg->d[k];
				const struct step *sx = &x->steps[x->nsteps - 1];
				if (y->warning || strcmp(y->msg, x->msg) || !y->nsteps)
					continue;
				const struct step *sy = &y->steps[y->nsteps - 1];
				int unnamed = x->msg[0] == '(' || strstr(x->msg, "(...) escapes");
				int by_place = matches("store through pointer|argument [0-9]+ of "
						       "indirect call.*|asm operand.*|conversion "
						       "to integer.*", sx->text, 1) == 1;
				if (strcmp(sx->text, sy->text) || (by_place && sx->line != sy->line) ||
				    (unnamed && x->line != y->line) ||
				    strcmp(function_at(fr, x->line), function_at(fr, y->line)))
					continue;
				why = xprintf("%d: flow of \"%s\" to \"%s\" already shown at line %d",
					      x->line, x->msg, sx->text, y->line);
				ok = 0;
			}
		}
		json_decref(fr);
		for (int j = 0; j < lg->nd && ok; j++) {
			const struct diag *x = &lg->d[j];
			size_t n = strlen(x->msg);
			if (!x->warning && n && x->msg[n - 1] == ':' && !x->nsteps) {
				why = xprintf("%d: \"%s\" has no steps", x->line, x->msg);
				ok = 0;
			}
			for (int s = 1; s < x->nsteps && ok; s++)
				if (!strcmp(x->steps[s].text, x->steps[s - 1].text) &&
				    strncmp(x->steps[s].text, "address-of", 10)) {
					why = xprintf("%d: step \"%s\" repeated", x->line,
						      x->steps[s].text);
					ok = 0;
				}
		}
		count(ok, NULL, why ? xprintf("%s: flows well formed: %s", level_name(l), why)
				    : xprintf("%s: flows well formed", level_name(l)));
	}
	return finish();
}

/* ------------------------------------------------------------------ */
/* facts: a truth file                                                 */

static int cmd_facts(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: expect facts TRUTH REPORT.O0 REPORT.O2 [FILE]\n");
		return 2;
	}
	const char *file = argc == 4 ? base_name(argv[3]) : NULL;
	case_name = argc == 4 ? argv[3] : argv[0];
	json_t *rep[2] = { read_report(argv[1]), read_report(argv[2]) };
	if (!rep[0] || !rep[1])
		count(0, NULL, "the reports are readable");
	int n;
	char **lines = read_lines(argv[0], &n);
	if (!lines) {
		printf("cannot read %s\n", argv[0]);
		return 2;
	}
	char **listed = NULL; /* FUNC<TAB>OBJECT of the warning facts */
	int nlisted = 0;
	for (int i = 0; i < n; i++) {
		const char *s = lines[i];
		char *hash = NULL;
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '#')
			continue;
		/* xfail "REASON" FACT */
		const char *xfail = NULL;
		if (!strncmp(s, "xfail", 5) && (s[5] == ' ' || s[5] == '\t')) {
			const char *p = s + 5;
			int bad = 0;
			char *r = quoted(&p, &bad);
			if (!r) {
				count(0, NULL, xprintf("%s:%d: xfail needs a \"reason\"",
						       argv[0], i + 1));
				continue;
			}
			xfail = r;
			s = p;
		}
		char *copy = xstrdup(s);
		if ((hash = strchr(copy, '#')))
			*hash = 0;
		char **w = NULL;
		int nw = 0;
		for (char *t = strtok(copy, " \t"); t; t = strtok(NULL, " \t")) {
			GROW(w, nw);
			w[nw++] = t;
		}
		if (!nw)
			continue;
		/* FILE FUNC OBJECT dangles|clean: a warning fact of FILE */
		if (nw >= 4 && strstr(w[0], ".c") &&
		    (!strcmp(w[nw - 1], "dangles") || !strcmp(w[nw - 1], "clean"))) {
			if (!file || strcmp(base_name(w[0]), file))
				continue;
			w[0] = "warning";
		} else if (file && argc == 4 && strstr(w[0], ".c")) {
			continue;
		}
		check_fact(w, nw, rep, xfail, xprintf("%s:%d", base_name(argv[0]), i + 1));
		if (!strcmp(w[0], "warning")) {
			GROW(listed, nlisted);
			listed[nlisted++] = xprintf("%s\t%s", w[1], w[2]);
			for (int k = 3; k < nw - 1; k++) {
				char *t = xprintf("%s %s", listed[nlisted - 1], w[k]);
				free(listed[nlisted - 1]);
				listed[nlisted - 1] = t;
			}
		}
		free(w);
	}
	/* a truth of warnings: no warning on an object it does not list */
	if (file) {
		char *unlisted = xstrdup("");
		for (int l = 0; l < 2; l++) {
			size_t a, b;
			json_t *f, *x;
			if (!rep[l])
				continue;
			json_array_foreach(json_object_get(rep[l], "functions"), a, f)
				json_array_foreach(json_object_get(f, "warnings"), b, x) {
				const char *fn = jstr(f, "name"), *obj = jstr(x, "object");
				char *key = xprintf("%s\t%s", fn ? fn : "?", obj ? obj : "?");
				int k;
				for (k = 0; k < nlisted && strcmp(listed[k], key); k++)
					;
				if (k == nlisted) {
					char *t = xprintf("%s %s %s '%s' [%s] (line %d);", unlisted,
							  level_name(l), fn ? fn : "?",
							  obj ? obj : "?",
							  jstr(x, "rule") ? jstr(x, "rule") : "?",
							  jint(x, "line", 0));
					free(unlisted);
					unlisted = t;
				}
				free(key);
			}
		}
		count(!*unlisted, NULL, xprintf("no warning on an object the truth does "
						"not list:%s", unlisted));
	}
	return finish();
}

/* ------------------------------------------------------------------ */
/* Listings                                                            */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void print_sorted(char **v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_str);
	for (int i = 0; i < n; i++)
		printf("%s\n", v[i]);
}

static int cmd_markers(int argc, char **argv, int all)
{
	char **out = NULL;
	int n = 0, rc = 0;
	const char *kind = all ? NULL : argv[0];
	for (int i = all ? 0 : 1; i < argc; i++) {
		ndirs = 0;
		malformed = 0;
		if (read_directives(argv[i]) < 0 || malformed)
			rc = 2;
		for (int d = 0; d < ndirs; d++) {
			if (kind && strcmp(dirs[d].kind, kind))
				continue;
			GROW(out, n);
			out[n++] = all ? xprintf("%s:%d %s", argv[i], dirs[d].line,
						 dirs[d].text)
				       : xprintf("%s:%d %s", argv[i], dirs[d].line,
						 dirs[d].args[0]);
		}
	}
	print_sorted(out, n);
	return rc;
}

static int cmd_needs(int argc, char **argv)
{
	if (argc != 1) {
		fprintf(stderr, "usage: expect needs CASE.c\n");
		return 2;
	}
	if (read_directives(argv[0]) < 0)
		return 2;
	int notes = 0, flows = 0, warnings = 0;
	for (int i = 0; i < ndirs; i++) {
		const char *k = dirs[i].kind;
		if (!strcmp(k, "flow") || dirs[i].m == 2)
			flows = 1;
		else if (!strcmp(k, "want") || !strcmp(k, "may") || !strcmp(k, "never"))
			notes = 1;
		if (!strcmp(k, "dangle") || !strcmp(k, "warn") || !strcmp(k, "may-warn") ||
		    !strcmp(k, "suppressed") || !strcmp(k, "fact"))
			warnings = 1;
	}
	printf("%s%s%s\n", notes ? "notes " : "", flows ? "flows " : "",
	       warnings ? "warnings" : "");
	return malformed ? 2 : 0;
}

static int cmd_warnings(int argc, char **argv)
{
	char **out = NULL;
	int n = 0, rc = 0;
	for (int i = 0; i < argc; i++) {
		json_error_t err;
		json_t *doc = json_load_file(argv[i], 0, &err), *f, *w;
		size_t a, b;
		if (!doc) {
			fprintf(stderr, "%s: not a JSON report: %s\n", argv[i], err.text);
			rc = 2;
			continue;
		}
		const char *src = jstr(doc, "source");
		json_array_foreach(json_object_get(doc, "functions"), a, f)
			json_array_foreach(json_object_get(f, "warnings"), b, w) {
				GROW(out, n);
				out[n++] = xprintf("%s:%d %s%s", src ? src : "?",
						   jint(w, "line", 0),
						   jstr(w, "rule") ? jstr(w, "rule") : "?",
						   json_is_true(json_object_get(w, "suppressed"))
							   ? " suppressed" : "");
			}
		json_decref(doc);
	}
	print_sorted(out, n);
	return rc;
}

/* flatten REPORT SOURCE: one verdict a line, tab-separated (what
   run-realistic.sh scores):
     F  FUNC  -  -  INSRC                (every function of the report)
     L  FUNC  NAME  escapes|stays  INSRC
     P  FUNC  NAME  leak|content|resultN|none  INSRC
     A  FUNC  CALLEE@LINE  escapes|stays  INSRC
     G  FUNC  -  REASON  INSRC           (only when gave_up is not null)
   INSRC is 1 when the function is in SOURCE (by base name), else 0. */
static void clean(char *s)
{
	for (; *s; s++)
		if (*s == '\t' || *s == '\n')
			*s = ' ';
}

static int cmd_flatten(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: expect flatten REPORT SOURCE\n");
		return 2;
	}
	json_error_t err;
	json_t *doc = json_load_file(argv[0], 0, &err), *f, *x;
	if (!doc) {
		fprintf(stderr, "%s: not a JSON report: %s\n", argv[0], err.text);
		return 2;
	}
	const char *src = base_name(argv[1]);
	size_t i, j;
	char buf[32];
	json_array_foreach(json_object_get(doc, "functions"), i, f) {
		const char *file = jstr(f, "file") ? jstr(f, "file") : jstr(doc, "source");
		int in = file && !strcmp(base_name(file), src);
		char *fn = xstrdup(jstr(f, "name") ? jstr(f, "name") : "?");
		clean(fn);
		printf("F\t%s\t-\t-\t%d\n", fn, in);
		if (jstr(f, "gave_up")) {
			char *g = xstrdup(jstr(f, "gave_up"));
			clean(g);
			printf("G\t%s\t-\t%s\t%d\n", fn, g, in);
			free(g);
		}
		json_array_foreach(json_object_get(f, "locals"), j, x) {
			char *n = xstrdup(jstr(x, "name") ? jstr(x, "name") : "?");
			clean(n);
			printf("L\t%s\t%s\t%s\t%d\n", fn, n, local_verdict(x), in);
			free(n);
		}
		json_array_foreach(json_object_get(f, "params"), j, x) {
			char *n = xstrdup(jstr(x, "name") ? jstr(x, "name") : "?");
			clean(n);
			printf("P\t%s\t%s\t%s\t%d\n", fn, n,
			       param_verdict(x, buf, sizeof buf), in);
			free(n);
		}
		json_array_foreach(json_object_get(f, "allocations"), j, x) {
			char *n = xstrdup(jstr(x, "callee") ? jstr(x, "callee") : "?");
			clean(n);
			json_t *line = json_object_get(x, "line");
			if (json_is_integer(line))
				printf("A\t%s\t%s@%d\t%s\t%d\n", fn, n,
				       (int)json_integer_value(line), local_verdict(x), in);
			else
				printf("A\t%s\t%s@None\t%s\t%d\n", fn, n,
				       local_verdict(x), in);
			free(n);
		}
		free(fn);
	}
	json_decref(doc);
	return 0;
}

/* json FILE...: each file is one whole JSON document (NaN and Infinity
   are not JSON); names each that is not, with why. */
static int cmd_json(int argc, char **argv)
{
	int rc = 0;
	for (int i = 0; i < argc; i++) {
		json_error_t err;
		json_t *doc = json_load_file(argv[i], 0, &err);
		if (!doc) {
			printf("%s: not JSON: %s (line %d)\n", argv[i], err.text, err.line);
			rc = 1;
		}
		json_decref(doc);
	}
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: expect check|facts|directives|markers|needs|warnings ...\n"
			"(see the header of testsuite/lib/expect.c)\n");
		return 2;
	}
	const char *cmd = argv[1];
	argc -= 2;
	argv += 2;
	if (!strcmp(cmd, "check"))
		return cmd_check(argc, argv);
	if (!strcmp(cmd, "facts"))
		return cmd_facts(argc, argv);
	if (!strcmp(cmd, "directives"))
		return cmd_markers(argc, argv, 1);
	if (!strcmp(cmd, "markers") && argc >= 1)
		return cmd_markers(argc, argv, 0);
	if (!strcmp(cmd, "needs"))
		return cmd_needs(argc, argv);
	if (!strcmp(cmd, "warnings"))
		return cmd_warnings(argc, argv);
	if (!strcmp(cmd, "flatten"))
		return cmd_flatten(argc, argv);
	if (!strcmp(cmd, "json"))
		return cmd_json(argc, argv);
	fprintf(stderr, "expect: unknown command '%s'\n", cmd);
	return 2;
}
