/* the same through the wrapper, with the flag set on one path */
#include "lib.h"

void ev_init(struct ev *e, int fd);

int main(int argc, char **argv)
{
	struct ev a;
	(void)argv;
	if (argc > 3)
		dbg_enable();
	ev_init(&a, argc);	// linked "escape-kept"
	return a.fd;
}
