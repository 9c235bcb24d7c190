/* Compound literals are unnamed stack objects: reported at the literal. */
struct pt {
	int x, y;
};

struct pt *g_pt;

extern void show(const struct pt *);

void literal_to_global(void)
{
	g_pt = &(struct pt){1, 2}; // want "\(compound literal\) escapes to heap"
}

int *literal_array_returned(void)
{
	return (int[]){1, 2, 3}; // want "\(compound literal\) escapes to heap"
}

void literal_to_unknown(void)
{
	show(&(struct pt){3, 4}); // want "\(compound literal\) escapes to heap"
}

int literal_local(void)
{
	struct pt *p = &(struct pt){5, 6};
	return p->x + p->y;
}

int literal_array_local(void)
{
	int *v = (int[]){7, 8, 9};
	return v[0] + v[2];
}

struct pt literal_by_value(void)
{
	return (struct pt){10, 11};
}
