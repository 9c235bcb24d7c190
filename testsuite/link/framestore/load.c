/* testsuite/link/framestore: the loaders (Lua's lapi.c lua_load). */
#include "zio.h"

/* data lands in the local z, which nothing keeps: load keeps nothing */
int load(void *data)
{
	struct zio z;
	zinit(&z, data);
	return zfill(&z);
}

/* z handed to a function that keeps what it holds: data is kept */
int load_kept(void *data)
{
	struct zio z;
	zinit(&z, data);
	zkeep(&z);
	return zfill(&z);
}

void *gdata;

/* what z holds copied into a global here: data is kept */
int load_copied(void *data)
{
	struct zio z;
	zinit(&z, data);
	gdata = z.data;
	return zfill(&z);
}

/* the zio is the caller's, not a local: data is kept in it */
int load_heap(void *data, struct zio *hz)
{
	zinit(hz, data);
	return zfill(hz);
}
