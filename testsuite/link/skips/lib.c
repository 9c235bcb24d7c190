/* The library of testsuite/link/skips: registration in an io or a
   signal map, and removal that skips where nothing was linked. */
#include "skips.h"

#define LINK(head, n, field)                                            \
	do {                                                            \
		if (((n)->field.next = *(head)) != 0)                   \
			(*(head))->field.prevp = &(n)->field.next;      \
		*(head) = (n);                                          \
		(n)->field.prevp = (head);                              \
	} while (0)
#define UNLINK(n, field)                                                \
	do {                                                            \
		if ((n)->field.next)                                    \
			(n)->field.next->field.prevp = (n)->field.prevp; \
		*(n)->field.prevp = (n)->field.next;                    \
	} while (0)

/* nothing to watch for a negative descriptor (libevent's evmap_io_add_) */
static int map_io_add(struct sreg *r, int fd, struct snode *n)
{
	if (fd < 0)
		return 0;
	if (fd >= 16)
		return -1;
	LINK(&r->io[fd], n, u.io.e);
	return 1;
}

static int map_io_del(struct sreg *r, int fd, struct snode *n)
{
	if (fd < 0)
		return 0;
	if (fd >= 16)
		return -1;
	UNLINK(n, u.io.e);
	return 1;
}

/* a negative descriptor is kept pending, linked all the same */
static int map_io_add_any(struct sreg *r, int fd, struct snode *n)
{
	if (fd >= 16)
		return -1;
	LINK(fd < 0 ? &r->pending : &r->io[fd], n, u.io.e);
	return 1;
}

static int map_sig_add(struct sreg *r, int sig, struct snode *n)
{
	if (sig < 0 || sig >= 16)
		return -1;
	LINK(&r->sig[sig], n, u.sig.e);
	return 1;
}

static int map_sig_del(struct sreg *r, int sig, struct snode *n)
{
	if (sig < 0 || sig >= 16)
		return -1;
	UNLINK(n, u.sig.e);
	return 1;
}

/* refuses a finalizing node; links by the node's kind, once */
int snode_add(struct sreg *r, struct snode *n)
{
	int res = 0;
	if (n->flags & S_FINALIZING)
		return -1;
	if (!(n->flags & S_INSERTED)) {
		if (n->events & S_IO)
			res = map_io_add(r, n->fd, n);
		else
			res = map_sig_add(r, n->fd, n);
		if (res != -1)
			n->flags |= S_INSERTED;
	}
	return res;
}

/* the same, but a negative descriptor is linked too */
int snode_add_any(struct sreg *r, struct snode *n)
{
	int res = 0;
	if (n->flags & S_FINALIZING)
		return -1;
	if (!(n->flags & S_INSERTED)) {
		if (n->events & S_IO)
			res = map_io_add_any(r, n->fd, n);
		else
			res = map_sig_add(r, n->fd, n);
		if (res != -1)
			n->flags |= S_INSERTED;
	}
	return res;
}

/* links, then marks the node finalizing itself */
int snode_add_fin(struct sreg *r, struct snode *n)
{
	int res = snode_add(r, n);
	n->flags |= S_FINALIZING;
	return res;
}

/* libevent's event_del_nolock_: nothing to do for a finalizing node (the
   add refused it), the unlink by the node's kind where it was inserted */
int snode_del(struct sreg *r, struct snode *n)
{
	int res = 0;
	if (n->flags & S_FINALIZING)
		return 0;
	if (n->flags & S_INSERTED) {
		if (n->events & S_IO)
			res = map_io_del(r, n->fd, n);
		else
			res = map_sig_del(r, n->fd, n);
		n->flags &= ~S_INSERTED;
	}
	return res;
}

/* one call further (event_del -> event_del_nolock_) */
int snode_remove(struct sreg *r, struct snode *n)
{
	return snode_del(r, n);
}

/* returns early on a bit the add does not refuse */
int snode_del_busy(struct sreg *r, struct snode *n)
{
	int res = 0;
	if (n->flags & S_BUSY)
		return 0;
	if (n->flags & S_INSERTED) {
		if (n->events & S_IO)
			res = map_io_del(r, n->fd, n);
		else
			res = map_sig_del(r, n->fd, n);
		n->flags &= ~S_INSERTED;
	}
	return res;
}

/* only io nodes are unlinked */
int snode_del_io_only(struct sreg *r, struct snode *n)
{
	int res = 0;
	if (n->flags & S_FINALIZING)
		return 0;
	if (n->flags & S_INSERTED) {
		if (n->events & S_IO)
			res = map_io_del(r, n->fd, n);
		n->flags &= ~S_INSERTED;
	}
	return res;
}

/* returns early for a negative descriptor itself */
int snode_del_neg(struct sreg *r, struct snode *n)
{
	if (n->fd < 0)
		return 0;
	return snode_del(r, n);
}

/* the same removal written out: the unlink in each arm, through the one
   union entry */
int snode_del_inline(struct snode *n)
{
	if (n->flags & S_FINALIZING)
		return 0;
	if (n->flags & S_INSERTED) {
		if (n->events & S_IO) {
			if (n->fd < 0)
				return 0;
			UNLINK(n, u.io.e);
		} else {
			UNLINK(n, u.sig.e);
		}
		n->flags &= ~S_INSERTED;
	}
	return 0;
}

/* written out, io nodes only */
int snode_del_inline_io(struct snode *n)
{
	if (n->flags & S_FINALIZING)
		return 0;
	if (n->flags & S_INSERTED) {
		if (n->events & S_IO) {
			if (n->fd < 0)
				return 0;
			UNLINK(n, u.io.e);
		}
		n->flags &= ~S_INSERTED;
	}
	return 0;
}
