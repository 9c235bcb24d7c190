/* registry.c - output format plugins of the report generator. */
#include <stdio.h>
#include <string.h>

#define MAX_PLUGINS 16

struct plugin {
	const char *name;
	const char *ext;
	int (*write)(FILE *out, const char *title, const double *v, int n);
	int priority;
};

static const struct plugin *g_plugins[MAX_PLUGINS];
static int g_nplugins;

int plugin_register(const struct plugin *p)
{
	int i;

	if (g_nplugins == MAX_PLUGINS)
		return -1;
	for (i = 0; i < g_nplugins; i++)
		if (strcmp(g_plugins[i]->name, p->name) == 0)
			return -1;
	g_plugins[g_nplugins++] = p;
	return 0;
}

const struct plugin *plugin_find(const char *name)
{
	int i;

	for (i = 0; i < g_nplugins; i++)
		if (strcmp(g_plugins[i]->name, name) == 0)
			return g_plugins[i];
	return NULL;
}

static int write_csv(FILE *out, const char *title, const double *v, int n)
{
	int i;

	fprintf(out, "# %s\n", title);
	for (i = 0; i < n; i++)
		fprintf(out, "%d,%g\n", i, v[i]);
	return 0;
}

static int write_json(FILE *out, const char *title, const double *v, int n)
{
	int i;

	fprintf(out, "{\"title\":\"%s\",\"values\":[", title);
	for (i = 0; i < n; i++)
		fprintf(out, "%s%g", i ? "," : "", v[i]);
	fprintf(out, "]}\n");
	return 0;
}

static int write_text(FILE *out, const char *title, const double *v, int n)
{
	int i;

	fprintf(out, "%s\n", title);
	for (i = 0; i < n; i++)
		fprintf(out, "  %3d  %12.4f\n", i, v[i]);
	return 0;
}

static const struct plugin csv_plugin = { "csv", ".csv", write_csv, 10 };

/* Called from main() at start-up. */
int register_builtin_plugins(int with_text)
{
	struct plugin builtins[] = {
		{ "json", ".json", write_json, 20 },
		{ "text", ".txt", write_text, 0 },
	};
	int i, n = with_text ? 2 : 1;

	if (plugin_register(&csv_plugin) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (plugin_register(&builtins[i]) < 0)
			return -1;
	return 0;
}

int render(const char *format, FILE *out, const char *title, const double *v, int n)
{
	const struct plugin *p = plugin_find(format);
	char heading[128];

	if (!p) {
		fprintf(stderr, "no output format '%s'\n", format);
		return -1;
	}
	snprintf(heading, sizeof heading, "%s (%s)", title, p->name);
	return p->write(out, heading, v, n);
}
