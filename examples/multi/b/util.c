/* b/util.c - a registry of named entries, kept in a global list: whatever
   is added escapes.  Same base name as a/util.c, a different report. */
#include <stdlib.h>
#include <string.h>
#include "b/util.h"

static struct entry *head;

/* "leaking param: e": e goes into the global list. */
void registry_add(struct entry *e)
{
	e->next = head;
	head = e;
}

/* "name does not escape"; the result comes from the list. */
struct entry *registry_find(const char *name)
{
	for (struct entry *e = head; e; e = e->next)
		if (strcmp(e->name, name) == 0)
			return e;
	return NULL;
}

int registry_size(void)
{
	int n = 0;

	for (struct entry *e = head; e; e = e->next)
		n++;
	return n;
}
