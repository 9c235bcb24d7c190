/* testsuite/link/release: a caller's address stored into a block of the
   program's allocator and released by the program's deallocator before
   the function returns (run-link.sh).  lib.c is the library, main.c its
   user.  SQLite's shell.c: exec_prepared_stmt_columnar stores pointers
   into its state (p->nullValue) into azNextLine, a sqlite3_malloc64
   block, and sqlite3_free()s it, which frees through
   sqlite3GlobalConfig.m.xFree, a field set only to sqlite3MemFree. */
#include <stddef.h>

void *blk_alloc(size_t n);
/* releases its argument: through a field of a struct set only to a
   function of the library that frees (mem_methods.xFree) */
void blk_free(void *p);
/* releases its argument: free() */
void plain_free(void *p);
/* keeps its argument (a "release" that releases nothing) */
void keep_free(void *p);
/* through a field also set to a function that frees nothing */
void hook_free(void *p);
/* moves the block (realloc: the new one receives what it held) */
void *blk_realloc(void *p, size_t n);
/* frees on one path only */
void half_free(void *p, int c);
void run(const char **az, int n);
