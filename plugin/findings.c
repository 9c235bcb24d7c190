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
	struct esc_step last = { ESC_STEP__COUNT, { 0 }, NULL, 0, NULL, 0, 0, 0, 0, 0 };

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
						      NULL, 0, 0, 0, 0, 0 };
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

/*
 * Sinks.  Go's walkOne decides, explainPath only explains: every sink an
 * object's address reaches is found by a walk of its own, forwards from
 * the object's address-of edges, whatever flow the notes show.  A state
 * is a location and a level k (the location holds the address after k
 * derefs: an edge dst = *^d src takes level k of src to k - d of dst,
 * dropped below 0); each is visited once, by the first (shortest) path,
 * which explains the sink.  A sink is an edge into the heap, into a
 * parameter's pointee (the caller's memory), or into the object's own
 * function's result; the walk does not go on from there.  Edges that
 * are only assumed (esc_step.assumed) are not crossed: a warning needs a
 * sink that is seen.  Nor is a callee's summary taken from the object
 * itself holding its own address (b.z = b.space, a list head's next =
 * &head): the graph mixes an object's fields, so a callee that keeps
 * what some field of the object points to (b->ctx) would keep the
 * object; what the object's own copies (return b, *out = b) and direct
 * loads (g = h.next) carry is still followed.  A forwarded load (a
 * stack object's field read where one known store wrote it: graph.h's
 * stale and fwd edges) carries only that store's value: the walk takes
 * the fwd edge, not the load.  The walk of one object crosses at most
 * ESC_SINK_WALK edges and finds at most ESC_SINKS_MAX sinks, a function's
 * walks ESC_SINK_FUNC edges in all; past them the object's sinks are cut
 * (esc_local_report.sinks_cut) and the dangling check falls back on the
 * sites' flows.
 *
 * Fields (graph.h's fkind, esc_edge_field): a state also carries, for the
 * memory at each of its first FT_DEPTH deref depths (an object's own
 * contents at depth 0, what a value points to at 1, ...), the byte range
 * the pointer that leads on to the address lies in, or any, and one
 * range for all the depths past them (what a load brings back into
 * view: the recursion links context after context through the same
 * field).  A store into a field of a stack object sets depth 0
 * (sNC.next = pNC); a load of a field at the depth the walk tracks one
 * is crossed only if the two overlap (pNC->types is not sNC.next);
 * pointer arithmetic and the address of a part (p + 8, &s.f) make depth
 * 1 any.  A state reached again with other ranges takes any where they
 * differ and is walked again.  So a function that links its caller's context into a local
 * and recurses with the local's address (SQLite's columnTypeImpl) does
 * not return the local when it returns what it loaded from another
 * field of it.
 *
 * Pointers into an array field (esc_edge.inside, felem): a depth's
 * memory may also be known to be reached by a pointer INTO an array field
 * of it (&p->stack[i], p->stack, or a summary's store of such a value:
 * SQLite's sqlite3ParserInit, yytos = yystack), its ranges then counted
 * from the object's start.  Pointer arithmetic in steps of the elements
 * keeps it (yymsp = yytos; yymsp[-1]), any other (char arithmetic:
 * container_of) makes the depth any; a load through it at the elements'
 * type reads the array only, so it is crossed only if the array holds
 * what leads to the address (yy_reduce reads tokens and parse values
 * from the stack, not the engine's own yytos).  With an inside, only
 * whether a range is in the array is kept.
 */
#define ESC_LEVELS (ESC_MAX_DEREFS + 1)
#define FT_DEPTH 4
#define FT_TAGS (FT_DEPTH + 1) /* and one for every depth past them */

/* A byte range of memory; size 0: any part; FT_NONE: no memory (past
   the depth the address is at).  With size > 0, a second range when
   size2 > 0: a state reached by two fields (an object that holds its
   own address in two of them: SQLite's parser engine, yytos and
   yystackEnd) is in one of them, not in every field between. */
struct ftag {
	int off, size;
	int off2, size2;
	/* the pointer to this memory points inside the array field [ioff,
	   ioff + isize) of elements of ielem bytes (esc_edge.inside), and
	   the ranges above are of the whole object; isize 0: it points
	   where the ranges are counted from */
	int ioff, isize, ielem;
};
#define FT_NONE (-1)
#define ESC_SINKS_MAX 64
#define ESC_SINK_WALK 200000L
#define ESC_SINK_FUNC 4000000L

struct sinkwalk {
	int n;             /* states: nlocs * ESC_LEVELS * modes */
	int modes;         /* 2 when find_sinks tells the activations of a
			      recursive component apart (sinkwalk_init) */
	int *from;         /* with modes 2: per state, the state it was
			      reached from, -1 for a start */
	int *ent, nent, capent; /* find_sinks's entries: pairs of a call's
				   argument edge and the state it was
				   crossed from */
	int ent_over;      /* more than ESC_SINK_ENTRIES of them */
	int nedges;        /* the graph's edges when made */
	int *via;          /* per state: 1 + the edge that reached it, 0 unseen */
	signed char *prev; /* per state: the level of that edge's source, -1
			      for an address-of edge (a start) */
	int *queue, qlen, qhead;
	int *touched, ntouched;
	int *sink_seen;    /* per edge: the walk that found it as a sink */
	int *sink_at;      /* per edge: that sink's index (its levels) */
	int *tagi;         /* per state: 1 + its ranges' index in tags, 0 none */
	struct ftag *tags; /* FT_DEPTH per visited state */
	int ntags, captags, qcap;
	int stamp;
	int *pend, npend, cappend; /* stores into the memory a called
				      function returns, walked on as its
				      result: pairs of the store's edge
				      and the state it was crossed from */
	long work;         /* edges crossed by the function's walks */
	long last;         /* by the last esc_param_sinks walk */
};

/* Does g call a function of its own component (an argument into a
   parameter: a recursive component)? */
static int calls_inside(const struct esc_graph *g)
{
	for (int i = 0; i < g->nedges; i++)
		if (g->edges[i].why.kind == ESC_STEP_ARG &&
		    g->locs[g->edges[i].dst].kind == ESC_LOC_PARAM)
			return 1;
	return 0;
}

/* modes 2: find_sinks's walks, in a recursive component (see there) */
static void sinkwalk_init(struct sinkwalk *w, const struct esc_graph *g,
			  int modes)
{
	memset(w, 0, sizeof *w);
	w->modes = modes > 1 && calls_inside(g) ? 2 : 1;
	w->n = g->nlocs * ESC_LEVELS * w->modes;
	if (w->modes > 1)
		w->from = esc_xmalloc((size_t)w->n * sizeof *w->from);
	w->via = esc_xcalloc((size_t)w->n, sizeof *w->via);
	w->prev = esc_xcalloc((size_t)w->n, 1);
	w->queue = esc_xmalloc((size_t)w->n * sizeof *w->queue);
	w->qcap = w->n;
	w->tagi = esc_xcalloc((size_t)w->n, sizeof *w->tagi);
	w->touched = esc_xmalloc((size_t)w->n * sizeof *w->touched);
	w->sink_seen = esc_xcalloc((size_t)g->nedges + 1, sizeof *w->sink_seen);
	w->nedges = g->nedges;
	w->sink_at = esc_xcalloc((size_t)g->nedges + 1, sizeof *w->sink_at);
}

static void sinkwalk_free(struct sinkwalk *w)
{
	free(w->from);
	free(w->ent);
	free(w->via);
	free(w->prev);
	free(w->tagi);
	free(w->tags);
	free(w->queue);
	free(w->touched);
	free(w->sink_seen);
	free(w->sink_at);
	free(w->pend);
}

/* g's walker for find_sinks (modes 2; param_reaches_heap uses its
   states of mode 0), made once for all of g's functions (a large component's walker is most of its reporting time
   when made for each): its states are reset by those touched, its sinks
   by a stamp, and its work starts at 0, as a new walker's. */
static struct sinkwalk *report_walk(const struct esc_graph *g)
{
	struct esc_graph *m = (struct esc_graph *)g;
	struct sinkwalk *w = m->report_walk;
	if (w && (w->nedges != g->nedges ||
		  w->n != g->nlocs * ESC_LEVELS * w->modes)) {
		esc_report_walk_free(m);
		w = NULL;
	}
	if (!w) {
		w = esc_xmalloc(sizeof *w);
		sinkwalk_init(w, g, 2);
		m->report_walk = w;
	}
	w->work = 0;
	return w;
}

static void sinkwalk_push(struct sinkwalk *w, int state)
{
	ESC_GROW(w->queue, w->qcap, w->qlen + 1);
	w->queue[w->qlen++] = state;
}

/* esc_recheck_sure's second walk: the fields mixed, as before them */
static int ft_mixed;

