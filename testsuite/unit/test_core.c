/*
 * test_core.c - the escape graph, its solver, summaries and components,
 * without GCC: each test builds the graph the adapter would build for a
 * small C function (shown in its comment) and checks the verdicts.
 */
#include "escape.h"
#include "graph.h"
#include <string.h>
#include "unit.h"

static struct esc_pos pos(int line)
{
	struct esc_pos p = { "t.c", line, 1, 0 };
	return p;
}

static struct esc_step step(enum esc_step_kind k, int line)
{
	struct esc_step s = { k, pos(line), NULL, 0, NULL, 0 };
	return s;
}

static int local(struct esc_graph *g, int f, const char *name)
{
	return esc_object_new(g, ESC_LOC_STACK, ESC_OBJ_LOCAL, f, name, pos(1));
}

static int value(struct esc_graph *g, int f, const char *name)
{
	return esc_loc_new(g, ESC_LOC_VALUE, f, name, pos(1));
}

/* int *f(void) { int x; return &x; } */
TEST(return_address)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int x = local(g, f, "x");
	esc_edge(g, esc_func_result(g, f), x, -1, step(ESC_STEP_RETURN, 2));
	CHECK_EQ_INT(esc_solve(g), 0);
	CHECK(esc_escapes(g, x));
	esc_graph_free(g);
}

/* void f(void) { int x; int *p = &x; *p = 1; }  nothing escapes */
TEST(local_use_does_not_escape)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int x = local(g, f, "x");
	int p = value(g, f, "p");
	esc_edge(g, p, x, -1, step(ESC_STEP_ASSIGN, 2));
	CHECK_EQ_INT(esc_solve(g), 0);
	CHECK(!esc_escapes(g, x));
	esc_graph_free(g);
}

/* void f(void) { int x; int *p = &x; int **pp = &p; gpp = pp; }
   p's address is published, so what p holds (x's address) is too;
   gp = *pp publishes x only. */
TEST(pointer_chains)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int x = local(g, f, "x"), p = local(g, f, "p");
	int pp = value(g, f, "pp");
	esc_edge(g, p, x, -1, step(ESC_STEP_STORE_LOCAL, 2));
	esc_edge(g, pp, p, -1, step(ESC_STEP_ASSIGN, 3));
	esc_edge(g, ESC_HEAP, pp, 0, step(ESC_STEP_STORE_GLOBAL, 4));
	esc_solve(g);
	CHECK(esc_escapes(g, p));
	CHECK(esc_escapes(g, x));
	esc_graph_free(g);

	g = esc_graph_new();
	f = esc_func_new(g, "f", pos(1));
	x = local(g, f, "x");
	p = local(g, f, "p");
	pp = value(g, f, "pp");
	esc_edge(g, p, x, -1, step(ESC_STEP_STORE_LOCAL, 2));
	esc_edge(g, pp, p, -1, step(ESC_STEP_ASSIGN, 3));
	esc_edge(g, ESC_HEAP, pp, 1, step(ESC_STEP_STORE_GLOBAL, 4));
	esc_solve(g);
	CHECK(!esc_escapes(g, p));
	CHECK(esc_escapes(g, x));
	esc_graph_free(g);
}

/* struct node a, b; struct node *p = &a; p->next = &b;
   used locally: nothing escapes; with gn = &a: both do. */
TEST(store_through_local_pointer)
{
	for (int publish = 0; publish < 2; publish++) {
		struct esc_graph *g = esc_graph_new();
		int f = esc_func_new(g, "f", pos(1));
		int a = local(g, f, "a"), b = local(g, f, "b");
		int p = value(g, f, "p");
		esc_edge(g, p, a, -1, step(ESC_STEP_ASSIGN, 2));
		esc_store(g, p, b, -1, step(ESC_STEP_STORE_PTR, 3));
		if (publish)
			esc_edge(g, ESC_HEAP, a, -1, step(ESC_STEP_STORE_GLOBAL, 4));
		esc_solve(g);
		CHECK_EQ_INT(esc_escapes(g, a), publish);
		CHECK_EQ_INT(esc_escapes(g, b), publish);
		esc_graph_free(g);
	}
}

/* void f(struct s *o) { int x; o->p = &x; }  o is not this frame's */
TEST(store_through_param)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int o = esc_param_new(g, f, 0, "o", pos(1), 1);
	int x = local(g, f, "x");
	esc_store(g, o, x, -1, step(ESC_STEP_STORE_PTR, 2));
	esc_solve(g);
	CHECK(esc_escapes(g, x));
	CHECK_EQ_INT(esc_leak_heap(g, o), -1);
	esc_graph_free(g);
}

/* p = c ? &a : (loaded from a param) ; *p = &x: may point elsewhere */
TEST(store_through_mixed_pointer)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int q = esc_param_new(g, f, 0, "q", pos(1), 1);
	int a = local(g, f, "a"), x = local(g, f, "x");
	int p = value(g, f, "p");
	esc_edge(g, p, a, -1, step(ESC_STEP_ASSIGN, 2));
	esc_edge(g, p, q, 1, step(ESC_STEP_LOAD, 2));
	esc_store(g, p, x, -1, step(ESC_STEP_STORE_PTR, 3));
	esc_solve(g);
	CHECK(esc_escapes(g, x));
	CHECK(!esc_escapes(g, a));
	esc_graph_free(g);
}

/* Parameters: g = p (leak), g = *p (content), return p (result 0),
   return *p (result 1), *p = 1 (none). */
TEST(param_leaks)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int p0 = esc_param_new(g, f, 0, "a", pos(1), 1);
	int p1 = esc_param_new(g, f, 1, "b", pos(1), 1);
	int p2 = esc_param_new(g, f, 2, "c", pos(1), 1);
	int p3 = esc_param_new(g, f, 3, "d", pos(1), 1);
	int p4 = esc_param_new(g, f, 4, "e", pos(1), 1);
	int r = esc_func_result(g, f);
	esc_edge(g, ESC_HEAP, p0, 0, step(ESC_STEP_STORE_GLOBAL, 2));
	esc_edge(g, ESC_HEAP, p1, 1, step(ESC_STEP_STORE_GLOBAL, 3));
	esc_edge(g, r, p2, 0, step(ESC_STEP_RETURN, 4));
	esc_edge(g, r, p3, 1, step(ESC_STEP_RETURN, 5));
	esc_store(g, p4, ESC_UNKNOWN, 0, step(ESC_STEP_STORE_PTR, 6));
	esc_solve(g);
	CHECK_EQ_INT(esc_leak_heap(g, p0), 0);
	CHECK_EQ_INT(esc_leak_heap(g, p1), 1);
	CHECK_EQ_INT(esc_leak_result(g, p2), 0);
	CHECK_EQ_INT(esc_leak_heap(g, p2), -1);
	CHECK_EQ_INT(esc_leak_result(g, p3), 1);
	CHECK_EQ_INT(esc_leak_heap(g, p4), -1);
	CHECK_EQ_INT(esc_leak_result(g, p4), -1);

	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(s->nparams, 5);
	CHECK_EQ_INT(esc_summary_heap(s, 0), 0);
	CHECK_EQ_INT(esc_summary_heap(s, 1), 1);
	CHECK_EQ_INT(esc_summary_result(s, 2), 0);
	CHECK_EQ_INT(esc_summary_result(s, 3), 1);
	CHECK_EQ_INT(esc_summary_heap(s, 4), -1);
	esc_summary_free(s);
	esc_graph_free(g);
}

/* int *f(int *p) { g = p; return p; }: the heap leak makes the result
   leak redundant in the summary (Go's rule), not in the solution. */
TEST(summary_drops_weaker_result_leak)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int p = esc_param_new(g, f, 0, "p", pos(1), 1);
	esc_edge(g, ESC_HEAP, p, 0, step(ESC_STEP_STORE_GLOBAL, 2));
	esc_edge(g, esc_func_result(g, f), p, 0, step(ESC_STEP_RETURN, 3));
	esc_solve(g);
	CHECK_EQ_INT(esc_leak_result(g, p), 0);
	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_heap(s, 0), 0);
	CHECK_EQ_INT(esc_summary_result(s, 0), -1);
	esc_summary_free(s);
	esc_graph_free(g);
}

/* Mutual recursion in one graph: a(p) calls b(p), b(q) calls a(q) and
   stores q globally: both leak. */
TEST(mutual_recursion)
{
	struct esc_graph *g = esc_graph_new();
	int a = esc_func_new(g, "a", pos(1)), b = esc_func_new(g, "b", pos(5));
	int p = esc_param_new(g, a, 0, "p", pos(1), 1);
	int q = esc_param_new(g, b, 0, "q", pos(5), 1);
	esc_edge(g, q, p, 0, step(ESC_STEP_ARG, 2));
	esc_edge(g, p, q, 0, step(ESC_STEP_ARG, 6));
	esc_edge(g, ESC_HEAP, q, 0, step(ESC_STEP_STORE_GLOBAL, 7));
	esc_solve(g);
	CHECK_EQ_INT(esc_leak_heap(g, p), 0);
	CHECK_EQ_INT(esc_leak_heap(g, q), 0);
	esc_graph_free(g);
}

/* A cycle of assignments terminates and explanations are bounded. */
TEST(cycles_terminate)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int x = local(g, f, "x");
	int v[50];
	for (int i = 0; i < 50; i++)
		v[i] = value(g, f, "v");
	esc_edge(g, v[0], x, -1, step(ESC_STEP_ASSIGN, 2));
	for (int i = 0; i < 50; i++)
		esc_edge(g, v[(i + 1) % 50], v[i], 0, step(ESC_STEP_ASSIGN, 3 + i));
	esc_edge(g, ESC_HEAP, v[49], 0, step(ESC_STEP_STORE_GLOBAL, 60));
	esc_solve(g);
	CHECK(esc_escapes(g, x));
	struct esc_func_report *r = esc_report_func(g, f);
	CHECK_EQ_INT(r->nlocals, 1);
	CHECK_EQ_INT(r->locals[0].nsites, 1);
	CHECK(r->locals[0].sites[0].flow.nsteps <= 40);
	esc_func_report_free(r);
	esc_graph_free(g);
}

