/* testsuite/link/noreturn: each function a case; a linked marker names
   the warnings the link step must give, and no other.  The placeholder
   &b is popped on every path that returns: the error paths go through
   functions of other files that never return (Lua's str_format:
   return luaL_error(...)). */
#include "noreturn.h"

int fmt_clean(struct stk *L, const char *s)
{
	struct buf b;
	buf_init(L, &b);
	while (*s) {
		if (*s == '%')
			return raise_error(L, "bad format");
		buf_add(&b, *s++);
	}
	buf_result(&b);
	return 1;
}

/* two error functions, one through the other */
int fmt_two(struct stk *L, const char *s, int arg)
{
	struct buf b;
	buf_init(L, &b);
	if (!s)
		return arg_error(L, arg);
	while (*s) {
		if (*s == '%')
			return raise_error(L, "bad format");
		buf_add(&b, *s++);
	}
	buf_result(&b);
	return 1;
}

/* the error called without return, then the pop */
void fmt_call(struct stk *L, const char *s)
{
	struct buf b;
	buf_init(L, &b);
	if (!s)
		raise_error(L, "no string");
	else
		buf_add(&b, *s);
	buf_result(&b);
}

/* an error function that returns on one path */
int fmt_soft(struct stk *L, const char *s, int arg)
{
	struct buf b;
	buf_init(L, &b); // linked "escape-kept"
	if (!s)
		return soft_error(L, arg);
	buf_add(&b, *s);
	buf_result(&b);
	return 1;
}

/* the error path never returns, the other one does not pop */
int fmt_nopop(struct stk *L, const char *s)
{
	struct buf b;
	buf_init(L, &b); // linked "escape-kept"
	if (!s)
		return raise_error(L, "no string");
	buf_add(&b, *s);
	return 1;
}

/* an error function that returns only if a function defined nowhere
   does */
int fmt_unknown(struct stk *L, const char *s)
{
	struct buf b;
	buf_init(L, &b); // linked "escape-kept"
	if (!s)
		return wrap_unknown(L);
	buf_add(&b, *s);
	buf_result(&b);
	return 1;
}
