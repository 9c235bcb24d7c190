/*
 * cmdline.c - command-line handling for a small batch tool: getopt_long
 * options, a table-driven "--key=value" parser, and @response-file expansion.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct options {
	const char *output;
	const char *config;
	int verbose;
	int jobs;
	long timeout_ms;
	char **inputs;
	int ninputs;
};

static const char *g_progname = "tool";

static void usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-v] [-j N] [-t DURATION] [-o FILE] INPUT...\n",
	        g_progname);
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* "250ms", "2s", "1m" -> milliseconds */
static int parse_duration(const char *s, long *ms)
{
	double v;
	char unit[4] = "";
	int n = sscanf(s, "%lf%3s", &v, unit);

	if (n < 1 || v < 0)
		return -1;
	if (n == 1 || strcmp(unit, "ms") == 0)
		*ms = (long)v;
	else if (strcmp(unit, "s") == 0)
		*ms = (long)(v * 1000);
	else if (strcmp(unit, "m") == 0)
		*ms = (long)(v * 60000);
	else
		return -1;
	return 0;
}

int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "config", required_argument, NULL, 'c' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "timeout", required_argument, NULL, 't' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	long jobs;
	int c;

	memset(o, 0, sizeof *o);
	o->jobs = 1;
	if (argc > 0)
		g_progname = argv[0];
	while ((c = getopt_long(argc, argv, "o:c:j:t:v", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o->output = optarg; break;
		case 'c': o->config = optarg; break;
		case 'v': o->verbose++; break;
		case 'j':
			if (parse_long(optarg, 1, 256, &jobs) != 0)
				return -1;
			o->jobs = (int)jobs;
			break;
		case 't':
			if (parse_duration(optarg, &o->timeout_ms) != 0)
				return -1;
			break;
		default:
			return -1;
		}
	}
	o->inputs = argv + optind;
	o->ninputs = argc - optind;
	return 0;
}

enum opt_kind { OPT_FLAG, OPT_INT, OPT_STR };

struct optdef {
	const char *name;
	enum opt_kind kind;
	void *target;
	const char *help;
};

static const struct optdef *find_opt(const struct optdef *defs, size_t n,
                                     const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(defs[i].name, name) == 0)
			return &defs[i];
	return NULL;
}

static int apply_opt(const struct optdef *d, const char *value)
{
	long v;

	switch (d->kind) {
	case OPT_FLAG:
		*(int *)d->target = 1;
		return 0;
	case OPT_INT:
		if (parse_long(value, INT_MIN, INT_MAX, &v) != 0)
			return -1;
		*(int *)d->target = (int)v;
		return 0;
	case OPT_STR:
		*(const char **)d->target = value;
		return 0;
	}
	return -1;
}

static void print_help(FILE *fp, const struct optdef *defs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(fp, "  --%-10s %s\n", defs[i].name, defs[i].help);
}

/* Parses "--name=value" arguments (the form used in config snippets). */
int parse_kv_args(int argc, char **argv, struct options *o)
{
	int want_help = 0;
	const struct optdef defs[] = {
		{ "output", OPT_STR, &o->output, "write results to FILE" },
		{ "jobs", OPT_INT, &o->jobs, "run N jobs in parallel" },
		{ "verbose", OPT_FLAG, &o->verbose, "say more" },
		{ "help", OPT_FLAG, &want_help, "show this help" },
	};
	const size_t ndefs = sizeof defs / sizeof defs[0];

	for (int i = 1; i < argc; i++) {
		char name[32];
		const char *arg = argv[i], *eq;
		const struct optdef *d;
		size_t len;

		if (strncmp(arg, "--", 2) != 0)
			return -1;
		arg += 2;
		eq = strchr(arg, '=');
		len = eq ? (size_t)(eq - arg) : strlen(arg);
		if (len >= sizeof name)
			return -1;
		memcpy(name, arg, len);
		name[len] = '\0';
		d = find_opt(defs, ndefs, name);
		if (!d) {
			fprintf(stderr, "%s: unknown option --%s\n", g_progname, name);
			return -1;
		}
		if (apply_opt(d, eq ? eq + 1 : "1") != 0)
			return -1;
	}
	if (want_help)
		print_help(stdout, defs, ndefs);
	return 0;
}

/* Replaces each "@file" argument by the lines of file. */
char **expand_response_files(int argc, char **argv, int *newargc)
{
	char **out = calloc(1024, sizeof *out);
	int n = 0;

	if (!out)
		return NULL;
	for (int i = 0; i < argc && n < 1023; i++) {
		char line[256];
		FILE *f;

		if (argv[i][0] != '@') {
			out[n++] = argv[i];
			continue;
		}
		f = fopen(argv[i] + 1, "r");
		if (!f)
			continue;
		while (n < 1023 && fgets(line, sizeof line, f)) {
			line[strcspn(line, "\r\n")] = '\0';
			if (line[0])
				out[n++] = strdup(line);
		}
		fclose(f);
	}
	*newargc = n;
	return out;
}

static void report_at_exit(int status, void *arg)
{
	const struct options *o = arg;

	if (o->verbose)
		fprintf(stderr, "%s: exit %d, %d inputs\n", g_progname, status,
		        o->ninputs);
}

int main(int argc, char **argv)
{
	struct options opts;

	if (parse_options(argc, argv, &opts) != 0) {
		usage(stderr);
		return 2;
	}
	on_exit(report_at_exit, &opts);
	for (int i = 0; i < opts.ninputs; i++)
		printf("%s -> %s\n", opts.inputs[i], opts.output ? opts.output : "-");
	return 0;
}
