/*
 * http_req.c - a zero-copy HTTP/1.x request parser: the request holds
 * slices of the receive buffer, the way picohttpparser and friends do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/types.h>

#define MAX_HEADERS 16

struct str {
	const char *p;
	size_t len;
};

struct http_request {
	struct str method, target, version;
	struct str hdr_name[MAX_HEADERS], hdr_value[MAX_HEADERS];
	int nhdr;
	int keep_alive;
};

/* The request being handled, for the crash handler's report. */
static const struct http_request *g_current;

static const char *find_crlf(const char *p, const char *end)
{
	for (; p + 1 < end; p++)
		if (p[0] == '\r' && p[1] == '\n')
			return p;
	return NULL;
}

static const char *skip_token(const char *p, const char *end, char stop,
                              struct str *out)
{
	const char *start = p;

	while (p < end && *p != stop && *p != '\r')
		p++;
	out->p = start;
	out->len = (size_t)(p - start);
	return p;
}

static int str_ieq(struct str s, const char *lit)
{
	size_t n = strlen(lit);

	return s.len == n && strncasecmp(s.p, lit, n) == 0;
}

int http_parse_request_line(const char *buf, size_t len,
                            struct http_request *req)
{
	const char *end = buf + len;
	const char *eol = find_crlf(buf, end);
	const char *p = buf;

	if (!eol)
		return -1;
	p = skip_token(p, eol, ' ', &req->method);
	if (p >= eol || req->method.len == 0)
		return -1;
	p = skip_token(p + 1, eol, ' ', &req->target);
	if (p >= eol || req->target.len == 0 || req->target.p[0] != '/')
		return -1;
	p = skip_token(p + 1, eol, ' ', &req->version);
	if (req->version.len != 8 || strncmp(req->version.p, "HTTP/1.", 7) != 0)
		return -1;
	req->keep_alive = req->version.p[7] == '1';
	return (int)(eol + 2 - buf);
}

/* Parses "Name: value" lines up to the empty line; returns bytes consumed. */
int http_parse_headers(const char *p, const char *end, struct http_request *req)
{
	const char *start = p;

	while (p < end) {
		const char *eol = find_crlf(p, end);
		const char *v;

		if (!eol)
			return -1;
		if (eol == p)
			return (int)(eol + 2 - start);
		if (req->nhdr == MAX_HEADERS)
			return -1;
		v = skip_token(p, eol, ':', &req->hdr_name[req->nhdr]);
		if (v >= eol)
			return -1;
		for (v++; v < eol && (*v == ' ' || *v == '\t'); v++)
			;
		req->hdr_value[req->nhdr].p = v;
		req->hdr_value[req->nhdr].len = (size_t)(eol - v);
		req->nhdr++;
		p = eol + 2;
	}
	return -1;
}

const struct str *http_header(const struct http_request *req, const char *name)
{
	for (int i = 0; i < req->nhdr; i++)
		if (str_ieq(req->hdr_name[i], name))
			return &req->hdr_value[i];
	return NULL;
}

int http_content_length(const struct http_request *req, long *out)
{
	const struct str *v = http_header(req, "Content-Length");
	char num[24];
	char *end;
	long n;

	if (!v || v->len == 0 || v->len >= sizeof num)
		return -1;
	memcpy(num, v->p, v->len);
	num[v->len] = '\0';
	n = strtol(num, &end, 10);
	if (*end != '\0' || n < 0)
		return -1;
	*out = n;
	return 0;
}

int http_format_status(char *out, size_t size, int code, const char *reason)
{
	char date[64];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	return snprintf(out, size, "HTTP/1.1 %d %s\r\nDate: %s\r\n", code,
	                reason, date);
}

struct summary {
	const char *text;
	int len;
};

/* One line for the access log.  Returns a slice of its own frame: a bug. */
struct summary http_summary(const struct http_request *req)
{
	char line[128];
	struct summary s;

	s.len = snprintf(line, sizeof line, "%.*s %.*s", (int)req->method.len,
	                 req->method.p, (int)req->target.len, req->target.p);
	s.text = line;
	return s;
}

static int send_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int http_handle(int fd)
{
	char buf[4096];
	char status[256];
	struct http_request req;
	ssize_t n;
	int used, code = 200;
	long clen = 0;

	n = recv(fd, buf, sizeof buf - 1, 0);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	memset(&req, 0, sizeof req);
	used = http_parse_request_line(buf, (size_t)n, &req);
	if (used < 0 || http_parse_headers(buf + used, buf + n, &req) < 0)
		code = 400;
	g_current = &req;
	if (code == 200 && http_content_length(&req, &clen) == 0 && clen > 1 << 20)
		code = 413;
	http_format_status(status, sizeof status, code, code == 200 ? "OK" : "Error");
	send_all(fd, status, strlen(status));
	send_all(fd, "\r\n", 2);
	g_current = NULL;
	return code;
}
