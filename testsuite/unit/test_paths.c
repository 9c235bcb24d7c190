/* test_paths.c - paths.c: the blocks on every path from the entry to the
   exit, with some edges left out, against a walk that avoids each block. */
#include "../../plugin/escape.h"
#include "unit.h"

#include <stdlib.h>

#define MAXN 24
#define MAXE (4 * MAXN)

struct g {
	struct esc_paths p;
	unsigned start[MAXN + 1];
	int dest[MAXE];
};

/* a graph of n blocks from the (from, to) pairs e[], in the order given
   (sorted by source: the i-th pair is edge i) */
static void make(struct g *g, int n, int entry, int exit, const int (*e)[2], int ne)
{
	int k = 0;
	for (int b = 0; b < n; b++) {
		g->start[b] = k;
		for (int i = 0; i < ne; i++)
			if (e[i][0] == b)
				g->dest[k++] = e[i][1];
	}
	g->start[n] = k;
	g->p.n = n;
	g->p.entry = entry;
	g->p.exit = exit;
	g->p.start = g->start;
	g->p.dest = g->dest;
}

/* the question asked the slow way: is the exit reached from the entry
   without entering block avoid (-1: none)? */
static int reaches(const struct g *g, const unsigned char *ok, int avoid)
{
	unsigned char seen[MAXN] = { 0 };
	int stack[MAXN], sp = 0;
	if (g->p.entry == avoid)
		return 0;
	stack[sp++] = g->p.entry;
	seen[g->p.entry] = 1;
	while (sp) {
		int x = stack[--sp];
		if (x == g->p.exit)
			return 1;
		for (unsigned i = g->start[x]; i < g->start[x + 1]; i++) {
			int d = g->dest[i];
			if ((!ok || ok[i]) && d != avoid && !seen[d]) {
				seen[d] = 1;
				stack[sp++] = d;
			}
		}
	}
	return 0;
}

/* entry 0 -> 2 -> {3, 4} -> 5 -> exit 1; 3 -> 1 too (an early return) */
TEST(diamond)
{
	static const int e[][2] = { { 0, 2 }, { 2, 3 }, { 2, 4 }, { 3, 5 },
				    { 3, 1 }, { 4, 5 }, { 5, 1 } };
	struct g g;
	make(&g, 6, 0, 1, e, 7);
	unsigned char on[6] = { 0 };
	CHECK(esc_paths_on_every(&g.p, NULL, on));
	CHECK(on[0] && on[1] && on[2]);
	CHECK(!on[3] && !on[4] && !on[5]); /* 3 -> 1 skips 5 */
	/* the early return left out (a failure's way out): 5 is on every path */
	unsigned char ok[7] = { 1, 1, 1, 1, 0, 1, 1 };
	unsigned char on2[6] = { 0 };
	CHECK(esc_paths_on_every(&g.p, ok, on2));
	CHECK(on2[2] && on2[5] && !on2[3] && !on2[4]);
	/* a set: 3 and 4 together are on every path, 3 alone is not */
	unsigned char set[6] = { 0, 0, 0, 1, 1, 0 }, one[6] = { 0, 0, 0, 1, 0, 0 };
	CHECK(esc_paths_through(&g.p, NULL, set));
	CHECK(!esc_paths_through(&g.p, NULL, one));
	CHECK(!esc_paths_through(&g.p, ok, one));
}

/* a loop: 0 -> 2 -> 3 -> 2, 3 -> 4 -> 1; and with 2 -> 1 left out */
TEST(loop)
{
	static const int e[][2] = { { 0, 2 }, { 2, 3 }, { 2, 1 }, { 3, 2 },
				    { 3, 4 }, { 4, 1 } };
	struct g g;
	make(&g, 5, 0, 1, e, 6);
	unsigned char on[5] = { 0 };
	CHECK(esc_paths_on_every(&g.p, NULL, on));
	CHECK(on[2] && !on[3] && !on[4]);
	unsigned char ok[6] = { 1, 1, 0, 1, 1, 1 };
	unsigned char on2[5] = { 0 };
	CHECK(esc_paths_on_every(&g.p, ok, on2));
	CHECK(on2[2] && on2[3] && on2[4]);
}

