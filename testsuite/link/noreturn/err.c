/* testsuite/link/noreturn: error functions (Lua's lua_error, luaL_error,
   luaL_argerror) and the stack (luaL_buffinit, luaL_pushresult) */
#include "noreturn.h"

void stk_push(struct stk *L, void *p)
{
	*L->top = p;
	L->top++;
}

void stk_pop(struct stk *L, int n)
{
	L->top -= n;
}

void buf_init(struct stk *L, struct buf *b)
{
	b->L = L;
	b->n = 0;
	stk_push(L, b);
}

void buf_add(struct buf *b, char c)
{
	if (b->n < 64)
		b->data[b->n++] = c;
}

void buf_result(struct buf *b)
{
	stk_pop(b->L, 1);
}

/* returns only if do_throw does (another file) */
int raise_error(struct stk *L, const char *msg)
{
	stk_push(L, (void *)msg);
	do_throw(L);
	return 0;
}

/* returns only if raise_error does (this file), on each of its paths */
int arg_error(struct stk *L, int arg)
{
	if (arg < 0)
		return raise_error(L, "negative");
	if (arg == 0)
		return raise_error(L, "zero");
	return raise_error(L, "bad argument");
}

/* returns on one path */
int soft_error(struct stk *L, int arg)
{
	if (arg)
		return raise_error(L, "error");
	return -1;
}

/* returns only if ext_fail does, which is defined nowhere */
int wrap_unknown(struct stk *L)
{
	ext_fail(L);
	return 0;
}
