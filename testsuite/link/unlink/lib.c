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
   event_del_nolock_ -> evmap_io_del_, if (ev->ev_flags &
   EVLIST_INSERTED)) */
void lreg_del_flagged(struct lnode *n)
{
	if (n->flags & 1)
		lreg_del(n);
}

/* the same, one call further (event_del -> event_del_nolock_) */
void lreg_del_outer(struct lnode *n)
{
	lreg_del_flagged(n);
}

/* made when another bit is set than the one lreg_add sets */
void lreg_del_flagged_other(struct lnode *n)
{
	if (n->flags & 2)
		lreg_del(n);
}

/* unlinked unless another bit than lreg_add's is zero */
void lreg_del_guarded_other(struct lnode *n)
{
	if (!(n->flags & 4))
		return;
	if (n->by_fd.next)
		n->by_fd.next->by_fd.prevp = n->by_fd.prevp;
	*n->by_fd.prevp = n->by_fd.next;
}

/* linked, its bit set, then every bit cleared again */
void lreg_add_reset(struct lreg *r, struct lnode *n)
{
	lreg_add(r, n);
	n->flags = 0;
}

/* linked, its bit set, and another bit cleared */
void lreg_add_busy(struct lreg *r, struct lnode *n)
{
	lreg_add(r, n);
	n->flags &= ~8;
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

/* a fresh node: its links and flags zeroed */
void lnode_init(struct lnode *n)
{
	n->by_fd.next = 0;
	n->by_fd.prevp = 0;
	n->by_time.next = 0;
	n->by_time.prevp = 0;
	n->flags = 0;
}