/* The report: sites on escaping flows only, allocations, explanations
   that end at the sink. */
TEST(report_sites_and_flows)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int x = local(g, f, "x");
	int p = value(g, f, "p"), q = value(g, f, "q");
	struct esc_step glob = step(ESC_STEP_STORE_GLOBAL, 4);
	glob.what = "g";
	esc_edge(g, p, x, -1, step(ESC_STEP_ASSIGN, 2)); /* p = &x, local */
	esc_edge(g, q, x, -1, step(ESC_STEP_ASSIGN, 3)); /* q = &x */
	esc_edge(g, ESC_HEAP, q, 0, glob);                /* g = q */
	int m = esc_object_new(g, ESC_LOC_ALLOC, ESC_OBJ_LOCAL, f, "malloc", pos(5));
	int r5 = value(g, f, "r");
	esc_edge(g, r5, m, -1, step(ESC_STEP_ASSIGN, 5));
	esc_solve(g);

	struct esc_func_report *r = esc_report_func(g, f);
	CHECK_EQ_INT(r->nlocals, 1);
	CHECK(r->locals[0].escapes);
	CHECK_EQ_INT(r->locals[0].nsites, 1);
	CHECK_EQ_INT(r->locals[0].sites[0].pos.line, 3);
	const struct esc_flow *fl = &r->locals[0].sites[0].flow;
	CHECK(fl->nsteps >= 2);
	CHECK_EQ_INT(fl->steps[0].kind, ESC_STEP_ADDR);
	CHECK_STR(fl->steps[0].what, "x");
	CHECK_EQ_INT(fl->steps[fl->nsteps - 1].kind, ESC_STEP_STORE_GLOBAL);
	CHECK_STR(fl->steps[fl->nsteps - 1].what, "g");
	CHECK_EQ_INT(r->nallocs, 1);
	CHECK(!r->allocs[0].escapes);
	CHECK_STR(r->allocs[0].callee, "malloc");
	esc_func_report_free(r);
	esc_graph_free(g);
}

/* A function given up on: its objects escape, its params leak. */
TEST(give_up_is_conservative)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int p = esc_param_new(g, f, 0, "p", pos(1), 1);
	int x = local(g, f, "x");
	esc_func_give_up(g, f, "function too large");
	esc_solve(g);
	CHECK(esc_escapes(g, x));
	CHECK_EQ_INT(esc_leak_heap(g, p), 0);
	struct esc_summary *s = esc_summarize(g, f);
	CHECK(s->gave_up);
	CHECK_EQ_INT(esc_summary_heap(s, 0), 0);
	esc_summary_free(s);
	esc_graph_free(g);
}

/* Components come bottom-up: callees before callers, cycles together. */
TEST(components_bottom_up)
{
	/* 0 -> 1 -> 2 -> 1, 0 -> 3 */
	const int edges[][2] = { { 0, 1 }, { 1, 2 }, { 2, 1 }, { 0, 3 } };
	int comp[4];
	int n = esc_components(4, edges, 4, comp);
	CHECK_EQ_INT(n, 3);
	CHECK_EQ_INT(comp[1], comp[2]);
	CHECK(comp[1] < comp[0]);
	CHECK(comp[3] < comp[0]);
	CHECK(comp[3] != comp[1]);
}

/* Assumed sinks (a typed argument of an unknown function): f(a, b) {
   unknown(a); g = b; x: p = &x; unknown(p); h = p }.  Both parameters
   leak for Go's model, only b surely; x escapes, and its site is
   explained by the sure sink, the store to h. */
TEST(assumed_sinks)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int a = esc_param_new(g, f, 0, "a", pos(1), 1);
	int b = esc_param_new(g, f, 1, "b", pos(1), 1);
	int x = local(g, f, "x");
	int p = value(g, f, "p");
	struct esc_step unk = step(ESC_STEP_ARG_UNKNOWN, 2);
	unk.assumed = 1;
	esc_edge(g, ESC_HEAP, a, 0, unk);
	esc_edge(g, ESC_HEAP, b, 0, step(ESC_STEP_STORE_GLOBAL, 3));
	esc_edge(g, p, x, -1, step(ESC_STEP_ADDR, 4));
	esc_edge(g, ESC_HEAP, p, 0, unk);
	esc_edge(g, ESC_HEAP, p, 0, step(ESC_STEP_STORE_GLOBAL, 6));
	esc_solve(g);
	CHECK_EQ_INT(esc_leak_heap(g, a), 0);
	CHECK_EQ_INT(esc_leak_heap(g, b), 0);
	CHECK(esc_escapes(g, x));

	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_heap(s, 0), 0);
	CHECK_EQ_INT(esc_summary_sure(s, 0), -1);
	CHECK_EQ_INT(esc_summary_sure(s, 1), 0);
	esc_summary_free(s);

	struct esc_func_report *r = esc_report_func(g, f);
	CHECK_EQ_INT(r->nlocals, 1);
	CHECK_EQ_INT(r->locals[0].nsites, 1);
	const struct esc_flow *fl = &r->locals[0].sites[0].flow;
	CHECK(fl->nsteps >= 1);
	CHECK_EQ_INT(fl->steps[fl->nsteps - 1].kind, ESC_STEP_STORE_GLOBAL);
	CHECK(!fl->steps[fl->nsteps - 1].assumed);
	esc_func_report_free(r);
	esc_graph_free(g);
}

/* Returns matched to their calls in a recursive component (bash's
   man2html scan_request): r(c) { char buf[]; t(buf); c2 = t(c); return
   bad ? t(buf)'s value : c2; ... return c; },
   t(c) { return r(c); }.  &buf goes into
   t's parameter, on to r's (an inner activation), whose result goes back
   to t's call and t's result to the calls the walk entered t by: with
   good, the value of the call given buf is dropped, and r's own return
   returns nothing of buf (the solver, which joins the activations, still
   has buf escape); with bad, that value is returned: a sink.  r also
   returns c itself (line 6): what the inner activation returns. */
static void matched_returns(int bad)
{
	struct esc_graph *g = esc_graph_new();
	int r = esc_func_new(g, "r", pos(1));
	int t = esc_func_new(g, "t", pos(20));
	int rc = esc_param_new(g, r, 0, "c", pos(1), 1);
	int tc = esc_param_new(g, t, 0, "c", pos(20), 1);
	int buf = local(g, r, "buf");
	int v = value(g, r, "v"), cv1 = value(g, r, "_1");
	int cv2 = value(g, r, "c2"), cv3 = value(g, t, "_3");
	esc_edge(g, v, buf, -1, step(ESC_STEP_ADDR, 2));
	/* t(buf), t(c) */
	esc_edge(g, tc, v, 0, step(ESC_STEP_ARG, 3));
	esc_edge(g, cv1, esc_func_result(g, t), 0, step(ESC_STEP_CALL_RESULT, 3));
	esc_edge(g, tc, rc, 0, step(ESC_STEP_ARG, 4));
	esc_edge(g, cv2, esc_func_result(g, t), 0, step(ESC_STEP_CALL_RESULT, 4));
	esc_edge(g, esc_func_result(g, r), bad ? cv1 : cv2, 0, step(ESC_STEP_RETURN, 5));
	esc_edge(g, esc_func_result(g, r), rc, 0, step(ESC_STEP_RETURN, 6));
	/* t: return r(c) */
	esc_edge(g, rc, tc, 0, step(ESC_STEP_ARG, 21));
	esc_edge(g, cv3, esc_func_result(g, r), 0, step(ESC_STEP_CALL_RESULT, 21));
	esc_edge(g, esc_func_result(g, t), cv3, 0, step(ESC_STEP_RETURN, 22));
	CHECK_EQ_INT(esc_solve(g), 0);
	CHECK(esc_escapes(g, buf));
	struct esc_func_report *rep = esc_report_func(g, r);
	int seen = 0;
	for (int i = 0; i < rep->nlocals; i++) {
		const struct esc_local_report *l = &rep->locals[i];
		if (strcmp(l->name, "buf"))
			continue;
		seen++;
		CHECK_EQ_INT(l->nsinks, bad ? 1 : 0);
		if (bad && l->nsinks) {
			CHECK_EQ_INT(l->sinks[0].step.kind, ESC_STEP_RETURN);
			CHECK_EQ_INT(l->sinks[0].step.pos.line, 5);
		}
	}
	CHECK_EQ_INT(seen, 1);
	esc_func_report_free(rep);
	esc_graph_free(g);
}

TEST(recursion_matched_returns)
{
	matched_returns(0);
	matched_returns(1);
}

/* A store through a pointer in a recursive component may write any
   activation's object: r(c) { char buf[]; char *res = c; t(&res, buf);
   return res; }, t(slot, p) { *slot = p; r(p); }.  t's store writes the
   res of the r that called it, which returns it: a sink at r's return
   (the walk goes back to the object's activation at a store through a
   pointer; a direct store, b.p = c, stays in the writing activation). */
