/* log.c - a tiny logger that keeps its prefix: "leaking param: prefix". */
#include <stdio.h>
#include "log.h"

static const char *log_prefix = "multi";

void log_set_prefix(const char *prefix)
{
	log_prefix = prefix;
}

void log_line(const char *fmt, const char *arg)
{
	char line[128];               /* stays in this frame */

	snprintf(line, sizeof line, fmt, arg);
	fprintf(stderr, "%s: %s\n", log_prefix, line);
}
