// args: -std=c99
/* Variable-length arrays.  A VLA's storage is made at its declaration, and
   its address is taken wherever it decays; the escaping cases declare and
   use it on one line, so that either place is the line of the note. */
int *g_vla;

extern void registry_add(void *);

void vla_to_global(int n)
{
	int buf[n]; g_vla = buf; // want "buf escapes to heap"
}

void vla_to_unknown(int n)
{
	char buf[n + 1]; registry_add(buf); // want "buf escapes to heap"
}

int vla_local(int n)
{
	int buf[n];
	for (int i = 0; i < n; i++)
		buf[i] = i;
	return n > 0 ? buf[n - 1] : 0;
}
