/* runcmd.c - runs hook commands from the configuration ("prog arg arg"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS 32

/* Splits buf in place at blanks; argv[] receives pointers into buf. */
static int tokenise(char *buf, char **argv, int maxargs)
{
	int argc = 0;
	char *p = buf;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		if (argc + 1 >= maxargs)
			return -1;
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	argv[argc] = NULL;
	return argc;
}

/* Exported for the plugin API: argv[] is filled for the caller. */
int split_command(const char *cmd, char **argv, int maxargs)
{
	size_t len = strlen(cmd);
	char copy[len + 1];
	int argc;

	memcpy(copy, cmd, len + 1);
	argc = tokenise(copy, argv, maxargs);
	if (argc <= 0)
		return -1;
	return argc;
}

/* Runs cmd and waits for it; returns its exit status. */
int run_command(const char *cmd)
{
	size_t len = strlen(cmd);
	char buf[len + 1];
	char *argv[MAX_ARGS];
	pid_t pid;
	int status;

	memcpy(buf, cmd, len + 1);
	if (tokenise(buf, argv, MAX_ARGS) <= 0)
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* A heap argv the caller frees with free_argv(). */
char **split_command_dup(const char *cmd)
{
	char buf[1024];
	char *tmp[MAX_ARGS];
	char **argv;
	int argc, i;

	if (strlen(cmd) >= sizeof buf)
		return NULL;
	strcpy(buf, cmd);
	argc = tokenise(buf, tmp, MAX_ARGS);
	if (argc < 0)
		return NULL;
	argv = calloc((size_t)argc + 1, sizeof *argv);
	if (!argv)
		return NULL;
	for (i = 0; i < argc; i++)
		if (!(argv[i] = strdup(tmp[i])))
			break;
	return argv;
}

void free_argv(char **argv)
{
	char **a;

	for (a = argv; a && *a; a++)
		free(*a);
	free(argv);
}
