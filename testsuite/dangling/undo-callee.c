/* Undo inside a callee: a function that saves a pointer, links its
   argument in, and restores the pointer before every return keeps
   nothing (SQLite's sqlite3RunParser: db->pParse = pParse ...
   db->pParse = pParentParse; sqlite3InitCallback: db->init.azInit =
   argv ... = sqlite3StdType).  The caller's stack object still escapes
   during the call (the notes say so); no warning says it is kept.  A
   restore on some paths only, of another field, or none at all, keeps
   it; so does a keeping of what the argument points to that is not
   undone. */
#include <stddef.h>

struct parse;
struct db { struct parse *pParse; const char **azInit; int busy; };
struct parse { struct db *db; struct parse *pOuter; const char *zTail; int n; };

void work(void *);
void tokenize(struct parse *);
struct parse *g_cur;
const char *g_tail;

/* a global, saved and restored */
int run_global(struct parse *p)
{
	struct parse *saved = g_cur;
	g_cur = p;
	tokenize(p);
	g_cur = saved;
	return p->n;
}

int prepare_global(struct db *db)
{
	struct parse s;
	s.db = db;
	s.n = 0;
	return run_global(&s);
}

/* the memory another parameter points to (through the argument itself:
   pParse->db->pParse), restored on every path, the early return too */
int run_parser(struct parse *p, const char *sql)
{
	struct db *db = p->db;
	struct parse *parent = db->pParse;
	db->pParse = p;
	if (sql[0] == 0) {
		db->pParse = parent;
		return 1;
	}
	work((void *)sql);
	db->pParse = parent;
	return p->n;
}

int prepare(struct db *db, const char *sql)
{
	struct parse s;
	s.db = db;
	s.n = 0;
	return run_parser(&s, sql);
}

/* put back to a constant */
static const char *std_type[] = { "INT", "TEXT" };

int init_callback(struct db *db, const char **argv)
{
	db->azInit = argv;
	work(db);
	db->azInit = std_type;
	return 0;
}

int init_one(struct db *db)
{
	const char *az[3];
	az[0] = "main";
	az[1] = 0;
	return init_callback(db, az);
}

/* restored on one path only */
int run_leaky(struct parse *p, int c)
{
	struct parse *saved = g_cur;
	g_cur = p;
	tokenize(p);
	if (c)
		g_cur = saved;
	return p->n;
}

int prepare_leaky(struct db *db, int c)
{
	struct parse s;
	s.db = db;
	s.n = 0;
	return run_leaky(&s, c); // dangle "escape-kept"
}

/* another field restored */
int run_other(struct parse *p)
{
	struct db *db = p->db;
	db->pParse = p;
	p->n = db->busy;
	db->azInit = NULL;
	return p->n;
}

int prepare_other(struct db *db)
{
	struct parse s;
	s.db = db;
	s.n = 0;
	return run_other(&s); // dangle "escape-kept"
}

/* the link undone, what the argument points to kept */
int run_tail(struct parse *p)
{
	struct parse *saved = g_cur;
	g_cur = p;
	tokenize(p);
	g_tail = p->zTail;
	g_cur = saved;
	return p->n;
}

int prepare_tail(struct db *db)
{
	char sql[32];
	struct parse s;
	s.db = db;
	s.n = 0;
	sql[0] = 0;
	s.zTail = sql;
	return run_tail(&s); // dangle "escape-kept"
}

/* the same in a recursive pair (a nested parse: sqlite3RunParser and
   sqlite3Prepare are one component, analysed as one graph): the sink in
   the callee is judged there */
int prepare_nested(struct db *db, const char *sql);

int run_nested(struct parse *p, const char *sql)
{
	struct db *db = p->db;
	struct parse *parent = db->pParse;
	db->pParse = p;
	if (sql[0] == '(')
		prepare_nested(db, sql + 1);
	db->pParse = parent;
	return p->n;
}

int prepare_nested(struct db *db, const char *sql)
{
	struct parse s;
	s.db = db;
	s.n = 0;
	return run_nested(&s, sql);
}

/* restored on one path only */
int prepare_nested_leaky(struct db *db, const char *sql);

int run_nested_leaky(struct parse *p, const char *sql)
{
	struct db *db = p->db;
	struct parse *parent = db->pParse;
	db->pParse = p;
	if (sql[0] == '(')
		return prepare_nested_leaky(db, sql + 1);
	db->pParse = parent;
	return p->n;
}

int prepare_nested_leaky(struct db *db, const char *sql)
{
	struct parse s;
	s.db = db;
	s.n = 0;
	return run_nested_leaky(&s, sql); // dangle "escape-caller"
}
