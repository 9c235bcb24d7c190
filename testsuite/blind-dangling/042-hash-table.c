/* wordfreq.c - word frequencies with an open-addressing hash table. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct slot {
	const char *key;
	long count;
};

struct table {
	struct slot *slots;
	size_t cap, used;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

int table_init(struct table *t, size_t cap)
{
	t->slots = calloc(cap, sizeof *t->slots);
	t->cap = cap;
	t->used = 0;
	return t->slots ? 0 : -1;
}

/* The slot of key: its own, or the empty one where it would go. */
static struct slot *table_slot(struct table *t, const char *key)
{
	size_t i = hash(key) % t->cap;

	while (t->slots[i].key && strcmp(t->slots[i].key, key) != 0)
		i = (i + 1) % t->cap;
	return &t->slots[i];
}

/* The table does not copy keys: they must outlive it. */
static int table_add(struct table *t, const char *key, long n)
{
	struct slot *s;

	if (t->used + 1 >= t->cap)
		return -1;
	s = table_slot(t, key);
	if (!s->key) {
		s->key = key;
		t->used++;
	}
	s->count += n;
	return 0;
}

long table_get(struct table *t, const char *word)
{
	char key[64];
	size_t i;

	for (i = 0; word[i] && i + 1 < sizeof key; i++)
		key[i] = (char)tolower((unsigned char)word[i]);
	key[i] = '\0';
	return table_slot(t, key)->count;
}

/* Counts the words of text into t. */
int index_words(struct table *t, const char *text)
{
	char word[64];
	size_t n = 0;

	for (;; text++) {
		if (isalpha((unsigned char)*text)) {
			if (n + 1 < sizeof word)
				word[n++] = (char)tolower((unsigned char)*text);
			continue;
		}
		if (n) {
			word[n] = '\0';
			if (table_add(t, word, 1) < 0)
				return -1;
			n = 0;
		}
		if (!*text)
			return 0;
	}
}

/* Adds the stop words, which live in static storage. */
int add_stop_words(struct table *t)
{
	static const char *const stop[] = { "a", "an", "and", "of", "the", "to" };
	size_t i;

	for (i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (table_add(t, stop[i], 0) < 0)
			return -1;
	return 0;
}

void table_free(struct table *t)
{
	free(t->slots);
	t->slots = NULL;
	t->cap = t->used = 0;
}
