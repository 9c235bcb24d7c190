/* testsuite/link/framestore: each function a case; a linked marker names
   the warnings the link step must give, and no other. */
#include "zio.h"

int use_load(void)
{
	int x = 0;
	return load(&x);
}

int use_kept(void)
{
	int x = 0;
	return load_kept(&x);	// linked "escape-kept"
}

int use_copied(void)
{
	int x = 0;
	return load_copied(&x);	// linked "escape-kept"
}

int use_heap(struct zio *hz)
{
	int x = 0;
	return load_heap(&x, hz);	// linked "escape-kept"
}
