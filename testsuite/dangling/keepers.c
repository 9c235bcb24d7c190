/* escape-thread, escape-kept and escape-unknown. */
#include <pthread.h>
#include <stdio.h>

extern void register_context(void *ctx);
extern void checksum(const void *data, size_t n);

static pthread_key_t key;
static int *saved;

static void *work(void *arg)
{
	return arg;
}

int joined(void)
{
	pthread_t t;
	int x = 1;
	if (pthread_create(&t, NULL, work, &x))
		return -1;
	pthread_join(t, NULL);
	return x;
}

int not_joined_on_error(int fail)
{
	pthread_t t;
	int x = 1;
	pthread_create(&t, NULL, work, &x); // dangle "escape-thread"
	if (fail)
		return -1;
	pthread_join(t, NULL);
	return x;
}

void detached(void)
{
	pthread_t t;
	int x = 1;
	pthread_create(&t, NULL, work, &x); // dangle "escape-thread"
	pthread_detach(t);
}

void pool(void)
{
	pthread_t t[4];
	int arg[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, work, &arg[i]);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
}

void buffered(void)
{
	char buf[BUFSIZ];
	setvbuf(stdout, buf, _IOFBF, sizeof buf); // dangle "escape-kept"
	puts("hello");
}

void buffered_then_reset(void)
{
	char buf[BUFSIZ];
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	puts("hello");
	setvbuf(stdout, NULL, _IONBF, 0);
}

void specific(void)
{
	int x = 0;
	pthread_setspecific(key, &x); // dangle "escape-kept"
}

void specific_reset(void)
{
	int x = 0;
	pthread_setspecific(key, &x);
	pthread_setspecific(key, NULL);
}

static void keep(int *p)
{
	saved = p;
}

void kept_by_helper(void)
{
	int x = 0;
	keep(&x); // dangle "escape-kept"
}

static void drop(void)
{
	saved = NULL;
}

void kept_then_dropped(void)
{
	int x = 0;
	keep(&x);
	drop();
}

void context(void)
{
	int ctx = 0;
	register_context(&ctx); // linked "escape-unknown"
}

void only_read(void)
{
	int data[4] = { 0 };
	checksum(data, sizeof data);
}

/* Assumed keeping: a typed argument of an unknown function, what a
   function pointer is called with (its void * context too), and a
   wrapper whose only keeping is such a call - escapes, not warnings. */
struct walker {
	int (*visit)(struct walker *w, int node);
	int depth;
};
extern void log_state(struct walker *w);

static int walk(struct walker *w, int node)
{
	return w->visit(w, node);
}

static int visit_leaf(struct walker *w, int node)
{
	return w->depth + node;
}

int walk_tree(int node)
{
	struct walker w = { visit_leaf, 0 };
	log_state(&w);
	return walk(&w, node);
}

static int each(int (*op)(void *), void *arg)
{
	return op(arg);
}

static int bump(void *arg)
{
	return ++*(int *)arg;
}

int count_once(void)
{
	int n = 0;
	return each(bump, &n);
}

/* A sure sink beside an assumed one: the warning is still given, and
   explained by the sure one. */
int *last_seen;

void seen_and_walked(int node)
{
	struct walker w = { visit_leaf, 0 };
	struct walker *p = &w;
	walk(p, node);
	last_seen = &p->depth; // dangle "escape-global"
}
