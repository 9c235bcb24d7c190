/* a member of libutil.a that neither program pulls (both define their own
   hold): its calls resolve within the archive, its hold is neither
   program's */
void keep_it(int *p);

int *extra_kept;

void hold(int *p)
{
	extra_kept = p;
}

void extra_use(void)
{
	int e = 0;
	keep_it(&e); // linked "escape-kept"
}
