/*
 * escape-report - what a whole build's escape reports say, read together.
 *
 * Usage: escape-report [OPTION...] REPORT|DIR...
 *
 * Reads the JSON reports the escape plugin writes (-fplugin-arg-escape-json=
 * FILE, or json=DIR/ for one report per translation unit): each argument is
 * a report, or a directory whose *.json files (recursively, in name order,
 * hidden entries skipped) are all reports.  A function seen in several
 * reports (a header's inline function, a file compiled twice) counts once,
 * as the first report read gives it.
 *
 * Modes (one at most; the default is the summary):
 *   (none)           a readable summary: totals, escapes per file and per
 *                    function, the commonest sinks, the unknown callees
 *                    that make things escape (the rules worth writing)
 *   --sarif          SARIF 2.1.0 for GitHub code scanning: the dangling
 *                    warnings (suppressed ones marked as such); --all adds
 *                    escapes and leaking parameters as notes
 *   --diagnostics    the LSP diagnostics of all reports, merged: a JSON
 *                    array of {"uri", "diagnostics"}, one per file
 *   --summaries      the linked summaries of the build's external
 *                    functions (for -fplugin-arg-escape-summaries=FILE)
 *   --baseline OLD   OLD is a SARIF file written earlier by --sarif: list
 *                    the dangling warnings (not suppressed) whose
 *                    fingerprint is not in OLD; exit 1 if there is one
 *
 * The reports are linked first (link.c): calls between units resolved by
 * symbol, summaries solved to a whole-program fixed point, and what rested
 * on them re-derived, so every mode is whole-program.
 *
 * Options:
 *   --unlinked       each report as its unit saw it (no link step)
 *   --top N          rows of each summary table (default 10, 0 = all)
 *   --all            with --sarif: escapes and leaks too, as notes
 *   --root DIR       paths are shown, and SARIF URIs written, relative to
 *                    DIR (default: the current directory)
 *   -o, --output FILE  write there (a temporary file, then renamed) rather
 *                    than to standard output
 *   -h, --help       this text          --version   the version
 *
 * Exit status: 0 done; 1 --baseline found new warnings; 2 bad usage, or an
 * input that cannot be read, is not JSON or is not an escape report, or an
 * output that cannot be written.  docs/escape-report.md says more.
 *
 * Built by the Makefile (make build/escape-report) from escape-report/
 * and the plugin's C99 core.
 */
#include "escape-report.h"

/* ------------------------------------------------------------------ */
/* Command line                                                        */

static void help(void)
{
	printf("Usage: " PROG " [OPTION...] REPORT|DIR...\n"
	       "What escape's JSON reports (-fplugin-arg-escape-json=FILE or json=DIR/)\n"
	       "say, read together.  A directory stands for every *.json under it.\n"
	       "\n"
	       "Modes (the default is a readable summary):\n"
	       "  --sarif          SARIF 2.1.0 (GitHub code scanning): the dangling warnings\n"
	       "  --diagnostics    the LSP diagnostics of all reports, merged, by file URI\n"
	       "  --summaries      the linked summaries of the build's external functions,\n"
	       "                   for -fplugin-arg-escape-summaries=FILE\n"
	       "  --baseline OLD   list the dangling warnings not in OLD (a SARIF file\n"
	       "                   written by --sarif); exit 1 if there is one\n"
	       "Options:\n"
	       "  --top N          rows per summary table (default 10, 0 = all)\n"
	       "  --all            with --sarif: escapes and leaking parameters too, as notes\n"
	       "  --unlinked       each report as its unit saw it (no link step)\n"
	       "  --root DIR       paths relative to DIR (default: the current directory)\n"
	       "  -o, --output FILE  write there rather than to standard output\n"
	       "  -h, --help       this text\n"
	       "  --version        the version\n"
	       "Exit status: 0 done, 1 new warnings (--baseline), 2 bad usage or input.\n"
	       "See docs/escape-report.md.\n");
}

