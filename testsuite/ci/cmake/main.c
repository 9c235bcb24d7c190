/* main.c - drives store.c and queue.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ci.h"

int main(void)
{
	struct queue q = { { 0 }, 0 };
	struct item *it = malloc(sizeof *it); /* does not escape: freed here */

	if (!it)
		return 1;
	it->id = 1;
	it->tag = HAVE_STRDUP ? "strdup" : "no strdup";
	store_temp(it->id);
	queue_scratch(&q);
	q.n = 0;
	printf("%s %d %d\n", it->tag, store_count(), queue_sum(&q));
	free(it);
	return 0;
}
