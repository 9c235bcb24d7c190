/* An address converted to an integer escapes if the integer is stored
   where the address could not be. */
#include <stdint.h>

uintptr_t g_addr;

void to_int_global(void)
{
	int x = 1;
	g_addr = (uintptr_t)&x; // want "x escapes to heap"
}

void to_int_then_global(void)
{
	int x = 2;
	uintptr_t a = (uintptr_t)&x; // want "x escapes to heap"
	g_addr = a;
}

int to_int_local(void)
{
	int x = 3;
	uintptr_t a = (uintptr_t)&x;
	int *back = (int *)a;
	return *back;
}
