/* A parser engine on the stack that points into itself (SQLite's
   sqlite3RunParser: sEngine.yytos = sEngine.yystack), handed down a
   recursive component (the engine's step reduces, a reduction parses a
   sub-statement with an engine of its own) that moves its stack top
   through its pointer to the engine (e->top++) and hands on the Parse it
   loads from another field of it (pParse = e->p).  Two mechanisms:
   a store through a pointer that points only to the start of the
   objects it points to writes the field it names (p->f = v: pointsto.c,
   esc_store_field), and a store that puts back into a field what was
   loaded from that field through the same pointer (p->top = p->top + 1)
   moves nothing between objects.  Then the Parse loaded from e->p is
   not the engine: kept is only the Parse.  The same with the engine
   set up by a function of its own (sqlite3ParserInit): its summary
   says which fields of the engine get what (esc_summary_store's
   ranges). */

struct parse { int rc; struct parse *outer; };
struct ent { int state; void *minor; };
struct eng { struct ent *top; int errcnt; struct parse *p; struct ent stack[8];
	     struct ent *end; };
struct parse *gp;
struct ent *gent;
__attribute__((noinline)) void keep(struct parse *p) { gp = p; }
__attribute__((noinline)) void keep_ent(struct ent *t) { gent = t; }

/* clean: the engine's self-pointer moves only inside the engine */
int run(struct parse *p, int tok, void *minor);
__attribute__((noinline)) static void reduce(struct parse *p, int tok)
{
	if (tok == 3)
		keep(p);	// dangle "escape-kept"
	if (tok == 5) {
		struct parse sub = { 0, 0 };
		sub.outer = p;
		run(&sub, tok - 1, 0);
	}
}

__attribute__((noinline)) void step(struct eng *e, int tok, void *minor)
{
	struct parse *p = e->p;
	e->top++;
	e->top->state = tok;
	e->top->minor = minor;
	if (tok > 7)
		e->top = e->top - 2;
	reduce(p, tok);
}

int run(struct parse *p, int tok, void *minor) // fact "warning run e clean"
{
	struct eng e;
	e.p = p;
	e.errcnt = -1;
	e.top = e.stack;
	e.stack[0].state = 0;
	step(&e, tok, minor);
	return p->rc;
}

/* the step keeps the stack top: the engine is kept */
int run_top(struct parse *p, int tok);
__attribute__((noinline)) static void step_top(struct eng *e, int tok)
{
	struct parse *p = e->p;
	e->top++;
	if (tok == 3)
		keep_ent(e->top);
	if (tok == 5)
		run_top(p, tok - 1);
}

int run_top(struct parse *p, int tok)
{
	struct eng e;
	e.p = p;
	e.top = e.stack;
	step_top(&e, tok);	// dangle "escape-kept"
	return p->rc;
}

/* the stack top stored into the Parse's field (another field than the
   one it was loaded from), which is kept: the engine is kept.  (The
   store through the parameter also goes into its caller's memory, as
   the analysis merges the activations of a component: that warning is
   allowed, not required.) */
int run_moved(struct parse *p, int tok);
__attribute__((noinline)) static void step_moved(struct eng *e, int tok)
{
	e->p = (struct parse *)(e->top + 1);
	struct parse *p = e->p;
	if (tok == 3)
		keep(p);
	if (tok == 5)
		run_moved(p, tok - 1);
}

int run_moved(struct parse *p, int tok)
{
	struct eng e;
	e.p = p;
	e.top = e.stack;
	step_moved(&e, tok);	// dangle "escape-kept" may-warn "escape-caller"
	return p->rc;
}

/* the stack top stored into another engine, the caller's: left there */
int run_other(struct eng *out, int tok);
__attribute__((noinline)) static void step_other(struct eng *e,
						 struct eng *out, int tok)
{
	out->top = e->top + 1;
	if (tok == 5)
		run_other(out, tok - 1);
}

