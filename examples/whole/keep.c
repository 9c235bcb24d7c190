#include "node.h"

static struct node *kept;

/* the external keeper */
void remember(struct node *n)
{
	kept = n;
}
