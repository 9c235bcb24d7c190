/* Correlated branches: a sink reached only on the edge where a test of
   the pointer (p == &x, p != &x, p == NULL, p != NULL) rules the stack
   address out does not dangle.  The shapes: bison's "if (yyss != yyssa)
   YYSTACK_FREE (yyss)", Lua's l_str2d, "if (p == &q) p = 0; return p;". */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n);

/* a deallocator that keeps what it is given (a free list) */
static void *freelist[16];
static int nfree;

__attribute__((noinline)) void xfree(void *p)
{
	freelist[nfree++ & 15] = p;
}

int *cleared(int c, int *r)
{
	int q = 0;
	int *p = c ? &q : r;
	if (p == &q)
		p = 0;
	return p;
}

int *cleared_else(int c, int *r)
{
	int q = 0;
	int *p = c ? &q : r;
	if (p != &q)
		return p;
	return r;
}

/* the test does not rule it out: still a warning */
int *kept_when_equal(int c, int *r)
{
	int q = 0;
	int *p = c ? &q : r;
	if (p == &q)
		return p; // dangle "escape-return"
	return r;
}

/* bison's stack: the heap copy is freed, the stack array never */
int parse(int n)
{
	short yyssa[200];
	short *yyss = yyssa;
	int size = 200;
	for (int i = 0; i < n; i++) {
		if (i >= size) {
			short *nw = xmalloc(2 * size * sizeof *nw);
			memcpy(nw, yyss, size * sizeof *nw);
			if (yyss != yyssa)
				xfree(yyss);
			yyss = nw;
			size *= 2;
		}
		yyss[i] = (short)i;
	}
	int r = yyss[n / 2];
	if (yyss != yyssa)
		xfree(yyss);
	return r;
}

/* the address freed when it is the stack array: a warning */
void wrong_way(int n)
{
	char buf[64];
	char *p = n > 64 ? xmalloc(n) : buf;
	p[0] = 0;
	if (p == buf)
		xfree(p); // dangle "escape-kept"
}

/* Lua's l_str2d: NULL, or a pointer into s */
static const char *str2dloc(const char *s, double *r)
{
	char *end;
	*r = strtod(s, &end);
	return end == s ? NULL : end;
}

const char *str2d(const char *s, double *r)
{
	char buff[200];
	const char *endptr = str2dloc(s, r);
	if (endptr == NULL) {
		strncpy(buff, s, sizeof buff - 1);
		buff[sizeof buff - 1] = 0;
		endptr = str2dloc(buff, r);
		if (endptr != NULL)
			endptr = s + (endptr - buff);
	}
	return endptr;
}

/* the null test the other way round: returns into buff */
const char *str2d_wrong(const char *s, double *r)
{
	char buff[200];
	strncpy(buff, s, sizeof buff - 1);
	buff[sizeof buff - 1] = 0;
	const char *endptr = str2dloc(buff, r);
	if (endptr == NULL)
		return s;
	return endptr; // dangle "escape-return"
}

/* a pointer walked down to the array: inside it, though not its start,
   on the edge where p != buf: still kept */
void walk_down(int n)
{
	char buf[16];
	char *p = buf + (n & 15);
	while (p != buf) {
		--p;
		xfree(p); // dangle "escape-kept"
	}
}

/* a null test that does not rule the address out */
void kept_when_nonnull(int c)
{
	int x = 0;
	int *p = c ? &x : NULL;
	if (p != NULL)
		xfree(p); // dangle "escape-kept"
}

/* an address loaded before any address of x was taken cannot be x's */
extern int *load_global(void);

int *before_taken(int **out)
{
	int x = 0;
	int *p = load_global();
	*out = &x; // dangle "escape-caller"
	return p;
}
