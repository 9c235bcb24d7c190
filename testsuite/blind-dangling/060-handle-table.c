/* handles.c - opaque integer handles for the scripting bindings: scripts
 * see numbers, the C side converts them back to objects. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MAX_HANDLES 128

struct session {
	int id;
	char user[32];
	int authenticated;
};

static uintptr_t g_handles[MAX_HANDLES];

static int handle_put(void *obj)
{
	int i;

	for (i = 1; i < MAX_HANDLES; i++) {
		if (!g_handles[i]) {
			g_handles[i] = (uintptr_t)obj;
			return i;
		}
	}
	return -1;
}

static void *handle_get(int h)
{
	if (h <= 0 || h >= MAX_HANDLES)
		return NULL;
	return (void *)g_handles[h];
}

static void handle_drop(int h)
{
	if (h > 0 && h < MAX_HANDLES)
		g_handles[h] = 0;
}

int session_is_admin(int h)
{
	struct session *s = handle_get(h);

	return s && s->authenticated && strcmp(s->user, "admin") == 0;
}

/* Opens a session for the script and returns its handle. */
int script_open_session(int id, const char *user)
{
	struct session s;
	int h;

	memset(&s, 0, sizeof s);
	s.id = id;
	snprintf(s.user, sizeof s.user, "%s", user);
	s.authenticated = 1;
	h = handle_put(&s);
	if (h < 0)
		fprintf(stderr, "no handle for session %d\n", id);
	return h;
}

/* Runs the permission check a script asked for, with a temporary session
 * that the check can look up by handle. */
int script_check(int id, const char *user, int (*check)(int handle))
{
	struct session s;
	int h, ok;

	memset(&s, 0, sizeof s);
	s.id = id;
	snprintf(s.user, sizeof s.user, "%s", user);
	s.authenticated = 1;
	h = handle_put(&s);
	ok = h < 0 ? -1 : check(h);
	handle_drop(h);
	return ok;
}

int handles_in_use(void)
{
	int i, n = 0;

	for (i = 1; i < MAX_HANDLES; i++)
		n += g_handles[i] != 0;
	return n;
}
