/* Pointer parameters that reach the result, with the number of
   dereferences on the way; with a heap leak at least as strong, only the
   heap leak is reported (as in Go). */
int *g_p;

struct holder {
	int *ptr;
};

int *result0(int *p) // want "leaking param: p to result level=0"
{
	return p;
}

int *result0_arith(int *p) // want "leaking param: p to result level=0"
{
	return p + 1;
}

char *result0_cast(void *p) // want "leaking param: p to result level=0"
{
	return (char *)p;
}

int *result0_either(int *a, int *b, int c) // want "leaking param: a to result level=0" "leaking param: b to result level=0"
{
	return c ? a : b;
}

struct holder result0_in_struct(int *p) // want "leaking param: p to result level=0"
{
	struct holder h;
	h.ptr = p;
	return h;
}

int *result1(int **pp) // want "leaking param: pp to result level=1"
{
	return *pp;
}

int *result1_field(struct holder *h) // want "leaking param: h to result level=1"
{
	return h->ptr;
}

int *result2(int ***ppp) // want "leaking param: ppp to result level=2"
{
	return **ppp;
}

int *heap_and_result(int *p) // want "leaking param: p"
{
	g_p = p;
	return p;
}

int *content_and_result1(int **pp) // want "leaking param content: pp"
{
	g_p = *pp;
	return *pp;
}

int **content_and_result0(int **pp) // want "leaking param content: pp" "leaking param: pp to result level=0"
{
	g_p = *pp;
	return pp;
}
