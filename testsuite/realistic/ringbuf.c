/*
 * ringbuf.c - a bounded byte ring buffer shared by one producer and one
 * consumer thread, with blocking reads that time out.  Modelled on the
 * buffers that sit between a network reader and a log writer in small
 * daemons.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ringbuf {
	unsigned char *data;
	size_t cap;		/* always a power of two */
	size_t head;		/* total bytes ever written */
	size_t tail;		/* total bytes ever read */
	int closed;
	pthread_mutex_t lock;
	pthread_cond_t not_empty;
	pthread_cond_t not_full;
};

struct rb_stats {
	size_t used;
	size_t free_space;
	int closed;
};

/* The buffer rb_log() writes to, installed once at start-up. */
static struct ringbuf *g_default_rb;

static size_t round_pow2(size_t n)
{
	size_t p = 1;

	while (p < n)
		p <<= 1;
	return p;
}

struct ringbuf *rb_new(size_t cap)
{
	struct ringbuf *rb = calloc(1, sizeof *rb);

	if (!rb)
		return NULL;
	rb->cap = round_pow2(cap ? cap : 64);
	rb->data = malloc(rb->cap);
	if (!rb->data) {
		free(rb);
		return NULL;
	}
	pthread_mutex_init(&rb->lock, NULL);
	pthread_cond_init(&rb->not_empty, NULL);
	pthread_cond_init(&rb->not_full, NULL);
	return rb;
}

void rb_free(struct ringbuf *rb)
{
	if (!rb)
		return;
	pthread_mutex_destroy(&rb->lock);
	pthread_cond_destroy(&rb->not_empty);
	pthread_cond_destroy(&rb->not_full);
	free(rb->data);
	free(rb);
}

static size_t rb_used_locked(const struct ringbuf *rb)
{
	return rb->head - rb->tail;
}

/* Blocks until all of src is written or the buffer is closed. */
size_t rb_write(struct ringbuf *rb, const void *src, size_t len)
{
	const unsigned char *p = src;
	size_t done = 0;

	pthread_mutex_lock(&rb->lock);
	while (done < len && !rb->closed) {
		size_t room = rb->cap - rb_used_locked(rb);
		size_t off, chunk;

		if (room == 0) {
			pthread_cond_wait(&rb->not_full, &rb->lock);
			continue;
		}
		off = rb->head & (rb->cap - 1);
		chunk = len - done;
		if (chunk > room)
			chunk = room;
		if (chunk > rb->cap - off)
			chunk = rb->cap - off;
		memcpy(rb->data + off, p + done, chunk);
		rb->head += chunk;
		done += chunk;
		pthread_cond_signal(&rb->not_empty);
	}
	pthread_mutex_unlock(&rb->lock);
	return done;
}

/* Reads at most len bytes; waits up to timeout_ms for the first one. */
size_t rb_read(struct ringbuf *rb, void *dst, size_t len, int timeout_ms)
{
	unsigned char *out = dst;
	size_t done = 0;
	struct timespec deadline;

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += timeout_ms / 1000;
	deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}

	pthread_mutex_lock(&rb->lock);
	while (done == 0) {
		size_t used = rb_used_locked(rb);
		size_t off, chunk;

		if (used == 0) {
			if (rb->closed)
				break;
			if (pthread_cond_timedwait(&rb->not_empty, &rb->lock,
			                           &deadline) == ETIMEDOUT)
				break;
			continue;
		}
		off = rb->tail & (rb->cap - 1);
		chunk = used < len ? used : len;
		if (chunk > rb->cap - off)
			chunk = rb->cap - off;
		memcpy(out, rb->data + off, chunk);
		rb->tail += chunk;
		done = chunk;
		pthread_cond_signal(&rb->not_full);
	}
	pthread_mutex_unlock(&rb->lock);
	return done;
}

size_t rb_discard(struct ringbuf *rb, size_t len)
{
	unsigned char scratch[64];
	size_t total = 0;

	while (total < len) {
		size_t want = len - total < sizeof scratch ? len - total : sizeof scratch;
		size_t got = rb_read(rb, scratch, want, 0);

		if (got == 0)
			break;
		total += got;
	}
	return total;
}

int rb_get_stats(struct ringbuf *rb, struct rb_stats *out)
{
	if (!rb || !out)
		return -1;
	pthread_mutex_lock(&rb->lock);
	out->used = rb_used_locked(rb);
	out->free_space = rb->cap - out->used;
	out->closed = rb->closed;
	pthread_mutex_unlock(&rb->lock);
	return 0;
}

const char *rb_describe(struct ringbuf *rb)
{
	static char text[96];
	struct rb_stats st;

	if (rb_get_stats(rb, &st) != 0)
		return "invalid";
	snprintf(text, sizeof text, "used=%zu free=%zu%s", st.used,
	         st.free_space, st.closed ? " closed" : "");
	return text;
}

void rb_close(struct ringbuf *rb)
{
	pthread_mutex_lock(&rb->lock);
	rb->closed = 1;
	pthread_cond_broadcast(&rb->not_empty);
	pthread_cond_broadcast(&rb->not_full);
	pthread_mutex_unlock(&rb->lock);
}

void rb_set_default(struct ringbuf *rb)
{
	g_default_rb = rb;
}

int rb_log(const char *fmt, int value)
{
	char line[128];
	int n;

	if (!g_default_rb)
		return -1;
	n = snprintf(line, sizeof line - 1, fmt, value);
	if (n < 0)
		return -1;
	if ((size_t)n >= sizeof line - 1)
		n = sizeof line - 2;
	line[n++] = '\n';
	return rb_write(g_default_rb, line, (size_t)n) == (size_t)n ? 0 : -1;
}

struct producer_args {
	struct ringbuf *rb;
	const char *name;
	int count;
};

static void *producer_main(void *arg)
{
	struct producer_args *pa = arg;
	char msg[64];

	for (int i = 0; i < pa->count; i++) {
		int n = snprintf(msg, sizeof msg, "%s:%d;", pa->name, i);

		rb_write(pa->rb, msg, (size_t)n);
	}
	rb_close(pa->rb);
	return NULL;
}

/* Runs a producer thread and copies everything it produces to sink. */
int rb_pump(FILE *sink, const char *name, int count)
{
	struct ringbuf *rb = rb_new(256);
	struct producer_args args = { rb, name, count };
	pthread_t tid;
	unsigned char chunk[32];
	size_t n;
	long total = 0;

	if (!rb)
		return -1;
	if (pthread_create(&tid, NULL, producer_main, &args) != 0) {
		rb_free(rb);
		return -1;
	}
	while ((n = rb_read(rb, chunk, sizeof chunk, 100)) > 0) {
		fwrite(chunk, 1, n, sink);
		total += (long)n;
	}
	pthread_join(tid, NULL);
	rb_free(rb);
	fprintf(sink, "\n%ld bytes\n", total);
	return 0;
}
