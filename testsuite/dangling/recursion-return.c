/* Returns matched to their calls in a recursive component (bash's
   support/man2html.c: scan_request -> scan_troff_mandoc -> scan_troff ->
   scan_request).  The outer activation hands a pointer into its local
   buffer down the recursion; the inner activation of the same function
   returns it (a pointer into its caller's buffer, which is alive) to
   the call that made it, and the outer returns its own parameter: no
   address of the outer's buffer is returned.  The graph joins every
   activation of a function, so an argument flows into the parameter
   every activation returns; the sinks walk matches a return to the call
   it entered the function by (findings.c, activations).  Still warns:
   the outer returns what the recursion gives back (the call's value
   returned, assigned to the parameter it returns, stored into a local it
   returns or into the caller's memory), and a caller outside the
   component returning the callee's result. */
char *scan_req(char *c);
char *scan_req2(char *c);
char *scan_req4(char *c);
static char *scan_troff(char *c, int san);
static char *scan_mandoc(char *c, int san);
void out(int ch);

static char *scan_troff(char *c, int san)
{
	char *h = c;
	while (*h) {
		if (*h == '.')
			h = h[1] == 0 ? scan_req(h) : scan_req2(h);
		else if (*h == ',')
			h = scan_req4(h);

		else
			out(*h++);
	}
	return san ? h : c;
}

static char *scan_mandoc(char *c, int san)
{
	char *ret = scan_troff(c, san);
	return ret;
}

/* man2html's scan_request: the outer returns its own c */
char *scan_req(char *c)
{
	char buff[64];
	char *bufptr = buff;
	while (*c == ' ')
		c++;
	if (c[0] == '\n')
		return c + 1;
	if (c[0] == 'B') {
		while (*c && *c != '\n' && bufptr < buff + 62)
			*bufptr++ = *c++;
		*bufptr = '\n';
		scan_mandoc(buff, 1);
	} else {
		c = scan_mandoc(c, 1);
	}
	return c;
}

/* the outer returns what the recursion gives back */
char *scan_req2(char *c)
{
	char buff[64];
	char *bufptr = buff;
	if (c[0] == 'B') {
		while (*c && *c != '\n' && bufptr < buff + 62)
			*bufptr++ = *c++;
		*bufptr = '\n';
		return scan_troff(buff, 1);	// dangle "escape-return"
	}
	if (c[0] == '.')
		return scan_req2(c + 1);
	scan_troff(c, 0);
	return c;
}

/* the same through a local the call's value is assigned to */
char *scan_req3(char *c)
{
	char buff[64];
	buff[0] = *c;
	buff[1] = 0;
	if (*c == 'X')
		c = scan_mandoc(buff, 1);
	else
		scan_mandoc(c, 0);
	return c;	// dangle "escape-return"
}

/* outside the component: the callee's result returned */
char *scan_outside(char *c)
{
	char buff[64];
	buff[0] = *c;
	buff[1] = 0;
	return scan_mandoc(buff, 1);	// dangle "escape-return"
}

/* the call's value stored: into a local the outer returns (in the
   component), into the caller's memory (outside it) */
struct box {
	char *p;
};

char *scan_req4(char *c)
{
	char buff[64];
	struct box b;
	buff[0] = *c;
	buff[1] = 0;
	b.p = c;
	if (*c == 'Y')
		b.p = scan_troff(buff, 1);
	return b.p;	// dangle "escape-return"
}

void scan_req5(char *c, struct box *out)
{
	char buff[64];
	buff[0] = *c;
	buff[1] = 0;
	out->p = scan_troff(buff, 1);	// dangle "escape-caller"
}
