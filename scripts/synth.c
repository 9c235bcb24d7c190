/*
 * synth.c - synthetic C for escape's scaling benchmark (issue 6).
 *
 *   synth DIMENSION N > file.c
 *
 * Writes one translation unit, to standard output, in which one dimension
 * of the analysis grows with N while everything else stays small.  The
 * benchmark (scripts/bench.sh) doubles N and checks that the plugin's own
 * time about doubles too.  Dimensions:
 *
 *   stmts    one function of N statements: loads, stores, pointer copies,
 *            address-of, stores through a local pointer, branches (PHIs)
 *   funcs    N small functions in one file, each with an address-taken
 *            local passed to a same-file helper and a pointer parameter
 *   chain    a call chain f0 -> f1 -> ... -> fN-1, each passing a pointer
 *            on (the last one stores it in a global)
 *   ptrs     a pointer chain in one function: p1 = &x; p2 = &p1; ...
 *            pN = &pN-1, then pN stored in a global (every link escapes)
 *   switch   one switch statement of N cases, each taking an address or
 *            storing through a pointer
 *   locals   one function with N address-taken locals, each passed to a
 *            same-file function; every 8th is also stored in a global
 *   scc      N functions calling each other in a ring (ring0 -> ring1 ->
 *            ... -> ringN-1 -> ring0): one strongly connected component
 *            of the call graph, analysed as one graph; each has an
 *            address-taken local and passes a pointer on
 *   rets     the same ring, each function returning what the next one
 *            returns: every result walk crosses the whole component, so
 *            the solver's per-function walks would be quadratic; past its
 *            budget the component is analysed conservatively ("over the
 *            analysis budget" in the report)
 *
 * Everything is plain C99, compiles without warnings at -Wall, and is
 * deterministic: the same arguments give the same bytes.
 *
 * Build: gcc -std=c99 -O2 -o synth scripts/synth.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
	fprintf(stderr, "usage: synth stmts|funcs|chain|ptrs|switch|locals|scc|rets N\n");
	exit(2);
}

/* one function of n statements */
static void gen_stmts(long n)
{
	printf("int *g_stmts;\n"
	       "int stmts(int *in, int k)\n{\n"
	       "\tint a[64] = {0}, b = 0, c = 1, s = 0;\n"
	       "\tint *p = &b, *q = in;\n");
	for (long i = 0; i < n; i++) {
		switch (i % 8) {
		case 0: printf("\ta[%ld] = in[%ld] + s;\n", i % 64, i % 16); break;
		case 1: printf("\tp = &a[%ld];\n", (i * 7) % 64); break;
		case 2: printf("\t*p += %ld;\n", i % 1000); break;
		case 3: printf("\tq = (k & %ld) ? p : q;\n", (i % 30) + 1); break;
		case 4: printf("\ts += *q + a[%ld];\n", (i * 13) % 64); break;
		case 5: printf("\tif (s > %ld) c += b; else b ^= s;\n", i); break;
		case 6: printf("\tp = (s & 1) ? &b : &c;\n"); break;
		case 7: printf("\tk = k * 3 + *p;\n"); break;
		}
	}
	printf("\tif (k == 42) g_stmts = q;\n"
	       "\treturn s + b + c + k;\n}\n");
}

/* n small functions */
static void gen_funcs(long n)
{
	printf("int *g_funcs;\n"
	       "static int helper(int *p, int v) { *p += v; return *p; }\n");
	for (long i = 0; i < n; i++) {
		printf("int func%ld(int *in, int k)\n{\n"
		       "\tint x = k + %ld;\n"
		       "\tint r = helper(&x, in[%ld]);\n",
		       i, i, i % 8);
		if (i % 4 == 0)
			printf("\tif (r > %ld) g_funcs = in;\n", i);
		printf("\treturn r + x;\n}\n");
	}
}

/* a call chain of n functions, each passing a pointer on */
static void gen_chain(long n)
{
	printf("int *g_chain;\n");
	/* declared bottom-up, so each callee is defined before its caller */
	printf("static int chain%ld(int *p, int d)\n{\n"
	       "\tif (d > 0) g_chain = p;\n\treturn *p;\n}\n", n - 1);
	for (long i = n - 2; i >= 0; i--)
		printf("static int chain%ld(int *p, int d)\n{\n"
		       "\tint local = *p + d;\n"
		       "\treturn chain%ld(d & 1 ? p : &local, d - 1) + local;\n}\n",
		       i, i + 1);
	printf("int chain(int v)\n{\n\tint x = v;\n"
	       "\treturn chain0(&x, v);\n}\n");
}

