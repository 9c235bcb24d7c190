/* Recall (issue #14 part 2): each compound literal and alloca area is an
   object of its own, a memcpy of a pointer is found whether GCC folds it
   (-O2) or not (-O0), conditional returns are found, and each warning
   stands at its sink. */
#include <alloca.h>
#include <string.h>

struct pt { int x, y; };
int *g;
/* p's address is taken at -O2 too (the folded memcpy no longer takes
   it): the same locals at both levels */
void observe(int *const *pp);
int global_arr[4];

struct pt *three(int i)
{
	if (i == 0)
		return &(struct pt){ 1, 2 }; // dangle "escape-return"
	if (i == 1)
		return &(struct pt){ 3, 4 }; // dangle "escape-return"
	return &(struct pt){ 5, 6 }; // dangle "escape-return"
}

char *two_areas(int i, size_t n)
{
	char *a = alloca(n);
	char *b = alloca(n);
	if (i)
		return a; // dangle "escape-return"
	return b; // dangle "escape-return"
}

void copy_to_global(void)
{
	int x = 0;
	int *p = &x;
	memcpy(&g, &p, sizeof p); // dangle "escape-global"
	observe(&p);
}

void copy_then_cleared(void)
{
	int x = 0;
	int *p = &x;
	memcpy(&g, &p, sizeof p);
	observe(&p);
	g = 0;
}

int *either(int i)
{
	int a[4] = { 0 };
	int *p = i ? global_arr : a;
	return p; // dangle "escape-return"
}

int *maybe(int c, int *q)
{
	int x = 0;
	int *p = c ? &x : q;
	return p; // dangle "escape-return"
}

/* the store is the sink, not the address-of */
void stored_later(int c)
{
	int x = 0;
	int *p = &x;
	if (c)
		g = p; // dangle "escape-global"
}
