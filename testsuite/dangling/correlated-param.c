/* Correlated branches in a callee: x = c ? other : param; ... if (x !=
   param) keep (x) keeps only the other value, so a caller's stack
   address given as param is not kept (bash's bind_variable_internal:
   newval = append ? make_variable_value (value) : value; ... if (newval
   != value) free (newval), with bash's free keeping blocks in its free
   list).  The summary says so: the parameter does not leak. */
#include <stdlib.h>
#include <string.h>

char *kept;

__attribute__((noinline)) void keep(char *p)
{
	kept = p;
}

__attribute__((noinline)) char *dup_of(const char *s)
{
	return strdup(s);
}

/* newval is value or a copy; only the copy is kept */
__attribute__((noinline)) void bind(char *value, int append) // fact "param bind value none"
{
	char *newval = append ? dup_of(value) : value;
	if (newval != value)
		keep(newval);
}

/* the same, the test the other way round */
__attribute__((noinline)) void bind_eq(char *value, int append) // fact "param bind_eq value none"
{
	char *newval = append ? dup_of(value) : value;
	if (newval == value)
		return;
	keep(newval);
}

/* kept on the branch where it is value */
__attribute__((noinline)) void bind_bad(char *value, int append) // fact "param bind_bad value leak"
{
	char *newval = append ? dup_of(value) : value;
	if (newval == value)
		keep(newval);
}

/* the test names another value */
__attribute__((noinline)) void bind_other(char *value, char *other, int append) // fact "param bind_other value leak"
{
	char *newval = append ? dup_of(value) : value;
	if (newval != other)
		keep(newval);
}

/* kept before the test */
__attribute__((noinline)) void bind_before(char *value, int append) // fact "param bind_before value leak"
{
	char *newval = append ? dup_of(value) : value;
	keep(newval);
	if (newval != value)
		newval = 0;
}

/* kept after a merge below the test: still only the copy */
__attribute__((noinline)) void bind_merge(char *value, int append, int n) // fact "param bind_merge value none"
{
	char *newval = append ? dup_of(value) : value;
	if (newval != value) {
		if (n)
			n = (int)strlen(newval);
		keep(newval);
	}
}

/* kept after the branches join again: both values */
__attribute__((noinline)) void bind_joined(char *value, int append, int n) // fact "param bind_joined value leak"
{
	char *newval = append ? dup_of(value) : value;
	if (newval != value)
		n = (int)strlen(newval);
	if (n)
		keep(newval);
}

void user(void)
{
	char a[8] = "a", b[8] = "b", c[8] = "c", d[8] = "d", e[8] = "e";
	char f[8] = "f", g[8] = "g", o[8] = "o";
	bind(a, 0);
	bind_eq(b, 0);
	bind_bad(c, 0); // dangle "escape-kept"
	bind_other(d, o, 0); // dangle "escape-kept"
	bind_before(e, 0); // dangle "escape-kept"
	bind_merge(f, 0, 1);
	bind_joined(g, 0, 1); // dangle "escape-kept"
}

/* a stack buffer, kept only when it was replaced by an allocation */
void grow(int n)
{
	char buf[16];
	char *p = n > 16 ? malloc(n) : buf;
	memset(p, 0, n);
	if (p != buf)
		keep(p);
}

/* kept when it is the buffer */
void grow_bad(int n)
{
	char buf[16];
	char *p = n > 16 ? malloc(n) : buf;
	memset(p, 0, n);
	if (p == buf)
		keep(p); // dangle "escape-kept"
}
