/* evq.c - the UI toolkit's event queue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define QMAX 128

enum ev_type { EV_KEY, EV_TIMER, EV_RESIZE, EV_QUIT };

struct event {
	enum ev_type type;
	int code;
	unsigned long stamp;
	void *data;
};

static struct event *g_queue[QMAX];
static int g_qhead, g_qlen;
static unsigned long g_handled[4];

static unsigned long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long)ts.tv_sec * 1000 + (unsigned long)ts.tv_nsec / 1000000;
}

static int queue_push(struct event *ev)
{
	if (g_qlen == QMAX)
		return -1;
	g_queue[(g_qhead + g_qlen++) % QMAX] = ev;
	return 0;
}

struct event *queue_pop(void)
{
	struct event *ev;

	if (g_qlen == 0)
		return NULL;
	ev = g_queue[g_qhead];
	g_queue[g_qhead] = NULL;
	g_qhead = (g_qhead + 1) % QMAX;
	g_qlen--;
	return ev;
}

static int handle_event(const struct event *ev)
{
	if (ev->type > EV_QUIT)
		return -1;
	g_handled[ev->type]++;
	if (ev->type == EV_QUIT)
		return 1;
	return 0;
}

/* Called by the input layer for every key press. */
int on_key(struct event ev)
{
	ev.type = EV_KEY;
	ev.stamp = now_ms();
	return queue_push(&ev);
}

int on_timer(int id, void *data)
{
	struct event *ev = malloc(sizeof *ev);

	if (!ev)
		return -1;
	ev->type = EV_TIMER;
	ev->code = id;
	ev->stamp = now_ms();
	ev->data = data;
	if (queue_push(ev) < 0) {
		free(ev);
		return -1;
	}
	return 0;
}

/* Resizes are handled synchronously: layout must not lag behind. */
int on_resize(int width, int height)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = EV_RESIZE;
	ev.code = width << 16 | (height & 0xffff);
	ev.stamp = now_ms();
	return handle_event(&ev);
}

int run_queue(void)
{
	struct event *ev;
	int rc = 0;

	while (rc == 0 && (ev = queue_pop()) != NULL) {
		rc = handle_event(ev);
		if (ev->type == EV_TIMER)
			free(ev);
	}
	return rc;
}

void print_stats(FILE *out)
{
	fprintf(out, "keys %lu timers %lu resizes %lu\n", g_handled[EV_KEY],
		g_handled[EV_TIMER], g_handled[EV_RESIZE]);
}
