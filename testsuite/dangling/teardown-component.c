/* Teardown inside one recursive component: a callee of the component
   stores what it is given into memory it returns (from the project's
   allocator: a free list, or a function pointer), and the caller ends
   that memory with another function of the component before it returns.
   SQLite's sqlite3WhereRightJoinLoop: sqlite3WhereBegin(pParse, &sFrom,
   ...) stores &sFrom into the WhereInfo it returns (pWInfo->pTabList),
   sqlite3WhereEnd frees it; sqlite3WhereEnd calls
   sqlite3WhereRightJoinLoop, which calls sqlite3WhereBegin: one
   component.  The sinks walk takes a store of a called activation into
   the memory its function returns (on every path after it, or null
   there) for what the call's value points to, when the call's value is
   released on every path after it (or null there); a call that does not
   release it leaves the store a sink.  So it still warns when the memory
   is kept, released on one path only, or returned, and when the callee
   keeps what it is given elsewhere too.  (A wrapper that returns the
   memory on, where_begin_kept, does not release it: the store is a sink
   there; allowed, not required.) */
#include <stdlib.h>

struct slot { struct slot *next; };
struct db { struct slot *free_slots; char *start, *end; int failed; };
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

struct src { int n; void *a; };
struct winfo { struct src *tab; int level; };
static struct winfo *saved;
static struct src *last_tab;
static void *considered;
__attribute__((noinline)) void consider(struct winfo *w) { considered = w; }

struct winfo *where_begin(struct db *db, struct src *tab, int depth);
void where_end(struct db *db, struct winfo *w, int depth);

/* clean: ended before the return (sqlite3WhereRightJoinLoop) */
__attribute__((noinline)) static void right_join(struct db *db,
						 struct winfo *w, int depth) // fact "warning right_join from clean"
{
	struct src from;
	from.n = w->level;
	from.a = 0;
	struct winfo *sub = where_begin(db, &from, depth - 1);
	if (sub) {
		consider(sub);
		where_end(db, sub, depth - 1);
	}
}

/* stores tab into the memory it returns (or frees it and returns 0) */
struct winfo *where_begin(struct db *db, struct src *tab, int depth)
{
	if (depth > 3) {	/* a subquery, coded first */
		struct winfo *o = where_begin(db, 0, depth - 2);
		if (o)
			where_end(db, o, depth - 2);
	}
	struct winfo *w = db_malloc(db, sizeof *w);
	if (!w)
		return 0;
	if (db->failed) {
		db_free(db, w);
		return 0;
	}
	w->tab = tab;
	w->level = depth;
	return w;
}

static void right_join_leaky(struct db *db, struct winfo *w, int depth);
static void right_join_saved(struct db *db, struct winfo *w, int depth);
static struct winfo *right_join_out(struct db *db, struct winfo *w,
				    int depth);
static void right_join_kept(struct db *db, struct winfo *w, int depth);

void where_end(struct db *db, struct winfo *w, int depth)
{
	if (depth > 0)
		right_join(db, w, depth);
	if (depth > 10)
		right_join_leaky(db, w, depth);
	if (depth > 20)
		right_join_saved(db, w, depth);
	if (depth > 30)
		consider(right_join_out(db, w, depth));
	if (depth > 40)
		right_join_kept(db, w, depth);
	db_free(db, w);
}

/* ended on one path only, kept on the other */
__attribute__((noinline)) static void right_join_leaky(struct db *db,
						       struct winfo *w, int depth)
{
	struct src from = { 1, 0 };
	struct winfo *sub = where_begin(db, &from, depth - 1); // dangle "escape-caller"
	if (!sub)
		return;
	consider(sub);	// dangle "escape-kept"
	if (w->level > 2)
		where_end(db, sub, depth - 1);
}

/* kept in a static, never ended */
__attribute__((noinline)) static void right_join_saved(struct db *db,
						       struct winfo *w, int depth)
{
	struct src from = { 1, 0 };
	from.n = w->level;
	saved = where_begin(db, &from, depth - 1);	// dangle "escape-global" "escape-caller"
}

/* returned to the caller */
__attribute__((noinline)) static struct winfo *right_join_out(struct db *db,
							      struct winfo *w,
							      int depth)
{
	struct src from = { 1, 0 };
	from.n = w->level;
	return where_begin(db, &from, depth - 1);	// dangle "escape-return" "escape-caller"
}

/* the callee keeps what it is given elsewhere too */
__attribute__((noinline)) static struct winfo *where_begin_kept(
	struct db *db, struct src *tab, int depth)
{
	struct winfo *w = where_begin(db, tab, depth);
	last_tab = tab;
	return w;
}

__attribute__((noinline)) static void right_join_kept(struct db *db,
						      struct winfo *w, int depth)
{
	struct src from = { 1, 0 };
	from.n = w->level;
	struct winfo *sub = where_begin_kept(db, &from, depth - 1); // dangle "escape-global" may-warn "escape-caller"
	if (sub)
		where_end(db, sub, depth - 1);
}

