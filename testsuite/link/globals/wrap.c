/* testsuite/link/globals: a wrapper of ev_assign in a file of its own
   (the programs wrapmain.c and wrapon.c, with lib.c; it passes no
   callback argument: a callee storing one argument into the memory of
   another is taken, through a wrapper, as storing into the heap) */
#include "lib.h"

void ev_init(struct ev *e, int fd)
{
	ev_assign(e, fd, 0);
}
