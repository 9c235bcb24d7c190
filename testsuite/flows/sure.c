/* m=2: a parameter's leak that is seen (a store to a global) as well as
   assumed (a typed argument of a function nothing is known of) is
   explained by the trail that is seen: what a caller's dangling warning
   rests on, and what the link step shows of the callee. */
struct ctx;
void consume(struct ctx *c);
struct ctx *keep_g;

void both(struct ctx *c, int f) // flow "leaking param: c" "13: assign d" "14: store to global keep_g"
{
	consume(c);
	if (f) {
		struct ctx *d = c;
		keep_g = d;
	}
}

/* only assumed: explained by the assumed step */
void assumed(struct ctx *c) // flow "leaking param: c" "argument 1 of consume \(no body, no rule\)"
{
	consume(c);
}
