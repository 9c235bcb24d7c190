/* tags.c - normalises comma-separated tag lists ("b, a,c ,a" -> "a,b,c"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TAGS 32
#define MAX_LINE 512

static const char *const g_known[] = {
	"bug", "docs", "feature", "perf", "question", "security", "test",
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static char *strip(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int is_known(const char *tag)
{
	const char *key = tag;

	return bsearch(&key, g_known, sizeof g_known / sizeof g_known[0],
		       sizeof g_known[0], cmp_str) != NULL;
}

/* Writes the sorted, deduplicated, known tags of list into out. */
int normalise_tags(const char *list, char *out, size_t outsz)
{
	char copy[MAX_LINE];
	char *tags[MAX_TAGS];
	char *save = NULL, *tok;
	size_t used = 0;
	int n = 0, i;

	if (strlen(list) >= sizeof copy)
		return -1;
	strcpy(copy, list);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *t = strip(tok);
		char *c;

		for (c = t; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		if (*t == '\0' || !is_known(t))
			continue;
		if (n == MAX_TAGS)
			return -1;
		tags[n++] = t;
	}
	qsort(tags, (size_t)n, sizeof tags[0], cmp_str);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		int w;

		if (i > 0 && strcmp(tags[i], tags[i - 1]) == 0)
			continue;
		w = snprintf(out + used, outsz - used, "%s%s", used ? "," : "", tags[i]);
		if (w < 0 || (size_t)w >= outsz - used)
			return -1;
		used += (size_t)w;
	}
	return (int)used;
}

int count_unknown(const char *list)
{
	char copy[MAX_LINE];
	char *save, *tok;
	int unknown = 0;

	snprintf(copy, sizeof copy, "%s", list);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (*strip(tok) && !is_known(strip(tok)))
			unknown++;
	return unknown;
}

int main(int argc, char **argv)
{
	char out[MAX_LINE];
	int i;

	for (i = 1; i < argc; i++) {
		if (normalise_tags(argv[i], out, sizeof out) < 0) {
			fprintf(stderr, "tags: bad list '%s'\n", argv[i]);
			return 1;
		}
		printf("%s (%d unknown)\n", out, count_unknown(argv[i]));
	}
	return 0;
}
