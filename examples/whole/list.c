#include "node.h"

struct list g_pending;

/* keeps n in the list l points to */
void list_push(struct list *l, struct node *n)
{
	n->next = l->head;
	l->head = n;
}
