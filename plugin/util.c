/*
 * util.c - memory and strings for the core.
 *
 * Allocation failure is the one thing the plugin cannot degrade from, so
 * esc_xmalloc and friends print a message and exit, as GCC itself does.
 * esc_intern keeps one copy of every name (location names, files, callees)
 * for the whole compilation, so reports can outlive the graphs they came
 * from without copying strings around.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

void *esc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fprintf(stderr, "escape: out of memory\n");
		exit(1);
	}
	return p;
}

void *esc_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p) {
		fprintf(stderr, "escape: out of memory\n");
		exit(1);
	}
	return p;
}

void *esc_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fprintf(stderr, "escape: out of memory\n");
		exit(1);
	}
	return p;
}

char *esc_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(esc_xmalloc(n), s, n);
}

void esc_grow(void **items, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return;
	int n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	*items = esc_xrealloc(*items, (size_t)n * size);
	*cap = n;
}

/* An open-addressing hash set of strings. */
static char **intern_slots;
static size_t intern_cap, intern_used;

/* s's n bytes, 8 at a time (names and file paths: a byte at a time was
   most of esc_intern's cost). */
static size_t hash_str(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ n, w;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	w = 0;
	for (; i < n; i++) /* (a short name is mostly this) */
		w = (w << 8) | (unsigned char)s[i];
	h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
	h ^= h >> 29;
	return (size_t)h;
}

static void intern_rehash(void)
{
	size_t old_cap = intern_cap;
	char **old = intern_slots;
	intern_cap = old_cap ? old_cap * 2 : 1024;
	intern_slots = esc_xcalloc(intern_cap, sizeof *intern_slots);
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i])
			continue;
		size_t j = hash_str(old[i], strlen(old[i])) & (intern_cap - 1);
		while (intern_slots[j])
			j = (j + 1) & (intern_cap - 1);
		intern_slots[j] = old[i];
	}
	free(old);
}

/* The two strings interned last (asked or found): a graph's locations
   and edges ask for the same file again and again between their names.
   A string equal to one of them is that one, without hashing it. */
static const char *intern_last[2];

static const char *intern_keep(const char *r)
{
	if (intern_last[0] != r) {
		intern_last[1] = intern_last[0];
		intern_last[0] = r;
	}
	return r;
}

const char *esc_intern(const char *s)
{
	if (!s)
		return NULL;
	for (int i = 0; i < 2; i++) {
		const char *l = intern_last[i];
		if (l && (l == s || (l[0] == s[0] && !strcmp(l, s))))
			return intern_keep(l);
	}
	if (2 * (intern_used + 1) > intern_cap)
		intern_rehash();
	size_t n = strlen(s);
	size_t j = hash_str(s, n) & (intern_cap - 1);
	while (intern_slots[j]) {
		if (!strcmp(intern_slots[j], s))
			return intern_keep(intern_slots[j]);
		j = (j + 1) & (intern_cap - 1);
	}
	intern_used++;
	return intern_keep(intern_slots[j] = memcpy(esc_xmalloc(n + 1), s, n + 1));
}

void esc_intern_free(void)
{
	esc_conds_free();
	for (size_t i = 0; i < intern_cap; i++)
		free(intern_slots[i]);
	free(intern_slots);
	intern_slots = NULL;
	intern_last[0] = intern_last[1] = NULL;
	intern_cap = intern_used = 0;
}

void esc_release_freed(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}
