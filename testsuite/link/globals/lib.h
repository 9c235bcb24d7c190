/* testsuite/link/globals: a library that keeps an event only while a
   global flag is set (libevent's debug map: event_assign keeps &ev in a
   global map only if event_debug_mode_on_, which only
   event_enable_debug_mode sets). */
struct ev {
	int fd;
	void *arg;
};

extern int dbg_on;
void dbg_enable(void);
void set_verbose(int v);
void ev_assign(struct ev *e, int fd, void *arg);
void ev_verbose(struct ev *e);
void ev_trace(struct ev *e);
void ev_keep(struct ev *e);
