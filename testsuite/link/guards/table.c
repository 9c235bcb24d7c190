/* The table (bash's hashlib.c): t_search keeps key only under T_CREATE;
   t_keep_always keeps it whatever the flags (its flags test guards
   something else). */
#include <stdlib.h>
#include <string.h>
#include "table.h"

static unsigned hash(const char *s)
{
	unsigned h = 0;
	while (*s)
		h = h * 31 + (unsigned char)*s++;
	return h % 64;
}

struct entry *t_search(const char *key, struct table *t, int flags)
{
	struct entry *e;
	unsigned b;

	if (t == 0 || ((flags & T_CREATE) == 0 && t->n == 0))
		return NULL;
	b = hash(key);
	for (e = t->bucket[b]; e; e = e->next)
		if (strcmp(e->key, key) == 0)
			return e;
	if (flags & T_CREATE) {
		e = malloc(sizeof *e);
		if (!e)
			return NULL;
		e->next = t->bucket[b];
		t->bucket[b] = e;
		e->key = key;
		e->data = NULL;
		t->n++;
		return e;
	}
	return NULL;
}

static const char *last;

const char *t_keep_always(const char *key, struct table *t, int flags)
{
	if (flags & T_CREATE)
		t->n++;
	last = key;
	return last;
}
