/*
 * effects.c - what a function does to the memory its parameters point
 * to, and whether a later call undoes what an earlier one kept.
 *
 * A keeping call C1 (init, register, push) leaves a stack object's
 * address in memory reached from one of its handle arguments; a later
 * call C2 on the same handle (end, free, pop) may tear that memory down
 * or move the handle's pointer off it.  escape.h's esc_effect facts say,
 * per parameter and field path, what a function writes (SET, on some
 * path) and what it writes or frees on every path that returns normally
 * (CLEAR), and which calls pass its parameters on (CALL).  The adapter
 * reads them off each body; esc_effects_close adds the callees' facts at
 * the parameter and path they are given (the link step does so over the
 * build, to a fixed point); esc_effects_undo then matches C2's CLEARs
 * with C1's SETs on the argument both were given.
 *
 * Deliberately by field name: C2 must clear the very field C1 set on
 * that handle (inflateEnd clears strm->state, which inflateInit_ set;
 * inflate, which writes next_out and avail_out, undoes nothing); on a
 * handle other than the kept object, only a pop undoes a push (the
 * field restored from itself: p->top = p->top->prev, L->top - 1), or a
 * call given the object itself that moves its handle's field back
 * (luaL_pushresult(&b)).  An object linked into a list (the keeper sets
 * its link field) is undone by a call given the same object that unlinks
 * it through that field on every path (*n->prevp = n->next): the cell
 * that pointed to it now holds its successor; an unlink skipped when a
 * flag of the object is zero, or masked to zero (if (!n->linked)
 * return; if (!(n->flags & 4)) return;), or made by a call only where
 * it is not (if (n->flags & 4) del(n);), counts when the keeper sets a
 * bit of it that none of its writes clears (n->linked = 1; n->flags |=
 * 4).  A call that writes the kept object's own field f (a re-init)
 * only undoes a keeper that writes no pointer elsewhere than into the
 * object and through f: reg_add(r, &n) keeps n in r, whatever init(&n)
 * then writes into n.  A reference count: a keeper whose result has its
 * count field set to 1 (FRESH: p->refcnt = 1; return p; or a wrapper
 * returning such a result) is undone by a later call given that result
 * that frees it where the count, decremented, reaches 0 (RELEASE: if
 * (--p->refcnt == 0) free(p), directly or through its callees), when no
 * other call of the caller given the object writes the count (the
 * caller then holds the only reference: lis_incref(l) takes another)
 * and it is stored nowhere another could take it.  Not seen: callbacks
 * that a dispatch runs meanwhile (a request that takes a reference of
 * its own while it is pending), the constructor's own calls given the
 * object after it set the count (evconnlistener_new's event_assign),
 * and calls given a pointer into the object rather than the object
 * (incref(&l->base)).  Nor a handle an earlier call made (buf =
 * evbuffer_new(); evbuffer_add_reference(buf, &x, ...);
 * evbuffer_free(buf)): there the keeper may take a reference itself
 * (evbuffer_invoke_callbacks_ when deferred callbacks are scheduled).
 * An unlink may also be skipped where a condition
 * on what the remover is given holds (its skips: libevent's
 * event_del_nolock_ returns when EVLIST_FINALIZING is set, evmap_io_del_
 * when fd < 0) if the keeper refuses that condition at every write of
 * the link field (event_add returns -1 on EVLIST_FINALIZING first,
 * evmap_io_add_ links nothing for fd < 0) and neither call makes it hold
 * itself; a callee's skip on an integer argument becomes the caller's
 * on what it passes (evmap_io_del_(base, ev->ev_fd, ev): ev->ev_fd <
 * 0).  The calls of an alt group unlink when each of them unlinks
 * through the same field (io_del or signal_del by the event's kind,
 * under if (ev->ev_flags & EVLIST_INSERTED)).  What it cannot tell: the
 * removal from an array (min_heap_erase_); an unlink through one of
 * several link fields the keeper sets undoes it (the object is taken to
 * be kept where that field says).  Nor: a pop by a variable amount
 * (lua_settop(L, idx)) given the handle alone is no pop.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

const char *esc_effect_path(const char *via, const char *path)
{
	if (!via || !*via)
		return esc_intern(path ? path : "");
	if (!path || !*path)
		return esc_intern(via);
	if (strchr(via, '/') || strchr(path, '/'))
		return NULL;
	size_t a = strlen(via), b = strlen(path);
	char *buf = esc_xmalloc(a + b + 2);
	memcpy(buf, via, a);
	buf[a] = '/';
	memcpy(buf + a + 1, path, b + 1);
	const char *r = esc_intern(buf);
	free(buf);
	return r;
}

/* The pool of interned condition sets: blobs of their size, zeroed
   first so that equal sets are equal bytes. */