/* Does memory range t hold anything of [off, off + size)? */
static int ft_overlap(struct ftag t, int off, int size)
{
	return t.size <= 0 || !size || (off < t.off + t.size && t.off < off + size) ||
	       (t.size2 > 0 && off < t.off2 + t.size2 && t.off2 < off + size);
}

static int ft_same_inside(struct ftag a, struct ftag b)
{
	return a.isize == b.isize && (a.isize <= 0 || (a.ioff == b.ioff &&
						      a.ielem == b.ielem));
}

static int ft_same(struct ftag a, struct ftag b)
{
	return a.off == b.off && a.size == b.size && ft_same_inside(a, b) &&
	       (a.size <= 0 || (a.size2 == b.size2 && (a.size2 <= 0 ||
						       a.off2 == b.off2)));
}

/* Any part (no inside: nothing is known of where it points). */
static struct ftag ft_any(struct ftag a)
{
	a.size = a.size2 = 0;
	a.isize = 0;
	return a;
}

/* Adds range [off, off + size) to a (size > 0): one of its two, or any. */
static struct ftag ft_add(struct ftag a, int off, int size)
{
	/* with an inside, only whether a range is in the array matters
	   (ft_cross): one out of it adds nothing */
	if (a.isize > 0 && !(off < a.ioff + a.isize && a.ioff < off + size))
		return a;
	if ((a.off == off && a.size == size) ||
	    (a.size2 > 0 && a.off2 == off && a.size2 == size))
		return a;
	if (a.size2 > 0) {
		a.size = 0;
		a.size2 = 0;
		return a;
	}
	a.off2 = off;
	a.size2 = size;
	return a;
}

static struct ftag ft_join(struct ftag a, struct ftag b)
{
	if (a.size == FT_NONE)
		return b;
	if (b.size == FT_NONE || ft_same(a, b))
		return a;
	if (!ft_same_inside(a, b))
		return ft_any(a);
	if (a.size == 0 || b.size == 0) {
		a.size = 0;
		a.size2 = 0;
		return a;
	}
	a = ft_add(a, b.off, b.size);
	if (a.size > 0 && b.size2 > 0)
		a = ft_add(a, b.off2, b.size2);
	return a;
}

/* Does edge e, from a state at level lev with ranges t (NULL: any at
   every depth up to lev), read a part of the memory that holds what
   leads to the address?  (ft_cross's test, without its ranges: for an
   edge into a sink, whose ranges nothing reads.) */
static inline int ft_keeps(const struct esc_edge *e, const struct ftag *t,
			   int lev)
{
	int d = e->derefs;
	if (!t || ft_mixed || d < 0 || d > lev || d >= FT_DEPTH)
		return 1;
	/* a load through a pointer into an array field, at its elements:
	   it reads the array (yymsp[-1].minor), else any part (the load's
	   field is counted from where the pointer points) */
	if (d >= 1 && t[d].isize > 0)
		return !(e->felem && e->felem == (t[d].ielem > 255 ? 255 : t[d].ielem) &&
			 !ft_overlap(t[d], t[d].ioff, t[d].isize));
	return !(e->fkind == ESC_FIELD_READ && !ft_overlap(t[d], e->foff, e->fsize));
}

/* The ranges (FT_TAGS) after edge e from a state at level lev with
   ranges t (NULL: any at every depth up to lev), into out; 0 if e reads
   a part of the memory that does not hold what leads to the address. */
static int ft_cross(const struct esc_graph *g, const struct esc_edge *e,
		    const struct ftag *t, int lev, struct ftag *out)
{
	int d = e->derefs;
	if (!ft_keeps(e, t, lev))
		return 0;
	/* depth 0: the object's own contents, where a store into a field
	   of it puts the address */
	memset(out, 0, FT_TAGS * sizeof *out);
	if (e->fkind == ESC_FIELD_WRITE && esc_is_object(g, e->dst)) {
		out[0].off = e->foff;
		out[0].size = e->fsize;
	}
	if (t) {
		/* each depth takes what was d deeper (no memory where that
		   is above the address) */
		for (int k = 1; k < FT_DEPTH; k++) {
			if (k + d >= 0) {
				out[k] = t[k + d < FT_DEPTH ? k + d : FT_DEPTH];
			} else {
				out[k].off = 0;
				out[k].size = FT_NONE;
			}
		}
		/* past the depths kept: what was there, and what a deeper
		   address pushes out of them */
		out[FT_DEPTH] = t[FT_DEPTH];
		if (d < 0)
			out[FT_DEPTH] = ft_join(out[FT_DEPTH], t[FT_DEPTH - 1]);
	} else {
		for (int k = 1; k < FT_TAGS; k++) {
			out[k].off = 0;
			out[k].size = k > lev - d ? FT_NONE : 0;
		}
	}
	/* pointer arithmetic, &p->f: any part, but for an element step of
	   a pointer into an array field, or the address of an element
	   (of a pointer to the start: its ranges are the object's) */
	if (e->inside && d <= 0 && !out[1].isize && e->inside <= g->ninsides &&
	    (!e->fpres || d < 0)) {
		const struct esc_inside *in = &g->insides[e->inside - 1];
		out[1].ioff = in->off;
		out[1].isize = in->size;
		out[1].ielem = in->elem;
	} else if (!e->fpres && d <= 0 &&
		   !(out[1].isize > 0 && e->felem &&
		     e->felem == (out[1].ielem > 255 ? 255 : out[1].ielem))) {
		out[1] = ft_any(out[1]);
	}
	/* no memory past the depth the address is at */
	for (int k = lev - d + 1 > 1 ? lev - d + 1 : 1; k < FT_TAGS; k++) {
		out[k].size = FT_NONE;
		out[k].isize = 0;
	}
	return 1;
}

/* The ranges of a visited state, or NULL. */
static struct ftag *ft_of(const struct sinkwalk *w, int state)
{
	return w->tagi[state] ? &w->tags[(w->tagi[state] - 1) * FT_TAGS] : NULL;
}

/* Visits state, reached by edge from a state at level prev (-1: edge is
   an address-of), state `from' when known (modes 2; -1: edge's source
   at level prev, in the first mode), with ranges t. */
static void sinkwalk_visit_from(struct sinkwalk *w, int state, int edge,
				int prev, int from, const struct ftag *t)
{
	if (w->via[state]) {
		/* again, with other ranges: any where they differ */
		struct ftag *o = ft_of(w, state);
		int changed = 0;
		for (int k = 0; o && k < FT_TAGS; k++) {
			if (ft_same(o[k], t[k]))
				continue; /* (the join would be o[k]) */
			struct ftag j = ft_join(o[k], t[k]);
			if (!ft_same(j, o[k])) {
				o[k] = j;
				changed = 1;
			}
		}
		if (changed)
			sinkwalk_push(w, state);
		return;
	}
	w->via[state] = edge + 1;
	w->prev[state] = (signed char)prev;
	if (w->from)
		w->from[state] = from;
	w->touched[w->ntouched++] = state;
	ESC_GROW(w->tags, w->captags, (w->ntags + 1) * FT_TAGS);
	memcpy(&w->tags[w->ntags * FT_TAGS], t, FT_TAGS * sizeof *t);
	w->tagi[state] = ++w->ntags;
	sinkwalk_push(w, state);
}

static void sinkwalk_visit(struct sinkwalk *w, int state, int edge, int prev,
			   const struct ftag *t)
{
	sinkwalk_visit_from(w, state, edge, prev, -1, t);
}

/* The flow of the path that reached state, then edge `last'. */
static struct esc_flow sink_flow(const struct esc_graph *g,
				 const struct sinkwalk *w, int state, int last)
{
	int path[2 * ESC_FLOW_MAX + 2], np = 0, cut = 0;
	path[np++] = last;
	while (state >= 0) {
		if (np >= (int)(sizeof path / sizeof *path)) {
			cut = 1;
			break;
		}
		int e = w->via[state] - 1;
		path[np++] = e;
		int lev = w->prev[state];
		if (w->from && lev >= 0 && w->from[state] >= 0)
			state = w->from[state];
		else
			state = lev < 0 ? -1 : g->edges[e].src * ESC_LEVELS + lev;
	}
	struct esc_flow f = { 0, NULL, cut };
	int cap = 0;
	for (int i = np - 1; i >= 0; i--) {
		const struct esc_edge *e = &g->edges[path[i]];
		struct esc_step st = e->why;
		if (e->derefs < 0) {
			st.kind = ESC_STEP_ADDR;
			st.what = g->locs[e->src].name;
			st.arg = 0;
			flow_add(&f, &cap, st);
			st = e->why;
		}
		if (!st.what)
			st.what = loc_label(&g->locs[e->dst]);
		if (st.kind != ESC_STEP_ADDR && (worth_showing(&st) || i == 0))
			flow_add(&f, &cap, st);
	}
	return f;
}

