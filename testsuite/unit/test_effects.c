/* test_effects.c - effects.c: closing a function's effects over its
   calls, and whether a later call undoes what a keeping call kept. */
#include "../../plugin/escape.h"
#include "unit.h"

#include <stdlib.h>

static struct esc_effect fx(enum esc_effect_kind kind, int param,
			    const char *path, int pointer)
{
	struct esc_effect e;
	memset(&e, 0, sizeof e);
	e.kind = kind;
	e.param = param;
	e.path = esc_intern(path);
	e.pointer = pointer;
	/* a write of unknown value: may clear every bit */
	if (kind == ESC_FX_SET || kind == ESC_FX_CLEAR)
		e.clrbits = ~(uint64_t)0;
	return e;
}

/* a write of a flag that sets the bits set and may clear clr */
static struct esc_effect flag(enum esc_effect_kind kind, int param,
			      const char *path, uint64_t set, uint64_t clr)
{
	struct esc_effect e = fx(kind, param, path, 0);
	e.setbits = set;
	e.clrbits = clr;
	e.nonzero = set && !(~set & ~clr) ? 1 : 0;
	return e;
}

static struct esc_effect call(int param, const char *via, const char *callee,
			      int arg, int every)
{
	struct esc_effect e = fx(ESC_FX_CALL, param, via, 0);
	e.callee = esc_intern(callee);
	e.arg = arg;
	e.every = every;
	return e;
}

TEST(paths)
{
	CHECK_STR(esc_effect_path("", "f"), "f");
	CHECK_STR(esc_effect_path("g", ""), "g");
	CHECK_STR(esc_effect_path("g", "f"), "g/f");
	CHECK(esc_effect_path("g", "h/f") == NULL);
	CHECK(esc_effect_path("g/h", "f") == NULL);
}

/* the callees of the closing tests: settop moves L->top on every path;
   grow sets L->top on some path only */
static const struct esc_effect *lookup(const char *name, void *ctx, int *n)
{
	static struct esc_effect settop[1], grow[1], freeit[1];
	(void)ctx;
	settop[0] = fx(ESC_FX_CLEAR, 0, "top", 1);
	grow[0] = fx(ESC_FX_SET, 0, "top", 1);
	freeit[0] = fx(ESC_FX_CLEAR, 0, "", 1);
	*n = 1;
	if (!strcmp(name, "settop"))
		return settop;
	if (!strcmp(name, "grow"))
		return grow;
	if (!strcmp(name, "close_r") || !strcmp(name, "close_w"))
		return freeit;
	*n = 0;
	return NULL;
}

TEST(close_through_field)
{
	/* pushresult(B): settop(B->L) on every path, grow(B->L) on some */
	int cap = 4, n = 2;
	struct esc_effect *f = malloc((size_t)cap * sizeof *f);
	f[0] = call(0, "L", "settop", 0, 1);
	f[1] = call(0, "", "grow", 0, 1);
	n = esc_effects_close(&f, n, &cap, lookup, NULL);
	CHECK_EQ_INT(n, 4);
	CHECK(f[2].kind == ESC_FX_CLEAR && f[2].param == 0 &&
	      !strcmp(f[2].path, "L/top") && f[2].pointer);
	CHECK(f[3].kind == ESC_FX_SET && !strcmp(f[3].path, "top"));
	/* closing again adds nothing */
	CHECK_EQ_INT(esc_effects_close(&f, n, &cap, lookup, NULL), 4);
	free(f);
}

TEST(clear_only_through_every_path)
{
	int cap = 1, n = 1;
	struct esc_effect *f = malloc((size_t)cap * sizeof *f);
	f[0] = call(1, "", "settop", 0, 0);
	n = esc_effects_close(&f, n, &cap, lookup, NULL);
	CHECK_EQ_INT(n, 2);
	CHECK(f[1].kind == ESC_FX_SET && f[1].param == 1);
	free(f);
}

/* close(f): mode == READ ? close_r(f) : close_w(f), both freeing f:
   together on every path (an alt group), f is freed; with a callee
   that frees nothing in the group, it is not */
TEST(alt_group)
{
	for (int k = 0; k < 2; k++) {
		int cap = 2, n = 2;
		struct esc_effect *f = malloc((size_t)cap * sizeof *f);
		f[0] = call(0, "", "close_r", 0, 0);
		f[1] = call(0, "", k ? "log_it" : "close_w", 0, 0);
		f[0].alt = f[1].alt = 1;
		n = esc_effects_close(&f, n, &cap, lookup, NULL);
		CHECK_EQ_INT(n, 3);
		CHECK(f[2].kind == (k ? ESC_FX_SET : ESC_FX_CLEAR) &&
		      !strcmp(f[2].path, ""));
		free(f);
	}
}

static int undo(const struct esc_effect *fx1, int n1, int kept,
		const struct esc_effect *fx2, int n2, int j, int m)
{
	int pairs[1][2] = { { j, m } };
	struct esc_undo_call u = { "c2", 1, pairs, NULL, -1, 0, 0, NULL, NULL, NULL };
	return esc_effects_undo(fx1, n1, kept, fx2, n2, &u);
}

