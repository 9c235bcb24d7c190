/*
 * jansson-lazy.c - Jansson for escape.so, loaded on its first use.
 *
 * GCC opens a plugin with dlopen(RTLD_NOW): every library the plugin
 * needs is mapped and relocated in every compile, before plugin_init, and
 * each of their symbols is looked up through cc1's symbol tables first.
 * For Jansson that is about 0.12 ms of a compile's CPU time (and 50 KB of
 * its memory), paid even by a unit that never writes a report nor parses
 * a rule.  So escape.so is not linked with Jansson: the Jansson functions
 * the core calls are defined here, each loading libjansson (RTLD_LOCAL:
 * only the plugin sees it) and its own address in it on the first call.
 * Only reading needs it (rules files, summaries=): the JSON report is
 * written by report.c itself, so a unit that looks up no rule never loads
 * it.  The unit tests and escape-report link Jansson as usual.
 *
 * The prototypes are jansson.h's own, so a mismatch does not compile; a
 * Jansson function the core starts to use without an entry here is an
 * undefined reference when escape.so is linked (-z defs): add it below.
 */
#define _POSIX_C_SOURCE 200809L

#include <dlfcn.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

/* Every Jansson 2.x is libjansson.so.4. */
#if JANSSON_MAJOR_VERSION != 2
#error "jansson-lazy.c knows the library name of Jansson 2 only"
#endif
#define JANSSON_SONAME "libjansson.so.4"

/* The address of Jansson's function name.  The library missing is an
   installation broken since the build: said, and the compile stops, as
   dlopen failing on a plugin linked with it would have stopped it. */
static void *need(const char *name)
{
	static void *lib;
	void *fn;

	if (!lib)
		lib = dlopen(JANSSON_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib || !(fn = dlsym(lib, name))) {
		fprintf(stderr, "cc1: fatal error: escape: cannot load %s from "
			"%s: %s\n", name, JANSSON_SONAME, dlerror());
		exit(EXIT_FAILURE);
	}
	return fn;
}

#define LAZY(ret, name, params, args)                                      \
	ret name params                                                    \
	{                                                                  \
		static ret(*fn) params;                                    \
		if (!fn)                                                   \
			*(void **)&fn = need(#name);                       \
		return fn args;                                            \
	}

LAZY(json_t *, json_object_get, (const json_t *object, const char *key),
     (object, key))
LAZY(void *, json_object_iter, (json_t *object), (object))
LAZY(void *, json_object_key_to_iter, (const char *key), (key))
LAZY(void *, json_object_iter_next, (json_t *object, void *iter),
     (object, iter))
LAZY(const char *, json_object_iter_key, (void *iter), (iter))
LAZY(json_t *, json_object_iter_value, (void *iter), (iter))
LAZY(size_t, json_array_size, (const json_t *array), (array))
LAZY(json_t *, json_array_get, (const json_t *array, size_t index),
     (array, index))
LAZY(const char *, json_string_value, (const json_t *string), (string))
LAZY(json_int_t, json_integer_value, (const json_t *integer), (integer))
LAZY(json_t *, json_loadb,
     (const char *buffer, size_t buflen, size_t flags, json_error_t *error),
     (buffer, buflen, flags, error))
LAZY(json_t *, json_load_file,
     (const char *path, size_t flags, json_error_t *error),
     (path, flags, error))

/* void: no LAZY (C does not return a void expression) */
void json_delete(json_t *json)
{
	static void (*fn)(json_t *);
	if (!fn)
		*(void **)&fn = need("json_delete");
	fn(json);
}
