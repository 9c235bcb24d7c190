/* testsuite/link/framestore: the ZIO functions (Lua's lzio.c). */
#include "zio.h"

void zinit(struct zio *z, void *data)
{
	z->data = data;
	z->n = 0;
}

int zfill(struct zio *z)
{
	return z->n;
}

void *zsaved;

/* keeps what the zio holds */
void zkeep(struct zio *z)
{
	zsaved = z->data;
}
