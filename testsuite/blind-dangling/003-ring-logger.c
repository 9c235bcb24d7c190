/* log.c - leveled logging with a ring of recent messages for crash dumps. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RING_SIZE 16

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

struct log_ctx {
	unsigned long request_id;
	const char *peer;
};

static const char *g_prefix = "app";
static enum log_level g_min_level = LOG_INFO;
static struct log_ctx *g_ctx;
static char *g_ring[RING_SIZE];
static unsigned g_ring_pos;

static const char *level_name(enum log_level l)
{
	static const char *const names[] = { "debug", "info", "warn", "error" };
	return names[l];
}

void log_set_prefix(const char *prog, int pid)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%s[%d]", prog, pid);
	g_prefix = buf;
}

void log_set_level(enum log_level l)
{
	g_min_level = l;
}

static void ring_push(const char *msg)
{
	unsigned slot = g_ring_pos++ % RING_SIZE;

	free(g_ring[slot]);
	g_ring[slot] = strdup(msg);
}

void log_write(enum log_level level, const char *fmt, ...)
{
	char msg[512];
	char stamp[32];
	struct tm tm;
	time_t now;
	va_list ap;

	if (level < g_min_level)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
	if (g_ctx)
		fprintf(stderr, "%s %s %s: [req %lu from %s] %s\n", stamp, g_prefix,
			level_name(level), g_ctx->request_id, g_ctx->peer, msg);
	else
		fprintf(stderr, "%s %s %s: %s\n", stamp, g_prefix,
			level_name(level), msg);
	ring_push(msg);
}

struct request {
	unsigned long id;
	const char *peer;
	const char *path;
	int malformed;
};

/* Every message logged while the request is handled names it. */
int log_request(const struct request *r)
{
	struct log_ctx ctx;
	struct log_ctx *saved = g_ctx;

	ctx.request_id = r->id;
	ctx.peer = r->peer;
	g_ctx = &ctx;
	if (r->malformed) {
		log_write(LOG_WARN, "malformed request for %s", r->path);
		g_ctx = saved;
		return -1;
	}
	log_write(LOG_INFO, "GET %s", r->path);
	g_ctx = saved;
	return 0;
}

void log_dump_ring(FILE *out)
{
	unsigned i;

	for (i = 0; i < RING_SIZE; i++) {
		const char *m = g_ring[(g_ring_pos + i) % RING_SIZE];
		if (m)
			fprintf(out, "  %s\n", m);
	}
}

void log_shutdown(void)
{
	unsigned i;

	for (i = 0; i < RING_SIZE; i++) {
		free(g_ring[i]);
		g_ring[i] = NULL;
	}
}
