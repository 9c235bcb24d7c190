/*
 * cliopt.c - the command-line front end of a build tool: getopt_long
 * options into a struct, environment overrides, @response files, a table
 * of subcommands called through function pointers, signal handling.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct options {
	int verbose;
	long jobs;
	double ratio;
	const char *output;
	const char *config;
	char **inputs;
	int ninputs;
};

typedef int (*cmd_fn)(int argc, char **argv, struct options *opts);

struct command {
	const char *name;
	cmd_fn fn;
	const char *help;
};

static struct options *g_opts;
static const char *g_progname = "tool";
static volatile sig_atomic_t g_interrupted;

static void usage(FILE *out, const char *prog)
{
	fprintf(out,
	        "usage: %s [-v] [-j N] [-r RATIO] [-o FILE] [-c FILE] CMD [ARGS]\n",
	        prog);
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

static int parse_ratio(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end || v <= 0.0)
		return -1;
	*out = v;
	return 0;
}

int parse_options(int argc, char **argv, struct options *opts)
{
	static const struct option longopts[] = {
		{ "verbose", no_argument, NULL, 'v' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "ratio", required_argument, NULL, 'r' },
		{ "output", required_argument, NULL, 'o' },
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, idx;

	g_progname = argv[0];
	while ((c = getopt_long(argc, argv, "vj:r:o:c:h", longopts, &idx)) != -1) {
		switch (c) {
		case 'v':
			opts->verbose++;
			break;
		case 'j':
			if (parse_long(optarg, 1, 256, &opts->jobs) != 0) {
				fprintf(stderr, "%s: bad job count '%s'\n", argv[0], optarg);
				return -1;
			}
			break;
		case 'r':
			if (parse_ratio(optarg, &opts->ratio) != 0)
				return -1;
			break;
		case 'o':
			opts->output = optarg;
			break;
		case 'c':
			opts->config = optarg;
			break;
		case 'h':
			usage(stdout, argv[0]);
			exit(0);
		default:
			usage(stderr, argv[0]);
			return -1;
		}
	}
	opts->inputs = argv + optind;
	opts->ninputs = argc - optind;
	return 0;
}

/* TOOL_FLAGS="-v -j4": parsed like the command line. */
int parse_env_flags(const char *env, struct options *opts)
{
	char buf[256];
	char *args[16];
	char *save, *tok;
	int n = 0, c;

	snprintf(buf, sizeof buf, "%s", env);
	args[n++] = "TOOL_FLAGS";
	for (tok = strtok_r(buf, " \t", &save); tok && n < 15;
	     tok = strtok_r(NULL, " \t", &save))
		args[n++] = tok;
	args[n] = NULL;
	optind = 1;
	while ((c = getopt(n, args, "vj:")) != -1) {
		if (c == 'v')
			opts->verbose++;
		else if (c != 'j' || parse_long(optarg, 1, 256, &opts->jobs) != 0)
			return -1;
	}
	optind = 1;
	return 0;
}

static void apply_env(struct options *opts)
{
	const char *v = getenv("TOOL_JOBS");
	char *o;

	if (v && parse_long(v, 1, 256, &opts->jobs) != 0)
		fprintf(stderr, "ignoring TOOL_JOBS=%s\n", v);
	o = getenv("TOOL_OUTPUT");
	if (o && *o)
		opts->output = o;
}

/* Child processes see the job count; putenv keeps the string itself. */
int export_jobs(const struct options *opts)
{
	char env[32];

	snprintf(env, sizeof env, "TOOL_JOBS=%ld", opts->jobs);
	return putenv(env);
}

int export_ratio(const struct options *opts)
{
	char val[32];

	snprintf(val, sizeof val, "%g", opts->ratio);
	return setenv("TOOL_RATIO", val, 1);
}

static void on_sigint(int sig)
{
	(void)sig;
	g_interrupted = 1;
	if (g_opts && g_opts->verbose)
		write(2, "interrupted\n", 12);
}

void install_handlers(struct options *opts)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	g_opts = opts;
}

/* @file: one argument a line. */
static int expand_response_file(const char *path, char ***argvp, int *argcp)
{
	FILE *fp = fopen(path, "r");
	char line[256];
	char **v = NULL;
	int n = 0;

	if (!fp)
		return -1;
	while (fgets(line, sizeof line, fp)) {
		char **nv;

		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0])
			continue;
		nv = realloc(v, (size_t)(n + 2) * sizeof *v);
		if (!nv)
			break;
		v = nv;
		v[n++] = strdup(line);
		v[n] = NULL;
	}
	fclose(fp);
	*argvp = v;
	*argcp = n;
	return 0;
}

static int cmd_build(int argc, char **argv, struct options *opts)
{
	int i;

	for (i = 1; i < argc; i++)
		printf("build %s with %ld jobs -> %s\n", argv[i], opts->jobs,
		       opts->output ? opts->output : "a.out");
	return 0;
}

static int cmd_clean(int argc, char **argv, struct options *opts)
{
	(void)argc;
	(void)argv;
	if (opts->output && unlink(opts->output) != 0 && errno != ENOENT) {
		perror(opts->output);
		return 1;
	}
	return 0;
}

static const struct command commands[] = {
	{ "build", cmd_build, "compile the inputs" },
	{ "clean", cmd_clean, "remove the output" },
};

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int dispatch(int argc, char **argv, struct options *opts)
{
	const struct command *c;

	if (argc < 1)
		return 2;
	c = find_command(argv[0]);
	if (!c) {
		fprintf(stderr, "%s: unknown command %s\n", g_progname, argv[0]);
		return 2;
	}
	if (opts->verbose)
		fprintf(stderr, "running %s: %s\n", c->name, c->help);
	return c->fn(argc, argv, opts);
}

int run_alias(struct options *opts, const char *target)
{
	char *args[3];

	args[0] = "build";
	args[1] = (char *)target;
	args[2] = NULL;
	return dispatch(2, args, opts);
}

int clean_all(struct options *opts)
{
	return dispatch(2, (char *[]){ "clean", "--all", NULL }, opts);
}

/* Runs one command with stdout fully buffered in a local buffer. */
int run_quiet(struct options *opts, char *cmd)
{
	char outbuf[BUFSIZ];
	int rc;

	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	rc = dispatch(1, &cmd, opts);
	fflush(stdout);
	setvbuf(stdout, NULL, _IOLBF, 0);
	return rc;
}

int cli_main(int argc, char **argv)
{
	struct options opts;
	char **rargv = NULL;
	int rargc = 0;
	int rc;

	memset(&opts, 0, sizeof opts);
	opts.jobs = 1;
	opts.ratio = 1.0;
	apply_env(&opts);
	if (parse_options(argc, argv, &opts) != 0)
		return 2;
	if (opts.ninputs > 0 && opts.inputs[0][0] == '@') {
		if (expand_response_file(opts.inputs[0] + 1, &rargv, &rargc) != 0) {
			perror(opts.inputs[0] + 1);
			return 2;
		}
		opts.inputs = rargv;
		opts.ninputs = rargc;
	}
	install_handlers(&opts);
	export_jobs(&opts);
	export_ratio(&opts);
	rc = opts.ninputs > 0 ? dispatch(opts.ninputs, opts.inputs, &opts) : 0;
	g_opts = NULL;
	return rc;
}
