/* worker.c - starts a thread and returns without joining it: the thread
   may still read `job' after start_worker() has returned.  A real bug. */
#include <pthread.h>
#include <stdio.h>
#include "ci.h"

static void *work(void *arg)
{
	printf("job %d\n", *(int *)arg);
	return NULL;
}

int start_worker(int n)
{
	pthread_t t;
	int job = n;

	return pthread_create(&t, NULL, work, &job); // dangle "escape-thread"
}
