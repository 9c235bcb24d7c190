/* escape-global and escape-caller: the address is left in memory that
   outlives the frame - unless it is overwritten before every return. */
#include <stddef.h>

struct node { struct node *next; int *val; };

int *g;
static struct node *head;

void global(void)
{
	int x = 0;
	g = &x; // dangle "escape-global"
}

void function_static(void)
{
	static int *keep;
	int x = 0;
	keep = &x; // dangle "escape-global"
	(void)keep;
}

void cleared(void) // fact "local cleared x escapes" "warning cleared x clean"
{
	int x = 0;
	g = &x;
	*g = 1;
	g = NULL;
}

void cleared_on_one_path(int c)
{
	int x = 0;
	g = &x; // dangle "escape-global"
	if (c)
		return;
	g = NULL;
}

void cleared_on_every_path(int c)
{
	int x = 0;
	g = &x;
	if (c) {
		g = NULL;
		return;
	}
	g = NULL;
}

static void forget(void)
{
	g = NULL;
}

void cleared_by_helper(void)
{
	int x = 0;
	g = &x;
	forget();
}

void block_scope(void)
{
	{
		int x = 0;
		g = &x; // dangle "escape-global"
	}
	g = NULL;
}

void pushed(void)
{
	struct node n = { head, NULL };
	head = &n; // dangle "escape-global"
}

void out_param(int **out)
{
	int x = 0;
	*out = &x; // dangle "escape-caller"
}

void out_param_reset(int **out)
{
	int x = 0;
	*out = &x;
	**out = 1;
	*out = NULL;
}

void field(struct node *n)
{
	int x = 0;
	n->val = &x; // dangle "escape-caller"
}

void element(int **arr, int i)
{
	int x = 0;
	arr[i] = &x; // dangle "escape-caller"
}

void silenced(void)
{
	int x = 0;
	g = &x; /* escape:ignore */ // suppressed "escape-global"
}

void local_only(void)
{
	struct node a, b;
	struct node *p = &a;
	p->next = &b;
	a.val = NULL;
}

/* A bump allocator's result is made only of what its argument holds:
   a store through it stays in the buffer the arena was given. */
struct bump_arena {
	char *base;
	unsigned long used;
};

__attribute__((noinline)) static void *bump(struct bump_arena *a,
					    unsigned long n)
{
	void *p = a->base + a->used;
	a->used += n;
	return p;
}

int link_in_arena(void)
{
	char buf[64];
	struct bump_arena a = { buf, 0 };
	char **slot = bump(&a, sizeof(char *));
	*slot = buf;
	return slot[0] == buf;
}

/* But one that may also return another pointer keeps the store out. */
extern char *spare;

__attribute__((noinline)) static void *bump_or_spare(struct bump_arena *a)
{
	return a->used ? a->base : spare;
}

int link_maybe_spare(void)
{
	char buf[64];
	struct bump_arena a = { buf, 0 };
	char **slot = bump_or_spare(&a);
	*slot = buf; // dangle "escape-caller"
	return slot[0] == buf;
}

/* A constructor's fresh object is the caller's: what it is given stays
   with it, and is gone when the caller frees it. */
#include <stdlib.h>

struct cursor {
	const char *text;
	unsigned long pos;
};

__attribute__((noinline)) static struct cursor *cursor_new(const char *text)
{
	struct cursor *c = malloc(sizeof *c);
	if (!c)
		return NULL;
	c->text = text;
	c->pos = 0;
	return c;
}

__attribute__((noinline)) static void cursor_free(struct cursor *c)
{
	free(c);
}

int first_char(const char *s)
{
	char copy[32];
	int ch;
	for (int i = 0; i < 31 && s[i]; i++)
		copy[i] = s[i], copy[i + 1] = 0;
	struct cursor *c = cursor_new(copy);
	if (!c)
		return -1;
	ch = c->text[c->pos];
	cursor_free(c);
	return ch;
}

/* One kept in the caller's list as well is not fresh: what it holds
   outlives the call. */
struct cursor_list {
	struct cursor *last;
};

__attribute__((noinline)) static struct cursor *cursor_track(struct cursor_list *l,
							  const char *text)
{
	struct cursor *c = malloc(sizeof *c);
	if (!c)
		return NULL;
	c->text = text;
	c->pos = 0;
	l->last = c;
	return c;
}

int track_copy(struct cursor_list *l, const char *s)
{
	char copy[32] = { 0 };
	for (int i = 0; i < 31 && s[i]; i++)
		copy[i] = s[i];
	return cursor_track(l, copy) != NULL; // dangle "escape-kept"
}