struct cblob {
	size_t size;
	void *p;
};
static struct cblob *cpool;
static size_t cpool_cap, cpool_used;

static size_t blob_hash(const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 16777619u;
	return h;
}

static const void *blob_intern(const void *p, size_t n)
{
	if (2 * (cpool_used + 1) > cpool_cap) {
		size_t old_cap = cpool_cap;
		struct cblob *old = cpool;
		cpool_cap = old_cap ? 2 * old_cap : 256;
		cpool = esc_xcalloc(cpool_cap, sizeof *cpool);
		for (size_t i = 0; i < old_cap; i++) {
			if (!old[i].p)
				continue;
			size_t j = blob_hash(old[i].p, old[i].size) & (cpool_cap - 1);
			while (cpool[j].p)
				j = (j + 1) & (cpool_cap - 1);
			cpool[j] = old[i];
		}
		free(old);
	}
	size_t j = blob_hash(p, n) & (cpool_cap - 1);
	while (cpool[j].p) {
		if (cpool[j].size == n && !memcmp(cpool[j].p, p, n))
			return cpool[j].p;
		j = (j + 1) & (cpool_cap - 1);
	}
	cpool_used++;
	cpool[j].size = n;
	cpool[j].p = memcpy(esc_xmalloc(n), p, n);
	return cpool[j].p;
}

const struct esc_conds *esc_conds_intern(const struct esc_cond *c, int n)
{
	struct esc_conds x;
	if (n <= 0)
		return NULL;
	memset(&x, 0, sizeof x);
	x.n = n > ESC_MAX_CONDS ? ESC_MAX_CONDS : n;
	for (int i = 0; i < x.n; i++) {
		x.c[i].param = c[i].param;
		x.c[i].path = c[i].path;
		x.c[i].mask = c[i].mask;
	}
	return blob_intern(&x, sizeof x);
}

const struct esc_cond_args *esc_cond_args_intern(const struct esc_cond_arg *a, int n)
{
	struct esc_cond_args x;
	if (n <= 0)
		return NULL;
	memset(&x, 0, sizeof x);
	x.n = n > ESC_MAX_CONDS ? ESC_MAX_CONDS : n;
	for (int i = 0; i < x.n; i++) {
		x.a[i].arg = a[i].arg;
		x.a[i].param = a[i].param;
		x.a[i].path = a[i].path;
	}
	return blob_intern(&x, sizeof x);
}

void esc_conds_free(void)
{
	for (size_t i = 0; i < cpool_cap; i++)
		free(cpool[i].p);
	free(cpool);
	cpool = NULL;
	cpool_cap = cpool_used = 0;
}

static int has(const struct esc_effect *fx, int n, enum esc_effect_kind kind,
	       int param, const char *path, int pointer, int pop)
{
	for (int i = 0; i < n; i++)
		if (fx[i].kind == kind && fx[i].param == param &&
		    fx[i].pointer >= pointer && fx[i].pop >= pop &&
		    (fx[i].path == path || !strcmp(fx[i].path, path)))
			return 1;
	return 0;
}

/* Does fx say its result is fresh with its count path set to 1? */
static int has_fresh(const struct esc_effect *fx, int n, const char *path)
{
	for (int i = 0; i < n; i++)
		if (fx[i].kind == ESC_FX_FRESH && !fx[i].callee &&
		    (fx[i].path == path || !strcmp(fx[i].path, path)))
			return 1;
	return 0;
}

/* Does one of u's other calls given the object write its count path,
   or is one of them not known (u->others_known 0: none are)? */
