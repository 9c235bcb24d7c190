/* pgrep.c - searches several files in parallel, one thread per file. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILES 16

struct search {
	const char *path;
	const char *needle;
	long matches;
	int error;
};

static pthread_mutex_t g_print_lock = PTHREAD_MUTEX_INITIALIZER;

static void *search_file(void *arg)
{
	struct search *s = arg;
	char line[4096];
	long lineno = 0;
	FILE *f = fopen(s->path, "r");

	if (!f) {
		s->error = 1;
		return NULL;
	}
	while (fgets(line, sizeof line, f)) {
		lineno++;
		if (strstr(line, s->needle)) {
			s->matches++;
			pthread_mutex_lock(&g_print_lock);
			printf("%s:%ld:%s", s->path, lineno, line);
			pthread_mutex_unlock(&g_print_lock);
		}
	}
	fclose(f);
	return NULL;
}

/* Returns the total number of matching lines, or -1 if a file failed. */
long parallel_grep(const char *needle, char **paths, int n)
{
	struct search jobs[MAX_FILES];
	pthread_t tids[MAX_FILES];
	int i, started;
	long total = 0;
	int failed = 0;

	if (n > MAX_FILES)
		return -1;
	for (started = 0; started < n; started++) {
		jobs[started].path = paths[started];
		jobs[started].needle = needle;
		jobs[started].matches = 0;
		jobs[started].error = 0;
		if (pthread_create(&tids[started], NULL, search_file, &jobs[started]) != 0) {
			failed = 1;
			break;
		}
	}
	for (i = 0; i < started; i++) {
		pthread_join(tids[i], NULL);
		total += jobs[i].matches;
		failed |= jobs[i].error;
	}
	return failed ? -1 : total;
}

/* Same search with a helper thread for the first file and the rest done
 * here; used when only two files are given. */
long grep_two(const char *needle, const char *a, const char *b)
{
	struct search first, second;
	pthread_t t;

	memset(&first, 0, sizeof first);
	memset(&second, 0, sizeof second);
	first.path = a;
	first.needle = needle;
	second.path = b;
	second.needle = needle;
	if (pthread_create(&t, NULL, search_file, &first) != 0) {
		search_file(&first);
		search_file(&second);
	} else {
		search_file(&second);
		pthread_join(t, NULL);
	}
	if (first.error || second.error)
		return -1;
	return first.matches + second.matches;
}

int main(int argc, char **argv)
{
	long n;

	if (argc < 3) {
		fprintf(stderr, "usage: %s NEEDLE FILE...\n", argv[0]);
		return 2;
	}
	n = argc == 4 ? grep_two(argv[1], argv[2], argv[3])
		      : parallel_grep(argv[1], argv + 2, argc - 2);
	if (n < 0)
		return 2;
	return n > 0 ? 0 : 1;
}
