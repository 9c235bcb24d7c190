#include "escape-report.h"

/* ------------------------------------------------------------------ */
/* The link step                                                        */

/*
 * Each report exports, per function ("link", docs/report.md): its symbol
 * when it has external linkage, its summary (what callers in its unit
 * used), the same verdicts without what rests on functions the unit knew
 * only by name (local_*), and the imports: which parameter, stack object
 * or allocation reaches which argument of which such function, with how
 * many derefs, and where the call's value goes.  Warnings that rest only
 * on such a function are pending.
 *
 * Linking:
 *
 *   1. symbols: every exported function by its symbol, within the link
 *      units (below) of the caller.  A call first resolves to a function
 *      of the caller's own report of the same name (a static wrapper whose
 *      summary rests on another file's function: an import too).  A
 *      static function is never exported, so two statics of one name in
 *      two files stay apart and neither is taken for another file's
 *      external function.  One symbol defined at two places of one link
 *      unit (two files, not one file read twice) is reported and treated
 *      as not defined: not guessed.
 *   2. summaries, to a whole-program fixed point: each function with a
 *      summary (statics too)
 *      starts from its local verdicts, and each of its imports adds, for
 *      a defined callee, derefs + the callee's leak (its heap leak, its
 *      stores into the memory of other arguments, which are taken as the
 *      heap, and its result leak through the call's value); for a callee
 *      defined nowhere, what the unit assumed (it keeps everything).
 *      Leaks only grow from the local verdicts, so this is the least
 *      fixed point: recursion across files that stores nothing leaks
 *      nothing, whatever the order of the reports.
 *   3. re-derived: an escape, a leaking parameter or an escaping
 *      allocation that rested only on imports the build now answers "no"
 *      is dropped; a pending warning becomes a warning when its callee,
 *      defined in the build, keeps the address by steps that are not
 *      assumed (escape-kept) or returns it to a caller that returns it
 *      (escape-return), or, defined nowhere, takes it as a non-const
 *      void * (escape-unknown, as a unit says today).  Its flow goes on
 *      into the callee's own flow, across files.
 *
 * What it does not re-derive: a same-unit callee's result leak found at
 * link time (only its heap leak and what it keeps are imports); a warning
 * that needs flow-sensitivity past the call (a value returned by the
 * callee and stored after it).  Both stay as the unit said, which is the
 * conservative side.
 */

char **link_twice;
size_t nlink_twice;
static size_t twice_cap;

struct imp {
	int owner_kind; /* ESC_OWNER_* */
	int owner;
	const char *callee;
	int arg, derefs, vres, vheap, isvoid;
	int addr;       /* the object's very address reaches the argument */
	int line, col;  /* the call's */
	int def; /* index in defs[], or -1 */
	int rep; /* the caller's report */
	json_t *js; /* its object in the report (its call's "consts") */
};

/* A guard of a summary (esc_summary.guards): its sure leaks when
   argument param is a constant with no bit of mask set. */
struct lguard {
	int param;          /* -1: a global's */
	const char *global; /* the global tested, zero unless written */
	unsigned long long mask;
	signed char *sure;
};

struct def {
	int func; /* in funcs[] */
	int next; /* the next definition of the symbol, + 1 (0: none) */
	const char *symbol; /* NULL: static */
	int nslots; /* nparams + 1: the last, the varargs */
	signed char *heap, *sure, *result; /* linked */
	signed char *bound; /* the unit's heap leak: keeping everything, its
			       callees known only by name made it no weaker */
	signed char *store; /* fewest derefs of a store from the slot */
	signed char *store_other; /* the same, into another argument's memory */
	int gave_up, fresh, result_other;
	/* the variadic arguments are kept only when argument vwhen_param
	   is one of vwhen[] (esc_summary.vwhen); -1: whatever the call */
	int vwhen_param;
	long long *vwhen;
	size_t nvwhen, vwhen_cap;
	struct lguard *guards;
	size_t nguards, guards_cap;
	/* sure leaks that end only if a callee releases its argument
	   (esc_summary.releases) */
	struct esc_summary_release *rels;
	size_t nrels, rels_cap;
	int twice; /* the symbol has another definition in the build */
	char **where; /* file:line of each definition */
	size_t nwhere, where_cap;
};

struct lfunc {
	int nimp;
	struct imp *imp;
	json_t *link;
	int nfx, fx_cap;       /* its effects, closed over the build's calls */
	struct esc_effect *fx;
	int nst;               /* its summary's stores (-1: not read yet) */
	struct esc_summary_store *st;
};

static struct def *defs;
static size_t ndefs, defs_cap;
static struct table syms;  /* symbol -> its first def's index + 1 */
static int *func_def;      /* per funcs[]: its def's index + 1, or 0 */

/* ------------------------------------------------------------------ */
/* Link units                                                          */

/*
 * A build makes programs, shared libraries and archives (link units), and
 * the linker resolves a call within the unit being linked: two programs
 * may each have their main and their xmalloc.  escape-build writes which
 * source files' objects go into which unit (link-units.txt, in the
 * reports' directory); a report is in the units of its source file: the
 * programs and shared libraries its object is linked into (an archive's
 * member when the linker pulls it), and its archive (every member).  A
 * call resolves within the caller's programs and shared libraries, or,
 * for an object in none (an archive member no program pulls), within its
 * archive: to the one definition of its symbol in one of them.  A report
 * in no unit (a build without link information) sees every other, as
 * one program.  A symbol defined twice within one unit is reported, not
 * guessed.
 */
struct ulist {
	int *u, n, cap; /* all its units, ascending */
	int *p, np, pcap; /* where its calls resolve */
	int primaried;
};

static char **unit_names;
static int *unit_archive; /* per unit: an archive? */
static int *unit_program; /* per unit: a program? */
static size_t unit_program_cap;
static size_t nunits, units_cap, unit_archive_cap;
static struct table unit_sources; /* resolved source -> struct ulist */
static const struct ulist **report_units; /* per report, NULL: none */

static void units_bad(const char *path, int line, const char *what)
{
	die("%s:%d: not a link-units file: %s", path, line, what);
}

void link_read_units(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int n = 0, cur = -1;

	if (!f)
		die("%s: cannot read: %s", path, strerror(errno));
	while ((len = getline(&line, &cap, f)) >= 0) {
		n++;
		if (len && line[len - 1] == '\n')
			line[--len] = 0;
		if (n == 1) {
			if (strcmp(line, "escape-link-units 1"))
				units_bad(path, n, "the first line is not \"escape-link-units 1\"");
			continue;
		}
		if (!strncmp(line, "unit ", 5)) {
			const char *name = strchr(line + 5, ' ');
			if (!name || !name[1])
				units_bad(path, n, "\"unit\" without a kind and a name");
			size_t na = nunits;
			size_t np = nunits;
			PUSH(unit_archive, na, unit_archive_cap, !strncmp(line + 5, "archive ", 8));
			PUSH(unit_program, np, unit_program_cap, !strncmp(line + 5, "program ", 8));
			PUSH(unit_names, nunits, units_cap, xstrdup(name + 1));
			cur = (int)nunits - 1;
		} else if (!strncmp(line, "source ", 7) && line[7]) {
			if (cur < 0)
				units_bad(path, n, "a \"source\" before any \"unit\"");
			struct entry *e = lookup_str(&unit_sources, resolve(NULL, line + 7));
			struct ulist *l = e->value;
			if (!l) {
				l = xmalloc(sizeof *l);
				memset(l, 0, sizeof *l);
				e->value = l;
			}
			if (!l->n || l->u[l->n - 1] != cur)
				PUSH(l->u, l->n, l->cap, cur);
		} else if (*line) {
			units_bad(path, n, "a line that is neither \"unit KIND NAME\" nor \"source FILE\"");
		}
	}
	if (ferror(f))
		die("%s: cannot read: %s", path, strerror(errno));
	if (n == 0)
		units_bad(path, 1, "empty");
	free(line);
	fclose(f);
}

static int common(const int *x, int nx, const int *y, int ny)
{
	for (int i = 0, j = 0; i < nx && j < ny;) {
		if (x[i] == y[j])
			return x[i];
		if (x[i] < y[j])
			i++;
		else
			j++;
	}
	return -1;
}

/* The first unit reports a and b share, -1 if none, -2 if either is in
   none (they see each other). */
static int shared_unit(int a, int b)
{
	const struct ulist *x = report_units[a], *y = report_units[b];
	if (!x || !y || a == b)
		return -2;
	return common(x->u, x->n, y->u, y->n);
}

/* Can a call of report a link to a definition of report b?  -1: no. */
static int resolves_to(int a, int b)
{
	struct ulist *x = (struct ulist *)report_units[a];
	const struct ulist *y = report_units[b];
	if (!x || !y || a == b)
		return -2;
	if (!x->primaried) {
		int linked_into = 0;
		for (int i = 0; i < x->n; i++)
			linked_into |= !unit_archive[x->u[i]];
		for (int i = 0; i < x->n; i++)
			if (!linked_into || !unit_archive[x->u[i]])
				PUSH(x->p, x->np, x->pcap, x->u[i]);
		x->primaried = 1;
	}
	return common(x->p, x->np, y->u, y->n);
}
static struct lfunc *lf;  /* per funcs[] */
static int linked;

