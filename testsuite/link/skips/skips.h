/* testsuite/link/skips: a node registered in an io or a signal list by
   one function and removed by another, both in another file than the
   caller (run-link.sh), as libevent's event_add/event_del: the remover
   returns early, without unlinking, where the keeper linked nothing (a
   flag bit the keeper refuses; a negative descriptor the io map
   ignores), and unlinks through the io or the signal map by the node's
   kind (one union entry for both lists, libevent's ev_). */
struct snode;
struct sentry {
	struct snode *next;
	struct snode **prevp;
};
struct snode {
	union {
		struct {
			struct sentry e;
			long timeout;
		} io;
		struct {
			struct sentry e;
			short ncalls;
		} sig;
	} u;
	int fd;
	int events;
	int flags;
};
struct sreg {
	struct snode *io[16];
	struct snode *sig[16];
	struct snode *pending;
};
#define S_IO 1
#define S_SIG 2
#define S_INSERTED 1
#define S_BUSY 0x20
#define S_FINALIZING 0x40

int snode_add(struct sreg *r, struct snode *n);
int snode_add_any(struct sreg *r, struct snode *n);
int snode_add_fin(struct sreg *r, struct snode *n);
int snode_del(struct sreg *r, struct snode *n);
int snode_remove(struct sreg *r, struct snode *n);
int snode_del_busy(struct sreg *r, struct snode *n);
int snode_del_io_only(struct sreg *r, struct snode *n);
int snode_del_neg(struct sreg *r, struct snode *n);
int snode_del_inline(struct snode *n);
int snode_del_inline_io(struct snode *n);
void work(void);
