#include "escape-report.h"

/* ------------------------------------------------------------------ */
/* Baseline                                                            */

struct table known; /* fingerprints of the baseline */
size_t nknown;

void load_baseline(const char *old)
{
	json_error_t err;
	json_t *doc, *runs;
	int escape_runs = 0;
	FILE *f = fopen(old, "rb");

	if (!f)
		die("%s: cannot read: %s", old, strerror(errno));
	doc = json_loadf(f, 0, &err);
	if (!doc) {
		if (ferror(f))
			die("%s: cannot read: %s", old, strerror(errno));
		fclose(f);
		die("%s:%d:%d: not valid JSON: %s", old, err.line, err.column, err.text);
	}
	fclose(f);
	runs = json_object_get(doc, "runs");
	if (!json_is_object(doc) || !json_is_string(json_object_get(doc, "version")) ||
	    strcmp(json_string_value(json_object_get(doc, "version")), "2.1.0") != 0 ||
	    !json_is_array(runs))
		die("%s: not a SARIF 2.1.0 log (no \"version\": \"2.1.0\" and \"runs\")", old);
	for (size_t i = 0; i < json_array_size(runs); i++) {
		json_t *run = json_array_get(runs, i);
		json_t *name = json_object_get(json_object_get(json_object_get(run, "tool"),
							       "driver"), "name");
		json_t *results = json_object_get(run, "results");
		if (!json_is_string(name) || strcmp(json_string_value(name), "escape") != 0)
			continue;
		escape_runs++;
		for (size_t k = 0; json_is_array(results) && k < json_array_size(results); k++) {
			json_t *res = json_array_get(results, k);
			json_t *fp = json_object_get(json_object_get(res, "partialFingerprints"), FP_KEY);
			json_t *sup = json_object_get(res, "suppressions");
			struct entry *e;
			if (!json_is_string(fp))
				continue;
			/* a suppressed result was accepted by its comment, not by the baseline */
			if (json_is_array(sup) && json_array_size(sup) > 0)
				continue;
			e = lookup_str(&known, json_string_value(fp));
			if (!e->value)
				nknown++;
			e->value = &known;
		}
	}
	json_decref(doc);
	if (!escape_runs)
		die("%s: not a baseline: no run of the tool \"escape\" (write it with " PROG
		    " --sarif)", old);
}

int baseline(const char *old)
{
	size_t n, nnew = 0, ncur = 0;
	const struct finding **v;

	v = selected(0, &n);
	for (size_t i = 0; i < n; i++) {
		const struct finding *x = v[i];
		if (x->suppressed)
			continue;
		ncur++;
		struct entry *e = lookup_str(&known, x->fp);
		if (e->value)
			continue;
		nnew++;
		if (x->col > 0)
			fprintf(out, "%s:%d:%d: %s\n", shown(x->file), x->line,
				char_column(x->file, x->line, x->col), x->message);
		else
			fprintf(out, "%s:%d: %s\n", shown(x->file), x->line, x->message);
	}
	free(v);
	if (nnew)
		fprintf(stderr, PROG ": %zu new dangling warning%s not in %s (%zu now, %zu in the baseline)\n",
			nnew, nnew == 1 ? "" : "s", old, ncur, nknown);
	else
		fprintf(stderr, PROG ": no new dangling warning: all %zu are in %s\n", ncur, old);
	return nnew ? 1 : 0;
}

