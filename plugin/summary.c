/*
 * summary.c - what a finished function does with its parameters, and the
 * order in which functions are finished.
 *
 * A summary is Go's parameter tag: for each parameter (and the variadic
 * arguments), the fewest derefs with which it reaches the heap and the
 * function's result.  A caller turns it back into edges: argument i flows
 * to the heap with heap[i] derefs and to the call's value with result[i]
 * derefs.  As in Go, a result leak that is no stronger than the heap leak
 * says nothing more and is dropped.
 *
 * Unlike Go, a summary also says which parameters are stored into the
 * memory another parameter points to (csv_split(line, fields) storing
 * pointers into line in fields[i]): its heap counts leave those paths out,
 * and the caller turns each into a store through the argument, which
 * stays in the caller's frame when the argument points there.
 *
 * A summary also says which heap leaks are only assumed: those that rest
 * on arguments of functions nothing is known of (esc_step.assumed).  The
 * caller's edge for such a leak is assumed too, so that a chain of
 * wrappers around an indirect call (sqlite3WalkExpr calling a walker's
 * callback) does not turn into a dangling warning in every caller.
 *
 * And it says whether the result may hold anything no parameter gave it
 * (result_other); if not, the caller's value of the call is made of the
 * arguments the summary names and nothing else.  A function that returns
 * an allocation of its own is fresh: the caller gets an allocation of its
 * own, which receives what the summary's stores to ESC_FRESH_RESULT say
 * (parser_new(text) keeping text), so that what it holds escapes only if
 * the caller lets it.
 *
 * And it says which parameters the function releases (frees, or hands to
 * a function that releases them, on some path: esc_releases below): the
 * caller's edges for such an argument are assumed, as the function's own
 * edges out of the parameter are (solve.c), so that no dangling warning
 * rests on a deallocator that recycles its argument (a free list) or a
 * reallocator that returns it.
 *
 * Functions are finished bottom-up over the strongly connected components
 * of the call graph (Tarjan's algorithm emits a component only after every
 * component it calls), so a caller always finds its callees' summaries
 * ready, except within its own component, which is analysed as one graph.
 */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static int cmp_key(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
	return (x > y) - (x < y);
}

/* The types of the va_arg reads whose value is surely kept (its own
   address reaches the heap by steps that are not assumed), here or in
   a callee handed a va_list: for the whole graph, a component's
   functions share their va_lists. */
static void vaarg_keys(const struct esc_graph *g, struct esc_summary *s)
{
	int n = 0;
	s->vkeys_known = !g->vunknown;
	if (!s->vkeys_known)
		return;
	s->vkeys = esc_xmalloc(((size_t)g->nv + (size_t)g->nck + 1) *
			       sizeof *s->vkeys);
	for (int i = 0; i < g->nv; i++)
		if (g->locs[g->vlocs[i]].sure_derefs == 0) {
			if (!g->vkeys[i]) {
				s->vkeys_known = 0; /* any type */
				break;
			}
			s->vkeys[n++] = g->vkeys[i];
		}
	for (int i = 0; i < g->nck && s->vkeys_known; i++)
		s->vkeys[n++] = g->ckeys[i];
	if (!s->vkeys_known) {
		free(s->vkeys);
		s->vkeys = NULL;
		return;
	}
	qsort(s->vkeys, (size_t)n, sizeof *s->vkeys, cmp_key);
	int m = 0;
	for (int i = 0; i < n; i++)
		if (!m || s->vkeys[m - 1] != s->vkeys[i])
			s->vkeys[m++] = s->vkeys[i];
	s->nvkeys = m;
}

/* The constants of a parameter under which every va_arg read whose value
   may be kept happens, all of them in func (esc_vaarg_when); none if
   a va_list goes where it cannot be followed or to a callee that keeps
   what it reads. */
static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static void vaarg_when(const struct esc_graph *g, int func,
		       struct esc_summary *s)
{
	int p = -1, n = 0;
	s->vwhen_param = -1;
	if (g->vunknown || g->nck)
		return;
	/* every read whose value may be kept, surely or not: what the
	   link step finds of a callee known here only by name counts too */
	for (int i = 0; i < g->nv; i++) {
		const struct esc_location *l = &g->locs[g->vlocs[i]];
		if (l->heap_derefs != 0)
			continue;
		if (l->func != func || g->vwhen_param[i] < 0 ||
		    (p >= 0 && p != g->vwhen_param[i]))
			return;
		p = g->vwhen_param[i];
		n += g->vwhen_n[i];
	}
	if (p < 0 || p >= s->nparams)
		return;
	s->vwhen = esc_xmalloc((size_t)n * sizeof *s->vwhen);
	n = 0;
	for (int i = 0; i < g->nv; i++)
		if (g->locs[g->vlocs[i]].heap_derefs == 0)
			for (int k = 0; k < g->vwhen_n[i]; k++)
				s->vwhen[n++] = g->vvals[g->vwhen_at[i] + k];
	qsort(s->vwhen, (size_t)n, sizeof *s->vwhen, cmp_ll);
	int m = 0;
	for (int i = 0; i < n; i++)
		if (!m || s->vwhen[m - 1] != s->vwhen[i])
			s->vwhen[m++] = s->vwhen[i];
	s->nvwhen = m;
	s->vwhen_param = p;
}

