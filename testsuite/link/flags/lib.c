/* The library of testsuite/link/flags: a list and its removal. */
#include "flags.h"

int fnode_add(struct freg *r, struct fnode *n)
{
	if (n->flags & F_INSERTED)
		return 0;
	if ((n->next = r->head) != 0)
		r->head->prevp = &n->next;
	r->head = n;
	n->prevp = &r->head;
	n->flags |= F_INSERTED;
	return 0;
}

int fnode_del(struct fnode *n)
{
	if (!(n->flags & F_INSERTED))
		return 0;
	if (n->next)
		n->next->prevp = n->prevp;
	*n->prevp = n->next;
	n->flags &= ~F_INSERTED;
	return 0;
}
