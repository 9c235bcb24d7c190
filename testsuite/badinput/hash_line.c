/* #line directives: notes, warnings and the report point at the file and
   line the directives name (as for yacc output). */
int *g;
#line 100 "original.y"
void from_grammar(void)
{
	int x;
	g = &x;
}
#line 20 "hash_line.c"
int *here(int *p)
{
	return p;
}
