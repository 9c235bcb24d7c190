/*
 * paths.c - "on every path" questions about one function's control flow
 * graph, for the effects the adapter reads off a body (dangle.cc's
 * body_effects): does every path from the entry to a normal return pass
 * through a block, or through one of a set of blocks, when some edges
 * (the ways out that do not count: a failure's return, the branch on
 * which a parameter is null, a guard's zero branch) are left out?
 *
 * One block: the answer for every block at once is the exit's chain of
 * dominators in the graph without those edges (Cooper, Harvey and
 * Kennedy's iteration over the reverse postorder), computed once per set
 * of edges left out.  A set of blocks: one walk that does not enter them.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"

int esc_paths_on_every(const struct esc_paths *g, const unsigned char *ok,
		       unsigned char *on)
{
	int n = g->n, m = 0, reached = 0;
	int *po = esc_xmalloc(3 * (size_t)(n ? n : 1) * sizeof *po);
	int *post = po + n, *stack = post + n;
	unsigned *cursor = esc_xmalloc((size_t)(n ? n : 1) * sizeof *cursor);
	for (int i = 0; i < n; i++) {
		po[i] = -1;
		cursor[i] = g->start[i];
	}
	/* depth first from the entry: the postorder numbers (po[b] -2 while
	   b is on the stack) */
	int sp = 0;
	stack[sp++] = g->entry;
	po[g->entry] = -2;
	while (sp) {
		int x = stack[sp - 1];
		if (cursor[x] < g->start[x + 1]) {
			unsigned i = cursor[x]++;
			int d = g->dest[i];
			if ((!ok || ok[i]) && po[d] == -1) {
				po[d] = -2;
				stack[sp++] = d;
			}
			continue;
		}
		sp--;
		po[x] = m;
		post[m++] = x;
	}
	reached = po[g->exit] >= 0;
	if (reached) {
		/* the reached blocks' predecessors by postorder number */
		unsigned *pstart = esc_xcalloc((size_t)m + 1, sizeof *pstart);
		for (int k = 0; k < m; k++)
			for (unsigned i = g->start[post[k]]; i < g->start[post[k] + 1]; i++)
				if (!ok || ok[i])
					pstart[po[g->dest[i]] + 1]++;
		for (int k = 0; k < m; k++)
			pstart[k + 1] += pstart[k];
		int *preds = esc_xmalloc(((size_t)pstart[m] + 1) * sizeof *preds);
		int *doms = esc_xmalloc((size_t)m * sizeof *doms);
		for (int k = 0; k < m; k++) {
			cursor[k] = pstart[k];
			doms[k] = -1;
		}
		for (int k = 0; k < m; k++)
			for (unsigned i = g->start[post[k]]; i < g->start[post[k] + 1]; i++)
				if (!ok || ok[i])
					preds[cursor[po[g->dest[i]]]++] = k;
		int root = po[g->entry];
		doms[root] = root;
		for (int changed = 1; changed;) {
			changed = 0;
			for (int k = m - 1; k >= 0; k--) {
				if (k == root)
					continue;
				int d = -1;
				for (unsigned i = pstart[k]; i < pstart[k + 1]; i++) {
					int u = preds[i], v = d;
					if (doms[u] < 0)
						continue;
					if (v < 0) {
						d = u;
						continue;
					}
					while (u != v) {
						while (u < v)
							u = doms[u];
						while (v < u)
							v = doms[v];
					}
					d = u;
				}
				if (doms[k] != d) {
					doms[k] = d;
					changed = 1;
				}
			}
		}
		for (int k = po[g->exit];; k = doms[k]) {
			on[post[k]] = 1;
			if (k == root)
				break;
		}
		free(pstart);
		free(preds);
		free(doms);
	}
	free(po);
	free(cursor);
	return reached;
}

int esc_paths_through(const struct esc_paths *g, const unsigned char *ok,
		      const unsigned char *set)
{
	int n = g->n, sp = 0, all = 1;
	int *stack = esc_xmalloc((size_t)(n ? n : 1) * sizeof *stack);
	unsigned char *seen = esc_xcalloc((size_t)(n ? n : 1), 1);
	stack[sp++] = g->entry;
	seen[g->entry] = 1;
	while (sp && all) {
		int x = stack[--sp];
		if (x == g->exit) {
			all = 0;
			break;
		}
		for (unsigned i = g->start[x]; i < g->start[x + 1]; i++) {
			int d = g->dest[i];
			if ((!ok || ok[i]) && !set[d] && !seen[d]) {
				seen[d] = 1;
				stack[sp++] = d;
			}
		}
	}
	free(stack);
	free(seen);
	return all;
}

/* Does every path from the entry to the exit pass a block of set (the
   entry's own too)? */
static int cut_by(const struct esc_paths *g, const unsigned char *set)
{
	return set[g->entry] || esc_paths_through(g, NULL, set);
}

/* the blocks that call one of the callees in[] into set */
static void ends_set(const struct esc_paths *g, const unsigned *cstart,
		     const int *calls, const unsigned char *in,
		     unsigned char *set)
{
	for (int b = 0; b < g->n; b++) {
		set[b] = 0;
		for (unsigned i = cstart[b]; i < cstart[b + 1] && !set[b]; i++)
			set[b] = in[calls[i]];
	}
}

int esc_paths_ends(const struct esc_paths *g, const unsigned *cstart,
		   const int *calls, int ncallees, int *out, int *nout)
{
	unsigned char *in = esc_xmalloc((size_t)ncallees + 1);
	unsigned char *set = esc_xmalloc((size_t)(g->n ? g->n : 1));
	int r = 0;
	*nout = 0;
	memset(in, 1, (size_t)ncallees + 1);
	ends_set(g, cstart, calls, in, set);
	if (!cut_by(g, set)) {
		r = -1;
		goto out;
	}
	/* each left out in turn: kept out if the rest still cut every path */
	for (int k = 0; k < ncallees; k++) {
		in[k] = 0;
		ends_set(g, cstart, calls, in, set);
		if (!cut_by(g, set))
			in[k] = 1;
	}
	for (int k = 0; k < ncallees; k++)
		if (in[k])
			out[(*nout)++] = k;
out:
	free(in);
	free(set);
	return r;
}
