/*
 * escape-report.h - what the parts of escape-report share.
 *
 * escape-report reads the JSON reports of a build and says what they say
 * together.  One file per job:
 *
 *   util.c      errors, memory, JSON values, a string-keyed table, paths
 *               and URIs
 *   read.c      reading reports (and directories of them) into reports[],
 *               funcs[] and findings[]
 *   link.c      the link step: each unit's exported summaries solved
 *               together, calls between units resolved by symbol, and what
 *               rested on them re-derived (pending warnings decided)
 *   words.c     findings in words; every step's text is the core's
 *               (esc_step_text), so the tool says what the plugin says
 *   output.c    -o FILE written whole (temporary file, then rename)
 *   summary.c   the readable summary
 *   sarif.c     SARIF 2.1.0 (and the fingerprints --baseline compares)
 *   baseline.c  --baseline
 *   lsp.c       --diagnostics (LSP)
 *   main.c      the command line
 *
 * It links against the plugin's C99 core (plugin/ C files, no GCC): one wording.
 */
#ifndef ESCAPE_REPORT_H
#define ESCAPE_REPORT_H

#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <jansson.h>

#include "../plugin/escape.h"

#define PROG "escape-report"
#define SEP "\x1f" /* between the parts of a hash key */
#define FP_KEY "escape/v1"
#ifndef ESCAPE_INFORMATION_URI
#define ESCAPE_INFORMATION_URI "https://example.invalid/escape"
#endif
#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define FNV_OFFSET UINT64_C(14695981039346656037)

/* util.c */
extern char *tmp_path; /* the output being written, removed on error */
void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void usage_error(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable array: PUSH(arr, n, cap, value). */
#define PUSH(arr, n, cap, value)                                           \
	do {                                                               \
		if ((n) == (cap)) {                                        \
			(cap) = (cap) ? 2 * (cap) : 16;                    \
			(arr) = xrealloc((arr), (cap) * sizeof *(arr));    \
		}                                                          \
		(arr)[(n)++] = (value);                                    \
	} while (0)

json_t *must(json_t *v);
void set(json_t *o, const char *key, json_t *v);
void add(json_t *a, json_t *v);
json_t *text(const char *s);

/* A string-keyed hash table. */
struct entry {
	char *key;
	size_t len;
	void *value;
};

struct table {
	struct entry *e;
	size_t n, cap;
};

uint64_t fnv1a(uint64_t h, const void *p, size_t n);
/* The entry for the LEN bytes at KEY, created (value NULL) if missing. */
struct entry *lookup(struct table *t, const char *key, size_t len);
struct entry *lookup_str(struct table *t, const char *key);
/* Frees the table's keys (not its values). */
void free_table(struct table *t);

extern char *cwd;  /* the current directory */
extern char *root; /* --root, real path */
extern size_t rootlen;
char *path_normalize(const char *path);
char *current_dir(void);
const char *resolve(const char *dir, const char *file);
const char *relative_to_root(const char *path);
const char *shown(const char *path);
char *uri_encode(const char *path);
char *file_uri(const char *abs);
char *uri_path(const char *uri);

/* read.c: what the reports say */
struct step {
	const char *kind, *what, *file; /* file: resolved */
	int line, col, arg;             /* arg: ESC_ARG_CHAIN for a static chain */
};

struct flow {
	struct step *steps;
	int n;
	int truncated;
};

enum fkind { K_WARNING, K_ESCAPE, K_LEAK, K_RESULT, K_ALLOC };

struct finding {
	enum fkind kind;
	const char *rule;   /* warnings: the warning kind's id */
	const char *object; /* the stack object, parameter or allocator */
	const char *file;   /* resolved */
	int line, col;
	int sink_line, sink_col; /* warnings */
	const char *message;     /* warnings: as GCC prints it */
	int suppressed;
	int derefs; /* leaks: leaks_to_heap / leaks_to_result */
	struct flow flow;
	int func;
	int item; /* its parameter, local, allocation or warning, by index */
	char fp[17];
	/* link step: a warning left to it (see link.c), and whether it
	   dropped the finding */
	const char *pending_callee;
	int pending_arg, pending_void;
	int dropped;
};

struct func {
	const char *name, *file; /* file: resolved */
	int line, col;
	const char *gave_up;
	int nlocals, nescaping, nsites;
	int nparams, nleak_heap, nleak_result;
	int nallocs, nallocs_escaping;
	int nwarnings, nsuppressed;
	int report; /* index in reports[] */
	json_t *json; /* its object in the report */
};

struct report {
	const char *path;   /* the report file */
	json_t *doc;
	const char *source; /* resolved */
	const char *dir;    /* the directory it was compiled in, if known */
	const char *tool_version;
};

extern struct report *reports;
extern size_t nreports;
extern struct func *funcs;
extern size_t nfuncs;
extern struct finding *findings;
extern size_t nfindings;
extern char where[512]; /* where in the report a value is, for errors */

/* report index SEP function name -> its index in funcs[] + 1 */
extern struct table report_funcs;

void bad(const struct report *r, const char *what) __attribute__((noreturn));
struct flow read_flow(const struct report *r, json_t *flow, const char *dflt_file);
void read_report(const char *path);
/* Every *.json under DIR, recursively, in name order. */
void collect_dir(const char *dir, char ***files, size_t *n, size_t *cap);

/* link.c */
/* Links the reports read: summaries to a whole-program fixed point,
   escapes, leaks and pending warnings re-derived (findings dropped or
   added).  Says on stderr what it could not resolve (a symbol defined
   twice). */
void link_build(void);
/* Is symbol, called from function fi, defined (once) in a link unit of
   fi's report?  After link_build. */
int link_defined_in(const char *symbol, int fi);
/* Reads a link-units file (escape-build's link-units.txt), before
   link_build. */
void link_read_units(const char *path);
/* Symbols defined twice, for the summary: "f (a.c:3, b.c:5)". */
extern char **link_twice;
extern size_t nlink_twice;
/* Was the finding at file:line:col with this message dropped?  key:
   file SEP line SEP col SEP message. */
int link_dropped_key(const char *key);
/* --summaries: the linked summaries of the build's external functions. */
void write_summaries(void);

/* words.c */
char *step_text(const struct step *s);
char *sink_text(const struct flow *f);
char *finding_message(const struct finding *x);

/* output.c */
extern const char *out_path; /* -o, or NULL for stdout */
extern FILE *out;
void open_output(void);
void close_output(void);
void dump_json(json_t *doc);

/* the jobs */
extern size_t top_n;
void summary(void);
int char_column(const char *path, int line, int col);
const struct finding **selected(int all, size_t *np);
void sarif(int all);
void load_baseline(const char *old);
int baseline(const char *old);
void diagnostics(void);

#endif
