/* a/util.c - string helpers.  One of them has a real bug: label() leaves
   the address of its local buffer in `last', which outlives the call. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "a/util.h"

static const char *last;

/* Only reads s: "s does not escape". */
size_t count_char(const char *s, char c)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}

/* The copy is returned: "malloc(...) escapes to heap". */
char *dup_upper(const char *s)
{
	size_t n = strlen(s);
	char *copy = malloc(n + 1);

	if (!copy)
		return NULL;
	for (size_t i = 0; i <= n; i++)
		copy[i] = (char)toupper((unsigned char)s[i]);
	return copy;
}

const char *last_label(void)
{
	return last;
}

/* Keeps s in a static: "leaking param: s". */
static void remember(const char *s)
{
	last = s;
}

void label(int n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "item %d", n);
	remember(buf); // dangle "escape-kept"
}