int main(int argc, char **argv)
{
	enum { SUMMARY, SARIF, DIAGNOSTICS, BASELINE, SUMMARIES } mode = SUMMARY;
	const char *mode_opt = NULL, *root_opt = ".", *old = NULL;
	int all = 0, top_given = 0, ends = 0, unlinked = 0;
	char **inputs = NULL, **files = NULL;
	size_t ninputs = 0, icap = 0, nfiles = 0, fcap = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val = NULL;
		const char *eq;
		char name[64];

		if (ends || a[0] != '-' || !strcmp(a, "-")) {
			PUSH(inputs, ninputs, icap, argv[i]);
			continue;
		}
		if (!strcmp(a, "--")) {
			ends = 1;
			continue;
		}
		/* --opt=value */
		eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
		snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
		if (eq)
			val = eq + 1;
#define VALUE()                                                                \
	do {                                                                   \
		if (!val) {                                                    \
			if (i + 1 >= argc)                                     \
				usage_error("option '%s' needs a value", name); \
			val = argv[++i];                                       \
		}                                                              \
	} while (0)
#define NOVALUE()                                                              \
	do {                                                                   \
		if (val)                                                       \
			usage_error("option '%s' takes no value", name);       \
	} while (0)
#define MODE(m)                                                                \
	do {                                                                   \
		if (mode_opt && strcmp(mode_opt, name))                        \
			usage_error("'%s' and '%s' cannot be used together",  \
				    mode_opt, name);                          \
		mode = (m);                                                    \
		mode_opt = xstrdup(name);                                      \
	} while (0)
		if (!strcmp(name, "-h") || !strcmp(name, "--help")) {
			help();
			return 0;
		} else if (!strcmp(name, "--version")) {
			NOVALUE();
			printf(PROG " %s\n", ESCAPE_VERSION);
			return 0;
		} else if (!strcmp(name, "--sarif")) {
			NOVALUE();
			MODE(SARIF);
		} else if (!strcmp(name, "--diagnostics")) {
			NOVALUE();
			MODE(DIAGNOSTICS);
		} else if (!strcmp(name, "--baseline")) {
			MODE(BASELINE);
			VALUE();
			old = val;
		} else if (!strcmp(name, "--summaries")) {
			NOVALUE();
			MODE(SUMMARIES);
		} else if (!strcmp(name, "--unlinked")) {
			NOVALUE();
			unlinked = 1;
		} else if (!strcmp(name, "--all")) {
			NOVALUE();
			all = 1;
		} else if (!strcmp(name, "--top")) {
			char *end;
			long n;
			VALUE();
			errno = 0;
			n = strtol(val, &end, 10);
			if (!*val || *end || n < 0 || errno || n > 1000000)
				usage_error("--top: '%s' is not a number of rows (0 or more)", val);
			top_n = (size_t)n;
			top_given = 1;
		} else if (!strcmp(name, "--root")) {
			VALUE();
			root_opt = val;
		} else if (!strcmp(name, "-o") || !strcmp(name, "--output")) {
			VALUE();
			if (!*val)
				usage_error("option '%s' needs a file name", name);
			out_path = val;
		} else {
			usage_error("unknown option '%s'", a);
		}
	}
	if (all && mode != SARIF)
		usage_error("--all goes with --sarif");
	if (top_given && mode != SUMMARY)
		usage_error("--top goes with the summary, not with %s", mode_opt);
	if (!ninputs)
		usage_error("no report given (files, or directories of *.json)");

	cwd = current_dir();
	root = realpath(root_opt, NULL);
	if (!root)
		die("--root %s: %s", root_opt, strerror(errno));
	{
		struct stat st;
		if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode))
			die("--root %s: Not a directory", root_opt);
	}
	rootlen = strlen(root);

	for (size_t i = 0; i < ninputs; i++) {
		struct stat st;
		if (stat(inputs[i], &st) != 0)
			die("%s: cannot read: %s", inputs[i], strerror(errno));
		if (S_ISDIR(st.st_mode)) {
			size_t before = nfiles;
			collect_dir(inputs[i], &files, &nfiles, &fcap);
			if (nfiles == before)
				die("%s: no report in it (no *.json file)", inputs[i]);
			/* escape-build's link units */
			char *units = xasprintf("%s/link-units.txt", inputs[i]);
			if (!unlinked && access(units, F_OK) == 0)
				link_read_units(units);
			free(units);
		} else {
			PUSH(files, nfiles, fcap, xstrdup(inputs[i]));
		}
	}
	for (size_t i = 0; i < nfiles; i++)
		read_report(files[i]);
	if (unlinked && mode == SUMMARIES)
		usage_error("--summaries are linked: not with --unlinked");
	if (!unlinked)
		link_build();

	/* the baseline is read before anything is written */
	int rc = 0;
	if (mode == BASELINE)
		load_baseline(old);
	open_output();
	switch (mode) {
	case SUMMARY:
		summary();
		break;
	case SARIF:
		sarif(all);
		break;
	case DIAGNOSTICS:
		diagnostics();
		break;
	case BASELINE:
		rc = baseline(old);
		break;
	case SUMMARIES:
		write_summaries();
		break;
	}
	close_output();
	return rc;
}

