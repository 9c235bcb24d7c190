/* opts.c - command-line handling of the converter tool. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct options {
	const char *input;
	const char *output;
	const char *format;
	int verbose;
	long jobs;
	double scale;
};

static const struct option longopts[] = {
	{ "input", required_argument, NULL, 'i' },
	{ "output", required_argument, NULL, 'o' },
	{ "format", required_argument, NULL, 'f' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "scale", required_argument, NULL, 's' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *out, const char *prog)
{
	char name[64];
	const char *slash = strrchr(prog, '/');

	snprintf(name, sizeof name, "%s", slash ? slash + 1 : prog);
	fprintf(out,
		"usage: %s -i FILE [-o FILE] [-f FORMAT] [-j N] [-s SCALE] [-v]\n",
		name);
}

static int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int parse_double(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return (errno || end == s || *end) ? -1 : 0;
}

int parse_options(int argc, char **argv, struct options *o)
{
	char outpath[PATH_MAX];
	int c;

	memset(o, 0, sizeof *o);
	o->format = "text";
	o->jobs = 1;
	o->scale = 1.0;
	while ((c = getopt_long(argc, argv, "i:o:f:j:s:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			o->input = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "json")) {
				fprintf(stderr, "unknown format '%s'\n", optarg);
				return -1;
			}
			o->format = optarg;
			break;
		case 'j':
			if (parse_long(optarg, 1, 256, &o->jobs) < 0) {
				fprintf(stderr, "bad job count '%s'\n", optarg);
				return -1;
			}
			break;
		case 's':
			if (parse_double(optarg, &o->scale) < 0)
				return -1;
			break;
		case 'v':
			o->verbose++;
			break;
		case 'h':
			usage(stdout, argv[0]);
			exit(0);
		default:
			usage(stderr, argv[0]);
			return -1;
		}
	}
	if (!o->input) {
		usage(stderr, argv[0]);
		return -1;
	}
	if (!o->output) {
		snprintf(outpath, sizeof outpath, "%s.%s", o->input, o->format);
		o->output = outpath;
	}
	return 0;
}

void print_options(const struct options *o)
{
	printf("input=%s output=%s format=%s jobs=%ld scale=%g verbose=%d\n",
	       o->input, o->output, o->format, o->jobs, o->scale, o->verbose);
}
