/* http.c - request parsing for the embedded status server. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define HTTP_MAX_HEADERS 32

struct http_header {
	const char *name;
	const char *value;
};

struct http_request {
	char method[8];
	char path[256];
	int minor;
	struct http_header headers[HTTP_MAX_HEADERS];
	int nheaders;
};

/* Splits "Name: value" into h.  The name is lower-cased. */
int http_parse_header(const char *line, struct http_header *h)
{
	char name[64];
	const char *colon = strchr(line, ':');
	size_t n, i;

	if (!colon)
		return -1;
	n = (size_t)(colon - line);
	if (n == 0 || n >= sizeof name)
		return -1;
	for (i = 0; i < n; i++)
		name[i] = (char)tolower((unsigned char)line[i]);
	name[n] = '\0';
	h->name = name;
	h->value = colon + 1 + strspn(colon + 1, " \t");
	return 0;
}

static int http_parse_request_line(const char *line, struct http_request *req)
{
	char version[16];

	if (sscanf(line, "%7s %255s %15s", req->method, req->path, version) != 3)
		return -1;
	if (strncmp(version, "HTTP/1.", 7) != 0)
		return -1;
	req->minor = version[7] - '0';
	return 0;
}

/* raw is modified in place: the request keeps pointers into it. */
int http_parse_request(char *raw, struct http_request *req)
{
	char *save = NULL;
	char *line = strtok_r(raw, "\r\n", &save);

	if (!line || http_parse_request_line(line, req) < 0)
		return -1;
	req->nheaders = 0;
	while ((line = strtok_r(NULL, "\r\n", &save)) != NULL) {
		if (req->nheaders == HTTP_MAX_HEADERS)
			return -1;
		if (http_parse_header(line, &req->headers[req->nheaders]) < 0)
			return -1;
		req->nheaders++;
	}
	return 0;
}

const char *http_find_header(const struct http_request *req, const char *name)
{
	char key[64];
	size_t i;
	int k;

	for (i = 0; name[i] && i + 1 < sizeof key; i++)
		key[i] = (char)tolower((unsigned char)name[i]);
	key[i] = '\0';
	for (k = 0; k < req->nheaders; k++)
		if (strcmp(req->headers[k].name, key) == 0)
			return req->headers[k].value;
	return NULL;
}

int http_format_response(char *out, size_t outsz, int status, size_t length)
{
	char date[64];
	struct tm tm;
	time_t now = time(NULL);
	const char *reason = status == 200 ? "OK" : status == 404 ? "Not Found"
						  : "Internal Server Error";

	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	return snprintf(out, outsz,
			"HTTP/1.1 %d %s\r\nDate: %s\r\nContent-Length: %zu\r\n\r\n",
			status, reason, date, length);
}

int http_keep_alive(const struct http_request *req)
{
	const char *c = http_find_header(req, "Connection");

	if (req->minor == 0)
		return c && strcasecmp(c, "keep-alive") == 0;
	return !(c && strcasecmp(c, "close") == 0);
}
