/* testsuite/link/searchunlink: the keeper and the removers */
#include "searchunlink.h"

struct snode **sreg_cell(struct sreg *r)
{
	return &r->head;
}

void sreg_add(struct sreg *r, struct snode *n)
{
	struct snode **pp = sreg_cell(r);
	n->next = *pp;
	*pp = n;
	n->linked = 1;
}

void sreg_add_noflag(struct sreg *r, struct snode *n)
{
	struct snode **pp = sreg_cell(r);
	n->next = *pp;
	*pp = n;
}

/* sqlite3_backup_finish's shape: under the flag the keeper sets */
void sreg_del(struct sreg *r, struct snode *n)
{
	struct snode **pp;
	if (n->linked) {
		pp = sreg_cell(r);
		while (*pp != n)
			pp = &(*pp)->next;
		*pp = n->next;
	}
}

/* may leave at the end of the list without finding n */
void sreg_del_maymiss(struct sreg *r, struct snode *n)
{
	struct snode **pp = sreg_cell(r);
	while (*pp && *pp != n)
		pp = &(*pp)->next;
	if (*pp)
		*pp = n->next;
}

/* finds m's cell, gives it n's successor */
void sreg_del_other(struct sreg *r, struct snode *n, struct snode *m)
{
	struct snode **pp = sreg_cell(r);
	while (*pp != m)
		pp = &(*pp)->next;
	*pp = n->next;
}