void esc_formats_solve(const struct esc_vfmt *v, int nv, int nf, int *fp,
		       const char **fk)
{
	unsigned char *rule = esc_xcalloc((size_t)nf + 1, 1);
	for (int f = 0; f < nf; f++) {
		rule[f] = fk[f] != NULL;
		if (!rule[f])
			fp[f] = -1;
	}
	for (int round = 0, changed = 1; changed && round <= nf; round++) {
		changed = 0;
		for (int f = 0; f < nf; f++) {
			if (rule[f])
				continue;
			int p = -1, ok = 1;
			char keep[64];
			size_t n = 0;
			for (int i = 0; ok && i < nv; i++) {
				int hp = v[i].param;
				const char *hk = v[i].keep;
				if (v[i].func != f)
					continue;
				if (v[i].callee >= 0) {
					int q = v[i].callee < nf ? fp[v[i].callee] : -1;
					hp = q >= 0 && q < ESC_VFMT_ARGS
						? v[i].params[q] : -1;
					hk = q >= 0 ? fk[v[i].callee] : NULL;
				}
				if (!hk || hp < 0 || (p >= 0 && hp != p)) {
					ok = 0;
					break;
				}
				p = hp;
				for (const char *q = hk; *q; q++)
					if (!memchr(keep, *q, n)) {
						if (n + 1 >= sizeof keep) {
							ok = 0;
							break;
						}
						keep[n++] = *q;
					}
			}
			if (!ok)
				p = -1;
			keep[n] = 0;
			const char *k = p >= 0 ? esc_intern(keep) : NULL;
			if (p != fp[f] || k != fk[f]) {
				fp[f] = p;
				fk[f] = k;
				changed = 1;
			}
		}
	}
	free(rule);
}

/* Printf-style formats: the variadic arguments of a function go only
   to callees that keep those of some conversions of a format, the
   format being the same parameter of the function each time
   (esc_vaarg_format, _format_in): its summary says so, with the letters
   of all of them.  A function with a rule's "format" has it
   (esc_func_format), and its va_arg reads are what the rule describes;
   a va_arg read elsewhere in the graph that may keep its value (a
   component's functions share their va_lists), a hand-off without a
   format, or one to a function of the graph that has none, leaves a
   function without one.  The functions of the graph are solved
   together, callees first, to a fixed point. */
static void vaarg_format(const struct esc_graph *g, int func,
			 struct esc_summary *s)
{
	int nf = g->nfuncs;
	if (g->funcs[func].fmt_keep) {
		if (g->funcs[func].fmt_param < s->nparams) {
			s->fmt_param = g->funcs[func].fmt_param;
			s->fmt_keep = g->funcs[func].fmt_keep;
		}
		return;
	}
	if (g->vfmt_bad || !g->nvfmt)
		return;
	for (int i = 0; i < g->nv; i++) {
		const struct esc_location *l = &g->locs[g->vlocs[i]];
		if (l->heap_derefs == 0 && !g->funcs[l->func].fmt_keep)
			return;
	}
	int *fp = esc_xmalloc((size_t)nf * sizeof *fp);
	const char **fk = esc_xmalloc((size_t)nf * sizeof *fk);
	for (int f = 0; f < nf; f++) {
		fp[f] = g->funcs[f].fmt_keep ? g->funcs[f].fmt_param : -1;
		fk[f] = g->funcs[f].fmt_keep;
	}
	esc_formats_solve(g->vfmt, g->nvfmt, nf, fp, fk);
	if (fp[func] >= 0 && fp[func] < s->nparams) {
		s->fmt_param = fp[func];
		s->fmt_keep = fk[func];
	}
	free(fp);
	free(fk);
}

int esc_format_arg(const char *fmt, int k, const char *keep)
{
	int at = 0; /* the next argument consumed */
	for (const char *f = fmt; *f; f++) {
		if (*f != '%')
			continue;
		f++;
		if (*f == '%')
			continue;
		while (*f && strchr("-+ #0'!,", *f))
			f++;
		for (int part = 0; part < 2; part++) {
			if (*f == '*') {
				if (at++ == k)
					return 0;
				f++;
			} else {
				while (*f >= '0' && *f <= '9')
					f++;
			}
			if (*f == '$')
				return -1;
			if (part == 0 && *f == '.')
				f++;
			else
				break;
		}
		while (*f && strchr("hlLqjzt", *f) && !strchr(keep, *f))
			f++;
		if (!((*f >= 'a' && *f <= 'z') || (*f >= 'A' && *f <= 'Z')) ||
		    *f == 'm')
			return -1;
		if (at++ == k)
			return strchr(keep, *f) != NULL;
	}
	return 0; /* past the format: never read */
}

int esc_summary_fmt(const struct esc_summary *s, const char *fmt, int k)
{
	if (!s->fmt_keep || !fmt || s->gave_up || k < 0)
		return 1;
	return esc_format_arg(fmt, k, s->fmt_keep) != 0;
}

int esc_summary_vwhen(const struct esc_summary *s, int known,
		      long long value)
{
	if (s->vwhen_param < 0 || !s->nvwhen || !known || s->gave_up)
		return 1;
	for (int i = 0; i < s->nvwhen; i++)
		if (s->vwhen[i] == value)
			return 1;
	return 0;
}

int esc_summary_vkey(const struct esc_summary *s, uintptr_t key)
{
	if (!s->vkeys_known || !key || s->gave_up)
		return 1;
	for (int i = 0; i < s->nvkeys; i++)
		if (s->vkeys[i] == key)
			return 1;
	return 0;
}

struct esc_summary *esc_summarize(const struct esc_graph *g, int func)
{
	struct esc_summary *s = esc_xcalloc(1, sizeof *s);
	int n = 0, nl;
	const int *ls = esc_func_locs(g, func, &nl);