TEST(recursion_store_through_pointer)
{
	struct esc_graph *g = esc_graph_new();
	int r = esc_func_new(g, "r", pos(1));
	int t = esc_func_new(g, "t", pos(20));
	int rc = esc_param_new(g, r, 0, "c", pos(1), 1);
	int ts = esc_param_new(g, t, 0, "slot", pos(20), 1);
	int tp = esc_param_new(g, t, 1, "p", pos(20), 1);
	int buf = local(g, r, "buf"), res = local(g, r, "res");
	int v = value(g, r, "v"), a = value(g, r, "a"), x = value(g, r, "x");
	esc_edge(g, res, rc, 0, step(ESC_STEP_STORE_LOCAL, 2));
	esc_edge(g, v, buf, -1, step(ESC_STEP_ADDR, 3));
	esc_edge(g, a, res, -1, step(ESC_STEP_ADDR, 3));
	esc_edge(g, ts, a, 0, step(ESC_STEP_ARG, 3));
	esc_edge(g, tp, v, 0, step(ESC_STEP_ARG, 3));
	esc_edge(g, x, res, 0, step(ESC_STEP_LOAD, 4));
	esc_edge(g, esc_func_result(g, r), x, 0, step(ESC_STEP_RETURN, 4));
	esc_store(g, ts, tp, 0, step(ESC_STEP_STORE_PTR, 21));
	esc_edge(g, rc, tp, 0, step(ESC_STEP_ARG, 22));
	CHECK_EQ_INT(esc_solve(g), 0);
	CHECK(esc_escapes(g, buf));
	struct esc_func_report *rep = esc_report_func(g, r);
	int seen = 0, ret = 0;
	for (int i = 0; i < rep->nlocals; i++) {
		const struct esc_local_report *l = &rep->locals[i];
		if (strcmp(l->name, "buf"))
			continue;
		seen++;
		for (int k = 0; k < l->nsinks; k++)
			if (l->sinks[k].step.kind == ESC_STEP_RETURN &&
			    l->sinks[k].step.pos.line == 4)
				ret++;
	}
	CHECK_EQ_INT(seen, 1);
	CHECK_EQ_INT(ret, 1);
	esc_func_report_free(rep);
	esc_graph_free(g);
}

/* The explanations of one function are bounded as a whole: p1 = &x0,
   p2 = &p1, ... each link escapes with a long flow; past the budget the
   flows are cut (and say so), every object is still reported. */
/* void put(struct holder *h, int *v) { h->in->slot = v; }: v is stored
   two levels down in the caller's memory - a summary store of level 2,
   not a heap leak of its own. */
TEST(deep_store_summary)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "put", pos(1));
	int h = esc_param_new(g, f, 0, "h", pos(1), 1);
	int v = esc_param_new(g, f, 1, "v", pos(1), 1);
	int in = value(g, f, "in");
	esc_edge(g, in, h, 1, step(ESC_STEP_LOAD, 2));
	esc_store(g, in, v, 0, step(ESC_STEP_STORE_PTR, 2));
	esc_solve(g);
	CHECK_EQ_INT(esc_leak_heap(g, v), 0); /* Go's view: it leaks */
	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_heap(s, 1), -1);
	CHECK_EQ_INT(s->nstores, 1);
	if (s->nstores == 1) {
		CHECK_EQ_INT(s->stores[0].from, 1);
		CHECK_EQ_INT(s->stores[0].to, 0);
		CHECK_EQ_INT(s->stores[0].derefs, 0);
		CHECK_EQ_INT(s->stores[0].level, 2);
	}
	esc_summary_free(s);
	esc_graph_free(g);
}

/* void conn_free(struct conn *db, void *p) { if (mine(db, p)) { s = p;
   s->next = db->free; db->free = s; return; } g_last = p; api_free(p); },
   with p released (it frees p on a path): p still leaks (Go's view, the
   notes), but neither the heap leak nor the store into *db is sure, and
   the summary says so to callers; what is loaded through p is not
   released (g2 = *p stays sure). */
TEST(released_param_is_assumed)
{
	for (int rel = 0; rel <= 1; rel++) {
		struct esc_graph *g = esc_graph_new();
		int f = esc_func_new(g, "conn_free", pos(1));
		int db = esc_param_new(g, f, 0, "db", pos(1), 1);
		int p = esc_param_new(g, f, 1, "p", pos(1), 1);
		int q = esc_param_new(g, f, 2, "q", pos(1), 1);
		int s = value(g, f, "s");
		if (rel) {
			esc_param_released(g, p);
			esc_param_released(g, q);
		}
		esc_edge(g, s, p, 0, step(ESC_STEP_ASSIGN, 2));
		esc_store(g, db, s, 0, step(ESC_STEP_STORE_PTR, 3));
		esc_edge(g, ESC_HEAP, p, 0, step(ESC_STEP_STORE_GLOBAL, 4));
		esc_edge(g, ESC_HEAP, q, 1, step(ESC_STEP_STORE_GLOBAL, 5));
		esc_solve(g);
		CHECK_EQ_INT(esc_leak_heap(g, p), 0);
		struct esc_summary *sum = esc_summarize(g, f);
		CHECK_EQ_INT(esc_summary_heap(sum, 1), 0);
		CHECK_EQ_INT(esc_summary_sure(sum, 1), rel ? -1 : 0);
		CHECK_EQ_INT(esc_summary_sure(sum, 2), 1);
		CHECK_EQ_INT(sum->release[0], 0);
		CHECK_EQ_INT(sum->release[1], rel);
		CHECK_EQ_INT(sum->release[2], rel);
		esc_summary_free(sum);
		esc_graph_free(g);
	}
}

/* put(h, v) { in = *h; *in = v; } with v released on a path of its own
   (a deallocator's free list): the store the summary gives callers is
   assumed, so no dangling warning rests on it; a plain one is not. */
TEST(released_store_is_assumed)
{
	for (int rel = 0; rel <= 1; rel++) {
		struct esc_graph *g = esc_graph_new();
		int f = esc_func_new(g, "put", pos(1));
		int h = esc_param_new(g, f, 0, "h", pos(1), 1);
		int v = esc_param_new(g, f, 1, "v", pos(1), 1);
		int in = value(g, f, "in");
		if (rel)
			esc_param_released(g, v);
		esc_edge(g, in, h, 1, step(ESC_STEP_LOAD, 2));
		esc_store(g, in, v, 0, step(ESC_STEP_STORE_PTR, 2));
		esc_solve(g);
		struct esc_summary *s = esc_summarize(g, f);
		CHECK_EQ_INT(s->nstores, 1);
		if (s->nstores == 1) {
			CHECK_EQ_INT(s->stores[0].from, 1);
			CHECK_EQ_INT(s->stores[0].level, 2);
			CHECK_EQ_INT(s->stores[0].assumed,
				     rel ? ESC_ASSUMED_RELEASED : 0);
		}
		esc_summary_free(s);
		esc_graph_free(g);
	}
}

/* One component: char *fin(struct acc *a) { return a->z; } and
   void msg(struct parse *q) { q->err = fin(&loc); } with q's store going
   to the heap (g = fin(..)), and char *dup(char *s) { h = id(s); return
   s; } with id returning its argument.  fin's a leaks (Go's view), but
   surely only on a path that returns into msg, which a caller from
   outside never takes: its summary's sure leak is none; dup's s is
   stored after a call that returns it (matched): sure. */
TEST(sure_leak_returns_to_its_caller)
{
	struct esc_graph *g = esc_graph_new();
	int fin = esc_func_new(g, "fin", pos(1));
	int msg = esc_func_new(g, "msg", pos(2));
	int dup = esc_func_new(g, "dup", pos(3));
	int id = esc_func_new(g, "id", pos(4));
	int a = esc_param_new(g, fin, 0, "a", pos(1), 1);
	int s = esc_param_new(g, dup, 0, "s", pos(3), 1);
	int x = esc_param_new(g, id, 0, "x", pos(4), 1);
	int z = value(g, fin, "z");
	int v = value(g, msg, "v");
	int w = value(g, dup, "w");
	esc_edge(g, z, a, 1, step(ESC_STEP_LOAD, 1));
	esc_edge(g, esc_func_result(g, fin), z, 0, step(ESC_STEP_RETURN, 1));
	esc_edge(g, v, esc_func_result(g, fin), 0, step(ESC_STEP_CALL_RESULT, 2));
	esc_edge(g, ESC_HEAP, v, 0, step(ESC_STEP_STORE_GLOBAL, 2));
	esc_edge(g, x, s, 0, step(ESC_STEP_ARG, 3));
	esc_edge(g, esc_func_result(g, id), x, 0, step(ESC_STEP_RETURN, 4));
	esc_edge(g, w, esc_func_result(g, id), 0, step(ESC_STEP_CALL_RESULT, 3));
	esc_edge(g, ESC_HEAP, w, 0, step(ESC_STEP_STORE_GLOBAL, 3));
	esc_edge(g, esc_func_result(g, dup), s, 0, step(ESC_STEP_RETURN, 3));
	esc_solve(g);
	CHECK_EQ_INT(esc_leak_heap(g, a), 1);
	CHECK_EQ_INT(esc_leak_heap(g, s), 0);
	struct esc_summary *sf = esc_summarize(g, fin);
	CHECK_EQ_INT(esc_summary_heap(sf, 0), 1);
	CHECK_EQ_INT(esc_summary_sure(sf, 0), -1);
	esc_summary_free(sf);
	struct esc_summary *sd = esc_summarize(g, dup);
	CHECK_EQ_INT(esc_summary_sure(sd, 0), 0);
	esc_summary_free(sd);
	struct esc_summary *si = esc_summarize(g, id);
	CHECK_EQ_INT(esc_summary_heap(si, 0), 0);
	CHECK_EQ_INT(esc_summary_sure(si, 0), -1);
	esc_summary_free(si);
	esc_graph_free(g);
}

/* Two returns after one call: void adopt(struct acc *a, char *s) {
   a->z = s; } stores into vadopt's accumulator o (the component's
   points-to), char *vadopt(void) { adopt(&o, ..); return fin(&o); } with
   fin returning a->z, and w = vadopt() stored into the heap: forwards, a
   call of fin and its return, then vadopt's return with nothing to
   match - no caller of adopt's takes it. */
