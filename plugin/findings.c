/*
 * findings.c - from a solved graph to what is reported: every pointer
 * parameter with its leaks, every stack object whose address is taken
 * with the sites where that address escapes, every heap allocation, and
 * for each escape or leak its explanation.
 *
 * An explanation follows the walk's own trail: each location remembers
 * the edge by which the walk reached it (heap_via, result_via, and
 * sure_via when the heap is reached by steps that are not assumed, which
 * an escape to the heap is explained by whenever there is one), so the
 * steps from an address-of to its sink are read off in order, shortest
 * path first.  A location the heap walk started from (an object found
 * escaping by a result walk) continues on its result trail.  The trail is
 * cut, and marked so, at ESC_FLOW_MAX steps (ESC_FUNC_STEPS in all the
 * flows of a function) or if it would revisit a
 * location.
 */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ESC_FLOW_MAX 32

/* The safety valve for explanations: steps per function, over all its
   flows.  A function of 30,000 pointers to pointers would otherwise be
   explained in 30,000 x 64 steps (a report of gigabytes); past this many,
   each flow is cut after its first steps, and says so.  (The most any
   function of sqlite3.c needs is 64.) */
#define ESC_FUNC_STEPS 10000
static long steps_left; /* of the function being reported */

/* Names worth showing in a step: a user's variable, not a temporary. */
static const char *loc_label(const struct esc_location *l)
{
	if (!l->name || l->name[0] == '{' || l->name[0] == '_' ||
	    strchr(l->name, '.'))
		return NULL;
	return l->name;
}

static void flow_add(struct esc_flow *f, int *cap, struct esc_step s)
{
	/* "assign a" after "assign a" (another SSA version of a, a PHI of
	   a loop) says nothing new */
	if (f->nsteps && s.kind != ESC_STEP_ADDR) {
		const struct esc_step *p = &f->steps[f->nsteps - 1];
		if (p->kind == s.kind && p->what == s.what && p->arg == s.arg)
			return;
	}
	ESC_GROW(f->steps, *cap, f->nsteps + 1);
	f->steps[f->nsteps++] = s;
}

/* Is a step worth showing?  Copies between unnamed temporaries say
   nothing a reader can use. */
static int worth_showing(const struct esc_step *s)
{
	return s->kind != ESC_STEP_ASSIGN || s->what;
}

/*
 * The steps from location `from' to a root.  addr, if not NULL, is the
 * address-of edge that brought the value to `from': the flow then starts
 * with "address-of x".  trail: TRAIL_HEAP, TRAIL_SURE (the heap trail of
 * the sure walk), or TRAIL_RESULT to start on the result trail.
 */
enum { TRAIL_HEAP, TRAIL_RESULT, TRAIL_SURE };

/* The edge by which the walk of that trail reached l, or -1. */
static int trail_via(const struct esc_location *loc, int trail)
{
	return trail == TRAIL_RESULT ? loc->result_via
	     : trail == TRAIL_SURE   ? loc->sure_via
				     : loc->heap_via;
}

static struct esc_flow explain(const struct esc_graph *g, int from,
			       const struct esc_edge *addr, int trail)
{
	int prefer_result = trail == TRAIL_RESULT;
	struct esc_flow f = { 0, NULL, 0 };
	int cap = 0, nseen = 0;
	int seen[ESC_FLOW_MAX + 1]; /* the trail so far: at most this long */
	int l = from;
	struct esc_step last = { ESC_STEP__COUNT, { 0 }, NULL, 0, NULL, 0 };

	if (addr) {
		struct esc_step s = addr->why;
		s.kind = ESC_STEP_ADDR;
		s.what = g->locs[addr->src].name;
		s.arg = 0;
		flow_add(&f, &cap, s);
		s = addr->why;
		if (!s.what)
			s.what = loc_label(&g->locs[addr->dst]);
		if (s.kind != ESC_STEP_ADDR && worth_showing(&s))
			flow_add(&f, &cap, s);
	}
	while (l >= 0) {
		const struct esc_location *loc = &g->locs[l];
		if (loc->kind == ESC_LOC_HEAP ||
		    (loc->kind == ESC_LOC_RESULT &&
		     (prefer_result || trail_via(loc, trail) < 0)))
			break;
		int again = 0;
		for (int i = 0; i < nseen; i++)
			again |= seen[i] == l;
		if (again || nseen >= ESC_FLOW_MAX || f.nsteps >= steps_left) {
			f.truncated = 1;
			break;
		}
		seen[nseen++] = l;
		int via = trail_via(loc, trail);
		if (via < 0)
			via = prefer_result ? loc->heap_via : loc->result_via;
		if (via < 0) {
			if (loc->func >= 0 && g->funcs[loc->func].gave_up) {
				struct esc_step s = { ESC_STEP_UNANALYSED,
						      g->funcs[loc->func].pos,
						      g->funcs[loc->func].gave_up, 0,
						      NULL, 0 };
				flow_add(&f, &cap, s);
			}
			break;
		}
		const struct esc_edge *e = &g->edges[via];
		struct esc_step s = e->why;
		if (e->derefs < 0) {
			/* the address of another object: say whose */
			s.kind = ESC_STEP_ADDR;
			s.what = g->locs[e->src].name;
			flow_add(&f, &cap, s);
			s = e->why;
		}
		if (!s.what)
			s.what = loc_label(&g->locs[e->dst]);
		if (s.kind != ESC_STEP_ADDR && worth_showing(&s))
			flow_add(&f, &cap, s);
		last = s;
		l = e->dst;
	}
	/* only unnamed copies: say at least the last of them */
	if (!f.nsteps && last.kind != ESC_STEP__COUNT)
		flow_add(&f, &cap, last);
	steps_left -= f.nsteps;
	return f;
}

