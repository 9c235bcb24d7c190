/* the flag written through a pointer to it that static data holds */
#include "lib.h"

static int *flagp = &dbg_on;

static void poke(int v)
{
	*flagp = v;
}

int main(int argc, char **argv)
{
	struct ev a;
	(void)argv;
	poke(argc);
	ev_assign(&a, argc, &a);	// linked "escape-kept"
	return a.fd;
}
