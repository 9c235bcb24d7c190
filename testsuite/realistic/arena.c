/*
 * arena.c - a bump allocator: allocations come from a caller-supplied
 * buffer first, then from a chain of malloc'd blocks, and are all released
 * at once.  Used for per-request scratch memory.
 */
#include <alloca.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	unsigned char data[];
};

struct arena {
	struct arena_block *head;
	size_t block_size;
	unsigned char *fixed;
	size_t fixed_size, fixed_used;
};

static size_t align_up(size_t n, size_t a)
{
	return (n + a - 1) & ~(a - 1);
}

void arena_init(struct arena *a, size_t block_size)
{
	a->head = NULL;
	a->block_size = block_size ? block_size : 4096;
	a->fixed = NULL;
	a->fixed_size = a->fixed_used = 0;
}

/* Serve allocations from mem (typically a stack buffer) before the heap. */
void arena_init_fixed(struct arena *a, void *mem, size_t size)
{
	arena_init(a, 0);
	a->fixed = mem;
	a->fixed_size = size;
}

static struct arena_block *arena_grow(struct arena *a, size_t min)
{
	size_t size = min > a->block_size ? min : a->block_size;
	struct arena_block *b = malloc(sizeof *b + size);

	if (!b)
		return NULL;
	b->size = size;
	b->used = 0;
	b->next = a->head;
	a->head = b;
	return b;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b;
	void *p;

	size = align_up(size ? size : 1, 16);
	if (a->fixed && a->fixed_used + size <= a->fixed_size) {
		p = a->fixed + a->fixed_used;
		a->fixed_used += size;
		return p;
	}
	b = a->head;
	if (!b || b->used + size > b->size) {
		b = arena_grow(a, size);
		if (!b)
			return NULL;
	}
	p = b->data + b->used;
	b->used += size;
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = arena_alloc(a, n);

	if (p)
		memcpy(p, s, n);
	return p;
}

char *arena_sprintf(struct arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	char *p;
	int n;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	p = n < 0 ? NULL : arena_alloc(a, (size_t)n + 1);
	if (p)
		vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

void arena_reset(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->fixed_used = 0;
}

size_t arena_bytes_used(const struct arena *a)
{
	size_t total = a->fixed_used;

	for (const struct arena_block *b = a->head; b; b = b->next)
		total += b->used;
	return total;
}

char *path_join(struct arena *a, const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *tmp = alloca(n);
	size_t len = strlen(dir);

	while (len > 1 && dir[len - 1] == '/')
		len--;
	snprintf(tmp, n, "%.*s/%s", (int)len, dir, file);
	return arena_strdup(a, tmp);
}

/* Splits line into words, handing each to emit; no heap use for short lines. */
int for_each_word(const char *line, void (*emit)(const char *word, void *ctx),
                  void *ctx)
{
	unsigned char scratch[512];
	struct arena a;
	char *copy, *tok, *save = NULL;
	int n = 0;

	arena_init_fixed(&a, scratch, sizeof scratch);
	copy = arena_strdup(&a, line);
	if (!copy)
		return -1;
	for (tok = strtok_r(copy, " \t\n", &save); tok;
	     tok = strtok_r(NULL, " \t\n", &save)) {
		emit(tok, ctx);
		n++;
	}
	arena_reset(&a);
	return n;
}

static int cmp_cstr(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Counts distinct words using a throwaway arena on this frame. */
size_t count_unique_words(const char *text)
{
	struct arena a;
	char *words[256];
	size_t n = 0, uniq = 0;
	const char *p = text;

	arena_init_fixed(&a, (unsigned char[2048]){ 0 }, 2048);
	while (*p && n < 256) {
		size_t len = strcspn(p, " \t\n");

		if (len > 0) {
			char *w = arena_alloc(&a, len + 1);

			if (!w)
				break;
			memcpy(w, p, len);
			w[len] = '\0';
			words[n++] = w;
		}
		p += len;
		p += strspn(p, " \t\n");
	}
	qsort(words, n, sizeof words[0], cmp_cstr);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(words[i], words[i - 1]) != 0)
			uniq++;
	arena_reset(&a);
	return uniq;
}

struct arena *arena_new(size_t block_size)
{
	struct arena *a = malloc(sizeof *a);

	if (a)
		arena_init(a, block_size);
	return a;
}

void arena_destroy(struct arena *a)
{
	if (!a)
		return;
	arena_reset(a);
	free(a);
}
