/*
 * source.c - what escape reads in a source file itself, once per file.
 *
 *   marker  the file may hold "escape:ignore" (or NUL bytes: another
 *           input charset, where a plain search would miss it): only then
 *           does dangle.cc look for the comment on a warning's lines;
 *   plain   the file is printable ASCII without tabs (newlines and
 *           carriage returns aside): there a display column, GCC's unit,
 *           is the byte column, and notes.cc prints byte columns so that
 *           GCC need not read the line.
 *
 * Both spare GCC 12's source-line lookups, each of which rereads up to
 * 1/100 of a file.  A file that cannot be read is taken to have a marker
 * and not to be plain.  The last 16 files asked about are remembered.
 */
#include "escape.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char marker[] = "escape:ignore";
#define MARKER_LEN (sizeof marker - 1)

static struct esc_source scan(const char *file)
{
	struct esc_source r = { 1, 0 };
	FILE *fp = fopen(file, "rb");
	if (!fp)
		return r;
	enum { CHUNK = 1 << 16, KEEP = MARKER_LEN - 1 };
	unsigned char *buf = esc_xmalloc(CHUNK + KEEP);
	size_t have = 0, got;
	r.marker = 0;
	r.plain = 1;
	while ((got = fread(buf + have, 1, CHUNK, fp)) > 0) {
		size_t n = have + got;
		for (size_t i = have; i < n; i++) {
			unsigned char c = buf[i];
			if (c == 0)
				r.marker = 1;
			if ((c < 0x20 && c != '\n' && c != '\r') || c >= 0x7f)
				r.plain = 0;
		}
		for (size_t i = 0; !r.marker && i + MARKER_LEN <= n; i++)
			r.marker = buf[i] == 'e' && !memcmp(buf + i, marker, MARKER_LEN);
		have = n < (size_t)KEEP ? n : (size_t)KEEP;
		memmove(buf, buf + n - have, have);
	}
	if (ferror(fp)) {
		r.marker = 1;
		r.plain = 0;
	}
	free(buf);
	fclose(fp);
	return r;
}

struct esc_source esc_source_facts(const char *file)
{
	static struct {
		char *file;
		struct esc_source facts;
	} seen[16];
	static unsigned next;

	for (unsigned i = 0; i < 16; i++)
		if (seen[i].file && !strcmp(seen[i].file, file))
			return seen[i].facts;
	unsigned i = next++ % 16;
	free(seen[i].file);
	seen[i].file = esc_xstrdup(file);
	seen[i].facts = scan(file);
	return seen[i].facts;
}
