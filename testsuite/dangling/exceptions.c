// args: -fexceptions
/* Built with -fexceptions (as C libraries meant to be called from C++
   are: expat), every call that may throw has an EH edge to a landing pad
   that clobbers the frame's objects and unwinds.  That is no path of C:
   a keeping call undone by a later one on every path by which the
   function returns is no warning, as without -fexceptions; undone on one
   path only, it still warns. */
int work(int n);

struct job {
	int total;
};
static struct job *current;

static void enter(struct job *j)
{
	current = j;
}

static void leave(void)
{
	current = 0;
}

int clean(int n)
{
	struct job j;
	enter(&j);	// fact "warning clean j clean"
	j.total = work(n);
	leave();
	return j.total;
}

int left(int n)
{
	struct job j;
	enter(&j);	// dangle "escape-kept"
	j.total = work(n);
	if (j.total)
		leave();
	return j.total;
}
