/* testsuite/link/unlink: a node linked into a list by one function and
   unlinked by another, both in another file than the caller
   (run-link.sh).  The entry is a struct inside the node, as BSD
   <sys/queue.h>'s LIST_ENTRY/TAILQ_ENTRY (libevent's ev_io_next). */
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
void lreg_del_outer(struct lnode *n);
void lreg_del_flagged_other(struct lnode *n);
void lreg_del_guarded_other(struct lnode *n);
void lreg_add_reset(struct lreg *r, struct lnode *n);
void lreg_add_busy(struct lreg *r, struct lnode *n);
void lreg_del_both(struct lnode *n);
void lreg_add_noflag(struct lreg *r, struct lnode *n);
void lreg_del_guarded(struct lnode *n);
void dlist_add(struct dlist *head, struct dlist *n);
void dlist_del(struct dlist *n);
void work(void);
void lnode_init(struct lnode *n);
