/* strsep(&p, sep) returns what p pointed to (rules: "return-content"),
   never &p itself: a token kept or handed on leaves no address of p. */
#include <string.h>

char *last_token;
void keep_copy(const char *);

/* the tokens are pointers into line: nothing of this frame */
void tokens(char *line)
{
	char *p = line, *tok;
	while ((tok = strsep(&p, ",")) != NULL)
		last_token = tok;
}

/* handed on, key and value (libevent's evhttp_parse_query_impl) */
void pairs(char *line)
{
	char *p = line;
	while (p != NULL && *p != '\0') {
		char *value = strsep(&p, "&");
		char *key = strsep(&value, "=");
		keep_copy(key);
		keep_copy(value);
	}
}

/* the string itself on the stack: the token points into it */
char *first(void)
{
	char buf[8] = "a,b";
	char *p = buf;
	return strsep(&p, ","); // dangle "escape-return"
}

/* left in a global */
void first_kept(void)
{
	char buf[8] = "a,b";
	char *p = buf;
	last_token = strsep(&p, ","); // dangle "escape-global"
}
