/* Correlated branches across a call: the callee keeps what it is given
   only under a test of another parameter (a flag, an optional pointer),
   and the caller passes a constant that makes the test false (bash's
   hash_search(name, table, 0) keeps the key only with HASH_CREATE;
   SQLite's jsonLookup keeps path pieces only when pApnd is not null). */
#include <stddef.h>

#define CREATE 1
#define NOSRCH 2

static const char *keys[16];
static int nkeys;
int find(const char *key);

/* keeps the key only when asked to create it */
__attribute__((noinline)) int lookup(const char *key, int flags)
{
	if (flags & CREATE) {
		keys[nkeys++ & 15] = key;
		return nkeys;
	}
	return find(key);
}

int use_search(void)
{
	char k[8] = "x";
	return lookup(k, 0);
}

int use_nosrch(void)
{
	char k[8] = "x";
	return lookup(k, NOSRCH);
}

int use_create(void)
{
	char k[8] = "x";
	return lookup(k, CREATE | NOSRCH); // dangle "escape-kept"
}

int use_variable(int flags)
{
	char k[8] = "x";
	return lookup(k, flags); // dangle "escape-kept"
}

/* an optional out-argument: keeps only when it is given */
__attribute__((noinline)) int lookup_opt(const char *key, int *appended)
{
	if (appended) {
		keys[nkeys++ & 15] = key;
		*appended = 1;
	}
	return find(key);
}

int use_opt_null(void)
{
	char k[8] = "x";
	return lookup_opt(k, NULL);
}

int use_opt_given(void)
{
	char k[8] = "x";
	int a = 0;
	return lookup_opt(k, &a) + a; // dangle "escape-kept"
}

/* through a function that passes its own flag on */
__attribute__((noinline)) int lookup_wrap(const char *key, int flags)
{
	return lookup(key, flags) + 1;
}

int use_wrap_search(void)
{
	char k[8] = "x";
	return lookup_wrap(k, 0);
}

int use_wrap_create(void)
{
	char k[8] = "x";
	return lookup_wrap(k, CREATE); // dangle "escape-kept"
}

/* kept on both sides of the test: kept */
__attribute__((noinline)) int lookup_both(const char *key, int flags)
{
	if (flags)
		keys[0] = key;
	else
		keys[1] = key;
	return 0;
}

int use_both(void)
{
	char k[8] = "x";
	return lookup_both(k, 0); // dangle "escape-kept"
}

/* recursion that sets the flag itself: kept */
__attribute__((noinline)) int lookup_rec(const char *key, int flags, int depth)
{
	if (depth > 0)
		return lookup_rec(key, CREATE, depth - 1);
	if (flags & CREATE)
		keys[2] = key;
	return 0;
}

int use_rec(void)
{
	char k[8] = "x";
	return lookup_rec(k, 0, 2); // dangle "escape-kept"
}
