/*
 * notes.cc - findings -> GCC notes, in Go's words (-gcflags=-m).
 *
 *   m=1   x escapes to heap            at each site its address escapes
 *         leaking param: p             p reaches the heap
 *         leaking param content: p     what p points to does
 *         leaking param: p to result level=N
 *         p does not escape
 *         malloc(...) escapes to heap / malloc(...) does not escape
 *   m=2   each escape and leak followed by its flow, one note a step, at
 *         the step's own position, indented as Go indents them.
 *
 * As in Go, a leak to the result is not mentioned when the heap leak is
 * at least as strong.  Nothing is said inside system headers.
 */
#include "adapter.h"

#include "diagnostic-core.h"
#include "intl.h"

static bool quiet_at(struct esc_pos p)
{
	return p.loc == UNKNOWN_LOCATION || in_system_header_at((location_t)p.loc);
}

static void flow_notes(const struct esc_flow *f)
{
	for (int i = 0; i < f->nsteps; i++) {
		const struct esc_step *s = &f->steps[i];
		location_t at = (location_t)s->pos.loc;
		const char *kind = esc_step_name(s->kind);
		if (s->what && s->arg)
			inform(at, "  flow: %s %s (argument %d)", kind, s->what,
			       s->arg);
		else if (s->what)
			inform(at, "  flow: %s %s", kind, s->what);
		else if (s->arg)
			inform(at, "  flow: %s (argument %d)", kind, s->arg);
		else
			inform(at, "  flow: %s", kind);
	}
	if (f->truncated && f->nsteps)
		inform((location_t)f->steps[f->nsteps - 1].pos.loc,
		       "  flow: (explanation cut here)");
}

static void param_notes(const struct esc_param_report *p, int level)
{
	location_t at = (location_t)p->pos.loc;
	int h = p->leaks_to_heap, r = p->leaks_to_result;
	bool said = false;

	if (!p->name || quiet_at(p->pos))
		return;
	if (h == 0 || h > 0) {
		if (h == 0)
			inform(at, "leaking param: %s", p->name);
		else
			inform(at, "leaking param content: %s", p->name);
		if (level >= 2)
			flow_notes(&p->heap_flow);
		said = true;
	}
	if (r >= 0 && !(h >= 0 && h <= r)) {
		inform(at, "leaking param: %s to result level=%d", p->name, r);
		if (level >= 2)
			flow_notes(&p->result_flow);
		said = true;
	}
	if (!said)
		inform(at, "%s does not escape", p->name);
}

void esc_emit_notes(const struct esc_func_report *r, int level)
{
	if (level < 1 || quiet_at(r->pos))
		return;
	if (r->gave_up)
		inform((location_t)r->pos.loc,
		       "%s not analysed (%s): its objects are taken to escape",
		       r->name, r->gave_up);
	for (int i = 0; i < r->nparams; i++)
		param_notes(&r->params[i], level);

	/* locals and allocations, in source order */
	int li = 0, ai = 0;
	while (li < r->nlocals || ai < r->nallocs) {
		bool take_local = ai >= r->nallocs ||
			(li < r->nlocals &&
			 (r->locals[li].pos.line < r->allocs[ai].pos.line ||
			  (r->locals[li].pos.line == r->allocs[ai].pos.line &&
			   r->locals[li].pos.col <= r->allocs[ai].pos.col)));
		if (take_local) {
			const struct esc_local_report *l = &r->locals[li++];
			if (!l->escapes)
				continue;
			if (!l->nsites && !quiet_at(l->pos))
				inform((location_t)l->pos.loc,
				       "%s escapes to heap", l->name);
			for (int s = 0; s < l->nsites; s++) {
				if (quiet_at(l->sites[s].pos))
					continue;
				inform((location_t)l->sites[s].pos.loc,
				       level >= 2 ? "%s escapes to heap:"
						  : "%s escapes to heap",
				       l->name);
				if (level >= 2)
					flow_notes(&l->sites[s].flow);
			}
		} else {
			const struct esc_alloc_report *a = &r->allocs[ai++];
			if (quiet_at(a->pos))
				continue;
			char name[256];
			snprintf(name, sizeof name, "%s(...)", a->callee);
			if (a->escapes) {
				inform((location_t)a->pos.loc,
				       level >= 2 ? "%s escapes to heap:"
						  : "%s escapes to heap", name);
				if (level >= 2)
					flow_notes(&a->flow);
			} else {
				inform((location_t)a->pos.loc,
				       "%s does not escape", name);
			}
		}
	}
}
