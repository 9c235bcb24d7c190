/*
 * logger.c - a small logging library: printf-style entry points over a
 * va_list core, a global file sink with its own stdio buffer, pluggable
 * sinks called through function pointers with a void * context, syslog,
 * a per-thread request context and a hex dump helper.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

enum { LV_DEBUG, LV_INFO, LV_WARN, LV_ERROR, LV_COUNT };

typedef void (*log_sink_fn)(void *ud, int level, const char *line);

struct log_sink {
	log_sink_fn fn;
	void *ud;
	int min_level;
};

struct ring_sink {
	char lines[16][128];
	unsigned next;
};

struct counting_sink {
	unsigned long counts[LV_COUNT];
};

struct log_ctx {
	char request_id[40];
	int depth;
};

static struct log_sink g_sinks[4];
static int g_nsinks;
static FILE *g_file;
static const char *g_tag = "app";
static int g_min_level = LV_INFO;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t g_ctx_key;
static pthread_once_t g_ctx_once = PTHREAD_ONCE_INIT;

static const char *level_name(int lvl)
{
	static const char *const names[] = { "debug", "info", "warn", "error" };

	return lvl >= 0 && lvl < LV_COUNT ? names[lvl] : "?";
}

int log_add_sink(log_sink_fn fn, void *ud, int min_level)
{
	if (g_nsinks == 4)
		return -1;
	g_sinks[g_nsinks].fn = fn;
	g_sinks[g_nsinks].ud = ud;
	g_sinks[g_nsinks].min_level = min_level;
	g_nsinks++;
	return 0;
}

void log_set_tag(const char *tag)
{
	g_tag = tag;
}

/* The file keeps buf as its stdio buffer until log_close. */
int log_open_file(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "a");

	if (!f)
		return -1;
	if (buf)
		setvbuf(f, buf, _IOLBF, size);
	g_file = f;
	return 0;
}

void log_close(void)
{
	if (g_file)
		fclose(g_file);
	g_file = NULL;
}

static void make_ctx_key(void)
{
	pthread_key_create(&g_ctx_key, NULL);
}

static size_t format_prefix(char *buf, size_t size, int lvl)
{
	struct timespec ts;
	struct tm tm;
	const struct log_ctx *ctx;
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, size, "%H:%M:%S", &tm);
	pthread_once(&g_ctx_once, make_ctx_key);
	ctx = pthread_getspecific(g_ctx_key);
	n += (size_t)snprintf(buf + n, size - n, ".%03ld %s %s%s%s: ",
	                      ts.tv_nsec / 1000000, level_name(lvl), g_tag,
	                      ctx ? " " : "", ctx ? ctx->request_id : "");
	return n < size ? n : size - 1;
}

void log_vwrite(int lvl, const char *fmt, va_list ap)
{
	char line[1024];
	va_list aq;
	size_t n;
	int i;

	if (lvl < g_min_level && g_nsinks == 0)
		return;
	n = format_prefix(line, sizeof line, lvl);
	va_copy(aq, ap);
	vsnprintf(line + n, sizeof line - n, fmt, aq);
	va_end(aq);
	pthread_mutex_lock(&g_lock);
	if (g_file && lvl >= g_min_level)
		fprintf(g_file, "%s\n", line);
	for (i = 0; i < g_nsinks; i++)
		if (lvl >= g_sinks[i].min_level)
			g_sinks[i].fn(g_sinks[i].ud, lvl, line);
	pthread_mutex_unlock(&g_lock);
}

void log_write(int lvl, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(lvl, fmt, ap);
	va_end(ap);
}

void log_errno(const char *what)
{
	char buf[128];
	int saved = errno;
	const char *msg = strerror_r(saved, buf, sizeof buf);

	log_write(LV_ERROR, "%s: %s", what, msg);
	errno = saved;
}

