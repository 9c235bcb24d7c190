/* A note for each site where the address is taken on a flow that escapes,
   none for the other sites of the same object. */
int *g_p;
int *g_q;

void one_site_of_two(void)
{
	int x = 1;
	int *local = &x;
	*local = 2;
	g_p = &x; // want "x escapes to heap"
}

void two_sites(int c)
{
	int x = 3;
	if (c)
		g_p = &x; // want "x escapes to heap"
	else
		g_q = &x; // want "x escapes to heap"
}

void two_objects_one_line(void)
{
	int x = 4, y = 5;
	g_p = &x; g_q = &y; // want "x escapes to heap" "y escapes to heap"
}

void same_object_twice_on_one_line(int c)
{
	int x = 6;
	g_p = c ? &x : &x + 1; // want "x escapes to heap"
}
