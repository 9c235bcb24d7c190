/* As Go's -m, the notes are flow-insensitive: an address stored where it
   escapes escapes, even if it is cleared before the function returns. */
int *g_p;

void set_then_clear(void)
{
	int x = 1;
	g_p = &x; // want "x escapes to heap"
	g_p = 0;
}

void out_set_then_clear(int **out) // want "out does not escape"
{
	int x = 2;
	*out = &x; // want "x escapes to heap"
	*out = 0;
}

void cleared_on_every_path(int c)
{
	int x = 3;
	g_p = &x; // want "x escapes to heap"
	if (c) {
		g_p = 0;
		return;
	}
	g_p = 0;
}
