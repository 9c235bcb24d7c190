/*
 * pointsto.c - where do pointers point: resolving stores before solving.
 *
 * Go sends every store through a pointer to the heap.  C code stores
 * through pointers to its own locals all the time (p = &node; p->next =
 * &other), so escape first asks, for every pointer that is stored through,
 * which objects of this frame it may point to, and whether it may point
 * anywhere else ("top": a parameter, a global, anything loaded from
 * memory that is not this frame's, an unknown call's result).  A pointer
 * parameter points to its own stand-in for the caller's memory, an
 * ESC_LOC_PTEE which flows to the heap; the pointers held there point to
 * a second one, the caller's memory one level down (the node pool a
 * caller's parser points to), whose contents are top.  A store *p = v then
 * becomes an edge from v into each object p may point to, and an edge into
 * the heap if p may point elsewhere.  A store into a stand-in the
 * function sees only through a pointer to const (const char *s) is
 * assumed (esc_step.assumed): it can only come from the imprecision of
 * the analysis, which mixes the fields of an object, or from casting
 * const away.
 *
 * A store into the caller's memory of a pointer that points only into
 * that same memory (b->z = b->space, head->next = head: a self-reference)
 * is assumed too.  The analysis mixes the fields of an object, so
 * whatever is read out of it afterwards (b->ctx handed to a callee)
 * would carry the parameter itself, and the summary would say the
 * callee keeps its argument; the escape stands (notes), the caller still
 * gets the store (the pstores walk crosses assumed edges), but no
 * dangling warning rests on it.  Which stores these are is known only
 * when the sets are complete: the edges they made are marked at the end.
 *
 * The analysis is Andersen's (inclusion-based, flow-insensitive) over the
 * same edges the solver walks:
 *
 *   dst = &o     (derefs -1)  o in pts(dst)
 *   dst = src    (derefs  0)  pts(dst) includes pts(src)
 *   dst = *src   (derefs  1)  pts(dst) includes pts(o) for each o in pts(src)
 *   *ptr = src   (a store)    src flows into each o in pts(ptr)
 *
 * run with a worklist until nothing changes, by difference propagation (a
 * location popped sends its successors only the objects it gained since
 * it was last popped; a new copy edge gets the whole set at once).  Sets
 * are small arrays; one that grows past ESC_PTS_MAX objects becomes top,
 * which is conservative (stores through it also reach the heap).  Over
 * the work budget, every remaining store goes to the heap, which is
 * conservative too.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#define ESC_PTS_MAX 32
#define ESC_PTS_BUDGET 50000000L /* set operations per graph */

struct ilist {
	int n, cap;
	int *v;
};

static void ilist_add(struct ilist *l, int x)
{
	ESC_GROW(l->v, l->cap, l->n + 1);
	l->v[l->n++] = x;
}

struct pts_state {
	struct esc_graph *g;
	struct esc_pts *pts;
	struct ilist *succ;   /* copy edges: pts(succ) includes pts(this) */
	struct ilist *loads;  /* dst = *this */
	struct ilist *stores; /* store records with ptr == this */
	struct ilist selfs;   /* pairs edge, obj: stores of a value into obj */
	int *queue, qhead, qlen, qcap;
	char *queued;
	int *mark, stamp;     /* merge_from's: the objects of a set */
	long work;
};

static void push(struct pts_state *s, int l)
{
	if (s->queued[l])
		return;
	s->queued[l] = 1;
	if (s->qlen == s->qcap) {
		/* grow the ring buffer, unrolling it */
		int ncap = s->qcap ? 2 * s->qcap : 64;
		int *q = esc_xmalloc((size_t)ncap * sizeof *q);
		for (int i = 0; i < s->qlen; i++)
			q[i] = s->queue[(s->qhead + i) % s->qcap];
		free(s->queue);
		s->queue = q;
		s->qhead = 0;
		s->qcap = ncap;
	}
	s->queue[(s->qhead + s->qlen) % s->qcap] = l;
	s->qlen++;
}

static int pop(struct pts_state *s)
{
	int l = s->queue[s->qhead];
	s->qhead = (s->qhead + 1) % s->qcap;
	s->qlen--;
	s->queued[l] = 0;
	return l;
}

static int set_top(struct pts_state *s, int l)
{
	if (s->pts[l].top)
		return 0;
	s->pts[l].top = 1;
	push(s, l);
	return 1;
}

