/* keep () hands its argument to a function of its own file, which keeps
   it surely (a store to a global) and by assumption (a typed argument
   of a function known only by name).  The linked warning of main.c's
   caller rests on the sure trail, and its flow shows it to the store. */
struct ctx;
void consume(struct ctx *c);

static struct ctx *saved;

static void stash(struct ctx *c, int f)
{
	consume(c);
	if (f) {
		struct ctx *d = c;
		saved = d;
	}
}

void keep(struct ctx *c, int f)
{
	stash(c, f);
}
