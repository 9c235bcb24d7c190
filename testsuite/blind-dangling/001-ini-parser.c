/* ini.c - a small INI reader for the daemon's configuration file.
 *
 *   [server]
 *   port = 8080
 *   root = /srv/www
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INI_MAX_LINE 256
#define INI_MAX_KEYS 64

struct ini_entry {
	char *section;
	char *key;
	char *value;
};

struct ini_file {
	struct ini_entry entries[INI_MAX_KEYS];
	int count;
	int errors;
};

static char *ini_trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return s;
	end = s + strlen(s) - 1;
	while (end > s && isspace((unsigned char)*end))
		*end-- = '\0';
	return s;
}

/* The name of a "[name]" line, or NULL when the line is not a section. */
char *ini_section_name(const char *line)
{
	char name[INI_MAX_LINE];
	const char *close;
	size_t len;

	if (line[0] != '[')
		return NULL;
	close = strchr(line, ']');
	if (!close)
		return NULL;
	len = (size_t)(close - line - 1);
	if (len >= sizeof name)
		return NULL;
	memcpy(name, line + 1, len);
	name[len] = '\0';
	return ini_trim(name);
}

static int ini_add(struct ini_file *ini, const char *section, const char *key,
		   const char *value)
{
	struct ini_entry *e;

	if (ini->count == INI_MAX_KEYS)
		return -1;
	e = &ini->entries[ini->count];
	e->section = strdup(section);
	e->key = strdup(key);
	e->value = strdup(value);
	if (!e->section || !e->key || !e->value) {
		free(e->section);
		free(e->key);
		free(e->value);
		return -1;
	}
	ini->count++;
	return 0;
}

int ini_load(FILE *f, struct ini_file *ini)
{
	char line[INI_MAX_LINE];
	char section[INI_MAX_LINE] = "";
	int lineno = 0;

	ini->count = 0;
	ini->errors = 0;
	while (fgets(line, sizeof line, f)) {
		char *p = ini_trim(line);
		char *eq, *sec;

		lineno++;
		if (*p == '\0' || *p == ';' || *p == '#')
			continue;
		sec = ini_section_name(p);
		if (sec) {
			snprintf(section, sizeof section, "%s", sec);
			continue;
		}
		eq = strchr(p, '=');
		if (!eq) {
			fprintf(stderr, "ini:%d: expected key = value\n", lineno);
			ini->errors++;
			continue;
		}
		*eq = '\0';
		if (ini_add(ini, section, ini_trim(p), ini_trim(eq + 1)) < 0)
			return -1;
	}
	return ferror(f) ? -1 : 0;
}

const char *ini_get(const struct ini_file *ini, const char *section,
		    const char *key)
{
	int i;

	for (i = 0; i < ini->count; i++) {
		const struct ini_entry *e = &ini->entries[i];
		if (strcmp(e->section, section) == 0 && strcmp(e->key, key) == 0)
			return e->value;
	}
	return NULL;
}

int ini_get_int(const struct ini_file *ini, const char *section,
		const char *key, long *out)
{
	char copy[64];
	const char *v = ini_get(ini, section, key);
	char *end;
	long n;

	if (!v)
		return -1;
	snprintf(copy, sizeof copy, "%s", v);
	errno = 0;
	n = strtol(copy, &end, 0);
	if (errno || end == copy || *ini_trim(end) != '\0')
		return -1;
	*out = n;
	return 0;
}

void ini_free(struct ini_file *ini)
{
	int i;

	for (i = 0; i < ini->count; i++) {
		free(ini->entries[i].section);
		free(ini->entries[i].key);
		free(ini->entries[i].value);
	}
	ini->count = 0;
}
