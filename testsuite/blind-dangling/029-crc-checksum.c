/* crcsum.c - CRC-32 of files, as printed by the image verification tool. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint32_t g_table[256];
static int g_table_ready;

static void crc_init(void)
{
	uint32_t i, j, c;

	for (i = 0; i < 256; i++) {
		c = i;
		for (j = 0; j < 8; j++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		g_table[i] = c;
	}
	g_table_ready = 1;
}

static uint32_t crc_update(uint32_t crc, const unsigned char *p, size_t n)
{
	if (!g_table_ready)
		crc_init();
	crc = ~crc;
	while (n--)
		crc = g_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

/* CRC of an open descriptor; *size receives the byte count. */
int crc_fd(int fd, uint32_t *crc, off_t *size)
{
	unsigned char buf[65536];
	struct stat st;
	off_t total = 0;
	ssize_t n;

	if (fstat(fd, &st) < 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		return -1;
	}
	*crc = 0;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		*crc = crc_update(*crc, buf, (size_t)n);
		total += n;
	}
	if (total != st.st_size) {
		errno = EIO;
		return -1;
	}
	*size = total;
	return 0;
}

int crc_file(const char *path, uint32_t *crc, off_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc, saved;

	if (fd < 0)
		return -1;
	rc = crc_fd(fd, crc, size);
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

int verify_manifest_line(const char *line)
{
	char path[512];
	unsigned long want;
	uint32_t got;
	off_t size;

	if (sscanf(line, "%lx %511s", &want, path) != 2) {
		fprintf(stderr, "bad manifest line: %s", line);
		return -1;
	}
	if (crc_file(path, &got, &size) < 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if (got != (uint32_t)want) {
		fprintf(stderr, "%s: CRC %08x, expected %08lx\n", path, got, want);
		return 1;
	}
	printf("%s: OK (%lld bytes)\n", path, (long long)size);
	return 0;
}
