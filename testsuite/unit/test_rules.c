/*
 * test_rules.c - the rule loader (plugin/rules.c) and the shipped rules
 * (the .json files of rules/), without GCC.
 *
 *   test_rules [ROOT]     ROOT is the repository (default "."): the test
 *                         reads ROOT/rules and ROOT/testsuite/unit/rules-bad
 *
 * With UNIT_VERBOSE set in the environment it prints every message it
 * provokes, to read them.
 *
 * Bad inputs are the fixtures of rules-bad/, one mistake each; the rest
 * (directories, overrides, dangling symlinks, a 20,000-function file) is
 * generated into a temporary directory, removed at the end.
 */
#define _POSIX_C_SOURCE 200809L

#include "escape.h"
#include "unit.h"

#include <jansson.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *root = ".";
static char tmpdir[256];

/* ROOT/rel, in one of a few rotating buffers */
static const char *at_root(const char *rel)
{
	static char buf[4][1024];
	static int i;
	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", root, rel);
	return buf[i];
}

static const char *at_tmp(const char *rel)
{
	static char buf[4][1024];
	static int i;
	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", tmpdir, rel);
	return buf[i];
}

/* Temporary files, removed by cleanup() (deepest first). */
static char *made[128];
static int nmade;

static void remember(const char *path)
{
	for (int i = 0; i < nmade; i++)
		if (!strcmp(made[i], path))
			return; /* written again */
	if (nmade < 128)
		made[nmade++] = strdup(path);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		return;
	}
	fputs(text, f);
	fclose(f);
	remember(path);
}

static void make_dir(const char *path)
{
	if (mkdir(path, 0755) != 0)
		perror(path);
	remember(path);
}

static void cleanup(void)
{
	while (nmade > 0) {
		char *p = made[--nmade];
		if (remove(p) != 0)
			perror(p);
		free(p);
	}
	if (tmpdir[0] && rmdir(tmpdir) != 0)
		perror(tmpdir);
}

/* err contains needle; says what it was otherwise */
#define CHECK_HAS(err, needle)                                            \
	do {                                                              \
		if (!strstr((err), (needle))) {                           \
			printf("FAIL %s: %s:%d: \"%s\" lacks \"%s\"\n",   \
			       unit_cur, __FILE__, __LINE__, (err),       \
			       (needle));                                 \
			unit_cur_failed = 1;                              \
		}                                                         \
	} while (0)

static const struct esc_rule *find(const struct esc_rules *r, const char *n)
{
	const struct esc_rule *rule = esc_rules_find(r, n);
	if (!rule)
		printf("  (no rule for %s)\n", n);
	return rule;
}

/* ------------------------------------------------------------------ */
/* The shipped rules                                                   */

static const char *shipped[] = {
	"string.json", "stdlib.json", "stdio.json", "posix-io.json",
	"files.json", "sockets.json", "time.json", "pthread.json",
	"process.json", "misc.json", "fortify.json", "glibc.json",
	"openmp.json", "sqlite3.json", "libevent.json",
};

TEST(every_shipped_file_loads)
{
	char err[1024], rel[256];
	size_t total = 0;
	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
		struct esc_rules *r = esc_rules_new();
		snprintf(rel, sizeof rel, "rules/%s", shipped[i]);
		int rc = esc_rules_load(r, at_root(rel), err, sizeof err);
		if (rc)
			printf("  %s\n", err);
		CHECK_EQ_INT(rc, 0);
		CHECK(esc_rules_count(r) > 0);
		total += esc_rules_count(r);
		esc_rules_free(r);
	}
	CHECK(total >= 250);
}

/* The directory loads, and no function is in two shipped files (which
   would make one silently override the other). */
TEST(shipped_directory)
{
	char err[1024], rel[256];
	size_t sum = 0;
	struct esc_rules *all = esc_rules_new();
	CHECK_EQ_INT(esc_rules_load(all, at_root("rules"), err, sizeof err), 0);
	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
		struct esc_rules *r = esc_rules_new();
		snprintf(rel, sizeof rel, "rules/%s", shipped[i]);
		esc_rules_load(r, at_root(rel), err, sizeof err);
		sum += esc_rules_count(r);
		esc_rules_free(r);
	}
	CHECK(esc_rules_count(all) >= 250);
	CHECK_EQ_INT(esc_rules_count(all), sum);
	esc_rules_free(all);
}

static struct esc_rules *shipped_rules(void)
{
	char err[1024];
	struct esc_rules *r = esc_rules_new();
	if (esc_rules_load(r, at_root("rules"), err, sizeof err))
		printf("  %s\n", err);
	return r;
}

