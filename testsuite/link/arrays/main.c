/* testsuite/link/arrays: each function a case; a linked marker names the
   warnings the link step must give, and no other. */
#include "arrays.h"

/* each element given its x[i] by a call after it is made, each freed
   (but the null ones) by a later loop over the same range: no warning */
int setarg_freed(int n)
{
	int x[5];
	struct event *e[5] = { 0 };
	int i;
	for (i = 0; i < 5; ++i) {
		e[i] = ev_new();
		ev_setarg(e[i], i, &x[i]);
	}
	if (n)
		goto end;
	x[0] = 1;
end:
	for (i = 0; i < 5; ++i) {
		if (e[i])
			ev_free(e[i]);
	}
	return x[0];
}

/* the same, counting down in the freeing loop */
int setarg_freed_down(void)
{
	int x[5];
	struct event *e[5] = { 0 };
	int i;
	for (i = 0; i < 5; ++i) {
		e[i] = ev_new();
		ev_setarg(e[i], i, &x[i]);
	}
	for (i = 4; i >= 0; --i)
		if (e[i])
			ev_free(e[i]);
	return x[0];
}

/* the element cleared after the call: the event is lost, not freed */
int setarg_lost(void)
{
	int x[5];
	struct event *e[5] = { 0 };
	int i;
	for (i = 0; i < 5; ++i) {
		e[i] = ev_new();
		ev_setarg(e[i], i, &x[i]); // linked "escape-kept"
		e[i] = 0;
	}
	for (i = 0; i < 5; ++i) {
		if (e[i])
			ev_free(e[i]);
	}
	return x[0];
}

/* freed over a shorter range */
int setarg_short(void)
{
	int x[5];
	struct event *e[5] = { 0 };
	int i;
	for (i = 0; i < 5; ++i) {
		e[i] = ev_new();
		ev_setarg(e[i], i, &x[i]); // linked "escape-kept"
	}
	for (i = 1; i < 5; ++i) {
		if (e[i])
			ev_free(e[i]);
	}
	return x[0];
}

/* freed where some other element is not null */
int setarg_other_test(void)
{
	int x[5];
	struct event *e[5] = { 0 };
	int i;
	for (i = 0; i < 5; ++i) {
		e[i] = ev_new();
		ev_setarg(e[i], i, &x[i]); // linked "escape-kept"
	}
	for (i = 0; i < 5; ++i) {
		if (e[0])
			ev_free(e[i]);
	}
	return x[0];
}
