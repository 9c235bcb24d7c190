/* Fixture of run-report.sh: dangling warnings of several rules, one of
   them suppressed.  Tests insert lines above and add functions to this
   file; the line numbers here need not stay fixed. */
#include <pthread.h>
#include <stddef.h>
#include "shared.h"

void register_ctx(void *ctx);

int *hdr_last;
int *g;
int *g2;

int *ret_local(void)
{
	int x = 1;
	return &x;
}

void store_global(void)
{
	int y = 2;
	g = &y;
}

void store_ignored(void)
{
	int z = 3;
	g2 = &z; // escape:ignore
}

void two_contexts(void)
{
	int w = 4;
	register_ctx(&w);
	register_ctx(&w);
}

static void *worker(void *arg)
{
	return arg;
}

void start(void)
{
	int job = 5;
	pthread_t t;
	pthread_create(&t, NULL, worker, &job);
}

void joined(void)
{
	int job = 6;
	pthread_t t;
	if (pthread_create(&t, NULL, worker, &job) == 0)
		pthread_join(t, NULL);
	hdr_remember();
}
