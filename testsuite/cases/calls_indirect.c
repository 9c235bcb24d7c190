/* Given to a function called through a pointer: nothing is known of the
   callee, so it may keep its arguments. */
void (*hook)(int *);

struct ops {
	void (*run)(void *);
};

void addr_to_hook(void)
{
	int x = 1;
	hook(&x); // want "x escapes to heap"
}

void param_to_hook(int *p) // want "leaking param: p"
{
	hook(p);
}

void addr_to_op(const struct ops *o) // want "o does not escape"
{
	int x = 2;
	o->run(&x); // want "x escapes to heap"
}

int value_to_hook(void)
{
	int x = 3;
	int *p = &x;
	if (hook)
		hook(0);
	return *p;
}
