/*
 * httpreq.c - a zero-copy HTTP/1.x request parser: the request line and
 * headers become (pointer, length) slices into the caller's buffer, filled
 * in through out-parameters; a small prefix router with per-route context.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct str {
	const char *ptr;
	size_t len;
};

struct header {
	struct str name, value;
};

struct http_request {
	struct str method, target, path, query;
	int version_major, version_minor;
	struct header headers[32];
	size_t nheaders;
	const char *body;
	size_t body_len;
};

typedef int (*route_fn)(const struct http_request *req, void *ctx);

struct route {
	const char *prefix;
	route_fn fn;
	void *ctx;
};

struct hit_counter {
	unsigned long hits;
	char last_path[128];
};

/* The access log collects (method, path, status) triples elsewhere. */
extern void access_log_submit(const struct str *fields, size_t n);
/* The metrics exporter polls registered sources until they unregister. */
extern void metrics_register(const char *name, void *source);
extern void metrics_unregister(const char *name);

static struct route g_routes[16];
static size_t g_nroutes;

static int is_tchar(int c)
{
	return isalnum(c) || (c && strchr("!#$%&'*+-.^_`|~", c));
}

static const char *skip_spaces(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static const char *scan_token(const char *p, const char *end, struct str *out)
{
	const char *start = p;

	while (p < end && is_tchar((unsigned char)*p))
		p++;
	out->ptr = start;
	out->len = (size_t)(p - start);
	return p;
}

static int parse_version(const char *p, const char *end, int *major, int *minor)
{
	if (end - p != 8 || memcmp(p, "HTTP/", 5) != 0 || p[6] != '.' ||
	    !isdigit((unsigned char)p[5]) || !isdigit((unsigned char)p[7]))
		return -1;
	*major = p[5] - '0';
	*minor = p[7] - '0';
	return 0;
}

static void split_target(const struct str *target, struct str *path,
                         struct str *query)
{
	const char *q = memchr(target->ptr, '?', target->len);

	path->ptr = target->ptr;
	if (q) {
		path->len = (size_t)(q - target->ptr);
		query->ptr = q + 1;
		query->len = target->len - path->len - 1;
	} else {
		path->len = target->len;
		query->ptr = "";
		query->len = 0;
	}
}

int parse_request_line(const char *line, size_t len, struct http_request *req)
{
	const char *p, *end = line + len;
	const char *sp;

	p = scan_token(line, end, &req->method);
	if (req->method.len == 0 || p >= end || *p != ' ')
		return -1;
	sp = memchr(p + 1, ' ', (size_t)(end - p - 1));
	if (!sp)
		return -1;
	req->target.ptr = p + 1;
	req->target.len = (size_t)(sp - (p + 1));
	split_target(&req->target, &req->path, &req->query);
	return parse_version(sp + 1, end, &req->version_major,
	                     &req->version_minor);
}

static int parse_header_line(const char *line, size_t len, struct header *h)
{
	const char *end = line + len;
	const char *colon = memchr(line, ':', len);
	const char *v;

	if (!colon || colon == line)
		return -1;
	h->name.ptr = line;
	h->name.len = (size_t)(colon - line);
	v = skip_spaces(colon + 1, end);
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	h->value.ptr = v;
	h->value.len = (size_t)(end - v);
	return 0;
}

/* buf must stay alive as long as req is used. */
int parse_request(const char *buf, size_t len, struct http_request *req)
{
	const char *p = buf, *end = buf + len;
	const char *eol;

	memset(req, 0, sizeof *req);
	eol = memmem(p, len, "\r\n", 2);
	if (!eol || parse_request_line(p, (size_t)(eol - p), req) != 0)
		return -1;
	p = eol + 2;
	while ((eol = memmem(p, (size_t)(end - p), "\r\n", 2)) != NULL && eol != p) {
		if (req->nheaders == 32 ||
		    parse_header_line(p, (size_t)(eol - p), &req->headers[req->nheaders]) != 0)
			return -1;
		req->nheaders++;
		p = eol + 2;
	}
	if (!eol)
		return -1;
	req->body = eol + 2;
	req->body_len = (size_t)(end - req->body);
	return 0;
}

const struct str *http_find_header(const struct http_request *req,
                                   const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < req->nheaders; i++) {
		const struct header *h = &req->headers[i];

		if (h->name.len == n && strncasecmp(h->name.ptr, name, n) == 0)
			return &h->value;
	}
	return NULL;
}

long http_content_length(const struct http_request *req)
{
	const struct str *h = http_find_header(req, "Content-Length");
	char tmp[24];
	char *end;
	long v;

	if (!h || h->len == 0 || h->len >= sizeof tmp)
		return h ? -1 : 0;
	memcpy(tmp, h->ptr, h->len);
	tmp[h->len] = '\0';
	errno = 0;
	v = strtol(tmp, &end, 10);
	return errno || *end || v < 0 ? -1 : v;
}