TEST(sure_leak_counts_returns)
{
	struct esc_graph *g = esc_graph_new();
	int adopt = esc_func_new(g, "adopt", pos(1));
	int vadopt = esc_func_new(g, "vadopt", pos(2));
	int fin = esc_func_new(g, "fin", pos(3));
	int msg = esc_func_new(g, "msg", pos(4));
	int s = esc_param_new(g, adopt, 1, "s", pos(1), 1);
	int a = esc_param_new(g, fin, 0, "a", pos(3), 1);
	int o = local(g, vadopt, "o");
	int z = value(g, fin, "z");
	int v = value(g, vadopt, "v");
	int w = value(g, msg, "w");
	esc_edge(g, o, s, 0, step(ESC_STEP_STORE_LOCAL, 1));
	esc_edge(g, a, o, -1, step(ESC_STEP_ARG, 2));
	esc_edge(g, z, a, 1, step(ESC_STEP_LOAD, 3));
	esc_edge(g, esc_func_result(g, fin), z, 0, step(ESC_STEP_RETURN, 3));
	esc_edge(g, v, esc_func_result(g, fin), 0, step(ESC_STEP_CALL_RESULT, 2));
	esc_edge(g, esc_func_result(g, vadopt), v, 0, step(ESC_STEP_RETURN, 2));
	esc_edge(g, w, esc_func_result(g, vadopt), 0, step(ESC_STEP_CALL_RESULT, 4));
	esc_edge(g, ESC_HEAP, w, 0, step(ESC_STEP_STORE_GLOBAL, 4));
	esc_solve(g);
	CHECK_EQ_INT(esc_leak_heap(g, s), 0);
	struct esc_summary *sa = esc_summarize(g, adopt);
	CHECK_EQ_INT(esc_summary_heap(sa, 1), 0);
	CHECK_EQ_INT(esc_summary_sure(sa, 1), -1);
	esc_summary_free(sa);
	esc_graph_free(g);
}

/* int f(const char *fmt, ...) reading va_arg(ap, char *) into a global
   (v1, kept) and va_arg(ap, struct tok *) only locally (v2): the summary
   knows the kept type; an argument of another type is not surely kept.
   A kept read of void * (any type), or a va_list handed where it cannot
   be followed, makes every type kept. */
TEST(varargs_by_type)
{
	for (int variant = 0; variant < 3; variant++) {
		struct esc_graph *g = esc_graph_new();
		int f = esc_func_new(g, "f", pos(1));
		esc_param_new(g, f, 0, "fmt", pos(1), 1);
		int va = esc_param_new(g, f, ESC_VARARGS, "...", pos(1), 1);
		int v1 = value(g, f, "s"), v2 = value(g, f, "t"), v3 = value(g, f, "p");
		esc_edge(g, v1, va, 1, step(ESC_STEP_LOAD, 2));
		esc_edge(g, v2, va, 1, step(ESC_STEP_LOAD, 3));
		esc_edge(g, ESC_HEAP, v1, 0, step(ESC_STEP_STORE_GLOBAL, 2));
		esc_vaarg_value(g, v1, 0x10);
		esc_vaarg_value(g, v2, 0x20);
		if (variant == 1) {
			esc_edge(g, v3, va, 1, step(ESC_STEP_LOAD, 4));
			esc_edge(g, ESC_HEAP, v3, 0, step(ESC_STEP_STORE_GLOBAL, 4));
			esc_vaarg_value(g, v3, 0);
		}
		if (variant == 2)
			esc_vaarg_callee(g, NULL);
		esc_solve(g);
		struct esc_summary *s = esc_summarize(g, f);
		CHECK_EQ_INT(s->vkeys_known, variant == 0);
		CHECK(esc_summary_vkey(s, 0x10));
		CHECK_EQ_INT(esc_summary_vkey(s, 0x20), variant != 0);
		CHECK(esc_summary_vkey(s, 0));
		esc_summary_free(s);
		esc_graph_free(g);
	}
}

/* int f(int op, ...): switch (op) { case 1: g = va_arg (ap, char *);
   case 2: case 3: h = va_arg (ap, void *); default: *va_arg (ap, int *)
   = 0; }: the variadic arguments are kept for ops 1, 2 and 3 only.
   Variant 1: a kept read under no case (any op); variant 2: kept reads
   under cases of two parameters; variant 3: a va_list handed where it
   cannot be followed.  None of them has a selector. */
TEST(varargs_by_selector)
{
	for (int variant = 0; variant < 4; variant++) {
		struct esc_graph *g = esc_graph_new();
		int f = esc_func_new(g, "f", pos(1));
		esc_param_new(g, f, 0, "op", pos(1), 0);
		esc_param_new(g, f, 1, "op2", pos(1), 0);
		int va = esc_param_new(g, f, ESC_VARARGS, "...", pos(1), 1);
		int v1 = value(g, f, "s"), v2 = value(g, f, "b"), v3 = value(g, f, "r");
		esc_edge(g, v1, va, 1, step(ESC_STEP_LOAD, 2));
		esc_edge(g, v2, va, 1, step(ESC_STEP_LOAD, 3));
		esc_edge(g, v3, va, 1, step(ESC_STEP_LOAD, 4));
		esc_edge(g, ESC_HEAP, v1, 0, step(ESC_STEP_STORE_GLOBAL, 2));
		esc_edge(g, ESC_HEAP, v2, 0, step(ESC_STEP_STORE_GLOBAL, 3));
		long long one = 1, two[2] = { 3, 2 }, seven = 7;
		esc_vaarg_value(g, v1, 0x10);
		if (variant != 1)
			esc_vaarg_when(g, 0, &one, 1);
		esc_vaarg_value(g, v2, 0);
		esc_vaarg_when(g, variant == 2 ? 1 : 0, two, 2);
		esc_vaarg_value(g, v3, 0x30);
		esc_vaarg_when(g, 0, &seven, 1); /* not kept: no say */
		if (variant == 3)
			esc_vaarg_callee(g, NULL);
		esc_solve(g);
		struct esc_summary *s = esc_summarize(g, f);
		CHECK_EQ_INT(s->vwhen_param, variant == 0 ? 0 : -1);
		CHECK(esc_summary_vwhen(s, 1, 1));
		CHECK(esc_summary_vwhen(s, 1, 2));
		CHECK(esc_summary_vwhen(s, 1, 3));
		CHECK_EQ_INT(esc_summary_vwhen(s, 1, 7), variant != 0);
		CHECK_EQ_INT(esc_summary_vwhen(s, 1, 1010), variant != 0);
		CHECK(esc_summary_vwhen(s, 0, 1010)); /* not a constant */
		esc_summary_free(s);
		esc_graph_free(g);
	}
}

/* Releases of a unit: 0 frees its parameter 1; 1 hands its parameter 0
   to 0's 1; 2 hands its 0 to 1's 0 and its 1 to 0's 0 (not released);
   3 and 4 hand each other their 0 (a cycle, released by nothing); 5 hands
   its 0 to 4 and to 2.  Through function pointers: 0 and 6 are put in
   field A; 8 calls through A with its 1 as argument 2 (0's 1: released),
   9 through B, where nothing is put. */
TEST(releases_fixed_point)
{
	struct esc_releases *r = esc_releases_new();
	esc_releases_pass(r, 5, 0, 4, 0);
	esc_releases_pass(r, 2, 0, 1, 0);
	esc_releases_pass(r, 2, 1, 0, 0);
	esc_releases_pass(r, 3, 0, 4, 0);
	esc_releases_pass(r, 4, 0, 3, 0);
	esc_releases_pass(r, 5, 0, 2, 0);
	esc_releases_pass(r, 1, 0, 0, 1);
	esc_releases_seed(r, 0, 1);
	esc_releases_pass_indirect(r, 8, 1, 0xa0, 1);
	esc_releases_pass_indirect(r, 9, 0, 0xb0, 1);
	esc_releases_target(r, 0xa0, 6);
	esc_releases_target(r, 0xa0, 0);
	esc_releases_target(r, 0xa0, 0);
	CHECK_EQ_INT(esc_releases_solve(r), 5);
	CHECK(esc_releases_param(r, 8, 1));
	CHECK(!esc_releases_param(r, 8, 0));
	CHECK(!esc_releases_param(r, 9, 0));
	CHECK(esc_releases_param(r, 0, 1));
	CHECK(!esc_releases_param(r, 0, 0));
	CHECK(esc_releases_param(r, 1, 0));
	CHECK(esc_releases_param(r, 2, 0));
	CHECK(!esc_releases_param(r, 2, 1));
	CHECK(!esc_releases_param(r, 3, 0));
	CHECK(!esc_releases_param(r, 4, 0));
	CHECK(esc_releases_param(r, 5, 0));
	CHECK(!esc_releases_param(r, 7, 0));
	esc_releases_free(r);
	CHECK(!esc_releases_param(NULL, 0, 1));
}

/* void f(const char *s) { int x; char **q = (char **)s; *q = &x; }:
   storing into memory seen through a pointer to const escapes, but only
   assumed - no dangling warning rests on it. */
TEST(readonly_pointee_store_is_assumed)
{
	for (int ro = 0; ro <= 1; ro++) {
		struct esc_graph *g = esc_graph_new();
		int f = esc_func_new(g, "f", pos(1));
		int sp = esc_param_new(g, f, 0, "s", pos(1), 1);
		if (ro)
			esc_param_readonly(g, sp, 0);
		int x = local(g, f, "x");
		esc_store(g, sp, x, -1, step(ESC_STEP_STORE_PTR, 2));
		esc_solve(g);
		CHECK(esc_escapes(g, x));
		struct esc_func_report *r = esc_report_func(g, f);
		CHECK_EQ_INT(r->nlocals, 1);
		if (r->nlocals == 1 && r->locals[0].nsites == 1) {
			const struct esc_flow *fl = &r->locals[0].sites[0].flow;
			CHECK(fl->nsteps >= 1);
			CHECK_EQ_INT(fl->steps[fl->nsteps - 1].assumed, ro);
		} else {
			CHECK(0);
		}
		esc_func_report_free(r);
		esc_graph_free(g);
	}
}

TEST(explanation_budget)
{
	enum { N = 4000 };
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	static int o[N];
	for (int i = 0; i < N; i++)
		o[i] = local(g, f, "p");
	for (int i = 0; i + 1 < N; i++)
		esc_edge(g, o[i + 1], o[i], -1, step(ESC_STEP_STORE_LOCAL, 2 + i));
	esc_edge(g, ESC_HEAP, o[N - 1], -1, step(ESC_STEP_STORE_GLOBAL, 2 + N));
	esc_solve(g);
	struct esc_func_report *r = esc_report_func(g, f);
	CHECK_EQ_INT(r->nlocals, N);
	long steps = 0;
	int cut = 0, escaping = 0;
	for (int i = 0; i < r->nlocals; i++) {
		escaping += r->locals[i].escapes;
		for (int j = 0; j < r->locals[i].nsites; j++) {
			steps += r->locals[i].sites[j].flow.nsteps;
			cut += r->locals[i].sites[j].flow.truncated;
		}
	}
	CHECK_EQ_INT(escaping, N);
	CHECK(steps <= 10000 + 3 * N);
	CHECK(cut > N / 2);
	esc_func_report_free(r);
	esc_graph_free(g);
}

