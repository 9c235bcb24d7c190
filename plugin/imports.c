/*
 * imports.c - what the verdicts of a unit rest on that another unit
 * decides: Go's export data, the other way round.
 *
 * A call of a function with no body in this unit and no rule is taken to
 * keep every argument ("no body, no rule": the edge into the heap made by
 * call.cc's unknown_hole, a step ESC_STEP_ARG_UNKNOWN naming the callee).
 * Within a build such a callee is most often a function of another file,
 * whose summary the link step (escape-report) knows.  So that the link
 * step can re-derive what rested on it, the unit says, for a solved graph:
 *
 *   - what holds without any such edge (the local verdicts): a walk from
 *     the same roots as solve.c's heap walks that does not cross them,
 *     for escapes (local_escapes), for the parameters' leaks to the heap
 *     as the report gives them (local_heap), and as summaries give them
 *     (local_own: not by way of the caller's memory; local_sure: nor by
 *     assumed sinks);
 *   - per call site and argument of such a callee (an import), the
 *     parameters and objects that reach it, with their derefs: a walk
 *     from the argument, not clamped at address-of edges (an object
 *     reached with d < 0 derefs escapes if the callee's parameter leaks
 *     with fewer than -d derefs).  Not clamping counts a path like
 *     "arg = &a; a = *b; b = &x" as taking x's address, which the
 *     clamped walk would not: the link step may find an escape that is
 *     not there, never miss one;
 *   - and, for objects, whether their very address reaches it by
 *     solve.c's clamped walk (addr): the precise case a dangling warning
 *     may rest on (the unclamped count is for escapes);
 *   - with each import, where the call's value goes: with how many
 *     derefs it reaches the function's own result and the heap (as the
 *     unit sees it), for callees that return an argument (skip_ws(buf)
 *     returning a pointer into buf).
 *
 * The link step then gives a parameter the leak min(local, derefs + the
 * callee's leak) over its imports, an object an escape if local or if
 * derefs + the callee's leak < 0, to a fixed point over the build
 * (escape-report/link.c).
 *
 * Cost: one walk per import, each over the part of the graph it reaches.
 * Past a budget (as solve.c's), the unit exports no imports and its local
 * verdicts are its verdicts: the link step cannot improve them, which is
 * safe.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#define IMP_BUDGET_MIN 2000000L
#define IMP_BUDGET_PER 32L
#define IMP_MAX 200000 /* import records per graph */

enum { SKIP_IMPORT = 1, SKIP_PTEE = 2, SKIP_ASSUMED = 4 };

/* An edge of "no body, no rule" for a callee known by name, or of a
   same-unit callee's summary whose leak rests on one (esc_step.imported). */
static int is_import(const struct esc_edge *e)
{
	return e->dst == ESC_HEAP && e->why.what && e->why.arg >= 1 &&
	       (e->why.kind == ESC_STEP_ARG_UNKNOWN ||
		(e->why.kind == ESC_STEP_ARG_SUMMARY && e->why.imported));
}

/* The derefs with which the argument reaches an import edge: a summary's
   edge also adds the callee's leak, which the link step adds again. */
static int arg_derefs(const struct esc_edge *e)
{
	return e->why.imported ? e->derefs - (e->why.imported - 1) : e->derefs;
}

struct iwalk {
	const unsigned char *ef; /* per edge: the SKIP_* that leave it out */
	int *dist, *queue, *touched;
	char *queued;
	int n, qhead, qlen, ntouched;
	long work;
};

static void iw_init(struct iwalk *w, int n)
{
	memset(w, 0, sizeof *w);
	w->n = n;
	w->dist = esc_xmalloc((size_t)n * sizeof *w->dist);
	w->queue = esc_xmalloc((size_t)n * sizeof *w->queue);
	w->touched = esc_xmalloc((size_t)n * sizeof *w->touched);
	w->queued = esc_xcalloc(n, 1);
	for (int i = 0; i < n; i++)
		w->dist[i] = ESC_INF;
}

static void iw_free(struct iwalk *w)
{
	free(w->dist);
	free(w->queue);
	free(w->touched);
	free(w->queued);
}

static void iw_reset(struct iwalk *w)
{
	for (int i = 0; i < w->ntouched; i++)
		w->dist[w->touched[i]] = ESC_INF;
	w->ntouched = 0;
}

