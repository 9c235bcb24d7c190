/* testsuite/link/hooks: the library (see hooks.h). */
#include <stdlib.h>
#include "hooks.h"

static void *(*mm_malloc_fn)(size_t);
static void (*mm_free_fn)(void *);
static void (*notify_fn)(void *);

void set_mem_functions(void *(*m)(size_t), void (*f)(void *))
{
	mm_malloc_fn = m;
	mm_free_fn = f;
}

void set_notify(void (*n)(void *))
{
	notify_fn = n;
}

static void *mm_malloc(size_t n)
{
	return mm_malloc_fn ? mm_malloc_fn(n) : malloc(n);
}

static void mm_free(void *p)
{
	if (mm_free_fn)
		mm_free_fn(p);
	else
		free(p);
}

struct ev *ev_new(void (*cb)(void *), void *arg)
{
	struct ev *e = mm_malloc(sizeof *e);
	if (!e)
		return NULL;
	e->cb = cb;
	e->arg = arg;
	return e;
}

void ev_run(struct ev *e)
{
	e->cb(e->arg);
}

void ev_free(struct ev *e)
{
	mm_free(e);
}

/* a hook that is no deallocator */
void ev_notify(struct ev *e)
{
	if (notify_fn)
		notify_fn(e);
}

struct reg {
	void *items[8];
	int n;
};

struct reg *reg_new(void)
{
	struct reg *r = mm_malloc(sizeof *r);
	if (r)
		r->n = 0;
	return r;
}

void reg_add(struct reg *r, void *p)
{
	if (r->n < 8)
		r->items[r->n++] = p;
}

void reg_free(struct reg *r)
{
	mm_free(r);
}

struct conn {
	void (*readcb)(void *);
	void (*errcb)(void *);
	void *cbarg;
	int refcnt;
};

struct conn *conn_new(void)
{
	struct conn *c = mm_malloc(sizeof *c);
	if (c) {
		c->readcb = c->errcb = NULL;
		c->cbarg = NULL;
		c->refcnt = 1;
	}
	return c;
}

int conn_open(struct conn **out)
{
	*out = conn_new();
	return *out ? 0 : -1;
}

void conn_setcb(struct conn *c, void (*readcb)(void *), void (*errcb)(void *),
		void *arg)
{
	c->readcb = readcb;
	c->errcb = errcb;
	c->cbarg = arg;
}

void conn_run(struct conn *c)
{
	if (c->readcb)
		c->readcb(c->cbarg);
}

/* freed only when the last reference goes: the callbacks are cleared
   first */
void conn_free(struct conn *c)
{
	conn_setcb(c, NULL, NULL, NULL);
	if (--c->refcnt == 0)
		mm_free(c);
}

/* clears the callbacks but not their argument */
void conn_close(struct conn *c)
{
	c->readcb = NULL;
	c->errcb = NULL;
	if (--c->refcnt == 0)
		mm_free(c);
}

struct parser {
	void *user;
	const char *pos;
	struct mem mem;
	void (*report)(void *);
};

static void report_default(void *p)
{
	(void)p;
}

struct parser *parser_create(const struct mem *ms)
{
	struct parser *p;
	if (ms) {
		p = ms->malloc_fcn(sizeof *p);
		if (p) {
			p->mem.malloc_fcn = ms->malloc_fcn;
			p->mem.free_fcn = ms->free_fcn;
		}
	} else {
		p = malloc(sizeof *p);
		if (p) {
			p->mem.malloc_fcn = malloc;
			p->mem.free_fcn = free;
		}
	}
	if (!p)
		return NULL;
	p->user = NULL;
	p->pos = NULL;
	p->report = report_default;
	return p;
}

void parser_set_user(struct parser *p, void *user)
{
	p->user = user;
}

int parser_parse(struct parser *p, const char *s)
{
	int *depth = p->user;
	for (p->pos = s; *p->pos; p->pos++)
		(*depth)++;
	return 0;
}

void parser_free(struct parser *p)
{
	p->mem.free_fcn(p);
}

/* an indirect call through a field that holds no deallocator */
void parser_report(struct parser *p)
{
	p->report(p);
}
