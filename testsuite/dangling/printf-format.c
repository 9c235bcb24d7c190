// args: -fplugin-arg-escape-rules=testsuite/dangling/printf-format.json
/* Variadic arguments by format.  A printf-style function whose "%z"
   conversion adopts its argument (SQLite's sqlite3_str_vappendf keeps it
   as the accumulator's buffer) and whose "%s" only reads it: by type both
   are a char *, and the variadic arguments are one slot of a summary, so
   every argument seemed kept.  The rule's "format": [1, "z"] names the
   format parameter and the conversions that may keep; a call with a
   literal format keeps only the arguments those conversions consume,
   through the functions that hand their va_list on with their own
   format parameter (vmprintf, error_msg).  "%%" consumes nothing, a "*"
   width or precision an int.  A format that is not a literal, or a
   callee whose va_list goes elsewhere too, keeps everything as before. */
#include <stdarg.h>
#include <string.h>

struct acc { char *text; int n; };
char *adopted;

__attribute__((noinline)) void acc_vappendf(struct acc *a, const char *fmt,
					    va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			a->n++;
			continue;
		}
		fmt++;
		if (*fmt == '%') {
			a->n++;
			continue;
		}
		if (*fmt == '*') {
			a->n += va_arg(ap, int);
			fmt++;
		}
		if (*fmt == '.' && fmt[1] == '*') {
			a->n += va_arg(ap, int);
			fmt += 2;
		}
		char *s = va_arg(ap, char *);
		if (*fmt == 'z')
			a->text = s; /* adopted */
		else
			a->n += (int)strlen(s);
	}
}

__attribute__((noinline)) char *vmprintf(const char *fmt, va_list ap)
{
	struct acc a = { 0, 0 };
	acc_vappendf(&a, fmt, ap);
	return a.text;
}

struct parse { char *msg; };

__attribute__((noinline)) void error_msg(struct parse *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	p->msg = vmprintf(fmt, ap);
	va_end(ap);
}

/* a va_list handed on with a format that is not the parameter */
__attribute__((noinline)) void fixed_msg(struct parse *p, const char *unused, ...)
{
	va_list ap;
	va_start(ap, unused);
	p->msg = vmprintf("%z", ap);
	va_end(ap);
}

void only_read(struct parse *p)
{
	char which[8] = "PRIMARY";
	error_msg(p, "%s ON CONFLICT clause does not match", which); // fact "warning only_read which clean"
}

void read_after_percent(struct parse *p, int n)
{
	char tab[8] = "t1";
	error_msg(p, "%d%%z of %s", n, tab); // fact "warning read_after_percent tab clean"
}

void read_star(struct parse *p, int w)
{
	char a[8] = "a", b[8] = "b";
	error_msg(p, "%*s and %.*s", w, a, w, b); // fact "warning read_star a clean" fact "warning read_star b clean"
}

char *lib_mprintf(const char *fmt, ...);
char *keep;
void direct_read(void)
{
	char buf[8] = "x";
	keep = lib_mprintf("%-10s", buf); // fact "warning direct_read buf clean"
}

/* still warned */
void adopted_one(struct parse *p)
{
	char name[8] = "x";
	error_msg(p, "%z", name); // dangle "escape-kept"
}

void adopted_second(struct parse *p)
{
	char a[8] = "a", b[8] = "b";
	error_msg(p, "%s: %z", a, b); // dangle "escape-kept" fact "warning adopted_second b dangles" fact "warning adopted_second a clean"
}

void adopted_after_star(struct parse *p, int w)
{
	char a[8] = "a", b[8] = "b";
	error_msg(p, "%*s%%%z", w, a, b); // dangle "escape-kept" fact "warning adopted_after_star b dangles" fact "warning adopted_after_star a clean"
}

/* the format chosen at run time: either may be the one that keeps */
void chosen_format(struct parse *p, int adopt)
{
	char a[8] = "a";
	error_msg(p, adopt ? "%z" : "%s", a); // dangle "escape-kept"
}

/* a format that starts inside a literal is no literal of its own */
void format_offset(struct parse *p)
{
	char a[8] = "a";
	error_msg(p, "%s%z" + 2, a); // dangle "escape-kept"
}

void not_literal(struct parse *p, const char *fmt)
{
	char a[8] = "a";
	error_msg(p, fmt, a); // dangle "escape-kept"
}

void fixed_format(struct parse *p)
{
	char a[8] = "a";
	fixed_msg(p, "%s", a); // dangle "escape-kept"
}

void direct_keep(void)
{
	char buf[8] = "x";
	keep = lib_mprintf("%s%z", "", buf); // dangle "escape-kept" fact "warning direct_keep buf dangles"
}

/* A variadic call inside a component (SQLite's sqlite3NestedParse, which
   runs the parser that calls it again): the format of the callee is
   known before the component's graph is built, from its own hand-off */
void run_parser(struct parse *p, const char *sql);

__attribute__((noinline)) void nested_parse(struct parse *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = vmprintf(fmt, ap);
	va_end(ap);
	if (sql)
		run_parser(p, sql);
	p->msg = sql;
}

__attribute__((noinline)) void clear_stat(struct parse *p, const char *db)
{
	char tab[8] = "stat1";
	nested_parse(p, "DELETE FROM %s.%s", db, tab); // fact "warning clear_stat tab clean"
}

__attribute__((noinline)) void adopt_stat(struct parse *p, const char *db)
{
	char tab[8] = "stat1";
	nested_parse(p, "DELETE FROM %s.%z", db, tab); // dangle "escape-caller"
}

void run_parser(struct parse *p, const char *sql)
{
	if (sql[0] == 'C')
		clear_stat(p, sql + 1);
	else if (sql[0] == 'A')
		adopt_stat(p, sql + 1);
}
