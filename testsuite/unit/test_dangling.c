/*
 * test_dangling.c - the dangling check (dangling.c) on abstract CFGs built
 * by hand, without GCC: sinks, kills, failure branches, loops, scope ends.
 */
#define _POSIX_C_SOURCE 200809L
#include "escape.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define ALL ((1u << ESC_WARN__COUNT) - 1)
#define X_LOC 77u /* the object's declaration handle */

/* Statements are named by these (origins are opaque to the check). */
static char org[64];
#define O(i) ((const void *)&org[i])

static struct esc_step step(enum esc_step_kind kind, int o, const char *what,
			    int arg, int line)
{
	struct esc_step s;
	memset(&s, 0, sizeof s);
	s.kind = kind;
	s.origin = o >= 0 ? O(o) : NULL;
	s.what = what ? esc_intern(what) : NULL;
	s.arg = arg;
	s.pos.line = line;
	return s;
}

/* A report of function f with one local x whose sinks are given: each
   a flow address-of (statement 0) then the sink step. */
struct fixture {
	struct esc_func_report r;
	struct esc_local_report l;
	struct esc_sink sinks[4];
	struct esc_step steps[4][3];
};

static void fixture(struct fixture *fx, int nsinks, const struct esc_step *sink)
{
	memset(fx, 0, sizeof *fx);
	fx->r.name = "f";
	fx->r.nlocals = 1;
	fx->r.locals = &fx->l;
	fx->l.name = "x";
	fx->l.pos.handle = X_LOC;
	fx->l.escapes = 1;
	fx->l.nsinks = nsinks;
	fx->l.sinks = fx->sinks;
	for (int i = 0; i < nsinks; i++) {
		fx->steps[i][0] = step(ESC_STEP_ADDR, 0, "x", 0, 1);
		fx->steps[i][1] = sink[i];
		fx->sinks[i].step = sink[i];
		fx->sinks[i].levels = 1;
		fx->sinks[i].flow.nsteps = 2;
		fx->sinks[i].flow.steps = fx->steps[i];
	}
}

static int warnings(struct fixture *fx, const struct esc_cfg *c,
		    const struct esc_rules *rules)
{
	esc_check_dangling(c, rules, ALL, &fx->r);
	return fx->r.nwarnings;
}

static void fixture_free(struct fixture *fx)
{
	for (int i = 0; i < fx->r.nwarnings; i++)
		free((char *)fx->r.warnings[i].message);
	free(fx->r.warnings);
}

static int stmt(struct esc_cfg *c, enum esc_op op, int o, int place)
{
	return esc_cfg_stmt(c, op, O(o), place, NULL, NULL, 0, NULL, -1, 0);
}

static int call(struct esc_cfg *c, int o, const char *callee, int res,
		int arg0, int arg1)
{
	int keys[3] = { res, arg0, arg1 };
	return esc_cfg_stmt(c, ESC_OP_CALL, O(o), -1, esc_intern(callee), keys,
			    3, NULL, -1, 0);
}

/* Undo inside a callee (esc_summary_undo): f(p, r, q) { g = p; *q = r;
   if (c) return; g = 0; *q = 0; return; } keeps p in g and r in *q on
   the early return; without it, it keeps nothing when it returns: p's
   sure leak goes (-1) and the store of r into *q is assumed, while Go's
   heap leak stays. */
TEST(summary_undo)
{
	for (int early = 0; early < 2; early++) {
		struct esc_pos at = { "t.c", 1, 1, 0 };
		struct esc_graph *gr = esc_graph_new();
		int f = esc_func_new(gr, "f", at);
		int p = esc_param_new(gr, f, 0, "p", at, 1);
		int r = esc_param_new(gr, f, 1, "r", at, 1);
		int q = esc_param_new(gr, f, 2, "q", at, 1);
		esc_edge(gr, ESC_HEAP, p, 0, step(ESC_STEP_STORE_GLOBAL, 1, "g", 0, 2));
		esc_store(gr, q, r, 0, step(ESC_STEP_STORE_PTR, 2, NULL, 0, 3));
		CHECK_EQ_INT(esc_solve(gr), 0);
		struct esc_summary *sum = esc_summarize(gr, f);
		CHECK_EQ_INT(esc_summary_sure(sum, 0), 0);
		CHECK_EQ_INT(sum->nstores, 1);

		struct esc_cfg *c = esc_cfg_new();
		int g = esc_cfg_key(c, -1), qf = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		stmt(c, ESC_OP_STORE, 1, g);
		stmt(c, ESC_OP_STORE, 2, qf);
		esc_cfg_block(c, 1);
		stmt(c, ESC_OP_RETURN, 3, -1);
		esc_cfg_block(c, 2);
		stmt(c, ESC_OP_STORE, 4, g);
		stmt(c, ESC_OP_STORE, 5, qf);
		stmt(c, ESC_OP_RETURN, 6, -1);
		if (early)
			esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		CHECK_EQ_INT(esc_summary_undo(sum, gr, f, c, NULL), early ? 0 : 2);
		CHECK_EQ_INT(esc_summary_heap(sum, 0), 0);
		CHECK_EQ_INT(esc_summary_sure(sum, 0), early ? 0 : -1);
		CHECK_EQ_INT(sum->nstores, 1);
		if (sum->nstores == 1)
			CHECK_EQ_INT(sum->stores[0].assumed, !early);
		esc_cfg_free(c);
		esc_summary_free(sum);
		esc_graph_free(gr);
	}
}

/* Teardown by a callee known only by name (esc_summary.releases):
   f(p, b) { *b = p; [if (c) return;] blk_free(b); return; } with b the
   block the store goes into: p's sure leak stays (the unit does not know
   what blk_free does), its local one goes and rests on blk_free
   releasing argument 0; with the early return it stays local.  Another
   block released (blk_free(o)) is no teardown. */
TEST(summary_release_by_name)
{
	for (int variant = 0; variant < 3; variant++) {
		int early = variant == 1, other = variant == 2;
		struct esc_pos at = { "t.c", 1, 1, 0 };
		struct esc_graph *gr = esc_graph_new();
		int f = esc_func_new(gr, "f", at);
		int p = esc_param_new(gr, f, 0, "p", at, 1);
		esc_edge(gr, ESC_HEAP, p, 0, step(ESC_STEP_STORE_PTR, 1, NULL, 0, 2));
		CHECK_EQ_INT(esc_solve(gr), 0);
		struct esc_summary *sum = esc_summarize(gr, f);
		CHECK_EQ_INT(esc_summary_sure(sum, 0), 0);
		CHECK_EQ_INT(sum->local_sure[0], 0);

		struct esc_cfg *c = esc_cfg_new();
		int bv = esc_cfg_key(c, -1), bm = esc_cfg_key(c, -1);
		int om = esc_cfg_key(c, -1), place = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		int st = stmt(c, ESC_OP_STORE, 1, place);
		esc_cfg_mems(c, st, &bm, 1);
		esc_cfg_block(c, 1);
		stmt(c, ESC_OP_RETURN, 3, -1);
		esc_cfg_block(c, 2);
		int cl = call(c, 4, "blk_free", -1, bv, -1);
		int mems[2] = { -1, other ? om : bm };
		esc_cfg_mems(c, cl, mems, 2);
		stmt(c, ESC_OP_RETURN, 5, -1);
		if (early)
			esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		int changed = esc_summary_undo(sum, gr, f, c, NULL);
		int rests = !early && !other;
		CHECK_EQ_INT(changed, rests);
		CHECK_EQ_INT(esc_summary_sure(sum, 0), 0);
		CHECK_EQ_INT(sum->local_sure[0], rests ? -1 : 0);
		CHECK_EQ_INT(sum->nreleases, rests);
		if (sum->nreleases == 1) {
			CHECK_EQ_INT(sum->releases[0].param, 0);
			CHECK_EQ_INT(sum->releases[0].level, 0);
			CHECK_STR(sum->releases[0].callee, "blk_free");
			CHECK_EQ_INT(sum->releases[0].arg, 0);
		}
		esc_cfg_free(c);
		esc_summary_free(sum);
		esc_graph_free(gr);
	}
}

