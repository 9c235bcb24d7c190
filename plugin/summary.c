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
 * Functions are finished bottom-up over the strongly connected components
 * of the call graph (Tarjan's algorithm emits a component only after every
 * component it calls), so a caller always finds its callees' summaries
 * ready, except within its own component, which is analysed as one graph.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

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
	memset(s->heap, -1, (size_t)n + 1);
	memset(s->result, -1, (size_t)n + 1);
	memset(s->sure, -1, (size_t)n + 1);
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
		if (h >= 0 && r >= h) {
			r = -1;
			/* dropped: the caller's value no longer says it holds
			   this argument, so it may hold anything */
			s->result_other = 1;
		}
		s->heap[i] = (signed char)h;
		s->result[i] = (signed char)r;
		s->sure[i] = (signed char)loc->leak_sure;
	}
	for (int k = 0; k < g->npstores; k++) {
		const struct esc_pstore *ps = &g->pstores[k];
		if (ps->func != func || ps->from >= n || ps->to >= n)
			continue;
		/* a store no stronger than the heap leak says nothing more */
		if (s->heap[ps->from] >= 0 && s->heap[ps->from] <= ps->derefs)
			continue;
		s->stores = esc_xrealloc(s->stores, (size_t)(s->nstores + 1) *
					 sizeof *s->stores);
		s->stores[s->nstores].from = ps->from;
		s->stores[s->nstores].to = ps->to;
		s->stores[s->nstores].level = ps->level;
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
	free(s->stores);
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

int esc_summary_result(const struct esc_summary *s, int index)
{
	if (s->gave_up)
		return -1;
	return s->result[slot(s, index)];
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
