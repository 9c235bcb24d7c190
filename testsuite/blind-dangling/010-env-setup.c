/* env.c - environment preparation before the helper programs are spawned. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char g_tz_entry[64];

/* LANG and LC_ALL for the child processes. */
int env_set_locale(const char *lang)
{
	char entry[80];

	if (strlen(lang) > 60)
		return -1;
	if (setenv("LC_ALL", lang, 1) != 0)
		return -1;
	snprintf(entry, sizeof entry, "LANG=%s", lang);
	return putenv(entry);
}

int env_set_timezone(const char *tz)
{
	snprintf(g_tz_entry, sizeof g_tz_entry, "TZ=%s", tz);
	return putenv(g_tz_entry);
}

int env_set_home(const char *home)
{
	char *entry;

	if (asprintf(&entry, "HOME=%s", home) < 0)
		return -1;
	if (putenv(entry) != 0) {
		free(entry);
		return -1;
	}
	return 0;
}

int env_prepend_path(const char *dir)
{
	char buf[4096];
	const char *old = getenv("PATH");

	if (!old)
		old = "/usr/bin:/bin";
	if (snprintf(buf, sizeof buf, "%s:%s", dir, old) >= (int)sizeof buf)
		return -1;
	return setenv("PATH", buf, 1);
}

int env_set_int(const char *name, long value)
{
	char num[24];

	snprintf(num, sizeof num, "%ld", value);
	return setenv(name, num, 1);
}

int env_prepare(const char *home, const char *lang, int debug)
{
	if (env_set_home(home) < 0)
		return -1;
	if (lang && env_set_locale(lang) < 0)
		return -1;
	if (env_set_int("HELPER_DEBUG", debug) < 0)
		return -1;
	if (env_set_int("HELPER_PARENT", (long)getpid()) < 0)
		return -1;
	return env_prepend_path("/usr/libexec/helper");
}
