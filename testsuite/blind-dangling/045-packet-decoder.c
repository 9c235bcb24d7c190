/* tlv.c - decoder for the radio link's option frames.
 *
 * frame := FLAG(0x7e) type len { option } FLAG
 * option := code len value[len]
 * Inside a frame 0x7d escapes the next byte (xor 0x20). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MAX_OPTS 16
#define MAX_FRAME 512

struct option {
	uint8_t code;
	uint8_t len;
	const uint8_t *value;
};

struct frame {
	uint8_t type;
	int nopts;
	struct option opts[MAX_OPTS];
};

static int parse_options(const uint8_t *p, size_t n, struct frame *fr)
{
	size_t off = 0;

	fr->nopts = 0;
	while (off + 2 <= n) {
		struct option *o;

		if (fr->nopts == MAX_OPTS || off + 2 + p[off + 1] > n)
			return -1;
		o = &fr->opts[fr->nopts++];
		o->code = p[off];
		o->len = p[off + 1];
		o->value = p + off + 2;
		off += 2u + o->len;
	}
	return off == n ? 0 : -1;
}

static int needs_unescape(const uint8_t *p, size_t n)
{
	return memchr(p, 0x7d, n) != NULL;
}

/* Decodes the frame in raw[0..n) into fr.  Option values point into the
 * frame data. */
int frame_decode(const uint8_t *raw, size_t n, struct frame *fr)
{
	uint8_t plain[MAX_FRAME];
	size_t i, m = 0;

	if (n < 4 || raw[0] != 0x7e || raw[n - 1] != 0x7e)
		return -1;
	fr->type = raw[1];
	if (!needs_unescape(raw + 2, n - 3))
		return parse_options(raw + 3, raw[2], fr);
	for (i = 2; i < n - 1 && m < sizeof plain; i++) {
		if (raw[i] == 0x7d && i + 1 < n - 1)
			plain[m++] = raw[++i] ^ 0x20;
		else
			plain[m++] = raw[i];
	}
	if (m < 1 || plain[0] + 1u != m)
		return -1;
	return parse_options(plain + 1, plain[0], fr);
}

/* Checks a frame without keeping anything from it. */
int frame_valid(const uint8_t *raw, size_t n)
{
	struct frame tmp;

	return frame_decode(raw, n, &tmp) == 0;
}

const struct option *frame_option(const struct frame *fr, uint8_t code)
{
	int i;

	for (i = 0; i < fr->nopts; i++)
		if (fr->opts[i].code == code)
			return &fr->opts[i];
	return NULL;
}

void frame_dump(FILE *out, const struct frame *fr)
{
	char hex[3 * 255 + 1];
	int i, j;

	fprintf(out, "frame type %u, %d options\n", fr->type, fr->nopts);
	for (i = 0; i < fr->nopts; i++) {
		const struct option *o = &fr->opts[i];

		for (j = 0; j < o->len; j++)
			snprintf(hex + 3 * j, 4, "%02x ", o->value[j]);
		hex[3 * o->len] = '\0';
		fprintf(out, "  opt %u len %u: %s\n", o->code, o->len, hex);
	}
}
