/*
 * hashmap.c - string-keyed hash map with separate chaining.  Keys are
 * copied, values are opaque pointers owned by the map once inserted (it
 * calls free_value on them).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hm_entry {
	char *key;
	void *value;
	uint32_t hash;
	struct hm_entry *next;
};

struct hashmap {
	struct hm_entry **buckets;
	size_t nbuckets, count;
	void (*free_value)(void *);
};

typedef int (*hm_visit_fn)(const char *key, void *value, void *ctx);

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

struct hashmap *hm_new(size_t nbuckets, void (*free_value)(void *))
{
	struct hashmap *m = calloc(1, sizeof *m);

	if (!m)
		return NULL;
	m->nbuckets = nbuckets ? nbuckets : 16;
	m->buckets = calloc(m->nbuckets, sizeof *m->buckets);
	if (!m->buckets) {
		free(m);
		return NULL;
	}
	m->free_value = free_value;
	return m;
}

static struct hm_entry *hm_find_entry(const struct hashmap *m, const char *key,
                                      uint32_t h)
{
	struct hm_entry *e;

	for (e = m->buckets[h % m->nbuckets]; e; e = e->next)
		if (e->hash == h && strcmp(e->key, key) == 0)
			return e;
	return NULL;
}

void *hm_get(const struct hashmap *m, const char *key)
{
	struct hm_entry *e = hm_find_entry(m, key, hash_str(key));

	return e ? e->value : NULL;
}

static int hm_resize(struct hashmap *m, size_t nbuckets)
{
	struct hm_entry **nb = calloc(nbuckets, sizeof *nb);

	if (!nb)
		return -1;
	for (size_t i = 0; i < m->nbuckets; i++) {
		struct hm_entry *e = m->buckets[i], *next;

		for (; e; e = next) {
			size_t j = e->hash % nbuckets;

			next = e->next;
			e->next = nb[j];
			nb[j] = e;
		}
	}
	free(m->buckets);
	m->buckets = nb;
	m->nbuckets = nbuckets;
	return 0;
}

int hm_put(struct hashmap *m, const char *key, void *value)
{
	uint32_t h = hash_str(key);
	struct hm_entry *e = hm_find_entry(m, key, h);
	size_t i;

	if (e) {
		if (m->free_value && e->value != value)
			m->free_value(e->value);
		e->value = value;
		return 0;
	}
	if (m->count + 1 > m->nbuckets * 3 / 4 &&
	    hm_resize(m, m->nbuckets * 2) != 0)
		return -1;
	e = malloc(sizeof *e);
	if (!e)
		return -1;
	e->key = strdup(key);
	if (!e->key) {
		free(e);
		return -1;
	}
	e->value = value;
	e->hash = h;
	i = h % m->nbuckets;
	e->next = m->buckets[i];
	m->buckets[i] = e;
	m->count++;
	return 0;
}

int hm_remove(struct hashmap *m, const char *key)
{
	uint32_t h = hash_str(key);
	struct hm_entry **pp = &m->buckets[h % m->nbuckets];

	for (; *pp; pp = &(*pp)->next) {
		struct hm_entry *e = *pp;

		if (e->hash == h && strcmp(e->key, key) == 0) {
			*pp = e->next;
			if (m->free_value)
				m->free_value(e->value);
			free(e->key);
			free(e);
			m->count--;
			return 0;
		}
	}
	return -1;
}

int hm_foreach(const struct hashmap *m, hm_visit_fn fn, void *ctx)
{
	for (size_t i = 0; i < m->nbuckets; i++)
		for (struct hm_entry *e = m->buckets[i]; e; e = e->next) {
			int r = fn(e->key, e->value, ctx);

			if (r)
				return r;
		}
	return 0;
}

void hm_free(struct hashmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nbuckets; i++) {
		struct hm_entry *e = m->buckets[i], *next;

		for (; e; e = next) {
			next = e->next;
			if (m->free_value)
				m->free_value(e->value);
			free(e->key);
			free(e);
		}
	}
	free(m->buckets);
	free(m);
}

struct collect_ctx {
	const char **keys;
	size_t n, cap;
};

static int collect_key(const char *key, void *value, void *ctx)
{
	struct collect_ctx *c = ctx;

	(void)value;
	if (c->n == c->cap)
		return 1;
	c->keys[c->n++] = key;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t hm_sorted_keys(const struct hashmap *m, const char **out, size_t max)
{
	struct collect_ctx c = { out, 0, max };

	hm_foreach(m, collect_key, &c);
	qsort(out, c.n, sizeof *out, cmp_str);
	return c.n;
}

void hm_dump(const struct hashmap *m, FILE *fp)
{
	const char *keys[256];
	size_t n = hm_sorted_keys(m, keys, 256);

	for (size_t i = 0; i < n; i++)
		fprintf(fp, "%s = %p\n", keys[i], hm_get(m, keys[i]));
}

static int count_cb(const char *key, void *value, void *ctx)
{
	(void)key;
	(void)value;
	++*(size_t *)ctx;
	return 0;
}

size_t hm_count_slow(const struct hashmap *m)
{
	size_t n = 0;

	hm_foreach(m, count_cb, &n);
	return n;
}

/* Bumps an integer counter stored under key, creating it on first use. */
int hm_incr(struct hashmap *m, const char *key)
{
	long *cnt = hm_get(m, key);

	if (!cnt) {
		cnt = calloc(1, sizeof *cnt);
		if (!cnt || hm_put(m, key, cnt) != 0) {
			free(cnt);
			return -1;
		}
	}
	++*cnt;
	return 0;
}
