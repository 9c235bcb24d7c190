/* Fixture of run-report.sh: escapes through functions with no body and
   no rule (the rules worth writing), leaking parameters, an indirect call,
   heap allocations that escape or not.  No dangling warning but the
   header's. */
#include <stdlib.h>
#include "shared.h"

void registry_add(int key, const int *p);
void registry_add_all(const int *p, const int *q, int n);
void log_value(const char *s);

static int counter;

void add_one(int *p)
{
	registry_add(1, p);
}

void add_locals(void)
{
	int a = 1, b = 2;
	registry_add(2, &a);
	registry_add(3, &b);
	registry_add_all(&a, &b, 2);
	hdr_remember();
}

void say(const char *s)
{
	log_value(s);
}

void through_pointer(void (*fn)(int *))
{
	int c = 3;
	fn(&c);
}

int kept_local(void)
{
	int d = 4;
	int *p = &d;
	counter += *p;
	return counter;
}

char *fresh(size_t n)
{
	char *m = malloc(n);
	return m;
}

int scratch(void)
{
	char *m = malloc(16);
	int r = m != NULL;
	free(m);
	return r;
}