static void iw_set(struct iwalk *w, int l, int d)
{
	if (w->dist[l] == ESC_INF)
		w->touched[w->ntouched++] = l;
	w->dist[l] = d;
	if (!w->queued[l]) {
		w->queued[l] = 1;
		w->queue[(w->qhead + w->qlen) % w->n] = l;
		w->qlen++;
	}
}

static void iw_source(struct iwalk *w, int l, int d)
{
	if (d < w->dist[l])
		iw_set(w, l, d);
}

/* Runs w to its end, backwards over the edges.  clamp: solve.c's walk
   (an address reached is recorded as -1, and the walk goes on from it
   with 0); else derefs add up, down to floor. */
static void iw_run(const struct esc_graph *g, struct iwalk *w, int skip,
		   int clamp)
{
	const int floor = clamp ? -1 : -ESC_MAX_DEREFS - 1;
	while (w->qlen) {
		int l = w->queue[w->qhead];
		w->qhead = (w->qhead + 1) % w->n;
		w->qlen--;
		w->queued[l] = 0;
		int dl = w->dist[l];
		if (clamp && dl < 0)
			dl = 0;
		for (int ei = g->locs[l].in_head; ei >= 0;
		     ei = g->edges[ei].next_in) {
			const struct esc_edge *e = &g->edges[ei];
			w->work++;
			if (w->ef[ei] & skip)
				continue;
			int d = dl + e->derefs;
			if (d < floor)
				d = floor;
			if (d > ESC_MAX_DEREFS)
				d = ESC_MAX_DEREFS;
			if (d < w->dist[e->src])
				iw_set(w, e->src, d);
		}
	}
}

/* The local walks start where solve.c's heap walks do: the heap, the
   objects a result walk found escaping, everything of a function that
   was not analysed (own: but fresh allocations). */
static void local_sources(const struct esc_graph *g, struct iwalk *w, int own)
{
	iw_source(w, ESC_HEAP, 0);
	for (int l = 0; l < g->nlocs; l++) {
		const struct esc_location *loc = &g->locs[l];
		int unanalysed = loc->func >= 0 && g->funcs[loc->func].gave_up;
		if (esc_is_object(g, l) &&
		    ((loc->by_result && !(own && loc->fresh)) || unanalysed))
			iw_source(w, l, -1);
	}
}

static int as_leak(int d)
{
	return d == ESC_INF ? -1 : d < 0 ? 0 : d;
}

struct site {
	const void *origin;
	const char *callee;
	int arg, sure;
	struct esc_pos pos;
	int first; /* its first edge's index in the sorted list */
};

