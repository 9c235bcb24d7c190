/* codec.c - base64 coding of request bodies for the HTTP gateway. */
#include <alloca.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STACK_LIMIT 4096

struct request {
	const char *body;
	size_t body_len;
	char *scratch;		/* decoded body, valid while the request is */
	size_t scratch_len;
	int status;
};

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(char c)
{
	const char *p = c ? strchr(b64, c) : NULL;

	return p ? (int)(p - b64) : -1;
}

static size_t b64_decode(const char *in, size_t n, unsigned char *out)
{
	size_t i, o = 0;
	unsigned acc = 0;
	int bits = 0;

	for (i = 0; i < n && in[i] != '='; i++) {
		int v = b64_value(in[i]);
		if (v < 0)
			return (size_t)-1;
		acc = acc << 6 | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	return o;
}

static void b64_encode(const unsigned char *in, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i += 3) {
		unsigned v = (unsigned)in[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)in[i + 1] << 8;
		if (i + 2 < n)
			v |= in[i + 2];
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		out[o++] = i + 2 < n ? b64[v & 63] : '=';
	}
	out[o] = '\0';
}

/* Decodes the body into req->scratch: small bodies on the stack. */
int request_decode_body(struct request *req)
{
	size_t cap = req->body_len / 4 * 3 + 3;
	unsigned char *buf = cap <= STACK_LIMIT ? alloca(cap) : malloc(cap);
	size_t n;

	if (!buf)
		return -1;
	n = b64_decode(req->body, req->body_len, buf);
	if (n == (size_t)-1) {
		req->status = 400;
		if (cap > STACK_LIMIT)
			free(buf);
		return -1;
	}
	req->scratch = (char *)buf;
	req->scratch_len = n;
	return 0;
}

/* Checks that body decodes to the expected digest input length. */
int body_length_ok(const char *body, size_t len, size_t expect)
{
	size_t cap = len / 4 * 3 + 3;
	unsigned char *tmp;

	if (cap > STACK_LIMIT)
		return -1;
	tmp = alloca(cap);
	return b64_decode(body, len, tmp) == expect;
}

int print_encoded(FILE *out, const void *data, size_t n)
{
	char *text;

	if (n > STACK_LIMIT)
		return -1;
	text = alloca(n / 3 * 4 + 5);
	b64_encode(data, n, text);
	return fprintf(out, "%s\n", text) < 0 ? -1 : 0;
}
