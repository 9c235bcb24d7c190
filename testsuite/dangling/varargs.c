/* Variadic arguments by type.  A summary's variadic arguments are one
   slot: whatever one conversion does with its argument, every argument
   seemed to do (SQLite's sqlite3_str_vappendf adopts a "%z" char * as
   its buffer, which sqlite3ErrorMsg keeps in the parser; a "%T" Token *
   is only read).  A variadic argument of a pointer type that no va_arg
   read whose value is kept reads (here or in a callee handed the
   va_list) keeps nothing: its escape stands (notes), no warning rests
   on it.  A char * or a void * argument still is kept. */
#include <stdarg.h>
#include <string.h>

struct tok { const char *z; int n; };
char *adopted;

static int vfmt(const char *f, va_list ap)
{
	int n = 0;
	for (; *f; f++) {
		if (f[0] == '%' && f[1] == 'z') {
			adopted = va_arg(ap, char *); /* adopt the caller's string */
			f++;
		} else if (f[0] == '%' && f[1] == 'T') {
			const struct tok *t = va_arg(ap, const struct tok *);
			n += t->n; /* only read */
			f++;
		} else if (f[0] == '%' && f[1] == 'd') {
			n += va_arg(ap, int);
			f++;
		}
	}
	return n;
}

int error_msg(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	int n = vfmt(f, ap);
	va_end(ap);
	return n;
}

int near(const char *z)
{
	struct tok t = { z, 3 };
	return error_msg("near %T", &t);
}

int count(const char *z, int k)
{
	struct tok t = { z, k };
	return error_msg("%d tokens from %T", k, &t);
}

/* still warned: the adopted type */
int named(void)
{
	char name[8] = "x";
	return error_msg("%z", name); // dangle "escape-kept"
}

/* a va_arg read of void * that is kept: any type */
void *kept_ptr;

static void vkeep(const char *f, va_list ap)
{
	if (f[0] == '%' && f[1] == 'p')
		kept_ptr = va_arg(ap, void *);
}

void keep_msg(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	vkeep(f, ap);
	va_end(ap);
}

void keep_tok(void)
{
	struct tok t = { "x", 1 };
	keep_msg("%p", &t); // dangle "escape-kept"
}

/* a va_list also handed to a function the unit does not see: what that
   reads is not known, so every type is as kept as the char * read here */
int ext_vfmt(const char *f, va_list ap);

int mixed(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	adopted = va_arg(ap, char *);
	int n = ext_vfmt(f, ap);
	va_end(ap);
	return n;
}

int mixed_tok(const char *z)
{
	struct tok t = { z, 3 };
	return mixed("%T", &t); // dangle "escape-kept"
}