static int cmp_sink(const void *a, const void *b)
{
	const struct esc_sink *x = a, *y = b;
	int c = cmp_pos(x->step.pos, y->step.pos);
	if (c)
		return c;
	return (x->step.kind > y->step.kind) - (x->step.kind < y->step.kind);
}

/* Is location l a sink for object obj: the heap, the caller's memory, its
   function's result? */
static int is_sink(const struct esc_graph *g, int l,
		   const struct esc_location *obj)
{
	const struct esc_location *d = &g->locs[l];
	return d->kind == ESC_LOC_HEAP || d->kind == ESC_LOC_PTEE ||
	       (d->kind == ESC_LOC_RESULT && d->func == obj->func);
}

/* Records edge e, reached from state (-1: e is an address-of), as a sink
   of r, once. */
static void add_sink(const struct esc_graph *g, struct sinkwalk *w,
		     struct esc_local_report *r, int *cap, int state, int e)
{
	/* the level the edge's source holds the address at (0: it is the
	   address; an address-of edge is its own source) */
	unsigned level = 1u << (state < 0 ? 0 : state % ESC_LEVELS);
	int nl = state < 0 ? 0 : state % ESC_LEVELS - g->edges[e].derefs;
	unsigned held = 1u << (nl < 0 ? 0 : nl >= ESC_LEVELS ? ESC_LEVELS - 1 : nl);
	if (w->sink_seen[e] == w->stamp) {
		if (w->sink_at[e] >= 0) {
			r->sinks[w->sink_at[e]].levels |= level;
			r->sinks[w->sink_at[e]].held |= held;
		}
		return;
	}
	w->sink_seen[e] = w->stamp;
	w->sink_at[e] = -1;
	if (r->nsinks >= ESC_SINKS_MAX) {
		r->sinks_cut = 1;
		return;
	}
	ESC_GROW(r->sinks, *cap, r->nsinks + 1);
	w->sink_at[e] = r->nsinks;
	struct esc_sink *sk = &r->sinks[r->nsinks++];
	sk->levels = level;
	sk->held = held;
	sk->step = g->edges[e].why;
	sk->flow = sink_flow(g, w, state, e);
	if (sk->flow.nsteps)
		sk->step = sk->flow.steps[sk->flow.nsteps - 1];
}

/* Are two steps made at the same call (a call's argument, what its
   value goes into: the value, or memory, call.cc's value_hole)?  By
   position only: two calls of one statement are taken together. */
static int same_call(const struct esc_step *a, const struct esc_step *b)
{
	return a->pos.handle == b->pos.handle && a->pos.line == b->pos.line &&
	       a->pos.col == b->pos.col && a->pos.file == b->pos.file;
}

/* find_sinks's state of location loc at level lev in mode m */
#define SINK_STATE(g, loc, lev, m) \
	((((m) * (g)->nlocs) + (loc)) * ESC_LEVELS + (lev))

/*
 * Activations (modes 2, a recursive component: its calls connect
 * arguments to parameters, and a callee's result to the value of each of
 * its calls).  Mode 0 is the activation the object lives in, and where
 * its returns lead; mode 1 an activation it calls, directly or not.  A
 * call (an argument into a parameter) goes into mode 1 and is recorded
 * as an entry into its callee.  In mode 1 a function's result is no sink
 * (the object's own function's result reached there is an inner
 * activation's) and its edges are not followed: what it holds goes back
 * to the value of each call the walk entered that function by, in the
 * mode of that call's argument (a return matched to an entry; the
 * activations inside mode 1 are not told apart, which can only add
 * paths).  So bash's man2html scan_request -> scan_troff_mandoc ->
 * scan_troff -> scan_request, where the inner activation returns a
 * pointer into the outer's buff to scan_troff and the outer returns its
 * own c, returns no buff; what an inner activation returns that its
 * caller in mode 0 returns is still returned.  A store through a pointer
 * (into an object, or the caller's memory) takes the walk back to mode
 * 0: whose activation's memory it is is not known; a function's store
 * into its own local, directly, is the writing activation's.  Past ESC_SINK_ENTRIES entries the walk is made again with
 * one mode (as before: every result followed into every call).
 *
 * Teardown inside the component: a store of mode 1 into the memory its
 * function returns on every path after it, or null there (esc_step's
 * into_result: the project's allocator's memory, SQLite's
 * sqlite3WhereBegin storing &sFrom into the WhereInfo it returns) goes
 * on as that function's result, one level up: what the memory holds is
 * what each call's value points to.  It stays a sink (w->pend) for each
 * call entered that does not release its value before every return of
 * its function (the CALL_RESULT step's into_result, call.cc), a call
 * whose value is dropped included: sqlite3WhereRightJoinLoop ends the
 * WhereInfo with sqlite3WhereEnd, so &sFrom is left nowhere.
 */
#define ESC_SINK_ENTRIES 4096

/* Does edge e (into a location of kind k) write memory of an activation
   the walk cannot tell: the caller's, or an object written through a
   pointer (an object written directly is the writing activation's own:
   b.p = c)? */
static int into_any_activation(const struct esc_edge *e, enum esc_loc_kind k)
{
	return k == ESC_LOC_PTEE ||
	       ((k == ESC_LOC_STACK || k == ESC_LOC_ALLOC) && e->viaptr);
}

/* Does entry k's call have its value released before every return of
   its function, or null there (its CALL_RESULT step's into_result:
   call.cc's call_in_component)?  A call whose value is dropped does
   not. */
static int call_released(const struct esc_graph *g, const struct sinkwalk *w,
			 int k)
{
	const struct esc_edge *e = &g->edges[w->ent[2 * k]];
	int res = esc_func_result(g, g->locs[e->dst].func), nr;
	const int *ro = res >= 0 ? esc_out_edges(g, res, &nr) : NULL;
	for (int j = 0; ro && j < nr; j++) {
		const struct esc_edge *re = &g->edges[ro[j]];
		if (re->why.kind == ESC_STEP_CALL_RESULT && re->why.into_result &&
		    same_call(&re->why, &e->why))
			return 1;
	}
	return 0;
}

/* The jump of a result state rs (mode 1) to the value of entry k's call. */
static void sink_return(const struct esc_graph *g, struct sinkwalk *w,
			struct esc_local_report *r, int *cap,
			const struct esc_location *obj, int rs, int k)
{
	const struct esc_edge *e = &g->edges[w->ent[2 * k]];
	int from = w->ent[2 * k + 1];
	int m = from < 0 ? 0 : from / ESC_LEVELS / g->nlocs;
	int res = (rs / ESC_LEVELS) % g->nlocs, lev = rs % ESC_LEVELS;
	struct ftag jt[FT_TAGS];
	int nr;
	/* stores into the memory the function returns: sinks when this
	   call does not end it */
	for (int p = 0; p < w->npend; p++) {
		const struct esc_edge *pe = &g->edges[w->pend[2 * p]];
		if (g->locs[pe->src].func == g->locs[res].func &&
		    !call_released(g, w, k))
			add_sink(g, w, r, cap, w->pend[2 * p + 1], w->pend[2 * p]);
	}
	const int *ro = esc_out_edges(g, res, &nr);
	for (int j = 0; j < nr; j++) {
		const struct esc_edge *re = &g->edges[ro[j]];
		int jl = lev - re->derefs;
		if (re->why.assumed || re->stale || !same_call(&re->why, &e->why) ||
		    jl < 0 ||
		    !ft_cross(g, re, ft_of(w, rs), lev, jt))
			continue;
		if (jl >= ESC_LEVELS)
			jl = ESC_LEVELS - 1;
		enum esc_loc_kind dk = g->locs[re->dst].kind;
		int dm = into_any_activation(re, dk) ? 0 : m;
		if (is_sink(g, re->dst, obj) && !(dm && dk == ESC_LOC_RESULT))
			add_sink(g, w, r, cap, rs, ro[j]);
		else
			sinkwalk_visit_from(w, SINK_STATE(g, re->dst, jl, dm), ro[j],
					    lev, rs, jt);
	}
}

/* Is edge e, crossed from state in mode m, a store of an activation the
   object's function calls into the memory its function returns, on
   every path after it, or null there (esc_step.into_result), which
   sink_step walks on as that function's result? */
static int into_result_store(const struct esc_graph *g, int state, int m,
			     const struct esc_edge *e)
{
	const struct esc_location *d = &g->locs[e->dst];
	return m && (d->kind == ESC_LOC_HEAP || d->kind == ESC_LOC_PTEE) &&
	       e->why.into_result && e->why.kind == ESC_STEP_STORE_PTR &&
	       !e->why.assumed && g->locs[e->src].func >= 0 && state >= 0 &&
	       esc_func_result(g, g->locs[e->src].func) >= 0;
}

