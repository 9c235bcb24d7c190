/* A function that links its caller's context into a local one and
   recurses with the local's address, whose result is a string loaded
   through the context, never the context itself (SQLite's
   columnTypeImpl: sNC.pNext = pNC; bash man2html's scan_request).  The
   graph mixes the struct's fields (sNC.next, the caller's context, and
   sNC.types, what the result is loaded from); the sinks walk tells them
   apart (esc_edge_field), so the inner activation's return is not taken
   for the outer's address, nor the local for kept by the recursion. */
struct nc { struct nc *next; const char **types; };

__attribute__((noinline)) static const char *coltype(struct nc *pNC, int d)
{
	struct nc sNC;
	if (d == 0)
		return pNC->types[0];	// fact "warning coltype sNC clean"
	sNC.next = pNC;
	sNC.types = pNC->types;
	return coltype(&sNC, d - 1);
}

const char *gen(const char **t, int d)
{
	struct nc sNC = { 0, t };
	return coltype(&sNC, d);	// fact "warning gen sNC clean"
}

/* The true shape next to it: the recursion returns the context itself.
   The warning stands where the activation that owns sNC returns it, the
   return of the recursive call: the innermost `return pNC' gives its
   caller the caller's own object back (the sinks walk matches a
   return to its call, findings.c). */
__attribute__((noinline)) static struct nc *deepest(struct nc *pNC, int d)
{
	struct nc sNC;
	if (d == 0)
		return pNC;
	sNC.next = pNC;
	sNC.types = pNC->types;
	return deepest(&sNC, d - 1);	// dangle "escape-return"
}

struct nc *top(const char **t, int d)
{
	struct nc sNC = { 0, t };
	return deepest(&sNC, d);	// dangle "escape-kept"
}

/* True variants: the result loaded from the field that holds the
   context (next), from it by pointer arithmetic, or from a union member
   that overlaps it, is the outer activation's local. */
#include <stddef.h>

__attribute__((noinline)) static void *outer(struct nc *pNC, int d)
{
	struct nc sNC;
	if (d == 0)
		return pNC->next;
	sNC.next = pNC;
	sNC.types = pNC->types;
	return outer(&sNC, d - 1);	// dangle "escape-return"
}

void *use_outer(const char **t, int d)
{
	struct nc sNC = { 0, t };
	return outer(&sNC, d);	// dangle "escape-kept"
}

__attribute__((noinline)) static void *byoffset(struct nc *pNC, int d)
{
	struct nc sNC;
	if (d == 0)
		return *(void **)((char *)pNC + offsetof(struct nc, next));
	sNC.next = pNC;
	sNC.types = pNC->types;
	return byoffset(&sNC, d - 1);	// dangle "escape-return"
}

void *use_byoffset(const char **t, int d)
{
	struct nc sNC = { 0, t };
	return byoffset(&sNC, d);	// dangle "escape-kept"
}

struct unc { union { struct unc *next; const char **alias; } u; const char **types; };

__attribute__((noinline)) static const char **aliased(struct unc *pNC, int d)
{
	struct unc sNC;
	if (d == 0)
		return pNC->u.alias;
	sNC.u.next = pNC;
	sNC.types = pNC->types;
	return aliased(&sNC, d - 1);	// dangle "escape-return"
}

const char **use_aliased(const char **t, int d)
{
	struct unc sNC = { { 0 }, t };
	return aliased(&sNC, d);	// dangle "escape-kept"
}

/* The clean shape again, with the context linked in by a second field
   copy through a pointer to the local (p = &sNC; p->next = pNC): p
   points to the start of sNC only, so the store is of sNC's field next
   (pointsto.c, esc_store_field). */
__attribute__((noinline)) static const char *viaptr(struct nc *pNC, int d)
{
	struct nc sNC, *p = &sNC;
	if (d == 0)
		return pNC->types[0];	// fact "warning viaptr sNC clean"
	p->next = pNC;
	p->types = pNC->types;
	return viaptr(p, d - 1);
}

const char *use_viaptr(const char **t, int d)
{
	struct nc sNC = { 0, t };
	return viaptr(&sNC, d);	// fact "warning use_viaptr sNC clean"
}

/* SQLite's columnTypeImpl itself: the context list is walked to the one
   that has the column (pNC = pNC->next: a load of the very field that
   links them), and the result is a string of the table found there,
   returned by a function of the file; a sub-select recurses with a new
   local context linking the one found. */
struct src { int n; struct tab **a; };
struct tab { const char *type; };
struct ctx { struct ctx *next; struct src *list; void *parse; };
struct ex { int op; int t; struct ex *sub; };

__attribute__((noinline)) static const char *type_of(struct tab *t)
{
	return t->type ? t->type : "x";
}

__attribute__((noinline)) static const char *column(struct ctx *pNC, struct ex *e)
{
	const char *z = 0;
	struct tab *tab = 0;
	switch (e->op) {
	case 1:
		while (pNC && !tab) {
			struct src *l = pNC->list;
			if (e->t < l->n)
				tab = l->a[e->t];
			else
				pNC = pNC->next;
		}
		if (!tab)
			break;
		if (e->sub) {
			struct ctx sNC;
			sNC.list = pNC->list;
			sNC.next = pNC;
			sNC.parse = pNC->parse;
			z = column(&sNC, e->sub);	// fact "warning column sNC clean"
		} else {
			z = type_of(tab);
		}
		break;
	case 2: {
		struct ctx sNC;
		sNC.list = pNC->list;
		sNC.next = pNC;
		sNC.parse = pNC->parse;
		z = column(&sNC, e->sub);
		break;
	}
	}
	return z;
}

const char *columns(struct src *l, struct ex *e)
{
	struct ctx sNC = { 0, l, 0 };
	return column(&sNC, e);	// fact "warning columns sNC clean"
}

/* The same walk returning the context it stopped at: a true warning. */
__attribute__((noinline)) static struct ctx *found(struct ctx *pNC, struct ex *e)
{
	struct ctx sNC;
	while (pNC && e->t >= pNC->list->n)
		pNC = pNC->next;
	if (!pNC || !e->sub)
		return pNC;
	sNC.list = pNC->list;
	sNC.next = pNC;
	return found(&sNC, e->sub);	// dangle "escape-return"
}

struct ctx *use_found(struct src *l, struct ex *e)
{
	struct ctx sNC = { 0, l, 0 };
	return found(&sNC, e);	// dangle "escape-kept"
}