static int others_write(const struct esc_undo_call *u, const char *path)
{
	if (!u->others_known)
		return 1;
	for (int i = 0; i < u->nothers; i++) {
		if (u->nofx[i] < 0)
			return 1;
		for (int k = 0; k < u->nofx[i]; k++) {
			const struct esc_effect *e = &u->ofx[i][k];
			if ((e->kind == ESC_FX_SET || e->kind == ESC_FX_CLEAR ||
			     e->kind == ESC_FX_RELEASE) &&
			    !strcmp(e->path, path))
				return 1;
		}
	}
	return 0;
}

static int cond_eq(const struct esc_cond *a, const struct esc_cond *b)
{
	return a->param == b->param && a->mask == b->mask &&
	       (a->path == b->path || !strcmp(a->path, b->path));
}

int esc_conds_add(struct esc_cond *a, int n, const struct esc_cond *c)
{
	for (int i = 0; i < n; i++)
		if (cond_eq(&a[i], c))
			return n;
	if (n >= ESC_MAX_CONDS)
		return -1;
	a[n] = *c;
	return n + 1;
}

int esc_conds_meet(struct esc_cond *a, int na, const struct esc_cond *b, int nb)
{
	int k = 0;
	for (int i = 0; i < na; i++) {
		int in = 0;
		for (int j = 0; j < nb && !in; j++)
			in = cond_eq(&a[i], &b[j]);
		if (in)
			a[k++] = a[i];
	}
	return k;
}

/* Callee condition c as the caller's, through call: on the argument the
   call passes (parameter call->param at call->path), or on an integer
   argument that is a parameter's value (call->args).  0 when it cannot
   be said. */
static int cond_lift(const struct esc_effect *call, const struct esc_cond *c,
		     struct esc_cond *out)
{
	if (c->param == call->arg) {
		const char *p = esc_effect_path(call->path, c->path);
		if (!p)
			return 0;
		out->param = call->param;
		out->path = p;
		out->mask = c->mask;
		return 1;
	}
	for (int i = 0; i < ESC_NCONDS(call->args); i++)
		if (call->args->a[i].arg == c->param && !*c->path) {
			out->param = call->args->a[i].param;
			out->path = call->args->a[i].path;
			out->mask = c->mask;
			return 1;
		}
	return 0;
}

/* Adds the lifted conditions of g (n of them) to a (*na); all: every one
   must be said (a remover's skips), else those that can be (a keeper's
   refusals).  0 when all and one cannot. */
static int conds_lift(const struct esc_effect *call, const struct esc_conds *g,
		      struct esc_cond *a, int *na, int all)
{
	for (int i = 0; i < ESC_NCONDS(g); i++) {
		struct esc_cond c;
		int k = cond_lift(call, &g->c[i], &c) ? esc_conds_add(a, *na, &c) : -1;
		if (k < 0 && all)
			return 0;
		if (k >= 0)
			*na = k;
	}
	return 1;
}

/* Does every other call of call's alt group unlink the object it is
   given through field path too, unguarded?  Their skips, lifted, are
   added to skip (*nskip). */
static int alt_unlinks(const struct esc_effect *facts, int n,
		       const struct esc_effect *call, const char *path,
		       const struct esc_effect *(*callee_facts)(const char *name,
								void *ctx, int *count),
		       void *ctx, struct esc_cond *skip, int *nskip)
{
	for (int i = 0; i < n; i++) {
		const struct esc_effect *o = &facts[i];
		if (o->kind != ESC_FX_CALL || o->alt != call->alt || o == call ||
		    (o->callee == call->callee && o->arg == call->arg))
			continue;
		int m = 0, yes = 0;
		const struct esc_effect *g = o->callee ? callee_facts(o->callee, ctx, &m)
						       : NULL;
		for (int k = 0; g && k < m && !yes; k++)
			yes = g[k].kind == ESC_FX_UNLINK && g[k].param == o->arg &&
			      !g[k].guard && !strcmp(g[k].path, path) &&
			      conds_lift(o, g[k].skip, skip, nskip, 1);
		if (!yes)
			return 0;
	}
	return 1;
}

/* Does every other call of call's alt group (on the same parameter and
   path) clear path of the argument it is given too? */
