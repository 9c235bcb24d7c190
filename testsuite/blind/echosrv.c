/*
 * echosrv.c - a single-threaded poll() echo server: getaddrinfo-based
 * listener, per-client buffers, numeric peer names, an idle sweep, an
 * epoll variant that keeps per-connection pointers in the kernel, and a
 * blocking client used by the tests.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MAX_CLIENTS 64

struct client {
	int fd;
	char peer[NI_MAXHOST + NI_MAXSERV + 2];
	char buf[4096];
	size_t len;
	time_t last_active;
};

struct server {
	int listen_fd;
	struct pollfd fds[MAX_CLIENTS + 1];
	struct client *clients[MAX_CLIENTS + 1];
	size_t nfds;
	unsigned long bytes;
};

struct conn_job {
	int fd;
	char peer[64];
};

/* Connection accounting lives in another module. */
extern void stats_connection_opened(const char *peer, void *server);

static volatile sig_atomic_t *g_stop_flag;

static int set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

int open_listener(const char *host, const char *port, int backlog)
{
	struct addrinfo hints, *res, *ai;
	int fd = -1, one = 1, rc;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0) {
		fprintf(stderr, "%s:%s: %s\n", host ? host : "*", port, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, backlog) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd >= 0)
		set_nonblock(fd);
	return fd;
}

static void format_peer(const struct sockaddr *sa, socklen_t len, char *out,
                        size_t size)
{
	char host[NI_MAXHOST], serv[NI_MAXSERV];

	if (getnameinfo(sa, len, host, sizeof host, serv, sizeof serv,
	                NI_NUMERICHOST | NI_NUMERICSERV) == 0)
		snprintf(out, size, "%s:%s", host, serv);
	else
		snprintf(out, size, "?");
}

static int accept_client(struct server *s)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	struct client *c;
	int fd = accept(s->listen_fd, (struct sockaddr *)&ss, &len);

	if (fd < 0)
		return errno == EAGAIN ? 0 : -1;
	if (s->nfds == MAX_CLIENTS + 1 || !(c = calloc(1, sizeof *c))) {
		close(fd);
		return 0;
	}
	set_nonblock(fd);
	c->fd = fd;
	c->last_active = time(NULL);
	format_peer((struct sockaddr *)&ss, len, c->peer, sizeof c->peer);
	s->fds[s->nfds].fd = fd;
	s->fds[s->nfds].events = POLLIN;
	s->clients[s->nfds] = c;
	s->nfds++;
	stats_connection_opened(c->peer, s);
	return 1;
}

static void drop_client(struct server *s, size_t i)
{
	struct client *last = s->clients[s->nfds - 1];

	close(s->fds[i].fd);
	free(s->clients[i]);
	s->fds[i] = s->fds[s->nfds - 1];
	s->clients[i] = last;
	s->nfds--;
}

/* Reads what is there and echoes it back; -1 when the peer is gone. */
static int echo_once(struct client *c, unsigned long *counter)
{
	ssize_t n = recv(c->fd, c->buf, sizeof c->buf, 0);
	ssize_t off = 0;

	if (n <= 0)
		return n == 0 || errno != EAGAIN ? -1 : 0;
	c->last_active = time(NULL);
	while (off < n) {
		ssize_t w = send(c->fd, c->buf + off, (size_t)(n - off), MSG_NOSIGNAL);

		if (w < 0)
			return -1;
		off += w;
	}
	*counter += (unsigned long)n;
	return 0;
}

void sweep_idle(struct server *s, time_t now, int max_idle)
{
	size_t i = 1;

	while (i < s->nfds) {
		if (now - s->clients[i]->last_active > max_idle)
			drop_client(s, i);
		else
			i++;
	}
}

int server_run(const char *host, const char *port, int max_rounds)
{
	struct server srv;
	int round;

	memset(&srv, 0, sizeof srv);
	srv.listen_fd = open_listener(host, port, 16);
	if (srv.listen_fd < 0)
		return -1;
	srv.fds[0].fd = srv.listen_fd;
	srv.fds[0].events = POLLIN;
	srv.nfds = 1;
	for (round = 0; round < max_rounds; round++) {
		size_t i;
		int n = poll(srv.fds, srv.nfds, 1000);

		if (n < 0 && errno != EINTR)
			break;
		if (srv.fds[0].revents & POLLIN)
			while (accept_client(&srv) > 0)
				;
		for (i = 1; i < srv.nfds; i++)
			if (srv.fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
				if (echo_once(srv.clients[i], &srv.bytes) != 0)
					drop_client(&srv, i--);
			}
		sweep_idle(&srv, time(NULL), 60);
	}
	while (srv.nfds > 1)
		drop_client(&srv, srv.nfds - 1);
	close(srv.listen_fd);
	return 0;
}

