/* html.c - escaping for the status page templates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *entity(char c)
{
	switch (c) {
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '&': return "&amp;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	default: return NULL;
	}
}

/* Escapes s into out (outsz bytes); returns out, or NULL if it does not fit. */
char *html_escape_into(const char *s, char *out, size_t outsz)
{
	size_t o = 0;

	for (; *s; s++) {
		const char *e = entity(*s);
		size_t n = e ? strlen(e) : 1;

		if (o + n >= outsz)
			return NULL;
		if (e)
			memcpy(out + o, e, n);
		else
			out[o] = *s;
		o += n;
	}
	out[o] = '\0';
	return out;
}

/* Escapes s for an attribute value.  Used by the template engine. */
const char *html_escape(const char *s)
{
	char out[512];

	if (!html_escape_into(s, out, sizeof out))
		return "";
	return out;
}

char *html_escape_dup(const char *s)
{
	size_t need = strlen(s) * 6 + 1;
	char *out = malloc(need);

	if (out && !html_escape_into(s, out, need)) {
		free(out);
		return NULL;
	}
	return out;
}

int html_row(FILE *out, const char *name, const char *value)
{
	char n[256], v[1024];

	if (!html_escape_into(name, n, sizeof n) || !html_escape_into(value, v, sizeof v))
		return -1;
	return fprintf(out, "<tr><th>%s</th><td>%s</td></tr>\n", n, v) < 0 ? -1 : 0;
}

int html_page(FILE *out, const char *title, const char *const *names,
	      const char *const *values, int n)
{
	char *t = html_escape_dup(title);
	int i, rc = 0;

	if (!t)
		return -1;
	fprintf(out, "<!doctype html><title>%s</title><table>\n", t);
	free(t);
	for (i = 0; i < n && rc == 0; i++)
		rc = html_row(out, names[i], values[i]);
	fprintf(out, "</table>\n");
	return rc;
}
