/* testsuite/link/slots: the library (see slots.h). */
#include <stdlib.h>
#include "slots.h"

/* the program's allocator hooks (libevent's mm_malloc/mm_free): what
   they return is the heap's */
static void *(*mm_malloc_fn)(size_t);
static void (*mm_free_fn)(void *);

void set_mem_functions(void *(*m)(size_t), void (*f)(void *))
{
	mm_malloc_fn = m;
	mm_free_fn = f;
}

static void *mm_malloc(size_t n)
{
	return mm_malloc_fn ? mm_malloc_fn(n) : malloc(n);
}

static void mm_free(void *p)
{
	if (mm_free_fn)
		mm_free_fn(p);
	else
		free(p);
}

struct ev *ev_new(void (*cb)(void *), void *arg)
{
	struct ev *e = mm_malloc(sizeof *e);
	if (!e)
		return NULL;
	e->cb = cb;
	e->arg = arg;
	return e;
}

void ev_run(struct ev *e)
{
	e->cb(e->arg);
}

void ev_free(struct ev *e)
{
	mm_free(e);
}
