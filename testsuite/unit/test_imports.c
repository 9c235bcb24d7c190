/*
 * test_imports.c - export data for the link step (imports.c) and linked
 * summaries for the compiler (summary.c's esc_summaries_*), without GCC:
 * each test builds the graph the adapter would build for a small C
 * function (shown in its comment).
 */
#define _XOPEN_SOURCE 700
#include "escape.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static struct esc_pos pos(int line)
{
	struct esc_pos p = { "t.c", line, 1, 0 };
	return p;
}

static int origin_base;

/* An argument of callee (no body, no rule), as call.cc's unknown_hole
   makes it: the call statement is its origin. */
static struct esc_step arg_of(const char *callee, int arg, int line, int assumed)
{
	struct esc_step s = { ESC_STEP_ARG_UNKNOWN, pos(line), callee, arg,
			      &origin_base + line, assumed };
	return s;
}

static struct esc_step step(enum esc_step_kind k, int line)
{
	struct esc_step s = { k, pos(line), NULL, 0, NULL, 0 };
	return s;
}

static const struct esc_import *import_of(const struct esc_func_report *r,
					  int kind, const char *callee)
{
	for (int i = 0; i < r->nimports; i++)
		if (r->imports[i].owner_kind == kind &&
		    !strcmp(r->imports[i].callee, callee))
			return &r->imports[i];
	return NULL;
}

/* void f(struct node *p) { int x; walk(p, &x); g = ...; }
   walk has no body here: p and &x reach its arguments. */
TEST(imports_of_params_and_objects)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int p = esc_param_new(g, f, 0, "p", pos(1), 1);
	int x = esc_object_new(g, ESC_LOC_STACK, ESC_OBJ_LOCAL, f, "x", pos(2));
	int a = esc_loc_new(g, ESC_LOC_VALUE, f, "a", pos(3));
	esc_address_taken(g, x);
	esc_edge(g, a, x, -1, step(ESC_STEP_ADDR, 3));
	esc_edge(g, ESC_HEAP, p, 0, arg_of("walk", 1, 3, 1));
	esc_edge(g, ESC_HEAP, a, 0, arg_of("walk", 2, 3, 0));
	esc_solve(g);
	esc_solve_imports(g);
	struct esc_func_report *r = esc_report_func(g, f);

	/* as the unit sees it: both kept */
	CHECK_EQ_INT(r->params[0].leaks_to_heap, 0);
	CHECK_EQ_INT(r->locals[0].escapes, 1);
	/* without walk: neither */
	CHECK_EQ_INT(r->params[0].local_heap, -1);
	CHECK_EQ_INT(r->locals[0].local_escapes, 0);
	/* and what rests on walk */
	const struct esc_import *ip = import_of(r, ESC_OWNER_PARAM, "walk");
	const struct esc_import *ix = import_of(r, ESC_OWNER_LOCAL, "walk");
	CHECK(ip && ix);
	if (ip && ix) {
		CHECK_EQ_INT(ip->arg, 0);
		CHECK_EQ_INT(ip->derefs, 0);
		CHECK_EQ_INT(ip->sure, 0);
		CHECK_EQ_INT(ix->arg, 1);
		CHECK_EQ_INT(ix->derefs, -1); /* its address */
		CHECK_EQ_INT(ix->sure, 1);    /* a void *: not assumed */
	}
	struct esc_summary *s = esc_summarize(g, f);
	CHECK_EQ_INT(esc_summary_heap(s, 0), 0);
	CHECK_EQ_INT(s->local_heap[0], -1);
	esc_summary_free(s);
	esc_func_report_free(r);
	esc_graph_free(g);
}

/* char *f(void) { char buf[8]; return skip(buf); }: the call's value
   reaches the result; a store to a global is local. */
TEST(call_value_to_result)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int buf = esc_object_new(g, ESC_LOC_STACK, ESC_OBJ_LOCAL, f, "buf", pos(2));
	int a = esc_loc_new(g, ESC_LOC_VALUE, f, "a", pos(3));
	int v = esc_loc_new(g, ESC_LOC_VALUE, f, "v", pos(3));
	esc_address_taken(g, buf);
	esc_edge(g, a, buf, -1, step(ESC_STEP_ADDR, 3));
	esc_edge(g, ESC_HEAP, a, 0, arg_of("skip", 1, 3, 1));
	struct esc_step val = step(ESC_STEP_ASSIGN, 3);
	val.origin = &origin_base + 3;
	esc_edge(g, v, ESC_UNKNOWN, 0, val);
	esc_edge(g, esc_func_result(g, f), v, 0, step(ESC_STEP_RETURN, 3));
	esc_solve(g);
	esc_solve_imports(g);
	struct esc_func_report *r = esc_report_func(g, f);
	const struct esc_import *ix = import_of(r, ESC_OWNER_LOCAL, "skip");
	CHECK(ix != NULL);
	if (ix) {
		CHECK_EQ_INT(ix->derefs, -1);
		CHECK_EQ_INT(ix->value_result, 0);
	}
	CHECK_EQ_INT(r->locals[0].local_escapes, 0);
	esc_func_report_free(r);
	esc_graph_free(g);
}

