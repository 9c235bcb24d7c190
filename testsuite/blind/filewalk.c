/*
 * filewalk.c - a du/find-like utility: recursive opendir/readdir walk with
 * lstat, fnmatch filtering and a filter callback, entries sorted with
 * qsort, human-readable sizes, nftw-based disk usage, @-include files.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <search.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct file_entry {
	char *path;
	off_t size;
	time_t mtime;
	int is_dir;
};

struct entry_list {
	struct file_entry *v;
	size_t n, cap;
};

typedef int (*entry_filter)(const struct file_entry *e, void *ctx);

struct walk_opts {
	int max_depth;
	const char *pattern;
	entry_filter filter;
	void *ctx;
};

struct du_state {
	unsigned long files, dirs;
	long long bytes;
};

struct file_id {
	dev_t dev;
	ino_t ino;
};

static void *g_seen_root;
static struct du_state *g_du;
static const char *g_failed_path;

static int list_push(struct entry_list *l, const char *path,
                     const struct stat *st)
{
	struct file_entry *e;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct file_entry *v = realloc(l->v, cap * sizeof *v);

		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	e = &l->v[l->n];
	e->path = strdup(path);
	if (!e->path)
		return -1;
	e->size = st->st_size;
	e->mtime = st->st_mtime;
	e->is_dir = S_ISDIR(st->st_mode);
	l->n++;
	return 0;
}

static int join_path(char *out, size_t size, const char *dir, const char *name)
{
	int n = snprintf(out, size, "%s/%s", dir, name);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

static int walk_dir(const char *dir, int depth, const struct walk_opts *o,
                    struct entry_list *out)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[PATH_MAX];
	struct stat st;
	int rc = 0;

	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL) {
		struct file_entry probe;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (join_path(path, sizeof path, dir, de->d_name) != 0 ||
		    lstat(path, &st) != 0) {
			rc = -1;
			continue;
		}
		if (o->pattern && !S_ISDIR(st.st_mode) &&
		    fnmatch(o->pattern, de->d_name, 0) != 0)
			continue;
		probe.path = path;
		probe.size = st.st_size;
		probe.mtime = st.st_mtime;
		probe.is_dir = S_ISDIR(st.st_mode);
		if (o->filter && !o->filter(&probe, o->ctx))
			continue;
		if (list_push(out, path, &st) != 0) {
			rc = -1;
			break;
		}
		if (S_ISDIR(st.st_mode) && depth < o->max_depth)
			walk_dir(path, depth + 1, o, out);
	}
	closedir(d);
	return rc;
}

static int cmp_id(const void *a, const void *b)
{
	const struct file_id *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return (x->ino > y->ino) - (x->ino < y->ino);
}

/* Hard links and bind mounts: has this inode been counted already? */
int seen_before(const struct stat *st)
{
	struct file_id key = { st->st_dev, st->st_ino };
	struct file_id *copy;

	if (tfind(&key, &g_seen_root, cmp_id))
		return 1;
	copy = malloc(sizeof *copy);
	if (!copy)
		return 0;
	*copy = key;
	tsearch(copy, &g_seen_root, cmp_id);
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct file_entry *)a)->path, ((const struct file_entry *)b)->path);
}

static int cmp_size_desc(const void *a, const void *b)
{
	off_t x = ((const struct file_entry *)a)->size, y = ((const struct file_entry *)b)->size;

	return (x < y) - (x > y);
}

void sort_entries(struct entry_list *l, int by_size)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, by_size ? cmp_size_desc : cmp_name);
}

static const char *human_size(long long n, char *buf, size_t size)
{
	static const char units[] = "BKMGT";
	int u = 0;
	double v = (double)n;

	while (v >= 1024 && u < 4) {
		v /= 1024;
		u++;
	}
	snprintf(buf, size, u ? "%.1f%c" : "%.0f%c", v, units[u]);
	return buf;
}

int print_report(const struct entry_list *l, FILE *out)
{
	char hb[16], tb[32];
	struct tm tm;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct file_entry *e = &l->v[i];

		localtime_r(&e->mtime, &tm);
		strftime(tb, sizeof tb, "%Y-%m-%d %H:%M", &tm);
		fprintf(out, "%8s  %s  %s%s\n", human_size(e->size, hb, sizeof hb), tb,
		        e->path, e->is_dir ? "/" : "");
	}
	return (int)i;
}

static int du_cb(const char *path, const struct stat *st, int type,
                 struct FTW *ftw)
{
	(void)ftw;
	if (type == FTW_F) {
		g_du->files++;
		g_du->bytes += st->st_size;
	} else if (type == FTW_D) {
		g_du->dirs++;
	} else if (type == FTW_NS || type == FTW_DNR) {
		g_failed_path = path;
		return 1;
	}
	return 0;
}

/* nftw has no context argument: the state goes through a global. */
int disk_usage(const char *root, struct du_state *st)
{
	int rc;

	memset(st, 0, sizeof *st);
	g_du = st;
	rc = nftw(root, du_cb, 16, FTW_PHYS);
	g_du = NULL;
	return rc;
}

static int skip_hidden(const struct file_entry *e, void *ctx)
{
	const char *base = strrchr(e->path, '/');
	size_t *skipped = ctx;

	if (base && base[1] == '.') {
		++*skipped;
		return 0;
	}
	return 1;
}

int walk_visible(const char *root, struct entry_list *out, size_t *nskipped)
{
	size_t skipped = 0;
	struct walk_opts opts = { 4, NULL, skip_hidden, &skipped };
	int rc = walk_dir(root, 0, &opts, out);

	*nskipped = skipped;
	return rc;
}

/* Returns the canonical path, or p itself when it cannot be resolved. */
const char *canonical_or_self(const char *p)
{
	char buf[PATH_MAX];
	const char *r = realpath(p, buf);

	return r ? r : p;
}

int read_small_file(const char *path, char **data_out, size_t *len_out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *buf;
	ssize_t n;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || st.st_size > (1 << 20)) {
		close(fd);
		return -1;
	}
	buf = malloc((size_t)st.st_size + 1);
	n = buf ? read(fd, buf, (size_t)st.st_size) : -1;
	close(fd);
	if (n < 0) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*data_out = buf;
	*len_out = (size_t)n;
	return 0;
}

int walk_main(const char *root, const char *pattern, int by_size)
{
	struct walk_opts opts = { 8, pattern, NULL, NULL };
	struct entry_list list = { NULL, 0, 0 };
	struct du_state du;
	char cwd[PATH_MAX];
	char total[16];
	size_t i;

	if (!getcwd(cwd, sizeof cwd))
		return -1;
	if (walk_dir(root, 0, &opts, &list) != 0)
		fprintf(stderr, "%s: some entries were skipped\n", cwd);
	sort_entries(&list, by_size);
	print_report(&list, stdout);
	if (disk_usage(root, &du) == 0)
		printf("%lu files, %lu dirs, %s\n", du.files, du.dirs,
		       human_size(du.bytes, total, sizeof total));
	else if (g_failed_path)
		fprintf(stderr, "cannot read %s\n", g_failed_path);
	for (i = 0; i < list.n; i++)
		free(list.v[i].path);
	free(list.v);
	return 0;
}
