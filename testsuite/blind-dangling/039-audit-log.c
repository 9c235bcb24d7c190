/* audit.c - audit trail of the account service, sent to syslog. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

static int g_audit_open;
static unsigned long g_seq;

/* The ident is "<prog>-audit" so the records can be routed separately. */
void audit_init(const char *prog, int to_stderr)
{
	char ident[64];
	const char *base = strrchr(prog, '/');

	snprintf(ident, sizeof ident, "%s-audit", base ? base + 1 : prog);
	openlog(ident, LOG_PID | LOG_NDELAY | (to_stderr ? LOG_PERROR : 0), LOG_AUTHPRIV);
	g_audit_open = 1;
}

void audit_close(void)
{
	if (g_audit_open)
		closelog();
	g_audit_open = 0;
}

static void audit_vlog(int prio, const char *user, const char *fmt, va_list ap)
{
	char msg[512];
	char line[600];

	vsnprintf(msg, sizeof msg, fmt, ap);
	snprintf(line, sizeof line, "seq=%lu user=%s %s", ++g_seq, user, msg);
	syslog(prio, "%s", line);
}

void audit(const char *user, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	audit_vlog(LOG_NOTICE, user, fmt, ap);
	va_end(ap);
}

void audit_alert(const char *user, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	audit_vlog(LOG_ALERT, user, fmt, ap);
	va_end(ap);
}

int audit_login(const char *user, const char *from, int ok)
{
	char when[32];
	struct tm tm;
	time_t now = time(NULL);

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (ok)
		audit(user, "login from %s at %s", from, when);
	else
		audit_alert(user, "FAILED login from %s at %s", from, when);
	return ok ? 0 : -1;
}

int audit_password_change(const char *user, uid_t by)
{
	char actor[32];

	if (by == 0)
		snprintf(actor, sizeof actor, "root");
	else
		snprintf(actor, sizeof actor, "uid %u", (unsigned)by);
	audit(user, "password changed by %s", actor);
	return 0;
}
