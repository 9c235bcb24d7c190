/* signals.c - signal set-up of the storage daemon. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ALT_STACK_SIZE 65536

static volatile sig_atomic_t g_stop;
static volatile sig_atomic_t g_reload;
static void *g_heap_altstack;

static void on_stop(int sig)
{
	(void)sig;
	g_stop = 1;
}

static void on_reload(int sig)
{
	(void)sig;
	g_reload = 1;
}

static void on_crash(int sig, siginfo_t *info, void *uctx)
{
	static const char msg[] = "fatal signal, aborting\n";

	(void)info;
	(void)uctx;
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		_exit(127);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int set_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* Stack overflows must still print something: handle SIGSEGV on an
 * alternate stack. */
int install_crash_handler(void)
{
	char altstack[ALT_STACK_SIZE];
	stack_t ss;
	struct sigaction sa;

	ss.ss_sp = altstack;
	ss.ss_size = sizeof altstack;
	ss.ss_flags = 0;
	if (sigaltstack(&ss, NULL) < 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, NULL) < 0 || sigaction(SIGBUS, &sa, NULL) < 0)
		return -1;
	return 0;
}

/* Same for the worker threads, which get a heap stack each. */
int install_thread_altstack(void)
{
	stack_t ss;

	g_heap_altstack = malloc(ALT_STACK_SIZE);
	if (!g_heap_altstack)
		return -1;
	ss.ss_sp = g_heap_altstack;
	ss.ss_size = ALT_STACK_SIZE;
	ss.ss_flags = 0;
	return sigaltstack(&ss, NULL);
}

int install_handlers(void)
{
	sigset_t block;

	if (set_handler(SIGTERM, on_stop, 0) < 0 || set_handler(SIGINT, on_stop, 0) < 0)
		return -1;
	if (set_handler(SIGHUP, on_reload, SA_RESTART) < 0)
		return -1;
	if (set_handler(SIGPIPE, SIG_IGN, 0) < 0)
		return -1;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	return sigprocmask(SIG_BLOCK, &block, NULL);
}

int should_stop(void)
{
	return g_stop;
}

int take_reload(void)
{
	sigset_t all, old;
	int r;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	r = g_reload;
	g_reload = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return r;
}
