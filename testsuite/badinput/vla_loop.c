/* Variable-length arrays declared in loops. */
void sink(void *);

int vla_loop(int n)
{
	int s = 0;
	for (int i = 0; i < n; i++) {
		int v[i + 1]; // want "v escapes to heap"
		v[0] = i;
		sink(v); // linked "escape-unknown"
		s += v[0];
	}
	return s;
}

int vla_local(int n)
{
	int s = 0;
	for (int i = 1; i < n; i++) {
		int w[i];
		int *p = w;
		p[0] = i;
		s += w[0];
	}
	return s;
}
