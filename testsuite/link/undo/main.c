/* testsuite/link/undo: each function a case; a linked marker names the
   warnings the link step must give, and no other. */
#include <stdlib.h>
#include "undo.h"

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

/* the keeper writes through the field the end clears */
int stream_clean_reset(void)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init_reset(&s) != 0)
		return -1;
	stream_step(&s, 3);
	return stream_end(&s);
}

/* ... and a later call that writes another field only */
int stream_reset_stepped(void)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init_reset(&s) != 0) // linked "escape-kept"
		return -1;
	stream_step(&s, 3);
	return 0;
}

int stream_clean_close(void)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init(&s) != 0)
		return -1;
	stream_close(&s);
	return 0;
}

int stream_clean_either(int how)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init(&s) != 0)
		return -1;
	stream_close_either(&s, how);
	return 0;
}

int stream_clean_split(int how)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init(&s) != 0)
		return -1;
	stream_close_split(&s, how);
	return 0;
}

/* ended on one of the callee's paths only */
int stream_part(int how)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init(&s) != 0) // linked "escape-kept"
		return -1;
	stream_close_part(&s, how);
	return 0;
}

/* init without end: the state still holds &s */
long stream_leak(void)
{
	struct stream s;
	s.alloc = alloc;
	s.release = free;
	if (stream_init(&s) != 0) // linked "escape-kept"
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
	if (stream_init(&s) != 0) // linked "escape-kept"
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
	buf_init(L, &b); // linked "escape-kept"
	stk_push(L, other);
}

/* pushed, never popped */
void buf_leak(struct stk *L)
{
	struct buf b;
	buf_init(L, &b); // linked "escape-kept"
	buf_add(&b, 'x');
}

/* popped on one path only */
void buf_half(struct stk *L, int c)
{
	struct buf b;
	buf_init(L, &b); // linked "escape-kept"
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
	reg_add(base, &ev); // linked "escape-kept"
	base_run(base);
	return base;
}

/* kept in a frame object of the caller's, which dies with it */
int event_self(void)
{
	struct event ev;
	int x = 0;
	ev_setarg(&ev, 1, &ev);
	ev_setarg(&ev, 2, &x);
	return ev.fd;
}

/* kept in the caller's event */
void event_heap(struct event *hev)
{
	int x = 0;
	ev_setarg(hev, 3, &x); // linked "escape-kept"
}

/* the callee restores what it linked before it returns */
int prepare(struct db *db)
{
	struct parse s;
	s.n = 0;
	return parse_run(&s, db);
}

int prepare_leaky(struct db *db, int c)
{
	struct parse s;
	s.n = 0;
	return parse_run_leaky(&s, db, c); // linked "escape-kept"
}

int event_new_clean(void)
{
	int x = 0;
	struct event *e = ev_new(&x);
	if (!e)
		return -1;
	e->fd = 1;
	ev_free(e);
	return x;
}

/* freed where it was made: the null branch kept nothing */
int event_new_guarded(int c)
{
	int x = 0;
	struct event *e = ev_new(&x);
	if (c && e)
		e->fd = 2;
	if (e)
		ev_free(e);
	return x;
}

/* returned: still holds &x */
struct event *event_new_leak(void)
{
	int x = 0;
	struct event *e = ev_new(&x); // linked "escape-kept"
	e->fd = 3;
	return e;
}

/* used, never freed */
int event_new_unfreed(void)
{
	int x = 0;
	struct event *e = ev_new(&x); // linked "escape-kept"
	if (e)
		e->fd = 4;
	return x;
}

/* An array freed in a loop: each element made (and given the address
   of its own x[i]) by a loop, each freed by a later loop over the same
   range (libevent's test_event_foreach, test_many_events): no warning */
int event_array(void)
{
	int x[5];
	struct event *e[5];
	int i;
	for (i = 0; i < 5; ++i)
		e[i] = ev_new(&x[i]);
	x[0] = 1;
	for (i = 0; i < 5; ++i)
		ev_free(e[i]);
	return x[0];
}

/* the same, the making loop leaving early, the freeing one skipping
   the null elements */
int event_array_null(int n)
{
	int x[5];
	struct event *e[5] = { 0 };
	int i;
	for (i = 0; i < 5; ++i) {
		if (i == n)
			goto end;
		e[i] = ev_new(&x[i]);
	}
	x[0] = 1;
end:
	for (i = 0; i < 5; ++i) {
		if (e[i])
			ev_free(e[i]);
	}
	return x[0];
}

/* freed over a shorter range */
int event_array_short(void)
{
	int x[5];
	struct event *e[5];
	int i;
	for (i = 0; i < 5; ++i)
		e[i] = ev_new(&x[i]); // linked "escape-kept"
	for (i = 0; i < 4; ++i)
		ev_free(e[i]);
	return x[0];
}

/* freed over a range that may be empty */
int event_array_n(int n)
{
	int x[5];
	struct event *e[5];
	int i;
	for (i = 0; i < 5; ++i)
		e[i] = ev_new(&x[i]); // linked "escape-kept"
	for (i = 0; i < n; ++i)
		ev_free(e[i]);
	return x[0];
}

/* the freeing loop may leave before the end of the range */
int event_array_break(int c)
{
	int x[5];
	struct event *e[5];
	int i;
	for (i = 0; i < 5; ++i)
		e[i] = ev_new(&x[i]); // linked "escape-kept"
	for (i = 0; i < 5; ++i) {
		ev_free(e[i]);
		if (c == i)
			break;
	}
	return x[0];
}

/* freed on some turns only */
int event_array_some(int c)
{
	int x[5];
	struct event *e[5];
	int i;
	for (i = 0; i < 5; ++i)
		e[i] = ev_new(&x[i]); // linked "escape-kept"
	for (i = 0; i < 5; ++i)
		if (c != i)
			ev_free(e[i]);
	return x[0];
}

/* another array freed */
int event_array_other(void)
{
	int x[5];
	struct event *e[5], *f[5];
	int i;
	for (i = 0; i < 5; ++i) {
		e[i] = ev_new(&x[i]); // linked "escape-kept"
		f[i] = ev_new(0);
	}
	for (i = 0; i < 5; ++i)
		ev_free(f[i]);
	return x[0];
}

/* one element freed after the loop, the others left */
int event_array_last(void)
{
	int x[5];
	struct event *e[5];
	int i;
	for (i = 0; i < 5; ++i)
		e[i] = ev_new(&x[i]); // linked "escape-kept"
	ev_free(e[i - 1]);
	return x[0];
}
