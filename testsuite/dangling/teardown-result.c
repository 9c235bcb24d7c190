/* Teardown of memory a callee returns: the callee stores what it is given
   into memory it returns (not a fresh allocation of its own: the
   project's allocator takes it from a free list or through a function
   pointer), and the caller releases that memory (by a function of the
   file that frees it) before it returns.  SQLite's whereLoopAddVirtual:
   allocateIndexInfo puts pWC into the index info it returns, from
   sqlite3DbMallocZero; freeIndexInfo frees it before the return. */
#include <stdlib.h>

struct slot { struct slot *next; };
struct db { struct slot *free_slots; char *start, *end; };
struct mem_methods { void *(*xmalloc)(size_t); void (*xfree)(void *); };
static void *mem_malloc(size_t n) { return malloc(n); }
static void mem_free(void *p) { free(p); }
static struct mem_methods config = { mem_malloc, mem_free };

/* a slot off the free list, or memory through a function pointer */
__attribute__((noinline)) void *db_malloc(struct db *db, size_t n)
{
	struct slot *s = db->free_slots;
	if (s && n <= 64) {
		db->free_slots = s->next;
		return s;
	}
	return config.xmalloc(n);
}

/* back on the free list, or freed through a function pointer */
__attribute__((noinline)) void db_free(struct db *db, void *p)
{
	if ((char *)p >= db->start && (char *)p < db->end) {
		struct slot *s = p;
		s->next = db->free_slots;
		db->free_slots = s;
		return;
	}
	config.xfree(p);
}

struct wc { int n; };
struct info { struct wc *wc; int cost; };
struct builder { struct db *db; struct wc *wc; };

static void *considered;
/* keeps what it is given */
__attribute__((noinline)) void consider(struct info *p)
{
	considered = p;
}

/* stores b->wc into the memory it returns */
__attribute__((noinline)) struct info *alloc_info(struct builder *b)
{
	struct info *p = db_malloc(b->db, sizeof *p);
	if (!p)
		return 0;
	p->wc = b->wc;
	p->cost = 0;
	return p;
}

/* the same through one more function */
__attribute__((noinline)) struct info *get_info(struct builder *b)
{
	return alloc_info(b);
}

__attribute__((noinline)) void free_info(struct db *db, struct info *p)
{
	db_free(db, p);
}

/* released before every return */
__attribute__((noinline)) int add_virtual(struct builder *b)
{
	struct info *p = alloc_info(b);
	if (!p)
		return 1;
	consider(p);
	free_info(b->db, p);
	return 0;
}

int add_or(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	return add_virtual(&sub);
}

/* released where it was made: the null path keeps nothing */
__attribute__((noinline)) int add_virtual_if(struct builder *b)
{
	struct info *p = get_info(b);
	if (p) {
		consider(p);
		free_info(b->db, p);
	}
	return 0;
}

int add_or_if(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	return add_virtual_if(&sub);
}

/* released on one path only: kept */
__attribute__((noinline)) int add_virtual_leaky(struct builder *b, int c)
{
	struct info *p = alloc_info(b);
	if (!p)
		return 1;
	consider(p);
	if (c)
		free_info(b->db, p);
	return 0;
}

int add_or_leaky(struct builder *b0, int c)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	return add_virtual_leaky(&sub, c); // dangle "escape-kept"
}

/* another object released: kept */
__attribute__((noinline)) int add_virtual_other(struct builder *b)
{
	struct info *p = alloc_info(b);
	struct info *q = alloc_info(b);
	if (!p || !q)
		return 1;
	consider(p);
	free_info(b->db, q);
	return 0;
}

int add_or_other(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	return add_virtual_other(&sub); // dangle "escape-kept"
}

/* the memory returned is kept, not released: kept */
static struct info *saved;
__attribute__((noinline)) int add_virtual_saved(struct builder *b)
{
	saved = alloc_info(b);
	return saved != 0;
}

