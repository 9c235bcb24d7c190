#include <stdio.h>
#include "node.h"

/* returns a pointer into s */
char *skip_ws(char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

void read_line(char *buf, int n)
{
	if (!fgets(buf, n, stdin))
		buf[0] = 0;
}