void log_hexdump(int lvl, const char *title, const void *data, size_t len)
{
	const unsigned char *p = data;
	char row[16 * 3 + 1];
	size_t i, j;

	for (i = 0; i < len; i += 16) {
		size_t off = 0;

		for (j = i; j < len && j < i + 16; j++)
			off += (size_t)snprintf(row + off, sizeof row - off, "%02x ", p[j]);
		row[off] = '\0';
		log_write(lvl, "%s %04zx: %s", title, i, row);
	}
}

static void ring_sink_fn(void *ud, int level, const char *line)
{
	struct ring_sink *rs = ud;

	(void)level;
	snprintf(rs->lines[rs->next++ % 16], sizeof rs->lines[0], "%s", line);
}

static void count_sink_fn(void *ud, int level, const char *line)
{
	struct counting_sink *cs = ud;

	(void)line;
	if (level >= 0 && level < LV_COUNT)
		cs->counts[level]++;
}

static void syslog_sink_fn(void *ud, int level, const char *line)
{
	static const int prio[] = { LOG_DEBUG, LOG_INFO, LOG_WARNING, LOG_ERR };

	(void)ud;
	syslog(prio[level & 3], "%s", line);
}

/* openlog keeps ident (it is not copied). */
void log_use_syslog(const char *ident)
{
	openlog(ident, LOG_PID, LOG_USER);
	log_add_sink(syslog_sink_fn, NULL, LV_WARN);
}

/* Temporarily "tag/component" while msg is written. */
void log_with_component(const char *component, int lvl, const char *msg)
{
	char tag[48];
	const char *saved = g_tag;

	snprintf(tag, sizeof tag, "%s/%s", saved, component);
	log_set_tag(tag);
	log_write(lvl, "%s", msg);
	log_set_tag(saved);
}

static void log_push_ctx(struct log_ctx *ctx)
{
	pthread_once(&g_ctx_once, make_ctx_key);
	pthread_setspecific(g_ctx_key, ctx);
}

void log_request(const char *id, void (*fn)(void *), void *arg)
{
	struct log_ctx ctx;

	snprintf(ctx.request_id, sizeof ctx.request_id, "%s", id);
	ctx.depth = 0;
	log_push_ctx(&ctx);
	log_write(LV_DEBUG, "begin (ctx %#lx)", (unsigned long)(uintptr_t)&ctx);
	fn(arg);
	log_write(LV_DEBUG, "end");
	pthread_setspecific(g_ctx_key, NULL);
}

/* Everything logged to the file sink while fn runs, as a malloc'd string. */
char *log_capture(void (*fn)(void *), void *arg)
{
	char *text = NULL;
	size_t len = 0;
	FILE *saved = g_file;
	FILE *mem = open_memstream(&text, &len);

	if (!mem)
		return NULL;
	g_file = mem;
	fn(arg);
	g_file = saved;
	fclose(mem);
	return text;
}

void log_report_counts(const struct counting_sink *cs, FILE *out)
{
	int i;

	for (i = 0; i < LV_COUNT; i++)
		fprintf(out, "%-5s %lu\n", level_name(i), cs->counts[i]);
}

int log_selftest(FILE *out)
{
	struct counting_sink counts;
	struct ring_sink ring;
	unsigned char blob[20];
	int rc = 0;

	memset(&counts, 0, sizeof counts);
	memset(&ring, 0, sizeof ring);
	memset(blob, 0xab, sizeof blob);
	log_add_sink(count_sink_fn, &counts, LV_DEBUG);
	log_add_sink(ring_sink_fn, &ring, LV_WARN);
	log_write(LV_INFO, "hello %d", 42);
	log_write(LV_WARN, "careful");
	log_hexdump(LV_DEBUG, "blob", blob, sizeof blob);
	if (counts.counts[LV_WARN] != 1 || strstr(ring.lines[0], "careful") == NULL)
		rc = -1;
	log_report_counts(&counts, out);
	g_nsinks = 0;
	return rc;
}
