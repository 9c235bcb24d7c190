/* testsuite/link/handle: an event registered in the base an earlier call
   stored in it, freed by a later call (libevent's event_assign(&ev,
   base, ...); event_add(&ev, ...); event_base_free(base)), all three in
   another file than the caller (run-link.sh). */
struct base;
struct ev {
	struct ev *next;
	struct base *base;
	void *arg;
	int fd;
};
struct base {
	struct ev *head;
	int n;
};
extern struct base *current;
struct base *base_new(void);
void ev_assign(struct ev *e, struct base *b, int fd, void *arg);
void ev_set_base(struct base *b, struct ev *e);
int ev_add(struct ev *e);
void ev_move(struct ev *e, struct base *b);
void base_free(struct base *b);
void base_clear(struct base *b);
void ev_reset(struct ev *e);
void work(void);
int ev_fd(struct ev *e);
void ev_set_fd(struct ev *e, int fd);
void ev_rebase(struct ev *e, struct base *b);
/* defined nowhere in the build: may do anything to the event */
void ev_unknown(struct ev *e);
void ev_touch(struct ev *e);
