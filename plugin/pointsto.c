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
	int *took, pops;      /* per location: the pop that last sent it
				 objects (a successor listed twice, a
				 load's, takes them once) */
	long work;
	char *shape;          /* per store record: store_shape's */
	char *start;          /* per location: points only to the start of
				 the objects it points to (exact_starts),
				 NULL when no store has a field */
};

/* A store's value (store_shape) */
enum { RT_NONE, RT_BACK, RT_SELF };

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
	/* into the memory its function returns: the heap's, or the
	   caller's (a slot its allocator took off a free list the caller
	   reaches: the sinks walk's, findings.c; the solver keeps it to
	   the heap's) */
	if (obj != ESC_HEAP) {
		if (s->g->locs[obj].kind != ESC_LOC_PTEE)
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
	int self = s->shape[st - s->g->stores] == RT_SELF;
	/* the caller's memory given its own address: a self-reference
	   (above); an object of the frame: its own address, not the
	   value's every object (the activations are merged) */
	if (self && s->g->locs[obj].kind == ESC_LOC_PTEE)
		why.assumed = 1;
	int self_obj = self && esc_is_object(s->g, obj);
	int e = self_obj
		? esc_graph_add_edge(s->g, obj, obj, -1, why)
		: esc_graph_add_edge(s->g, obj, st->src, st->derefs, why);
	s->g->edges[e].viaptr = 1;
	/* a value that points into an array field of what its source
	   points to (esc_store_inside); the object's own address: when
	   the pointer is at the object's start */
	if (st->inside && (!self_obj || (s->start && s->start[st->ptr])))
		s->g->edges[e].inside = (unsigned short)st->inside;
	/* p->f = v, p at the start of a stack object: its field f (of a
	   pointee: for the summary's stores, solve.c) */
	if (st->fsize > 0 && s->start && s->start[st->ptr] &&
	    (s->g->locs[obj].kind == ESC_LOC_STACK ||
	     s->g->locs[obj].kind == ESC_LOC_PTEE))
		esc_edge_field(s->g, e, ESC_FIELD_WRITE, st->foff, st->fsize, 0);
	if (st->derefs == 0 && !why.assumed &&
	    s->g->locs[obj].kind == ESC_LOC_PTEE) {
		ilist_add(&s->selfs, e);
		ilist_add(&s->selfs, obj);
	}
	if (self_obj)
		value_into(s, obj, obj, -1);
	else
		value_into(s, obj, st->src, st->derefs);
}

/* The locations that point only to the start of the objects they point
   to (esc_store_field): every value they get is the address of a whole
   object (&s), or a copy, cast or argument (esc_edge's fpres) of such a
   location; a load, pointer arithmetic, &s.f or a PHI makes a location
   not one.  The greatest such set: start with all, take out the ones an
   edge rules out, then whatever copies them. */
static char *exact_starts(const struct esc_graph *g)
{
	int n = g->nlocs, m = 0;
	char *start = esc_xmalloc((size_t)n);
	memset(start, 1, (size_t)n);
	int *cnt = esc_xcalloc((size_t)n + 1, sizeof *cnt);
	for (int i = 0; i < g->nedges; i++) {
		const struct esc_edge *e = &g->edges[i];
		if (e->fwd || e->dst == ESC_HEAP)
			continue;
		enum esc_loc_kind sk = g->locs[e->src].kind;
		int memory = sk != ESC_LOC_PARAM && sk != ESC_LOC_VALUE &&
			     sk != ESC_LOC_RESULT;
		if (e->derefs < 0 ? !e->fpres || !esc_is_object(g, e->src)
				  : e->derefs > 0 || !e->fpres || memory)
			start[e->dst] = 0;
		else if (e->derefs == 0) {
			cnt[e->src + 1]++;
			m++;
		}
	}
	for (int l = 0; l < n; l++)
		cnt[l + 1] += cnt[l];
	int *to = esc_xmalloc((size_t)(m ? m : 1) * sizeof *to);
	int *fill = esc_xmalloc((size_t)(n ? n : 1) * sizeof *fill);
	memcpy(fill, cnt, (size_t)n * sizeof *fill);
	for (int i = 0; i < g->nedges; i++) {
		const struct esc_edge *e = &g->edges[i];
		if (e->fwd || e->dst == ESC_HEAP || e->derefs != 0 ||
		    !e->fpres)
			continue;
		enum esc_loc_kind sk = g->locs[e->src].kind;
		if (sk == ESC_LOC_PARAM || sk == ESC_LOC_VALUE ||
		    sk == ESC_LOC_RESULT)
			to[fill[e->src]++] = e->dst;
	}
	int *work = esc_xmalloc((size_t)(n ? n : 1) * sizeof *work);
	int nw = 0;
	for (int l = 0; l < n; l++)
		if (!start[l])
			work[nw++] = l;
	while (nw) {
		int l = work[--nw];
		for (int j = cnt[l]; j < cnt[l + 1]; j++)
			if (start[to[j]]) {
				start[to[j]] = 0;
				work[nw++] = to[j];
			}
	}
	free(work);
	free(fill);
	free(to);
	free(cnt);
	return start;
}

