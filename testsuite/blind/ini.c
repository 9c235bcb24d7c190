/*
 * ini.c - an INI file reader in the style of the small ones everybody
 * vendors: [sections], key = value / key: value, ';' and '#' comments,
 * a handler callback with a void * user pointer, an in-memory document
 * with typed lookups, and the glue that loads a server configuration.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef int (*ini_handler)(void *user, const char *section, const char *name,
                           const char *value, int lineno);

struct ini_entry {
	char *section, *name, *value;
	struct ini_entry *next;
};

struct ini_doc {
	struct ini_entry *head, **tail;
	size_t count;
	const char *path;		/* for messages */
};

struct ini_error {
	int line;
	char msg[96];
};

struct server_config {
	char listen_addr[64];
	long port;
	int verbose;
	char *log_path;
	const char *source;
};

/* The application is told when its configuration changed. */
extern void config_changed(void *cookie);

static struct ini_doc *g_active_doc;
static const char *g_unknown_section;

static char *rstrip(char *s)
{
	char *p = s + strlen(s);

	while (p > s && isspace((unsigned char)p[-1]))
		*--p = '\0';
	return s;
}

static char *lskip(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return (char *)s;
}

/* First of chars, or an inline comment (';' or '#' after whitespace). */
static char *find_chars_or_comment(const char *s, const char *chars)
{
	int was_space = 0;

	while (*s && (!chars || !strchr(chars, *s)) &&
	       !(was_space && strchr(";#", *s))) {
		was_space = isspace((unsigned char)*s);
		s++;
	}
	return (char *)s;
}

static void copy_bounded(char *dst, const char *src, size_t size)
{
	snprintf(dst, size, "%s", src);
}

static void set_error(struct ini_error *err, int line, const char *msg)
{
	if (!err)
		return;
	err->line = line;
	copy_bounded(err->msg, msg, sizeof err->msg);
}

int ini_parse_stream(FILE *fp, ini_handler handler, void *user,
                     struct ini_error *err)
{
	char line[512];
	char section[64] = "";
	char prev_name[64] = "";
	int lineno = 0;
	int rc = 0;

	while (fgets(line, sizeof line, fp)) {
		char *start, *end;

		lineno++;
		start = lskip(rstrip(line));
		if (*start == ';' || *start == '#' || *start == '\0')
			continue;
		if (*start == '[') {
			end = find_chars_or_comment(start + 1, "]");
			if (*end != ']') {
				set_error(err, lineno, "missing ']'");
				if (!rc)
					rc = lineno;
				continue;
			}
			*end = '\0';
			copy_bounded(section, start + 1, sizeof section);
			prev_name[0] = '\0';
		} else {
			char *name = start, *value;

			end = find_chars_or_comment(start, "=:");
			if (*end != '=' && *end != ':') {
				set_error(err, lineno, "expected '=' or ':'");
				if (!rc)
					rc = lineno;
				continue;
			}
			*end = '\0';
			rstrip(name);
			value = lskip(end + 1);
			end = find_chars_or_comment(value, NULL);
			*end = '\0';
			rstrip(value);
			copy_bounded(prev_name, name, sizeof prev_name);
			if (!handler(user, section, name, value, lineno) && !rc)
				rc = lineno;
		}
	}
	return rc;
}

/* fmemopen keeps the buffer for the life of the stream. */
int ini_parse_string(const char *text, ini_handler handler, void *user)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	if (!fp)
		return -1;
	rc = ini_parse_stream(fp, handler, user, NULL);
	fclose(fp);
	return rc;
}

static int collect_entry(void *user, const char *section, const char *name,
                         const char *value, int lineno)
{
	struct ini_doc *doc = user;
	struct ini_entry *e = calloc(1, sizeof *e);

	(void)lineno;
	if (!e)
		return 0;
	e->section = strdup(section);
	e->name = strdup(name);
	e->value = strdup(value);
	if (!e->section || !e->name || !e->value) {
		free(e->section);
		free(e->name);
		free(e->value);
		free(e);
		return 0;
	}
	*doc->tail = e;
	doc->tail = &e->next;
	doc->count++;
	return 1;
}

int ini_doc_load(struct ini_doc *doc, const char *path, struct ini_error *err)
{
	FILE *fp = fopen(path, "r");
	int rc;

	if (!fp) {
		set_error(err, 0, strerror(errno));
		return -1;
	}
	doc->head = NULL;
	doc->tail = &doc->head;
	doc->count = 0;
	doc->path = path;
	rc = ini_parse_stream(fp, collect_entry, doc, err);
	fclose(fp);
	return rc;
}

const char *ini_doc_get(const struct ini_doc *doc, const char *section,
                        const char *name)
{
	const struct ini_entry *e;

	for (e = doc->head; e; e = e->next)
		if (strcasecmp(e->section, section) == 0 &&
		    strcasecmp(e->name, name) == 0)
			return e->value;
	return NULL;
}

long ini_get_long(const struct ini_doc *doc, const char *section,
                  const char *name, long def)
{
	const char *v = ini_doc_get(doc, section, name);
	char *end;
	long n;

	if (!v)
		return def;
	errno = 0;
	n = strtol(v, &end, 0);
	if (errno || end == v || *lskip(end) != '\0')
		return def;
	return n;
}

