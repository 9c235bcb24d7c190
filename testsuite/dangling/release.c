/* A parameter its function releases: frees it (a rule's "free"), or hands
   it to a function that releases it, directly or through a function
   pointer whose targets the unit knows (a field of a methods table it
   fills in), on some path.  A deallocator that recycles its argument
   (SQLite's lookaside: the slot is pushed on the connection's free list)
   stores it, a reallocator returns it when it is big enough, but what
   reaches them is not "kept" in any sense a C programmer means: freeing
   a stack object is another bug.  The escape stands (notes); no dangling
   warning rests on what a function does with a parameter it releases.
   The shape of SQLite's StrAccum over a stack buffer: the accumulator
   reallocates its buffer (only when it is malloced), and a failed
   allocation reports an error by printing into an accumulator again (one
   recursive component, where whatever the reallocator returns reaches
   every caller's use of it, here mem_grow's store into the heap). */
#include <stdlib.h>
#include <string.h>

struct slot { struct slot *next; };
struct conn { struct slot *free_list; char *start, *end; char *err; };
struct methods { void (*xFree)(void *); void *(*xRealloc)(void *, size_t); };

static void mem_free(void *prior)
{
	char *p = prior;
	free(p - 8);
}

static void *mem_realloc(void *prior, size_t n)
{
	char *p = prior;
	return realloc(p - 8, n + 8);
}

static const struct methods default_methods = { mem_free, mem_realloc };
static struct methods config;

void config_default(void)
{
	config = default_methods;
}

void api_free(void *p)
{
	if (p)
		config.xFree(p);
}

/* recycles a slot of the connection's own, frees anything else */
void conn_free(struct conn *db, void *p)
{
	if ((char *)p >= db->start && (char *)p < db->end) {
		struct slot *s = p;
		s->next = db->free_list;
		db->free_list = s;
		return;
	}
	free(p);
}

struct acc { struct conn *db; char *z; unsigned n, cap; int malloced; };
void acc_append(struct acc *a, const char *s, unsigned n);

static void oom(struct conn *db)
{
	char buf[32];
	struct acc a = { db, buf, 0, sizeof buf, 0 };
	acc_append(&a, "out of memory", 13);
	db->err = strdup(a.z);
}

void *conn_realloc(struct conn *db, void *p, size_t n)
{
	void *q;
	if ((char *)p >= db->start && (char *)p < db->end && n <= 64)
		return p;
	q = config.xRealloc(p, n);
	if (!q)
		oom(db);
	return q;
}

struct mem { struct conn *db; char *z; };

void mem_grow(struct mem *m, size_t n)
{
	m->z = conn_realloc(m->db, m->z, n);
}

void acc_append(struct acc *a, const char *s, unsigned n)
{
	if (a->n + n > a->cap) {
		char *z = conn_realloc(a->db, a->malloced ? a->z : 0, 2 * (a->n + n));
		if (!z)
			return;
		if (!a->malloced)
			memcpy(z, a->z, a->n);
		a->z = z;
		a->cap = 2 * (a->n + n);
		a->malloced = 1;
	}
	memcpy(a->z + a->n, s, n);
	a->n += n;
}

void acc_reset(struct acc *a)
{
	if (a->malloced)
		conn_free(a->db, a->z);
	a->malloced = 0;
	a->z = 0;
	a->n = a->cap = 0;
}

void render(struct conn *db, const char *msg, void (*out)(const char *))
{
	char buf[100];
	struct acc a = { db, buf, 0, sizeof buf, 0 };
	acc_append(&a, msg, strlen(msg));
	acc_append(&a, "\n", 1);
	out(a.z);
	acc_reset(&a);
}

void free_own(struct conn *db)
{
	char tmp[16];
	conn_free(db, tmp); /* another bug (a free of a stack array), not a keeper */
}

/* still warned: a function that keeps one argument and releases another */
char *last_name;
void remember(struct conn *db, char *name, void *old)
{
	last_name = name;
	conn_free(db, old);
}

void named(struct conn *db, void *old)
{
	char name[8] = "x";
	remember(db, name, old); // dangle "escape-kept"
}

/* and a free list of the caller's own is a store like any other */
void push(struct slot **head, struct slot *s)
{
	s->next = *head;
	*head = s;
}

void pushed(struct slot **head)
{
	struct slot s;
	push(head, &s); // dangle "escape-kept"
}
