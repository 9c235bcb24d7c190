/* stats.c - latency statistics of the load generator. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW 16

struct summary {
	double p50, p90, p99, mean;
	int n;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double percentile(const double *sorted, int n, double p)
{
	double rank = p / 100.0 * (n - 1);
	int lo = (int)floor(rank);
	double frac = rank - lo;

	if (lo + 1 >= n)
		return sorted[n - 1];
	return sorted[lo] * (1 - frac) + sorted[lo + 1] * frac;
}

struct summary summarise(const double *lat, int n)
{
	double sorted[1024];
	struct summary s;
	double sum = 0;
	int i;

	memset(&s, 0, sizeof s);
	if (n <= 0 || n > 1024)
		return s;
	memcpy(sorted, lat, (size_t)n * sizeof *lat);
	qsort(sorted, (size_t)n, sizeof *sorted, cmp_double);
	for (i = 0; i < n; i++)
		sum += sorted[i];
	s.n = n;
	s.mean = sum / n;
	s.p50 = percentile(sorted, n, 50);
	s.p90 = percentile(sorted, n, 90);
	s.p99 = percentile(sorted, n, 99);
	return s;
}

/* Moving window of the last WINDOW samples; the debugger command "stats"
 * prints the window last seen by window_push(). */
static const double *g_debug_window;

double window_push(double sample)
{
	static double ring[WINDOW];
	static int pos, count;
	static const double *last_view;
	double view[WINDOW];
	double sum = 0;
	int i;

	ring[pos] = sample;
	pos = (pos + 1) % WINDOW;
	if (count < WINDOW)
		count++;
	for (i = 0; i < count; i++) {
		view[i] = ring[(pos - count + i + WINDOW) % WINDOW];
		sum += view[i];
	}
	last_view = view;
	g_debug_window = last_view;
	return sum / count;
}

void debug_print_window(FILE *out)
{
	int i;

	if (!g_debug_window)
		return;
	for (i = 0; i < WINDOW; i++)
		fprintf(out, "%.3f ", g_debug_window[i]);
	fputc('\n', out);
}

/* A formatted line, in a static buffer overwritten by each call. */
const char *summary_line(const struct summary *s)
{
	static char line[128];

	snprintf(line, sizeof line, "n=%d mean=%.2f p50=%.2f p90=%.2f p99=%.2f",
		 s->n, s->mean, s->p50, s->p90, s->p99);
	return line;
}

void print_summary(FILE *out, const double *lat, int n)
{
	struct summary s = summarise(lat, n);

	fprintf(out, "%s\n", summary_line(&s));
}
