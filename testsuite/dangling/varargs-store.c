/* A variadic argument stored into the memory another argument points to
   (set_name (db, ...): db->name = va_arg (ap, char *)) is kept as a
   named parameter stored there is: the summary's store from the
   variadic arguments' slot (it was dropped: no warning).  By type and
   by constant selector as their leak is: a flag op's int * written
   through keeps nothing. */
#include <stdarg.h>

struct db { char *name; unsigned flags; };

__attribute__((noinline)) void set_name(struct db *db, ...)
{
	va_list ap;
	va_start(ap, db);
	db->name = va_arg(ap, char *);
	va_end(ap);
}

__attribute__((noinline)) void db_set(struct db *db, int op, ...)
{
	va_list ap;
	va_start(ap, op);
	if (op == 1) {
		db->name = va_arg(ap, char *);
	} else if (op == 2) {
		int *res = va_arg(ap, int *);
		*res = (int)db->flags;
	}
	va_end(ap);
}

void named(struct db *db)
{
	char name[8] = "x";
	set_name(db, name); // dangle "escape-kept"
}

void named_op(struct db *db)
{
	char name[8] = "x";
	db_set(db, 1, name); // dangle "escape-kept"
}

int flag_op(struct db *db)
{
	int v = 0;
	db_set(db, 2, &v);
	return v;
}

/* a local struct: stored into the caller's own frame, kept nowhere */
int local_db(void)
{
	struct db d = { 0, 0 };
	char name[8] = "x";
	set_name(&d, name);
	return d.name[0];
}
