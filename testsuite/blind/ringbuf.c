/*
 * ringbuf.c - a bounded blocking queue of void * (mutex + two condition
 * variables), producer and consumer threads that pass heap messages
 * through it, per-thread names kept with pthread_setspecific, and a
 * detached watchdog that samples the queue depth.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct ring {
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full;
	void **slots;
	size_t cap, head, tail, count;
	int closed;
};

struct msg {
	int producer;
	long value;
	char text[24];
};

struct producer_arg {
	struct ring *ring;
	int id, count;
	unsigned seed;
};

struct consumer_stats {
	size_t items;
	long sum;
};

struct consumer_arg {
	struct ring *ring;
	struct consumer_stats *stats;
	pthread_mutex_t *stats_lock;
};

static pthread_key_t g_name_key;
static pthread_once_t g_name_once = PTHREAD_ONCE_INIT;

int ring_init(struct ring *r, size_t cap)
{
	memset(r, 0, sizeof *r);
	r->slots = calloc(cap, sizeof *r->slots);
	if (!r->slots)
		return -1;
	r->cap = cap;
	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->not_empty, NULL);
	pthread_cond_init(&r->not_full, NULL);
	return 0;
}

void ring_destroy(struct ring *r)
{
	pthread_cond_destroy(&r->not_full);
	pthread_cond_destroy(&r->not_empty);
	pthread_mutex_destroy(&r->lock);
	free(r->slots);
	r->slots = NULL;
}

int ring_push(struct ring *r, void *item)
{
	pthread_mutex_lock(&r->lock);
	while (r->count == r->cap && !r->closed)
		pthread_cond_wait(&r->not_full, &r->lock);
	if (r->closed) {
		pthread_mutex_unlock(&r->lock);
		return -1;
	}
	r->slots[r->tail] = item;
	r->tail = (r->tail + 1) % r->cap;
	r->count++;
	pthread_cond_signal(&r->not_empty);
	pthread_mutex_unlock(&r->lock);
	return 0;
}

/* NULL once the ring is closed and empty. */
void *ring_pop(struct ring *r)
{
	void *item = NULL;

	pthread_mutex_lock(&r->lock);
	while (r->count == 0 && !r->closed)
		pthread_cond_wait(&r->not_empty, &r->lock);
	if (r->count > 0) {
		item = r->slots[r->head];
		r->head = (r->head + 1) % r->cap;
		r->count--;
		pthread_cond_signal(&r->not_full);
	}
	pthread_mutex_unlock(&r->lock);
	return item;
}

void ring_close(struct ring *r)
{
	pthread_mutex_lock(&r->lock);
	r->closed = 1;
	pthread_cond_broadcast(&r->not_empty);
	pthread_cond_broadcast(&r->not_full);
	pthread_mutex_unlock(&r->lock);
}

/* Non-blocking: moves up to max items into out[]. */
size_t ring_drain(struct ring *r, void **out, size_t max)
{
	size_t n = 0;

	pthread_mutex_lock(&r->lock);
	while (r->count > 0 && n < max) {
		out[n++] = r->slots[r->head];
		r->head = (r->head + 1) % r->cap;
		r->count--;
	}
	pthread_cond_broadcast(&r->not_full);
	pthread_mutex_unlock(&r->lock);
	return n;
}

static void make_name_key(void)
{
	pthread_key_create(&g_name_key, NULL);
}

static void set_thread_name(const char *name)
{
	pthread_once(&g_name_once, make_name_key);
	pthread_setspecific(g_name_key, name);
}

static const char *thread_name(void)
{
	const char *name = pthread_getspecific(g_name_key);

	return name ? name : "?";
}

static void *producer(void *p)
{
	struct producer_arg *a = p;
	char name[16];
	int i;

	snprintf(name, sizeof name, "producer-%d", a->id);
	set_thread_name(name);
	for (i = 0; i < a->count; i++) {
		struct msg *m = malloc(sizeof *m);

		if (!m)
			break;
		m->producer = a->id;
		m->value = rand_r(&a->seed) % 1000;
		snprintf(m->text, sizeof m->text, "%s#%d", thread_name(), i);
		if (ring_push(a->ring, m) != 0) {
			free(m);
			break;
		}
	}
	return NULL;
}

