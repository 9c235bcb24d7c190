/* blockcache.c - block cache of the database file with read-ahead. */
#include <aio.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK 4096
#define NBLOCKS 256

struct block {
	long no;		/* -1 when free */
	int pending;
	unsigned char *data;
};

static struct block g_cache[NBLOCKS];

int cache_init(void)
{
	int i;

	for (i = 0; i < NBLOCKS; i++) {
		g_cache[i].no = -1;
		g_cache[i].pending = 0;
		g_cache[i].data = malloc(BLOCK);
		if (!g_cache[i].data)
			return -1;
	}
	return 0;
}

static struct block *cache_slot(long no)
{
	return &g_cache[no % NBLOCKS];
}

/* Synchronous read of block no. */
const unsigned char *cache_get(int fd, long no)
{
	struct block *b = cache_slot(no);
	unsigned char tmp[BLOCK];
	ssize_t n;

	if (b->no == no && !b->pending)
		return b->data;
	n = pread(fd, tmp, sizeof tmp, (off_t)no * BLOCK);
	if (n != BLOCK)
		return NULL;
	memcpy(b->data, tmp, BLOCK);
	b->no = no;
	b->pending = 0;
	return b->data;
}

/* Starts reading block no in the background; cache_get() picks it up. */
int cache_readahead(int fd, long no)
{
	struct block *b = cache_slot(no);
	struct aiocb cb;

	if (b->no == no)
		return 0;
	memset(&cb, 0, sizeof cb);
	cb.aio_fildes = fd;
	cb.aio_offset = (off_t)no * BLOCK;
	cb.aio_buf = b->data;
	cb.aio_nbytes = BLOCK;
	cb.aio_sigevent.sigev_notify = SIGEV_NONE;
	if (aio_read(&cb) < 0)
		return errno == EAGAIN ? 0 : -1;
	b->no = no;
	b->pending = 1;
	return 0;
}

/* Checksum of a range of blocks, read synchronously. */
unsigned long cache_checksum(int fd, long first, long count)
{
	unsigned char buf[BLOCK];
	unsigned long sum = 0;
	long i;
	int k;

	for (i = 0; i < count; i++) {
		if (pread(fd, buf, sizeof buf, (off_t)(first + i) * BLOCK) != BLOCK)
			break;
		for (k = 0; k < BLOCK; k++)
			sum = sum * 31 + buf[k];
	}
	return sum;
}
