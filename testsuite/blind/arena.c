/*
 * arena.c - region allocation: a bump arena over a list of malloc'd
 * blocks with marks and release, an arena-backed string builder, a
 * fixed-size object pool threaded through caller-provided storage, and a
 * few debugging helpers.
 */
#include <alloca.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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
	size_t total;
};

struct arena_mark {
	struct arena_block *block;
	size_t used;
};

struct sbuf {
	struct arena *arena;
	char *data;
	size_t len, cap;
};

struct pool {
	void *free_list;
	unsigned char *storage;
	size_t obj_size, nobjs, in_use;
};

static uintptr_t g_debug_arena;
static struct arena *g_scratch;

static size_t align_up(size_t n, size_t a)
{
	return (n + a - 1) & ~(a - 1);
}

void arena_init(struct arena *a, size_t block_size)
{
	a->head = NULL;
	a->block_size = block_size;
	a->total = 0;
}

/* The first block lives in caller-provided memory (often the stack). */
void arena_init_with(struct arena *a, void *buf, size_t size)
{
	struct arena_block *b = buf;

	b->next = NULL;
	b->size = size - sizeof *b;
	b->used = 0;
	a->head = b;
	a->block_size = 4096;
	a->total = b->size;
}

static struct arena_block *arena_new_block(struct arena *a, size_t min)
{
	size_t size = min > a->block_size ? min : a->block_size;
	struct arena_block *b = malloc(sizeof *b + size);

	if (!b)
		return NULL;
	b->size = size;
	b->used = 0;
	b->next = a->head;
	a->head = b;
	a->total += size;
	return b;
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	void *p;

	n = align_up(n ? n : 1, 16);
	if (!b || b->size - b->used < n) {
		b = arena_new_block(a, n);
		if (!b)
			return NULL;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = arena_alloc(a, n);

	if (p)
		strcpy(p, s);
	return p;
}

char *arena_sprintf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

struct arena_mark arena_mark(const struct arena *a)
{
	struct arena_mark m;

