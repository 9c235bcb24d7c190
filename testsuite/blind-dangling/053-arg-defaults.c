/* search_path.c - where the tool looks for its plugins and data files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct lookup_config {
	const char *const *plugin_dirs;
	const char *const *data_dirs;
	int follow_links;
};

/* File-scope compound literals have static storage. */
static const char *const *const g_default_data_dirs =
	(const char *const[]){ "/usr/local/share/tool", "/usr/share/tool", NULL };

void lookup_defaults(struct lookup_config *cfg)
{
	cfg->data_dirs = g_default_data_dirs;
	cfg->follow_links = 1;
	if (getenv("TOOL_SYSTEM_ONLY"))
		cfg->plugin_dirs = (const char *const[]){ "/usr/lib/tool/plugins", NULL };
	else
		cfg->plugin_dirs = (const char *const[]){ "/usr/local/lib/tool/plugins",
							  "/usr/lib/tool/plugins", NULL };
}

/* First existing file `name` in dirs, copied into out. */
static int find_in(const char *const *dirs, const char *name, char *out, size_t outsz)
{
	for (; *dirs; dirs++) {
		if (snprintf(out, outsz, "%s/%s", *dirs, name) >= (int)outsz)
			continue;
		if (access(out, R_OK) == 0)
			return 0;
	}
	return -1;
}

int lookup_plugin(const struct lookup_config *cfg, const char *name, char *out,
		  size_t outsz)
{
	char file[256];

	if (snprintf(file, sizeof file, "%s.so", name) >= (int)sizeof file)
		return -1;
	return find_in(cfg->plugin_dirs, file, out, outsz);
}

int lookup_data(const struct lookup_config *cfg, const char *name, char *out,
		size_t outsz)
{
	return find_in(cfg->data_dirs, name, out, outsz);
}

/* Checks one file against the built-in directories only. */
int exists_in_system_dirs(const char *name)
{
	char path[4096];

	return find_in((const char *const[]){ "/usr/lib/tool/plugins",
					      "/usr/share/tool", NULL },
		       name, path, sizeof path) == 0;
}

void lookup_print(FILE *out, const struct lookup_config *cfg)
{
	const char *const *d;

	fprintf(out, "plugins:");
	for (d = cfg->plugin_dirs; *d; d++)
		fprintf(out, " %s", *d);
	fprintf(out, "\ndata:");
	for (d = cfg->data_dirs; *d; d++)
		fprintf(out, " %s", *d);
	fprintf(out, "\n");
}
