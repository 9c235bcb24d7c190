/* A small valid unit for the argument tests: one escape, one warning. */
int *g;

void f(void)
{
	int x;
	g = &x;
}
