/* A guard inside another: the keep stands under a test of a flags
   parameter that itself stands after a null test of another parameter
   (bash's hash_search: if (table == 0 || ...) return NULL; ... if (flags
   & HASH_CREATE) { ... list->key = string; }).  Each step takes the
   innermost test's guard; a constant that makes either test false keeps
   nothing. */
#include <stddef.h>
#include <stdlib.h>

#define CREATE 2
#define NOSRCH 1
#define OTHER 4

struct entry { struct entry *next; const char *key; };
struct table { struct entry *head; int n; };
int find(const char *key);

__attribute__((noinline)) struct entry *search(const char *key,
					       struct table *t, int flags)
{
	struct entry *e;
	if (t == 0)
		return NULL;
	if (flags & CREATE) {
		e = malloc(sizeof *e);
		if (!e)
			return NULL;
		e->next = t->head;
		t->head = e;
		e->key = key;
		t->n++;
		return e;
	}
	find(key);
	return NULL;
}

int lookup(struct table *t)
{
	char k[8] = "x";
	return search(k, t, NOSRCH) != NULL;
}

int no_table(void)
{
	char k[8] = "x";
	return search(k, NULL, CREATE) != NULL;
}

int create(struct table *t)
{
	char k[8] = "x";
	return search(k, t, CREATE) != NULL; // dangle "escape-kept"
}

int other_bits(struct table *t)
{
	char k[8] = "x";
	return search(k, t, OTHER | CREATE) != NULL; // dangle "escape-kept"
}

int by_flags(struct table *t, int flags)
{
	char k[8] = "x";
	return search(k, t, flags) != NULL; // dangle "escape-kept"
}

/* a caller that passes its own flags on: guarded by them in turn */
__attribute__((noinline)) int wrap(struct table *t, const char *key,
				   int flags)
{
	return search(key, t, flags) != NULL;
}

int wrapped_lookup(struct table *t)
{
	char k[8] = "x";
	return wrap(t, k, 0);
}

int wrapped_create(struct table *t)
{
	char k[8] = "x";
	return wrap(t, k, CREATE); // dangle "escape-kept"
}

/* the keep stands outside the flags test: kept whatever the flags */
__attribute__((noinline)) int keep_outside(const char *key, struct table *t,
					   int flags)
{
	struct entry *e;
	if (t == 0)
		return 0;
	if (flags & CREATE)
		t->n++;
	e = malloc(sizeof *e);
	if (!e)
		return 0;
	e->key = key;
	t->head = e;
	return 1;
}

int outside(struct table *t)
{
	char k[8] = "x";
	return keep_outside(k, t, 0); // dangle "escape-kept"
}
