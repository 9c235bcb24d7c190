/* -flto: analysed when compiled (-flto -c), silent at the link. */
int *g;

void remember(int *p) // want "leaking param: p"
{
	g = p;
}

int user(void)
{
	static int s;
	int local = 2;
	int *q = &local; // want "local escapes to heap"
	remember(&s);
	remember(q); // warn "escape-kept"
	return local;
}
