#include "node.h"

void visit_b(struct node *n, int depth)
{
	visit_a(n, depth - 1);
}

int count_b(struct node *n)
{
	return n ? 1 + count_a(n->next) : 0;
}
