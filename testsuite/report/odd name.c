/* Fixture of run-report.sh: a file name that a URI must encode, and a
   line with a character of two bytes before the finding (GCC counts
   columns in bytes, SARIF here in characters). */
int *odd_keep;

void odd(void)
{
	static int s;
	int o = 0;
	odd_keep = &s;
	/* é */ odd_keep = &o;
}
