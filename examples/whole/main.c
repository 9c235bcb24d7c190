/* Each function is one case of the link step: the expected whole-program
   warnings are the `// linked' markers (the line of the address-of);
   the compiler, which sees one file, prints none of them. */
#include <stdlib.h>

#include "node.h"

struct sum {
	int total;
};

static void add(struct node *n, void *ctx)
{
	((struct sum *)ctx)->total += n->v;
}

/* a context pointer to a same-project walker: no warning */
int total(struct node *list)
{
	struct sum s = { 0 };
	walk(list, add, &s);
	return s.total;
}

/* a stack node appended to a global list in another file */
void defer(int v)
{
	struct node n = { 0, v };
	list_push(&g_pending, &n); // linked "escape-kept"
}

/* a pointer into a local buffer returned through a helper in another file */
char *first_word(void)
{
	char buf[64];
	read_line(buf, sizeof buf);
	return skip_ws(buf); // linked "escape-return"
}

/* recursion across two files that finally stores into a global */
void probe(void)
{
	struct node n = { 0, 0 };
	visit_b(&n, 3); // linked "escape-kept"
}

/* recursion across two files that keeps nothing: no warning */
int count(void)
{
	struct node n = { 0, 0 };
	return count_a(&n);
}

/* the external keeper, not quiet.c's static namesake */
void keep_one(void)
{
	struct node n = { 0, 0 };
	remember(&n); // linked "escape-kept"
}

/* a two-file chain: one wrapper reaches a keeper, the other a writer */
void chain(void)
{
	struct node a = { 0, 0 }, b = { 0, 0 };
	wrap_keep(&a); // linked "escape-kept"
	wrap_write(&b);
}

/* the same chain through static wrappers of this file: their summaries
   rest on wrap.c's functions, and are solved again at link time */
static void keep_via(struct node *n)
{
	wrap_keep(n);
}

static void write_via(struct node *n)
{
	wrap_write(n);
}

void chain_static(void)
{
	struct node a = { 0, 0 }, b = { 0, 0 };
	keep_via(&a); // linked "escape-kept"
	write_via(&b);
}

/* a static wrapper (not inlined, at -O2 either) that stores its argument
   where the caller says (the caller's own variable), and hands it to a
   writer: nothing kept (testsuite/dangling/covered_store.c stores into a
   global) */
static __attribute__((noinline)) void stash(struct node *n, struct node **out)
{
	*out = n;
	wrap_write(n);
}

int stash_one(void)
{
	struct node c = { 0, 5 }, *p;
	stash(&c, &p);
	return p->v;
}

/* a static keeper that puts what its argument points to in a box it
   hands to another file's keeper: the node is kept, not the pointer to
   it (the link step solves box_up again, no stronger than its unit) */
static __attribute__((noinline)) void box_up(struct node **pp)
{
	struct box *b = malloc(sizeof *b);
	if (!b)
		return;
	b->n = *pp;
	keep_box(b);
}

void boxed(void)
{
	struct node n = { 0, 0 }, *p = &n;
	box_up(&p); // linked "escape-kept"
}

int main(void)
{
	touch();
	return first_word()[0];
}
