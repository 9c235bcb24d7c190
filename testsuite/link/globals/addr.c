/* the flag written through its address, taken in another file */
#include "lib.h"

static void poke(int *p, int v)
{
	*p = v;
}

int main(int argc, char **argv)
{
	struct ev a;
	(void)argv;
	poke(&dbg_on, argc);
	ev_assign(&a, argc, &a);	// linked "escape-kept"
	return a.fd;
}
