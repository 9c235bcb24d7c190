/* Stored into a heap object: it escapes when the object does (returned,
   published), not when the object stays in the function. */
#include <stdlib.h>

struct box {
	int *f;
};

struct box *g_box;

struct box *into_returned_object(void)
{
	int x = 1;
	struct box *b = malloc(sizeof *b); // want "malloc\(\.\.\.\) escapes to heap"
	if (b)
		b->f = &x; // want "x escapes to heap"
	return b;
}

void into_published_object(void)
{
	int x = 2;
	struct box *b = malloc(sizeof *b); // want "malloc\(\.\.\.\) escapes to heap"
	if (!b)
		return;
	b->f = &x; // want "x escapes to heap"
	g_box = b;
}

int into_local_object(void)
{
	int x = 3;
	struct box *b = malloc(sizeof *b); // want "malloc\(\.\.\.\) does not escape"
	if (!b)
		return 0;
	b->f = &x;
	int v = *b->f;
	free(b);
	return v;
}

void into_global_object(void)
{
	int x = 4;
	if (g_box)
		g_box->f = &x; // want "x escapes to heap"
}
