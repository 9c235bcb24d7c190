/* Arrays: decaying to a pointer, or an element's address, takes the
   array's address. */
char *g_str;
int *g_int;

extern void consume(const char *);

struct rec {
	int key, value;
};

char *ret_array(void)
{
	char buf[16];
	buf[0] = 0;
	return buf; // want "buf escapes to heap"
}

void decay_to_global(void)
{
	char buf[16];
	buf[0] = 0;
	g_str = buf; // want "buf escapes to heap"
}

void element_to_global(void)
{
	int arr[4] = {0};
	g_int = &arr[2]; // want "arr escapes to heap"
}

void offset_to_global(int i)
{
	int arr[8] = {0};
	g_int = arr + i; // want "arr escapes to heap"
}

void field_of_element_to_global(void)
{
	struct rec recs[2] = {{1, 2}, {3, 4}};
	g_int = &recs[1].value; // want "recs escapes to heap"
}

void decay_to_unknown(void)
{
	char buf[16] = "hello";
	consume(buf); // want "buf escapes to heap"
}

int decay_local(void)
{
	int arr[4] = {1, 2, 3, 4};
	int *p = arr;
	int *q = &arr[3];
	return p[1] + *q;
}
