/* testsuite/link/globals: the library (see lib.h).  Each program is
   this file and one of the others, linked alone. */
#include "lib.h"

int dbg_on;		/* zero: only dbg_enable sets it */
int trace_on = 1;	/* set from the start */
static int verbose;	/* set only by set_verbose */
static struct ev *map[16];
static unsigned nmap;

void dbg_enable(void)
{
	dbg_on = 1;
}

void set_verbose(int v)
{
	verbose = v;
}

static void note_setup(struct ev *e)
{
	if (!dbg_on)
		return;
	map[nmap++ & 15] = e;
}

void ev_assign(struct ev *e, int fd, void *arg)
{
	e->fd = fd;
	e->arg = arg;
	note_setup(e);
}

void ev_verbose(struct ev *e)
{
	if (verbose & 2)
		map[nmap++ & 15] = e;
}

void ev_trace(struct ev *e)
{
	if (trace_on)
		map[nmap++ & 15] = e;
}

void ev_keep(struct ev *e)
{
	map[nmap++ & 15] = e;
}