TEST(spot_checks)
{
	struct esc_rules *rs = shipped_rules();
	const struct esc_rule *r;

	if ((r = find(rs, "memcpy"))) {
		CHECK_EQ_INT(r->nparams, 3);
		CHECK_EQ_INT(r->params[0], ESC_EFF_WRITE | ESC_EFF_RETURN);
		CHECK_EQ_INT(r->params[1], ESC_EFF_READ);
		CHECK_EQ_INT(r->params[2], 0);
		CHECK_EQ_INT(r->copy_from, 1);
		CHECK_EQ_INT(r->copy_to, 0);
		CHECK_EQ_INT(r->store_from, -1);
		CHECK(!r->returns_alloc);
		CHECK(!r->has_varargs);
		CHECK_STR(r->name, "memcpy");
		CHECK(r->file && strstr(r->file, "string.json"));
		CHECK(r->line > 1);
	}
	if ((r = find(rs, "strtol"))) {
		CHECK_EQ_INT(r->nparams, 3);
		CHECK_EQ_INT(r->params[0], ESC_EFF_READ);
		CHECK_EQ_INT(r->params[1], ESC_EFF_WRITE);
		CHECK_EQ_INT(r->store_from, 0);
		CHECK_EQ_INT(r->store_to, 1);
		CHECK_EQ_INT(r->copy_from, -1);
	}
	if ((r = find(rs, "setvbuf"))) {
		CHECK_EQ_INT(r->nparams, 4);
		CHECK(r->params[1] & ESC_EFF_KEEP);
		CHECK(!(r->params[0] & ESC_EFF_KEEP));
	}
	/* libgomp: a worksharing loop's bounds are out-parameters; the
	   region starts are not rules (call.cc calls the region's body) */
	r = find(rs, "GOMP_loop_nonmonotonic_dynamic_start");
	CHECK(r != NULL);
	if (r) {
		CHECK_EQ_INT(r->nparams, 6);
		CHECK_EQ_INT(r->params[4], ESC_EFF_WRITE);
		CHECK_EQ_INT(r->params[5], ESC_EFF_WRITE);
		CHECK(r->file && strstr(r->file, "openmp.json"));
	}
	CHECK(esc_rules_find(rs, "GOMP_parallel") == NULL);
	CHECK(esc_rules_find(rs, "GOMP_task") == NULL);
	if ((r = find(rs, "setbuf")))
		CHECK(r->params[1] & ESC_EFF_KEEP);
	if ((r = find(rs, "putenv"))) {
		CHECK_EQ_INT(r->nparams, 1);
		CHECK(r->params[0] & ESC_EFF_KEEP);
	}
	if ((r = find(rs, "setenv")))
		CHECK(!(r->params[0] & ESC_EFF_KEEP) &&
		      !(r->params[1] & ESC_EFF_KEEP));
	if ((r = find(rs, "pthread_create"))) {
		CHECK_EQ_INT(r->nparams, 4);
		CHECK_EQ_INT(r->params[3], ESC_EFF_THREAD);
		CHECK_EQ_INT(r->params[2], 0);
	}
	if ((r = find(rs, "pthread_setspecific"))) {
		CHECK_EQ_INT(r->nparams, 2);
		CHECK(r->params[1] & ESC_EFF_KEEP);
	}
	if ((r = find(rs, "printf"))) {
		CHECK_EQ_INT(r->nparams, 1);
		CHECK(r->has_varargs);
		CHECK_EQ_INT(r->varargs, ESC_EFF_READ);
	}
	if ((r = find(rs, "sscanf"))) {
		CHECK(r->has_varargs);
		CHECK_EQ_INT(r->varargs, ESC_EFF_WRITE);
	}
	if ((r = find(rs, "malloc"))) {
		CHECK(r->returns_alloc);
		CHECK_EQ_INT(r->params[0], 0);
	}
	if ((r = find(rs, "realloc"))) {
		CHECK(r->returns_alloc);
		CHECK_EQ_INT(r->params[0], ESC_EFF_FREE);
		CHECK_EQ_INT(r->copy_from, 0);
		CHECK_EQ_INT(r->copy_to, ESC_COPY_TO_RESULT);
	}
	if ((r = find(rs, "free")))
		CHECK_EQ_INT(r->params[0], ESC_EFF_FREE);
	if ((r = find(rs, "posix_memalign"))) {
		CHECK(!r->returns_alloc);
		CHECK_EQ_INT(r->params[0], ESC_EFF_WRITE);
	}
	if ((r = find(rs, "strchr")))
		CHECK(r->params[0] & ESC_EFF_RETURN);
	if ((r = find(rs, "strtok")))
		CHECK(r->params[0] & ESC_EFF_KEEP);
	if ((r = find(rs, "epoll_ctl")))
		CHECK_EQ_INT(r->params[3] & (ESC_EFF_KEEP | ESC_EFF_KEEP_CONTENT),
			     ESC_EFF_KEEP_CONTENT);
	if ((r = find(rs, "qsort"))) {
		CHECK_EQ_INT(r->params[0], ESC_EFF_READ | ESC_EFF_WRITE);
		CHECK_EQ_INT(r->params[3], 0);
	}
	if ((r = find(rs, "open"))) {
		CHECK(r->has_varargs);
		CHECK_EQ_INT(r->varargs, 0);
	}
	if ((r = find(rs, "fcntl")))
		CHECK_EQ_INT(r->varargs, ESC_EFF_READ | ESC_EFF_WRITE);
	if ((r = find(rs, "__printf_chk"))) {
		CHECK_EQ_INT(r->nparams, 2);
		CHECK_EQ_INT(r->params[1], ESC_EFF_READ);
		CHECK(r->has_varargs);
	}
	if ((r = find(rs, "__memcpy_chk"))) {
		CHECK_EQ_INT(r->nparams, 4);
		CHECK_EQ_INT(r->copy_from, 1);
		CHECK_EQ_INT(r->copy_to, 0);
	}
	CHECK(find(rs, "__assert_fail") != NULL);
	CHECK(find(rs, "__errno_location") != NULL);
	CHECK(find(rs, "__stack_chk_fail") != NULL);
	CHECK(esc_rules_find(rs, "no_such_function_anywhere") == NULL);
	CHECK(esc_rules_find(rs, NULL) == NULL);
	esc_rules_free(rs);
}

TEST(rule_effect)
{
	struct esc_rules *rs = shipped_rules();
	const struct esc_rule *r;

	if ((r = find(rs, "printf"))) {
		CHECK_EQ_INT(esc_rule_effect(r, 0), ESC_EFF_READ);
		CHECK_EQ_INT(esc_rule_effect(r, 1), ESC_EFF_READ);
		CHECK_EQ_INT(esc_rule_effect(r, 7), ESC_EFF_READ);
		CHECK_EQ_INT(esc_rule_effect(r, -1), -1);
	}
	if ((r = find(rs, "memcpy"))) {
		CHECK_EQ_INT(esc_rule_effect(r, 0), ESC_EFF_WRITE | ESC_EFF_RETURN);
		CHECK_EQ_INT(esc_rule_effect(r, 2), 0);
		CHECK_EQ_INT(esc_rule_effect(r, 3), -1);
	}
	if ((r = find(rs, "open")))
		CHECK_EQ_INT(esc_rule_effect(r, 2), 0);
	if ((r = find(rs, "scanf")))
		CHECK_EQ_INT(esc_rule_effect(r, 3), ESC_EFF_WRITE);
	CHECK_EQ_INT(esc_rule_effect(NULL, 0), -1);
	esc_rules_free(rs);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

TEST(later_file_overrides)
{
	char err[1024];
	struct esc_rules *rs = esc_rules_new();
	const struct esc_rule *r;

	make_dir(at_tmp("over"));
	/* loaded in strcmp order: 10-... before 20-... */
	write_file(at_tmp("over/20-user.json"),
		   "{ \"escape-rules\": 1, \"functions\": {\n"
		   "  \"f\": { \"params\": [\"keep\"] }\n"
		   "} }\n");
	write_file(at_tmp("over/10-base.json"),
		   "{ \"escape-rules\": 1, \"functions\": {\n"
		   "  \"g\": { \"params\": [] },\n"
		   "  \"f\": { \"params\": [\"read\", \"read\"] }\n"
		   "} }\n");
	write_file(at_tmp("over/notes.txt"), "not a rules file\n");
	write_file(at_tmp("over/.hidden.json"), "not even JSON\n");
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("over"), err, sizeof err), 0);
	CHECK_EQ_INT(esc_rules_count(rs), 2);
	if ((r = find(rs, "f"))) {
		CHECK_EQ_INT(r->nparams, 1);
		CHECK_EQ_INT(r->params[0], ESC_EFF_KEEP);
		CHECK(strstr(r->file, "over/20-user.json") != NULL);
		CHECK_EQ_INT(r->line, 2);
	}
	if ((r = find(rs, "g"))) {
		CHECK(strstr(r->file, "over/10-base.json") != NULL);
		CHECK_EQ_INT(r->line, 2);
	}

	/* a user file on top of the shipped rules replaces malloc */
	CHECK_EQ_INT(esc_rules_load(rs, at_root("rules"), err, sizeof err), 0);
	size_t n = esc_rules_count(rs);
	write_file(at_tmp("my-malloc.json"),
		   "{\n"
		   "  \"escape-rules\": 1,\n"
		   "  \"description\": \"a malloc that keeps its size\",\n"
		   "  \"functions\": {\n"
		   "    \"malloc\": { \"params\": [\"keep\"], \"doc\": \"odd\" }\n"
		   "  }\n"
		   "}\n");
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("my-malloc.json"), err,
				    sizeof err), 0);
	CHECK_EQ_INT(esc_rules_count(rs), n);
	if ((r = find(rs, "malloc"))) {
		CHECK(!r->returns_alloc);
		CHECK_EQ_INT(r->params[0], ESC_EFF_KEEP);
		CHECK_EQ_INT(r->line, 5);
	}
	esc_rules_free(rs);
}

TEST(directory_without_rules)
{
	char err[1024];
	struct esc_rules *rs = esc_rules_new();
	make_dir(at_tmp("none"));
	write_file(at_tmp("none/README"), "nothing\n");
	make_dir(at_tmp("none/sub.json"));
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("none"), err, sizeof err), 0);
	CHECK_EQ_INT(esc_rules_count(rs), 0);
	/* trailing slash */
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("none/"), err, sizeof err), 0);
	esc_rules_free(rs);
}

/* Loads path (relative to the repository) and expects -1 with err
   containing "FILE:LINE:" (line > 0) or "FILE: " and the words. */