/* Does sink_step take edge e, crossed in mode m, as a sink (and read
   none of its ranges)? */
static int sink_edge(const struct esc_graph *g, const struct sinkwalk *w,
		     const struct esc_location *obj, int state, int m,
		     const struct esc_edge *e)
{
	const struct esc_location *d = &g->locs[e->dst];
	if (!is_sink(g, e->dst, obj))
		return 0;
	if (w->modes < 2)
		return 1;
	/* sink_step's store into the memory a called function returns,
	   walked on as its result */
	if (into_result_store(g, state, m, e))
		return 0;
	int call = e->why.kind == ESC_STEP_ARG && d->kind == ESC_LOC_PARAM;
	int nm = call ? 1 : into_any_activation(e, d->kind) ? 0 : m;
	return !(nm && d->kind == ESC_LOC_RESULT);
}

/* Edge ei crossed from state (-1: ei is an address-of) in mode m, at
   level lev, to level nl with ranges nt. */
static void sink_step(const struct esc_graph *g, struct sinkwalk *w,
		      struct esc_local_report *r, int *cap,
		      const struct esc_location *obj, int state, int m,
		      int ei, int lev, int nl, struct ftag *nt)
{
	const struct esc_edge *e = &g->edges[ei];
	const struct esc_location *d = &g->locs[e->dst];
	if (w->modes < 2) {
		if (is_sink(g, e->dst, obj))
			add_sink(g, w, r, cap, state, ei);
		else
			sinkwalk_visit(w, e->dst * ESC_LEVELS + nl, ei,
				       state < 0 ? -1 : lev, nt);
		return;
	}
	int call = e->why.kind == ESC_STEP_ARG && d->kind == ESC_LOC_PARAM;
	int nm = call ? 1 : into_any_activation(e, d->kind) ? 0 : m;
	/* a store of an activation the object's function calls into the
	   memory its function returns, on every path after it, or null
	   there (esc_step.into_result): what that memory holds is what the
	   call's value points to (sqlite3WhereBegin's pWInfo->pTabList =
	   pTabList, the caller's to end with sqlite3WhereEnd) */
	if (into_result_store(g, state, m, e)) {
		int f = g->locs[e->src].func;
		int res = esc_func_result(g, f);
		/* a sink all the same for each call that does not end
		   the memory (now, and as calls are entered) */
		ESC_GROW(w->pend, w->cappend, 2 * (w->npend + 1));
		w->pend[2 * w->npend] = ei;
		w->pend[2 * w->npend + 1] = state;
		w->npend++;
		for (int k = 0; k < w->nent; k++)
			if (g->locs[g->edges[w->ent[2 * k]].dst].func == f &&
			    !call_released(g, w, k))
				add_sink(g, w, r, cap, state, ei);
		int rl = nl + 1 < ESC_LEVELS ? nl + 1 : ESC_LEVELS - 1;
		struct ftag rt[FT_TAGS];
		memset(rt, 0, sizeof rt);
		for (int k = 2; k < FT_DEPTH; k++)
			rt[k] = nt[k - 1];
		rt[FT_DEPTH] = ft_join(nt[FT_DEPTH], nt[FT_DEPTH - 1]);
		for (int k = rl + 1 > 1 ? rl + 1 : 1; k < FT_TAGS; k++) {
			rt[k].size = FT_NONE;
			rt[k].isize = 0;
		}
		if (res >= 0) {
			sinkwalk_visit_from(w, SINK_STATE(g, res, rl, 1), ei,
					    state < 0 ? -1 : lev, state, rt);
			return;
		}
	}
	if (is_sink(g, e->dst, obj) && !(nm && d->kind == ESC_LOC_RESULT))
		add_sink(g, w, r, cap, state, ei);
	else
		sinkwalk_visit_from(w, SINK_STATE(g, e->dst, nl, nm), ei,
				    state < 0 ? -1 : lev, state, nt);
	if (!call || w->ent_over)
		return;
	if (w->nent >= ESC_SINK_ENTRIES) {
		w->ent_over = 1;
		return;
	}
	ESC_GROW(w->ent, w->capent, 2 * (w->nent + 1));
	w->ent[2 * w->nent] = ei;
	w->ent[2 * w->nent + 1] = state;
	w->nent++;
	/* the callee's result already reached in mode 1 */
	int res = esc_func_result(g, d->func);
	for (int lv = 0; lv < ESC_LEVELS; lv++) {
		int rs = SINK_STATE(g, res, lv, 1);
		if (w->via[rs])
			sink_return(g, w, r, cap, obj, rs, w->nent - 1);
	}
}

static void find_sinks_once(const struct esc_graph *g, int l,
			    struct esc_local_report *r, struct sinkwalk *w);

/* Every sink object l's address reaches (see above). */
static void find_sinks(const struct esc_graph *g, int l,
		       struct esc_local_report *r, struct sinkwalk *w)
{
	w->nent = w->ent_over = w->npend = 0;
	find_sinks_once(g, l, r, w);
	if (!w->ent_over)
		return;
	/* too many entries: one mode */
	esc_sinks_free(r->sinks, r->nsinks);
	r->sinks = NULL;
	r->nsinks = r->sinks_cut = 0;
	int modes = w->modes;
	w->modes = 1;
	find_sinks_once(g, l, r, w);
	w->modes = modes;
	w->nent = w->ent_over = w->npend = 0;
}

static void find_sinks_once(const struct esc_graph *g, int l,
			    struct esc_local_report *r, struct sinkwalk *w)
{
	const struct esc_location *obj = &g->locs[l];
	int cap = 0;
	long work = 0;

	if (w->work > ESC_SINK_FUNC) {
		r->sinks_cut = 1;
		return;
	}
	struct ftag nt[FT_TAGS];
	w->stamp++;
	w->qlen = w->qhead = 0;
	w->ntags = 0;
	for (int i = obj->addr_head; i >= 0; i = g->edges[i].next_addr) {
		const struct esc_edge *e = &g->edges[i];
		if (e->why.assumed)
			continue;
		ft_cross(g, e, NULL, 0, nt);
		sink_step(g, w, r, &cap, obj, -1, 0, i, 0, 0, nt);
	}
	/* the address taken where a forwarded load reads it (esc_edge_fwd:
	   in no address-of list) */
	int nfrom;
	const int *from = esc_out_edges(g, l, &nfrom);
	for (int k = 0; k < nfrom; k++) {
		const struct esc_edge *e = &g->edges[from[k]];
		if (!e->fwd || e->derefs >= 0 || e->why.assumed)
			continue;
		ft_cross(g, e, NULL, 0, nt);
		sink_step(g, w, r, &cap, obj, -1, 0, from[k], 0, 0, nt);
	}
	while (w->qhead < w->qlen) {
		int state = w->queue[w->qhead++];
		int loc = state / ESC_LEVELS, lev = state % ESC_LEVELS;
		int m = loc / g->nlocs;
		loc %= g->nlocs;
		/* an inner activation's return: back to the calls the walk
		   entered its function by */
		if (m && g->locs[loc].kind == ESC_LOC_RESULT) {
			for (int k = 0; k < w->nent; k++)
				if (g->locs[g->edges[w->ent[2 * k]].dst].func ==
				    g->locs[loc].func)
					sink_return(g, w, r, &cap, obj, state, k);
			continue;
		}
		int n;
		const int *out = esc_out_edges(g, loc, &n);
		for (int k = 0; k < n; k++) {
			const struct esc_edge *e = &g->edges[out[k]];
			work++;
			if (e->why.assumed || e->stale || (loc == l &&
					       e->why.kind == ESC_STEP_ARG_SUMMARY))
				continue;
			int nl = lev - e->derefs;
			const struct ftag *t = ft_of(w, state);
			if (nl < 0 || !ft_keeps(e, t, lev))
				continue;
			if (nl >= ESC_LEVELS)
				nl = ESC_LEVELS - 1;
			/* (half the edges crossed go into a sink: no
			   ranges for them) */
			if (sink_edge(g, w, obj, state, m, e)) {
				add_sink(g, w, r, &cap, state, out[k]);
				continue;
			}
			ft_cross(g, e, t, lev, nt);
			sink_step(g, w, r, &cap, obj, state, m, out[k], lev, nl, nt);
		}
		if (work > ESC_SINK_WALK) {
			r->sinks_cut = 1;
			break;
		}
	}
	for (int i = 0; i < w->ntouched; i++)
		w->via[w->touched[i]] = w->tagi[w->touched[i]] = 0;
	w->ntouched = 0;
	w->work += work;
	if (r->nsinks > 1)
		qsort(r->sinks, r->nsinks, sizeof *r->sinks, cmp_sink);
}

