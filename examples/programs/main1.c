/* prog1: its hold (xm1.c) keeps the address; keep_it is libutil.a's */
#include <stddef.h>
void *xmalloc(size_t n);
void hold(int *p);
void keep_it(int *p);

int main(void)
{
	int x = 1, y = 2;
	keep_it(&x); // linked "escape-kept"
	hold(&y); // linked "escape-kept"
	return *(int *)xmalloc(sizeof(int));
}