TEST(init_end)
{
	/* init(&s) sets s->state (a pointer) and s->total; end(&s) clears
	   s->state on every path; step(&s) clears s->total and s->next */
	struct esc_effect init[2] = { fx(ESC_FX_SET, 0, "state", 1),
				      fx(ESC_FX_SET, 0, "total", 0) };
	struct esc_effect end[1] = { fx(ESC_FX_CLEAR, 0, "state", 1) };
	struct esc_effect step[2] = { fx(ESC_FX_CLEAR, 0, "total", 0),
				      fx(ESC_FX_CLEAR, 0, "next", 1) };
	struct esc_effect half[1] = { fx(ESC_FX_SET, 0, "state", 1) };
	CHECK(undo(init, 2, 0, end, 1, 0, 0));
	CHECK(!undo(init, 2, 0, step, 2, 0, 0));
	CHECK(!undo(init, 2, 0, half, 1, 0, 0));
	/* another argument of the keeper's than the one given */
	CHECK(!undo(init, 2, 0, end, 1, 0, 1));
}

TEST(reinit_is_no_undo)
{
	/* add(r, &n) links n into r (r->head = n) and sets n->e; init(&n)
	   writes n->e = 0 on every path: n is still in r's list */
	struct esc_effect add[2] = { fx(ESC_FX_SET, 1, "e", 1),
				     fx(ESC_FX_CLEAR, 0, "head", 1) };
	struct esc_effect init[1] = { fx(ESC_FX_CLEAR, 0, "e", 1) };
	CHECK(!undo(add, 2, 1, init, 1, 0, 1));
	/* add(&e) keeps e in what its field base points to (e->base->head
	   = e) and sets e->next */
	struct esc_effect add2[2] = { fx(ESC_FX_SET, 0, "next", 1),
				      fx(ESC_FX_SET, 0, "base/head", 1) };
	struct esc_effect init2[1] = { fx(ESC_FX_CLEAR, 0, "next", 1) };
	CHECK(!undo(add2, 2, 0, init2, 1, 0, 0));
	/* the state it hangs off the object alone: cleared, undone */
	CHECK(undo(add2, 1, 0, init2, 1, 0, 0));
	/* init(&s) sets s->state and writes through it (s->state->strm =
	   s, deflateInit_); end(&s) clears s->state: undone */
	struct esc_effect dinit[2] = { fx(ESC_FX_SET, 0, "state", 1),
				       fx(ESC_FX_SET, 0, "state/strm", 1) };
	struct esc_effect dend[1] = { fx(ESC_FX_CLEAR, 0, "state", 1) };
	CHECK(undo(dinit, 2, 0, dend, 1, 0, 0));
	/* ... and a later call that clears another field of s: not */
	struct esc_effect dother[1] = { fx(ESC_FX_CLEAR, 0, "next", 1) };
	struct esc_effect dinit2[3] = { dinit[0], dinit[1], fx(ESC_FX_SET, 0, "next", 1) };
	CHECK(!undo(dinit2, 3, 0, dother, 1, 0, 0));
}

TEST(push_pop_through_the_object)
{
	/* buffinit(L, &b): b->L = L, L->top moved; pushresult(&b) moves
	   b->L->top; add(&b) writes b->n */
	struct esc_effect init[2] = { fx(ESC_FX_SET, 1, "L", 1),
				      fx(ESC_FX_CLEAR, 0, "top", 1) };
	struct esc_effect result[1] = { fx(ESC_FX_CLEAR, 0, "L/top", 1) };
	struct esc_effect add[1] = { fx(ESC_FX_CLEAR, 0, "n", 0) };
	CHECK(undo(init, 2, 1, result, 1, 0, 1));
	CHECK(!undo(init, 2, 1, add, 1, 0, 1));
	/* the keeper stored no handle in the object's field L */
	CHECK(!undo(init + 1, 1, 1, result, 1, 0, 1));
}

TEST(pop_not_push)
{
	/* push(s, &b): s->top set; pop(s) restores s->top from itself;
	   push2(s, &c) sets it again: no pop */
	struct esc_effect push[1] = { fx(ESC_FX_CLEAR, 0, "top", 1) };
	struct esc_effect pop[1] = { fx(ESC_FX_CLEAR, 0, "top", 1) };
	pop[0].pop = 1;
	CHECK(undo(push, 1, 1, pop, 1, 0, 0));
	CHECK(!undo(push, 1, 1, push, 1, 0, 0));
}

TEST(free_the_handle_or_result)
{
	struct esc_effect reg[2] = { fx(ESC_FX_SET, 1, "base", 1),
				     fx(ESC_FX_SET, 0, "n", 0) };
	struct esc_effect bfree[1] = { fx(ESC_FX_CLEAR, 0, "", 1) };
	/* reg(base, &ev) writes into base ... free(base) */
	CHECK(undo(reg, 2, 1, bfree, 1, 0, 0));
	/* assign(&ev, base) only stores base in ev (and may keep &ev
	   elsewhere, a global map): freeing base undoes nothing */
	CHECK(!undo(reg, 1, 1, bfree, 1, 0, 0));
	/* what the keeper returned, freed */
	CHECK(undo(reg, 1, 0, bfree, 1, 0, -1));
	/* freeing the kept object's own argument is no undo */
	CHECK(!undo(reg, 1, 1, bfree, 1, 0, 1));
}

