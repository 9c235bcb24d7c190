/* Undo by an unlink found by a search: the keeper links a node at the
   head of a list (n->next = *pp; *pp = n, the cell from a function of
   its own: SQLite's attachBackupObject), the remover walks the list to
   the cell that holds the node and gives it the node's successor
   (while (*pp != n) pp = &(*pp)->next; *pp = n->next;, SQLite's
   sqlite3_backup_finish under p->isAttached).  The search loop leaves
   only where the cell holds the node, so the store is the unlink, as
   *n->prevp = n->next is.  Still warns: the remover never called, or on
   one path only; a search that can leave without finding the node
   (while (*pp && *pp != n)); the cell of another node given this
   node's successor; the successor of another node stored; a guarded
   remover after a keeper that does not set the flag. */
struct snode {
	struct snode *next;
	int linked;
	int v;
};
struct sreg {
	struct snode *head;
};
struct snode **sreg_cell(struct sreg *r);
void sreg_add(struct sreg *r, struct snode *n);
void sreg_add_noflag(struct sreg *r, struct snode *n);
void sreg_del(struct sreg *r, struct snode *n);
void sreg_del_plain(struct sreg *r, struct snode *n);
void sreg_del_maymiss(struct sreg *r, struct snode *n);
void sreg_del_other(struct sreg *r, struct snode *n, struct snode *m);
void sreg_del_othernext(struct sreg *r, struct snode *n, struct snode *m);
void swork(struct sreg *r);

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

/* the same from the list's head, no flag */
void sreg_del_plain(struct sreg *r, struct snode *n)
{
	struct snode **pp = &r->head;
	while (n != *pp)
		pp = &(*pp)->next;
	*pp = n->next;
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

/* finds n's cell, gives it m's successor */
void sreg_del_othernext(struct sreg *r, struct snode *n, struct snode *m)
{
	struct snode **pp = sreg_cell(r);
	while (*pp != n)
		pp = &(*pp)->next;
	*pp = m->next;
}

void search_ok(struct sreg *r)
{
	struct snode n = { 0, 0, 1 };
	sreg_add(r, &n);
	swork(r);
	sreg_del(r, &n);
}

void search_plain_ok(struct sreg *r)
{
	struct snode n = { 0, 0, 2 };
	sreg_add(r, &n);
	swork(r);
	sreg_del_plain(r, &n);
}

void search_never(struct sreg *r)
{
	struct snode n = { 0, 0, 3 };
	sreg_add(r, &n); // dangle "escape-kept"
	swork(r);
}

void search_one_path(struct sreg *r, int c)
{
	struct snode n = { 0, 0, 4 };
	sreg_add(r, &n); // dangle "escape-kept"
	swork(r);
	if (c)
		sreg_del(r, &n);
}

void search_maymiss(struct sreg *r)
{
	struct snode n = { 0, 0, 5 };
	sreg_add(r, &n); // dangle "escape-kept"
	swork(r);
	sreg_del_maymiss(r, &n);
}

void search_other(struct sreg *r, struct snode *m)
{
	struct snode n = { 0, 0, 6 };
	sreg_add(r, &n); // dangle "escape-kept"
	swork(r);
	sreg_del_other(r, &n, m);
}

void search_othernext(struct sreg *r, struct snode *m)
{
	struct snode n = { 0, 0, 7 };
	sreg_add(r, &n); // dangle "escape-kept"
	swork(r);
	sreg_del_othernext(r, &n, m);
}

void search_noflag(struct sreg *r)
{
	struct snode n = { 0, 0, 8 };
	sreg_add_noflag(r, &n); // dangle "escape-kept"
	swork(r);
	sreg_del(r, &n);
}
