/* Pointer parameters that reach the heap: their value (leaking param) or
   what they point to (leaking param content). */
int *g_p;

struct holder {
	int *ptr;
};

struct holder *g_h;

extern void registry_add(void *);

void leak_to_global(int *p) // want "leaking param: p"
{
	g_p = p;
}

void leak_struct_pointer(struct holder *h) // want "leaking param: h"
{
	g_h = h;
}

void leak_to_unknown(int *p) // want "leaking param: p"
{
	registry_add(p);
}

void leak_through_out(int **out, int *p) // want "out does not escape" "leaking param: p"
{
	*out = p;
}

void leak_content(int **pp) // want "leaking param content: pp"
{
	g_p = *pp;
}

void leak_field_content(struct holder *h) // want "leaking param content: h"
{
	g_p = h->ptr;
}

void leak_content_two_down(int ***ppp) // want "leaking param content: ppp"
{
	g_p = **ppp;
}

void leak_content_via_callee(int **pp) // want "leaking param content: pp"
{
	leak_content(pp);
}

void copy_content(int **dst, int **src) // want "dst does not escape" "leaking param content: src"
{
	*dst = *src;
}
