#include <stdlib.h>
int *held;

void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		abort();
	return p;
}

/* prog1's hold keeps the address */
void hold(int *p)
{
	held = p;
}
