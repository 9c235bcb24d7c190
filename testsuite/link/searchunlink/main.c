/* testsuite/link/searchunlink: each function a case; a linked marker
   names the warnings the link step must give, and no other. */
#include "searchunlink.h"

void search_clean(struct sreg *r)
{
	struct snode n = { 0, 0, 1 };
	sreg_add(r, &n);
	swork(r);
	sreg_del(r, &n);
}

/* never unlinked */
void search_never(struct sreg *r)
{
	struct snode n = { 0, 0, 2 };
	sreg_add(r, &n); // linked "escape-kept"
	swork(r);
}

/* unlinked on one path only */
void search_one_path(struct sreg *r, int c)
{
	struct snode n = { 0, 0, 3 };
	sreg_add(r, &n); // linked "escape-kept"
	if (c)
		sreg_del(r, &n);
}

/* a search that can leave without finding the node */
void search_maymiss(struct sreg *r)
{
	struct snode n = { 0, 0, 4 };
	sreg_add(r, &n); // linked "escape-kept"
	sreg_del_maymiss(r, &n);
}

/* another node's cell given this node's successor */
void search_other(struct sreg *r, struct snode *m)
{
	struct snode n = { 0, 0, 5 };
	sreg_add(r, &n); // linked "escape-kept"
	sreg_del_other(r, &n, m);
}

/* the remover's flag never set by this keeper */
void search_noflag(struct sreg *r)
{
	struct snode n = { 0, 0, 6 };
	sreg_add_noflag(r, &n); // linked "escape-kept"
	sreg_del(r, &n);
}
