#include "node.h"

/* a wrapper that reaches a keeper, and one that reaches only a writer */
void wrap_keep(struct node *n)
{
	remember(n);
}

void wrap_write(struct node *n)
{
	scribble(n);
}
