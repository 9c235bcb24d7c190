/* Known false warnings (xfail): a function that links its caller's
   context into a local one and recurses with the local's address, whose
   result is a string loaded through the context, never the context
   itself (SQLite's columnTypeImpl: sNC.pNext = pNC; bash man2html's
   scan_request).  The graph mixes the struct's fields (sNC.next, the
   caller's context, and sNC.types, what the result is loaded from), so
   the inner activation's return is taken for the outer's address.  Each
   warning below is false: the fact that says so is an xfail until the
   points-to analysis keeps a parameter's pointee field by field. */
struct nc { struct nc *next; const char **types; };

__attribute__((noinline)) static const char *coltype(struct nc *pNC, int d)
{
	struct nc sNC;
	if (d == 0)
		return pNC->types[0];	// may-warn "escape-return" xfail "fields of a parameter's pointee mixed through the recursive call" fact "warning coltype sNC clean"
	sNC.next = pNC;
	sNC.types = pNC->types;
	return coltype(&sNC, d - 1);
}

const char *gen(const char **t, int d)
{
	struct nc sNC = { 0, t };
	return coltype(&sNC, d);	// may-warn "escape-kept" xfail "fields of a parameter's pointee mixed through the recursive call" fact "warning gen sNC clean"
}

/* The true shape next to it: the recursion returns the context itself. */
__attribute__((noinline)) static struct nc *deepest(struct nc *pNC, int d)
{
	struct nc sNC;
	if (d == 0)
		return pNC;	// dangle "escape-return"
	sNC.next = pNC;
	sNC.types = pNC->types;
	return deepest(&sNC, d - 1);
}

struct nc *top(const char **t, int d)
{
	struct nc sNC = { 0, t };
	return deepest(&sNC, d);	// dangle "escape-kept"
}
