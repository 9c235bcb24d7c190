/* The library of testsuite/link/arrays. */
#include <stdlib.h>
#include "arrays.h"

struct event *ev_new(void)
{
	return calloc(1, sizeof(struct event));
}

/* keeps arg in the event until it is freed */
void ev_setarg(struct event *e, int fd, void *arg)
{
	e->fd = fd;
	e->arg = arg;
}

void ev_free(struct event *e)
{
	free(e);
}
