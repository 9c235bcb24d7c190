/* testsuite/link/refcnt: the library (see refcnt.h). */
#include <stdlib.h>
#include "refcnt.h"

struct lis {
	void (*cb)(void *);
	void *arg;
	int fd;
	short refcnt;
	struct lis *next, **prevp;
};

/* every listener, as an event base holds its events */
static struct lis *all;

static void lis_link(struct lis *l)
{
	l->next = all;
	if (all)
		all->prevp = &l->next;
	all = l;
	l->prevp = &all;
}

static void lis_unlink(struct lis *l)
{
	if (l->next)
		l->next->prevp = l->prevp;
	*l->prevp = l->next;
}

struct lis_ev {
	struct lis base;
	int flags;
};

struct lis *lis_new(void (*cb)(void *), void *arg)
{
	struct lis_ev *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->base.cb = cb;
	l->base.arg = arg;
	l->base.fd = -1;
	l->base.refcnt = 1;
	lis_link(&l->base);
	return &l->base;
}

struct lis *lis_new_bind(void (*cb)(void *), void *arg, int port)
{
	struct lis *l;
	if (port < 0)
		return NULL;
	l = lis_new(cb, arg);
	if (!l)
		return NULL;
	l->fd = port;
	return l;
}

/* a conditional expression: GCC 12 at -O2 copies its PHI into another
   name before the return, GCC 13 on returns the PHI itself */
struct lis *lis_new_if(void (*cb)(void *), void *arg, int on)
{
	return on ? lis_new(cb, arg) : NULL;
}

struct lis *lis_new_held(void (*cb)(void *), void *arg)
{
	struct lis *l = lis_new(cb, arg);
	if (l)
		lis_incref(l);
	return l;
}

struct lis *lis_new_two(void (*cb)(void *), void *arg)
{
	struct lis *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->cb = cb;
	l->arg = arg;
	l->refcnt = 2;
	lis_link(l);
	return l;
}

struct lis *lis_new_unset(void (*cb)(void *), void *arg)
{
	struct lis *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->cb = cb;
	l->arg = arg;
	lis_link(l);
	return l;
}

struct lis *lis_new_maybe(void (*cb)(void *), void *arg, int shared)
{
	struct lis *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->cb = cb;
	l->arg = arg;
	if (shared)
		l->refcnt = 2;
	else
		l->refcnt = 1;
	lis_link(l);
	return l;
}

int lis_fd(struct lis *l)
{
	return l->fd;
}

void lis_incref(struct lis *l)
{
	++l->refcnt;
}

static int lis_decref(struct lis *l)
{
	int r = --l->refcnt;
	if (r == 0) {
		lis_unlink(l);
		free(l);
		return 1;
	}
	return 0;
}

void lis_free(struct lis *l)
{
	l->cb = NULL;
	lis_decref(l);
}

void lis_free_at_one(struct lis *l)
{
	if (--l->refcnt == 1) {
		lis_unlink(l);
		free(l);
	}
}

struct port {
	void (*cb)(void *);
	void *arg;
	int refcnt, closing;
	struct port *next;
};

static struct port *held, *ports;

struct port *port_add(void (*cb)(void *), void *arg)
{
	struct port *p = malloc(sizeof *p);
	if (!p)
		return NULL;
	p->cb = cb;
	p->arg = arg;
	p->refcnt = 1;
	p->closing = 0;
	p->next = ports;
	ports = p;
	return p;
}

static void port_free(struct port *p)
{
	p->cb = NULL;
	free(p);
}

void port_close(struct port *p)
{
	if (--p->refcnt == 0)
		port_free(p);
	else
		p->closing = 1;
}

void port_hold(struct port *p)
{
	p->refcnt++;
	p->next = held;
	held = p;
}

struct buf {
	void (*cb)(void *);
	void *arg;
	unsigned refcnt;
};

static struct buf *last_buf;

struct buf *buf_new(void (*cb)(void *), void *arg)
{
	struct buf *b = malloc(sizeof *b);
	if (b) {
		b->cb = cb;
		b->arg = arg;
		b->refcnt = 1;
		last_buf = b;
	}
	return b;
}

void buf_free(struct buf *b)
{
	if (--b->refcnt > 0)
		return;
	b->cb = NULL;
	free(b);
}
