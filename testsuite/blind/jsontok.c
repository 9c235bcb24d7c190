/*
 * jsontok.c - a jsmn-style JSON tokenizer (tokens are offsets into the
 * caller's text), lookups over the token array, a visitor walk with a
 * void * context, and a small growable JSON writer.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok_type { TOK_UNDEF, TOK_OBJ, TOK_ARR, TOK_STR, TOK_PRIM };

struct json_tok {
	enum tok_type type;
	int start, end, size, parent;
};

struct json_parser {
	unsigned pos;
	int toknext, toksuper;
};

struct json_writer {
	char *buf;
	size_t len, cap;
	int depth;
	int need_comma[16];
};

struct kv {
	const char *key, *value;
};

typedef void (*json_visit_fn)(const char *js, const struct json_tok *t,
                              int depth, void *ud);

struct parse_ctx {
	const char *name;
	int line;
};

/* Where the last parse failed, and what was being parsed, for messages. */
static const char *g_err_at;
static struct parse_ctx *g_ctx;

void json_init(struct json_parser *p)
{
	p->pos = 0;
	p->toknext = 0;
	p->toksuper = -1;
}

static struct json_tok *alloc_token(struct json_parser *p,
                                    struct json_tok *toks, size_t n)
{
	struct json_tok *t;

	if (p->toknext >= (int)n)
		return NULL;
	t = &toks[p->toknext++];
	t->start = t->end = -1;
	t->size = 0;
	t->parent = -1;
	return t;
}

static int parse_primitive(struct json_parser *p, const char *js, size_t len,
                           struct json_tok *toks, size_t n)
{
	unsigned start = p->pos;
	struct json_tok *t;

	for (; p->pos < len; p->pos++) {
		char c = js[p->pos];

		if (c == ',' || c == ']' || c == '}' || isspace((unsigned char)c))
			break;
		if ((unsigned char)c < 32 || c == '"') {
			p->pos = start;
			return -1;
		}
	}
	t = alloc_token(p, toks, n);
	if (!t) {
		p->pos = start;
		return -2;
	}
	t->type = TOK_PRIM;
	t->start = (int)start;
	t->end = (int)p->pos;
	t->parent = p->toksuper;
	p->pos--;
	return 0;
}

static int parse_string(struct json_parser *p, const char *js, size_t len,
                        struct json_tok *toks, size_t n)
{
	unsigned start = p->pos;
	struct json_tok *t;

	for (p->pos++; p->pos < len; p->pos++) {
		char c = js[p->pos];

		if (c == '"') {
			t = alloc_token(p, toks, n);
			if (!t) {
				p->pos = start;
				return -2;
			}
			t->type = TOK_STR;
			t->start = (int)start + 1;
			t->end = (int)p->pos;
			t->parent = p->toksuper;
			return 0;
		}
		if (c == '\\' && p->pos + 1 < len)
			p->pos++;
	}
	g_err_at = js + start;
	p->pos = start;
	return -3;
}

int json_parse(struct json_parser *p, const char *js, size_t len,
               struct json_tok *toks, size_t n)
{
	int count = p->toknext, r;
	struct json_tok *t;

	for (; p->pos < len && js[p->pos]; p->pos++) {
		char c = js[p->pos];

		switch (c) {
		case '{': case '[':
			t = alloc_token(p, toks, n);
			if (!t)
				return -2;
			if (p->toksuper != -1)
				toks[p->toksuper].size++;
			t->type = c == '{' ? TOK_OBJ : TOK_ARR;
			t->start = (int)p->pos;
			t->parent = p->toksuper;
			p->toksuper = p->toknext - 1;
			count++;
			break;
		case '}': case ']':
			if (p->toksuper == -1)
				return -3;
			t = &toks[p->toksuper];
			t->end = (int)p->pos + 1;
			p->toksuper = t->parent;
			break;
		case '"':
			if ((r = parse_string(p, js, len, toks, n)) < 0)
				return r;
			if (p->toksuper != -1)
				toks[p->toksuper].size++;
			count++;
			break;
		case ' ': case '\t': case '\r': case '\n': case ':': case ',':
			break;
		default:
			if ((r = parse_primitive(p, js, len, toks, n)) < 0)
				return r;
			if (p->toksuper != -1)
				toks[p->toksuper].size++;
			count++;
			break;
		}
	}
	return count;
}

int json_tok_streq(const char *js, const struct json_tok *t, const char *s)
{
	size_t n = (size_t)(t->end - t->start);

	return t->type == TOK_STR && strlen(s) == n &&
	       strncmp(js + t->start, s, n) == 0;
}

/* The token after t and all of its children. */
const struct json_tok *json_skip(const struct json_tok *t)
{
	int pending = 1;

	while (pending > 0) {
		pending += t->size;
		pending--;
		t++;
	}
	return t;
}

