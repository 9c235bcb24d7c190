/* A pointer that a callee leaves in the caller's memory through an
   out-parameter (get(&p)), then stored through: unless it is a fresh
   allocation that only this frame holds, what it points to is not this
   frame's, so what is stored there escapes (a summary's other_out).  The
   xfail is a known miss: a function nothing is known of is taken to keep
   its arguments, not to write through them. */
#include <stdlib.h>

struct conn {
	void *arg;
};

extern struct conn *registry;
extern void conn_open_ext(struct conn **pp);

void conn_set(struct conn *c, void *arg) // want "c does not escape" "leaking param: arg"
{
	c->arg = arg;
}

struct conn *conn_get(void)
{
	return registry;
}

void conn_open_global(struct conn **pp) // want "pp does not escape"
{
	*pp = registry;
}

void conn_open_new(struct conn **pp) // want "pp does not escape"
{
	*pp = malloc(sizeof **pp); // want "malloc\(\.\.\.\) escapes to heap"
}

/* a fresh allocation holding a global's value: still the caller's own */
void conn_open_init(struct conn **pp) // want "pp does not escape"
{
	struct conn *c = malloc(sizeof *c); // want "malloc\(\.\.\.\) escapes to heap"
	if (c)
		c->arg = registry;
	*pp = c;
}

/* an allocation also kept in a global: from outside */
void conn_open_shared(struct conn **pp) // want "pp does not escape"
{
	struct conn *c = malloc(sizeof *c); // want "malloc\(\.\.\.\) escapes to heap"
	registry = c;
	*pp = c;
}

/* the global left in db only on one path */
void conn_open_maybe(struct conn **pp, int shared) // want "pp does not escape"
{
	if (shared)
		*pp = registry;
	else
		*pp = malloc(sizeof **pp); // want "malloc\(\.\.\.\) escapes to heap"
}

/* the global read here: seen */
int set_through_global(void)
{
	struct conn *db = registry;
	int x = 0;
	conn_set(db, &x); // want "x escapes to heap"
	return x;
}

/* the global returned by a callee: seen */
int set_through_result(void)
{
	struct conn *db = conn_get();
	int x = 0;
	conn_set(db, &x); // want "x escapes to heap"
	return x;
}

/* the global left in db by a callee of this file (its summary's
   other_out) */
int set_through_out_global(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_global(&db);
	conn_set(db, &x); // want "x escapes to heap"
	return x;
}

/* a fresh allocation left in db, which nothing but this frame holds:
   as for one returned (conn_new(...) does not escape), x stays */
int set_through_out_new(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_new(&db);
	conn_set(db, &x);
	return x;
}

/* the fresh allocation with a global's value in it: x stays */
int set_through_out_init(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_init(&db);
	conn_set(db, &x);
	return x;
}

/* the allocation a global holds too */
int set_through_out_shared(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_shared(&db);
	conn_set(db, &x); // want "x escapes to heap"
	return x;
}

/* the global on one path */
int set_through_out_maybe(int shared)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_maybe(&db, shared);
	conn_set(db, &x); // want "x escapes to heap"
	return x;
}

/* a global handed between two functions that call each other, then
   stored into *pp */
void conn_fill(struct conn **pp, int n);

void conn_put(struct conn **pp, struct conn *v, int n) // want "pp does not escape" "leaking param: v"
{
	if (n)
		conn_fill(pp, n - 1);
	else
		*pp = v;
}

void conn_fill(struct conn **pp, int n) // want "pp does not escape"
{
	conn_put(pp, registry, n);
}

int set_through_component(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_fill(&db, 2);
	conn_set(db, &x); // want "x escapes to heap"
	return x;
}

/* whatever a function nothing is known of leaves in db: missed */
int set_through_out_unknown(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_ext(&db); // want "db escapes to heap"
	conn_set(db, &x); // xfail "what an unknown callee may store through its argument is not modelled" want "x escapes to heap"
	return x;
}
