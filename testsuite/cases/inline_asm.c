/* Inline asm can do anything with an address it is given. */
void asm_address(void)
{
	int x = 0;
	__asm__ __volatile__("" : : "r"(&x) : "memory"); // want "x escapes to heap"
}

void asm_param(int *p) // want "leaking param: p"
{
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

int asm_value_only(void)
{
	int x = 1;
	__asm__ __volatile__("" : "+r"(x));
	return x;
}