const struct json_tok *json_object_get(const char *js,
                                       const struct json_tok *obj,
                                       const char *key)
{
	const struct json_tok *t = obj + 1;
	int i;

	if (obj->type != TOK_OBJ)
		return NULL;
	for (i = 0; i < obj->size; i++) {
		if (json_tok_streq(js, t, key))
			return t + 1;
		t = json_skip(t + 1);
	}
	return NULL;
}

int json_tok_to_long(const char *js, const struct json_tok *t, long *out)
{
	char buf[32];
	char *end;
	size_t n = (size_t)(t->end - t->start);

	if (t->type != TOK_PRIM || n >= sizeof buf)
		return -1;
	memcpy(buf, js + t->start, n);
	buf[n] = '\0';
	errno = 0;
	*out = strtol(buf, &end, 10);
	return errno || *end ? -1 : 0;
}

int json_walk(const char *js, const struct json_tok *toks, int n,
              json_visit_fn fn, void *ud)
{
	int i, depth = 0;

	for (i = 0; i < n; i++) {
		depth = toks[i].parent < 0 ? 0 : depth + 1;
		fn(js, &toks[i], depth, ud);
	}
	return n;
}

static void count_strings_cb(const char *js, const struct json_tok *t,
                             int depth, void *ud)
{
	(void)js;
	(void)depth;
	if (t->type == TOK_STR)
		++*(size_t *)ud;
}

size_t json_count_strings(const char *js, const struct json_tok *toks, int n)
{
	size_t count = 0;

	json_walk(js, toks, n, count_strings_cb, &count);
	return count;
}

int json_config_port(const char *text, long *port_out)
{
	struct json_parser p;
	struct json_tok toks[64];
	const struct json_tok *t;
	int n;

	json_init(&p);
	n = json_parse(&p, text, strlen(text), toks, 64);
	if (n < 1 || toks[0].type != TOK_OBJ) {
		fprintf(stderr, "bad JSON near '%.10s'\n", g_err_at ? g_err_at : text);
		return -1;
	}
	t = json_object_get(text, toks, "port");
	if (!t)
		return -1;
	return json_tok_to_long(text, t, port_out);
}

static void report_error(const char *js)
{
	const char *p;
	int line = g_ctx ? g_ctx->line : 1;

	for (p = js; g_err_at && p < g_err_at; p++)
		line += *p == '\n';
	fprintf(stderr, "%s:%d: JSON syntax error\n", g_ctx ? g_ctx->name : "-", line);
}

int json_parse_named(const char *name, const char *js, struct json_tok *toks,
                     size_t n)
{
	struct json_parser p;
	struct parse_ctx ctx = { name, 1 };
	int r;

	g_ctx = &ctx;
	json_init(&p);
	r = json_parse(&p, js, strlen(js), toks, n);
	if (r < 0)
		report_error(js);
	g_ctx = NULL;
	return r;
}

static int jw_reserve(struct json_writer *w, size_t more)
{
	char *nb;
	size_t cap = w->cap ? w->cap : 64;

	while (w->len + more + 1 > cap)
		cap *= 2;
	if (cap == w->cap)
		return 0;
	nb = realloc(w->buf, cap);
	if (!nb)
		return -1;
	w->buf = nb;
	w->cap = cap;
	return 0;
}

static void jw_raw(struct json_writer *w, const char *s, size_t n)
{
	if (jw_reserve(w, n) != 0)
		return;
	memcpy(w->buf + w->len, s, n);
	w->len += n;
	w->buf[w->len] = '\0';
}

static void jw_comma(struct json_writer *w)
{
	if (w->need_comma[w->depth])
		jw_raw(w, ",", 1);
	w->need_comma[w->depth] = 1;
}

void jw_string(struct json_writer *w, const char *s)
{
	char esc[8];

	jw_raw(w, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			jw_raw(w, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			jw_raw(w, esc, 6);
		} else {
			jw_raw(w, s, 1);
		}
	}
	jw_raw(w, "\"", 1);
}

void jw_object_of(struct json_writer *w, const struct kv *kvs, size_t n)
{
	size_t i;

	jw_comma(w);
	jw_raw(w, "{", 1);
	w->need_comma[++w->depth] = 0;
	for (i = 0; i < n; i++) {
		jw_comma(w);
		jw_string(w, kvs[i].key);
		jw_raw(w, ":", 1);
		jw_string(w, kvs[i].value);
	}
	w->depth--;
	jw_raw(w, "}", 1);
}

/* Hands the buffer over to the caller. */
char *jw_finish(struct json_writer *w, size_t *len_out)
{
	if (len_out)
		*len_out = w->len;
	return w->buf;
}

char *user_to_json(const char *name, long id, size_t *len_out)
{
	struct json_writer w;
	char idbuf[24];

	memset(&w, 0, sizeof w);
	snprintf(idbuf, sizeof idbuf, "%ld", id);
	jw_object_of(&w, (struct kv[]){ { "id", idbuf }, { "name", name } }, 2);
	return jw_finish(&w, len_out);
}
