/* testsuite/link/refcnt: objects with a reference count, their
   constructor in another file (lib.c) setting the count to 1 and their
   release freeing them where the count, decremented, reaches 0
   (libevent's evconnlistener_new/evconnlistener_free,
   evdns_add_server_port_with_base/evdns_close_server_port).  A caller
   that holds the only reference (no call between given the object
   takes another) frees the object, and what it kept, with the release.
   main.c is the user (run-link.sh). */
#include <stddef.h>

/* a listener: the callback's argument kept in the object; freed through
   a decref helper (int r = --l->refcnt; if (r == 0) free) */
struct lis;
struct lis *lis_new(void (*cb)(void *), void *arg);
/* a wrapper returning lis_new's result */
struct lis *lis_new_bind(void (*cb)(void *), void *arg, int port);
/* a wrapper returning lis_new's result or NULL (on ? lis_new() : NULL) */
struct lis *lis_new_if(void (*cb)(void *), void *arg, int on);
/* a wrapper that takes a reference of its own */
struct lis *lis_new_held(void (*cb)(void *), void *arg);
int lis_fd(struct lis *l);
void lis_incref(struct lis *l);
void lis_free(struct lis *l);
/* its count set to 2, or not set */
struct lis *lis_new_two(void (*cb)(void *), void *arg);
struct lis *lis_new_unset(void (*cb)(void *), void *arg);
/* its count set to 1 on one path only (2 on the other) */
struct lis *lis_new_maybe(void (*cb)(void *), void *arg, int shared);
/* frees where the decremented count is 1 */
void lis_free_at_one(struct lis *l);

/* a server port: if (--p->refcnt == 0) port_free(p); else p->closing = 1 */
struct port;
struct port *port_add(void (*cb)(void *), void *arg);
void port_close(struct port *p);
/* keeps the port in a list of its own (another holder, counted) */
void port_hold(struct port *p);

/* a buffer: if (--b->refcnt > 0) return; ... free(b) */
struct buf;
struct buf *buf_new(void (*cb)(void *), void *arg);
void buf_free(struct buf *b);
