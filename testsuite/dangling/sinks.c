/* Every sink is checked, whatever flow the notes show (issue #14 part 1). */
#include <stddef.h>

void use(void *p);
int *g, *h;

void *two_sinks(size_t n)
{
	void *p = __builtin_alloca(n);
	use(p); // linked "escape-unknown"
	return p; // dangle "escape-return"
}

void second_store_stays(void)
{
	int x = 0;
	int *p = &x;
	h = p; // dangle "escape-global"
	g = p;
	g = 0;
}

static void setg(int *p)
{
	g = p;
}

void set_then_cleared(void)
{
	int x = 0;
	setg(&x);
	g = 0;
}

void set_not_cleared(void)
{
	int x = 0;
	setg(&x); // dangle "escape-kept"
}

/* A recursive pair: the sink lies in setr, which calls user again; it is
   judged at the call, in user's own CFG (the old check walked setr's
   CFG with user's block numbers). */
static int *gr;
int work(int);
void user(int depth, int a, int b);
void user_keeps(int depth);

static void setr(int *p, int depth)
{
	gr = p;
	if (depth)
		user(depth - 1, 0, 0);
	else
		user_keeps(depth);
}

void user(int depth, int a, int b)
{
	int x = 0;
	if (a > 1)
		work(1);
	if (b > 2)
		work(2);
	if (a > b)
		work(3);
	setr(&x, depth);
	gr = 0;
}

void user_keeps(int depth)
{
	int y = 0;
	if (depth > 1)
		work(1);
	setr(&y, depth); // dangle "escape-global"
}
