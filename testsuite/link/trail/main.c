struct ctx { int n; };
void keep(struct ctx *c, int f);

int user(void)
{
	struct ctx c = { 0 };
	keep(&c, 1); // linked "escape-kept"
	return c.n;
}
