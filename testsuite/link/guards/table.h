/* A hash table that keeps the key it is given only when asked to create
   an entry (bash's hash_search (string, table, flags): list->key =
   string under flags & HASH_CREATE), in another file than its callers. */
#define T_CREATE 0x02
#define T_NOSRCH 0x01
#define T_FRESH 0x04

struct entry {
	struct entry *next;
	const char *key;
	void *data;
};
struct table {
	struct entry *bucket[64];
	int n;
};

struct entry *t_search(const char *key, struct table *t, int flags);
struct entry *t_find(const char *key);
struct entry *t_find_create(const char *key);
struct entry *t_find_flags(const char *key, int flags);
struct entry *t_find_fresh(const char *key);
const char *t_keep_always(const char *key, struct table *t, int flags);
void *t_value(const char *key);
