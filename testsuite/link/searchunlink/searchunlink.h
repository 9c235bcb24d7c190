/* testsuite/link/searchunlink: testsuite/dangling/search-unlink.c's
   shapes across files: the keeper links a node at the head of a list, the
   remover searches the list for the cell that holds it and gives that
   cell the node's successor (SQLite's attachBackupObject and
   sqlite3_backup_finish). */
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
void sreg_del_maymiss(struct sreg *r, struct snode *n);
void sreg_del_other(struct sreg *r, struct snode *n, struct snode *m);
void swork(struct sreg *r);
