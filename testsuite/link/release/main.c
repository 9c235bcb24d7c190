/* testsuite/link/release: each function a case; a linked marker names
   the warnings the link step must give, and no other. */
#include <stddef.h>
#include "release.h"

int check(int);

struct state {
	char nullValue[20];
	int n;
};

/* stores z into *tail (a same-file function: its summary's store) */
static void dup_tail(const char *z, const char **tail)
{
	*tail = z;
}

/* released by a deallocator of the program through its field */
static void col_direct(struct state *p, int n)
{
	const char **az = blk_alloc(n * sizeof *az);
	if (!az)
		return;
	for (int i = 0; i < n; i++)
		az[i] = p->nullValue;
	run(az, n);
	blk_free(az);
}

int user_direct(int n)
{
	struct state data;
	data.n = n;
	col_direct(&data, n);
	return data.n;
}

/* the store made by a callee into the block (shell.c's
   translateForDisplayAndDup(uz, &azNextLine[i], ...)) */
static void col_tail(struct state *p, int n)
{
	const char **az = blk_alloc(n * sizeof *az);
	if (!az)
		return;
	for (int i = 0; i < n; i++)
		dup_tail(p->nullValue, &az[i]);
	run(az, n);
	blk_free((void *)az);
}

int user_tail(int n)
{
	struct state data;
	data.n = n;
	col_tail(&data, n);
	return data.n;
}

/* released by a plain wrapper of free() */
static void col_plain(struct state *p, int n)
{
	const char **az = blk_alloc(n * sizeof *az);
	if (!az)
		return;
	for (int i = 0; i < n; i++)
		dup_tail(p->nullValue, &az[i]);
	run(az, n);
	plain_free(az);
}

int user_plain(int n)
{
	struct state data;
	data.n = n;
	col_plain(&data, n);
	return data.n;
}

/* the release missing */
static void col_none(struct state *p, int n)
{
	const char **az = blk_alloc(n * sizeof *az);
	if (!az)
		return;
	for (int i = 0; i < n; i++)
		az[i] = p->nullValue;
	run(az, n);
}

int user_none(int n)
{
	struct state data;
	data.n = n;
	col_none(&data, n); // linked "escape-kept"
	return data.n;
}

/* released on one path only */
static void col_onepath(struct state *p, int n, int c)
{
	const char **az = blk_alloc(n * sizeof *az);
	if (!az)
		return;
	for (int i = 0; i < n; i++)
		dup_tail(p->nullValue, &az[i]);
	run(az, n);
	if (check(c))
		blk_free(az);
}

int user_onepath(int n, int c)
{
	struct state data;
	data.n = n;
	col_onepath(&data, n, c); // linked "escape-kept"
	return data.n;
}

/* a different block released */
static void col_other(struct state *p, int n)
{
	const char **az = blk_alloc(n * sizeof *az);
	const char **bz = blk_alloc(n * sizeof *bz);
	if (!az || !bz)
		return;
	for (int i = 0; i < n; i++)
		az[i] = p->nullValue;
	run(az, n);
	blk_free(bz);
}

int user_other(int n)
{
	struct state data;
	data.n = n;
	col_other(&data, n); // linked "escape-kept"
	return data.n;
}

/* a "release" that keeps its argument */
static void col_keep(struct state *p, int n)
{
	const char **az = blk_alloc(n * sizeof *az);
	if (!az)
		return;
	for (int i = 0; i < n; i++)
		az[i] = p->nullValue;
	keep_free(az);
}

int user_keep(int n)
{
	struct state data;
	data.n = n;
	col_keep(&data, n); // linked "escape-kept"
	return data.n;
}

/* through a field the program also sets to a function that keeps */
static void col_hook(struct state *p, int n)
{
	const char **az = blk_alloc(n * sizeof *az);
	if (!az)
		return;
	for (int i = 0; i < n; i++)
		dup_tail(p->nullValue, &az[i]);
	hook_free(az);
}

int user_hook(int n)
{
	struct state data;
	data.n = n;
	col_hook(&data, n); // linked "escape-kept"
	return data.n;
}

/* a deallocator that frees on one path only */
static void col_half(struct state *p, int n, int c)
{
	const char **az = blk_alloc(n * sizeof *az);
	if (!az)
		return;
	for (int i = 0; i < n; i++)
		az[i] = p->nullValue;
	half_free(az, c);
}

int user_half(int n, int c)
{
	struct state data;
	data.n = n;
	col_half(&data, n, c); // linked "escape-kept"
	return data.n;
}

/* moved into a new block that is kept (realloc frees nothing) */
static const char **saved;

static void col_realloc(struct state *p, int n)
{
	const char **az = blk_alloc(n * sizeof *az);
	if (!az)
		return;
	for (int i = 0; i < n; i++)
		az[i] = p->nullValue;
	saved = blk_realloc(az, 2 * n * sizeof *az);
}

int user_realloc(int n)
{
	struct state data;
	data.n = n;
	col_realloc(&data, n); // linked "escape-kept"
	return data.n;
}
