/*
 * fuzz_rules.c - libFuzzer harness for the rules loader (plugin/rules.c).
 *
 * Build (scripts/fuzz-rules.sh does this):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iplugin \
 *       testsuite/fuzz/fuzz_rules.c plugin/rules.c plugin/util.c \
 *       -ljansson -o fuzz_rules
 * Run:
 *   ./fuzz_rules -dict=testsuite/fuzz/rules.dict CORPUS_DIR SEED_DIR
 *
 * Each input is written to a temporary file and loaded with
 * esc_rules_load twice: into an empty table, and into a table that
 * already holds a valid rule for "memcpy" (so a good input also goes
 * through the replacing path of the hash table).  Besides what the
 * sanitizers catch (overflows, use after free, leaks, undefined
 * behaviour), the harness aborts when the loader breaks its contract:
 *   - the result is neither 0 nor -1;
 *   - -1 with an empty message, or a message that does not start with
 *     the file's path, or is not NUL-terminated within the buffer;
 *   - 0 with a message, or a table whose count does not match the rules
 *     that can be found (every rule found must have a C-identifier name,
 *     effects within the known flags and indices within its params);
 *   - a failed load that changed the table (a bad file adds nothing);
 *   - an index of the input (esc_rules_write_index) that loads other
 *     rules than the input parsed whole, or an index of a bad input.
 * A small error buffer is used on every other input to exercise the
 * truncation of messages.
 */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[64];
static int fd = -1;

static const char base_rules[] =
	"{\"escape-rules\": 1, \"functions\": {\n"
	"  \"memcpy\": {\"params\": [\"write+return\", \"read\", \"none\"],"
	" \"copy\": [1, 0]}\n}}\n";
static char base_path[64];
static char index_path[64];

/* every effect flag a rule can carry: the last one and those below it */
#define ALL_EFFECTS (((unsigned)ESC_EFF_RETURN_CONTENT << 1) - 1)

static void check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_rules: contract broken: %s\n", what);
		abort();
	}
}

