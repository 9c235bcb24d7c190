/* b/util.h - a registry of named entries */
struct entry {
	const char *name;
	struct entry *next;
};

void registry_add(struct entry *e);
struct entry *registry_find(const char *name);
int registry_size(void);