static int min_leak(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

/* The weaker of two leaks (-1: none). */
static int weaker(int a, int b)
{
	if (a < 0 || b < 0)
		return -1;
	return a > b ? a : b;
}

static int level(int d)
{
	return d < 0 ? 0 : d > ESC_MAX_DEREFS ? ESC_MAX_DEREFS : d;
}

/* An integer or null (-1) of a JSON array element. */
static int lev_at(json_t *a, size_t i)
{
	json_t *v = json_array_get(a, i);
	return json_is_integer(v) ? (int)json_integer_value(v) : -1;
}

static int int_of(json_t *o, const char *key, int dflt)
{
	json_t *v = json_object_get(o, key);
	return json_is_integer(v) ? (int)json_integer_value(v) : dflt;
}

static void link_bad(int fi, const char *what)
{
	const struct func *F = &funcs[fi];
	die("%s: not an escape report: function %s: \"link\": %s",
	    reports[F->report].path, F->name, what);
}

static signed char *levels(int fi, json_t *s, const char *key, int n)
{
	json_t *a = json_object_get(s, key);
	signed char *v = xmalloc((size_t)n);
	if (!json_is_array(a) || (int)json_array_size(a) != n) {
		char msg[128];
		snprintf(msg, sizeof msg, "summary \"%s\" is not an array of %d levels", key, n);
		link_bad(fi, msg);
	}
	for (int i = 0; i < n; i++) {
		int l = lev_at(a, (size_t)i);
		v[i] = (signed char)(l > ESC_MAX_DEREFS ? ESC_MAX_DEREFS : l);
	}
	return v;
}

static struct table statics; /* report index and name -> funcs[] index + 1 */

/* An effect's flag bits and guard (docs/report.md effects). */
static void read_bits(json_t *o, struct esc_effect *e)
{
	json_t *bits = json_object_get(o, "bits"), *clears = json_object_get(o, "clears");
	json_t *guard = json_object_get(o, "guard"), *mask = json_object_get(o, "mask");
	e->setbits = json_is_integer(bits) ? (uint64_t)json_integer_value(bits) : 0;
	e->clrbits = json_is_integer(clears) ? (uint64_t)json_integer_value(clears)
					     : ~(uint64_t)0;
	if (e->kind == ESC_FX_CALL || e->kind == ESC_FX_UNLINK)
		e->setbits = e->clrbits = 0;
	if ((e->kind == ESC_FX_UNLINK || e->kind == ESC_FX_CALL) && json_is_string(guard)) {
		e->guard = esc_intern(json_string_value(guard));
		e->mask = json_is_integer(mask) ? (uint64_t)json_integer_value(mask) : 0;
		e->dec = e->kind == ESC_FX_CALL && json_is_true(json_object_get(o, "dec"));
	}
}

/* Conditions [[param, "path", mask], ...] (docs/report.md effects) into
   c; the count, -1 if malformed. */
static int read_conds(json_t *a, struct esc_cond *c)
{
	if (!a)
		return 0;
	if (!json_is_array(a) || json_array_size(a) > ESC_MAX_CONDS)
		return -1;
	for (size_t i = 0; i < json_array_size(a); i++) {
		json_t *x = json_array_get(a, i);
		json_t *p = json_array_get(x, 0), *path = json_array_get(x, 1);
		json_t *m = json_array_get(x, 2);
		if (!json_is_array(x) || !json_is_integer(p) || json_integer_value(p) < 0 ||
		    !json_is_string(path) || !json_is_integer(m))
			return -1;
		c[i].param = (int)json_integer_value(p);
		c[i].path = esc_intern(json_string_value(path));
		c[i].mask = (uint64_t)json_integer_value(m);
	}
	return (int)json_array_size(a);
}

static json_t *conds_out(const struct esc_conds *s)
{
	json_t *a = must(json_array());
	const struct esc_cond *c = s->c;
	for (int i = 0; i < s->n; i++) {
		json_t *x = must(json_array());
		add(x, json_integer(c[i].param));
		add(x, text(c[i].path));
		add(x, json_integer((json_int_t)c[i].mask));
		add(a, x);
	}
	return a;
}

static void read_effects(int fi, json_t *a)
{
	static const char *const kinds[] = { "set", "clear", "call", "unlink", "release",
					     "fresh" };
	if (a && !json_is_array(a))
		link_bad(fi, "\"effects\" is not an array");
	for (size_t i = 0; i < json_array_size(a); i++) {
		json_t *o = json_array_get(a, i);
		const char *kind = json_string_value(json_object_get(o, "kind"));
		const char *path = json_string_value(json_object_get(o, "path"));
		struct esc_effect e;
		memset(&e, 0, sizeof e);
		e.kind = (enum esc_effect_kind)-1;
		for (int k = 0; kind && k < 6; k++)
			if (!strcmp(kind, kinds[k]))
				e.kind = (enum esc_effect_kind)k;
		e.param = int_of(o, "param", -2);
		/* fresh: the result's (param -1) */
		if ((int)e.kind < 0 || (e.kind == ESC_FX_FRESH ? e.param != -1 : e.param < 0) ||
		    !path)
			link_bad(fi, "an effect without its kind, parameter or path");
		if (e.kind == ESC_FX_FRESH &&
		    json_is_string(json_object_get(o, "callee")))
			e.callee = esc_intern(json_string_value(json_object_get(o, "callee")));
		e.path = esc_intern(path);
		e.pointer = json_is_true(json_object_get(o, "pointer"));
		e.pop = e.kind == ESC_FX_CLEAR && json_is_true(json_object_get(o, "pop"));
		e.nonzero = e.kind != ESC_FX_CALL &&
			    json_is_true(json_object_get(o, "nonzero"));
		read_bits(o, &e);
		struct esc_cond cs[ESC_MAX_CONDS], cr[ESC_MAX_CONDS];
		int nskip = 0, nrefuse;
		if (e.kind == ESC_FX_UNLINK || e.kind == ESC_FX_CALL)
			nskip = read_conds(json_object_get(o, "skip"), cs);
		nrefuse = read_conds(json_object_get(o, "refuse"), cr);
		if (nskip < 0 || nrefuse < 0)
			link_bad(fi, "an effect's \"skip\" or \"refuse\" is not "
				     "[[param, \"path\", mask], ...]");
		e.skip = esc_conds_intern(cs, nskip);
		e.refuse = esc_conds_intern(cr, nrefuse);
		if (e.kind == ESC_FX_CALL) {
			const char *callee = json_string_value(json_object_get(o, "callee"));
			e.arg = int_of(o, "arg", -1);
			e.every = json_is_true(json_object_get(o, "every"));
			e.alt = int_of(o, "alt", 0);
			e.altcover = json_is_true(json_object_get(o, "altcover"));
			if (!callee || e.arg < 0)
				link_bad(fi, "a call effect without its callee or argument");
			e.callee = esc_intern(callee);
			json_t *args = json_object_get(o, "args");
			if (args && (!json_is_array(args) ||
				     json_array_size(args) > ESC_MAX_CONDS))
				link_bad(fi, "a call effect's \"args\" is not [[arg, param, \"path\"], ...]");
			struct esc_cond_arg ca[ESC_MAX_CONDS];
			int nargs = 0;
			for (size_t k = 0; k < json_array_size(args); k++) {
				json_t *x = json_array_get(args, k);
				json_t *path = json_array_get(x, 2);
				int ar = (int)json_integer_value(json_array_get(x, 0));
				int pa = (int)json_integer_value(json_array_get(x, 1));
				if (!json_is_integer(json_array_get(x, 0)) ||
				    !json_is_integer(json_array_get(x, 1)) ||
				    !json_is_string(path) || ar < 0 || pa < 0)
					link_bad(fi, "a call effect's \"args\" is not [[arg, param, \"path\"], ...]");
				ca[nargs].arg = ar;
				ca[nargs].param = pa;
				ca[nargs++].path = esc_intern(json_string_value(path));
			}
			e.args = esc_cond_args_intern(ca, nargs);
		}
		if (lf[fi].nfx == lf[fi].fx_cap) {
			lf[fi].fx_cap = lf[fi].fx_cap ? 2 * lf[fi].fx_cap : 8;
			lf[fi].fx = xrealloc(lf[fi].fx, (size_t)lf[fi].fx_cap * sizeof *lf[fi].fx);
		}
		lf[fi].fx[lf[fi].nfx++] = e;
	}
	/* a static function is found by name in its own report */
	if (!json_string_value(json_object_get(lf[fi].link, "symbol"))) {
		char *key = xasprintf("%d" SEP "%s", funcs[fi].report, funcs[fi].name);
		struct entry *e = lookup_str(&statics, key);
		if (!e->value)
			e->value = (void *)(uintptr_t)(fi + 1);
		free(key);
	}
}

static void read_link(int fi)
{
	json_t *link = json_object_get(funcs[fi].json, "link");
	json_t *imps, *s;
	const char *sym;

	lf[fi].link = json_is_object(link) ? link : NULL;
	if (!lf[fi].link)
		return;
	imps = json_object_get(link, "imports");
	if (imps && !json_is_array(imps))
		link_bad(fi, "\"imports\" is not an array");
	for (size_t i = 0; i < json_array_size(imps); i++) {
		json_t *o = json_array_get(imps, i);
		struct imp m;
		json_t *c = json_object_get(o, "callee");
		if (!json_is_object(o) || !json_is_string(c))
			link_bad(fi, "an import without a \"callee\"");
		memset(&m, 0, sizeof m);
		m.callee = json_string_value(c);
		m.owner_kind = json_object_get(o, "param") ? ESC_OWNER_PARAM
			     : json_object_get(o, "local") ? ESC_OWNER_LOCAL
							   : ESC_OWNER_ALLOC;
		m.owner = int_of(o, m.owner_kind == ESC_OWNER_PARAM ? "param"
				 : m.owner_kind == ESC_OWNER_LOCAL ? "local"
								   : "allocation", -1);
		m.arg = int_of(o, "arg", -1);
		m.derefs = int_of(o, "derefs", 0);
		m.vres = int_of(o, "value_result", -1);
		m.vheap = int_of(o, "value_heap", -1);
		m.isvoid = json_is_true(json_object_get(o, "void"));
		m.addr = json_is_true(json_object_get(o, "addr"));
		m.line = int_of(o, "line", -1);
		m.col = int_of(o, "column", -1);
		m.def = -1;
		m.js = o;
		if (m.owner < 0 || m.arg < 0)
			link_bad(fi, "an import without its owner or argument");
		if (lf[fi].nimp % 16 == 0)
			lf[fi].imp = xrealloc(lf[fi].imp, (size_t)(lf[fi].nimp + 16) * sizeof m);
		lf[fi].imp[lf[fi].nimp++] = m;
	}
	read_effects(fi, json_object_get(link, "effects"));
	sym = json_string_value(json_object_get(link, "symbol"));
	s = json_object_get(link, "summary");
	if (!json_is_object(s))
		return;
	/* every function with a summary is solved; one with a symbol is
	   also linked by it */
	struct entry *e = sym ? lookup_str(&syms, sym) : NULL;
	struct def d;
	memset(&d, 0, sizeof d);
	d.func = fi;
	d.symbol = e ? e->key : NULL;
	d.next = e ? (int)(uintptr_t)e->value : 0;
	PUSH(d.where, d.nwhere, d.where_cap,
	     xasprintf("%s:%d", shown(funcs[fi].file), funcs[fi].line));
	d.nslots = int_of(s, "nparams", -1) + 1;
	if (d.nslots < 1 || d.nslots > 100000)
		link_bad(fi, "summary without \"nparams\"");
	d.heap = levels(fi, s, "local_heap", d.nslots);
	d.bound = levels(fi, s, "heap", d.nslots);
	d.sure = levels(fi, s, "local_sure", d.nslots);
	d.result = levels(fi, s, "local_result", d.nslots);
	d.store = xmalloc((size_t)d.nslots);
	memset(d.store, -1, (size_t)d.nslots);
	d.store_other = xmalloc((size_t)d.nslots);
	memset(d.store_other, -1, (size_t)d.nslots);
	json_t *st = json_object_get(s, "stores");
	for (size_t i = 0; i < json_array_size(st); i++) {
		json_t *o = json_array_get(st, i);
		int from = int_of(o, "from", -1), der = int_of(o, "derefs", 0);
		int to = int_of(o, "to", -1);
		if (from >= 0 && from < d.nslots) {
			d.store[from] = (signed char)min_leak(d.store[from], level(der));
			/* a store undone before the function returns
			   ("assumed", esc_summary_undo) keeps nothing */
			if (to >= 0 && to != from &&
			    !json_is_true(json_object_get(o, "assumed")))
				d.store_other[from] = (signed char)min_leak(d.store_other[from],
									    level(der));
		}
	}
	d.gave_up = json_is_true(json_object_get(s, "gave_up"));
	d.fresh = json_is_true(json_object_get(s, "fresh"));
	d.result_other = json_is_true(json_object_get(s, "result_other"));
	d.vwhen_param = -1;
	json_t *vw = json_object_get(s, "vwhen");
	if (vw) {
		json_t *vals = json_object_get(vw, "values");
		d.vwhen_param = int_of(vw, "param", -1);
		if (d.vwhen_param < 0 || d.vwhen_param >= d.nslots - 1 ||
		    !json_is_array(vals) || !json_array_size(vals))
			link_bad(fi, "a \"vwhen\" without its parameter or values");
		for (size_t i = 0; i < json_array_size(vals); i++) {
			json_t *v = json_array_get(vals, i);
			if (!json_is_integer(v))
				link_bad(fi, "a \"vwhen\" value that is not an integer");
			long long x = (long long)json_integer_value(v);
			PUSH(d.vwhen, d.nvwhen, d.vwhen_cap, x);
		}
	}
	json_t *gs = json_object_get(s, "guards");
	if (gs && !json_is_array(gs))
		link_bad(fi, "\"guards\" is not an array");
	for (size_t i = 0; i < json_array_size(gs); i++) {
		json_t *o = json_array_get(gs, i);
		struct lguard g;
		json_t *mask = json_object_get(o, "mask");
		g.param = int_of(o, "param", -1);
		g.global = json_string_value(json_object_get(o, "global"));
		if ((g.global ? g.param != -1 || !*g.global
			      : g.param < 0 || g.param >= d.nslots - 1) ||
		    !json_is_integer(mask))
			link_bad(fi, "a guard without its parameter or mask");
		g.mask = (unsigned long long)json_integer_value(mask);
		g.sure = levels(fi, o, "sure", d.nslots);
		PUSH(d.guards, d.nguards, d.guards_cap, g);
	}
	json_t *rs = json_object_get(s, "releases");
	if (rs && !json_is_array(rs))
		link_bad(fi, "\"releases\" is not an array");
	for (size_t i = 0; i < json_array_size(rs); i++) {
		json_t *o = json_array_get(rs, i);
		struct esc_summary_release r;
		const char *callee = json_string_value(json_object_get(o, "callee"));
		r.param = int_of(o, "param", -1);
		r.level = int_of(o, "level", -1);
		r.arg = int_of(o, "arg", -1);
		r.sink = int_of(o, "sink", -1);
		r.group = int_of(o, "group", -1);
		if (r.param < 0 || r.param >= d.nslots - 1 || r.level < 0 ||
		    r.level > ESC_MAX_DEREFS || r.arg < 0 || !callee ||
		    r.sink < 0 || r.group < 0)
			link_bad(fi, "a release without its parameter, level, callee, argument, sink or group");
		r.callee = esc_intern(callee);
		PUSH(d.rels, d.nrels, d.rels_cap, r);
	}
	if (d.next)
		defs[d.next - 1].twice = d.twice = 1;
	PUSH(defs, ndefs, defs_cap, d);
	func_def[fi] = (int)ndefs;
	if (e)
		e->value = (void *)(uintptr_t)ndefs;
}

static int cmp_where(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The definition a call of symbol from report rep links to: the only one
   that shares a link unit with it, or NULL (defined nowhere for it, or
   more than once). */
static struct def *def_in(const char *symbol, int rep)
{
	/* a function of the caller's own unit (a static one, or one whose
	   summary the unit's callers used) */
	char *key = xasprintf("%d" SEP "%s", rep, symbol);
	struct entry *own = lookup_str(&report_funcs, key);
	free(key);
	if (own->value && func_def[(uintptr_t)own->value - 1])
		return &defs[func_def[(uintptr_t)own->value - 1] - 1];
	struct entry *e = lookup_str(&syms, symbol);
	struct def *found = NULL;
	for (int i = (int)(uintptr_t)e->value; i; i = defs[i - 1].next) {
		struct def *d = &defs[i - 1];
		if (resolves_to(rep, funcs[d->func].report) == -1)
			continue;
		if (found)
			return NULL;
		found = d;
	}
	return found;
}

static int report_of(int fi)
{
	return funcs[fi].report;
}

int link_defined_in(const char *symbol, int fi)
{
	return linked && symbol && def_in(symbol, report_of(fi)) != NULL;
}

static int slot(const struct def *d, int arg)
{
	return arg < d->nslots - 1 ? arg : d->nslots - 1;
}

/* What callee d does with argument arg of a call from report rep: fewest
   derefs to the heap (its leak, or a store into another argument's
   memory), by steps that are not assumed (sure), and to its result.  A
   callee of the caller's own report (a static wrapper) has its stores
   in the caller's verdicts already, where they go: only its leak
   counts. */
static int eff_heap(const struct def *d, int arg, int rep)
{
	if (d->gave_up)
		return 0;
	int s = slot(d, arg);
	return report_of(d->func) == rep ? d->heap[s] : min_leak(d->heap[s], d->store[s]);
}

/* By steps that are not assumed: its sure leak, or a store into the
   memory of another argument (not into the argument's own: a buffer
   pointing into itself keeps nothing). */
static int param_index(int fi, int k);

/* Does function fi's linked sure leak of slot s rest on an import? */
static int slot_imported(int fi, int s, int nslots)
{
	for (int i = 0; i < lf[fi].nimp; i++) {
		const struct imp *m = &lf[fi].imp[i];
		int p = m->owner_kind == ESC_OWNER_PARAM ? param_index(fi, m->owner) : -1;
		if (p >= 0 && (p < nslots - 1 ? p : nslots - 1) == s)
			return 1;
	}
	return 0;
}

/* The sure leak su of slot s of d at a call whose constant integer
   arguments are call's "consts" ([arg, value] pairs; NULL: none known):
   a guard of d whose parameter the call gives only constants with no
   bit of its mask set leaves the sure leak by the steps its test does
   not rule out (esc_summary.guards: bash's hash_search keeps the key
   only under flags & HASH_CREATE; find_alias passes 0).  That leak is
   the unit's: it holds only where d's leak of the slot rests on no
   import (the build may make an import's leak sure). */
static int guarded_sure(const struct def *d, int s, json_t *call, int su)
{
	json_t *cs = call ? json_object_get(call, "consts") : NULL;
	if (su < 0 || !d->nguards || d->gave_up || !json_array_size(cs))
		return su;
	int best = su;
	for (size_t k = 0; k < d->nguards; k++) {
		const struct lguard *g = &d->guards[k];
		int known = 0, zero = 1;
		if (g->global)
			continue;
		for (size_t i = 0; i < json_array_size(cs); i++) {
			json_t *p = json_array_get(cs, i);
			json_t *a = json_array_get(p, 0), *v = json_array_get(p, 1);
			if (!json_is_integer(a) || !json_is_integer(v) ||
			    json_integer_value(a) != g->param)
				continue;
			known = 1;
			if ((unsigned long long)json_integer_value(v) & g->mask)
				zero = 0;
		}
		if (!known || !zero)
			continue;
		if (slot_imported(d->func, s, d->nslots))
			return su;
		best = weaker(best, g->sure[s]);
	}
	return best;
}

static int global_written(const char *global, int rep);
static int via_sure(const struct imp *m);

/* Does the leak of slot s of function fi rest on an import whose callee
   the build says keeps it surely (the unit's guard walk took it as
   assumed: event_assign hands the event to a static function that
   prints it with another file's event_errx, which keeps nothing)? */
static int slot_import_sure(int fi, int s, int nslots)
{
	for (int i = 0; i < lf[fi].nimp; i++) {
		const struct imp *m = &lf[fi].imp[i];
		int p = m->owner_kind == ESC_OWNER_PARAM ? param_index(fi, m->owner) : -1;
		if (p >= 0 && (p < nslots - 1 ? p : nslots - 1) == s && via_sure(m) >= 0)
			return 1;
	}
	return 0;
}

/* The sure leak su of slot s of d at a call from report rep: a guard
   of d on a global that no function the program runs writes (it stays
   zero) leaves the sure leak by the steps its test does not rule out
   (libevent's event_debug_note_setup_ keeps the event in a global map
   only if (event_debug_mode_on_), which only event_enable_debug_mode
   sets).  The unit's leak: it holds where no import of the slot is
   made sure by the build (SOLVING: during the fixed point, where the
   imports' leaks are not final, only where the slot rests on no
   import); NONE: not applied. */
enum { RELIEF_NONE, RELIEF_SOLVING, RELIEF_FINAL };
static int global_sure(const struct def *d, int s, int rep, int su, int relief)
{
	if (su < 0 || !d->nguards || d->gave_up || relief == RELIEF_NONE)
		return su;
	int best = su;
	for (size_t k = 0; k < d->nguards; k++) {
		const struct lguard *g = &d->guards[k];
		if (!g->global || global_written(g->global, rep))
			continue;
		if (relief == RELIEF_SOLVING ? slot_imported(d->func, s, d->nslots)
					     : slot_import_sure(d->func, s, d->nslots))
			return su;
		best = weaker(best, g->sure[s]);
	}
	return best;
}

/* eff_sure at a call from report rep with the constants of call's
   "consts" (NULL: none known), global guards ruled out as relief says */
static int eff_sure_at(const struct def *d, int arg, int rep, json_t *call,
		       int relief)
{
	if (d->gave_up)
		return 0;
	int s = slot(d, arg);
	int su = global_sure(d, s, rep, guarded_sure(d, s, call, d->sure[s]), relief);
	return report_of(d->func) == rep ? su : min_leak(su, d->store_other[s]);
}


static int eff_result(const struct def *d, int arg)
{
	return d->gave_up ? -1 : d->result[slot(d, arg)];
}

/* Are the variadic arguments of the call kept by d, as far as its
   constant selector tells (esc_summary.vwhen)?  The call's "consts":
   [arg, value] pairs, an argument that is one of several values in as
   many pairs. */
static int vwhen_keeps(const struct def *d, json_t *call)
{
	if (d->vwhen_param < 0 || d->gave_up)
		return 1;
	json_t *cs = json_object_get(call, "consts");
	int known = 0;
	for (size_t i = 0; i < json_array_size(cs); i++) {
		json_t *p = json_array_get(cs, i);
		json_t *a = json_array_get(p, 0), *v = json_array_get(p, 1);
		if (!json_is_integer(a) || !json_is_integer(v) ||
		    json_integer_value(a) != d->vwhen_param)
			continue;
		known = 1;
		for (size_t k = 0; k < d->nvwhen; k++)
			if (d->vwhen[k] == (long long)json_integer_value(v))
				return 1;
	}
	return !known;
}

/* With derefs of the import m: the leak to the heap it adds (or -1). */
static int via_heap(const struct imp *m)
{
	const struct def *d = m->def >= 0 ? &defs[m->def] : NULL;
	if (!d)
		return level(m->derefs); /* defined nowhere: kept */
	int h = eff_heap(d, m->arg, m->rep), r = eff_result(d, m->arg), best = -1;
	if (h >= 0)
		best = level(m->derefs + h);
	if (r >= 0 && m->vheap >= 0)
		best = min_leak(best, level(m->derefs + r + m->vheap));
	return best;
}

static int via_sure(const struct imp *m)
{
	const struct def *d = m->def >= 0 ? &defs[m->def] : NULL;
	if (!d)
		return m->isvoid ? level(m->derefs) : -1;
	int s = eff_sure_at(d, m->arg, m->rep, m->js, RELIEF_SOLVING);
	return s >= 0 ? level(m->derefs + s) : -1;
}

/* The frame object of function fi whose address alone is argument `to'
   of the call of import m (every import of that argument of that call is
   the object's very address), or -1. */
static int frame_arg(int fi, const struct imp *m, int to)
{
	int obj = -1;
	if (m->line < 0)
		return -1;
	for (int i = 0; i < lf[fi].nimp; i++) {
		const struct imp *x = &lf[fi].imp[i];
		if (x->arg != to || x->line != m->line || x->col != m->col ||
		    strcmp(x->callee, m->callee))
			continue;
		if (x->owner_kind != ESC_OWNER_LOCAL || x->derefs != -1 ||
		    !x->addr || (obj >= 0 && x->owner != obj))
			return -1;
		obj = x->owner;
	}
	return obj;
}

/* With how few derefs what frame object obj of function fi holds
   reaches the heap surely: by the unit's local verdict (local.contents;
   a report without it: 0), or by an import the object is handed to. */
static int content_leak(int fi, int obj)
{
	json_t *c = json_object_get(json_object_get(lf[fi].link, "local"),
				    "contents");
	int best = json_is_array(c) ? lev_at(c, (size_t)obj) : 0;
	for (int i = 0; i < lf[fi].nimp && best != 0; i++) {
		const struct imp *x = &lf[fi].imp[i];
		if (x->owner_kind == ESC_OWNER_LOCAL && x->owner == obj)
			best = min_leak(best, via_sure(x));
	}
	return best;
}

/* via_sure for import m of function fi.  A callee's store of the
   argument into the memory another argument points to is taken as the
   heap (eff_sure), but where that argument is, at this call, the address
   of one of fi's own frame objects, the value lands in the object and
   goes as far as what the object holds goes (content_leak): Lua's
   lua_load does ZIO z; luaZ_init(L, &z, reader, data), which stores
   data into z, a local that keeps nothing past lua_load's return. */
static int via_sure_at(int fi, const struct imp *m)
{
	const struct def *d = m->def >= 0 ? &defs[m->def] : NULL;
	if (!d || d->gave_up || report_of(d->func) == m->rep ||
	    m->arg >= d->nslots - 1 || d->store_other[m->arg] < 0)
		return via_sure(m);
	int best = guarded_sure(d, m->arg, m->js, d->sure[m->arg]);
	json_t *st = json_object_get(json_object_get(lf[d->func].link, "summary"),
				     "stores");
	for (size_t i = 0; i < json_array_size(st); i++) {
		json_t *o = json_array_get(st, i);
		int from = int_of(o, "from", -1), to = int_of(o, "to", -1);
		int der = level(int_of(o, "derefs", 0));
		if (from != m->arg || to < 0 || to == from ||
		    json_is_true(json_object_get(o, "assumed")))
			continue;
		int obj = int_of(o, "level", 0) == 1 ? frame_arg(fi, m, to) : -1;
		if (obj < 0) {
			best = min_leak(best, der);
			continue;
		}
		int c = content_leak(fi, obj);
		if (c >= 0)
			best = min_leak(best, level(der + c));
	}
	return best >= 0 ? level(m->derefs + best) : -1;
}

static int via_result(const struct imp *m)
{
	const struct def *d = m->def >= 0 ? &defs[m->def] : NULL;
	int r = d ? eff_result(d, m->arg) : -1;
	return r >= 0 && m->vres >= 0 ? level(m->derefs + r + m->vres) : -1;
}

/* Does the import make its owner's address escape? */
static int addr_escapes(const struct imp *m)
{
	const struct def *d = m->def >= 0 ? &defs[m->def] : NULL;
	if (!d)
		return m->derefs < 0;
	int h = eff_heap(d, m->arg, m->rep), r = eff_result(d, m->arg);
	return (h >= 0 && m->derefs + h < 0) ||
	       (r >= 0 && m->vheap >= 0 && m->derefs + r + m->vheap < 0) ||
	       (r >= 0 && m->vres >= 0 && m->derefs + r + m->vres < 0);
}

/* The parameter index of a report's params[k]. */
static int param_index(int fi, int k)
{
	json_t *p = json_array_get(json_object_get(funcs[fi].json, "params"), (size_t)k);
	return int_of(p, "index", -1);
}

static int callee_func(int fi, const char *name);

/* Does the function a call of callee from function fi reaches free its
   argument arg on every path (its effects, closed over the build: a
   "clear" of the argument's own object)?  Defined nowhere: no. */
static int releases_arg(int fi, const char *callee, int arg)
{
	int g = callee_func(fi, callee);
	for (int i = 0; g >= 0 && i < lf[g].nfx; i++) {
		const struct esc_effect *e = &lf[g].fx[i];
		if (e->kind == ESC_FX_CLEAR && e->param == arg && e->pointer &&
		    !*e->path)
			return 1;
	}
	return 0;
}

/* Is every release of group g of d made by the build? */
static int group_made(const struct def *d, int g)
{
	for (size_t k = 0; k < d->nrels; k++)
		if (d->rels[k].group == g &&
		    !releases_arg(d->func, d->rels[k].callee, d->rels[k].arg))
			return 0;
	return 1;
}

/* The sure leak of slot s of d that rests on releases the build does
   not make (esc_summary.releases: a sink ends when one of its groups is
   made), or -1. */
static int unreleased(const struct def *d, int s)
{
	int best = -1;
	for (size_t k = 0; k < d->nrels; k++) {
		const struct esc_summary_release *r = &d->rels[k];
		if (r->param != s)
			continue;
		int ended = 0;
		for (size_t j = 0; j < d->nrels && !ended; j++)
			ended = d->rels[j].sink == r->sink && group_made(d, d->rels[j].group);
		if (!ended)
			best = min_leak(best, r->level);
	}
	return best;
}

static void solve(void)
{
	/* the releases: once, before the imports (effects closed first) */
	for (size_t di = 0; di < ndefs; di++) {
		struct def *d = &defs[di];
		for (int s = 0; d->nrels && s < d->nslots; s++)
			d->sure[s] = (signed char)weaker(min_leak(d->sure[s], unreleased(d, s)),
							 d->bound[s]);
	}
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t di = 0; di < ndefs; di++) {
			struct def *d = &defs[di];
			const struct lfunc *L = &lf[d->func];
			for (int i = 0; i < L->nimp; i++) {
				const struct imp *m = &L->imp[i];
				if (m->owner_kind != ESC_OWNER_PARAM)
					continue;
				int p = param_index(d->func, m->owner);
				if (p < 0)
					continue;
				int s = p < d->nslots ? p : d->nslots - 1;
				/* no leak stronger than the unit's, which took
				   the callees to keep everything (an import's
				   derefs are counted without clamping, and may
				   say more) */
				int h = weaker(min_leak(d->heap[s], via_heap(m)), d->bound[s]);
				int u = weaker(min_leak(d->sure[s], via_sure_at(d->func, m)),
					       d->bound[s]);
				int r = min_leak(d->result[s], via_result(m));
				if (h != d->heap[s] || u != d->sure[s] || r != d->result[s]) {
					d->heap[s] = (signed char)h;
					d->sure[s] = (signed char)u;
					d->result[s] = (signed char)r;
					changed = 1;
				}
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Re-deriving the findings                                            */

static struct table dropped; /* keys of the findings dropped */

int link_dropped_key(const char *key)
{
	return linked && lookup_str(&dropped, key)->value != NULL;
}

static struct finding *added;
static size_t nadded, added_cap;

/* The heap flow of parameter index p of function fi, from its report. */
static struct flow param_flow(int fi, int p)
{
	struct flow none = { NULL, 0, 0 };
	json_t *params = json_object_get(funcs[fi].json, "params");
	for (size_t k = 0; k < json_array_size(params); k++) {
		json_t *pp = json_array_get(params, k);
		if (int_of(pp, "index", -1) != p)
			continue;
		json_t *fl = json_object_get(pp, "flows");
		for (size_t j = 0; j < json_array_size(fl); j++) {
			json_t *f = json_array_get(fl, j);
			const char *sink = json_string_value(json_object_get(f, "sink"));
			if (sink && !strcmp(sink, "heap"))
				return read_flow(&reports[funcs[fi].report], f, funcs[fi].file);
		}
	}
	return none;
}

static void flow_add(struct flow *f, int *cap, struct step s)
{
	PUSH(f->steps, f->n, *cap, s);
}

/* The function a call of name from report rep reaches: a static one of
   that report, else the build's external one; -1 if none. */
static int callee_in(int rep, const char *name)
{
	char *key = xasprintf("%d" SEP "%s", rep, name);
	struct entry *e = lookup_str(&statics, key);
	free(key);
	if (e->value)
		return (int)(uintptr_t)e->value - 1;
	const struct def *d = def_in(name, rep);
	return d ? d->func : -1;
}

/* A step that passes an argument to a function defined in the build
   that keeps it: said as the plugin says it of a summary, and followed
   into the callee's own flow (across files), as far as it goes.  For a
   warning (kept), so is a step the unit already explained by a summary
   (a function of its own): its flow, the callee's trail of steps that
   are not assumed when there is one, is what the warning rests on. */
static void extend(struct flow *f, int cap, int rep, int kept)
{
	for (int depth = 0; depth < 8 && f->n; depth++) {
		struct step *last = &f->steps[f->n - 1];
		const struct def *d;
		int callee = -1;
		if (!last->what || last->arg < 1)
			return;
		if (!strcmp(last->kind, esc_step_name(ESC_STEP_ARG_SUMMARY))) {
			callee = kept ? callee_in(rep, last->what) : -1;
			if (callee < 0)
				return;
		} else if (strcmp(last->kind, "argument of unknown function") ||
			   !(d = def_in(last->what, rep)) ||
			   eff_heap(d, last->arg - 1, rep) < 0) {
			return;
		} else {
			callee = d->func;
			last->kind = esc_step_name(ESC_STEP_ARG_SUMMARY);
		}
		rep = report_of(callee);
		struct flow more = param_flow(callee, last->arg - 1);
		for (int i = 0; i < more.n; i++)
			flow_add(f, &cap, more.steps[i]);
		free(more.steps);
		if (!more.n)
			return;
	}
}

/* The function a call of name from function fi reaches: a static one of
   its own report, else the build's external one; -1 if none. */
static int callee_func(int fi, const char *name)
{
	char *key = xasprintf("%d" SEP "%s", funcs[fi].report, name);
	struct entry *e = lookup_str(&statics, key);
	free(key);
	if (e->value)
		return (int)(uintptr_t)e->value - 1;
	const struct def *d = def_in(name, report_of(fi));
	return d ? d->func : -1;
}

static int fx_caller; /* the function whose effects are being closed */

static const struct esc_effect *callee_fx(const char *name, void *ctx, int *n)
{
	(void)ctx;
	int g = callee_func(fx_caller, name);
	*n = g >= 0 ? lf[g].nfx : 0;
	return g >= 0 ? lf[g].fx : NULL;
}

/* Every function's effects with its callees' (across files), to a fixed
   point (facts only grow; paths are at most two fields deep). */
/* What a round of closing may change besides the count: refusals and
   skips shrink, guards go. */
static unsigned long fx_sig(const struct esc_effect *fx, int n)
{
	unsigned long sig = 0;
	for (int i = 0; i < n; i++)
		sig += (unsigned long)ESC_NCONDS(fx[i].refuse) * 3 +
		       (unsigned long)ESC_NCONDS(fx[i].skip) * 5 + (fx[i].guard != NULL) * 7;
	return sig;
}

static void close_effects(void)
{
	for (int round = 0, changed = 1; changed && round < 32; round++) {
		changed = 0;
		for (size_t fi = 0; fi < nfuncs; fi++) {
			if (!lf[fi].nfx)
				continue;
			fx_caller = (int)fi;
			unsigned long sig = fx_sig(lf[fi].fx, lf[fi].nfx);
			int n = esc_effects_close(&lf[fi].fx, lf[fi].nfx, &lf[fi].fx_cap,
						  callee_fx, NULL);
			changed |= n != lf[fi].nfx || sig != fx_sig(lf[fi].fx, n);
			lf[fi].nfx = n;
		}
	}
}

/* Does callee d keep argument arg of the call of pending warning `call'
   (of function fi) only by storing it into the very memory of other
   arguments that are, at this call, the caller's own frame objects
   (event_set(&ev, fd, flags, cb, &ev) stores &ev into ev.ev_arg)?  That
   memory dies with the object: no keeper (if the frame object itself is
   kept, its own warning says so). */
static int kept_in_frame(int fi, const struct def *d, int arg, json_t *call,
			 const char *callee)
{
	if (d->gave_up || arg >= d->nslots - 1 || d->sure[arg] == 0)
		return 0;
	json_t *st = json_object_get(json_object_get(lf[d->func].link, "summary"),
				     "stores");
	json_t *imps = json_object_get(lf[fi].link, "imports");
	int line = int_of(call, "line", 0), col = int_of(call, "column", 0);
	int any = 0;
	for (size_t i = 0; i < json_array_size(st); i++) {
		json_t *o = json_array_get(st, i);
		json_t *to_j = json_object_get(o, "to");
		int to = json_is_integer(to_j) ? (int)json_integer_value(to_j) : -1;
		if (int_of(o, "from", -1) != arg || int_of(o, "derefs", 1) != 0 ||
		    to == arg)
			continue;
		if (to < 0 || int_of(o, "level", 0) != 1)
			return 0;
		/* argument `to' of this very call: a frame object's address */
		int found = 0;
		for (size_t k = 0; k < json_array_size(imps) && !found; k++) {
			json_t *m = json_array_get(imps, k);
			const char *c = json_string_value(json_object_get(m, "callee"));
			found = json_object_get(m, "local") && c && !strcmp(c, callee) &&
				int_of(m, "arg", -1) == to &&
				json_is_true(json_object_get(m, "addr")) &&
				int_of(m, "line", -1) == line && int_of(m, "column", -1) == col;
		}
		if (!found)
			return 0;
		any = 1;
	}
	return any;
}

/* Function c's summary stores (its report's), read once. */
static const struct esc_summary_store *stores_of(int c, int *n)
{
	if (lf[c].nst < 0) {
		json_t *st = json_object_get(json_object_get(lf[c].link, "summary"),
					     "stores");
		size_t k = json_array_size(st);
		lf[c].st = xmalloc((k ? k : 1) * sizeof *lf[c].st);
		lf[c].nst = 0;
		for (size_t i = 0; i < k; i++) {
			json_t *o = json_array_get(st, i);
			struct esc_summary_store *x = &lf[c].st[lf[c].nst++];
			memset(x, 0, sizeof *x);
			x->from = int_of(o, "from", -1);
			x->to = int_of(o, "to", ESC_FRESH_RESULT);
			x->derefs = int_of(o, "derefs", 1);
			x->level = int_of(o, "level", 0);
		}
	}
	*n = lf[c].nst;
	return lf[c].st;
}

/* Is every call function c makes with its parameter p (its CALL facts
   on p itself) of a function the build defines, and so on down (8
   calls deep at most)?  Then its closed effects say all it writes of p's
   object. */
static int calls_known(int c, int p, int depth)
{
	if (depth > 8 || c < 0 ||
	    json_is_true(json_object_get(json_object_get(lf[c].link, "summary"),
					 "gave_up")))
		return 0;
	for (int y = 0; y < lf[c].nfx; y++) {
		const struct esc_effect *e = &lf[c].fx[y];
		if (e->kind != ESC_FX_CALL || e->param != p || *e->path)
			continue;
		if (!e->callee ||
		    !calls_known(callee_func(c, e->callee), e->arg, depth + 1))
			return 0;
	}
	return 1;
}

/* Do the calls u lists between the earlier call c0 (given the object in
   a) and the keeper (its "through"'s "between") leave the handle c0
   stored in the object?  Each defined in the build, with every call it
   makes with the object, and writing no pointer field of it that c0
   writes (esc_effects_keeps_handle). */
static int between_keep(int fi, json_t *via, int c0, int a, int c1, int kept)
{
	json_t *bt = json_object_get(via, "between");
	for (size_t i = 0; i < json_array_size(bt); i++) {
		json_t *x = json_array_get(bt, i);
		const char *name = json_string_value(json_object_get(x, "callee"));
		int b = int_of(x, "arg", -1), cb = name ? callee_func(fi, name) : -1, nb;
		if (cb < 0 || b < 0 || !calls_known(cb, b, 0))
			return 0;
		const struct esc_summary_store *stb = stores_of(cb, &nb);
		if (!esc_effects_keeps_handle(lf[c0].fx, lf[c0].nfx, a, lf[c1].fx,
					      lf[c1].nfx, kept, lf[cb].fx,
					      lf[cb].nfx, stb, nb, b))
			return 0;
	}
	return 1;
}

/* Undo through the object's handle (esc_effects_undo_through): an
   earlier call c0 (u's "through") stored, in a pointer field of the
   kept object, the handle that the later call c2 frees, and the calls
   between leave it there. */
static int undone_through(int fi, json_t *u, int c1, int arg, int c2)
{
	json_t *via = json_object_get(u, "through"), *args = json_object_get(u, "args");
	const char *name = json_string_value(json_object_get(via, "callee"));
	int a = int_of(via, "object", -1);
	int c0 = name ? callee_func(fi, name) : -1;
	if (c0 < 0 || a < 0 || !lf[c0].nfx || !between_keep(fi, via, c0, a, c1, arg))
		return 0;
	int (*pairs)[2] = xmalloc((json_array_size(args) + 1) * sizeof *pairs);
	struct esc_undo_call call = { name, 0, pairs, name, a, 0, 0, NULL, NULL, NULL,
				      { NULL }, { 0 }, 0, NULL, 0, 0, NULL, NULL, 0, NULL, 0 };
	for (size_t k = 0; k < json_array_size(args); k++) {
		json_t *pr = json_array_get(args, k);
		json_t *m = json_array_get(pr, 1);
		pairs[call.npairs][0] = (int)json_integer_value(json_array_get(pr, 0));
		pairs[call.npairs++][1] = json_is_integer(m) ? (int)json_integer_value(m) : -1;
	}
	int n0, n1;
	const struct esc_summary_store *st0 = stores_of(c0, &n0);
	const struct esc_summary_store *st1 = stores_of(c1, &n1);
	int yes = esc_effects_undo_through(lf[c0].fx, lf[c0].nfx, st0, n0, a,
					   lf[c1].fx, lf[c1].nfx, st1, n1, arg,
					   lf[c2].fx, lf[c2].nfx, &call);
	free(pairs);
	return yes;
}

static int in_names(json_t *a, const char *name)
{
	for (size_t i = 0; i < json_array_size(a); i++) {
		const char *x = json_string_value(json_array_get(a, i));
		if (x && !strcmp(x, name))
			return 1;
	}
	return 0;
}

/* A drain (esc_undo_call.drain: event_base_dispatch of the base the
   keeper linked the object into) empties its handle unless a loop exit
   of its library runs meanwhile: may one run?  Not when none is
   reachable from function fi over the build's call graph (each report's
   "calls": the functions a body calls or takes the address of, so the
   callbacks it registers too): a function of the library's loop model
   is taken at its documentation (not followed), one defined nowhere
   runs no code of the program but the callbacks it is given (named
   where they are registered); one whose calls are not known, or that
   makes an indirect call, may run anything.  What the closure does not
   see: callbacks that code outside it registered with the same handle
   earlier (the function's caller's, a harness's).

   With "own" (the object's own callback, which runs when the object
   fired and is out of the handle: dangling.c's drain candidates), the
   callback is not followed from the function itself (elsewhere it is):
   a loop exit reached only through it runs when the object is gone.
   Nothing may put the object back then: no function reached, the
   callback's included, but the function itself may call one of
   "links" (the library's linking functions). */
#define DRAIN_MAX_FUNCS 4096
/* mode 0: a loop exit is reachable; 1: without following the own
   callback from fi; 2: a function reached but fi calls a linking one */
static int drain_reach(int fi, json_t *drain, int mode)
{
	json_t *exits = json_object_get(drain, "exits");
	json_t *lib = json_object_get(drain, "library");
	json_t *links = json_object_get(drain, "links");
	const char *own = json_string_value(json_object_get(drain, "own"));
	if (!json_is_array(exits) || !json_is_array(lib) ||
	    (mode && (!own || !json_is_array(links))))
		return 1;
	unsigned char *seen = xmalloc(nfuncs + 1);
	memset(seen, 0, nfuncs + 1);
	int *queue = xmalloc((nfuncs + 1) * sizeof *queue), nq = 0, may = 0;
	seen[fi] = 1;
	queue[nq++] = fi;
	for (int q = 0; q < nq && !may; q++) {
		json_t *link = lf[queue[q]].link;
		json_t *calls = json_object_get(link, "calls");
		if (!json_is_array(calls) ||
		    json_is_true(json_object_get(link, "indirect")) ||
		    nq > DRAIN_MAX_FUNCS) {
			may = 1;
			break;
		}
		for (size_t i = 0; i < json_array_size(calls) && !may; i++) {
			const char *name = json_string_value(json_array_get(calls, i));
			if (!name)
				continue;
			if (q == 0 && mode == 1 && !strcmp(name, own))
				continue;
			if (mode < 2 ? in_names(exits, name)
				     : q > 0 && in_names(links, name)) {
				may = 1;
				break;
			}
			/* the library's (an exit too, when only links
			   count): taken at their documentation */
			if (in_names(lib, name) || (mode == 2 && in_names(exits, name)))
				continue;
			int g = callee_func(queue[q], name);
			if (g >= 0 && !seen[g]) {
				seen[g] = 1;
				queue[nq++] = g;
			}
		}
	}
	free(seen);
	free(queue);
	return may;
}

static int drain_exits(int fi, json_t *drain)
{
	/* none reachable; or only through the own callback, and nothing
	   puts the object back */
	return drain_reach(fi, drain, 0) &&
	       (drain_reach(fi, drain, 1) || drain_reach(fi, drain, 2));
}

/* Per funcs[]: 1 when it never returns (its report's link.ends: it
   returns only through callees none of which returns, over the build, a
   least fixed point: callees that only call each other are not known to
   end), 0 when it may; NULL until first asked. */
static unsigned char *ends_never;

static void ends_solve(void)
{
	ends_never = xmalloc(nfuncs + 1);
	memset(ends_never, 0, nfuncs + 1);
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t fi = 0; fi < nfuncs; fi++) {
			json_t *ends = json_object_get(lf[fi].link, "ends");
			if (ends_never[fi] || !json_is_array(ends))
				continue;
			int all = 1;
			for (size_t i = 0; i < json_array_size(ends) && all; i++) {
				const char *name = json_string_value(json_array_get(ends, i));
				int g = name ? callee_func((int)fi, name) : -1;
				all = g >= 0 && ends_never[g];
			}
			if (all) {
				ends_never[fi] = 1;
				changed = 1;
			}
		}
	}
}

/* Does none of the callees named in ends (a JSON array), called from
   function fi, return? */
static int never_return(int fi, json_t *ends)
{
	if (!ends_never)
		ends_solve();
	for (size_t i = 0; i < json_array_size(ends); i++) {
		const char *name = json_string_value(json_array_get(ends, i));
		int g = name ? callee_func(fi, name) : -1;
		if (g < 0 || !ends_never[g])
			return 0;
	}
	return json_is_array(ends);
}

/* The functions the program can run, by the build's call graph (each
   report's "calls": what a body calls or takes the address of): from
   its main and from the functions whose address static data holds
   (each report's "data_calls": tables of callbacks).  An indirect call
   can only reach a function whose address was taken, by a body that
   ran or in static data: one of these.  A function defined nowhere runs
   no code of the program but the callbacks it is given, named where
   they are taken.  run_known: 1 when every report and every function
   reached says what it calls (a function not analysed does not), and
   there is a main; 0 unknown (anything may run); -1 not computed. */
static int run_known = -1;
static unsigned char *runs;

static void program_runs(void)
{
	run_known = 0;
	runs = xmalloc(nfuncs + 1);
	memset(runs, 0, nfuncs + 1);
	int *queue = xmalloc((nfuncs + 1) * sizeof *queue), nq = 0, mains = 0;
	for (size_t r = 0; r < nreports; r++) {
		json_t *dc = json_object_get(reports[r].doc, "data_calls");
		if (!json_is_array(dc))
			goto out;
		for (size_t i = 0; i < json_array_size(dc); i++) {
			const char *name = json_string_value(json_array_get(dc, i));
			int g = name ? callee_in((int)r, name) : -1;
			if (g >= 0 && !runs[g]) {
				runs[g] = 1;
				queue[nq++] = g;
			}
		}
	}
	for (size_t fi = 0; fi < nfuncs; fi++) {
		const char *sym = json_string_value(json_object_get(lf[fi].link, "symbol"));
		if (sym && !strcmp(sym, "main") && !runs[fi]) {
			runs[fi] = 1;
			queue[nq++] = (int)fi;
		}
		mains += sym && !strcmp(sym, "main");
	}
	if (!mains)
		goto out;
	for (int q = 0; q < nq; q++) {
		json_t *calls = json_object_get(lf[queue[q]].link, "calls");
		if (!json_is_array(calls) ||
		    !json_is_array(json_object_get(lf[queue[q]].link, "writes")))
			goto out;
		for (size_t i = 0; i < json_array_size(calls); i++) {
			const char *name = json_string_value(json_array_get(calls, i));
			int g = name ? callee_func(queue[q], name) : -1;
			if (g >= 0 && !runs[g]) {
				runs[g] = 1;
				queue[nq++] = g;
			}
		}
	}
	run_known = 1;
out:
	free(queue);
}

/* May the global be written while a function of report rep runs: by a
   function the program can run (one that writes it or takes its
   address)?  With link units, only for a report linked into programs
   alone (a library's users may be outside the build). */
static int global_written(const char *global, int rep)
{
	const struct ulist *u = report_units ? report_units[rep] : NULL;
	for (int i = 0; u && i < u->n; i++)
		if (!unit_program[u->u[i]])
			return 1;
	if (nunits && !u)
		return 1;
	if (run_known < 0)
		program_runs();
	if (run_known <= 0)
		return 1;
	for (size_t g = 0; g < nfuncs; g++)
		if (runs[g] && in_names(json_object_get(lf[g].link, "writes"), global))
			return 1;
	/* its address in static data: written through it, maybe */
	for (size_t r = 0; r < nreports; r++) {
		json_t *dw = json_object_get(reports[r].doc, "data_writes");
		if (!json_is_array(dw) || in_names(dw, global))
			return 1;
	}
	return 0;
}

/* Does one of the later calls of pending warning o undo what its keeping
   call (callee, argument arg) kept, by the build's effects?  (A call
   that needs callees to never return ("ends") when they do not: no.) */
static int undone(int fi, json_t *o, const char *callee, int arg)
{
	json_t *undo = json_object_get(o, "undo");
	/* a keeper with no effects may still be undone by freeing what
	   it returned or the handle it kept into */
	int c1 = callee_func(fi, callee);
	if (c1 < 0)
		return 0;
	for (size_t i = 0; i < json_array_size(undo); i++) {
		json_t *u = json_array_get(undo, i), *args = json_object_get(u, "args");
		const char *name = json_string_value(json_object_get(u, "callee"));
		json_t *ends = json_object_get(u, "ends");
		if (ends && !never_return(fi, ends))
			continue;
		/* a drain of the handle the keeper linked the object into:
		   by the library's model, not by the drain's body */
		json_t *drain = json_object_get(u, "drain");
		if (drain) {
			if (!drain_exits(fi, drain))
				return 1;
			continue;
		}
		int c2 = name ? callee_func(fi, name) : -1;
		if (c2 < 0 || !lf[c2].nfx || !json_is_array(args))
			continue;
		if (json_object_get(u, "through")) {
			if (undone_through(fi, u, c1, arg, c2))
				return 1;
			continue;
		}
		struct esc_undo_call call;
		memset(&call, 0, sizeof call);
		int (*pairs)[2] = xmalloc((json_array_size(args) + 1) * sizeof *pairs);
		call.callee = name;
		call.via = NULL;
		call.via_arg = -1;
		call.npairs = 0;
		call.pairs = pairs;
		/* the other calls given what the keeper returned, by their
		   effects in the build (a callee defined nowhere: none
		   known) */
		json_t *others = json_object_get(u, "others");
		size_t no = json_array_size(others);
		const struct esc_effect **ofx = xmalloc((no + 1) * sizeof *ofx);
		int *nofx = xmalloc((no + 1) * sizeof *nofx);
		call.others_known = json_is_array(others);
		call.nothers = (int)no;
		for (size_t k = 0; k < no; k++) {
			const char *o = json_string_value(json_array_get(others, k));
			int g = o ? callee_func(fi, o) : -1;
			ofx[k] = g >= 0 ? lf[g].fx : NULL;
			nofx[k] = g >= 0 ? lf[g].nfx : -1;
		}
		call.ofx = ofx;
		call.nofx = nofx;
		for (size_t k = 0; k < json_array_size(args); k++) {
			json_t *pr = json_array_get(args, k);
			json_t *m = json_array_get(pr, 1);
			pairs[call.npairs][0] = (int)json_integer_value(json_array_get(pr, 0));
			pairs[call.npairs][1] = json_is_integer(m) ? (int)json_integer_value(m) : -1;
			call.npairs++;
		}
		int nst1, nst2;
		const struct esc_summary_store *st1 = stores_of(c1, &nst1);
		const struct esc_summary_store *st2 = stores_of(c2, &nst2);
		int yes = esc_effects_undo(lf[c1].fx, lf[c1].nfx, arg, lf[c2].fx,
					   lf[c2].nfx, &call) ||
			  esc_effects_undo_stored(lf[c1].fx, lf[c1].nfx, st1, nst1,
						  arg, lf[c2].fx, lf[c2].nfx,
						  st2, nst2, &call);
		free(pairs);
		free(ofx);
		free(nofx);
		if (yes)
			return 1;
	}
	return 0;
}

static void decide_pending(int fi)
{
	json_t *pend = json_object_get(lf[fi].link, "pending");
	const struct report *r = &reports[funcs[fi].report];

	for (size_t i = 0; i < json_array_size(pend); i++) {
		json_t *o = json_array_get(pend, i), *call = json_object_get(o, "call");
		const char *callee = json_string_value(json_object_get(call, "callee"));
		const char *object = json_string_value(json_object_get(o, "object"));
		int arg = int_of(call, "arg", -1), m = int_of(call, "derefs", 0);
		int vres = int_of(call, "value_result", -1);
		int isvoid = json_is_true(json_object_get(call, "void"));
		/* the object's very address reaches the argument */
		json_t *a = json_object_get(call, "addr");
		int addr = a ? json_is_true(a) : m < 0;
		const struct def *d = callee ? def_in(callee, report_of(fi)) : NULL;
		const char *kind = NULL;
		if (!callee || arg < 0 || !object)
			link_bad(fi, "a pending warning without its object, callee or argument");
		if (!addr)
			continue;
		if (d) {
			/* kept itself (not only what it points to), or returned
			   itself to a caller that returns it */
			/* with the derefs the object reaches the argument
			   with: -1, its address; -2, the address of memory
			   holding its address (sub.wc = &temp; f(&sub)).  The
			   import walk does not clamp: an object pointing into
			   itself (a buffer's b.p = b.init) is reached at the
			   walk's floor, any depth; it counts as its address
			   only */
			if (m <= -ESC_MAX_DEREFS - 1)
				m = -1;
			int su = eff_sure_at(d, arg, report_of(fi), call, RELIEF_FINAL),
			    re = eff_result(d, arg);
			/* a variadic argument of a call whose selector is a
			   constant no keeping read happens under */
			if (arg >= d->nslots - 1 && !vwhen_keeps(d, call))
				su = -1;
			/* not kept when only stored into the very memory of
			   a frame object of the caller's (kept_in_frame) */
			if (su >= 0 && m + su < 0 &&
			    !(m == -1 && kept_in_frame(fi, d, arg, call, callee)))
				kind = "escape-kept";
			else if (re >= 0 && vres >= 0 && m + re + vres < 0)
				kind = "escape-return";
		} else if (isvoid) {
			kind = "escape-unknown";
		}
		if (!kind)
			continue;
		/* a later call tears down or undoes what the callee kept */
		if (d && undone(fi, o, callee, arg))
			continue;
		struct finding x;
		memset(&x, 0, sizeof x);
		x.kind = K_WARNING;
		x.rule = kind;
		x.object = object;
		/* it stands at its sink, the call, as the compiler's warnings
		   do */
		x.line = x.sink_line = int_of(call, "line", 0);
		x.col = x.sink_col = int_of(call, "column", 0);
		x.message = esc_warning_message(kind, object, funcs[fi].name, callee);
		x.suppressed = json_is_true(json_object_get(o, "suppressed"));
		x.flow = read_flow(r, json_object_get(o, "flow"), funcs[fi].file);
		if (!strcmp(kind, "escape-kept")) {
			extend(&x.flow, x.flow.n, report_of(fi), 1);
		} else if (!strcmp(kind, "escape-return") && x.flow.n) {
			struct step *last = &x.flow.steps[x.flow.n - 1];
			last->kind = esc_step_name(ESC_STEP_CALL_RESULT);
		}
		x.file = x.flow.n ? x.flow.steps[0].file : funcs[fi].file;
		if (json_is_string(json_object_get(call, "file")))
			x.file = resolve(reports[funcs[fi].report].dir,
					 json_string_value(json_object_get(call, "file")));
		x.func = fi;
		x.item = -1;
		x.pending_callee = callee;
		x.pending_arg = arg;
		x.pending_void = isvoid;
		funcs[fi].nwarnings += !x.suppressed;
		funcs[fi].nsuppressed += x.suppressed;
		PUSH(added, nadded, added_cap, x);
	}
}

/* Is owner (kind, index) of function fi still escaping, or its leak? */
static int still_escapes(int fi, int kind, int owner)
{
	const struct lfunc *L = &lf[fi];
	json_t *local = json_object_get(L->link, "local");
	json_t *a = json_object_get(local, kind == ESC_OWNER_LOCAL ? "locals" : "allocations");
	if (json_is_true(json_array_get(a, (size_t)owner)))
		return 1;
	for (int i = 0; i < L->nimp; i++)
		if (L->imp[i].owner_kind == kind && L->imp[i].owner == owner &&
		    addr_escapes(&L->imp[i]))
			return 1;
	return 0;
}

static int site_escapes(const struct finding *x)
{
	const struct step *last = &x->flow.steps[x->flow.n - 1];
	const struct def *d;
	if (strcmp(last->kind, "argument of unknown function") || !last->what ||
	    last->arg < 1 || !(d = def_in(last->what, report_of(x->func))))
		return 1;
	const struct lfunc *L = &lf[x->func];
	for (int i = 0; i < L->nimp; i++) {
		const struct imp *m = &L->imp[i];
		if (m->owner_kind == ESC_OWNER_LOCAL && m->owner == x->item &&
		    m->arg == last->arg - 1 && !strcmp(m->callee, last->what) &&
		    addr_escapes(m))
			return 1;
	}
	return 0;
}

static int linked_leak(int fi, int k)
{
	const struct lfunc *L = &lf[fi];
	int h = lev_at(json_object_get(json_object_get(L->link, "local"), "params"), (size_t)k);
	for (int i = 0; i < L->nimp; i++)
		if (L->imp[i].owner_kind == ESC_OWNER_PARAM && L->imp[i].owner == k)
			h = min_leak(h, via_heap(&L->imp[i]));
	return h;
}

void link_build(void)
{
	lf = xmalloc((nfuncs ? nfuncs : 1) * sizeof *lf);
	memset(lf, 0, (nfuncs ? nfuncs : 1) * sizeof *lf);
	for (size_t fi = 0; fi < nfuncs; fi++)
		lf[fi].nst = -1;
	func_def = xmalloc((nfuncs ? nfuncs : 1) * sizeof *func_def);
	memset(func_def, 0, (nfuncs ? nfuncs : 1) * sizeof *func_def);
	for (size_t fi = 0; fi < nfuncs; fi++)
		read_link((int)fi);
	linked = 1;
	report_units = xmalloc((nreports ? nreports : 1) * sizeof *report_units);
	for (size_t r = 0; r < nreports; r++)
		report_units[r] = nunits && reports[r].source
			? lookup_str(&unit_sources, reports[r].source)->value : NULL;
	/* symbols defined twice within one link unit (or in a build without
	   link units): one message per symbol and unit */
	for (size_t i = 0; i < ndefs; i++) {
		struct def *d = &defs[i];
		if (!d->twice || lookup_str(&syms, d->symbol)->value != (void *)(uintptr_t)(i + 1))
			continue;
		int *us = NULL;
		size_t nus = 0, ucap = 0;
		for (int a = (int)i + 1; a; a = defs[a - 1].next)
			for (int b = defs[a - 1].next; b; b = defs[b - 1].next) {
				int u = shared_unit(report_of(defs[a - 1].func),
						    report_of(defs[b - 1].func));
				size_t k = 0;
				while (k < nus && us[k] != u)
					k++;
				if (u != -1 && k == nus)
					PUSH(us, nus, ucap, u);
			}
		for (size_t k = 0; k < nus; k++) {
			char **w = NULL;
			size_t nw = 0, wcap = 0, len = strlen(d->symbol) + 8;
			for (int a = (int)i + 1; a; a = defs[a - 1].next) {
				const struct ulist *l = report_units[report_of(defs[a - 1].func)];
				int in = us[k] == -2 || !l;
				for (int j = 0; l && !in && j < l->n; j++)
					in = l->u[j] == us[k];
				if (in) {
					PUSH(w, nw, wcap, defs[a - 1].where[0]);
					len += strlen(defs[a - 1].where[0]) + 2;
				}
			}
			qsort(w, nw, sizeof *w, cmp_where);
			const char *uname = us[k] >= 0 ? shown(unit_names[us[k]]) : NULL;
			len += uname ? strlen(uname) + 4 : 0;
			char *msg = xmalloc(len);
			strcpy(msg, d->symbol);
			strcat(msg, " (");
			for (size_t j = 0; j < nw; j++) {
				if (j)
					strcat(msg, ", ");
				strcat(msg, w[j]);
			}
			strcat(msg, ")");
			if (uname) {
				strcat(msg, " in ");
				strcat(msg, uname);
			}
			PUSH(link_twice, nlink_twice, twice_cap, msg);
			free(w);
		}
		free(us);
	}
	if (nlink_twice)
		qsort(link_twice, nlink_twice, sizeof *link_twice, cmp_where);
	for (size_t fi = 0; fi < nfuncs; fi++)
		for (int i = 0; i < lf[fi].nimp; i++) {
			const struct def *d = def_in(lf[fi].imp[i].callee, report_of((int)fi));
			lf[fi].imp[i].def = d ? (int)(d - defs) : -1;
			lf[fi].imp[i].rep = report_of((int)fi);
		}
	close_effects();
	solve();

	/* what rested on the imports, again */
	for (size_t i = 0; i < nfindings; i++) {
		struct finding *x = &findings[i];
		/* a callee of the unit that keeps the address: its trail */
		if (lf[x->func].link && x->kind == K_WARNING && x->rule &&
		    !strcmp(x->rule, "escape-kept"))
			extend(&x->flow, x->flow.n, report_of(x->func), 1);
		if (!lf[x->func].link || x->kind == K_WARNING || x->kind == K_RESULT)
			continue;
		if (x->kind == K_ESCAPE || x->kind == K_ALLOC) {
			int kind = x->kind == K_ESCAPE ? ESC_OWNER_LOCAL : ESC_OWNER_ALLOC;
			if (!still_escapes(x->func, kind, x->item))
				x->dropped = 1;
			/* a site shown by a call of a function of the build
			   that does not keep what it is given is no escaping
			   site (the object escapes by its other sites) */
			else if (x->kind == K_ESCAPE && x->flow.n && !site_escapes(x))
				x->dropped = 1;
		} else if (x->kind == K_LEAK) {
			if (linked_leak(x->func, x->item) < 0)
				x->dropped = 1;
		}
		if (!x->dropped)
			extend(&x->flow, x->flow.n, report_of(x->func), 0);
	}
	/* the functions' counts */
	for (size_t fi = 0; fi < nfuncs; fi++) {
		struct func *F = &funcs[fi];
		json_t *local = lf[fi].link ? json_object_get(lf[fi].link, "local") : NULL;
		if (!local)
			continue;
		json_t *fn = F->json;
		json_t *ls = json_object_get(fn, "locals"), *as = json_object_get(fn, "allocations");
		json_t *ps = json_object_get(fn, "params");
		for (size_t k = 0; k < json_array_size(ls); k++)
			if (json_is_true(json_object_get(json_array_get(ls, k), "escapes")) &&
			    !still_escapes((int)fi, ESC_OWNER_LOCAL, (int)k))
				F->nescaping--;
		for (size_t k = 0; k < json_array_size(as); k++)
			if (json_is_true(json_object_get(json_array_get(as, k), "escapes")) &&
			    !still_escapes((int)fi, ESC_OWNER_ALLOC, (int)k))
				F->nallocs_escaping--;
		for (size_t k = 0; k < json_array_size(ps); k++)
			if (json_is_integer(json_object_get(json_array_get(ps, k), "leaks_to_heap")) &&
			    linked_leak((int)fi, (int)k) < 0)
				F->nleak_heap--;
		decide_pending((int)fi);
	}
	for (size_t i = 0; i < nfindings; i++)
		if (findings[i].dropped && findings[i].kind == K_ESCAPE)
			funcs[findings[i].func].nsites--;
	for (size_t i = 0; i < nfindings; i++) {
		const struct finding *x = &findings[i];
		if (!x->dropped)
			continue;
		char *msg = x->kind == K_LEAK
			? xasprintf("leaking param%s: %s", x->derefs > 0 ? " content" : "", x->object)
			: xasprintf("%s%s escapes to heap", x->object, x->kind == K_ALLOC ? "(...)" : "");
		char *key = xasprintf("%s" SEP "%d" SEP "%d" SEP "%s", x->file, x->line, x->col, msg);
		lookup_str(&dropped, key)->value = &dropped;
		free(key);
		free(msg);
	}
	/* the findings that remain, and the warnings the link step found */
	size_t kept = 0;
	for (size_t i = 0; i < nfindings; i++)
		if (!findings[i].dropped)
			findings[kept++] = findings[i];
	nfindings = kept;
	findings = xrealloc(findings, (nfindings + nadded + 1) * sizeof *findings);
	for (size_t i = 0; i < nadded; i++)
		findings[nfindings++] = added[i];
	free(added);
	for (size_t i = 0; i < nlink_twice; i++)
		fprintf(stderr, PROG ": defined twice, not linked: %s\n", link_twice[i]);
}

/* ------------------------------------------------------------------ */
/* --summaries                                                         */

static int cmp_def(const void *a, const void *b)
{
	return strcmp((*(const struct def *const *)a)->symbol,
		      (*(const struct def *const *)b)->symbol);
}

static json_t *lev_json(int v)
{
	return must(v >= 0 ? json_integer(v) : json_null());
}

void write_summaries(void)
{
	json_t *doc = must(json_object()), *fns = must(json_array());
	json_t *tool = must(json_object());
	const struct def **v = xmalloc((ndefs ? ndefs : 1) * sizeof *v);
	size_t n = 0;

	for (size_t i = 0; i < ndefs; i++)
		if (defs[i].symbol && !defs[i].twice)
			v[n++] = &defs[i];
	qsort(v, n, sizeof *v, cmp_def);
	set(doc, "escape-summaries", json_integer(1));
	set(tool, "name", text("escape"));
	set(tool, "version", text(ESCAPE_VERSION));
	set(doc, "tool", tool);
	for (size_t i = 0; i < n; i++) {
		const struct def *d = v[i];
		const struct func *F = &funcs[d->func];
		const struct report *r = &reports[F->report];
		json_t *o = must(json_object());
		json_t *heap = must(json_array()), *sure = must(json_array());
		json_t *result = must(json_array()), *stores;
		json_t *s = json_object_get(lf[d->func].link, "summary");
		int other = d->result_other;
		for (int k = 0; k < d->nslots; k++) {
			int h = d->heap[k], res = d->result[k];
			/* as in Go, a result leak no stronger than the heap
			   leak is not said; the value may then hold anything */
			if (h >= 0 && res >= h) {
				res = -1;
				other = 1;
			}
			add(heap, lev_json(h));
			/* a guard on a global the build's programs never
			   write: as at a call (summaries= then agrees with
			   the link step) */
			add(sure, lev_json(global_sure(d, k, report_of(d->func),
						       d->sure[k], RELIEF_FINAL)));
			add(result, lev_json(res));
		}
		set(o, "symbol", text(d->symbol));
		set(o, "file", text(F->file));
		set(o, "line", json_integer(F->line));
		json_t *hash = json_object_get(r->doc, "source_hash");
		json_t *sig = json_object_get(lf[d->func].link, "signature");
		set(o, "source_hash", hash ? json_incref(hash) : json_null());
		set(o, "signature", sig ? json_incref(sig) : json_null());
		set(o, "nparams", json_integer(d->nslots - 1));
		set(o, "heap", heap);
		set(o, "sure", sure);
		set(o, "result", result);
		stores = json_object_get(s, "stores");
		set(o, "stores", stores ? json_incref(stores) : must(json_array()));
		json_t *fx = must(json_array());
		for (int k = 0; k < lf[d->func].nfx; k++) {
			const struct esc_effect *e = &lf[d->func].fx[k];
			/* closed: calls, and a wrapper's result, are done */
			if (e->kind == ESC_FX_CALL || (e->kind == ESC_FX_FRESH && e->callee))
				continue;
			json_t *x = must(json_object());
			set(x, "kind", text(e->kind == ESC_FX_SET       ? "set"
					    : e->kind == ESC_FX_UNLINK   ? "unlink"
					    : e->kind == ESC_FX_RELEASE  ? "release"
					    : e->kind == ESC_FX_FRESH    ? "fresh"
									 : "clear"));
			set(x, "param", json_integer(e->param));
			set(x, "path", text(e->path));
			set(x, "pointer", json_boolean(e->pointer));
			if (e->kind == ESC_FX_CLEAR)
				set(x, "pop", json_boolean(e->pop));
			if (e->nonzero)
				set(x, "nonzero", json_true());
			if (e->setbits)
				set(x, "bits", json_integer((json_int_t)e->setbits));
			if (e->kind != ESC_FX_UNLINK && e->clrbits != ~(uint64_t)0)
				set(x, "clears", json_integer((json_int_t)e->clrbits));
			if (e->guard) {
				set(x, "guard", text(e->guard));
				if (e->mask)
					set(x, "mask", json_integer((json_int_t)e->mask));
			}
			if (e->kind == ESC_FX_UNLINK && e->skip)
				set(x, "skip", conds_out(e->skip));
			if (e->kind != ESC_FX_UNLINK && e->refuse)
				set(x, "refuse", conds_out(e->refuse));
			add(fx, x);
		}
		set(o, "effects", fx);
		set(o, "fresh", json_boolean(d->fresh));
		/* it never returns (link.ends over the build) */
		if (!ends_never)
			ends_solve();
		if (ends_never[d->func])
			set(o, "noreturn", json_true());
		set(o, "result_other", json_boolean(other));
		set(o, "gave_up", json_boolean(d->gave_up));
		json_t *vw = json_object_get(s, "vwhen");
		if (vw)
			set(o, "vwhen", json_incref(vw));
		add(fns, o);
	}
	free(v);
	set(doc, "functions", fns);
	dump_json(doc);
	json_decref(doc);
}
