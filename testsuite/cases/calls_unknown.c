/* Given to an external function with no body and no rule: it may keep
   what it is given. */
#include <stdlib.h>

extern void registry_add(void *);
extern int lookup(int key);

void addr_to_unknown(void)
{
	int x = 1;
	registry_add(&x); // want "x escapes to heap"
}

void array_to_unknown(void)
{
	char buf[8] = "abc";
	registry_add(buf); // want "buf escapes to heap"
}

void param_to_unknown(int *p) // want "leaking param: p"
{
	registry_add(p);
}

void content_to_unknown(int **pp) // want "leaking param content: pp"
{
	registry_add(*pp);
}

void malloc_to_unknown(void)
{
	registry_add(malloc(8)); // want "malloc\(\.\.\.\) escapes to heap"
}

int value_to_unknown(void)
{
	int x = 2;
	int *p = &x;
	return lookup(*p);
}
