/* Teardown by the program's own deallocator: an address stored into a
   block (of an allocator the unit does not know: the heap), which a
   function of this file frees on every path before the function returns
   (a wrapper of free(), or a call through a field set only to one:
   SQLite's sqlite3_free -> sqlite3GlobalConfig.m.xFree =
   sqlite3MemFree); also where a same-file callee makes the store into
   the block (dup_tail(z, &az[i]): *tail = z, shell.c's
   translateForDisplayAndDup(uz, &azNextLine[i], ...)).  The block freed
   on one path only, another block freed: the warnings stand.  (A
   same-file "deallocator" that frees on one path only, moves the block
   or calls through a field also set to a function that frees nothing
   releases its parameter in release.c's sense, and no warning rests on
   what reaches it, as before; testsuite/link/release has them in
   another file, where they warn.) */
#include <stdlib.h>

void *get_block(size_t n);
void use(char **az);
int check(int);

static void xfree(void *p)
{
	free(p);
}

struct mem_methods {
	void (*xFree)(void *);
};
static struct mem_methods methods = { xfree };

static void hook_free(void *p)
{
	if (!p)
		return;
	methods.xFree(p);
}

static void dup_tail(char *z, char **tail)
{
	*tail = z;
}

int wrapped(void)
{
	char x = 0;
	char **az = get_block(4 * sizeof *az);
	az[0] = &x;
	use(az);
	xfree(az);
	return x;
}

int hooked(void)
{
	char x = 0;
	char **az = get_block(4 * sizeof *az);
	az[1] = &x;
	use(az);
	hook_free(az);
	return x;
}

int by_callee(void)
{
	char x = 0;
	char **az = get_block(4 * sizeof *az);
	dup_tail(&x, &az[2]);
	use(az);
	hook_free(az);
	return x;
}

int one_path(int c)
{
	char x = 0;
	char **az = get_block(4 * sizeof *az);
	az[0] = &x; // dangle "escape-caller"
	use(az);
	if (check(c))
		xfree(az);
	return x;
}

int other_block(void)
{
	char x = 0;
	char **az = get_block(4 * sizeof *az);
	char **bz = get_block(4 * sizeof *bz);
	az[0] = &x; // dangle "escape-caller"
	use(az);
	xfree(bz);
	return x;
}

int by_callee_one_path(int c)
{
	char x = 0;
	char **az = get_block(4 * sizeof *az);
	dup_tail(&x, &az[2]); // dangle "escape-caller"
	use(az);
	if (check(c))
		hook_free(az);
	return x;
}

int by_callee_other(void)
{
	char x = 0;
	char **az = get_block(4 * sizeof *az);
	char **bz = get_block(4 * sizeof *bz);
	dup_tail(&x, &az[2]); // dangle "escape-caller"
	use(az);
	hook_free(bz);
	return x;
}
