/* watchdog.c - a thread that kicks the hardware watchdog while the main
 * loop is healthy, and a heartbeat sender. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct wd_config {
	const char *device;
	int interval_s;
	volatile int *healthy;
	volatile int stop;
};

static void *watchdog_main(void *arg)
{
	struct wd_config *cfg = arg;
	int fd = open(cfg->device, O_WRONLY | O_CLOEXEC);

	if (fd < 0) {
		perror(cfg->device);
		return NULL;
	}
	while (!cfg->stop) {
		if (*cfg->healthy && write(fd, "k", 1) != 1)
			perror("watchdog kick");
		sleep((unsigned)cfg->interval_s);
	}
	if (write(fd, "V", 1) != 1)	/* magic close: disarm */
		perror("watchdog close");
	close(fd);
	return NULL;
}

/* Runs the watchdog for `seconds` (0: forever, in the background). */
int watchdog_run(const char *device, volatile int *healthy, int seconds)
{
	struct wd_config cfg;
	pthread_t t;

	memset(&cfg, 0, sizeof cfg);
	cfg.device = device;
	cfg.interval_s = 1;
	cfg.healthy = healthy;
	if (pthread_create(&t, NULL, watchdog_main, &cfg) != 0)
		return -1;
	if (seconds > 0) {
		sleep((unsigned)seconds);
		cfg.stop = 1;
		pthread_join(t, NULL);
	}
	return 0;
}

struct heartbeat {
	int fd;
	unsigned long sent;
};

static void *heartbeat_main(void *arg)
{
	struct heartbeat *hb = arg;
	char msg[64];

	for (;;) {
		int n = snprintf(msg, sizeof msg, "beat %lu %ld\n", hb->sent, (long)time(NULL));
		if (write(hb->fd, msg, (size_t)n) != n)
			return NULL;
		hb->sent++;
		sleep(1);
	}
}

/* Sends heartbeats on fd until the work function returns. */
unsigned long with_heartbeat(int fd, int (*work)(void))
{
	struct heartbeat hb;
	pthread_t t;

	hb.fd = fd;
	hb.sent = 0;
	if (pthread_create(&t, NULL, heartbeat_main, &hb) != 0) {
		fprintf(stderr, "no heartbeat thread\n");
		work();
		return 0;
	}
	if (work() < 0)
		fprintf(stderr, "work failed\n");
	pthread_cancel(t);
	pthread_join(t, NULL);
	return hb.sent;
}
