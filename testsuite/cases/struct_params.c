/* Structs passed by value that hold pointers are reported like pointer
   parameters; structs without pointers are not. */
struct holder {
	int *ptr;
	int n;
};

struct plain {
	int a, b;
};

struct holder g_h;
int *g_p;

void struct_param_leaks(struct holder h) // want "leaking param: h"
{
	g_p = h.ptr;
}

void struct_param_copied_out(struct holder h) // want "leaking param: h"
{
	g_h = h;
}

int struct_param_read(struct holder h) // want "h does not escape"
{
	return *h.ptr + h.n;
}

int *struct_param_field_returned(struct holder h) // want "leaking param: h to result level=0"
{
	return h.ptr;
}

int plain_struct_param(struct plain s)
{
	return s.a + s.b;
}
