/* Heap allocations: whether they leave the function they are made in (if
   not, they could live on its stack), named after the allocator. */
#include <stdlib.h>
#include <string.h>

void *g_mem;

struct buf {
	char *data;
	size_t len;
};

extern void registry_add(void *);

int malloc_freed(void)
{
	int *p = malloc(4 * sizeof *p); // want "malloc\(\.\.\.\) does not escape"
	if (!p)
		return -1;
	p[0] = 7;
	int v = p[0];
	free(p);
	return v;
}

void malloc_dropped(void)
{
	char *p = malloc(16); // want "malloc\(\.\.\.\) does not escape"
	if (p)
		p[0] = 0;
}

int *malloc_returned(void)
{
	int *p = malloc(sizeof *p); // want "malloc\(\.\.\.\) escapes to heap"
	if (p)
		*p = 1;
	return p;
}

void malloc_to_global(void)
{
	g_mem = malloc(32); // want "malloc\(\.\.\.\) escapes to heap"
}

void malloc_to_unknown(void)
{
	void *p = malloc(8); // want "malloc\(\.\.\.\) escapes to heap"
	registry_add(p);
}

struct buf malloc_in_returned_struct(size_t n)
{
	struct buf b;
	b.data = malloc(n); // want "malloc\(\.\.\.\) escapes to heap"
	b.len = n;
	return b;
}

void malloc_to_out(char **out) // want "out does not escape"
{
	*out = malloc(10); // want "malloc\(\.\.\.\) escapes to heap"
}

int *calloc_returned(size_t n)
{
	return calloc(n, sizeof(int)); // want "calloc\(\.\.\.\) escapes to heap"
}

int calloc_freed(void)
{
	int *p = calloc(4, sizeof *p); // want "calloc\(\.\.\.\) does not escape"
	if (!p)
		return -1;
	int v = p[3];
	free(p);
	return v;
}

int realloc_freed(void)
{
	char *p = malloc(8); // want "malloc\(\.\.\.\) does not escape"
	if (!p)
		return -1;
	char *q = realloc(p, 16); // want "realloc\(\.\.\.\) does not escape"
	if (!q) {
		free(p);
		return -1;
	}
	q[15] = 1;
	int v = q[15];
	free(q);
	return v;
}

void realloc_to_global(size_t n)
{
	g_mem = realloc(g_mem, n); // want "realloc\(\.\.\.\) escapes to heap"
}

char *strdup_returned(void)
{
	return strdup("escape"); // want "strdup\(\.\.\.\) escapes to heap"
}

size_t strdup_freed(void)
{
	char *s = strdup("local"); // want "strdup\(\.\.\.\) does not escape"
	if (!s)
		return 0;
	size_t n = strlen(s);
	free(s);
	return n;
}
