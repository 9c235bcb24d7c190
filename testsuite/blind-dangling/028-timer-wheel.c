/* timers.c - one-shot timers of the protocol engine, driven by tick(). */
#include <stdio.h>
#include <string.h>

#define MAX_TIMERS 64

struct timer {
	unsigned long expires;
	void (*fn)(struct timer *);
	int slot;
	int fired;
	void *owner;
};

struct conn {
	int fd;
	int retries;
	int state;
};

static struct timer *g_timers[MAX_TIMERS];
static unsigned long g_now;

static int timer_add(struct timer *t, unsigned long delay)
{
	int i;

	for (i = 0; i < MAX_TIMERS; i++) {
		if (!g_timers[i]) {
			t->expires = g_now + delay;
			t->slot = i;
			t->fired = 0;
			g_timers[i] = t;
			return 0;
		}
	}
	return -1;
}

static void timer_del(struct timer *t)
{
	if (t->slot >= 0 && g_timers[t->slot] == t)
		g_timers[t->slot] = NULL;
	t->slot = -1;
}

void tick(unsigned long now)
{
	int i;

	g_now = now;
	for (i = 0; i < MAX_TIMERS; i++) {
		struct timer *t = g_timers[i];

		if (t && t->expires <= now) {
			g_timers[i] = NULL;
			t->slot = -1;
			t->fired = 1;
			if (t->fn)
				t->fn(t);
		}
	}
}

static void retry_cb(struct timer *t)
{
	struct conn *c = t->owner;

	c->retries++;
	c->state = 0;
}

/* Re-arms the connection's retry after a failure. */
int schedule_retry(struct conn *c, unsigned long delay)
{
	struct timer t;

	memset(&t, 0, sizeof t);
	t.fn = retry_cb;
	t.owner = c;
	if (timer_add(&t, delay) < 0) {
		fprintf(stderr, "no free timer for fd %d\n", c->fd);
		return -1;
	}
	return 0;
}

/* Polls done() until it is true or the timeout fires. */
int wait_with_timeout(int (*done)(void *), void *arg, unsigned long timeout,
		      unsigned long (*clock)(void))
{
	struct timer t;
	int rc = -1;

	memset(&t, 0, sizeof t);
	t.slot = -1;
	if (timer_add(&t, timeout) < 0)
		return -1;
	while (!t.fired) {
		if (done(arg)) {
			rc = 0;
			break;
		}
		tick(clock());
	}
	timer_del(&t);
	return rc;
}

int timers_pending(void)
{
	int i, n = 0;

	for (i = 0; i < MAX_TIMERS; i++)
		n += g_timers[i] != NULL;
	return n;
}
