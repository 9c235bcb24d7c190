/*
 * minivm.c - a tiny stack VM: a text assembler, an interpreter with an
 * operand stack and call frames whose locals live on that stack, native
 * functions registered with a void * context, and a disassembler.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum op {
	OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_SUB, OP_MUL, OP_LT,
	OP_JMP, OP_JZ, OP_CALL, OP_RET, OP_NATIVE, OP_HALT, OP_COUNT
};

struct insn {
	uint8_t op;
	int32_t arg;
};

struct vm;
typedef int (*native_fn)(struct vm *vm, void *ctx);

struct frame {
	const struct insn *ret_pc;
	int64_t *locals;
};

struct vm {
	int64_t stack[256];
	int64_t *sp;
	struct frame frames[32];
	int fp;
	const struct insn *code;
	size_t ncode;
	FILE *out;
	native_fn natives[8];
	void *native_ctx[8];
	char error[80];
};

struct clock_ctx {
	unsigned long calls;
};

struct capture {
	char buf[256];
	size_t len;
};

static const char *const op_names[OP_COUNT] = {
	"push", "load", "store", "add", "sub", "mul", "lt",
	"jmp", "jz", "call", "ret", "native", "halt"
};

static void vm_fail(struct vm *vm, const char *msg, size_t pc)
{
	snprintf(vm->error, sizeof vm->error, "%s at %zu", msg, pc);
}

static int push(struct vm *vm, int64_t v)
{
	if (vm->sp >= vm->stack + 256)
		return -1;
	*vm->sp++ = v;
	return 0;
}

static int pop(struct vm *vm, int64_t *out)
{
	if (vm->sp == vm->stack)
		return -1;
	*out = *--vm->sp;
	return 0;
}

void vm_init(struct vm *vm, const struct insn *code, size_t n, FILE *out)
{
	memset(vm, 0, sizeof *vm);
	vm->sp = vm->stack;
	vm->code = code;
	vm->ncode = n;
	vm->out = out;
}

int vm_register_native(struct vm *vm, int slot, native_fn fn, void *ctx)
{
	if (slot < 0 || slot >= 8)
		return -1;
	vm->natives[slot] = fn;
	vm->native_ctx[slot] = ctx;
	return 0;
}

int vm_run(struct vm *vm)
{
	size_t pc = 0;
	int64_t a, b;

	while (pc < vm->ncode) {
		const struct insn *in = &vm->code[pc++];
		struct frame *f = &vm->frames[vm->fp];

		switch (in->op) {
		case OP_PUSH:
			if (push(vm, in->arg))
				goto overflow;
			break;
		case OP_LOAD:
			if (push(vm, f->locals[in->arg]))
				goto overflow;
			break;
		case OP_STORE:
			if (pop(vm, &a))
				goto underflow;
			f->locals[in->arg] = a;
			break;
		case OP_ADD: case OP_SUB: case OP_MUL: case OP_LT:
			if (pop(vm, &b) || pop(vm, &a))
				goto underflow;
			push(vm, in->op == OP_ADD ? a + b : in->op == OP_SUB ? a - b :
			     in->op == OP_MUL ? a * b : a < b);
			break;
		case OP_JMP:
			pc = (size_t)in->arg;
			break;
		case OP_JZ:
			if (pop(vm, &a))
				goto underflow;
			if (a == 0)
				pc = (size_t)in->arg;
			break;
		case OP_CALL:
			if (vm->fp == 31) {
				vm_fail(vm, "call depth", pc - 1);
				return -1;
			}
			f = &vm->frames[++vm->fp];
			f->ret_pc = in + 1;
			f->locals = vm->sp - 2;
			pc = (size_t)in->arg;
			break;
		case OP_RET:
			if (vm->fp == 0)
				return 0;
			pc = (size_t)(f->ret_pc - vm->code);
			vm->fp--;
			break;
		case OP_NATIVE:
			if (in->arg < 0 || in->arg >= 8 || !vm->natives[in->arg]) {
				vm_fail(vm, "bad native", pc - 1);
				return -1;
			}
			if (vm->natives[in->arg](vm, vm->native_ctx[in->arg]) != 0)
				return -1;
			break;
		case OP_HALT:
			return 0;
		default:
			vm_fail(vm, "bad opcode", pc - 1);
			return -1;
		}
	}
	return 0;
overflow:
	vm_fail(vm, "stack overflow", pc - 1);
	return -1;
underflow:
	vm_fail(vm, "stack underflow", pc - 1);
	return -1;
}

static int native_print(struct vm *vm, void *ctx)
{
	int64_t v;

	if (pop(vm, &v))
		return -1;
	fprintf(ctx ? (FILE *)ctx : vm->out, "%" PRId64 "\n", v);
	return 0;
}

static int native_clock(struct vm *vm, void *ctx)
{
	struct clock_ctx *cc = ctx;
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	cc->calls++;
	return push(vm, (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

static int native_capture(struct vm *vm, void *ctx)
{
	struct capture *cap = ctx;
	int64_t v;
	int n;

	if (pop(vm, &v) || cap->len >= sizeof cap->buf)
		return -1;
	n = snprintf(cap->buf + cap->len, sizeof cap->buf - cap->len, "%" PRId64 " ", v);
	cap->len += n > 0 ? (size_t)n : 0;
	return 0;
}

static int parse_op(const char *word, uint8_t *op)
{
	int i;

	for (i = 0; i < OP_COUNT; i++)
		if (strcmp(word, op_names[i]) == 0) {
			*op = (uint8_t)i;
			return 0;
		}
	return -1;
}

int vm_assemble(const char *src, struct insn *out, size_t max, char *errbuf,
                size_t errsz)
{
	const char *p = src;
	size_t n = 0;
	int lineno = 0;

	while (*p && n < max) {
		char line[128];
		char word[16];
		long arg = 0;
		size_t len = strcspn(p, "\n");

		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		p += strcspn(p, "\n");
		if (*p)
			p++;
		lineno++;
		if (sscanf(line, "%15s %ld", word, &arg) < 1 || word[0] == ';')
			continue;
		if (parse_op(word, &out[n].op) != 0) {
			snprintf(errbuf, errsz, "line %d: unknown op '%s'", lineno, word);
			return -1;
		}
		out[n].arg = (int32_t)arg;
		n++;
	}
	return (int)n;
}

void vm_disasm(const struct insn *code, size_t n, FILE *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		fprintf(out, "%4zu  %-6s %" PRId32 "\n", i,
		        code[i].op < OP_COUNT ? op_names[code[i].op] : "?", code[i].arg);
}

/* The top of the operand stack, or NULL. */
const int64_t *vm_top(const struct vm *vm)
{
	return vm->sp > vm->stack ? vm->sp - 1 : NULL;
}

