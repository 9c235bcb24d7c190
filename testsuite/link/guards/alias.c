/* Wrappers of the table in a third file (bash's alias.c: find_alias
   calls hash_search (name, aliases, 0)). */
#include <stddef.h>
#include "table.h"

static struct table aliases;

struct entry *t_find(const char *key)
{
	return t_search(key, &aliases, 0);
}

struct entry *t_find_create(const char *key)
{
	return t_search(key, &aliases, T_CREATE);
}

struct entry *t_find_flags(const char *key, int flags)
{
	return t_search(key, &aliases, flags);
}

/* another bit than the one the keep stands under: kept */
struct entry *t_find_fresh(const char *key)
{
	return t_search(key, &aliases, T_FRESH | T_CREATE);
}

void *t_value(const char *key)
{
	struct entry *e = t_find(key);
	return e ? e->data : NULL;
}
