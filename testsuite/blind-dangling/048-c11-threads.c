/* prefetch.c - warms the page cache for files the indexer will read soon,
 * using C11 threads. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <threads.h>
#include <unistd.h>

struct warm_job {
	char path[256];
	long bytes;
	int ok;
};

static int warm_main(void *arg)
{
	struct warm_job *job = arg;
	char buf[65536];
	ssize_t n;
	int fd = open(job->path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return thrd_error;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		job->bytes += n;
	close(fd);
	job->ok = n == 0;
	return thrd_success;
}

/* Starts warming path in the background and returns at once. */
int prefetch_async(const char *path)
{
	struct warm_job job;
	thrd_t t;

	memset(&job, 0, sizeof job);
	snprintf(job.path, sizeof job.path, "%s", path);
	if (thrd_create(&t, warm_main, &job) != thrd_success)
		return -1;
	thrd_detach(t);
	return 0;
}

/* Warms two files in parallel and waits for both. */
long prefetch_pair(const char *a, const char *b)
{
	struct warm_job ja, jb;
	thrd_t ta, tb;
	int res;

	memset(&ja, 0, sizeof ja);
	memset(&jb, 0, sizeof jb);
	snprintf(ja.path, sizeof ja.path, "%s", a);
	snprintf(jb.path, sizeof jb.path, "%s", b);
	if (thrd_create(&ta, warm_main, &ja) != thrd_success)
		return -1;
	if (thrd_create(&tb, warm_main, &jb) != thrd_success) {
		thrd_join(ta, &res);
		return -1;
	}
	thrd_join(ta, &res);
	thrd_join(tb, &res);
	if (!ja.ok || !jb.ok)
		return -1;
	return ja.bytes + jb.bytes;
}

/* Synchronous fallback when threads are disabled. */
long prefetch_now(const char *path)
{
	struct warm_job job;

	memset(&job, 0, sizeof job);
	snprintf(job.path, sizeof job.path, "%s", path);
	if (warm_main(&job) != thrd_success || !job.ok)
		return -1;
	return job.bytes;
}
