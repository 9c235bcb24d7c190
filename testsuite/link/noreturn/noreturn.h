/* testsuite/link/noreturn: error functions of another file that never
   return (Lua's luaL_error -> lua_error -> luaD_throw: a longjmp), none
   of them declared so; a placeholder pushed on a stack and popped on
   every path that returns (run-link.sh). */
struct stk {
	void **top;
	void *slots[32];
};
struct buf {
	struct stk *L;
	int n;
	char data[64];
};
void stk_push(struct stk *L, void *p);
void stk_pop(struct stk *L, int n);
void buf_init(struct stk *L, struct buf *b);
void buf_add(struct buf *b, char c);
void buf_result(struct buf *b);

/* throw.c: longjmps to the handler */
void do_throw(struct stk *L);
/* err.c: through do_throw (raise_error, arg_error), or not on every
   path (soft_error), or through a function defined nowhere
   (wrap_unknown) */
int raise_error(struct stk *L, const char *msg);
int arg_error(struct stk *L, int arg);
int soft_error(struct stk *L, int arg);
int wrap_unknown(struct stk *L);
void ext_fail(struct stk *L);
