/* testsuite/link/arrays: events made and given an address by another
   file's functions element by element in a loop, freed by a later loop
   (libevent's test_bufferevent_connect_hostname: be[i] =
   bufferevent_socket_new(..); bufferevent_setcb(be[i], .., &out[i]); ...
   for (i ...) if (be[i]) bufferevent_free(be[i])), run-link.sh. */
struct event {
	int fd;
	void *arg;
};
struct event *ev_new(void);
void ev_setarg(struct event *e, int fd, void *arg);
void ev_free(struct event *e);
