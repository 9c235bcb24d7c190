/* testsuite/link/handle: each function a case; a linked marker names the
   warnings the link step must give, and no other. */
#include "handle.h"

void handle_clean(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_add(&e);
	work();
	base_free(b);
}

/* the base set by ev_set_base (arguments the other way round) */
void handle_clean_set(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, 0, 1, 0);
	ev_set_base(b, &e);
	ev_add(&e);
	base_free(b);
}

/* the base outlives the event */
struct base *handle_leak(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_add(&e); // linked "escape-kept"
	return b;
}

/* another base freed */
void handle_other(void)
{
	struct base *b = base_new(), *b2 = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_add(&e); // linked "escape-kept"
	base_free(b2);
}

/* freed on one path only */
void handle_one_path(int c)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_add(&e); // linked "escape-kept"
	if (c)
		base_free(b);
}

/* the event moved to another base before it is added */
void handle_reassigned(void)
{
	struct base *b = base_new(), *b2 = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_set_base(b2, &e);
	ev_add(&e); // linked "escape-kept"
	base_free(b);
}

/* assigned after it was added */
void handle_assigned_late(void)
{
	struct base *b = base_new(), *b2 = base_new();
	struct ev e;
	ev_assign(&e, b2, 1, 0);
	ev_add(&e); // linked "escape-kept"
	ev_assign(&e, b, 1, 0);
	base_free(b);
}

/* the keeper is given the base itself, and stores it in the event */
void handle_moved(void)
{
	struct base *b = base_new(), *b2 = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_move(&e, b2); // linked "escape-kept"
	base_free(b);
}

/* a teardown that frees nothing */
void handle_cleared(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_add(&e); // linked "escape-kept"
	base_clear(b);
}

/* re-initialised after the add (its link field written): still in the
   base's list */
struct base *handle_reset(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_add(&e); // linked "escape-kept"
	work();
	ev_reset(&e);
	return b;
}
