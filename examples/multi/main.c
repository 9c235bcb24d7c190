/* main.c - uses both util.c files and the logger. */
#include <stdlib.h>
#include "a/util.h"
#include "b/util.h"
#include "log.h"

static struct entry builtin = { "builtin", NULL };

int main(int argc, char **argv)
{
	struct entry first = { "first", NULL };  /* escapes: registry_add keeps it */
	struct entry *heap = malloc(sizeof *heap); /* escapes: into the registry */

	if (!heap)
		return 1;
	heap->name = argc > 1 ? argv[1] : "heap";
	registry_add(&builtin);
	registry_add(&first); // linked "escape-kept"
	registry_add(heap);
	log_set_prefix(argv[0]);
	for (int i = 0; i < 3; i++)
		label(i);
	char *up = dup_upper(first.name);
	log_line("upper: %s", up);
	free(up);
	log_line("%s entries", registry_size() == 3 ? "3" : "?");
	return count_char(registry_find("first")->name, 'i') == 1 ? 0 : 1;
}
