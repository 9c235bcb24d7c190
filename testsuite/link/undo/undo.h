/* testsuite/link/undo: a later call, defined in another file, that tears
   down or undoes what an earlier one kept (run-link.sh). */
struct state;
struct stream {
	struct state *state;
	char *next;
	long total;
	void *(*alloc)(unsigned long);
	void (*release)(void *);
};
int stream_init(struct stream *s);
int stream_init_reset(struct stream *s);
int stream_step(struct stream *s, int n);
int stream_end(struct stream *s);
void stream_close(struct stream *s);
void stream_close_either(struct stream *s, int how);
void stream_close_part(struct stream *s, int how);
void stream_close_split(struct stream *s, int how);

struct stk {
	void **top;
	void *slots[32];
};
struct buf {
	struct stk *L;
	int n;
	char data[64];
};
void stk_push(struct stk *L, void *p);
void stk_pop(struct stk *L, int n);
void buf_init(struct stk *L, struct buf *b);
void buf_add(struct buf *b, char c);
void buf_result(struct buf *b);

struct event;
struct base {
	struct event **events;
	int n;
};
struct event {
	struct base *base;
	int fd;
	void *arg;
};
struct base *base_new(void);
void reg_add(struct base *base, struct event *ev);
void base_run(struct base *base);
void base_free(struct base *base);
void ev_setarg(struct event *ev, int fd, void *arg);
struct event *ev_new(void *arg);
void ev_free(struct event *e);

/* a callee that links its argument and restores the link before it
   returns (undo inside the callee: its summary's store is assumed) */
struct parse;
struct db {
	struct parse *cur;
	int busy;
};
struct parse {
	int n;
};
int parse_run(struct parse *p, struct db *db);
int parse_run_leaky(struct parse *p, struct db *db, int c);