/* The sinks in location `into' (the heap, or a pointee of the caller's
   memory) of what parameter p holds at level `level' (p's value itself
   at 0, what it points to at 1, ...): the walk above from p's out-edges,
   without the self-reference rule; the heap, the caller's memory and the
   result end a path, and only edges into `into' are sinks here (a
   summary says them apart).  For esc_summary_undo (graph.h).  One walk
   crosses at most ESC_PARAM_WALK edges, a graph's walks together
   ESC_PARAM_WALKS and 4 per edge of the graph; past them a walk is cut
   (*cut: its parameter stays as the solution says). */
#define ESC_PARAM_WALK 5000L
#define ESC_PARAM_WALKS 200000L

struct esc_sink *esc_param_sinks(const struct esc_graph *g, int p, int level,
				 int into, int *n, int *cut)
{
	const struct esc_location *obj = &g->locs[p];
	struct esc_local_report r;
	int cap = 0;
	long work = 0;

	/* one walker for the graph's every call (it is sized by the graph:
	   the states are reset by those touched, the sinks by a stamp) */
	struct esc_graph *m = (struct esc_graph *)g;
	if (m->param_walk && (m->param_walk->n != g->nlocs * ESC_LEVELS ||
			      m->param_walk->nedges != g->nedges))
		esc_param_walk_free(m);
	if (!m->param_walk) {
		m->param_walk = esc_xmalloc(sizeof *m->param_walk);
		sinkwalk_init(m->param_walk, g, 1);
	}
	struct sinkwalk *wp = m->param_walk;
	memset(&r, 0, sizeof r);
	wp->stamp++;
	wp->qlen = wp->qhead = 0;
	wp->ntags = 0;
	struct ftag nt[FT_TAGS];
	/* the graph's walks together: past this many edges, every walk is
	   cut (its parameter stays as the solution says) */
	wp->last = 0;
	if (wp->work > ESC_PARAM_WALKS + 4L * g->nedges) {
		*cut = 1;
		*n = 0;
		return NULL;
	}
	int nout;
	const int *out = esc_out_edges(g, p, &nout);
	for (int k = 0; k < nout; k++) {
		const struct esc_edge *e = &g->edges[out[k]];
		int nl = level - e->derefs;
		/* (a path that ends in another sink leads nowhere: its
		   ranges are not needed) */
		if (e->why.assumed || e->stale || nl < 0 ||
		    (e->dst != into && is_sink(g, e->dst, obj)) ||
		    !ft_keeps(e, NULL, level))
			continue;
		if (nl >= ESC_LEVELS)
			nl = ESC_LEVELS - 1;
		if (e->dst == into) {
			add_sink(g, wp, &r, &cap, -1, out[k]);
		} else if (!is_sink(g, e->dst, obj)) {
			ft_cross(g, e, NULL, level, nt);
			sinkwalk_visit(wp, e->dst * ESC_LEVELS + nl, out[k], -1, nt);
		}
	}
	while (wp->qhead < wp->qlen && work <= ESC_PARAM_WALK) {
		int state = wp->queue[wp->qhead++];
		int loc = state / ESC_LEVELS, lev = state % ESC_LEVELS;
		const int *o = esc_out_edges(g, loc, &nout);
		for (int k = 0; k < nout; k++) {
			const struct esc_edge *e = &g->edges[o[k]];
			work++;
			int nl = lev - e->derefs;
			const struct ftag *t = ft_of(wp, state);
			if (e->why.assumed || e->stale || nl < 0 ||
			    (e->dst != into && is_sink(g, e->dst, obj)) ||
			    !ft_keeps(e, t, lev))
				continue;
			if (nl >= ESC_LEVELS)
				nl = ESC_LEVELS - 1;
			if (e->dst == into) {
				add_sink(g, wp, &r, &cap, state, o[k]);
			} else if (!is_sink(g, e->dst, obj)) {
				ft_cross(g, e, t, lev, nt);
				sinkwalk_visit(wp, e->dst * ESC_LEVELS + nl, o[k], lev, nt);
			}
		}
	}
	*cut = r.sinks_cut || wp->qhead < wp->qlen;
	wp->work += work;
	wp->last = work;
	for (int i = 0; i < wp->ntouched; i++)
		wp->via[wp->touched[i]] = wp->tagi[wp->touched[i]] = 0;
	wp->ntouched = 0;
	*n = r.nsinks;
	return r.sinks;
}

/* Does what parameter p holds at level `level' surely reach the heap by
   the walk above (fields apart unless ft_mixed): a sure edge into the
   heap, an object that is a source of the sure walk (escaping by a
   result, or of a function not analysed), or p's own function's result
   (the sure walk follows returns into the component's callers)?  1 yes,
   0 no, -1 cut (past ESC_PARAM_WALK edges). */
static int param_reaches_heap(const struct esc_graph *g, struct sinkwalk *w,
			      int p, int level)
{
	const struct esc_location *obj = &g->locs[p];
	struct ftag nt[FT_TAGS];
	long work = 0;
	int found = 0, cut = 0;
	w->stamp++;
	w->qlen = w->qhead = 0;
	w->ntags = 0;
	int nout;
	const int *out = esc_out_edges(g, p, &nout);
	for (int k = 0; k < nout && !found; k++) {
		const struct esc_edge *e = &g->edges[out[k]];
		int nl = level - e->derefs;
		if (e->why.assumed || e->stale || nl < 0 ||
		    !ft_cross(g, e, NULL, level, nt))
			continue;
		if (nl >= ESC_LEVELS)
			nl = ESC_LEVELS - 1;
		sinkwalk_visit(w, e->dst * ESC_LEVELS + nl, out[k], -1, nt);
	}
	while (w->qhead < w->qlen && !found) {
		if (work > ESC_PARAM_WALK) {
			cut = 1;
			break;
		}
		int state = w->queue[w->qhead++];
		int loc = state / ESC_LEVELS, lev = state % ESC_LEVELS;
		const struct esc_location *d = &g->locs[loc];
		if (loc == ESC_HEAP ||
		    (d->kind == ESC_LOC_RESULT && d->func == obj->func) ||
		    (esc_is_object(g, loc) &&
		     ((d->by_result && !d->fresh && !d->unsure) ||
		      (d->func >= 0 && g->funcs[d->func].gave_up)))) {
			found = 1;
			break;
		}
		if (d->kind == ESC_LOC_PTEE)
			continue; /* the caller's memory: a store, no leak */
		const int *o = esc_out_edges(g, loc, &nout);
		for (int k = 0; k < nout; k++) {
			const struct esc_edge *e = &g->edges[o[k]];
			work++;
			int nl = lev - e->derefs;
			if (e->why.assumed || e->stale || nl < 0 ||
			    !ft_cross(g, e, ft_of(w, state), lev, nt))
				continue;
			if (nl >= ESC_LEVELS)
				nl = ESC_LEVELS - 1;
			sinkwalk_visit(w, e->dst * ESC_LEVELS + nl, o[k], lev, nt);
		}
	}
	w->work += work;
	for (int i = 0; i < w->ntouched; i++)
		w->via[w->touched[i]] = w->tagi[w->touched[i]] = 0;
	w->ntouched = 0;
	return found ? 1 : cut ? -1 : 0;
}

/* v no stronger than the sure leak s (-1: none) */
static int no_stronger(int v, int s)
{
	return v < 0 || s < 0 ? (s < 0 ? -1 : v) : v > s ? v : s;
}

/* A parameter's sure leak that the walk above finds with the fields
   mixed and not with them apart is a mix-up of fields, as for objects
   (SQLite's sqlite3InitOne: the caller's pzErrMsg stored into
   initData.pzErrMsg, and a callback of the component handing
   pData->db to a keeper): the sure leak moves to the next level the
   walk finds, or none.  The walks together cross at most
   ESC_PARAM_WALKS + 4 per edge of the graph; past that the parameters
   stay as solved. */
