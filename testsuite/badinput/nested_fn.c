/* GNU C nested functions.  A nested function reaches its parent's locals
   through a frame object GCC makes (FRAME.N, passed as the static chain
   CHAIN.N); taking the nested function's address builds a trampoline on
   the stack with __builtin_init_trampoline.  The user's variables are what
   escapes, under their own names, and GCC's trampoline builtins are not
   unknown functions.  Each variable of the frame is an object of its own;
   a call to a nested function passes the frame as its static chain, which
   the callee's summary treats as one more parameter, and a flow through
   it says "static chain of stash", not a number past its parameters. */
void each(int *a, int n, void (*fn)(int *));
int *saved;

int sum_all(int *a, int n) // want "leaking param: a" want "total escapes to heap" may "add escapes to heap"
{
	int total = 0; // may "total escapes to heap"
	void add(int *p) { total += *p; } // want "p does not escape"
	each(a, n, add); // may "total escapes to heap" may "add escapes to heap" may-warn "escape-"
	return total;
}

int keep_local(void)
{
	int x = 1; // may "x escapes to heap" may-warn "escape-global"
	void stash(void) { saved = &x; } // may "x escapes to heap" may-warn "escape-global"
	stash(); // want "x escapes to heap" warn "escape-kept"
	return x;
}
// never "FRAME\.|CHAIN\."
// never "argument [0-9]+ of stash"
// never "init_trampoline|adjust_trampoline"
