/* A stack struct's fields: an integer field next to a pointer field
   carries no address (s.n, v.size), so copying it out of the frame is no
   warning; the pointer field still is. */
#include <stddef.h>

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
