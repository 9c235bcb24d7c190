/* fcopy.c - file copy with large stdio buffers and a progress callback. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define IOBUF (1 << 16)

struct progress {
	long long done, total;
	int last_percent;
};

static void progress_update(struct progress *p, size_t n)
{
	int percent;

	p->done += (long long)n;
	if (p->total <= 0)
		return;
	percent = (int)(p->done * 100 / p->total);
	if (percent != p->last_percent) {
		fprintf(stderr, "\r%3d%%", percent);
		p->last_percent = percent;
	}
}

int copy_file(const char *from, const char *to)
{
	char inbuf[IOBUF], outbuf[IOBUF], chunk[8192];
	struct progress prog = { 0, 0, -1 };
	struct stat st;
	FILE *in, *out;
	size_t n;
	int rc = 0;

	in = fopen(from, "rb");
	if (!in)
		return -1;
	out = fopen(to, "wb");
	if (!out) {
		fclose(in);
		return -1;
	}
	setvbuf(in, inbuf, _IOFBF, sizeof inbuf);
	setvbuf(out, outbuf, _IOFBF, sizeof outbuf);
	if (stat(from, &st) == 0)
		prog.total = st.st_size;
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
		if (fwrite(chunk, 1, n, out) != n) {
			rc = -1;
			break;
		}
		progress_update(&prog, n);
	}
	if (ferror(in))
		rc = -1;
	fclose(in);
	if (fclose(out) != 0)
		rc = -1;
	if (prog.total > 0)
		fputc('\n', stderr);
	return rc;
}

/* Appends a line to a journal file, unbuffered so a crash loses nothing. */
int journal_append(const char *path, const char *line)
{
	FILE *f = fopen(path, "a");
	int rc;

	if (!f)
		return -1;
	setvbuf(f, NULL, _IONBF, 0);
	rc = fprintf(f, "%s\n", line) < 0 ? -1 : 0;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

int compare_files(const char *a, const char *b)
{
	char bufa[4096], bufb[4096];
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	int same = 1;

	if (!fa || !fb) {
		if (fa)
			fclose(fa);
		if (fb)
			fclose(fb);
		return -1;
	}
	for (;;) {
		size_t na = fread(bufa, 1, sizeof bufa, fa);
		size_t nb = fread(bufb, 1, sizeof bufb, fb);

		if (na != nb || memcmp(bufa, bufb, na) != 0) {
			same = 0;
			break;
		}
		if (na == 0)
			break;
	}
	fclose(fa);
	fclose(fb);
	return same;
}
