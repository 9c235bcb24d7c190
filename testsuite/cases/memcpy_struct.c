/* Copying a struct that holds an address copies the address: it escapes
   if the copy is somewhere that outlives the frame.  GCC turns small
   memcpys into plain (integer or aggregate) copies before the analysis
   runs; the verdicts are the same. */
#include <string.h>

struct holder {
	int *ptr;
	int n;
};

struct big {
	int *ptr;
	char pad[64];
};

struct holder g_holder;
struct big g_big;

void memcpy_to_global(void)
{
	int x = 1;
	struct holder h;
	h.ptr = &x; // want "x escapes to heap"
	h.n = 1;
	memcpy(&g_holder, &h, sizeof h);
}

void memcpy_big_to_global(void)
{
	int x = 2;
	struct big b;
	memset(&b, 0, sizeof b);
	b.ptr = &x; // want "x escapes to heap"
	memcpy(&g_big, &b, sizeof b);
}

int memcpy_to_local(void)
{
	int x = 3;
	struct holder h, copy;
	h.ptr = &x;
	h.n = 3;
	memcpy(&copy, &h, sizeof h);
	return *copy.ptr + copy.n;
}

void assign_to_global(void)
{
	int x = 4;
	struct holder h;
	h.ptr = &x; // want "x escapes to heap"
	h.n = 4;
	g_holder = h;
}

void memcpy_to_caller(struct holder *dst) // want "dst does not escape"
{
	int x = 5;
	struct holder h = {&x, 5}; // want "x escapes to heap"
	memcpy(dst, &h, sizeof h);
}

void memcpy_from_param(const struct holder *src) // want "leaking param content: src"
{
	memcpy(&g_holder, src, sizeof *src);
}
