/* testsuite/link/drain: each function a case; a linked marker names the
   warnings the link step must give, and no other. */
#include "drain.h"

#include <stdlib.h>

static int fired;

static void quiet_cb(int fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	(void)arg;
	fired++;
}

static void readd_cb(int fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	if (!fired++)
		event_add(arg, 0);
}

static void stop(struct event_base *b)
{
	event_base_loopexit(b, 0);
}

static void exit_deep_cb(int fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	if (event_base_get_running_event(arg))
		stop(arg);
}

static void break_cb(int fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	event_base_loopbreak(arg);
}

static struct event_base *the_base;

static void legacy_break_cb(int fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	(void)arg;
	event_loopexit(0);
}

static void once_exit_cb(int fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	(void)arg;
	event_base_loopexit(the_base, 0);
}

static void readd_break_cb(int fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	event_add(arg, 0);
	event_base_loopbreak(the_base);
}

/* the default base, drained: the event fired and left it */
void legacy_clean(int fd)
{
	struct event ev;
	event_init();
	event_set(&ev, fd, 2, readd_cb, &ev);
	if (event_add(&ev, 0) == -1)
		exit(1);
	event_dispatch();
}

/* a base of the caller's, drained */
void base_clean(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0);
	event_base_dispatch(b);
}

/* activated, then drained */
void active_clean(struct event_base *b)
{
	struct event ev;
	event_assign(&ev, b, -1, 0, quiet_cb, 0);
	event_active(&ev, 1, 1);
	event_base_dispatch(b);
}

/* a one-shot event holding x, in the base, drained */
void once_clean(struct event_base *b)
{
	int x = 0;
	event_base_once(b, -1, 1, quiet_cb, &x, 0);
	event_base_dispatch(b);
}

/* the callback given a callback of the library's that exits nothing */
void lib_cb_clean(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, lib_quiet_cb, b);
	event_add(&ev, 0);
	event_base_dispatch(b);
}

static void fin_cb(struct event *ev, void *arg)
{
	(void)ev;
	(void)arg;
	fired++;
}

/* a new event holding x, finalized to be freed, drained: freed */
void new_free_finalize_clean(struct event_base *b)
{
	int x = 0;
	struct event *e = event_new(b, -1, 1, quiet_cb, &x);
	if (!e)
		return;
	event_free_finalize(0, e, fin_cb);
	event_base_dispatch(b);
}

/* a stack event finalized (out of the base once the finalizer ran) */
void finalize_clean(struct event_base *b)
{
	struct event ev;
	event_assign(&ev, b, -1, 1, quiet_cb, 0);
	event_finalize(0, &ev, fin_cb);
	event_base_dispatch(b);
}

/* finalized but not freed: the event still holds x */
void new_finalize_kept(struct event_base *b)
{
	int x = 0;
	struct event *e = event_new(b, -1, 1, quiet_cb, &x); // linked "escape-kept"
	if (!e)
		return;
	event_finalize(0, e, fin_cb);
	event_base_dispatch(b);
}

/* a new event never finalized */
void new_not_finalized(struct event_base *b)
{
	int x = 0;
	struct event *e = event_new(b, -1, 1, quiet_cb, &x); // linked "escape-kept"
	if (!e)
		return;
	event_add(e, 0);
	event_base_dispatch(b);
}

/* finalized to be freed, the base never drained */
void new_free_finalize_no_dispatch(struct event_base *b)
{
	int x = 0;
	struct event *e = event_new(b, -1, 1, quiet_cb, &x); // linked "escape-kept"
	if (!e)
		return;
	event_free_finalize(0, e, fin_cb);
}

/* a check between the finalize and the drain leaves */
int new_free_finalize_check(struct event_base *b, int c)
{
	int x = 0;
	struct event *e = event_new(b, -1, 1, quiet_cb, &x); // linked "escape-kept"
	if (!e)
		return -1;
	event_free_finalize(0, e, fin_cb);
	if (c)
		return -1;
	event_base_dispatch(b);
	return 0;
}

/* finalized on one path only */
void new_free_finalize_one_path(struct event_base *b, int c)
{
	int x = 0;
	struct event *e = event_new(b, -1, 1, quiet_cb, &x); // linked "escape-kept"
	if (!e)
		return;
	if (c)
		event_free_finalize(0, e, fin_cb);
	event_base_dispatch(b);
}

/* another base drained */
void new_free_finalize_other(struct event_base *b1, struct event_base *b2)
{
	int x = 0;
	struct event *e = event_new(b1, -1, 1, quiet_cb, &x); // linked "escape-kept"
	if (!e)
		return;
	event_free_finalize(0, e, fin_cb);
	event_base_dispatch(b2);
}

/* the function itself exits the loop */
void exit_self(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_loopexit(b, 0);
	event_base_dispatch(b);
}

/* a callback it registers breaks the loop: the other event may stay;
   the one whose own callback it is (one-shot) left the base before */
