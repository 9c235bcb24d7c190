/* The library of testsuite/link/unlink: link and unlink functions. */
#include "unlink.h"

/* LIST_INSERT_HEAD(&r->fds, n, by_fd) */
void lreg_add(struct lreg *r, struct lnode *n)
{
	if ((n->by_fd.next = r->fds) != 0)
		r->fds->by_fd.prevp = &n->by_fd.next;
	r->fds = n;
	n->by_fd.prevp = &r->fds;
	n->flags |= 1;
}

/* the same into another list, through another entry */
void lreg_add_time(struct lreg *r, struct lnode *n)
{
	if ((n->by_time.next = r->times) != 0)
		r->times->by_time.prevp = &n->by_time.next;
	r->times = n;
	n->by_time.prevp = &r->times;
	n->flags |= 2;
}

/* LIST_REMOVE(n, by_fd) */
void lreg_del(struct lnode *n)
{
	if (n->by_fd.next)
		n->by_fd.next->by_fd.prevp = n->by_fd.prevp;
	*n->by_fd.prevp = n->by_fd.next;
	n->flags &= ~1;
}

void lreg_del_time(struct lnode *n)
{
	if (n->by_time.next)
		n->by_time.next->by_time.prevp = n->by_time.prevp;
	*n->by_time.prevp = n->by_time.next;
}

/* linked without setting its flag */
void lreg_add_noflag(struct lreg *r, struct lnode *n)
{
	if ((n->by_fd.next = r->fds) != 0)
		r->fds->by_fd.prevp = &n->by_fd.next;
	r->fds = n;
	n->by_fd.prevp = &r->fds;
}

/* unlinked unless its flag (set by lreg_add) says it is not in the list */
void lreg_del_guarded(struct lnode *n)
{
	if (!(n->flags & 1))
		return;
	if (n->by_fd.next)
		n->by_fd.next->by_fd.prevp = n->by_fd.prevp;
	*n->by_fd.prevp = n->by_fd.next;
	n->flags &= ~1;
}

/* the unlink in a call made when its flag says it was added (libevent's
   event_del_nolock_ -> evmap_io_del_): not followed */
void lreg_del_flagged(struct lnode *n)
{
	if (n->flags & 1)
		lreg_del(n);
}

/* both lists, through calls on every path */
void lreg_del_both(struct lnode *n)
{
	lreg_del(n);
	lreg_del_time(n);
}

void dlist_add(struct dlist *head, struct dlist *n)
{
	n->next = head->next;
	n->prev = head;
	head->next->prev = n;
	head->next = n;
}

void dlist_del(struct dlist *n)
{
	n->next->prev = n->prev;
	n->prev->next = n->next;
}