TEST(unlink)
{
	/* add(r, &n): n->e (the entry, pointers) set, r->head cleared;
	   del(&n): *n->e.prevp = n->e.next on every path */
	struct esc_effect add[2] = { fx(ESC_FX_SET, 1, "e", 1),
				     fx(ESC_FX_CLEAR, 0, "head", 1) };
	struct esc_effect del[1] = { fx(ESC_FX_UNLINK, 0, "e", 1) };
	struct esc_effect del_other[1] = { fx(ESC_FX_UNLINK, 0, "e2", 1) };
	CHECK(undo(add, 2, 1, del, 1, 0, 1));
	/* through another entry than the one the keeper set */
	CHECK(!undo(add, 2, 1, del_other, 1, 0, 1));
	/* given the handle, not the kept object */
	CHECK(!undo(add, 2, 1, del, 1, 0, 0));
	/* the keeper set no entry of the object */
	CHECK(!undo(add + 1, 1, 1, del, 1, 0, 1));
}

TEST(unlink_guarded)
{
	/* add(b, &e): e->e set, e->added = 1; del(&e): if (!e->added)
	   return; unlink */
	struct esc_effect add[2] = { fx(ESC_FX_SET, 1, "e", 1),
				     flag(ESC_FX_SET, 1, "added", 1, ~(uint64_t)1) };
	struct esc_effect del[1] = { fx(ESC_FX_UNLINK, 0, "e", 1) };
	del[0].guard = esc_intern("added");
	CHECK(undo(add, 2, 1, del, 1, 0, 1));
	/* the keeper does not set the flag */
	CHECK(!undo(add, 1, 1, del, 1, 0, 1));
	/* it also writes zero into it */
	struct esc_effect add0[3] = { add[0], add[1], fx(ESC_FX_CLEAR, 1, "added", 0) };
	CHECK(!undo(add0, 3, 1, del, 1, 0, 1));
	/* another flag than the guard */
	struct esc_effect addx[2] = { add[0], flag(ESC_FX_SET, 1, "other", 1, 0) };
	CHECK(!undo(addx, 2, 1, del, 1, 0, 1));
}

TEST(unlink_guarded_bit)
{
	/* add(b, &e): e->e set, e->flags |= 4; del(&e): if (!(e->flags &
	   4)) return; unlink */
	struct esc_effect add[2] = { fx(ESC_FX_SET, 1, "e", 1),
				     flag(ESC_FX_SET, 1, "flags", 4, 0) };
	struct esc_effect del[1] = { fx(ESC_FX_UNLINK, 0, "e", 1) };
	del[0].guard = esc_intern("flags");
	del[0].mask = 4;
	CHECK(undo(add, 2, 1, del, 1, 0, 1));
	/* the keeper also clears another bit (flags &= ~1) */
	struct esc_effect add1[3] = { add[0], add[1], flag(ESC_FX_SET, 1, "flags", 0, 1) };
	CHECK(undo(add1, 3, 1, del, 1, 0, 1));
	/* ... or that very bit (flags &= ~4), or all of them (flags = 0) */
	struct esc_effect add4[3] = { add[0], add[1], flag(ESC_FX_SET, 1, "flags", 0, 4) };
	CHECK(!undo(add4, 3, 1, del, 1, 0, 1));
	struct esc_effect add0[3] = { add[0], add[1], fx(ESC_FX_SET, 1, "flags", 0) };
	CHECK(!undo(add0, 3, 1, del, 1, 0, 1));
	/* another bit tested than the one set */
	del[0].mask = 2;
	CHECK(!undo(add, 2, 1, del, 1, 0, 1));
	/* the whole flag tested: a bit of it set is enough */
	del[0].mask = 0;
	CHECK(undo(add, 2, 1, del, 1, 0, 1));
}

static const struct esc_effect *unlinker(const char *name, void *ctx, int *n)
{
	static struct esc_effect del[1];
	(void)ctx;
	del[0] = fx(ESC_FX_UNLINK, 0, "e", 1);
	*n = 1;
	if (!strcmp(name, "del"))
		return del;
	*n = 0;
	return NULL;
}

