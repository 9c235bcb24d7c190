/* bqueue.c - blocking queue of the log shipper, cancellation-safe. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define QCAP 64

struct bqueue {
	pthread_mutex_t lock;
	pthread_cond_t nonempty, nonfull;
	int items[QCAP];
	int head, len;
	unsigned long waits;
};

struct wait_record {
	struct bqueue *q;
	int waiting;
};

static void wait_cleanup(void *arg)
{
	struct wait_record *w = arg;

	if (w->waiting)
		w->q->waits++;
	pthread_mutex_unlock(&w->q->lock);
}

void bq_init(struct bqueue *q)
{
	memset(q, 0, sizeof *q);
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->nonempty, NULL);
	pthread_cond_init(&q->nonfull, NULL);
}

/* Blocks until an item is available; a cancelled waiter releases the lock. */
int bq_pop(struct bqueue *q)
{
	struct wait_record w;
	int item;

	w.q = q;
	w.waiting = 0;
	pthread_mutex_lock(&q->lock);
	pthread_cleanup_push(wait_cleanup, &w);
	while (q->len == 0) {
		w.waiting = 1;
		pthread_cond_wait(&q->nonempty, &q->lock);
	}
	item = q->items[q->head];
	q->head = (q->head + 1) % QCAP;
	q->len--;
	pthread_cond_signal(&q->nonfull);
	pthread_cleanup_pop(1);
	return item;
}

void bq_push(struct bqueue *q, int item)
{
	pthread_mutex_lock(&q->lock);
	while (q->len == QCAP)
		pthread_cond_wait(&q->nonfull, &q->lock);
	q->items[(q->head + q->len) % QCAP] = item;
	q->len++;
	pthread_cond_signal(&q->nonempty);
	pthread_mutex_unlock(&q->lock);
}

static void *consumer(void *arg)
{
	struct bqueue *q = arg;
	long sum = 0;
	int v;

	while ((v = bq_pop(q)) >= 0)
		sum += v;
	return (void *)sum;
}

/* Self-test: one consumer thread, n items, a negative item to stop. */
long bq_selftest(int n)
{
	struct bqueue q;
	pthread_t t;
	void *res;
	int i;

	bq_init(&q);
	if (pthread_create(&t, NULL, consumer, &q) != 0)
		return -1;
	for (i = 1; i <= n; i++)
		bq_push(&q, i);
	bq_push(&q, -1);
	pthread_join(t, &res);
	pthread_cond_destroy(&q.nonempty);
	pthread_cond_destroy(&q.nonfull);
	pthread_mutex_destroy(&q.lock);
	return (long)res;
}