static int alt_clears(const struct esc_effect *facts, int n,
		      const struct esc_effect *call, const char *path,
		      const struct esc_effect *(*callee_facts)(const char *name,
							       void *ctx, int *count),
		      void *ctx)
{
	for (int i = 0; i < n; i++) {
		const struct esc_effect *o = &facts[i];
		if (o->kind != ESC_FX_CALL || o->alt != call->alt || o == call ||
		    (o->callee == call->callee && o->arg == call->arg))
			continue;
		int m = 0, yes = 0;
		const struct esc_effect *g = o->callee ? callee_facts(o->callee, ctx, &m)
						       : NULL;
		for (int k = 0; g && k < m && !yes; k++)
			yes = g[k].kind == ESC_FX_CLEAR && g[k].param == o->arg &&
			      !strcmp(g[k].path, path);
		if (!yes)
			return 0;
	}
	return 1;
}

int esc_effects_close(struct esc_effect **facts, int n, int *cap,
		      const struct esc_effect *(*callee_facts)(const char *name,
							       void *ctx, int *count),
		      void *ctx)
{
	int ncalls = n;
	for (int i = 0; i < ncalls; i++) {
		struct esc_effect call = (*facts)[i];
		if (call.kind == ESC_FX_FRESH && call.callee) {
			/* a wrapper's result: its callee's fresh object */
			int m = 0;
			const struct esc_effect *g = callee_facts(call.callee, ctx, &m);
			for (int k = 0; g && k < m; k++)
				if (g[k].kind == ESC_FX_FRESH && !g[k].callee &&
				    !has_fresh(*facts, n, g[k].path)) {
					ESC_GROW(*facts, *cap, n + 1);
					struct esc_effect e;
					memset(&e, 0, sizeof e);
					e.kind = ESC_FX_FRESH;
					e.param = -1;
					e.path = g[k].path;
					(*facts)[n++] = e;
				}
			continue;
		}
		if (call.kind != ESC_FX_CALL || !call.callee)
			continue;
		int m = 0;
		const struct esc_effect *g = callee_facts(call.callee, ctx, &m);
		for (int k = 0; g && k < m; k++) {
			if (g[k].kind == ESC_FX_CALL || g[k].kind == ESC_FX_FRESH ||
			    g[k].param != call.arg)
				continue;
			/* a release by a count: through a call given the
			   object itself on every path; a free made where the
			   caller's count, decremented, reaches 0 (if
			   (--p->refcnt == 0) port_free(p);) is a release
			   by that count */
			const char *count = NULL;
			if (g[k].kind == ESC_FX_RELEASE && call.every && !*call.path)
				count = g[k].path;
			else if (g[k].kind == ESC_FX_CLEAR && call.dec && call.guard &&
				 !*call.path && !*g[k].path && g[k].pointer)
				count = call.guard;
			if (count) {
				if (!has(*facts, n, ESC_FX_RELEASE, call.param, count, 0, 0)) {
					ESC_GROW(*facts, *cap, n + 1);
					struct esc_effect e;
					memset(&e, 0, sizeof e);
					e.kind = ESC_FX_RELEASE;
					e.param = call.param;
					e.path = count;
					e.pointer = 1;
					(*facts)[n++] = e;
				}
			}
			if (g[k].kind == ESC_FX_RELEASE)
				continue;
			enum esc_effect_kind kind = g[k].kind;
			const char *guard = g[k].guard;
			uint64_t mask = g[k].mask;
			struct esc_cond conds[ESC_MAX_CONDS];
			int nconds = 0;
			/* an unlink of the object itself, on every path, or
			   on every one on which a flag of it is set (if
			   (n->flags & 4) del(n);), or none of the call's
			   skips holds (if (ev->flags & FINALIZING) return
			   0;), or by each call of an alt group (if (io)
			   io_del(ev); else signal_del(ev);): the callees'
			   skips become the caller's */
			if (kind == ESC_FX_UNLINK && *call.path)
				continue;
			if (kind == ESC_FX_UNLINK && !call.every) {
				int group = call.alt > 0 &&
					    alt_unlinks(*facts, ncalls, &call, g[k].path,
							callee_facts, ctx, conds, &nconds);
				/* a count guard (call.dec) is no flag of it */
				if (!group && (call.altcover || call.dec ||
					       (!call.guard && !call.skip)))
					continue;
				if (group && !call.altcover) {
					/* the group on every path */
				} else {
					if (call.guard && guard)
						continue;
					if (call.guard) {
						guard = call.guard;
						mask = call.mask;
					}
					int ok = 1;
					for (int c = 0; c < ESC_NCONDS(call.skip) && ok; c++)
						ok = (nconds = esc_conds_add(conds, nconds,
									     &call.skip->c[c])) >= 0;
					if (!ok)
						continue;
				}
			}
			if (kind == ESC_FX_UNLINK &&
			    !conds_lift(&call, g[k].skip, conds, &nconds, 1))
				continue;
			/* a keeper's write, made only where none of the
			   call's refusals and the callee's holds */
			if ((kind == ESC_FX_SET || kind == ESC_FX_CLEAR) && g[k].pointer) {
				for (int c = 0; c < ESC_NCONDS(call.refuse); c++) {
					int x = esc_conds_add(conds, nconds, &call.refuse->c[c]);
					if (x >= 0)
						nconds = x;
				}
				conds_lift(&call, g[k].refuse, conds, &nconds, 0);
			}
			if (kind == ESC_FX_CLEAR && !call.every &&
			    !(call.alt > 0 && alt_clears(*facts, ncalls, &call, g[k].path,
							 callee_facts, ctx)))
				kind = ESC_FX_SET;
			/* freeing what p->g holds clears p->g */
			const char *path = esc_effect_path(call.path, g[k].path);
			int pop = kind == ESC_FX_CLEAR && g[k].pop;
			if (!path)
				continue;
			if (has(*facts, n, kind, call.param, path, g[k].pointer, pop)) {
				/* the flag bits of every write of the path; the
				   refusals common to every pointer write; an
				   unlink without conditions is the stronger */
				int merged = 0;
				for (int i = 0; i < n; i++) {
					struct esc_effect *f = &(*facts)[i];
					if (f->kind != kind || f->param != call.param ||
					    strcmp(f->path, path))
						continue;
					if (!merged) {
						f->setbits |= g[k].setbits;
						f->clrbits |= g[k].clrbits;
						merged = 1;
					}
					if (kind != ESC_FX_UNLINK && g[k].pointer && f->refuse) {
						struct esc_conds r = *f->refuse;
						r.n = esc_conds_meet(r.c, r.n, conds, nconds);
						f->refuse = esc_conds_intern(r.c, r.n);
					}
					if (kind == ESC_FX_UNLINK && !guard && !nconds) {
						f->guard = NULL;
						f->mask = 0;
						f->skip = NULL;
					}
				}
				continue;
			}
			ESC_GROW(*facts, *cap, n + 1);
			struct esc_effect e;
			memset(&e, 0, sizeof e);
			e.kind = kind;
			e.param = call.param;
			e.path = path;
			e.pointer = g[k].pointer;
			e.pop = pop;
			e.nonzero = g[k].nonzero;
			e.setbits = g[k].setbits;
			e.clrbits = g[k].clrbits;
			e.guard = kind == ESC_FX_UNLINK ? guard : NULL;
			e.mask = kind == ESC_FX_UNLINK ? mask : 0;
			if (kind == ESC_FX_UNLINK)
				e.skip = esc_conds_intern(conds, nconds);
			else if (g[k].pointer)
				e.refuse = esc_conds_intern(conds, nconds);
			(*facts)[n++] = e;
		}
	}
	return n;
}

