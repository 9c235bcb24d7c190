/*
 * test_source.c - what a source file holds, read once (plugin/source.c).
 */
#define _GNU_SOURCE
#include "escape.h"
#include "unit.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/test_source.XXXXXX";

/* Writes n bytes of text to a new file in dir; returns its path. */
static char *file_with(const char *name, const char *text, size_t n)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(text, 1, n, fp) != n || fclose(fp)) {
		perror(path);
		exit(2);
	}
	return esc_xstrdup(path);
}

TEST(plain_without_marker)
{
	const char t[] = "int f(void)\r\n{\n    return 0; /* escape: ignore */\n}\n";
	char *p = file_with("plain.c", t, sizeof t - 1);
	struct esc_source s = esc_source_facts(p);
	CHECK(s.plain);
	CHECK(!s.marker);
	free(p);
}

TEST(tab_is_not_plain)
{
	const char t[] = "int f(void)\n{\n\treturn 0;\n}\n";
	char *p = file_with("tab.c", t, sizeof t - 1);
	CHECK(!esc_source_facts(p).plain);
	free(p);
}

TEST(utf8_is_not_plain)
{
	const char t[] = "/* caf\xc3\xa9 */ int x;\n";
	char *p = file_with("utf8.c", t, sizeof t - 1);
	CHECK(!esc_source_facts(p).plain);
	free(p);
}

TEST(marker_found)
{
	const char t[] = "g = &x; // escape:ignore escape-global\n";
	char *p = file_with("marker.c", t, sizeof t - 1);
	CHECK(esc_source_facts(p).marker);
	CHECK(esc_source_facts(p).plain);
	free(p);
}

/* The marker across the boundary between two reads of 64 KiB. */
TEST(marker_across_chunks)
{
	size_t n = (1 << 16) + 64;
	char *t = esc_xmalloc(n);
	memset(t, ' ', n);
	memcpy(t + (1 << 16) - 5, "escape:ignore", 13);
	char *p = file_with("chunks.c", t, n);
	CHECK(esc_source_facts(p).marker);
	free(t);
	free(p);
}

/* Every way the marker can straddle the boundary, its colon on either
   side of it. */
TEST(marker_at_every_offset_across_chunks)
{
	size_t n = (1 << 16) + 64;
	char *t = esc_xmalloc(n);
	for (int back = 0; back <= 14; back++) {
		char name[32];
		memset(t, ' ', n);
		memcpy(t + (1 << 16) - back, "escape:ignore", 13);
		snprintf(name, sizeof name, "straddle%d.c", back);
		char *p = file_with(name, t, n);
		CHECK(esc_source_facts(p).marker);
		free(p);
	}
	free(t);
}

/* Colons everywhere, and the marker's beginning at the very end of the
   file, are no marker. */
TEST(no_marker_in_look_alikes)
{
	const char t[] = "a ? b : c; escape: x; :escape:ignor";
	char *p = file_with("lookalike.c", t, sizeof t - 1);
	CHECK(!esc_source_facts(p).marker);
	CHECK(esc_source_facts(p).plain);
	free(p);
}

TEST(nul_byte_may_hide_a_marker)
{
	const char t[] = "int x;\0int y;\n";
	char *p = file_with("nul.c", t, sizeof t - 1);
	struct esc_source s = esc_source_facts(p);
	CHECK(s.marker);
	CHECK(!s.plain);
	free(p);
}

TEST(unreadable)
{
	char path[256];
	snprintf(path, sizeof path, "%s/missing.c", dir);
	struct esc_source s = esc_source_facts(path);
	CHECK(s.marker);
	CHECK(!s.plain);
}

/* Asked again, the answer is the remembered one (the file is read once). */
TEST(read_once)
{
	const char t[] = "int x;\n";
	char *p = file_with("once.c", t, sizeof t - 1);
	CHECK(esc_source_facts(p).plain);
	const char u[] = "\tint x;\n";
	free(file_with("once.c", u, sizeof u - 1));
	CHECK(esc_source_facts(p).plain);
	free(p);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	RUN(plain_without_marker);
	RUN(tab_is_not_plain);
	RUN(utf8_is_not_plain);
	RUN(marker_found);
	RUN(marker_across_chunks);
	RUN(marker_at_every_offset_across_chunks);
	RUN(no_marker_in_look_alikes);
	RUN(nul_byte_may_hide_a_marker);
	RUN(unreadable);
	RUN(read_once);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		perror(cmd);
	return unit_done();
}
