/* testsuite/link/flags: a node registered in a list by one function and
   removed by another, both in another file than the caller (run-link.sh),
   the removal under a test that holds on every path on which the
   registration ran: a local flag set after the keeping call (libevent's
   test_bufferevent_connect_fail: if (close_listener_event_added)
   event_del(&close_listener_event)). */
struct fnode {
	struct fnode *next, **prevp;
	int flags;
};
struct freg {
	struct fnode *head;
};
#define F_INSERTED 1

int fnode_add(struct freg *r, struct fnode *n);
int fnode_del(struct fnode *n);
int check(void);
void work(void);
