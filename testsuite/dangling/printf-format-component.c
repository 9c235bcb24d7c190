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

__attribute__((noinline)) void acc_vappendf(struct acc *a, const char *fmt,
					    va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			a->n++;
			continue;
		}
		fmt++;
		char *s = va_arg(ap, char *);
		if (!s) {
			if (a->p && !a->p->err++)
				error_msg(a->p, "null argument");
		} else if (*fmt == 'z') {
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

void only_read(struct parse *p)
{
	char which[8] = "PRIMARY";
	error_msg(p, "%s ON CONFLICT clause does not match", which); // fact "warning only_read which clean"
}

/* still warned */
void adopted(struct parse *p)
{
	char a[8] = "a", b[8] = "b";
	error_msg(p, "%s: %z", a, b); // dangle "escape-kept" fact "warning adopted b dangles" fact "warning adopted a clean"
}

void not_literal(struct parse *p, const char *fmt)
{
	char a[8] = "a";
	error_msg(p, fmt, a); // dangle "escape-kept"
}
