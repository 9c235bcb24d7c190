/* main.c - drives worker.c and names.c */
#include <stdio.h>
#include "ci.h"

int main(void)
{
	name_scratch();
	if (start_worker(7) != 0)
		return 1;
	puts("started");
	return 0;
}
