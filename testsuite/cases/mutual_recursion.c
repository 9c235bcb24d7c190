/* Recursive functions are summarised together, until nothing changes. */
int *g_store;

void ping(int *p, int n);

void pong(int *q, int n) // want "leaking param: q"
{
	if (n > 0)
		ping(q, n - 1);
	else
		g_store = q;
}

void ping(int *p, int n) // want "leaking param: p"
{
	if (n > 0)
		pong(p, n - 1);
}

void start_ping(void)
{
	int x = 0;
	ping(&x, 3); // want "x escapes to heap"
}

int is_odd(const int *p, int n);

int is_even(const int *p, int n) // want "p does not escape"
{
	return n == 0 ? *p : is_odd(p, n - 1);
}

int is_odd(const int *p, int n) // want "p does not escape"
{
	return n == 0 ? 0 : is_even(p, n - 1);
}

int start_even(void)
{
	int x = 1;
	return is_even(&x, 4);
}

int *last(int *p, int n) // want "leaking param: p to result level=0"
{
	return n > 0 ? last(p, n - 1) : p;
}

int start_last(void)
{
	int x = 2;
	return *last(&x, 3);
}