static int recheck_params(struct esc_graph *g)
{
	struct sinkwalk *w = NULL;
	int changed = 0;
	for (int l = 0; l < g->nlocs; l++) {
		struct esc_location *loc = &g->locs[l];
		if (loc->kind != ESC_LOC_PARAM || loc->leak_sure < 0 ||
		    (loc->func >= 0 && g->funcs[loc->func].gave_up))
			continue;
		if (!w)
			w = report_walk(g); /* (its states of mode 0) */
		if (w->work > ESC_PARAM_WALKS + 4L * g->nedges)
			break;
		int d = loc->leak_sure;
		if (param_reaches_heap(g, w, l, d) != 0)
			continue;
		ft_mixed = 1;
		int mixed = param_reaches_heap(g, w, l, d);
		ft_mixed = 0;
		if (mixed != 1)
			continue;
		int nd = -1;
		for (int d2 = d + 1; d2 < ESC_LEVELS && nd < 0; d2++)
			if (param_reaches_heap(g, w, l, d2) != 0)
				nd = d2;
		loc->leak_sure = nd;
		loc->leak_sure_out = no_stronger(loc->leak_sure_out, nd);
		for (int k = 0; k < g->nguards; k++)
			if (g->guards[k].sure)
				g->guards[k].sure[l] = no_stronger(g->guards[k].sure[l], nd);
		for (int k = 0; k < g->nhangs; k++)
			if (g->hangs[k].sure)
				g->hangs[k].sure[l] = no_stronger(g->hangs[k].sure[l], nd);
		if (g->imports_solved)
			loc->local_sure = no_stronger(loc->local_sure, nd);
		changed++;
	}
	return changed;
}

int esc_recheck_sure(struct esc_graph *g)
{
	struct sinkwalk *w = NULL;
	int changed = 0;
	for (int l = 0; l < g->nlocs; l++) {
		struct esc_location *loc = &g->locs[l];
		if (loc->kind != ESC_LOC_STACK || !loc->by_result ||
		    loc->fresh || loc->unsure)
			continue;
		if (!w)
			w = report_walk(g);
		struct esc_local_report r;
		memset(&r, 0, sizeof r);
		find_sinks(g, l, &r, w);
		int none = !r.nsinks && !r.sinks_cut;
		esc_sinks_free(r.sinks, r.nsinks);
		if (!none)
			continue;
		memset(&r, 0, sizeof r);
		ft_mixed = 1;
		find_sinks(g, l, &r, w);
		ft_mixed = 0;
		if (r.nsinks) {
			loc->unsure = 1;
			changed++;
		}
		esc_sinks_free(r.sinks, r.nsinks);
	}
	if (changed)
		esc_solve_sure_again(g);
	return changed + recheck_params(g);
}

long esc_param_sinks_work(const struct esc_graph *g)
{
	return g->param_walk ? g->param_walk->last : 0;
}

int esc_param_sinks_again(const struct esc_graph *g, long work)
{
	struct sinkwalk *wp = g->param_walk;
	if (!wp || wp->n != g->nlocs * ESC_LEVELS || wp->nedges != g->nedges)
		return -1;
	wp->last = 0;
	if (wp->work > ESC_PARAM_WALKS + 4L * g->nedges)
		return 1;
	wp->stamp++;
	wp->work += work;
	wp->last = work;
	return 0;
}

void esc_report_walk_free(struct esc_graph *g)
{
	if (!g->report_walk)
		return;
	sinkwalk_free(g->report_walk);
	free(g->report_walk);
	g->report_walk = NULL;
}

void esc_param_walk_free(struct esc_graph *g)
{
	if (!g->param_walk)
		return;
	sinkwalk_free(g->param_walk);
	free(g->param_walk);
	g->param_walk = NULL;
}

void esc_sinks_free(struct esc_sink *sinks, int n)
{
	for (int i = 0; i < n; i++)
		free(sinks[i].flow.steps);
	free(sinks);
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
		       struct esc_local_report *r, struct sinkwalk *w)
{
	const struct esc_location *loc = &g->locs[l];
	int cap = 0;

	memset(r, 0, sizeof *r);
	r->name = loc->name;
	r->kind = loc->obj;
	r->pos = loc->pos;
	r->escapes = loc->escapes;
	r->local_escapes = esc_local_escapes(g, l);
	r->local_content = esc_local_content(g, l);
	r->loc = l;
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
	find_sinks(g, l, r, w);
}

static void fill_alloc(const struct esc_graph *g, int l,
		       struct esc_alloc_report *r)
{
	const struct esc_location *loc = &g->locs[l];