/* every way to the exit left out: not reached, nothing marked */
TEST(exit_not_reached)
{
	static const int e[][2] = { { 0, 2 }, { 2, 3 }, { 3, 1 } };
	struct g g;
	make(&g, 4, 0, 1, e, 3);
	unsigned char ok[3] = { 1, 1, 0 }, on[4] = { 0 };
	CHECK(!esc_paths_on_every(&g.p, ok, on));
	CHECK(!on[0] && !on[1] && !on[2] && !on[3]);
	unsigned char none[4] = { 0 };
	CHECK(esc_paths_through(&g.p, ok, none));
	CHECK(!esc_paths_through(&g.p, NULL, none));
}

/* random graphs, random edges left out: every block's answer is the
   slow walk's */
TEST(random_graphs)
{
	unsigned seed = 12345;
	int wrong = 0, checked = 0;
	for (int round = 0; round < 3000; round++) {
		int n = 2 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % (MAXN - 1);
		int ne = (int)((seed = seed * 1103515245u + 12345u) >> 16) % (3 * n);
		int e[MAXE][2];
		unsigned char ok[MAXE];
		for (int i = 0; i < ne; i++) {
			e[i][0] = (int)((seed = seed * 1103515245u + 12345u) >> 16) % n;
			e[i][1] = (int)((seed = seed * 1103515245u + 12345u) >> 16) % n;
		}
		struct g g;
		make(&g, n, 0, 1, (const int (*)[2])e, ne);
		for (int i = 0; i < ne; i++)
			ok[i] = ((seed = seed * 1103515245u + 12345u) >> 16) % 5 != 0;
		unsigned char on[MAXN] = { 0 };
		int reached = esc_paths_on_every(&g.p, ok, on);
		wrong += reached != reaches(&g, ok, -1);
		for (int b = 0; b < n; b++) {
			unsigned char one[MAXN] = { 0 };
			one[b] = 1;
			int every = !reaches(&g, ok, b);
			wrong += (!reached || on[b]) != every;
			if (b != g.p.entry)
				wrong += esc_paths_through(&g.p, ok, one) != every;
			checked++;
		}
	}
	CHECK_EQ_INT(wrong, 0);
	CHECK(checked > 10000);
}

/* is the exit reached from the entry without entering a block that
   calls one of the callees in[] (calls[b] a bit per callee)? */
static int reaches_avoiding(const struct g *g, const unsigned *calls,
			    unsigned in)
{
	unsigned char seen[MAXN] = { 0 };
	int stack[MAXN], sp = 0;
	if (calls[g->p.entry] & in)
		return 0;
	stack[sp++] = g->p.entry;
	seen[g->p.entry] = 1;
	while (sp) {
		int x = stack[--sp];
		if (x == g->p.exit)
			return 1;
		for (unsigned i = g->start[x]; i < g->start[x + 1]; i++) {
			int d = g->dest[i];
			if (!seen[d] && !(calls[d] & in)) {
				seen[d] = 1;
				stack[sp++] = d;
			}
		}
	}
	return 0;
}

/* esc_paths_ends on g, calls[b] a bit per callee (of ncallees) block b
   calls: the answer as a bit set, -1 when none */
static int ends_of(const struct g *g, const unsigned *calls, int ncallees)
{
	unsigned cstart[MAXN + 1];
	int list[MAXN * 8], k = 0, out[8], nout = -1;
	for (int b = 0; b < g->p.n; b++) {
		cstart[b] = (unsigned)k;
		for (int c = 0; c < ncallees; c++)
			if (calls[b] & (1u << c))
				list[k++] = c;
	}
	cstart[g->p.n] = (unsigned)k;
	if (esc_paths_ends(&g->p, cstart, list, ncallees, out, &nout) < 0)
		return -1;
	unsigned set = 0;
	for (int i = 0; i < nout; i++)
		set |= 1u << out[i];
	return (int)set;
}

