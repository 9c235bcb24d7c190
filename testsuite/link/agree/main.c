/* testsuite/link/agree: each function a case; a linked marker names the
   warnings the link step must give, and a compile of this file with the
   linked summaries too, and no other. */
#include <stddef.h>
#include "agree.h"

void cb(void *);
void work(void);

/* the callbacks cleared by the release */
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

/* the release leaves the argument field */
int conn_closed(void)
{
	int x = 0;
	struct conn *k = conn_new();
	if (!k)
		return 1;
	conn_setcb(k, cb, cb, &x); // linked "escape-kept"
	conn_run(k);
	conn_close(k);
	return x;
}

/* released on one path only */
int conn_some(int c)
{
	int x = 0;
	struct conn *k = conn_new();
	if (!k)
		return 1;
	conn_setcb(k, cb, cb, &x); // linked "escape-kept"
	conn_run(k);
	if (c)
		conn_free(k);
	return x;
}

/* the base the event was assigned to, freed */
void ev_clean(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b);
	ev_add(&e);
	work();
	base_free(b);
}

/* another base freed */
void ev_other(void)
{
	struct base *b = base_new(), *o = base_new();
	struct ev e;
	ev_assign(&e, b);
	ev_add(&e); // linked "escape-kept"
	work();
	base_free(o);
}

/* the base freed on one path only */
void ev_some(int c)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b);
	ev_add(&e); // linked "escape-kept"
	if (c)
		base_free(b);
}

/* pushed twice: the second push writes the top but keeps the first
   block reachable from the second */
void stk_twice(struct stk *s)
{
	struct blk b1, b2;
	stk_push(s, &b1); // linked "escape-kept"
	stk_push(s, &b2); // linked "escape-kept"
}
