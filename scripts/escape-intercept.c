/*
 * escape-intercept.c - the part of escape-build that rides along with a
 * build (LD_PRELOAD), as intercept-build and Bear do: every C compile the
 * build starts gets the escape plugin's arguments.
 *
 * A program run by execve, execv, execvp, execvpe, posix_spawn or
 * posix_spawnp whose name is a C compiler driver (cc, c99, gcc, gcc-12,
 * x86_64-linux-gnu-gcc-12, ...), with -c or -S or a C file (compiled and
 * linked in one step: cc -o prog main.c), and without -E, -M or -MM
 * alone, is run with the arguments of ESCAPE_BUILD_ARGS added at the end
 * (separated by the unit separator \x1f: -fplugin=... and
 * -fplugin-arg-escape-json=DIR/).  Everything else runs unchanged, and so
 * does everything when ESCAPE_BUILD_ARGS is not set.  Build tools resolve
 * their compiler to an absolute path (CMake, Meson, Ninja), so no wrapper
 * in PATH would do.
 *
 * When ESCAPE_BUILD_LOG names a file, every run of a C compiler driver
 * (compiles and links alike) and of an archiver (ar, gcc-ar, prefixed
 * and versioned) is also appended to it, one line each: the current
 * directory, then the arguments, separated by \x1f (a newline inside an
 * argument becomes a space).  escape-build reads it after the build to
 * know which objects make which program, shared library or archive (the
 * link units: docs/escape-report.md, "Link units").  Each line is one
 * write() to a file opened with O_APPEND, so the lines of parallel jobs
 * do not mix.
 *
 * Built by the Makefile as build/escape-intercept.so, installed in
 * $(PREFIX)/lib/escape/.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

/* gcc, cc, c99, c89, with a target prefix (x86_64-linux-gnu-) and a
   version suffix (-12, -12.2) */
static int is_c_driver(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	/* the version suffix (-12, -12.2; not cc1's 1) */
	while (n && ((base[n - 1] >= '0' && base[n - 1] <= '9') || base[n - 1] == '.'))
		n--;
	if (n && base[n - 1] == '-' && n < strlen(base))
		n--;
	else
		n = strlen(base);
	static const char *const names[] = { "gcc", "cc", "c99", "c89" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		size_t k = strlen(names[i]);
		if (n == k && !strncmp(base, names[i], k))
			return 1;
		/* a target prefix: only for gcc (x86_64-linux-gnu-gcc) */
		if (i == 0 && n > k + 1 && base[n - k - 1] == '-' &&
		    !strncmp(base + n - k, names[i], k))
			return 1;
	}
	return 0;
}

/* ar, gcc-ar, with a target prefix and a version suffix */
static int is_archiver(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	while (n && ((base[n - 1] >= '0' && base[n - 1] <= '9') || base[n - 1] == '.'))
		n--;
	if (n && base[n - 1] == '-' && n < strlen(base))
		n--;
	else
		n = strlen(base);
	return (n == 2 && !strncmp(base, "ar", 2)) ||
	       (n > 2 && !strncmp(base + n - 3, "-ar", 3));
}

/* The run of a driver or an archiver, as a line of ESCAPE_BUILD_LOG. */
static void log_run(const char *path, char *const argv[])
{
	const char *log = getenv("ESCAPE_BUILD_LOG");
	if (!log || !*log || !argv || !argv[0] ||
	    !(is_c_driver(path) || is_archiver(path)))
		return;
	int saved = errno;
	char dir[4096];
	size_t len = 0, cap;
	if (!getcwd(dir, sizeof dir)) {
		errno = saved;
		return;
	}
	cap = strlen(dir) + 2;
	for (int i = 0; argv[i]; i++)
		cap += strlen(argv[i]) + 1;
	char *line = malloc(cap);
	if (!line) {
		errno = saved;
		return;
	}
	memcpy(line, dir, strlen(dir));
	len = strlen(dir);
	for (int i = 0; argv[i]; i++) {
		line[len++] = '\x1f';
		for (const char *p = argv[i]; *p; p++)
			line[len++] = *p == '\n' ? ' ' : *p;
	}
	line[len++] = '\n';
	int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
	if (fd >= 0) {
		ssize_t w = write(fd, line, len);
		(void)w;
		close(fd);
	}
	free(line);
	errno = saved;
}

