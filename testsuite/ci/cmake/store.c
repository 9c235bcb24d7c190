/* store.c - a cache that keeps what it is given.  store_temp() has a real
   bug: the cache keeps the address of its local `tmp'. */
#include "ci.h"

static const struct item *cache[8];
static int ncache;

static void cache_put(const struct item *it)
{
	cache[ncache++ % 8] = it;
}

int store_count(void)
{
	return ncache;
}

void store_temp(int id)
{
	struct item tmp = { id, "temp" };

	cache_put(&tmp); // dangle "escape-kept"
}
