/* prog2: its hold (xm2.c) only reads; keep_it is libutil.a's */
#include <stddef.h>
void *xmalloc(size_t n);
void hold(int *p);
void keep_it(int *p);

int main(void)
{
	int x = 1, z = 3;
	keep_it(&x); // linked "escape-kept"
	hold(&z);
	return *(int *)xmalloc(sizeof(int)) + z;
}
