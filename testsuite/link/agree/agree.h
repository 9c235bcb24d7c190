/* testsuite/link/agree: the undo rules that need the keeper's stores
   (its summary), asked by the link step and by a compile given the
   linked summaries (summaries=): both warn alike (run-link.sh).  lib.c
   is the library, main.c its user. */

/* a connection whose callbacks' argument is stored in the object; the
   release clears every callback field the setter wrote (libevent's
   bufferevent_setcb/bufferevent_free) */
#include <stddef.h>
void set_alloc(void *(*a)(size_t));
struct conn;
struct conn *conn_new(void);
void conn_setcb(struct conn *c, void (*cb)(void *), void (*err)(void *),
		void *arg);
void conn_run(struct conn *c);
void conn_free(struct conn *c);
/* clears the callbacks but not their argument */
void conn_close(struct conn *c);

/* an event registered in the base an earlier call stored in it
   (libevent's event_assign/event_add/event_base_free) */
struct base;
struct ev {
	struct base *base;
	struct ev *next;
	int flags;
};
struct base *base_new(void);
void base_free(struct base *b);
void ev_assign(struct ev *e, struct base *b);
void ev_add(struct ev *e);

/* a stack: a push saves the old top in the new block */
struct blk {
	struct blk *prev;
};
struct stk {
	struct blk *top;
};
void stk_push(struct stk *s, struct blk *b);
