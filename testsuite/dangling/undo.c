/* Undo: a callee that restores what an earlier one saved.  A block or a
   function state pushed on a list that the caller holds, popped before
   the return (Lua's enterblock/leaveblock, open_func/close_func), and a
   parser linked into its database and unlinked (SQLite's
   sqlite3ParseObjectInit/Reset), leave nothing behind. */
#include <stddef.h>
#include <string.h>

struct block { struct block *previous; int nactvar; };
struct fstate { struct block *bl; struct fstate *prev; int freereg; };
struct lstate { struct fstate *fs; int line; };

void statement(struct lstate *ls);

static void enterblock(struct fstate *fs, struct block *bl)
{
	bl->previous = fs->bl;
	bl->nactvar = fs->freereg;
	fs->bl = bl;
}

static void leaveblock(struct fstate *fs)
{
	struct block *bl = fs->bl;
	fs->freereg = bl->nactvar;
	fs->bl = bl->previous;
}

void block(struct lstate *ls, struct fstate *fs)
{
	struct block bl;
	enterblock(fs, &bl);
	statement(ls);
	leaveblock(fs);
}

/* popped on one path only */
void block_leaky(struct lstate *ls, struct fstate *fs, int c)
{
	struct block bl;
	enterblock(fs, &bl); // dangle "escape-kept"
	statement(ls);
	if (c)
		return;
	leaveblock(fs);
}

/* something else stored through the same pointer is no pop */
static void set_freereg(struct fstate *fs, int n)
{
	fs->freereg = n;
}

void block_not_popped(struct lstate *ls, struct fstate *fs)
{
	struct block bl;
	enterblock(fs, &bl); // dangle "escape-kept"
	statement(ls);
	set_freereg(fs, 0);
}

static void open_func(struct lstate *ls, struct fstate *fs)
{
	fs->prev = ls->fs;
	fs->bl = NULL;
	ls->fs = fs;
}

static void close_func(struct lstate *ls)
{
	struct fstate *fs = ls->fs;
	ls->fs = fs->prev;
}

void body(struct lstate *ls)
{
	struct fstate new_fs;
	struct block bl;
	open_func(ls, &new_fs);
	enterblock(&new_fs, &bl);
	statement(ls);
	leaveblock(&new_fs);
	close_func(ls);
}

/* SQLite's shape: the object itself is handed to the function that
   unlinks it */
struct db { struct parse *pParse; int flags; };
struct parse { struct db *db; struct parse *pOuterParse; int nErr; };

void run_parser(struct parse *p, const char *sql);

static void parse_init(struct parse *p, struct db *db)
{
	memset(p, 0, sizeof *p);
	p->pOuterParse = db->pParse;
	db->pParse = p;
	p->db = db;
}

static void parse_reset(struct parse *p)
{
	struct db *db = p->db;
	db->pParse = p->pOuterParse;
}

int prepare(struct db *db, const char *sql)
{
	struct parse s;
	parse_init(&s, db);
	run_parser(&s, sql);
	int rc = s.nErr;
	parse_reset(&s);
	return rc;
}

/* the link made inline, undone by the helper */
int prepare_inline(struct db *db, const char *sql)
{
	struct parse s;
	memset(&s, 0, sizeof s);
	s.pOuterParse = db->pParse;
	db->pParse = &s;
	s.db = db;
	run_parser(&s, sql);
	int rc = s.nErr;
	parse_reset(&s);
	return rc;
}

/* linked and never unlinked */
int prepare_leaky(struct db *db, const char *sql)
{
	struct parse s;
	parse_init(&s, db); // dangle "escape-kept"
	run_parser(&s, sql);
	return s.nErr;
}

/* a pop of another field, or a pop on some paths only, undoes nothing */
struct node { struct node *next, *prev; int key; };
struct list { struct node *head, *tail; };

static void push_front(struct list *l, struct node *n)
{
	n->next = l->head;
	l->head = n;
}

static void pop_front(struct list *l)
{
	struct node *h = l->head;
	l->head = h->next;
}

static void pop_back(struct list *l)
{
	struct node *t = l->tail;
	l->tail = t->prev;
}

static void pop_front_if(struct list *l, int c)
{
	if (c) {
		struct node *h = l->head;
		l->head = h->next;
	}
}

void pushed_popped(struct list *l)
{
	struct node n = { 0 };
	push_front(l, &n);
	pop_front(l);
}

void wrong_end(struct list *l)
{
	struct node n = { 0 };
	push_front(l, &n); // dangle "escape-kept"
	pop_back(l);
}

void maybe_popped(struct list *l, int c)
{
	struct node n = { 0 };
	push_front(l, &n); // dangle "escape-kept"
	pop_front_if(l, c);
}

