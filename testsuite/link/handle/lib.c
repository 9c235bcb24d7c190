/* The library of testsuite/link/handle. */
#include <stdlib.h>
#include "handle.h"

struct base *current;

struct base *base_new(void)
{
	struct base *b = calloc(1, sizeof *b);
	if (b && !current)
		current = b;
	return b;
}

/* the event's base, the current one when none is given */
void ev_assign(struct ev *e, struct base *b, int fd, void *arg)
{
	if (!b)
		b = current;
	e->base = b;
	e->fd = fd;
	e->arg = arg;
}

void ev_set_base(struct base *b, struct ev *e)
{
	e->base = b;
}

/* kept in the list of the base it was assigned to */
int ev_add(struct ev *e)
{
	struct base *b = e->base;
	e->next = b->head;
	b->head = e;
	b->n++;
	return 0;
}

/* kept in the list of another base, given */
void ev_move(struct ev *e, struct base *b)
{
	e->base = b;
	e->next = b->head;
	b->head = e;
}

/* the current base when none is given (event_base_free(NULL)) */
void base_free(struct base *b)
{
	if (!b && current)
		b = current;
	if (!b)
		return;
	if (b == current)
		current = 0;
	free(b);
}

/* empties nothing, frees nothing */
void base_clear(struct base *b)
{
	b->n = 0;
}

/* a fresh event: not in any list */
void ev_reset(struct ev *e)
{
	e->next = 0;
	e->fd = -1;
}

/* reads the event, writes a scalar of it: its base stays */
int ev_fd(struct ev *e)
{
	return e->fd;
}

void ev_set_fd(struct ev *e, int fd)
{
	e->fd = fd;
}

/* moves the event to another base, one call further */
void ev_rebase(struct ev *e, struct base *b)
{
	ev_set_base(b, e);
}

/* hands the event to a function the build does not define */
void ev_touch(struct ev *e)
{
	e->fd = 0;
	ev_unknown(e);
}
