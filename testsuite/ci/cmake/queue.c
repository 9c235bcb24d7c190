/* queue.c - a fixed queue.  queue_scratch() puts the address of a local in
   the caller's queue, which its caller empties before using it again: a
   deliberate escape, silenced with an escape:ignore comment. */
#include "ci.h"

static void push(struct queue *q, int *p)
{
	if (q->n < 4)
		q->slots[q->n++] = p;
}

void queue_scratch(struct queue *q)
{
	int scratch = 0;

	push(q, &scratch); /* escape:ignore escape-kept */ // suppressed "escape-kept"
}

int queue_sum(const struct queue *q)
{
	int s = 0;

	for (int i = 0; i < q->n; i++)
		s += q->slots[i] ? 1 : 0;
	return s;
}
