/* __attribute__((cleanup)): the cleanup function is called with the
   variable's address when it goes out of scope. */
int *g;

static void clear(int **pp) // want "pp does not escape"
{
	*pp = 0;
}

static void publish(int **pp) // want "leaking param content: pp"
{
	g = *pp;
}

int cleared(void)
{
	int v = 3;
	__attribute__((cleanup(clear))) int *p = &v;
	return *p;
}

int published(void)
{
	int w = 4;
	__attribute__((cleanup(publish))) int *p = &w; // want "w escapes to heap" warn "escape-kept"
	return *p;
}
