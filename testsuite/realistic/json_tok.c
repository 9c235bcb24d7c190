/* json_tok.c - an allocation-free JSON tokenizer in the spirit of jsmn: tokens
 * are offsets into the text; a NULL token array just counts the tokens. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum jtype { J_UNDEFINED, J_OBJECT, J_ARRAY, J_STRING, J_PRIMITIVE };

struct jtok {
	enum jtype type;
	int start, end;
	int size;
	int parent;
};

struct jparser {
	unsigned pos;
	unsigned toknext;
	int toksuper;
};

enum { JERR_NOMEM = -1, JERR_INVAL = -2, JERR_PART = -3 };

/* Where the last failed json_parse_report() stopped, for error messages. */
static const char *g_last_error_pos;

void json_init(struct jparser *p)
{
	p->pos = 0;
	p->toknext = 0;
	p->toksuper = -1;
}

static struct jtok *alloc_token(struct jparser *p, struct jtok *toks,
                                size_t ntoks)
{
	struct jtok *t;

	if (p->toknext >= ntoks) return NULL;
	t = &toks[p->toknext++];
	t->start = t->end = -1;
	t->size = 0;
	t->parent = -1;
	return t;
}

static void fill_token(struct jtok *t, enum jtype type, int start, int end)
{
	t->type = type;
	t->start = start;
	t->end = end;
	t->size = 0;
}

static int parse_primitive(struct jparser *p, const char *js, size_t len,
                           struct jtok *toks, size_t ntoks)
{
	int start = (int)p->pos;
	struct jtok *t;

	for (; p->pos < len && js[p->pos] != '\0'; p->pos++) {
		char c = js[p->pos];

		if (c == '\t' || c == '\r' || c == '\n' || c == ' ' ||
		    c == ',' || c == ']' || c == '}')
			break;
		if (c < 32 || c == 127) {
			p->pos = (unsigned)start;
			return JERR_INVAL;
		}
	}
	if (toks == NULL) {
		p->pos--;
		return 0;
	}
	t = alloc_token(p, toks, ntoks);
	if (t == NULL) {
		p->pos = (unsigned)start;
		return JERR_NOMEM;
	}
	fill_token(t, J_PRIMITIVE, start, (int)p->pos);
	t->parent = p->toksuper;
	p->pos--;
	return 0;
}

static int parse_string(struct jparser *p, const char *js, size_t len,
                        struct jtok *toks, size_t ntoks)
{
	int start = (int)p->pos;
	struct jtok *t;

	for (p->pos++; p->pos < len && js[p->pos] != '\0'; p->pos++) {
		char c = js[p->pos];

		if (c == '"') {
			if (toks == NULL)
				return 0;
			t = alloc_token(p, toks, ntoks);
			if (t == NULL) {
				p->pos = (unsigned)start;
				return JERR_NOMEM;
			}
			fill_token(t, J_STRING, start + 1, (int)p->pos);
			t->parent = p->toksuper;
			return 0;
		}
		if (c == '\\' && p->pos + 1 < len) {
			p->pos++;
			if (strchr("\"/\\bfrnt", js[p->pos]) == NULL &&
			    js[p->pos] != 'u') {
				p->pos = (unsigned)start;
				return JERR_INVAL;
			}
		}
	}
	p->pos = (unsigned)start;
	return JERR_PART;
}

int json_parse(struct jparser *p, const char *js, size_t len,
               struct jtok *toks, unsigned ntoks)
{
	int count = (int)p->toknext;
	int r;

