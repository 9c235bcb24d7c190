/* A store a callee makes where its caller says, covered by a keeping
   that rests on a function of another file (no body, no rule: assumed):
   the callee's summary still makes the store, since the link step may
   find that the other function keeps nothing (examples/whole's stash_one
   is the clean case across files). */
struct node {
	struct node *next;
	int v;
};
struct node *g_last;
void write_only(struct node *n);

static __attribute__((noinline)) void stash(struct node *n, struct node **out)
{
	*out = n;
	write_only(n);
}

int stash_local(void)
{
	struct node c = { 0, 5 }, *p;
	stash(&c, &p);
	return p->v;
}

void stash_global(void)
{
	struct node d = { 0, 6 };
	stash(&d, &g_last); // dangle "escape-global"
}
