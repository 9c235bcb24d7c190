/* a static function named like keep.c's external keeper, which keeps
   nothing (node.h is not included: it declares the external one) */
struct node {
	struct node *next;
	int v;
};

void touch(void);

static void remember(struct node *n)
{
	n->v++;
}

void touch(void)
{
	struct node n = { 0, 1 };
	remember(&n);
}
