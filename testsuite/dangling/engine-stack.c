/* A parser engine on the stack whose top points INTO its own stack array
   (SQLite's sqlite3ParserInit: yytos = yystack, yystackEnd =
   &yystack[N - 1]), set up by a function of its own, and a reduction
   that reads the stack entries through a pointer it loads from the top
   (yy_reduce: yymsp = yypParser->yytos; ... yymsp[-1].minor): what it
   reads are entries of the stack (tokens, values the parse made), never
   the engine's own pointer fields, so storing them into the Parse or
   handing them to a keeper leaves nothing of the engine outside.  The
   summary store of eng_init says its value points inside the field
   `stack' (not at the start of the engine), and the sinks walk keeps
   "points inside stack" through pointer arithmetic on the entries: a
   load through such a pointer reads only that field.  It still warns
   when an entry is given the engine's address (on one path only, too),
   when the pointer into the stack itself is kept, or when char
   arithmetic walks back to the engine's start (container_of). */
#include <stddef.h>

struct parse { int rc; void *last; struct parse *outer; };
struct ent { int state; void *minor; };
struct eng { struct ent *top; int errcnt; struct parse *p; struct ent *end;
	     struct ent stack[8]; };
void *gptr;
struct ent *gent;
__attribute__((noinline)) void keep_ptr(void *v) { gptr = v; }
__attribute__((noinline)) void keep_ent(struct ent *t) { gent = t; }

__attribute__((noinline)) void eng_init(struct eng *e, struct parse *p)
{
	e->p = p;
	e->errcnt = -1;
	e->top = e->stack;
	e->end = &e->stack[7];
	e->stack[0].state = 0;
}

/* clean: the reduction reads entries through a pointer into the stack */
int run_st(struct parse *p, int tok, void *minor);
__attribute__((noinline)) static void reduce_st(struct eng *e, int tok)
{
	struct ent *m = e->top;
	struct parse *p = e->p;
	p->last = m[-1].minor;
	if (tok == 3)
		keep_ptr(m[0].minor);
	if (tok == 5)
		run_st(p, tok - 1, 0);	/* a nested parse, as sqlite3NestedParse */
}

__attribute__((noinline)) static void step_st(struct eng *e, int tok,
					      void *minor)
{
	if (e->top < e->end)
		e->top++;
	e->top->minor = minor;
	reduce_st(e, tok);
}

int run_st(struct parse *p, int tok, void *minor) // fact "warning run_st e clean"
{
	struct eng e;
	eng_init(&e, p);
	step_st(&e, tok, minor);
	return p->rc;
}

/* an entry given the engine's own address, read back into the Parse */
int run_self(struct parse *p, int tok);
__attribute__((noinline)) static void reduce_self(struct eng *e, int tok)
{
	struct ent *m = e->top;
	struct parse *p = e->p;
	m[1].minor = e;
	p->last = m[1].minor;
	if (tok == 5)
		run_self(p, tok - 1);
}

int run_self(struct parse *p, int tok)
{
	struct eng e;
	eng_init(&e, p);
	reduce_self(&e, tok);	// dangle "escape-caller"
	return p->rc;
}

/* ... on one path only, and handed to a keeper.  (The store through
   the pointer into the stack may also be any activation's, as the
   analysis merges the activations of a component: that warning is
   allowed, not required; it is there without the inside too.) */
int run_path(struct parse *p, int tok);
__attribute__((noinline)) static void reduce_path(struct eng *e, int tok)
{
	struct ent *m = e->top;
	if (tok == 7)
		m->minor = e;
	keep_ptr(m[0].minor);
	if (tok == 5)
		run_path(e->p, tok - 1);
}

int run_path(struct parse *p, int tok)
{
	struct eng e;
	eng_init(&e, p);
	reduce_path(&e, tok);	// dangle "escape-kept" may-warn "escape-caller"
	return p->rc;
}

/* the pointer into the stack itself kept: it points into the engine */
int run_ent(struct parse *p, int tok);
__attribute__((noinline)) static void reduce_ent(struct eng *e, int tok)
{
	struct ent *m = e->top;
	keep_ent(m - 1);
	if (tok == 5)
		run_ent(e->p, tok - 1);
}

int run_ent(struct parse *p, int tok)
{
	struct eng e;
	eng_init(&e, p);
	reduce_ent(&e, tok);	// dangle "escape-kept"
	return p->rc;
}

/* char arithmetic back to the engine's start (container_of): what it
   reads there is the engine's top, which points into the engine */
int run_back(struct parse *p, int tok);
__attribute__((noinline)) static void reduce_back(struct eng *e, int tok)
{
	struct ent *m = e->top;
	struct eng *b = (struct eng *)((char *)m - offsetof(struct eng, stack));
	keep_ptr(b->top);
	if (tok == 5)
		run_back(e->p, tok - 1);
}

int run_back(struct parse *p, int tok)
{
	struct eng e;
	eng_init(&e, p);
	reduce_back(&e, tok);	// dangle "escape-kept"
	return p->rc;
}
