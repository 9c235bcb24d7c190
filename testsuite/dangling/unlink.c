/* Undo by unlinking: a node linked into a list by a function of this
   file and unlinked by another (*n->e.prevp = n->e.next, BSD
   LIST_REMOVE with the entry inside the node; Linux list_del), directly,
   by a call on every path, unless a flag (or a bit of it) the keeper
   sets is zero, or by a call made where that bit is set: the same shapes
   as testsuite/link/unlink, in one file.  Never unlinked, unlinked on one
   path, another node or the other list unlinked, a guarded remover after
   a keeper that does not set the flag or clears it again, a guard or a
   call on another bit than the keeper's: still warns. */
struct lnode;
struct lentry {
	struct lnode *next;
	struct lnode **prevp;
};
struct lnode {
	struct lentry by_fd;
	struct lentry by_time;
	int flags;
	void *arg;
};
struct lreg {
	struct lnode *fds;
	struct lnode *times;
};
/* Linux <list.h> style: the entry points to its neighbours */
struct dlist {
	struct dlist *next, *prev;
};

void lreg_add(struct lreg *r, struct lnode *n);
void lreg_add_time(struct lreg *r, struct lnode *n);
void lreg_del(struct lnode *n);
void lreg_del_time(struct lnode *n);
void lreg_del_flagged(struct lnode *n);
void lreg_del_both(struct lnode *n);
void lreg_add_noflag(struct lreg *r, struct lnode *n);
void lreg_del_guarded(struct lnode *n);
void dlist_add(struct dlist *head, struct dlist *n);
void dlist_del(struct dlist *n);
void work(void);

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
   event_del_nolock_ -> evmap_io_del_) */
void lreg_del_flagged(struct lnode *n)
{
	if (n->flags & 1)
		lreg_del(n);
}

/* made when another bit is set than the one lreg_add sets */
__attribute__((noinline)) void lreg_del_flagged_other(struct lnode *n)
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
__attribute__((noinline)) void lreg_add_reset(struct lreg *r, struct lnode *n)
{
	lreg_add(r, n);
	n->flags = 0;
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

void list_clean(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n);
	work();
	lreg_del(&n);
}

/* never unlinked */
void list_missing(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // dangle "escape-kept"
	work();
}

/* unlinked on one path only */
void list_one_path(struct lreg *r, int c)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // dangle "escape-kept"
	if (c)
		lreg_del(&n);
}

/* another node unlinked */
void list_other(struct lreg *r, struct lreg *r2)
{
	struct lnode n, m;
	n.flags = m.flags = 0;
	lreg_add(r, &n); // dangle "escape-kept"
	lreg_add(r2, &m);
	lreg_del(&m);
}

/* unlinked from the other list only */
void list_wrong_list(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // dangle "escape-kept"
	lreg_del_time(&n);
}

/* unlinked by a call made when the bit lreg_add sets is set */
void list_flagged(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n);
	lreg_del_flagged(&n);
}

/* the call made when another bit is set */
void list_flagged_other_bit(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // dangle "escape-kept"
	lreg_del_flagged_other(&n);
}

/* unlinked unless another bit is zero */
void list_guarded_other_bit(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // dangle "escape-kept"
	lreg_del_guarded_other(&n);
}

/* the keeper sets the bit, then clears every bit: the remover may skip */
void list_flagged_reset(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add_reset(r, &n); // dangle "escape-kept"
	lreg_del_flagged(&n);
}

/* unlinked unless the flag lreg_add sets is zero */
void list_guarded(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n);
	work();
	lreg_del_guarded(&n);
}

/* the keeper did not set the flag: the remover may skip the unlink */
void list_guarded_noflag(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add_noflag(r, &n); // dangle "escape-kept"
	lreg_del_guarded(&n);
}

/* guarded, on one path only */
void list_guarded_one_path(struct lreg *r, int c)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // dangle "escape-kept"
	if (c)
		return;
	lreg_del_guarded(&n);
}

/* in two lists, unlinked from both by one call */
void list_both(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n);
	lreg_add_time(r, &n);
	work();
	lreg_del_both(&n);
}

void dlist_clean(struct dlist *head)
{
	struct dlist n;
	dlist_add(head, &n);
	work();
	dlist_del(&n);
}

void dlist_missing(struct dlist *head)
{
	struct dlist n;
	dlist_add(head, &n); // dangle "escape-kept"
	work();
}