/* %XX and '+' decoding; returns the decoded length or -1. */
int url_decode(const char *src, size_t len, char *dst, size_t dstsize)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		char c = src[i];

		if (o + 1 >= dstsize)
			return -1;
		if (c == '%' && i + 2 < len && isxdigit((unsigned char)src[i + 1]) &&
		    isxdigit((unsigned char)src[i + 2])) {
			char hex[3] = { src[i + 1], src[i + 2], '\0' };

			c = (char)strtol(hex, NULL, 16);
			i += 2;
		} else if (c == '+') {
			c = ' ';
		}
		dst[o++] = c;
	}
	dst[o] = '\0';
	return (int)o;
}

static int starts_with(const struct str *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return s->len >= n && memcmp(s->ptr, prefix, n) == 0;
}

int http_add_route(const char *prefix, route_fn fn, void *ctx)
{
	if (g_nroutes == sizeof g_routes / sizeof g_routes[0])
		return -1;
	g_routes[g_nroutes].prefix = prefix;
	g_routes[g_nroutes].fn = fn;
	g_routes[g_nroutes].ctx = ctx;
	g_nroutes++;
	return 0;
}

int http_dispatch(const struct http_request *req)
{
	size_t i;

	for (i = 0; i < g_nroutes; i++)
		if (starts_with(&req->path, g_routes[i].prefix))
			return g_routes[i].fn(req, g_routes[i].ctx);
	return 404;
}

static int count_hits(const struct http_request *req, void *ctx)
{
	struct hit_counter *hc = ctx;
	size_t n = req->path.len;

	if (n >= sizeof hc->last_path)
		n = sizeof hc->last_path - 1;
	hc->hits++;
	memcpy(hc->last_path, req->path.ptr, n);
	hc->last_path[n] = '\0';
	return 200;
}

static int print_path(const struct http_request *req, void *ctx)
{
	char path[256];

	(void)ctx;
	if (url_decode(req->path.ptr, req->path.len, path, sizeof path) < 0)
		return 400;
	printf("GET %s (query %.*s)\n", path, (int)req->query.len, req->query.ptr);
	return 200;
}

int handle_connection_buffer(int fd)
{
	char buf[4096];
	struct http_request req;
	char reply[128];
	ssize_t n = read(fd, buf, sizeof buf - 1);
	int status, len;

	if (n <= 0)
		return -1;
	buf[n] = '\0';
	if (parse_request(buf, (size_t)n, &req) != 0)
		status = 400;
	else if (http_content_length(&req) > 0 &&
	         (size_t)http_content_length(&req) != req.body_len)
		status = 411;
	else
		status = http_dispatch(&req);
	len = snprintf(reply, sizeof reply,
	               "HTTP/1.1 %d\r\nContent-Length: 0\r\n\r\n", status);
	if (write(fd, reply, (size_t)len) != len)
		return -1;
	return status;
}

void log_request(const struct http_request *req, int status)
{
	char code[8];
	struct str fields[3];

	snprintf(code, sizeof code, "%03u", (unsigned)status % 1000u);
	fields[0] = req->method;
	fields[1] = req->path;
	fields[2].ptr = code;
	fields[2].len = 3;
	access_log_submit(fields, 3);
}

int serve_one(int fd)
{
	struct hit_counter counter = { 0, "" };
	int rc;

	http_add_route("/stats", count_hits, &counter);
	http_add_route("/health", count_hits, &(struct hit_counter){ 0, "" });
	http_add_route("/", print_path, NULL);
	rc = handle_connection_buffer(fd);
	fprintf(stderr, "%lu hits, last %s\n", counter.hits, counter.last_path);
	g_nroutes = 0;
	return rc;
}

int serve_with_metrics(int fd)
{
	struct hit_counter metrics = { 0, "" };
	int rc;

	metrics_register("http", &metrics);
	http_add_route("/", count_hits, &metrics);
	rc = handle_connection_buffer(fd);
	metrics_unregister("http");
	g_nroutes = 0;
	return rc;
}

/* A copy that owns its bytes: the slices are rebased onto *copy. */
int http_request_dup(const struct http_request *req, const char *buf,
                     size_t len, struct http_request *copy, char **storage)
{
	char *mem = malloc(len);
	size_t i;

	if (!mem)
		return -1;
	memcpy(mem, buf, len);
	*copy = *req;
#define REBASE(s) ((s).ptr = mem + ((s).ptr - buf))
	REBASE(copy->method);
	REBASE(copy->target);
	REBASE(copy->path);
	for (i = 0; i < copy->nheaders; i++) {
		REBASE(copy->headers[i].name);
		REBASE(copy->headers[i].value);
	}
#undef REBASE
	if (copy->query.len)
		copy->query.ptr = mem + (copy->query.ptr - buf);
	copy->body = mem + (copy->body - buf);
	*storage = mem;
	return 0;
}
