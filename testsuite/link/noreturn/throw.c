/* testsuite/link/noreturn: the thrower (Lua's luaD_throw) */
#include <setjmp.h>
#include "noreturn.h"

jmp_buf *handler;

void do_throw(struct stk *L)
{
	(void)L;
	longjmp(*handler, 1);
}