static void on_term(int sig)
{
	(void)sig;
	if (g_stop_flag)
		*g_stop_flag = 1;
}

/* Serves until SIGTERM or SIGINT. */
int serve_until_signal(const char *port)
{
	volatile sig_atomic_t stop = 0;
	struct sigaction sa;
	int rounds = 0;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	g_stop_flag = &stop;
	while (!stop && server_run(NULL, port, 10) == 0)
		rounds++;
	g_stop_flag = NULL;
	return rounds;
}

/* epoll variant: the kernel hands back data.ptr with every event. */
int epoll_watch_client(int epfd, struct client *c)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof ev);
	ev.events = EPOLLIN | EPOLLRDHUP;
	ev.data.ptr = c;
	return epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev);
}

int epoll_loop_once(int epfd, unsigned long *bytes)
{
	struct epoll_event events[16];
	int i, n = epoll_wait(epfd, events, 16, 100);

	for (i = 0; i < n; i++) {
		struct client *c = events[i].data.ptr;

		if (echo_once(c, bytes) != 0) {
			epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
			close(c->fd);
			free(c);
		}
	}
	return n;
}

static void *conn_thread(void *arg)
{
	const struct conn_job *job = arg;
	struct client c;
	unsigned long bytes = 0;

	memset(&c, 0, sizeof c);
	c.fd = job->fd;
	while (echo_once(&c, &bytes) == 0)
		;
	printf("%s: %lu bytes\n", job->peer, bytes);
	close(job->fd);
	return NULL;
}

/* Blocking mode: one connection served by a thread that is joined. */
int serve_blocking_once(int listen_fd)
{
	struct conn_job job;
	struct sockaddr_in6 peer;
	socklen_t plen = sizeof peer;
	pthread_t t;

	job.fd = accept(listen_fd, (struct sockaddr *)&peer, &plen);
	if (job.fd < 0)
		return -1;
	format_peer((struct sockaddr *)&peer, plen, job.peer, sizeof job.peer);
	if (pthread_create(&t, NULL, conn_thread, &job) != 0) {
		close(job.fd);
		return -1;
	}
	return pthread_join(t, NULL);
}

int send_banner(int fd, const char *name)
{
	char hdr[32];
	struct iovec iov[3];
	int n = snprintf(hdr, sizeof hdr, "220 %s ", "echo");

	iov[0].iov_base = hdr;
	iov[0].iov_len = (size_t)n;
	iov[1].iov_base = (void *)name;
	iov[1].iov_len = strlen(name);
	iov[2].iov_base = "\r\n";
	iov[2].iov_len = 2;
	return writev(fd, iov, 3) < 0 ? -1 : 0;
}

/* The test client: connect, send msg, read the echo into reply. */
int echo_client(const char *ip, unsigned short port, const char *msg,
                char *reply, size_t size)
{
	struct sockaddr_in sin;
	struct timeval tv = { 2, 0 };
	size_t len = strlen(msg), got = 0;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	if (inet_pton(AF_INET, ip, &sin.sin_addr) != 1 ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0 ||
	    connect(fd, (struct sockaddr *)&sin, sizeof sin) != 0 ||
	    send(fd, msg, len, 0) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	while (got < len && got + 1 < size) {
		ssize_t n = recv(fd, reply + got, size - 1 - got, 0);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	reply[got] = '\0';
	close(fd);
	return (int)got;
}

int echo_selftest(unsigned short port)
{
	struct client local;
	char reply[64];
	int n;

	memset(&local, 0, sizeof local);
	local.fd = -1;
	n = echo_client("127.0.0.1", port, "ping", reply, sizeof reply);
	if (n == 4 && strcmp(reply, "ping") == 0)
		return 0;
	fprintf(stderr, "selftest: got %d bytes\n", n);
	return epoll_watch_client(-1, &local) < 0 ? -1 : 0;
}
