/* bg.c - fire-and-forget background work: thumbnails and cache flushes. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct thumb_job {
	char src[256];
	char dst[256];
	int width;
};

struct flush_req {
	int fd;
	unsigned generation;
};

static void *thumb_main(void *arg)
{
	struct thumb_job *job = arg;

	fprintf(stderr, "thumb %s -> %s (%d px)\n", job->src, job->dst, job->width);
	return NULL;
}

static void *thumb_main_owned(void *arg)
{
	thumb_main(arg);
	free(arg);
	return NULL;
}

/* Version 1: the job lives on the caller's stack. */
int thumb_start(const char *src, const char *dst, int width)
{
	struct thumb_job job;
	pthread_t t;

	snprintf(job.src, sizeof job.src, "%s", src);
	snprintf(job.dst, sizeof job.dst, "%s", dst);
	job.width = width;
	if (pthread_create(&t, NULL, thumb_main, &job) != 0)
		return -1;
	pthread_detach(t);
	return 0;
}

/* Version 2: the thread owns a heap copy. */
int thumb_start_owned(const char *src, const char *dst, int width)
{
	struct thumb_job *job = malloc(sizeof *job);
	pthread_t t;

	if (!job)
		return -1;
	snprintf(job->src, sizeof job->src, "%s", src);
	snprintf(job->dst, sizeof job->dst, "%s", dst);
	job->width = width;
	if (pthread_create(&t, NULL, thumb_main_owned, job) != 0) {
		free(job);
		return -1;
	}
	pthread_detach(t);
	return 0;
}

static void *flush_main(void *arg)
{
	struct flush_req *r = arg;

	if (fsync(r->fd) != 0)
		perror("fsync");
	fprintf(stderr, "flushed generation %u\n", r->generation);
	return NULL;
}

int flush_async(int fd, unsigned generation)
{
	struct flush_req req;
	pthread_attr_t attr;
	pthread_t t;
	int rc;

	req.fd = fd;
	req.generation = generation;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	rc = pthread_create(&t, &attr, flush_main, &req);
	pthread_attr_destroy(&attr);
	return rc == 0 ? 0 : -1;
}