/* Forwarded loads: f() { char buf[16], buf2[16]; struct S s; s.p = buf;
   s.p = q; g = s.p; s.p = buf2; h = s.p; }.  The loads read the stored
   values (stale load edges from s, fwd edges from q and &buf2): buf
   escapes for Go's model (s's contents reach the heap) with no sink of
   its own; buf2 escapes and sinks at h's store, by its fwd edge. */
TEST(forwarded_loads)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int buf = local(g, f, "buf"), buf2 = local(g, f, "buf2");
	int s = local(g, f, "s");
	int q = value(g, f, "q"), t1 = value(g, f, "_1"), t2 = value(g, f, "_2");
	esc_edge(g, q, ESC_UNKNOWN, 0, step(ESC_STEP_ASSIGN, 2));
	esc_edge(g, s, buf, -1, step(ESC_STEP_STORE_LOCAL, 3));
	esc_edge(g, s, q, 0, step(ESC_STEP_STORE_LOCAL, 4));
	esc_edge_stale(g, t1, s, 0, step(ESC_STEP_ASSIGN, 5));
	esc_edge_fwd(g, t1, q, 0, step(ESC_STEP_ASSIGN, 5));
	esc_edge(g, ESC_HEAP, t1, 0, step(ESC_STEP_STORE_GLOBAL, 5));
	esc_edge(g, s, buf2, -1, step(ESC_STEP_STORE_LOCAL, 6));
	esc_edge_stale(g, t2, s, 0, step(ESC_STEP_ASSIGN, 7));
	esc_edge_fwd(g, t2, buf2, -1, step(ESC_STEP_ASSIGN, 7));
	esc_edge(g, ESC_HEAP, t2, 0, step(ESC_STEP_STORE_GLOBAL, 7));
	CHECK_EQ_INT(esc_solve(g), 0);
	CHECK(esc_escapes(g, buf));
	CHECK(esc_escapes(g, buf2));
	struct esc_func_report *r = esc_report_func(g, f);
	int seen = 0;
	for (int i = 0; i < r->nlocals; i++) {
		const struct esc_local_report *l = &r->locals[i];
		if (!strcmp(l->name, "buf")) {
			seen++;
			CHECK_EQ_INT(l->nsinks, 0);
			CHECK_EQ_INT(l->nsites, 1); /* the escape is Go's */
		} else if (!strcmp(l->name, "buf2")) {
			seen++;
			CHECK_EQ_INT(l->nsinks, 1);
			if (l->nsinks)
				CHECK_EQ_INT(l->sinks[0].step.pos.line, 7);
		}
	}
	CHECK_EQ_INT(seen, 2);
	esc_func_report_free(r);
	esc_graph_free(g);
}

/* Fields told apart by the sinks walk (esc_edge_field):
     struct nc { struct nc *next; const char **types; };
     const char *f(struct nc *p, int d) {
             struct nc s;
             if (!d) return p->types[0];     (2: _1 = p->types; _2 = *_1)
             s.next = p;                     (3)
             s.types = p->types;             (4: _3 = p->types)
             return f(&s, d - 1);            (5)
     }
   With the read of `types' at bytes 8..16 and the store of `next' at
   0..8, the local's address reaches no sink (returned only by the mixed
   walk), and p leaks surely no more (esc_recheck_sure); Go's verdicts
   stay.  Reading `next' instead (return p->next) returns s. */
static void field_graph(int read_off, int *escapes, int *nsinks, int *sure)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int p = esc_param_new(g, f, 0, "p", pos(1), 1);
	int s = local(g, f, "s");
	int t1 = value(g, f, "_1"), t2 = value(g, f, "_2"), t3 = value(g, f, "_3");
	int res = esc_func_result(g, f);
	int n = esc_edge_count(g);
	esc_edge(g, t1, p, 1, step(ESC_STEP_LOAD, 2));
	esc_edge_field(g, n, ESC_FIELD_READ, read_off, 8, 1);
	esc_edge(g, t2, t1, 1, step(ESC_STEP_LOAD, 2));
	n = esc_edge_count(g);
	esc_edge(g, res, read_off ? t2 : t1, 0, step(ESC_STEP_RETURN, 2));
	esc_edge_field(g, n, ESC_FIELD_NONE, 0, 0, 1);
	n = esc_edge_count(g);
	esc_edge(g, s, p, 0, step(ESC_STEP_STORE_LOCAL, 3));
	esc_edge_field(g, n, ESC_FIELD_WRITE, 0, 8, 1);
	n = esc_edge_count(g);
	esc_edge(g, t3, p, 1, step(ESC_STEP_LOAD, 4));
	esc_edge_field(g, n, ESC_FIELD_READ, 8, 8, 1);
	n = esc_edge_count(g);
	esc_edge(g, s, t3, 0, step(ESC_STEP_STORE_LOCAL, 4));
	esc_edge_field(g, n, ESC_FIELD_WRITE, 8, 8, 1);
	n = esc_edge_count(g);
	esc_edge(g, p, s, -1, step(ESC_STEP_ARG, 5));
	esc_edge_field(g, n, ESC_FIELD_NONE, 0, 0, 1);
	/* the call's value, returned (the sinks walk matches an inner
	   activation's return to its call) */
	int cv = value(g, f, "_4");
	n = esc_edge_count(g);
	esc_edge(g, cv, res, 0, step(ESC_STEP_CALL_RESULT, 5));
	esc_edge_field(g, n, ESC_FIELD_NONE, 0, 0, 1);
	n = esc_edge_count(g);
	esc_edge(g, res, cv, 0, step(ESC_STEP_RETURN, 5));
	esc_edge_field(g, n, ESC_FIELD_NONE, 0, 0, 1);
	CHECK_EQ_INT(esc_solve(g), 0);
	esc_solve_imports(g);
	esc_recheck_sure(g);
	*escapes = esc_escapes(g, s);
	struct esc_summary *sum = esc_summarize(g, f);
	*sure = esc_summary_sure(sum, 0);
	esc_summary_free(sum);
	struct esc_func_report *r = esc_report_func(g, f);
	*nsinks = r->nlocals == 1 ? r->locals[0].nsinks : -1;
	esc_func_report_free(r);
	esc_graph_free(g);
}

TEST(field_sinks)
{
	int escapes, nsinks, sure;
	field_graph(8, &escapes, &nsinks, &sure);
	CHECK(escapes);              /* Go's verdict: the fields mixed */
	CHECK_EQ_INT(nsinks, 0);     /* p->types is not s.next */
	CHECK_EQ_INT(sure, -1);
	field_graph(0, &escapes, &nsinks, &sure);
	CHECK(escapes);
	CHECK_EQ_INT(nsinks, 1);     /* return p->next: s, returned */
	CHECK_EQ_INT(sure, 0);
}

/* int run(struct parse *p) { struct eng e; e.p = p; e.top = e.stack;
   step(&e); }
   void step(struct eng *ep) { struct parse *pl = ep->p;
   ep->FIELD = ep->top + 1; gp = pl; }  (one graph; FIELD at store_off,
   -1: a store of no known field; init: ep->FIELD = ep->stack instead)
   A store through a pointer that points to the start of e only writes
   its field (esc_store_field); one that puts back into the field what
   it loaded from it through the same pointer moves nothing (SQLite's
   parser: yytos++ through its pointer to the engine). */
static int engine_graph(int store_off, int init)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "run", pos(1));
	int p = esc_param_new(g, f, 0, "p", pos(1), 1);
	int e = local(g, f, "e");
	int st = esc_func_new(g, "step", pos(10));
	int ep = esc_param_new(g, st, 0, "ep", pos(10), 1);
	int pl = value(g, st, "pl");
	int t1 = value(g, st, "_1"), t2 = value(g, st, "_2");
	int n = esc_edge_count(g);
	esc_edge(g, e, p, 0, step(ESC_STEP_STORE_LOCAL, 2));
	esc_edge_field(g, n, ESC_FIELD_WRITE, 16, 8, 1);
	n = esc_edge_count(g);
	esc_edge(g, e, e, -1, step(ESC_STEP_STORE_LOCAL, 3));
	esc_edge_field(g, n, ESC_FIELD_WRITE, 0, 8, 0);
	n = esc_edge_count(g);
	esc_edge(g, ep, e, -1, step(ESC_STEP_ARG, 4));
	esc_edge_field(g, n, ESC_FIELD_NONE, 0, 0, 1);
	n = esc_edge_count(g);
	esc_edge(g, pl, ep, 1, step(ESC_STEP_LOAD, 11));
	esc_edge_field(g, n, ESC_FIELD_READ, 16, 8, 1);
	n = esc_edge_count(g);
	esc_edge(g, t1, ep, 1, step(ESC_STEP_LOAD, 12));
	esc_edge_field(g, n, ESC_FIELD_READ, 0, 8, 1);
	esc_edge(g, t2, init ? ep : t1, 0, step(ESC_STEP_ASSIGN, 12));
	n = esc_store_count(g);
	esc_store(g, ep, t2, 0, step(ESC_STEP_STORE_PTR, 12));
	if (store_off >= 0)
		esc_store_field(g, n, store_off, 8);
	esc_edge(g, ESC_HEAP, pl, 0, step(ESC_STEP_STORE_GLOBAL, 13));
	CHECK_EQ_INT(esc_solve(g), 0);
	esc_solve_imports(g);
	struct esc_func_report *r = esc_report_func(g, f);
	int nsinks = r->nlocals == 1 ? r->locals[0].nsinks : -1;
	esc_func_report_free(r);
	esc_graph_free(g);
	return nsinks;
}

