/* the flag set by a function that only a table of static data holds,
   called through it */
#include "lib.h"

#include <string.h>

static const struct cmd {
	const char *name;
	void (*fn)(void);
} cmds[] = { { "debug", dbg_enable } };

int main(int argc, char **argv)
{
	struct ev a;
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], cmds[0].name))
			cmds[0].fn();
	ev_assign(&a, argc, &a);	// linked "escape-kept"
	return a.fd;
}
