/* testsuite/link/release: the library (see release.h). */
#include <stdlib.h>
#include "release.h"

struct mem_methods {
	void *(*xMalloc)(size_t);
	void (*xFree)(void *);
};

static void *mem_malloc(size_t n)
{
	return malloc(n);
}

static void mem_free(void *p)
{
	free(p);
}

static struct mem_methods config = { mem_malloc, mem_free };

void *blk_alloc(size_t n)
{
	return config.xMalloc(n);
}

void blk_free(void *p)
{
	if (p == 0)
		return;
	config.xFree(p);
}

void plain_free(void *p)
{
	free(p);
}

static void *held;

void keep_free(void *p)
{
	held = p;
}

/* a hook the library sets to free() or to a function that keeps */
struct hooks {
	void (*release)(void *);
};

static void keep_hook(void *p)
{
	held = p;
}

static struct hooks hooks_a = { mem_free };
struct hooks hooks_b = { keep_hook };
struct hooks *hooks_now = &hooks_a;

void hook_free(void *p)
{
	hooks_now->release(p);
}

void *blk_realloc(void *p, size_t n)
{
	return realloc(p, n);
}

void half_free(void *p, int c)
{
	if (c)
		free(p);
}

void run(const char **az, int n)
{
	for (int i = 0; i < n; i++)
		if (az[i][0])
			held = (void *)az[i];
}