	for (int k = 0; k < nl; k++) {
		const struct esc_location *loc = &g->locs[ls[k]];
		if (loc->kind == ESC_LOC_PARAM && loc->func == func &&
		    loc->param_index + 1 > n)
			n = loc->param_index + 1;
	}
	s->nparams = n;
	s->heap = esc_xmalloc((size_t)n + 1);
	s->result = esc_xmalloc((size_t)n + 1);
	s->sure = esc_xmalloc((size_t)n + 1);
	s->release = esc_xcalloc((size_t)n + 1, 1);
	s->local_heap = esc_xmalloc((size_t)n + 1);
	s->local_sure = esc_xmalloc((size_t)n + 1);
	s->local_result = esc_xmalloc((size_t)n + 1);
	memset(s->heap, -1, (size_t)n + 1);
	memset(s->result, -1, (size_t)n + 1);
	memset(s->sure, -1, (size_t)n + 1);
	memset(s->local_heap, -1, (size_t)n + 1);
	memset(s->local_sure, -1, (size_t)n + 1);
	memset(s->local_result, -1, (size_t)n + 1);
	s->gave_up = g->funcs[func].gave_up != NULL;
	s->result_other = g->funcs[func].result_other || s->gave_up;
	for (int k = 0; k < nl; k++) {
		const struct esc_location *loc = &g->locs[ls[k]];
		if (loc->kind == ESC_LOC_ALLOC && loc->func == func &&
		    loc->fresh)
			s->fresh = 1;
	}

	for (int k = 0; k < nl; k++) {
		const struct esc_location *loc = &g->locs[ls[k]];
		if (loc->kind != ESC_LOC_PARAM || loc->func != func)
			continue;
		int i = loc->param_index == ESC_VARARGS ? n : loc->param_index;
		if (i < 0)
			continue;
		int h = loc->leak_own, r = loc->leak_result;
		s->local_heap[i] = (signed char)esc_local_leak(g, ls[k], 1);
		s->local_sure[i] = (signed char)esc_local_leak(g, ls[k], 2);
		s->local_result[i] = (signed char)r;
		if (h >= 0 && r >= h) {
			r = -1;
			/* dropped: the caller's value no longer says it holds
			   this argument, so it may hold anything */
			s->result_other = 1;
		}
		s->heap[i] = (signed char)h;
		s->result[i] = (signed char)r;
		s->sure[i] = (signed char)loc->leak_sure;
		if (loc->leak_sure_out != loc->leak_sure && !s->gave_up) {
			if (!s->sure_out) {
				s->sure_out = esc_xmalloc((size_t)n + 1);
				memset(s->sure_out, -1, (size_t)n + 1);
				for (int k2 = 0; k2 < nl; k2++) {
					const struct esc_location *l2 =
						&g->locs[ls[k2]];
					int i2 = l2->param_index == ESC_VARARGS
						? n : l2->param_index;
					if (l2->kind == ESC_LOC_PARAM &&
					    l2->func == func && i2 >= 0)
						s->sure_out[i2] =
							(signed char)l2->leak_sure;
				}
			}
			s->sure_out[i] = (signed char)loc->leak_sure_out;
		}
		if (i < n)
			s->release[i] = (unsigned char)loc->released;
		/* a value from outside stored into *arg (solve.c) */
		int oi = loc->ptee >= 0 ? g->locs[loc->ptee].other_in : 0;
		if (i < n && !s->gave_up && oi) {
			if (!s->other_out) {
				s->other_out = esc_xcalloc((size_t)n + 1, 1);
				s->other_rng = esc_xcalloc((size_t)n + 1,
							   sizeof *s->other_rng);
			}
			s->other_out[i] = 1;
			if (oi >= 2 && oi - 2 < g->noranges)
				s->other_rng[i] = g->oranges[oi - 2];
		}
	}
	/* the guards on this function's parameters that change a sure leak */
	for (int k = 0; k < g->nguards && !s->gave_up; k++) {
		const struct esc_gguard *gg = &g->guards[k];
		/* a global's guard is every member's */
		const struct esc_location *pl = gg->global ? NULL : &g->locs[gg->param];
		if (!gg->sure || (pl && (pl->func != func || pl->param_index < 0 ||
					 pl->param_index >= n)))
			continue;
		signed char *sure = esc_xmalloc((size_t)n + 1);
		memcpy(sure, s->sure, (size_t)n + 1);
		int differs = 0;
		for (int j = 0; j < nl; j++) {
			const struct esc_location *loc = &g->locs[ls[j]];
			int i = loc->param_index == ESC_VARARGS ? n : loc->param_index;
			if (loc->kind != ESC_LOC_PARAM || loc->func != func || i < 0)
				continue;
			/* never stronger than the sure leak itself */
			int gs = gg->sure[ls[j]];
			if (gs >= 0 && (s->sure[i] < 0 || gs < s->sure[i]))
				gs = s->sure[i];
			sure[i] = (signed char)gs;
			differs |= sure[i] != s->sure[i];
		}
		if (!differs) {
			free(sure);
			continue;
		}
		s->guards = esc_xrealloc(s->guards, (size_t)(s->nguards + 1) *
					 sizeof *s->guards);
		s->guards[s->nguards].param = pl ? pl->param_index : -1;
		s->guards[s->nguards].global = gg->global;
		s->guards[s->nguards].mask = gg->mask;
		s->guards[s->nguards++].sure = sure;
	}
	/* the hangs off this function's parameters that change a sure leak */
	for (int k = 0; k < g->nhangs && !s->gave_up; k++) {
		const struct esc_ghang *gh = &g->hangs[k];
		const struct esc_location *pl = &g->locs[gh->param];
		if (!gh->sure || pl->func != func || pl->param_index < 0 ||
		    pl->param_index >= n)
			continue;
		signed char *sure = esc_xmalloc((size_t)n + 1);
		memcpy(sure, s->sure, (size_t)n + 1);
		int differs = 0;
		for (int j = 0; j < nl; j++) {
			const struct esc_location *loc = &g->locs[ls[j]];
			int i = loc->param_index == ESC_VARARGS ? n : loc->param_index;
			if (loc->kind != ESC_LOC_PARAM || loc->func != func || i < 0)
				continue;
			int hs = gh->sure[ls[j]];
			if (hs >= 0 && (s->sure[i] < 0 || hs < s->sure[i]))
				hs = s->sure[i];
			sure[i] = (signed char)hs;
			differs |= sure[i] != s->sure[i];
		}
		if (!differs) {
			free(sure);
			continue;
		}
		s->hangs = esc_xrealloc(s->hangs, (size_t)(s->nhangs + 1) *
					sizeof *s->hangs);
		s->hangs[s->nhangs].param = pl->param_index;
		s->hangs[s->nhangs].off = gh->off;
		s->hangs[s->nhangs++].sure = sure;
	}
	vaarg_keys(g, s);
	vaarg_when(g, func, s);
	vaarg_format(g, func, s);
	for (int k = 0; k < g->npstores; k++) {
		const struct esc_pstore *ps = &g->pstores[k];
		/* from the variadic arguments: their slot, n */
		int from = ps->from == ESC_VARARGS ? n : ps->from;
		if (ps->func != func || from < 0 || from > n || ps->to >= n ||
		    (ps->to < 0 && ps->to != ESC_FRESH_RESULT))
			continue;
		/* a store no stronger than the local heap leak says nothing
		   more (one covered only by a leak that rests on an import
		   stays: the link step may drop that leak) */
		if (s->local_heap[from] >= 0 && s->local_heap[from] <= ps->derefs)
			continue;
		s->stores = esc_xrealloc(s->stores, (size_t)(s->nstores + 1) *
					 sizeof *s->stores);
		s->stores[s->nstores].from = from;
		s->stores[s->nstores].to = ps->to;
		s->stores[s->nstores].level = ps->level;
		s->stores[s->nstores].assumed =
			ps->assumed ? ESC_ASSUMED_RELEASED : 0;
		s->stores[s->nstores].nranges = ps->nranges;
		memcpy(s->stores[s->nstores].off, ps->off, sizeof ps->off);
		memcpy(s->stores[s->nstores].size, ps->size, sizeof ps->size);
		s->stores[s->nstores].in_off = s->stores[s->nstores].in_size =
			s->stores[s->nstores].in_elem = 0;
		if (ps->inside > 0 && ps->derefs == 0 && ps->level == 1 &&
		    ps->nranges) {
			const struct esc_inside *in = &g->insides[ps->inside - 1];
			s->stores[s->nstores].in_off = in->off;
			s->stores[s->nstores].in_size = in->size;
			s->stores[s->nstores].in_elem = in->elem;
		}
		s->stores[s->nstores++].derefs = ps->derefs;
	}
	return s;
}