/* 0 -> 2 -> 3 -> 1, 2 -> 4 -> 1, 2 -> 5 -> 1: the callees a function
   returns only through */
TEST(ends)
{
	static const int e[][2] = { { 0, 2 }, { 2, 3 }, { 2, 4 }, { 2, 5 },
				    { 3, 1 }, { 4, 1 }, { 5, 1 } };
	struct g g;
	make(&g, 6, 0, 1, e, 7);
	/* a callee on each way: all three */
	unsigned a[6] = { 0, 0, 0, 1, 2, 4 };
	CHECK_EQ_INT(ends_of(&g, a, 3), 7);
	/* one on every way, another beside it on one: the one */
	unsigned b[6] = { 0, 0, 0, 1, 1, 5 };
	CHECK_EQ_INT(ends_of(&g, b, 3), 1);
	/* a way with no call: none */
	unsigned c[6] = { 0, 0, 0, 1, 2, 0 };
	CHECK_EQ_INT(ends_of(&g, c, 3), -1);
	/* the block every way passes */
	unsigned d[6] = { 0, 0, 2, 1, 4, 0 };
	CHECK_EQ_INT(ends_of(&g, d, 3), 2);
	/* the exit not reached at all: the empty set */
	static const int f[][2] = { { 0, 2 }, { 2, 3 } };
	struct g h;
	make(&h, 4, 0, 1, f, 2);
	unsigned none[4] = { 0, 0, 1, 0 };
	CHECK_EQ_INT(ends_of(&h, none, 1), 0);
	/* no callee at all, the exit reached */
	unsigned z[6] = { 0 };
	CHECK_EQ_INT(ends_of(&g, z, 0), -1);
}

/* random graphs and calls: the set answered cuts every way to the exit
   and each of its callees is needed; none answered when all of them
   together leave a way */
TEST(ends_random)
{
	unsigned seed = 777;
	int wrong = 0, sets = 0;
	for (int round = 0; round < 3000; round++) {
		int n = 2 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % (MAXN - 1);
		int ne = (int)((seed = seed * 1103515245u + 12345u) >> 16) % (3 * n);
		int e[MAXE][2];
		for (int i = 0; i < ne; i++) {
			e[i][0] = (int)((seed = seed * 1103515245u + 12345u) >> 16) % n;
			e[i][1] = (int)((seed = seed * 1103515245u + 12345u) >> 16) % n;
		}
		struct g g;
		make(&g, n, 0, n - 1, e, ne);
		int nc = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 5;
		unsigned calls[MAXN];
		for (int b = 0; b < n; b++) {
			seed = seed * 1103515245u + 12345u;
			/* half the blocks call nothing */
			calls[b] = (seed >> 20) & 1 ? (seed >> 16) % (1u << nc) : 0;
		}
		int r = ends_of(&g, calls, nc);
		unsigned all = (1u << nc) - 1;
		if (r < 0) {
			wrong += !reaches_avoiding(&g, calls, all);
			continue;
		}
		sets++;
		wrong += reaches_avoiding(&g, calls, (unsigned)r);
		for (int c = 0; c < nc; c++)
			if (((unsigned)r >> c) & 1)
				wrong += !reaches_avoiding(&g, calls, (unsigned)r & ~(1u << c));
	}
	CHECK_EQ_INT(wrong, 0);
	CHECK(sets > 300);
}

int main(void)
{
	RUN(diamond);
	RUN(loop);
	RUN(exit_not_reached);
	RUN(random_graphs);
	RUN(ends);
	RUN(ends_random);
	return unit_done();
}
