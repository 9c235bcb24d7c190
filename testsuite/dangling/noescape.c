/* The noescape attribute: callers trust it, definitions keep it. */
#include "../../include/escape-noescape.h"
#include <stddef.h>

extern void checksum(const void *ESCAPE_NOESCAPE data, size_t n);
extern void visit(void *ESCAPE_NOESCAPE node, void *ctx);
void (*callback)(int *ESCAPE_NOESCAPE);
int *saved;

void trusted(void)
{
	int data[4] = { 0 };
	checksum(data, sizeof data);
	int node = 0, ctx = 0;
	visit(&node, &ctx); // linked "escape-unknown"
	int y = 0;
	callback(&y);
}

void broken(int *ESCAPE_NOESCAPE p)
{
	saved = p; // dangle "escape-noescape"
}

void kept(int *ESCAPE_NOESCAPE p)
{
	*p += 1;
}
