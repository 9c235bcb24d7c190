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

/* assigned in a loop that runs at least once (its test decided by the
   constants it starts from), added in another, the base freed after:
   no warning (libevent's test_common_timeout) */
void handle_loop(void)
{
	struct base *b = base_new();
	struct ev e[4];
	int i;
	for (i = 0; i < 4; i++)
		ev_assign(&e[i], b, i, 0);
	for (i = 0; i < 4; i++)
		ev_add(&e[i]);
	work();
	base_free(b);
}

/* the same, counting down to a bound that the start passes */
void handle_loop_down(void)
{
	struct base *b = base_new();
	struct ev e[4];
	for (int i = 3; i >= 0; i--)
		ev_assign(&e[i], b, i, 0);
	for (int i = 0; i < 4; i++)
		ev_add(&e[i]);
	base_free(b);
}

/* a bound that may be zero: the add may meet an event never assigned */
void handle_loop_n(int n)
{
	struct base *b = base_new();
	struct ev e[4];
	int i;
	for (i = 0; i < n; i++)
		ev_assign(&e[i], b, i, 0);
	for (i = 0; i < 4; i++)
		ev_add(&e[i]); // linked "escape-kept"
	base_free(b);
}

/* a loop that runs zero times */
void handle_loop_zero(void)
{
	struct base *b = base_new();
	struct ev e[4];
	int i;
	for (i = 4; i < 4; i++)
		ev_assign(&e[i], b, i, 0);
	ev_add(&e[0]); // linked "escape-kept"
	base_free(b);
}

/* the loop may leave before its first assign */
void handle_loop_break(int c)
{
	struct base *b = base_new();
	struct ev e[4];
	int i;
	for (i = 0; i < 4; i++) {
		if (c)
			break;
		ev_assign(&e[i], b, i, 0);
	}
	ev_add(&e[0]); // linked "escape-kept"
	base_free(b);
}

/* assigned in a loop that runs at least once, the base freed on one
   path only */
void handle_loop_one_path(int c)
{
	struct base *b = base_new();
	struct ev e[4];
	int i;
	for (i = 0; i < 4; i++)
		ev_assign(&e[i], b, i, 0);
	ev_add(&e[1]); // linked "escape-kept"
	if (c)
		base_free(b);
}