TEST(unlink_through_calls)
{
	/* del(n) on every path: an unlink of the caller's parameter; on
	   some path only, or given n->g (another object): none */
	int cap = 4, n = 3;
	struct esc_effect *f = malloc((size_t)cap * sizeof *f);
	f[0] = call(0, "", "del", 0, 1);
	f[1] = call(1, "", "del", 0, 0);
	f[2] = call(2, "g", "del", 0, 1);
	n = esc_effects_close(&f, n, &cap, unlinker, NULL);
	CHECK_EQ_INT(n, 4);
	CHECK(f[3].kind == ESC_FX_UNLINK && f[3].param == 0 &&
	      !strcmp(f[3].path, "e"));
	free(f);
	/* del(n) where a flag of n is set (if (n->flags & 4) del(n);): an
	   unlink guarded by that bit; a guarded del under another guard:
	   none */
	cap = 4;
	n = 1;
	f = malloc((size_t)cap * sizeof *f);
	f[0] = call(0, "", "del", 0, 0);
	f[0].guard = esc_intern("flags");
	f[0].mask = 4;
	n = esc_effects_close(&f, n, &cap, unlinker, NULL);
	CHECK_EQ_INT(n, 2);
	CHECK(f[1].kind == ESC_FX_UNLINK && f[1].param == 0 &&
	      f[1].guard == esc_intern("flags") && f[1].mask == 4);
	free(f);
	/* an unlink is no pointer set of another parameter's field:
	   g/f undo needs fx1 to set f on another parameter */
	struct esc_effect init[2] = { fx(ESC_FX_SET, 1, "L", 1),
				      fx(ESC_FX_UNLINK, 0, "top", 1) };
	struct esc_effect result[1] = { fx(ESC_FX_CLEAR, 0, "L/top", 1) };
	CHECK(!undo(init, 2, 1, result, 1, 0, 1));
}

static struct esc_cond cond(int param, const char *path, uint64_t mask)
{
	struct esc_cond c = { param, esc_intern(path), mask };
	return c;
}

TEST(unlink_skips)
{
	/* add(b, &e): if (e->flags & 64) return -1; if (e->fd >= 0) link
	   through e->e; e->flags |= 1.  del(&e): if (e->flags & 64) return
	   0; if (e->flags & 1) { if (e->fd < 0) return 0; unlink } */
	struct esc_effect add[2] = { fx(ESC_FX_SET, 1, "e", 1),
				     flag(ESC_FX_SET, 1, "flags", 1, 0) };
	struct esc_cond ref[2] = { cond(1, "flags", 64), cond(1, "fd", 0) };
	add[0].refuse = esc_conds_intern(ref, 2);
	struct esc_effect del[2] = { fx(ESC_FX_UNLINK, 0, "e", 1),
				     flag(ESC_FX_SET, 0, "flags", 0, 1) };
	del[0].guard = esc_intern("flags");
	del[0].mask = 1;
	struct esc_cond sk[2] = { cond(0, "flags", 64), cond(0, "fd", 0) };
	del[0].skip = esc_conds_intern(sk, 2);
	CHECK(undo(add, 2, 1, del, 2, 0, 1));
	/* a refusal of more bits covers the skip's (flags & 0x42) */
	ref[0].mask = 0x42;
	add[0].refuse = esc_conds_intern(ref, 2);
	CHECK(undo(add, 2, 1, del, 2, 0, 1));
	/* the keeper refuses another bit than the remover skips on */
	ref[0].mask = 32;
	add[0].refuse = esc_conds_intern(ref, 2);
	CHECK(!undo(add, 2, 1, del, 2, 0, 1));
	ref[0].mask = 64;
	/* it links a negative descriptor too */
	add[0].refuse = esc_conds_intern(ref, 1);
	CHECK(!undo(add, 2, 1, del, 2, 0, 1));
	add[0].refuse = esc_conds_intern(ref, 2);
	/* one of its links refuses nothing */
	struct esc_effect add2[3] = { add[0], add[1], fx(ESC_FX_SET, 1, "e", 1) };
	CHECK(!undo(add2, 3, 1, del, 2, 0, 1));
	/* it sets the bit the remover skips on itself (flags |= 64) */
	struct esc_effect addf[3] = { add[0], add[1], flag(ESC_FX_SET, 1, "flags", 64, 0) };
	CHECK(!undo(addf, 3, 1, del, 2, 0, 1));
	/* ... or writes flags whatever they were */
	struct esc_effect addw[3] = { add[0], add[1], fx(ESC_FX_SET, 1, "flags", 0) };
	CHECK(!undo(addw, 3, 1, del, 2, 0, 1));
	/* it writes the descriptor */
	struct esc_effect addd[3] = { add[0], add[1], fx(ESC_FX_SET, 1, "fd", 0) };
	CHECK(!undo(addd, 3, 1, del, 2, 0, 1));
	/* a skip on another parameter than the object */
	sk[1] = cond(1, "", 0);
	del[0].skip = esc_conds_intern(sk, 2);
	CHECK(!undo(add, 2, 1, del, 2, 0, 1));
}

static const struct esc_effect *mapper(const char *name, void *ctx, int *n)
{
	/* io_del(b, fd, ev): if (fd < 0) return 0; unlink ev->e;
	   sig_del(b, sig, ev): unlink ev->e; io_add(b, fd, ev): if (fd <
	   0) return 0; link ev->e; other_del: unlinks ev->f */
	static struct esc_effect io_del[1], sig_del[1], io_add[1], other_del[1];
	(void)ctx;
	struct esc_cond neg = cond(1, "", 0);
	io_del[0] = fx(ESC_FX_UNLINK, 2, "e", 1);
	io_del[0].skip = esc_conds_intern(&neg, 1);
	sig_del[0] = fx(ESC_FX_UNLINK, 2, "e", 1);
	io_add[0] = fx(ESC_FX_SET, 2, "e", 1);
	io_add[0].refuse = esc_conds_intern(&neg, 1);
	other_del[0] = fx(ESC_FX_UNLINK, 2, "f", 1);
	*n = 1;
	if (!strcmp(name, "io_del"))
		return io_del;
	if (!strcmp(name, "sig_del"))
		return sig_del;
	if (!strcmp(name, "io_add"))
		return io_add;
	if (!strcmp(name, "other_del"))
		return other_del;
	*n = 0;
	return NULL;
}

