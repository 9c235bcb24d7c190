/* jlex.c - tokenizer for the JSON-ish settings format. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok_type { TOK_EOF, TOK_ERROR, TOK_PUNCT, TOK_STRING, TOK_NUMBER, TOK_WORD };

struct token {
	enum tok_type type;
	const char *text;
	size_t len;
	double num;
	int line;
};

struct lexer {
	const char *src;
	size_t pos;
	int line;
};

static struct token tok_make(enum tok_type type, const char *text, size_t len,
			     int line)
{
	struct token t;

	t.type = type;
	t.text = text;
	t.len = len;
	t.num = 0;
	t.line = line;
	return t;
}

static struct token tok_string(struct lexer *lx)
{
	char unescaped[256];
	size_t n = 0;
	struct token t;
	const char *s = lx->src;

	lx->pos++;
	while (s[lx->pos] && s[lx->pos] != '"') {
		char c = s[lx->pos++];

		if (c == '\\') {
			switch (s[lx->pos++]) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case '"': c = '"'; break;
			case '\\': c = '\\'; break;
			default:
				return tok_make(TOK_ERROR, s + lx->pos - 2, 2, lx->line);
			}
		}
		if (n + 1 >= sizeof unescaped)
			return tok_make(TOK_ERROR, "string too long", 15, lx->line);
		unescaped[n++] = c;
	}
	if (s[lx->pos] != '"')
		return tok_make(TOK_ERROR, "unterminated string", 19, lx->line);
	lx->pos++;
	unescaped[n] = '\0';
	t = tok_make(TOK_STRING, NULL, n, lx->line);
	t.text = unescaped;
	return t;
}

static struct token tok_number(struct lexer *lx)
{
	const char *start = lx->src + lx->pos;
	char *end;
	struct token t;

	errno = 0;
	t = tok_make(TOK_NUMBER, start, 0, lx->line);
	t.num = strtod(start, &end);
	if (end == start || errno)
		return tok_make(TOK_ERROR, start, 1, lx->line);
	t.len = (size_t)(end - start);
	lx->pos += t.len;
	return t;
}

struct token lex_next(struct lexer *lx)
{
	const char *s = lx->src;
	size_t start;

	for (;;) {
		while (s[lx->pos] == ' ' || s[lx->pos] == '\t' || s[lx->pos] == '\r')
			lx->pos++;
		if (s[lx->pos] != '\n')
			break;
		lx->line++;
		lx->pos++;
	}
	if (s[lx->pos] == '\0')
		return tok_make(TOK_EOF, s + lx->pos, 0, lx->line);
	if (strchr("{}[]:,", s[lx->pos]))
		return tok_make(TOK_PUNCT, s + lx->pos++, 1, lx->line);
	if (s[lx->pos] == '"')
		return tok_string(lx);
	if (s[lx->pos] == '-' || isdigit((unsigned char)s[lx->pos]))
		return tok_number(lx);
	start = lx->pos;
	while (isalpha((unsigned char)s[lx->pos]))
		lx->pos++;
	if (lx->pos == start)
		return tok_make(TOK_ERROR, s + start, 1, lx->line);
	return tok_make(TOK_WORD, s + start, lx->pos - start, lx->line);
}

/* Number of tokens in src, or -1 (and the line) on a lexical error. */
int count_tokens(const char *src, int *errline)
{
	struct lexer lx;
	struct token t;
	int n = 0;

	lx.src = src;
	lx.pos = 0;
	lx.line = 1;
	for (t = lex_next(&lx); t.type != TOK_EOF; t = lex_next(&lx)) {
		if (t.type == TOK_ERROR) {
			*errline = t.line;
			return -1;
		}
		n++;
	}
	return n;
}
