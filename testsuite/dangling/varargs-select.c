/* Variadic arguments read by the value of a parameter (SQLite's
   sqlite3_db_config (db, op, ...) and sqlite3_test_control (op, ...):
   switch (op), each case reading its own arguments).  A va_arg read
   whose value is kept, under a case or an == test of a parameter,
   keeps a variadic argument only for those constants: a call whose
   argument there is another constant (or a value a dominating test or
   case fixes to one) keeps none (the shell's
   sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &v), an int *
   the op only writes through). */
#include <stdarg.h>
#include <stddef.h>

struct db { char *name; void *buf; unsigned flags; };
struct db *current; /* the open database */

__attribute__((noinline)) int config(struct db *db, int op, ...)
{
	va_list ap;
	int rc = 0;
	va_start(ap, op);
	switch (op) {
	case 1:
		current->name = va_arg(ap, char *); /* kept */
		break;
	case 2:
	case 3:
		current->buf = va_arg(ap, void *); /* kept, whatever it points to */
		break;
	default: {
		int on = va_arg(ap, int);
		int *res = va_arg(ap, int *); /* only written through */
		if (on > 0)
			db->flags |= (unsigned)op;
		if (res)
			*res = (db->flags & (unsigned)op) != 0;
		rc = 1;
	}
	}
	va_end(ap);
	return rc;
}

/* the same with an if */
__attribute__((noinline)) int control(int op, ...)
{
	static void *arg;
	va_list ap;
	va_start(ap, op);
	if (op == 7)
		arg = va_arg(ap, void *);
	else if (op == 8)
		*va_arg(ap, int *) = 1;
	va_end(ap);
	return 0;
}

int flag(struct db *db)
{
	int v = 0;
	config(db, 5, -1, &v);
	return v;
}

int flag_in_case(struct db *db, int op)
{
	int v = 0;
	switch (op) {
	case 5:
	case 6:
		break;
	case 9:
		config(db, op, -1, &v);
		break;
	}
	return v;
}

int traced(void)
{
	int x = 0;
	control(8, &x);
	return x;
}

/* the op read from a constant table of flag ops (the shell's
   aDbConfig[ii].op) */
static const struct choice { const char *name; int op; } choices[] = {
	{ "defensive", 5 }, { "trusted", 6 }, { "legacy", 9 },
};

int flags_of_table(struct db *db)
{
	int on = 0;
	for (unsigned i = 0; i < sizeof choices / sizeof *choices; i++) {
		int v = 0;
		config(db, choices[i].op, -1, &v);
		on += v;
	}
	return on;
}

/* still warned: an op that keeps it */
void named(struct db *db)
{
	char name[8] = "x";
	config(db, 1, name); // dangle "escape-kept"
}

void buffered(struct db *db)
{
	char buf[64];
	config(db, 3, buf); // dangle "escape-kept"
}

void kept_by_control(void)
{
	int x = 0;
	control(7, &x); // dangle "escape-kept"
}

/* an op nothing fixes */
int any_op(struct db *db, int op)
{
	int v = 0;
	config(db, op, -1, &v); // dangle "escape-kept"
	return v;
}

/* a table that holds a keeping op */
static const struct choice mixed[] = { { "defensive", 5 }, { "name", 1 } };

int flags_of_mixed(struct db *db)
{
	int on = 0;
	for (unsigned i = 0; i < sizeof mixed / sizeof *mixed; i++) {
		int v = 0;
		config(db, mixed[i].op, -1, &v); // dangle "escape-kept"
		on += v;
	}
	return on;
}

/* a table that is not constant */
static struct choice writable[] = { { "defensive", 5 } };

int flags_of_writable(struct db *db)
{
	int v = 0;
	config(db, writable[0].op, -1, &v); // dangle "escape-kept"
	return v;
}

/* fixed by a test to an op that keeps it */
int op_tested(struct db *db, int op)
{
	int v = 0;
	if (op == 2)
		config(db, op, &v); // dangle "escape-kept"
	return v;
}

/* The selector's constants are read where the call stands: a call of
   another member of a recursive component (rec_b's, resting rec_a's
   parameter on ext_log) is read in its own function (the plugin crashed
   reading it in rec_a's blocks). */
int ext_log(int op, ...);
void rec_b(int n, char *p);

void rec_a(int n, char *p)
{
	if (n)
		rec_b(n - 1, p);
}

void rec_b(int n, char *p)
{
	switch (n) {
	case 5:
		ext_log(n, p);
		break;
	case 7:
		ext_log(3, p);
		break;
	}
	if (n > 1)
		rec_a(n, p);
}

void rec_user(void)
{
	char buf[8] = "";
	rec_a(9, buf);
}