void esc_summary_free(struct esc_summary *s)
{
	if (!s)
		return;
	free(s->heap);
	free(s->result);
	free(s->sure);
	free(s->sure_out);
	for (int k = 0; k < s->nguards; k++)
		free(s->guards[k].sure);
	free(s->guards);
	free(s->releases);
	for (int k = 0; k < s->nhangs; k++)
		free(s->hangs[k].sure);
	free(s->hangs);
	free(s->release);
	free(s->vkeys);
	free(s->vwhen);
	free(s->local_heap);
	free(s->local_sure);
	free(s->local_result);
	free(s->stores);
	free(s->effects);
	free(s->other_out);
	free(s->other_rng);
	free(s);
}

/* Slot of argument index i: a parameter, or the varargs for the rest. */
static int slot(const struct esc_summary *s, int i)
{
	return i == ESC_VARARGS || i >= s->nparams || i < 0 ? s->nparams : i;
}

int esc_summary_heap(const struct esc_summary *s, int index)
{
	if (s->gave_up)
		return 0;
	return s->heap[slot(s, index)];
}

int esc_summary_sure(const struct esc_summary *s, int index)
{
	if (s->gave_up)
		return 0;
	return s->sure[slot(s, index)];
}

int esc_summary_sure_out(const struct esc_summary *s, int index)
{
	if (s->gave_up)
		return 0;
	return (s->sure_out ? s->sure_out : s->sure)[slot(s, index)];
}

int esc_summary_imported(const struct esc_summary *s, int index)
{
	int i = slot(s, index);
	if (s->gave_up || !s->local_heap)
		return 0;
	return s->heap[i] != s->local_heap[i] || s->sure[i] != s->local_sure[i];
}

int esc_summary_result(const struct esc_summary *s, int index)
{
	if (s->gave_up)
		return -1;
	return s->result[slot(s, index)];
}

/* ------------------------------------------------------------------ */
/* Releases: which parameters a function releases (escape.h)           */

struct esc_release_pass {
	int func, param, callee, arg;
};

struct esc_release_target {
	uintptr_t key;
	int fn;
};

struct esc_release_indirect {
	uintptr_t key;
	int func, param, arg;
};

struct esc_releases {
	uint64_t *set;  /* open addressing, 0 empty: 1 + (func << 32 | param) */
	int nset, capset;
	struct esc_release_pass *pass;
	int npass, cappass;
	struct esc_release_target *targets;
	int ntargets, captargets;
	struct esc_release_indirect *indirect;
	int nindirect, capindirect;
};

static uint64_t release_key(int func, int param)
{
	return 1 + (((uint64_t)(uint32_t)func << 32) | (uint32_t)param);
}

