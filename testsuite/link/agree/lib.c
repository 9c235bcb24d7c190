/* testsuite/link/agree: the library (see agree.h). */
#include <stdlib.h>
#include "agree.h"

/* the program's allocator hook: what it returns is the heap's */
static void *(*alloc_fn)(size_t);

void set_alloc(void *(*a)(size_t))
{
	alloc_fn = a;
}

static void *alloc(size_t n)
{
	return alloc_fn ? alloc_fn(n) : malloc(n);
}

struct conn {
	void (*cb)(void *);
	void (*err)(void *);
	void *arg;
	int refcnt;
};

struct conn *conn_new(void)
{
	struct conn *c = alloc(sizeof *c);
	if (c) {
		c->cb = c->err = NULL;
		c->arg = NULL;
		c->refcnt = 1;
	}
	return c;
}

void conn_setcb(struct conn *c, void (*cb)(void *), void (*err)(void *),
		void *arg)
{
	c->cb = cb;
	c->err = err;
	c->arg = arg;
}

void conn_run(struct conn *c)
{
	if (c->cb)
		c->cb(c->arg);
}

void conn_free(struct conn *c)
{
	conn_setcb(c, NULL, NULL, NULL);
	if (--c->refcnt == 0)
		free(c);
}

void conn_close(struct conn *c)
{
	c->cb = NULL;
	c->err = NULL;
	if (--c->refcnt == 0)
		free(c);
}

struct base {
	struct ev *head;
};

struct base *base_new(void)
{
	struct base *b = malloc(sizeof *b);
	if (b)
		b->head = NULL;
	return b;
}

void base_free(struct base *b)
{
	free(b);
}

void ev_assign(struct ev *e, struct base *b)
{
	e->base = b;
	e->next = NULL;
	e->flags = 0;
}

void ev_add(struct ev *e)
{
	e->next = e->base->head;
	e->base->head = e;
	e->flags = 1;
}

void stk_push(struct stk *s, struct blk *b)
{
	b->prev = s->top;
	s->top = b;
}
