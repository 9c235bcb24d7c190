/* Given to functions of the same file: it escapes if the callee keeps it,
   directly or further down, and not if the callee only reads it. */
int *kept;

void keep(int *p) // want "leaking param: p"
{
	kept = p;
}

void keep_two_down(int *q) // want "leaking param: q"
{
	keep(q);
}

int read_only(const int *p) // want "p does not escape"
{
	return *p + 1;
}

int read_two_down(const int *q) // want "q does not escape"
{
	return read_only(q);
}

void calls_keep(void)
{
	int x = 1;
	keep(&x); // want "x escapes to heap"
}

void calls_keep_two_down(void)
{
	int x = 2;
	keep_two_down(&x); // want "x escapes to heap"
}

int calls_read_only(void)
{
	int x = 3;
	return read_only(&x) + read_two_down(&x);
}

void keep_later(int *p);

void calls_keep_later(void)
{
	int x = 4;
	keep_later(&x); // want "x escapes to heap"
}

void keep_later(int *p) // want "leaking param: p"
{
	kept = p;
}
