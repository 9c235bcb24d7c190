/* A stack struct's fields: an integer field next to a pointer field
   carries no address (s.n, v.size), so copying it out of the frame is no
   warning; the pointer field still is.  A field overwritten before it is
   read no longer holds what it held (s.data = buf; s.data = malloc (n);
   v->data = s.data leaves no buf): unless the store that overwrote it is
   not the last on every path, or something in between may write it. */
#include <stddef.h>
#include <stdlib.h>

struct S { int *p; long n; };
struct vec { char *base; size_t size; };
void look(const struct S *);
void lookv(const struct vec *);

void number(long *out)
{
	int buf[4];
	struct S s;
	s.p = buf;
	s.n = 3;
	look(&s);
	*out = s.n;
}

void sent(size_t *total)
{
	char buf[16];
	struct vec v = { buf, sizeof buf };
	lookv(&v);
	size_t send = 0;
	send += v.size;
	*total = send;
}

void pointer(int **out)
{
	int buf[4];
	struct S s;
	s.p = buf;
	s.n = 3;
	look(&s);
	*out = s.p; // dangle "escape-caller"
}

struct buf { char *data; size_t n; };
void fill(struct buf *);

void overwritten(struct buf *v, size_t n)
{
	char buf[16];
	struct buf s;
	s.data = buf;
	fill(&s);
	s.data = malloc(n);
	v->data = s.data;
}

void overwritten_plain(struct buf *v, size_t n)
{
	char buf[16];
	struct buf s;
	s.data = buf;
	s.n = 3;
	s.data = malloc(n);
	v->data = s.data;
}

char *overwritten_returned(size_t n)
{
	char buf[16];
	struct buf s;
	s.data = buf;
	fill(&s);
	s.data = malloc(n);
	return s.data;
}

/* overwritten on one path only */
void overwritten_if(struct buf *v, size_t n, int c)
{
	char buf[16];
	struct buf s;
	s.data = buf;
	fill(&s);
	if (c)
		s.data = malloc(n);
	v->data = s.data; // dangle "escape-caller"
}

/* the last store is buf's */
void stored_last(struct buf *v, size_t n)
{
	char buf[16];
	struct buf s;
	s.data = malloc(n);
	fill(&s);
	s.data = buf;
	v->data = s.data; // dangle "escape-caller"
}

char *stored_last_returned(size_t n)
{
	char buf[16];
	struct buf s;
	s.data = malloc(n);
	fill(&s);
	s.data = buf;
	return s.data; // dangle "escape-return"
}

/* written again through a pointer to s */
void through_pointer(struct buf *v, size_t n)
{
	char buf[16];
	struct buf s;
	struct buf *ps = &s;
	fill(ps);
	s.data = malloc(n);
	ps->data = buf;
	v->data = s.data; // dangle "escape-caller"
}

/* another field written in between */
void other_field(struct buf *v, size_t n)
{
	char buf[16];
	struct buf s;
	s.data = buf;
	fill(&s);
	s.n = n;
	v->data = s.data; // dangle "escape-caller"
}
