/*
 * threadpool.c - a fixed-size pthread pool with a FIFO job queue, plus the
 * helpers built on it: a parallel sum, a synchronous call, and a few plain
 * pthread_create users.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct job {
	void (*fn)(void *arg);
	void *arg;
	struct job *next;
};

struct pool {
	pthread_mutex_t lock;
	pthread_cond_t work, idle;
	struct job *head, *tail;
	int stop, active, nthreads;
	pthread_t *threads;
};

static pthread_key_t g_worker_key;
static pthread_once_t g_key_once = PTHREAD_ONCE_INIT;

static void make_key(void)
{
	pthread_key_create(&g_worker_key, NULL);
}

static void *worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		struct job *j;

		pthread_mutex_lock(&p->lock);
		while (!p->head && !p->stop)
			pthread_cond_wait(&p->work, &p->lock);
		if (!p->head) {
			pthread_mutex_unlock(&p->lock);
			break;
		}
		j = p->head;
		p->head = j->next;
		if (!p->head)
			p->tail = NULL;
		p->active++;
		pthread_mutex_unlock(&p->lock);

		j->fn(j->arg);
		free(j);

		pthread_mutex_lock(&p->lock);
		if (--p->active == 0 && !p->head)
			pthread_cond_broadcast(&p->idle);
		pthread_mutex_unlock(&p->lock);
	}
	return NULL;
}

struct pool *pool_create(int nthreads)
{
	struct pool *p = calloc(1, sizeof *p);
	pthread_attr_t attr;
	int i;

	if (!p)
		return NULL;
	p->threads = calloc((size_t)nthreads, sizeof *p->threads);
	if (!p->threads) {
		free(p);
		return NULL;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->idle, NULL);
	pthread_once(&g_key_once, make_key);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 256 * 1024);
	for (i = 0; i < nthreads; i++)
		if (pthread_create(&p->threads[i], &attr, worker, p) != 0)
			break;
	pthread_attr_destroy(&attr);
	p->nthreads = i;
	return p;
}

int pool_submit(struct pool *p, void (*fn)(void *), void *arg)
{
	struct job *j = malloc(sizeof *j);

	if (!j)
		return -1;
	j->fn = fn;
	j->arg = arg;
	j->next = NULL;
	pthread_mutex_lock(&p->lock);
	if (p->tail)
		p->tail->next = j;
	else
		p->head = j;
	p->tail = j;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->lock);
	return 0;
}

void pool_wait(struct pool *p)
{
	pthread_mutex_lock(&p->lock);
	while (p->head || p->active)
		pthread_cond_wait(&p->idle, &p->lock);
	pthread_mutex_unlock(&p->lock);
}

void pool_destroy(struct pool *p)
{
	pthread_mutex_lock(&p->lock);
	p->stop = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (int i = 0; i < p->nthreads; i++)
		pthread_join(p->threads[i], NULL);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->idle);
	free(p->threads);
	free(p);
}

struct chunk_task {
	const double *data;
	size_t begin, end;
	double partial;
};

static void sum_chunk(void *arg)
{
	struct chunk_task *t = arg;
	double s = 0;

	for (size_t i = t->begin; i < t->end; i++)
		s += t->data[i];
	t->partial = s;
}

double parallel_sum(struct pool *p, const double *data, size_t n)
{
	struct chunk_task tasks[8];
	size_t per = (n + 7) / 8;
	double total = 0;
	int i;

	for (i = 0; i < 8; i++) {
		tasks[i].data = data;
		tasks[i].begin = (size_t)i * per < n ? (size_t)i * per : n;
		tasks[i].end = tasks[i].begin + per < n ? tasks[i].begin + per : n;
		tasks[i].partial = 0;
		pool_submit(p, sum_chunk, &tasks[i]);
	}
	pool_wait(p);
	for (i = 0; i < 8; i++)
		total += tasks[i].partial;
	return total;
}

struct sync_call {
	pthread_mutex_t m;
	pthread_cond_t cv;
	int done;
	void (*fn)(void *);
	void *arg;
};

static void sync_trampoline(void *arg)
{
	struct sync_call *sc = arg;

	sc->fn(sc->arg);
	pthread_mutex_lock(&sc->m);
	sc->done = 1;
	pthread_cond_signal(&sc->cv);
	pthread_mutex_unlock(&sc->m);
}

/* Runs fn(arg) on a pool thread and waits for it. */
int pool_call(struct pool *p, void (*fn)(void *), void *arg)
{
	struct sync_call sc = { .done = 0, .fn = fn, .arg = arg };

	pthread_mutex_init(&sc.m, NULL);
	pthread_cond_init(&sc.cv, NULL);
	if (pool_submit(p, sync_trampoline, &sc) != 0)
		return -1;
	pthread_mutex_lock(&sc.m);
	while (!sc.done)
		pthread_cond_wait(&sc.cv, &sc.m);
	pthread_mutex_unlock(&sc.m);
	pthread_cond_destroy(&sc.cv);
	pthread_mutex_destroy(&sc.m);
	return 0;
}

struct scan_arg {
	const char *path;
	long count;
};

static void *count_lines_thread(void *arg)
{
	struct scan_arg *sa = arg;
	char buf[4096];
	FILE *f = fopen(sa->path, "r");

	if (!f)
		return NULL;
	while (fgets(buf, sizeof buf, f))
		sa->count++;
	fclose(f);
	return NULL;
}

int count_lines_parallel(const char **paths, int n, long *total)
{
	pthread_t tids[16];
	struct scan_arg args[16];
	int i, started = 0;

	if (n > 16)
		n = 16;
	for (i = 0; i < n; i++) {
		args[i].path = paths[i];
		args[i].count = 0;
		if (pthread_create(&tids[i], NULL, count_lines_thread, &args[i]) != 0)
			break;
		started++;
	}
	*total = 0;
	for (i = 0; i < started; i++) {
		pthread_join(tids[i], NULL);
		*total += args[i].count;
	}
	return started == n ? 0 : -1;
}

static void *delayed_wakeup(void *arg)
{
	const int *ms = arg;

	usleep((useconds_t)*ms * 1000);
	return NULL;
}

/* Bug: the thread reads ms after this frame is gone. */
int start_timer_thread(int ms)
{
	pthread_t t;
	int rc = pthread_create(&t, NULL, delayed_wakeup, &ms);

	if (rc == 0)
		pthread_detach(t);
	return rc;
}

void worker_set_pool(struct pool *p)
{
	pthread_setspecific(g_worker_key, p);
}
