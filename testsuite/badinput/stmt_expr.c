/* GNU C statement expressions. */
int *g;

int escapes_through(void)
{
	int a = 1;
	int *p = ({ int *q = &a; q; }); // want "a escapes to heap"
	g = p; // warn "escape-global"
	return *p;
}

int stays(void)
{
	int b = ({ int t = 2; int *u = &t; *u; });
	return b;
}
