/*
 * logger.c - a thread-safe logging module: levels, timestamps, printf-style
 * varargs, pluggable sinks with a context pointer, syslog and an in-memory
 * capture sink for tests.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

enum log_level { LL_TRACE, LL_DEBUG, LL_INFO, LL_WARN, LL_ERROR };

typedef void (*log_sink_fn)(enum log_level lvl, const char *msg, void *ctx);

struct log_sink {
	log_sink_fn fn;
	void *ctx;
	enum log_level min;
};

static struct {
	FILE *out;
	enum log_level level;
	struct log_sink sinks[8];
	int nsinks;
	const char *progname;
	pthread_mutex_t lock;
} L = { .level = LL_INFO, .lock = PTHREAD_MUTEX_INITIALIZER };

#define log_info(...) log_write(LL_INFO, __FILE__, __LINE__, __VA_ARGS__)
#define log_warn(...) log_write(LL_WARN, __FILE__, __LINE__, __VA_ARGS__)

void log_write(enum log_level lvl, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

void log_set_output(FILE *fp)
{
	pthread_mutex_lock(&L.lock);
	L.out = fp;
	pthread_mutex_unlock(&L.lock);
}

int log_add_sink(log_sink_fn fn, void *ctx, enum log_level min)
{
	int rc = -1;

	pthread_mutex_lock(&L.lock);
	if (L.nsinks < 8) {
		L.sinks[L.nsinks].fn = fn;
		L.sinks[L.nsinks].ctx = ctx;
		L.sinks[L.nsinks].min = min;
		L.nsinks++;
		rc = 0;
	}
	pthread_mutex_unlock(&L.lock);
	return rc;
}

void log_remove_sink(log_sink_fn fn, void *ctx)
{
	pthread_mutex_lock(&L.lock);
	for (int i = 0; i < L.nsinks; i++)
		if (L.sinks[i].fn == fn && L.sinks[i].ctx == ctx) {
			L.sinks[i] = L.sinks[--L.nsinks];
			break;
		}
	pthread_mutex_unlock(&L.lock);
}

static const char *level_name(enum log_level l)
{
	static const char *const names[] = { "TRACE", "DEBUG", "INFO", "WARN", "ERROR" };

	return (unsigned)l < 5 ? names[l] : "?";
}

int log_parse_level(const char *s, enum log_level *out)
{
	for (int i = 0; i < 5; i++)
		if (strcasecmp(s, level_name((enum log_level)i)) == 0) {
			*out = (enum log_level)i;
			return 0;
		}
	return -1;
}

void log_set_level_str(const char *s, enum log_level fallback)
{
	if (log_parse_level(s, &fallback) != 0)
		log_warn("unknown log level '%s'", s);
	L.level = fallback;
}

static void format_timestamp(char *buf, size_t size)
{
	struct timespec ts;
	struct tm tm;
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, size, "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(buf + n, size - n, ".%03ld", ts.tv_nsec / 1000000);
}

void log_vwrite(enum log_level lvl, const char *file, int line, const char *fmt,
                va_list ap)
{
	char msg[1024];
	char stamp[40];
	FILE *out;
	int n;

	if (lvl < L.level)
		return;
	format_timestamp(stamp, sizeof stamp);
	n = snprintf(msg, sizeof msg, "%s %-5s %s:%d: ", stamp, level_name(lvl),
	             file, line);
	if (n < 0)
		return;
	if ((size_t)n < sizeof msg)
		vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	pthread_mutex_lock(&L.lock);
	out = L.out ? L.out : stderr;
	fputs(msg, out);
	fputc('\n', out);
	for (int i = 0; i < L.nsinks; i++)
		if (lvl >= L.sinks[i].min)
			L.sinks[i].fn(lvl, msg, L.sinks[i].ctx);
	pthread_mutex_unlock(&L.lock);
}

void log_write(enum log_level lvl, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vwrite(lvl, file, line, fmt, ap);
	va_end(ap);
}

void log_hexdump(enum log_level lvl, const char *title, const void *data, size_t len)
{
	const unsigned char *p = data;
	char line[80];

	for (size_t off = 0; off < len; off += 16) {
		int n = snprintf(line, sizeof line, "%04zx:", off);

		for (size_t i = off; i < off + 16 && i < len && n < 70; i++)
			n += snprintf(line + n, sizeof line - (size_t)n, " %02x", p[i]);
		log_write(lvl, __FILE__, __LINE__, "%s %s", title, line);
	}
}

void log_errno(const char *what)
{
	char buf[128];
	int saved = errno;
	const char *s = strerror_r(saved, buf, sizeof buf);

	log_write(LL_ERROR, __FILE__, __LINE__, "%s: %s", what, s);
	errno = saved;
}

static void syslog_sink(enum log_level lvl, const char *msg, void *ctx)
{
	static const int prio[] = { LOG_DEBUG, LOG_DEBUG, LOG_INFO, LOG_WARNING, LOG_ERR };

	(void)ctx;
	syslog(prio[lvl], "%s", msg);
}

/* Bug: openlog keeps the ident pointer, and ident is in this frame. */
void log_open_syslog(const char *progname)
{
	char ident[64];
	const char *slash = strrchr(progname, '/');

	snprintf(ident, sizeof ident, "%s", slash ? slash + 1 : progname);
	openlog(ident, LOG_PID, LOG_USER);
	L.progname = progname;
	log_add_sink(syslog_sink, NULL, LL_WARN);
}

struct mem_sink {
	char lines[16][128];
	int next;
};

static void mem_sink_fn(enum log_level lvl, const char *msg, void *ctx)
{
	struct mem_sink *m = ctx;

	(void)lvl;
	snprintf(m->lines[m->next], sizeof m->lines[0], "%s", msg);
	m->next = (m->next + 1) % 16;
}

int log_capture_begin(struct mem_sink *m)
{
	memset(m, 0, sizeof *m);
	return log_add_sink(mem_sink_fn, m, LL_TRACE);
}

/* Runs fn(arg) with everything it logs captured, then prints the capture. */
void log_run_captured(void (*fn)(void *), void *arg)
{
	struct mem_sink cap;

	if (log_capture_begin(&cap) != 0)
		return;
	fn(arg);
	log_remove_sink(mem_sink_fn, &cap);
	for (int i = 0; i < 16; i++)
		if (cap.lines[i][0])
			fprintf(stderr, "captured: %s\n", cap.lines[i]);
}
