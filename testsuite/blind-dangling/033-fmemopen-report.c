/* report.c - builds status reports in memory before they are sent. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct status {
	const char *name;
	int up;
	double load;
	unsigned long requests;
};

static int write_status(FILE *f, const struct status *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (fprintf(f, "%-16s %-4s load %5.2f requests %lu\n", s[i].name,
			    s[i].up ? "up" : "DOWN", s[i].load, s[i].requests) < 0)
			return -1;
	return 0;
}

/* The whole report as one heap string. */
char *report_string(const struct status *s, int n)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return NULL;
	if (write_status(f, s, n) < 0) {
		fclose(f);
		free(text);
		return NULL;
	}
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* The first line only, into the caller's buffer, through a fixed-size
 * memory stream. */
int report_summary(const struct status *s, int n, char *out, size_t outsz)
{
	char buf[512];
	FILE *f = fmemopen(buf, sizeof buf, "w");
	int down = 0, i;

	if (!f)
		return -1;
	for (i = 0; i < n; i++)
		down += !s[i].up;
	fprintf(f, "%d services, %d down", n, down);
	if (fclose(f) != 0)
		return -1;
	buf[sizeof buf - 1] = '\0';
	snprintf(out, outsz, "%s", buf);
	return down;
}

/* Streams used by the incremental writer: the caller appends with fprintf
 * and reads back with report_stream_text(). */
FILE *report_stream_open(void)
{
	char area[4096];
	FILE *f;

	memset(area, 0, sizeof area);
	f = fmemopen(area, sizeof area, "w+");
	if (!f)
		return NULL;
	fprintf(f, "# status report\n");
	return f;
}

int report_stream_text(FILE *f, char *out, size_t outsz)
{
	size_t n;

	fflush(f);
	rewind(f);
	n = fread(out, 1, outsz - 1, f);
	out[n] = '\0';
	return (int)n;
}
