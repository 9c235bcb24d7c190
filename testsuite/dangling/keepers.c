/* escape-thread, escape-kept and escape-unknown. */
#include <pthread.h>
#include <stdio.h>

extern void register_context(void *ctx);
extern void checksum(const void *data, size_t n);

static pthread_key_t key;
static int *saved;

static void *work(void *arg)
{
	return arg;
}

int joined(void)
{
	pthread_t t;
	int x = 1;
	if (pthread_create(&t, NULL, work, &x))
		return -1;
	pthread_join(t, NULL);
	return x;
}

int not_joined_on_error(int fail)
{
	pthread_t t;
	int x = 1;
	pthread_create(&t, NULL, work, &x); // dangle "escape-thread"
	if (fail)
		return -1;
	pthread_join(t, NULL);
	return x;
}

void detached(void)
{
	pthread_t t;
	int x = 1;
	pthread_create(&t, NULL, work, &x); // dangle "escape-thread"
	pthread_detach(t);
}

void pool(void)
{
	pthread_t t[4];
	int arg[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, work, &arg[i]);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
}

void buffered(void)
{
	char buf[BUFSIZ];
	setvbuf(stdout, buf, _IOFBF, sizeof buf); // dangle "escape-kept"
	puts("hello");
}

void buffered_then_reset(void)
{
	char buf[BUFSIZ];
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	puts("hello");
	setvbuf(stdout, NULL, _IONBF, 0);
}

void specific(void)
{
	int x = 0;
	pthread_setspecific(key, &x); // dangle "escape-kept"
}

void specific_reset(void)
{
	int x = 0;
	pthread_setspecific(key, &x);
	pthread_setspecific(key, NULL);
}

static void keep(int *p)
{
	saved = p;
}

void kept_by_helper(void)
{
	int x = 0;
	keep(&x); // dangle "escape-kept"
}

static void drop(void)
{
	saved = NULL;
}

void kept_then_dropped(void)
{
	int x = 0;
	keep(&x);
	drop();
}

void context(void)
{
	int ctx = 0;
	register_context(&ctx); // dangle "escape-unknown"
}

void only_read(void)
{
	int data[4] = { 0 };
	checksum(data, sizeof data);
}
