/* A function of a recursive component returns what its parameter points
   to, and another function of the component stores what it returns
   (SQLite's sqlite3StrAccumFinish returns the accumulator's buffer to
   sqlite3VMPrintf, whose caller sqlite3ErrorMsg stores the message in
   the parser, and an out-of-memory error prints again: one component).
   A caller from outside calling acc_finish gets the buffer back itself:
   the store is on a path its call never takes (a return into another
   caller of the component), so it keeps nothing.  A path that enters a
   callee and comes back (err_dup: dup returns its argument, err_dup
   stores it) still counts. */
#include <stdlib.h>
#include <string.h>

struct parse { char *err; int depth; };
struct acc { char *z; unsigned n, cap; };
struct parse *cur;

void error_msg(struct parse *p, const char *msg);

char *acc_finish(struct acc *a)
{
	if (a->n >= a->cap && cur->depth++ < 3)
		error_msg(cur, "too long");
	a->z[a->n < a->cap ? a->n : a->cap - 1] = 0;
	return a->z;
}

char *vprint(struct parse *p, const char *msg)
{
	struct acc a;
	a.z = malloc(100);
	a.n = 0;
	a.cap = 100;
	(void)p;
	strncpy(a.z, msg, 99);
	return acc_finish(&a);
}

void error_msg(struct parse *p, const char *msg)
{
	p->err = vprint(p, msg);
}

void explain(struct parse *p, void (*out)(const char *))
{
	char buf[64];
	struct acc a = { buf, 0, sizeof buf };
	(void)p;
	strcpy(buf, "explain");
	a.n = 7;
	out(acc_finish(&a));
}

/* still warned: a callee of the component returns it, and the caller
   that called it stores it */
char *dup(struct parse *p, char *s);

char *err_dup(struct parse *p, char *s)
{
	p->err = dup(p, s);
	return p->err;
}

char *dup(struct parse *p, char *s)
{
	if (p->depth++ < 3)
		err_dup(p, s);
	return s;
}

void failed(struct parse *p)
{
	char name[16] = "x";
	err_dup(p, name); // dangle "escape-kept"
}

/* The same with a store of the component's into its caller's frame
   (SQLite's sqlite3_str_vappendf adopting a "%z" argument as the buffer
   of sqlite3VMPrintf's accumulator, which sqlite3ErrorMsg stores): the
   store lands in vadopt's accumulator for every caller of adopt, and
   reaches the heap by two returns after one call.  log_name's name is
   adopted by its own accumulator only. */
void adopt(struct acc *a, char *s);

char *fin2(struct acc *a)
{
	if (a->n > a->cap)
		adopt(a, 0);
	return a->z;
}

char *vadopt(const char *msg)
{
	struct acc a = { 0, 0, 0 };
	adopt(&a, strdup(msg));
	return fin2(&a);
}

void adopt(struct acc *a, char *s)
{
	if (!a->n)
		a->z = s;
	else if (cur->depth++ < 3)
		cur->err = vadopt("overflow");
}

void log_name(const char *what, void (*out)(const char *))
{
	char name[16];
	struct acc a = { 0, 0, 0 };
	strncpy(name, what, sizeof name - 1);
	name[sizeof name - 1] = 0;
	adopt(&a, name);
	out(fin2(&a));
}

/* still warned: a callee stores what its argument points to into an
   allocation it hands to a keeper (gT's lk.c, with the keeper in this
   file: with one known only by name the warning is the link step's) */
struct wctx { int n; };
struct winfo { struct wctx *wc; };
struct wbuilder { struct wctx *wc; };
struct winfo *kept_info;

__attribute__((noinline)) void consider(void *info)
{
	kept_info = info;
}

__attribute__((noinline)) int add_virtual(struct wbuilder *b)
{
	struct winfo *p = malloc(sizeof *p);
	if (!p)
		return 1;
	p->wc = b->wc;
	consider(p);
	return 0;
}

int add_or(struct wbuilder *b0)
{
	struct wctx temp = { 1 };
	struct wbuilder sub = *b0;
	sub.wc = &temp;
	return add_virtual(&sub); // dangle "escape-kept"
}
