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

/* What a byte says of its file: NUL (another input charset), NOT_PLAIN
   (a control character but newline and carriage return, or not ASCII). */
enum { NUL = 1, NOT_PLAIN = 2 };
static unsigned char byte_class[256];

static void init_byte_class(void)
{
	for (int c = 0; c < 256; c++)
		byte_class[c] = (c < 0x20 && c != '\n' && c != '\r') || c >= 0x7f
				? NOT_PLAIN : 0;
	byte_class[0] |= NUL;
}

/* Does buf[0..n) hold the marker?  Its colon is rarer than its first
   letter: look for that. */
static int has_marker(const unsigned char *buf, size_t n)
{
	enum { COLON = 6 }; /* "escape:" */
	const unsigned char *p = buf + COLON, *end = buf + n;
	while (p + (MARKER_LEN - COLON) <= end) {
		p = memchr(p, ':', (size_t)(end - p) - (MARKER_LEN - COLON) + 1);
		if (!p)
			return 0;
		if (!memcmp(p - COLON, marker, MARKER_LEN))
			return 1;
		p++;
	}
	return 0;
}

/* The classes of buf[0..n), or-ed: 64 bytes at a time by arithmetic that
   the compiler vectorises (a byte is plain when c - 0x20, as a byte, is
   under 0x5f, or it is a newline or a carriage return), the rest by the
   table. */
static unsigned char classes(const unsigned char *buf, size_t n)
{
	unsigned char nul = 0, bad = 0, seen = 0;
	size_t i = 0;
	for (; i + 64 <= n; i += 64)
		for (int j = 0; j < 64; j++) {
			unsigned char c = buf[i + j];
			nul |= c == 0;
			bad |= ((unsigned char)(c - 0x20) >= 0x5f) & (c != '\n') &
			       (c != '\r');
		}
	for (; i < n; i++)
		seen |= byte_class[buf[i]];
	return seen | (nul ? NUL : 0) | (bad ? NOT_PLAIN : 0);
}

static struct esc_source scan(const char *file)
{
	struct esc_source r = { 1, 0 };
	if (!byte_class[0])
		init_byte_class();
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
		unsigned char seen = classes(buf + have, got);
		if (seen & NUL)
			r.marker = 1;
		if (seen & NOT_PLAIN)
			r.plain = 0;
		if (!r.marker && has_marker(buf, n))
			r.marker = 1;
		if (r.marker && !r.plain)
			break; /* nothing more to learn */
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
