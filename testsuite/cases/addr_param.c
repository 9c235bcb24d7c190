/* Parameters whose address is taken are stack objects like locals. */
int *g_int;
int **g_pp;

void int_param_escapes(int n)
{
	g_int = &n; // want "n escapes to heap"
}

int *int_param_returned(int n)
{
	return &n; // want "n escapes to heap"
}

int int_param_local(int n)
{
	int *p = &n;
	*p += 1;
	return n;
}

void ptr_param_address_escapes(int *p) // want "leaking param: p"
{
	g_pp = &p; // want "p escapes to heap"
}

int ptr_param_address_local(int *p) // want "p does not escape"
{
	int **pp = &p;
	return **pp;
}