int add_or_saved(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	return add_virtual_saved(&sub); // dangle "escape-kept"
}

/* returned to the caller, who does not release it: kept */
struct info *add_virtual_out(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	return get_info(&sub); // dangle "escape-kept"
}

/* the callee also keeps what it is given elsewhere: kept */
static struct wc *last_wc;
__attribute__((noinline)) struct info *alloc_info_kept(struct builder *b)
{
	struct info *p = db_malloc(b->db, sizeof *p);
	if (!p)
		return 0;
	p->wc = b->wc;
	last_wc = b->wc;
	return p;
}

__attribute__((noinline)) int add_virtual_kept(struct builder *b)
{
	struct info *p = alloc_info_kept(b);
	if (!p)
		return 1;
	free_info(b->db, p);
	return 0;
}

int add_or_kept(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	return add_virtual_kept(&sub); // dangle "escape-kept"
}

/* the memory made on an earlier call, or a new one (SQLite's
   sqlite3GetVdbe: pParse->pVdbe, or sqlite3VdbeCreate) */
struct cache { struct db *db; struct wc *wc; struct info *cached; };
__attribute__((noinline)) struct info *cached_info(struct cache *c)
{
	if (c->cached)
		return c->cached;
	struct info *p = db_malloc(c->db, sizeof *p);
	if (p)
		p->wc = c->wc;
	return p;
}

int use_cached(struct db *db)
{
	struct wc temp = { 1 };
	struct cache c = { db, &temp, 0 };
	struct info *p = cached_info(&c);
	if (p)
		db_free(db, p);
	return 0;
}

/* another memory returned than the one stored into: kept */
static struct info *pending;
__attribute__((noinline)) struct info *swap_info(struct builder *b)
{
	struct info *p = db_malloc(b->db, sizeof *p);
	struct info *q = db_malloc(b->db, sizeof *q);
	if (!p || !q)
		return 0;
	p->wc = b->wc;
	pending = p;
	return q;
}

int use_swap(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	struct info *q = swap_info(&sub); // dangle "escape-kept"
	if (q)
		free_info(b0->db, q);
	return 0;
}

/* released only when its count drops to zero: not surely dead, kept */
struct robj { int ref; struct wc *wc; };
struct robj *lookup(int key);
__attribute__((noinline)) void unref(struct db *db, struct robj *o)
{
	if (--o->ref == 0)
		db_free(db, o);
}

void use_counted(struct db *db, int key)
{
	struct wc temp = { 1 };
	struct robj *o = lookup(key);
	o->wc = &temp; // dangle "escape-caller"
	unref(db, o);
}

/* the same freed whatever its count: torn down */
__attribute__((noinline)) void drop(struct db *db, struct robj *o)
{
	o->ref = 0;
	db_free(db, o);
}

void use_dropped(struct db *db, int key)
{
	struct wc temp = { 1 };
	struct robj *o = lookup(key);
	o->wc = &temp;
	drop(db, o);
}

/* the allocator hooks are the C library's own functions (a field set to
   free by the unit releases what it is called with) */
struct lib_methods { void *(*xmalloc)(size_t); void (*xfree)(void *); };
static struct lib_methods lib = { malloc, free };

__attribute__((noinline)) struct info *lib_info(struct builder *b)
{
	struct info *p = lib.xmalloc(sizeof *p);
	if (p)
		p->wc = b->wc;
	return p;
}

__attribute__((noinline)) void lib_release(void *p)
{
	lib.xfree(p);
}

int use_lib(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	struct info *p = lib_info(&sub);
	if (!p)
		return 1;
	consider(p);
	lib_release(p);
	return 0;
}

/* the same not released: kept */
int use_lib_kept(struct builder *b0)
{
	struct wc temp = { 1 };
	struct builder sub = *b0;
	sub.wc = &temp;
	struct info *p = lib_info(&sub); // dangle "escape-kept"
	if (!p)
		return 1;
	consider(p);
	return 0;
}