/* g = &x; if (c) return; g = 0; return;  -- and without the early return */
TEST(store_killed_on_every_path)
{
	for (int early = 0; early < 2; early++) {
		struct esc_cfg *c = esc_cfg_new();
		int g = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		stmt(c, ESC_OP_STORE, 1, g);
		esc_cfg_block(c, 1);
		stmt(c, ESC_OP_RETURN, 2, -1);
		esc_cfg_block(c, 2);
		stmt(c, ESC_OP_STORE, 3, g);
		stmt(c, ESC_OP_RETURN, 4, -1);
		if (early)
			esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		struct fixture fx;
		struct esc_step s = step(ESC_STEP_STORE_GLOBAL, 1, "g", 0, 2);
		fixture(&fx, 1, &s);
		CHECK_EQ_INT(warnings(&fx, c, NULL), early);
		if (early) {
			CHECK_STR(fx.r.warnings[0].id, "escape-global");
			CHECK_EQ_INT(fx.r.warnings[0].sink.line, 2);
		}
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* g = &x; if (c) { fail(); return; } g = 0; return;  -- the early return
   leaves g, unless fail never returns (esc_cfg_noreturn) */
TEST(noreturn_call_ends_path)
{
	for (int noret = 0; noret < 2; noret++) {
		struct esc_cfg *c = esc_cfg_new();
		int g = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		stmt(c, ESC_OP_STORE, 1, g);
		esc_cfg_block(c, 1);
		int f = call(c, 5, "fail", -1, -1, -1);
		stmt(c, ESC_OP_RETURN, 2, -1);
		esc_cfg_block(c, 2);
		stmt(c, ESC_OP_STORE, 3, g);
		stmt(c, ESC_OP_RETURN, 4, -1);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		if (noret)
			esc_cfg_noreturn(c, f);
		struct fixture fx;
		struct esc_step s = step(ESC_STEP_STORE_GLOBAL, 1, "g", 0, 2);
		fixture(&fx, 1, &s);
		CHECK_EQ_INT(warnings(&fx, c, NULL), !noret);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* h = &x; g = &x; g = 0;  -- two sinks, one killed: h still warns */
TEST(every_sink_checked)
{
	struct esc_cfg *c = esc_cfg_new();
	int g = esc_cfg_key(c, -1), h = esc_cfg_key(c, -1);
	esc_cfg_block(c, 0);
	stmt(c, ESC_OP_STORE, 1, h);
	stmt(c, ESC_OP_STORE, 2, g);
	stmt(c, ESC_OP_STORE, 3, g);
	stmt(c, ESC_OP_RETURN, 4, -1);
	struct esc_step s[2] = { step(ESC_STEP_STORE_GLOBAL, 1, "h", 0, 2),
				 step(ESC_STEP_STORE_GLOBAL, 2, "g", 0, 3) };
	struct fixture fx;
	fixture(&fx, 2, s);
	CHECK_EQ_INT(warnings(&fx, c, NULL), 1);
	CHECK(fx.r.nwarnings == 1 && strstr(fx.r.warnings[0].message, "'h'"));
	fixture_free(&fx);
	esc_cfg_free(c);
}

/* s.f = &x; s = other;  -- a store to a containing place kills; a store
   to a sibling field does not */
TEST(containing_place_kills)
{
	for (int whole = 0; whole < 2; whole++) {
		struct esc_cfg *c = esc_cfg_new();
		int s = esc_cfg_key(c, -1);
		int f = esc_cfg_key(c, s), other = esc_cfg_key(c, s);
		esc_cfg_block(c, 0);
		stmt(c, ESC_OP_STORE, 1, f);
		stmt(c, ESC_OP_STORE, 2, whole ? s : other);
		stmt(c, ESC_OP_RETURN, 3, -1);
		struct esc_step st = step(ESC_STEP_STORE_GLOBAL, 1, "s", 0, 2);
		struct fixture fx;
		fixture(&fx, 1, &st);
		CHECK_EQ_INT(warnings(&fx, c, NULL), !whole);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* A rule's keeper: released by one of its "until" on the same handle,
   not on another; its failure branch holds nothing. */
TEST(rule_handle_until_fails)
{
	char dir[] = "/tmp/test_dangling.XXXXXX";
	char path[64], err[256];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/r.json", dir);
	FILE *fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (!fp)
		return;
	fputs("{ \"escape-rules\": 1, \"functions\": {\n"
	      " \"spawn\": { \"params\": [\"write\", \"thread\"], \"handle\": 0,"
	      " \"until\": [\"reap\"], \"fails\": \"nonzero\" },\n"
	      " \"reap\": { \"params\": [\"none\"] } } }\n", fp);
	fclose(fp);
	struct esc_rules *rules = esc_rules_new();
	CHECK_EQ_INT(esc_rules_load(rules, path, err, sizeof err), 0);
	unlink(path);
	rmdir(dir);

	/* case 0: spawn(&t, &x); reap(t);   -> no warning
	   case 1: spawn(&t, &x); reap(u);   -> warning
	   case 2: if (spawn(&t, &x) != 0) return; reap(t); -> no warning
	   case 3: if (spawn(&t, &x) == 0) return; reap(t); -> warning (the
		   success branch returns without reaping) */
	for (int k = 0; k < 4; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int t = esc_cfg_key(c, -1), u = esc_cfg_key(c, -1);
		int res = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		int sp = call(c, 1, "spawn", res, t, -1);
		esc_cfg_block(c, 1);
		stmt(c, ESC_OP_RETURN, 2, -1);
		esc_cfg_block(c, 2);
		call(c, 3, "reap", -1, k == 1 ? u : t, -1);
		stmt(c, ESC_OP_RETURN, 4, -1);
		if (k >= 2) {
			esc_cfg_edge(c, 0, 1, sp, k == 2 ? ESC_BR_NONZERO : ESC_BR_ZERO);
			esc_cfg_edge(c, 0, 2, sp, k == 2 ? ESC_BR_ZERO : ESC_BR_NONZERO);
		} else {
			esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		}
		struct esc_step st = step(ESC_STEP_ARG_THREAD, 1, "spawn", 2, 2);
		struct fixture fx;
		fixture(&fx, 1, &st);
		CHECK_EQ_INT(warnings(&fx, c, rules), k == 1 || k == 3);
		if (fx.r.nwarnings)
			CHECK_STR(fx.r.warnings[0].id, "escape-thread");
		fixture_free(&fx);
		esc_cfg_free(c);
	}
	esc_rules_free(rules);
}

/* Flags: g = &x; [f = 1 on the edge] ... if (f) g = 0; return;  -- the
   store under the flag kills where the path from the sink set the flag
   nonzero (directly, or copied from another flag set so); not where it
   brings anything else, nor under the negated test */
TEST(flag_guarded_kill)
{
	/* case 0: f = 1            -> no warning
	   case 1: f = anything     -> warning
	   case 2: f = 1, if (!f)   -> warning
	   case 3: h = 1, f = h     -> no warning
	   case 4: f = h (h unknown) -> warning
	   case 5: f = 1, then f = 0 on a second edge before the test -> warning */
	for (int k = 0; k < 6; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int g = esc_cfg_key(c, -1);
		int f = esc_cfg_flag(c), h = esc_cfg_flag(c);
		esc_cfg_block(c, 0);
		stmt(c, ESC_OP_STORE, 1, g);
		esc_cfg_block(c, 1);
		esc_cfg_block(c, 2);
		stmt(c, ESC_OP_STORE, 2, g);
		stmt(c, ESC_OP_RETURN, 3, -1);
		esc_cfg_block(c, 3);
		stmt(c, ESC_OP_RETURN, 4, -1);
		esc_cfg_block(c, 4);
		esc_cfg_edge(c, 0, k == 5 ? 4 : 1, -1, ESC_BR_ANY);
		if (k == 3) {
			esc_cfg_edge_flag(c, h, ESC_FLAG_NONZERO, -1);
			esc_cfg_edge_flag(c, f, ESC_FLAG_COPY, h);
		} else if (k == 4) {
			esc_cfg_edge_flag(c, f, ESC_FLAG_COPY, h);
		} else {
			esc_cfg_edge_flag(c, f, k == 1 ? ESC_FLAG_ANY : ESC_FLAG_NONZERO, -1);
		}
		if (k == 5) {
			esc_cfg_edge(c, 4, 1, -1, ESC_BR_ANY);
			esc_cfg_edge_flag(c, f, ESC_FLAG_ANY, -1);
		}
		esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		esc_cfg_edge_flag(c, f, k == 2 ? ESC_FLAG_IS_ZERO : ESC_FLAG_IS_NONZERO, -1);
		esc_cfg_edge(c, 1, 3, -1, ESC_BR_ANY);
		esc_cfg_edge_flag(c, f, k == 2 ? ESC_FLAG_IS_NONZERO : ESC_FLAG_IS_ZERO, -1);
		struct esc_step st = step(ESC_STEP_STORE_GLOBAL, 1, "g", 0, 2);
		struct fixture fx;
		fixture(&fx, 1, &st);
		CHECK_EQ_INT(warnings(&fx, c, NULL), k == 1 || k == 2 || k == 4 || k == 5);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* for (...) reap(t[i]);  -- a loop that kills is taken to run it */
TEST(loop_with_kill_runs)
{
	char dir[] = "/tmp/test_dangling.XXXXXX";
	char path[64], err[256];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/r.json", dir);
	FILE *fp = fopen(path, "w");
	if (!fp)
		return;
	fputs("{ \"escape-rules\": 1, \"functions\": {\n"
	      " \"spawn\": { \"params\": [\"write\", \"thread\"], \"handle\": 0,"
	      " \"until\": [\"reap\"] } } }\n", fp);
	fclose(fp);
	struct esc_rules *rules = esc_rules_new();
	CHECK_EQ_INT(esc_rules_load(rules, path, err, sizeof err), 0);
	unlink(path);
	rmdir(dir);

	/* 0: spawn; 1: loop head -> 2 (body: reap) -> 1, 1 -> 3: return */
	struct esc_cfg *c = esc_cfg_new();
	int t = esc_cfg_key(c, -1);
	esc_cfg_block(c, 0);
	call(c, 1, "spawn", -1, t, -1);
	esc_cfg_block(c, 1);
	esc_cfg_block(c, 2);
	call(c, 2, "reap", -1, t, -1);
	esc_cfg_block(c, 3);
	stmt(c, ESC_OP_RETURN, 3, -1);
	esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
	esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
	esc_cfg_edge(c, 2, 1, -1, ESC_BR_ANY);
	esc_cfg_edge(c, 1, 3, -1, ESC_BR_ANY);
	struct esc_step st = step(ESC_STEP_ARG_THREAD, 1, "spawn", 2, 2);
	struct fixture fx;
	fixture(&fx, 1, &st);
	CHECK_EQ_INT(warnings(&fx, c, rules), 0);
	fixture_free(&fx);
	esc_cfg_free(c);
	esc_rules_free(rules);
}

/* setg(&x) with setg's body storing to g; then g = 0 (a store) or
   clearg() (a same-file function storing to g) kills; a call of a
   function storing elsewhere does not */
TEST(same_file_keeper_writes)
{
	for (int k = 0; k < 3; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int g = esc_cfg_key(c, -1), h = esc_cfg_key(c, -1);
		int gw[1] = { g }, hw[1] = { h };
		esc_cfg_block(c, 0);
		esc_cfg_stmt(c, ESC_OP_CALL, O(1), -1, esc_intern("setg"), NULL,
			     0, gw, 1, 0);
		if (k == 0)
			stmt(c, ESC_OP_STORE, 2, g);
		else
			esc_cfg_stmt(c, ESC_OP_CALL, O(2), -1,
				     esc_intern(k == 1 ? "clearg" : "seth"), NULL,
				     0, k == 1 ? gw : hw, 1, 0);
		stmt(c, ESC_OP_RETURN, 3, -1);
		struct esc_step st = step(ESC_STEP_ARG_SUMMARY, 1, "setg", 1, 2);
		struct fixture fx;
		fixture(&fx, 1, &st);
		CHECK_EQ_INT(warnings(&fx, c, NULL), k == 2);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* init(&s) keeps &s (its summary); a later call whose effects clear the
   pointer init set on the same handle kills it: end(&s) on every path
   (k 0), on one path only (k 1), step(&s) that clears another field
   (k 2), end(&t) on another object (k 3). */
TEST(later_call_undoes_by_effects)
{
	struct esc_effect init[1], end[1], stepfx[1];
	memset(init, 0, sizeof init);
	memset(end, 0, sizeof end);
	memset(stepfx, 0, sizeof stepfx);
	init[0].kind = ESC_FX_SET;
	init[0].path = esc_intern("state");
	init[0].pointer = 1;
	end[0] = init[0];
	end[0].kind = ESC_FX_CLEAR;
	stepfx[0] = end[0];
	stepfx[0].path = esc_intern("next");
	for (int k = 0; k < 4; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int s = esc_cfg_key(c, -1), t = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		int c1 = call(c, 1, "init", -1, s, -1);
		esc_cfg_effects(c, c1, init, 1);
		if (k == 1) {
			esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
			esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
			esc_cfg_block(c, 1);
		} else {
			esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		}
		int c2 = call(c, 2, k == 2 ? "step" : "end", -1, k == 3 ? t : s, -1);
		esc_cfg_effects(c, c2, k == 2 ? stepfx : end, 1);
		if (k == 1)
			esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		esc_cfg_block(c, 2);
		stmt(c, ESC_OP_RETURN, 3, -1);
		esc_cfg_edge(c, 2, -1, -1, ESC_BR_ANY);
		struct esc_step st = step(ESC_STEP_ARG_SUMMARY, 1, "init", 1, 2);
		struct fixture fx;
		fixture(&fx, 1, &st);
		CHECK_EQ_INT(warnings(&fx, c, NULL), k != 0);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* A keeper of this file (its effects known: ev_new's result holds the
   argument, ev_free frees its argument) undone through a merge of its
   result: e = NULL; if (c) goto end; e = ev_new(cb, &x); end: if (e)
   ev_free(e); return.  No warning; with e = NULL after the keeping call
   (k 1), or ev_free left out where the merge holds the result (k 2), the
   warning stays. */
TEST(later_call_undoes_through_merge)
{
	struct esc_effect newfx[1], freefx[1];
	memset(newfx, 0, sizeof newfx);
	memset(freefx, 0, sizeof freefx);
	newfx[0].kind = ESC_FX_CALL;
	newfx[0].param = 1;
	newfx[0].path = esc_intern("");
	newfx[0].callee = esc_intern("use");
	freefx[0].kind = ESC_FX_CLEAR;
	freefx[0].param = 0;
	freefx[0].path = esc_intern("");
	freefx[0].pointer = 1;
	for (int k = 0; k < 3; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int r = esc_cfg_key(c, -1), p = esc_cfg_key(c, -1);
		int x = esc_cfg_key(c, -1);
		struct esc_val null = { ESC_VAL_NULL, -1, 0 };
		struct esc_val res = { ESC_VAL_KEY, r, 0 };
		esc_cfg_block(c, 0);
		esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, p, null);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_block(c, 1);
		int c1 = call(c, 1, "ev_new", r, -1, x);
		int vals[3] = { r, -1, -1 };
		esc_cfg_values(c, c1, vals, 3);
		esc_cfg_effects(c, c1, newfx, 1);
		esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, p, k == 1 ? null : res);
		esc_cfg_block(c, 2);
		esc_cfg_edge(c, 2, 4, -1, ESC_BR_ANY);
		if (k != 2)
			esc_cfg_edge_rules_out(c, p, 0);
		esc_cfg_edge(c, 2, 3, -1, ESC_BR_ANY);
		esc_cfg_block(c, 3);
		int c2 = call(c, 3, "ev_free", -1, p, -1);
		esc_cfg_effects(c, c2, freefx, 1);
		esc_cfg_edge(c, 3, 4, -1, ESC_BR_ANY);
		esc_cfg_block(c, 4);
		stmt(c, ESC_OP_RETURN, 4, -1);
		esc_cfg_edge(c, 4, -1, -1, ESC_BR_ANY);
		struct esc_step st = step(ESC_STEP_ARG_SUMMARY, 1, "ev_new", 2, 2);
		struct fixture fx;
		fixture(&fx, 1, &st);
		CHECK_EQ_INT(warnings(&fx, c, NULL), k != 0);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* A pending warning's undo candidates (the keeper ev_new known only by
   name): struct ev *e = NULL; if (c) goto end; e = ev_new(cb, &x); ...
   end: if (e) ev_free(e); return.  The call of ev_free is given a merge
   (a PHI) of what ev_new returned with null: on every path from the
   keeping call it holds ev_new's result, and the branch on which it is
   null kept nothing: ev_free is a candidate, given the result.  Not when
   the merge may take another value after the keeping call (e = NULL: a
   leak), nor when ev_free is left out on a path on which it holds the
   result (if (e && c2)), nor through a merge of another call's result. */
TEST(pending_undo_through_merge)
{
	for (int k = 0; k < 4; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int r = esc_cfg_key(c, -1), p = esc_cfg_key(c, -1);
		int x = esc_cfg_key(c, -1), o = esc_cfg_key(c, -1);
		struct esc_val null = { ESC_VAL_NULL, -1, 0 };
		struct esc_val res = { ESC_VAL_KEY, k == 3 ? o : r, 0 };
		esc_cfg_block(c, 0);
		esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, p, null);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_block(c, 1);
		call(c, 1, "ev_other", o, -1, -1);
		int c1 = call(c, 2, "ev_new", r, -1, x);
		/* the keeping call failed: nothing kept */
		esc_cfg_edge(c, 1, 2, c1, ESC_BR_ZERO);
		esc_cfg_edge_assign(c, p, k == 1 ? null : res);
		esc_cfg_edge(c, 1, 2, c1, ESC_BR_NONZERO);
		esc_cfg_edge_assign(c, p, k == 1 ? null : res);
		esc_cfg_block(c, 2);
		/* if (e): on the edge to the return, e is null (k 2: not
		   only then) */
		esc_cfg_edge(c, 2, 4, -1, ESC_BR_ANY);
		if (k != 2)
			esc_cfg_edge_rules_out(c, p, 0);
		esc_cfg_edge(c, 2, 3, -1, ESC_BR_ANY);
		esc_cfg_block(c, 3);
		call(c, 3, "ev_free", -1, p, -1);
		esc_cfg_edge(c, 3, 4, -1, ESC_BR_ANY);
		esc_cfg_block(c, 4);
		stmt(c, ESC_OP_RETURN, 4, -1);
		esc_cfg_edge(c, 4, -1, -1, ESC_BR_ANY);

		struct fixture fx;
		struct esc_import im;
		memset(&im, 0, sizeof im);
		im.callee = esc_intern("ev_new");
		im.arg = 1;
		im.derefs = -1;
		im.addr = 1;
		im.origin = O(2);
		im.owner_kind = ESC_OWNER_LOCAL;
		im.owner = 0;
		struct esc_step st = step(ESC_STEP_ARG_UNKNOWN, 2, "ev_new", 2, 2);
		fixture(&fx, 1, &st);
		fx.r.nimports = 1;
		fx.r.imports = &im;
		warnings(&fx, c, NULL);
		int pending = 0, undone = 0;
		for (int i = 0; i < fx.r.nwarnings; i++) {
			const struct esc_warning *w = &fx.r.warnings[i];
			if (!w->pending)
				continue;
			pending++;
			for (int u = 0; u < w->nundo; u++)
				undone += !strcmp(w->undo[u].callee, "ev_free") &&
					  w->undo[u].npairs == 1 &&
					  w->undo[u].pairs[0][0] == 0 &&
					  w->undo[u].pairs[0][1] == -1;
		}
		CHECK_EQ_INT(pending, 1);
		CHECK_EQ_INT(undone, k == 0);
		for (int i = 0; i < fx.r.nwarnings; i++) {
			for (int u = 0; u < fx.r.warnings[i].nundo; u++)
				free(fx.r.warnings[i].undo[u].pairs);
			free(fx.r.warnings[i].undo);
		}
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* An event loop's drain (rules' "loop"): bind(&x, b, flags, cb) binds
   the object to base b, add(&x) links it into the base bound, run(b, f)
   drains b when f is a constant without bit 1 ("unless"); bind's
   "fires": an object of flags without bit 16 is out of the base when its
   callback runs.  k 0: run(b, 0), flags 2, cb registered only there: a
   drain candidate naming cb as its own; 1: run(b, 1): no drain; 2: run's
   flags not known: none; 3: flags 16 (persistent): a drain, no own; 4:
   cb used elsewhere too: a drain, no own; 5: flags not known: no own. */
TEST(pending_drain_own_callback)
{
	char dir[] = "/tmp/test_dangling.XXXXXX";
	char path[64], err[256];
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/r.json", dir);
	FILE *fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (!fp)
		return;
	fputs("{ \"escape-rules\": 1, \"functions\": {\n"
	      " \"bind\": { \"loop\": { \"binds\": [0, 1], \"fires\": [3, 2, 16] } },\n"
	      " \"add\": { \"loop\": { \"links\": [0, \"bound\"] } },\n"
	      " \"brk\": { \"loop\": { \"exits\": 0 } },\n"
	      " \"run\": { \"loop\": { \"drains\": 0, \"unless\": [1, 1] } } } }\n", fp);
	fclose(fp);
	struct esc_rules *rules = esc_rules_new();
	CHECK_EQ_INT(esc_rules_load(rules, path, err, sizeof err), 0);
	unlink(path);
	rmdir(dir);
	for (int k = 0; k < 6; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int ax = esc_cfg_key(c, -1), b = esc_cfg_key(c, -1);
		int fl = esc_cfg_key(c, -1), cb = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		int bk[5] = { -1, ax, b, fl, cb };
		int c1 = esc_cfg_stmt(c, ESC_OP_CALL, O(1), -1, esc_intern("bind"),
				      bk, 5, NULL, -1, 0);
		if (k != 5)
			esc_cfg_arg_const(c, c1, 2, k == 3 ? 16 | 2 : 2);
		esc_cfg_arg_fn(c, c1, 3, esc_intern("cb"), k != 4);
		int ak[2] = { -1, ax };
		esc_cfg_stmt(c, ESC_OP_CALL, O(2), -1, esc_intern("add"), ak, 2,
			     NULL, -1, 0);
		int rk[3] = { -1, b, fl };
		int c3 = esc_cfg_stmt(c, ESC_OP_CALL, O(3), -1, esc_intern("run"),
				      rk, 3, NULL, -1, 0);
		if (k != 2)
			esc_cfg_arg_const(c, c3, 1, k == 1 ? 1 : 0);
		stmt(c, ESC_OP_RETURN, 4, -1);
		esc_cfg_edge(c, 0, -1, -1, ESC_BR_ANY);

		struct fixture fx;
		struct esc_import im;
		memset(&im, 0, sizeof im);
		im.callee = esc_intern("add");
		im.arg = 0;
		im.derefs = -1;
		im.addr = 1;
		im.origin = O(2);
		im.owner_kind = ESC_OWNER_LOCAL;
		im.owner = 0;
		struct esc_step st = step(ESC_STEP_ARG_UNKNOWN, 2, "add", 1, 2);
		fixture(&fx, 1, &st);
		fx.r.nimports = 1;
		fx.r.imports = &im;
		warnings(&fx, c, rules);
		int pending = 0, drains = 0, own = 0, exits = 0;
		for (int i = 0; i < fx.r.nwarnings; i++) {
			const struct esc_warning *w = &fx.r.warnings[i];
			if (!w->pending)
				continue;
			pending++;
			for (int u = 0; u < w->nundo; u++) {
				if (!w->undo[u].ndrain)
					continue;
				drains += !strcmp(w->undo[u].callee, "run");
				exits += w->undo[u].nexits == 1 &&
					 !strcmp(w->undo[u].drain[0], "brk");
				own += w->undo[u].own && !strcmp(w->undo[u].own, "cb") &&
				       w->undo[u].nlinks == 1 &&
				       !strcmp(w->undo[u].links[0], "add");
			}
		}
		CHECK_EQ_INT(pending, 1);
		CHECK_EQ_INT(drains, k != 1 && k != 2);
		CHECK_EQ_INT(exits, drains);
		CHECK_EQ_INT(own, k == 0);
		for (int i = 0; i < fx.r.nwarnings; i++) {
			for (int u = 0; u < fx.r.warnings[i].nundo; u++) {
				free(fx.r.warnings[i].undo[u].pairs);
				free(fx.r.warnings[i].undo[u].drain);
				free(fx.r.warnings[i].undo[u].links);
			}
			free(fx.r.warnings[i].undo);
		}
		fixture_free(&fx);
		esc_cfg_free(c);
	}
	esc_rules_free(rules);
}

/* The keeper's result stored into a slot of the frame (ev[0] =
   ev_new(cb, &x)) and released through a value read back from it: an
   undo candidate given the result, while the slot holds it: k 0 freed;
   1 the slot given another value first; 2 a part of its array at a
   variable index written first; 3 another slot of the array written
   (still held); 4 freed only where the value read back is not null (if
   (ev[0]) ev_free(ev[0])); 5 the same without the null test. */
TEST(pending_undo_through_slot)
{
	for (int k = 0; k < 6; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int r = esc_cfg_key(c, -1), x = esc_cfg_key(c, -1);
		int a = esc_cfg_key(c, -1), o = esc_cfg_key(c, -1);
		int p = esc_cfg_key(c, a), q = esc_cfg_key(c, a);
		int vague = esc_cfg_key(c, a), v = esc_cfg_key(c, -1);
		esc_cfg_slot(c, p);
		esc_cfg_slot(c, q);
		esc_cfg_block(c, 0);
		int c1 = call(c, 1, "ev_new", r, -1, x);
		(void)c1;
		int st = esc_cfg_stmt(c, ESC_OP_STORE, O(2), p, NULL, &r, 1, NULL, -1, 0);
		esc_cfg_values(c, st, &r, 1);
		if (k >= 1 && k <= 3) {
			int at = k == 1 ? p : k == 2 ? vague : q;
			st = esc_cfg_stmt(c, ESC_OP_STORE, O(3), at, NULL, &o, 1,
					  NULL, -1, 0);
			esc_cfg_values(c, st, &o, 1);
		}
		esc_cfg_load(c, v, p);
		esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		if (k == 4)
			esc_cfg_edge_rules_out(c, v, 0);
		if (k >= 4)
			esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_block(c, 1);
		if (k >= 4) {
			call(c, 4, "ev_free", -1, p, -1);
			esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		}
		esc_cfg_block(c, 2);
		if (k < 4)
			call(c, 4, "ev_free", -1, p, -1);
		stmt(c, ESC_OP_RETURN, 5, -1);
		esc_cfg_edge(c, 2, -1, -1, ESC_BR_ANY);

		struct fixture fx;
		struct esc_import im;
		memset(&im, 0, sizeof im);
		im.callee = esc_intern("ev_new");
		im.arg = 1;
		im.derefs = -1;
		im.addr = 1;
		im.origin = O(1);
		im.owner_kind = ESC_OWNER_LOCAL;
		im.owner = 0;
		struct esc_step sk = step(ESC_STEP_ARG_UNKNOWN, 1, "ev_new", 2, 1);
		fixture(&fx, 1, &sk);
		fx.r.nimports = 1;
		fx.r.imports = &im;
		warnings(&fx, c, NULL);
		int pending = 0, undone = 0;
		for (int i = 0; i < fx.r.nwarnings; i++) {
			const struct esc_warning *w = &fx.r.warnings[i];
			if (!w->pending)
				continue;
			pending++;
			for (int u = 0; u < w->nundo; u++)
				undone += !strcmp(w->undo[u].callee, "ev_free") &&
					  w->undo[u].npairs == 1 &&
					  w->undo[u].pairs[0][0] == 0 &&
					  w->undo[u].pairs[0][1] == -1;
		}
		CHECK_EQ_INT(pending, 1);
		CHECK_EQ_INT(undone, k == 0 || k == 3 || k == 4);
		for (int i = 0; i < fx.r.nwarnings; i++) {
			for (int u = 0; u < fx.r.warnings[i].nundo; u++)
				free(fx.r.warnings[i].undo[u].pairs);
			free(fx.r.warnings[i].undo);
		}
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* A sink in another function (a flow whose last steps have origins this
   CFG does not hold) is judged at the last statement of this one. */
TEST(foreign_sink_at_the_call)
{
	struct esc_cfg *c = esc_cfg_new();
	int g = esc_cfg_key(c, -1);
	int gw[1] = { g };
	esc_cfg_block(c, 0);
	esc_cfg_stmt(c, ESC_OP_CALL, O(1), -1, esc_intern("setr"), NULL, 0,
		     gw, 1, 0);
	stmt(c, ESC_OP_RETURN, 3, -1);
	struct fixture fx;
	struct esc_step s = step(ESC_STEP_STORE_GLOBAL, 40, "g", 0, 9);
	fixture(&fx, 1, &s);
	fx.steps[0][2] = s;
	fx.steps[0][1] = step(ESC_STEP_ARG, 1, "setr", 1, 4);
	fx.sinks[0].flow.nsteps = 3;
	CHECK_EQ_INT(warnings(&fx, c, NULL), 1);
	if (fx.r.nwarnings) {
		CHECK_STR(fx.r.warnings[0].id, "escape-global");
		CHECK_EQ_INT(fx.r.warnings[0].sink.line, 4); /* at the call */
	}
	fixture_free(&fx);
	esc_cfg_free(c);
}

/* The object's scope ends (its clobber) before the kill: it dangles
   there; another object's scope end does not count. */
TEST(scope_end_is_death)
{
	for (int mine = 0; mine < 2; mine++) {
		struct esc_cfg *c = esc_cfg_new();
		int g = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		stmt(c, ESC_OP_STORE, 1, g);
		esc_cfg_stmt(c, ESC_OP_END, O(2), -1, NULL, NULL, 0, NULL, -1,
			     mine ? X_LOC : X_LOC + 1);
		stmt(c, ESC_OP_STORE, 3, g);
		stmt(c, ESC_OP_RETURN, 4, -1);
		struct esc_step st = step(ESC_STEP_STORE_GLOBAL, 1, "g", 0, 2);
		struct fixture fx;
		fixture(&fx, 1, &st);
		CHECK_EQ_INT(warnings(&fx, c, NULL), mine);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* A return is always a warning; a sink step that warns of nothing (an
   integer) never is; a kind not asked for is not checked. */
TEST(kinds)
{
	struct esc_cfg *c = esc_cfg_new();
	esc_cfg_block(c, 0);
	stmt(c, ESC_OP_RETURN, 1, -1);
	struct esc_step s[2] = { step(ESC_STEP_RETURN, 1, NULL, 0, 5),
				 step(ESC_STEP_TO_INT, 1, NULL, 0, 5) };
	struct fixture fx;
	fixture(&fx, 2, s);
	CHECK_EQ_INT(warnings(&fx, c, NULL), 1);
	CHECK(fx.r.nwarnings == 1 &&
	      !strcmp(fx.r.warnings[0].id, "escape-return"));
	fixture_free(&fx);
	fixture(&fx, 1, s);
	esc_check_dangling(c, NULL, ALL & ~(1u << ESC_WARN_RETURN), &fx.r);
	CHECK_EQ_INT(fx.r.nwarnings, 0);
	fixture_free(&fx);
	esc_cfg_free(c);
	CHECK_EQ_INT(esc_warn_by_id("escape-kept"), ESC_WARN_KEPT);
	CHECK_STR(esc_warn_id(ESC_WARN_THREAD), "escape-thread");
	CHECK_EQ_INT(esc_warn_by_id("escape-nope"), -1);
}

/* The rule fields: "until" needs "handle"; "fails" is nonzero or null;
   "handle" may be "result". */
TEST(rule_fields)
{
	static const struct {
		const char *rule;
		int ok;
		const char *msg;
	} cases[] = {
		{ "{ \"params\": [\"keep\"], \"handle\": 0, \"until\": [\"f\"] }", 1, NULL },
		{ "{ \"params\": [\"keep\"], \"handle\": \"result\", \"fails\": \"null\" }", 1, NULL },
		{ "{ \"params\": [\"keep\"], \"until\": [\"f\"] }", 0, "needs \"handle\"" },
		{ "{ \"params\": [\"keep\"], \"handle\": 1 }", 0, "out of range" },
		{ "{ \"params\": [\"keep\"], \"handle\": 0, \"until\": [] }", 0, "list of function names" },
		{ "{ \"params\": [\"keep\"], \"fails\": \"zero\" }", 0, "\"nonzero\" or \"null\"" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char dir[] = "/tmp/test_dangling.XXXXXX";
		char path[64], err[256] = "";
		if (!mkdtemp(dir)) {
			CHECK(0);
			return;
		}
		snprintf(path, sizeof path, "%s/r.json", dir);
		FILE *fp = fopen(path, "w");
		if (!fp)
			continue;
		fprintf(fp, "{ \"escape-rules\": 1, \"functions\": { \"k\": %s } }\n",
			cases[i].rule);
		fclose(fp);
		struct esc_rules *rules = esc_rules_new();
		int rc = esc_rules_load(rules, path, err, sizeof err);
		CHECK_EQ_INT(rc, cases[i].ok ? 0 : -1);
		if (cases[i].msg && !strstr(err, cases[i].msg))
			printf("  (case %zu: %s)\n", i, err);
		CHECK(!cases[i].msg || strstr(err, cases[i].msg));
		if (cases[i].ok) {
			const struct esc_rule *r = esc_rules_find(rules, "k");
			CHECK(r && (r->handle == 0 || r->handle == ESC_HANDLE_RESULT));
		}
		esc_rules_free(rules);
		unlink(path);
		rmdir(dir);
	}
}

/* The solution's sinks: every one the object's address reaches, each
   with its own flow ending at it (p = &x; h = p; g = p; return p;), and
   none through a load of the object's contents. */
TEST(every_sink_found)
{
	struct esc_graph *g = esc_graph_new();
	struct esc_pos pos = { "t.c", 1, 1, 0 };
	int f = esc_func_new(g, "f", pos);
	int x = esc_object_new(g, ESC_LOC_STACK, ESC_OBJ_LOCAL, f, "x", pos);
	int p = esc_loc_new(g, ESC_LOC_VALUE, f, "p", pos);
	int v = esc_loc_new(g, ESC_LOC_VALUE, f, "v", pos);
	esc_address_taken(g, x);
	esc_edge(g, p, x, -1, step(ESC_STEP_ADDR, 0, NULL, 0, 2));
	esc_edge(g, ESC_HEAP, p, 0, step(ESC_STEP_STORE_GLOBAL, 1, "h", 0, 3));
	esc_edge(g, ESC_HEAP, p, 0, step(ESC_STEP_STORE_GLOBAL, 2, "g", 0, 4));
	esc_edge(g, esc_func_result(g, f), p, 0, step(ESC_STEP_RETURN, 3, NULL, 0, 5));
	/* v = *p: x's contents, not its address */
	esc_edge(g, v, p, 1, step(ESC_STEP_LOAD, 4, NULL, 0, 6));
	esc_edge(g, ESC_HEAP, v, 0, step(ESC_STEP_STORE_GLOBAL, 5, "k", 0, 7));
	esc_solve(g);
	struct esc_func_report *r = esc_report_func(g, f);
	CHECK_EQ_INT(r->nlocals, 1);
	if (r->nlocals == 1) {
		const struct esc_local_report *l = &r->locals[0];
		CHECK_EQ_INT(l->escapes, 1);
		CHECK_EQ_INT(l->nsinks, 3);
		CHECK_EQ_INT(l->sinks_cut, 0);
		for (int i = 0; i < l->nsinks && i < 3; i++) {
			const struct esc_flow *fl = &l->sinks[i].flow;
			CHECK_EQ_INT(l->sinks[i].step.pos.line, 3 + i);
			CHECK(fl->nsteps >= 2 && fl->steps[0].kind == ESC_STEP_ADDR &&
			      fl->steps[fl->nsteps - 1].pos.line == 3 + i);
		}
	}
	esc_func_report_free(r);
	esc_graph_free(g);
}

/* escape-scope: { p = &x; *p; } *p -- the use after x's scope end, on
   every path, warns; one only reached around a loop (a may-use) does not */
TEST(scope)
{
	struct esc_pos at = { "t.c", 9, 2, 0 };
	uint64_t xo = X_LOC;
	for (int loop = 0; loop < 2; loop++) {
		struct esc_cfg *c = esc_cfg_new();
		/* 0: head; 1: addr x, use x, end x; 2: use x, return */
		esc_cfg_block(c, 0);
		esc_cfg_block(c, 1);
		esc_cfg_addr(c, at, xo);
		esc_cfg_use(c, at, &xo, 1);
		esc_cfg_stmt(c, ESC_OP_END, NULL, -1, NULL, NULL, 0, NULL, -1, xo);
		esc_cfg_block(c, 2);
		at.line = 12;
		esc_cfg_use(c, at, &xo, 1);
		at.line = 9;
		stmt(c, ESC_OP_RETURN, 5, -1);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		if (loop) {
			esc_cfg_edge(c, 1, 0, -1, ESC_BR_ANY);
			esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		} else {
			esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		}
		struct fixture fx;
		fixture(&fx, 0, NULL);
		fx.l.escapes = 0;
		CHECK_EQ_INT(warnings(&fx, c, NULL), !loop);
		if (fx.r.nwarnings) {
			CHECK_STR(fx.r.warnings[0].id, "escape-scope");
			CHECK_EQ_INT(fx.r.warnings[0].sink.line, 12);
		}
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* escape-scope over a loop the adapter takes to run at least once (the
   edge into its body goes past its decided test, esc_cfg_edge_via): the
   use after the loop is still a may-use, as GCC's -Wdangling-pointer
   says (for (i = 0; i < 3; i++) { int x; p = &x; } use(p);); the same
   edge not past a test is every path */
TEST(scope_past_decided_test)
{
	struct esc_pos at = { "t.c", 9, 2, 0 };
	uint64_t xo = X_LOC;
	for (int via = 0; via < 2; via++) {
		struct esc_cfg *c = esc_cfg_new();
		/* 3: entry; 0: the loop's test; 1: addr x, use x, end x;
		   2: use x, return */
		esc_cfg_block(c, 3);
		esc_cfg_block(c, 0);
		esc_cfg_block(c, 1);
		esc_cfg_addr(c, at, xo);
		esc_cfg_use(c, at, &xo, 1);
		esc_cfg_stmt(c, ESC_OP_END, NULL, -1, NULL, NULL, 0, NULL, -1, xo);
		esc_cfg_block(c, 2);
		at.line = 12;
		esc_cfg_use(c, at, &xo, 1);
		at.line = 9;
		stmt(c, ESC_OP_RETURN, 5, -1);
		esc_cfg_edge(c, 3, 1, -1, ESC_BR_ANY);
		if (via)
			esc_cfg_edge_via(c, 0);
		esc_cfg_edge(c, 1, 0, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		CHECK_EQ_INT(esc_cfg_block_size(c, 0), 0);
		CHECK_EQ_INT(esc_cfg_block_size(c, 1), 3);
		struct fixture fx;
		fixture(&fx, 0, NULL);
		fx.l.escapes = 0;
		CHECK_EQ_INT(warnings(&fx, c, NULL), !via);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* Correlated branches. */
static struct esc_val val(enum esc_val_kind kind, int key, uint64_t object)
{
	struct esc_val v = { kind, key, object };
	return v;
}

/* q = c ? &x : r; if (p == &x) p = 0; return p;  -- the address reaches
   the return only on the edge where the test rules it out (fact 0: no
   rule-out, 1: on the != edge, 2: on the == edge, the wrong one; 3: on
   the != edge, but the address may also reach the return in what p
   points to, which p != &x says nothing of) */
TEST(correlated_return)
{
	for (int fact = 0; fact < 4; fact++) {
		struct esc_cfg *c = esc_cfg_new();
		int p0 = esc_cfg_key(c, -1), p1 = esc_cfg_key(c, -1);
		/* 0: take x, p0 = anything; if (p0 == &x) 1 else 2;
		   1: p = 0; 2: p1 = PHI <p0 (0), 0 (1)>; return p1 */
		esc_cfg_block(c, 0);
		esc_cfg_take(c, X_LOC);
		esc_cfg_def(c, p0, val(ESC_VAL_ANY, -1, 0));
		esc_cfg_block(c, 1);
		esc_cfg_block(c, 2);
		int ret = stmt(c, ESC_OP_RETURN, 5, -1);
		esc_cfg_values(c, ret, &p1, 1);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		if (fact == 2)
			esc_cfg_edge_rules_out(c, p0, X_LOC);
		esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, p1, val(ESC_VAL_NULL, -1, 0));
		esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, p1, val(ESC_VAL_KEY, p0, 0));
		if (fact == 1 || fact == 3)
			esc_cfg_edge_rules_out(c, p0, X_LOC);
		esc_cfg_edge(c, 2, -1, -1, ESC_BR_ANY);
		struct fixture fx;
		struct esc_step s = step(ESC_STEP_RETURN, 5, NULL, 0, 3);
		fixture(&fx, 1, &s);
		if (fact == 3)
			fx.sinks[0].levels = 3;
		CHECK_EQ_INT(warnings(&fx, c, NULL), fact != 1);
		/* another object's address ruled out says nothing of x */
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* e = f(s); if (e == NULL) { e = f(&x); if (e != NULL) e = s + ...; }
   return e;  -- Lua's l_str2d: x's address only where e is NULL; and
   the first e, made before any address of x was taken, is not x's */
TEST(correlated_null)
{
	for (int fact = 0; fact < 2; fact++) {
		struct esc_cfg *c = esc_cfg_new();
		int e0 = esc_cfg_key(c, -1), e1 = esc_cfg_key(c, -1);
		int e2 = esc_cfg_key(c, -1), r = esc_cfg_key(c, -1);
		/* 0: e0 = f(s); if (e0 == 0) 1 else 3
		   1: take x; e1 = f(&x); if (e1 != 0) 2 else 3
		   2: e2 = s + ...
		   3: r = PHI <e0 (0), e1 (1), e2 (2)>; return r */
		esc_cfg_block(c, 0);
		call(c, 1, "f", -1, -1, -1);
		esc_cfg_def(c, e0, val(ESC_VAL_ANY, -1, 0));
		esc_cfg_block(c, 1);
		esc_cfg_take(c, X_LOC);
		call(c, 2, "f", -1, -1, -1);
		esc_cfg_def(c, e1, val(ESC_VAL_ANY, -1, 0));
		esc_cfg_block(c, 2);
		esc_cfg_def(c, e2, val(ESC_VAL_NONE, -1, 0));
		esc_cfg_block(c, 3);
		int ret = stmt(c, ESC_OP_RETURN, 5, -1);
		esc_cfg_values(c, ret, &r, 1);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 0, 3, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, r, val(ESC_VAL_KEY, e0, 0));
		esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 1, 3, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, r, val(ESC_VAL_KEY, e1, 0));
		if (fact)
			esc_cfg_edge_rules_out(c, e1, 0);
		esc_cfg_edge(c, 2, 3, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, r, val(ESC_VAL_KEY, e2, 0));
		esc_cfg_edge(c, 3, -1, -1, ESC_BR_ANY);
		struct fixture fx;
		struct esc_step s = step(ESC_STEP_RETURN, 5, NULL, 0, 3);
		fixture(&fx, 1, &s);
		CHECK_EQ_INT(warnings(&fx, c, NULL), !fact);
		fixture_free(&fx);
		/* reached in what the value points to too: only the null
		   test says anything (e0, made before x was taken, may
		   point to memory x's address is put in later) */
		fixture(&fx, 1, &s);
		fx.sinks[0].levels = 2;
		CHECK_EQ_INT(warnings(&fx, c, NULL), 1);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* p = g(); ... take x ...; keep(p)  -- p made before any address of x
   was taken holds none; around a loop (the take reaches p's definition
   by the back edge) it may */
TEST(correlated_taken_before)
{
	for (int loop = 0; loop < 2; loop++) {
		struct esc_cfg *c = esc_cfg_new();
		int p = esc_cfg_key(c, -1);
		/* 0: p = g(); 1: take x; keep(p); 2: return */
		esc_cfg_block(c, 0);
		call(c, 1, "g", -1, -1, -1);
		esc_cfg_def(c, p, val(ESC_VAL_ANY, -1, 0));
		esc_cfg_block(c, 1);
		esc_cfg_take(c, X_LOC);
		int k = call(c, 2, "keep", -1, -1, -1);
		int vals[2] = { -1, p };
		esc_cfg_values(c, k, vals, 2);
		esc_cfg_block(c, 2);
		stmt(c, ESC_OP_RETURN, 5, -1);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		if (loop)
			esc_cfg_edge(c, 1, 0, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 2, -1, -1, ESC_BR_ANY);
		struct fixture fx;
		struct esc_step s = step(ESC_STEP_ARG_SUMMARY, 2, "keep", 1, 3);
		fixture(&fx, 1, &s);
		CHECK_EQ_INT(warnings(&fx, c, NULL), loop);
		if (fx.r.nwarnings)
			CHECK_STR(fx.r.warnings[0].id, "escape-kept");
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* yyss = yyssa; loop { ... if (yyss != yyssa) keep(yyss); yyss = heap; }
   -- the keeping call only where yyss is not x: no warning; ruling out
   another object's address keeps it */
TEST(correlated_loop)
{
	for (int other = 0; other < 2; other++) {
		struct esc_cfg *c = esc_cfg_new();
		int y0 = esc_cfg_key(c, -1), y1 = esc_cfg_key(c, -1);
		int h = esc_cfg_key(c, -1);
		/* 0: take x; y0 = &x
		   1: y1 = PHI <y0 (0), h (3)>; if (y1 != &x) 2 else 3
		   2: keep(y1)
		   3: h = heap(); -> 1, or return */
		esc_cfg_block(c, 0);
		esc_cfg_take(c, X_LOC);
		esc_cfg_def(c, y0, val(ESC_VAL_ADDR, -1, X_LOC));
		esc_cfg_block(c, 1);
		esc_cfg_block(c, 2);
		int k = call(c, 2, "keep", -1, -1, -1);
		int vals[2] = { -1, y1 };
		esc_cfg_values(c, k, vals, 2);
		esc_cfg_block(c, 3);
		call(c, 3, "heap", -1, -1, -1);
		esc_cfg_def(c, h, val(ESC_VAL_ANY, -1, 0));
		esc_cfg_block(c, 4);
		stmt(c, ESC_OP_RETURN, 5, -1);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, y1, val(ESC_VAL_KEY, y0, 0));
		esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		esc_cfg_edge_rules_out(c, y1, other ? X_LOC + 1 : X_LOC);
		esc_cfg_edge(c, 1, 3, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 2, 3, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 3, 1, -1, ESC_BR_ANY);
		esc_cfg_edge_assign(c, y1, val(ESC_VAL_KEY, h, 0));
		esc_cfg_edge(c, 3, 4, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 4, -1, -1, ESC_BR_ANY);
		struct fixture fx;
		struct esc_step s = step(ESC_STEP_ARG_SUMMARY, 2, "keep", 1, 3);
		fixture(&fx, 1, &s);
		CHECK_EQ_INT(warnings(&fx, c, NULL), other);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
}

/* Teardown. */
static struct esc_rules *free_rules(void)
{
	char dir[] = "/tmp/test_dangling.XXXXXX";
	char path[64], err[256];
	if (!mkdtemp(dir))
		return NULL;
	snprintf(path, sizeof path, "%s/r.json", dir);
	FILE *fp = fopen(path, "w");
	if (!fp)
		return NULL;
	fputs("{ \"escape-rules\": 1, \"functions\": {\n"
	      " \"release\": { \"params\": [\"free\"] },\n"
	      " \"move\": { \"params\": [\"free\", \"none\"], \"returns\": \"alloc\","
	      " \"copy\": [0, \"result\"] } } }\n", fp);
	fclose(fp);
	struct esc_rules *rules = esc_rules_new();
	int rc = esc_rules_load(rules, path, err, sizeof err);
	unlink(path);
	rmdir(dir);
	if (rc) {
		esc_rules_free(rules);
		return NULL;
	}
	return rules;
}

/* p->f = &x; [release(p) | release(q) | move(p) | if (c) release(p)];
   return;  -- the memory the address was left in is released on every
   path: no warning (case 0 only) */
TEST(teardown_store)
{
	struct esc_rules *rules = free_rules();
	CHECK(rules != NULL);
	for (int k = 0; k < 4; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int pf = esc_cfg_key(c, -1), p = esc_cfg_key(c, -1);
		int q = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		int st = stmt(c, ESC_OP_STORE, 1, pf);
		esc_cfg_mems(c, st, &p, 1);
		esc_cfg_block(c, 1);
		int rel = call(c, 2, k == 2 ? "move" : "release", -1, -1, -1);
		int mems[3] = { -1, k == 1 ? q : p, -1 };
		esc_cfg_mems(c, rel, mems, 3);
		esc_cfg_block(c, 2);
		stmt(c, ESC_OP_RETURN, 3, -1);
		esc_cfg_edge(c, 0, 1, -1, ESC_BR_ANY);
		if (k == 3)
			esc_cfg_edge(c, 0, 2, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 1, 2, -1, ESC_BR_ANY);
		esc_cfg_edge(c, 2, -1, -1, ESC_BR_ANY);
		struct fixture fx;
		struct esc_step s = step(ESC_STEP_STORE_PTR, 1, NULL, 0, 2);
		fixture(&fx, 1, &s);
		CHECK_EQ_INT(warnings(&fx, c, rules), k != 0);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
	esc_rules_free(rules);
}

/* p->f = &x; keep(p); [p stored again]; release(p);  -- a keeper of p
   (held at level 1, the address in *p) keeps freed memory: no warning;
   a keeper of what p points to (held at level 0), or p's place stored
   to again before the release, still warns */
TEST(teardown_keeper)
{
	struct esc_rules *rules = free_rules();
	CHECK(rules != NULL);
	for (int k = 0; k < 3; k++) {
		struct esc_cfg *c = esc_cfg_new();
		int p = esc_cfg_key(c, -1);
		esc_cfg_block(c, 0);
		int kc = call(c, 1, "keep", -1, -1, -1);
		int mems[3] = { -1, p, -1 };
		esc_cfg_mems(c, kc, mems, 3);
		if (k == 2)
			stmt(c, ESC_OP_STORE, 4, p);
		int rel = call(c, 2, "release", -1, -1, -1);
		esc_cfg_mems(c, rel, mems, 3);
		stmt(c, ESC_OP_RETURN, 3, -1);
		esc_cfg_edge(c, 0, -1, -1, ESC_BR_ANY);
		struct fixture fx;
		struct esc_step s = step(ESC_STEP_ARG_SUMMARY, 1, "keep", 1, 2);
		fixture(&fx, 1, &s);
		fx.sinks[0].levels = 2;
		fx.sinks[0].held = k == 1 ? 1 : 2;
		CHECK_EQ_INT(warnings(&fx, c, rules), k != 0);
		fixture_free(&fx);
		esc_cfg_free(c);
	}
	esc_rules_free(rules);
}

int main(void)
{
	RUN(scope);
	RUN(scope_past_decided_test);
	RUN(every_sink_found);
	RUN(rule_fields);
	RUN(store_killed_on_every_path);
	RUN(summary_undo);
	RUN(summary_release_by_name);
	RUN(noreturn_call_ends_path);
	RUN(every_sink_checked);
	RUN(containing_place_kills);
	RUN(rule_handle_until_fails);
	RUN(loop_with_kill_runs);
	RUN(flag_guarded_kill);
	RUN(same_file_keeper_writes);
	RUN(later_call_undoes_by_effects);
	RUN(pending_undo_through_merge);
	RUN(pending_drain_own_callback);
	RUN(pending_undo_through_slot);
	RUN(later_call_undoes_through_merge);
	RUN(foreign_sink_at_the_call);
	RUN(scope_end_is_death);
	RUN(kinds);
	RUN(correlated_return);
	RUN(correlated_null);
	RUN(correlated_taken_before);
	RUN(correlated_loop);
	RUN(teardown_store);
	RUN(teardown_keeper);
	return unit_done();
}
