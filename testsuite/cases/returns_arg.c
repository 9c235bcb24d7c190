/* Through a function of the same file that returns its argument: the
   address escapes only if the call's value does. */
int *g_kept;

int *identity(int *p) // want "leaking param: p to result level=0"
{
	return p;
}

int *identity_twice(int *q) // want "leaking param: q to result level=0"
{
	return identity(identity(q));
}

int *pick(int *a, const int *b) // want "leaking param: a to result level=0" "b does not escape"
{
	return *b ? a : 0;
}

int *ret_through_identity(void)
{
	int x = 1;
	return identity(&x); // want "x escapes to heap"
}

void store_through_identity(void)
{
	int x = 2;
	g_kept = identity(&x); // want "x escapes to heap"
}

int result_used_locally(void)
{
	int x = 3;
	int *p = identity(&x);
	return *p;
}

void result_dropped(void)
{
	int x = 4;
	identity(&x);
}

int *ret_through_identity_twice(void)
{
	int x = 5;
	return identity_twice(&x); // want "x escapes to heap"
}

int *ret_through_pick(void)
{
	int x = 6, y = 7;
	return pick(&x, &y); // want "x escapes to heap"
}