/* Without esc_solve_imports, the local verdicts are the verdicts. */
TEST(no_imports_solved)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int p = esc_param_new(g, f, 0, "p", pos(1), 1);
	esc_edge(g, ESC_HEAP, p, 0, arg_of("keep", 1, 2, 1));
	esc_solve(g);
	struct esc_func_report *r = esc_report_func(g, f);
	CHECK_EQ_INT(r->params[0].local_heap, 0);
	CHECK_EQ_INT(r->nimports, 0);
	esc_func_report_free(r);
	esc_graph_free(g);
}

static char *write_tmp(const char *text)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/escape-unit-sums.XXXXXX");
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f)
		return NULL;
	fputs(text, f);
	fclose(f);
	return path;
}

TEST(summaries_file)
{
	char err[512];
	char *path = write_tmp(
		"{\"escape-summaries\": 1, \"functions\": [{\"symbol\": \"keep\", "
		"\"signature\": \"(pointer_type)\", \"nparams\": 2, "
		"\"heap\": [0, null, null], \"sure\": [0, null, null], "
		"\"result\": [null, 0, null], \"stores\": [{\"from\": 1, \"to\": 0, "
		"\"derefs\": 0, \"level\": 1}], \"fresh\": false, "
		"\"result_other\": false, \"gave_up\": false}]}");
	CHECK(path != NULL);
	struct esc_summaries *ss = esc_summaries_load(path, err, sizeof err);
	CHECK(ss != NULL);
	const struct esc_summary *s = esc_summaries_find(ss, "keep", "(pointer_type)");
	CHECK(s != NULL);
	if (s) {
		CHECK_EQ_INT(esc_summary_heap(s, 0), 0);
		CHECK_EQ_INT(esc_summary_result(s, 1), 0);
		CHECK_EQ_INT(s->nstores, 1);
	}
	/* another signature: not trusted */
	CHECK(esc_summaries_find(ss, "keep", "(pointer_type,integer_type)") == NULL);
	CHECK(esc_summaries_find(ss, "other", "()") == NULL);
	esc_summaries_free(ss);
	unlink(path);
}

TEST(summaries_file_errors)
{
	char err[512];
	char *path = write_tmp("{\"escape-summaries\": 1, \"functions\": "
			       "[{\"symbol\": \"f\", \"nparams\": 1, \"heap\": [0]}]}");
	CHECK(esc_summaries_load(path, err, sizeof err) == NULL);
	CHECK(strstr(err, path) && strstr(err, "(f): \"heap\" is not an array"));
	unlink(path);
	path = write_tmp("[1, 2");
	CHECK(esc_summaries_load(path, err, sizeof err) == NULL);
	CHECK(strstr(err, "not valid JSON") != NULL);
	unlink(path);
	CHECK(esc_summaries_load("/nonexistent/s.json", err, sizeof err) == NULL);
	CHECK(strstr(err, "/nonexistent/s.json: cannot read") != NULL);
}

/* void f(void *d, void *h) { struct zio z, y; zinit(&z, d); zinit(&y, h);
	                       g = y.data; }
   zinit has no body here.  What z holds goes nowhere without imports
   (local.contents -1: where the link step leaves what zinit stores into
   it); what y holds reaches the global (0). */
TEST(local_contents)
{
	struct esc_graph *g = esc_graph_new();
	int f = esc_func_new(g, "f", pos(1));
	int z = esc_object_new(g, ESC_LOC_STACK, ESC_OBJ_LOCAL, f, "z", pos(2));
	int y = esc_object_new(g, ESC_LOC_STACK, ESC_OBJ_LOCAL, f, "y", pos(2));
	int a = esc_loc_new(g, ESC_LOC_VALUE, f, "a", pos(3));
	int b = esc_loc_new(g, ESC_LOC_VALUE, f, "b", pos(4));
	esc_edge(g, a, z, -1, step(ESC_STEP_ADDR, 3));
	esc_edge(g, ESC_HEAP, a, 0, arg_of("zinit", 1, 3, 0));
	esc_edge(g, b, y, -1, step(ESC_STEP_ADDR, 4));
	esc_edge(g, ESC_HEAP, b, 0, arg_of("zinit", 1, 4, 0));
	esc_edge(g, ESC_HEAP, y, 0, step(ESC_STEP_STORE_GLOBAL, 5));
	esc_solve(g);
	esc_solve_imports(g);
	struct esc_func_report *r = esc_report_func(g, f);
	CHECK_EQ_INT(r->nlocals, 2);
	for (int i = 0; i < r->nlocals; i++) {
		const struct esc_local_report *l = &r->locals[i];
		CHECK_EQ_INT(l->local_escapes, 0);
		CHECK_EQ_INT(l->local_content, !strcmp(l->name, "y") ? 0 : -1);
	}
	esc_func_report_free(r);
	esc_graph_free(g);
}

int main(void)
{
	RUN(imports_of_params_and_objects);
	RUN(call_value_to_result);
	RUN(no_imports_solved);
	RUN(summaries_file);
	RUN(summaries_file_errors);
	RUN(local_contents);
	return unit_done();
}
