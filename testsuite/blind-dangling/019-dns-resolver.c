/* resolve.c - name resolution for the monitoring agent. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* Fills *out for name.  Legacy path, IPv4 only. */
int resolve_legacy(const char *name, struct hostent *out)
{
	char buf[2048];
	struct hostent *res = NULL;
	int herr = 0;

	if (gethostbyname_r(name, out, buf, sizeof buf, &res, &herr) != 0 || !res) {
		fprintf(stderr, "resolve %s: %s\n", name, hstrerror(herr));
		return -1;
	}
	return 0;
}

/* First address of name as text; the caller frees it. */
char *resolve_first(const char *name, const char *service)
{
	struct addrinfo hints, *list = NULL, *ai;
	char text[INET6_ADDRSTRLEN];
	char *result = NULL;
	int rc;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	rc = getaddrinfo(name, service, &hints, &list);
	if (rc != 0) {
		fprintf(stderr, "resolve %s: %s\n", name, gai_strerror(rc));
		return NULL;
	}
	for (ai = list; ai && !result; ai = ai->ai_next) {
		const void *addr;

		if (ai->ai_family == AF_INET)
			addr = &((struct sockaddr_in *)ai->ai_addr)->sin_addr;
		else if (ai->ai_family == AF_INET6)
			addr = &((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
		else
			continue;
		if (inet_ntop(ai->ai_family, addr, text, sizeof text))
			result = strdup(text);
	}
	freeaddrinfo(list);
	return result;
}

/* Reverse lookup into the caller's buffer. */
int reverse_lookup(const char *ip, char *host, size_t hostsz)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	if (inet_pton(AF_INET, ip, &sin.sin_addr) != 1)
		return -1;
	return getnameinfo((struct sockaddr *)&sin, sizeof sin, host,
			   (socklen_t)hostsz, NULL, 0, NI_NAMEREQD) == 0 ? 0 : -1;
}

int print_host(const char *name)
{
	struct hostent he;
	char **a;
	char text[INET_ADDRSTRLEN];

	if (resolve_legacy(name, &he) < 0)
		return -1;
	for (a = he.h_addr_list; *a; a++)
		if (inet_ntop(AF_INET, *a, text, sizeof text))
			printf("%s has address %s\n", name, text);
	return 0;
}
