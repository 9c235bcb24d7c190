/* Pointer-to-pointer chains: only what is really reachable escapes. */
int **g_pp;
int *g_p;

void publish_pp(void)
{
	int x = 1;
	int *p = &x; // want "x escapes to heap"
	int **pp = &p; // want "p escapes to heap"
	g_pp = pp;
}

void publish_deref(void)
{
	int x = 2;
	int *p = &x; // want "x escapes to heap"
	int **pp = &p;
	g_p = *pp;
}

void publish_double_deref(void)
{
	int x = 3;
	int *p = &x; // want "x escapes to heap"
	int **pp = &p;
	int ***ppp = &pp;
	g_p = **ppp;
}

int chain_local(void)
{
	int x = 4;
	int *p = &x;
	int **pp = &p;
	return **pp;
}