static size_t release_slot(const struct esc_releases *r, uint64_t k)
{
	uint64_t h = k * 0x9e3779b97f4a7c15ull;
	size_t i = (size_t)(h >> 32) & (size_t)(r->capset - 1);
	while (r->set[i] && r->set[i] != k)
		i = (i + 1) & (size_t)(r->capset - 1);
	return i;
}

static int release_has(const struct esc_releases *r, int func, int param)
{
	if (!r || !r->capset || func < 0 || param < 0)
		return 0;
	return r->set[release_slot(r, release_key(func, param))] != 0;
}

static void release_add(struct esc_releases *r, int func, int param)
{
	if (func < 0 || param < 0 || release_has(r, func, param))
		return;
	if (2 * (r->nset + 1) > r->capset) {
		uint64_t *old = r->set;
		int oldcap = r->capset;
		r->capset = oldcap ? 2 * oldcap : 64;
		r->set = esc_xcalloc((size_t)r->capset, sizeof *r->set);
		for (int i = 0; i < oldcap; i++)
			if (old[i])
				r->set[release_slot(r, old[i])] = old[i];
		free(old);
	}
	r->set[release_slot(r, release_key(func, param))] = release_key(func, param);
	r->nset++;
}

struct esc_releases *esc_releases_new(void)
{
	return esc_xcalloc(1, sizeof(struct esc_releases));
}

void esc_releases_free(struct esc_releases *r)
{
	if (!r)
		return;
	free(r->set);
	free(r->pass);
	free(r->targets);
	free(r->indirect);
	free(r);
}

void esc_releases_seed(struct esc_releases *r, int func, int param)
{
	release_add(r, func, param);
}

void esc_releases_pass(struct esc_releases *r, int func, int param,
		       int callee, int arg)
{
	if (func < 0 || param < 0 || callee < 0 || arg < 0)
		return;
	ESC_GROW(r->pass, r->cappass, r->npass + 1);
	r->pass[r->npass].func = func;
	r->pass[r->npass].param = param;
	r->pass[r->npass].callee = callee;
	r->pass[r->npass++].arg = arg;
}

void esc_releases_target(struct esc_releases *r, uintptr_t key, int fn)
{
	if (fn < 0)
		return;
	ESC_GROW(r->targets, r->captargets, r->ntargets + 1);
	r->targets[r->ntargets].key = key;
	r->targets[r->ntargets++].fn = fn;
}

void esc_releases_pass_indirect(struct esc_releases *r, int func, int param,
				uintptr_t key, int arg)
{
	if (func < 0 || param < 0 || arg < 0)
		return;
	ESC_GROW(r->indirect, r->capindirect, r->nindirect + 1);
	r->indirect[r->nindirect].key = key;
	r->indirect[r->nindirect].func = func;
	r->indirect[r->nindirect].param = param;
	r->indirect[r->nindirect++].arg = arg;
}

static int cmp_target(const void *a, const void *b)
{
	const struct esc_release_target *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->fn > y->fn) - (x->fn < y->fn);
}

static int cmp_pass(const void *a, const void *b)
{
	const struct esc_release_pass *x = a, *y = b;
	if (x->callee != y->callee)
		return x->callee < y->callee ? -1 : 1;
	return (x->arg > y->arg) - (x->arg < y->arg);
}

int esc_releases_solve(struct esc_releases *r)
{
	/* a call through a field hands the value to each function put
	   there */
	qsort(r->targets, (size_t)r->ntargets, sizeof *r->targets, cmp_target);
	for (int k = 0; k < r->nindirect; k++) {
		const struct esc_release_indirect *c = &r->indirect[k];
		int lo = 0, hi = r->ntargets;
		while (lo < hi) {
			int m = lo + (hi - lo) / 2;
			if (r->targets[m].key < c->key)
				lo = m + 1;
			else
				hi = m;
		}
		for (int t = lo; t < r->ntargets && r->targets[t].key == c->key; t++)
			if (t == lo || r->targets[t].fn != r->targets[t - 1].fn)
				esc_releases_pass(r, c->func, c->param,
						  r->targets[t].fn, c->arg);
	}
	r->nindirect = 0;
	/* a worklist of released parameters; the facts that hand a value
	   to one, found by (callee, arg) in the sorted facts */
	qsort(r->pass, (size_t)r->npass, sizeof *r->pass, cmp_pass);
	uint64_t *work = esc_xmalloc(((size_t)r->nset + (size_t)r->npass + 1) *
				     sizeof *work);
	int nwork = 0;
	for (int i = 0; i < r->capset; i++)
		if (r->set[i])
			work[nwork++] = r->set[i] - 1;
	while (nwork) {
		uint64_t k = work[--nwork];
		struct esc_release_pass key;
		key.callee = (int)(k >> 32);
		key.arg = (int)(k & 0xffffffffu);
		int lo = 0, hi = r->npass;
		while (lo < hi) {
			int m = lo + (hi - lo) / 2;
			if (cmp_pass(&r->pass[m], &key) < 0)
				lo = m + 1;
			else
				hi = m;
		}
		for (int i = lo; i < r->npass && !cmp_pass(&r->pass[i], &key); i++) {
			const struct esc_release_pass *p = &r->pass[i];
			if (release_has(r, p->func, p->param))
				continue;
			release_add(r, p->func, p->param);
			work[nwork++] = ((uint64_t)(uint32_t)p->func << 32) |
					(uint32_t)p->param;
		}
	}
	free(work);
	return r->nset;
}

int esc_releases_param(const struct esc_releases *r, int func, int param)
{
	return release_has(r, func, param);
}