TEST(skips_through_calls)
{
	/* del(ev): if (ev->flags & 64) return 0; if (ev->flags & 1) { if
	   (io) io_del(b, ev->fd, ev); else sig_del(b, ev->fd, ev); }: the
	   two calls an alt pair under the guard; io_del's skip on its
	   descriptor becomes ev->fd < 0 */
	int cap = 4, n = 2;
	struct esc_effect *f = malloc((size_t)cap * sizeof *f);
	f[0] = call(0, "", "io_del", 2, 0);
	f[1] = call(0, "", "sig_del", 2, 0);
	struct esc_cond fin = cond(0, "flags", 64);
	struct esc_cond_arg fd = { 1, 0, esc_intern("fd") };
	for (int k = 0; k < 2; k++) {
		f[k].alt = 1;
		f[k].altcover = 1;
		f[k].guard = esc_intern("flags");
		f[k].mask = 1;
		f[k].skip = esc_conds_intern(&fin, 1);
		f[k].args = esc_cond_args_intern(&fd, 1);
	}
	n = esc_effects_close(&f, n, &cap, mapper, NULL);
	CHECK_EQ_INT(n, 3);
	CHECK(f[2].kind == ESC_FX_UNLINK && f[2].param == 0 && !strcmp(f[2].path, "e") &&
	      f[2].guard == esc_intern("flags") && f[2].mask == 1 &&
	      ESC_NCONDS(f[2].skip) == 2);
	int isfin = 0, isneg = 0;
	for (int k = 0; k < ESC_NCONDS(f[2].skip); k++) {
		const struct esc_cond *c = &f[2].skip->c[k];
		isfin |= c->param == 0 && !strcmp(c->path, "flags") && c->mask == 64;
		isneg |= c->param == 0 && !strcmp(c->path, "fd") && c->mask == 0;
	}
	CHECK(isfin && isneg);
	/* without the descriptor's source, io_del's skip cannot be said:
	   nothing */
	n = 2;
	f[0].args = f[1].args = NULL;
	n = esc_effects_close(&f, n, &cap, mapper, NULL);
	CHECK_EQ_INT(n, 2);
	/* the other arm unlinks another field: nothing */
	f[0].args = f[1].args = esc_cond_args_intern(&fd, 1);
	f[1].callee = esc_intern("other_del");
	n = esc_effects_close(&f, n, &cap, mapper, NULL);
	CHECK_EQ_INT(n, 2);
	/* add(ev): if (ev->flags & 64) return -1; io_add(b, ev->fd, ev):
	   the write of ev->e refuses both */
	n = 1;
	f[0] = call(0, "", "io_add", 2, 0);
	f[0].refuse = esc_conds_intern(&fin, 1);
	f[0].args = esc_cond_args_intern(&fd, 1);
	n = esc_effects_close(&f, n, &cap, mapper, NULL);
	CHECK_EQ_INT(n, 2);
	CHECK(f[1].kind == ESC_FX_SET && f[1].pointer && ESC_NCONDS(f[1].refuse) == 2);
	/* equal sets are one */
	struct esc_cond two[2] = { fin, cond(1, "", 0) };
	CHECK(esc_conds_intern(two, 2) == esc_conds_intern(two, 2));
	CHECK(esc_conds_intern(two, 2) != esc_conds_intern(two, 1));
	CHECK(!esc_conds_intern(two, 0));
	free(f);
	/* two writes of a path: only the refusals common to both */
	struct esc_cond a[ESC_MAX_CONDS] = { cond(0, "flags", 64), cond(0, "fd", 0) };
	struct esc_cond b[1] = { cond(0, "fd", 0) };
	CHECK_EQ_INT(esc_conds_meet(a, 2, b, 1), 1);
	CHECK(!strcmp(a[0].path, "fd"));
}

