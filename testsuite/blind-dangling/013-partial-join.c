/* pipe_copy.c - copy between two descriptors with a reader and a writer
 * thread around a small bounded buffer. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 8
#define SLOT_SIZE 4096

struct channel {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	char data[SLOTS][SLOT_SIZE];
	ssize_t len[SLOTS];
	int head, tail, count, eof;
};

struct end {
	struct channel *ch;
	int fd;
	long bytes;
};

static void *reader_main(void *arg)
{
	struct end *e = arg;
	struct channel *ch = e->ch;

	for (;;) {
		ssize_t n;

		pthread_mutex_lock(&ch->lock);
		while (ch->count == SLOTS)
			pthread_cond_wait(&ch->changed, &ch->lock);
		pthread_mutex_unlock(&ch->lock);
		n = read(e->fd, ch->data[ch->tail], SLOT_SIZE);
		pthread_mutex_lock(&ch->lock);
		if (n <= 0) {
			ch->eof = 1;
			pthread_cond_broadcast(&ch->changed);
			pthread_mutex_unlock(&ch->lock);
			return NULL;
		}
		ch->len[ch->tail] = n;
		ch->tail = (ch->tail + 1) % SLOTS;
		ch->count++;
		e->bytes += n;
		pthread_cond_broadcast(&ch->changed);
		pthread_mutex_unlock(&ch->lock);
	}
}

static void *writer_main(void *arg)
{
	struct end *e = arg;
	struct channel *ch = e->ch;

	for (;;) {
		pthread_mutex_lock(&ch->lock);
		while (ch->count == 0 && !ch->eof)
			pthread_cond_wait(&ch->changed, &ch->lock);
		if (ch->count == 0) {
			pthread_mutex_unlock(&ch->lock);
			return NULL;
		}
		pthread_mutex_unlock(&ch->lock);
		if (write(e->fd, ch->data[ch->head], (size_t)ch->len[ch->head]) < 0)
			perror("write");
		pthread_mutex_lock(&ch->lock);
		e->bytes += ch->len[ch->head];
		ch->head = (ch->head + 1) % SLOTS;
		ch->count--;
		pthread_cond_broadcast(&ch->changed);
		pthread_mutex_unlock(&ch->lock);
	}
}

static struct channel g_chan = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.changed = PTHREAD_COND_INITIALIZER,
};

/* Copies in to out; returns the bytes written or -1. */
long pipe_copy(int in, int out)
{
	struct end rd, wr;
	pthread_t tr, tw;

	memset(&rd, 0, sizeof rd);
	memset(&wr, 0, sizeof wr);
	rd.ch = wr.ch = &g_chan;
	rd.fd = in;
	wr.fd = out;
	if (pthread_create(&tr, NULL, reader_main, &rd) != 0)
		return -1;
	if (pthread_create(&tw, NULL, writer_main, &wr) != 0) {
		fprintf(stderr, "pipe_copy: no writer thread\n");
		return -1;
	}
	pthread_join(tr, NULL);
	pthread_join(tw, NULL);
	return wr.bytes;
}

/* The same, written after the bug report: the reader is always joined. */
long pipe_copy2(int in, int out)
{
	struct end src, dst;
	pthread_t tr, tw;

	memset(&src, 0, sizeof src);
	memset(&dst, 0, sizeof dst);
	src.ch = dst.ch = &g_chan;
	src.fd = in;
	dst.fd = out;
	if (pthread_create(&tr, NULL, reader_main, &src) != 0)
		return -1;
	if (pthread_create(&tw, NULL, writer_main, &dst) != 0) {
		/* nobody will drain the buffer: run the writer here */
		writer_main(&dst);
		pthread_join(tr, NULL);
		return dst.bytes;
	}
	pthread_join(tr, NULL);
	pthread_join(tw, NULL);
	return dst.bytes;
}
