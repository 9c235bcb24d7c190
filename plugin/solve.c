/*
 * solve.c - which addresses reach a root: Go's walkAll and walkOne.
 *
 * Roots are the heap and the result of every function of the graph.  From
 * a root, walk the edges backwards, computing for each location the
 * fewest derefs with which its value reaches the root (Bellman-Ford with
 * a FIFO worklist: an edge's derefs are -1, 0 or positive, and a location
 * is revisited only when its count drops).  Crossing an address-of edge
 * with a count of 0 means the address itself reaches the root: the count
 * would drop below zero, so it is clamped to 0 and the object is marked as
 * escaping - it is reachable from outside the frame, and so is everything
 * stored in it, which the clamped count of 0 already expresses.
 *
 * The heap walk is one walk with many sources: the heap, and every object
 * found escaping by a result walk (Go re-walks such objects as roots; with
 * a single heap it suffices to add them to the heap walk's worklist and
 * let it run on, since counts only ever drop).
 *
 * Parameters: reached from the heap with d derefs, a parameter leaks
 * (d = 0) or leaks its content (d >= 1); reached from its own function's
 * result, it leaks to the result at level d.
 *
 * A result walk judges only its own function's objects and parameters.
 * In a recursive component, what reaches another function's result goes
 * where that result's edges take it (back to the callers in the
 * component), and the walks from those roots judge it.  (Go's leakTo
 * counts it as a heap leak instead, which closures need and C does not.)
 *
 * Summaries want one more thing: which parameters reach the heap other
 * than by way of the caller's memory (a store through a pointer parameter
 * goes into that parameter's ESC_LOC_PTEE, which flows to the heap).  A
 * second heap walk that does not cross those edges gives leak_own, and a
 * walk from each pointee that is stored into gives, per parameter, the
 * derefs with which it is stored there, and at which level (*p or **p:
 * pointsto.c's two stand-ins): the pstores.
 *
 * Dangling warnings and summaries want to tell the escapes that are seen
 * from those that are only assumed (esc_step.assumed: a typed argument of
 * a function nothing is known of).  The sure walk is the heap walk again
 * without assumed edges: sure_derefs and sure_via, the trail a warning is
 * explained by; and leak_sure is leak_own without them.  What the value
 * of a parameter its function releases flows into is assumed too
 * (esc_param_released: a deallocator that recycles its argument).
 *
 * A result walk also tells whether the result may hold anything that no
 * parameter gave it (result_other): an object's address other than an
 * allocation of the function's own, a value from outside (the unknown
 * location).  If not, a caller's value of the call is made only of what
 * the summary says (arena_alloc(&a): a pointer into the buffer a holds).
 * An allocation of its own that a function returns is fresh: for
 * summaries, what is stored in it does not leak; it is stored into the
 * object the caller receives (a pstore to ESC_FRESH_RESULT).
 *
 * Counts saturate at ESC_MAX_DEREFS, so each location drops at most that
 * many times: a walk is linear in the edges.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

/* What each edge is, for the walks' skips: read once per solve, not
   from the edge and its source at every crossing (esc_solve). */
enum { EF_PTEE = 1, EF_ASSUMED = 2, EF_RELEASED = 4 };

struct walk {
	const unsigned char *ef; /* per edge: EF_* (NULL: all 0) */
	int *dist, *via;
	int *touched, ntouched; /* locations whose dist is set */
	int *queue;
	char *queued;
	int qhead, qlen, n;
	long work; /* edges crossed, for the budget */
	int addr_seen; /* an address-of edge was crossed */
	int released_seen; /* an edge SKIP_RELEASED leaves out was looked
			      at (the pstores' second walk, esc_solve) */
};

/*
 * The safety valve.  Each walk is linear, but there is one walk per
 * function of the graph and per pointee stored into, and in a large
 * recursive component each may cross most of it (a ring of functions
 * returning what the next returns).  Past this many edges crossed in
 * those walks - a floor, or a multiple of the graph's size - the graph
 * is solved conservatively: every object escapes, every parameter leaks,
 * and esc_solve says it was over budget (the adapter then reports its
 * functions as not analysed).
 */
#define ESC_WALK_BUDGET_MIN 10000000L
#define ESC_WALK_BUDGET_PER 64L

static void walk_init(struct walk *w, int n)
{
	w->n = n;
	w->ef = NULL;
	w->dist = esc_xmalloc((size_t)n * sizeof *w->dist);
	w->via = esc_xmalloc((size_t)n * sizeof *w->via);
	w->queue = esc_xmalloc((size_t)n * sizeof *w->queue);
	w->touched = esc_xmalloc((size_t)n * sizeof *w->touched);
	w->queued = esc_xcalloc(n, 1);
	w->qhead = w->qlen = w->ntouched = 0;
	w->work = 0;
	w->addr_seen = w->released_seen = 0;
	for (int i = 0; i < n; i++) {
		w->dist[i] = ESC_INF;
		w->via[i] = -1;
	}
}

