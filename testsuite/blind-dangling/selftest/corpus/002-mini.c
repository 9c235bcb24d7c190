/* Scorer self-test input: never compiled by the self-test. */
void out_param(int **out)
{
	int w = 4;
	*out = &w;
}

static int sum(const int *v, int n)
{
	int s = 0;
	while (n--)
		s += v[n];
	return s;
}

int use(void)
{
	int arr[3] = { 1, 2, 3 };
	return sum(arr, 3);
}
