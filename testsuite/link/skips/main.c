/* testsuite/link/skips: each function a case; a linked marker names the
   warnings the link step must give, and no other. */
#include "skips.h"

void io_clean(struct sreg *r, int fd)
{
	struct snode n;
	n.flags = 0;
	n.events = S_IO;
	n.fd = fd;
	snode_add(r, &n);
	work();
	snode_del(r, &n);
}

void sig_clean(struct sreg *r, int sig)
{
	struct snode n;
	n.flags = 0;
	n.events = S_SIG;
	n.fd = sig;
	snode_add(r, &n);
	work();
	snode_del(r, &n);
}

/* through one more call */
void io_clean_outer(struct sreg *r, int fd)
{
	struct snode n;
	n.flags = 0;
	n.events = S_IO;
	n.fd = fd;
	snode_add(r, &n);
	work();
	snode_remove(r, &n);
}

/* never removed */
void io_missing(struct sreg *r, int fd)
{
	struct snode n;
	n.flags = 0;
	n.events = S_IO;
	n.fd = fd;
	snode_add(r, &n); // linked "escape-kept"
	work();
}

/* removed on one path only */
void io_one_path(struct sreg *r, int fd, int c)
{
	struct snode n;
	n.flags = 0;
	n.events = S_IO;
	n.fd = fd;
	snode_add(r, &n); // linked "escape-kept"
	if (c)
		snode_del(r, &n);
}

/* another node removed */
void io_other(struct sreg *r, struct sreg *r2, int fd)
{
	struct snode n, m;
	n.flags = m.flags = 0;
	n.events = m.events = S_IO;
	n.fd = m.fd = fd;
	snode_add(r, &n); // linked "escape-kept"
	snode_add(r2, &m);
	snode_del(r2, &m);
}

/* the remover returns early on a bit the add does not refuse */
void io_busy(struct sreg *r, int fd)
{
	struct snode n;
	n.flags = 0;
	n.events = S_IO;
	n.fd = fd;
	snode_add(r, &n); // linked "escape-kept"
	snode_del_busy(r, &n);
}

/* a signal node: the remover unlinks io nodes only */
void sig_io_only(struct sreg *r, int sig)
{
	struct snode n;
	n.flags = 0;
	n.events = S_SIG;
	n.fd = sig;
	snode_add(r, &n); // linked "escape-kept"
	snode_del_io_only(r, &n);
}

/* the add links a negative descriptor too; the remover skips it */
void io_any_fd(struct sreg *r, int fd)
{
	struct snode n;
	n.flags = 0;
	n.events = S_IO;
	n.fd = fd;
	snode_add_any(r, &n); // linked "escape-kept"
	snode_del(r, &n);
}

/* the same add, a remover that returns early for a negative
   descriptor itself */
void io_any_fd_neg(struct sreg *r, int fd)
{
	struct snode n;
	n.flags = 0;
	n.events = S_IO;
	n.fd = fd;
	snode_add_any(r, &n); // linked "escape-kept"
	snode_del_neg(r, &n);
}

/* the add marks the node finalizing: the remover skips it */
void io_fin_keeper(struct sreg *r, int fd)
{
	struct snode n;
	n.flags = 0;
	n.events = S_IO;
	n.fd = fd;
	snode_add_fin(r, &n); // linked "escape-kept"
	snode_del(r, &n);
}

/* removed by the unlinks written out in the arms */
void io_clean_inline(struct sreg *r, int fd)
{
	struct snode n;
	n.flags = 0;
	n.events = S_IO;
	n.fd = fd;
	snode_add(r, &n);
	work();
	snode_del_inline(&n);
}

void sig_clean_inline(struct sreg *r, int sig)
{
	struct snode n;
	n.flags = 0;
	n.events = S_SIG;
	n.fd = sig;
	snode_add(r, &n);
	work();
	snode_del_inline(&n);
}

/* a signal node, the io arm's unlink only */
void sig_inline_io_only(struct sreg *r, int sig)
{
	struct snode n;
	n.flags = 0;
	n.events = S_SIG;
	n.fd = sig;
	snode_add(r, &n); // linked "escape-kept"
	snode_del_inline_io(&n);
}