	for (; p->pos < len && js[p->pos] != '\0'; p->pos++) {
		char c = js[p->pos];
		struct jtok *t;

		switch (c) {
		case '{': case '[':
			count++;
			if (toks == NULL)
				break;
			t = alloc_token(p, toks, ntoks);
			if (t == NULL)
				return JERR_NOMEM;
			if (p->toksuper != -1) {
				toks[p->toksuper].size++;
				t->parent = p->toksuper;
			}
			t->type = c == '{' ? J_OBJECT : J_ARRAY;
			t->start = (int)p->pos;
			p->toksuper = (int)p->toknext - 1;
			break;
		case '}': case ']':
			if (toks == NULL)
				break;
			for (r = (int)p->toknext - 1; r >= 0; r--) {
				if (toks[r].start != -1 && toks[r].end == -1) {
					toks[r].end = (int)p->pos + 1;
					p->toksuper = toks[r].parent;
					break;
				}
			}
			if (r < 0)
				return JERR_INVAL;
			break;
		case '"':
			r = parse_string(p, js, len, toks, ntoks);
			if (r < 0)
				return r;
			count++;
			if (p->toksuper != -1 && toks != NULL)
				toks[p->toksuper].size++;
			break;
		case '\t': case '\r': case '\n': case ' ': case ':': case ',': break;
		default:
			r = parse_primitive(p, js, len, toks, ntoks);
			if (r < 0)
				return r;
			count++;
			if (p->toksuper != -1 && toks != NULL)
				toks[p->toksuper].size++;
			break;
		}
	}
	return count;
}

int json_validate(const char *js)
{
	return json_parse(&(struct jparser){ 0, 0, -1 }, js, strlen(js), NULL, 0);
}

int json_parse_report(const char *js, struct jtok *toks, unsigned ntoks)
{
	struct jparser p;
	int r;

	json_init(&p);
	r = json_parse(&p, js, strlen(js), toks, ntoks);
	if (r < 0)
		g_last_error_pos = js + p.pos;
	return r;
}

int json_tok_eq(const char *js, const struct jtok *t, const char *s)
{
	size_t n = strlen(s);

	return t->type == J_STRING && (size_t)(t->end - t->start) == n &&
	       strncmp(js + t->start, s, n) == 0;
}

/* Copies the text of a token into buf, always NUL-terminated. */
char *json_tok_str(const char *js, const struct jtok *t, char *buf, size_t size)
{
	size_t n = (size_t)(t->end - t->start);

	if (n >= size) n = size - 1;
	memcpy(buf, js + t->start, n);
	buf[n] = '\0';
	return buf;
}

char *json_tok_dup(const char *js, const struct jtok *t)
{
	size_t n = (size_t)(t->end - t->start);
	char *s = malloc(n + 1);

	if (!s) return NULL;
	memcpy(s, js + t->start, n);
	s[n] = '\0';
	return s;
}

int json_tok_int(const char *js, const struct jtok *t, long *out)
{
	char tmp[32];
	char *end;
	long v;

	if (t->type != J_PRIMITIVE) return -1;
	json_tok_str(js, t, tmp, sizeof tmp);
	errno = 0;
	v = strtol(tmp, &end, 10);
	if (errno || end == tmp || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

struct server_conf {
	char host[64];
	long port;
	int verbose;
};

int load_server_conf(const char *text, struct server_conf *conf)
{
	struct jparser p;
	struct jtok toks[64];
	int n, i;

	json_init(&p);
	n = json_parse(&p, text, strlen(text), toks, 64);
	if (n < 1 || toks[0].type != J_OBJECT)
		return -1;
	for (i = 1; i + 1 < n; i += 2) {
		const struct jtok *key = &toks[i], *val = &toks[i + 1];

		if (json_tok_eq(text, key, "host"))
			json_tok_str(text, val, conf->host, sizeof conf->host);
		else if (json_tok_eq(text, key, "port")) {
			if (json_tok_int(text, val, &conf->port) != 0)
				return -1;
		} else if (json_tok_eq(text, key, "verbose"))
			conf->verbose = text[val->start] == 't';
	}
	return 0;
}

/* Tokenizes js into a token array grown on the heap. */
struct jtok *json_tokenize(const char *js, int *count)
{
	struct jparser p;
	unsigned cap = 16;
	struct jtok *toks = NULL;

	for (;;) {
		struct jtok *nt = realloc(toks, cap * sizeof *toks);
		int r;

		if (!nt) { free(toks); return NULL; }
		toks = nt;
		json_init(&p);
		r = json_parse(&p, js, strlen(js), toks, cap);
		if (r >= 0) {
			*count = r;
			return toks;
		}
		if (r != JERR_NOMEM) { free(toks); return NULL; }
		cap *= 2;
	}
}
