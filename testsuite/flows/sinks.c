/* m=2: each escape names its real sink, step by step. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

void registry_add(int key, void *p);
int *g;
uintptr_t gi;
struct box { int *p; };
struct box gbox;

void to_global(void)
{
	int x = 0;
	int *p = &x; // flow "x escapes to heap:" "15: address-of x" "assign p" "16: store to global g"
	g = p;
}

void to_unknown(void)
{
	int x = 0;
	registry_add(1, &x); // flow "x escapes to heap:" "address-of x" "argument 2 of registry_add \(no body, no rule\)"
}

static void keep(int *p)
{
	g = p;
}

static void keep2(int *p)
{
	keep(p);
}

void two_down(void)
{
	int x = 0;
	keep2(&x); // flow "x escapes to heap:" "address-of x" "argument 1 of keep2 \(kept by its body\)"
}

static void *worker(void *arg)
{
	return arg;
}

void to_thread(void)
{
	int x = 0;
	pthread_t t;
	pthread_create(&t, NULL, worker, &x); // flow "x escapes to heap:" "address-of x" "thread argument of pthread_create"
	pthread_join(t, NULL);
}

void to_rule(void)
{
	char buf[BUFSIZ];
	setvbuf(stdout, buf, _IOFBF, sizeof buf); // flow "buf escapes to heap:" "address-of buf" "argument 2 of setvbuf \(kept by its rule\)"
}

void indirect(void (*cb)(int *))
{
	int x = 0;
	cb(&x); // flow "x escapes to heap:" "address-of x" "argument 1 of indirect call"
}

int *returned(void)
{
	static int s;
	int x = 0;
	int *p = &x; // flow "x escapes to heap:" "address-of x" "assign p" "71: return"
	return s ? &s : p;
}

void field_to_global(void)
{
	int x = 0;
	struct box b;
	b.p = &x; // flow "x escapes to heap:" "address-of x" "store to local b" "79: store to global gbox"
	gbox = b;
}

void caller_memory(int **out)
{
	int x = 0;
	*out = &x; // flow "x escapes to heap:" "address-of x" "store through pointer.*"
}

void to_integer(void)
{
	int x = 0;
	gi = (uintptr_t)&x; // flow "x escapes to heap:" "address-of x" "conversion to integer" "store to global gi"
}

void in_asm(void)
{
	int x = 0;
	__asm__ volatile("" : : "r"(&x) : "memory"); // flow "x escapes to heap:" "address-of x" "asm operand 1"
}
