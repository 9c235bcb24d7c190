#include <stdlib.h>
int last;

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		exit(2);
	return p;
}

/* prog2's hold only reads it */
void hold(int *p)
{
	last = *p;
}
