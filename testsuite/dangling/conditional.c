/* Conditional assignments (issue #16): GCC 15 and later gimplify
   `x = c ? a : b' into a store to x in each arm, where GCC 12 to 14 store
   each arm into a temporary at the conditional and that into x at the
   assignment.  Every step of such an assignment stands at the assignment
   (the declared name, the '='), a call's own steps (the allocation it
   makes, its arguments) at the call, whatever the series: run-json.sh
   checks it on the lines marked cond-assign, check-gcc-all compares the
   whole output across series. */
#include <stdlib.h>
#include <string.h>

char *g;

char *init_arm(int c, char *q)
{
	char buf[8];
	char *p = c ? buf : q; // cond-assign
	return p; // dangle "escape-return"
}

char *assign_arm(int c, char *q)
{
	char buf[8];
	char *p;
	p = c ? &buf[1] : q; // cond-assign
	return p; // dangle "escape-return"
}

char *nested_arms(int c, int d, char *q)
{
	char x[8], y[8];
	char *p;
	p = c ? x : d ? y : q; // cond-assign
	return p; // dangle "escape-return" "escape-return"
}

void cast_arms(int c, void *q)
{
	int x = 0;
	char *p = (char *)(c ? (void *)&x : q); // cond-assign
	g = p; // dangle "escape-global"
}

char *call_arms(int c, const char *s)
{
	char *r = c ? strdup(s) : malloc(4); // cond-assign
	return r;
}

char *returned_arm(int c, char *s)
{
	char buf[8];
	buf[0] = 0;
	char *r = c ? strchr(s, 'a') : buf; // cond-assign
	return r; // dangle "escape-return"
}

char *two_returns(char *big, int n)
{
	char small[8];
	if (n < 0)
		return NULL;
	small[0] = 0;
	return big ? big : small; // dangle "escape-return"
}