/* Tarjan's algorithm, iterative so that deep call chains cannot overflow
   the stack. */
int esc_components(int n, const int (*edges)[2], int n_edges, int *comp)
{
	int *start = esc_xcalloc((size_t)n + 1, sizeof *start);
	int *adj = esc_xmalloc((size_t)(n_edges ? n_edges : 1) * sizeof *adj);
	int *index = esc_xmalloc((size_t)(n ? n : 1) * sizeof *index);
	int *low = esc_xmalloc((size_t)(n ? n : 1) * sizeof *low);
	int *next = esc_xmalloc((size_t)(n ? n : 1) * sizeof *next);
	int *stack = esc_xmalloc((size_t)(n ? n : 1) * sizeof *stack);
	int *call = esc_xmalloc((size_t)(n ? n : 1) * sizeof *call);
	char *on = esc_xcalloc(n ? n : 1, 1);
	int sp = 0, csp, counter = 0, ncomp = 0;

	for (int i = 0; i < n_edges; i++)
		if (edges[i][0] >= 0 && edges[i][0] < n && edges[i][1] >= 0 &&
		    edges[i][1] < n)
			start[edges[i][0] + 1]++;
	for (int i = 0; i < n; i++)
		start[i + 1] += start[i];
	memcpy(next, start, (size_t)n * sizeof *next);
	for (int i = 0; i < n_edges; i++)
		if (edges[i][0] >= 0 && edges[i][0] < n && edges[i][1] >= 0 &&
		    edges[i][1] < n)
			adj[next[edges[i][0]]++] = edges[i][1];
	for (int i = 0; i < n; i++) {
		index[i] = -1;
		comp[i] = -1;
	}

	for (int root = 0; root < n; root++) {
		if (index[root] >= 0)
			continue;
		csp = 0;
		call[csp++] = root;
		index[root] = low[root] = counter++;
		next[root] = start[root];
		stack[sp++] = root;
		on[root] = 1;
		while (csp) {
			int v = call[csp - 1];
			if (next[v] < start[v + 1]) {
				int w = adj[next[v]++];
				if (index[w] < 0) {
					index[w] = low[w] = counter++;
					next[w] = start[w];
					stack[sp++] = w;
					on[w] = 1;
					call[csp++] = w;
				} else if (on[w] && index[w] < low[v]) {
					low[v] = index[w];
				}
				continue;
			}
			csp--;
			if (csp && low[v] < low[call[csp - 1]])
				low[call[csp - 1]] = low[v];
			if (low[v] == index[v]) {
				int w;
				do {
					w = stack[--sp];
					on[w] = 0;
					comp[w] = ncomp;
				} while (w != v);
				ncomp++;
			}
		}
	}
	free(start);
	free(adj);
	free(index);
	free(low);
	free(next);
	free(stack);
	free(call);
	free(on);
	return ncomp;
}

/* ------------------------------------------------------------------ */
/* Summaries of functions defined elsewhere (summaries=FILE)            */

struct esc_linked {
	const char *symbol, *signature, *file, *hash;
	int stale; /* 0 unknown, 1 fresh, 2 stale */
	struct esc_summary *s;
};

struct esc_summaries {
	char *path;
	struct esc_linked *v;
	int n;
};

static int cmp_linked(const void *a, const void *b)
{
	return strcmp(((const struct esc_linked *)a)->symbol,
		      ((const struct esc_linked *)b)->symbol);
}

static int levels_of(json_t *o, const char *key, signed char *out, int n)
{
	json_t *a = json_object_get(o, key);
	if (!json_is_array(a) || (int)json_array_size(a) != n)
		return -1;
	for (int i = 0; i < n; i++) {
		json_t *v = json_array_get(a, (size_t)i);
		if (json_is_null(v))
			out[i] = -1;
		else if (json_is_integer(v) && json_integer_value(v) >= 0 &&
			 json_integer_value(v) <= 127)
			out[i] = (signed char)(json_integer_value(v) > ESC_MAX_DEREFS
					       ? ESC_MAX_DEREFS : json_integer_value(v));
		else
			return -1;
	}
	return 0;
}

void esc_summaries_free(struct esc_summaries *ss)
{
	if (!ss)
		return;
	for (int i = 0; i < ss->n; i++)
		esc_summary_free(ss->v[i].s);
	free(ss->v);
	free(ss->path);
	free(ss);
}

#define BAD(...) do { snprintf(err, errlen, __VA_ARGS__); goto fail; } while (0)

