/* the flag set by a constructor, which runs before main without any
   call of the program's */
#include "lib.h"

#include <stdlib.h>

__attribute__((constructor)) static void from_env(void)
{
	if (getenv("LIB_DEBUG"))
		dbg_enable();
}

int main(int argc, char **argv)
{
	struct ev a;
	(void)argv;
	ev_assign(&a, argc, &a);	// linked "escape-kept"
	return a.fd;
}
