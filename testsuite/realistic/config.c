/*
 * config.c - loads "key = value" configuration files with stdio, keeps the
 * entries sorted for lookup, and reloads when the file changes.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

struct cfg_entry {
	char key[64];
	char value[192];
	int line;
};

struct config {
	struct cfg_entry *entries;
	size_t n, cap;
	char path[256];
	time_t mtime;
};

static const struct cfg_entry *g_defaults;
static size_t g_ndefaults;

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int cfg_add(struct config *c, const char *key, const char *value, int line)
{
	struct cfg_entry *e;

	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 16;
		struct cfg_entry *ne = realloc(c->entries, ncap * sizeof *ne);

		if (!ne)
			return -1;
		c->entries = ne;
		c->cap = ncap;
	}
	e = &c->entries[c->n++];
	snprintf(e->key, sizeof e->key, "%s", key);
	snprintf(e->value, sizeof e->value, "%s", value);
	e->line = line;
	return 0;
}

static int cmp_entry(const void *a, const void *b)
{
	const struct cfg_entry *x = a, *y = b;

	return strcmp(x->key, y->key);
}

int config_load(struct config *c, const char *path)
{
	char line[512];
	char iobuf[8192];
	struct stat st;
	int lineno = 0;
	FILE *f;

	memset(c, 0, sizeof *c);
	snprintf(c->path, sizeof c->path, "%s", path);
	f = fopen(path, "r");
	if (!f)
		return -1;
	setvbuf(f, iobuf, _IOFBF, sizeof iobuf);
	if (fstat(fileno(f), &st) == 0)
		c->mtime = st.st_mtime;
	while (fgets(line, sizeof line, f)) {
		char *s = trim(line), *eq;

		lineno++;
		if (*s == '#' || *s == '\0')
			continue;
		eq = strchr(s, '=');
		if (!eq) {
			fprintf(stderr, "%s:%d: missing '='\n", path, lineno);
			continue;
		}
		*eq = '\0';
		if (cfg_add(c, trim(s), trim(eq + 1), lineno) != 0) {
			fclose(f);
			return -1;
		}
	}
	fclose(f);
	qsort(c->entries, c->n, sizeof c->entries[0], cmp_entry);
	return 0;
}

/* Reads KEY=VALUE lines (e.g. from an environment file) on top of c. */
int config_merge_stream(struct config *c, FILE *f)
{
	char *buf = NULL;
	size_t cap = 0;
	int added = 0;

	while (getline(&buf, &cap, f) > 0) {
		char key[64], val[192];

		if (sscanf(buf, "%63[^=]=%191[^\n]", key, val) == 2 &&
		    cfg_add(c, key, val, 0) == 0)
			added++;
	}
	free(buf);
	qsort(c->entries, c->n, sizeof c->entries[0], cmp_entry);
	return added;
}

const char *config_get(const struct config *c, const char *key)
{
	struct cfg_entry probe;
	const struct cfg_entry *e;

	snprintf(probe.key, sizeof probe.key, "%s", key);
	e = bsearch(&probe, c->entries, c->n, sizeof *e, cmp_entry);
	if (e)
		return e->value;
	for (size_t i = 0; i < g_ndefaults; i++)
		if (strcmp(g_defaults[i].key, key) == 0)
			return g_defaults[i].value;
	return NULL;
}

int config_get_int(const struct config *c, const char *key, int def)
{
	const char *v = config_get(c, key);
	int n;
	char extra;

	if (!v || sscanf(v, "%d %c", &n, &extra) != 1)
		return def;
	return n;
}

int config_get_bool(const struct config *c, const char *key, int def)
{
	const char *v = config_get(c, key);

	if (!v)
		return def;
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1"))
		return 1;
	if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcmp(v, "0"))
		return 0;
	return def;
}

/* Returns 1 if the file changed on disk and was reloaded. */
int config_reload_if_changed(struct config *c)
{
	struct stat st;
	struct config fresh;

	if (stat(c->path, &st) != 0 || st.st_mtime == c->mtime)
		return 0;
	if (config_load(&fresh, c->path) != 0)
		return -1;
	free(c->entries);
	*c = fresh;
	return 1;
}

void config_set_defaults(const struct cfg_entry *defs, size_t n)
{
	g_defaults = defs;
	g_ndefaults = n;
}

/* Reports the settings of path, with the built-in defaults filling gaps. */
int config_print_effective(const char *path, FILE *out)
{
	struct config c;
	static const char *const keys[] = { "listen", "workers", "log" };

	config_set_defaults((const struct cfg_entry[]){
		{ "listen", "0.0.0.0:8080", 0 },
		{ "workers", "4", 0 },
	}, 2);
	if (config_load(&c, path) != 0) {
		config_set_defaults(NULL, 0);
		return -1;
	}
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *v = config_get(&c, keys[i]);

		fprintf(out, "%s = %s\n", keys[i], v ? v : "(unset)");
	}
	config_set_defaults(NULL, 0);
	free(c.entries);
	return 0;
}

/* Exports one setting to child processes as APP_<key>. */
int config_export(const struct config *c, const char *key)
{
	char envbuf[256];
	const char *v = config_get(c, key);

	if (!v)
		return -1;
	snprintf(envbuf, sizeof envbuf, "APP_%s=%s", key, v);
	return putenv(envbuf);
}

void config_dump(const struct config *c, FILE *out)
{
	for (size_t i = 0; i < c->n; i++)
		fprintf(out, "%s = %s\n", c->entries[i].key, c->entries[i].value);
}