TEST(clears_every_field_set)
{
	/* setcb(c, r, e, arg): c->readcb, c->errcb, c->cbarg */
	struct esc_effect setcb[4] = {
		fx(ESC_FX_CLEAR, 0, "readcb", 1), fx(ESC_FX_CLEAR, 0, "errcb", 1),
		fx(ESC_FX_CLEAR, 0, "cbarg", 1), fx(ESC_FX_SET, 0, "refcnt", 0),
	};
	/* release(c): all three set to NULL (and the count) */
	struct esc_effect release[4] = {
		fx(ESC_FX_CLEAR, 0, "readcb", 1), fx(ESC_FX_CLEAR, 0, "errcb", 1),
		fx(ESC_FX_CLEAR, 0, "cbarg", 1), fx(ESC_FX_CLEAR, 0, "refcnt", 0),
	};
	CHECK(esc_effects_clears_all(setcb, 4, 0, release, 4, 0));
	/* close(c): the callbacks only, not their argument */
	CHECK(!esc_effects_clears_all(setcb, 4, 0, release, 2, 0));
	/* cleared on some path only */
	struct esc_effect some[3] = { release[0], release[1], release[2] };
	some[2].kind = ESC_FX_SET;
	CHECK(!esc_effects_clears_all(setcb, 4, 0, some, 3, 0));
	/* on another parameter, or of another one of the keeper's */
	CHECK(!esc_effects_clears_all(setcb, 4, 0, release, 4, 1));
	CHECK(!esc_effects_clears_all(setcb, 4, 1, release, 4, 0));
	/* a field through another pointer (c->buf->data) the release
	   does not say it clears */
	struct esc_effect deep[2] = { setcb[2], fx(ESC_FX_SET, 0, "buf/data", 1) };
	struct esc_effect deepclr[2] = { release[2], fx(ESC_FX_CLEAR, 0, "buf/data", 1) };
	CHECK(!esc_effects_clears_all(deep, 2, 0, deepclr, 2, 0));
}

/* What the keeper stored decides (esc_effects_undo_stored,
   esc_effects_undo_through): setcb(c, arg) stores arg (1) into *c (0),
   release(c) clears every field setcb writes; assign(e, b) stores b (1)
   into e->base, add(e) reaches memory through e->base, base_free(b)
   frees its argument. */
TEST(undo_by_stores)
{
	struct esc_effect setcb[2] = { fx(ESC_FX_CLEAR, 0, "cb", 1),
				       fx(ESC_FX_CLEAR, 0, "arg", 1) };
	struct esc_effect release[2] = { fx(ESC_FX_CLEAR, 0, "cb", 1),
					 fx(ESC_FX_CLEAR, 0, "arg", 1) };
	struct esc_summary_store into = { 1, 0, 0, 1, 0 };
	struct esc_summary_store deref = { 1, 0, 1, 1, 0 };
	int pr[1][2] = { { 0, 0 } };
	struct esc_undo_call u = { "release", 1, pr, NULL, -1, 0, 0, NULL, NULL, NULL };
	CHECK(esc_stores_into(&into, 1, 1, 0));
	CHECK(esc_effects_undo_stored(setcb, 2, &into, 1, 1, release, 2, NULL, 0, &u));
	/* not stored there (only what it points to), or not every field */
	CHECK(!esc_effects_undo_stored(setcb, 2, &deref, 1, 1, release, 2, NULL, 0, &u));
	CHECK(!esc_effects_undo_stored(setcb, 2, &into, 1, 1, release, 1, NULL, 0, &u));
	/* a push: what the object held saved elsewhere (b->prev = s->top) */
	struct esc_summary_store save = { 0, 1, 1, 1, 0 };
	CHECK(!esc_effects_undo_stored(setcb, 2, &into, 1, 1, release, 2, &save, 1, &u));
	/* the kept argument itself given */
	pr[0][1] = 1;
	CHECK(!esc_effects_undo_stored(setcb, 2, &into, 1, 1, release, 2, NULL, 0, &u));

	struct esc_effect assign[2] = { fx(ESC_FX_CLEAR, 0, "base", 1),
					fx(ESC_FX_CLEAR, 0, "flags", 0) };
	struct esc_effect add[2] = { fx(ESC_FX_SET, 0, "base/head", 1),
				     fx(ESC_FX_SET, 0, "next", 1) };
	struct esc_effect bfree[1] = { fx(ESC_FX_CLEAR, 0, "", 1) };
	struct esc_effect bwork[1] = { fx(ESC_FX_SET, 0, "head", 1) };
	int tp[1][2] = { { 0, 1 } };
	struct esc_undo_call t = { "base_free", 1, tp, "assign", 0, 0, 0, NULL, NULL, NULL,
				   { NULL }, { 0 }, 0 };
	CHECK(esc_effects_undo_through(assign, 2, &into, 1, 0, add, 2, NULL, 0, 0,
				       bfree, 1, &t));
	/* the later call only writes the base; the base not stored in the
	   event; the keeper stores another argument into the event */
	CHECK(!esc_effects_undo_through(assign, 2, &into, 1, 0, add, 2, NULL, 0, 0,
					bwork, 1, &t));
	CHECK(!esc_effects_undo_through(assign, 2, &deref, 1, 0, add, 2, NULL, 0, 0,
					bfree, 1, &t));
	struct esc_summary_store other = { 1, 0, 0, 1, 0 };
	CHECK(!esc_effects_undo_through(assign, 2, &into, 1, 0, add, 2, &other, 1, 0,
					bfree, 1, &t));
	/* the keeper reaches nothing through the field the call set */
	struct esc_effect add2[1] = { fx(ESC_FX_SET, 0, "next", 1) };
	CHECK(!esc_effects_undo_through(assign, 2, &into, 1, 0, add2, 1, NULL, 0, 0,
					bfree, 1, &t));
}

