/* pool.c - a fixed-size pool that drains a task list, and a parallel sum. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define POOL_MAX 8

struct task {
	void (*fn)(void *);
	void *arg;
	struct task *next;
};

struct pool {
	pthread_mutex_t lock;
	pthread_cond_t cv;
	struct task *head;
	int stop;
	int completed;
};

static void *pool_worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		struct task *t;

		pthread_mutex_lock(&p->lock);
		while (!p->head && !p->stop)
			pthread_cond_wait(&p->cv, &p->lock);
		t = p->head;
		if (t)
			p->head = t->next;
		pthread_mutex_unlock(&p->lock);
		if (!t)
			return NULL;
		t->fn(t->arg);
		pthread_mutex_lock(&p->lock);
		p->completed++;
		pthread_mutex_unlock(&p->lock);
	}
}

/* Runs every task on up to nthreads threads; returns how many ran. */
int pool_run(struct task *tasks, int ntasks, int nthreads)
{
	struct pool pool;
	pthread_t tids[POOL_MAX];
	int i, started = 0;

	if (nthreads > POOL_MAX)
		nthreads = POOL_MAX;
	memset(&pool, 0, sizeof pool);
	pthread_mutex_init(&pool.lock, NULL);
	pthread_cond_init(&pool.cv, NULL);
	for (i = ntasks - 1; i >= 0; i--) {
		tasks[i].next = pool.head;
		pool.head = &tasks[i];
	}
	for (i = 0; i < nthreads; i++) {
		if (pthread_create(&tids[i], NULL, pool_worker, &pool) != 0) {
			fprintf(stderr, "pool: only %d of %d threads\n", i, nthreads);
			break;
		}
		started++;
	}
	pthread_mutex_lock(&pool.lock);
	pool.stop = 1;
	pthread_cond_broadcast(&pool.cv);
	pthread_mutex_unlock(&pool.lock);
	if (started == 0)
		pool_worker(&pool);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	pthread_cond_destroy(&pool.cv);
	pthread_mutex_destroy(&pool.lock);
	return pool.completed;
}

struct chunk {
	const int *values;
	int n;
	long sum;
};

static void *sum_chunk(void *arg)
{
	struct chunk *c = arg;
	int i;

	c->sum = 0;
	for (i = 0; i < c->n; i++)
		c->sum += c->values[i];
	return NULL;
}

long parallel_sum(const int *values, int n, int nthreads)
{
	struct chunk chunks[POOL_MAX];
	pthread_t tids[POOL_MAX];
	int created[POOL_MAX];
	int i, per;
	long total = 0;

	if (nthreads < 1 || nthreads > POOL_MAX)
		nthreads = POOL_MAX;
	per = (n + nthreads - 1) / nthreads;
	for (i = 0; i < nthreads; i++) {
		int start = i * per;
		chunks[i].values = values + start;
		chunks[i].n = start >= n ? 0 : (n - start < per ? n - start : per);
		created[i] = pthread_create(&tids[i], NULL, sum_chunk, &chunks[i]) == 0;
		if (!created[i])
			sum_chunk(&chunks[i]);
	}
	for (i = 0; i < nthreads; i++) {
		if (created[i])
			pthread_join(tids[i], NULL);
		total += chunks[i].sum;
	}
	return total;
}