/* Does fx set a pointer at path of parameter p (a CLEAR writes it
   too)? */
static int sets(const struct esc_effect *fx, int n, int p, const char *path)
{
	return has(fx, n, ESC_FX_SET, p, path, 1, 0) ||
	       has(fx, n, ESC_FX_CLEAR, p, path, 1, 0);
}

/* Does fx write into the memory of parameter p (any path)? */
static int writes(const struct esc_effect *fx, int n, int p)
{
	for (int i = 0; i < n; i++)
		if ((fx[i].kind == ESC_FX_SET || fx[i].kind == ESC_FX_CLEAR) &&
		    fx[i].param == p)
			return 1;
	return 0;
}

/* Does fx set a bit of mask (0: any) of the flag at path of parameter
   p that none of its writes of that flag may clear (n->linked = 1 for
   if (!n->linked); ev->flags |= 4, and no flags &= ~4 nor flags = 0,
   for if (ev->flags & 4))? */
static int sets_flag(const struct esc_effect *fx, int n, int p, const char *path,
		     uint64_t mask)
{
	uint64_t set = 0, clr = 0;
	for (int i = 0; i < n; i++)
		if ((fx[i].kind == ESC_FX_SET || fx[i].kind == ESC_FX_CLEAR) &&
		    fx[i].param == p && !strcmp(fx[i].path, path)) {
			set |= fx[i].setbits;
			clr |= fx[i].clrbits;
		}
	return (set & (mask ? mask : ~(uint64_t)0) & ~clr) != 0;
}

