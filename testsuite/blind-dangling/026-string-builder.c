/* sb.c - a string builder that starts in a caller-provided buffer and moves
 * to the heap when it outgrows it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sb {
	char *data;
	size_t len, cap;
	int on_heap;
	int failed;
};

static void sb_init(struct sb *b, char *initial, size_t cap)
{
	b->data = initial;
	b->cap = cap;
	b->len = 0;
	b->on_heap = 0;
	b->failed = 0;
	b->data[0] = '\0';
}

static int sb_reserve(struct sb *b, size_t extra)
{
	size_t need = b->len + extra + 1, cap = b->cap;
	char *p;

	if (need <= cap)
		return 0;
	while (cap < need)
		cap *= 2;
	if (b->on_heap) {
		p = realloc(b->data, cap);
	} else {
		p = malloc(cap);
		if (p)
			memcpy(p, b->data, b->len + 1);
	}
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	b->on_heap = 1;
	return 0;
}

static void sb_append(struct sb *b, const char *s)
{
	size_t n = strlen(s);

	if (sb_reserve(b, n) < 0)
		return;
	memcpy(b->data + b->len, s, n + 1);
	b->len += n;
}

static void sb_printf(struct sb *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		b->failed = 1;
		return;
	}
	sb_append(b, tmp);
}

/* A heap copy of the contents; the builder's own storage is released. */
static char *sb_finish(struct sb *b)
{
	char *r = b->failed ? NULL : strdup(b->data);

	if (b->on_heap)
		free(b->data);
	b->data = NULL;
	return r;
}

char *join_words(char *const *words, int n, const char *sep)
{
	char initial[128];
	struct sb b;
	int i;

	sb_init(&b, initial, sizeof initial);
	for (i = 0; i < n; i++) {
		if (i)
			sb_append(&b, sep);
		sb_append(&b, words[i]);
	}
	return sb_finish(&b);
}

char *describe_request(const char *method, const char *path, int status,
		       double ms)
{
	char initial[64];
	struct sb b;

	sb_init(&b, initial, sizeof initial);
	sb_printf(&b, "%s %s", method, path);
	sb_printf(&b, " -> %d", status);
	if (ms >= 0)
		sb_printf(&b, " in %.1f ms", ms);
	return sb_finish(&b);
}

int print_joined(FILE *out, char *const *words, int n)
{
	char *s = join_words(words, n, ", ");

	if (!s)
		return -1;
	fprintf(out, "[%s]\n", s);
	free(s);
	return 0;
}
