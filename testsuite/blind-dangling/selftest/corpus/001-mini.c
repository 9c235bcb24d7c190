/* Scorer self-test input: never compiled by the self-test. */
static int *g;

int *ret_local(void)
{
	int x = 1;
	return &x;
}

void keep_global(void)
{
	int y = 2;
	g = &y;
}

void clear_global(void)
{
	int z = 3;
	g = &z;
	g = 0;
}