static void expect_error(const char *path, int line, const char *w1,
			 const char *w2)
{
	char err[1024], where[1200];
	struct esc_rules *rs = esc_rules_new();

	memset(err, 'x', sizeof err);
	CHECK_EQ_INT(esc_rules_load(rs, path, err, sizeof err), -1);
	CHECK(memchr(err, '\0', sizeof err) != NULL);
	err[sizeof err - 1] = '\0';
	if (getenv("UNIT_VERBOSE"))
		printf("  %s\n", err);
	if (line > 0)
		snprintf(where, sizeof where, "%s:%d:", path, line);
	else
		snprintf(where, sizeof where, "%s: ", path);
	if (strncmp(err, where, strlen(where))) {
		printf("FAIL %s: \"%s\" does not start with \"%s\"\n", unit_cur,
		       err, where);
		unit_cur_failed = 1;
	}
	if (w1)
		CHECK_HAS(err, w1);
	if (w2)
		CHECK_HAS(err, w2);
	CHECK_EQ_INT(esc_rules_count(rs), 0);
	esc_rules_free(rs);
}

static const char *bad(const char *name)
{
	static char buf[8][1024];
	static int i;
	i = (i + 1) % 8;
	snprintf(buf[i], sizeof buf[i], "%s/testsuite/unit/rules-bad/%s",
		 root, name);
	return buf[i];
}

TEST(bad_not_json)
{
	expect_error(bad("not-json.json"), 4, "not valid JSON", NULL);
	/* with the column */
	char err[1024];
	struct esc_rules *rs = esc_rules_new();
	esc_rules_load(rs, bad("not-json.json"), err, sizeof err);
	CHECK_HAS(err, "not-json.json:4:32:");
	esc_rules_free(rs);
}

TEST(bad_top_level)
{
	expect_error(bad("top-array.json"), 1, "top level must be an object",
		     NULL);
}

TEST(bad_version)
{
	expect_error(bad("no-version.json"), 0, "missing \"escape-rules\"",
		     NULL);
	expect_error(bad("bad-version.json"), 3, "\"escape-rules\" must be 1",
		     NULL);
}

TEST(bad_functions)
{
	expect_error(bad("functions-not-object.json"), 3,
		     "\"functions\" is not an object", NULL);
}

TEST(bad_params)
{
	expect_error(bad("params-not-array.json"), 5, "function \"strdup\"",
		     "\"params\" is not an array");
}

TEST(bad_effect_not_string)
{
	expect_error(bad("effect-not-string.json"), 6, "function \"strncmp\"",
		     "params[2] is not a string");
}

TEST(bad_unknown_effect)
{
	char want[1200];
	snprintf(want, sizeof want,
		 "%s:5: function \"memcpy\": unknown effect \"rx\" in params[2]",
		 bad("unknown-effect.json"));
	expect_error(bad("unknown-effect.json"), 5, want, NULL);
}

TEST(bad_unknown_key)
{
	expect_error(bad("unknown-key.json"), 4, "function \"malloc\"",
		     "unknown key \"retruns\"");
}

TEST(bad_duplicate)
{
	expect_error(bad("duplicate.json"), 6, "\"strlen\"", "twice");
}

TEST(bad_index_out_of_range)
{
	expect_error(bad("copy-out-of-range.json"), 5, "function \"memmove\"",
		     "parameter index 3 out of range");
	expect_error(bad("store-out-of-range.json"), 5, "function \"strtoul\"",
		     "parameter index 5 out of range");
}

TEST(bad_empty)
{
	expect_error(bad("empty.json"), 0, "empty rules file", NULL);
	write_file(at_tmp("blank.json"), "  \n\t\n");
	expect_error(at_tmp("blank.json"), 0, "empty rules file", NULL);
}

TEST(bad_missing_and_unreadable)
{
	expect_error(at_tmp("no-such-file.json"), 0,
		     "No such file or directory", NULL);
	expect_error(at_tmp("no-such-dir/x.json"), 0,
		     "No such file or directory", NULL);

	/* a dangling symlink given directly, and inside a directory: the
	   message names the link */
	if (symlink(at_tmp("nowhere.json"), at_tmp("dangling.json")) == 0) {
		remember(at_tmp("dangling.json"));
		expect_error(at_tmp("dangling.json"), 0,
			     "No such file or directory", NULL);
	} else {
		CHECK(!"symlink");
	}
	make_dir(at_tmp("broken"));
	write_file(at_tmp("broken/a.json"),
		   "{ \"escape-rules\": 1, \"functions\": {} }\n");
	if (symlink(at_tmp("nowhere.json"), at_tmp("broken/b.json")) == 0) {
		remember(at_tmp("broken/b.json"));
		char err[1024];
		struct esc_rules *rs = esc_rules_new();
		CHECK_EQ_INT(esc_rules_load(rs, at_tmp("broken"), err,
					    sizeof err), -1);
		CHECK_HAS(err, "broken/b.json: No such file or directory");
		esc_rules_free(rs);
	} else {
		CHECK(!"symlink");
	}
}

/* More mistakes, each in a file of its own; line is that of the
   function or key in the text. */
static void expect_text_error(const char *text, int line, const char *w1,
			      const char *w2)
{
	static int n;
	char name[64];
	snprintf(name, sizeof name, "inline-%d.json", n++);
	write_file(at_tmp(name), text);
	expect_error(at_tmp(name), line, w1, w2);
}

#define HEAD "{\n  \"escape-rules\": 1,\n  \"functions\": {\n"
#define TAIL "\n  }\n}\n"

static void count_loop(const char *name, const struct esc_rule *r, void *ctx)
{
	(void)name;
	(void)r;
	++*(int *)ctx;
}

/* "loop": an event loop's part (drains, exits, links, binds); a rule
   with only "loop" is no model (esc_rules_find does not give it),
   esc_rules_loop and esc_rules_each_loop (of its file) do; bad ones are
   errors naming the key. */
