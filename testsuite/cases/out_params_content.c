/* A callee that stores a value from outside into *p (a summary's
   other_out) and, on another path, what it loads from *db: the
   caller's db leaks only its content (sqlite3ArrayAllocate's db, passed
   to sqlite3DbRealloc).  The walk that finds the value from outside
   stopped early and left its queue to the summary's stores walk, which
   read those entries with a reset (infinite) distance: a load from db
   came out as db's own value stored into *p. */
struct db {
	void *x;
};

extern void *global_pool;

void load_first(struct db *db, void **p, int c) // want "leaking param content: db" "p does not escape"
{
	void *t = db->x;
	*p = c ? t : global_pool;
}

void pass_first(struct db *db, void **out, int c) // want "leaking param content: db" "out does not escape"
{
	load_first(db, out, c);
}

void global_first(struct db *db, void **p, int c) // want "leaking param content: db" "p does not escape"
{
	*p = c ? global_pool : db->x;
}

void pass_second(struct db *db, void **out, int c) // want "leaking param content: db" "out does not escape"
{
	global_first(db, out, c);
}
