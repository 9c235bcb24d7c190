/* rotate.c - size-based log rotation: app.log -> app.log.1 -> ... */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct rotate_policy {
	off_t max_size;
	int keep;
	int stamp_names;
};

static int path_n(char *out, size_t outsz, const char *base, int n)
{
	int w = n ? snprintf(out, outsz, "%s.%d", base, n) : snprintf(out, outsz, "%s", base);

	return (w < 0 || (size_t)w >= outsz) ? -1 : 0;
}

static int needs_rotation(const char *path, const struct rotate_policy *p)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	return st.st_size >= p->max_size;
}

/* Shifts base.N-1 to base.N down to base -> base.1. */
static int shift_files(const char *base, int keep)
{
	char from[4096], to[4096];
	int i;

	if (path_n(to, sizeof to, base, keep) < 0)
		return -1;
	if (unlink(to) < 0 && errno != ENOENT)
		return -1;
	for (i = keep - 1; i >= 0; i--) {
		if (path_n(from, sizeof from, base, i) < 0 || path_n(to, sizeof to, base, i + 1) < 0)
			return -1;
		if (rename(from, to) < 0 && errno != ENOENT)
			return -1;
	}
	return 0;
}

static int stamp_file(const char *base)
{
	char stamp[32], to[4096];
	struct tm tm;
	time_t now = time(NULL);

	if (!localtime_r(&now, &tm))
		return -1;
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	if (snprintf(to, sizeof to, "%s.%s", base, stamp) >= (int)sizeof to)
		return -1;
	return rename(base, to);
}

/* Rotates if needed and returns a descriptor open for appending. */
int rotate_open(const char *base, const struct rotate_policy *p)
{
	int r = needs_rotation(base, p);

	if (r < 0)
		return -1;
	if (r) {
		if (p->stamp_names ? stamp_file(base) < 0 : shift_files(base, p->keep) < 0) {
			fprintf(stderr, "rotate %s: %s\n", base, strerror(errno));
			return -1;
		}
	}
	return open(base, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
}

int log_line(int *fd, const char *base, const struct rotate_policy *p,
	     const char *msg)
{
	char line[1024];
	int n = snprintf(line, sizeof line, "%ld %s\n", (long)time(NULL), msg);

	if (n < 0 || (size_t)n >= sizeof line)
		return -1;
	if (*fd < 0 || needs_rotation(base, p) > 0) {
		if (*fd >= 0)
			close(*fd);
		*fd = rotate_open(base, p);
		if (*fd < 0)
			return -1;
	}
	return write(*fd, line, (size_t)n) == n ? 0 : -1;
}
