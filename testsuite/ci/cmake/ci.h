/* ci.h - the small program of testsuite/ci/ */
struct item {
	int id;
	const char *tag;
};

struct queue {
	int *slots[4];
	int n;
};

void store_temp(int id);
int store_count(void);
void queue_scratch(struct queue *q);
int queue_sum(const struct queue *q);
