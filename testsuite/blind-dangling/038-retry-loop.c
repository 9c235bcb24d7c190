/* retry.c - exponential back-off with jitter for flaky operations. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct backoff {
	long base_ms;
	long max_ms;
	int max_tries;
	unsigned seed;
};

struct attempt_stats {
	int tries;
	long slept_ms;
	long elapsed_ms;
	int last_errno;
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void sleep_ms(long ms)
{
	struct timespec req, rem;

	req.tv_sec = ms / 1000;
	req.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&req, &rem) < 0 && errno == EINTR)
		req = rem;
}

static long next_delay(const struct backoff *b, int attempt, unsigned *seed)
{
	long d = b->base_ms << (attempt < 20 ? attempt : 20);

	if (d > b->max_ms || d <= 0)
		d = b->max_ms;
	return d / 2 + rand_r(seed) % (d / 2 + 1);
}

/* Calls op(arg) until it returns 0 or the tries are used up. */
struct attempt_stats retry(const struct backoff *b, int (*op)(void *), void *arg)
{
	struct attempt_stats st = { 0, 0, 0, 0 };
	unsigned seed = b->seed ? b->seed : (unsigned)time(NULL);
	long start = now_ms();

	while (st.tries < b->max_tries) {
		st.tries++;
		errno = 0;
		if (op(arg) == 0) {
			st.last_errno = 0;
			break;
		}
		st.last_errno = errno;
		if (st.tries < b->max_tries) {
			long d = next_delay(b, st.tries - 1, &seed);
			sleep_ms(d);
			st.slept_ms += d;
		}
	}
	st.elapsed_ms = now_ms() - start;
	return st;
}

static int flaky_counter;

static int flaky(void *arg)
{
	int *fail_first = arg;

	if (flaky_counter++ < *fail_first) {
		errno = EAGAIN;
		return -1;
	}
	return 0;
}

int self_test(void)
{
	struct backoff b = { 1, 8, 5, 42 };
	int fail_first = 3;
	struct attempt_stats st;

	flaky_counter = 0;
	st = retry(&b, flaky, &fail_first);
	printf("tries %d slept %ld ms elapsed %ld ms\n", st.tries, st.slept_ms,
	       st.elapsed_ms);
	return st.tries == 4 && st.last_errno == 0 ? 0 : -1;
}