/* May fx set a bit of mask at path of parameter p (mask 0: write path
   at all)?  A write whose bits are not known (flags = v) may. */
static int may_set(const struct esc_effect *fx, int n, int p, const char *path,
		   uint64_t mask)
{
	for (int i = 0; i < n; i++)
		if ((fx[i].kind == ESC_FX_SET || fx[i].kind == ESC_FX_CLEAR) &&
		    fx[i].param == p && !strcmp(fx[i].path, path) &&
		    (!mask || (fx[i].setbits & mask) ||
		     fx[i].clrbits == ~(uint64_t)0))
			return 1;
	return 0;
}

/* Does every pointer write of fx at path of parameter p refuse a
   condition that holds wherever s (on p) does: (p->f & m) != 0 with m
   covering s's bits, or the same p->f < 0? */
static int refused(const struct esc_effect *fx, int n, int p, const char *path,
		   const struct esc_cond *s)
{
	for (int i = 0; i < n; i++) {
		const struct esc_effect *e = &fx[i];
		if ((e->kind != ESC_FX_SET && e->kind != ESC_FX_CLEAR) ||
		    e->param != p || !e->pointer || strcmp(e->path, path))
			continue;
		int yes = 0;
		for (int k = 0; k < ESC_NCONDS(e->refuse) && !yes; k++) {
			const struct esc_cond *r = &e->refuse->c[k];
			yes = r->param == p && !strcmp(r->path, s->path) &&
			      (s->mask ? r->mask && !(s->mask & ~r->mask) : !r->mask);
		}
		if (!yes)
			return 0;
	}
	return 1;
}

/* Are the skips of unlink c (of the remover fx2's parameter j) each a
   condition under which the keeper fx1 links nothing through c->path of
   its parameter m, that neither sets (the keeper refuses FINALIZING and
   never sets it; the remover returns early on it)? */
static int skips_refused(const struct esc_effect *fx1, int n1, int m,
			 const struct esc_effect *c, const struct esc_effect *fx2,
			 int n2, int j)
{
	for (int i = 0; i < ESC_NCONDS(c->skip); i++) {
		const struct esc_cond *s = &c->skip->c[i];
		if (s->param != j || (!s->mask && !*s->path))
			return 0;
		struct esc_cond on_m = *s;
		on_m.param = m;
		if (!refused(fx1, n1, m, c->path, &on_m) ||
		    may_set(fx1, n1, m, s->path, s->mask) ||
		    may_set(fx2, n2, j, s->path, s->mask))
			return 0;
	}
	return 1;
}

/* Does fx write a pointer into memory other than parameter p's own
   object and what its field f points to: another parameter's, or
   through another field of p's (reg_add(r, &n): r->head = n; add(&e):
   e->base->head = e)?  Then what it keeps of p is held there, and a
   later call that writes p's own field f (re-initialises it) does not
   take it out; what deflateInit_(&s) writes through s->state
   (s->state->strm = &s) hangs off the field deflateEnd(&s) clears. */
static int keeps_elsewhere(const struct esc_effect *fx, int n, int p,
			   const char *f)
{
	size_t len = strlen(f);
	for (int i = 0; i < n; i++) {
		const struct esc_effect *e = &fx[i];
		if ((e->kind != ESC_FX_SET && e->kind != ESC_FX_CLEAR) || !e->pointer)
			continue;
		if (e->param != p)
			return 1;
		if (strchr(e->path, '/') &&
		    (strncmp(e->path, f, len) || e->path[len] != '/'))
			return 1;
	}
	return 0;
}

