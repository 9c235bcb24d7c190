/* testsuite/link/slots: a keeper's handle stored into the caller's own
   memory (an array slot, a struct field, the kept variable itself) and
   released through a value loaded back from there (run-link.sh).  lib.c
   is the library, main.c its user. */

/* an event: its callback argument is kept in the heap object the
   constructor returns until ev_free frees it (libevent's
   event_new/event_free) */
struct ev {
	void (*cb)(void *);
	void *arg;
};
#include <stddef.h>
void set_mem_functions(void *(*m)(size_t), void (*f)(void *));
struct ev *ev_new(void (*cb)(void *), void *arg);
void ev_run(struct ev *e);
void ev_free(struct ev *e);
