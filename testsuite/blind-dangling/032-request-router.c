/* router.c - maps request paths like /users/42/posts to handlers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARAMS 8

struct route {
	const char *pattern;	/* "/users/:id/posts" */
	const char *handler;
};

struct route_match {
	const char *handler;
	int nparams;
	char **params;
};

struct matcher {
	const char *path;
	size_t pos;
	int segments;
};

static const struct route g_routes[] = {
	{ "/", "index" },
	{ "/users/:id", "user_show" },
	{ "/users/:id/posts", "user_posts" },
	{ "/posts/:id/comments/:cid", "comment_show" },
};

static struct matcher *matcher_new(const char *path)
{
	struct matcher *m = malloc(sizeof *m);

	if (m) {
		m->path = path;
		m->pos = 0;
		m->segments = 0;
	}
	return m;
}

static void matcher_free(struct matcher *m)
{
	free(m);
}

/* Next "/segment" of the path into seg; 0 at the end. */
static int matcher_next(struct matcher *m, char *seg, size_t segsz)
{
	const char *p = m->path + m->pos;
	size_t n;

	if (*p != '/')
		return 0;
	p++;
	n = strcspn(p, "/");
	if (n >= segsz)
		n = segsz - 1;
	memcpy(seg, p, n);
	seg[n] = '\0';
	m->pos = (size_t)(p - m->path) + strcspn(p, "/");
	m->segments++;
	return 1;
}

static int normalise(const char *raw, char *out, size_t outsz)
{
	size_t i = 0;

	for (; *raw && *raw != '?' && i + 1 < outsz; raw++) {
		if (*raw == '/' && i > 0 && out[i - 1] == '/')
			continue;
		out[i++] = *raw;
	}
	if (i > 1 && out[i - 1] == '/')
		i--;
	out[i] = '\0';
	return *raw && *raw != '?' ? -1 : 0;
}

static int match_route(const struct route *r, const char *path, char **params,
		       int *nparams)
{
	struct matcher *pm = matcher_new(r->pattern), *m = matcher_new(path);
	char want[64], got[64];
	int ok = pm && m, a, b;

	*nparams = 0;
	while (ok) {
		a = matcher_next(pm, want, sizeof want);
		b = matcher_next(m, got, sizeof got);
		if (!a || !b) {
			ok = a == b;
			break;
		}
		if (want[0] == ':') {
			if (*nparams == MAX_PARAMS || !(params[(*nparams)++] = strdup(got)))
				ok = 0;
		} else if (strcmp(want, got) != 0) {
			ok = 0;
		}
	}
	matcher_free(pm);
	matcher_free(m);
	return ok;
}

struct route_match *route_lookup(const char *raw)
{
	char path[256];
	char *params[MAX_PARAMS];
	struct route_match *rm;
	size_t i;
	int n;

	if (normalise(raw, path, sizeof path) < 0)
		return NULL;
	for (i = 0; i < sizeof g_routes / sizeof g_routes[0]; i++) {
		if (!match_route(&g_routes[i], path, params, &n)) {
			while (n > 0)
				free(params[--n]);
			continue;
		}
		rm = malloc(sizeof *rm);
		if (!rm)
			return NULL;
		rm->handler = g_routes[i].handler;
		rm->nparams = n;
		rm->params = params;
		return rm;
	}
	return NULL;
}