static int cmp_edge_site(const void *a, const void *b, const struct esc_graph *g)
{
	const struct esc_edge *x = &g->edges[*(const int *)a];
	const struct esc_edge *y = &g->edges[*(const int *)b];
	if (x->why.origin != y->why.origin)
		return (uintptr_t)x->why.origin < (uintptr_t)y->why.origin ? -1 : 1;
	if (x->why.arg != y->why.arg)
		return x->why.arg < y->why.arg ? -1 : 1;
	int c = strcmp(x->why.what, y->why.what);
	if (c)
		return c;
	return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

static const struct esc_graph *sort_graph;
static int cmp_edge_site_q(const void *a, const void *b)
{
	return cmp_edge_site(a, b, sort_graph);
}

/* The value of a call (by its statement): what the unknown location
   flows into there, or -1. */
struct value {
	const void *origin;
	int loc;
};

static int cmp_value(const void *a, const void *b)
{
	const struct value *x = a, *y = b;
	if (x->origin != y->origin)
		return (uintptr_t)x->origin < (uintptr_t)y->origin ? -1 : 1;
	return (x->loc > y->loc) - (x->loc < y->loc);
}

static void add_import(struct esc_graph *g, int loc, const struct esc_edge *e,
		       int derefs, int vres, int vheap)
{
	ESC_GROW(g->imports, g->cap_imports, g->nimports + 1);
	struct esc_imp *r = &g->imports[g->nimports++];
	memset(r, 0, sizeof *r);
	r->loc = loc;
	r->imp.callee = e->why.what;
	r->imp.arg = e->why.arg - 1;
	r->imp.derefs = derefs;
	r->imp.value_result = vres;
	r->imp.value_heap = vheap;
	r->imp.sure = !e->why.assumed;
	r->imp.pos = e->why.pos;
	r->imp.origin = e->why.origin;
}

void esc_solve_imports(struct esc_graph *g)
{
	int n = g->nlocs;
	struct iwalk w;
	long budget = IMP_BUDGET_PER * ((long)g->nedges + n);
	if (budget < IMP_BUDGET_MIN)
		budget = IMP_BUDGET_MIN;

	g->nimports = 0;
	g->fimp_n = -1; /* esc_func_imports's index is made again */
	g->imports_solved = 1;
	for (int l = 0; l < n; l++) {
		struct esc_location *loc = &g->locs[l];
		loc->local_escapes = loc->escapes;
		loc->local_heap = loc->leak_heap;
		loc->local_own = loc->leak_own;
		loc->local_sure = loc->leak_sure;
		loc->local_content = 0;
	}
	if (g->over_budget)
		return;

	/* the import edges, by call site and argument */
	int *ie = NULL, nie = 0, cap = 0;
	for (int i = 0; i < g->nedges; i++)
		if (!g->edges[i].fwd && is_import(&g->edges[i])) {
			ESC_GROW(ie, cap, nie + 1);
			ie[nie++] = i;
		}
	if (!nie) {
		free(ie);
		return;
	}
	sort_graph = g;
	qsort(ie, nie, sizeof *ie, cmp_edge_site_q);

	/* the call values: what the unknown location flows into, by call */
	struct value *vals = NULL;
	int nv = 0, capv = 0;
	for (int i = 0; i < g->nedges; i++) {
		const struct esc_edge *e = &g->edges[i];
		if (e->src == ESC_UNKNOWN && e->why.origin && !e->fwd) {
			ESC_GROW(vals, capv, nv + 1);
			vals[nv].origin = e->why.origin;
			vals[nv++].loc = e->dst;
		}
	}
	if (nv)
		qsort(vals, nv, sizeof *vals, cmp_value);

	iw_init(&w, n);
	/* what each edge is, for the walks' skips: read once */
	unsigned char *ef = esc_xmalloc((size_t)g->nedges + 1);
	for (int i = 0; i < g->nedges; i++) {
		const struct esc_edge *e = &g->edges[i];
		ef[i] = (unsigned char)((is_import(e) ? SKIP_IMPORT : 0) |
					(g->locs[e->src].kind == ESC_LOC_PTEE
					 ? SKIP_PTEE : 0) |
					(e->why.assumed ? SKIP_ASSUMED : 0));
	}
	w.ef = ef;
	/* local verdicts */
	local_sources(g, &w, 0);
	iw_run(g, &w, SKIP_IMPORT, 1);
	for (int l = 0; l < n; l++) {
		struct esc_location *loc = &g->locs[l];
		if (esc_is_object(g, l))
			loc->local_escapes = w.dist[l] < 0;
		else if (loc->kind == ESC_LOC_PARAM)
			loc->local_heap = as_leak(w.dist[l]);
	}
	iw_reset(&w);
	local_sources(g, &w, 1);
	iw_run(g, &w, SKIP_IMPORT | SKIP_PTEE, 1);
	for (int l = 0; l < n; l++)
		if (g->locs[l].kind == ESC_LOC_PARAM)
			g->locs[l].local_own = as_leak(w.dist[l]);
	iw_reset(&w);
	local_sources(g, &w, 1);
	iw_run(g, &w, SKIP_IMPORT | SKIP_PTEE | SKIP_ASSUMED, 1);
	for (int l = 0; l < n; l++)
		if (g->locs[l].kind == ESC_LOC_PARAM)
			g->locs[l].local_sure = as_leak(w.dist[l]);
		else if (esc_is_object(g, l))
			g->locs[l].local_content = as_leak(w.dist[l]);
	/* a function not analysed keeps what it has, whatever the callees */
	for (int l = 0; l < n; l++) {
		struct esc_location *loc = &g->locs[l];
		if (loc->func >= 0 && g->funcs[loc->func].gave_up) {
			loc->local_escapes = loc->escapes;
			loc->local_heap = loc->leak_heap;
			loc->local_own = loc->leak_own;
			loc->local_sure = loc->leak_sure;
			loc->local_content = 0;
		}
	}

	/* one walk per call site and argument */
	int over = 0;
	for (int a = 0; a < nie && !over;) {
		int b = a + 1;
		const struct esc_edge *first = &g->edges[ie[a]];
		while (b < nie && g->edges[ie[b]].why.origin == first->why.origin &&
		       g->edges[ie[b]].why.arg == first->why.arg &&
		       !strcmp(g->edges[ie[b]].why.what, first->why.what))
			b++;
		iw_reset(&w);
		for (int k = a; k < b; k++) {
			const struct esc_edge *e = &g->edges[ie[k]];
			int d = arg_derefs(e) < -ESC_MAX_DEREFS - 1 ? -ESC_MAX_DEREFS - 1
								    : arg_derefs(e);
			iw_source(&w, e->src, d);
		}
		int first_rec = g->nimports;
		iw_run(g, &w, SKIP_PTEE, 0);
		/* where the call's value goes */
		int vres = -1, vheap = -1;
		struct value key = { first->why.origin, -1 };
		int lo = 0, hi = nv;
		while (lo < hi) {
			int m = lo + (hi - lo) / 2;
			if (cmp_value(&vals[m], &key) < 0)
				lo = m + 1;
			else
				hi = m;
		}
		for (; lo < nv && vals[lo].origin == first->why.origin; lo++) {
			const struct esc_location *v = &g->locs[vals[lo].loc];
			if (v->result_derefs != ESC_INF && v->result_func == v->func &&
			    (vres < 0 || v->result_derefs < vres))
				vres = v->result_derefs;
			if (v->heap_derefs != ESC_INF &&
			    (vheap < 0 || v->heap_derefs < vheap))
				vheap = v->heap_derefs;
		}
		for (int t = 0; t < w.ntouched; t++) {
			int l = w.touched[t];
			const struct esc_location *loc = &g->locs[l];
			int d = w.dist[l];
			if (loc->func < 0 || g->funcs[loc->func].gave_up)
				continue;
			if ((loc->kind == ESC_LOC_PARAM &&
			     (loc->param_index >= 0 || loc->param_index == ESC_VARARGS)) ||
			    (esc_is_object(g, l) && d < 0))
				add_import(g, l, first, d, vres, vheap);
		}
		/* which objects' very address reaches it, by solve.c's
		   clamped walk: what a dangling warning may rest on */
		iw_reset(&w);
		for (int k = a; k < b; k++) {
			const struct esc_edge *e = &g->edges[ie[k]];
			iw_source(&w, e->src, arg_derefs(e) < -1 ? -1 : arg_derefs(e));
		}
		iw_run(g, &w, SKIP_PTEE, 1);
		for (int k = first_rec; k < g->nimports; k++)
			g->imports[k].imp.addr = w.dist[g->imports[k].loc] < 0;
		if (w.work > budget || g->nimports > IMP_MAX)
			over = 1;
		a = b;
	}
	if (over) {
		g->nimports = 0;
		for (int l = 0; l < n; l++) {
			struct esc_location *loc = &g->locs[l];
			loc->local_escapes = loc->escapes;
			loc->local_heap = loc->leak_heap;
			loc->local_own = loc->leak_own;
			loc->local_sure = loc->leak_sure;
			loc->local_content = 0;
		}
	}
	iw_free(&w);
	free(ef);
	free(vals);
	free(ie);
}

int esc_local_escapes(const struct esc_graph *g, int loc)
{
	const struct esc_location *l = &g->locs[loc];
	return g->imports_solved ? l->local_escapes : l->escapes;
}

int esc_local_content(const struct esc_graph *g, int loc)
{
	return g->imports_solved ? g->locs[loc].local_content : 0;
}

int esc_local_leak(const struct esc_graph *g, int loc, int which)
{
	const struct esc_location *l = &g->locs[loc];
	if (!g->imports_solved)
		return which == 0 ? l->leak_heap : which == 1 ? l->leak_own
							       : l->leak_sure;
	return which == 0 ? l->local_heap : which == 1 ? l->local_own
						       : l->local_sure;
}
