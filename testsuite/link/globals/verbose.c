/* the static flag set by a call of the program, two calls down */
#include "lib.h"

static void setup(int v)
{
	set_verbose(v);
}

int main(int argc, char **argv)
{
	struct ev b;
	(void)argv;
	setup(argc);
	ev_verbose(&b);		// linked "escape-kept"
	return b.fd;
}
