/* Undo by a later call: a keeper of this file (init, push, register)
   and a later call that tears down or undoes what it kept (end, pop,
   free), by their effects (effects.c): the same shapes as
   testsuite/link/undo, in one file.  Init without end, or an end on one
   path only, still warns. */
#include <stdlib.h>

struct state;
struct stream {
	struct state *state;
	char *next;
	long total;
	void *(*alloc)(unsigned long);
	void (*release)(void *);
};
int stream_init(struct stream *s);
int stream_step(struct stream *s, int n);
int stream_end(struct stream *s);

struct stk {
	void **top;
	void *slots[32];
};
struct buf {
	struct stk *L;
	int n;
	char data[64];
};
void stk_push(struct stk *L, void *p);
void stk_pop(struct stk *L, int n);
void buf_init(struct stk *L, struct buf *b);
void buf_add(struct buf *b, char c);
void buf_result(struct buf *b);

struct event;
struct base {
	struct event **events;
	int n;
};
struct event {
	struct base *base;
	int fd;
};
struct base *base_new(void);
void reg_add(struct base *base, struct event *ev);
void base_run(struct base *base);
void base_free(struct base *base);

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

static void *alloc(unsigned long n)
{
	return malloc(n);
}

int stream_clean(void)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init(&s) != 0)
		return -1;
	stream_step(&s, 3);
	return stream_end(&s);
}

/* init without end: the state still holds &s */
long stream_leak(void)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init(&s) != 0) // dangle "escape-kept"
		return -1;
	stream_step(&s, 3);
	return s.total;
}

/* end on one path only */
int stream_half(int c)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init(&s) != 0) // dangle "escape-kept"
		return -1;
	if (c)
		stream_end(&s);
	return 0;
}

void buf_clean(struct stk *L)
{
	struct buf b;
	buf_init(L, &b);
	buf_add(&b, 'x');
	buf_result(&b);
}

/* another value pushed after it: no pop */
void buf_push(struct stk *L, void *other)
{
	struct buf b;
	buf_init(L, &b); // dangle "escape-kept"
	stk_push(L, other);
}

/* pushed, never popped */
void buf_leak(struct stk *L)
{
	struct buf b;
	buf_init(L, &b); // dangle "escape-kept"
	buf_add(&b, 'x');
}

/* popped on one path only */
void buf_half(struct stk *L, int c)
{
	struct buf b;
	buf_init(L, &b); // dangle "escape-kept"
	buf_add(&b, 'x');
	if (c)
		buf_result(&b);
}

void event_clean(void)
{
	struct base *base = base_new();
	struct event ev;
	reg_add(base, &ev);
	base_run(base);
	base_free(base);
}

/* the base outlives the event */
struct base *event_leak(void)
{
	struct base *base = base_new();
	struct event ev;
	reg_add(base, &ev); // dangle "escape-caller"
	base_run(base);
	return base;
}
