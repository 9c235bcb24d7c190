/* Stored into the caller's memory (out-parameters): it escapes; the
   parameter stored through does not. */
struct box {
	int *f;
	int n;
};

void out_param(int **out) // want "out does not escape"
{
	int x = 1;
	*out = &x; // want "x escapes to heap"
}

void field_param(struct box *b) // want "b does not escape"
{
	int x = 2;
	b->f = &x; // want "x escapes to heap"
	b->n = 1;
}

void array_param(int **arr, int i) // want "arr does not escape"
{
	int x = 3;
	arr[i] = &x; // want "x escapes to heap"
}

void indirect_out(struct box **bb) // want "bb does not escape"
{
	int x = 4;
	(*bb)->f = &x; // want "x escapes to heap"
}

void value_to_out(int **out) // want "out does not escape"
{
	int x = 5;
	**out = x;
}