	memset(r, 0, sizeof *r);
	r->callee = loc->name;
	r->pos = loc->pos;
	r->escapes = loc->escapes;
	r->local_escapes = esc_local_escapes(g, l);
	r->loc = l;
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

/* Imports in the order of their calls' positions, then owners: the
   graph's order follows the statements, which GCC series order
   differently (GCC 15 at -O0), and reports are the same on every GCC. */
static int import_cmp(const void *a, const void *b)
{
	const struct esc_import *x = a, *y = b;
	/* (positions' files are interned: mostly the same pointer) */
	int f = x->pos.file == y->pos.file ? 0
		: strcmp(x->pos.file ? x->pos.file : "",
			 y->pos.file ? y->pos.file : "");
	if (f)
		return f;
	int d[] = { x->pos.line - y->pos.line, x->pos.col - y->pos.col,
		    x->arg - y->arg, x->owner_kind - y->owner_kind,
		    x->owner - y->owner, x->derefs - y->derefs,
		    x->addr - y->addr };
	for (unsigned i = 0; i < sizeof d / sizeof *d; i++)
		if (d[i])
			return d[i];
	return 0;
}

/* The imports of the function's parameters, locals and allocations,
   each with its owner's index in the report. */
static void add_imports(const struct esc_graph *g, int func,
			struct esc_func_report *r)
{
	int cap = 0, nk;
	/* not all the graph's imports for each of its functions: linear */
	const int *ks = esc_func_imports(g, func, &nk);
	for (int j = 0; j < nk; j++) {
		const struct esc_imp *im = &g->imports[ks[j]];
		const struct esc_location *loc = &g->locs[im->loc];
		int kind = -1, owner = -1;
		if (loc->func != func)
			continue;
		if (loc->kind == ESC_LOC_PARAM) {
			for (int i = 0; i < r->nparams && owner < 0; i++)
				if (r->params[i].loc == im->loc)
					owner = i;
			kind = ESC_OWNER_PARAM;
		} else if (loc->kind == ESC_LOC_STACK) {
			for (int i = 0; i < r->nlocals && owner < 0; i++)
				if (r->locals[i].loc == im->loc)
					owner = i;
			kind = ESC_OWNER_LOCAL;
		} else if (loc->kind == ESC_LOC_ALLOC) {
			for (int i = 0; i < r->nallocs && owner < 0; i++)
				if (r->allocs[i].loc == im->loc)
					owner = i;
			kind = ESC_OWNER_ALLOC;
		}
		if (owner < 0)
			continue;
		ESC_GROW(r->imports, cap, r->nimports + 1);
		struct esc_import *x = &r->imports[r->nimports++];
		*x = im->imp;
		x->owner_kind = kind;
		x->owner = owner;
	}
	if (r->nimports > 1)
		qsort(r->imports, r->nimports, sizeof *r->imports, import_cmp);
}

struct esc_func_report *esc_report_func(const struct esc_graph *g, int func)
{
	steps_left = ESC_FUNC_STEPS;
	struct esc_func_report *r = esc_xcalloc(1, sizeof *r);
	int cap_p = 0, cap_l = 0, cap_a = 0;
	struct sinkwalk *w = NULL;

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
			p->local_heap = esc_local_leak(g, l, 0);
			p->loc = l;
			/* a leak that is seen as well as assumed is
			   explained by the trail of steps that are not
			   assumed: what a caller's warning rests on */
			if (p->leaks_to_heap >= 0)
				p->heap_flow = explain(g, l, NULL,
					loc->sure_derefs == loc->leak_heap &&
					loc->sure_via >= 0 ? TRAIL_SURE
							   : TRAIL_HEAP);
			if (p->leaks_to_result >= 0)
				p->result_flow = explain(g, l, NULL, TRAIL_RESULT);
		} else if (loc->kind == ESC_LOC_STACK &&
			   (loc->addr_taken || loc->obj == ESC_OBJ_ALLOCA ||
			    loc->obj == ESC_OBJ_VLA)) {
			ESC_GROW(r->locals, cap_l, r->nlocals + 1);
			if (loc->escapes && !w)
				w = report_walk(g);
			fill_local(g, l, &r->locals[r->nlocals++], w);
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
	add_imports(g, func, r);
	return r;
}

static void esc_local_free(struct esc_local_report *l)
{
	for (int j = 0; j < l->nsites; j++)
		free(l->sites[j].flow.steps);
	free(l->sites);
	for (int j = 0; j < l->nsinks; j++)
		free(l->sinks[j].flow.steps);
	free(l->sinks);
	l->sites = NULL;
	l->sinks = NULL;
	l->nsites = l->nsinks = 0;
}

/* Does a warning of r show flow f? */
static int flow_shown(const struct esc_func_report *r, const struct esc_flow *f)
{
	for (int w = 0; w < r->nwarnings; w++)
		if (r->warnings[w].flow == f)
			return 1;
	return 0;
}

static void params_free(struct esc_func_report *r)
{
	for (int i = 0; i < r->nparams; i++) {
		free(r->params[i].heap_flow.steps);
		free(r->params[i].result_flow.steps);
	}
	free(r->params);
	r->params = NULL;
	r->nparams = 0;
}

void esc_func_report_trim(struct esc_func_report *r)
{
	/* the parameters stay if a warning's flow is one of theirs
	   (escape-noescape); so do the locals whose sites or sinks a
	   warning's flow is */
	int keep_params = 0;
	for (int i = 0; i < r->nparams && !keep_params; i++)
		keep_params = flow_shown(r, &r->params[i].heap_flow) ||
			      flow_shown(r, &r->params[i].result_flow);
	if (!keep_params)
		params_free(r);
	int kept = 0;
	for (int i = 0; i < r->nlocals; i++) {
		struct esc_local_report *l = &r->locals[i];
		int keep = 0;
		for (int j = 0; j < l->nsites && !keep; j++)
			keep = flow_shown(r, &l->sites[j].flow);
		for (int j = 0; j < l->nsinks && !keep; j++)
			keep = flow_shown(r, &l->sinks[j].flow);
		if (keep) {
			r->locals[kept++] = *l;
			continue;
		}
		esc_local_free(l);
	}
	for (int i = 0; i < r->nallocs; i++)
		free(r->allocs[i].flow.steps);
	free(r->allocs);
	if (!kept) {
		free(r->locals);
		r->locals = NULL;
	}
	r->allocs = NULL;
	r->nallocs = 0;
	r->nlocals = kept;
}

void esc_func_report_free(struct esc_func_report *r)
{
	if (!r)
		return;
	esc_func_report_trim(r);
	params_free(r);
	for (int i = 0; i < r->nlocals; i++)
		esc_local_free(&r->locals[i]);
	free(r->locals);
	for (int i = 0; i < r->nwarnings; i++) {
		free((char *)r->warnings[i].message);
		for (int u = 0; u < r->warnings[i].nundo; u++) {
			free(r->warnings[i].undo[u].pairs);
			free(r->warnings[i].undo[u].names);
			free(r->warnings[i].undo[u].drain);
			free(r->warnings[i].undo[u].links);
			free(r->warnings[i].undo[u].ends);
		}
		free(r->warnings[i].undo);
	}
	free(r->warnings);
	free(r->calls);
	free(r->ends);
	free(r->writes);
	for (int i = 0; i < r->nimports; i++)
		free(r->imports[i].consts);
	free(r->imports);
	free(r->effects);
	free(r);
}

char *esc_warning_message(const char *kind, const char *obj, const char *fn,
			  const char *what)
{
	char buf[1024];
	if (!what)
		what = "?";
	if (!strcmp(kind, "escape-return"))
		snprintf(buf, sizeof buf, "address of '%s' is returned from '%s', "
			 "whose frame it lives in [%s]", obj, fn, kind);
	else if (!strcmp(kind, "escape-global"))
		snprintf(buf, sizeof buf, "address of '%s' is left in global '%s' "
			 "when '%s' returns [%s]", obj, what, fn, kind);
	else if (!strcmp(kind, "escape-caller"))
		snprintf(buf, sizeof buf, "address of '%s' is left in memory "
			 "outside '%s' when it returns [%s]", obj, fn, kind);
	else if (!strcmp(kind, "escape-kept"))
		snprintf(buf, sizeof buf, "address of '%s' is kept by '%s' after "
			 "'%s' returns [%s]", obj, what, fn, kind);
	else if (!strcmp(kind, "escape-thread"))
		snprintf(buf, sizeof buf, "address of '%s' is handed to a thread "
			 "that '%s' does not join before it returns [%s]", obj,
			 fn, kind);
	else if (!strcmp(kind, "escape-scope"))
		snprintf(buf, sizeof buf, "pointer to '%s' is used after the end "
			 "of its scope in '%s' [%s]", obj, fn, kind);
	else if (!strcmp(kind, "escape-noescape"))
		snprintf(buf, sizeof buf, "parameter '%s' of '%s' is declared "
			 "noescape but escapes [%s]", obj, fn, kind);
	else
		snprintf(buf, sizeof buf, "address of '%s' is given as 'void *' "
			 "to '%s' (no body, no rule), which may keep it after "
			 "'%s' returns [%s]", obj, what, fn, kind);
	return esc_xstrdup(buf);
}

void esc_report_warning(struct esc_func_report *r, const struct esc_warning *w)
{
	r->warnings = esc_xrealloc(r->warnings,
				   (size_t)(r->nwarnings + 1) * sizeof *r->warnings);
	struct esc_warning *copy = &r->warnings[r->nwarnings++];
	*copy = *w; /* its undo calls are r's from now on */
	copy->message = esc_xstrdup(w->message);
}

int esc_warning_notes(const struct esc_warning *w, struct esc_pos at[2],
		      char text[2][300])
{
	struct esc_pos sink = w->sink.line > 0 ? w->sink : w->pos;
	int which = 0;
	const char *obj = w->object ? w->object : "?";
	if (w->pos.line > 0 && (w->pos.line != sink.line || w->pos.col != sink.col ||
				w->pos.file != sink.file)) {
		at[0] = w->pos;
		snprintf(text[0], sizeof text[0], "address of '%s' taken here", obj);
		which |= 1;
	}
	if (w->decl.line > 0) {
		at[1] = w->decl;
		snprintf(text[1], sizeof text[1], "'%s' declared here", obj);
		which |= 2;
	}
	return which;
}

/* snprintf (buf, len, "%s %s", a, b), or "%s" of a alone when b is NULL,
   without printf: most steps are worded so. */
static void words(char *buf, size_t len, const char *a, const char *b)
{
	size_t na = strlen(a), nb = b ? strlen(b) : 0, n = 0;
	if (!len)
		return;
	len--; /* the NUL */
	n = na < len ? na : len;
	memcpy(buf, a, n);
	if (b && n < len) {
		buf[n++] = ' ';
		size_t k = nb < len - n ? nb : len - n;
		memcpy(buf + n, b, k);
		n += k;
	}
	buf[n] = 0;
}

/* A step in words, as the contract spells them: "address-of x",
   "store to global g", "argument 2 of registry_add (no body, no rule)",
   "thread argument of pthread_create", ... */
/* The pieces of a text, appended as snprintf would write them all: cut
   at len - 1 bytes, always NUL-terminated (len > 0). */
struct cat {
	char *buf;
	size_t len, n;
};

static void cat_s(struct cat *c, const char *s)
{
	size_t ns = strlen(s), room = c->len - 1 - c->n;
	size_t k = ns < room ? ns : room;
	memcpy(c->buf + c->n, s, k);
	c->n += k;
	c->buf[c->n] = 0;
}

static void cat_d(struct cat *c, int d)
{
	char num[24], *e = num + sizeof num;
	unsigned u = d < 0 ? 0u - (unsigned)d : (unsigned)d;
	*--e = 0;
	do
		*--e = (char)('0' + u % 10);
	while ((u /= 10));
	if (d < 0)
		*--e = '-';
	cat_s(c, e);
}

/* "argument N" or a nested function's "static chain" */
static void cat_arg(struct cat *c, int arg)
{
	if (arg == ESC_ARG_CHAIN) {
		cat_s(c, "static chain");
	} else {
		cat_s(c, "argument ");
		cat_d(c, arg);
	}
}

void esc_step_text(const struct esc_step *s, char *buf, size_t len)
{
	const char *w = s->what ? s->what : "?";
	struct cat c = { buf, len, 0 };
	/* as snprintf wrote them (each a printf, 13,776 on sqlite3.c at m=2
	   + json: 11.8 M instructions) */
	if (!len)
		return;
	buf[0] = 0;
	switch (s->kind) {
	case ESC_STEP_ARG:
	case ESC_STEP_ARG_SUMMARY:
	case ESC_STEP_ARG_RULE:
	case ESC_STEP_ARG_UNKNOWN:
		cat_arg(&c, s->arg);
		cat_s(&c, " of ");
		cat_s(&c, w);
		cat_s(&c, s->kind == ESC_STEP_ARG ? ""
			  : s->kind == ESC_STEP_ARG_SUMMARY ? " (kept by its body)"
			  : s->kind == ESC_STEP_ARG_RULE ? " (kept by its rule)"
			  : " (no body, no rule)");
		break;
	case ESC_STEP_ARG_INDIRECT:
		cat_arg(&c, s->arg);
		cat_s(&c, " of indirect call");
		break;
	case ESC_STEP_ARG_THREAD:
		cat_s(&c, "thread argument of ");
		cat_s(&c, w);
		break;
	case ESC_STEP_CALL_RESULT:
		cat_s(&c, "returned by ");
		cat_s(&c, w);
		cat_s(&c, " (");
		cat_arg(&c, s->arg);
		cat_s(&c, ")");
		break;
	case ESC_STEP_ASM:
		cat_s(&c, "asm operand ");
		cat_d(&c, s->arg);
		break;
	default:
		words(buf, len, esc_step_name(s->kind), s->what);
	}
}

int esc_param_messages(const struct esc_param_report *p, char msgs[2][256],
		       const struct esc_flow *flows[2])
{
	int h = p->leaks_to_heap, r = p->leaks_to_result, n = 0;
	const char *name = p->name ? p->name : "?";

	/* without printf, as it wrote them (8,446 on sqlite3.c at m=2) */
	if (h >= 0) {
		struct cat c = { msgs[n], sizeof msgs[n], 0 };
		cat_s(&c, h == 0 ? "leaking param: " : "leaking param content: ");
		cat_s(&c, name);
		flows[n++] = &p->heap_flow;
	}
	/* as in Go, a result leak no stronger than the heap leak is not said */
	if (r >= 0 && !(h >= 0 && h <= r)) {
		struct cat c = { msgs[n], sizeof msgs[n], 0 };
		cat_s(&c, "leaking param: ");
		cat_s(&c, name);
		cat_s(&c, " to result level=");
		cat_d(&c, r);
		flows[n++] = &p->result_flow;
	}
	if (!n) {
		struct cat c = { msgs[n], sizeof msgs[n], 0 };
		cat_s(&c, name);
		cat_s(&c, " does not escape");
		flows[n++] = NULL;
	}
	return n;
}

/* A note's flow step in words: "  flow: address-of x"; past the last
   step of a cut flow, "  flow: (explanation cut here)". */
const char esc_flow_as_above[] = "  flow: (as above from here)";

int esc_flow_note(const struct esc_flow *f, int i, char *buf, size_t len)
{
	static const char prefix[] = "  flow: ";
	char text[488];
	if (i < f->nsteps) {
		/* the step's words (at most 479 bytes) after the prefix:
		   one formatting, not two; cut to len as snprintf would */
		char *to = len >= sizeof prefix - 1 + sizeof text ? buf : text;
		memcpy(to, prefix, sizeof prefix - 1);
		esc_step_text(&f->steps[i], to + sizeof prefix - 1,
			      sizeof text - (sizeof prefix - 1));
		if (to != buf && len) {
			size_t n = strlen(text);
			n = n < len - 1 ? n : len - 1;
			memcpy(buf, text, n);
			buf[n] = 0;
		}
		return 1;
	}
	if (i == f->nsteps && f->truncated && f->nsteps) {
		snprintf(buf, len, "  flow: (explanation cut here)");
		return 1;
	}
	return 0;
}

/* The sink a flow ends at, in words: its last step.  Several paths or
   call sites that end at the same global, callee or return are one sink;
   a store through an unnamed pointer, an indirect call, an asm or an
   integer conversion is told apart by its position.  Writes "" when the
   flow has no sink (cut, or empty). */
static void sink_key(const struct esc_flow *f, char *buf, size_t len)
{
	buf[0] = 0;
	if (!f || f->truncated || !f->nsteps)
		return;
	const struct esc_step *s = &f->steps[f->nsteps - 1];
	char text[400];
	esc_step_text(s, text, sizeof text);
	int by_place = s->kind == ESC_STEP_ARG_INDIRECT ||
		       s->kind == ESC_STEP_ASM || s->kind == ESC_STEP_TO_INT ||
		       (s->kind == ESC_STEP_STORE_PTR && !s->what);
	if (by_place)
		snprintf(buf, len, "%s@%d:%d", text, s->pos.line, s->pos.col);
	else
		snprintf(buf, len, "%s", text);
}

struct note_item {
	struct esc_pos pos;
	int order; /* ties at one position keep the report's order */
	const struct esc_local_report *local;
	const struct esc_flow *flow;
	const struct esc_alloc_report *alloc;
};

static int cmp_item(const void *a, const void *b)
{
	const struct note_item *x = a, *y = b;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* Appends a note to v (n notes, room for *cap: a note is 1 KB, and a
   function with hundreds of notes copied them all at each one). */
static struct esc_note *add_note(struct esc_note **v, int *n, int *cap,
				 struct esc_pos pos, const struct esc_flow *flow)
{
	ESC_GROW(*v, *cap, *n + 1);
	struct esc_note *x = &(*v)[(*n)++];
	x->pos = pos;
	x->flow = flow;
	x->text[0] = 0;
	return x;
}

int esc_func_notes(const struct esc_func_report *r, int level,
		   int (*quiet)(struct esc_pos), struct esc_note **out)
{
	struct esc_note *v = NULL;
	int nv = 0, capv = 0;
	*out = NULL;
	if (level < 1 || (quiet && quiet(r->pos)))
		return 0;
	if (r->gave_up)
		snprintf(add_note(&v, &nv, &capv, r->pos, NULL)->text, sizeof v->text,
			 "%s not analysed (%s): its objects are taken to escape",
			 r->name, r->gave_up);
	for (int i = 0; i < r->nparams; i++) {
		const struct esc_param_report *p = &r->params[i];
		char msgs[2][256];
		const struct esc_flow *flows[2];
		int n = esc_param_messages(p, msgs, flows);
		if (!p->name || (quiet && quiet(p->pos)))
			continue;
		for (int k = 0; k < n; k++)
			snprintf(add_note(&v, &nv, &capv, p->pos, level >= 2 ? flows[k] : NULL)->text,
				 sizeof v->text, "%s", msgs[k]);
	}

	/* locals' escaping sites and allocations, in source order */
	int n = r->nallocs;
	for (int i = 0; i < r->nlocals; i++)
		n += r->locals[i].nsites ? r->locals[i].nsites : 1;
	struct note_item *items = esc_xcalloc(n ? n : 1, sizeof *items);
	int k = 0;
	for (int i = 0; i < r->nlocals; i++) {
		const struct esc_local_report *l = &r->locals[i];
		if (!l->escapes)
			continue;
		if (!l->nsites) {
			items[k].pos = l->pos;
			items[k++].local = l;
		}
		for (int s = 0; s < l->nsites; s++) {
			items[k].pos = l->sites[s].pos;
			items[k].local = l;
			items[k++].flow = &l->sites[s].flow;
		}
	}
	for (int i = 0; i < r->nallocs; i++) {
		items[k].pos = r->allocs[i].pos;
		items[k].alloc = &r->allocs[i];
		items[k++].flow = &r->allocs[i].flow;
	}
	for (int i = 0; i < k; i++)
		items[i].order = i;
	qsort(items, (size_t)k, sizeof *items, cmp_item);

	/* m=2 shows a flow once per object and sink: a later site whose
	   shortest flow ends where an earlier one's did refers to it */
	struct shown {
		const struct esc_local_report *local;
		char key[440];
		int line;
	};
	struct shown *shown = esc_xcalloc(k ? k : 1, sizeof *shown);
	int nshown = 0;

	for (int i = 0; i < k; i++) {
		const struct note_item *it = &items[i];
		char name[256];
		int escapes = 1;
		if (quiet && quiet(it->pos))
			continue;
		if (it->alloc) {
			snprintf(name, sizeof name, "%s(...)", it->alloc->callee);
			escapes = it->alloc->escapes;
		} else {
			snprintf(name, sizeof name, "%s", it->local->name);
		}
		if (!escapes) {
			snprintf(add_note(&v, &nv, &capv, it->pos, NULL)->text, sizeof v->text,
				 "%s does not escape", name);
			continue;
		}
		char key[440];
		int same = -1;
		sink_key(level >= 2 && it->local ? it->flow : NULL, key, sizeof key);
		for (int j = 0; key[0] && j < nshown && same < 0; j++)
			if (shown[j].local == it->local && !strcmp(shown[j].key, key))
				same = j;
		if (same >= 0) {
			char sink[400];
			esc_step_text(&it->flow->steps[it->flow->nsteps - 1], sink,
				      sizeof sink);
			snprintf(add_note(&v, &nv, &capv, it->pos, NULL)->text, sizeof v->text,
				 "%s escapes to heap: %s, as explained at line %d",
				 name, sink, shown[same].line);
			continue;
		}
		if (key[0]) {
			shown[nshown].local = it->local;
			snprintf(shown[nshown].key, sizeof shown[nshown].key, "%s", key);
			shown[nshown++].line = it->pos.line;
		}
		int with_flow = level >= 2 && it->flow;
		snprintf(add_note(&v, &nv, &capv, it->pos, with_flow ? it->flow : NULL)->text,
			 sizeof v->text, with_flow ? "%s escapes to heap:"
						   : "%s escapes to heap", name);
	}
	free(shown);
	free(items);
	*out = v;
	return nv;
}
