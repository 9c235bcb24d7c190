/* a/util.h - string helpers */
#include <stddef.h>

size_t count_char(const char *s, char c);
char *dup_upper(const char *s);
const char *last_label(void);
void label(int n);
