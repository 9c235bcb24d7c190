/* With rules/good.json: lib_open keeps its argument, lib_send does not. */
void lib_open(char *name);
void lib_send(char *buf, int n);

void open_it(void)
{
	char name[16] = "x";
	lib_open(name); // want "name escapes to heap"
}

void send_it(void)
{
	char buf[16] = "y";
	lib_send(buf, 1);
}
