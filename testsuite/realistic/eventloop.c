/*
 * eventloop.c - an epoll event loop with fd watchers and intrusive timers,
 * callbacks taking a void * context, and a line echo server on top.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct loop;
typedef void (*io_cb)(struct loop *l, int fd, unsigned events, void *ctx);

struct watcher {
	int fd;
	unsigned events;
	io_cb cb;
	void *ctx;
	struct watcher *next;
};

struct timer {
	long long due_ms, period_ms;
	void (*fn)(void *ctx);
	void *ctx;
	struct timer *next;
	int active;
};

struct loop {
	int epfd;
	volatile int running;
	struct watcher *watchers;
	struct timer *timers;
};

static struct loop *g_signal_loop;

int loop_init(struct loop *l)
{
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	l->running = 0;
	l->watchers = NULL;
	l->timers = NULL;
	return l->epfd < 0 ? -1 : 0;
}

int loop_watch(struct loop *l, int fd, unsigned events, io_cb cb, void *ctx)
{
	struct watcher *w = calloc(1, sizeof *w);
	struct epoll_event ev;

	if (!w)
		return -1;
	w->fd = fd;
	w->events = events;
	w->cb = cb;
	w->ctx = ctx;
	memset(&ev, 0, sizeof ev);
	ev.events = events;
	ev.data.ptr = w;
	if (epoll_ctl(l->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		free(w);
		return -1;
	}
	w->next = l->watchers;
	l->watchers = w;
	return 0;
}

int loop_modify(struct loop *l, int fd, unsigned events)
{
	for (struct watcher *w = l->watchers; w; w = w->next)
		if (w->fd == fd) {
			w->events = events;
			return epoll_ctl(l->epfd, EPOLL_CTL_MOD, fd,
			                 &(struct epoll_event){ .events = events, .data.ptr = w });
		}
	return -1;
}

int loop_unwatch(struct loop *l, int fd)
{
	for (struct watcher **pp = &l->watchers; *pp; pp = &(*pp)->next) {
		struct watcher *w = *pp;

		if (w->fd == fd) {
			*pp = w->next;
			epoll_ctl(l->epfd, EPOLL_CTL_DEL, fd, NULL);
			free(w);
			return 0;
		}
	}
	return -1;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* The caller owns t; it stays linked until it fires (or forever if periodic). */
void loop_add_timer(struct loop *l, struct timer *t, long long delay_ms,
                    long long period_ms, void (*fn)(void *), void *ctx)
{
	t->due_ms = now_ms() + delay_ms;
	t->period_ms = period_ms;
	t->fn = fn;
	t->ctx = ctx;
	t->active = 1;
	t->next = l->timers;
	l->timers = t;
}

static void run_timers(struct loop *l)
{
	long long now = now_ms();
	struct timer **pp = &l->timers;

	while (*pp) {
		struct timer *t = *pp;

		if (t->due_ms <= now) {
			if (t->period_ms > 0) {
				t->due_ms += t->period_ms;
			} else {
				t->active = 0;
				*pp = t->next;
			}
			t->fn(t->ctx);
			if (!t->active)
				continue;
		}
		pp = &t->next;
	}
}

static int next_timeout(const struct loop *l)
{
	long long now = now_ms(), best = 1000;

	for (const struct timer *t = l->timers; t; t = t->next) {
		long long d = t->due_ms - now;

		if (d < best)
			best = d < 0 ? 0 : d;
	}
	return (int)best;
}

int loop_run(struct loop *l)
{
	struct epoll_event events[32];

	l->running = 1;
	while (l->running) {
		int n = epoll_wait(l->epfd, events, 32, next_timeout(l));

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (int i = 0; i < n; i++) {
			struct watcher *w = events[i].data.ptr;

			w->cb(l, w->fd, events[i].events, w->ctx);
		}
		run_timers(l);
	}
	return 0;
}

static void on_sigint(int sig)
{
	(void)sig;
	if (g_signal_loop)
		g_signal_loop->running = 0;
}

void loop_stop_on_sigint(struct loop *l)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	g_signal_loop = l;
	sigaction(SIGINT, &sa, NULL);
}

struct conn {
	int fd;
	char buf[1024];
	size_t len;
	struct loop *loop;
};

static void on_readable(struct loop *l, int fd, unsigned events, void *ctx)
{
	struct conn *c = ctx;
	ssize_t n = read(fd, c->buf + c->len, sizeof c->buf - c->len);
	char *nl;

	(void)events;
	if (n <= 0) {
		loop_unwatch(l, fd);
		close(fd);
		free(c);
		return;
	}
	c->len += (size_t)n;
	while ((nl = memchr(c->buf, '\n', c->len)) != NULL) {
		size_t line_len = (size_t)(nl - c->buf) + 1;

		if (write(fd, c->buf, line_len) < 0)
			break;
		memmove(c->buf, c->buf + line_len, c->len - line_len);
		c->len -= line_len;
	}
}

static void on_accept(struct loop *l, int lfd, unsigned events, void *ctx)
{
	struct sockaddr_in peer;
	socklen_t plen = sizeof peer;
	char addr[INET_ADDRSTRLEN];
	struct conn *c;
	int fd;

	(void)events;
	(void)ctx;
	fd = accept(lfd, (struct sockaddr *)&peer, &plen);
	if (fd < 0)
		return;
	inet_ntop(AF_INET, &peer.sin_addr, addr, sizeof addr);
	fprintf(stderr, "connection from %s:%d\n", addr, ntohs(peer.sin_port));
	c = calloc(1, sizeof *c);
	if (!c) {
		close(fd);
		return;
	}
	c->fd = fd;
	c->loop = l;
	if (loop_watch(l, fd, EPOLLIN, on_readable, c) != 0) {
		close(fd);
		free(c);
	}
}

static void on_heartbeat(void *ctx)
{
	long *ticks = ctx;

	++*ticks;
}

int serve(unsigned short port)
{
	struct loop loop;
	struct sockaddr_in addr;
	struct timer heartbeat;
	long ticks = 0;
	int one = 1, rc;
	int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

	if (lfd < 0)
		return -1;
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons(port);
	addr.sin_addr.s_addr = htonl(INADDR_ANY);
	if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0 ||
	    listen(lfd, 64) < 0 || loop_init(&loop) != 0) {
		close(lfd);
		return -1;
	}
	loop_stop_on_sigint(&loop);
	loop_watch(&loop, lfd, EPOLLIN, on_accept, NULL);
	loop_add_timer(&loop, &heartbeat, 1000, 1000, on_heartbeat, &ticks);
	rc = loop_run(&loop);
	fprintf(stderr, "stopped after %ld heartbeats\n", ticks);
	close(loop.epfd);
	close(lfd);
	return rc;
}
