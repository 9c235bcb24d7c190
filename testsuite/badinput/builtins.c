/* __builtin_* functions: GCC's own knowledge, or the rule of the name
   without the prefix. */
void sink(void *);
int *g;

int builtins(int n, char *dst) // want "dst does not escape"
{
	char buf[16] = "abc";
	char *m = __builtin_alloca(n); // want "alloca\(\.\.\.\) escapes to heap"
	__builtin_memcpy(dst, buf, sizeof buf);
	if (__builtin_expect(n > 3, 0))
		sink(m); // linked "escape-unknown"
	return (int)__builtin_object_size(buf, 0) + (int)__builtin_strlen(buf);
}

char *find(char *s) // want "leaking param: s to result level=0"
{
	return __builtin_strchr(s, 'x');
}

void copy_ptrs(int **dst) // want "dst does not escape"
{
	int x = 0;
	int *src[1] = { &x }; // want "x escapes to heap"
	__builtin_memcpy(dst, src, sizeof src); // warn "escape-caller"
}

int prefetch(int *p) // want "p does not escape"
{
	__builtin_prefetch(p);
	return __builtin_popcount((unsigned)*p) + __builtin_constant_p(p);
}