/* Does fx set a pointer at path of a parameter other than p? */
static int sets_other(const struct esc_effect *fx, int n, int p,
		      const char *path)
{
	for (int i = 0; i < n; i++)
		if ((fx[i].kind == ESC_FX_SET || fx[i].kind == ESC_FX_CLEAR) &&
		    fx[i].param != p &&
		    fx[i].pointer && !strcmp(fx[i].path, path))
			return 1;
	return 0;
}

int esc_effects_clears_all(const struct esc_effect *fx1, int n1, int m,
			   const struct esc_effect *fx2, int n2, int j)
{
	int any = 0;
	for (int i = 0; i < n1; i++) {
		const struct esc_effect *e = &fx1[i];
		if ((e->kind != ESC_FX_SET && e->kind != ESC_FX_CLEAR) ||
		    e->param != m || !e->pointer)
			continue;
		if (!*e->path || strchr(e->path, '/') ||
		    !has(fx2, n2, ESC_FX_CLEAR, j, e->path, 1, 0))
			return 0;
		any = 1;
	}
	return any;
}

int esc_effects_undo(const struct esc_effect *fx1, int n1, int kept,
		     const struct esc_effect *fx2, int n2,
		     const struct esc_undo_call *u)
{
	for (int i = 0; i < u->npairs; i++) {
		int j = u->pairs[i][0], m = u->pairs[i][1];
		for (int k = 0; k < n2; k++) {
			const struct esc_effect *c = &fx2[k];
			/* the kept object unlinked through the link field
			   the keeper set (reg_add(r, &n) sets n.prevp;
			   reg_del(&n): *n->prevp = n->next) */
			if (c->kind == ESC_FX_UNLINK && c->param == j && m >= 0 &&
			    m == kept && sets(fx1, n1, m, c->path) &&
			    (!c->guard || sets_flag(fx1, n1, m, c->guard, c->mask)) &&
			    skips_refused(fx1, n1, m, c, fx2, n2, j))
				return 1;
			/* the keeper's result, its count set to 1, released
			   where the count reaches 0, no other call given it
			   writing the count: the only reference, freed */
			if (c->kind == ESC_FX_RELEASE && c->param == j && m < 0 &&
			    has_fresh(fx1, n1, c->path) && !others_write(u, c->path))
				return 1;
			if (c->kind != ESC_FX_CLEAR || c->param != j ||
			    !c->pointer)
				continue;
			const char *slash = strchr(c->path, '/');
			if (!*c->path) {
				/* frees what the keeper returned, or the
				   handle the address was kept in: one the
				   keeper writes into (reg_add(base, &ev);
				   not event_assign(&ev, base), which only
				   reads the base and keeps &ev in a global
				   map) */
				if (m < 0 || (m != kept && writes(fx1, n1, m)))
					return 1;
			} else if (m < 0) {
				continue;
			} else if (!slash) {
				/* the kept object's own field (its state: what
				   the keeper hangs off it, when it writes no
				   pointer elsewhere), or a pop of the handle's
				   field it was pushed on */
				if (sets(fx1, n1, m, c->path) &&
				    ((m == kept && !keeps_elsewhere(fx1, n1, kept, c->path)) ||
				     c->pop))
					return 1;
			} else {
				/* through the handle the keeper stored in
				   field g of argument m */
				size_t glen = (size_t)(slash - c->path);
				char g[256];
				if (glen >= sizeof g)
					continue;
				memcpy(g, c->path, glen);
				g[glen] = 0;
				if (sets(fx1, n1, m, esc_intern(g)) &&
				    sets_other(fx1, n1, m, esc_intern(slash + 1)))
					return 1;
			}
		}
	}
	return 0;
}

int esc_stores_into(const struct esc_summary_store *st, int n, int arg, int m)
{
	for (int i = 0; i < n; i++)
		if (st[i].from == arg && st[i].to == m && st[i].derefs == 0 &&
		    st[i].level == 1)
			return 1;
	return 0;
}

