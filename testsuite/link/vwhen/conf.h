struct conf { char *name; void *buf; unsigned flags; };
enum { CONF_NAME = 1000, CONF_BUF = 1001, CONF_DEFENSIVE = 1010,
       CONF_TRIGGER = 1008 };
int conf_set(int op, ...);
