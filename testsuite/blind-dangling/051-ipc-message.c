/* fdpass.c - sends requests with an attached descriptor between the
 * privileged helper and the sandboxed worker (AF_UNIX, SCM_RIGHTS). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

struct msg_header {
	uint32_t type;
	uint32_t len;
};

/* Sends type + payload, and fd when fd >= 0. */
int msg_send(int sock, uint32_t type, const void *payload, uint32_t len, int fd)
{
	struct msg_header hdr = { type, len };
	struct iovec iov[2];
	struct msghdr mh;
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} ctl;
	ssize_t n;

	iov[0].iov_base = &hdr;
	iov[0].iov_len = sizeof hdr;
	iov[1].iov_base = (void *)payload;
	iov[1].iov_len = len;
	memset(&mh, 0, sizeof mh);
	mh.msg_iov = iov;
	mh.msg_iovlen = 2;
	if (fd >= 0) {
		struct cmsghdr *c;

		memset(&ctl, 0, sizeof ctl);
		mh.msg_control = ctl.buf;
		mh.msg_controllen = sizeof ctl.buf;
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &fd, sizeof fd);
	}
	do
		n = sendmsg(sock, &mh, MSG_NOSIGNAL);
	while (n < 0 && errno == EINTR);
	return n == (ssize_t)(sizeof hdr + len) ? 0 : -1;
}

/* Receives one message into payload (at most cap bytes); *fd gets the
 * attached descriptor or -1. */
int msg_recv(int sock, uint32_t *type, void *payload, uint32_t cap, int *fd)
{
	struct msg_header hdr;
	struct iovec iov[2];
	struct msghdr mh;
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} ctl;
	struct cmsghdr *c;
	ssize_t n;

	iov[0].iov_base = &hdr;
	iov[0].iov_len = sizeof hdr;
	iov[1].iov_base = payload;
	iov[1].iov_len = cap;
	memset(&mh, 0, sizeof mh);
	mh.msg_iov = iov;
	mh.msg_iovlen = 2;
	mh.msg_control = ctl.buf;
	mh.msg_controllen = sizeof ctl.buf;
	*fd = -1;
	do
		n = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	if (n < (ssize_t)sizeof hdr || hdr.len > cap || n != (ssize_t)(sizeof hdr + hdr.len))
		return -1;
	for (c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
			memcpy(fd, CMSG_DATA(c), sizeof *fd);
	*type = hdr.type;
	return (int)hdr.len;
}

int open_pair(int sv[2])
{
	return socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv);
}

int ping(int sock)
{
	char reply[16];
	uint32_t type;
	int fd, n;

	if (msg_send(sock, 1, "ping", 4, -1) < 0)
		return -1;
	n = msg_recv(sock, &type, reply, sizeof reply - 1, &fd);
	if (n < 0)
		return -1;
	if (fd >= 0)
		close(fd);
	reply[n] = '\0';
	return type == 2 && strcmp(reply, "pong") == 0 ? 0 : -1;
}
