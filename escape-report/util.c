#include "escape-report.h"

/* ------------------------------------------------------------------ */
/* Errors and memory                                                    */

char *tmp_path; /* the output being written, removed on error */

void die(const char *fmt, ...)
{
	va_list ap;

	if (tmp_path)
		unlink(tmp_path);
	fprintf(stderr, PROG ": ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, PROG ": ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n" PROG ": try '" PROG " --help'\n");
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("out of memory");
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}


json_t *must(json_t *v)
{
	if (!v)
		die("out of memory");
	return v;
}

void set(json_t *o, const char *key, json_t *v)
{
	if (json_object_set_new(o, key, must(v)))
		die("out of memory");
}

void add(json_t *a, json_t *v)
{
	if (json_array_append_new(a, must(v)))
		die("out of memory");
}

json_t *text(const char *s)
{
	return must(json_string(s ? s : ""));
}

/* ------------------------------------------------------------------ */
/* A string-keyed hash table                                           */

uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * UINT64_C(1099511628211);
	return h;
}

/* The entry for the LEN bytes at KEY, created (value NULL) if missing. */
struct entry *lookup(struct table *t, const char *key, size_t len)
{
	if (2 * (t->n + 1) > t->cap) {
		struct table bigger = { NULL, 0, t->cap ? 2 * t->cap : 64 };
		bigger.e = xmalloc(bigger.cap * sizeof *bigger.e);
		memset(bigger.e, 0, bigger.cap * sizeof *bigger.e);
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->e[i].key)
				continue;
			size_t j = fnv1a(FNV_OFFSET, t->e[i].key, t->e[i].len) & (bigger.cap - 1);
			while (bigger.e[j].key)
				j = (j + 1) & (bigger.cap - 1);
			bigger.e[j] = t->e[i];
		}
		bigger.n = t->n;
		free(t->e);
		*t = bigger;
	}
	size_t i = fnv1a(FNV_OFFSET, key, len) & (t->cap - 1);
	while (t->e[i].key) {
		if (t->e[i].len == len && !memcmp(t->e[i].key, key, len))
			return &t->e[i];
		i = (i + 1) & (t->cap - 1);
	}
	t->e[i].key = xmalloc(len + 1);
	memcpy(t->e[i].key, key, len);
	t->e[i].key[len] = 0;
	t->e[i].len = len;
	t->e[i].value = NULL;
	t->n++;
	return &t->e[i];
}

struct entry *lookup_str(struct table *t, const char *key)
{
	return lookup(t, key, strlen(key));
}

/* Frees the table's keys (not its values). */
void free_table(struct table *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->e[i].key);
	free(t->e);
	memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------------ */
/* Paths and URIs                                                      */

/* An absolute PATH with ".", ".." and empty components resolved by text. */
char *path_normalize(const char *path)
{
	char *out = xmalloc(strlen(path) + 2), *q = out;
	const char *p = path;

	*q++ = '/';
	while (*p) {
		const char *end;
		size_t n;

		while (*p == '/')
			p++;
		end = strchr(p, '/');
		n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0)
			break;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (q > out + 1) {
				q--; /* the '/' after the last component */
				while (q > out + 1 && q[-1] != '/')
					q--;
			}
		} else if (!(n == 1 && p[0] == '.')) {
			memcpy(q, p, n);
			q += n;
			*q++ = '/';
		}
		p += n;
	}
	if (q > out + 1)
		q--;
	*q = 0;
	return out;
}

char *cwd;      /* the current directory */
char *root;     /* --root, real path */
size_t rootlen;

char *current_dir(void)
{
	size_t n = 256;
	for (;;) {
		char *buf = xmalloc(n);
		if (getcwd(buf, n))
			return buf;
		free(buf);
		if (errno != ERANGE)
			die("cannot get the current directory: %s", strerror(errno));
		n *= 2;
	}
}

/* The absolute, canonical name of FILE (relative to DIR, or to the
   current directory when DIR is NULL): its real path if it exists, else
   the path normalised as text.  Interned: the same string every time. */
struct table resolved;

const char *resolve(const char *dir, const char *file)
{
	char *key = xasprintf("%s" SEP "%s", dir ? dir : "", file);
	struct entry *e = lookup_str(&resolved, key);

	free(key);
	if (!e->value) {
		char *joined = file[0] == '/' ? xstrdup(file)
			       : xasprintf("%s/%s", dir ? dir : cwd, file);
		char *real = realpath(joined, NULL);
		e->value = real ? real : path_normalize(joined);
		free(joined);
	}
	return e->value;
}

/* PATH relative to --root, or NULL when it is outside. */
const char *relative_to_root(const char *path)
{
	if (!strcmp(root, "/"))
		return path[1] ? path + 1 : ".";
	if (strncmp(path, root, rootlen) != 0)
		return NULL;
	if (path[rootlen] == 0)
		return ".";
	if (path[rootlen] != '/')
		return NULL;
	return path + rootlen + 1;
}

/* How a path is shown: relative to --root when under it, else absolute. */
const char *shown(const char *path)
{
	const char *rel = relative_to_root(path);
	return rel ? rel : path;
}

/* PATH percent-encoded for a URI: everything but unreserved characters,
   sub-delimiters, '@' and '/' ("a b:c.c" -> "a%20b%3Ac.c"). */
char *uri_encode(const char *path)
{
	char *out = xmalloc(3 * strlen(path) + 1), *q = out;

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~!$&'()*+,;=@/", *p))
			*q++ = (char)*p;
		else
			q += sprintf(q, "%%%02X", *p);
	}
	*q = 0;
	return out;
}

char *file_uri(const char *abs)
{
	char *enc = uri_encode(abs);
	char *u = xasprintf("file://%s", enc);
	free(enc);
	return u;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The path of a file:// URI, decoded; NULL if URI is not one. */
char *uri_path(const char *uri)
{
	const char *p;
	char *out, *q;

	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	p = uri + 7;
	if (*p != '/') { /* file://host/path: only localhost */
		if (strncmp(p, "localhost/", 10) != 0)
			return NULL;
		p += 9;
	}
	out = q = xmalloc(strlen(p) + 1);
	for (; *p; p++) {
		if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			*q++ = (char)(hexval(p[1]) * 16 + hexval(p[2]));
			p += 2;
		} else {
			*q++ = *p;
		}
	}
	*q = 0;
	return out;
}

