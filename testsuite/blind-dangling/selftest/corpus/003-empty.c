/* Scorer self-test input: no stack address escapes here. */
int f(int a)
{
	return a + 1;
}
