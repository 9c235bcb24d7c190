/* A release under a local flag (issue #14, correlated guards): the flag
   is set after the keeping call on every path on which the call ran, so
   the test that guards the release holds there (libevent's
   `if (close_listener_event_added) event_del(&close_listener_event)').
   The flag set before the call on one path only, cleared after it,
   another flag, the guard negated: still warnings. */
#include <pthread.h>
#include <stdio.h>

extern int check(void);
extern void step(void);

static void *work(void *arg)
{
	return arg;
}

int joined_flag(void)
{
	pthread_t t;
	int x = 1, started = 0;
	if (check())
		goto end;
	pthread_create(&t, NULL, work, &x);
	started = 1;
	step();
	if (check())
		goto end;
	step();
end:
	if (started)
		pthread_join(t, NULL);
	return x;
}

int joined_bool(int c)
{
	pthread_t t;
	int x = 1;
	_Bool started = 0;
	if (c) {
		pthread_create(&t, NULL, work, &x);
		started = 1;
	}
	step();
	if (!started)
		return 0;
	pthread_join(t, NULL);
	return x;
}

void buffered_flag(FILE *f)
{
	char buf[BUFSIZ];
	int set = 0;
	if (check())
		goto out;
	setvbuf(f, buf, _IOFBF, sizeof buf);
	set = 1;
	step();
out:
	if (set)
		setvbuf(f, NULL, _IONBF, 0);
}

int flag_before(int c)
{
	pthread_t t;
	int x = 1, started = 0;
	if (c)
		started = 1;
	pthread_create(&t, NULL, work, &x); // dangle "escape-thread"
	step();
	if (started)
		pthread_join(t, NULL);
	return x;
}

int flag_cleared(int c)
{
	pthread_t t;
	int x = 1, started = 0;
	pthread_create(&t, NULL, work, &x); // dangle "escape-thread"
	started = 1;
	if (c)
		started = 0;
	step();
	if (started)
		pthread_join(t, NULL);
	return x;
}

int flag_other(int c)
{
	pthread_t t;
	int x = 1, started = 0, other = 0;
	if (check())
		goto end;
	pthread_create(&t, NULL, work, &x); // dangle "escape-thread"
	started = 1;
	if (c)
		other = 1;
end:
	if (other)
		pthread_join(t, NULL);
	return x + started;
}

int flag_negated(void)
{
	pthread_t t;
	int x = 1, started = 0;
	if (check())
		goto end;
	pthread_create(&t, NULL, work, &x); // dangle "escape-thread"
	started = 1;
	step();
end:
	if (!started)
		pthread_join(t, NULL);
	return x;
}
