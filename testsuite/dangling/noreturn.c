/* A call of a function that never returns ends a path, though the
   function is not declared noreturn: a same-file error function whose
   body ends in a longjmp, or one that returns only through such calls
   (Lua's luaL_error -> lua_error -> luaD_throw).  An error function
   that returns on some path, one called through a pointer, one of
   another file (no summary), or a path that returns without the
   error, keep the warning. */
#include <setjmp.h>

jmp_buf on_error;
int *g;
void (*hook)(const char *);
void ext_fail(const char *msg);

void fail(const char *msg)
{
	(void)msg;
	longjmp(on_error, 1);
}

/* returns only through fail */
int fail_arg(int arg)
{
	if (arg < 0)
		fail("negative");
	else
		fail("bad argument");
	return -1;
}

/* returns on one path */
int soft_fail(int c)
{
	if (c)
		fail("error");
	return -1;
}

int quiet_fail(int bad)
{
	int x = 0;
	g = &x; // fact "warning quiet_fail x clean"
	if (bad) {
		fail("bad");
		return -1;
	}
	x = bad + 1;
	g = 0;
	return x;
}

int quiet_two(int bad)
{
	int x = 0;
	g = &x; // fact "warning quiet_two x clean"
	if (bad)
		return fail_arg(bad);
	x = bad + 2;
	g = 0;
	return x;
}

int warn_soft(int bad)
{
	int x = 0;
	g = &x; // dangle "escape-global"
	if (bad)
		return soft_fail(bad);
	x = bad + 3;
	g = 0;
	return x;
}

int warn_hook(int bad)
{
	int x = 0;
	g = &x; // dangle "escape-global"
	if (bad) {
		hook("bad");
		return -1;
	}
	x = bad + 4;
	g = 0;
	return x;
}

int warn_ext(int bad)
{
	int x = 0;
	g = &x; // dangle "escape-global"
	if (bad) {
		ext_fail("bad");
		return -1;
	}
	x = bad + 5;
	g = 0;
	return x;
}

/* the error path ends, the other one leaves g */
int warn_other(int bad)
{
	int x = 0;
	g = &x; // dangle "escape-global"
	if (bad) {
		fail("bad");
		return -1;
	}
	return x + 6;
}
