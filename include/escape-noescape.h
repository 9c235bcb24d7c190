/*
 * escape-noescape.h - ESCAPE_NOESCAPE, for library authors.
 *
 *   #include <escape-noescape.h>
 *   void checksum(const void *ESCAPE_NOESCAPE data, size_t n);
 *   void visit(struct tree *ESCAPE_NOESCAPE t, void (*fn)(void *), void *ctx);
 *
 * Put it after the `*' of a pointer parameter: it promises that the
 * function keeps nothing it is given there.  With the escape plugin loaded
 * (gcc -fplugin=escape), callers in any file trust the promise (the
 * attribute is part of the parameter's type, so the prototype carries it),
 * and the function's own definition gets an escape-noescape warning if it
 * breaks it.  Without the plugin the macro is empty and code compiles
 * unchanged (clang has an attribute of the same name and meaning).
 */
#ifndef ESCAPE_NOESCAPE_H
#define ESCAPE_NOESCAPE_H

#if defined(__has_attribute)
#if __has_attribute(noescape)
#define ESCAPE_NOESCAPE __attribute__((noescape))
#endif
#endif

#ifndef ESCAPE_NOESCAPE
#define ESCAPE_NOESCAPE
#endif

#endif /* ESCAPE_NOESCAPE_H */
