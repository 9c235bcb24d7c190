/* C library functions that only read or write what they are given: nothing
   escapes through them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct pair {
	int a, b;
};

int use_memset(void)
{
	int a[4];
	memset(a, 0, sizeof a);
	return a[1];
}

int use_memcpy(void)
{
	struct pair src = {1, 2}, dst;
	memcpy(&dst, &src, sizeof dst);
	return dst.b;
}

long use_fstat(int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return -1;
	return (long)st.st_size;
}

int use_sscanf(void)
{
	int a = 0, b = 0;
	if (sscanf("12 34", "%d %d", &a, &b) != 2)
		return -1;
	return a + b;
}

int compare_ints(const void *l, const void *r) // want "l does not escape" "r does not escape"
{
	const int *x = l, *y = r;
	return (*x > *y) - (*x < *y);
}

int use_qsort(void)
{
	int v[4] = {3, 1, 4, 1};
	qsort(v, 4, sizeof v[0], compare_ints);
	return v[0];
}

void use_printf(void)
{
	int x = 0;
	printf("%p\n", (void *)&x);
}

size_t use_strlen(const char *s) // want "s does not escape"
{
	return strlen(s);
}

size_t use_snprintf(int n)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%d", n);
	return strlen(buf);
}