int run_other(struct eng *out, int tok)
{
	struct eng e;
	e.top = e.stack;
	step_other(&e, out, tok);	// dangle "escape-caller"
	return e.errcnt;
}

/* the same round trip through another pointer than the one it loads
   through: the first engine's stack top is left in the second */
int run_two(struct eng *out, int tok);
__attribute__((noinline)) static void step_two(struct eng *e, struct eng *f,
					       int tok)
{
	f->top = e->top + 1;
	if (tok == 5)
		run_two(f, tok - 1);
}

int run_two(struct eng *out, int tok)
{
	struct eng e;
	e.top = e.stack;
	step_two(&e, out, tok);	// dangle "escape-caller"
	return e.errcnt;
}

/* the engine set up by a function: its summary's stores name the fields
   (top, end: the engine itself; p: the Parse) */
__attribute__((noinline)) void eng_init(struct eng *e, struct parse *p)
{
	e->p = p;
	e->errcnt = -1;
	e->top = e->stack;
	e->end = &e->stack[7];
	e->stack[0].state = 0;
}

int run_init(struct parse *p, int tok, void *minor);
__attribute__((noinline)) static void reduce_init(struct parse *p, int tok)
{
	if (tok == 3)
		keep(p);	// dangle "escape-kept"
	if (tok == 5) {
		struct parse sub = { 0, 0 };
		sub.outer = p;
		run_init(&sub, tok - 1, 0);
	}
}

__attribute__((noinline)) static void step_init(struct eng *e, int tok,
						void *minor)
{
	struct parse *p = e->p;
	if (e->top < e->end)
		e->top++;
	e->top->minor = minor;
	reduce_init(p, tok);
}

int run_init(struct parse *p, int tok, void *minor) // fact "warning run_init e clean"
{
	struct eng e;
	eng_init(&e, p);
	step_init(&e, tok, minor);
	return p->rc;
}

/* ... but the setup puts the engine's own address into its Parse
   field, which the step keeps: kept */
__attribute__((noinline)) void eng_init_bad(struct eng *e, struct parse *p)
{
	e->top = e->stack;
	e->p = p ? (struct parse *)e->stack : p;
}

int run_init_bad(struct parse *p, int tok);
__attribute__((noinline)) static void step_init_bad(struct eng *e, int tok)
{
	struct parse *p = e->p;
	if (tok == 3)
		keep(p);
	if (tok == 5)
		run_init_bad(p, tok - 1);
}

int run_init_bad(struct parse *p, int tok)
{
	struct eng e;
	eng_init_bad(&e, p);
	step_init_bad(&e, tok);	// dangle "escape-kept"
	return p->rc;
}

/* the engine reset inside the component, through its pointer: each
   activation stores the address of its own engine into it */
int run_self(struct parse *p, int tok);
__attribute__((noinline)) static void step_self(struct eng *e, int tok)
{
	struct parse *p = e->p;
	if (tok == 0)
		e->top = e->stack;
	else
		e->top++;
	if (tok == 3)
		keep(p);	// dangle "escape-kept"
	if (tok == 5) {
		struct parse sub = { 0, 0 };
		sub.outer = p;
		run_self(&sub, tok - 1);
	}
}

int run_self(struct parse *p, int tok) // fact "warning run_self e clean"
{
	struct eng e;
	e.p = p;
	e.top = e.stack;
	step_self(&e, tok);
	return p->rc;
}

/* ... and into another engine, the caller's: left there */
int run_self_other(struct eng *out, int tok);
__attribute__((noinline)) static void step_self_other(struct eng *e,
						      struct eng *f, int tok)
{
	f->top = e->stack;
	if (tok == 5)
		run_self_other(f, tok - 1);
}

int run_self_other(struct eng *out, int tok)
{
	struct eng e;
	e.top = e.stack;
	step_self_other(&e, out, tok);	// dangle "escape-caller"
	return e.errcnt;
}