static const struct esc_effect *lookup_count(const char *name, void *ctx, int *n)
{
	static struct esc_effect fresh[1], decref[2], pfree[1], wrap[1];
	(void)ctx;
	fresh[0] = fx(ESC_FX_FRESH, -1, "refcnt", 0);
	decref[0] = fx(ESC_FX_CLEAR, 0, "refcnt", 0);
	decref[1] = fx(ESC_FX_RELEASE, 0, "refcnt", 1);
	pfree[0] = fx(ESC_FX_CLEAR, 0, "", 1);
	wrap[0] = fx(ESC_FX_FRESH, -1, "", 0);
	wrap[0].callee = esc_intern("lis_new");
	*n = 1;
	if (!strcmp(name, "lis_new"))
		return fresh;
	if (!strcmp(name, "lis_wrap"))
		return wrap;
	if (!strcmp(name, "port_free"))
		return pfree;
	if (!strcmp(name, "lis_decref")) {
		*n = 2;
		return decref;
	}
	*n = 0;
	return NULL;
}

/* reference counts: a wrapper's result is its callee's fresh object; a
   release through a call on every path is the caller's; a free made
   where the count reaches 0 is a release; not through a call on some
   path, nor one made where a flag is set */
TEST(close_counts)
{
	int cap = 4, n = 4;
	struct esc_effect *f = malloc((size_t)cap * sizeof *f);
	f[0] = fx(ESC_FX_FRESH, -1, "", 0);
	f[0].callee = esc_intern("lis_wrap");
	f[1] = call(0, "", "lis_decref", 0, 1);
	f[2] = call(1, "", "port_free", 0, 0);
	f[2].guard = esc_intern("refcnt");
	f[2].dec = 1;
	f[3] = call(2, "", "lis_decref", 0, 0);
	/* twice: the wrapper of a wrapper needs two rounds */
	for (int round = 0; round < 2; round++)
		n = esc_effects_close(&f, n, &cap, lookup_count, NULL);
	int fresh = 0, rel0 = 0, rel1 = 0, rel2 = 0;
	for (int i = 0; i < n; i++) {
		fresh += f[i].kind == ESC_FX_FRESH && !f[i].callee &&
			 !strcmp(f[i].path, "refcnt");
		rel0 += f[i].kind == ESC_FX_RELEASE && f[i].param == 0 &&
			!strcmp(f[i].path, "refcnt");
		rel1 += f[i].kind == ESC_FX_RELEASE && f[i].param == 1 &&
			!strcmp(f[i].path, "refcnt");
		rel2 += f[i].kind == ESC_FX_RELEASE && f[i].param == 2;
	}
	CHECK_EQ_INT(fresh, 0); /* lis_wrap's own fresh is not closed yet */
	CHECK_EQ_INT(rel0, 1);
	CHECK_EQ_INT(rel1, 1);
	CHECK_EQ_INT(rel2, 0);
	free(f);
	/* a wrapper of lis_new */
	cap = n = 1;
	f = malloc((size_t)cap * sizeof *f);
	f[0] = fx(ESC_FX_FRESH, -1, "", 0);
	f[0].callee = esc_intern("lis_new");
	n = esc_effects_close(&f, n, &cap, lookup_count, NULL);
	CHECK_EQ_INT(n, 2);
	CHECK(f[1].kind == ESC_FX_FRESH && !f[1].callee && !strcmp(f[1].path, "refcnt"));
	free(f);
	/* a flag-guarded call (not a count) releases nothing */
	cap = n = 1;
	f = malloc((size_t)cap * sizeof *f);
	f[0] = call(0, "", "port_free", 0, 0);
	f[0].guard = esc_intern("refcnt");
	n = esc_effects_close(&f, n, &cap, lookup_count, NULL);
	for (int i = 0; i < n; i++)
		CHECK(f[i].kind != ESC_FX_RELEASE);
	free(f);
}

static int undo_counted(const struct esc_effect *fx1, int n1,
			const struct esc_effect *fx2, int n2, int m, int known,
			const struct esc_effect *other, int nother)
{
	int pairs[1][2] = { { 0, m } };
	const struct esc_effect *ofx[1] = { other };
	int nofx[1] = { nother };
	struct esc_undo_call u = { "c2", 1, pairs, NULL, -1, known, other || nother ? 1 : 0,
				   ofx, nofx, NULL };
	return esc_effects_undo(fx1, n1, 1, fx2, n2, &u);
}

/* l = lis_new(cb, &x) sets l->refcnt = 1; lis_free(l) frees l where
   --l->refcnt reaches 0: undone, unless another call given l writes
   the count (lis_incref), is unknown, or the others are not known; not
   for another count, nor for an argument of the keeper */
