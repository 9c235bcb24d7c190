/* url.c - URL splitting for the HTTP client ("http://host:port/path?q"). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct url {
	char scheme[8];
	const char *host;
	int port;
	const char *path;
	const char *query;
};

static int default_port(const char *scheme)
{
	if (strcasecmp(scheme, "http") == 0)
		return 80;
	if (strcasecmp(scheme, "https") == 0)
		return 443;
	return -1;
}

static int parse_port(const char *s, int *port)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > 65535)
		return -1;
	*port = (int)v;
	return 0;
}

int url_parse(const char *s, struct url *u)
{
	char work[1024];
	char *p, *host, *slash, *colon, *q;
	size_t n;

	memset(u, 0, sizeof *u);
	p = strstr(s, "://");
	if (!p || (size_t)(p - s) >= sizeof u->scheme)
		return -1;
	memcpy(u->scheme, s, (size_t)(p - s));
	u->scheme[p - s] = '\0';
	n = strlen(p + 3);
	if (n >= sizeof work)
		return -1;
	memcpy(work, p + 3, n + 1);
	host = work;
	q = strchr(host, '?');
	if (q) {
		*q++ = '\0';
		u->query = q;
	}
	slash = strchr(host, '/');
	u->path = slash ? strchr(s + (p - s) + 3, '/') : "/";
	if (slash)
		*slash = '\0';
	colon = strchr(host, ':');
	if (colon) {
		*colon = '\0';
		if (parse_port(colon + 1, &u->port) < 0)
			return -1;
	} else {
		u->port = default_port(u->scheme);
	}
	if (*host == '\0' || u->port < 0)
		return -1;
	u->host = host;
	return 0;
}

/* "host:port" for the Host header, into out. */
int url_host_header(const struct url *u, char *out, size_t outsz)
{
	char port[8];
	int w;

	port[0] = '\0';
	if (u->port != default_port(u->scheme))
		snprintf(port, sizeof port, ":%d", u->port);
	w = snprintf(out, outsz, "%s%s", u->host, port);
	return w < 0 || (size_t)w >= outsz ? -1 : 0;
}

int url_is_secure(const char *s)
{
	char scheme[8];
	size_t i;

	for (i = 0; s[i] && s[i] != ':' && i + 1 < sizeof scheme; i++)
		scheme[i] = (char)tolower((unsigned char)s[i]);
	scheme[i] = '\0';
	return strcmp(scheme, "https") == 0;
}
