/* testsuite/link/drain: the library (see drain.h). */
#include "drain.h"

#include <stdlib.h>

struct event_base {
	struct event *head;
	struct event *made; /* the last event made for it (as libevent's
			       debug map keeps every event it made) */
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
	ev->fin = 0;
	ev->freeit = 0;
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

struct event *event_new(struct event_base *base, int fd, short events,
			void (*cb)(int, short, void *), void *arg)
{
	struct event *ev = malloc(sizeof *ev);
	if (ev) {
		event_assign(ev, base, fd, events, cb, arg);
		base->made = ev;
	}
	return ev;
}

/* the next dispatch runs the finalizer (and frees the event) */
int event_finalize(unsigned flags, struct event *ev,
		   void (*cb)(struct event *, void *))
{
	(void)flags;
	ev->fin = cb;
	ev->freeit = 0;
	return event_add(ev, 0);
}

int event_free_finalize(unsigned flags, struct event *ev,
			void (*cb)(struct event *, void *))
{
	event_finalize(flags, ev, cb);
	ev->freeit = 1;
	return 0;
}

int event_base_loop(struct event_base *base, int flags)
{
	while (base->head && !base->brk) {
		struct event *ev = base->head;
		base->head = ev->next;
		if (ev->fin) {
			ev->fin(ev, ev->arg);
			if (ev->freeit)
				free(ev);
			continue;
		}
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

/* a lock through a pointer, as libevent's EVBASE_ACQUIRE_LOCK: an
   indirect call */
static void no_lock(void *p)
{
	(void)p;
}
void (*event_lock_fn)(void *) = no_lock;

int event_base_loopbreak(struct event_base *base)
{
	event_lock_fn(base);
	base->brk = 1;
	return 0;
}

struct event *event_base_get_running_event(struct event_base *base)
{
	event_lock_fn(base);
	return base->head;
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
