/* smtp_client.c - the SMTP dialogue of the alert mailer, as a state
 * machine over a line reader. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

enum state { S_GREETING, S_HELO, S_FROM, S_RCPT, S_DATA, S_BODY, S_QUIT, S_DONE, S_ERROR };

struct reader {
	int fd;
	char buf[1024];
	size_t len;
};

struct session {
	enum state st;
	const char *from, *to, *body;
	int last_code;
	char last_line[256];
};

static int read_line(struct reader *r, char *line, size_t linesz)
{
	for (;;) {
		char *nl = memchr(r->buf, '\n', r->len);
		ssize_t n;

		if (nl) {
			size_t k = (size_t)(nl - r->buf) + 1;
			size_t c = k < linesz ? k : linesz - 1;
			memcpy(line, r->buf, c);
			line[c] = '\0';
			memmove(r->buf, r->buf + k, r->len - k);
			r->len -= k;
			return 0;
		}
		if (r->len == sizeof r->buf)
			return -1;
		n = read(r->fd, r->buf + r->len, sizeof r->buf - r->len);
		if (n <= 0)
			return -1;
		r->len += (size_t)n;
	}
}

static int send_line(int fd, const char *fmt, const char *arg)
{
	char out[512];
	int n = snprintf(out, sizeof out, fmt, arg);

	if (n < 0 || (size_t)n >= sizeof out)
		return -1;
	return write(fd, out, (size_t)n) == n ? 0 : -1;
}

static int expect(struct reader *r, struct session *s, int code)
{
	if (read_line(r, s->last_line, sizeof s->last_line) < 0)
		return -1;
	if (sscanf(s->last_line, "%d", &s->last_code) != 1)
		return -1;
	return s->last_code == code ? 0 : -1;
}

/* Sends one mail over the connected socket fd. */
int smtp_send(int fd, const char *from, const char *to, const char *body)
{
	struct reader r;
	struct session s;

	memset(&r, 0, sizeof r);
	memset(&s, 0, sizeof s);
	r.fd = fd;
	s.from = from;
	s.to = to;
	s.body = body;
	s.st = S_GREETING;
	while (s.st != S_DONE && s.st != S_ERROR) {
		int ok;

		switch (s.st) {
		case S_GREETING: ok = expect(&r, &s, 220) == 0; s.st = ok ? S_HELO : S_ERROR; break;
		case S_HELO: ok = send_line(fd, "HELO %s\r\n", "alerts") == 0 && expect(&r, &s, 250) == 0;
			s.st = ok ? S_FROM : S_ERROR; break;
		case S_FROM: ok = send_line(fd, "MAIL FROM:<%s>\r\n", s.from) == 0 && expect(&r, &s, 250) == 0;
			s.st = ok ? S_RCPT : S_ERROR; break;
		case S_RCPT: ok = send_line(fd, "RCPT TO:<%s>\r\n", s.to) == 0 && expect(&r, &s, 250) == 0;
			s.st = ok ? S_DATA : S_ERROR; break;
		case S_DATA: ok = send_line(fd, "%s", "DATA\r\n") == 0 && expect(&r, &s, 354) == 0;
			s.st = ok ? S_BODY : S_ERROR; break;
		case S_BODY: ok = send_line(fd, "%s\r\n.\r\n", s.body) == 0 && expect(&r, &s, 250) == 0;
			s.st = ok ? S_QUIT : S_ERROR; break;
		case S_QUIT: send_line(fd, "%s", "QUIT\r\n"); s.st = S_DONE; break;
		default: s.st = S_ERROR; break;
		}
	}
	if (s.st == S_ERROR) {
		fprintf(stderr, "smtp: failed, last reply %d: %s", s.last_code, s.last_line);
		return -1;
	}
	return 0;
}
