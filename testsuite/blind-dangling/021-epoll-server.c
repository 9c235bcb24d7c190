/* server.c - epoll loop of the metrics endpoint. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

enum kind { KIND_LISTENER, KIND_CONN };

struct listener {
	enum kind kind;
	int fd;
	int port;
	unsigned long accepted;
};

struct conn {
	enum kind kind;
	int fd;
	size_t len;
	char buf[4096];
};

int server_listen(int epfd, int port)
{
	struct listener l;
	struct sockaddr_in sin;
	struct epoll_event ev;
	int one = 1;

	l.kind = KIND_LISTENER;
	l.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (l.fd < 0)
		return -1;
	setsockopt(l.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons((unsigned short)port);
	sin.sin_addr.s_addr = htonl(INADDR_ANY);
	if (bind(l.fd, (struct sockaddr *)&sin, sizeof sin) < 0 || listen(l.fd, 128) < 0) {
		close(l.fd);
		return -1;
	}
	l.port = port;
	l.accepted = 0;
	memset(&ev, 0, sizeof ev);
	ev.events = EPOLLIN;
	ev.data.ptr = &l;
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, l.fd, &ev) < 0) {
		close(l.fd);
		return -1;
	}
	return l.fd;
}

static int accept_conn(int epfd, struct listener *l)
{
	struct epoll_event ev;
	struct conn *c;
	int fd = accept4(l->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

	if (fd < 0)
		return errno == EAGAIN ? 0 : -1;
	c = calloc(1, sizeof *c);
	if (!c) {
		close(fd);
		return -1;
	}
	c->kind = KIND_CONN;
	c->fd = fd;
	memset(&ev, 0, sizeof ev);
	ev.events = EPOLLIN | EPOLLRDHUP;
	ev.data.ptr = c;
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
		close(fd);
		free(c);
		return -1;
	}
	l->accepted++;
	return 0;
}

static void conn_readable(int epfd, struct conn *c)
{
	ssize_t n = read(c->fd, c->buf + c->len, sizeof c->buf - c->len);

	if (n <= 0 || (c->len += (size_t)n) == sizeof c->buf) {
		epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
		close(c->fd);
		free(c);
		return;
	}
	if (memchr(c->buf, '\n', c->len)) {
		static const char reply[] = "ok\n";
		if (write(c->fd, reply, sizeof reply - 1) < 0)
			perror("write");
		c->len = 0;
	}
}

int server_poll(int epfd, int timeout_ms)
{
	struct epoll_event events[64];
	int i, n = epoll_wait(epfd, events, 64, timeout_ms);

	for (i = 0; i < n; i++) {
		enum kind *k = events[i].data.ptr;

		if (*k == KIND_LISTENER)
			accept_conn(epfd, events[i].data.ptr);
		else
			conn_readable(epfd, events[i].data.ptr);
	}
	return n;
}
