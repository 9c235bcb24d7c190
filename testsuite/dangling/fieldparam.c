/* Fields in a parameter's sure leak: a function stores its parameter into
   one field of a local (initData.pzErrMsg = pzErrMsg) and hands the
   local's address to a callback of its own recursive component, which
   keeps ANOTHER field of it (pData->db).  The parameter is not kept: its
   callers' objects stay clean.  SQLite's sqlite3InitOne and
   sqlite3InitCallback (attachFunc's zErrDyn, sqlite3_blob_open's
   sParse); fieldwalk.c has the same for an object of the function. */
#include <stdlib.h>

struct db { int flags; void *err; };
typedef struct { struct db *db; char **pzErrMsg; int iDb; int rc; } InitData;

static struct db *last_db;
__attribute__((noinline)) void keep_db(struct db *db)
{
	last_db = db;
}

/* keeps pData->db only */
int init_one(struct db *db, int iDb, char **pzErrMsg, int depth);
__attribute__((noinline)) int init_callback(void *pInit, int argc)
{
	InitData *pData = pInit;
	struct db *db = pData->db;
	keep_db(db);
	if (argc > 3) {
		*pData->pzErrMsg = 0;
		return init_one(db, pData->iDb, 0, argc - 1);
	}
	return 0;
}

__attribute__((noinline)) int init_one(struct db *db, int iDb, char **pzErrMsg,
				       int depth)
{
	InitData initData;
	initData.db = db;
	initData.iDb = iDb;
	initData.rc = 0;
	initData.pzErrMsg = pzErrMsg;
	init_callback(&initData, depth);
	return initData.rc;
}

int attach(struct db *db)
{
	char *zErrDyn = 0;
	int rc = init_one(db, 2, &zErrDyn, 5);
	free(zErrDyn);
	return rc;
}

/* the callback keeps the field that holds the parameter: kept */
static char **last_slot;
int init_one_slot(struct db *db, char **pzErrMsg, int depth);
__attribute__((noinline)) int init_callback_slot(void *pInit, int argc)
{
	InitData *pData = pInit;
	keep_db(pData->db);
	last_slot = pData->pzErrMsg;
	if (argc > 3)
		return init_one_slot(pData->db, 0, argc - 1);
	return 0;
}

__attribute__((noinline)) int init_one_slot(struct db *db, char **pzErrMsg,
					    int depth)
{
	InitData initData;
	initData.db = db;
	initData.pzErrMsg = pzErrMsg;
	initData.rc = 0;
	init_callback_slot(&initData, depth);
	return initData.rc;
}

int attach_slot(struct db *db)
{
	char *zErrDyn = 0;
	int rc = init_one_slot(db, &zErrDyn, 5); // dangle "escape-kept"
	free(zErrDyn);
	return rc;
}

/* the callback keeps the whole InitData: the local and what it holds */
static InitData *last_init;
int init_one_all(struct db *db, char **pzErrMsg, int depth);
__attribute__((noinline)) int init_callback_all(void *pInit, int argc)
{
	InitData *pData = pInit;
	keep_db(pData->db);
	last_init = pData;
	if (argc > 3)
		return init_one_all(pData->db, 0, argc - 1);
	return 0;
}

__attribute__((noinline)) int init_one_all(struct db *db, char **pzErrMsg,
					   int depth)
{
	InitData initData;
	initData.db = db;
	initData.pzErrMsg = pzErrMsg;
	initData.rc = 0;
	init_callback_all(&initData, depth); // dangle "escape-global"
	return initData.rc;
}

int attach_all(struct db *db)
{
	char *zErrDyn = 0;
	int rc = init_one_all(db, &zErrDyn, 5); // dangle "escape-kept"
	free(zErrDyn);
	return rc;
}

/* the parameter itself stored into the field the callback keeps: kept */
int init_one_db(struct db *db, int depth);
__attribute__((noinline)) int init_callback_db(void *pInit, int argc)
{
	InitData *pData = pInit;
	keep_db(pData->db);
	if (argc > 3)
		return init_one_db(pData->db, argc - 1);
	return 0;
}

__attribute__((noinline)) int init_one_db(struct db *db, int depth)
{
	InitData initData;
	initData.db = db;
	initData.pzErrMsg = 0;
	initData.rc = 0;
	init_callback_db(&initData, depth);
	return initData.rc;
}

int attach_db(void)
{
	struct db d = { 0, 0 };
	return init_one_db(&d, 5); // dangle "escape-kept"
}
