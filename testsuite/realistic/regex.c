/*
 * regex.c - the Kernighan/Pike matcher (c . ^ $ *) with match positions,
 * a cache of compiled POSIX regexes, and a grep loop and field splitter
 * built on them.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int matchhere(const char *re, const char *text);

static int matchstar(int c, const char *re, const char *text)
{
	do {
		if (matchhere(re, text))
			return 1;
	} while (*text != '\0' && (*text++ == c || c == '.'));
	return 0;
}

static int matchhere(const char *re, const char *text)
{
	if (re[0] == '\0')
		return 1;
	if (re[1] == '*')
		return matchstar(re[0], re + 2, text);
	if (re[0] == '$' && re[1] == '\0')
		return *text == '\0';
	if (*text != '\0' && (re[0] == '.' || re[0] == *text))
		return matchhere(re + 1, text + 1);
	return 0;
}

int match(const char *re, const char *text)
{
	if (re[0] == '^')
		return matchhere(re + 1, text);
	do {
		if (matchhere(re, text))
			return 1;
	} while (*text++ != '\0');
	return 0;
}

/* Like matchhere, but returns where the match ends (or NULL). */
static const char *matchhere_end(const char *re, const char *text);

static const char *matchstar_end(int c, const char *re, const char *text)
{
	const char *t = text;

	while (*t != '\0' && (*t == c || c == '.'))
		t++;
	for (;;) {
		const char *e = matchhere_end(re, t);

		if (e)
			return e;
		if (t == text)
			return NULL;
		t--;
	}
}

static const char *matchhere_end(const char *re, const char *text)
{
	if (re[0] == '\0')
		return text;
	if (re[1] == '*')
		return matchstar_end(re[0], re + 2, text);
	if (re[0] == '$' && re[1] == '\0')
		return *text == '\0' ? text : NULL;
	if (*text != '\0' && (re[0] == '.' || re[0] == *text))
		return matchhere_end(re + 1, text + 1);
	return NULL;
}

const char *re_search(const char *re, const char *text, size_t *len)
{
	const char *start = text;
	int anchored = re[0] == '^';

	if (anchored)
		re++;
	do {
		const char *e = matchhere_end(re, start);

		if (e) {
			*len = (size_t)(e - start);
			return start;
		}
	} while (!anchored && *start++ != '\0');
	return NULL;
}

int re_count(const char *re, const char *text)
{
	size_t len;
	int n = 0;
	const char *p;

	while ((p = re_search(re, text, &len)) != NULL) {
		n++;
		if (*p == '\0')
			break;
		text = p + (len ? len : 1);
	}
	return n;
}

int re_replace(const char *re, const char *text, const char *rep, char *out,
               size_t size)
{
	size_t len;
	const char *m = re_search(re, text, &len);

	if (!m)
		return snprintf(out, size, "%s", text);
	return snprintf(out, size, "%.*s%s%s", (int)(m - text), text, rep, m + len);
}

struct rx_cache_entry {
	char pattern[128];
	regex_t rx;
	int valid;
};

static struct rx_cache_entry g_cache[8];

static regex_t *rx_compile_cached(const char *pattern)
{
	unsigned h = 0;
	struct rx_cache_entry *e;

	for (const char *p = pattern; *p; p++)
		h = h * 31 + (unsigned char)*p;
	e = &g_cache[h % 8];
	if (e->valid && strcmp(e->pattern, pattern) == 0)
		return &e->rx;
	if (e->valid)
		regfree(&e->rx);
	e->valid = 0;
	if (strlen(pattern) >= sizeof e->pattern ||
	    regcomp(&e->rx, pattern, REG_EXTENDED) != 0)
		return NULL;
	strcpy(e->pattern, pattern);
	e->valid = 1;
	return &e->rx;
}

int rx_extract(const char *pattern, const char *subject, int group, char *out,
               size_t size)
{
	regmatch_t m[10];
	regex_t *rx = rx_compile_cached(pattern);
	size_t n;

	if (!rx || group < 0 || group > 9 || size == 0)
		return -1;
	if (regexec(rx, subject, 10, m, 0) != 0 || m[group].rm_so < 0)
		return -1;
	n = (size_t)(m[group].rm_eo - m[group].rm_so);
	if (n >= size)
		n = size - 1;
	memcpy(out, subject + m[group].rm_so, n);
	out[n] = '\0';
	return (int)n;
}

int rx_grep(FILE *in, const char *pattern,
            void (*on_match)(const char *line, void *ctx), void *ctx)
{
	regex_t rx;
	char line[1024];
	int n = 0;

	if (regcomp(&rx, pattern, REG_EXTENDED | REG_NOSUB) != 0)
		return -1;
	while (fgets(line, sizeof line, in)) {
		if (regexec(&rx, line, 0, NULL, 0) == 0) {
			on_match(line, ctx);
			n++;
		}
	}
	regfree(&rx);
	return n;
}

/* The subject of the last verbose match, for the error reporter. */
static const char *g_last_subject;

int re_match_verbose(const char *re, const char *text)
{
	int r;

	g_last_subject = text;
	r = match(re, text);
	fprintf(stderr, "match(\"%s\", \"%s\") = %d\n", re, text, r);
	return r;
}

int split_fields(char *line, const char **fields, int max)
{
	int n = 0;

	for (char *tok = strtok(line, ","); tok && n < max; tok = strtok(NULL, ","))
		fields[n++] = tok;
	return n;
}

int parse_csv_record(const char *record, int *out_count)
{
	char copy[256];
	const char *fields[16];
	int n;

	snprintf(copy, sizeof copy, "%s", record);
	n = split_fields(copy, fields, 16);
	for (int i = 0; i < n; i++)
		if (match("^ *$", fields[i]))
			fields[i] = NULL;
	*out_count = n;
	return n;
}
