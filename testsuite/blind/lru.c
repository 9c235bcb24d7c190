/*
 * lru.c - a string-keyed LRU cache: hash chains plus an intrusive doubly
 * linked recency list with a sentinel node, a byte budget, an eviction
 * callback with a void * context, and a memoizing lookup on top.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct lru_node {
	struct lru_node *prev, *next;	/* recency list, most recent first */
	struct lru_node *chain;		/* hash chain */
	char *key;
	void *value;
	size_t size;
};

typedef void (*lru_evict_fn)(const char *key, void *value, void *ctx);

struct lru {
	struct lru_node head;		/* sentinel */
	struct lru_node **buckets;
	size_t nbuckets, count, bytes, max_bytes;
	lru_evict_fn on_evict;
	void *evict_ctx;
	unsigned long hits, misses;
};

struct lru_stats {
	unsigned long hits, misses;
	size_t count, bytes;
};

static struct lru *g_default_cache;

static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

int lru_init(struct lru *c, size_t nbuckets, size_t max_bytes,
             lru_evict_fn on_evict, void *ctx)
{
	c->buckets = calloc(nbuckets, sizeof *c->buckets);
	if (!c->buckets)
		return -1;
	c->nbuckets = nbuckets;
	c->count = c->bytes = 0;
	c->max_bytes = max_bytes;
	c->on_evict = on_evict;
	c->evict_ctx = ctx;
	c->hits = c->misses = 0;
	c->head.prev = c->head.next = &c->head;
	return 0;
}

static void list_unlink(struct lru_node *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
}

static void list_push_front(struct lru *c, struct lru_node *n)
{
	n->next = c->head.next;
	n->prev = &c->head;
	c->head.next->prev = n;
	c->head.next = n;
}

static struct lru_node **bucket_of(struct lru *c, const char *key)
{
	return &c->buckets[fnv1a(key) % c->nbuckets];
}

static struct lru_node *find(struct lru *c, const char *key,
                             struct lru_node ***slot_out)
{
	struct lru_node **pp = bucket_of(c, key);

	for (; *pp; pp = &(*pp)->chain)
		if (strcmp((*pp)->key, key) == 0)
			break;
	if (slot_out)
		*slot_out = pp;
	return *pp;
}

void *lru_get(struct lru *c, const char *key)
{
	struct lru_node *n = find(c, key, NULL);

	if (!n) {
		c->misses++;
		return NULL;
	}
	c->hits++;
	list_unlink(n);
	list_push_front(c, n);
	return n->value;
}

static void evict_one(struct lru *c)
{
	struct lru_node *victim = c->head.prev;
	struct lru_node **pp;

	if (victim == &c->head)
		return;
	find(c, victim->key, &pp);
	*pp = victim->chain;
	list_unlink(victim);
	c->count--;
	c->bytes -= victim->size;
	if (c->on_evict)
		c->on_evict(victim->key, victim->value, c->evict_ctx);
	free(victim->key);
	free(victim);
}

int lru_put(struct lru *c, const char *key, void *value, size_t size)
{
	struct lru_node **slot;
	struct lru_node *n = find(c, key, &slot);

	if (n) {
		c->bytes -= n->size;
		n->value = value;
		n->size = size;
		c->bytes += size;
		list_unlink(n);
		list_push_front(c, n);
	} else {
		n = calloc(1, sizeof *n);
		if (!n)
			return -1;
		n->key = strdup(key);
		if (!n->key) {
			free(n);
			return -1;
		}
		n->value = value;
		n->size = size;
		*slot = n;
		list_push_front(c, n);
		c->count++;
		c->bytes += size;
	}
	while (c->bytes > c->max_bytes && c->count > 1)
		evict_one(c);
	return 0;
}

void lru_clear(struct lru *c)
{
	while (c->head.next != &c->head)
		evict_one(c);
	free(c->buckets);
	c->buckets = NULL;
}

void lru_get_stats(const struct lru *c, struct lru_stats *out)
{
	out->hits = c->hits;
	out->misses = c->misses;
	out->count = c->count;
	out->bytes = c->bytes;
}

void lru_set_default(struct lru *c)
{
	g_default_cache = c;
}

struct evict_log {
	FILE *fp;
	size_t evicted;
};

static void log_evict(const char *key, void *value, void *ctx)
{
	struct evict_log *log = ctx;

	fprintf(log->fp, "evict %s\n", key);
	log->evicted++;
	free(value);
}

/* Stands for an expensive computation: the upper-cased name. */
static char *slow_lookup(const char *name)
{
	char buf[128];
	size_t i;

	for (i = 0; name[i] && i < sizeof buf - 1; i++)
		buf[i] = (name[i] >= 'a' && name[i] <= 'z') ? (char)(name[i] - 32) : name[i];
	buf[i] = '\0';
	return strdup(buf);
}

const char *memo_lookup(struct lru *c, const char *name)
{
	char *v = lru_get(c, name);

	if (v)
		return v;
	v = slow_lookup(name);
	if (v && lru_put(c, name, v, strlen(v) + 1) != 0) {
		free(v);
		return NULL;
	}
	return v;
}

int lru_demo(FILE *out, const char **names, int n)
{
	struct lru cache;
	struct evict_log log = { out, 0 };
	struct lru_stats st;
	int i;

	if (lru_init(&cache, 64, 256, log_evict, &log) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		const char *v = memo_lookup(&cache, names[i]);

		if (v)
			fprintf(out, "%s -> %s\n", names[i], v);
	}
	lru_get_stats(&cache, &st);
	fprintf(out, "hits %lu misses %lu evicted %zu\n", st.hits, st.misses,
	        log.evicted);
	lru_clear(&cache);
	return 0;
}

int lru_default_put_int(const char *key, int v)
{
	int *box = malloc(sizeof *box);

	if (!box)
		return -1;
	*box = v;
	if (lru_put(g_default_cache, key, box, sizeof *box) != 0) {
		free(box);
		return -1;
	}
	return 0;
}

/* Bug: the cache keeps a pointer to host after this frame is gone. */
void cache_hostname(void)
{
	char host[64];

	if (gethostname(host, sizeof host) == 0)
		lru_put(g_default_cache, "hostname", host, strlen(host) + 1);
}

/* Runs fn with a small private cache as the default one. */
int with_temp_cache(void (*fn)(void))
{
	struct lru tmp;
	struct lru *saved = g_default_cache;

	if (lru_init(&tmp, 16, 1024, NULL, NULL) != 0)
		return -1;
	lru_set_default(&tmp);
	fn();
	lru_set_default(saved);
	lru_clear(&tmp);
	return 0;
}
