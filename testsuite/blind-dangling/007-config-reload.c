/* config.c - configuration parsing with longjmp error recovery, and the
 * checks applied to values given on the command line. */
#include <ctype.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct config {
	int workers;
	int port;
	char root[160];
};

struct parse_ctx {
	const char *file;
	int line;
};

static jmp_buf *g_cfg_jmp;
static struct parse_ctx *g_err_ctx;

static void cfg_error(const char *msg)
{
	if (g_err_ctx)
		fprintf(stderr, "%s:%d: %s\n", g_err_ctx->file, g_err_ctx->line, msg);
	else
		fprintf(stderr, "config: %s\n", msg);
}

static void cfg_fail(const char *msg)
{
	cfg_error(msg);
	longjmp(*g_cfg_jmp, 1);
}

static int cfg_int(const char *v, int min, int max)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (end == v || *end || n < min || n > max)
		cfg_fail("integer out of range");
	return (int)n;
}

static void cfg_apply(struct config *cfg, const char *key, const char *value)
{
	if (strcmp(key, "workers") == 0)
		cfg->workers = cfg_int(value, 1, 64);
	else if (strcmp(key, "port") == 0)
		cfg->port = cfg_int(value, 1, 65535);
	else if (strcmp(key, "root") == 0)
		snprintf(cfg->root, sizeof cfg->root, "%s", value);
	else
		cfg_fail("unknown key");
}

int config_parse(const char *path, struct config *cfg)
{
	jmp_buf env;
	struct parse_ctx ctx;
	char line[256];
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	ctx.file = path;
	ctx.line = 0;
	g_cfg_jmp = &env;
	g_err_ctx = &ctx;
	if (setjmp(env)) {
		fclose(f);
		g_cfg_jmp = NULL;
		g_err_ctx = NULL;
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		char key[64], value[160];

		ctx.line++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "%63s = %159s", key, value) != 2)
			cfg_fail("expected: key = value");
		cfg_apply(cfg, key, value);
	}
	fclose(f);
	g_cfg_jmp = NULL;
	g_err_ctx = NULL;
	return 0;
}

/* "-o key=value" overrides from the command line. */
int config_check_override(const char *arg, char *key, size_t keysz,
			  const char **value)
{
	struct parse_ctx ctx;
	const char *eq = strchr(arg, '=');
	size_t n;

	ctx.file = "<command line>";
	ctx.line = 1;
	g_err_ctx = &ctx;
	if (!eq || eq == arg) {
		cfg_error("override must look like key=value");
		return -1;
	}
	n = (size_t)(eq - arg);
	if (n >= keysz) {
		cfg_error("key too long");
		g_err_ctx = NULL;
		return -1;
	}
	memcpy(key, arg, n);
	key[n] = '\0';
	*value = eq + 1;
	g_err_ctx = NULL;
	return 0;
}
