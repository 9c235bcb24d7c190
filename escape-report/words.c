#include "escape-report.h"

/* ------------------------------------------------------------------ */
/* Words                                                               */

/* A step as the plugin prints it (the core's words): "store to global g",
   "argument 2 of f (no body, no rule)", "static chain of stash".  A kind
   this version does not know (a newer report) is shown as it is named. */
char *step_text(const struct step *s)
{
	int kind = esc_step_kind_by_name(s->kind);
	struct esc_step st;
	char buf[512];

	if (kind < 0)
		return s->what ? xasprintf("%s %s", s->kind, s->what) : xstrdup(s->kind);
	memset(&st, 0, sizeof st);
	st.kind = (enum esc_step_kind)kind;
	st.what = s->what;
	st.arg = s->arg;
	esc_step_text(&st, buf, sizeof buf);
	return xstrdup(buf);
}

/* What a flow ends in, "" when it has no step. */
char *sink_text(const struct flow *f)
{
	return f->n ? step_text(&f->steps[f->n - 1]) : xstrdup("");
}

/* The message of a finding (warnings: GCC's text). */
char *finding_message(const struct finding *x)
{
	char *sink = sink_text(&x->flow), *m;

	switch (x->kind) {
	case K_WARNING:
		free(sink);
		return xstrdup(x->message);
	case K_ESCAPE:
	case K_ALLOC:
		m = xasprintf("%s%s escapes to heap%s%s", x->object,
			      x->kind == K_ALLOC ? "(...)" : "", *sink ? ": " : "", sink);
		break;
	case K_LEAK:
		m = xasprintf("leaking param%s: %s%s%s", x->derefs > 0 ? " content" : "",
			      x->object, *sink ? ": " : "", sink);
		break;
	default:
		m = xasprintf("leaking param: %s to result level=%d", x->object, x->derefs);
		break;
	}
	free(sink);
	return m;
}

