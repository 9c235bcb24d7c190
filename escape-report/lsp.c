#include "escape-report.h"

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

/* The same URI for the same file, whatever the directory it was
   compiled from: normalised, then encoded again. */
static json_t *normal_uri(json_t *u)
{
	char *path = json_is_string(u) ? uri_path(json_string_value(u)) : NULL;
	char *canonical;
	json_t *j;

	if (!path)
		return json_is_string(u) ? text(json_string_value(u)) : text("");
	canonical = file_uri(resolve(NULL, path));
	j = text(canonical);
	free(canonical);
	free(path);
	return j;
}

struct group {
	const char *uri;
	json_t *diags;
};

static int cmp_group(const void *a, const void *b)
{
	return strcmp(((const struct group *)a)->uri, ((const struct group *)b)->uri);
}

static json_int_t pos_of(json_t *d, const char *what)
{
	return json_integer_value(json_object_get(json_object_get(json_object_get(d, "range"),
								  "start"), what));
}

static int cmp_diag(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_int_t lx = pos_of(x, "line"), ly = pos_of(y, "line");
	json_int_t cx = pos_of(x, "character"), cy = pos_of(y, "character");
	if (lx != ly)
		return lx < ly ? -1 : 1;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	json_int_t sx = json_integer_value(json_object_get(x, "severity"));
	json_int_t sy = json_integer_value(json_object_get(y, "severity"));
	if (sx != sy)
		return sx < sy ? -1 : 1;
	const char *mx = json_string_value(json_object_get(x, "message"));
	const char *my = json_string_value(json_object_get(y, "message"));
	return strcmp(mx ? mx : "", my ? my : "");
}

/* The key of a dropped finding (link.c) a diagnostic stands for. */
static int dropped_diag(json_t *u, json_t *d)
{
	char *path = uri_path(json_string_value(u));
	const char *msg = json_string_value(json_object_get(d, "message"));
	if (!path || !msg) {
		free(path);
		return 0;
	}
	char *key = xasprintf("%s" SEP "%d" SEP "%d" SEP "%s", path,
			      (int)pos_of(d, "line") + 1, (int)pos_of(d, "character") + 1, msg);
	int yes = link_dropped_key(key);
	free(key);
	free(path);
	return yes;
}

/* A warning the link step found, as the plugin would have given it. */
static json_t *linked_diag(const struct finding *x)
{
	json_t *d = must(json_object()), *rel = must(json_array());
	json_t *range = must(json_object()), *start = must(json_object());
	int line = x->line > 0 ? x->line - 1 : 0, ch = x->col > 0 ? x->col - 1 : 0;
	char *u = file_uri(x->file);
	set(d, "uri", text(u));
	free(u);
	set(start, "line", json_integer(line));
	set(start, "character", json_integer(ch));
	set(range, "start", start);
	set(range, "end", json_deep_copy(start));
	set(d, "range", range);
	set(d, "severity", json_integer(2));
	set(d, "code", text("dangling"));
	set(d, "source", text("escape"));
	set(d, "message", text(x->message));
	for (int i = 0; i < x->flow.n; i++) {
		const struct step *st = &x->flow.steps[i];
		json_t *info = must(json_object()), *loc = must(json_object());
		json_t *r = must(json_object()), *s = must(json_object());
		char *su = file_uri(st->file), *t = step_text(st);
		set(loc, "uri", text(su));
		set(s, "line", json_integer(st->line > 0 ? st->line - 1 : 0));
		set(s, "character", json_integer(st->col > 0 ? st->col - 1 : 0));
		set(r, "start", s);
		set(r, "end", json_deep_copy(s));
		set(loc, "range", r);
		set(info, "location", loc);
		set(info, "message", text(t));
		add(rel, info);
		free(su);
		free(t);
	}
	set(d, "relatedInformation", rel);
	return d;
}

void diagnostics(void)
{
	struct table groups, dups;
	struct group *g = NULL;
	size_t ng = 0, gcap = 0;
	json_t *outv = must(json_array());

	memset(&groups, 0, sizeof groups);
	memset(&dups, 0, sizeof dups);
	json_t *linked = must(json_array());
	for (size_t i = 0; i < nfindings; i++)
		if (findings[i].kind == K_WARNING && findings[i].pending_callee &&
		    !findings[i].suppressed)
			add(linked, linked_diag(&findings[i]));
	for (size_t i = 0; i <= nreports; i++) {
		const struct report *r = i < nreports ? &reports[i] : NULL;
		json_t *diags = r ? json_object_get(r->doc, "diagnostics") : linked;
		for (size_t k = 0; json_is_array(diags) && k < json_array_size(diags); k++) {
			json_t *d = json_array_get(diags, k), *copy, *u, *rel;
			char *key, *dumped;
			struct entry *e;
			if (!json_is_object(d) || !json_is_string(json_object_get(d, "uri"))) {
				snprintf(where, sizeof where, "diagnostics[%zu]", k);
				bad(r, "no \"uri\"");
			}
			u = normal_uri(json_object_get(d, "uri"));
			if (r && dropped_diag(u, d)) {
				json_decref(u);
				continue;
			}
			copy = must(json_deep_copy(d));
			json_object_del(copy, "uri");
			rel = json_object_get(copy, "relatedInformation");
			for (size_t j = 0; json_is_array(rel) && j < json_array_size(rel); j++) {
				json_t *loc = json_object_get(json_array_get(rel, j), "location");
				if (json_is_object(loc) && json_object_get(loc, "uri"))
					set(loc, "uri", normal_uri(json_object_get(loc, "uri")));
			}
			dumped = json_dumps(copy, JSON_COMPACT | JSON_SORT_KEYS);
			if (!dumped)
				die("out of memory");
			key = xasprintf("%s" SEP "%s", json_string_value(u), dumped);
			free(dumped);
			e = lookup_str(&dups, key);
			free(key);
			if (e->value) { /* the same diagnostic from another report */
				json_decref(copy);
				json_decref(u);
				continue;
			}
			e->value = &dups;
			e = lookup_str(&groups, json_string_value(u));
			if (!e->value) {
				struct group ng1 = { e->key, must(json_array()) };
				PUSH(g, ng, gcap, ng1);
				e->value = (void *)(uintptr_t)ng;
			}
			add(g[(uintptr_t)e->value - 1].diags, copy);
			json_decref(u);
		}
	}
	json_decref(linked);
	qsort(g, ng, sizeof *g, cmp_group);
	for (size_t i = 0; i < ng; i++) {
		json_t *o = must(json_object()), *sorted = must(json_array());
		size_t nd = json_array_size(g[i].diags);
		json_t **d = xmalloc(nd * sizeof *d);
		for (size_t k = 0; k < nd; k++)
			d[k] = json_array_get(g[i].diags, k);
		qsort(d, nd, sizeof *d, cmp_diag);
		for (size_t k = 0; k < nd; k++)
			add(sorted, json_incref(d[k]));
		free(d);
		json_decref(g[i].diags);
		set(o, "uri", text(g[i].uri));
		set(o, "diagnostics", sorted);
		add(outv, o);
	}
	free(g);
	dump_json(outv);
	json_decref(outv);
}

