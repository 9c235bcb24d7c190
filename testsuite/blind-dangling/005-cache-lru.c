/* lru.c - an LRU cache of parsed objects keyed by string. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lru_entry {
	char *key;
	void *value;
	struct lru_entry *prev, *next;
};

struct lru {
	struct lru_entry *head, *tail;
	int count, capacity;
	void (*drop)(void *value);
};

static void lru_unlink(struct lru *c, struct lru_entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		c->head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		c->tail = e->prev;
	e->prev = e->next = NULL;
}

static void lru_push_front(struct lru *c, struct lru_entry *e)
{
	e->prev = NULL;
	e->next = c->head;
	if (c->head)
		c->head->prev = e;
	c->head = e;
	if (!c->tail)
		c->tail = e;
}

static void lru_evict(struct lru *c)
{
	struct lru_entry *victim;

	while (c->count > c->capacity && c->tail) {
		victim = c->tail;
		lru_unlink(c, victim);
		if (c->drop)
			c->drop(victim->value);
		free(victim->key);
		free(victim);
		c->count--;
	}
}

static struct lru_entry *lru_find(struct lru *c, const char *key)
{
	struct lru_entry *e;

	for (e = c->head; e; e = e->next)
		if (strcmp(e->key, key) == 0)
			return e;
	return NULL;
}

void *lru_get(struct lru *c, const char *key)
{
	struct lru_entry *e = lru_find(c, key);

	if (!e)
		return NULL;
	lru_unlink(c, e);
	lru_push_front(c, e);
	return e->value;
}

int lru_put(struct lru *c, const char *key, void *value)
{
	struct lru_entry *e = malloc(sizeof *e);

	if (!e)
		return -1;
	e->key = strdup(key);
	if (!e->key) {
		free(e);
		return -1;
	}
	e->value = value;
	lru_push_front(c, e);
	c->count++;
	lru_evict(c);
	return 0;
}

/* Convenience wrappers used by the object loader. */
int lru_put_id(struct lru *c, unsigned id, void *value)
{
	char key[24];

	snprintf(key, sizeof key, "id:%u", id);
	return lru_put(c, key, value);
}

void *lru_get_id(struct lru *c, unsigned id)
{
	char key[24];

	snprintf(key, sizeof key, "id:%u", id);
	return lru_get(c, key);
}

int lru_put_path(struct lru *c, const char *dir, const char *name, void *value)
{
	char key[256];
	struct lru_entry *e;

	if (snprintf(key, sizeof key, "%s/%s", dir, name) >= (int)sizeof key)
		return -1;
	e = calloc(1, sizeof *e);
	if (!e)
		return -1;
	e->key = key;
	e->value = value;
	lru_push_front(c, e);
	c->count++;
	lru_evict(c);
	return 0;
}
