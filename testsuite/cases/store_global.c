/* Stored where it outlives the frame: globals and statics, whole or in
   part. */
int *global_p;
static int *file_static_p;
extern int *extern_p;
struct {
	int *p;
	int n;
} global_s;
int *global_arr[4];

void to_global(void)
{
	int x = 1;
	global_p = &x; // want "x escapes to heap"
}

void to_file_static(void)
{
	int x = 2;
	file_static_p = &x; // want "x escapes to heap"
}

int read_file_static(void)
{
	return file_static_p ? *file_static_p : 0;
}

void to_function_static(void)
{
	static int *keep;
	int x = 3;
	keep = &x; // want "x escapes to heap"
}

void to_extern(void)
{
	int x = 4;
	extern_p = &x; // want "x escapes to heap"
}

void to_global_field(void)
{
	int x = 5;
	global_s.p = &x; // want "x escapes to heap"
	global_s.n = 1;
}

void to_global_array(int i)
{
	int x = 6;
	global_arr[i] = &x; // want "x escapes to heap"
}

void to_global_via_local(void)
{
	int x = 7;
	int *p = &x; // want "x escapes to heap"
	global_p = p;
}

void field_address_to_global(void)
{
	struct {
		int a, b;
	} s = {1, 2};
	global_p = &s.b; // want "s escapes to heap"
}

int stays_local(void)
{
	int x = 8;
	int *p = &x;
	*p += global_p ? *global_p : 0;
	return x;
}
