/*
 * rules.c - rules: JSON models of library functions.
 *
 * A call of a function that has no body in the translation unit would
 * have to be treated as keeping every address it is given.  For the C
 * library and other well-known APIs that would be hopeless, so escape
 * reads what each of them does with its arguments from rule files
 * (the .json files of rules/, installed as escape-rules/, plus what the
 * user gives with -fplugin-arg-escape-rules=PATH).  rules/README.md is
 * the user's guide; this is the whole format:
 *
 *   {
 *     "escape-rules": 1,                  required: the format version
 *     "description": "C library: string", optional text
 *     "functions": {                      required: name -> rule
 *       "memcpy": { "params": ["write+return", "read", "none"],
 *                   "copy": [1, 0] },
 *       "realloc": { "params": ["free", "none"], "returns": "alloc",
 *                    "copy": [0, "result"] },
 *       "strtol": { "params": ["read", "write", "none"], "store": [0, 1] },
 *       "printf": { "params": ["read"], "...": "read" }
 *     }
 *   }
 *
 * The keys of a rule:
 *
 *   "params"   required: one effect per declared parameter, in order.
 *   "..."      the effect on every argument past the declared ones; a
 *              rule without it says nothing of them (the caller then
 *              treats such arguments as an unknown function would).
 *   "returns"  "alloc": the result is a new heap allocation, reported
 *              under the function's name ("malloc(...) escapes to heap").
 *   "copy"     [from, to]: *to receives the pointer values stored in
 *              *from (memcpy).  to may be "result" (with "returns":
 *              "alloc"): the new allocation receives them (realloc).
 *   "store"    [from, to]: *to receives a pointer into from itself
 *              (strtol's *endptr = nptr + n).
 *   "handle"   the argument that names what keeps the addresses the
 *              call is given (setvbuf's stream, pthread_create's
 *              thread: a pointer to it is the same handle), or "result"
 *              (fmemopen's stream); for the dangling check (dangling.c).
 *   "until"    [names]: calling one of these functions with the same
 *              handle as first argument ends the keeping (fclose,
 *              pthread_join, setvbuf itself with NULL); needs "handle".
 *   "fails"    "nonzero" or "null": the result that says the call kept
 *              nothing (pthread_create, fmemopen).
 *   "format"   [param, "letters"]: parameter param is a printf-style
 *              format; of the variadic arguments only those consumed
 *              by a conversion named in letters may be kept (SQLite's
 *              "%z").  A rule with only "format" (and "doc") is no
 *              model of the function: esc_rules_find does not give it,
 *              esc_rules_format does (a function with a body).
 *   "loop"     {"drains": H, "exits": H, "links": [obj, H], "binds":
 *              [obj, H], "frees": true, "unless": [arg, mask], "fires":
 *              [cb, events, mask]}: the function's part in an event
 *              loop (obj of binds may be "result"; frees: what it links
 *              the drain frees; unless: it drains only when argument arg
 *              is a constant with no bit of mask; fires: the object runs
 *              callback argument cb when it fires, out of the handle by
 *              then when argument events is a constant with no bit of
 *              mask) (libevent's
 *              event_base_dispatch drains its base, event_base_loopexit
 *              exits its loop, event_add links the event into the base
 *              event_assign bound it to); H a parameter index, "default"
 *              (the library's default handle) or, in links, "bound" (the
 *              handle a "binds" call bound the object to).  For
 *              the dangling check's undo (dangling.c); a rule with only
 *              "loop" (and "format", "doc") is no model either:
 *              esc_rules_loop gives it.
 *   "doc"      free text for the reader.
 *
 * Indices are 0-based and must name a declared parameter.  An effect is
 * "none", or one or more of these words joined with '+' (each is an
 * ESC_EFF_* flag of escape.h):
 *
 *   read          read through, not kept
 *   write         written through, not kept
 *   free          released
 *   return        returned, or a pointer into it is (strchr)
 *   keep          kept past the call (putenv, setvbuf's buffer)
 *   keep-content  what it points to is kept (epoll_ctl's event.data.ptr)
 *   thread        handed to another thread (pthread_create's arg)
 *
 * Only "return", "return-content", "keep", "keep-content" and "thread" (and "copy",
 * "store", "returns") move addresses; the others document the call, and
 * keep rules honest when read by people.  Function names must be C
 * identifiers: a rule is found by the name the call uses.
 *
 * Loading.  esc_rules_load takes a file, or a directory whose *.json
 * files (not dot files, not subdirectories) are loaded in strcmp order of
 * their names; a directory without any is fine.  Each file is read
 * whole, parsed by Jansson with JSON_REJECT_DUPLICATES (a function listed
 * twice in one file is an error at the second one), checked completely,
 * and only then added: a bad file adds nothing, though the files of a
 * directory before it stay loaded.  A function already known, from an
 * earlier file, is replaced: that is how a user's rules override the
 * shipped ones.  Unknown keys, effects and versions are errors, never
 * ignored, since a misspelt rule would otherwise silently mean "keeps
 * everything" or "keeps nothing".
 *
 * Errors.  Nothing here crashes or exits on bad input (only running out
 * of memory exits, as everywhere in the core): every problem is -1 and
 * one message in err, "PATH:LINE: what" (PATH:LINE:COL for syntax
 * errors, from Jansson).  Jansson keeps no positions for values, so the
 * lines of the top-level keys and of each function are found by a small
 * scanner of the file text that follows strings and nesting: the line of
 * function F is that of the key "F" directly inside the "functions"
 * object (no line when the key is written with escapes).  The same line
 * is the rule's `line'.
 *
 * Lookup is a hash table keyed by name (open addressing, linear probing,
 * at most half full), so finding the rule of a callee is O(1).  Names and
 * file paths are interned (esc_intern), so rules can be dropped while
 * reports that mention them live on.
 *
 * The index.  Parsing every rule of every file for each translation unit
 * would cost each compile more than the analysis of a small file, so
 * `make' writes an index of the shipped rules (esc_rules_write_index,
 * beside escape.so): for each file that loaded without error, its size and
 * a 64-bit hash of its bytes, and for each of its functions the name, line
 * and byte span of the rule.  With an index (esc_rules_use_index), a file
 * whose bytes hash as one the index lists is known to be valid: its
 * functions enter the table unparsed, and a rule is parsed from its span
 * on its first lookup, so a unit pays only for the functions it calls.
 * They enter the table at the first lookup (or before a file parsed whole
 * is added, to keep the load order), so a unit that looks up nothing
 * does not read the index's function lines at all.  Any other file
 * (edited since, a user's, or with a loader other than the one that
 * wrote the index: the index records this loader's build) is loaded as
 * above, whole and at once, with the same errors.  A rule that fails to
 * parse lazily (only a damaged index or a hash collision could cause it)
 * is not found, and its message is kept for esc_rules_error; a file whose
 * function lines in the index are bad is parsed whole when they are read.
 *
 * A file is known by its bytes, read and hashed at load; or, without
 * reading it, by its name, size and modification time (ns) as the index
 * recorded them.  The index records a time only when the file was last
 * written at least STAT_MARGIN seconds before the index read it: a file
 * written again since then has a later time, whatever the file system's
 * clock tick (1 s, FAT's 2 s), so an edit is never taken for the indexed
 * file (a time set back by hand, as `touch -d' can, is the exception, and
 * even then the bytes are hashed when a rule of the file is first looked
 * up: an error, never rules parsed from other bytes).  `make install'
 * keeps the times (install -p).  This spares each compile the opening
 * and reading of every rules file (session 12: 17 stats for 17 opens,
 * fstats and reads of 88 KB).
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* struct dirent's d_type (DT_*), where known */

#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A function's rule: parsed, or (from an indexed file) where it is. */
struct entry {
	const char *name;
	struct esc_rule *rule;    /* NULL until parsed */
	struct text *text;        /* indexed: the file, its value's bytes */
	unsigned off, len;        /* (files are under MAX_TEXT) */
	int line;
	int failed;               /* indexed, and did not parse */
};

/* An indexed file, for its rules' lazy parsing: its bytes, or (NULL)
   the file kept open since it was hashed, read on its first use. */
struct text {
	char *path;
	char *bytes;
	size_t len;
	unsigned long long hash;
	int fd;                   /* -1: bytes read, or could not be;
				     FD_UNOPENED: known by its stat, opened
				     on first use */
};

#define FD_UNOPENED (-2)

struct index;
struct ifile;

/* An indexed file loaded, whose functions are not in the table yet. */
struct pending {
	struct text *text;
	struct ifile *file;
};