int ini_get_bool(const struct ini_doc *doc, const char *section,
                 const char *name, int def)
{
	static const char *const yes[] = { "1", "yes", "true", "on" };
	const char *v = ini_doc_get(doc, section, name);
	char lower[8];
	size_t i;

	if (!v || strlen(v) >= sizeof lower)
		return def;
	for (i = 0; v[i]; i++)
		lower[i] = (char)tolower((unsigned char)v[i]);
	lower[i] = '\0';
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcmp(lower, yes[i]) == 0)
			return 1;
	return 0;
}

/* Splits "a, b ,c" in place; out[] points into value. */
size_t ini_split_list(char *value, const char **out, size_t max)
{
	char *save;
	char *tok;
	size_t n = 0;

	for (tok = strtok_r(value, ",", &save); tok && n < max;
	     tok = strtok_r(NULL, ",", &save))
		out[n++] = rstrip(lskip(tok));
	return n;
}

void ini_doc_dump(const struct ini_doc *doc, FILE *out)
{
	const struct ini_entry *e;

	fprintf(out, "; %zu entries from %s\n", doc->count, doc->path);
	for (e = doc->head; e; e = e->next)
		fprintf(out, "[%s] %s = %s\n", e->section, e->name, e->value);
}

void ini_doc_free(struct ini_doc *doc)
{
	struct ini_entry *e = doc->head, *next;

	for (; e; e = next) {
		next = e->next;
		free(e->section);
		free(e->name);
		free(e->value);
		free(e);
	}
	doc->head = NULL;
	doc->tail = NULL;
	doc->count = 0;
}

static int config_handler(void *user, const char *section, const char *name,
                          const char *value, int lineno)
{
	struct server_config *cfg = user;

	if (strcmp(section, "server") == 0 && strcmp(name, "listen") == 0) {
		copy_bounded(cfg->listen_addr, value, sizeof cfg->listen_addr);
	} else if (strcmp(section, "server") == 0 && strcmp(name, "port") == 0) {
		char *end;

		cfg->port = strtol(value, &end, 10);
		if (*end || cfg->port <= 0 || cfg->port > 65535)
			return 0;
	} else if (strcmp(section, "log") == 0 && strcmp(name, "path") == 0) {
		free(cfg->log_path);
		cfg->log_path = strdup(value);
	} else if (strcmp(section, "log") == 0 && strcmp(name, "verbose") == 0) {
		cfg->verbose = atoi(value);
	} else {
		fprintf(stderr, "line %d: unknown key %s.%s\n", lineno, section, name);
		g_unknown_section = section;	/* remembered for the summary */
	}
	return 1;
}

int load_server_config(const char *path, struct server_config *cfg)
{
	struct ini_error err = { 0, "" };
	FILE *fp;
	int rc;

	memset(cfg, 0, sizeof *cfg);
	copy_bounded(cfg->listen_addr, "0.0.0.0", sizeof cfg->listen_addr);
	cfg->port = 8080;
	cfg->source = path;
	fp = fopen(path, "r");
	if (!fp)
		return -1;
	rc = ini_parse_stream(fp, config_handler, cfg, &err);
	fclose(fp);
	if (rc)
		fprintf(stderr, "%s:%d: %s\n", path, err.line, err.msg);
	return rc;
}

void config_publish(struct server_config *cfg)
{
	config_changed(cfg);
}

int load_builtin_defaults(struct server_config *cfg)
{
	char text[] = "[server]\nlisten = 127.0.0.1\nport = 8080\n";

	return ini_parse_string(text, config_handler, cfg);
}

static int require_keys(const struct ini_doc *doc, const char *section,
                        const char *const *keys)
{
	int missing = 0;

	for (; *keys; keys++)
		if (!ini_doc_get(doc, section, *keys)) {
			fprintf(stderr, "missing %s.%s\n", section, *keys);
			missing++;
		}
	return missing;
}

int run_with_config(const char *path)
{
	struct server_config cfg;
	struct ini_doc doc;
	struct ini_error err;
	char summary[128];
	char upstreams[256];
	const char *items[8];
	size_t i, n;
	long workers;

	if (load_server_config(path, &cfg) != 0)
		return 1;
	if (ini_doc_load(&doc, path, &err) < 0) {
		fprintf(stderr, "%s: %s\n", path, err.msg);
		return 1;
	}
	g_active_doc = &doc;
	if (require_keys(&doc, "server",
	                 (const char *[]){ "listen", "port", NULL }) != 0) {
		g_active_doc = NULL;
		ini_doc_free(&doc);
		return 1;
	}
	workers = ini_get_long(&doc, "server", "workers", 4);
	snprintf(summary, sizeof summary, "%s:%ld workers=%ld%s", cfg.listen_addr,
	         cfg.port, workers,
	         ini_get_bool(&doc, "log", "color", 0) ? " color" : "");
	puts(summary);
	copy_bounded(upstreams, ini_doc_get(&doc, "proxy", "upstreams") ?
	             ini_doc_get(&doc, "proxy", "upstreams") : "", sizeof upstreams);
	n = ini_split_list(upstreams, items, 8);
	for (i = 0; i < n; i++)
		printf("upstream %zu: %s\n", i, items[i]);
	config_publish(&cfg);
	g_active_doc = NULL;
	ini_doc_free(&doc);
	free(cfg.log_path);
	return 0;
}
