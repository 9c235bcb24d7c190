/* Calls of lib.c's conf_set: a flag op writes through its int * and
   keeps nothing; the name and buffer ops keep their argument. */
#include "conf.h"

int defensive(void)
{
	int v = 0;
	conf_set(CONF_DEFENSIVE, -1, &v);
	return v;
}

int by_case(int op)
{
	int v = 0;
	switch (op) {
	case CONF_DEFENSIVE:
	case CONF_TRIGGER:
		conf_set(op, -1, &v);
		break;
	}
	return v;
}

void named(void)
{
	char name[16] = "main";
	conf_set(CONF_NAME, name); // linked "escape-kept"
}

void buffered(void)
{
	char buf[256];
	conf_set(CONF_BUF, buf); // linked "escape-kept"
}

int any_op(int op)
{
	int v = 0;
	conf_set(op, -1, &v); // linked "escape-kept"
	return v;
}

/* the op read from a constant table of flag ops (the shell's
   aDbConfig[ii].op) */
static const struct { const char *name; int op; } flags[] = {
	{ "defensive", CONF_DEFENSIVE }, { "trigger", CONF_TRIGGER },
};

int all_flags(void)
{
	int on = 0;
	for (unsigned i = 0; i < sizeof flags / sizeof *flags; i++) {
		int v = 0;
		conf_set(flags[i].op, -1, &v);
		on += v;
	}
	return on;
}

/* a table that holds a keeping op */
static const struct { const char *name; int op; } ops[] = {
	{ "defensive", CONF_DEFENSIVE }, { "buffer", CONF_BUF },
};

int all_ops(void)
{
	int on = 0;
	for (unsigned i = 0; i < sizeof ops / sizeof *ops; i++) {
		int v = 0;
		conf_set(ops[i].op, -1, &v); // linked "escape-kept"
		on += v;
	}
	return on;
}