TEST(release_by_count)
{
	struct esc_effect fresh[1] = { fx(ESC_FX_FRESH, -1, "refcnt", 0) };
	struct esc_effect fresh2[1] = { fx(ESC_FX_FRESH, -1, "users", 0) };
	struct esc_effect rel[2] = { fx(ESC_FX_CLEAR, 0, "refcnt", 0),
				     fx(ESC_FX_RELEASE, 0, "refcnt", 1) };
	struct esc_effect getfd[1] = { fx(ESC_FX_SET, 0, "fd", 0) };
	struct esc_effect incref[1] = { fx(ESC_FX_CLEAR, 0, "refcnt", 0) };
	CHECK(undo_counted(fresh, 1, rel, 2, -1, 1, NULL, 0));
	CHECK(undo_counted(fresh, 1, rel, 2, -1, 1, getfd, 1));
	CHECK(!undo_counted(fresh, 1, rel, 2, -1, 1, incref, 1));
	CHECK(!undo_counted(fresh, 1, rel, 2, -1, 1, NULL, -1));
	CHECK(!undo_counted(fresh, 1, rel, 2, -1, 0, NULL, 0));
	CHECK(!undo_counted(fresh2, 1, rel, 2, -1, 1, NULL, 0));
	CHECK(!undo_counted(fresh, 1, rel, 2, 0, 1, NULL, 0));
	CHECK(!undo_counted(NULL, 0, rel, 2, -1, 1, NULL, 0));
}

/* A call between assign(e, b) and add(e) leaves the handle
   (esc_effects_keeps_handle): assign writes e->base and e->cb (0:
   "base", "cb"), add reaches memory through e->base ("base/head"); a
   read, a scalar written (e->fd), a pointer field written that add does
   not go through (e->cb), the object given as another assign's argument
   (stored into that one's object) leave it; writing e->base (any
   value), the object itself, freeing it, or storing into it do not. */
TEST(keeps_handle)
{
	struct esc_effect assign[3] = { fx(ESC_FX_CLEAR, 0, "base", 1),
					fx(ESC_FX_CLEAR, 0, "cb", 1),
					fx(ESC_FX_CLEAR, 0, "fd", 0) };
	struct esc_effect add[2] = { fx(ESC_FX_SET, 0, "base/head", 1),
				     fx(ESC_FX_SET, 0, "next", 1) };
	struct esc_effect setfd[1] = { fx(ESC_FX_SET, 0, "fd", 0) };
	struct esc_effect setcb[1] = { fx(ESC_FX_SET, 0, "cb", 1) };
	struct esc_effect deep[1] = { fx(ESC_FX_SET, 0, "base/head", 1) };
	struct esc_effect rebase[1] = { fx(ESC_FX_SET, 0, "base", 1) };
	struct esc_effect nulled[1] = { fx(ESC_FX_SET, 0, "base", 0) };
	struct esc_effect whole[1] = { fx(ESC_FX_SET, 0, "", 0) };
	struct esc_effect freed[1] = { fx(ESC_FX_CLEAR, 0, "", 1) };
	/* assign(e2, b, .., e): stores its argument 3 into *e2 (0) */
	struct esc_effect other[1] = { fx(ESC_FX_CLEAR, 0, "arg", 1) };
	struct esc_summary_store arg_into = { 3, 0, 0, 1, 0 };
	CHECK(esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, NULL, 0, NULL, 0, 0));
	CHECK(esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, setfd, 1, NULL, 0, 0));
	CHECK(esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, setcb, 1, NULL, 0, 0));
	CHECK(esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, deep, 1, NULL, 0, 0));
	CHECK(esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, other, 1, &arg_into, 1, 3));
	/* given the object in argument 0 of that call: it is written */
	CHECK(!esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, other, 1, &arg_into, 1, 0));
	CHECK(!esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, rebase, 1, NULL, 0, 0));
	CHECK(!esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, nulled, 1, NULL, 0, 0));
	CHECK(!esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, whole, 1, NULL, 0, 0));
	CHECK(!esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, freed, 1, NULL, 0, 0));
	/* a keeper that passes e->cb on: cb is a handle field too */
	struct esc_effect addcb[1] = { fx(ESC_FX_CALL, 0, "cb", 1) };
	CHECK(!esc_effects_keeps_handle(assign, 3, 0, addcb, 1, 0, setcb, 1, NULL, 0, 0));
	/* on another parameter, the same writes leave it */
	CHECK(esc_effects_keeps_handle(assign, 3, 0, add, 2, 0, rebase, 1, NULL, 0, 1));
	CHECK(!esc_effects_keeps_handle(assign, 3, -1, add, 2, 0, NULL, 0, NULL, 0, 0));
}

int main(void)
{
	RUN(paths);
	RUN(close_through_field);
	RUN(clear_only_through_every_path);
	RUN(alt_group);
	RUN(init_end);
	RUN(reinit_is_no_undo);
	RUN(push_pop_through_the_object);
	RUN(pop_not_push);
	RUN(free_the_handle_or_result);
	RUN(unlink);
	RUN(unlink_guarded);
	RUN(unlink_guarded_bit);
	RUN(unlink_through_calls);
	RUN(unlink_skips);
	RUN(skips_through_calls);
	RUN(clears_every_field_set);
	RUN(undo_by_stores);
	RUN(close_counts);
	RUN(release_by_count);
	RUN(keeps_handle);
	esc_intern_free();
	return unit_done();
}