static int cmp_pos(struct esc_pos a, struct esc_pos b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	if (a.col != b.col)
		return a.col < b.col ? -1 : 1;
	return 0;
}

static int cmp_site(const void *a, const void *b)
{
	const struct esc_site_report *x = a, *y = b;
	return cmp_pos(x->pos, y->pos);
}

static int cmp_param(const void *a, const void *b)
{
	const struct esc_param_report *x = a, *y = b;
	return (x->index > y->index) - (x->index < y->index);
}

static int cmp_local(const void *a, const void *b)
{
	const struct esc_local_report *x = a, *y = b;
	return cmp_pos(x->pos, y->pos);
}

static int cmp_alloc(const void *a, const void *b)
{
	const struct esc_alloc_report *x = a, *y = b;
	return cmp_pos(x->pos, y->pos);
}

/* Does the address taken by edge e reach a root?  Then *trail is the
   trail to explain it by: the heap's by steps that are not assumed, else
   a result's, else the heap's. */
static int site_escapes(const struct esc_graph *g, const struct esc_edge *e,
			int *trail)
{
	const struct esc_location *d = &g->locs[e->dst];
	if (e->derefs >= 0)
		return 0;
	if (d->kind == ESC_LOC_HEAP) {
		*trail = TRAIL_HEAP;
		return 1;
	}
	if (d->sure_derefs == 0) {
		*trail = TRAIL_SURE;
		return 1;
	}
	if (d->kind == ESC_LOC_RESULT || d->result_derefs == 0) {
		*trail = TRAIL_RESULT;
		return 1;
	}
	if (d->heap_derefs == 0) {
		*trail = TRAIL_HEAP;
		return 1;
	}
	return 0;
}

static void add_site(const struct esc_graph *g, struct esc_local_report *r,
		     int *cap, const struct esc_edge *e, int trail)
{
	ESC_GROW(r->sites, *cap, r->nsites + 1);
	struct esc_site_report *s = &r->sites[r->nsites++];
	s->pos = e->why.pos;
	s->flow = explain(g, e->dst, e, trail);
}

struct cand {
	int edge, trail, order, first;
	struct esc_pos pos;
};

/* By position, then by the order found (so the first found leads). */
static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = *(const struct cand *const *)a;
	const struct cand *y = *(const struct cand *const *)b;
	int c = cmp_pos(x->pos, y->pos);
	if (c)
		return c;
	if (x->pos.file != y->pos.file)
		return (uintptr_t)x->pos.file < (uintptr_t)y->pos.file ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

static void fill_local(const struct esc_graph *g, int l,
		       struct esc_local_report *r)
{
	const struct esc_location *loc = &g->locs[l];
	int cap = 0;