TEST(loop)
{
	char err[1024];
	write_file(at_tmp("loop.json"), HEAD
		   "    \"disp\": { \"loop\": { \"drains\": 0 } },\n"
		   "    \"ldisp\": { \"loop\": { \"drains\": \"default\" } },\n"
		   "    \"brk\": { \"loop\": { \"exits\": 0 }, \"doc\": \"x\" },\n"
		   "    \"add\": { \"loop\": { \"links\": [0, \"bound\"] } },\n"
		   "    \"once\": { \"loop\": { \"links\": [4, 0] } },\n"
		   "    \"set\": { \"loop\": { \"binds\": [0, \"default\"] } },\n"
		   "    \"init\": { \"loop\": {} },\n"
		   "    \"newev\": { \"loop\": { \"binds\": [\"result\", 0] } },\n"
		   "    \"ffin\": { \"loop\": { \"links\": [1, \"bound\"], \"frees\": true } },\n"
		   "    \"lp\": { \"loop\": { \"drains\": 0, \"unless\": [1, 3] } },\n"
		   "    \"asg\": { \"loop\": { \"binds\": [0, 1], \"fires\": [4, 3, 16] } },\n"
		   "    \"keep\": { \"params\": [\"keep\", \"none\"], \"loop\": { \"binds\": [0, 1] } }" TAIL);
	struct esc_rules *rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("loop.json"), err, sizeof err), 0);
	CHECK(!esc_rules_find(rs, esc_intern("disp")));
	const struct esc_rule *r = esc_rules_loop(rs, esc_intern("disp"));
	CHECK(r && r->fmt_only && r->loop_drains == 0 && r->loop_exits == ESC_LOOP_NONE &&
	      r->links_obj == ESC_LOOP_NONE && r->binds_obj == ESC_LOOP_NONE);
	r = esc_rules_loop(rs, esc_intern("ldisp"));
	CHECK(r && r->loop_drains == ESC_LOOP_DEFAULT);
	r = esc_rules_loop(rs, esc_intern("brk"));
	CHECK(r && r->loop_exits == 0 && r->loop_drains == ESC_LOOP_NONE);
	r = esc_rules_loop(rs, esc_intern("add"));
	CHECK(r && r->links_obj == 0 && r->links_handle == ESC_LOOP_BOUND);
	r = esc_rules_loop(rs, esc_intern("once"));
	CHECK(r && r->links_obj == 4 && r->links_handle == 0);
	r = esc_rules_loop(rs, esc_intern("set"));
	CHECK(r && r->binds_obj == 0 && r->binds_handle == ESC_LOOP_DEFAULT);
	r = esc_rules_loop(rs, esc_intern("init"));
	CHECK(r && r->loop && r->loop_drains == ESC_LOOP_NONE && r->links_obj == ESC_LOOP_NONE);
	r = esc_rules_find(rs, esc_intern("keep"));
	CHECK(r && !r->fmt_only && r->binds_obj == 0 && r->binds_handle == 1 &&
	      esc_rules_loop(rs, esc_intern("keep")) == r);
	CHECK(!esc_rules_loop(rs, esc_intern("nosuch")));
	r = esc_rules_loop(rs, esc_intern("newev"));
	CHECK(r && r->binds_obj == ESC_LOOP_RESULT && r->binds_handle == 0 && !r->loop_frees);
	r = esc_rules_loop(rs, esc_intern("ffin"));
	CHECK(r && r->links_obj == 1 && r->links_handle == ESC_LOOP_BOUND && r->loop_frees);
	CHECK(r->unless_arg == ESC_LOOP_NONE && r->fires_cb == ESC_LOOP_NONE);
	r = esc_rules_loop(rs, esc_intern("lp"));
	CHECK(r && r->loop_drains == 0 && r->unless_arg == 1 && r->unless_mask == 3 &&
	      r->fires_cb == ESC_LOOP_NONE);
	r = esc_rules_loop(rs, esc_intern("asg"));
	CHECK(r && r->binds_obj == 0 && r->fires_cb == 4 && r->fires_events == 3 &&
	      r->fires_mask == 16 && r->unless_arg == ESC_LOOP_NONE);
	int n = 0;
	esc_rules_each_loop(rs, r->file, count_loop, &n);
	CHECK_EQ_INT(n, 12);
	esc_rules_free(rs);

	static const char *const bad_loops[][2] = {
		{ "{ \"loop\": 3 }", "must be an object" },
		{ "{ \"loop\": { \"drain\": 0 } }", "unknown key \"drain\"" },
		{ "{ \"loop\": { \"drains\": \"bound\" } }", "unknown handle \"bound\"" },
		{ "{ \"loop\": { \"links\": 0 } }", "must be [object, handle]" },
		{ "{ \"loop\": { \"frees\": 1 } }", "\"frees\" can only be true" },
		{ "{ \"loop\": { \"links\": [\"result\", 0] } }", "parameter indices" },
		{ "{ \"params\": [\"none\"], \"loop\": { \"exits\": 1 } }", "out of range" },
		{ "{ \"loop\": { \"drains\": 0, \"unless\": [1] } }", "\"unless\" must be [arg, mask]" },
		{ "{ \"loop\": { \"drains\": 0, \"unless\": [1, -1] } }", "\"unless\" must be [arg, mask]" },
		{ "{ \"loop\": { \"unless\": [1, 3] } }", "\"unless\" needs \"drains\"" },
		{ "{ \"loop\": { \"binds\": [0, 1], \"fires\": [4, 3] } }", "\"fires\" must be [cb, events, mask]" },
		{ "{ \"loop\": { \"exits\": 0, \"fires\": [4, 3, 16] } }", "\"fires\" needs \"binds\" or \"links\"" },
		{ "{ \"params\": [\"none\", \"none\"], \"loop\": { \"binds\": [0, 1], \"fires\": [4, 1, 16] } }", "out of range" },
	};
	for (size_t i = 0; i < sizeof bad_loops / sizeof *bad_loops; i++) {
		char text[512];
		snprintf(text, sizeof text, HEAD "    \"f\": %s" TAIL, bad_loops[i][0]);
		write_file(at_tmp("badloop.json"), text);
		rs = esc_rules_new();
		CHECK_EQ_INT(esc_rules_load(rs, at_tmp("badloop.json"), err, sizeof err), -1);
		CHECK_HAS(err, bad_loops[i][1]);
		esc_rules_free(rs);
	}
}

/* "format": [param, "letters"] (esc_rule.fmt_keep): a rule with only
   it is no model of the function (esc_rules_find does not give it),
   esc_rules_format does; which argument a conversion consumes
   (esc_format_arg). */
TEST(format)
{
	char err[1024];
	write_file(at_tmp("format.json"), HEAD
		   "    \"vappend\": { \"format\": [1, \"z\"], \"doc\": \"x\" },\n"
		   "    \"mprintf\": { \"params\": [\"read\"], \"...\": \"keep\",\n"
		   "                 \"format\": [0, \"zT\"] }" TAIL);
	struct esc_rules *rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("format.json"), err, sizeof err), 0);
	CHECK(!esc_rules_find(rs, esc_intern("vappend")));
	const struct esc_rule *r = esc_rules_format(rs, esc_intern("vappend"));
	CHECK(r && r->fmt_only && r->fmt_param == 1 && !strcmp(r->fmt_keep, "z"));
	r = esc_rules_find(rs, esc_intern("mprintf"));
	CHECK(r && !r->fmt_only && r->fmt_param == 0 && !strcmp(r->fmt_keep, "zT"));
	CHECK(esc_rules_format(rs, esc_intern("mprintf")) == r);
	CHECK(!esc_rules_format(rs, esc_intern("nosuch")));
	esc_rules_free(rs);

	CHECK_EQ_INT(esc_format_arg("%s %z", 0, "z"), 0);
	CHECK_EQ_INT(esc_format_arg("%s %z", 1, "z"), 1);
	CHECK_EQ_INT(esc_format_arg("%s %z", 2, "z"), 0);   /* never read */
	CHECK_EQ_INT(esc_format_arg("%%z %z", 0, "z"), 1);  /* %% none */
	CHECK_EQ_INT(esc_format_arg("%*.*z", 0, "z"), 0);   /* the width */
	CHECK_EQ_INT(esc_format_arg("%*.*z", 1, "z"), 0);   /* the precision */
	CHECK_EQ_INT(esc_format_arg("%*.*z", 2, "z"), 1);
	CHECK_EQ_INT(esc_format_arg("%-!,08.3lld%z", 1, "z"), 1);
	CHECK_EQ_INT(esc_format_arg("%zu %s", 0, "s"), 0);  /* C99's z modifier */
	CHECK_EQ_INT(esc_format_arg("%zu %s", 1, "s"), 1);
	CHECK_EQ_INT(esc_format_arg("%1$s", 0, "s"), -1);   /* positional */
	CHECK_EQ_INT(esc_format_arg("%m %s", 0, "s"), -1);  /* glibc: no argument */
	CHECK_EQ_INT(esc_format_arg("%", 0, "s"), -1);
	CHECK_EQ_INT(esc_format_arg("abc", 0, "s"), 0);

	expect_text_error(HEAD "    \"f\": { \"format\": [1] }" TAIL,
			  4, "\"format\" must be [param, \"letters\"]", NULL);
	expect_text_error(HEAD "    \"f\": { \"format\": [0, \"%z\"] }" TAIL,
			  4, "not a list of conversion letters", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [\"read\"], \"format\": [1, \"z\"] }" TAIL,
			  4, "parameter index 1 out of range", NULL);
	expect_text_error(HEAD "    \"f\": { \"format\": [0, \"z\"], \"...\": \"keep\" }" TAIL,
			  4, "missing \"params\"", NULL);
}