	m.block = a->head;
	m.used = a->head ? a->head->used : 0;
	return m;
}

void arena_release(struct arena *a, struct arena_mark m)
{
	while (a->head && a->head != m.block) {
		struct arena_block *b = a->head;

		a->head = b->next;
		a->total -= b->size;
		free(b);
	}
	if (a->head)
		a->head->used = m.used;
}

void arena_free(struct arena *a)
{
	arena_release(a, (struct arena_mark){ NULL, 0 });
}

int arena_owns(const struct arena *a, const void *ptr)
{
	uintptr_t x = (uintptr_t)ptr;
	const struct arena_block *b;

	for (b = a->head; b; b = b->next) {
		uintptr_t lo = (uintptr_t)b->data;

		if (x >= lo && x < lo + b->used)
			return 1;
	}
	return 0;
}

/* Lets a debugger script find the arena. */
void arena_debug_attach(struct arena *a)
{
	g_debug_arena = (uintptr_t)a;
}

static int cmp_size(const void *x, const void *y)
{
	return (*(const size_t *)x > *(const size_t *)y) -
	       (*(const size_t *)x < *(const size_t *)y);
}

void arena_dump(const struct arena *a, FILE *out)
{
	const struct arena_block *b;
	size_t n = 0, i;

	for (b = a->head; b; b = b->next)
		n++;
	if (n > 0) {
		size_t sizes[n];

		for (i = 0, b = a->head; b; b = b->next)
			sizes[i++] = b->used;
		qsort(sizes, n, sizeof sizes[0], cmp_size);
		fprintf(out, "%zu blocks, median use %zu, total %zu\n", n,
		        sizes[n / 2], a->total);
	}
}

void sbuf_init(struct sbuf *sb, struct arena *a)
{
	sb->arena = a;
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

int sbuf_append(struct sbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->cap) {
		size_t cap = sb->cap ? sb->cap * 2 : 64;
		char *nd;

		while (cap < sb->len + n + 1)
			cap *= 2;
		nd = arena_alloc(sb->arena, cap);
		if (!nd)
			return -1;
		if (sb->len)
			strcpy(nd, sb->data);
		sb->data = nd;
		sb->cap = cap;
	}
	while (n--)
		sb->data[sb->len++] = *s++;
	sb->data[sb->len] = '\0';
	return 0;
}

const char *sbuf_cstr(struct sbuf *sb)
{
	if (!sb->data && sbuf_append(sb, "", 0) != 0)
		return "";
	return sb->data;
}

int pool_init(struct pool *p, void *storage, size_t obj_size, size_t nobjs)
{
	size_t i;

	if (obj_size < sizeof(void *) || obj_size % sizeof(void *))
		return -1;
	p->storage = storage;
	p->obj_size = obj_size;
	p->nobjs = nobjs;
	p->in_use = 0;
	p->free_list = NULL;
	for (i = nobjs; i-- > 0;) {
		void **slot = (void **)(p->storage + i * obj_size);

		*slot = p->free_list;
		p->free_list = slot;
	}
	return 0;
}

void *pool_get(struct pool *p)
{
	void **slot = p->free_list;

	if (!slot)
		return NULL;
	p->free_list = *slot;
	p->in_use++;
	return slot;
}

void pool_put(struct pool *p, void *obj)
{
	*(void **)obj = p->free_list;
	p->free_list = obj;
	p->in_use--;
}

int pool_demo(void)
{
	union {
		void *align;
		unsigned char bytes[64 * 16];
	} storage;
	struct pool pl;
	void *objs[8];
	int i, n = 0;

	if (pool_init(&pl, storage.bytes, 64, 16) != 0)
		return -1;
	for (i = 0; i < 8; i++)
		if ((objs[i] = pool_get(&pl)) != NULL)
			n++;
	for (i = 0; i < 8; i++)
		if (objs[i])
			pool_put(&pl, objs[i]);
	return n == 8 && pl.in_use == 0 ? 0 : -1;
}

static unsigned long fnv_str(const char *s)
{
	unsigned long h = 1469598103934665603UL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211UL;
	return h;
}

unsigned long hash_joined(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *tmp = alloca(n);

	snprintf(tmp, n, "%s/%s", dir, name);
	return fnv_str(tmp);
}

char *build_greeting(struct arena *a, const char *who, int count)
{
	struct sbuf sb;
	struct arena_mark before = arena_mark(a);
	char num[16];

	sbuf_init(&sb, a);
	snprintf(num, sizeof num, "%d", count);
	if (sbuf_append(&sb, "hello ", 6) || sbuf_append(&sb, who, strlen(who)) ||
	    sbuf_append(&sb, " x", 2) || sbuf_append(&sb, num, strlen(num))) {
		arena_release(a, before);
		return NULL;
	}
	return (char *)sbuf_cstr(&sb);
}

size_t count_long_words(const char *text, size_t min_len)
{
	_Alignas(16) unsigned char first[1024];
	struct arena a;
	struct arena_mark m0;
	char delims[] = " \t\n.,;";
	size_t count = 0;
	const char *p = text;

	arena_init_with(&a, first, sizeof first);
	m0 = arena_mark(&a);
	while (*p) {
		size_t n = strcspn(p, delims);

		if (n >= min_len) {
			char *w = arena_alloc(&a, n + 1);

			if (!w)
				break;
			strncpy(w, p, n);
			w[n] = '\0';
			count++;
		}
		p += n;
		p += strspn(p, delims);
	}
	arena_release(&a, m0);
	return count;
}

/* Runs fn with a scratch arena reachable through scratch_alloc(). */
int with_scratch(int (*fn)(void *), void *arg)
{
	struct arena scratch;
	int rc;

	arena_init(&scratch, 1024);
	g_scratch = &scratch;
	rc = fn(arg);
	g_scratch = NULL;
	arena_free(&scratch);
	return rc;
}

void *scratch_alloc(size_t n)
{
	return g_scratch ? arena_alloc(g_scratch, n) : NULL;
}

int arena_demo(void)
{
	struct arena a;
	struct arena_mark m;
	char *g;
	int ok;

	arena_init(&a, 4096);
	arena_debug_attach(&a);
	m = arena_mark(&a);
	g = build_greeting(&a, "world", 3);
	ok = g && strcmp(g, "hello world x3") == 0 && arena_owns(&a, g);
	ok = ok && (g = arena_sprintf(&a, "%s-%d", "tmp", 7)) && arena_owns(&a, g);
	arena_release(&a, m);
	arena_free(&a);
	g_debug_arena = 0;
	return ok ? 0 : -1;
}
