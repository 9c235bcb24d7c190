/* escape-scope: a pointer to a block-scope object (named local, compound
   literal) dereferenced or passed on after the block ends, as GCC's
   -Wdangling-pointer finds it: after the scope's end on every path.  A loop
   that takes the address anew each time is no warning. */
void use(int *);
int f1(int c)
{
	int *p;
	{
		int x = 1;
		p = &x;
	}
	return *p; // dangle "escape-scope"
}

void f2(void)
{
	int *p = 0;
	for (int i = 0; i < 3; i++) {
		int x = i;
		p = &x;
		use(p);
	}
	use(p); /* after the loop: only a may-use (GCC's level 2), left alone */
}

int f3(void)
{
	int *p;
	{
		int *q = (int []){ 1, 2 };
		p = q;
	}
	return p[1]; // dangle "escape-scope"
}

int ok(void)
{
	int s = 0;
	for (int i = 0; i < 3; i++) {
		int x = i;
		int *p = &x;
		s += *p;
	}
	return s;
}