TEST(store_fields_through_pointer)
{
	CHECK_EQ_INT(engine_graph(0, 0), 0); /* ep->top = ep->top + 1 */
	CHECK(engine_graph(16, 0) >= 1);     /* ep->p = ep->top + 1; gp = ep->p */
	CHECK(engine_graph(-1, 0) >= 1);     /* of no known field: the whole */
	CHECK_EQ_INT(engine_graph(0, 1), 0); /* ep->top = ep->stack */
	CHECK(engine_graph(16, 1) >= 1);     /* ep->p = ep->stack: gp = ep->p */
	CHECK(engine_graph(-1, 1) >= 1);
}

/* void init(struct eng *ei) { _1 = &ei->stack; ei->top = _1; ei->p = 0; }
   (stack at bytes 32..160, of 16-byte entries; top at 0)
   int run(struct parse *p) { struct eng e; e.p = p; init(&e);
   reduce(&e); }   (init's summary store applied: e.top = &e + stack)
   void reduce(struct eng *ep) { m = ep->top; _1 = m - 1; _2 = _1->minor;
   gp = _2; }     (one graph with run)
   The summary store of init says its value points inside `stack'
   (esc_summary_store.in_*); the sinks walk keeps it through the element
   step, and the load through it reads the stack, where e's address is
   not: no sink.  It is one when the load reads another type than the
   elements (elem_load 8: a cast), the step is not in elements (char
   arithmetic: container_of), or nothing is known of where the value
   points (inside 0). */
static int engine_stack_graph(int elem_load, int elem_step, int inside,
			      struct esc_summary_store *init_store)
{
	struct esc_graph *g = esc_graph_new();
	/* init's own graph: its summary */
	int fi = esc_func_new(g, "init", pos(20));
	int ei = esc_param_new(g, fi, 0, "ei", pos(20), 1);
	int v1 = value(g, fi, "_1");
	int n = esc_edge_count(g);
	esc_edge(g, v1, ei, 0, step(ESC_STEP_ASSIGN, 21));
	esc_edge_field(g, n, ESC_FIELD_NONE, 0, 0, 0);
	if (inside)
		esc_edge_inside(g, n, 32, 128, 16, 0);
	n = esc_store_count(g);
	esc_store(g, ei, v1, 0, step(ESC_STEP_STORE_PTR, 21));
	esc_store_field(g, n, 0, 8);
	CHECK_EQ_INT(esc_solve(g), 0);
	esc_solve_imports(g);
	struct esc_summary *sum = esc_summarize(g, fi);
	memset(init_store, 0, sizeof *init_store);
	if (sum->nstores == 1)
		*init_store = sum->stores[0];
	esc_summary_free(sum);
	esc_graph_free(g);

	g = esc_graph_new();
	int f = esc_func_new(g, "run", pos(1));
	int p = esc_param_new(g, f, 0, "p", pos(1), 1);
	int e = local(g, f, "e");
	int rd = esc_func_new(g, "reduce", pos(10));
	int ep = esc_param_new(g, rd, 0, "ep", pos(10), 1);
	int m = value(g, rd, "m");
	int t1 = value(g, rd, "_1"), t2 = value(g, rd, "_2");
	n = esc_edge_count(g);
	esc_edge(g, e, p, 0, step(ESC_STEP_STORE_LOCAL, 2));
	esc_edge_field(g, n, ESC_FIELD_WRITE, 16, 8, 1);
	/* init's store, as call.cc applies it: e.top = &e (+ inside) */
	n = esc_edge_count(g);
	esc_edge(g, e, e, -1, step(ESC_STEP_STORE_LOCAL, 3));
	esc_edge_field(g, n, ESC_FIELD_WRITE, 0, 8, 1);
	if (init_store->in_size)
		esc_edge_inside(g, n, init_store->in_off, init_store->in_size,
				init_store->in_elem, 0);
	n = esc_edge_count(g);
	esc_edge(g, ep, e, -1, step(ESC_STEP_ARG, 4));
	esc_edge_field(g, n, ESC_FIELD_NONE, 0, 0, 1);
	n = esc_edge_count(g);
	esc_edge(g, m, ep, 1, step(ESC_STEP_LOAD, 11));
	esc_edge_field(g, n, ESC_FIELD_READ, 0, 8, 1);
	n = esc_edge_count(g);
	esc_edge(g, t1, m, 0, step(ESC_STEP_ASSIGN, 12));
	esc_edge_field(g, n, ESC_FIELD_NONE, 0, 0, 0);
	esc_edge_inside(g, n, 0, 0, 0, elem_step);
	n = esc_edge_count(g);
	esc_edge(g, t2, t1, 1, step(ESC_STEP_LOAD, 12));
	esc_edge_field(g, n, ESC_FIELD_READ, 8, 8, 1);
	esc_edge_inside(g, n, 0, 0, 0, elem_load);
	esc_edge(g, ESC_HEAP, t2, 0, step(ESC_STEP_STORE_GLOBAL, 13));
	CHECK_EQ_INT(esc_solve(g), 0);
	esc_solve_imports(g);
	struct esc_func_report *r = esc_report_func(g, f);
	int nsinks = r->nlocals == 1 ? r->locals[0].nsinks : -1;
	esc_func_report_free(r);
	esc_graph_free(g);
	return nsinks;
}

TEST(pointer_into_array_field)
{
	struct esc_summary_store st;
	CHECK_EQ_INT(engine_stack_graph(16, 16, 1, &st), 0);
	CHECK_EQ_INT(st.from, 0);
	CHECK_EQ_INT(st.to, 0);
	CHECK_EQ_INT(st.level, 1);
	CHECK_EQ_INT(st.in_off, 32);   /* init's store: inside ei->stack */
	CHECK_EQ_INT(st.in_size, 128);
	CHECK_EQ_INT(st.in_elem, 16);
	CHECK(engine_stack_graph(8, 16, 1, &st) >= 1);  /* read as another type */
	CHECK(engine_stack_graph(16, 0, 1, &st) >= 1);  /* char arithmetic */
	CHECK(engine_stack_graph(16, 16, 0, &st) >= 1); /* where: not known */
	CHECK_EQ_INT(st.in_size, 0);
}

/* One recursive component: void rj(...) { struct src from; sub =
   wb(&from); KEEP; END } (line 5), struct winfo *wb(struct src *tab) {
   w = alloc(); w->tab = tab; return w; } (line 12: a store into the
   memory wb returns on every path after it, esc_step.into_result).  The
   sinks walk takes the store of the called activation for what the
   call's value points to when the caller releases that value before
   every return (END: the CALL_RESULT step's into_result, call.cc): no
   sink unless the caller keeps the value (KEEP: g = sub, line 6); the
   store stays a sink when the caller does not release it or the store
   is not into the returned memory. */
static int teardown_component_graph(int keep, int into, int released)
{
	struct esc_graph *g = esc_graph_new();
	int rj = esc_func_new(g, "rj", pos(1));
	int from = local(g, rj, "from");
	int sub = value(g, rj, "sub");
	int wb = esc_func_new(g, "wb", pos(10));
	int tab = esc_param_new(g, wb, 0, "tab", pos(10), 1);
	int w = value(g, wb, "w");
	int res = esc_func_result(g, wb);
	esc_edge(g, tab, from, -1, step(ESC_STEP_ARG, 5));
	struct esc_step cr = step(ESC_STEP_CALL_RESULT, 5);
	cr.into_result = released;
	esc_edge(g, sub, res, 0, cr);
	esc_edge(g, w, ESC_UNKNOWN, 0, step(ESC_STEP_ASSIGN, 11));
	struct esc_step st = step(ESC_STEP_STORE_PTR, 12);
	st.into_result = into;
	esc_edge(g, ESC_HEAP, tab, 0, st);
	esc_edge(g, res, w, 0, step(ESC_STEP_RETURN, 13));
	if (keep)
		esc_edge(g, ESC_HEAP, sub, 0, step(ESC_STEP_STORE_GLOBAL, 6));
	CHECK_EQ_INT(esc_solve(g), 0);
	esc_solve_imports(g);
	struct esc_func_report *r = esc_report_func(g, rj);
	int nsinks = r->nlocals == 1 ? r->locals[0].nsinks : -1;
	int line = nsinks == 1 ? r->locals[0].sinks[0].step.pos.line : 0;
	esc_func_report_free(r);
	esc_graph_free(g);
	return nsinks == 1 ? 100 + line : nsinks;
}

TEST(teardown_in_component)
{
	CHECK_EQ_INT(teardown_component_graph(0, 1, 1), 0);   /* ended by the caller */
	CHECK_EQ_INT(teardown_component_graph(1, 1, 1), 106); /* g = sub: kept there */
	CHECK_EQ_INT(teardown_component_graph(0, 1, 0), 112); /* not ended: the store */
	CHECK_EQ_INT(teardown_component_graph(0, 0, 1), 112); /* another memory */
}

/* int init_one(struct db *db, char **err)
   { InitData s; s.db = db; s.err = err; cb(&s); }
   void cb(InitData *d) { g = d->FIELD; }  (one component)
   A parameter's sure leak that only the fields mixed give is dropped
   (esc_recheck_sure): err is not kept when cb keeps d->db. */
static void field_param_graph(int read_off, int *sure_db, int *sure_err)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "init_one", pos(1));
	int db = esc_param_new(g, f, 0, "db", pos(1), 1);
	int err = esc_param_new(g, f, 1, "err", pos(1), 1);
	int s = local(g, f, "s");
	int cb = esc_func_new(g, "cb", pos(10));
	int d = esc_param_new(g, cb, 0, "d", pos(10), 1);
	int t = value(g, cb, "_1");
	int n = esc_edge_count(g);
	esc_edge(g, s, db, 0, step(ESC_STEP_STORE_LOCAL, 2));
	esc_edge_field(g, n, ESC_FIELD_WRITE, 0, 8, 1);
	n = esc_edge_count(g);
	esc_edge(g, s, err, 0, step(ESC_STEP_STORE_LOCAL, 3));
	esc_edge_field(g, n, ESC_FIELD_WRITE, 8, 8, 1);
	n = esc_edge_count(g);
	esc_edge(g, d, s, -1, step(ESC_STEP_ARG, 4));
	esc_edge_field(g, n, ESC_FIELD_NONE, 0, 0, 1);
	n = esc_edge_count(g);
	esc_edge(g, t, d, 1, step(ESC_STEP_LOAD, 11));
	esc_edge_field(g, n, ESC_FIELD_READ, read_off, 8, 1);
	esc_edge(g, ESC_HEAP, t, 0, step(ESC_STEP_STORE_GLOBAL, 12));
	CHECK_EQ_INT(esc_solve(g), 0);
	esc_solve_imports(g);
	esc_recheck_sure(g);
	struct esc_summary *sum = esc_summarize(g, f);
	*sure_db = esc_summary_sure(sum, 0);
	*sure_err = esc_summary_sure(sum, 1);
	esc_summary_free(sum);
	esc_graph_free(g);
}