TEST(bad_more)
{
	expect_text_error(HEAD "    \"f\": { \"params\": [\"none+read\"] }" TAIL,
			  4, "\"none\" combined", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [\"read+read\"] }" TAIL,
			  4, "repeated", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [\"read+\"] }" TAIL,
			  4, "unknown effect \"\"", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [\"\"] }" TAIL,
			  4, "unknown effect \"\"", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [], \"...\": \"rw\" }" TAIL,
			  4, "unknown effect \"rw\" in \"...\"", NULL);
	expect_text_error(HEAD "    \"f\": { \"...\": \"read\" }" TAIL,
			  4, "missing \"params\"", NULL);
	expect_text_error(HEAD "    \"f\": [\"read\"]" TAIL,
			  4, "must be an object", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [], \"returns\": \"heap\" }" TAIL,
			  4, "\"returns\" can only be \"alloc\"", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [\"read\"], \"copy\": [0, \"result\"] }" TAIL,
			  4, "needs \"returns\": \"alloc\"", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [\"read\", \"write\"], \"store\": [0, \"result\"] }" TAIL,
			  4, "\"store\" must be [from, to]", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [\"read\", \"write\"], \"copy\": [0] }" TAIL,
			  4, "\"copy\" must be [from, to]", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [\"read\", \"write\"], \"copy\": [-1, 0] }" TAIL,
			  4, "parameter index -1 out of range", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [\"read\", \"write\"], \"copy\": [0, 1.0] }" TAIL,
			  4, "\"copy\" must be [from, to]", NULL);
	expect_text_error(HEAD "    \"f\": { \"params\": [], \"doc\": 1 }" TAIL,
			  4, "\"doc\" is not a string", NULL);
	expect_text_error(HEAD "    \"f g\": { \"params\": [] }" TAIL,
			  4, "not a C identifier", NULL);
	expect_text_error(HEAD "    \"\": { \"params\": [] }" TAIL,
			  4, "not a C identifier", NULL);
	/* a function named like a key of rules still gets its own line */
	expect_text_error(HEAD "    \"a\": { \"params\": [], \"copy\": null },\n"
			  "    \"copy\": { \"params\": [\"x\"] }" TAIL,
			  4, "function \"a\"", NULL);
	expect_text_error(HEAD "    \"params\": { \"params\": [] },\n"
			  "    \"b\": { \"params\": [], \"params\": [] }" TAIL,
			  5, NULL, NULL);
	expect_text_error(HEAD "    \"doc\": { \"doc\": \"x\", \"params\": [] },\n"
			  "    \"copy\": { \"params\": [\"read\"], \"copy\": [0, 1] }" TAIL,
			  5, "function \"copy\"", "index 1 out of range");
	expect_text_error("{\n  \"escape-rules\": 1,\n  \"functions\": {},\n"
			  "  \"function\": {}\n}\n",
			  4, "unknown key \"function\"", NULL);
	expect_text_error("{ \"escape-rules\": \"1\", \"functions\": {} }",
			  1, "\"escape-rules\" must be 1", NULL);
	expect_text_error("{ \"escape-rules\": 1.0, \"functions\": {} }",
			  1, "\"escape-rules\" must be 1", NULL);
	expect_text_error("{ \"escape-rules\": 1 }", 0,
			  "missing \"functions\"", NULL);
	expect_text_error("{\n \"escape-rules\": 1,\n \"description\": [],\n"
			  " \"functions\": {} }", 3,
			  "\"description\" is not a string", NULL);
	expect_text_error("\"escape-rules\"", 1, "not valid JSON", NULL);
	expect_text_error("{ \"escape-rules\": 1, \"functions\": { \"f\": ",
			  1, "not valid JSON", NULL);
	/* a NUL byte in the text */
	static const char nul[] = "{ \"escape-rules\": 1, \"functions\": {} }";
	FILE *f = fopen(at_tmp("nul.json"), "w");
	if (f) {
		fwrite(nul, 1, 10, f);
		fputc('\0', f);
		fwrite(nul + 10, 1, sizeof nul - 11, f);
		fclose(f);
		remember(at_tmp("nul.json"));
		expect_error(at_tmp("nul.json"), 1, "not valid JSON", NULL);
	}
}

/* A bad file adds nothing, even the good rules before its mistake. */
TEST(bad_file_adds_nothing)
{
	char err[1024];
	struct esc_rules *rs = esc_rules_new();
	write_file(at_tmp("half.json"),
		   HEAD "    \"good\": { \"params\": [] },\n"
		   "    \"bad\": { \"params\": [\"jump\"] }" TAIL);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("half.json"), err, sizeof err),
		     -1);
	CHECK_EQ_INT(esc_rules_count(rs), 0);
	CHECK(esc_rules_find(rs, "good") == NULL);
	/* a tiny err buffer is still terminated */
	char small[8];
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("half.json"), small,
				    sizeof small), -1);
	CHECK(strlen(small) < sizeof small);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("half.json"), NULL, 0), -1);
	CHECK_EQ_INT(esc_rules_load(NULL, at_tmp("half.json"), err, sizeof err),
		     -1);
	CHECK_EQ_INT(esc_rules_load(rs, "", err, sizeof err), -1);
	esc_rules_free(rs);
}

TEST(huge_file)
{
	enum { N = 20000 };
	char err[1024];
	FILE *f = fopen(at_tmp("huge.json"), "w");
	if (!f) {
		CHECK(!"fopen");
		return;
	}
	remember(at_tmp("huge.json"));
	/* line 1: {, 2: version, 3: "functions": {, 4..: one function each */
	fprintf(f, "{\n  \"escape-rules\": 1,\n  \"functions\": {\n");
	for (int i = 0; i < N; i++)
		fprintf(f, "    \"fn_%d\": { \"params\": [\"read\", \"write+keep\", "
			"\"none\"], \"...\": \"read\", \"store\": [0, 1], "
			"\"doc\": \"generated %d\" }%s\n", i, i,
			i + 1 < N ? "," : "");
	fprintf(f, "  }\n}\n");
	fclose(f);

	struct esc_rules *rs = esc_rules_new();
	clock_t t0 = clock();
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("huge.json"), err, sizeof err),
		     0);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 10.0);
	CHECK_EQ_INT(esc_rules_count(rs), N);
	const struct esc_rule *r = find(rs, "fn_19999");
	if (r) {
		CHECK_EQ_INT(r->line, 4 + 19999);
		CHECK_EQ_INT(esc_rule_effect(r, 1),
			     ESC_EFF_WRITE | ESC_EFF_KEEP);
		CHECK_EQ_INT(esc_rule_effect(r, 9), ESC_EFF_READ);
	}
	if ((r = find(rs, "fn_0")))
		CHECK_EQ_INT(r->line, 4);
	if ((r = find(rs, "fn_12345")))
		CHECK_EQ_INT(r->line, 4 + 12345);
	/* loading it again replaces every rule */
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("huge.json"), err, sizeof err),
		     0);
	CHECK_EQ_INT(esc_rules_count(rs), N);
	esc_rules_free(rs);
}

/* ------------------------------------------------------------------ */
/* The index: rules parsed on lookup, from files known to be valid     */

