/* csv.c - minimal CSV reading for the import tool (no quoting). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CSV_LINE 1024
#define CSV_MAXF 32

/* Splits line in place at commas; fields[] receive pointers into line. */
static int csv_split(char *line, char **fields, int maxfields)
{
	char *p = line;
	int n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	for (;;) {
		if (n == maxfields)
			return -1;
		fields[n++] = p;
		p = strchr(p, ',');
		if (!p)
			break;
		*p++ = '\0';
	}
	return n;
}

/* Reads the next record of f into fields[]; returns the field count, 0 at
 * end of file, -1 on error. */
int csv_read_record(FILE *f, char **fields, int maxfields)
{
	char line[CSV_LINE];

	if (!fgets(line, sizeof line, f))
		return ferror(f) ? -1 : 0;
	return csv_split(line, fields, maxfields);
}

/* The same with the caller's line buffer, which the fields point into. */
int csv_read_record_buf(FILE *f, char *line, size_t linesz, char **fields,
			int maxfields)
{
	if (!fgets(line, (int)linesz, f))
		return ferror(f) ? -1 : 0;
	return csv_split(line, fields, maxfields);
}

/* Sum of one numeric column; the records never leave this function. */
int csv_sum_column(FILE *f, int col, double *sum)
{
	char line[CSV_LINE];
	char *fields[CSV_MAXF];
	int n, row = 0;

	*sum = 0;
	while ((n = csv_read_record_buf(f, line, sizeof line, fields, CSV_MAXF)) > 0) {
		char *end;
		double v;

		row++;
		if (col >= n) {
			fprintf(stderr, "row %d: no column %d\n", row, col);
			return -1;
		}
		errno = 0;
		v = strtod(fields[col], &end);
		if (errno || end == fields[col]) {
			fprintf(stderr, "row %d: not a number: %s\n", row, fields[col]);
			return -1;
		}
		*sum += v;
	}
	return n < 0 ? -1 : row;
}

/* Header names, copied for the caller. */
int csv_header(FILE *f, char ***names)
{
	char line[CSV_LINE];
	char *fields[CSV_MAXF];
	int n, i;

	n = csv_read_record_buf(f, line, sizeof line, fields, CSV_MAXF);
	if (n <= 0)
		return -1;
	*names = calloc((size_t)n, sizeof **names);
	if (!*names)
		return -1;
	for (i = 0; i < n; i++) {
		(*names)[i] = strdup(fields[i]);
		if (!(*names)[i]) {
			while (i--)
				free((*names)[i]);
			free(*names);
			*names = NULL;
			return -1;
		}
	}
	return n;
}
