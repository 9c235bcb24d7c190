/* arena.c - bump allocators for the query parser. */
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena {
	char *base;
	size_t size, used;
};

struct word {
	const char *text;
	size_t len;
	int count;
	struct word *next;
};

static struct arena g_arena;

static void arena_init(struct arena *a, void *mem, size_t size)
{
	a->base = mem;
	a->size = size;
	a->used = 0;
}

static void *arena_alloc(struct arena *a, size_t n)
{
	size_t off = (a->used + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);

	if (off > a->size || n > a->size - off)
		return NULL;
	a->used = off + n;
	return a->base + off;
}

/* Called once at start-up, before the first query is parsed. */
void parser_arena_setup(void)
{
	char boot[8192];

	arena_init(&g_arena, boot, sizeof boot);
}

int parser_arena_setup_heap(size_t size)
{
	void *mem = malloc(size);

	if (!mem)
		return -1;
	arena_init(&g_arena, mem, size);
	return 0;
}

char *parser_intern(const char *s, size_t n)
{
	char *p = arena_alloc(&g_arena, n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Distinct words in text; every node lives in a scratch arena on the stack
 * and is gone when the count is returned. */
int count_unique_words(const char *text)
{
	char scratch[16384];
	struct arena a;
	struct word *head = NULL, *w;
	const char *p = text;
	int unique = 0;

	arena_init(&a, scratch, sizeof scratch);
	while (*p) {
		size_t n;

		p += strspn(p, " \t\n.,;:!?");
		n = strcspn(p, " \t\n.,;:!?");
		if (n == 0)
			break;
		for (w = head; w; w = w->next)
			if (w->len == n && memcmp(w->text, p, n) == 0)
				break;
		if (w) {
			w->count++;
		} else {
			w = arena_alloc(&a, sizeof *w);
			if (!w)
				return -1;
			w->text = p;
			w->len = n;
			w->count = 1;
			w->next = head;
			head = w;
			unique++;
		}
		p += n;
	}
	return unique;
}

void parser_arena_report(FILE *out)
{
	fprintf(out, "arena: %zu of %zu bytes used\n", g_arena.used, g_arena.size);
}