/* p1 = &x; p2 = &p1; ... pn = &p(n-1) */
static void gen_ptrs(long n)
{
	printf("void *g_ptrs;\n"
	       "int ptrs(int v)\n{\n\tint x = v;\n"
	       "\tvoid *p0 = &x;\n");
	for (long i = 1; i <= n; i++)
		printf("\tvoid *p%ld = &p%ld;\n", i, i - 1);
	printf("\tif (v == 42) g_ptrs = p%ld;\n"
	       "\treturn *(int *)p0 + (p%ld != 0);\n}\n", n, n);
}

/* one switch of n cases */
static void gen_switch(long n)
{
	printf("int *g_switch;\n"
	       "int sw(int *in, int k)\n{\n"
	       "\tint a[16] = {0}, s = 0;\n\tint *p = in;\n"
	       "\tswitch (k) {\n");
	for (long i = 0; i < n; i++) {
		switch (i % 4) {
		case 0: printf("\tcase %ld: p = &a[%ld]; break;\n", i, i % 16); break;
		case 1: printf("\tcase %ld: *p = %ld; s += a[%ld]; break;\n", i, i, i % 16); break;
		case 2: printf("\tcase %ld: p = in + %ld; break;\n", i, i % 8); break;
		case 3: printf("\tcase %ld: s += *p + %ld; break;\n", i, i); break;
		}
	}
	printf("\tdefault: break;\n\t}\n"
	       "\tif (s == 42) g_switch = p;\n"
	       "\treturn s + *p;\n}\n");
}

/* n address-taken locals, each passed to a same-file function */
static void gen_locals(long n)
{
	printf("int *g_locals;\n"
	       "static int use(int *p) { return *p + 1; }\n"
	       "static int keep(int *p) { g_locals = p; return *p; }\n"
	       "int locals(int v)\n{\n\tint s = 0;\n");
	for (long i = 0; i < n; i++) {
		printf("\tint x%ld = v + %ld;\n", i, i);
		if (i % 8 == 7)
			printf("\ts += keep(&x%ld);\n", i);
		else
			printf("\ts += use(&x%ld);\n", i);
	}
	printf("\treturn s;\n}\n");
}

/* a ring of n mutually recursive functions: one component */
static void gen_scc(long n)
{
	printf("int *g_scc;\n");
	for (long i = 0; i < n; i++)
		printf("int ring%ld(int *p, int d);\n", i);
	for (long i = 0; i < n; i++)
		printf("int ring%ld(int *p, int d)\n{\n"
		       "\tint local = *p + d;\n"
		       "\tif (d <= 0) { if (d == -%ld) g_scc = p; return local; }\n"
		       "\treturn ring%ld(d & 1 ? p : &local, d - 1) + local;\n}\n",
		       i, i, (i + 1) % n);
}

/* a ring of n functions returning the next one's result */
static void gen_rets(long n)
{
	printf("int *g_rets;\n");
	for (long i = 0; i < n; i++)
		printf("int *rets%ld(int *p, int d);\n", i);
	for (long i = 0; i < n; i++)
		printf("int *rets%ld(int *p, int d)\n{\n"
		       "\tint local = d;\n"
		       "\tif (d <= 0) return p;\n"
		       "\tif (d == %ld) g_rets = p;\n"
		       "\treturn rets%ld(d & 1 ? p : &local, d - 1);\n}\n",
		       i, i, (i + 1) % n);
}

int main(int argc, char **argv)
{
	if (argc != 3)
		usage();
	char *end;
	long n = strtol(argv[2], &end, 10);
	if (*end || n < 1 || n > 100000000L)
		usage();
	printf("/* generated by: synth %s %ld */\n", argv[1], n);
	if (!strcmp(argv[1], "stmts"))
		gen_stmts(n);
	else if (!strcmp(argv[1], "funcs"))
		gen_funcs(n);
	else if (!strcmp(argv[1], "chain"))
		gen_chain(n);
	else if (!strcmp(argv[1], "ptrs"))
		gen_ptrs(n);
	else if (!strcmp(argv[1], "switch"))
		gen_switch(n);
	else if (!strcmp(argv[1], "locals"))
		gen_locals(n);
	else if (!strcmp(argv[1], "scc"))
		gen_scc(n);
	else if (!strcmp(argv[1], "rets"))
		gen_rets(n);
	else
		usage();
	return ferror(stdout) ? 1 : 0;
}
