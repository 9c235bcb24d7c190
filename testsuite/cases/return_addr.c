/* A local's address returned, in every spelling: it escapes, at the line
   where its address is taken. */
struct holder {
	int *p;
	int n;
};

struct pair {
	int a, b;
};

int *ret_direct(void)
{
	int x = 1;
	return &x; // want "x escapes to heap"
}

int *ret_via_pointer(void)
{
	int x = 2;
	int *p = &x; // want "x escapes to heap"
	return p;
}

int *ret_via_field(void)
{
	int x = 3;
	struct holder s;
	s.p = &x; // want "x escapes to heap"
	s.n = 0;
	return s.p;
}

void *ret_cast_to_void(void)
{
	int x = 4;
	return (void *)&x; // want "x escapes to heap"
}

int *ret_conditional(int c)
{
	int x = 5, y = 6;
	return c ? &x : &y; // want "x escapes to heap" "y escapes to heap"
}

struct holder ret_struct_by_value(void)
{
	int x = 7;
	struct holder h;
	h.p = &x; // want "x escapes to heap"
	h.n = 1;
	return h;
}

int *ret_member(void)
{
	struct pair pr = {8, 9};
	return &pr.b; // want "pr escapes to heap"
}

int *ret_offset(void)
{
	int x = 10;
	int *p = &x + 0; // want "x escapes to heap"
	return p;
}

int not_returned(void)
{
	int x = 11;
	int *p = &x;
	return *p;
}
