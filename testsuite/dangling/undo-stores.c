/* The undo rules that need a keeper's stores, in one file (as the link
   step asks them across files: testsuite/link/agree): a release that
   clears every pointer field the keeper wrote in the object it stored the
   address into, and a handle an earlier call stored in the kept object,
   freed. */
#include <stdlib.h>

void cb(void *);
void work(void);

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

__attribute__((noinline)) struct conn *conn_new(void)
{
	struct conn *c = alloc(sizeof *c);
	if (c) {
		c->cb = c->err = NULL;
		c->arg = NULL;
		c->refcnt = 1;
	}
	return c;
}

__attribute__((noinline)) void conn_setcb(struct conn *c, void (*f)(void *),
					  void (*err)(void *), void *arg)
{
	c->cb = f;
	c->err = err;
	c->arg = arg;
}

__attribute__((noinline)) void conn_run(struct conn *c)
{
	if (c->cb)
		c->cb(c->arg);
}

/* clears every callback field, frees with the last reference */
__attribute__((noinline)) void conn_free(struct conn *c)
{
	conn_setcb(c, NULL, NULL, NULL);
	if (--c->refcnt == 0)
		free(c);
}

/* clears the callbacks, not their argument */
__attribute__((noinline)) void conn_close(struct conn *c)
{
	c->cb = NULL;
	c->err = NULL;
	if (--c->refcnt == 0)
		free(c);
}

int conn_clean(void)
{
	int x = 0;
	struct conn *k = conn_new();
	if (!k)
		return 1;
	conn_setcb(k, cb, cb, &x);
	conn_run(k);
	conn_free(k);
	return x;
}

int conn_closed(void)
{
	int x = 0;
	struct conn *k = conn_new();
	if (!k)
		return 1;
	conn_setcb(k, cb, cb, &x); // dangle "escape-caller"
	conn_run(k);
	conn_close(k);
	return x;
}

int conn_some(int c)
{
	int x = 0;
	struct conn *k = conn_new();
	if (!k)
		return 1;
	conn_setcb(k, cb, cb, &x); // dangle "escape-caller"
	conn_run(k);
	if (c)
		conn_free(k);
	return x;
}

struct ev;
struct base {
	struct ev *head;
};
struct ev {
	struct base *base;
	struct ev *next;
	int flags;
};

__attribute__((noinline)) struct base *base_new(void)
{
	struct base *b = alloc(sizeof *b);
	if (b)
		b->head = NULL;
	return b;
}

__attribute__((noinline)) void base_free(struct base *b)
{
	free(b);
}

__attribute__((noinline)) void ev_assign(struct ev *e, struct base *b)
{
	e->base = b;
	e->next = NULL;
	e->flags = 0;
}

__attribute__((noinline)) void ev_add(struct ev *e)
{
	e->next = e->base->head;
	e->base->head = e;
	e->flags = 1;
}

void ev_clean(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b);
	ev_add(&e);
	work();
	base_free(b);
}

void ev_other(void)
{
	struct base *b = base_new(), *o = base_new();
	struct ev e;
	ev_assign(&e, b);
	ev_add(&e); // dangle "escape-kept"
	work();
	base_free(o);
}

void ev_some(int c)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b);
	ev_add(&e); // dangle "escape-kept"
	if (c)
		base_free(b);
}
