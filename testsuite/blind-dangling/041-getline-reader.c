/* hosts.c - reads an /etc/hosts-style file and answers lookups. */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The address of name in the hosts file at path, or NULL; the caller frees
 * the result. */
char *hosts_lookup(const char *path, const char *name)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *result = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f)
		return NULL;
	while (!result && (len = getline(&line, &cap, f)) != -1) {
		char *save = NULL, *addr, *host;
		char *hash = strchr(line, '#');

		if (hash)
			*hash = '\0';
		addr = strtok_r(line, " \t\r\n", &save);
		if (!addr)
			continue;
		while ((host = strtok_r(NULL, " \t\r\n", &save)) != NULL) {
			if (strcasecmp(host, name) == 0) {
				result = strdup(addr);
				break;
			}
		}
	}
	free(line);
	fclose(f);
	return result;
}

/* Number of entries, counting every alias. */
int hosts_count(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[512];
	int n = 0;

	if (!f)
		return -1;
	while (fgets(buf, sizeof buf, f)) {
		char *p = buf;
		int fields = 0;

		while (*p && *p != '#') {
			while (*p && isspace((unsigned char)*p))
				p++;
			if (!*p || *p == '#')
				break;
			fields++;
			while (*p && !isspace((unsigned char)*p) && *p != '#')
				p++;
		}
		if (fields > 1)
			n += fields - 1;
	}
	fclose(f);
	return n;
}

/* The first alias of addr, copied into out. */
int hosts_reverse(const char *path, const char *addr, char *out, size_t outsz)
{
	FILE *f = fopen(path, "r");
	char buf[512];
	int found = -1;

	if (!f)
		return -1;
	while (found < 0 && fgets(buf, sizeof buf, f)) {
		char a[64], h[256];

		if (sscanf(buf, "%63s %255s", a, h) == 2 && a[0] != '#' &&
		    strcmp(a, addr) == 0) {
			snprintf(out, outsz, "%s", h);
			found = 0;
		}
	}
	fclose(f);
	return found;
}
