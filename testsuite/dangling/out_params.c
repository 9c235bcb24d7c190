/* A pointer a callee leaves in the caller's variable through an
   out-parameter, then stored through: the address stored is left in
   memory outside the frame unless that memory is a fresh allocation
   only the frame holds (the callee's summary's other_out). */
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

/* the same global, left in db by a callee */
int set_through_out_global(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_global(&db);
	conn_set(db, &x); // dangle "escape-caller"
	return x;
}

static void conn_open_shared(struct conn **pp)
{
	struct conn *c = malloc(sizeof *c);
	registry = c;
	*pp = c;
}

static void conn_open_init(struct conn **pp)
{
	struct conn *c = malloc(sizeof *c);
	if (c)
		c->arg = registry;
	*pp = c;
}

/* an allocation a global holds too */
int set_through_out_shared(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_shared(&db);
	conn_set(db, &x); // dangle "escape-caller"
	return x;
}

/* a fresh allocation holding a global's value, which only this frame
   holds: clean */
int set_through_out_init(void)
{
	struct conn *db = 0;
	int x = 0;
	conn_open_init(&db);
	conn_set(db, &x);
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
