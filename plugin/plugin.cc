/*
 * plugin.cc - escape.so: Go's escape analysis for C, as a GCC plugin.
 *
 * Usage:
 *   gcc -fplugin=/path/to/escape.so [-fplugin-arg-escape-KEY[=VALUE] ...]
 *   gcc -fplugin=escape ...       (after `make install`)
 *
 * Arguments:
 *   m, m=1          Go -m style notes: escapes, leaking params, allocations
 *   m=2             the same, each followed by its flow
 *   json=FILE       write this unit's JSON report to FILE
 *   json=DIR/       one report per unit inside the existing directory DIR
 *   rules=PATH[:PATH...]
 *                   more rule files or directories, after the installed
 *                   ones (a later rule for a function replaces an earlier)
 *   dangling=off    no dangling-address warnings (they are on by default)
 *   dangling=ID[,ID...]
 *                   only these rules: escape-return, escape-global,
 *                   escape-caller, escape-kept, escape-thread,
 *                   escape-unknown, escape-noescape, escape-scope
 *
 * Attribute: __attribute__((noescape)) on a pointer parameter (see
 * include/escape-noescape.h): callers trust it, and a body that lets the
 * parameter escape gets a warning.
 *
 * The plugin refuses to load into a GCC other than the one it was built
 * for, and into front ends other than C (it says so once and does
 * nothing).  Bad arguments and rule files are errors that name them.
 *
 * How it runs: one simple IPA pass, right after every function of the
 * unit is in SSA form and before any inlining or optimisation, so the
 * verdicts follow the source and are the same at every -O level.  It
 * orders the unit's functions bottom-up by call-graph components, builds
 * one escape graph per component (build.cc, call.cc), solves it (the C
 * core), keeps each function's summary for its callers, and hands each
 * function's findings to the notes (notes.cc) and the JSON report
 * (report.c).  It reads the IL and never changes it.
 *
 * Cost: with -ftime-report, GCC's table ends with the plugin's own lines
 * ("escape: analysis", "escape: notes and warnings", "escape: JSON
 * report", "escape: front-end walk"), as client items; without it, the
 * timers are not there and cost nothing.
 */
#include "adapter.h"

#include "plugin-version.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

int plugin_is_GPL_compatible;

static struct plugin_info escape_info = {
	ESCAPE_VERSION,
	"Go-style escape analysis for C.\n"
	"  -fplugin-arg-escape-m[=1|2]     notes (2: with flows)\n"
	"  -fplugin-arg-escape-json=FILE   JSON report (DIR/ for one per unit)\n"
	"  -fplugin-arg-escape-rules=PATH  more rule files or directories\n"
	"  -fplugin-arg-escape-summaries=FILE  linked summaries (escape-report\n"
	"                                  --summaries) for functions of other units\n"
	"  -fplugin-arg-escape-dangling=off|ID[,ID...]  which warnings\n"
};

static int opt_m;                /* 0, 1 or 2 */
static const char *opt_json;     /* NULL, a file, or a directory ending '/' */
static struct esc_rules *rules;
static const char *opt_summaries; /* summaries=FILE */
static struct esc_summaries *summaries;
static struct esc_report *report;
static char flags_text[512];

/* ------------------------------------------------------------------ */
/* Arguments                                                            */

static bool parse_args(struct plugin_name_args *info)
{
	bool seen_m = false, seen_json = false, seen_dangling = false;
	const char *known = "known arguments: m, m=1, m=2, json=FILE, json=DIR/, "
			    "rules=PATH[:PATH...], summaries=FILE, "
			    "dangling=off|ID[,ID...]";

	for (int i = 0; i < info->argc; i++) {
		const char *key = info->argv[i].key;
		const char *val = info->argv[i].value;

		if (!strcmp(key, "m")) {
			if (seen_m) {
				error("escape: %<-fplugin-arg-escape-m%> given twice");
				return false;
			}
			seen_m = true;
			if (!val || !strcmp(val, "1"))
				opt_m = 1;
			else if (!strcmp(val, "2"))
				opt_m = 2;
			else {
				error("escape: %<-fplugin-arg-escape-m=%s%>: the level "
				      "must be 1 or 2", val);
				return false;
			}
		} else if (!strcmp(key, "json")) {
			if (seen_json) {
				error("escape: %<-fplugin-arg-escape-json%> given twice");
				return false;
			}
			seen_json = true;
			if (!val || !*val) {
				error("escape: %<-fplugin-arg-escape-json%> needs a "
				      "value: %<json=FILE%> or %<json=DIR/%>");
				return false;
			}
			size_t n = strlen(val);
			struct stat st;
			if (val[n - 1] == '/' &&
			    (stat(val, &st) != 0 || !S_ISDIR(st.st_mode))) {
				error("escape: %<-fplugin-arg-escape-json=%s%>: no such "
				      "directory", val);
				return false;
			}
			if (val[n - 1] != '/' && stat(val, &st) == 0 &&
			    S_ISDIR(st.st_mode)) {
				error("escape: %<-fplugin-arg-escape-json=%s%> is a "
				      "directory; write %<json=%s/%> for one report "
				      "per unit inside it", val, val);
				return false;
			}
			opt_json = val;
		} else if (!strcmp(key, "dangling")) {
			if (seen_dangling) {
				error("escape: %<-fplugin-arg-escape-dangling%> given twice");
				return false;
			}
			seen_dangling = true;
			if (!val || !*val) {
				error("escape: %<-fplugin-arg-escape-dangling%> needs a "
				      "value: %<off%>, %<all%> or rule ids");
				return false;
			}
			if (!strcmp(val, "off")) {
				esc_warn_enabled = 0;
				continue;
			}
			if (!strcmp(val, "all"))
				continue;
			esc_warn_enabled = 0;
			if (val[0] == ',' || val[strlen(val) - 1] == ',' ||
			    strstr(val, ",,")) {
				error("escape: %<-fplugin-arg-escape-dangling=%s%>: "
				      "an empty rule id in the list", val);
				return false;
			}
			char *ids = xstrdup(val);
			for (char *id = strtok(ids, ","); id; id = strtok(NULL, ",")) {
				int kind = esc_warn_by_id(id);
				if (kind < 0) {
					error("escape: %<-fplugin-arg-escape-dangling=%s%>: "
					      "unknown rule %qs; the rules are escape-return, "
					      "escape-global, escape-caller, escape-kept, "
					      "escape-thread, escape-unknown, escape-noescape, "
					      "escape-scope",
					      val, id);
					free(ids);
					return false;
				}
				esc_warn_enabled |= 1u << kind;
			}
			free(ids);
		} else if (!strcmp(key, "rules")) {
			if (!val || !*val) {
				error("escape: %<-fplugin-arg-escape-rules%> needs a "
				      "value: a rule file or directory");
				return false;
			}
			if (val[0] == ':' || val[strlen(val) - 1] == ':' ||
			    strstr(val, "::")) {
				error("escape: %<-fplugin-arg-escape-rules=%s%>: an "
				      "empty path in the list", val);
				return false;
			}
			/* loaded after the installed rules, in plugin_init */
		} else if (!strcmp(key, "summaries")) {
			if (opt_summaries) {
				error("escape: %<-fplugin-arg-escape-summaries%> given twice");
				return false;
			}
			if (!val || !*val) {
				error("escape: %<-fplugin-arg-escape-summaries%> needs a "
				      "value: a file written by %<escape-report --summaries%>");
				return false;
			}
			opt_summaries = val;
		} else {
			error("escape: unknown argument %<-fplugin-arg-escape-%s%>; %s",
			      key, known);
			return false;
		}
	}
	return true;
}

