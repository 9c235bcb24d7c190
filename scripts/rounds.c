/*
 * rounds.c - interleaved rounds of compiles, for the fixed cost of the
 * plugin (docs/performance.md: the one-function file, peak RSS of a small
 * unit).  Runs each variant's command in turn, round after round, pinned
 * to one core, and prints per round each variant's CPU time (user + sys,
 * microseconds) and peak RSS (KB) from wait4's rusage:
 *
 *   gcc -O2 -o rounds scripts/rounds.c
 *   ./rounds 300 1 -- CC1 -quiet one.c -O2 -o /dev/null \
 *                  -- CC1 -quiet one.c -O2 -o /dev/null -fplugin=DIR/escape.so
 *
 * (CC1: gcc -print-prog-name=cc1).  The variants of a round share the
 * core's load, so the per-round differences to the first variant are what
 * to take the median of; their output goes to /dev/null.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char **v[16];
	int nv = 0;

	if (argc < 5 || strcmp(argv[3], "--")) {
		fprintf(stderr, "usage: rounds N CORE -- CMD... [-- CMD...]...\n");
		return 2;
	}
	int rounds = atoi(argv[1]), core = atoi(argv[2]);
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(core, &set);
	if (sched_setaffinity(0, sizeof set, &set))
		perror("rounds: sched_setaffinity");
	for (int i = 3; i < argc && nv < 16; i++)
		if (!strcmp(argv[i], "--")) {
			argv[i] = NULL;
			v[nv++] = &argv[i + 1];
		}
	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < nv; k++) {
			pid_t p = fork();
			if (p < 0) {
				perror("rounds: fork");
				return 1;
			}
			if (!p) {
				int fd = open("/dev/null", O_WRONLY);
				dup2(fd, 1);
				dup2(fd, 2);
				execv(v[k][0], v[k]);
				_exit(127);
			}
			int st;
			struct rusage ru;
			if (wait4(p, &st, 0, &ru) < 0 || !WIFEXITED(st) ||
			    WEXITSTATUS(st)) {
				fprintf(stderr, "rounds: variant %d failed\n", k + 1);
				return 1;
			}
			long us = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000L +
				  ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
			printf("%ld %ld%s", us, ru.ru_maxrss, k + 1 < nv ? "  " : "\n");
		}
		fflush(stdout);
	}
	return 0;
}