struct esc_summaries *esc_summaries_load(const char *path, char *err,
					 size_t errlen)
{
	json_error_t je;
	json_t *doc = json_load_file(path, 0, &je), *fns;
	struct esc_summaries *ss = esc_xcalloc(1, sizeof *ss);

	ss->path = esc_xstrdup(path);
	if (!doc) {
		if (je.line <= 0)
			BAD("%s: cannot read: %s", path, je.text);
		BAD("%s:%d:%d: not valid JSON: %s", path, je.line, je.column, je.text);
	}
	if (!json_is_object(doc) ||
	    !json_is_integer(json_object_get(doc, "escape-summaries")))
		BAD("%s: not an escape summaries file (no \"escape-summaries\": 1; "
		    "write it with escape-report --summaries)", path);
	if (json_integer_value(json_object_get(doc, "escape-summaries")) != 1)
		BAD("%s: summaries version %lld is not supported (this plugin reads 1)",
		    path, (long long)json_integer_value(json_object_get(doc, "escape-summaries")));
	fns = json_object_get(doc, "functions");
	if (!json_is_array(fns))
		BAD("%s: \"functions\" is not an array", path);
	ss->v = esc_xcalloc(json_array_size(fns) + 1, sizeof *ss->v);
	for (size_t i = 0; i < json_array_size(fns); i++) {
		json_t *o = json_array_get(fns, i), *st;
		const char *sym = json_string_value(json_object_get(o, "symbol"));
		json_t *np = json_object_get(o, "nparams");
		if (!json_is_object(o) || !sym || !*sym)
			BAD("%s: functions[%zu]: no \"symbol\"", path, i);
		if (!json_is_integer(np) || json_integer_value(np) < 0 ||
		    json_integer_value(np) > 10000)
			BAD("%s: functions[%zu] (%s): \"nparams\" is not a number of "
			    "parameters", path, i, sym);
		int n = (int)json_integer_value(np);
		struct esc_summary *s = esc_xcalloc(1, sizeof *s);
		struct esc_linked *L = &ss->v[ss->n++];
		L->s = s;
		s->nparams = n;
		s->vwhen_param = -1;
		s->heap = esc_xmalloc((size_t)n + 1);
		s->sure = esc_xmalloc((size_t)n + 1);
		s->result = esc_xmalloc((size_t)n + 1);
		s->local_heap = esc_xmalloc((size_t)n + 1);
		s->local_sure = esc_xmalloc((size_t)n + 1);
		s->local_result = esc_xmalloc((size_t)n + 1);
		static const char *const keys[] = { "heap", "sure", "result" };
		signed char *arrs[] = { s->heap, s->sure, s->result };
		for (int k = 0; k < 3; k++)
			if (levels_of(o, keys[k], arrs[k], n + 1))
				BAD("%s: functions[%zu] (%s): \"%s\" is not an array of "
				    "nparams + 1 levels (a number of derefs or null)",
				    path, i, sym, keys[k]);
		memcpy(s->local_heap, s->heap, (size_t)n + 1);
		memcpy(s->local_sure, s->sure, (size_t)n + 1);
		memcpy(s->local_result, s->result, (size_t)n + 1);
		st = json_object_get(o, "stores");
		if (st && !json_is_array(st))
			BAD("%s: functions[%zu] (%s): \"stores\" is not an array", path, i, sym);
		for (size_t k = 0; k < json_array_size(st); k++) {
			json_t *x = json_array_get(st, k), *to = json_object_get(x, "to");
			json_t *from = json_object_get(x, "from");
			json_t *der = json_object_get(x, "derefs"), *lev = json_object_get(x, "level");
			int t = json_is_string(to) && !strcmp(json_string_value(to), "result")
				? ESC_FRESH_RESULT : json_is_integer(to) ? (int)json_integer_value(to) : -3;
			if (!json_is_integer(from) || json_integer_value(from) < 0 ||
			    json_integer_value(from) > n || t == -3 || t >= n + 1 ||
			    !json_is_integer(der) || json_integer_value(der) < 0 ||
			    !json_is_integer(lev) || json_integer_value(lev) < 1 ||
			    json_integer_value(lev) > 2)
				BAD("%s: functions[%zu] (%s): stores[%zu] is not {\"from\", "
				    "\"to\", \"derefs\", \"level\"}", path, i, sym, k);
			s->stores = esc_xrealloc(s->stores, (size_t)(s->nstores + 1) *
						 sizeof *s->stores);
			s->stores[s->nstores].from = (int)json_integer_value(from);
			s->stores[s->nstores].to = t;
			s->stores[s->nstores].derefs = (int)json_integer_value(der);
			s->stores[s->nstores].assumed =
				json_is_true(json_object_get(x, "assumed"));
			s->stores[s->nstores].nranges = 0;
			s->stores[s->nstores].in_off = s->stores[s->nstores].in_size =
				s->stores[s->nstores].in_elem = 0;
			s->stores[s->nstores++].level = (int)json_integer_value(lev);
		}
		json_t *vw = json_object_get(o, "vwhen");
		if (vw) {
			json_t *p = json_object_get(vw, "param");
			json_t *vals = json_object_get(vw, "values");
			if (!json_is_integer(p) || json_integer_value(p) < 0 ||
			    json_integer_value(p) >= n || !json_is_array(vals) ||
			    !json_array_size(vals))
				BAD("%s: functions[%zu] (%s): \"vwhen\" is not {\"param\", "
				    "\"values\"}", path, i, sym);
			s->vwhen = esc_xmalloc(json_array_size(vals) * sizeof *s->vwhen);
			for (size_t k = 0; k < json_array_size(vals); k++) {
				json_t *v = json_array_get(vals, k);
				if (!json_is_integer(v))
					BAD("%s: functions[%zu] (%s): \"vwhen\" values[%zu] "
					    "is not an integer", path, i, sym, k);
				s->vwhen[s->nvwhen++] = (long long)json_integer_value(v);
			}
			s->vwhen_param = (int)json_integer_value(p);
		}
		json_t *fx = json_object_get(o, "effects");
		if (fx && !json_is_array(fx))
			BAD("%s: functions[%zu] (%s): \"effects\" is not an array", path, i, sym);
		for (size_t k = 0; k < json_array_size(fx); k++) {
			json_t *x = json_array_get(fx, k);
			const char *kind = json_string_value(json_object_get(x, "kind"));
			const char *p = json_string_value(json_object_get(x, "path"));
			json_t *param = json_object_get(x, "param");
			/* fresh: the result's (param -1) */
			int fresh = kind && !strcmp(kind, "fresh");
			if (!kind ||
			    (strcmp(kind, "set") && strcmp(kind, "clear") &&
			     strcmp(kind, "unlink") && strcmp(kind, "release") && !fresh) ||
			    !p || !json_is_integer(param) ||
			    json_integer_value(param) < (fresh ? -1 : 0) ||
			    json_integer_value(param) >= (fresh ? 0 : n + 1))
				BAD("%s: functions[%zu] (%s): effects[%zu] is not {\"kind\": "
				    "\"set\"|\"clear\"|\"unlink\"|\"release\"|\"fresh\", "
				    "\"param\", \"path\", \"pointer\"}",
				    path, i, sym, k);
			s->effects = esc_xrealloc(s->effects, (size_t)(s->neffects + 1) *
						  sizeof *s->effects);
			struct esc_effect *e = &s->effects[s->neffects++];
			memset(e, 0, sizeof *e);
			e->kind = !strcmp(kind, "set")       ? ESC_FX_SET
				  : !strcmp(kind, "unlink")  ? ESC_FX_UNLINK
				  : !strcmp(kind, "release") ? ESC_FX_RELEASE
				  : fresh                    ? ESC_FX_FRESH
							     : ESC_FX_CLEAR;
			e->param = (int)json_integer_value(param);
			e->path = esc_intern(p);
			e->pointer = json_is_true(json_object_get(x, "pointer"));
			e->pop = e->kind == ESC_FX_CLEAR &&
				 json_is_true(json_object_get(x, "pop"));
			e->nonzero = json_is_true(json_object_get(x, "nonzero"));
			json_t *bits = json_object_get(x, "bits");
			json_t *clears = json_object_get(x, "clears");
			json_t *mask = json_object_get(x, "mask");
			if (e->kind != ESC_FX_UNLINK) {
				e->setbits = json_is_integer(bits)
					? (uint64_t)json_integer_value(bits) : 0;
				e->clrbits = json_is_integer(clears)
					? (uint64_t)json_integer_value(clears)
					: ~(uint64_t)0;
			}
			if (e->kind == ESC_FX_UNLINK &&
			    json_is_string(json_object_get(x, "guard"))) {
				e->guard = esc_intern(json_string_value(
					json_object_get(x, "guard")));
				e->mask = json_is_integer(mask)
					? (uint64_t)json_integer_value(mask) : 0;
			}
			/* an unlink's skips, a write's refusals: [[param,
			   "path", mask], ...] */
			json_t *conds = json_object_get(x, e->kind == ESC_FX_UNLINK
							   ? "skip" : "refuse");
			struct esc_cond cv[ESC_MAX_CONDS];
			int nc = 0;
			if (conds && (!json_is_array(conds) ||
				      json_array_size(conds) > ESC_MAX_CONDS))
				nc = -1;
			for (size_t c = 0; nc >= 0 && c < json_array_size(conds); c++) {
				json_t *y = json_array_get(conds, c);
				json_t *cp = json_array_get(y, 0), *cpath = json_array_get(y, 1);
				json_t *cm = json_array_get(y, 2);
				if (!json_is_integer(cp) || json_integer_value(cp) < 0 ||
				    !json_is_string(cpath) || !json_is_integer(cm)) {
					nc = -1;
					break;
				}
				cv[nc].param = (int)json_integer_value(cp);
				cv[nc].path = esc_intern(json_string_value(cpath));
				cv[nc++].mask = (uint64_t)json_integer_value(cm);
			}
			if (nc < 0)
				BAD("%s: functions[%zu] (%s): effects[%zu]: \"skip\"/\"refuse\" "
				    "is not [[param, \"path\", mask], ...]", path, i, sym, k);
			if (e->kind == ESC_FX_UNLINK)
				e->skip = esc_conds_intern(cv, nc);
			else
				e->refuse = esc_conds_intern(cv, nc);
		}
		s->fresh = json_is_true(json_object_get(o, "fresh"));
		s->noreturn = json_is_true(json_object_get(o, "noreturn"));
		s->result_other = json_is_true(json_object_get(o, "result_other"));
		s->gave_up = json_is_true(json_object_get(o, "gave_up"));
		L->symbol = esc_intern(sym);
		L->signature = esc_intern(json_string_value(json_object_get(o, "signature")));
		L->file = esc_intern(json_string_value(json_object_get(o, "file")));
		L->hash = esc_intern(json_string_value(json_object_get(o, "source_hash")));
	}
	qsort(ss->v, (size_t)ss->n, sizeof *ss->v, cmp_linked);
	for (int i = 1; i < ss->n; i++)
		if (!strcmp(ss->v[i].symbol, ss->v[i - 1].symbol))
			BAD("%s: \"%s\" is there twice", path, ss->v[i].symbol);
	json_decref(doc);
	return ss;
fail:
	json_decref(doc);
	esc_summaries_free(ss);
	return NULL;
}

const struct esc_summary *esc_summaries_find(struct esc_summaries *ss,
					     const char *symbol,
					     const char *signature)
{
	int lo = 0, hi = ss ? ss->n : 0;
	while (lo < hi) {
		int m = lo + (hi - lo) / 2;
		int c = strcmp(ss->v[m].symbol, symbol);
		if (!c) {
			struct esc_linked *L = &ss->v[m];
			/* not trusted blindly: its parameters' types must be
			   those the caller sees, and its source unchanged */
			if (L->signature && signature && strcmp(L->signature, signature))
				return NULL;
			if (!L->stale && L->file && L->hash) {
				char *h = esc_file_hash(L->file);
				L->stale = h && !strcmp(h, L->hash) ? 1 : 2;
				free(h);
			} else if (!L->stale) {
				L->stale = 1; /* no hash written: nothing to check */
			}
			return L->stale == 1 ? L->s : NULL;
		}
		if (c < 0)
			lo = m + 1;
		else
			hi = m;
	}
	return NULL;
}
