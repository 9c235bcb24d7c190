/* Zero-length arrays (GNU C) and flexible array members. */
#include <stdlib.h>

struct zla { int n; int data[0]; };
struct fam { int n; int data[]; };
int *g;

struct zla *make(int n)
{
	struct zla *z = malloc(sizeof *z + n * sizeof(int)); // want "malloc\(\.\.\.\) escapes to heap"
	if (z)
		z->n = n;
	return z;
}

int first(struct zla *z) // want "z does not escape"
{
	return z->data[0];
}

int *tail(struct fam *f) // want "leaking param: f to result level=0"
{
	return f->data;
}

void on_stack(void)
{
	struct zla s;
	s.n = 0;
	g = s.data; // want "s escapes to heap" warn "escape-global"
}
