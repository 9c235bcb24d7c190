/* errors.c - "last error" reporting of the image library (libpix). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *g_errmsg = "no error";
static int g_errcode;
static _Thread_local char t_errbuf[256];
static _Thread_local const char *t_errmsg;

/* Old API: records a formatted message for pix_last_error(). */
void pix_set_error(int code, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	g_errcode = code;
	g_errmsg = buf;
}

const char *pix_last_error(int *code)
{
	if (code)
		*code = g_errcode;
	return g_errmsg;
}

/* New API: the message is kept in thread-local storage. */
void pix_set_error_tls(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t_errbuf, sizeof t_errbuf, fmt, ap);
	va_end(ap);
	t_errmsg = t_errbuf;
	g_errcode = code;
}

const char *pix_last_error_tls(void)
{
	return t_errmsg ? t_errmsg : "no error";
}

struct pix_header {
	unsigned width, height, depth;
};

int pix_read_header(FILE *f, struct pix_header *h)
{
	char magic[8];

	if (fread(magic, 1, sizeof magic, f) != sizeof magic) {
		pix_set_error_tls(EIO, "short read: %s", strerror(errno));
		return -1;
	}
	if (memcmp(magic, "PIX1\r\n\x1a\n", 8) != 0) {
		pix_set_error(EINVAL, "bad magic %02x%02x%02x%02x", magic[0] & 0xff,
			      magic[1] & 0xff, magic[2] & 0xff, magic[3] & 0xff);
		return -1;
	}
	if (fscanf(f, "%u %u %u", &h->width, &h->height, &h->depth) != 3) {
		pix_set_error_tls(EINVAL, "bad header");
		return -1;
	}
	if (h->depth != 8 && h->depth != 16) {
		pix_set_error_tls(EINVAL, "unsupported depth %u", h->depth);
		return -1;
	}
	return 0;
}

int pix_describe(const char *path, char *out, size_t outsz)
{
	struct pix_header h;
	FILE *f = fopen(path, "rb");
	int rc;

	if (!f) {
		pix_set_error_tls(errno, "%s: %s", path, strerror(errno));
		return -1;
	}
	rc = pix_read_header(f, &h);
	fclose(f);
	if (rc == 0)
		snprintf(out, outsz, "%ux%u, %u bits", h.width, h.height, h.depth);
	return rc;
}
