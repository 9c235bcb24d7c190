/* testsuite/link/drain: the library (see drain.h). */
#include "drain.h"

#include <stdlib.h>

struct event_base {
	struct event *head;
	int brk;
};
static struct event_base *current_base;

struct event_base *event_base_new(void)
{
	return calloc(1, sizeof(struct event_base));
}

struct event_base *event_init(void)
{
	current_base = event_base_new();
	return current_base;
}

int event_assign(struct event *ev, struct event_base *base, int fd, short events,
		 void (*cb)(int, short, void *), void *arg)
{
	ev->base = base;
	ev->fd = fd;
	ev->events = events;
	ev->cb = cb;
	ev->arg = arg;
	ev->next = 0;
	return 0;
}

void event_set(struct event *ev, int fd, short events,
	       void (*cb)(int, short, void *), void *arg)
{
	event_assign(ev, current_base, fd, events, cb, arg);
}

int event_base_set(struct event_base *base, struct event *ev)
{
	ev->base = base;
	return 0;
}

int event_add(struct event *ev, const struct timeval *tv)
{
	(void)tv;
	ev->next = ev->base->head;
	ev->base->head = ev;
	return 0;
}

void event_active(struct event *ev, int res, short ncalls)
{
	(void)res;
	(void)ncalls;
	event_add(ev, 0);
}

int event_base_once(struct event_base *base, int fd, short events,
		    void (*cb)(int, short, void *), void *arg,
		    const struct timeval *tv)
{
	struct event *ev = malloc(sizeof *ev);
	if (!ev)
		return -1;
	/* (the loop frees it once it ran: not modelled here) */
	event_assign(ev, base, fd, events, cb, arg);
	return event_add(ev, tv);
}

int event_base_loop(struct event_base *base, int flags)
{
	while (base->head && !base->brk) {
		struct event *ev = base->head;
		base->head = ev->next;
		ev->cb(ev->fd, ev->events, ev->arg);
		if (flags & EVLOOP_ONCE)
			break;
	}
	base->brk = 0;
	return 0;
}

int event_base_dispatch(struct event_base *base)
{
	return event_base_loop(base, 0);
}

int event_dispatch(void)
{
	return event_base_loop(current_base, 0);
}

int event_base_loopbreak(struct event_base *base)
{
	base->brk = 1;
	return 0;
}

int event_base_loopexit(struct event_base *base, const struct timeval *tv)
{
	(void)tv;
	return event_base_loopbreak(base);
}

int event_loopexit(const struct timeval *tv)
{
	return event_base_loopexit(current_base, tv);
}

void lib_exit_cb(int fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	event_base_loopbreak(arg);
}

void lib_quiet_cb(int fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	(void)arg;
}
