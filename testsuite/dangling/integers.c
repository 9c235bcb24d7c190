/* An address converted to an integer escapes (the notes say so), but no
   dangling warning rests on it: an integer is not dereferenced (a stack
   depth probe, a hash by address, a counter copied from a struct that
   also holds a pointer). */
#include <stddef.h>
#include <stdint.h>

size_t stack_mark;
static size_t hash_slot;

void probe(void)
{
	char here;
	stack_mark = (size_t)&here;
}

void hashed(void)
{
	int x = 0;
	hash_slot = ((size_t)&x >> 4) & 63;
}

size_t depth(void)
{
	char here;
	return (size_t)&here;
}

struct vec { char *base; size_t size; };

void sent(size_t *total)
{
	char buf[16];
	struct vec v = { buf, sizeof buf };
	size_t send = 0;
	struct vec *vp = &v;
	send += vp->size;
	*total = send;
}

void counted(size_t *out)
{
	char buf[8];
	struct vec v;
	v.base = buf;
	v.size = 3;
	struct vec *volatile pv = &v;
	*out = pv->size;
}

/* still a warning: the address itself, not a number made of it */
char *kept;
void pointer(void)
{
	char buf[8];
	struct vec v = { buf, 0 };
	struct vec *volatile pv = &v;
	kept = pv->base; // dangle "escape-global"
}

/* uintptr_t and intptr_t are declared to hold addresses: kept in a table
   of handles, turned back into pointers later */
static uintptr_t handles[4];
void handle(void)
{
	int x = 0;
	handles[0] = (uintptr_t)&x; // dangle "escape-global"
}

/* and a number turned back into a pointer is an address again */
int *back;
void round_trip(void)
{
	int x = 0;
	long n = (long)&x;
	back = (int *)n; // dangle "escape-global"
}