static void walk_free(struct walk *w)
{
	free(w->dist);
	free(w->via);
	free(w->queue);
	free(w->touched);
	free(w->queued);
}

static void walk_push(struct walk *w, int l)
{
	if (w->queued[l])
		return;
	w->queued[l] = 1;
	w->queue[(w->qhead + w->qlen) % w->n] = l;
	w->qlen++;
}

static int walk_pop(struct walk *w)
{
	int l = w->queue[w->qhead];
	w->qhead = (w->qhead + 1) % w->n;
	w->qlen--;
	w->queued[l] = 0;
	return l;
}

/* Empties a walk's queue (a walk left before it ran out). */
static void walk_drop_queue(struct walk *w)
{
	while (w->qlen)
		walk_pop(w);
}

/* Forgets a walk's counts, in time proportional to what it touched. */
static void walk_reset(struct walk *w)
{
	for (int i = 0; i < w->ntouched; i++) {
		w->dist[w->touched[i]] = ESC_INF;
		w->via[w->touched[i]] = -1;
	}
	w->ntouched = 0;
}

static void walk_set(struct walk *w, int l, int d, int via)
{
	if (w->dist[l] == ESC_INF)
		w->touched[w->ntouched++] = l;
	w->dist[l] = d;
	w->via[l] = via;
	walk_push(w, l);
}

static void walk_source(struct walk *w, int l)
{
	if (w->dist[l] > 0)
		walk_set(w, l, 0, w->via[l]);
}

/* An object whose address reaches a root that outlives it. */
static void mark_escape(struct esc_graph *g, int obj, struct walk *heap)
{
	if (g->locs[obj].escapes)
		return;
	g->locs[obj].escapes = 1;
	if (heap)
		walk_source(heap, obj);
}

/* Is l an allocation made by function func (-1: none), which a result
   walk of func reaching its address finds returned fresh? */
static int fresh_of(const struct esc_graph *g, int l, int func)
{
	return func >= 0 && g->locs[l].kind == ESC_LOC_ALLOC &&
	       g->locs[l].func == func;
}

/* What a walk leaves out: edges out of the caller's memory (SKIP_PTEE),
   assumed steps (SKIP_ASSUMED); as sources, the allocations a result walk
   reached (SKIP_RETURNED) or those found fresh (SKIP_FRESH). */
enum { SKIP_PTEE = 1, SKIP_ASSUMED = 2, SKIP_RETURNED = 4, SKIP_FRESH = 8,
       SKIP_RELEASED = 16 };

/* What a walk looks for.  A judging walk marks the objects whose address
   it reaches as escaping: the heap walk (heap NULL, func -1), or the result
   walk of function func, which judges only func's objects and hands them
   to the heap walk.  Any other walk only measures: objects whose address
   it reaches are sources of it too (as mark_escape makes them for the heap
   walk), without being marked - they escape already. */
struct walk_goal {
	int judge;
	int func;
	struct walk *heap;
	int skip;
};

/* Runs w to its end. */
static void walk_run(struct esc_graph *g, struct walk *w,
		     const struct walk_goal *goal)
{
	const unsigned char *ef = w->ef;
	unsigned skip = (goal->skip & SKIP_PTEE ? EF_PTEE : 0) |
			(goal->skip & SKIP_ASSUMED ? EF_ASSUMED : 0);
	while (w->qlen) {
		int l = walk_pop(w);
		int dl = w->dist[l];
		for (int ei = g->locs[l].in_head; ei >= 0;
		     ei = g->edges[ei].next_in) {
			const struct esc_edge *e = &g->edges[ei];
			w->work++;
			int src = e->src;
			unsigned f = ef ? ef[ei]
				: (g->locs[src].kind == ESC_LOC_PTEE ? EF_PTEE : 0) |
				  (e->why.assumed ? EF_ASSUMED : 0) |
				  (e->why.assumed == ESC_ASSUMED_RELEASED
				   ? EF_RELEASED : 0);
			if (f & skip)
				continue;
			if (f & EF_RELEASED) {
				w->released_seen = 1;
				if (goal->skip & SKIP_RELEASED)
					continue;
			}
			int d = dl + e->derefs;
			if (d < 0) {
				d = 0; /* an object's address reaches the root */
				if (goal->judge && !fresh_of(g, src, goal->func))
					w->addr_seen = 1;
				if (goal->judge && esc_is_object(g, src) &&
				    (!goal->heap || g->locs[src].func == goal->func)) {
					if (goal->heap)
						g->locs[src].by_result = 1;
					mark_escape(g, src, goal->heap);
				}
			}
			if (d > ESC_MAX_DEREFS)
				d = ESC_MAX_DEREFS;
			if (d < w->dist[src])
				walk_set(w, src, d, ei);
		}
	}
}

