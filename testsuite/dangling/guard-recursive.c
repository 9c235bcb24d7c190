/* A guard inside a recursive component: the path is kept only when an
   append flag is given, and every recursive call passes the flag on
   unchanged (SQLite's jsonLookupStep (pParse, i, zPath, pApnd, pzErr)
   keeps pieces of zPath only if pApnd, through jsonLookupAppend, which
   calls jsonLookupStep again with the same pApnd): a caller passing 0
   keeps nothing.  A recursion that passes another value does keep. */
#include <stddef.h>

struct node { const char *key; int n; };
static struct node nodes[64];
static int nnodes;

static struct node *append(const char *path, int *apnd, int depth);

static struct node *step(const char *path, int *apnd, int depth)
{
	if (!*path || depth > 8)
		return NULL;
	if (path[0] == '.')
		return step(path + 1, apnd, depth + 1);
	if (apnd)
		return append(path, apnd, depth);
	return NULL;
}

static struct node *append(const char *path, int *apnd, int depth)
{
	*apnd = 1;
	nodes[nnodes & 63].key = path;	/* kept */
	nnodes++;
	return step(path + 1, apnd, depth + 1);
}

__attribute__((noinline)) struct node *lookup(const char *path, int *apnd)
{
	return step(path, apnd, 0);
}

int extract(const char *s)
{
	char path[32];
	int i;
	for (i = 0; i < 31 && s[i]; i++)
		path[i] = s[i];
	path[i] = 0;
	return lookup(path, NULL) != NULL;
}

int set(const char *s)
{
	char path[32];
	int apnd = 0, i;
	for (i = 0; i < 31 && s[i]; i++)
		path[i] = s[i];
	path[i] = 0;
	return lookup(path, &apnd) != NULL; // dangle "escape-kept"
}

/* the recursion passes its own flag, not the one it was given */
static int always;
static struct node *step2(const char *path, int *apnd, int depth);

static struct node *append2(const char *path, int *apnd, int depth)
{
	*apnd = 1;
	nodes[nnodes & 63].key = path;	/* kept */
	nnodes++;
	return step2(path + 1, &always, depth + 1);
}

static struct node *step2(const char *path, int *apnd, int depth)
{
	if (!*path || depth > 8)
		return NULL;
	if (path[0] == '.')
		return step2(path + 1, &always, depth + 1);
	if (apnd)
		return append2(path, apnd, depth);
	return NULL;
}

int extract2(const char *s)
{
	char path[32];
	int i;
	for (i = 0; i < 31 && s[i]; i++)
		path[i] = s[i];
	path[i] = 0;
	return step2(path, NULL, 0) != NULL; // dangle "escape-kept"
}