TEST(field_param_sure)
{
	int sdb, serr;
	field_param_graph(0, &sdb, &serr);
	CHECK_EQ_INT(sdb, 0);
	CHECK_EQ_INT(serr, -1);  /* d->db is not s.err */
	field_param_graph(8, &sdb, &serr);
	CHECK_EQ_INT(sdb, -1);
	CHECK_EQ_INT(serr, 0);   /* d->err: kept */
}

/* Long chains do not overflow the stack. */
TEST(components_deep_chain)
{
	enum { N = 200000 };
	static int edges[N][2], comp[N];
	for (int i = 0; i < N - 1; i++) {
		edges[i][0] = i;
		edges[i][1] = i + 1;
	}
	int n = esc_components(N, (const int (*)[2])edges, N - 1, comp);
	CHECK_EQ_INT(n, N);
	CHECK(comp[N - 1] < comp[0]);
}

/* struct info *f(struct builder *a, struct wc *b, struct wc *c)
   { struct info *p = pool_get(); p->wc = a; p->wc2 = b; g = b;
     p->wc3 = c; g2 = *c; return p; }
   Stores into the memory f returns (not an allocation of its own) are
   sure, and the summary says which leaks rest on them alone (sure_out):
   a, and c at level 0 (c's content leaks beside). */
TEST(stores_into_result_memory)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int a = esc_param_new(g, f, 0, "a", pos(1), 1);
	int b = esc_param_new(g, f, 1, "b", pos(1), 1);
	int c = esc_param_new(g, f, 2, "c", pos(1), 1);
	struct esc_step into = step(ESC_STEP_STORE_PTR, 2);
	into.into_result = 1;
	esc_edge(g, ESC_HEAP, a, 0, into);
	esc_edge(g, ESC_HEAP, b, 0, into);
	esc_edge(g, ESC_HEAP, b, 0, step(ESC_STEP_STORE_GLOBAL, 3));
	esc_edge(g, ESC_HEAP, c, 0, into);
	esc_edge(g, ESC_HEAP, c, 1, step(ESC_STEP_STORE_GLOBAL, 4));
	esc_solve(g);
	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_sure(s, 0), 0);
	CHECK_EQ_INT(esc_summary_sure(s, 1), 0);
	CHECK_EQ_INT(esc_summary_sure(s, 2), 0);
	CHECK_EQ_INT(esc_summary_sure_out(s, 0), -1);
	CHECK_EQ_INT(esc_summary_sure_out(s, 1), 0);
	CHECK_EQ_INT(esc_summary_sure_out(s, 2), 1);
	esc_summary_free(s);
	esc_graph_free(g);

	/* without such stores the summary has no sure_out */
	g = esc_graph_new();
	f = esc_func_new(g, "f", pos(1));
	a = esc_param_new(g, f, 0, "a", pos(1), 1);
	esc_edge(g, ESC_HEAP, a, 0, step(ESC_STEP_STORE_GLOBAL, 2));
	esc_solve(g);
	s = esc_summarize(g, f);
	CHECK(s->sure_out == NULL);
	CHECK_EQ_INT(esc_summary_sure_out(s, 0), 0);
	esc_summary_free(s);
	esc_graph_free(g);
}

/* void open_g(struct conn **pp) { *pp = registry; }
   void open_m(struct conn **pp) { *pp = malloc(n); }
   void open_s(struct conn **pp) { c = malloc(n); registry = c; *pp = c; }
   void open_i(struct conn **pp) { c = malloc(n); c->arg = registry; *pp = c; }
   void open_p(struct conn **pp, struct conn *q) { *pp = q; }
   A value from outside stored into *pp (a global's, an allocation a
   global holds too) is the summary's other_out; a fresh allocation only
   *pp holds, whatever it holds, and a parameter's value (a store) are
   not.  A store of a known field names it (other_rng). */
TEST(other_value_into_param_memory)
{
	const char *names[] = { "open_g", "open_m", "open_s", "open_i", "open_p" };
	for (int k = 0; k < 5; k++) {
		struct esc_graph *g = esc_graph_new();
		int f = esc_func_new(g, names[k], pos(1));
		int pp = esc_param_new(g, f, 0, "pp", pos(1), 1);
		int q = esc_param_new(g, f, 1, "q", pos(1), 1);
		int in = value(g, f, "pp.0");
		esc_edge(g, in, pp, 0, step(ESC_STEP_ASSIGN, 2));
		int c = value(g, f, "c");
		int m = esc_object_new(g, ESC_LOC_ALLOC, ESC_OBJ_LOCAL, f, "malloc", pos(2));
		if (k == 0)
			esc_edge(g, c, ESC_UNKNOWN, 0, step(ESC_STEP_ASSIGN, 2));
		else if (k == 4)
			esc_edge(g, c, q, 0, step(ESC_STEP_ASSIGN, 2));
		else
			esc_edge(g, c, m, -1, step(ESC_STEP_ASSIGN, 2));
		if (k == 2)
			esc_edge(g, ESC_HEAP, c, 0, step(ESC_STEP_STORE_GLOBAL, 3));
		if (k == 3)
			esc_store(g, c, ESC_UNKNOWN, 0, step(ESC_STEP_STORE_PTR, 3));
		esc_store(g, in, c, 0, step(ESC_STEP_STORE_PTR, 4));
		CHECK_EQ_INT(esc_solve(g), 0);
		struct esc_summary *s = esc_summarize(g, f);
		int other = s->other_out && s->other_out[0];
		CHECK_EQ_INT(other, k == 0 || k == 2);
		CHECK(!s->other_out || !s->other_out[1]);
		if (other)
			CHECK_EQ_INT(s->other_rng[0].nranges, 0);
		esc_summary_free(s);
		esc_graph_free(g);
	}
	/* (*pp)->next = registry, the field at [8, 16): only that field */
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "open_f", pos(1));
	int pp = esc_param_new(g, f, 0, "pp", pos(1), 1);
	esc_store(g, pp, ESC_UNKNOWN, 0, step(ESC_STEP_STORE_PTR, 2));
	esc_store_field(g, esc_store_count(g) - 1, 8, 8);
	CHECK_EQ_INT(esc_solve(g), 0);
	struct esc_summary *s = esc_summarize(g, f);
	CHECK(s->other_out && s->other_out[0]);
	if (s->other_out && s->other_out[0]) {
		CHECK_EQ_INT(s->other_rng[0].nranges, 1);
		CHECK_EQ_INT(s->other_rng[0].off[0], 8);
		CHECK_EQ_INT(s->other_rng[0].size[0], 8);
	}
	esc_summary_free(s);
	esc_graph_free(g);
}

/* int f(char *key, int flags, char *other)
   { if (flags & 1) { g1 = key; g2 = other; } g3 = other; ... }
   The guard's walk leaves out the steps under the test: key is not
   kept when the caller's flags have bit 0 clear; other still is. */
TEST(guarded_steps)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int key = esc_param_new(g, f, 0, "key", pos(1), 1);
	int flags = esc_param_new(g, f, 1, "flags", pos(1), 0);
	int other = esc_param_new(g, f, 2, "other", pos(1), 1);
	int id = esc_graph_guard(g, flags, 1);
	CHECK_EQ_INT(id, 1);
	CHECK_EQ_INT(esc_graph_guard(g, flags, 1), 1);
	CHECK_EQ_INT(esc_graph_guard(g, key, 1), 2);
	struct esc_step in = step(ESC_STEP_STORE_GLOBAL, 2);
	in.guard = id;
	esc_edge(g, ESC_HEAP, key, 0, in);
	esc_edge(g, ESC_HEAP, other, 0, in);
	esc_edge(g, ESC_HEAP, other, 0, step(ESC_STEP_STORE_GLOBAL, 3));
	esc_solve(g);
	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_sure(s, 0), 0);
	CHECK_EQ_INT(esc_summary_sure(s, 2), 0);
	CHECK_EQ_INT(s->nguards, 1);
	CHECK_EQ_INT(s->guards[0].param, 1);
	CHECK(s->guards[0].mask == 1);
	CHECK_EQ_INT(s->guards[0].sure[0], -1);
	CHECK_EQ_INT(s->guards[0].sure[2], 0);
	esc_summary_free(s);
	esc_graph_free(g);
}

/* void f(struct ev *e, char *other) { if (dbg_on) { map = e; g1 = other; }
   g2 = other; }, dbg_on a global: the guard's walk leaves out the steps
   under the test, for every member of the component (a caller's own
   guard on the same global is the same guard); other still is kept. */