/* The installed rules: next to escape.so (escape-rules/, after
   `make install`), or the source tree's rules/ (plugin/../rules). */
static bool load_rules(struct plugin_name_args *info)
{
	char err[1024], dir[4096];
	const char *full = info->full_name;
	const char *slash = strrchr(full, '/');
	int len = slash ? (int)(slash - full) : 1;
	const char *base = slash ? full : ".";
	const char *candidates[] = { "escape-rules", "../rules" };
	bool found = false;

	rules = esc_rules_new();
	/* without it (or for files it does not list) rules are parsed whole */
	snprintf(dir, sizeof dir, "%.*s/escape-rules.idx", len, base);
	esc_rules_use_index(rules, dir);
	for (unsigned i = 0; i < 2 && !found; i++) {
		struct stat st;
		snprintf(dir, sizeof dir, "%.*s/%s", len, base, candidates[i]);
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
			found = true;
			if (esc_rules_load(rules, dir, err, sizeof err)) {
				error("escape: %s", err);
				return false;
			}
		}
	}
	if (!found) {
		error("escape: no rules next to %s (looked for %<escape-rules%> "
		      "and %<../rules%> beside it); reinstall with "
		      "%<make install%>", full);
		return false;
	}
	for (int i = 0; i < info->argc; i++) {
		if (strcmp(info->argv[i].key, "rules") || !info->argv[i].value)
			continue;
		char *paths = xstrdup(info->argv[i].value);
		for (char *p = strtok(paths, ":"); p; p = strtok(NULL, ":")) {
			if (esc_rules_load(rules, p, err, sizeof err)) {
				error("escape: %<-fplugin-arg-escape-rules%>: %s", err);
				free(paths);
				return false;
			}
		}
		free(paths);
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* What the front end hides                                             */

/*
 * C's front end, having warned that a function returns the address of a
 * local, rewrites `return &x` as `return (&x, 0)`, and gimplification
 * drops the &x: GIMPLE returns a null pointer.  Go's model still wants x
 * to escape by the return, so before gimplification each such return is
 * recorded here, and build.cc adds the flow back.
 */
struct esc_dropped_return *dropped_returns;
int n_dropped_returns;
static int cap_dropped_returns;

static tree find_dropped_return(tree *tp, int *walk_subtrees, void *data)
{
	tree fndecl = (tree)data;
	if (TREE_CODE(*tp) != RETURN_EXPR)
		return NULL_TREE;
	*walk_subtrees = 0;
	tree v = TREE_OPERAND(*tp, 0);
	if (v && (TREE_CODE(v) == MODIFY_EXPR || TREE_CODE(v) == INIT_EXPR))
		v = TREE_OPERAND(v, 1);
	if (!v || TREE_CODE(v) != COMPOUND_EXPR || !integer_zerop(TREE_OPERAND(v, 1)))
		return NULL_TREE;
	/* the same stripping as c_finish_return's */
	tree inner = TREE_OPERAND(v, 0);
	for (;;) {
		if (CONVERT_EXPR_P(inner) || TREE_CODE(inner) == NON_LVALUE_EXPR ||
		    TREE_CODE(inner) == PLUS_EXPR ||
		    TREE_CODE(inner) == POINTER_PLUS_EXPR)
			inner = TREE_OPERAND(inner, 0);
		else
			break;
	}
	if (TREE_CODE(inner) != ADDR_EXPR)
		return NULL_TREE;
	inner = TREE_OPERAND(inner, 0);
	while (REFERENCE_CLASS_P(inner) && TREE_CODE(inner) != INDIRECT_REF &&
	       TREE_CODE(inner) != MEM_REF)
		inner = TREE_OPERAND(inner, 0);
	if (!DECL_P(inner) || (TREE_CODE(inner) != VAR_DECL &&
			       TREE_CODE(inner) != PARM_DECL) ||
	    is_global_var(inner) || DECL_EXTERNAL(inner))
		return NULL_TREE;
	if (n_dropped_returns == cap_dropped_returns) {
		cap_dropped_returns = cap_dropped_returns ? 2 * cap_dropped_returns : 16;
		dropped_returns = (struct esc_dropped_return *)xrealloc(
			dropped_returns, cap_dropped_returns * sizeof *dropped_returns);
	}
	struct esc_dropped_return *d = &dropped_returns[n_dropped_returns++];
	d->fndecl = fndecl;
	d->decl = inner;
	d->loc = EXPR_LOCATION(*tp);
	return NULL_TREE;
}

/*
 * Conditional assignments (`T x = c ? a : b;', `x = c ? a : b;').  The
 * statements GCC makes for them have no source position of their own: each
 * takes the position of the expression being gimplified around it, and GCC
 * 15 changed which.  GCC 12 to 14 store each arm's value into a temporary
 * at the conditional's position, then the temporary into x at the
 * assignment's (a declaration's name, an assignment's '='); GCC 15 and
 * later store each arm's value into x directly, at the assignment's
 * (gimplify_modify_expr_rhs pushes an assignment to a register into the
 * arms), and a call arm's store is the call itself, at the call's.  So
 * that the steps of a flow stand at the same place whatever the series,
 * the conditionals assigned whole to something are recorded here before
 * gimplification, and the graph is built with
 *
 *   esc_stmt_location    a statement at such a conditional's position (an
 *                        arm, before GCC 15) stands at the assignment
 *   esc_assign_location  the value a statement at the conditional's
 *                        position, at an arm's call or at the assignment
 *                        defines (the store of a call's value, a PHI
 *                        argument) is assigned at the assignment
 *
 * Positions are compared without their ranges and discriminators
 * (get_pure_location).  A call's own steps (its arguments, the allocation
 * it makes) stay at the call.
 */
struct esc_cond_at {
	location_t to; /* the assignment's position */
	bool call;     /* the key is an arm's call */
};
typedef hash_map<int_hash<location_t, UNKNOWN_LOCATION, BUILTINS_LOCATION>,
		 esc_cond_at> esc_cond_map;
static esc_cond_map *cond_assigns;

static void cond_record(location_t from, location_t to, bool call)
{
	from = get_pure_location(from);
	if (from <= BUILTINS_LOCATION || to <= BUILTINS_LOCATION)
		return;
	if (!cond_assigns)
		cond_assigns = new esc_cond_map;
	if (cond_assigns->get(from))
		return;
	esc_cond_at a = { to, call };
	cond_assigns->put(from, a);
}

static tree strip_conversions(tree v)
{
	while (v && (CONVERT_EXPR_P(v) || TREE_CODE(v) == NON_LVALUE_EXPR ||
		     TREE_CODE(v) == COMPOUND_EXPR))
		v = TREE_OPERAND(v, TREE_CODE(v) == COMPOUND_EXPR ? 1 : 0);
	return v;
}

/* v is assigned to lhs, at `at': if it is a conditional and lhs a
   register variable (GCC 15 stores into lhs in the arms: into anything
   else, every series does the same), record it, the conditionals and
   calls its arms' values are, and `at'. */
static void cond_assigned(tree lhs, tree v, location_t at)
{
	v = strip_conversions(v);
	if (!v || TREE_CODE(v) != COND_EXPR || VOID_TYPE_P(TREE_TYPE(v)) ||
	    !lhs || !is_gimple_reg(lhs))
		return;
	cond_record(at, at, false);
	if (EXPR_HAS_LOCATION(v))
		cond_record(EXPR_LOCATION(v), at, false);
	for (int i = 1; i <= 2; i++) {
		tree arm = strip_conversions(TREE_OPERAND(v, i));
		if (arm && TREE_CODE(arm) == COND_EXPR)
			cond_assigned(lhs, arm, at);
		else if (arm && TREE_CODE(arm) == CALL_EXPR && EXPR_HAS_LOCATION(arm))
			cond_record(EXPR_LOCATION(arm), at, true);
	}
}

/* walk_tree callback: data, the position GCC gives a statement made
   there that has none (the innermost enclosing expression's), and the
   trees walked. */
struct cond_walk {
	location_t at;
	hash_set<tree> *seen;
};

static tree find_cond_assign(tree *tp, int *walk_subtrees, void *data)
{
	struct cond_walk *w = (struct cond_walk *)data;
	struct cond_walk in = *w;
	tree t = *tp;
	if (!EXPR_P(t))
		return NULL_TREE;
	if (EXPR_HAS_LOCATION(t))
		in.at = EXPR_LOCATION(t);
	switch (TREE_CODE(t)) {
	case MODIFY_EXPR:
	case INIT_EXPR:
		cond_assigned(TREE_OPERAND(t, 0), TREE_OPERAND(t, 1), in.at);
		break;
	case DECL_EXPR: {
		/* gimplified as an INIT_EXPR with no position of its own */
		tree decl = DECL_EXPR_DECL(t);
		*walk_subtrees = 0;
		if (VAR_P(decl) && !TREE_STATIC(decl) && DECL_INITIAL(decl)) {
			cond_assigned(decl, DECL_INITIAL(decl), in.at);
			walk_tree(&DECL_INITIAL(decl), find_cond_assign, &in, in.seen);
		}
		return NULL_TREE;
	}
	default:
		break;
	}
	if (in.at != w->at) {
		/* below here, statements without a position take this one;
		   a declaration or a constant operand has nothing below it
		   this walk looks at (it only marks it seen) */
		*walk_subtrees = 0;
		for (int i = 0; i < TREE_OPERAND_LENGTH(t); i++) {
			tree op = TREE_OPERAND(t, i);
			if (op && !DECL_P(op) && !CONSTANT_CLASS_P(op))
				walk_tree(&TREE_OPERAND(t, i), find_cond_assign,
					  &in, in.seen);
		}
	}
	return NULL_TREE;
}

static const esc_cond_at *cond_at(location_t loc)
{
	if (!cond_assigns || loc <= BUILTINS_LOCATION)
		return NULL;
	return cond_assigns->get(get_pure_location(loc));
}

location_t esc_stmt_location(gimple *s)
{
	location_t loc = gimple_location(s);
	const esc_cond_at *a = cond_at(loc);
	return a && !a->call ? a->to : loc;
}

location_t esc_assign_location(location_t loc)
{
	const esc_cond_at *a = cond_at(loc);
	return a ? a->to : loc;
}

/* Times a stage for -ftime-report (GCC's client items), when asked. */
static void stage_begin(const char *name)
{
	esc_timer_push(name);
}

static void stage_end(void)
{
	esc_timer_pop();
}

/* The room a walk of fndecl's body wants in its set of trees seen: a
   hash table that grows rehashes all it holds, each time (sqlite3.c:
   a quarter of the walk).  About 3 trees a line, there; the size does
   not change what the walk finds. */
static size_t body_trees(tree fndecl)
{
	function *fn = DECL_STRUCT_FUNCTION(fndecl);
	int from = LOCATION_LINE(DECL_SOURCE_LOCATION(fndecl));
	int to = fn ? LOCATION_LINE(fn->function_end_locus) : 0;
	long n = to > from ? 4L * (to - from) : 0;
	/* (at most 2^16 to start with: a body whose end is in another
	   file, say, does not get a table of megabytes; it grows) */
	return n < 13 ? 13 : n > (1L << 16) ? (size_t)1 << 16 : (size_t)n;
}

static void pre_genericize(void *gcc_data, void *)
{
	tree fndecl = (tree)gcc_data;
	if (!fndecl || TREE_CODE(fndecl) != FUNCTION_DECL || !DECL_SAVED_TREE(fndecl))
		return;
	stage_begin("escape: front-end walk");
	size_t room = body_trees(fndecl);
	hash_set<tree> seen(room);
	struct cond_walk w = { DECL_SOURCE_LOCATION(fndecl), &seen };
	walk_tree(&DECL_SAVED_TREE(fndecl), find_cond_assign, &w, &seen);
	/* only a function returning a pointer has its `return &x' rewritten
	   (c_finish_return): the others are not walked for it */
	if (POINTER_TYPE_P(TREE_TYPE(TREE_TYPE(fndecl)))) {
		/* walk_tree_without_duplicates, which is this walk with a
		   set of its own: one GCC symbol fewer to bind at load */
		hash_set<tree> pset(room);
		walk_tree(&DECL_SAVED_TREE(fndecl), find_dropped_return,
			  fndecl, &pset);
	}
	stage_end();
}

/* ------------------------------------------------------------------ */
/* The analysis of a unit                                               */

static struct esc_report *unit_report(void);

/* A type in a few words, the same in every unit that declares it the
   same: what a summary's signature is made of. */
static void type_words(tree t, char *buf, size_t len)
{
	size_t n = strlen(buf);
	int depth = 0;
	while (t && POINTER_TYPE_P(t) && depth < 8) {
		t = TREE_TYPE(t);
		depth++;
	}
	const char *code = !t ? "?" : get_tree_code_name(TREE_CODE(t));
	const char *tag = "";
	if (t && (TREE_CODE(t) == RECORD_TYPE || TREE_CODE(t) == UNION_TYPE ||
		  TREE_CODE(t) == ENUMERAL_TYPE) && TYPE_NAME(t)) {
		tree nm = TYPE_NAME(t);
		if (TREE_CODE(nm) == TYPE_DECL)
			nm = DECL_NAME(nm);
		if (nm && TREE_CODE(nm) == IDENTIFIER_NODE)
			tag = IDENTIFIER_POINTER(nm);
	}
	/* as snprintf (buf + n, len - n, "%s%s%s%s%s%.*s", ...) would,
	   truncation included, without its cost (a call per parameter) */
	const char *part[6] = { n > 1 ? "," : "",
				t && TYPE_READONLY(t) ? "const " : "", code,
				*tag ? " " : "", tag, "********" + 8 - depth };
	if (n >= len)
		return;
	for (int i = 0; i < 6; i++)
		for (const char *c = part[i]; *c && n + 1 < len; c++)
			buf[n++] = *c;
	buf[n] = 0;
}

const char *esc_signature(tree decl)
{
	char sig[512] = "(";
	tree type = TREE_TYPE(decl);
	tree a = TYPE_ARG_TYPES(type);
	for (; a && TREE_VALUE(a) != void_type_node; a = TREE_CHAIN(a))
		type_words(TREE_VALUE(a), sig, sizeof sig - 8);
	if (!a && prototype_p(type))
		strcat(sig, strlen(sig) > 1 ? ",..." : "...");
	strcat(sig, ")");
	return esc_intern(sig);
}

/* The unit being analysed (escape_execute), for esc_unit_summary. */
static struct esc_unit *cur_unit;

const struct esc_summary *esc_unit_summary(tree fndecl)
{
	struct esc_unit *u = cur_unit;
	cgraph_node *node = u && fndecl ? cgraph_node::get(fndecl) : NULL;
	int *idx = node && u->fn_index
		? u->fn_index->get(node->ultimate_alias_target()->decl) : NULL;
	if (!idx || u->fns[*idx].comp == u->cur_comp)
		return NULL;
	return u->fns[*idx].summary;
}

const struct esc_summary *esc_linked_summary(tree fndecl)
{
	if (!summaries || !fndecl || !TREE_PUBLIC(fndecl) || !DECL_NAME(fndecl))
		return NULL;
	return esc_summaries_find(summaries, IDENTIFIER_POINTER(DECL_NAME(fndecl)),
				  esc_signature(fndecl));
}

/* What the link step needs of a function: its summary (a static one's
   too: same-unit callers' verdicts may rest on it), and its symbol and
   signature if it has external linkage (statics stay apart). */
static void export_function(struct esc_fn *fn)
{
	tree decl = fn->node->decl;
	struct esc_func_report *r = fn->report;
	r->summary = fn->summary;
	if (!TREE_PUBLIC(decl) || DECL_EXTERNAL(decl) || !DECL_NAME(decl) ||
	    (DECL_CONTEXT(decl) && TREE_CODE(DECL_CONTEXT(decl)) == FUNCTION_DECL))
		return;
	r->symbol = esc_intern(IDENTIFIER_POINTER(DECL_NAME(decl)));
	r->signature = esc_signature(decl);
}

/* The functions a body calls or takes the address of (a callback it
   registers), each once, and whether it makes an indirect call
   (esc_func_report.calls: the link step's call graph), from GCC's call
   graph: its call edges and its address references (GCC's builtins
   left out: no function of the program). */
static void note_function(hash_set<tree> *seen, auto_vec<const char *> *names,
			  tree decl)
{
	if (decl && DECL_NAME(decl) && !fndecl_built_in_p(decl) && !seen->add(decl))
		names->safe_push(esc_intern(IDENTIFIER_POINTER(DECL_NAME(decl))));
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A global variable a statement writes or takes the address of (walk
   callback): its name, once. */
struct writes_ctx {
	hash_set<tree> seen;
	auto_vec<const char *> names;
};

static bool note_write(gimple *, tree base, tree, void *data)
{
	struct writes_ctx *w = (struct writes_ctx *)data;
	if (base && VAR_P(base) && is_global_var(base) && DECL_NAME(base) &&
	    !w->seen.add(base))
		w->names.safe_push(esc_intern(IDENTIFIER_POINTER(DECL_NAME(base))));
	return false;
}

/* The globals the body of node writes or takes the address of. */
static void export_writes(cgraph_node *node, struct esc_func_report *r)
{
	struct writes_ctx w;
	function *fun = DECL_STRUCT_FUNCTION(node->decl);
	basic_block bb;
	if (!fun || !fun->cfg)
		return;
	FOR_EACH_BB_FN(bb, fun) {
		for (gphi_iterator pi = gsi_start_phis(bb); !gsi_end_p(pi);
		     gsi_next(&pi))
			walk_stmt_load_store_addr_ops(pi.phi(), &w, NULL,
						      note_write, note_write);
		for (gimple_stmt_iterator si = gsi_start_bb(bb); !gsi_end_p(si);
		     gsi_next(&si))
			walk_stmt_load_store_addr_ops(gsi_stmt(si), &w, NULL,
						      note_write, note_write);
	}
	r->nwrites = (int)w.names.length();
	r->writes = (const char **)xmalloc((w.names.length() + 1) * sizeof *r->writes);
	for (unsigned i = 0; i < w.names.length(); i++)
		r->writes[i] = w.names[i];
	qsort(r->writes, w.names.length(), sizeof *r->writes, by_name);
}

/* The functions whose address the unit's static data holds (tables of
   callbacks) and its constructors and destructors, and the global
   variables whose address static data holds (written through it,
   maybe), each sorted: the link step's call graph starts from the
   first. */
static const char **data_calls, **data_writes;
static int ndata_calls, ndata_writes;

/* Read when the unit's analysis starts, before the optimizers fold
   static data away (a static pointer never written: its target written
   directly); written with the report. */
static void collect_data_calls(void)
{
	hash_set<tree> seen;
	auto_vec<const char *> names;
	struct writes_ctx w;
	varpool_node *v;
	/* constructors and destructors run without a call of the
	   program's */
	cgraph_node *node;
	FOR_EACH_FUNCTION(node)
		if (DECL_STATIC_CONSTRUCTOR(node->decl) ||
		    DECL_STATIC_DESTRUCTOR(node->decl))
			note_function(&seen, &names, node->decl);
	FOR_EACH_VARIABLE(v) {
		ipa_ref *ref = NULL;
		for (int i = 0; v->iterate_reference(i, ref); i++) {
			if (ref->use != IPA_REF_ADDR)
				continue;
			if (is_a<cgraph_node *>(ref->referred))
				note_function(&seen, &names, ref->referred->decl);
			else
				note_write(NULL, ref->referred->decl, NULL, &w);
		}
	}
	qsort(names.address(), names.length(), sizeof(const char *), by_name);
	qsort(w.names.address(), w.names.length(), sizeof(const char *), by_name);
	free(data_calls);
	free(data_writes);
	ndata_calls = (int)names.length();
	ndata_writes = (int)w.names.length();
	data_calls = XNEWVEC(const char *, ndata_calls + 1);
	data_writes = XNEWVEC(const char *, ndata_writes + 1);
	for (int i = 0; i < ndata_calls; i++)
		data_calls[i] = names[i];
	for (int i = 0; i < ndata_writes; i++)
		data_writes[i] = w.names[i];
}

static void export_data_calls(struct esc_report *rep)
{
	esc_report_data_calls(rep, data_calls, ndata_calls, data_writes,
			      ndata_writes);
}

static void export_calls(cgraph_node *node, struct esc_func_report *r)
{
	export_writes(node, r);
	hash_set<tree> seen;
	auto_vec<const char *> names;
	for (cgraph_edge *e = node->callees; e; e = e->next_callee)
		note_function(&seen, &names, e->callee->decl);
	r->indirect = node->indirect_calls != NULL;
	ipa_ref *ref = NULL;
	for (int i = 0; node->iterate_reference(i, ref); i++)
		if (ref->use == IPA_REF_ADDR && is_a<cgraph_node *>(ref->referred))
			note_function(&seen, &names, ref->referred->decl);
	r->ncalls = (int)names.length();
	r->calls = (const char **)xmalloc((names.length() + 1) * sizeof *r->calls);
	for (unsigned i = 0; i < names.length(); i++)
		r->calls[i] = names[i];
	/* in name order: the same list whatever order GCC keeps its edges in */
	qsort(r->calls, names.length(), sizeof *r->calls, by_name);
	r->calls_known = 1;
}

static void analyse_component(struct esc_unit *u, int comp, int *members,
			      int nmembers)
{
	struct esc_graph *g = esc_graph_new();
	u->cur_comp = comp;

	for (int i = 0; i < nmembers; i++) {
		struct esc_fn *fn = &u->fns[members[i]];
		esc_declare_function(u, g, fn);
		for (int k = 0; k < fn->nparams; k++)
			if (esc_releases_param(u->releases, members[i], k))
				esc_param_released(g, fn->params[k]);
	}
	esc_component_formats(u, members, nmembers);
	for (int i = 0; i < nmembers; i++) {
		struct esc_fn *fn = &u->fns[members[i]];
		function *fun = DECL_STRUCT_FUNCTION(fn->node->decl);
		struct esc_ctx c;

		memset(&c, 0, sizeof c);
		c.unit = u;
		c.g = g;
		c.fn = fn;
		c.fun = fun;
		if (!fun || !fun->cfg || !gimple_in_ssa_p(fun)) {
			esc_func_give_up(g, fn->gfunc, "no SSA body");
			continue;
		}
		push_cfun(fun);
		c.objects = new hash_map<tree, int>;
		c.nssa = num_ssa_names;
		c.ssa = XCNEWVEC(int, c.nssa ? c.nssa : 1);
		esc_build_function(&c);
		free(c.ssa);
		delete c.objects;
		pop_cfun();
	}
	if (esc_solve(g) < 0)
		for (int i = 0; i < nmembers; i++)
			esc_func_give_up(g, u->fns[members[i]].gfunc,
					 "over the analysis budget");
	esc_solve_imports(g);
	esc_recheck_sure(g);

	/* the members' abstract CFGs, one set: a sink that lies in another
	   member is judged there too */
	struct esc_cfg **cfgs = XCNEWVEC(struct esc_cfg *, nmembers);
	struct esc_cfgset *set = nmembers > 1 ? esc_cfgset_new() : NULL;
	for (int i = 0; i < nmembers; i++) {
		struct esc_fn *fn = &u->fns[members[i]];
		fn->summary = esc_summarize(g, fn->gfunc);
		fn->report = esc_report_func(g, fn->gfunc);
		esc_import_consts(DECL_STRUCT_FUNCTION(fn->node->decl),
				  fn->report);
		cfgs[i] = esc_dangle_cfg(DECL_STRUCT_FUNCTION(fn->node->decl),
					 u->rules, fn->report, fn->summary,
					 nmembers == 1);
		esc_cfgset_add(set, cfgs[i]);
	}
	/* undo inside a member: before any caller reads its summary */
	for (int i = 0; i < nmembers; i++) {
		struct esc_fn *fn = &u->fns[members[i]];
		if (cfgs[i])
			esc_summary_undo(fn->summary, g, fn->gfunc, cfgs[i],
					 u->rules);
		export_function(fn);
	}
	for (int i = 0; i < nmembers; i++) {
		struct esc_fn *fn = &u->fns[members[i]];
		esc_dangle_function(u->rules, fn->report, cfgs[i]);
		esc_check_noescape(fn->node->decl, fn->report);
		if (opt_json && !fn->report->gave_up)
			esc_effects_function(fn->node->decl, u->rules, fn->report);
		if (opt_json && !fn->report->gave_up) {
			export_calls(fn->node, fn->report);
			esc_dangle_ends(DECL_STRUCT_FUNCTION(fn->node->decl),
					fn->report);
		}
		if (!opt_m && !opt_json)
			esc_func_report_trim(fn->report);
	}
	esc_cfgset_free(set);
	for (int i = 0; i < nmembers; i++)
		esc_cfg_free(cfgs[i]);
	free(cfgs);
	for (int i = 0; i < nmembers; i++) {
		struct esc_fn *fn = &u->fns[members[i]];
		fn->gfunc = -1;
		free(fn->params);
		fn->params = NULL;
	}
	if (esc_edge_count(g) > u->max_edges)
		u->max_edges = esc_edge_count(g);
	esc_graph_free(g);
}

static int cmp_fn_pos(const void *a, const void *b)
{
	const struct esc_fn *x = *(const struct esc_fn *const *)a;
	const struct esc_fn *y = *(const struct esc_fn *const *)b;
	const struct esc_pos *p = &x->report->pos, *q = &y->report->pos;
	int c = strcmp(p->file ? p->file : "", q->file ? q->file : "");
	if (c)
		return c;
	if (p->line != q->line)
		return p->line < q->line ? -1 : 1;
	return (p->col > q->col) - (p->col < q->col);
}

static unsigned int escape_execute(void)
{
	struct esc_unit u;
	cgraph_node *node;
	int n = 0;

	if (seen_error())
		return 0;
	if (opt_json)
		collect_data_calls();
	memset(&u, 0, sizeof u);
	u.rules = rules;
	u.summaries = summaries;
	u.fn_index = new hash_map<tree, int>;
	cur_unit = &u;

	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
		n++;
	u.fns = XCNEWVEC(struct esc_fn, n ? n : 1);
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node) {
		u.fns[u.nfns].node = node;
		u.fns[u.nfns].gfunc = -1;
		u.fns[u.nfns].varargs = -1;
		u.fns[u.nfns].chain = -1;
		u.fn_index->put(node->decl, u.nfns);
		u.nfns++;
	}

	/* the call graph between them, and its components bottom-up; an
	   OpenMP region's outlined body and the function that starts it are
	   one component (call.cc analyses the start as a call of the body) */
	int (*edges)[2] = NULL;
	int nedges = 0, cap = 0;
	for (int i = 0; i < u.nfns; i++) {
		for (cgraph_edge *e = u.fns[i].node->callees; e; e = e->next_callee) {
			cgraph_node *callee = e->callee->ultimate_alias_target();
			int *j = u.fn_index->get(callee->decl);
			tree body = e->call_stmt ? esc_region_body(e->call_stmt, NULL)
						 : NULL_TREE;
			cgraph_node *bn = body ? cgraph_node::get(body) : NULL;
			if (bn)
				j = u.fn_index->get(bn->ultimate_alias_target()->decl);
			if (!j)
				continue;
			if (nedges + 2 > cap) {
				cap = cap ? 2 * cap : 64;
				edges = (int (*)[2])xrealloc(edges, cap * sizeof *edges);
			}
			edges[nedges][0] = i;
			edges[nedges][1] = *j;
			nedges++;
			if (bn) {
				edges[nedges][0] = *j;
				edges[nedges][1] = i;
				nedges++;
			}
		}
	}
	int *comp = XNEWVEC(int, u.nfns ? u.nfns : 1);
	int ncomp = esc_components(u.nfns, edges, nedges, comp);
	for (int i = 0; i < u.nfns; i++)
		u.fns[i].comp = comp[i];

	/* members of each component, then each component in order */
	int *start = XCNEWVEC(int, ncomp + 1);
	int *order = XNEWVEC(int, u.nfns ? u.nfns : 1);
	for (int i = 0; i < u.nfns; i++)
		start[comp[i] + 1]++;
	for (int k = 0; k < ncomp; k++)
		start[k + 1] += start[k];
	int *fill = XNEWVEC(int, ncomp ? ncomp : 1);
	memcpy(fill, start, ncomp * sizeof *fill);
	for (int i = 0; i < u.nfns; i++)
		order[fill[comp[i]]++] = i;
	stage_begin("escape: analysis");
	esc_releases_scan(&u);
	for (int k = 0; k < ncomp; k++)
		analyse_component(&u, k, order + start[k], start[k + 1] - start[k]);
	stage_end();

	esc_effects_reset();

	/* what was found, function by function in source order */
	struct esc_fn **by_pos = XNEWVEC(struct esc_fn *, u.nfns ? u.nfns : 1);
	for (int i = 0; i < u.nfns; i++)
		by_pos[i] = &u.fns[i];
	qsort(by_pos, u.nfns, sizeof *by_pos, cmp_fn_pos);
	esc_emit_begin();
	for (int i = 0; i < u.nfns; i++) {
		struct esc_func_report *r = by_pos[i]->report;
		stage_begin("escape: notes and warnings");
		esc_emit_notes(r, opt_m);
		esc_emit_warnings(r, opt_m);
		stage_end();
		if (unit_report() &&
		    !in_system_header_at(DECL_SOURCE_LOCATION(by_pos[i]->node->decl))) {
			stage_begin("escape: JSON report");
			esc_report_add(report, r);
			stage_end();
		}
	}
	esc_emit_end();
	free(by_pos);

	for (int i = 0; i < u.nfns; i++) {
		esc_summary_free(u.fns[i].summary);
		esc_func_report_free(u.fns[i].report);
	}
	free(fill);
	free(order);
	free(start);
	free(comp);
	free(edges);
	free(u.fns);
	esc_releases_free(u.releases);
	esc_releases_free(u.frees);
	delete u.fn_index;
	cur_unit = NULL;
	/* a large graph's memory, freed, stays resident under what the
	   compiler allocated since (sqlite3.c -O0: 7 MB to the end) */
	if (u.max_edges >= ESC_TRIM_EDGES)
		esc_release_freed();
	return 0;
}

const pass_data escape_pass_data = {
	SIMPLE_IPA_PASS, /* type */
	"escape",        /* name */
	OPTGROUP_NONE,   /* optinfo_flags */
	TV_NONE,         /* tv_id */
	0,               /* properties_required */
	0,               /* properties_provided */
	0,               /* properties_destroyed */
	0,               /* todo_flags_start */
	0,               /* todo_flags_finish */
};

class escape_pass : public simple_ipa_opt_pass {
public:
	escape_pass(gcc::context *ctxt)
		: simple_ipa_opt_pass(escape_pass_data, ctxt)
	{
	}
	unsigned int execute(function *) final override
	{
		return escape_execute();
	}
};

/* ------------------------------------------------------------------ */
/* The report at the end of the unit                                    */

/* The report of this unit, made on first use (GCC knows the input's
   name only once compilation has started). */
static struct esc_report *unit_report(void)
{
	if (!report && opt_json) {
		snprintf(flags_text, sizeof flags_text, "-O%d%s%s", optimize,
			 optimize_size ? " -Os" : "",
			 opt_m ? (opt_m == 2 ? " m=2" : " m=1") : "");
		report = esc_report_new(main_input_filename ? main_input_filename
							    : "<stdin>",
					gcc_version.basever, flags_text);
	}
	return report;
}

static bool report_written;

/* Where this translation unit's report goes (json=), or NULL. */
static char *report_path(void)
{
	if (!opt_json)
		return NULL;
	if (opt_json[strlen(opt_json) - 1] != '/')
		return xstrdup(opt_json);
	/* the output's stable name: gcc passes cc1 -dumpdir and -dumpbase
	   from -o (asm_file_name is a random temporary) */
	char *output = xasprintf("%s%s", dump_dir_name ? dump_dir_name : "",
				 dump_base_name ? dump_base_name : "");
	char *path = esc_report_path_in_dir(opt_json, main_input_filename,
					    output);
	free(output);
	return path;
}

static void finish_unit(void *, void *)
{
	char err[1024];

	if (!unit_report())
		return;
	/* a failed compilation (an error, or a warning made an error by
	   -Werror) writes no report; finish removes any older one */
	if (!seen_error() && !werrorcount) {
		char *path = report_path();
		export_data_calls(report);
		stage_begin("escape: JSON report");
		int failed = esc_report_write(report, path, err, sizeof err);
		stage_end();
		if (failed)
			error("escape: %s", err);
		else
			report_written = true;
		free(path);
	}
	esc_report_free(report);
	report = NULL;
}

/* __attribute__((noescape)) on a pointer parameter: a promise that the
   callee keeps nothing it is given there.  A type attribute, so that the
   prototype carries it to callers in other files (include/escape-noescape.h
   spells it ESCAPE_NOESCAPE, empty without the plugin). */
static tree handle_noescape(tree *node, tree name, tree, int, bool *no_add)
{
	if (!POINTER_TYPE_P(*node)) {
		warning(OPT_Wattributes, "%qE attribute applies only to pointer "
			"parameters; ignored", name);
		*no_add = true;
	}
	return NULL_TREE;
}

static const struct attribute_spec noescape_attr = {
	"noescape", 0, 0, false, true, false, false, handle_noescape, NULL
};

static void register_attributes(void *, void *)
{
	register_attribute(&noescape_attr);
}

static void finish(void *, void *)
{
	/* no report this time (the compilation failed, GCC skipped the
	   unit's end after errors, -fsyntax-only, C++): an older report
	   would now be stale, so it goes too */
	if (opt_json && !report_written && !in_lto_p) {
		char *path = report_path();
		struct stat st;
		if (path && !lstat(path, &st) && S_ISREG(st.st_mode))
			unlink(path);
		free(path);
	}
	if (esc_rules_error(rules))
		error("escape: %s", esc_rules_error(rules));
	esc_rules_free(rules);
	rules = NULL;
	free(dropped_returns);
	dropped_returns = NULL;
	n_dropped_returns = cap_dropped_returns = 0;
	delete cond_assigns;
	cond_assigns = NULL;
}

int plugin_init(struct plugin_name_args *info, struct plugin_gcc_version *version)
{
	if (strcmp(version->basever, gcc_version.basever)) {
		error("escape: %s was built for GCC %s but is loaded into GCC %s; "
		      "rebuild it against this compiler (make clean all)",
		      info->full_name, gcc_version.basever, version->basever);
		return 1;
	}
	register_callback(info->base_name, PLUGIN_INFO, NULL, &escape_info);
	if (!parse_args(info))
		return 1;

	/* "GNU C89" ... "GNU C2X"; not "GNU C++" */
	const char *lang = lang_hooks.name;
	if (strncmp(lang, "GNU C", 5) != 0 || lang[5] == '+') {
		/* lto1 re-reads what was analysed at compile time: stay quiet */
		if (strcmp(lang, "GNU GIMPLE") != 0)
			inform(UNKNOWN_LOCATION,
			       "escape: analyses C only; nothing is analysed in %s",
			       lang);
		return 0;
	}
	if (!load_rules(info))
		return 1;
	if (opt_summaries) {
		char err[1024];
		summaries = esc_summaries_load(opt_summaries, err, sizeof err);
		if (!summaries) {
			error("escape: %<-fplugin-arg-escape-summaries%>: %s", err);
			return 1;
		}
	}

	if (opt_json)
		register_callback(info->base_name, PLUGIN_FINISH_UNIT,
				  finish_unit, NULL);

	struct register_pass_info pass;
	pass.pass = new escape_pass(g);
	pass.reference_pass_name = "build_ssa_passes";
	pass.ref_pass_instance_number = 1;
	pass.pos_op = PASS_POS_INSERT_AFTER;
	register_callback(info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
	register_callback(info->base_name, PLUGIN_PRE_GENERICIZE,
			  pre_genericize, NULL);
	register_callback(info->base_name, PLUGIN_ATTRIBUTES,
			  register_attributes, NULL);
	register_callback(info->base_name, PLUGIN_FINISH, finish, NULL);
	return 0;
}