static void *consumer(void *p)
{
	struct consumer_arg *a = p;
	struct msg *m;
	size_t items = 0;
	long sum = 0;

	while ((m = ring_pop(a->ring)) != NULL) {
		items++;
		sum += m->value;
		free(m);
	}
	pthread_mutex_lock(a->stats_lock);
	a->stats->items += items;
	a->stats->sum += sum;
	pthread_mutex_unlock(a->stats_lock);
	return a->stats;
}

static void *watchdog(void *arg)
{
	struct ring *r = arg;
	struct timespec delay = { 0, 50 * 1000 * 1000 };

	for (;;) {
		size_t depth;
		int closed;

		pthread_mutex_lock(&r->lock);
		depth = r->count;
		closed = r->closed;
		pthread_mutex_unlock(&r->lock);
		if (closed)
			break;
		if (depth == r->cap)
			fprintf(stderr, "watchdog: ring full (%zu)\n", depth);
		nanosleep(&delay, NULL);
	}
	return NULL;
}

int start_watchdog(struct ring *r)
{
	pthread_t t;
	int rc = pthread_create(&t, NULL, watchdog, r);

	if (rc == 0)
		pthread_detach(t);
	return rc;
}

int run_pipeline(int nprod, int ncons, int per_producer)
{
	struct ring ring;
	pthread_t prod[8], cons[8];
	struct producer_arg pargs[8];
	struct consumer_arg cargs[8];
	struct consumer_stats stats = { 0, 0 };
	pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
	pthread_attr_t attr;
	void *ret;
	int i;

	if (nprod > 8 || ncons > 8 || ring_init(&ring, 64) != 0)
		return -1;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 1 << 18);
	for (i = 0; i < nprod; i++) {
		pargs[i].ring = &ring;
		pargs[i].id = i;
		pargs[i].count = per_producer;
		pargs[i].seed = (unsigned)i * 7919u + 1;
		pthread_create(&prod[i], &attr, producer, &pargs[i]);
	}
	for (i = 0; i < ncons; i++) {
		cargs[i].ring = &ring;
		cargs[i].stats = &stats;
		cargs[i].stats_lock = &stats_lock;
		pthread_create(&cons[i], &attr, consumer, &cargs[i]);
	}
	for (i = 0; i < nprod; i++)
		pthread_join(prod[i], NULL);
	ring_close(&ring);
	for (i = 0; i < ncons; i++)
		if (pthread_join(cons[i], &ret) == 0 && ret != &stats)
			fprintf(stderr, "consumer %d: odd result\n", i);
	pthread_attr_destroy(&attr);
	ring_destroy(&ring);
	printf("%zu items, sum %ld\n", stats.items, stats.sum);
	return 0;
}

static void *wait_then_go(void *arg)
{
	pthread_barrier_wait(arg);
	return NULL;
}

/* Starts n threads that all wait for the go signal of this one. */
int run_with_barrier(int n)
{
	pthread_barrier_t bar;
	pthread_t th[4];
	int i, started = 0;

	if (n < 1 || n > 4 || pthread_barrier_init(&bar, NULL, (unsigned)n + 1) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (pthread_create(&th[i], NULL, wait_then_go, &bar) == 0)
			started++;
	if (started == n)
		pthread_barrier_wait(&bar);
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	pthread_barrier_destroy(&bar);
	return started == n ? 0 : -1;
}

int ring_selftest(void)
{
	struct ring r;
	int values[4] = { 1, 2, 3, 4 };
	void *out[4];
	size_t i, n;
	int ok = 1;

	if (ring_init(&r, 4) != 0)
		return -1;
	for (i = 0; i < 4; i++)
		ring_push(&r, &values[i]);
	n = ring_drain(&r, out, 4);
	for (i = 0; i < n; i++)
		ok &= *(int *)out[i] == values[i];
	ring_close(&r);
	ok &= ring_pop(&r) == NULL;
	ring_destroy(&r);
	return ok ? 0 : -1;
}

/* Pushes small integers without allocating: the value is the pointer. */
int ring_push_int(struct ring *r, int v)
{
	return ring_push(r, (void *)(intptr_t)v);
}

/* Wait for the ring to empty, with a deadline in milliseconds. */
int ring_wait_empty(struct ring *r, long ms)
{
	struct timespec ts;
	int rc = 0;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&r->lock);
	while (r->count > 0 && rc == 0)
		rc = pthread_cond_timedwait(&r->not_full, &r->lock, &ts);
	pthread_mutex_unlock(&r->lock);
	return rc == ETIMEDOUT ? -1 : 0;
}