static int same_rule(const struct esc_rule *a, const struct esc_rule *b)
{
	if (!a || !b)
		return a == b;
	if (a->nparams != b->nparams)
		return 0;
	for (int i = 0; i < a->nparams; i++)
		if (a->params[i] != b->params[i])
			return 0;
	return !strcmp(a->name, b->name) && a->has_varargs == b->has_varargs &&
	       a->varargs == b->varargs && a->returns_alloc == b->returns_alloc &&
	       a->copy_from == b->copy_from && a->copy_to == b->copy_to &&
	       a->store_from == b->store_from && a->store_to == b->store_to &&
	       a->loop == b->loop && a->loop_drains == b->loop_drains &&
	       a->loop_exits == b->loop_exits && a->links_obj == b->links_obj &&
	       a->links_handle == b->links_handle && a->binds_obj == b->binds_obj &&
	       a->binds_handle == b->binds_handle && a->loop_frees == b->loop_frees &&
	       a->unless_arg == b->unless_arg && a->unless_mask == b->unless_mask &&
	       a->fires_cb == b->fires_cb && a->fires_events == b->fires_events &&
	       a->fires_mask == b->fires_mask &&
	       !strcmp(a->file, b->file) && a->line == b->line;
}

static void slurp(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n = f ? fread(buf, 1, size - 1, f) : 0;
	buf[n] = '\0';
	if (f)
		fclose(f);
}

/* Every shipped rule, looked up through the index, is the rule parsed
   whole; nothing is parsed before its lookup. */
