#include "escape-report.h"

/* ------------------------------------------------------------------ */
/* Output                                                              */

const char *out_path; /* -o, or NULL for stdout */
FILE *out;

void open_output(void)
{
	if (!out_path || !strcmp(out_path, "-")) {
		out = stdout;
		return;
	}
	const char *slash = strrchr(out_path, '/');
	size_t dirlen = slash ? (size_t)(slash - out_path + 1) : 0;
	int fd;
	struct stat st;

	if (stat(out_path, &st) == 0 && S_ISDIR(st.st_mode))
		die("%s: cannot write: Is a directory", out_path);
	tmp_path = xasprintf("%.*s.%s.XXXXXX", (int)dirlen, out_path,
			     slash ? slash + 1 : out_path);
	fd = mkstemp(tmp_path);
	if (fd < 0) {
		free(tmp_path);
		tmp_path = NULL;
		die("%s: cannot write: %s", out_path, strerror(errno));
	}
	out = fdopen(fd, "w");
	if (!out)
		die("%s: cannot write: %s", out_path, strerror(errno));
}

void close_output(void)
{
	mode_t mask;

	if (out == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout))
			die("cannot write the output: %s", strerror(errno));
		return;
	}
	mask = umask(0);
	umask(mask);
	if (fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0 ||
	    fchmod(fileno(out), 0666 & ~mask) != 0)
		die("%s: cannot write: %s", out_path, strerror(errno));
	if (fclose(out) != 0)
		die("%s: cannot write: %s", out_path, strerror(errno));
	if (rename(tmp_path, out_path) != 0)
		die("%s: cannot write: %s", out_path, strerror(errno));
	free(tmp_path);
	tmp_path = NULL;
}

void dump_json(json_t *doc)
{
	if (json_dumpf(doc, out, JSON_INDENT(2)) != 0 || fputc('\n', out) == EOF)
		die("cannot write the output: %s", strerror(errno));
}

