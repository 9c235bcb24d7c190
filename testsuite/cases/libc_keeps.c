/* C library functions that keep what they are given, by the shipped
   rules: the thread argument of pthread_create, setvbuf's buffer, putenv's
   string, pthread_setspecific's value. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

pthread_t worker_thread;
pthread_key_t key;

void *worker(void *arg) // want "arg does not escape"
{
	int *counter = arg;
	*counter += 1;
	return NULL;
}

int start_worker(void)
{
	int x = 0;
	if (pthread_create(&worker_thread, NULL, worker, &x) != 0) // want "x escapes to heap"
		return -1;
	pthread_join(worker_thread, NULL);
	return x;
}

void buffer_stdout(void)
{
	char buf[BUFSIZ];
	setvbuf(stdout, buf, _IOFBF, sizeof buf); // want "buf escapes to heap"
}

int set_env(void)
{
	char entry[] = "ESCAPE_CASE=1";
	return putenv(entry); // want "entry escapes to heap"
}

int set_env_param(char *entry) // want "leaking param: entry"
{
	return putenv(entry);
}

void set_specific(void)
{
	int x = 0;
	pthread_setspecific(key, &x); // want "x escapes to heap"
}
