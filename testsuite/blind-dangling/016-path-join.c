/* paths.c - path helpers of the package installer. */
#include <alloca.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* dir + "/" + name, without a doubled slash.  Callers use the result at
 * once, so it is built on the stack. */
const char *path_join_tmp(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	char *p = alloca(dl + nl + 2);

	memcpy(p, dir, dl);
	if (dl && dir[dl - 1] != '/')
		p[dl++] = '/';
	memcpy(p + dl, name, nl + 1);
	return p;
}

/* Opens dir/name; the joined path never leaves this function. */
int open_in(const char *dir, const char *name, int flags)
{
	size_t dl = strlen(dir), nl = strlen(name);
	char *p = alloca(dl + nl + 2);

	memcpy(p, dir, dl);
	p[dl] = '/';
	memcpy(p + dl + 1, name, nl + 1);
	return open(p, flags | O_CLOEXEC, 0644);
}

char *path_join(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	char *p = malloc(dl + nl + 2);

	if (!p)
		return NULL;
	memcpy(p, dir, dl);
	if (dl && dir[dl - 1] != '/')
		p[dl++] = '/';
	memcpy(p + dl, name, nl + 1);
	return p;
}

/* mkdir -p */
int mkdir_parents(const char *path, mode_t mode)
{
	size_t len = strlen(path);
	char *copy = alloca(len + 1);
	char *s;

	memcpy(copy, path, len + 1);
	for (s = copy + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(copy, mode) != 0 && errno != EEXIST)
			return -1;
		*s = '/';
	}
	if (mkdir(copy, mode) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

int install_file(const char *root, const char *rel, const void *data, size_t n)
{
	char *dst = path_join(root, rel);
	char *slash;
	int fd, rc = -1;

	if (!dst)
		return -1;
	slash = strrchr(dst, '/');
	if (slash && slash != dst) {
		*slash = '\0';
		if (mkdir_parents(dst, 0755) < 0)
			goto out;
		*slash = '/';
	}
	fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		goto out;
	if (write(fd, data, n) == (ssize_t)n)
		rc = 0;
	close(fd);
out:
	free(dst);
	return rc;
}