static int write_file(const char *p, const uint8_t *data, size_t size)
{
	FILE *f = fopen(p, "wb");
	if (!f)
		return -1;
	if (size && fwrite(data, 1, size, f) != size) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

static void remove_files(void)
{
	unlink(path);
	unlink(base_path);
	unlink(index_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *tmp = getenv("TMPDIR");
	snprintf(path, sizeof path, "%s/fuzz-rules.XXXXXX",
		 tmp && strlen(tmp) < 32 ? tmp : "/tmp");
	fd = mkstemp(path);
	if (fd < 0) {
		perror("fuzz_rules: mkstemp");
		exit(2);
	}
	close(fd);
	snprintf(base_path, sizeof base_path, "%s.base", path);
	snprintf(index_path, sizeof index_path, "%s.idx", path);
	if (write_file(base_path, (const uint8_t *)base_rules,
		       sizeof base_rules - 1)) {
		perror("fuzz_rules: base rules");
		unlink(path);
		exit(2);
	}
	atexit(remove_files);
	return 0;
}

static void check_rule(const struct esc_rules *t, const struct esc_rule *r)
{
	check(r->name && *r->name, "rule without a name");
	check(esc_rules_find(t, r->name) == r, "rule not found by its name");
	check(r->nparams >= 0 && r->nparams <= 1024, "nparams out of range");
	for (int i = 0; i < r->nparams; i++)
		check(!(r->params[i] & ~ALL_EFFECTS), "unknown effect flag");
	check(!(r->varargs & ~ALL_EFFECTS), "unknown varargs flag");
	check(r->copy_from == -1 ||
		      (r->copy_from >= 0 && r->copy_from < r->nparams),
	      "copy_from out of range");
	check(r->copy_to == -1 || r->copy_to == ESC_COPY_TO_RESULT ||
		      (r->copy_to >= 0 && r->copy_to < r->nparams),
	      "copy_to out of range");
	check((r->copy_from == -1) == (r->copy_to == -1), "half a copy");
	check(r->copy_to != ESC_COPY_TO_RESULT || r->returns_alloc,
	      "copy to result without returns alloc");
	check(r->store_from == -1 ||
		      (r->store_from >= 0 && r->store_from < r->nparams),
	      "store_from out of range");
	check(r->store_to == -1 ||
		      (r->store_to >= 0 && r->store_to < r->nparams),
	      "store_to out of range");
	for (int i = -1; i <= r->nparams + 1; i++) {
		int e = esc_rule_effect(r, i);
		check(e >= -1 && (e < 0 || !(e & ~ALL_EFFECTS)),
		      "esc_rule_effect out of range");
	}
}

/* Names in the input that look like function keys: find them all. */
static void check_names(const struct esc_rules *t, const uint8_t *data,
			size_t size)
{
	char name[64];
	for (size_t i = 0; i < size; i++) {
		if (data[i] != '"')
			continue;
		size_t j = i + 1, n = 0;
		while (j < size && data[j] != '"' && n + 1 < sizeof name)
			name[n++] = (char)data[j++];
		name[n] = '\0';
		const struct esc_rule *r = esc_rules_find(t, name);
		if (r)
			check_rule(t, r);
		i = j;
	}
}

static void one(const uint8_t *data, size_t size, int with_base,
		size_t errlen)
{
	char err[1024];
	struct esc_rules *t = esc_rules_new();
	size_t before = 0;

	if (with_base) {
		check(esc_rules_load(t, base_path, err, sizeof err) == 0,
		      "base rules do not load");
		before = esc_rules_count(t);
	}
	memset(err, 'X', sizeof err);
	int rc = esc_rules_load(t, path, err, errlen);
	check(rc == 0 || rc == -1, "result neither 0 nor -1");
	check(memchr(err, '\0', errlen) != NULL, "message not terminated");
	if (rc) {
		check(err[0] != '\0', "failure without a message");
		size_t pn = strlen(path);
		if (errlen > pn + 1)
			check(!strncmp(err, path, pn),
			      "message does not start with the path");
		check(esc_rules_count(t) == before, "a bad file added rules");
		if (with_base)
			check(esc_rules_find(t, "memcpy") &&
				      esc_rules_find(t, "memcpy")->nparams == 3,
			      "a bad file replaced a rule");
	} else {
		check(err[0] == '\0', "success with a message");
		check(esc_rules_count(t) >= before, "a good file lost rules");
	}
	check_names(t, data, size);
	if (with_base && esc_rules_find(t, "memcpy"))
		check_rule(t, esc_rules_find(t, "memcpy"));
	esc_rules_free(t);
}

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
	       !strcmp(a->file, b->file) && a->line == b->line;
}

/* Indexed, the input loads as it does whole: the same count, the same
   rules for every name in it, no error on lookup. */
static void check_index(const uint8_t *data, size_t size)
{
	char err[1024], name[64];
	struct esc_rules *whole = esc_rules_new(), *lazy = esc_rules_new();

	if (esc_rules_load(whole, path, err, sizeof err) == 0) {
		check(esc_rules_write_index(path, index_path, err,
					    sizeof err) == 0,
		      "a file that loads is not indexed");
		check(esc_rules_use_index(lazy, index_path) == 0,
		      "an index just written is not used");
		check(esc_rules_load(lazy, path, err, sizeof err) == 0,
		      "a file that loads does not load indexed");
		check(esc_rules_count(lazy) == esc_rules_count(whole),
		      "indexed count differs");
		for (size_t i = 0; i < size; i++) {
			if (data[i] != '"')
				continue;
			size_t j = i + 1, n = 0;
			while (j < size && data[j] != '"' &&
			       n + 1 < sizeof name)
				name[n++] = (char)data[j++];
			name[n] = '\0';
			check(same_rule(esc_rules_find(whole, name),
					esc_rules_find(lazy, name)),
			      "an indexed rule differs");
			i = j;
		}
		check(esc_rules_error(lazy) == NULL, "an indexed rule fails");
		unlink(index_path);
	} else {
		check(esc_rules_write_index(path, index_path, err,
					    sizeof err) == -1 &&
			      access(index_path, F_OK) != 0,
		      "a file that does not load is indexed");
	}
	esc_rules_free(whole);
	esc_rules_free(lazy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned long runs;

	if (write_file(path, data, size)) {
		perror("fuzz_rules: write");
		exit(2);
	}
	runs++;
	one(data, size, 0, runs & 1 ? 1024 : 40);
	one(data, size, 1, 1024);
	check_index(data, size);
	esc_intern_free();
	return 0;
}
