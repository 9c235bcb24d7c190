#include "node.h"

struct node *g_last;

/* recursion across rec_a.c and rec_b.c that finally stores n in a global */
void visit_a(struct node *n, int depth)
{
	if (depth > 0)
		visit_b(n, depth - 1);
	else
		g_last = n;
}

/* recursion across the two files that keeps nothing */
int count_a(struct node *n)
{
	return n ? 1 + count_b(n->next) : 0;
}
