/* interp.c - the calculator interpreter's call frames: every active call
 * links a frame on its own stack so errors can print a backtrace. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARGS 8

struct frame {
	const char *func;
	int line;
	struct frame *up;
};

struct vm {
	double stack[64];
	int sp;
	int errors;
};

static struct frame *g_top;

static void frame_push(struct frame *f, const char *func)
{
	f->func = func;
	f->line = 0;
	f->up = g_top;
	g_top = f;
}

static void frame_pop(struct frame *f)
{
	g_top = f->up;
}

static void backtrace_print(FILE *out)
{
	const struct frame *f;
	int depth = 0;

	for (f = g_top; f; f = f->up)
		fprintf(out, "  #%d %s line %d\n", depth++, f->func, f->line);
}

static void vm_error(struct vm *vm, const char *msg)
{
	fprintf(stderr, "error: %s\n", msg);
	backtrace_print(stderr);
	vm->errors++;
}

static int vm_push(struct vm *vm, double v)
{
	if (vm->sp == 64) {
		vm_error(vm, "stack overflow");
		return -1;
	}
	vm->stack[vm->sp++] = v;
	return 0;
}

int interp_call(struct vm *vm, const char *func, int argc)
{
	struct frame fr;
	double sum = 0;
	int i;

	frame_push(&fr, func);
	if (argc > MAX_ARGS || argc > vm->sp) {
		vm_error(vm, "bad argument count");
		frame_pop(&fr);
		return -1;
	}
	for (i = 0; i < argc; i++) {
		fr.line = i + 1;
		sum += vm->stack[--vm->sp];
	}
	if (strcmp(func, "avg") == 0 && argc)
		sum /= argc;
	i = vm_push(vm, sum);
	frame_pop(&fr);
	return i;
}

/* Evaluates a line of numbers and "+" signs in postfix order. */
int interp_eval(struct vm *vm, const char *line)
{
	struct frame fr;
	const char *p = line;
	int rc = 0;

	frame_push(&fr, "<eval>");
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0')
		return 0;
	while (*p && rc == 0) {
		char *end;
		double v = strtod(p, &end);

		fr.line++;
		if (end != p) {
			rc = vm_push(vm, v);
			p = end;
		} else if (*p == '+') {
			rc = interp_call(vm, "sum", 2);
			p++;
		} else if (isspace((unsigned char)*p)) {
			p++;
		} else {
			vm_error(vm, "unexpected character");
			rc = -1;
		}
	}
	frame_pop(&fr);
	return rc;
}
