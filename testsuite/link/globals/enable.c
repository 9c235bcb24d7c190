/* main sets the flag on one path only */
#include "lib.h"

int main(int argc, char **argv)
{
	struct ev a;
	(void)argv;
	if (argc > 2)
		dbg_enable();
	ev_assign(&a, argc, &a);	// linked "escape-kept"
	return a.fd;
}