	memset(r, 0, sizeof *r);
	r->name = loc->name;
	r->kind = loc->obj;
	r->pos = loc->pos;
	r->escapes = loc->escapes;
	if (!loc->escapes)
		return;
	/* the sites: address-of edges out of l on an escaping flow, the
	   first of each position (found by sorting, not by comparing each
	   with all before it: an object can have thousands of sites) */
	struct cand *c = NULL;
	int nc = 0, capc = 0;
	for (int i = loc->addr_head; i >= 0; i = g->edges[i].next_addr) {
		int trail;
		if (site_escapes(g, &g->edges[i], &trail)) {
			ESC_GROW(c, capc, nc + 1);
			c[nc].edge = i;
			c[nc].trail = trail;
			c[nc].order = nc;
			c[nc].pos = g->edges[i].why.pos;
			c[nc].first = 1;
			nc++;
		}
	}
	if (nc > 1) {
		struct cand **by = esc_xmalloc((size_t)nc * sizeof *by);
		for (int i = 0; i < nc; i++)
			by[i] = &c[i];
		qsort(by, nc, sizeof *by, cmp_cand);
		for (int i = 1; i < nc; i++)
			if (!cmp_pos(by[i]->pos, by[i - 1]->pos) &&
			    by[i]->pos.file == by[i - 1]->pos.file)
				by[i]->first = 0;
		free(by);
	}
	for (int i = 0; i < nc; i++)
		if (c[i].first)
			add_site(g, r, &cap, &g->edges[c[i].edge], c[i].trail);
	free(c);
	if (r->nsites)
		qsort(r->sites, r->nsites, sizeof *r->sites, cmp_site);
}

static void fill_alloc(const struct esc_graph *g, int l,
		       struct esc_alloc_report *r)
{
	const struct esc_location *loc = &g->locs[l];

	memset(r, 0, sizeof *r);
	r->callee = loc->name;
	r->pos = loc->pos;
	r->escapes = loc->escapes;
	if (!loc->escapes)
		return;
	for (int i = loc->addr_head; i >= 0; i = g->edges[i].next_addr) {
		const struct esc_edge *e = &g->edges[i];
		int trail;
		if (site_escapes(g, e, &trail)) {
			r->flow = explain(g, e->dst, e, trail);
			return;
		}
	}
	r->flow = explain(g, l, NULL, TRAIL_HEAP);
}

struct esc_func_report *esc_report_func(const struct esc_graph *g, int func)
{
	steps_left = ESC_FUNC_STEPS;
	struct esc_func_report *r = esc_xcalloc(1, sizeof *r);
	int cap_p = 0, cap_l = 0, cap_a = 0;

	r->name = g->funcs[func].name;
	r->pos = g->funcs[func].pos;
	r->gave_up = g->funcs[func].gave_up;
	int nl;
	const int *ls = esc_func_locs(g, func, &nl); /* not all nlocs: linear */
	for (int k = 0; k < nl; k++) {
		int l = ls[k];
		const struct esc_location *loc = &g->locs[l];
		if (loc->func != func)
			continue;
		if (loc->kind == ESC_LOC_PARAM && loc->is_pointer &&
		    loc->param_index >= 0) {
			ESC_GROW(r->params, cap_p, r->nparams + 1);
			struct esc_param_report *p = &r->params[r->nparams++];
			memset(p, 0, sizeof *p);
			p->name = loc->name;
			p->index = loc->param_index;
			p->pos = loc->pos;
			p->leaks_to_heap = loc->leak_heap;
			p->leaks_to_result = loc->leak_result;
			if (p->leaks_to_heap >= 0)
				p->heap_flow = explain(g, l, NULL, TRAIL_HEAP);
			if (p->leaks_to_result >= 0)
				p->result_flow = explain(g, l, NULL, TRAIL_RESULT);
		} else if (loc->kind == ESC_LOC_STACK &&
			   (loc->addr_taken || loc->obj == ESC_OBJ_ALLOCA ||
			    loc->obj == ESC_OBJ_VLA)) {
			ESC_GROW(r->locals, cap_l, r->nlocals + 1);
			fill_local(g, l, &r->locals[r->nlocals++]);
		} else if (loc->kind == ESC_LOC_ALLOC) {
			ESC_GROW(r->allocs, cap_a, r->nallocs + 1);
			fill_alloc(g, l, &r->allocs[r->nallocs++]);
		}
	}
	if (r->nparams)
		qsort(r->params, r->nparams, sizeof *r->params, cmp_param);
	if (r->nlocals)
		qsort(r->locals, r->nlocals, sizeof *r->locals, cmp_local);
	if (r->nallocs)
		qsort(r->allocs, r->nallocs, sizeof *r->allocs, cmp_alloc);
	return r;
}

