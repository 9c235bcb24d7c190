/* A list of locals: what is stored in an object escapes with it.  Stores
   into the frame's own objects, directly or through a pointer that can
   only point to them, stay in the frame. */
struct node {
	struct node *next;
	int value;
};

struct node *list_head;

void publish_list(void)
{
	struct node a, b, c;
	a.value = 1;
	b.value = 2;
	c.value = 3;
	a.next = &b; // want "b escapes to heap"
	b.next = &c; // want "c escapes to heap"
	c.next = 0;
	list_head = &a; // want "a escapes to heap"
}

void publish_through_pointer(void)
{
	struct node a, b;
	struct node *p = &a; // want "a escapes to heap"
	p->value = 1;
	p->next = &b; // want "b escapes to heap"
	b.next = 0;
	b.value = 2;
	list_head = p;
}

void push_global(int v)
{
	struct node n;
	n.value = v;
	n.next = list_head;
	list_head = &n; // want "n escapes to heap"
}

int local_list(void)
{
	struct node a, b, c;
	a.value = 1;
	b.value = 2;
	c.value = 3;
	a.next = &b;
	b.next = &c;
	c.next = 0;
	int sum = 0;
	for (struct node *n = &a; n; n = n->next)
		sum += n->value;
	return sum;
}

int local_list_through_pointer(void)
{
	struct node a, b;
	struct node *p = &a;
	p->value = 1;
	p->next = &b;
	b.next = 0;
	b.value = 2;
	return p->value + p->next->value;
}
