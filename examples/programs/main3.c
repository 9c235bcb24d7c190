/* prog3, compiled and linked in one step (cc -o prog3 main3.c libutil.a):
   hold and keep_it are libutil.a's */
void hold(int *p);
void keep_it(int *p);

int main(void)
{
	int x = 1, w = 4;
	keep_it(&x); // linked "escape-kept"
	hold(&w); // linked "escape-kept"
	return x + w;
}
