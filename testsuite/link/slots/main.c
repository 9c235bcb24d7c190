/* testsuite/link/slots: each function a case; a linked marker names the
   warnings the link step must give, and no other. */
#include <stddef.h>
#include "slots.h"

int check(int);
void cb(void *);

/* events kept in an array slot each, every slot freed at the end (the
   array itself handed to the third: libevent's test_event_remove_timeout) */
int slot_each(int c)
{
	int a = 0, b = 0;
	struct ev *e[3];
	e[0] = ev_new(cb, &a);
	e[1] = ev_new(cb, &b);
	e[2] = ev_new(cb, e);
	if (check(c))
		goto end;
	ev_run(e[0]);
	ev_run(e[1]);
end:
	ev_free(e[0]);
	ev_free(e[1]);
	ev_free(e[2]);
	return a + b;
}

/* another slot freed twice: the event of slot 1 still holds &b */
int slot_other(int c)
{
	int a = 0, b = 0;
	struct ev *e[2];
	e[0] = ev_new(cb, &a);
	e[1] = ev_new(cb, &b); // linked "escape-kept"
	ev_run(e[1]);
	(void)c;
	ev_free(e[0]);
	ev_free(e[0]);
	return a + b;
}

/* the slot given another event on one path before the free: the first
   one still holds &a there */
int slot_replaced(int c)
{
	int a = 0, b = 0;
	struct ev *e[2];
	e[0] = ev_new(cb, &a); // linked "escape-kept"
	e[1] = ev_new(cb, e);
	if (check(c))
		e[0] = ev_new(cb, &b);
	ev_run(e[1]);
	ev_free(e[0]);
	ev_free(e[1]);
	return a + b;
}

/* an event that holds its own variable's address, freed through it
   (libevent's test-changelist: ev = event_new(..., &ev)) */
int self_kept(void)
{
	struct ev *e;
	e = ev_new(cb, &e);
	ev_run(e);
	ev_free(e);
	return 0;
}

/* the same in the cleanup idiom: the variable tested before the free
   (libevent's test_edgetriggered: end: if (ev) event_free(ev)) */
int self_kept_end(int c)
{
	struct ev *e = NULL;
	if (check(c))
		goto end;
	e = ev_new(cb, &e);
	if (check(c + 1))
		goto end;
	ev_run(e);
end:
	if (e)
		ev_free(e);
	return 0;
}

/* returned before the free on one path */
int self_kept_early(int c)
{
	struct ev *e;
	e = ev_new(cb, &e); // linked "escape-kept"
	if (check(c))
		return 1;
	ev_run(e);
	ev_free(e);
	return 0;
}

/* cleared before the test on one path: the event still holds &e */
int self_kept_dropped(int c)
{
	struct ev *e = NULL;
	if (check(c))
		goto end;
	e = ev_new(cb, &e); // linked "escape-kept"
	if (check(c + 1))
		e = NULL;
end:
	if (e)
		ev_free(e);
	return 0;
}

struct holder {
	struct ev *ev;
	struct ev *other;
	int n;
};

/* a struct field (the struct itself kept by the event) */
int field_kept(void)
{
	struct holder h;
	h.n = 0;
	h.other = NULL;
	h.ev = ev_new(cb, &h);
	ev_run(h.ev);
	ev_free(h.ev);
	return h.n;
}

/* the other field freed */
int field_other(void)
{
	struct holder h;
	h.n = 0;
	h.other = NULL;
	h.ev = ev_new(cb, &h); // linked "escape-kept"
	ev_run(h.ev);
	ev_free(h.other);
	return h.n;
}
