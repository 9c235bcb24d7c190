/* testsuite/link/hooks: each function a case; a linked marker names the
   warnings the link step must give, and no other. */
#include <stddef.h>
#include "hooks.h"

int check(int);
void cb(void *);

/* freed on every path, through the deallocator hook or free() */
int ev_clean(void)
{
	int got = 0;
	struct ev *e = ev_new(cb, &got);
	if (!e)
		return 1;
	ev_run(e);
	ev_free(e);
	return got;
}

/* the cleanup idiom: the handle starts null, every failure jumps to the
   end, which frees it if it was made (libevent's tests) */
int ev_clean_end(int c)
{
	int got = 0;
	struct ev *e = NULL;
	if (check(c))
		goto end;
	e = ev_new(cb, &got);
	if (!e)
		goto end;
	if (check(got))
		goto end;
	ev_run(e);
end:
	if (e)
		ev_free(e);
	return got;
}

/* freed, made again for another object, freed at the end */
int ev_clean_again(int c)
{
	int a = 0, b = 0;
	struct ev *e = NULL;
	if (check(c))
		goto end;
	e = ev_new(cb, &a);
	ev_run(e);
	if (check(a))
		goto end;
	ev_free(e);
	e = ev_new(cb, &b);
	ev_run(e);
end:
	if (e)
		ev_free(e);
	return a + b;
}

/* dropped on one path: the event still holds &got */
int ev_dropped(int c)
{
	int got = 0;
	struct ev *e = NULL;
	if (check(c))
		goto end;
	e = ev_new(cb, &got); // linked "escape-kept"
	if (check(got))
		e = NULL;
end:
	if (e)
		ev_free(e);
	return got;
}

/* freed on one path only */
int ev_free_some(int c)
{
	int got = 0;
	struct ev *e = NULL;
	if (check(c))
		goto end;
	e = ev_new(cb, &got); // linked "escape-kept"
	ev_run(e);
end:
	if (e && c > 1)
		ev_free(e);
	return got;
}

/* another event freed */
int ev_free_other(int c)
{
	int got = 0, other = 0;
	struct ev *e = NULL, *o = NULL;
	if (check(c))
		goto end;
	o = ev_new(cb, &other);
	e = ev_new(cb, &got); // linked "escape-kept"
	ev_run(e);
end:
	if (o)
		ev_free(o);
	return got + other;
}

/* handed to a hook that is no deallocator */
int ev_notified(int c)
{
	int got = 0;
	struct ev *e = NULL;
	if (check(c))
		goto end;
	e = ev_new(cb, &got); // linked "escape-kept"
	ev_run(e);
end:
	if (e)
		ev_notify(e);
	return got;
}

/* kept in a registry that is freed at the end if it was made (a null
   registry kept nothing) */
int reg_clean(int c)
{
	int x = 0;
	struct reg *r = NULL;
	if (check(c))
		goto end;
	r = reg_new();
	if (!r)
		goto end;
	reg_add(r, &x);
	if (check(x))
		goto end;
	reg_add(r, &c);
end:
	if (r)
		reg_free(r);
	return x;
}

/* the registry freed on one path only */
int reg_some(int c)
{
	int x = 0;
	struct reg *r = NULL;
	if (check(c))
		goto end;
	r = reg_new();
	if (!r)
		goto end;
	reg_add(r, &x); // linked "escape-kept"
end:
	if (r && c > 2)
		reg_free(r);
	return x;
}

/* the callbacks cleared by the release (every pointer field the keeper
   set), whatever the reference count does */
int conn_clean(int c)
{
	int x = 0;
	struct conn *k = NULL;
	if (check(c))
		goto end;
	k = conn_new();
	if (!k)
		goto end;
	conn_setcb(k, cb, cb, &x);
	conn_run(k);
end:
	if (k)
		conn_free(k);
	return x;
}

/* the handle read from memory (an out-parameter) */
int conn_clean_out(int c)
{
	int x = 0;
	struct conn *k = NULL, *made;
	if (check(c))
		goto end;
	if (conn_open(&made))
		goto end;
	k = made;
	conn_setcb(k, cb, cb, &x);
	conn_run(k);
end:
	if (k)
		conn_free(k);
	return x;
}

/* the release leaves the callbacks' argument */
int conn_closed(void)
{
	int x = 0;
	struct conn *k = conn_new();
	if (!k)
		return 1;
	conn_setcb(k, cb, cb, &x); // linked "escape-kept"
	conn_run(k);
	conn_close(k);
	return x;
}

/* released on one path only */
int conn_some(int c)
{
	int x = 0;
	struct conn *k = conn_new();
	if (!k)
		return 1;
	conn_setcb(k, cb, cb, &x); // linked "escape-kept"
	conn_run(k);
	if (c)
		conn_free(k);
	return x;
}

/* freed through the deallocator the handle holds */
int parser_clean(const char *s)
{
	int depth = 0;
	struct parser *p = parser_create(NULL);
	if (!p)
		return 1;
	parser_set_user(p, &depth);
	if (parser_parse(p, s)) {
		parser_free(p);
		return 1;
	}
	parser_free(p);
	return depth;
}

/* the caller's own deallocator */
int parser_clean_mm(const char *s, const struct mem *ms)
{
	int depth = 0;
	struct parser *p = parser_create(ms);
	if (!p)
		return 1;
	parser_set_user(p, &depth);
	parser_parse(p, s);
	parser_free(p);
	return depth;
}

/* an indirect call through a field that holds no deallocator */
int parser_reported(const char *s)
{
	int depth = 0;
	struct parser *p = parser_create(NULL);
	if (!p)
		return 1;
	parser_set_user(p, &depth); // linked "escape-kept"
	parser_parse(p, s);
	parser_report(p);
	return depth;
}

/* freed on one path only */
int parser_free_some(const char *s, int c)
{
	int depth = 0;
	struct parser *p = parser_create(NULL);
	if (!p)
		return 1;
	parser_set_user(p, &depth); // linked "escape-kept"
	parser_parse(p, s);
	if (c)
		parser_free(p);
	return depth;
}
