/* Callers with a stack buffer (bash's posix_edit_macros ->
   get_alias_value (alias_name)): a lookup keeps nothing, a create keeps
   the key. */
#include <stddef.h>
#include <string.h>
#include "table.h"

int lookup_only(const char *s)
{
	char name[16];
	strncpy(name, s, sizeof name - 1);
	name[sizeof name - 1] = 0;
	return t_value(name) != NULL;
}

int lookup_direct(const char *s)
{
	char name[16];
	strncpy(name, s, sizeof name - 1);
	name[sizeof name - 1] = 0;
	return t_find(name) != NULL;
}

int create(const char *s)
{
	char name[16];
	strncpy(name, s, sizeof name - 1);
	name[sizeof name - 1] = 0;
	return t_find_create(name) != NULL; // linked "escape-kept"
}

int by_flags(const char *s, int flags)
{
	char name[16];
	strncpy(name, s, sizeof name - 1);
	name[sizeof name - 1] = 0;
	return t_find_flags(name, flags) != NULL; // linked "escape-kept"
}

int other_bit(const char *s)
{
	char name[16];
	strncpy(name, s, sizeof name - 1);
	name[sizeof name - 1] = 0;
	return t_find_fresh(name) != NULL; // linked "escape-kept"
}

/* the test is on another bit than the keep: kept whatever the flags */
int always(const char *s, struct table *t)
{
	char name[16];
	strncpy(name, s, sizeof name - 1);
	name[sizeof name - 1] = 0;
	return t_keep_always(name, t, 0) != NULL; // linked "escape-kept"
}

/* a lookup on one path, a create on the other */
int one_path(const char *s, int make)
{
	char name[16];
	struct entry *e;
	strncpy(name, s, sizeof name - 1);
	name[sizeof name - 1] = 0;
	if (make)
		e = t_find_create(name); // linked "escape-kept"
	else
		e = t_find(name);
	return e != NULL;
}

/* the same table called directly from here, with a constant */
int direct(const char *s, struct table *t)
{
	char name[16];
	strncpy(name, s, sizeof name - 1);
	name[sizeof name - 1] = 0;
	return t_search(name, t, T_NOSRCH) != NULL;
}

int direct_create(const char *s, struct table *t)
{
	char name[16];
	strncpy(name, s, sizeof name - 1);
	name[sizeof name - 1] = 0;
	return t_search(name, t, T_CREATE | T_NOSRCH) != NULL; // linked "escape-kept"
}
