/* The library of testsuite/link/undo: keepers and what undoes them. */
#include <stdlib.h>
#include "undo.h"

struct state {
	struct stream *owner;
	int mode;
};

/* init/end: the state it allocates (by the stream's own allocator, as
   zlib's ZALLOC) holds the stream's address until stream_end frees it
   (zlib's inflateInit_/inflateEnd) */
int stream_init(struct stream *s)
{
	struct state *st = s->alloc(sizeof *st);
	if (!st)
		return -1;
	st->owner = s;
	st->mode = 0;
	s->state = st;
	s->total = 0;
	return 0;
}

/* the same, then what the state holds set through the stream's own
   field (zlib's deflateInit2_ -> deflateReset: strm->state->...) */
int stream_init_reset(struct stream *s)
{
	int r = stream_init(s);
	if (r != 0)
		return r;
	s->state->owner = s;
	s->state->mode = 1;
	return 0;
}

/* writes other fields of the stream on every path: undoes nothing */
int stream_step(struct stream *s, int n)
{
	s->total += n;
	s->next = 0;
	return 0;
}

int stream_end(struct stream *s)
{
	if (!s->state)
		return -2; /* a failure return: not a path that must free */
	s->release(s->state);
	s->state = 0;
	return 0;
}

/* the same without a result: the path on which there is no state has
   nothing to free */
void stream_close(struct stream *s)
{
	if (s->state == 0)
		return;
	s->release(s->state);
	s->state = 0;
}

/* two ways to end, one of which is taken (zlib's gzclose: gzclose_r or
   gzclose_w by the file's mode) */
__attribute__((noinline)) static void close_r(struct stream *s)
{
	s->release(s->state);
	s->state = 0;
}

__attribute__((noinline)) static void close_w(struct stream *s)
{
	s->total = 0;
	s->release(s->state);
	s->state = 0;
}

void stream_close_either(struct stream *s, int how)
{
	if (how)
		close_r(s);
	else
		close_w(s);
}

/* the same written out: the state cleared on each branch */
void stream_close_split(struct stream *s, int how)
{
	if (how) {
		s->release(s->state);
		s->state = 0;
	} else {
		s->total = 0;
		s->release(s->state);
		s->state = 0;
	}
}

/* one way ends, the other does not */
void stream_close_part(struct stream *s, int how)
{
	if (how)
		close_r(s);
	else
		s->total = 0;
}

/* a placeholder pushed on an array stack and popped (Lua's
   luaL_buffinit/luaL_pushresult) */
void stk_push(struct stk *L, void *p)
{
	*L->top = p;
	L->top++;
}

void stk_pop(struct stk *L, int n)
{
	L->top -= n;
}

void buf_init(struct stk *L, struct buf *b)
{
	b->L = L;
	b->n = 0;
	stk_push(L, b);
}

void buf_add(struct buf *b, char c)
{
	if (b->n < 64)
		b->data[b->n++] = c;
}

void buf_result(struct buf *b)
{
	stk_pop(b->L, 1);
}

/* register/free: the base keeps the event until it is freed
   (libevent's event_assign/event_base_free) */
struct base *base_new(void)
{
	struct base *b = calloc(1, sizeof *b);
	if (b)
		b->events = calloc(16, sizeof *b->events);
	return b;
}

void reg_add(struct base *base, struct event *ev)
{
	ev->base = base;
	base->events[base->n++] = ev;
}

void base_run(struct base *base)
{
	for (int i = 0; i < base->n; i++)
		base->events[i]->fd = -1;
}

void base_free(struct base *base)
{
	if (!base)
		return;
	free(base->events);
	free(base);
}

/* the callback argument, kept in the event (libevent's event_set(&ev,
   fd, flags, cb, &ev)) */
void ev_setarg(struct event *ev, int fd, void *arg)
{
	ev->fd = fd;
	ev->arg = arg;
}

int parse_run(struct parse *p, struct db *db)
{
	struct parse *parent = db->cur;
	db->cur = p;
	p->n = db->busy;
	db->cur = parent;
	return p->n;
}

/* restored on one path only */
int parse_run_leaky(struct parse *p, struct db *db, int c)
{
	struct parse *parent = db->cur;
	db->cur = p;
	p->n = db->busy;
	if (c)
		db->cur = parent;
	return p->n;
}

/* a handle the keeper allocates and returns, holding the argument until
   it is freed (libevent's event_new(base, fd, flags, cb, &arg) ...
   event_free(ev); allocated through a hook, as mm_malloc) */
void *(*ev_alloc)(unsigned long) = malloc;

struct event *ev_new(void *arg)
{
	struct event *e = ev_alloc(sizeof *e);
	if (!e)
		return 0;
	e->arg = arg;
	return e;
}

void ev_free(struct event *e)
{
	free(e);
}
