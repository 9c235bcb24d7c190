#include "node.h"

/* hands ctx to the callback only: keeps nothing */
void walk(struct node *list, visit_fn fn, void *ctx)
{
	for (; list; list = list->next)
		fn(list, ctx);
}