TEST(index_same_rules)
{
	char err[1024], rel[256];
	struct esc_rules *all = shipped_rules(), *lazy = esc_rules_new();

	CHECK_EQ_INT(esc_rules_write_index(at_root("rules"), at_tmp("a.idx"),
					   err, sizeof err), 0);
	remember(at_tmp("a.idx"));
	CHECK_EQ_INT(esc_rules_use_index(lazy, at_tmp("a.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(lazy, at_root("rules"), err, sizeof err), 0);
	CHECK_EQ_INT(esc_rules_count(lazy), esc_rules_count(all));
	CHECK_EQ_INT(esc_rules_parsed(lazy), 0);
	CHECK_EQ_INT(esc_rules_parsed(all), esc_rules_count(all));
	CHECK(find(lazy, "memcpy") != NULL);
	CHECK_EQ_INT(esc_rules_parsed(lazy), 1);
	size_t n = 0, differ = 0;
	for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
		json_error_t je;
		const char *name;
		json_t *v;
		snprintf(rel, sizeof rel, "rules/%s", shipped[i]);
		json_t *doc = json_load_file(at_root(rel), 0, &je);
		json_object_foreach(json_object_get(doc, "functions"), name, v) {
			n++;
			if (!same_rule(esc_rules_find(all, name),
				       esc_rules_find(lazy, name)) ||
			    !same_rule(esc_rules_loop(all, name),
				       esc_rules_loop(lazy, name))) {
				printf("  %s differs\n", name);
				differ++;
			}
		}
		json_decref(doc);
	}
	CHECK(n >= esc_rules_count(all));
	CHECK_EQ_INT(differ, 0);
	CHECK_EQ_INT(esc_rules_parsed(lazy), esc_rules_count(all));
	CHECK(esc_rules_error(lazy) == NULL);
	/* an indexed file loaded again (its names are already cut out of
	   the index) replaces its rules with the same ones, unparsed */
	CHECK_EQ_INT(esc_rules_load(lazy, at_root("rules/string.json"), err,
				    sizeof err), 0);
	CHECK_EQ_INT(esc_rules_count(lazy), esc_rules_count(all));
	CHECK(esc_rules_parsed(lazy) < esc_rules_count(all));
	CHECK(same_rule(esc_rules_find(all, "memcpy"),
			esc_rules_find(lazy, "memcpy")));
	CHECK(same_rule(esc_rules_find(all, "strtol"),
			esc_rules_find(lazy, "strtol")));
	esc_rules_free(all);
	esc_rules_free(lazy);
}

/* An edited file is parsed whole, as without an index: its new rules,
   and the same error when the edit broke it. */
TEST(index_edited_file)
{
	char err[1024], err2[1024];
	const struct esc_rule *r;

	make_dir(at_tmp("ix"));
	write_file(at_tmp("ix/a.json"), HEAD
		   "    \"f\": { \"params\": [\"read\"] },\n"
		   "    \"g\": { \"params\": [\"keep\"] }" TAIL);
	CHECK_EQ_INT(esc_rules_write_index(at_tmp("ix"), at_tmp("ix.idx"),
					   err, sizeof err), 0);
	remember(at_tmp("ix.idx"));

	/* the same size, one effect changed */
	write_file(at_tmp("ix/a.json"), HEAD
		   "    \"f\": { \"params\": [\"read\"] },\n"
		   "    \"g\": { \"params\": [\"read\"] }" TAIL);
	struct esc_rules *rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ix.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ix"), err, sizeof err), 0);
	CHECK_EQ_INT(esc_rules_parsed(rs), 2);
	if ((r = find(rs, "g")))
		CHECK_EQ_INT(r->params[0], ESC_EFF_READ);
	esc_rules_free(rs);

	/* broken: the error of a load without the index, at once */
	write_file(at_tmp("ix/a.json"), HEAD
		   "    \"f\": { \"params\": [\"read\"] },\n"
		   "    \"g\": { \"params\": [\"kept\"] }" TAIL);
	rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ix.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ix"), err, sizeof err), -1);
	CHECK_EQ_INT(esc_rules_count(rs), 0);
	esc_rules_free(rs);
	rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ix"), err2, sizeof err2), -1);
	CHECK_STR(err, err2);
	CHECK_HAS(err, "ix/a.json:5: function \"g\": unknown effect \"kept\"");
	esc_rules_free(rs);
}

/* An indexed file is not held in memory until a rule of it is looked
   up; then its bytes are read again and must be those indexed.  Changed
   in place in between: an error, and none of its rules used (never rules
   parsed from bytes other than those checked).  Replaced by a new file
   (as editors save): the file loaded is still the one read. */
TEST(index_file_changed_after_load)
{
	char err[1024];
	const struct esc_rule *r;
	const char *a = HEAD "    \"f\": { \"params\": [\"read\"] },\n"
			"    \"g\": { \"params\": [\"keep\"] }" TAIL;
	const char *b = HEAD "    \"f\": { \"params\": [\"keep\"] },\n"
			"    \"g\": { \"params\": [\"read\"] }" TAIL;

	make_dir(at_tmp("ixc"));
	write_file(at_tmp("ixc/a.json"), a);
	CHECK_EQ_INT(esc_rules_write_index(at_tmp("ixc"), at_tmp("ixc.idx"),
					   err, sizeof err), 0);
	remember(at_tmp("ixc.idx"));

	struct esc_rules *rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixc.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixc"), err, sizeof err), 0);
	CHECK_EQ_INT(esc_rules_parsed(rs), 0);
	write_file(at_tmp("ixc/a.json"), b); /* in place, the same size */
	CHECK(find(rs, "g") == NULL);
	CHECK(find(rs, "f") == NULL);
	CHECK(esc_rules_error(rs) != NULL);
	if (esc_rules_error(rs))
		CHECK_HAS(esc_rules_error(rs), "ixc/a.json: changed since it "
			  "was loaded");
	esc_rules_free(rs);

	write_file(at_tmp("ixc/a.json"), a);
	rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixc.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixc"), err, sizeof err), 0);
	FILE *f = fopen(at_tmp("ixc/new.tmp"), "w"); /* not remembered */
	CHECK(f != NULL);
	if (f) {
		fputs(b, f);
		fclose(f);
	}
	CHECK_EQ_INT(rename(at_tmp("ixc/new.tmp"), at_tmp("ixc/a.json")), 0);
	if ((r = find(rs, "g")))
		CHECK_EQ_INT(r->params[0], ESC_EFF_KEEP);
	CHECK(r != NULL);
	CHECK(esc_rules_error(rs) == NULL);
	esc_rules_free(rs);
}

/* Sets path's modification time to (sec, nsec) seconds ago. */
static void set_mtime_ago(const char *path, long sec, long nsec)
{
	struct timespec t[2];
	clock_gettime(CLOCK_REALTIME, &t[0]);
	t[0].tv_sec -= sec;
	t[0].tv_nsec = nsec;
	t[1] = t[0];
	CHECK_EQ_INT(utimensat(AT_FDCWD, path, t, 0), 0);
}

/* A file the index read STAT_MARGIN (5) seconds or more after it was
   last written is known by its name, size and time, without being
   opened at load: bytes changed behind a time set back by hand are found
   when a rule of it is first looked up (an error, none of its rules
   used), where a load that read the file would have parsed it whole.  A
   real edit (a new time) is parsed whole, as without an index; a file
   written just before the index was made has no time in it. */
TEST(index_known_by_stat)
{
	char err[1024], idx[4096];
	const struct esc_rule *r;
	const char *a = HEAD "    \"f\": { \"params\": [\"read\"] },\n"
			"    \"g\": { \"params\": [\"keep\"] }" TAIL;
	const char *b = HEAD "    \"f\": { \"params\": [\"keep\"] },\n"
			"    \"g\": { \"params\": [\"read\"] }" TAIL;
	struct stat st;

	make_dir(at_tmp("ixs"));
	write_file(at_tmp("ixs/a.json"), a);
	set_mtime_ago(at_tmp("ixs/a.json"), 60, 123456789);
	write_file(at_tmp("ixs/new.json"), HEAD /* just written */
		   "    \"h\": { \"params\": [\"read\"] }" TAIL);
	CHECK_EQ_INT(esc_rules_write_index(at_tmp("ixs"), at_tmp("ixs.idx"),
					   err, sizeof err), 0);
	remember(at_tmp("ixs.idx"));
	slurp(at_tmp("ixs.idx"), idx, sizeof idx);
	CHECK(stat(at_tmp("ixs/a.json"), &st) == 0);
	char line[128];
	snprintf(line, sizeof line, " %lld%09ld a.json\n",
		 (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
	CHECK_HAS(idx, line);
	CHECK_HAS(idx, " 0 -\n");

	/* untouched: its rules, parsed on lookup */
	struct esc_rules *rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixs.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixs"), err, sizeof err), 0);
	CHECK_EQ_INT(esc_rules_parsed(rs), 0);
	if ((r = find(rs, "g")))
		CHECK_EQ_INT(r->params[0], ESC_EFF_KEEP);
	CHECK(r != NULL);
	CHECK(esc_rules_error(rs) == NULL);
	esc_rules_free(rs);

	/* the same size, its time set back to the indexed one: not read at
	   load, so the change is found at the lookup */
	write_file(at_tmp("ixs/a.json"), b);
	struct timespec t[2] = { st.st_mtim, st.st_mtim };
	CHECK_EQ_INT(utimensat(AT_FDCWD, at_tmp("ixs/a.json"), t, 0), 0);
	rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixs.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixs"), err, sizeof err), 0);
	CHECK_EQ_INT(esc_rules_parsed(rs), 0);
	r = find(rs, "g");
	CHECK(r == NULL || r->params[0] == ESC_EFF_READ);
	CHECK(esc_rules_error(rs) != NULL);
	if (esc_rules_error(rs))
		CHECK_HAS(esc_rules_error(rs), "ixs/a.json: changed since it "
			  "was loaded");
	esc_rules_free(rs);

	/* a real edit, the same size: parsed whole, its new rules */
	write_file(at_tmp("ixs/a.json"), b);
	rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixs.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixs"), err, sizeof err), 0);
	CHECK_EQ_INT(esc_rules_parsed(rs), 2);
	if ((r = find(rs, "g")))
		CHECK_EQ_INT(r->params[0], ESC_EFF_READ);
	CHECK(r != NULL);
	CHECK(esc_rules_error(rs) == NULL);
	esc_rules_free(rs);
}

/* Is path mapped into this process (/proc/self/maps)? */
static int mapped(const char *path)
{
	char line[1024];
	int found = 0;
	FILE *f = fopen("/proc/self/maps", "r");
	while (f && fgets(line, sizeof line, f))
		if (strstr(line, path))
			found = 1;
	if (f)
		fclose(f);
	return found;
}

/* The index is mapped, not read into the heap (a unit that looks nothing
   up holds none of it privately), and unmapped with its rules; one whose
   size is a multiple of the page size (no NUL would follow its bytes in
   the mapping) is read, and works the same. */
TEST(index_mapped)
{
	char err[1024], idx[8192];
	const struct esc_rule *r;
	long page = sysconf(_SC_PAGESIZE);

	make_dir(at_tmp("ixm"));
	write_file(at_tmp("ixm/a.json"), HEAD
		   "    \"f\": { \"params\": [\"keep\"] }" TAIL);
	CHECK_EQ_INT(esc_rules_write_index(at_tmp("ixm"), at_tmp("ixm.idx"),
					   err, sizeof err), 0);
	remember(at_tmp("ixm.idx"));
	struct esc_rules *rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixm.idx")), 0);
	CHECK(mapped(at_tmp("ixm.idx")));
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixm"), err, sizeof err), 0);
	if ((r = find(rs, "f")))
		CHECK_EQ_INT(r->params[0], ESC_EFF_KEEP);
	CHECK(r != NULL);
	esc_rules_free(rs);
	CHECK(!mapped(at_tmp("ixm.idx")));

	/* padded to the page size by a file line of no functions */
	slurp(at_tmp("ixm.idx"), idx, sizeof idx);
	size_t n = strlen(idx), line = strlen("file 1 1 0 0 0 \n");
	CHECK(page > 0 && n + line + 1 <= (size_t)page && (size_t)page < sizeof idx);
	if (page > 0 && n + line + 1 <= (size_t)page && (size_t)page < sizeof idx) {
		char *o = idx + n;
		o += sprintf(o, "file 1 1 0 0 0 ");
		memset(o, 'p', (size_t)page - n - line);
		o += (size_t)page - n - line;
		*o++ = '\n';
		*o = 0;
		CHECK_EQ_INT((long)strlen(idx), page);
		write_file(at_tmp("ixm.idx"), idx);
		rs = esc_rules_new();
		CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixm.idx")), 0);
		CHECK(!mapped(at_tmp("ixm.idx")));
		CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixm"), err, sizeof err), 0);
		CHECK_EQ_INT(esc_rules_parsed(rs), 0);
		if ((r = find(rs, "f")))
			CHECK_EQ_INT(r->params[0], ESC_EFF_KEEP);
		CHECK(r != NULL);
		esc_rules_free(rs);
	}
}

/* Indexed and parsed files override each other in load order. */
TEST(index_override_order)
{
	char err[1024];
	const struct esc_rule *r;

	make_dir(at_tmp("ixo"));
	write_file(at_tmp("ixo/base.json"), HEAD
		   "    \"f\": { \"params\": [\"read\"] }" TAIL);
	write_file(at_tmp("user.json"), HEAD
		   "    \"f\": { \"params\": [\"keep\", \"read\"] }" TAIL);
	CHECK_EQ_INT(esc_rules_write_index(at_tmp("ixo"), at_tmp("ixo.idx"),
					   err, sizeof err), 0);
	remember(at_tmp("ixo.idx"));
	for (int user_last = 0; user_last < 2; user_last++) {
		struct esc_rules *rs = esc_rules_new();
		CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixo.idx")), 0);
		CHECK_EQ_INT(esc_rules_load(rs, at_tmp(user_last ? "ixo" :
						       "user.json"),
					    err, sizeof err), 0);
		CHECK_EQ_INT(esc_rules_load(rs, at_tmp(user_last ? "user.json" :
						       "ixo"),
					    err, sizeof err), 0);
		CHECK_EQ_INT(esc_rules_count(rs), 1);
		if ((r = find(rs, "f")))
			CHECK_EQ_INT(r->nparams, user_last ? 2 : 1);
		esc_rules_free(rs);
	}
	/* indexed, parsed, indexed again, nothing looked up in between
	   (the indexed files' functions enter the table on the lookup) */
	struct esc_rules *rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixo.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixo"), err, sizeof err), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("user.json"), err, sizeof err),
		     0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixo"), err, sizeof err), 0);
	if ((r = find(rs, "f")))
		CHECK_EQ_INT(r->nparams, 1);
	CHECK_EQ_INT(esc_rules_count(rs), 1);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("user.json"), err, sizeof err),
		     0);
	if ((r = find(rs, "f")))
		CHECK_EQ_INT(r->nparams, 2);
	esc_rules_free(rs);
}

/* A bad index is not used (the files are parsed whole); nor are a file's
   bad function lines, found when its functions enter the table; a bad
   rules file writes no index. */
TEST(index_bad)
{
	char err[1024], text[4096], *p;
	struct esc_rules *rs;

	make_dir(at_tmp("ixb"));
	write_file(at_tmp("ixb/a.json"), HEAD
		   "    \"f\": { \"params\": [\"read\"] },\n"
		   "    \"g\": { \"params\": [\"keep\"] }" TAIL);
	CHECK_EQ_INT(esc_rules_write_index(at_tmp("ixb"), at_tmp("ixb.idx"),
					   err, sizeof err), 0);
	remember(at_tmp("ixb.idx"));
	slurp(at_tmp("ixb.idx"), text, sizeof text);

	/* another loader's, truncated, an offset past the file, garbage */
	const char *bad_texts[4];
	char stamp[4096], cut[4096], past[4096];
	snprintf(stamp, sizeof stamp, "%s", text);
	if ((p = strchr(stamp, '\n')))
		p[1] = 'X';
	snprintf(cut, sizeof cut, "%.*s", (int)strlen(text) - 4, text);
	snprintf(past, sizeof past, "%s", text);
	int gline, goff, glen;
	int damaged = 0;
	if ((p = strstr(past, "\ng ")) &&
	    sscanf(p + 3, "%d %d %d", &gline, &goff, &glen) == 3) {
		/* g's offset all 9s: its rule past the end of the file, its
		   line as long as before (the index has the lines' length) */
		for (p = strchr(p + 3, ' ') + 1; *p != ' '; p++)
			*p = '9';
		damaged = 1;
	}
	bad_texts[0] = stamp;
	bad_texts[1] = cut;
	bad_texts[2] = past;
	bad_texts[3] = "escape-rules-index 1\n";
	CHECK(damaged);
	for (int i = 0; i < 4; i++) {
		const struct esc_rule *r;
		write_file(at_tmp("bad.idx"), bad_texts[i]);
		rs = esc_rules_new();
		/* the past offset is in a function line: found on the fill */
		CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("bad.idx")),
			     i == 2 ? 0 : -1);
		CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixb"), err, sizeof err),
			     0);
		CHECK_EQ_INT(esc_rules_parsed(rs), 2);
		CHECK((r = find(rs, "g")) != NULL);
		if (r)
			CHECK_EQ_INT(r->params[0], ESC_EFF_KEEP);
		CHECK(esc_rules_error(rs) == NULL);
		esc_rules_free(rs);
	}
	rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("no-such.idx")), -1);
	esc_rules_free(rs);

	CHECK_EQ_INT(esc_rules_write_index(bad("unknown-effect.json"),
					   at_tmp("never.idx"), err,
					   sizeof err), -1);
	CHECK_HAS(err, "unknown-effect.json:5: function \"memcpy\"");
	CHECK(access(at_tmp("never.idx"), F_OK) != 0);
	CHECK(access(at_tmp("never.idx.tmp"), F_OK) != 0);
}

