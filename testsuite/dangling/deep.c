/* Stores two levels down, pointers to const, and null results: where the
   field-insensitive points-to used to see the caller's memory. */
#include <stddef.h>

struct node { struct node *lhs; int value; };
struct parser {
	const char *p;     /* the caller's text */
	struct node *pool; /* the caller's nodes */
	int used;
};

/* Stores l where the pointer held at *ps points: **ps, the caller's
   memory one level down (its summary says so, and not "kept"). */
__attribute__((noinline)) static struct node *new_node(struct parser *ps,
							struct node *l)
{
	struct node *n = &ps->pool[ps->used++];
	n->lhs = l;
	n->value = 0;
	return n;
}

/* Both levels are this frame's: nothing outlives it. */
int parse_two(const char *text)
{
	struct node pool[4];
	struct parser ps = { text, pool, 0 };
	struct node *a = new_node(&ps, NULL);
	struct node *b = new_node(&ps, a);
	return b->lhs == a;
}

/* The second level is the caller's: x is left in it. */
struct holder { struct inner *in; };
struct inner { int *slot; };

__attribute__((noinline)) static void put(struct holder *h, int *v)
{
	h->in->slot = v;
}

int put_local(void)
{
	int x = 1;
	struct inner in;
	struct holder h = { &in };
	put(&h, &x);
	return *in.slot;
}

void put_outside(struct holder *h)
{
	int x = 1;
	put(h, &x); // dangle "escape-kept"
}

/* The first level is this frame's, the second the caller's. */
void put_through_local(struct inner *out)
{
	int x = 1;
	struct holder h = { out };
	put(&h, &x); // dangle "escape-kept"
}

/* A bump allocator that may return NULL: its result is still only what
   the arena holds, and the caller's words stay in its buffer - even with
   the caller's const text in them, which nothing is stored into. */
struct arena { char *base; size_t size, used; };
struct word { const char *text; struct word *next; };

__attribute__((noinline)) static void *arena_alloc(struct arena *a, size_t n)
{
	size_t off = (a->used + 15) & ~(size_t)15;
	if (off > a->size || n > a->size - off)
		return NULL;
	a->used = off + n;
	return a->base + off;
}

int count_words(const char *text, int n)
{
	char scratch[256];
	struct arena a = { scratch, sizeof scratch, 0 };
	struct word *head = NULL, *w;
	int k = 0;
	for (int i = 0; i < n; i++) {
		w = arena_alloc(&a, sizeof *w);
		if (!w)
			break;
		w->text = text + i;
		w->next = head;
		head = w;
	}
	for (w = head; w; w = w->next)
		k++;
	return k;
}

/* A store through a pointer to non-const caller memory is still seen. */
void keep_in(char **out)
{
	char buf[8] = "x";
	*out = buf; // dangle "escape-caller"
}

/* An absolute address is not this frame's memory. */
#define REGS ((struct inner *)0x40001000)

__attribute__((noinline)) static struct inner *regs(void)
{
	return REGS;
}

void to_device(void)
{
	int x = 0;
	regs()->slot = &x; // dangle "escape-caller"
}