/* The heap walk again, measuring, from the heap and every object that
   escapes, but for what goal `skip' leaves out. */
static void heap_again(struct esc_graph *g, struct walk *heap, int skip)
{
	struct walk_goal goal = { 0, -1, NULL, skip };
	walk_reset(heap);
	walk_source(heap, ESC_HEAP);
	for (int l = 0; l < g->nlocs; l++) {
		const struct esc_location *loc = &g->locs[l];
		if (!esc_is_object(g, l))
			continue;
		int unanalysed = loc->func >= 0 && g->funcs[loc->func].gave_up;
		int left_out = ((skip & SKIP_RETURNED) &&
				loc->kind == ESC_LOC_ALLOC) ||
			       ((skip & SKIP_FRESH) && loc->fresh);
		if ((loc->by_result && !left_out) || unanalysed)
			walk_source(heap, l);
	}
	walk_run(g, heap, &goal);
}

static int min_leak(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

/* Sets each parameter's leak_own (leak_sure if sure) to the derefs with
   which walk w reached it; a parameter of a function that was not
   analysed leaks whole. */
static void param_leaks(struct esc_graph *g, const struct walk *w, int sure)
{
	for (int l = 0; l < g->nlocs; l++) {
		struct esc_location *loc = &g->locs[l];
		if (loc->kind != ESC_LOC_PARAM)
			continue;
		int *leak = sure ? &loc->leak_sure : &loc->leak_own;
		*leak = loc->func >= 0 && g->funcs[loc->func].gave_up ? 0 : -1;
		if (w->dist[l] != ESC_INF)
			*leak = min_leak(*leak, w->dist[l]);
	}
}

/* leak_sure: the heap walk from the same sources as heap_again (SKIP_PTEE
   | SKIP_FRESH | SKIP_ASSUMED), over states (location, returns): a
   summary is for callers outside the component, and a path that leaves
   the parameter's function by its return into a caller of the component
   (its result's edges) before it reaches the heap is one such a caller
   never takes - its call returns to itself.  Backwards, crossing a
   return (an edge out of a function's result) counts one up, crossing a
   call (an argument into a parameter of the component) one down, as a
   pop that matches any push, with at most RETS - 1 counted: the count
   is never more than the returns left unmatched, so a path is dropped
   only when it surely returns without a call (sqlite3StrAccumFinish
   returning the accumulator's buffer into sqlite3VMPrintf, whose caller
   stores it, taken for the StrAccum of every other caller; what
   sqlite3_str_vappendf adopts into sqlite3VMPrintf's accumulator, two
   returns after one call).  A parameter leaks surely by the count of
   its state 0. */
#define RETS 4

static void sure_leaks(struct esc_graph *g, struct walk *w, int out,
		       int guard, int hang)
{
	int n = g->nlocs;
	walk_reset(w);
	for (int l = 0; l < n; l++) {
		const struct esc_location *loc = &g->locs[l];
		int unanalysed = loc->func >= 0 && g->funcs[loc->func].gave_up;
		if (l == ESC_HEAP || (esc_is_object(g, l) &&
		    ((loc->by_result && !loc->fresh && !loc->unsure) ||
		     unanalysed)))
			walk_source(w, RETS * l);
	}
	while (w->qlen) {
		int st = walk_pop(w), l = st / RETS, ret = st % RETS;
		int dl = w->dist[st];
		for (int ei = g->locs[l].in_head; ei >= 0;
		     ei = g->edges[ei].next_in) {
			const struct esc_edge *e = &g->edges[ei];
			int src = e->src, r = ret;
			w->work++;
			if (g->locs[src].kind == ESC_LOC_PTEE || e->why.assumed ||
			    (out && e->why.into_result && l == ESC_HEAP) ||
			    (guard && esc_guarded_by(g, e->why.guard, guard)) ||
			    (hang && e->why.hang == hang))
				continue;
			if (g->locs[src].kind == ESC_LOC_RESULT)
				r = ret < RETS - 1 ? ret + 1 : ret;
			else if (e->why.kind == ESC_STEP_ARG &&
				 g->locs[l].kind == ESC_LOC_PARAM)
				r = ret > 0 ? ret - 1 : 0;
			int d = dl + e->derefs;
			if (d < 0)
				d = 0;
			if (d > ESC_MAX_DEREFS)
				d = ESC_MAX_DEREFS;
			if (d < w->dist[RETS * src + r])
				walk_set(w, RETS * src + r, d, ei);
		}
	}
	for (int l = 0; l < n; l++) {
		struct esc_location *loc = &g->locs[l];
		if (loc->kind != ESC_LOC_PARAM)
			continue;
		int gl;
		int *leak = guard || hang ? &gl : out ? &loc->leak_sure_out
						      : &loc->leak_sure;
		*leak = loc->func >= 0 && g->funcs[loc->func].gave_up ? 0 : -1;
		if (w->dist[RETS * l] != ESC_INF)
			*leak = min_leak(*leak, w->dist[RETS * l]);
		if (guard)
			g->guards[guard - 1].sure[l] = gl;
		else if (hang)
			g->hangs[hang - 1].sure[l] = gl;
		else if (!out)
			loc->leak_sure_out = loc->leak_sure;
	}
}

/* The fields of pointee p that stores go into (pointsto.c: a store
   through a pointer at the start of what it points to, of a known
   field), when every edge into p is such a store and they are at most
   ESC_STORE_RANGES fields; else 0. */
static int store_ranges(const struct esc_graph *g, int p, int *off, int *size)
{
	int nr = 0;
	for (int ei = g->locs[p].in_head; ei >= 0; ei = g->edges[ei].next_in) {
		const struct esc_edge *e = &g->edges[ei];
		if (e->fkind != ESC_FIELD_WRITE || e->fsize <= 0)
			return 0;
		int r = 0;
		while (r < nr && (off[r] != e->foff || size[r] != e->fsize))
			r++;
		if (r < nr)
			continue;
		if (nr == ESC_STORE_RANGES)
			return 0;
		off[nr] = e->foff;
		size[nr++] = e->fsize;
	}
	return nr;
}

/* Do insides a and b (1 + index, esc_edge.inside) name the same array
   field? */
static int same_inside(const struct esc_graph *g, int a, int b)
{
	if (a == b)
		return 1;
	if (a <= 0 || b <= 0)
		return 0;
	const struct esc_inside *x = &g->insides[a - 1], *y = &g->insides[b - 1];
	return x->off == y->off && x->size == y->size && x->elem == y->elem;
}

/* Value v is parameter l's value, through copies (one edge into each
   value, derefs 0, the pointer where it was) and at most one edge to a
   pointer into an array field: that inside (esc_edge.inside), 0 for
   none, -1 if v is not l's value so. */
static int value_inside(const struct esc_graph *g, int v, int l)
{
	int in = 0;
	for (int hops = 0; hops < 8; hops++) {
		if (v == l)
			return in;
		if (g->locs[v].kind != ESC_LOC_VALUE)
			return -1;
		int ei = g->locs[v].in_head;
		if (ei < 0 || g->edges[ei].next_in >= 0)
			return -1;
		const struct esc_edge *e = &g->edges[ei];
		if (e->derefs != 0 || e->stale)
			return -1;
		if (e->inside) {
			if (in)
				return -1;
			in = e->inside;
		} else if (!e->fpres) {
			return -1;
		}
		v = e->src;
	}
	return -1;
}

/* The array field every value that the stores into pointee p's field
   [off, off + size) put there points into, each parameter l's value
   (esc_store_inside, value_inside); 0 if not so. */
static int store_inside(const struct esc_graph *g, int p, int off, int size,
			int l)
{
	int in = 0;
	for (int ei = g->locs[p].in_head; ei >= 0; ei = g->edges[ei].next_in) {
		const struct esc_edge *e = &g->edges[ei];
		if (e->foff != off || e->fsize != size)
			continue;
		if (e->derefs != 0)
			return 0;
		int v = value_inside(g, e->src, l);
		if (v < 0 || (v && e->inside))
			return 0;
		if (!v)
			v = e->inside;
		if (!v || (in && !same_inside(g, in, v)))
			return 0;
		in = v;
	}
	return in;
}

/* A pstore of parameter location l into `to' at `level', by the field
   [off, off + size) (off -1: any part); one per parameter from first
   on, its derefs the fewest, its fields all of theirs (or any part
   when they are too many). */
static void add_pstore(struct esc_graph *g, int first, int l, int derefs,
		       int to, int level, int off, int size, int inside)
{
	struct esc_pstore *ps = NULL;
	for (int k = first; k < g->npstores && !ps; k++)
		if (g->pstores[k].loc == l)
			ps = &g->pstores[k];
	if (!ps) {
		ESC_GROW(g->pstores, g->cap_pstores, g->npstores + 1);
		ps = &g->pstores[g->npstores++];
		ps->func = g->locs[l].func;
		ps->from = g->locs[l].param_index;
		ps->to = to;
		ps->derefs = derefs;
		ps->level = level;
		ps->loc = l;
		ps->assumed = 0;
		ps->nranges = off < 0 ? 0 : 1;
		ps->off[0] = off;
		ps->size[0] = size;
		ps->inside = off < 0 ? 0 : inside;
		return;
	}
	if (!same_inside(g, ps->inside, inside))
		ps->inside = 0;
	if (derefs < ps->derefs)
		ps->derefs = derefs;
	if (!ps->nranges)
		return;
	if (off < 0 || ps->nranges == ESC_STORE_RANGES) {
		ps->nranges = 0;
		return;
	}
	ps->off[ps->nranges] = off;
	ps->size[ps->nranges++] = size;
}

/* Does pointee p receive, by a store, a value from outside: what the
   unknown location or the heap gives (a global's value, an unknown
   result), or the address of an allocation that escapes by another way
   too (outside[])?  Walked as a measuring walk without the caller's
   memory, but an address-of edge ends the path (what the object it
   takes the address of holds is not stored into p) unless the path
   reads through it (derefs >= 1 left).  The values of p's function's
   own parameters are the summary's stores; another function's of its
   component is walked on (its callers there).  From p (first -1), or
   only by edge first into p.  Uses w's arrays (reset first). */
static int other_from(const struct esc_graph *g, struct walk *w, int p,
		      int first, const char *outside)
{
	walk_reset(w);
	if (first < 0) {
		walk_source(w, p);
	} else {
		/* the one edge first into p */
		const struct esc_edge *e = &g->edges[first];
		const struct esc_location *s = &g->locs[e->src];
		if (s->kind == ESC_LOC_PTEE ||
		    (s->kind == ESC_LOC_PARAM && s->func == g->locs[p].func))
			return 0;
		if (e->derefs < 0)
			return outside[e->src];
		if (e->src == ESC_HEAP || s->kind == ESC_LOC_UNKNOWN ||
		    s->kind == ESC_LOC_HEAP)
			return 1;
		walk_set(w, e->src, e->derefs, first);
	}
	while (w->qlen) {
		int l = walk_pop(w);
		int dl = w->dist[l];
		for (int ei = g->locs[l].in_head; ei >= 0;
		     ei = g->edges[ei].next_in) {
			const struct esc_edge *e = &g->edges[ei];
			const struct esc_location *s = &g->locs[e->src];
			w->work++;
			int d = dl + e->derefs;
			if (s->kind == ESC_LOC_PTEE ||
			    (s->kind == ESC_LOC_PARAM && s->func == g->locs[p].func))
				continue;
			if (d < 0) {
				if (outside[e->src]) {
					walk_drop_queue(w);
					return 1;
				}
				continue;
			}
			/* (another function's parameter, of the same
			   component: walked on, its callers' arguments) */
			if (e->src == ESC_HEAP || s->kind == ESC_LOC_UNKNOWN ||
			    s->kind == ESC_LOC_HEAP) {
				walk_drop_queue(w);
				return 1;
			}
			if (d > ESC_MAX_DEREFS)
				d = ESC_MAX_DEREFS;
			if (d < w->dist[e->src])
				walk_set(w, e->src, d, ei);
		}
	}
	return 0;
}

/* other_in of pointee p: 0, none; 1, a value from outside into any
   part of it; 2 + k, only into the fields of g->oranges[k] (each edge
   into p that brings one writes a known field, and they are few). */
static int other_into(struct esc_graph *g, struct walk *w, int p,
		      const char *outside)
{
	if (!other_from(g, w, p, -1, outside))
		return 0;
	struct esc_ranges r;
	r.nranges = 0;
	for (int ei = g->locs[p].in_head; ei >= 0; ei = g->edges[ei].next_in) {
		const struct esc_edge *e = &g->edges[ei];
		if (!other_from(g, w, p, ei, outside))
			continue;
		if (e->fkind != ESC_FIELD_WRITE || e->fsize <= 0 || e->foff < 0)
			return 1;
		int k = 0;
		while (k < r.nranges && (r.off[k] != e->foff || r.size[k] != e->fsize))
			k++;
		if (k < r.nranges)
			continue;
		if (r.nranges == ESC_STORE_RANGES)
			return 1;
		r.off[r.nranges] = e->foff;
		r.size[r.nranges++] = e->fsize;
	}
	if (!r.nranges)
		return 1;
	ESC_GROW(g->oranges, g->cap_oranges, g->noranges + 1);
	g->oranges[g->noranges] = r;
	return 2 + g->noranges++;
}

/* leak_sure; leak_sure_out around the stores into what a function
   returns, when there are any; and per guard that guards any step, and
   per hang that any store goes into, the sure leaks around its steps. */
static void sure_leaks_all(struct esc_graph *g, struct walk *rets)
{
	sure_leaks(g, rets, 0, 0, 0);
	int into = 0;
	for (int i = 0; i < g->nedges && !into; i++)
		into = g->edges[i].why.into_result &&
		       g->edges[i].dst == ESC_HEAP;
	if (into)
		sure_leaks(g, rets, 1, 0, 0);
	for (int k = 0; k < g->nguards; k++) {
		int any = 0;
		for (int i = 0; i < g->nedges && !any; i++)
			any = esc_guarded_by(g, g->edges[i].why.guard, k + 1);
		free(g->guards[k].sure);
		g->guards[k].sure = NULL;
		if (!any)
			continue;
		g->guards[k].sure = esc_xmalloc((size_t)g->nlocs * sizeof(int));
		sure_leaks(g, rets, 0, k + 1, 0);
	}
	for (int k = 0; k < g->nhangs; k++) {
		int any = 0;
		for (int i = 0; i < g->nedges && !any; i++)
			any = g->edges[i].why.hang == k + 1;
		/* a parameter given values inside the graph (a recursive
		   component calls its function): an inner activation hangs
		   its memory off another object than the caller's, so its
		   stores are not the caller's to release */
		for (int ei = g->locs[g->hangs[k].param].in_head;
		     ei >= 0 && any; ei = g->edges[ei].next_in)
			if (g->edges[ei].why.kind == ESC_STEP_ARG)
				any = 0;
		free(g->hangs[k].sure);
		g->hangs[k].sure = NULL;
		if (!any)
			continue;
		g->hangs[k].sure = esc_xmalloc((size_t)g->nlocs * sizeof(int));
		sure_leaks(g, rets, 0, 0, k + 1);
	}
}

void esc_solve_sure_again(struct esc_graph *g)
{
	struct walk rets;
	walk_init(&rets, RETS * g->nlocs);
	/* as esc_solve */
	sure_leaks_all(g, &rets);
	walk_free(&rets);
	for (int l = 0; l < g->nlocs; l++) {
		struct esc_location *loc = &g->locs[l];
		if (loc->kind != ESC_LOC_PARAM || !g->imports_solved)
			continue;
		if (loc->leak_sure < 0)
			loc->local_sure = -1;
		else if (loc->local_sure >= 0 && loc->local_sure < loc->leak_sure)
			loc->local_sure = loc->leak_sure;
	}
}

/* Over budget: everything escapes (see ESC_WALK_BUDGET_MIN). */
static void solve_conservatively(struct esc_graph *g)
{
	for (int l = 0; l < g->nlocs; l++) {
		struct esc_location *loc = &g->locs[l];
		loc->fresh = 0;
		loc->other_in = loc->kind == ESC_LOC_PTEE;
		if (esc_is_object(g, l)) {
			loc->escapes = 1;
		} else if (loc->kind == ESC_LOC_PARAM) {
			loc->leak_heap = 0;
			loc->leak_own = 0;
			loc->leak_sure = 0;
			loc->leak_sure_out = 0;
		}
	}
	for (int f = 0; f < g->nfuncs; f++)
		g->funcs[f].result_other = 1;
	g->npstores = 0;
	for (int k = 0; k < g->nguards; k++) {
		free(g->guards[k].sure);
		g->guards[k].sure = NULL;
	}
	for (int k = 0; k < g->nhangs; k++) {
		free(g->hangs[k].sure);
		g->hangs[k].sure = NULL;
	}
}

/* The edges and stores that carry a released parameter's value on
   (derefs 0; a load through it reads what it points to) are assumed. */
static void assume_released(struct esc_graph *g)
{
	int any = 0;
	for (int l = 0; l < g->nlocs && !any; l++)
		any = g->locs[l].released;
	if (!any)
		return;
	for (int i = 0; i < g->nedges; i++)
		if (g->edges[i].derefs <= 0 && g->locs[g->edges[i].src].released)
			g->edges[i].why.assumed = ESC_ASSUMED_RELEASED;
	for (int i = 0; i < g->nstores; i++)
		if (g->stores[i].derefs <= 0 && g->locs[g->stores[i].src].released)
			g->stores[i].why.assumed = ESC_ASSUMED_RELEASED;
}

int esc_solve(struct esc_graph *g)
{
	assume_released(g);
	int rc = esc_resolve_stores(g);
	int n = g->nlocs, over = 0;
	struct walk heap, res;
	long budget = ESC_WALK_BUDGET_PER * ((long)g->nedges + n);
	if (budget < ESC_WALK_BUDGET_MIN)
		budget = ESC_WALK_BUDGET_MIN;

	for (int l = 0; l < n; l++) {
		struct esc_location *loc = &g->locs[l];
		loc->escapes = 0;
		loc->heap_derefs = loc->result_derefs = ESC_INF;
		loc->heap_via = loc->result_via = -1;
		loc->result_func = -1;
		loc->leak_heap = loc->leak_result = -1;
		loc->sure_derefs = ESC_INF;
		loc->sure_via = -1;
		loc->fresh = 0;
		loc->by_result = 0;
		loc->unsure = 0;
		loc->other_in = 0;
	}
	g->npstores = 0;
	g->noranges = 0;
	for (int f = 0; f < g->nfuncs; f++)
		g->funcs[f].result_other = 1;

	unsigned char *ef = esc_xmalloc((size_t)g->nedges + 1);
	for (int i = 0; i < g->nedges; i++) {
		const struct esc_edge *e = &g->edges[i];
		ef[i] = (unsigned char)((g->locs[e->src].kind == ESC_LOC_PTEE
					 ? EF_PTEE : 0) |
					(e->why.assumed ? EF_ASSUMED : 0) |
					(e->why.assumed == ESC_ASSUMED_RELEASED
					 ? EF_RELEASED : 0));
	}
	struct walk_goal heap_goal = { 1, -1, NULL, 0 };
	walk_init(&heap, n);
	heap.ef = ef;
	walk_source(&heap, ESC_HEAP);
	/* A function that was not analysed keeps everything it has. */
	for (int l = 0; l < n; l++) {
		struct esc_location *loc = &g->locs[l];
		if (loc->func >= 0 && g->funcs[loc->func].gave_up) {
			if (esc_is_object(g, l))
				mark_escape(g, l, &heap);
			else if (loc->kind == ESC_LOC_PARAM)
				loc->leak_heap = 0;
		}
	}
	walk_run(g, &heap, &heap_goal);

	walk_init(&res, n);
	res.ef = ef;
	for (int f = 0; f < g->nfuncs; f++) {
		if (res.work > budget) {
			over = 1;
			break;
		}
		int root = g->funcs[f].result;
		struct walk_goal res_goal = { 1, f, &heap, 0 };
		walk_reset(&res);
		res.addr_seen = 0;
		walk_source(&res, root);
		walk_run(g, &res, &res_goal);
		/* other: an object's address, or a value that comes from no
		   parameter of f (the unknown location, which absolute
		   addresses come from too); a value nothing flows into (a
		   null pointer) holds nothing */
		int other = res.addr_seen;
		for (int t = 0; t < res.ntouched; t++) {
			int l = res.touched[t];
			struct esc_location *loc = &g->locs[l];
			if (loc->in_head < 0 && loc->kind != ESC_LOC_VALUE &&
			    !fresh_of(g, l, f) &&
			    !(loc->kind == ESC_LOC_PARAM && loc->func == f))
				other = 1;
			if (l == root)
				continue;
			if (res.dist[l] < loc->result_derefs) {
				loc->result_derefs = res.dist[l];
				loc->result_via = res.via[l];
				loc->result_func = f;
			}
			if (loc->kind != ESC_LOC_PARAM)
				continue;
			if (loc->func == f)
				loc->leak_result =
					min_leak(loc->leak_result, res.dist[l]);
		}
		g->funcs[f].result_other = other;
		/* objects found escaping here make the heap walk go on */
		walk_run(g, &heap, &heap_goal);
	}
	walk_free(&res);

	for (int l = 0; l < n; l++) {
		struct esc_location *loc = &g->locs[l];
		if (heap.dist[l] != ESC_INF) {
			loc->heap_derefs = heap.dist[l];
			loc->heap_via = heap.via[l];
		}
		if (loc->kind == ESC_LOC_PARAM && heap.dist[l] != ESC_INF)
			loc->leak_heap = min_leak(loc->leak_heap, heap.dist[l]);
	}

	/* Which allocations a function returns are fresh: those whose
	   address reaches the heap only by way of the result (the heap walk
	   again without them). */
	heap_again(g, &heap, SKIP_RETURNED);
	for (int l = 0; l < n; l++) {
		struct esc_location *loc = &g->locs[l];
		if (loc->kind != ESC_LOC_ALLOC || !loc->by_result)
			continue;
		loc->fresh = heap.dist[l] != 0 && loc->func >= 0 &&
			     !g->funcs[loc->func].gave_up;
		/* the result walk took it for fresh */
		if (!loc->fresh && loc->func >= 0)
			g->funcs[loc->func].result_other = 1;
	}
	/* The sure walk: around assumed steps. */
	heap_again(g, &heap, SKIP_ASSUMED);
	for (int t = 0; t < heap.ntouched; t++) {
		int l = heap.touched[t];
		g->locs[l].sure_derefs = heap.dist[l];
		g->locs[l].sure_via = heap.via[l];
	}
	/* leak_own and leak_sure: around the caller's memory and fresh
	   allocations, the latter around assumed steps too. */
	heap_again(g, &heap, SKIP_PTEE | SKIP_FRESH);
	param_leaks(g, &heap, 0);
	/* the allocations that escape by another way than the caller's
	   memory (or as a fresh result): one stored into *pp is then a
	   value from outside there (other_in) */
	char *outside = esc_xcalloc((size_t)n + 1, 1);
	for (int l = 0; l < n; l++)
		outside[l] = g->locs[l].kind == ESC_LOC_ALLOC &&
			     heap.dist[l] != ESC_INF;
	{
		struct walk rets;
		walk_init(&rets, RETS * n);
		sure_leaks_all(g, &rets);
		heap.work += rets.work;
		walk_free(&rets);
	}

	/* what each pointee stored into receives from the parameters of
	   its function, and each fresh allocation returned (to:
	   ESC_FRESH_RESULT) */
	int any_released = 0;
	for (int i = 0; i < g->nedges && !any_released; i++)
		any_released = g->edges[i].why.assumed == ESC_ASSUMED_RELEASED;
	for (int p = 0; p < n; p++) {
		int fresh = g->locs[p].fresh;
		if ((g->locs[p].kind != ESC_LOC_PTEE && !fresh) ||
		    g->locs[p].in_head < 0)
			continue;
		if (over || heap.work > budget) {
			over = 1;
			break;
		}
		struct walk_goal stores = { 0, -1, NULL, SKIP_PTEE };
		int first = g->npstores;
		if (!fresh && !g->locs[p].deep)
			g->locs[p].other_in = other_into(g, &heap, p, outside);
		/* by the fields stored into, when all are known and few */
		int off[ESC_STORE_RANGES], size[ESC_STORE_RANGES];
		int nr = fresh || g->locs[p].deep || any_released ? 0
			: store_ranges(g, p, off, size);
		long work0 = heap.work;
		heap.released_seen = 0;
		for (int r = 0; r < (nr ? nr : 1); r++) {
			walk_reset(&heap);
			if (!nr)
				walk_source(&heap, p);
			for (int ei = g->locs[p].in_head; nr && ei >= 0;
			     ei = g->edges[ei].next_in) {
				const struct esc_edge *e = &g->edges[ei];
				int d = e->derefs < 0 ? 0 : e->derefs;
				if (e->foff != off[r] || e->fsize != size[r] ||
				    g->locs[e->src].kind == ESC_LOC_PTEE ||
				    d >= heap.dist[e->src])
					continue;
				walk_set(&heap, e->src, d, ei);
			}
			walk_run(g, &heap, &stores);
			for (int t = 0; t < heap.ntouched; t++) {
				int l = heap.touched[t];
				const struct esc_location *loc = &g->locs[l];
				/* the variadic arguments too (ESC_VARARGS) */
				if (loc->kind != ESC_LOC_PARAM ||
				    loc->func != g->locs[p].func ||
				    (loc->param_index < 0 &&
				     loc->param_index != ESC_VARARGS))
					continue;
				add_pstore(g, first, l, heap.dist[l],
					   fresh ? ESC_FRESH_RESULT
						 : g->locs[p].param_index,
					   g->locs[p].deep ? 2 : 1,
					   nr ? off[r] : -1, nr ? size[r] : 0,
					   nr && !fresh && !g->locs[p].deep
						   ? store_inside(g, p, off[r],
								  size[r], l)
						   : 0);
			}
		}
		/* which of them only steps that carry a released
		   parameter's value make (a deallocator's free list) */
		if (first < g->npstores && any_released &&
		    !heap.released_seen) {
			/* the walk above crossed no such step: this walk
			   would be the same (nr is 0 here), edge for edge;
			   its work counts for the budget all the same */
			heap.work += heap.work - work0;
		} else if (first < g->npstores && any_released) {
			stores.skip |= SKIP_RELEASED;
			walk_reset(&heap);
			walk_source(&heap, p);
			walk_run(g, &heap, &stores);
			for (int k = first; k < g->npstores; k++) {
				struct esc_pstore *ps = &g->pstores[k];
				ps->assumed = heap.dist[ps->loc] > ps->derefs;
			}
		}
	}
	walk_free(&heap);
	free(ef);
	free(outside);
	if (over)
		solve_conservatively(g);
	g->solved = 1;
	g->over_budget = rc < 0 || over;
	return g->over_budget ? -1 : 0;
}

int esc_escapes(const struct esc_graph *g, int loc)
{
	return g->locs[loc].escapes;
}

int esc_leak_heap(const struct esc_graph *g, int loc)
{
	return g->locs[loc].leak_heap;
}

int esc_leak_result(const struct esc_graph *g, int loc)
{
	return g->locs[loc].leak_result;
}
