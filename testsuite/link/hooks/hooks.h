/* testsuite/link/hooks: a handle kept in the heap and torn down through
   the program's allocator hooks and wrappers (run-link.sh).  lib.c is
   the library, main.c its user. */
#include <stddef.h>

/* an event: its callback argument is kept in the heap object the
   constructor returns; ev_free releases it through mm_free, which calls
   the deallocator hook when one is set and free() otherwise (libevent's
   event_new/event_free/mm_free) */
struct ev {
	void (*cb)(void *);
	void *arg;
};
void set_mem_functions(void *(*m)(size_t), void (*f)(void *));
void set_notify(void (*n)(void *));
struct ev *ev_new(void (*cb)(void *), void *arg);
void ev_run(struct ev *e);
void ev_free(struct ev *e);
void ev_notify(struct ev *e);

/* a registry that keeps what it is given until it is freed */
struct reg;
struct reg *reg_new(void);
void reg_add(struct reg *r, void *p);
void reg_free(struct reg *r);

/* a connection that keeps its callbacks' argument until its release
   clears the callbacks (libevent's bufferevent_setcb, and
   bufferevent_free = bufferevent_setcb(bev, NULL, ...) + a reference
   count) */
struct conn;
struct conn *conn_new(void);
int conn_open(struct conn **out);
void conn_setcb(struct conn *c, void (*readcb)(void *), void (*errcb)(void *),
		void *arg);
void conn_run(struct conn *c);
void conn_free(struct conn *c);
void conn_close(struct conn *c);

/* a parser whose handle holds its own deallocator, set to free() or to
   the caller's (expat's XML_ParserCreate_MM, XML_SetUserData,
   XML_ParserFree: FREE(parser, parser) is parser->m_mem.free_fcn) */
struct mem {
	void *(*malloc_fcn)(size_t);
	void (*free_fcn)(void *);
};
struct parser;
struct parser *parser_create(const struct mem *ms);
void parser_set_user(struct parser *p, void *user);
int parser_parse(struct parser *p, const char *s);
void parser_free(struct parser *p);
void parser_report(struct parser *p);
