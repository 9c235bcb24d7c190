/* alloca areas are unnamed stack objects: reported at the call. */
#include <alloca.h>
#include <string.h>

void *g_area;

void alloca_to_global(unsigned n)
{
	g_area = alloca(n); // want "alloca\(\.\.\.\) escapes to heap"
}

char *alloca_returned(unsigned n)
{
	char *p = __builtin_alloca(n + 1); // want "alloca\(\.\.\.\) escapes to heap"
	p[0] = 0;
	return p;
}

int alloca_local(unsigned n)
{
	int *p = alloca((n + 1) * sizeof *p);
	memset(p, 0, (n + 1) * sizeof *p);
	return p[n];
}
