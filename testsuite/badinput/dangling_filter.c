/* dangling=ID[,ID...] and dangling=off choose the warnings. */
int *g;

int *ret(void)
{
	int r = 0;
	int *p = &r;
	return p;
}

void glob(void)
{
	int x;
	g = &x;
}