/* The shape of store st's value, through copies and pointer arithmetic
   (derefs 0 edges between values, at most RT_MAX values looked at):
   RT_BACK if it is only what was loaded through the same pointer from
   the field it stores into (p->top = p->top + 1: SQLite's parser pushing
   its stack); RT_SELF if it is also, or only, the pointer itself
   (p->top = p->stack, or either: p->top = c ? p->stack : p->top - 1).
   In each activation the pointer points to one object: RT_BACK gives
   every object it points to back only what it held, and moves nothing
   between objects (the store is left out); RT_SELF stores an object's
   own address into it (store_into).  RT_NONE: anything else. */
#define RT_MAX 16
static int store_shape(const struct esc_graph *g, const struct esc_store_rec *st)
{
	int seen[RT_MAX], nseen = 0, stack[RT_MAX], nstack = 0;
	int back = 0, self = 0;
	if (st->derefs != 0 || g->locs[st->src].kind != ESC_LOC_VALUE)
		return RT_NONE;
	seen[nseen++] = stack[nstack++] = st->src;
	while (nstack) {
		int v = stack[--nstack];
		for (int ei = g->locs[v].in_head; ei >= 0;
		     ei = g->edges[ei].next_in) {
			const struct esc_edge *e = &g->edges[ei];
			if (e->derefs == 1 && e->src == st->ptr &&
			    st->fsize > 0 && e->fkind == ESC_FIELD_READ &&
			    e->foff == st->foff && e->fsize == st->fsize) {
				back = 1;
				continue;
			}
			if (e->derefs == 0 && e->src == st->ptr) {
				self = 1;
				continue;
			}
			if (e->derefs != 0 ||
			    g->locs[e->src].kind != ESC_LOC_VALUE)
				return RT_NONE;
			int k = 0;
			while (k < nseen && seen[k] != e->src)
				k++;
			if (k < nseen)
				continue;
			if (nseen == RT_MAX)
				return RT_NONE;
			seen[nseen++] = stack[nstack++] = e->src;
		}
	}
	return self ? RT_SELF : back ? RT_BACK : RT_NONE;
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
	free(s->took);
	free(s->start);
	free(s->shape);
}

int esc_resolve_stores(struct esc_graph *g)
{
	struct pts_state s;
	int n = g->nlocs; /* resolving adds edges, never locations */
	int over = 0;

	/* No store: the sets would change nothing in g, unless their work
	   could pass the budget (then every store, none, would go to the
	   heap, and the graph is over budget).  It cannot when even its
	   bound stays below: a set takes at most ESC_PTS_MAX objects and
	   top, each add counting at most ESC_PTS_MAX + 1; a location is
	   popped at most once per change of its set, counting its
	   successors, at most one per copy edge and two per load edge and
	   object of its set. */
	if (!g->nstores &&
	    (ESC_PTS_MAX + 1L) * (ESC_PTS_MAX + 2) * n +
	    (ESC_PTS_MAX + 2L) * (n + (2L * ESC_PTS_MAX + 1) * g->nedges)
	    <= ESC_PTS_BUDGET)
		return 0;

	memset(&s, 0, sizeof s);
	s.g = g;
	s.pts = esc_xcalloc(n, sizeof *s.pts);
	s.succ = esc_xcalloc(n, sizeof *s.succ);
	s.loads = esc_xcalloc(n, sizeof *s.loads);
	s.stores = esc_xcalloc(n, sizeof *s.stores);
	s.queued = esc_xcalloc(n, 1);
	s.mark = esc_xcalloc(n, sizeof *s.mark);
	s.took = esc_xcalloc(n, sizeof *s.took);

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
	for (int i = 0; i < g->nstores && !s.start; i++)
		if (g->stores[i].fsize > 0)
			s.start = exact_starts(g);
	int nedges = g->nedges;
	for (int i = 0; i < nedges; i++) {
		struct esc_edge e = g->edges[i];
		if (e.dst != ESC_HEAP && !e.fwd)
			value_into(&s, e.dst, e.src, e.derefs);
	}
	s.shape = esc_xcalloc((size_t)g->nstores + 1, 1);
	for (int i = 0; i < g->nstores; i++) {
		s.shape[i] = (char)store_shape(g, &g->stores[i]);
		if (s.shape[i] != RT_BACK)
			ilist_add(&s.stores[g->stores[i].ptr], i);
	}
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
		/* (l's set does not change while it sends: a successor
		   listed again would take nothing more) */
		s.pops++;
		for (int i = 0; i < s.succ[l].n; i++) {
			int d = s.succ[l].v[i];
			if (s.took[d] == s.pops)
				continue;
			s.took[d] = s.pops;
			merge_from(&s, d, l, from);
		}
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