TEST(guarded_by_global)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int e = esc_param_new(g, f, 0, "e", pos(1), 1);
	int other = esc_param_new(g, f, 1, "other", pos(1), 1);
	int id = esc_graph_guard_global(g, "dbg_on", ~(uint64_t)0);
	CHECK_EQ_INT(id, 1);
	CHECK_EQ_INT(esc_graph_guard_global(g, "dbg_on", ~(uint64_t)0), 1);
	CHECK_EQ_INT(esc_graph_guard_global(g, "dbg_on", 2), 2);
	CHECK_EQ_INT(esc_graph_guard_global(g, "", 2), 0);
	CHECK_EQ_INT(esc_graph_guard(g, e, 1), 3);
	struct esc_step in = step(ESC_STEP_STORE_GLOBAL, 2);
	in.guard = id;
	esc_edge(g, ESC_HEAP, e, 0, in);
	esc_edge(g, ESC_HEAP, other, 0, in);
	esc_edge(g, ESC_HEAP, other, 0, step(ESC_STEP_STORE_GLOBAL, 3));
	esc_solve(g);
	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_sure(s, 0), 0);
	CHECK_EQ_INT(esc_summary_sure(s, 1), 0);
	CHECK_EQ_INT(s->nguards, 1);
	CHECK_EQ_INT(s->guards[0].param, -1);
	CHECK(s->guards[0].global && !strcmp(s->guards[0].global, "dbg_on"));
	CHECK(s->guards[0].mask == ~(uint64_t)0);
	CHECK_EQ_INT(s->guards[0].sure[0], -1);
	CHECK_EQ_INT(s->guards[0].sure[1], 0);
	esc_summary_free(s);
	esc_graph_free(g);
}

/* struct vdbe *create(struct parse *p, char *other)
   { v = alloc(); v->parse = p; v->other = other; p->vdbe = v; g = other; }
   The stores into v are hung off p's field at offset 8: the hang's walk
   leaves them out, so p is not kept by anything else; other still is (g).
   A parameter that the graph gives values (a recursive call) gets no
   hang walk. */
TEST(hung_off_param_field)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "create", pos(1));
	int p = esc_param_new(g, f, 0, "p", pos(1), 1);
	int other = esc_param_new(g, f, 1, "other", pos(1), 1);
	int id = esc_graph_hang(g, p, 8);
	CHECK_EQ_INT(id, 1);
	CHECK_EQ_INT(esc_graph_hang(g, p, 8), 1);
	CHECK_EQ_INT(esc_graph_hang(g, p, 16), 2);
	CHECK_EQ_INT(esc_graph_hang(g, ESC_HEAP, 8), 0);
	struct esc_step in = step(ESC_STEP_STORE_PTR, 2);
	in.hang = id;
	esc_edge(g, ESC_HEAP, p, 0, in);
	esc_edge(g, ESC_HEAP, other, 0, in);
	esc_edge(g, ESC_HEAP, other, 0, step(ESC_STEP_STORE_GLOBAL, 3));
	esc_solve(g);
	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_sure(s, 0), 0);
	CHECK_EQ_INT(esc_summary_sure(s, 1), 0);
	CHECK_EQ_INT(s->nhangs, 1);
	CHECK_EQ_INT(s->hangs[0].param, 0);
	CHECK_EQ_INT(s->hangs[0].off, 8);
	CHECK_EQ_INT(s->hangs[0].sure[0], -1);
	CHECK_EQ_INT(s->hangs[0].sure[1], 0);
	esc_summary_free(s);
	esc_graph_free(g);

	/* recursive: create(p) calls create(q) with its own q */
	g = esc_graph_new();
	f = esc_func_new(g, "create", pos(1));
	p = esc_param_new(g, f, 0, "p", pos(1), 1);
	int q = esc_loc_new(g, ESC_LOC_VALUE, f, "q", pos(2));
	esc_edge(g, p, q, 0, step(ESC_STEP_ARG, 3));
	id = esc_graph_hang(g, p, 8);
	in = step(ESC_STEP_STORE_PTR, 2);
	in.hang = id;
	esc_edge(g, ESC_HEAP, p, 0, in);
	esc_solve(g);
	s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_sure(s, 0), 0);
	CHECK_EQ_INT(s->nhangs, 0);
	esc_summary_free(s);
	esc_graph_free(g);
}

/* void f(int *p) { int *v = p; g1 = v; g2 = p; }: the sinks of p's
   value in the heap, found by a walk; asked again for the same with
   esc_param_sinks_again (the caller kept the sinks), the walker counts
   the walk's work as the walk did, and once past its budget cuts the
   replay as it cuts the walk. */
TEST(param_sinks_again)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int p = esc_param_new(g, f, 0, "p", pos(1), 1);
	int v = value(g, f, "v");
	esc_edge(g, v, p, 0, step(ESC_STEP_ASSIGN, 2));
	esc_edge(g, ESC_HEAP, v, 0, step(ESC_STEP_STORE_GLOBAL, 3));
	esc_edge(g, ESC_HEAP, p, 0, step(ESC_STEP_STORE_GLOBAL, 4));
	CHECK_EQ_INT(esc_solve(g), 0);
	int n = -1, cut = -1;
	CHECK_EQ_INT(esc_param_sinks_again(g, 1), -1); /* no walker yet */
	struct esc_sink *sk = esc_param_sinks(g, p, 0, ESC_HEAP, &n, &cut);
	long w = esc_param_sinks_work(g);
	CHECK_EQ_INT(n, 2);
	CHECK_EQ_INT(cut, 0);
	CHECK(w > 0);
	CHECK_EQ_INT(esc_param_sinks_again(g, w), 0);
	CHECK(esc_param_sinks_work(g) == w);
	struct esc_sink *sk2 = esc_param_sinks(g, p, 0, ESC_HEAP, &n, &cut);
	CHECK_EQ_INT(n, 2);
	CHECK_EQ_INT(cut, 0);
	CHECK(esc_param_sinks_work(g) == w);
	CHECK_EQ_INT(sk2[0].step.pos.line, sk[0].step.pos.line);
	CHECK_EQ_INT(sk2[1].step.pos.line, sk[1].step.pos.line);
	/* past the budget of the graph's walks */
	CHECK_EQ_INT(esc_param_sinks_again(g, 10000000L), 0);
	CHECK_EQ_INT(esc_param_sinks_again(g, w), 1);
	CHECK(esc_param_sinks_work(g) == 0);
	struct esc_sink *sk3 = esc_param_sinks(g, p, 0, ESC_HEAP, &n, &cut);
	CHECK(sk3 == NULL);
	CHECK_EQ_INT(n, 0);
	CHECK_EQ_INT(cut, 1);
	CHECK(esc_param_sinks_work(g) == 0);
	esc_sinks_free(sk, 2);
	esc_sinks_free(sk2, 2);
	esc_graph_free(g);
}

/* int f(char *key, struct t *t, int flags)
   { if (t == 0) return; if (flags & 2) g1 = key; g2 = t; }
   The step under both tests takes the inner guard (flags), whose parent
   is the outer (t): each guard's walk leaves it out.  A guard whose
   tests stand inside different ones has no parent. */
TEST(nested_guards)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int key = esc_param_new(g, f, 0, "key", pos(1), 1);
	int t = esc_param_new(g, f, 1, "t", pos(1), 1);
	int flags = esc_param_new(g, f, 2, "flags", pos(1), 0);
	int outer = esc_graph_guard(g, t, ~(uint64_t)0);
	int inner = esc_graph_guard(g, flags, 2);
	esc_graph_guard_parent(g, outer, 0);
	esc_graph_guard_parent(g, inner, outer);
	CHECK(esc_guarded_by(g, inner, inner));
	CHECK(esc_guarded_by(g, inner, outer));
	CHECK(!esc_guarded_by(g, outer, inner));
	CHECK(!esc_guarded_by(g, 0, outer));
	struct esc_step in = step(ESC_STEP_STORE_GLOBAL, 2);
	in.guard = inner;
	esc_edge(g, ESC_HEAP, key, 0, in);
	struct esc_step out = step(ESC_STEP_STORE_GLOBAL, 3);
	out.guard = outer;
	esc_edge(g, ESC_HEAP, t, 0, out);
	esc_solve(g);
	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_sure(s, 0), 0);
	CHECK_EQ_INT(s->nguards, 2);
	for (int k = 0; k < s->nguards; k++) {
		/* either constant keeps no key; only t's keeps no t */
		CHECK_EQ_INT(s->guards[k].sure[0], -1);
		CHECK_EQ_INT(s->guards[k].sure[1], s->guards[k].param == 1 ? -1 : 0);
	}
	esc_summary_free(s);
	/* the inner guard's test also inside another guard: no parent */
	int third = esc_graph_guard(g, key, 1);
	esc_graph_guard_parent(g, inner, third);
	CHECK(!esc_guarded_by(g, inner, outer));
	CHECK(!esc_guarded_by(g, inner, third));
	/* a cycle is none */
	esc_graph_guard_parent(g, third, 0);
	esc_graph_guard_parent(g, outer, third);
	esc_graph_guard_parent(g, third, outer);
	CHECK(!esc_guarded_by(g, third, outer) || !esc_guarded_by(g, outer, third));
	esc_graph_free(g);
}

int main(void)
{
	RUN(return_address);
	RUN(local_use_does_not_escape);
	RUN(pointer_chains);
	RUN(store_through_local_pointer);
	RUN(store_through_param);
	RUN(store_through_mixed_pointer);
	RUN(param_leaks);
	RUN(assumed_sinks);
	RUN(summary_drops_weaker_result_leak);
	RUN(mutual_recursion);
	RUN(cycles_terminate);
	RUN(explanation_budget);
	RUN(deep_store_summary);
	RUN(readonly_pointee_store_is_assumed);
	RUN(released_param_is_assumed);
	RUN(released_store_is_assumed);
	RUN(releases_fixed_point);
	RUN(sure_leak_returns_to_its_caller);
	RUN(sure_leak_counts_returns);
	RUN(varargs_by_type);
	RUN(varargs_by_selector);
	RUN(report_sites_and_flows);
	RUN(give_up_is_conservative);
	RUN(components_bottom_up);
	RUN(components_deep_chain);
	RUN(forwarded_loads);
	RUN(stores_into_result_memory);
	RUN(field_sinks);
	RUN(other_value_into_param_memory);
	RUN(guarded_steps);
	RUN(guarded_by_global);
	RUN(hung_off_param_field);
	RUN(field_param_sure);
	RUN(nested_guards);
	RUN(param_sinks_again);
	RUN(store_fields_through_pointer);
	RUN(pointer_into_array_field);
	RUN(teardown_in_component);
	RUN(recursion_matched_returns);
	RUN(recursion_store_through_pointer);
	esc_intern_free();
	return unit_done();
}
