// args: -fplugin-arg-escape-rules=testsuite/dangling/printf-format.json
/* Variadic arguments by format (printf-format.c) when the printf-style
   functions are one component of the call graph (SQLite's
   sqlite3_str_vappendf, sqlite3VMPrintf and sqlite3ErrorMsg are, through
   the out-of-memory path): a hand-off of a va_list to a function of the
   component carries its format parameter as one to a finished callee
   does, so error_msg's callers keep only the "%z" arguments. */
#include <stdarg.h>
#include <string.h>

struct parse { char *msg; int err; };
struct acc { char *text; int n; struct parse *p; };

void error_msg(struct parse *p, const char *fmt, ...);

/* the conversions by a table, as SQLite's fmtinfo[] */
static const struct { char c, adopt; } convs[] = { { 's', 0 }, { 'z', 1 } };

__attribute__((noinline)) void acc_vappendf(struct acc *a, const char *fmt,
					    va_list ap)
{
	while (*fmt) {
		char c = *fmt++;
		int k = 0;
		if (c != '%') {
			a->n++;
			continue;
		}
		for (c = *fmt++; k < 2 && convs[k].c != c; k++)
			;
		char *s = va_arg(ap, char *);
		if (!s) {
			if (a->p && !a->p->err++)
				error_msg(a->p, "null argument");
		} else if (k < 2 && convs[k].adopt) {
			a->text = s; /* adopted */
		} else {
			a->n += (int)strlen(s);
		}
	}
}

__attribute__((noinline)) char *vmprintf(struct parse *p, const char *fmt,
					 va_list ap)
{
	struct acc a = { 0, 0, p };
	acc_vappendf(&a, fmt, ap);
	return a.text;
}

__attribute__((noinline)) void error_msg(struct parse *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	p->msg = vmprintf(p, fmt, ap);
	va_end(ap);
}

/* one caller of each kind: a "%s" only read (quiet), a "%z" adopted
   beside a "%s", a format that is not a literal (still warned) */
void callers(struct parse *p, const char *fmt)
{
	char which[8] = "PRIMARY", a[8] = "a", b[8] = "b", c[8] = "c";
	error_msg(p, "%s ON CONFLICT clause does not match", which); // fact "warning callers which clean"
	error_msg(p, "%s: %z", a, b); // dangle "escape-kept" fact "warning callers b dangles" fact "warning callers a clean"
	error_msg(p, fmt, c); // dangle "escape-kept" fact "warning callers c dangles"
}
