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