/* the same in one recursive component, as a parser's functions are:
   the sinks lie in other members (r_open_func keeps the state that
   r_enterblock linked the block into), the link undone here */
struct rlstate;
struct rblock { struct rblock *previous; int nactvar; };
struct rfstate { struct rblock *bl; struct rfstate *prev; struct rlstate *ls; int freereg; };
struct rlstate { struct rfstate *fs; int line; };

static void r_enterblock(struct rfstate *fs, struct rblock *bl)
{
	bl->previous = fs->bl;
	fs->bl = bl;
}

static void r_leaveblock(struct rfstate *fs)
{
	struct rblock *bl = fs->bl;
	fs->bl = bl->previous;
}

static void r_open_func(struct rlstate *ls, struct rfstate *fs)
{
	fs->prev = ls->fs;
	fs->ls = ls;
	fs->bl = NULL;
	ls->fs = fs;
}

static void r_close_func(struct rlstate *ls)
{
	struct rfstate *fs = ls->fs;
	ls->fs = fs->prev;
}

static void r_statement(struct rlstate *ls, int n);

static void r_block(struct rlstate *ls, int n)
{
	struct rfstate *fs = ls->fs;
	struct rblock bl;
	r_enterblock(fs, &bl);
	r_statement(ls, n - 1);
	r_leaveblock(fs);
}

static void r_body(struct rlstate *ls, int n)
{
	struct rfstate new_fs;
	r_open_func(ls, &new_fs);
	r_statement(ls, n - 1);
	r_close_func(ls);
}

static void r_statement(struct rlstate *ls, int n)
{
	if (n <= 0)
		return;
	if (n & 1)
		r_block(ls, n);
	else
		r_body(ls, n);
}

void r_parse(struct rlstate *ls, int n)
{
	r_statement(ls, n);
}

/* A callee that clears or overwrites the link on every path undoes it as
   a pop does: linked by a callee or by a store of the function itself.
   Cleared on one path only, it does not. */
struct cblk { struct cblk *prev; };
struct cstk { struct cblk *top; int n; };

static void c_link(struct cstk *s, struct cblk *b)
{
	s->top = b;
}

static void c_clear(struct cstk *s)
{
	s->top = NULL;
}

static void c_clear_if(struct cstk *s, int c)
{
	if (c)
		s->top = NULL;
}

void c_user(struct cstk *s)
{
	struct cblk b;
	c_link(s, &b);
	c_clear(s);
}

void c_user_store(struct cstk *s)
{
	struct cblk b;
	s->top = &b;
	c_clear(s);
}

void c_user_some(struct cstk *s, int c)
{
	struct cblk b;
	s->top = &b; // dangle "escape-caller"
	c_clear_if(s, c);
}

/* A link made and unmade a call deeper: a parse helper links its Parse
   by an init function and a cleanup helper unlinks it by a reset
   (SQLite's renameParseSql / renameParseCleanup over
   sqlite3ParseObjectInit / sqlite3ParseObjectReset).  Cleaned up on one
   path only, it stays linked. */
struct pdb;
struct pparse { struct pdb *db; struct pparse *outer; int n; };
struct pdb { struct pparse *pParse; int busy; };

static void p_init(struct pparse *p, struct pdb *db)
{
	p->outer = db->pParse;
	db->pParse = p;
	p->db = db;
}

static void p_reset(struct pparse *p)
{
	struct pdb *db = p->db;
	db->pParse = p->outer;
}

static int p_parse(struct pparse *p, struct pdb *db, const char *sql)
{
	p_init(p, db);
	if (!sql)
		return 1;
	p->n = sql[0];
	return 0;
}

static void p_cleanup(struct pparse *p)
{
	p->n = 0;
	p_reset(p);
}

int p_rename(struct pdb *db, const char *sql)
{
	struct pparse s;
	int rc = p_parse(&s, db, sql);
	p_cleanup(&s);
	return rc;
}

int p_rename_leaky(struct pdb *db, const char *sql)
{
	struct pparse s;
	int rc = p_parse(&s, db, sql); // dangle "escape-kept"
	if (db->busy)
		p_cleanup(&s);
	return rc;
}

/* A push writes the head on every path but keeps the old head in the
   new block: pushed twice, neither block is undone. */
struct tblk { struct tblk *prev; };
struct tstk { struct tblk *top; };

static void t_push(struct tstk *s, struct tblk *b)
{
	b->prev = s->top;
	s->top = b;
}

void t_twice(struct tstk *s)
{
	struct tblk b1, b2;
	t_push(s, &b1); // dangle "escape-kept"
	t_push(s, &b2); // dangle "escape-kept"
}
