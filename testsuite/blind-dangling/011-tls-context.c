/* reqctx.c - per-thread "current request" for the worker threads' logging. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct req_ctx {
	unsigned long id;
	char user[32];
	int depth;
};

struct job {
	unsigned long id;
	const char *user;
	const char *payload;
};

static pthread_key_t g_req_key;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void make_key(void)
{
	pthread_key_create(&g_req_key, NULL);
}

static struct req_ctx *current_request(void)
{
	return pthread_getspecific(g_req_key);
}

static void req_log(const char *what)
{
	struct req_ctx *c = current_request();

	if (c)
		fprintf(stderr, "[req %lu %s depth %d] %s\n", c->id, c->user,
			c->depth, what);
	else
		fprintf(stderr, "[no request] %s\n", what);
}

/* Old API, still used by the RPC layer: begin ... end around a call. */
void request_begin(unsigned long id, const char *user)
{
	struct req_ctx ctx;

	pthread_once(&g_once, make_key);
	ctx.id = id;
	snprintf(ctx.user, sizeof ctx.user, "%s", user);
	ctx.depth = 0;
	pthread_setspecific(g_req_key, &ctx);
	req_log("begin");
}

void request_end(void)
{
	req_log("end");
	pthread_setspecific(g_req_key, NULL);
}

static int process_job(const struct job *job)
{
	struct req_ctx *c = current_request();
	size_t n = strlen(job->payload);

	if (c)
		c->depth++;
	req_log(n ? "processing" : "empty payload");
	if (c)
		c->depth--;
	return n ? 0 : -1;
}

/* New API: the context lives exactly as long as the job. */
int handle_job(const struct job *job)
{
	struct req_ctx ctx;
	int rc;

	pthread_once(&g_once, make_key);
	ctx.id = job->id;
	snprintf(ctx.user, sizeof ctx.user, "%s", job->user ? job->user : "-");
	ctx.depth = 0;
	if (pthread_setspecific(g_req_key, &ctx) != 0)
		return -1;
	rc = process_job(job);
	pthread_setspecific(g_req_key, NULL);
	return rc;
}