void esc_func_report_trim(struct esc_func_report *r)
{
	for (int i = 0; i < r->nparams; i++) {
		free(r->params[i].heap_flow.steps);
		free(r->params[i].result_flow.steps);
	}
	/* the locals whose sites a warning's flow points into stay */
	int kept = 0;
	for (int i = 0; i < r->nlocals; i++) {
		struct esc_local_report *l = &r->locals[i];
		int keep = 0;
		for (int w = 0; w < r->nwarnings && !keep; w++)
			for (int j = 0; j < l->nsites && !keep; j++)
				keep = r->warnings[w].flow == &l->sites[j].flow;
		if (keep) {
			r->locals[kept++] = *l;
			continue;
		}
		for (int j = 0; j < l->nsites; j++)
			free(l->sites[j].flow.steps);
		free(l->sites);
	}
	for (int i = 0; i < r->nallocs; i++)
		free(r->allocs[i].flow.steps);
	free(r->params);
	free(r->allocs);
	if (!kept) {
		free(r->locals);
		r->locals = NULL;
	}
	r->params = NULL;
	r->allocs = NULL;
	r->nparams = r->nallocs = 0;
	r->nlocals = kept;
}

void esc_func_report_free(struct esc_func_report *r)
{
	if (!r)
		return;
	esc_func_report_trim(r);
	for (int i = 0; i < r->nwarnings; i++)
		free((char *)r->warnings[i].message);
	free(r->warnings);
	free(r);
}

void esc_report_warning(struct esc_func_report *r, const struct esc_warning *w)
{
	r->warnings = esc_xrealloc(r->warnings,
				   (size_t)(r->nwarnings + 1) * sizeof *r->warnings);
	struct esc_warning *copy = &r->warnings[r->nwarnings++];
	*copy = *w;
	copy->message = esc_xstrdup(w->message);
}

/* A step in words, as the contract spells them: "address-of x",
   "store to global g", "argument 2 of registry_add (no body, no rule)",
   "thread argument of pthread_create", ... */
void esc_step_text(const struct esc_step *s, char *buf, size_t len)
{
	const char *w = s->what ? s->what : "?";
	char arg[32]; /* "argument 2", or a nested function's "static chain" */
	if (s->arg == ESC_ARG_CHAIN)
		snprintf(arg, sizeof arg, "static chain");
	else
		snprintf(arg, sizeof arg, "argument %d", s->arg);
	switch (s->kind) {
	case ESC_STEP_ARG:
		snprintf(buf, len, "%s of %s", arg, w);
		break;
	case ESC_STEP_ARG_SUMMARY:
		snprintf(buf, len, "%s of %s (kept by its body)", arg, w);
		break;
	case ESC_STEP_ARG_RULE:
		snprintf(buf, len, "%s of %s (kept by its rule)", arg, w);
		break;
	case ESC_STEP_ARG_UNKNOWN:
		snprintf(buf, len, "%s of %s (no body, no rule)", arg, w);
		break;
	case ESC_STEP_ARG_INDIRECT:
		snprintf(buf, len, "%s of indirect call", arg);
		break;
	case ESC_STEP_ARG_THREAD:
		snprintf(buf, len, "thread argument of %s", w);
		break;
	case ESC_STEP_CALL_RESULT:
		snprintf(buf, len, "returned by %s (%s)", w, arg);
		break;
	case ESC_STEP_ASM:
		snprintf(buf, len, "asm operand %d", s->arg);
		break;
	default:
		if (s->what)
			snprintf(buf, len, "%s %s", esc_step_name(s->kind), s->what);
		else
			snprintf(buf, len, "%s", esc_step_name(s->kind));
	}
}

int esc_param_messages(const struct esc_param_report *p, char msgs[2][256],
		       const struct esc_flow *flows[2])
{
	int h = p->leaks_to_heap, r = p->leaks_to_result, n = 0;
	const char *name = p->name ? p->name : "?";

	if (h >= 0) {
		snprintf(msgs[n], sizeof msgs[n], h == 0 ? "leaking param: %s"
			 : "leaking param content: %s", name);
		flows[n++] = &p->heap_flow;
	}
	/* as in Go, a result leak no stronger than the heap leak is not said */
	if (r >= 0 && !(h >= 0 && h <= r)) {
		snprintf(msgs[n], sizeof msgs[n],
			 "leaking param: %s to result level=%d", name, r);
		flows[n++] = &p->result_flow;
	}
	if (!n) {
		snprintf(msgs[n], sizeof msgs[n], "%s does not escape", name);
		flows[n++] = NULL;
	}
	return n;
}
