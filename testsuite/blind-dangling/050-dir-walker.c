/* du.c - disk usage of a directory tree, like "du -s", without following
 * symbolic links and counting hard links once. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_SEEN 4096

struct walk_state {
	dev_t dev[MAX_SEEN];
	ino_t ino[MAX_SEEN];
	int nseen;
	int errors;
	long long files;
};

static int seen_before(struct walk_state *w, const struct stat *st)
{
	int i;

	if (st->st_nlink < 2)
		return 0;
	for (i = 0; i < w->nseen; i++)
		if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino)
			return 1;
	if (w->nseen < MAX_SEEN) {
		w->dev[w->nseen] = st->st_dev;
		w->ino[w->nseen] = st->st_ino;
		w->nseen++;
	}
	return 0;
}

static long long walk(struct walk_state *w, const char *path, int depth)
{
	char child[4096];
	struct stat st;
	struct dirent *de;
	long long total;
	DIR *d;

	if (lstat(path, &st) < 0) {
		fprintf(stderr, "du: %s: %s\n", path, strerror(errno));
		w->errors++;
		return 0;
	}
	if (seen_before(w, &st))
		return 0;
	total = (long long)st.st_blocks * 512;
	w->files++;
	if (!S_ISDIR(st.st_mode) || depth > 64)
		return total;
	d = opendir(path);
	if (!d) {
		w->errors++;
		return total;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (snprintf(child, sizeof child, "%s/%s", path, de->d_name) >= (int)sizeof child) {
			w->errors++;
			continue;
		}
		total += walk(w, child, depth + 1);
	}
	closedir(d);
	return total;
}

/* Bytes used under path; -1 if anything could not be read. */
long long disk_usage(const char *path, long long *files)
{
	struct walk_state *w = calloc(1, sizeof *w);
	long long total;
	int errors;

	if (!w)
		return -1;
	total = walk(w, path, 0);
	errors = w->errors;
	if (files)
		*files = w->files;
	free(w);
	return errors ? -1 : total;
}

int main(int argc, char **argv)
{
	int i, rc = 0;

	for (i = 1; i < argc; i++) {
		long long files, bytes = disk_usage(argv[i], &files);

		if (bytes < 0) {
			rc = 1;
			continue;
		}
		printf("%lld\t%s (%lld files)\n", bytes / 1024, argv[i], files);
	}
	return rc;
}
