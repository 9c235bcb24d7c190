/* Teardown: the memory that holds the address is released before the
   object dies.  A keeper on the heap freed before the return (st =
   malloc(...); st->cb_arg = &x; start(st); free(st)), a local struct
   holding the pointer to it, heap memory stored into and freed. */
#include <stdlib.h>

struct state { void (*cb)(void *); void *cb_arg; };
struct outer { struct state *st; };

static struct state *current;

/* keeps the state itself (not what it points to) */
__attribute__((noinline)) void engine_start(struct state *st)
{
	current = st;
}

/* copies what the state points to */
static void *last_arg;
__attribute__((noinline)) void engine_copy(struct state *st)
{
	last_arg = st->cb_arg;
}

struct state *get_state(void);

void run_freed(void (*cb)(void *))
{
	int x = 0;
	struct state *st = malloc(sizeof *st);
	if (!st)
		return;
	st->cb = cb;
	st->cb_arg = &x;
	engine_start(st);
	free(st);
}

/* freed on one path only */
void run_freed_sometimes(void (*cb)(void *), int c)
{
	int x = 0;
	struct state *st = malloc(sizeof *st);
	if (!st)
		return;
	st->cb = cb;
	st->cb_arg = &x;
	engine_start(st); // dangle "escape-kept"
	if (c)
		free(st);
}

/* the keeper copies the address out before the free */
void run_copied(void (*cb)(void *))
{
	int x = 0;
	struct state *st = malloc(sizeof *st);
	if (!st)
		return;
	st->cb = cb;
	st->cb_arg = &x;
	engine_copy(st); // dangle "escape-kept"
	free(st);
}

/* realloc moves the contents: still kept */
void run_realloc(void (*cb)(void *))
{
	int x = 0;
	struct state *st = malloc(sizeof *st);
	if (!st)
		return;
	st->cb = cb;
	st->cb_arg = &x;
	engine_start(st); // dangle "escape-kept"
	st = realloc(st, 2 * sizeof *st);
}

/* a local struct holding the pointer to the keeper */
void run_outer(void (*cb)(void *))
{
	int x = 0;
	struct outer o;
	o.st = malloc(sizeof *o.st);
	if (!o.st)
		return;
	o.st->cb = cb;
	o.st->cb_arg = &x;
	engine_start(o.st);
	free(o.st);
}

/* another keeper freed under the same name: still kept */
void run_outer_other(void (*cb)(void *))
{
	int x = 0;
	struct outer o;
	o.st = malloc(sizeof *o.st);
	if (!o.st)
		return;
	o.st->cb = cb;
	o.st->cb_arg = &x;
	engine_start(o.st); // dangle "escape-kept"
	o.st = malloc(sizeof *o.st);
	free(o.st);
}

/* stored into memory that is freed */
void store_freed(void)
{
	int x = 0;
	struct state *st = get_state();
	st->cb_arg = &x;
	free(st);
}

/* stored into memory that is not */
void store_kept(void)
{
	int x = 0;
	struct state *st = get_state();
	st->cb_arg = &x; // dangle "escape-caller"
}

/* another member of the same local struct freed: still kept */
struct two { struct state *a, *b; };
void run_other_member(void (*cb)(void *))
{
	int x = 0;
	struct two t;
	t.a = malloc(sizeof *t.a);
	t.b = malloc(sizeof *t.b);
	if (!t.a || !t.b)
		return;
	t.a->cb = cb;
	t.a->cb_arg = &x;
	engine_start(t.a); // dangle "escape-kept"
	free(t.b);
}

/* Teardown inside the keeper: the callee puts what it is given in memory
   it allocates, hands that to a keeper and frees it before it returns
   (SQLite's whereLoopAddVirtual: allocateIndexInfo, freeIndexInfo) */
struct wc { int n; };
struct info { struct wc *wc; };
struct builder { struct wc *wc; };
struct info *info_mem(void);        /* no body: memory from elsewhere */
static void *considered;

/* keeps what it is given */
__attribute__((noinline)) void consider(void *info)
{
	considered = info;
}

__attribute__((noinline)) void dealloc(void *p)
{
	free(p);
}

__attribute__((noinline)) int add_virtual(struct builder *b, int fresh)
{
	struct info *p = fresh ? malloc(sizeof *p) : info_mem();
	if (!p)
		return 1;
	p->wc = b->wc;
	consider(p);
	free(p);
	return 0;
}

int add_or(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	return add_virtual(&sub, 1);
}

/* freed on one path only: kept */
__attribute__((noinline)) int add_virtual_leaky(struct builder *b, int c)
{
	struct info *p = malloc(sizeof *p);
	if (!p)
		return 1;
	p->wc = b->wc;
	consider(p);
	if (c)
		dealloc(p);
	return 0;
}

int add_or_leaky(struct builder *b0, int c)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	return add_virtual_leaky(&sub, c); // dangle "escape-kept"
}
