/*
 * util.h - memory helpers of the core (see util.c).  Not part of the
 * adapter's interface: that is escape.h.
 */
#ifndef ESCAPE_UTIL_H
#define ESCAPE_UTIL_H
#include <stddef.h>
#include "escape.h"

void *esc_xmalloc(size_t n);
void *esc_xcalloc(size_t n, size_t size);
void *esc_xrealloc(void *p, size_t n);
char *esc_xstrdup(const char *s);
/* Grows *items (of *cap elements of size bytes) to hold at least need. */
void esc_grow(void **items, int *cap, int need, size_t size);
/* (the test inline: most calls have room, and a call each was a
   sizeable part of adding an edge or a pointee) */
#define ESC_GROW(arr, cap, need)                                        \
	((need) <= (cap) ? (void)0                                      \
			 : esc_grow((void **)&(arr), &(cap), (need),    \
				    sizeof *(arr)))
#endif
