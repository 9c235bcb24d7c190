/* GNU C labels as values and computed goto. */
int *g;

int dispatch(int i, int *out) // want "out does not escape"
{
	static void *tbl[] = { &&l0, &&l1 };
	int x = 0;
	int *px = &x;
	goto *tbl[i & 1];
l0:
	*px = 1;
l1:
	*out = x;
	return x;
}

int leaks_after_label(int i)
{
	void *next = i ? &&set : &&done;
	int y = i;
	goto *next;
set:
	g = &y; // want "y escapes to heap" warn "escape-global"
done:
	return y;
}
