/* Integers carry addresses through conversions and this frame's own
   objects, but an integer read through a pointer is a number unless it is
   declared uintptr_t/intptr_t, and GCC's folded memcpy moves pointers. */
#include <stdint.h>
#include <string.h>

struct counters { unsigned long used, size; };
struct tagged { uintptr_t bits; };
struct box { unsigned long h; };
struct pair { int *p; int *q; };

int *g;
struct pair g_pair;

void copy_counter(struct counters *c) // want "c does not escape"
{
	c->used = c->size;
}

unsigned long count(const struct counters *c) // want "c does not escape"
{
	return c->used + c->size;
}

int *untag(const struct tagged *t) // want "leaking param: t to result level=1"
{
	return (int *)(t->bits & ~(uintptr_t)3);
}

void through_local_struct(void)
{
	int x = 0;
	struct box b;
	b.h = (unsigned long)&x; // want "x escapes to heap"
	g = (int *)b.h;
}

void folded_memcpy(const struct pair *src) // want "leaking param content: src"
{
	memcpy(&g_pair, src, sizeof *src);
}
