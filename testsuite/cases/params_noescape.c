/* Pointer parameters only read or written through, or given to functions
   that do not keep them. */
#include <string.h>

struct holder {
	int *ptr;
	int n;
};

int read_through(const int *p) // want "p does not escape"
{
	return *p;
}

void write_through(int *p) // want "p does not escape"
{
	*p = 42;
}

int read_fields(const struct holder *h) // want "h does not escape"
{
	return h->n + *h->ptr;
}

void unused_param(int *p) // want "p does not escape"
{
}

int compare(const char *a, const char *b) // want "a does not escape" "b does not escape"
{
	return strcmp(a, b);
}

int sum(const int *v, int n) // want "v does not escape"
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += v[i];
	return s;
}

int passes_to_reader(int *p) // want "p does not escape"
{
	return read_through(p) + sum(p, 1);
}

int compares_pointers(const int *a, const int *b) // want "a does not escape" "b does not escape"
{
	return a == b;
}
