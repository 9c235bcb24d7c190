/* Teardown through a field of the object itself: a callee allocates
   memory, stores the object's address into it and hangs it off a field
   of the object (SQLite's sqlite3VdbeCreate: v->pParse = pParse;
   pParse->pVdbe = v), and the caller releases what that field holds
   before it returns (sqlite3VdbeFinalize(sParse.pVdbe)).  The memory
   comes from the project's allocator (a free list, or through a
   function pointer), as in teardown-result.c. */
#include <stdlib.h>

struct slot { struct slot *next; };
struct db { struct slot *free_slots; char *start, *end; struct vdbe *all; };
struct mem_methods { void *(*xmalloc)(size_t); void (*xfree)(void *); };
static void *mem_malloc(size_t n) { return malloc(n); }
static void mem_free(void *p) { free(p); }
static struct mem_methods config = { mem_malloc, mem_free };

__attribute__((noinline)) void *db_malloc(struct db *db, size_t n)
{
	struct slot *s = db->free_slots;
	if (s && n <= 64) {
		db->free_slots = s->next;
		return s;
	}
	return config.xmalloc(n);
}

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

struct parse;
struct vdbe { struct parse *parse; struct db *db; int nop; struct vdbe *next; };
struct parse { struct db *db; int nerr; struct vdbe *vdbe; struct vdbe *other; };

/* hangs the new vdbe off p->vdbe, after storing p into it */
__attribute__((noinline)) struct vdbe *vdbe_create(struct parse *p)
{
	struct db *db = p->db;
	struct vdbe *v = db_malloc(db, sizeof *v);
	if (!v)
		return 0;
	v->db = db;
	v->nop = 0;
	v->next = db->all;
	db->all = v;
	v->parse = p;
	p->vdbe = v;
	return v;
}

__attribute__((noinline)) struct vdbe *get_vdbe(struct parse *p)
{
	if (p->vdbe)
		return p->vdbe;
	return vdbe_create(p);
}

/* code generation: the vdbe it gets stays hung off p */
__attribute__((noinline)) void code_halt(struct parse *p, int n)
{
	struct vdbe *v = get_vdbe(p);
	if (v)
		v->nop += n;
}

__attribute__((noinline)) void vdbe_delete(struct vdbe *v)
{
	db_free(v->db, v);
}

__attribute__((noinline)) int vdbe_finalize(struct vdbe *v)
{
	int rc = v->nop;
	vdbe_delete(v);
	return rc;
}

/* finalized before the return, when there is one */
int declare(struct db *db, int n)
{
	struct parse s = { 0 };
	s.db = db;
	code_halt(&s, n);
	if (s.vdbe)
		vdbe_finalize(s.vdbe);
	return s.nerr;
}

/* deleted on every path, the callee called directly */
int prepare(struct db *db, int n)
{
	struct parse s = { 0 };
	s.db = db;
	vdbe_create(&s);
	if (n)
		s.nerr++;
	if (s.vdbe == 0)
		return 1;
	vdbe_delete(s.vdbe);
	return s.nerr;
}

/* never finalized: kept */
int declare_leaky(struct db *db, int n)
{
	struct parse s = { 0 };
	s.db = db;
	code_halt(&s, n); // dangle "escape-kept"
	return s.nerr;
}

/* finalized on one path only: kept */
int declare_one_path(struct db *db, int n, int c)
{
	struct parse s = { 0 };
	s.db = db;
	code_halt(&s, n); // dangle "escape-kept"
	if (c && s.vdbe)
		vdbe_finalize(s.vdbe);
	return s.nerr;
}

/* another field's memory freed: kept */
int declare_other(struct db *db, int n)
{
	struct parse s = { 0 };
	s.db = db;
	code_halt(&s, n); // dangle "escape-kept"
	if (s.other)
		vdbe_finalize(s.other);
	return s.nerr;
}

/* the field overwritten before it is freed: kept */
int declare_cleared(struct db *db, int n)
{
	struct parse s = { 0 };
	s.db = db;
	code_halt(&s, n); // dangle "escape-kept"
	s.vdbe = 0;
	if (s.vdbe)
		vdbe_finalize(s.vdbe);
	return s.nerr;
}

/* the callee also keeps the object elsewhere: kept */
static struct parse *last_parse;
__attribute__((noinline)) void code_halt_kept(struct parse *p, int n)
{
	code_halt(p, n);
	last_parse = p;
}

int declare_kept(struct db *db, int n)
{
	struct parse s = { 0 };
	s.db = db;
	code_halt_kept(&s, n); // dangle "escape-kept"
	if (s.vdbe)
		vdbe_finalize(s.vdbe);
	return s.nerr;
}

/* hung off another argument's field: released through that one */
struct holder { int n; struct vdbe *vdbe; };
__attribute__((noinline)) void vdbe_attach(struct parse *p, struct holder *h)
{
	struct vdbe *v = db_malloc(p->db, sizeof *v);
	if (!v)
		return;
	v->db = p->db;
	v->nop = 0;
	v->parse = p;
	h->vdbe = v;
}

int attach_holder(struct db *db)
{
	struct parse s = { 0 };
	struct holder h = { 0, 0 };
	s.db = db;
	vdbe_attach(&s, &h);
	if (h.vdbe)
		vdbe_finalize(h.vdbe);
	return s.nerr;
}

/* ... and not through the object's own field of that name: kept */
int attach_wrong(struct db *db)
{
	struct parse s = { 0 };
	struct holder h = { 0, 0 };
	s.db = db;
	vdbe_attach(&s, &h); // dangle "escape-kept"
	if (s.vdbe)
		vdbe_finalize(s.vdbe);
	return s.nerr;
}

/* hung off the object first, the object stored into it after */
__attribute__((noinline)) struct vdbe *vdbe_create_first(struct parse *p)
{
	struct vdbe *v = db_malloc(p->db, sizeof *v);
	if (!v)
		return 0;
	p->vdbe = v;
	v->db = p->db;
	v->nop = 0;
	v->parse = p;
	return v;
}

int prepare_first(struct db *db)
{
	struct parse s = { 0 };
	s.db = db;
	vdbe_create_first(&s);
	if (s.vdbe)
		vdbe_finalize(s.vdbe);
	return s.nerr;
}

/* ... but the field set again after: what it held first is not freed */
__attribute__((noinline)) struct vdbe *vdbe_create_twice(struct parse *p)
{
	struct vdbe *v = db_malloc(p->db, sizeof *v);
	if (!v)
		return 0;
	p->vdbe = v;
	v->db = p->db;
	v->parse = p;
	p->vdbe = db_malloc(p->db, sizeof *v);
	return v;
}

int prepare_twice(struct db *db)
{
	struct parse s = { 0 };
	s.db = db;
	vdbe_create_twice(&s); // dangle "escape-kept"
	if (s.vdbe)
		vdbe_finalize(s.vdbe);
	return s.nerr;
}

/* a recursive coder: the inner parse's vdbe is hung off the inner
   parse, which nothing finalizes: kept (a function that a component
   calls passes no hang on) */
__attribute__((noinline)) int code_sub(struct parse *p, int n);
__attribute__((noinline)) int code_trigger(struct parse *p, int n)
{
	struct parse sub = { 0 };
	sub.db = p->db;
	code_sub(&sub, n); // dangle "escape-kept"
	return sub.nerr;
}

__attribute__((noinline)) int code_sub(struct parse *p, int n)
{
	get_vdbe(p);
	if (n > 0)
		return code_trigger(p, n - 1);
	return p->nerr;
}