int vm_run_source(const char *src, FILE *out)
{
	struct insn code[128];
	struct vm vm;
	struct clock_ctx cc = { 0 };
	char err[64];
	int n, rc;

	n = vm_assemble(src, code, 128, err, sizeof err);
	if (n < 0) {
		fprintf(stderr, "asm: %s\n", err);
		return -1;
	}
	vm_init(&vm, code, (size_t)n, out);
	vm_register_native(&vm, 0, native_print, NULL);
	vm_register_native(&vm, 1, native_clock, &cc);
	rc = vm_run(&vm);
	if (rc)
		fprintf(stderr, "vm: %s\n", vm.error);
	else if (vm_top(&vm))
		fprintf(out, "result %" PRId64 " (%lu clock calls)\n", *vm_top(&vm),
		        cc.calls);
	return rc;
}

/* Runs code; what native 0 prints is captured into out. */
int vm_eval_capture(const struct insn *code, size_t n, char *out, size_t outsz)
{
	struct vm *vm = malloc(sizeof *vm);
	struct capture cap = { "", 0 };
	int rc;

	if (!vm)
		return -1;
	vm_init(vm, code, n, NULL);
	vm_register_native(vm, 0, native_capture, &cap);
	rc = vm_run(vm);
	snprintf(out, outsz, "%s", cap.buf);
	free(vm);
	return rc;
}

int vm_selftest(void)
{
	static struct vm vm;
	const struct insn *prog = (struct insn[]){
		{ OP_PUSH, 2 }, { OP_PUSH, 3 }, { OP_ADD, 0 },
		{ OP_PUSH, 4 }, { OP_MUL, 0 }, { OP_HALT, 0 },
	};
	const int64_t *top;

	vm_init(&vm, prog, 6, stdout);
	if (vm_run(&vm) != 0)
		return -1;
	top = vm_top(&vm);
	return top && *top == 20 ? 0 : -1;
}

int vm_dump_stack(const struct vm *vm, FILE *out)
{
	const int64_t *p;
	char line[64];
	int n = 0;

	for (p = vm->stack; p < vm->sp; p++, n++) {
		snprintf(line, sizeof line, "[%d] %" PRId64, n, *p);
		fputs(line, out);
		fputc('\n', out);
	}
	fprintf(out, "sp=%#" PRIxPTR "\n", (uintptr_t)vm->sp);
	return n;
}
