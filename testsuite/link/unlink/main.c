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

/* unlinked by a call made when a flag says so: not followed */
void list_flagged(struct lreg *r)
{
	struct lnode n;
	n.flags = 0;
	lreg_add(r, &n); // linked "escape-kept"
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
