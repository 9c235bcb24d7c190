int *util_kept;

/* keeps what it is given */
void keep_it(int *p)
{
	util_kept = p;
}
