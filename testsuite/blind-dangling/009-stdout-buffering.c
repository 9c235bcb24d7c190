/* out.c - output set-up of the batch exporter: big buffers for throughput. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OUT_BUFSZ 65536

static char g_log_buf[BUFSIZ];
static int g_interactive;

/* Full buffering on stdout unless it is a terminal. */
void output_init(void)
{
	char buf[OUT_BUFSZ];

	g_interactive = isatty(STDOUT_FILENO);
	if (g_interactive) {
		setvbuf(stdout, NULL, _IOLBF, 0);
		return;
	}
	if (setvbuf(stdout, buf, _IOFBF, sizeof buf) != 0)
		fprintf(stderr, "export: cannot buffer stdout\n");
}

/* The log stream gets a static buffer: it lives as long as the program. */
FILE *log_open(const char *path)
{
	FILE *f = fopen(path, "a");

	if (!f)
		return NULL;
	setvbuf(f, g_log_buf, _IOLBF, sizeof g_log_buf);
	return f;
}

struct row {
	const char *name;
	long count;
	double mean;
};

/* Writes a whole table to path through a private buffer. */
int dump_table(const char *path, const struct row *rows, int n)
{
	char iobuf[16384];
	FILE *f = fopen(path, "w");
	int i;

	if (!f)
		return -1;
	setvbuf(f, iobuf, _IOFBF, sizeof iobuf);
	fprintf(f, "name,count,mean\n");
	for (i = 0; i < n; i++) {
		if (fprintf(f, "%s,%ld,%.3f\n", rows[i].name, rows[i].count,
			    rows[i].mean) < 0) {
			fclose(f);
			return -1;
		}
	}
	if (fclose(f) != 0)
		return -1;
	return 0;
}

int export_all(const struct row *rows, int n)
{
	char line[256];
	int i;

	for (i = 0; i < n; i++) {
		int len = snprintf(line, sizeof line, "%-24s %10ld %12.3f\n",
				   rows[i].name, rows[i].count, rows[i].mean);
		if (len < 0 || (size_t)len >= sizeof line)
			return -1;
		if (fwrite(line, 1, (size_t)len, stdout) != (size_t)len)
			return -1;
	}
	return fflush(stdout) == 0 ? 0 : -1;
}
