/* escape-return: the address of a stack object leaves by the return. */
#include <alloca.h>
#include <stddef.h>

struct box { int *p; };

int *direct(void) // fact "local direct x escapes" "warning direct x dangles"
{
	int x = 1;
	return &x; // dangle "escape-return"
}

int *through_variable(void)
{
	int x = 2;
	int *p = &x;
	return p; // dangle "escape-return"
}

struct box in_struct(void)
{
	int x = 3;
	struct box b = { &x };
	return b; // dangle "escape-return"
}

int *conditional(int c)
{
	int a = 0, b = 0;
	return c ? &a : &b; // dangle "escape-return" "escape-return"
}

static int *same(int *p)
{
	return p;
}

int *through_helper(void)
{
	int x = 4;
	return same(&x); // dangle "escape-return"
}

int *compound(void)
{
	int *p = (int[]){ 1, 2, 3 };
	return p; // dangle "escape-return"
}

char *area(size_t n)
{
	char *p = alloca(n);
	return p; // dangle "escape-return"
}

int *fine(int *caller)
{
	int x = *caller;
	return x > 0 ? caller : NULL;
}
