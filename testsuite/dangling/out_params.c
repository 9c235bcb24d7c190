/* A pointer a callee leaves in the caller's variable through an
   out-parameter, then stored through: the address stored is left in
   memory outside the frame unless that memory is a fresh allocation
   only the frame holds.  The xfails are known misses (the callee's
   store of a global's value into *pp is not in its summary). */
#include <stdlib.h>

struct conn {
	void *arg;
};

struct conn *registry;

static void conn_set(struct conn *c, void *arg)
{
	c->arg = arg;
}

static void conn_open_global(struct conn **pp)
{
	*pp = registry;
}

static void conn_open_new(struct conn **pp)
{
	*pp = malloc(sizeof **pp);
}

/* seen when the global is read here */
int set_through_global(void)
{
	struct conn *db = registry;
	int x = 0;
	conn_set(db, &x); // dangle "escape-caller"
	return x;
}

/* the same global, left in db by a callee: missed */
int set_through_out_global(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_global(&db);
	conn_set(db, &x); // xfail "a callee's store of another value into *pp is not in its summary" dangle "escape-caller"
	return x;
}

/* a fresh allocation only this frame holds (leaked with it): clean */
int set_through_out_new(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_new(&db);
	conn_set(db, &x);
	return x;
}
