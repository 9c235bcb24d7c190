/* setjmp/longjmp: a local jmp_buf does not escape; a local stored in a
   global before longjmp does. */
#include <setjmp.h>

static jmp_buf jb;
int *g;

int jump(void)
{
	int local = 0;
	if (setjmp(jb))
		return local;
	g = &local; // want "local escapes to heap" warn "escape-global"
	longjmp(jb, 1);
}

int local_env(int n)
{
	jmp_buf env;
	volatile int tries = 0;
	if (setjmp(env) && tries > n)
		return tries;
	tries++;
	longjmp(env, 1);
}
