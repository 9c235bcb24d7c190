/* agentcfg.c - defaults and overrides of the monitoring agent's settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct agent_config {
	const char *node_name;
	const char *server;
	int port;
	int interval_s;
	int verbose;
	const char *tags[4];
};

static const struct agent_config g_builtin = {
	.node_name = "unknown",
	.server = "collector.local",
	.port = 4317,
	.interval_s = 10,
	.verbose = 0,
	.tags = { "agent", NULL },
};

/* Defaults: the node is named after the host. */
void config_defaults(struct agent_config *cfg)
{
	char host[256];
	struct agent_config d = g_builtin;

	if (gethostname(host, sizeof host) == 0) {
		host[sizeof host - 1] = '\0';
		d.node_name = host;
	}
	*cfg = d;
}

/* Back to the built-in values, e.g. after a failed reload. */
void config_reset(struct agent_config *cfg)
{
	struct agent_config d;

	memcpy(&d, &g_builtin, sizeof d);
	d.tags[1] = "reset";
	memcpy(cfg, &d, sizeof d);
}

static int parse_int(const char *s, int min, int max, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < min || v > max)
		return -1;
	*out = (int)v;
	return 0;
}

/* KEY=VALUE from the environment-style override file; value strings must
 * outlive cfg, so they are duplicated. */
int config_override(struct agent_config *cfg, const char *line)
{
	char key[32], value[256];

	if (sscanf(line, "%31[^=]=%255s", key, value) != 2)
		return -1;
	if (strcmp(key, "SERVER") == 0) {
		char *v = strdup(value);
		if (!v)
			return -1;
		cfg->server = v;
	} else if (strcmp(key, "PORT") == 0) {
		return parse_int(value, 1, 65535, &cfg->port);
	} else if (strcmp(key, "INTERVAL") == 0) {
		return parse_int(value, 1, 3600, &cfg->interval_s);
	} else if (strcmp(key, "VERBOSE") == 0) {
		cfg->verbose = strcmp(value, "0") != 0;
	} else {
		fprintf(stderr, "unknown setting %s\n", key);
		return -1;
	}
	return 0;
}

void config_print(FILE *out, const struct agent_config *cfg)
{
	struct agent_config shown = *cfg;
	int i;

	if (!shown.node_name)
		shown.node_name = "?";
	fprintf(out, "node %s -> %s:%d every %ds%s\n", shown.node_name, shown.server,
		shown.port, shown.interval_s, shown.verbose ? " (verbose)" : "");
	for (i = 0; i < 4 && shown.tags[i]; i++)
		fprintf(out, "  tag %s\n", shown.tags[i]);
}
