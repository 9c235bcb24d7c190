/* testsuite/link/unlink: each function a case; a linked marker names the
   warnings the link step must give, and no other. */
#include "unlink.h"

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
	lreg_add(r, &n); // linked "escape-kept"
	work();
}

/* unlinked on one path only */
void list_one_path(struct lreg *r, int c)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
	if (c)
		lreg_del(&n);
}

/* another node unlinked */
void list_other(struct lreg *r, struct lreg *r2)
{
	struct lnode n, m;
	n.flags = m.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
	lreg_add(r2, &m);
	lreg_del(&m);
}

/* unlinked from the other list only */
void list_wrong_list(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
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

/* the same through one more call */
void list_flagged_outer(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n);
	work();
	lreg_del_outer(&n);
}

/* a keeper that clears another bit of the flags */
void list_flagged_busy(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add_busy(r, &n);
	lreg_del_outer(&n);
}

/* the call made when another bit is set */
void list_flagged_other_bit(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
	lreg_del_flagged_other(&n);
}

/* unlinked unless another bit is zero */
void list_guarded_other_bit(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
	lreg_del_guarded_other(&n);
}

/* the keeper sets the bit, then clears every bit: the remover may skip */
void list_flagged_reset(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add_reset(r, &n); // linked "escape-kept"
	lreg_del_outer(&n);
}

/* flagged, on one path only */
void list_flagged_one_path(struct lreg *r, int c)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
	if (c)
		lreg_del_outer(&n);
}

/* another node's flagged unlink */
void list_flagged_other_node(struct lreg *r, struct lreg *r2)
{
	struct lnode n, m;
	n.flags = m.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
	lreg_add(r2, &m);
	lreg_del_outer(&m);
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
	lreg_add_noflag(r, &n); // linked "escape-kept"
	lreg_del_guarded(&n);
}

/* guarded, on one path only */
void list_guarded_one_path(struct lreg *r, int c)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
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
	dlist_add(head, &n); // linked "escape-kept"
	work();
}

/* linked, then the node overwritten by another: still in the list */
void list_reassign(struct lreg *r, struct lnode *m)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
	work();
	n = *m;
}

/* linked, then the node zeroed: still in the list */
void list_memset(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
	work();
	__builtin_memset(&n, 0, sizeof n);
}

/* linked, then its link field cleared by hand: still in the list */
void list_clear_link(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
	work();
	n.by_fd.prevp = 0;
}

/* linked, then re-initialised by a call that writes its link fields */
void list_reinit(struct lreg *r)
{
	struct lnode n;
	lnode_init(&n);
	lreg_add(r, &n); // linked "escape-kept"
	work();
	lnode_init(&n);
}
