/* nothing the program runs sets dbg_on or verbose: ev_assign and
   ev_verbose keep nothing; trace_on starts set, ev_keep always keeps */
#include "lib.h"

/* never called: its call of dbg_enable never runs */
void unused_setup(void)
{
	dbg_enable();
}

int main(int argc, char **argv)
{
	struct ev a, b, c, d;
	(void)argv;
	ev_assign(&a, argc, &a);
	ev_verbose(&b);
	ev_trace(&c);		// linked "escape-kept"
	ev_keep(&d);		// linked "escape-kept"
	return a.fd + b.fd + c.fd + d.fd;
}
