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

/* calls given the event between the assign and the add that leave its
   base as it is (a read, a scalar written, the event handed to another
   assign as its argument): no warning */
void handle_between(void)
{
	struct base *b = base_new();
	struct ev e, e2;
	ev_assign(&e, b, 1, 0);
	ev_assign(&e2, b, 2, &e);
	ev_set_fd(&e, ev_fd(&e) + 1);
	ev_add(&e);
	work();
	base_free(b);
}

/* added twice, a read between */
void handle_between_twice(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_add(&e);
	work();
	ev_set_fd(&e, 3);
	ev_add(&e);
	base_free(b);
}

/* a call between moves the event to another base, one call further */
void handle_between_rebase(void)
{
	struct base *b = base_new(), *b2 = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_set_fd(&e, 3);
	ev_rebase(&e, b2);
	ev_add(&e); // linked "escape-kept"
	base_free(b);
}

/* a call between that the build does not define */
void handle_between_unknown(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_unknown(&e);
	ev_add(&e); // linked "escape-kept"
	base_free(b);
}

/* the calls between harmless, the base freed on one path only */
void handle_between_one_path(int c)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_set_fd(&e, 3);
	ev_add(&e); // linked "escape-kept"
	if (c)
		base_free(b);
}

/* the calls between harmless, another base freed */
void handle_between_other(void)
{
	struct base *b = base_new(), *b2 = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_set_fd(&e, 3);
	ev_add(&e); // linked "escape-kept"
	base_free(b2);
}

/* the base freed through a merge with null (end: if (b) base_free(b)):
   no warning */
void handle_merge(int c)
{
	struct base *b = 0;
	struct ev e;
	if (c)
		goto end;
	b = base_new();
	if (!b)
		goto end;
	ev_assign(&e, b, 1, 0);
	ev_add(&e);
	work();
end:
	if (b)
		base_free(b);
}

/* the merge given another base on the keeper's path */
void handle_merge_other(int c)
{
	struct base *b = 0, *b2 = base_new();
	struct ev e;
	if (c)
		goto end;
	b = base_new();
	ev_assign(&e, b, 1, 0);
	ev_add(&e); // linked "escape-kept"
	work();
	b = b2;
end:
	if (b)
		base_free(b);
}

/* the merge freed on one path only */
void handle_merge_one_path(int c, int d)
{
	struct base *b = 0;
	struct ev e;
	if (c)
		goto end;
	b = base_new();
	ev_assign(&e, b, 1, 0);
	ev_add(&e); // linked "escape-kept"
	work();
end:
	if (b && d)
		base_free(b);
}

/* the base may be null at the assign (which then takes the current
   one): the merge's null branch frees nothing */
void handle_merge_null(int c, struct base *p)
{
	struct base *b = 0;
	struct ev e;
	if (c)
		goto end;
	b = p;
	ev_assign(&e, b, 1, 0);
	ev_add(&e); // linked "escape-kept"
	work();
end:
	if (b)
		base_free(b);
}

/* a call between hands the event on to a function the build does not
   define */
void handle_between_deep_unknown(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_touch(&e);
	ev_add(&e); // linked "escape-kept"
	base_free(b);
}

/* assigned, added and its base freed, twice over (the first assign is
   no handle of the second add): no warning */
void handle_twice(void)
{
	struct base *b = base_new();
	struct ev e;
	ev_assign(&e, b, 1, 0);
	ev_add(&e);
	base_free(b);
	b = base_new();
	ev_assign(&e, b, 2, 0);
	ev_add(&e);
	base_free(b);
}
