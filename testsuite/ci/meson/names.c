/* names.c - a current name, set to a scratch buffer that the program never
   reads after name_scratch() returns: silenced on purpose. */
#include <string.h>
#include "ci.h"

static const char *current = "none";

static void set_current(const char *s)
{
	current = s;
}

const char *current_name(void)
{
	return current;
}

void name_scratch(void)
{
	char buf[8];

	strcpy(buf, "tmp");
	set_current(buf); /* escape:ignore */ // suppressed "escape-kept"
}
