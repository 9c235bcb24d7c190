/* testsuite/link/drain: a small event library under libevent's names
   (lib.c), so that rules/libevent.json's "loop" model applies: an event
   bound to a base (event_assign) or to the default one (event_set) is
   linked into it by event_add/event_active, a one-shot event holding
   its argument by event_base_once; event_base_dispatch/event_dispatch
   (event_base_loop with flags 0) run until nothing is left in the base
   or a loop exit ran.  Every event here is one-shot: the loop takes it
   out of the base before its callback runs (as libevent does with an
   event without EV_PERSIST). */
struct event_base;
struct event {
	struct event *next;
	struct event_base *base;
	int fd;
	short events;
	void (*cb)(int, short, void *);
	void *arg;
	void (*fin)(struct event *, void *);
	int freeit;
};
struct timeval;
#define EVLOOP_ONCE 1
#define EVLOOP_NONBLOCK 2
#define EVLOOP_NO_EXIT_ON_EMPTY 4
#define EV_PERSIST 0x10

struct event_base *event_init(void);
struct event_base *event_base_new(void);
void event_set(struct event *ev, int fd, short events,
	       void (*cb)(int, short, void *), void *arg);
int event_assign(struct event *ev, struct event_base *base, int fd, short events,
		 void (*cb)(int, short, void *), void *arg);
int event_base_set(struct event_base *base, struct event *ev);
int event_add(struct event *ev, const struct timeval *tv);
void event_active(struct event *ev, int res, short ncalls);
int event_base_once(struct event_base *base, int fd, short events,
		    void (*cb)(int, short, void *), void *arg,
		    const struct timeval *tv);
struct event *event_new(struct event_base *base, int fd, short events,
			void (*cb)(int, short, void *), void *arg);
int event_finalize(unsigned flags, struct event *ev,
		   void (*cb)(struct event *, void *));
int event_free_finalize(unsigned flags, struct event *ev,
			void (*cb)(struct event *, void *));
int event_dispatch(void);
int event_base_dispatch(struct event_base *base);
int event_base_loop(struct event_base *base, int flags);
int event_base_loopexit(struct event_base *base, const struct timeval *tv);
int event_base_loopbreak(struct event_base *base);
struct event *event_base_get_running_event(struct event_base *base);
extern void (*event_lock_fn)(void *);
int event_loopexit(const struct timeval *tv);
void lib_exit_cb(int fd, short what, void *arg);
void lib_quiet_cb(int fd, short what, void *arg);
