/* testsuite/link/flags: each function a case; a linked marker names the
   warnings the link step must give, and no other. */
#include "flags.h"

/* the flag set right after the keeping call, the removal under it at the
   end that every early exit jumps to */
void flag_clean(struct freg *r)
{
	struct fnode n;
	int added = 0;
	n.flags = 0;
	if (check())
		goto end;
	fnode_add(r, &n);
	added = 1;
	work();
	if (check())
		goto end;
	work();
end:
	if (added)
		fnode_del(&n);
}

/* the same with a _Bool flag and the removal written as !flag == 0 */
void flag_clean_bool(struct freg *r, int c)
{
	struct fnode n;
	_Bool added = 0;
	n.flags = 0;
	if (c) {
		fnode_add(r, &n);
		added = 1;
	}
	work();
	if (!added)
		return;
	fnode_del(&n);
}

/* the flag set through a second merge (a loop that may not run) */
void flag_clean_loop(struct freg *r, int m)
{
	struct fnode n;
	int added = 0;
	n.flags = 0;
	if (check())
		goto end;
	fnode_add(r, &n);
	added = 1;
	for (int i = 0; i < m; i++) {
		work();
		if (check())
			goto end;
	}
end:
	if (added)
		fnode_del(&n);
}

/* the flag set before the keeping call, on one path only: the call also
   runs where it stays 0 */
void flag_before(struct freg *r, int c)
{
	struct fnode n;
	int added = 0;
	n.flags = 0;
	if (c)
		added = 1;
	fnode_add(r, &n); // linked "escape-kept"
	work();
	if (added)
		fnode_del(&n);
}

/* the flag cleared after the keeping call on one path */
void flag_cleared(struct freg *r, int c)
{
	struct fnode n;
	int added = 0;
	n.flags = 0;
	if (check())
		goto end;
	fnode_add(r, &n); // linked "escape-kept"
	added = 1;
	if (c)
		added = 0;
	work();
end:
	if (added)
		fnode_del(&n);
}

/* another flag guards the removal */
void flag_other(struct freg *r, int c)
{
	struct fnode n;
	int added = 0, other = 0;
	n.flags = 0;
	if (check())
		goto end;
	fnode_add(r, &n); // linked "escape-kept"
	added = 1;
	if (c)
		other = 1;
	work();
end:
	if (other)
		fnode_del(&n);
	(void)added;
}

/* the guard negated: removed only where the flag is 0 */
void flag_negated(struct freg *r)
{
	struct fnode n;
	int added = 0;
	n.flags = 0;
	if (check())
		goto end;
	fnode_add(r, &n); // linked "escape-kept"
	added = 1;
	work();
end:
	if (!added)
		fnode_del(&n);
}

/* the flag set on the keeping call's path, but a return before the
   removal */
void flag_early_return(struct freg *r)
{
	struct fnode n;
	int added = 0;
	n.flags = 0;
	fnode_add(r, &n); // linked "escape-kept"
	added = 1;
	if (check())
		return;
end:
	if (added)
		fnode_del(&n);
}

/* the keeping call in a loop, the flag set after it, then reset on the
   next turn, which leaves without the call */
void flag_loop_reset(struct freg *r, int m)
{
	struct fnode n;
	int added = 0;
	n.flags = 0;
	for (int i = 0; i < m; i++) {
		added = 0;
		if (check())
			continue;
		fnode_add(r, &n); // linked "escape-kept"
		added = 1;
	}
	if (added)
		fnode_del(&n);
}
