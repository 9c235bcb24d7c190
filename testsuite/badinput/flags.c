/* flags.c - one source for the flag matrix of run-badinput.sh (-O3, -Os,
   -g3, -fPIC, -fno-inline, -fsanitize=address, -fprofile-arcs, -fopenmp,
   -std=c89, -std=c2x, -flto): plain C89, so every -std takes it, and the
   expectations are in C89 comments.  The verdicts must be the same under
   every flag. */
#include <stdlib.h>
#include <string.h>

int *g;
void sink(void *);

static int *id(int *p) /* want "leaking param: p to result level=0" */
{
	return p;
}

int keep_global(void)
{
	int x = 1;
	g = id(&x); /* want "x escapes to heap" warn "escape-global" */
	return x;
}

int local_only(int n)
{
	int a[8];
	int *p = a;
	memset(a, 0, sizeof a);
	p[n & 7] = n;
	return a[0];
}

char *dup(const char *s) /* want "leaking param content: s" */
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n); /* want "malloc\(\.\.\.\) escapes to heap" */
	if (d)
		memcpy(d, s, n);
	return d;
}

int scratch(int n)
{
	int *tmp = malloc(sizeof *tmp * 4); /* want "malloc\(\.\.\.\) does not escape" */
	int r;
	if (!tmp)
		return -1;
	tmp[0] = n;
	r = tmp[0];
	free(tmp);
	return r;
}

void hand_over(void)
{
	char buf[32];
	buf[0] = 0;
	sink(buf); /* want "buf escapes to heap" linked "escape-unknown" */
}