/* obj, not in l's set yet, joins it (or makes it top when full). */
static void add_new(struct pts_state *s, int l, int obj)
{
	struct esc_pts *p = &s->pts[l];
	s->work += p->n + 1;
	if (p->n >= ESC_PTS_MAX) {
		set_top(s, l);
		return;
	}
	ESC_GROW(p->objs, p->cap, p->n + 1);
	p->objs[p->n++] = obj;
	push(s, l);
}

static void add_obj(struct pts_state *s, int l, int obj)
{
	struct esc_pts *p = &s->pts[l];
	if (p->top && p->n >= ESC_PTS_MAX)
		return;
	for (int i = 0; i < p->n; i++)
		if (p->objs[i] == obj)
			return;
	s->work += p->n + 1;
	if (p->n >= ESC_PTS_MAX) {
		set_top(s, l);
		return;
	}
	ESC_GROW(p->objs, p->cap, p->n + 1);
	p->objs[p->n++] = obj;
	push(s, l);
}

/* pts(dst) includes objs[from..) of pts(src), and its top. */
static void merge_from(struct pts_state *s, int dst, int src, int from)
{
	if (dst == src)
		return;
	struct esc_pts *p = &s->pts[src];
	if (p->top)
		set_top(s, dst);
	if (p->n - from > 4) {
		/* many objects: dst's are marked once, not searched for each
		   (the same objects join in the same order, as add_obj) */
		const struct esc_pts *d = &s->pts[dst];
		if (d->top && d->n >= ESC_PTS_MAX)
			return;
		s->stamp++;
		for (int i = 0; i < d->n; i++)
			s->mark[d->objs[i]] = s->stamp;
		for (int i = from; i < p->n; i++) {
			d = &s->pts[dst];
			if (d->top && d->n >= ESC_PTS_MAX)
				break;
			int obj = p->objs[i];
			if (s->mark[obj] == s->stamp)
				continue;
			s->mark[obj] = s->stamp;
			add_new(s, dst, obj);
		}
		return;
	}
	for (int i = from; i < p->n; i++) {
		/* a full top set takes nothing more (add_obj): stop at once,
		   not once per object (a set of 32 sent into every copy) */
		const struct esc_pts *d = &s->pts[dst];
		if (d->top && d->n >= ESC_PTS_MAX)
			break;
		add_obj(s, dst, p->objs[i]);
	}
}

/* pts(dst) includes pts(src): for a new copy edge. */
static void merge(struct pts_state *s, int dst, int src)
{
	merge_from(s, dst, src, 0);
}

/* The value *^derefs src flows into location dst. */
static void value_into(struct pts_state *s, int dst, int src, int derefs)
{
	if (derefs < 0) {
		if (esc_is_object(s->g, src))
			add_obj(s, dst, src);
		else
			set_top(s, dst);
	} else if (derefs == 0) {
		ilist_add(&s->succ[src], dst);
		merge(s, dst, src);
	} else if (derefs == 1) {
		ilist_add(&s->loads[src], dst);
		struct esc_pts *p = &s->pts[src];
		for (int i = 0; i < p->n; i++) {
			ilist_add(&s->succ[p->objs[i]], dst);
			merge(s, dst, p->objs[i]);
		}
		if (p->top)
			set_top(s, dst);
	} else {
		set_top(s, dst);
	}
}

static void store_into(struct pts_state *s, const struct esc_store_rec *st,
		       int obj)
{
	struct esc_step why = st->why;
	/* memory its function releases before it returns: only the heap's
	   (a tracked object's contents may be read out before) */
	if (why.assumed == ESC_ASSUMED_TORN_DOWN && obj != ESC_HEAP)
		why.assumed = 0;
	if (obj != ESC_HEAP) {
		why.into_result = 0;
		why.hang = 0;
	}
	if (obj == ESC_HEAP) {
		why.kind = ESC_STEP_STORE_PTR;
		esc_graph_add_edge(s->g, ESC_HEAP, st->src, st->derefs, why);
		return;
	}
	if (why.kind == ESC_STEP_STORE_PTR &&
	    s->g->locs[obj].kind != ESC_LOC_PTEE)
		why.kind = ESC_STEP_STORE_LOCAL;
	if (s->g->locs[obj].readonly)
		why.assumed = 1; /* only by casting const away */
	int e = esc_graph_add_edge(s->g, obj, st->src, st->derefs, why);
	if (st->derefs == 0 && !why.assumed &&
	    s->g->locs[obj].kind == ESC_LOC_PTEE) {
		ilist_add(&s->selfs, e);
		ilist_add(&s->selfs, obj);
	}
	value_into(s, obj, st->src, st->derefs);
}

