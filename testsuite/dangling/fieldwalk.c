/* The sinks walk tells a stack struct's fields apart by byte range
   (esc_edge_field): a load of one field through a pointer to the struct
   is not the address another field holds.  Clean: the other field read
   through a pointer.  True: the same field read, a copy of the whole
   struct, a memcpy of it, a view of it through another struct type
   whose field lies at the same offset, a field read after pointer
   arithmetic. */
#include <string.h>

struct S { int *p; int *q; };
struct T { int *a; int *b; };
void look(struct S *);

int zero;

/* q read through a pointer to s; p holds &x (no call in between: what
   a callee given &s may write is another question) */
void other_field(int **out)
{
	int x = 0;
	struct S s;
	struct S *ps = &s;
	s.p = &x;
	s.q = &zero;
	*out = ps->q;	// fact "warning other_field x clean"
}

void same_field(int **out)
{
	int x = 0;
	struct S s;
	struct S *ps = &s;
	s.p = &x;
	s.q = &zero;
	*out = ps->p;	// dangle "escape-caller"
}

void whole_copy(int **out)
{
	int x = 0;
	struct S s, t;
	s.p = &x;
	s.q = &zero;
	look(&s);
	t = s;
	look(&t);
	*out = t.p;	// dangle "escape-caller"
}

void copied_bytes(int **out)
{
	int x = 0;
	struct S s, t;
	s.p = &x;
	s.q = &zero;
	look(&s);
	memcpy(&t, &s, sizeof s);
	look(&t);
	*out = t.p;	// dangle "escape-caller"
}

void other_type(int **out)
{
	int x = 0;
	struct S s;
	s.p = &x;
	s.q = &zero;
	look(&s);
	*out = ((struct T *)&s)->a;	// dangle "escape-caller"
}

void by_offset(int **out, long k)
{
	int x = 0;
	struct S s;
	s.p = &zero;
	s.q = &x;
	look(&s);
	int **pp = &s.p;
	*out = pp[k];	// dangle "escape-caller"
}