struct esc_rules {
	struct entry *entries;    /* count of them, in no order */
	size_t cap_entries;
	unsigned *slots;          /* cap of them: 0 free, else 1 + an index
				     into entries */
	size_t cap, count;
	struct text **texts;
	int ntexts, ctexts;
	struct index *index;      /* NULL: every file is parsed whole */
	struct pending *pending;  /* indexed files loaded since the table
				     was last filled, in load order */
	int npending, cpending;
	char *err;                /* the first lazy parse's error, or "" */
};

/* The build of this loader: an index written by another is not used. */
#define LOADER_STAMP "escape-rules.c " __DATE__ " " __TIME__
#define INDEX_HEAD "escape-rules-index 3\n" LOADER_STAMP "\n"

/* An index records a file's time only when the file is older than that
   (seconds) when it is read for the index (see above). */
#define STAT_MARGIN 5
#define ERR_SIZE 1024

/* More parameters than any C function has: a mistake. */
#define MAX_PARAMS 1024

/* ------------------------------------------------------------------ */
/* The table                                                           */

static size_t hash_name(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static void rule_free(struct esc_rule *r)
{
	if (!r)
		return;
	free(r->params);
	free(r->until);
	free(r);
}

static void index_free(struct index *ix);

struct esc_rules *esc_rules_new(void)
{
	struct esc_rules *rules = esc_xcalloc(1, sizeof(struct esc_rules));
	rules->err = esc_xcalloc(1, ERR_SIZE);
	return rules;
}

void esc_rules_free(struct esc_rules *rules)
{
	if (!rules)
		return;
	for (size_t i = 0; i < rules->count; i++)
		rule_free(rules->entries[i].rule);
	free(rules->entries);
	free(rules->slots);
	for (int i = 0; i < rules->ntexts; i++) {
		free(rules->texts[i]->path);
		free(rules->texts[i]->bytes);
		if (rules->texts[i]->fd >= 0)
			close(rules->texts[i]->fd);
		free(rules->texts[i]);
	}
	free(rules->texts);
	free(rules->pending);
	index_free(rules->index);
	free(rules->err);
	free(rules);
}

/* The slot of name: its entry's, or the free one where it would go. */
static size_t slot_of(const struct esc_rules *rules, const char *name)
{
	size_t mask = rules->cap - 1;
	size_t i = hash_name(name) & mask;
	while (rules->slots[i] &&
	       strcmp(rules->entries[rules->slots[i] - 1].name, name))
		i = (i + 1) & mask;
	return i;
}

/* Room for n more entries (exactly, when n > 1: an index's files). */
static void table_reserve(struct esc_rules *rules, size_t n)
{
	size_t need = rules->count + n;

	if (need > rules->cap_entries) {
		rules->cap_entries = n > 1 || !rules->cap_entries ?
			need : 2 * rules->cap_entries;
		rules->entries = esc_xrealloc(rules->entries,
			rules->cap_entries * sizeof *rules->entries);
	}
	if (2 * need <= rules->cap)
		return;
	free(rules->slots);
	if (!rules->cap)
		rules->cap = 512;
	while (2 * need > rules->cap)
		rules->cap *= 2;
	rules->slots = esc_xcalloc(rules->cap, sizeof *rules->slots);
	for (size_t k = 0; k < rules->count; k++)
		rules->slots[slot_of(rules, rules->entries[k].name)] =
			(unsigned)k + 1;
}

/* Adds e (taking its rule), replacing an entry of the same name. */
static void table_put(struct esc_rules *rules, const struct entry *e)
{
	table_reserve(rules, 1);
	size_t i = slot_of(rules, e->name);
	if (rules->slots[i]) {
		struct entry *old = &rules->entries[rules->slots[i] - 1];
		rule_free(old->rule);
		*old = *e;
	} else {
		rules->entries[rules->count] = *e;
		rules->slots[i] = (unsigned)++rules->count;
	}
}

/* Adds parsed rule r (taking it). */
static void table_put_rule(struct esc_rules *rules, struct esc_rule *r)
{
	struct entry e = { .name = r->name, .rule = r };
	table_put(rules, &e);
}

static void parse_lazy(const struct esc_rules *rules, struct entry *e);
static void fill_pending(struct esc_rules *rules);

/* The table of rules with every file loaded so far in it.  Lookups fill
   it (memoising, as they parse rules): the object is never const. */
static const struct esc_rules *filled(const struct esc_rules *rules)
{
	if (rules && rules->npending)
		fill_pending((struct esc_rules *)rules);
	return rules;
}

/* The rule of name, whatever it holds (parsed on first need), or NULL. */
static const struct esc_rule *lookup(const struct esc_rules *rules,
				     const char *name)
{
	if (!filled(rules) || !name || !rules->count)
		return NULL;
	unsigned k = rules->slots[slot_of(rules, name)];
	if (!k)
		return NULL;
	struct entry *e = &rules->entries[k - 1];
	if (!e->rule && !e->failed)
		parse_lazy(rules, e);
	return e->rule;
}

const struct esc_rule *esc_rules_find(const struct esc_rules *rules,
				      const char *name)
{
	const struct esc_rule *r = lookup(rules, name);
	return r && !r->fmt_only ? r : NULL;
}

const struct esc_rule *esc_rules_format(const struct esc_rules *rules,
					const char *name)
{
	const struct esc_rule *r = lookup(rules, name);
	return r && r->fmt_keep ? r : NULL;
}

const struct esc_rule *esc_rules_loop(const struct esc_rules *rules,
				      const char *name)
{
	const struct esc_rule *r = lookup(rules, name);
	return r && r->loop ? r : NULL;
}

void esc_rules_each_loop(const struct esc_rules *rules, const char *file,
			 void (*f)(const char *name, const struct esc_rule *r,
				   void *ctx),
			 void *ctx)
{
	if (!filled(rules) || !file)
		return;
	for (size_t i = 0; i < rules->count; i++) {
		struct entry *e = &rules->entries[i];
		if (!e->rule && !e->failed && e->text &&
		    strcmp(e->text->path, file))
			continue;
		if (!e->rule && !e->failed)
			parse_lazy(rules, e);
		if (e->rule && e->rule->loop && e->rule->file &&
		    (e->rule->file == file || !strcmp(e->rule->file, file)))
			f(e->name, e->rule, ctx);
	}
}

size_t esc_rules_count(const struct esc_rules *rules)
{
	return filled(rules) ? rules->count : 0;
}

size_t esc_rules_parsed(const struct esc_rules *rules)
{
	size_t n = 0;
	if (!filled(rules))
		return 0;
	for (size_t i = 0; i < rules->count; i++)
		n += rules->entries[i].rule != NULL;
	return n;
}

const char *esc_rules_error(const struct esc_rules *rules)
{
	return rules && rules->err[0] ? rules->err : NULL;
}

int esc_rule_effect(const struct esc_rule *r, int i)
{
	if (!r || i < 0)
		return -1;
	if (i < r->nparams)
		return (int)r->params[i];
	if (r->has_varargs)
		return (int)r->varargs;
	return -1;
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */

struct key {             /* a key found by the scanner */
	const char *s;   /* its raw text, between the quotes */
	size_t n;
	int line;
	size_t voff, vend; /* its value's bytes, if an object or array */
};

struct loader {
	const char *path;
	char *text;      /* the whole file */
	size_t len;
	char *err;
	size_t errlen;
	struct key *top; /* keys of the top-level object */
	int ntop, ctop;
	struct key *fns; /* keys of the "functions" object, in order */
	int nfns, cfns;
};

/* "PATH:LINE: message" (no LINE when line <= 0) into ld->err; -1. */
static int fail(struct loader *ld, int line, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!ld->err || !ld->errlen)
		return -1;
	if (line > 0)
		n = snprintf(ld->err, ld->errlen, "%s:%d: ", ld->path, line);
	else
		n = snprintf(ld->err, ld->errlen, "%s: ", ld->path);
	if (n < 0 || (size_t)n >= ld->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(ld->err + n, ld->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* ------------------------------------------------------------------ */
/* Lines: a scanner of the file text                                   */

static void add_key(struct key **keys, int *n, int *cap, const char *s,
		    size_t len, int line)
{
	ESC_GROW(*keys, *cap, *n + 1);
	(*keys)[*n].s = s;
	(*keys)[*n].n = len;
	(*keys)[*n].line = line;
	(*keys)[*n].voff = (*keys)[*n].vend = 0;
	(*n)++;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Records the keys of the top-level object and of its "functions" object
   with their lines (and the byte span of a function's value when it is an
   object or array).  Walks any text, valid JSON or not, without reading
   past its end. */
static void scan_keys(struct loader *ld)
{
	const char *t = ld->text, *end = ld->text + ld->len;
	int line = 1, depth = 0;
	int fn_depth = 0;      /* depth of the "functions" object, 0 outside */
	int want_fns = 0;      /* the last key was the top-level "functions" */

	for (const char *p = t; p < end; p++) {
		char c = *p;
		if (c == '\n') {
			line++;
		} else if (c == '"') {
			const char *s = ++p;
			int at = line;
			while (p < end && *p != '"') {
				if (*p == '\\' && p + 1 < end)
					p++;
				if (*p == '\n')
					line++;
				p++;
			}
			if (p >= end)
				return;
			size_t n = (size_t)(p - s);
			const char *q = p + 1;
			while (q < end && is_space(*q))
				q++;
			want_fns = 0;
			if (q >= end || *q != ':')
				continue; /* a value, not a key */
			if (depth == 1) {
				add_key(&ld->top, &ld->ntop, &ld->ctop, s, n,
					at);
				want_fns = n == 9 && !memcmp(s, "functions", 9);
			} else if (fn_depth && depth == fn_depth) {
				add_key(&ld->fns, &ld->nfns, &ld->cfns, s, n,
					at);
			}
		} else if (c == '{' || c == '[') {
			depth++;
			if (want_fns && c == '{' && depth == 2)
				fn_depth = depth;
			else if (fn_depth && depth == fn_depth + 1 && ld->nfns)
				ld->fns[ld->nfns - 1].voff = (size_t)(p - t);
			want_fns = 0;
		} else if (c == '}' || c == ']') {
			if (fn_depth && depth == fn_depth)
				fn_depth = 0;
			else if (fn_depth && depth == fn_depth + 1 && ld->nfns)
				ld->fns[ld->nfns - 1].vend = (size_t)(p + 1 - t);
			depth--;
		} else if (!is_space(c) && c != ':') {
			want_fns = 0;
		}
	}
}

static int key_is(const struct key *k, const char *name)
{
	size_t n = strlen(name);
	return k->n == n && !memcmp(k->s, name, n);
}

static int top_line(const struct loader *ld, const char *name)
{
	for (int i = 0; i < ld->ntop; i++)
		if (key_is(&ld->top[i], name))
			return ld->top[i].line;
	return 0;
}

/* The line of the idx-th function, named name (Jansson keeps objects in
   file order, so it is the idx-th key found; else search). */
static int fn_line(const struct loader *ld, int idx, const char *name)
{
	if (idx < ld->nfns && key_is(&ld->fns[idx], name))
		return ld->fns[idx].line;
	for (int i = 0; i < ld->nfns; i++)
		if (key_is(&ld->fns[i], name))
			return ld->fns[i].line;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Rules                                                               */

static const struct {
	const char *word;
	unsigned flag;
} effect_words[] = {
	{ "read", ESC_EFF_READ },
	{ "write", ESC_EFF_WRITE },
	{ "free", ESC_EFF_FREE },
	{ "return", ESC_EFF_RETURN },
	{ "keep", ESC_EFF_KEEP },
	{ "keep-content", ESC_EFF_KEEP_CONTENT },
	{ "thread", ESC_EFF_THREAD },
	{ "return-content", ESC_EFF_RETURN_CONTENT },
};
#define N_EFFECT_WORDS (sizeof effect_words / sizeof *effect_words)

#define EFFECTS_KNOWN \
	"an effect is \"none\", or some of read, write, free, return, " \
	"return-content, keep, keep-content, thread joined with '+'"

/* The rule being read, for messages. */
struct ctx {
	struct loader *ld;
	const char *name;
	int line;
};

/* Parses effect string v of `where' (e.g. "params[2]") into *out. */
static int parse_effect(struct ctx *c, json_t *v, const char *where,
			unsigned *out)
{
	const char *s = json_string_value(v);
	unsigned eff = 0;

	if (!json_is_string(v))
		return fail(c->ld, c->line,
			    "function \"%s\": %s is not a string (%s)",
			    c->name, where, EFFECTS_KNOWN);
	if (!strcmp(s, "none")) {
		*out = 0;
		return 0;
	}
	for (;;) {
		const char *plus = strchr(s, '+');
		size_t n = plus ? (size_t)(plus - s) : strlen(s);
		unsigned flag = 0;
		for (size_t i = 0; i < N_EFFECT_WORDS; i++)
			if (strlen(effect_words[i].word) == n &&
			    !memcmp(effect_words[i].word, s, n))
				flag = effect_words[i].flag;
		if (!flag && n == 4 && !memcmp(s, "none", 4))
			return fail(c->ld, c->line,
				    "function \"%s\": \"none\" combined with "
				    "other effects in %s", c->name, where);
		if (!flag)
			return fail(c->ld, c->line,
				    "function \"%s\": unknown effect \"%.*s\" "
				    "in %s (%s)", c->name, (int)n, s, where,
				    EFFECTS_KNOWN);
		if (eff & flag)
			return fail(c->ld, c->line,
				    "function \"%s\": effect \"%.*s\" repeated "
				    "in %s", c->name, (int)n, s, where);
		eff |= flag;
		if (!plus)
			break;
		s = plus + 1;
	}
	*out = eff;
	return 0;
}

/* A parameter index of "copy" or "store" (key), or "result" if allowed. */
static int parse_index(struct ctx *c, const struct esc_rule *r, json_t *v,
		       const char *key, int allow_result, int *out)
{
	if (allow_result && json_is_string(v) &&
	    !strcmp(json_string_value(v), "result")) {
		if (!r->returns_alloc)
			return fail(c->ld, c->line,
				    "function \"%s\": \"%s\" to \"result\" "
				    "needs \"returns\": \"alloc\"", c->name,
				    key);
		*out = ESC_COPY_TO_RESULT;
		return 0;
	}
	if (!json_is_integer(v))
		return fail(c->ld, c->line,
			    "function \"%s\": \"%s\" must be [from, to] with "
			    "parameter indices (0-based)%s", c->name, key,
			    allow_result ? ", to may be \"result\"" : "");
	json_int_t i = json_integer_value(v);
	if (i < 0 || i >= r->nparams)
		return fail(c->ld, c->line,
			    "function \"%s\": \"%s\": parameter index "
			    "%" JSON_INTEGER_FORMAT " out of range (the rule "
			    "has %d parameter%s)", c->name, key, i,
			    r->nparams, r->nparams == 1 ? "" : "s");
	*out = (int)i;
	return 0;
}

static int parse_pair(struct ctx *c, const struct esc_rule *r, json_t *v,
		      const char *key, int allow_result, int *from, int *to)
{
	if (!json_is_array(v) || json_array_size(v) != 2)
		return fail(c->ld, c->line,
			    "function \"%s\": \"%s\" must be [from, to] with "
			    "parameter indices (0-based)%s", c->name, key,
			    allow_result ? ", to may be \"result\"" : "");
	if (parse_index(c, r, json_array_get(v, 0), key, 0, from) ||
	    parse_index(c, r, json_array_get(v, 1), key, allow_result, to))
		return -1;
	return 0;
}

/* "format": [param, "letters"]: the format parameter and the
   conversions whose argument may be kept (esc_rule.fmt_keep). */
static int parse_format(struct ctx *c, struct esc_rule *r, json_t *v)
{
	const char *k = json_is_array(v) && json_array_size(v) == 2 &&
		json_is_integer(json_array_get(v, 0)) &&
		json_is_string(json_array_get(v, 1))
		? json_string_value(json_array_get(v, 1)) : NULL;
	if (!k)
		return fail(c->ld, c->line, "function \"%s\": \"format\" must "
			    "be [param, \"letters\"]: the format parameter "
			    "(0-based) and the conversions that may keep their "
			    "argument", c->name);
	for (const char *q = k; *q; q++)
		if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
			return fail(c->ld, c->line, "function \"%s\": \"format\": "
				    "\"%s\" is not a list of conversion letters",
				    c->name, k);
	if (parse_index(c, r, json_array_get(v, 0), "format", 0, &r->fmt_param))
		return -1;
	r->fmt_keep = esc_intern(k);
	return 0;
}

static int is_identifier(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '$'))
			return 0;
	return 1;
}

/* A handle of "loop": a parameter index, or one of the words (0:
   none allowed). */
static int parse_handle(struct ctx *c, const struct esc_rule *r, json_t *v,
			const char *key, int words, int *out)
{
	const char *w = json_is_string(v) ? json_string_value(v) : NULL;
	if (w && (words & 1) && !strcmp(w, "default")) {
		*out = ESC_LOOP_DEFAULT;
		return 0;
	}
	if (w && (words & 2) && !strcmp(w, "bound")) {
		*out = ESC_LOOP_BOUND;
		return 0;
	}
	if (w)
		return fail(c->ld, c->line, "function \"%s\": \"loop\": "
			    "\"%s\": unknown handle \"%s\" (a parameter "
			    "index%s%s)", c->name, key, w,
			    (words & 1) ? ", \"default\"" : "",
			    (words & 2) ? ", \"bound\"" : "");
	return parse_index(c, r, v, key, 0, out);
}

/* "loop": {"drains": H, "exits": H, "links": [obj, H], "binds": [obj,
   H]}, each optional (esc_rule.loop). */
static int parse_loop(struct ctx *c, struct esc_rule *r, json_t *v)
{
	const char *key;
	json_t *val;
	r->loop = 1;
	r->loop_drains = r->loop_exits = ESC_LOOP_NONE;
	r->links_obj = r->links_handle = ESC_LOOP_NONE;
	r->binds_obj = r->binds_handle = ESC_LOOP_NONE;
	r->unless_arg = r->fires_cb = r->fires_events = ESC_LOOP_NONE;
	if (!json_is_object(v))
		return fail(c->ld, c->line, "function \"%s\": \"loop\" must "
			    "be an object (drains, exits, links, binds, frees, "
			    "unless, fires)", c->name);
	json_object_foreach(v, key, val) {
		if (!strcmp(key, "drains")) {
			if (parse_handle(c, r, val, key, 1, &r->loop_drains))
				return -1;
		} else if (!strcmp(key, "exits")) {
			if (parse_handle(c, r, val, key, 1, &r->loop_exits))
				return -1;
		} else if (!strcmp(key, "links") || !strcmp(key, "binds")) {
			int links = key[0] == 'l';
			if (!json_is_array(val) || json_array_size(val) != 2)
				return fail(c->ld, c->line, "function \"%s\": "
					    "\"loop\": \"%s\" must be [object, "
					    "handle]", c->name, key);
			int *o = links ? &r->links_obj : &r->binds_obj;
			int *h = links ? &r->links_handle : &r->binds_handle;
			json_t *ov = json_array_get(val, 0);
			if (!links && json_is_string(ov) &&
			    !strcmp(json_string_value(ov), "result"))
				*o = ESC_LOOP_RESULT;
			else if (parse_index(c, r, ov, key, 0, o))
				return -1;
			if (
parse_handle(c, r, json_array_get(val, 1), key,
					 links ? 3 : 1, h))
				return -1;
		} else if (!strcmp(key, "frees")) {
			if (!json_is_true(val))
				return fail(c->ld, c->line, "function \"%s\": "
					    "\"loop\": \"frees\" can only be true",
					    c->name);
			r->loop_frees = 1;
		} else if (!strcmp(key, "unless") || !strcmp(key, "fires")) {
			/* [arg, mask] / [cb, events, mask]: parameter
			   indices, then a bit mask */
			int unless = key[0] == 'u';
			size_t n = unless ? 2 : 3;
			json_t *m = json_array_get(val, n - 1);
			if (!json_is_array(val) || json_array_size(val) != n ||
			    !json_is_integer(m) || json_integer_value(m) < 0)
				return fail(c->ld, c->line, "function \"%s\": "
					    "\"loop\": \"%s\" must be %s", c->name,
					    key, unless ? "[arg, mask]: a parameter "
					    "index and a bit mask" : "[cb, events, "
					    "mask]: two parameter indices and a bit "
					    "mask");
			if (unless) {
				if (parse_index(c, r, json_array_get(val, 0), key, 0,
						&r->unless_arg))
					return -1;
				r->unless_mask = (long long)json_integer_value(m);
			} else {
				if (parse_index(c, r, json_array_get(val, 0), key, 0,
						&r->fires_cb) ||
				    parse_index(c, r, json_array_get(val, 1), key, 0,
						&r->fires_events))
					return -1;
				r->fires_mask = (long long)json_integer_value(m);
			}
		} else {
			return fail(c->ld, c->line, "function \"%s\": \"loop\": "
				    "unknown key \"%s\" (known: drains, exits, "
				    "links, binds, frees, unless, fires)", c->name,
				    key);
		}
	}
	if (r->unless_arg != ESC_LOOP_NONE && r->loop_drains == ESC_LOOP_NONE)
		return fail(c->ld, c->line, "function \"%s\": \"loop\": "
			    "\"unless\" needs \"drains\"", c->name);
	if (r->fires_cb != ESC_LOOP_NONE && r->binds_obj == ESC_LOOP_NONE &&
	    r->links_obj == ESC_LOOP_NONE)
		return fail(c->ld, c->line, "function \"%s\": \"loop\": "
			    "\"fires\" needs \"binds\" or \"links\"", c->name);
	return 0;
}

/* Parses the rule v of function name, written at line. */
static struct esc_rule *parse_rule(struct loader *ld, const char *name,
				   int line, json_t *v)
{
	struct ctx c = { ld, name, line };
	struct esc_rule *r;
	const char *key;
	json_t *val, *params;

	if (!is_identifier(name)) {
		fail(ld, c.line, "function name \"%s\" is not a C identifier",
		     name);
		return NULL;
	}
	if (!json_is_object(v)) {
		fail(ld, c.line, "function \"%s\": the rule must be an object "
		     "with \"params\"", name);
		return NULL;
	}
	int other = 0; /* keys beside "format", "loop" and "doc" */
	json_object_foreach(v, key, val) {
		other += strcmp(key, "format") && strcmp(key, "doc") &&
			 strcmp(key, "loop");
		if (strcmp(key, "params") && strcmp(key, "...") &&
		    strcmp(key, "returns") && strcmp(key, "copy") &&
		    strcmp(key, "store") && strcmp(key, "doc") &&
		    strcmp(key, "handle") && strcmp(key, "until") &&
		    strcmp(key, "fails") && strcmp(key, "format") &&
		    strcmp(key, "loop")) {
			fail(ld, c.line, "function \"%s\": unknown key \"%s\" "
			     "(known: params, ..., returns, copy, store, handle, "
			     "until, fails, format, loop, doc)", name, key);
			return NULL;
		}
	}
	params = json_object_get(v, "params");
	/* only a "format" or a "loop" (and "doc"): what a function with a
	   body does with its variadic arguments, its part in an event
	   loop; no model of it */
	if (!params && (json_object_get(v, "format") || json_object_get(v, "loop")) &&
	    !other) {
		r = esc_xcalloc(1, sizeof *r);
		r->name = esc_intern(name);
		r->file = esc_intern(ld->path);
		r->line = c.line;
		r->nparams = MAX_PARAMS;
		r->copy_from = r->copy_to = -1;
		r->store_from = r->store_to = -1;
		r->handle = -1;
		r->fmt_only = 1;
		if (json_object_get(v, "format") &&
		    parse_format(&c, r, json_object_get(v, "format")))
			goto bad;
		if (json_object_get(v, "loop") &&
		    parse_loop(&c, r, json_object_get(v, "loop")))
			goto bad;
		r->nparams = 0;
		return r;
	}
	if (!params) {
		fail(ld, c.line, "function \"%s\": missing \"params\" (one "
		     "effect per parameter; [] for none)", name);
		return NULL;
	}
	if (!json_is_array(params)) {
		fail(ld, c.line, "function \"%s\": \"params\" is not an array "
		     "(one effect per parameter)", name);
		return NULL;
	}
	if (json_array_size(params) > MAX_PARAMS) {
		fail(ld, c.line, "function \"%s\": more than %d parameters",
		     name, MAX_PARAMS);
		return NULL;
	}

	r = esc_xcalloc(1, sizeof *r);
	r->name = esc_intern(name);
	r->file = esc_intern(ld->path);
	r->line = c.line;
	r->nparams = (int)json_array_size(params);
	r->params = esc_xcalloc((size_t)r->nparams, sizeof *r->params);
	r->copy_from = r->copy_to = -1;
	r->store_from = r->store_to = -1;
	r->handle = -1;
	for (int i = 0; i < r->nparams; i++) {
		char where[32];
		snprintf(where, sizeof where, "params[%d]", i);
		if (parse_effect(&c, json_array_get(params, (size_t)i), where,
				 &r->params[i]))
			goto bad;
	}
	if ((val = json_object_get(v, "..."))) {
		if (parse_effect(&c, val, "\"...\"", &r->varargs))
			goto bad;
		r->has_varargs = 1;
	}
	if ((val = json_object_get(v, "returns"))) {
		if (!json_is_string(val) ||
		    strcmp(json_string_value(val), "alloc")) {
			fail(ld, c.line, "function \"%s\": \"returns\" can "
			     "only be \"alloc\"", name);
			goto bad;
		}
		r->returns_alloc = 1;
	}
	if ((val = json_object_get(v, "copy")) &&
	    parse_pair(&c, r, val, "copy", 1, &r->copy_from, &r->copy_to))
		goto bad;
	if ((val = json_object_get(v, "store")) &&
	    parse_pair(&c, r, val, "store", 0, &r->store_from, &r->store_to))
		goto bad;
	if ((val = json_object_get(v, "handle"))) {
		int h;
		if (json_is_string(val) &&
		    !strcmp(json_string_value(val), "result"))
			h = ESC_HANDLE_RESULT;
		else if (parse_index(&c, r, val, "handle", 0, &h))
			goto bad;
		r->handle = h;
	}
	if ((val = json_object_get(v, "until"))) {
		size_t n = json_is_array(val) ? json_array_size(val) : 0;
		if (!n || n > MAX_PARAMS) {
			fail(ld, c.line, "function \"%s\": \"until\" must be "
			     "a list of function names", name);
			goto bad;
		}
		r->until = esc_xcalloc(n, sizeof *r->until);
		for (size_t i = 0; i < n; i++) {
			json_t *u = json_array_get(val, i);
			if (!json_is_string(u) ||
			    !is_identifier(json_string_value(u))) {
				fail(ld, c.line, "function \"%s\": \"until\" "
				     "must be a list of function names", name);
				goto bad;
			}
			r->until[r->nuntil++] = esc_intern(json_string_value(u));
		}
		if (r->handle < 0 && r->handle != ESC_HANDLE_RESULT) {
			fail(ld, c.line, "function \"%s\": \"until\" needs "
			     "\"handle\"", name);
			goto bad;
		}
	}
	if ((val = json_object_get(v, "fails"))) {
		const char *f = json_is_string(val) ? json_string_value(val) : "";
		if (!strcmp(f, "nonzero")) {
			r->fails = ESC_FAILS_NONZERO;
		} else if (!strcmp(f, "null")) {
			r->fails = ESC_FAILS_NULL;
		} else {
			fail(ld, c.line, "function \"%s\": \"fails\" can be "
			     "\"nonzero\" or \"null\"", name);
			goto bad;
		}
	}
	if ((val = json_object_get(v, "format")) && parse_format(&c, r, val))
		goto bad;
	if ((val = json_object_get(v, "loop")) && parse_loop(&c, r, val))
		goto bad;
	if ((val = json_object_get(v, "doc")) && !json_is_string(val)) {
		fail(ld, c.line, "function \"%s\": \"doc\" is not a string",
		     name);
		goto bad;
	}
	return r;
bad:
	rule_free(r);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

/* Larger than any rules file: a mistake (or /dev/zero), refused before
   it eats the compiler's memory. */
#define MAX_TEXT ((size_t)64 << 20)

/* Reads path whole into ld->text (NUL-terminated).  Opened non-blocking,
   since opening a FIFO nobody writes to would wait forever; reads block
   again, so a pipe with a writer (bash's <(...)) is read to its end, and
   one without is an empty file.  A regular file (O_NONBLOCK does not
   apply to it) is read up to the size fstat gave: 4 system calls, each
   compile reads a dozen of them. */
static int read_text(struct loader *ld)
{
	struct stat st;
	size_t cap = 4096, len = 0, size = 0;
	int fd = open(ld->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	int fl;

	if (fd < 0)
		return fail(ld, 0, "%s", strerror(errno));
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			close(fd);
			return fail(ld, 0, "is a directory, not a rules file");
		}
		if (S_ISREG(st.st_mode) && (size_t)st.st_size > MAX_TEXT) {
			close(fd);
			return fail(ld, 0, "larger than %zu MiB: not a rules "
				    "file?", MAX_TEXT >> 20);
		}
		if (S_ISREG(st.st_mode) && st.st_size > 0) {
			size = (size_t)st.st_size;
			cap = size + 2; /* + the read of 0, if it grew */
		}
	}
	if (!size && ((fl = fcntl(fd, F_GETFL)) < 0 ||
		      fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0)) {
		int e = errno;
		close(fd);
		return fail(ld, 0, "%s", strerror(e));
	}
	ld->text = esc_xmalloc(cap);
	while (!size || len < size) {
		if (len > MAX_TEXT) {
			close(fd);
			return fail(ld, 0, "larger than %zu MiB: not a rules "
				    "file?", MAX_TEXT >> 20);
		}
		if (len + 1 >= cap) {
			cap *= 2;
			ld->text = esc_xrealloc(ld->text, cap);
		}
		size_t want = cap - 1 - len;
		if (want > MAX_TEXT + 1 - len)
			want = MAX_TEXT + 1 - len; /* one past the limit */
		ssize_t n = read(fd, ld->text + len, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			return fail(ld, 0, "%s", strerror(e));
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	ld->text[len] = '\0';
	ld->len = len;
	return 0;
}

/* A duplicate key: say which function, when it is one. */
static int fail_duplicate(struct loader *ld, const json_error_t *je)
{
	for (int i = 0; i < ld->nfns; i++) {
		if (ld->fns[i].line != je->line)
			continue;
		for (int j = 0; j < i; j++) {
			if (ld->fns[j].n == ld->fns[i].n &&
			    !memcmp(ld->fns[j].s, ld->fns[i].s, ld->fns[i].n))
				return fail(ld, je->line, "function \"%.*s\" "
					    "listed twice (first at line %d)",
					    (int)ld->fns[i].n, ld->fns[i].s,
					    ld->fns[j].line);
		}
	}
	return fail(ld, je->line, "%s (a key may appear once per object)",
		    je->text);
}

/* Checks the parsed document and reads its rules into *out / *n. */
static int parse_doc(struct loader *ld, json_t *doc, struct esc_rule ***out,
		     int *n)
{
	const char *key;
	json_t *v, *fns;
	int cap = 0, idx = 0;

	if (!json_is_object(doc))
		return fail(ld, 1, "the top level must be an object with "
			    "\"escape-rules\" and \"functions\"");
	json_object_foreach(doc, key, v) {
		if (strcmp(key, "escape-rules") && strcmp(key, "description") &&
		    strcmp(key, "functions"))
			return fail(ld, top_line(ld, key), "unknown key "
				    "\"%s\" at the top level (known: "
				    "escape-rules, description, functions)",
				    key);
	}
	v = json_object_get(doc, "escape-rules");
	if (!v)
		return fail(ld, 0, "missing \"escape-rules\": 1 (the format "
			    "version): not a rules file?");
	if (!json_is_integer(v) || json_integer_value(v) != 1)
		return fail(ld, top_line(ld, "escape-rules"),
			    "\"escape-rules\" must be 1 (the only format "
			    "version this escape reads)");
	v = json_object_get(doc, "description");
	if (v && !json_is_string(v))
		return fail(ld, top_line(ld, "description"), "\"description\" "
			    "is not a string");
	fns = json_object_get(doc, "functions");
	if (!fns)
		return fail(ld, 0, "missing \"functions\" (an object: name -> "
			    "rule)");
	if (!json_is_object(fns))
		return fail(ld, top_line(ld, "functions"), "\"functions\" is "
			    "not an object (name -> rule)");
	json_object_foreach(fns, key, v) {
		struct esc_rule *r = parse_rule(ld, key, fn_line(ld, idx, key),
						v);
		idx++;
		if (!r)
			return -1;
		ESC_GROW(*out, cap, *n + 1);
		(*out)[(*n)++] = r;
	}
	return 0;
}

/* Reads and checks the file ld->path whole: its rules into *staged / *n,
   its document into *doc (NULL if it did not parse). */
static int parse_file(struct loader *ld, json_t **doc,
		      struct esc_rule ***staged, int *n)
{
	json_error_t je;
	size_t i = 0;

	while (i < ld->len && is_space(ld->text[i]))
		i++;
	if (i == ld->len)
		return fail(ld, 0, "empty rules file");
	scan_keys(ld);
	*doc = json_loadb(ld->text, ld->len, JSON_REJECT_DUPLICATES, &je);
	if (!*doc) {
		if (!strncmp(je.text, "duplicate object key", 20))
			return fail_duplicate(ld, &je);
		if (je.line > 0 && ld->err && ld->errlen)
			snprintf(ld->err, ld->errlen, "%s:%d:%d: not valid "
				 "JSON: %s", ld->path, je.line, je.column,
				 je.text);
		else
			fail(ld, 0, "not valid JSON: %s", je.text);
		return -1;
	}
	return parse_doc(ld, *doc, staged, n);
}

static void loader_free(struct loader *ld, json_t *doc,
			struct esc_rule **staged, int n)
{
	for (int k = 0; k < n; k++)
		rule_free(staged[k]);
	free(staged);
	json_decref(doc);
	free(ld->text);
	free(ld->top);
	free(ld->fns);
}

/* ------------------------------------------------------------------ */
/* The index                                                           */

struct ifile {           /* a file the index lists */
	unsigned long long size, hash;
	unsigned long long mtime; /* ns since the epoch; 0: not recorded */
	const char *name;        /* its name in its directory (not ended) */
	size_t namelen;
	char *fns;       /* its n functions' lines in the blob */
	char *fns_end;   /* where they end */
	int n;
	int state;       /* FNS_*: checked yet, and how it went */
};

/* An index's function lines are checked when their file's functions
   first enter the table (a unit that looks nothing up never reads them);
   the names are then cut out of the blob in place. */
enum { FNS_UNCHECKED, FNS_CUT, FNS_BAD };

struct index {
	char *blob;      /* the index's text; names point into it */
	size_t mapped;   /* its length when mapped (else read: 0) */
	struct ifile *files;
	int nfiles, cfiles;
	int timed;       /* some file has its time recorded */
};

static void index_free(struct index *ix)
{
	if (!ix)
		return;
	if (ix->mapped)
		munmap(ix->blob, ix->mapped);
	else
		free(ix->blob);
	free(ix->files);
	free(ix);
}

/* How index_fn finds a function's name: ended by a space, which it makes
   a NUL (the first fill of the file: the name is then used in place), or
   ended by that NUL (a later fill, of the same file loaded again). */
enum { NAME_CUT, NAME_CUT_BEFORE };

static int index_fn(char **p, size_t size, struct entry *e, int how);

/* A 64-bit hash of a file's bytes, 16 at a time: tells an edited file.
   Two words are mixed by one multiplication into 128 bits, folded (as
   wyhash does): about 0.6 instructions a byte, where a word at a time
   took 1.1 (every compile hashes the 88 KB of the shipped rules).  In
   pieces, so that a file can be hashed as it is read: hash_start with
   the file's size, hash_words on each piece but the last (a multiple of
   16 bytes), hash_end on the last.  Values differ between targets with
   and without 128-bit integers: an index is used by the loader of the
   build that wrote it (LOADER_STAMP). */
static unsigned long long hash_start(size_t n)
{
	return 0x9e3779b97f4a7c15ull ^ n;
}

static unsigned long long mix(unsigned long long a, unsigned long long b)
{
#ifdef __SIZEOF_INT128__
	__extension__ unsigned __int128 r = (unsigned __int128)a * b;
	return (unsigned long long)r ^ (unsigned long long)(r >> 64);
#else
	a *= 0xff51afd7ed558ccdull;
	a ^= a >> 32;
	return (a ^ b) * 0xc4ceb9fe1a85ec53ull;
#endif
}

static unsigned long long hash_words(unsigned long long h, const char *s,
				     size_t n)
{
	unsigned long long w[2];

	for (size_t i = 0; i + 16 <= n; i += 16) {
		memcpy(w, s + i, 16);
		h = mix(w[0] ^ 0xa0761d6478bd642full, w[1] ^ h);
	}
	return h;
}

static unsigned long long hash_end(unsigned long long h, const char *s,
				   size_t n)
{
	size_t i = n & ~(size_t)15;

	h = hash_words(h, s, i);
	for (; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

static unsigned long long hash_bytes(const char *s, size_t n)
{
	return hash_end(hash_start(n), s, n);
}

/* The index's record of a file with these bytes, or NULL. */
static struct ifile *index_lookup(const struct index *ix, const char *text,
				  size_t len)
{
	unsigned long long h = 0;
	int hashed = 0;

	for (int i = 0; ix && i < ix->nfiles; i++) {
		if (ix->files[i].size != len)
			continue;
		if (!hashed) {
			h = hash_bytes(text, len);
			hashed = 1;
		}
		if (ix->files[i].hash == h)
			return &ix->files[i];
	}
	return NULL;
}

/* Keeps the text of an indexed file (taking ld->text); its functions
   enter the table, unparsed, when it is next used (fill_pending), so
   that a unit that looks up nothing does not fill it at all. */
static void add_text(struct esc_rules *rules, struct text *t,
		     struct ifile *f);

static void load_indexed(struct esc_rules *rules, struct loader *ld,
			 struct ifile *f)
{
	struct text *t = esc_xmalloc(sizeof *t);

	t->path = esc_xstrdup(ld->path);
	t->bytes = ld->text;
	t->len = ld->len;
	t->hash = f->hash;
	t->fd = -1;
	ld->text = NULL;
	add_text(rules, t, f);
}

/* Adds t, an indexed file, whose functions enter the table on the next
   fill. */
static void add_text(struct esc_rules *rules, struct text *t,
		     struct ifile *f)
{
	ESC_GROW(rules->texts, rules->ctexts, rules->ntexts + 1);
	rules->texts[rules->ntexts++] = t;
	ESC_GROW(rules->pending, rules->cpending, rules->npending + 1);
	rules->pending[rules->npending].text = t;
	rules->pending[rules->npending++].file = f;
}

static int parse_file(struct loader *ld, json_t **doc,
		      struct esc_rule ***staged, int *n);
static const char *text_bytes(struct text *t, struct loader *ld);
static void loader_free(struct loader *ld, json_t *doc,
			struct esc_rule **staged, int n);

/* A file whose lines in the index are bad (a damaged index: its bytes
   are those indexed) is parsed whole from its text, as without one; an
   error is then kept as a lazy parse's is. */
static void fill_whole(struct esc_rules *rules, struct text *t)
{
	char err[ERR_SIZE];
	struct loader ld = { .path = t->path, .len = t->len, .err = err,
			     .errlen = sizeof err };
	struct esc_rule **staged = NULL;
	json_t *doc = NULL;
	int n = 0;

	if (!text_bytes(t, &ld)) {
		if (!rules->err[0])
			snprintf(rules->err, ERR_SIZE, "%s", err);
		return;
	}
	ld.text = esc_xmalloc(t->len + 1);
	memcpy(ld.text, t->bytes, t->len + 1);
	if (parse_file(&ld, &doc, &staged, &n) == 0) {
		for (int k = 0; k < n; k++) {
			table_put_rule(rules, staged[k]);
			staged[k] = NULL;
		}
	} else if (!rules->err[0]) {
		snprintf(rules->err, ERR_SIZE, "%s", err);
	}
	loader_free(&ld, doc, staged, n);
}

/* The functions of an indexed file, unparsed, from its lines in the
   index: checked (and their names cut out) the first time. */
static void fill_file(struct esc_rules *rules, struct text *t,
		      struct ifile *f)
{
	struct entry *es;
	char *p = f->fns;
	int k = 0;

	if (f->state == FNS_BAD) {
		fill_whole(rules, t);
		return;
	}
	/* one pass: read into es, and only then into the table */
	es = esc_xmalloc(((size_t)f->n + 1) * sizeof *es);
	for (; k < f->n && p < f->fns_end; k++) {
		es[k].text = t;
		es[k].rule = NULL;
		es[k].failed = 0;
		if (index_fn(&p, t->len, &es[k], f->state == FNS_CUT ?
			     NAME_CUT_BEFORE : NAME_CUT))
			break;
	}
	if (k < f->n || p != f->fns_end) {
		f->state = FNS_BAD;
		fill_whole(rules, t);
	} else {
		for (k = 0; k < f->n; k++)
			table_put(rules, &es[k]);
		f->state = FNS_CUT;
	}
	free(es);
}

/* The functions of the indexed files loaded since the last fill, in
   their load order (a later file's function replaces an earlier one's,
   as when they are parsed). */
static void fill_pending(struct esc_rules *rules)
{
	size_t n = 0;

	for (int i = 0; i < rules->npending; i++)
		n += (size_t)rules->pending[i].file->n;
	table_reserve(rules, n); /* no growing on the way */
	for (int i = 0; i < rules->npending; i++)
		fill_file(rules, rules->pending[i].text,
			  rules->pending[i].file);
	rules->npending = 0;
}

/* The rule of an indexed function, on its first lookup. */
static void parse_lazy(const struct esc_rules *rules, struct entry *e)
{
	char err[ERR_SIZE];
	struct loader ld = { .path = e->text->path, .err = err,
			     .errlen = sizeof err };
	const char *bytes = text_bytes(e->text, &ld);
	json_error_t je;
	json_t *v = NULL;

	if (bytes)
		v = json_loadb(bytes + e->off, e->len, JSON_REJECT_DUPLICATES,
			       &je);
	if (!bytes)
		; /* text_bytes said why */
	else if (!v)
		fail(&ld, e->line, "function \"%s\": not valid JSON: %s",
		     e->name, je.text);
	else
		e->rule = parse_rule(&ld, e->name, e->line, v);
	json_decref(v);
	if (!e->rule) {
		e->failed = 1;
		if (!rules->err[0])
			snprintf(rules->err, ERR_SIZE, "%s", err);
	}
}

/* The number at *p, ended by a space (skipped) or a newline. */
static int number(char **p, unsigned long long *out)
{
	unsigned long long n = 0;
	char *s = *p, *q = s;

	for (; *q != ' ' && *q != '\n'; q++) {
		unsigned d = (unsigned)(*q - '0');
		if (d > 9)
			return -1; /* also the blob's final NUL */
		/* 19 digits never overflow: test only from the 20th */
		if (q - s >= 19 && n > (ULLONG_MAX - d) / 10)
			return -1;
		n = n * 10 + d;
	}
	if (q == s)
		return -1;
	*p = *q == ' ' ? q + 1 : q;
	*out = n;
	return 0;
}

static int end_line(char **p)
{
	if (**p != '\n')
		return -1;
	(*p)++;
	return 0;
}

/* A function's line of the index at *p (NAME LINE OFF LEN, of a file of
   size bytes) into e's name, line and span. */
static int index_fn(char **p, size_t size, struct entry *e, int how)
{
	unsigned long long line, off, len;
	char *name = *p, *q = name;

	while (*q && *q != ' ' && *q != '\n')
		q++;
	if (q == name || *q != (how == NAME_CUT_BEFORE ? '\0' : ' '))
		return -1;
	*p = q + 1;
	if (number(p, &line) || number(p, &off) || number(p, &len) ||
	    end_line(p) || line > INT_MAX || off > size || len > size - off)
		return -1;
	if (how == NAME_CUT)
		*q = '\0';
	e->name = name;
	e->line = (int)line;
	e->off = (unsigned)off;
	e->len = (unsigned)len;
	return 0;
}

/*
 * The index is text, one record a line:
 *
 *   escape-rules-index 3
 *   LOADER_STAMP
 *   file SIZE HASH N BYTES MTIME NAME
 *                           a file: its size, hash_bytes, N functions
 *                           in the BYTES bytes of lines that follow, its
 *                           modification time in ns (0: not recorded)
 *                           and name (to the end of the line)
 *   NAME LINE OFF LEN       N times: a function, its rule's line and bytes
 *
 * The head and the file lines are checked here (a file's function lines
 * are skipped whole, by their length: 1,272 lines are not looked at in
 * a unit that looks nothing up), the function lines of a file by
 * fill_file, where its names are cut out in place.
 */
static int index_parse(struct index *ix, size_t len)
{
	static const char head[] = INDEX_HEAD;
	char *p = ix->blob + sizeof head - 1;

	if (len < sizeof head - 1 || memcmp(ix->blob, head, sizeof head - 1) ||
	    memchr(ix->blob, '\0', len))
		return -1;
	while (*p) {
		unsigned long long size, hash, n, bytes, mtime;
		char *name, *eol;
		if (strncmp(p, "file ", 5))
			return -1;
		p += 5;
		if (number(&p, &size) || number(&p, &hash) ||
		    number(&p, &n) || number(&p, &bytes) ||
		    number(&p, &mtime) || p[-1] != ' ' ||
		    !(eol = strchr(name = p, '\n')) || eol == name)
			return -1;
		p = eol + 1;
		if (size > MAX_TEXT || n > MAX_TEXT ||
		    size > MAX_TEXT || n > MAX_TEXT ||
		    bytes > (unsigned long long)(ix->blob + len - p) ||
		    (n == 0) != (bytes == 0) || (bytes && p[bytes - 1] != '\n'))
			return -1;
		ESC_GROW(ix->files, ix->cfiles, ix->nfiles + 1);
		struct ifile *f = &ix->files[ix->nfiles++];
		f->size = size;
		f->hash = hash;
		f->mtime = mtime;
		f->name = name;
		f->namelen = (size_t)(eol - name);
		ix->timed |= mtime != 0;
		f->fns = p;
		f->fns_end = p + bytes;
		f->n = (int)n;
		f->state = FNS_UNCHECKED;
		p += bytes;
	}
	return 0;
}

/* The index's bytes mapped (copy on write: a file's names are cut out
   in place only when its functions enter the table), so that a unit that
   looks nothing up holds none of them privately (31 KB); NULL if the
   file cannot be mapped so, or a NUL would not follow its bytes (a size
   that is a multiple of the page size): then it is read. */
static char *map_index(const char *path, size_t *len)
{
	struct stat st;
	long page = sysconf(_SC_PAGESIZE);
	char *m = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (unsigned long long)st.st_size <= MAX_TEXT && page > 0 &&
	    st.st_size % page != 0) {
		m = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE, fd, 0);
		if (m == MAP_FAILED)
			m = NULL;
		else
			*len = (size_t)st.st_size;
	}
	close(fd);
	return m;
}

int esc_rules_use_index(struct esc_rules *rules, const char *path)
{
	struct loader ld = { .path = path };
	struct index *ix;
	size_t mapped = 0;

	if (!rules || rules->index || !path)
		return -1;
	if ((ld.text = map_index(path, &mapped)))
		ld.len = mapped;
	else if (read_text(&ld)) {
		free(ld.text);
		return -1;
	}
	ix = esc_xcalloc(1, sizeof *ix);
	ix->blob = ld.text;
	ix->mapped = mapped;
	if (index_parse(ix, ld.len)) {
		index_free(ix);
		return -1;
	}
	rules->index = ix;
	return 0;
}

/* A file's time and name in its index line (see STAT_MARGIN), from a
   stat after its bytes were read: a write during the read would make it
   too recent to be recorded. */
static void write_time_name(FILE *out, const struct loader *ld)
{
	const char *name = strrchr(ld->path, '/');
	unsigned long long mtime = 0;
	struct timespec now;
	struct stat st;

	name = name ? name + 1 : ld->path;
	if (*name && !strchr(name, '\n') && stat(ld->path, &st) == 0 &&
	    S_ISREG(st.st_mode) && (unsigned long long)st.st_size == ld->len &&
	    st.st_mtim.tv_sec > 0 && clock_gettime(CLOCK_REALTIME, &now) == 0 &&
	    now.tv_sec - st.st_mtim.tv_sec > STAT_MARGIN)
		mtime = (unsigned long long)st.st_mtim.tv_sec * 1000000000ull +
			(unsigned long long)st.st_mtim.tv_nsec;
	fprintf(out, "%llu %s\n", mtime, mtime ? name : "-");
}

/* The index's records of the file ld has read and checked, if the
   scanner found each function's key and value as Jansson did. */
static void index_write_file(FILE *out, struct loader *ld,
			     struct esc_rule **staged, int n)
{
	if (n != ld->nfns)
		return;
	for (int k = 0; k < n; k++)
		if (!key_is(&ld->fns[k], staged[k]->name) ||
		    ld->fns[k].vend <= ld->fns[k].voff)
			return; /* not indexed: loaded whole each time */
	size_t bytes = 0;
	for (int k = 0; k < n; k++)
		bytes += (size_t)snprintf(NULL, 0, "%s %d %zu %zu\n",
					  staged[k]->name, ld->fns[k].line,
					  ld->fns[k].voff,
					  ld->fns[k].vend - ld->fns[k].voff);
	fprintf(out, "file %zu %llu %d %zu ", ld->len,
		hash_bytes(ld->text, ld->len), n, bytes);
	write_time_name(out, ld);
	for (int k = 0; k < n; k++)
		fprintf(out, "%s %d %zu %zu\n", staged[k]->name,
			ld->fns[k].line, ld->fns[k].voff,
			ld->fns[k].vend - ld->fns[k].voff);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

/* What is done with each rules file: loaded into rules, or indexed. */
struct job {
	struct esc_rules *rules;
	FILE *index;
};

/* Reads n bytes of fd at off into buf (fewer at its end). */
static size_t read_at(int fd, char *buf, size_t n, size_t off)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = pread(fd, buf + got, n - got, (off_t)(off + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

/* The index's record of the file at path by its name, size and time, or
   NULL. */
static struct ifile *index_stat_lookup(struct index *ix, const char *path)
{
	const char *name = strrchr(path, '/');
	struct stat st;

	name = name ? name + 1 : path;
	if (stat(path, &st) || !S_ISREG(st.st_mode) || st.st_mtim.tv_sec <= 0)
		return NULL;
	unsigned long long mtime =
		(unsigned long long)st.st_mtim.tv_sec * 1000000000ull +
		(unsigned long long)st.st_mtim.tv_nsec;
	for (int i = 0; i < ix->nfiles; i++) {
		struct ifile *f = &ix->files[i];
		if (f->mtime == mtime && f->size == (unsigned long long)st.st_size &&
		    f->namelen == strlen(name) &&
		    !memcmp(f->name, name, f->namelen))
			return f;
	}
	return NULL;
}

/* An indexed file is recognised without keeping its bytes: it is read a
   piece at a time into a buffer on the stack and hashed, and kept open,
   so that the text its rules are parsed from on their first lookup is
   that of the file it was (text_bytes).  A unit that looks up nothing of
   a file never holds its text: the one-function file held 88 KB of rules
   text on the heap, most of them in pages no other part of the compile
   touched.  Returns 1 when path was loaded so, 0 when it is to be read
   whole (not a regular file, of no size the index lists, not indexed,
   or unreadable: read_text then says why). */
static int load_hashed(struct esc_rules *rules, const char *path)
{
	char buf[16384]; /* a multiple of 16, as hash_words takes */
	struct ifile *f = NULL;
	unsigned long long h;
	struct stat st;
	size_t size, done = 0;
	int fd, i;

	if (!rules->index)
		return 0;
	if (rules->index->timed && (f = index_stat_lookup(rules->index, path))) {
		fd = FD_UNOPENED;
		h = f->hash;
		size = (size_t)f->size;
		goto found;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (unsigned long long)st.st_size > MAX_TEXT)
		goto no;
	size = (size_t)st.st_size;
	for (i = 0; i < rules->index->nfiles; i++)
		if (rules->index->files[i].size == size)
			break;
	if (i == rules->index->nfiles)
		goto no;
	h = hash_start(size);
	while (done < size) {
		size_t want = size - done < sizeof buf ? size - done : sizeof buf;
		size_t got = read_at(fd, buf, want, done);
		if (got != want)
			goto no; /* shrunk, or unreadable */
		done += got;
		h = done < size ? hash_words(h, buf, got) : hash_end(h, buf, got);
	}
	for (; i < rules->index->nfiles && !f; i++)
		if (rules->index->files[i].size == size &&
		    rules->index->files[i].hash == h)
			f = &rules->index->files[i];
	if (!f)
		goto no;
found:;
	struct text *t = esc_xmalloc(sizeof *t);
	t->path = esc_xstrdup(path);
	t->bytes = NULL;
	t->len = size;
	t->hash = h;
	t->fd = fd;
	add_text(rules, t, f);
	return 1;
no:
	close(fd);
	return 0;
}

/* The bytes of indexed file t (NUL-terminated): read on their first use
   from the file kept open since it was hashed, and hashed again.  A file
   that changed in place meanwhile is an error, never rules parsed from
   bytes other than those checked (one replaced by a new file, as editors
   save, is still read as it was: the kept file is the old one). */
static const char *text_bytes(struct text *t, struct loader *ld)
{
	char *b;

	if (t->fd == FD_UNOPENED && !t->bytes)
		t->fd = open(t->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (t->bytes || t->fd < 0) {
		if (!t->bytes)
			fail(ld, 0, "changed since it was loaded, or unreadable: "
			     "its rules are not used");
		return t->bytes;
	}
	b = esc_xmalloc(t->len + 1);
	if (read_at(t->fd, b, t->len, 0) != t->len ||
	    hash_bytes(b, t->len) != t->hash) {
		free(b);
		b = NULL;
	} else {
		b[t->len] = '\0';
	}
	close(t->fd);
	t->fd = -1;
	t->bytes = b;
	if (!b)
		fail(ld, 0, "changed since it was loaded, or unreadable: "
		     "its rules are not used");
	return b;
}

static int load_file(struct job *job, const char *path, char *err,
		     size_t errlen)
{
	struct loader ld;
	struct esc_rule **staged = NULL;
	int nstaged = 0, ret = -1;
	json_t *doc = NULL;
	struct ifile *f;

	memset(&ld, 0, sizeof ld);
	ld.path = path;
	ld.err = err;
	ld.errlen = errlen;
	if (job->rules && load_hashed(job->rules, path)) {
		ret = 0;
		goto out;
	}
	if (read_text(&ld))
		goto out;
	if (job->rules &&
	    (f = index_lookup(job->rules->index, ld.text, ld.len))) {
		load_indexed(job->rules, &ld, f);
		ret = 0;
		goto out;
	}
	if (parse_file(&ld, &doc, &staged, &nstaged))
		goto out;
	if (job->index)
		index_write_file(job->index, &ld, staged, nstaged);
	if (job->rules && job->rules->npending)
		fill_pending(job->rules); /* they were loaded before */
	for (int k = 0; k < nstaged && job->rules; k++) {
		table_put_rule(job->rules, staged[k]);
		staged[k] = NULL;
	}
	ret = 0;
out:
	loader_free(&ld, doc, staged, nstaged);
	return ret;
}

/* A name of a directory, and whether readdir said it is a regular file
   (then no stat is needed to tell it is no directory). */
struct dirname {
	char *name;
	int regular;
};

static int cmp_names(const void *a, const void *b)
{
	return strcmp(((const struct dirname *)a)->name,
		      ((const struct dirname *)b)->name);
}

static int is_rules_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && !strcmp(name + n - 5, ".json");
}

static int load_dir(struct job *job, const char *dir, char *err,
		    size_t errlen)
{
	struct loader ld = { .path = dir, .err = err, .errlen = errlen };
	struct dirname *names = NULL;
	int n = 0, cap = 0, ret = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		return fail(&ld, 0, "%s", strerror(errno));
	for (;;) {
		errno = 0;
		de = readdir(d);
		if (!de)
			break;
		if (!is_rules_name(de->d_name))
			continue;
		ESC_GROW(names, cap, n + 1);
		names[n].name = esc_xstrdup(de->d_name);
		names[n].regular = 0;
#ifdef DT_REG
		names[n].regular = de->d_type == DT_REG;
#endif
		n++;
	}
	if (errno)
		ret = fail(&ld, 0, "%s", strerror(errno));
	closedir(d);
	if (n)
		qsort(names, (size_t)n, sizeof *names, cmp_names);

	size_t dn = strlen(dir);
	int slash = dn && dir[dn - 1] == '/';
	for (int i = 0; i < n && !ret; i++) {
		struct stat st;
		char *path = esc_xmalloc(dn + strlen(names[i].name) + 2);
		sprintf(path, "%s%s%s", dir, slash ? "" : "/", names[i].name);
		if (!names[i].regular && stat(path, &st) == 0 &&
		    S_ISDIR(st.st_mode)) {
			free(path);
			continue; /* not a rules file */
		}
		ret = load_file(job, path, err, errlen);
		free(path);
	}
	for (int i = 0; i < n; i++)
		free(names[i].name);
	free(names);
	return ret;
}

/* A rules file, or the *.json files of a directory, into job. */
static int load_path(struct job *job, const char *path, char *err,
		     size_t errlen)
{
	struct stat st;

	if (err && errlen)
		err[0] = '\0';
	if (!path || !*path) {
		if (err && errlen)
			snprintf(err, errlen, "empty rules path");
		return -1;
	}
	if (stat(path, &st) != 0) {
		struct loader ld = { .path = path, .err = err,
				     .errlen = errlen };
		return fail(&ld, 0, "%s", strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return load_dir(job, path, err, errlen);
	return load_file(job, path, err, errlen);
}

int esc_rules_load(struct esc_rules *rules, const char *path, char *err,
		   size_t errlen)
{
	struct job job = { rules, NULL };

	if (!rules) {
		if (err && errlen)
			snprintf(err, errlen, "no rule table");
		return -1;
	}
	return load_path(&job, path, err, errlen);
}

int esc_rules_write_index(const char *path, const char *out, char *err,
			  size_t errlen)
{
	struct loader ld = { .path = out, .err = err, .errlen = errlen };
	char *tmp = esc_xmalloc(strlen(out) + 5);
	struct job job = { NULL, NULL };
	int ret;

	sprintf(tmp, "%s.tmp", out);
	job.index = fopen(tmp, "w");
	if (!job.index) {
		free(tmp);
		return fail(&ld, 0, "%s", strerror(errno));
	}
	fputs(INDEX_HEAD, job.index);
	ret = load_path(&job, path, err, errlen);
	if (fclose(job.index) && !ret)
		ret = fail(&ld, 0, "%s", strerror(errno));
	if (!ret && rename(tmp, out))
		ret = fail(&ld, 0, "%s", strerror(errno));
	if (ret)
		remove(tmp);
	free(tmp);
	return ret;
}
