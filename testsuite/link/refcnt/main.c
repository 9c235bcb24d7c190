/* testsuite/link/refcnt: each function a case; a linked marker names the
   warnings the link step must give, and a compile of this file with the
   linked summaries too, and no other. */
#include <stddef.h>
#include "refcnt.h"

void cb(void *);
void work(void);
void opaque(struct lis *l);

/* the only reference released: the listener and what it kept freed */
int lis_clean(int port)
{
	int n = 0;
	struct lis *l = lis_new_bind(cb, &n, port);
	if (!l)
		return 1;
	if (lis_fd(l) < 0)
		n = 2;
	work();
	lis_free(l);
	return n;
}

/* the same through a wrapper returning a conditional expression */
int lis_clean_if(int on)
{
	int n = 0;
	struct lis *l = lis_new_if(cb, &n, on);
	if (!l)
		return 1;
	work();
	lis_free(l);
	return n;
}

/* released on every path, early ones too */
int lis_clean_paths(int port, int c)
{
	int n = 0;
	struct lis *l = lis_new(cb, &n);
	if (!l)
		return 1;
	if (c) {
		lis_free(l);
		return 3;
	}
	work();
	lis_free(l);
	return n;
}

/* another reference taken: the release leaves it alive */
int lis_extra(int port)
{
	int n = 0;
	struct lis *l = lis_new_bind(cb, &n, port); // linked "escape-kept"
	if (!l)
		return 1;
	lis_incref(l);
	lis_free(l);
	return n;
}

/* released on one path only */
int lis_some(int port, int c)
{
	int n = 0;
	struct lis *l = lis_new_bind(cb, &n, port); // linked "escape-kept"
	if (!l)
		return 1;
	if (c)
		lis_free(l);
	return n;
}

/* a wrapper that takes a reference of its own */
int lis_wrapped_held(void)
{
	int n = 0;
	struct lis *l = lis_new_held(cb, &n); // linked "escape-kept"
	if (!l)
		return 1;
	lis_free(l);
	return n;
}

/* a constructor that sets the count to 2 */
int lis_two(void)
{
	int n = 0;
	struct lis *l = lis_new_two(cb, &n); // linked "escape-kept"
	if (!l)
		return 1;
	lis_free(l);
	return n;
}

/* a constructor that sets the count to 1 on one path only */
int lis_maybe(int shared)
{
	int n = 0;
	struct lis *l = lis_new_maybe(cb, &n, shared); // linked "escape-kept"
	if (!l)
		return 1;
	lis_free(l);
	return n;
}

/* a constructor that does not set the count */
int lis_unset(void)
{
	int n = 0;
	struct lis *l = lis_new_unset(cb, &n); // linked "escape-kept"
	if (!l)
		return 1;
	lis_free(l);
	return n;
}

/* a release that frees where the count reaches 1, not 0 */
int lis_at_one(void)
{
	int n = 0;
	struct lis *l = lis_new(cb, &n); // linked "escape-kept"
	if (!l)
		return 1;
	lis_free_at_one(l);
	return n;
}

/* the object handed to a function defined nowhere: it may take a
   reference */
int lis_handed(void)
{
	int n = 0;
	struct lis *l = lis_new(cb, &n); // linked "escape-kept"
	if (!l)
		return 1;
	opaque(l);
	lis_free(l);
	return n;
}

/* another object released */
int lis_other(void)
{
	int n = 0, m = 0;
	struct lis *l = lis_new(cb, &n); // linked "escape-kept"
	struct lis *k = lis_new(cb, &m); // linked "escape-kept"
	if (!l || !k)
		return 1;
	lis_free(k);
	return n + m;
}

/* the port closed: freed where --refcnt == 0 */
int port_clean(void)
{
	int n = 0;
	struct port *p = port_add(cb, &n);
	if (!p)
		return 1;
	work();
	port_close(p);
	return n;
}

/* the port held by the library too: closing only drops a reference */
int port_held(void)
{
	int n = 0;
	struct port *p = port_add(cb, &n); // linked "escape-kept"
	if (!p)
		return 1;
	port_hold(p);
	port_close(p);
	return n;
}

/* the buffer freed: if (--refcnt > 0) return; free */
int buf_clean(void)
{
	int n = 0;
	struct buf *b = buf_new(cb, &n);
	if (!b)
		return 1;
	work();
	buf_free(b);
	return n;
}
