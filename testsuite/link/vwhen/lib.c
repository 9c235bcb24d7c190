/* A variadic function that reads its arguments by the value of a
   parameter (SQLite's sqlite3_db_config, sqlite3_test_control), in
   another file than its callers (main.c). */
#include <stdarg.h>
#include "conf.h"

static struct conf cur;

int conf_set(int op, ...)
{
	va_list ap;
	int rc = 0;
	va_start(ap, op);
	switch (op) {
	case CONF_NAME:
		cur.name = va_arg(ap, char *); /* kept */
		break;
	case CONF_BUF:
		cur.buf = va_arg(ap, void *); /* kept */
		break;
	default: {
		int on = va_arg(ap, int);
		int *res = va_arg(ap, int *); /* written through only */
		if (on >= 0)
			cur.flags = on ? cur.flags | (unsigned)op
				       : cur.flags & ~(unsigned)op;
		if (res)
			*res = (cur.flags & (unsigned)op) != 0;
		rc = 1;
	}
	}
	va_end(ap);
	return rc;
}
