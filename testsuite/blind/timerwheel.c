/*
 * timerwheel.c - two timer schemes found in event loops: a binary min-heap
 * of timer pointers (with back indices for O(log n) cancel), and a hashed
 * timing wheel of intrusive doubly linked nodes. Callbacks get a void *.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef void (*timer_cb)(void *arg);

struct timer {
	uint64_t expires;
	timer_cb cb;
	void *arg;
	size_t heap_index;
	int active;
};

struct timer_heap {
	struct timer **items;
	size_t len, cap;
};

#define WHEEL_SLOTS 64

struct wheel_node {
	struct wheel_node *next, **pprev;
	uint64_t expires;
	void (*fn)(struct wheel_node *n);
};

struct wheel {
	struct wheel_node *slots[WHEEL_SLOTS];
	uint64_t now;
};

struct retry_state {
	int attempts, max;
	const char *name;
	struct timer_heap *heap;
	struct timer self;
};

struct conn_timeout {
	struct wheel_node node;
	int fd;
	int fired;
};

static void heap_swap(struct timer_heap *h, size_t i, size_t j)
{
	struct timer *t = h->items[i];

	h->items[i] = h->items[j];
	h->items[j] = t;
	h->items[i]->heap_index = i;
	h->items[j]->heap_index = j;
}

static void sift_up(struct timer_heap *h, size_t i)
{
	while (i > 0) {
		size_t parent = (i - 1) / 2;

		if (h->items[parent]->expires <= h->items[i]->expires)
			break;
		heap_swap(h, i, parent);
		i = parent;
	}
}

static void sift_down(struct timer_heap *h, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < h->len && h->items[l]->expires < h->items[m]->expires)
			m = l;
		if (r < h->len && h->items[r]->expires < h->items[m]->expires)
			m = r;
		if (m == i)
			return;
		heap_swap(h, i, m);
		i = m;
	}
}

int timer_heap_push(struct timer_heap *h, struct timer *t)
{
	if (h->len == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		struct timer **items = realloc(h->items, cap * sizeof *items);

		if (!items)
			return -1;
		h->items = items;
		h->cap = cap;
	}
	h->items[h->len] = t;
	t->heap_index = h->len;
	t->active = 1;
	sift_up(h, h->len++);
	return 0;
}

struct timer *timer_heap_peek(const struct timer_heap *h)
{
	return h->len ? h->items[0] : NULL;
}

struct timer *timer_heap_pop(struct timer_heap *h)
{
	struct timer *top;

	if (h->len == 0)
		return NULL;
	top = h->items[0];
	h->items[0] = h->items[--h->len];
	h->items[0]->heap_index = 0;
	if (h->len)
		sift_down(h, 0);
	top->active = 0;
	return top;
}

void timer_heap_remove(struct timer_heap *h, struct timer *t)
{
	size_t i = t->heap_index;

	if (!t->active || i >= h->len)
		return;
	t->active = 0;
	if (i == --h->len)
		return;
	heap_swap(h, i, h->len);
	sift_down(h, i);
	sift_up(h, i);
}

void timer_init(struct timer *t, timer_cb cb, void *arg)
{
	memset(t, 0, sizeof *t);
	t->cb = cb;
	t->arg = arg;
}

int timer_start(struct timer_heap *h, struct timer *t, uint64_t now,
                uint64_t delay)
{
	if (t->active)
		timer_heap_remove(h, t);
	t->expires = now + delay;
	return timer_heap_push(h, t);
}

int timer_run_expired(struct timer_heap *h, uint64_t now)
{
	struct timer *t;
	int n = 0;

	while ((t = timer_heap_peek(h)) != NULL && t->expires <= now) {
		timer_heap_pop(h);
		t->cb(t->arg);
		n++;
	}
	return n;
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Debug check: the root is the smallest deadline. */
int timer_heap_check(const struct timer_heap *h)
{
	uint64_t keys[64];
	size_t n = h->len < 64 ? h->len : 64, i;

	for (i = 0; i < n; i++)
		keys[i] = h->items[i]->expires;
	qsort(keys, n, sizeof keys[0], cmp_u64);
	return n == 0 || keys[0] == h->items[0]->expires;
}

static struct timer_heap g_heap;

static void set_flag(void *arg)
{
	*(int *)arg = 1;
}

/* Sleeps on the global timer heap, running other timers meanwhile. */
int sleep_with_timer(uint64_t ms)
{
	struct timer t;
	int done = 0;

	timer_init(&t, set_flag, &done);
	if (timer_start(&g_heap, &t, now_ms(), ms) != 0)
		return -1;
	while (!done) {
		usleep(1000);
		timer_run_expired(&g_heap, now_ms());
	}
	return 0;
}

static void retry_fire(void *arg)
{
	struct retry_state *rs = arg;

	rs->attempts++;
	printf("%s: attempt %d\n", rs->name, rs->attempts);
	if (rs->attempts < rs->max)
		timer_start(rs->heap, &rs->self, now_ms(), 10);
}

int run_retries(const char *name, int max)
{
	struct timer_heap heap = { NULL, 0, 0 };
	struct retry_state rs = { 0, max, name, &heap, { 0 } };

	timer_init(&rs.self, retry_fire, &rs);
	timer_start(&heap, &rs.self, now_ms(), 0);
	while (heap.len > 0) {
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
		timer_run_expired(&heap, now_ms());
	}
	free(heap.items);
	return rs.attempts;
}

void wheel_init(struct wheel *w, uint64_t now)
{
	memset(w->slots, 0, sizeof w->slots);
	w->now = now;
}

void wheel_add(struct wheel *w, struct wheel_node *n, uint64_t expires)
{
	struct wheel_node **head = &w->slots[expires % WHEEL_SLOTS];

	n->expires = expires;
	n->next = *head;
	if (*head)
		(*head)->pprev = &n->next;
	n->pprev = head;
	*head = n;
}

void wheel_del(struct wheel_node *n)
{
	if (!n->pprev)
		return;
	*n->pprev = n->next;
	if (n->next)
		n->next->pprev = n->pprev;
	n->next = NULL;
	n->pprev = NULL;
}

size_t wheel_advance(struct wheel *w, uint64_t to)
{
	size_t fired = 0;

	while (w->now < to) {
		struct wheel_node **slot = &w->slots[++w->now % WHEEL_SLOTS];
		struct wheel_node *n = *slot, *next;

		for (; n; n = next) {
			next = n->next;
			if (n->expires <= w->now) {
				wheel_del(n);
				n->fn(n);
				fired++;
			}
		}
	}
	return fired;
}

static void on_conn_timeout(struct wheel_node *n)
{
	struct conn_timeout *ct = (struct conn_timeout *)n;

	ct->fired = 1;
	if (ct->fd >= 0)
		close(ct->fd);
}

int wheel_demo(int fd_a, int fd_b)
{
	struct wheel w;
	struct conn_timeout a = { .fd = fd_a }, b = { .fd = fd_b };
	size_t fired;

	wheel_init(&w, 0);
	a.node.fn = b.node.fn = on_conn_timeout;
	wheel_add(&w, &a.node, 5);
	wheel_add(&w, &b.node, 70);
	fired = wheel_advance(&w, 10);
	wheel_del(&b.node);
	return (int)fired + a.fired * 10 + b.fired * 100;
}

/* The soonest deadline in milliseconds from now, into *out. */
int timer_next_timeout(const struct timer_heap *h, uint64_t now, int *out)
{
	const struct timer *t = timer_heap_peek(h);

	if (!t) {
		*out = -1;
		return 0;
	}
	*out = t->expires <= now ? 0 : (int)(t->expires - now);
	return 1;
}