/* Does the run compile C: -c or -S, or a C file compiled and linked in
   one step (cc -o prog main.c lib.a)? */
static int compiles(char *const argv[])
{
	int c = 0;
	for (int i = 1; argv[i]; i++) {
		const char *a = argv[i];
		size_t n = strlen(a);
		if (!strcmp(a, "-c") || !strcmp(a, "-S"))
			c = 1;
		else if (a[0] != '-' && n > 2 && !strcmp(a + n - 2, ".c") &&
			 strcmp(argv[i - 1], "-o"))
			c = 1;
		else if (!strcmp(a, "-E") || !strcmp(a, "-M") || !strcmp(a, "-MM"))
			return 0;
		else if (!strncmp(a, "-fplugin-arg-escape-json", 24))
			return 0; /* already there */
	}
	return c;
}

/* argv with ESCAPE_BUILD_ARGS added, or argv itself. */
static char *const *with_plugin(const char *path, char *const argv[])
{
	const char *extra = getenv("ESCAPE_BUILD_ARGS");
	log_run(path, argv);
	if (!extra || !*extra || !argv || !argv[0] || !is_c_driver(path) ||
	    !compiles(argv))
		return argv;
	int n = 0, m = 1;
	while (argv[n])
		n++;
	for (const char *p = extra; *p; p++)
		m += *p == '\x1f';
	char **v = malloc((size_t)(n + m + 1) * sizeof *v);
	char *copy = strdup(extra);
	if (!v || !copy)
		return argv;
	memcpy(v, argv, (size_t)n * sizeof *v);
	for (char *p = copy, *q; p; p = q) {
		q = strchr(p, '\x1f');
		if (q)
			*q++ = 0;
		if (*p)
			v[n++] = p;
	}
	v[n] = NULL;
	return v;
}

typedef int (*execve_fn)(const char *, char *const[], char *const[]);
typedef int (*execv_fn)(const char *, char *const[]);
typedef int (*spawn_fn)(pid_t *, const char *, const posix_spawn_file_actions_t *,
			const posix_spawnattr_t *, char *const[], char *const[]);

/* The function of the same name in the next library (libc). */
#define REAL(name, type) \
	static type real; \
	if (!real) \
		*(void **)&real = dlsym(RTLD_NEXT, name)

int execve(const char *path, char *const argv[], char *const envp[])
{
	REAL("execve", execve_fn);
	return real(path, with_plugin(path, argv), envp);
}

int execv(const char *path, char *const argv[])
{
	REAL("execv", execv_fn);
	return real(path, with_plugin(path, argv));
}

int execvp(const char *file, char *const argv[])
{
	REAL("execvp", execv_fn);
	return real(file, with_plugin(file, argv));
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	REAL("execvpe", execve_fn);
	return real(file, with_plugin(file, argv), envp);
}

int posix_spawn(pid_t *pid, const char *path,
		const posix_spawn_file_actions_t *fa,
		const posix_spawnattr_t *attr, char *const argv[],
		char *const envp[])
{
	REAL("posix_spawn", spawn_fn);
	return real(pid, path, fa, attr, with_plugin(path, argv), envp);
}

int posix_spawnp(pid_t *pid, const char *file,
		 const posix_spawn_file_actions_t *fa,
		 const posix_spawnattr_t *attr, char *const argv[],
		 char *const envp[])
{
	REAL("posix_spawnp", spawn_fn);
	return real(pid, file, fa, attr, with_plugin(file, argv), envp);
}
