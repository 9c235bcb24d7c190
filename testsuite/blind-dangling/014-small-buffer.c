/* hexdump.c - formatting helpers of the packet inspector. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char hexdigits[] = "0123456789abcdef";

static void hex_fill(char *out, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		out[3 * i] = hexdigits[p[i] >> 4];
		out[3 * i + 1] = hexdigits[p[i] & 15];
		out[3 * i + 2] = i + 1 == n ? '\0' : ' ';
	}
	if (n == 0)
		out[0] = '\0';
}

/* Short lines are formatted without touching the allocator.  *heap tells the
 * caller whether to free the result. */
char *hex_line(const unsigned char *p, size_t n, int *heap)
{
	char small[64];
	size_t need = n ? n * 3 : 1;
	char *big = need > sizeof small ? malloc(need) : NULL;

	if (need > sizeof small && !big)
		return NULL;
	hex_fill(big ? big : small, p, n);
	*heap = big != NULL;
	return big ? big : small;
}

/* The fixed version: always a heap string. */
char *hex_line_dup(const unsigned char *p, size_t n)
{
	char small[64];
	size_t need = n ? n * 3 : 1;
	char *big;

	if (need <= sizeof small) {
		hex_fill(small, p, n);
		return strdup(small);
	}
	big = malloc(need);
	if (big)
		hex_fill(big, p, n);
	return big;
}

/* Human-readable size into the caller's buffer. */
const char *format_size(char *buf, size_t bufsz, unsigned long long bytes)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	double v = (double)bytes;
	int u = 0;

	while (v >= 1024 && u < 4) {
		v /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(buf, bufsz, "%llu %s", bytes, units[0]);
	else
		snprintf(buf, bufsz, "%.1f %s", v, units[u]);
	return buf;
}

void dump_packet(FILE *out, const unsigned char *pkt, size_t len)
{
	char sz[32];
	size_t off;

	fprintf(out, "packet, %s\n", format_size(sz, sizeof sz, len));
	for (off = 0; off < len; off += 16) {
		size_t n = len - off < 16 ? len - off : 16;
		char *line = hex_line_dup(pkt + off, n);

		if (!line)
			return;
		fprintf(out, "%08zx  %s\n", off, line);
		free(line);
	}
}
