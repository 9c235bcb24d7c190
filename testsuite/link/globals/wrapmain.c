/* ev_assign reached through a wrapper of another file (wrap.c): nothing
   the program runs sets dbg_on; ev_keep, with no guard, still keeps */
#include "lib.h"

void ev_init(struct ev *e, int fd);

int main(int argc, char **argv)
{
	struct ev a, d;
	(void)argv;
	ev_init(&a, argc);
	ev_init(&d, argc + 1);
	ev_keep(&d);		// linked "escape-kept"
	return a.fd + d.fd;
}