int esc_effects_undo_stored(const struct esc_effect *fx1, int n1,
			    const struct esc_summary_store *st1, int nst1,
			    int kept, const struct esc_effect *fx2, int n2,
			    const struct esc_summary_store *st2, int nst2,
			    const struct esc_undo_call *u)
{
	for (int i = 0; i < u->npairs; i++) {
		int j = u->pairs[i][0], m = u->pairs[i][1], moves = 0;
		/* the later call moves what the object held elsewhere (a
		   push: b->prev = s->top; s->top = b) */
		for (int x = 0; x < nst2 && !moves; x++)
			moves = st2[x].from == j && st2[x].derefs >= 1;
		if (m >= 0 && m != kept && !moves &&
		    esc_stores_into(st1, nst1, kept, m) &&
		    esc_effects_clears_all(fx1, n1, m, fx2, n2, j))
			return 1;
	}
	return 0;
}

int esc_effects_undo_through(const struct esc_effect *fx0, int n0,
			     const struct esc_summary_store *st0, int nst0, int a,
			     const struct esc_effect *fx1, int n1,
			     const struct esc_summary_store *st1, int nst1, int kept,
			     const struct esc_effect *fx2, int n2,
			     const struct esc_undo_call *u)
{
	if (a < 0 || !n0)
		return 0;
	/* the keeper moves no other argument into the object */
	for (int i = 0; i < nst1; i++)
		if (st1[i].to == kept && st1[i].from != kept)
			return 0;
	for (int k = 0; k < u->npairs; k++) {
		int j = u->pairs[k][0], m = u->pairs[k][1];
		if (m < 0 || !esc_stores_into(st0, nst0, m, a))
			continue;
		/* the later call frees what it is given in j on every path */
		int frees = 0;
		for (int x = 0; x < n2 && !frees; x++)
			frees = fx2[x].kind == ESC_FX_CLEAR && fx2[x].param == j &&
				fx2[x].pointer && !*fx2[x].path;
		if (!frees)
			continue;
		/* a pointer field g of the object the earlier call writes,
		   through which the keeper reaches memory */
		for (int x = 0; x < n0; x++) {
			const struct esc_effect *e = &fx0[x];
			if ((e->kind != ESC_FX_SET && e->kind != ESC_FX_CLEAR) ||
			    e->param != a || !e->pointer || !*e->path ||
			    strchr(e->path, '/'))
				continue;
			size_t len = strlen(e->path);
			for (int y = 0; y < n1; y++) {
				const struct esc_effect *f = &fx1[y];
				if (f->param == kept &&
				    ((f->kind == ESC_FX_CALL && !strcmp(f->path, e->path)) ||
				     (!strncmp(f->path, e->path, len) &&
				      f->path[len] == '/')))
					return 1;
			}
		}
	}
	return 0;
}

int esc_effects_keeps_handle(const struct esc_effect *fx0, int n0, int a,
			     const struct esc_effect *fx1, int n1, int kept,
			     const struct esc_effect *fxb, int nb,
			     const struct esc_summary_store *stb, int nstb, int b)
{
	if (a < 0 || b < 0)
		return 0;
	for (int i = 0; i < nstb; i++)
		if (stb[i].to == b)
			return 0;
	for (int y = 0; y < nb; y++) {
		const struct esc_effect *f = &fxb[y];
		if ((f->kind != ESC_FX_SET && f->kind != ESC_FX_CLEAR) ||
		    f->param != b || strchr(f->path, '/'))
			continue;
		/* the object itself written or freed */
		if (!*f->path)
			return 0;
		/* a handle field: one the earlier call sets to a pointer and
		   the keeper reaches memory through */
		if (!sets(fx0, n0, a, f->path))
			continue;
		size_t len = strlen(f->path);
		for (int x = 0; x < n1; x++) {
			const struct esc_effect *k = &fx1[x];
			if (k->param == kept &&
			    ((k->kind == ESC_FX_CALL && !strcmp(k->path, f->path)) ||
			     (!strncmp(k->path, f->path, len) && k->path[len] == '/')))
				return 0;
		}
	}
	return 1;
}