void exit_by_cb(struct event_base *b, int fd)
{
	struct event ev1, ev2;
	event_assign(&ev1, b, fd, 2, break_cb, b);
	event_assign(&ev2, b, fd, 2, quiet_cb, 0);
	event_add(&ev1, 0);
	event_add(&ev2, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* the default base, its own callback breaks the loop (evtimer_set) */
void own_exit_legacy_clean(void)
{
	struct event ev;
	event_set(&ev, -1, 0, legacy_break_cb, 0);
	event_add(&ev, 0);
	event_dispatch();
}

/* activated, its own callback exits the loop two calls down */
void own_exit_active_clean(struct event_base *b)
{
	struct event ev;
	event_assign(&ev, b, -1, 2, exit_deep_cb, b);
	event_active(&ev, 2, 1);
	event_base_dispatch(b);
}

/* a one-shot event holding x whose callback exits the loop */
void once_own_exit_clean(struct event_base *b)
{
	int x = 0;
	the_base = b;
	event_base_once(b, -1, 1, once_exit_cb, &x, 0);
	event_base_dispatch(b);
}

/* persistent: still in the base when its callback breaks the loop */
void own_exit_persist(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2 | EV_PERSIST, break_cb, b);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* events not known: it may be persistent */
void own_exit_events_unknown(struct event_base *b, int fd, short what)
{
	struct event ev;
	event_assign(&ev, b, fd, what, break_cb, b);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* the same callback registered for another event too: ev2 may fire
   first and break the loop with ev1 still in the base */
void own_exit_shared(struct event_base *b, int fd)
{
	struct event ev1, ev2;
	event_assign(&ev1, b, fd, 2, break_cb, b);
	event_assign(&ev2, b, fd, 2, break_cb, b);
	event_add(&ev1, 0); // linked "escape-kept"
	event_add(&ev2, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* bound again, persistent, before the add */
void own_exit_rebound(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, break_cb, b);
	event_assign(&ev, b, fd, 2 | EV_PERSIST, break_cb, b);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* bound on two branches, one persistent */
void own_exit_branches(struct event_base *b, int fd, int c)
{
	struct event ev;
	if (c)
		event_assign(&ev, b, fd, 2, break_cb, b);
	else
		event_assign(&ev, b, fd, 2 | EV_PERSIST, break_cb, b);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* the callback's address also stored where others may register it */
void (*drain_saved_cb)(int, short, void *);
void own_exit_stored(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, break_cb, b);
	drain_saved_cb = break_cb;
	event_add(&ev, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* added again after the dispatch */
void own_exit_added_after(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, break_cb, b);
	event_add(&ev, 0);
	event_base_dispatch(b);
	event_add(&ev, 0); // linked "escape-kept"
}

/* the function calls the callback itself too */
void own_exit_called(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, break_cb, b);
	event_add(&ev, 0); // linked "escape-kept"
	break_cb(fd, 2, b);
	event_base_dispatch(b);
}

/* the callback puts its event back, then breaks the loop */
void own_exit_readd(struct event_base *b, int fd)
{
	struct event ev;
	the_base = b;
	event_assign(&ev, b, fd, 2, readd_break_cb, &ev);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* a one-shot event holding x; another event's callback exits */
void once_other_exit(struct event_base *b, int fd)
{
	int x = 0;
	struct event ev;
	event_assign(&ev, b, fd, 2, break_cb, b);
	event_base_once(b, -1, 1, quiet_cb, &x, 0); // linked "escape-kept"
	event_add(&ev, 0);
	event_base_dispatch(b);
}

/* two calls down from the callback (persistent: still in the base) */
void exit_deep(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2 | EV_PERSIST, exit_deep_cb, b);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* the callback is the library's own, which breaks the loop
   (persistent) */
void exit_lib_cb(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2 | EV_PERSIST, lib_exit_cb, b);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_dispatch(b);
}

/* a check between the add and the dispatch leaves */
int check_between(struct event_base *b, int fd, int c)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0); // linked "escape-kept"
	if (c)
		return -1;
	event_base_dispatch(b);
	return 0;
}

/* one pass only */
void loop_once(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_loop(b, EVLOOP_ONCE);
}

/* no flags: event_base_dispatch */
int loop_zero_clean(struct event_base *b)
{
	struct event ev;
	event_assign(&ev, b, -1, 0, quiet_cb, 0);
	event_active(&ev, 2, 1);
	return event_base_loop(b, 0);
}

/* it returns only at a loop exit, and none is reachable */
void loop_no_exit_on_empty_clean(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0);
	event_base_loop(b, EVLOOP_NO_EXIT_ON_EMPTY);
}

/* one pass, not waiting */
void loop_nonblock(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_loop(b, EVLOOP_NONBLOCK | EVLOOP_NO_EXIT_ON_EMPTY);
}

/* flags not known */
void loop_flags_unknown(struct event_base *b, int fd, int flags)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_loop(b, flags);
}

/* never dispatched */
void no_dispatch(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0); // linked "escape-kept"
}

/* another base dispatched */
void other_base(struct event_base *b1, struct event_base *b2, int fd)
{
	struct event ev;
	event_assign(&ev, b1, fd, 2, quiet_cb, 0);
	event_add(&ev, 0); // linked "escape-kept"
	event_base_dispatch(b2);
}

/* bound to a base, the default one dispatched */
void base_then_default(struct event_base *b, int fd)
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0); // linked "escape-kept"
	event_dispatch();
}

/* bound to the default base, then moved to another */
void rebound(struct event_base *b, int fd)
{
	struct event ev;
	event_set(&ev, fd, 2, quiet_cb, 0);
	event_base_set(b, &ev);
	event_add(&ev, 0); // linked "escape-kept"
	event_dispatch();
}

/* a once event in a base that is not drained */
void once_other(struct event_base *b1, struct event_base *b2)
{
	int x = 0;
	event_base_once(b1, -1, 1, quiet_cb, &x, 0); // linked "escape-kept"
	event_base_dispatch(b2);
}

/* an indirect call: it may run anything */
void indirect(struct event_base *b, int fd, void (*hook)(void))
{
	struct event ev;
	event_assign(&ev, b, fd, 2, quiet_cb, 0);
	event_add(&ev, 0); // linked "escape-kept"
	hook();
	event_base_dispatch(b);
}
