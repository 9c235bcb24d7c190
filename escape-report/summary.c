#include "escape-report.h"

/* ------------------------------------------------------------------ */
/* Summary                                                             */

struct count {
	const char *key;
	long n, m, k; /* meanings per table */
	unsigned long long args; /* unknown callees: argument numbers seen */
	int maxarg;
};

static int cmp_count(const void *a, const void *b)
{
	const struct count *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if (x->m != y->m)
		return x->m > y->m ? -1 : 1;
	if (x->k != y->k)
		return x->k > y->k ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* A table of counts by key. */
struct counts {
	struct table index;
	struct count *c;
	size_t n, cap;
};

static struct count *counted(struct counts *t, const char *key)
{
	struct entry *e = lookup_str(&t->index, key);
	if (!e->value) {
		struct count c;
		memset(&c, 0, sizeof c);
		c.key = e->key;
		PUSH(t->c, t->n, t->cap, c);
		e->value = (void *)(uintptr_t)t->n; /* index + 1 */
	}
	return &t->c[(uintptr_t)e->value - 1];
}

size_t top_n = 10;

static size_t shown_rows(size_t n)
{
	return top_n && top_n < n ? top_n : n;
}


void summary(void)
{
	long locals = 0, escaping = 0, sites = 0, params = 0, leak_heap = 0;
	long leak_content = 0, leak_result = 0, allocs = 0, allocs_esc = 0;
	long warnings = 0, suppressed = 0, gave_up = 0, flows = 0, indirect = 0;
	struct counts by_file, by_func, by_kind, by_sink, unknown, by_rule;
	struct table sources;
	size_t nsources = 0;

	memset(&by_file, 0, sizeof by_file);
	memset(&by_func, 0, sizeof by_func);
	memset(&by_kind, 0, sizeof by_kind);
	memset(&by_sink, 0, sizeof by_sink);
	memset(&unknown, 0, sizeof unknown);
	memset(&by_rule, 0, sizeof by_rule);
	memset(&sources, 0, sizeof sources);

	for (size_t i = 0; i < nreports; i++) {
		struct entry *e = lookup_str(&sources, reports[i].source ? reports[i].source : reports[i].path);
		if (!e->value) {
			e->value = &sources;
			nsources++;
		}
	}
	for (size_t i = 0; i < nfuncs; i++) {
		const struct func *F = &funcs[i];
		char *key;
		struct count *c;
		locals += F->nlocals;
		escaping += F->nescaping;
		sites += F->nsites;
		params += F->nparams;
		leak_heap += F->nleak_heap;
		leak_result += F->nleak_result;
		allocs += F->nallocs;
		allocs_esc += F->nallocs_escaping;
		warnings += F->nwarnings;
		suppressed += F->nsuppressed;
		gave_up += F->gave_up != NULL;
		c = counted(&by_file, shown(F->file));
		c->n += F->nescaping;
		c->m += F->nleak_heap;
		c->k += F->nwarnings;
		key = xasprintf("%s:%d: %s", shown(F->file), F->line, F->name);
		c = counted(&by_func, key);
		free(key);
		c->n += F->nescaping;
		c->m += F->nleak_heap;
		c->k += F->nwarnings;
	}
	for (size_t i = 0; i < nfindings; i++) {
		const struct finding *x = &findings[i];
		if (x->kind == K_LEAK && x->derefs > 0)
			leak_content++;
		if (x->kind == K_WARNING) {
			if (!x->suppressed)
				counted(&by_rule, x->rule)->n++;
			continue;
		}
		if (x->kind == K_RESULT || x->kind == K_ALLOC || !x->flow.n)
			continue;
		/* an escaping flow: a site of a stack object, a heap leak */
		const struct step *last = &x->flow.steps[x->flow.n - 1];
		char *sink = step_text(last);
		flows++;
		counted(&by_kind, last->kind)->n++;
		counted(&by_sink, sink)->n++;
		free(sink);
		for (int s = 0; s < x->flow.n; s++) {
			const struct step *st = &x->flow.steps[s];
			if (!strcmp(st->kind, "argument of indirect call")) {
				indirect++;
				break;
			}
			/* a function the build defines is no unknown (the
			   link step resolved it) */
			if (!strcmp(st->kind, "argument of unknown function") && st->what &&
			    !link_defined_in(st->what, x->func)) {
				struct count *c = counted(&unknown, st->what);
				c->n++;
				if (st->arg >= 1 && st->arg <= 64)
					c->args |= 1ULL << (st->arg - 1);
				if (st->arg > c->maxarg)
					c->maxarg = st->arg;
				break;
			}
		}
	}

	fprintf(out, "escape: %zu report%s (translation units), %zu source file%s, "
		"%zu function%s", nreports, nreports == 1 ? "" : "s", nsources,
		nsources == 1 ? "" : "s", nfuncs, nfuncs == 1 ? "" : "s");
	if (gave_up)
		fprintf(out, " (%ld not analysed)", gave_up);
	fprintf(out, "\n\n");
	fprintf(out, "  stack objects whose address is taken  %6ld\n", locals);
	fprintf(out, "    escaping to the heap                %6ld   (at %ld site%s)\n",
		escaping, sites, sites == 1 ? "" : "s");
	fprintf(out, "  pointer parameters                    %6ld\n", params);
	fprintf(out, "    leaking to the heap                 %6ld   (leaking param: %ld, "
		"leaking param content: %ld)\n", leak_heap, leak_heap - leak_content,
		leak_content);
	fprintf(out, "    leaking to the result               %6ld\n", leak_result);
	fprintf(out, "  heap allocations                      %6ld\n", allocs);
	fprintf(out, "    escaping                            %6ld\n", allocs_esc);
	fprintf(out, "    not escaping                        %6ld   (could live on the stack)\n",
		allocs - allocs_esc);
	fprintf(out, "  dangling warnings                     %6ld\n", warnings);
	qsort(by_rule.c, by_rule.n, sizeof *by_rule.c, cmp_count);
	for (size_t i = 0; i < by_rule.n; i++)
		fprintf(out, "    %-36s%6ld\n", by_rule.c[i].key, by_rule.c[i].n);
	fprintf(out, "  suppressed (escape:ignore)            %6ld\n", suppressed);

	qsort(by_file.c, by_file.n, sizeof *by_file.c, cmp_count);
	fprintf(out, "\nEscapes per file (top %zu of %zu):\n", shown_rows(by_file.n), by_file.n);
	fprintf(out, "  %7s %7s %8s  %s\n", "escapes", "leaks", "warnings", "file");
	for (size_t i = 0; i < shown_rows(by_file.n); i++)
		fprintf(out, "  %7ld %7ld %8ld  %s\n", by_file.c[i].n, by_file.c[i].m,
			by_file.c[i].k, by_file.c[i].key);

	qsort(by_func.c, by_func.n, sizeof *by_func.c, cmp_count);
	fprintf(out, "\nEscapes per function (top %zu of %zu):\n", shown_rows(by_func.n), by_func.n);
	fprintf(out, "  %7s %7s %8s  %s\n", "escapes", "leaks", "warnings", "function");
	for (size_t i = 0; i < shown_rows(by_func.n); i++)
		fprintf(out, "  %7ld %7ld %8ld  %s\n", by_func.c[i].n, by_func.c[i].m,
			by_func.c[i].k, by_func.c[i].key);

	qsort(by_kind.c, by_kind.n, sizeof *by_kind.c, cmp_count);
	fprintf(out, "\nWhy things escape (the last step of each of the %ld escaping flows):\n", flows);
	for (size_t i = 0; i < shown_rows(by_kind.n); i++)
		fprintf(out, "  %7ld  %s\n", by_kind.c[i].n, by_kind.c[i].key);

	qsort(by_sink.c, by_sink.n, sizeof *by_sink.c, cmp_count);
	fprintf(out, "\nCommonest sinks (top %zu of %zu):\n", shown_rows(by_sink.n), by_sink.n);
	for (size_t i = 0; i < shown_rows(by_sink.n); i++)
		fprintf(out, "  %7ld  %s\n", by_sink.c[i].n, by_sink.c[i].key);

	qsort(unknown.c, unknown.n, sizeof *unknown.c, cmp_count);
	fprintf(out, "\nUnknown callees (no body, no rule) that make things escape "
		"(top %zu of %zu):\n", shown_rows(unknown.n), unknown.n);
	if (!unknown.n)
		fprintf(out, "  none\n");
	if (unknown.n) {
		fprintf(out, "  %7s  %-24s %s\n", "escapes", "callee", "arguments");
		for (size_t i = 0; i < shown_rows(unknown.n); i++) {
			const struct count *c = &unknown.c[i];
			char args[256] = "";
			size_t len = 0;
			for (int a = 1; a <= 64 && len < sizeof args - 8; a++)
				if (c->args & (1ULL << (a - 1)))
					len += (size_t)snprintf(args + len, sizeof args - len,
								"%s%d", len ? ", " : "", a);
			fprintf(out, "  %7ld  %-24s %s\n", c->n, c->key, args);
		}
		fprintf(out, "\n  A rule tells escape what such a function does with each argument\n"
			"  (rules/README.md).  Write one per function, one effect per declared\n"
			"  parameter: \"read\" if it only uses the pointer during the call, \"keep\"\n"
			"  if it stores it, \"none\" for a non-pointer; e.g. in my-rules.json:\n\n"
			"    {\"escape-rules\": 1, \"functions\": {\n");
		for (size_t i = 0; i < shown_rows(unknown.n) && i < 5; i++) {
			const struct count *c = &unknown.c[i];
			fprintf(out, "      \"%s\": {\"params\": [", c->key);
			for (int a = 1; a <= c->maxarg && a <= 64; a++)
				fprintf(out, "%s\"?\"", a > 1 ? ", " : "");
			fprintf(out, "]}%s\n", i + 1 < shown_rows(unknown.n) && i + 1 < 5 ? "," : "");
		}
		fprintf(out, "    }}\n\n"
			"  (each \"?\" to be replaced; the list needs as many effects as the\n"
			"  function has parameters), then build with\n"
			"  -fplugin-arg-escape-rules=my-rules.json\n");
	}
	if (indirect)
		fprintf(out, "\nIndirect calls: %ld escaping flow%s through a function pointer; no\n"
			"rule can say what it does, ESCAPE_NOESCAPE on the parameters of the\n"
			"pointer's type can (README.md, \"The noescape attribute\").\n",
			indirect, indirect == 1 ? " goes" : "s go");
	if (nlink_twice) {
		fprintf(out, "\nDefined twice in the build (calls to them were not linked):\n");
		for (size_t i = 0; i < nlink_twice; i++)
			fprintf(out, "  %s\n", link_twice[i]);
	}
	if (gave_up) {
		fprintf(out, "\nNot analysed (everything in them counts as escaping):\n");
		for (size_t i = 0; i < nfuncs; i++)
			if (funcs[i].gave_up)
				fprintf(out, "  %s:%d: %s: %s\n", shown(funcs[i].file), funcs[i].line,
					funcs[i].name, funcs[i].gave_up);
	}
}

