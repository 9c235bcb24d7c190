/* users.c - account lookups of the privilege-dropping helper. */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

struct account {
	uid_t uid;
	gid_t gid;
	char *name;
	char *home;
	char *shell;
};

/* Looks name up into *pw. */
int lookup_user(const char *name, struct passwd *pw)
{
	char buf[4096];
	struct passwd *res = NULL;
	int rc = getpwnam_r(name, pw, buf, sizeof buf, &res);

	if (rc != 0 || !res)
		return -1;
	return 0;
}

/* The same, with copies the caller owns. */
int lookup_account(const char *name, struct account *acct)
{
	char buf[4096];
	struct passwd pw, *res = NULL;

	if (getpwnam_r(name, &pw, buf, sizeof buf, &res) != 0 || !res)
		return -1;
	acct->uid = pw.pw_uid;
	acct->gid = pw.pw_gid;
	acct->name = strdup(pw.pw_name);
	acct->home = strdup(pw.pw_dir);
	acct->shell = strdup(pw.pw_shell);
	if (!acct->name || !acct->home || !acct->shell) {
		free(acct->name);
		free(acct->home);
		free(acct->shell);
		return -1;
	}
	return 0;
}

int group_id(const char *group, gid_t *gid)
{
	char buf[4096];
	struct group gr, *res = NULL;

	if (getgrnam_r(group, &gr, buf, sizeof buf, &res) != 0 || !res)
		return -1;
	*gid = gr.gr_gid;
	return 0;
}

int user_name_of(uid_t uid, char *out, size_t outsz)
{
	char buf[4096];
	struct passwd pw, *res = NULL;

	if (getpwuid_r(uid, &pw, buf, sizeof buf, &res) != 0 || !res)
		return -1;
	if (strlen(pw.pw_name) >= outsz)
		return -1;
	strcpy(out, pw.pw_name);
	return 0;
}

int drop_privileges(const char *user, const char *group)
{
	struct account a;
	gid_t gid;

	if (lookup_account(user, &a) < 0)
		return -1;
	gid = a.gid;
	if (group && group_id(group, &gid) < 0)
		goto fail;
	if (setgid(gid) != 0 || setuid(a.uid) != 0)
		goto fail;
	if (chdir(a.home) != 0)
		perror(a.home);
	free(a.name);
	free(a.home);
	free(a.shell);
	return 0;
fail:
	free(a.name);
	free(a.home);
	free(a.shell);
	return -1;
}
