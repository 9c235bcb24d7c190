/* the flag set by a callback main registers (its address taken) */
#include "lib.h"

#include <stdlib.h>

static void on_exit_cb(void)
{
	dbg_enable();
}

int main(int argc, char **argv)
{
	struct ev a;
	(void)argv;
	atexit(on_exit_cb);
	ev_assign(&a, argc, &a);	// linked "escape-kept"
	return a.fd;
}
