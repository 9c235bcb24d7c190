/* Transparent unions: a pointer passed as the union. */
union tu { int *ip; long *lp; } __attribute__((transparent_union));

void take(union tu u);

static int peek(union tu u) // want "leaking param: u to result level=1|u does not escape"
{
	return *u.ip;
}

void to_unknown(void)
{
	int k;
	take(&k); // want "k escapes to heap"
}

int to_known(void)
{
	int k2 = 1;
	return peek(&k2);
}
