/* Functions of the same file with "...": what they do with their variadic
   arguments is summarised like a parameter (which has no name, hence no
   note of its own). */
#include <stdarg.h>

void *g_va;

void keep_varargs(int n, ...)
{
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		g_va = va_arg(ap, void *);
	va_end(ap);
}

int read_varargs(int n, ...)
{
	va_list ap;
	int sum = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		sum += *va_arg(ap, int *);
	va_end(ap);
	return sum;
}

void calls_keep_varargs(void)
{
	int x = 1;
	keep_varargs(1, &x); // want "x escapes to heap"
}

int calls_read_varargs(void)
{
	int x = 2, y = 3;
	return read_varargs(2, &x, &y);
}