/* Applies loads and stores through l to the objects (and top) it gained. */
static void apply_complex(struct pts_state *s, int l)
{
	struct esc_pts *p = &s->pts[l];
	while (p->done < p->n) {
		int obj = p->objs[p->done++];
		for (int i = 0; i < s->loads[l].n; i++) {
			int dst = s->loads[l].v[i];
			ilist_add(&s->succ[obj], dst);
			merge(s, dst, obj);
		}
		for (int i = 0; i < s->stores[l].n; i++)
			store_into(s, &s->g->stores[s->stores[l].v[i]], obj);
		p = &s->pts[l];
	}
	if (p->top && !p->top_done) {
		p->top_done = 1;
		for (int i = 0; i < s->loads[l].n; i++)
			set_top(s, s->loads[l].v[i]);
		for (int i = 0; i < s->stores[l].n; i++)
			store_into(s, &s->g->stores[s->stores[l].v[i]], ESC_HEAP);
	}
}

static void state_free(struct pts_state *s, int n)
{
	for (int i = 0; i < n; i++) {
		free(s->pts[i].objs);
		free(s->succ[i].v);
		free(s->loads[i].v);
		free(s->stores[i].v);
	}
	free(s->pts);
	free(s->succ);
	free(s->loads);
	free(s->stores);
	free(s->queue);
	free(s->queued);
	free(s->mark);
}

int esc_resolve_stores(struct esc_graph *g)
{
	struct pts_state s;
	int n = g->nlocs; /* resolving adds edges, never locations */
	int over = 0;

	memset(&s, 0, sizeof s);
	s.g = g;
	s.pts = esc_xcalloc(n, sizeof *s.pts);
	s.succ = esc_xcalloc(n, sizeof *s.succ);
	s.loads = esc_xcalloc(n, sizeof *s.loads);
	s.stores = esc_xcalloc(n, sizeof *s.stores);
	s.queued = esc_xcalloc(n, 1);
	s.mark = esc_xcalloc(n, sizeof *s.mark);

	for (int l = 0; l < n; l++) {
		enum esc_loc_kind k = g->locs[l].kind;
		if ((k == ESC_LOC_PARAM || k == ESC_LOC_PTEE) &&
		    g->locs[l].ptee >= 0)
			/* the caller's memory; and what the pointers in it
			   point to, the caller's memory one level down */
			add_obj(&s, l, g->locs[l].ptee);
		else if (k == ESC_LOC_HEAP || k == ESC_LOC_UNKNOWN ||
			 k == ESC_LOC_PARAM || k == ESC_LOC_PTEE)
			set_top(&s, l);
	}
	int nedges = g->nedges;
	for (int i = 0; i < nedges; i++) {
		struct esc_edge e = g->edges[i];
		if (e.dst != ESC_HEAP && !e.fwd)
			value_into(&s, e.dst, e.src, e.derefs);
	}
	for (int i = 0; i < g->nstores; i++)
		ilist_add(&s.stores[g->stores[i].ptr], i);
	for (int i = 0; i < g->nstores; i++)
		push(&s, g->stores[i].ptr);

	while (s.qlen) {
		if (s.work > ESC_PTS_BUDGET) {
			over = 1;
			break;
		}
		int l = pop(&s);
		/* difference propagation: a successor has had every object
		   sent before (or all of them when its edge was made), and
		   sets only grow at their end, so only the new ones go */
		int from = s.pts[l].sent, upto = s.pts[l].n;
		for (int i = 0; i < s.succ[l].n; i++)
			merge_from(&s, s.succ[l].v[i], l, from);
		s.pts[l].sent = upto;
		apply_complex(&s, l);
		s.work += s.succ[l].n + 1;
	}
	if (over) {
		/* Conservative: every store may also go to the heap. */
		for (int i = 0; i < g->nstores; i++) {
			struct esc_step why = g->stores[i].why;
			why.kind = ESC_STEP_STORE_PTR;
			esc_graph_add_edge(g, ESC_HEAP, g->stores[i].src,
					   g->stores[i].derefs, why);
		}
	}
	/* self-references (above): the stored value points into obj only */
	for (int i = 0; !over && i + 1 < s.selfs.n; i += 2) {
		struct esc_edge *e = &g->edges[s.selfs.v[i]];
		const struct esc_pts *p = &s.pts[e->src];
		if (!p->top && p->n == 1 && p->objs[0] == s.selfs.v[i + 1])
			e->why.assumed = 1;
	}
	free(s.selfs.v);
	state_free(&s, n);
	g->nstores = 0;
	return over ? -1 : 0;
}
