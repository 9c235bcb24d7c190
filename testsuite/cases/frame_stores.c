/* Addresses stored into the frame's own objects do not escape, unless the
   object holding them does. */
struct node {
	struct node *next;
	int value;
};

int **g_pp;

int array_of_pointers(void)
{
	int x = 1, y = 2;
	int *ptrs[2];
	ptrs[0] = &x;
	ptrs[1] = &y;
	return *ptrs[0] + *ptrs[1];
}

int struct_holds_address(void)
{
	int x = 3;
	struct {
		int *p;
	} s;
	s.p = &x;
	return *s.p;
}

int store_through_either(int c)
{
	struct node a = {0, 1}, b = {0, 2}, t = {0, 3};
	struct node *p = c ? &a : &b;
	p->next = &t;
	return p->next->value + p->value;
}

void holder_escapes(void)
{
	int x = 4;
	int *box[1];
	box[0] = &x; // want "x escapes to heap"
	g_pp = box; // want "box escapes to heap"
}