/* A rule whose indexed bytes do not parse (a forged index: only a hash
   collision could do it) is not found, and says why. */
TEST(index_lazy_error)
{
	char err[1024], text[4096], *p;
	const struct esc_rule *r;

	make_dir(at_tmp("ixl"));
	write_file(at_tmp("ixl/a.json"), HEAD
		   "    \"f\": { \"params\": [\"read\"] },\n"
		   "    \"g\": { \"params\": [\"keep\"] }" TAIL);
	CHECK_EQ_INT(esc_rules_write_index(at_tmp("ixl"), at_tmp("ixl.idx"),
					   err, sizeof err), 0);
	remember(at_tmp("ixl.idx"));
	slurp(at_tmp("ixl.idx"), text, sizeof text);
	/* g's rule starts a byte late: '"params"...' */
	int line, off, len;
	if (!(p = strstr(text, "\ng ")) ||
	    sscanf(p + 3, "%d %d %d", &line, &off, &len) != 3) {
		CHECK(!"g in the index");
		return;
	}
	sprintf(p + 3, "%d %d %d\n", line, off + 1, len - 1);
	write_file(at_tmp("ixl.idx"), text);
	struct esc_rules *rs = esc_rules_new();
	CHECK_EQ_INT(esc_rules_use_index(rs, at_tmp("ixl.idx")), 0);
	CHECK_EQ_INT(esc_rules_load(rs, at_tmp("ixl"), err, sizeof err), 0);
	CHECK(esc_rules_error(rs) == NULL);
	CHECK((r = esc_rules_find(rs, "f")) != NULL);
	CHECK(esc_rules_find(rs, "g") == NULL);
	CHECK(esc_rules_find(rs, "g") == NULL);
	const char *e = esc_rules_error(rs);
	CHECK(e != NULL);
	if (e) {
		CHECK_HAS(e, "ixl/a.json:5: function \"g\": not valid JSON");
	}
	esc_rules_free(rs);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		root = argv[1];
	snprintf(tmpdir, sizeof tmpdir, "%s/escape-test-rules-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmpdir)) {
		perror(tmpdir);
		return 2;
	}

	RUN(every_shipped_file_loads);
	RUN(shipped_directory);
	RUN(spot_checks);
	RUN(rule_effect);
	RUN(later_file_overrides);
	RUN(directory_without_rules);
	RUN(bad_not_json);
	RUN(bad_top_level);
	RUN(bad_version);
	RUN(bad_functions);
	RUN(bad_params);
	RUN(bad_effect_not_string);
	RUN(bad_unknown_effect);
	RUN(bad_unknown_key);
	RUN(bad_duplicate);
	RUN(bad_index_out_of_range);
	RUN(bad_empty);
	RUN(bad_missing_and_unreadable);
	RUN(bad_more);
	RUN(format);
	RUN(loop);
	RUN(bad_file_adds_nothing);
	RUN(index_same_rules);
	RUN(index_edited_file);
	RUN(index_file_changed_after_load);
	RUN(index_known_by_stat);
	RUN(index_mapped);
	RUN(index_override_order);
	RUN(index_bad);
	RUN(index_lazy_error);
	RUN(huge_file);

	cleanup();
	esc_intern_free();
	return unit_done();
}
