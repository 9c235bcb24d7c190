/* demo.c - what escape says about a small event loop.
 *
 *   sh scripts/demo.sh      (builds the plugin, then runs it on this file)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct event {
	const char *name;
	struct event *next;
};

static struct event *pending;       /* a global list */

extern void audit_log(void *record); /* a library with no rule */

/* Keeps ev: its address goes into the global list. */
void post(struct event *ev)
{
	ev->next = pending;
	pending = ev;
}

/* Only reads ev. */
size_t event_len(const struct event *ev)
{
	return strlen(ev->name);
}

/* Returns its argument: callers' objects escape only if the result does. */
struct event *first(struct event *ev)
{
	return ev;
}

void handle(const char *name)
{
	struct event local = { name, NULL };   /* stays in this frame */
	struct event queued = { name, NULL };  /* escapes: posted */
	char line[64];                          /* stays: snprintf only writes */

	snprintf(line, sizeof line, "%zu", event_len(&local));
	first(&local)->name = "seen";
	post(&queued);
	audit_log(line);                        /* escapes: unknown callee */
}

static void *worker(void *arg)
{
	return arg;
}

int start(void)
{
	pthread_t t;
	int job = 42;                           /* handed to another thread */
	char *copy = malloc(16);                /* freed here: does not escape */

	strcpy(copy, "job");
	free(copy);
	return pthread_create(&t, NULL, worker, &job);
}
