/*
 * graph.c - building the escape graph: locations and the edges between
 * them (see escape.h for the model).
 *
 * Locations and edges live in growable arrays; a location's incoming
 * edges form a singly linked list through esc_edge.next_in, which is all
 * the backward walks of solve.c need.  Stores through pointers are kept
 * aside until pointsto.c resolves them into edges.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

static const char *const step_names[ESC_STEP__COUNT] = {
	[ESC_STEP_ADDR] = "address-of",
	[ESC_STEP_ASSIGN] = "assign",
	[ESC_STEP_LOAD] = "load",
	[ESC_STEP_STORE_LOCAL] = "store to local",
	[ESC_STEP_STORE_PTR] = "store through pointer",
	[ESC_STEP_STORE_GLOBAL] = "store to global",
	[ESC_STEP_COPY] = "copy",
	[ESC_STEP_ARG] = "argument",
	[ESC_STEP_ARG_SUMMARY] = "argument kept by summary",
	[ESC_STEP_ARG_RULE] = "argument kept by rule",
	[ESC_STEP_ARG_UNKNOWN] = "argument of unknown function",
	[ESC_STEP_ARG_INDIRECT] = "argument of indirect call",
	[ESC_STEP_ARG_THREAD] = "thread argument",
	[ESC_STEP_CALL_RESULT] = "returned by call",
	[ESC_STEP_RETURN] = "return",
	[ESC_STEP_ASM] = "asm operand",
	[ESC_STEP_TO_INT] = "conversion to integer",
	[ESC_STEP_UNANALYSED] = "not analysed",
};

const char *esc_step_name(enum esc_step_kind kind)
{
	if ((unsigned)kind >= ESC_STEP__COUNT)
		return "?";
	return step_names[kind];
}

int esc_step_kind_by_name(const char *name)
{
	for (int k = 0; name && k < ESC_STEP__COUNT; k++)
		if (!strcmp(step_names[k], name))
			return k;
	return -1;
}

static int add_loc(struct esc_graph *g, enum esc_loc_kind kind, int func,
		   const char *name, struct esc_pos pos)
{
	ESC_GROW(g->locs, g->cap_locs, g->nlocs + 1);
	struct esc_location *l = &g->locs[g->nlocs];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->func = func;
	l->name = esc_intern(name);
	pos.file = esc_intern(pos.file);
	l->pos = pos;
	l->param_index = ESC_VARARGS - 1; /* not a parameter */
	l->in_head = -1;
	l->addr_head = -1;
	l->ptee = -1;
	return g->nlocs++;
}

struct esc_graph *esc_graph_new(void)
{
	struct esc_graph *g = esc_xcalloc(1, sizeof *g);
	struct esc_pos none = { 0 };
	add_loc(g, ESC_LOC_HEAP, -1, "{heap}", none);
	add_loc(g, ESC_LOC_UNKNOWN, -1, "{unknown}", none);
	return g;
}

void esc_graph_free(struct esc_graph *g)
{
	if (g)
		for (int i = 0; i < g->nguards; i++)
			free(g->guards[i].sure);
	if (g)
		for (int i = 0; i < g->nhangs; i++)
			free(g->hangs[i].sure);
	if (!g)
		return;
	free(g->locs);
	free(g->edges);
	free(g->stores);
	free(g->pstores);
	free(g->oranges);
	free(g->insides);
	free(g->funcs);
	free(g->floc_start);
	free(g->floc);
	free(g->out_start);
	free(g->out);
	free(g->imports);
	free(g->fimp_start);
	free(g->fimp);
	esc_param_walk_free(g);
	esc_report_walk_free(g);
	free(g->vlocs);
	free(g->vkeys);
	free(g->ckeys);
	free(g->vwhen_param);
	free(g->vwhen_at);
	free(g->vwhen_n);
	free(g->vfmt);
	free(g->vvals);
	free(g);
}

int esc_func_new(struct esc_graph *g, const char *name, struct esc_pos pos)
{
	ESC_GROW(g->funcs, g->cap_funcs, g->nfuncs + 1);
	struct esc_func_rec *f = &g->funcs[g->nfuncs];
	f->name = esc_intern(name);
	f->pos = pos;
	f->pos.file = esc_intern(pos.file);
	f->gave_up = NULL;
	f->fmt_param = -1;
	f->fmt_keep = NULL;
	f->result = add_loc(g, ESC_LOC_RESULT, g->nfuncs, "{result}", pos);
	return g->nfuncs++;
}

int esc_func_result(const struct esc_graph *g, int func)
{
	return g->funcs[func].result;
}

int esc_func_count(const struct esc_graph *g)
{
	return g->nfuncs;
}

int esc_loc_new(struct esc_graph *g, enum esc_loc_kind kind, int func,
		const char *name, struct esc_pos pos)
{
	return add_loc(g, kind, func, name, pos);
}

int esc_param_new(struct esc_graph *g, int func, int index, const char *name,
		  struct esc_pos pos, int is_pointer)
{
	int l = add_loc(g, ESC_LOC_PARAM, func, name, pos);
	g->locs[l].param_index = index;
	g->locs[l].is_pointer = is_pointer;
	if (is_pointer && index >= 0) {
		/* what it points to: the caller's memory, which outlives the
		   frame - a store into it reaches the heap, by way of this
		   location, so that summaries can tell it apart; and one
		   level down, what the pointers held there point to (the
		   caller's node pool, reached through the caller's parser) */
		int p = add_loc(g, ESC_LOC_PTEE, func, name, pos);
		int p2 = add_loc(g, ESC_LOC_PTEE, func, name, pos);
		struct esc_step why = { ESC_STEP_ASSIGN, pos, NULL, 0, NULL, 0, 0, 0, 0, 0 };
		why.pos.file = g->locs[p].pos.file;
		g->locs[p].param_index = g->locs[p2].param_index = index;
		g->locs[p2].deep = 1;
		g->locs[p].ptee = p2;
		g->locs[l].ptee = p;
		esc_graph_add_edge(g, ESC_HEAP, p, 0, why);
		esc_graph_add_edge(g, ESC_HEAP, p2, 0, why);
	}
	return l;
}

void esc_param_readonly(struct esc_graph *g, int param, int deep)
{
	if (param < 0 || param >= g->nlocs || g->locs[param].ptee < 0)
		return;
	int p = g->locs[param].ptee;
	g->locs[p].readonly = 1;
	if (deep && g->locs[p].ptee >= 0)
		g->locs[g->locs[p].ptee].readonly = 1;
}

void esc_vaarg_value(struct esc_graph *g, int loc, uintptr_t key)
{
	if (loc < 0 || loc >= g->nlocs) {
		g->vunknown = 1;
		g->vfmt_bad = 1;
		return;
	}
	ESC_GROW(g->vlocs, g->capv, g->nv + 1);
	ESC_GROW(g->vkeys, g->capvk, g->nv + 1);
	int cap = g->capvw;
	ESC_GROW(g->vwhen_param, cap, g->nv + 1);
	cap = g->capvw;
	ESC_GROW(g->vwhen_at, cap, g->nv + 1);
	ESC_GROW(g->vwhen_n, g->capvw, g->nv + 1);
	g->vwhen_param[g->nv] = -1;
	g->vwhen_at[g->nv] = g->vwhen_n[g->nv] = 0;
	g->vlocs[g->nv] = loc;
	g->vkeys[g->nv++] = key;
}

void esc_vaarg_when(struct esc_graph *g, int param, const long long *vals,
		    int n)
{
	if (!g->nv || param < 0 || n <= 0)
		return;
	ESC_GROW(g->vvals, g->capvv, g->nvvals + n);
	g->vwhen_param[g->nv - 1] = param;
	g->vwhen_at[g->nv - 1] = g->nvvals;
	g->vwhen_n[g->nv - 1] = n;
	memcpy(g->vvals + g->nvvals, vals, (size_t)n * sizeof *vals);
	g->nvvals += n;
}

static struct esc_vfmt *vfmt_new(struct esc_graph *g, int func)
{
	ESC_GROW(g->vfmt, g->capvfmt, g->nvfmt + 1);
	struct esc_vfmt *v = &g->vfmt[g->nvfmt++];
	memset(v, 0, sizeof *v);
	v->func = func;
	v->param = -1;
	v->callee = -1;
	return v;
}

void esc_vaarg_format(struct esc_graph *g, int func, int param,
		      const char *keep)
{
	struct esc_vfmt *v = vfmt_new(g, func);
	v->param = param;
	v->keep = param >= 0 ? keep : NULL;
}

void esc_vaarg_format_in(struct esc_graph *g, int func, int callee,
			 const int *params, int n)
{
	struct esc_vfmt *v = vfmt_new(g, func);
	v->callee = callee;
	for (int i = 0; i < ESC_VFMT_ARGS; i++)
		v->params[i] = i < n ? params[i] : -1;
}

void esc_func_format(struct esc_graph *g, int func, int param,
		     const char *keep)
{
	if (func >= 0 && func < g->nfuncs && param >= 0 && keep) {
		g->funcs[func].fmt_param = param;
		g->funcs[func].fmt_keep = keep;
	}
}

void esc_vaarg_callee(struct esc_graph *g, const struct esc_summary *s)
{
	if (!s || !s->vkeys_known || s->gave_up) {
		g->vunknown = 1;
		return;
	}
	for (int i = 0; i < s->nvkeys; i++) {
		ESC_GROW(g->ckeys, g->capck, g->nck + 1);
		g->ckeys[g->nck++] = s->vkeys[i];
	}
}

void esc_param_released(struct esc_graph *g, int param)
{
	if (param >= 0 && param < g->nlocs &&
	    g->locs[param].kind == ESC_LOC_PARAM)
		g->locs[param].released = 1;
}

int esc_object_new(struct esc_graph *g, enum esc_loc_kind kind,
		   enum esc_obj_kind obj, int func, const char *name,
		   struct esc_pos pos)
{
	int l = add_loc(g, kind, func, name, pos);
	g->locs[l].obj = obj;
	return l;
}

int esc_loc_count(const struct esc_graph *g)
{
	return g->nlocs;
}

enum esc_loc_kind esc_loc_kind(const struct esc_graph *g, int loc)
{
	return g->locs[loc].kind;
}

int esc_is_object(const struct esc_graph *g, int loc)
{
	enum esc_loc_kind k = g->locs[loc].kind;
	return k == ESC_LOC_STACK || k == ESC_LOC_ALLOC;
}

const int *esc_func_locs(const struct esc_graph *g, int func, int *n)
{
	/* made on first use, again when locations were added since: a
	   counting sort of the locations by function (the cache is not
	   part of the graph's value, hence the cast) */
	struct esc_graph *m = (struct esc_graph *)g;
	if (!m->floc_start || m->floc_nlocs != g->nlocs) {
		free(m->floc_start);
		free(m->floc);
		m->floc_start = esc_xcalloc((size_t)g->nfuncs + 2,
					    sizeof *m->floc_start);
		m->floc = esc_xmalloc(((size_t)g->nlocs + 1) * sizeof *m->floc);
		for (int l = 0; l < g->nlocs; l++)
			if (g->locs[l].func >= 0 && g->locs[l].func < g->nfuncs)
				m->floc_start[g->locs[l].func + 2]++;
		for (int f = 0; f < g->nfuncs; f++)
			m->floc_start[f + 2] += m->floc_start[f + 1];
		for (int l = 0; l < g->nlocs; l++)
			if (g->locs[l].func >= 0 && g->locs[l].func < g->nfuncs)
				m->floc[m->floc_start[g->locs[l].func + 1]++] = l;
		m->floc_nlocs = g->nlocs;
	}
	if (func < 0 || func >= g->nfuncs) {
		*n = 0;
		return m->floc;
	}
	*n = m->floc_start[func + 1] - m->floc_start[func];
	return m->floc + m->floc_start[func];
}

const int *esc_func_imports(const struct esc_graph *g, int func, int *n)
{
	/* as esc_func_locs: a counting sort, made on first use and again
	   when the imports changed (the cache is not the graph's value) */
	struct esc_graph *m = (struct esc_graph *)g;
	if (!m->fimp_start || m->fimp_n != g->nimports) {
		free(m->fimp_start);
		free(m->fimp);
		m->fimp_start = esc_xcalloc((size_t)g->nfuncs + 2,
					    sizeof *m->fimp_start);
		m->fimp = esc_xmalloc(((size_t)g->nimports + 1) * sizeof *m->fimp);
		for (int k = 0; k < g->nimports; k++) {
			int f = g->locs[g->imports[k].loc].func;
			if (f >= 0 && f < g->nfuncs)
				m->fimp_start[f + 2]++;
		}
		for (int f = 0; f < g->nfuncs; f++)
			m->fimp_start[f + 2] += m->fimp_start[f + 1];
		for (int k = 0; k < g->nimports; k++) {
			int f = g->locs[g->imports[k].loc].func;
			if (f >= 0 && f < g->nfuncs)
				m->fimp[m->fimp_start[f + 1]++] = k;
		}
		m->fimp_n = g->nimports;
	}
	if (func < 0 || func >= g->nfuncs) {
		*n = 0;
		return m->fimp;
	}
	*n = m->fimp_start[func + 1] - m->fimp_start[func];
	return m->fimp + m->fimp_start[func];
}

const int *esc_out_edges_made(const struct esc_graph *g, int l, int *n)
{
	/* made on first use, again when edges were added since (a cache,
	   as esc_func_locs's; esc_out_edges, graph.h, reads it when it is
	   up to date) */
	struct esc_graph *m = (struct esc_graph *)g;
	if (!m->out_start || m->out_nedges != g->nedges ||
	    m->out_nlocs != g->nlocs) {
		free(m->out_start);
		free(m->out);
		m->out_start = esc_xcalloc((size_t)g->nlocs + 2,
					   sizeof *m->out_start);
		m->out = esc_xmalloc(((size_t)g->nedges + 1) * sizeof *m->out);
		for (int e = 0; e < g->nedges; e++)
			m->out_start[g->edges[e].src + 2]++;
		for (int i = 0; i < g->nlocs; i++)
			m->out_start[i + 2] += m->out_start[i + 1];
		for (int e = 0; e < g->nedges; e++)
			m->out[m->out_start[g->edges[e].src + 1]++] = e;
		m->out_nedges = g->nedges;
		m->out_nlocs = g->nlocs;
	}
	*n = m->out_start[l + 1] - m->out_start[l];
	return m->out + m->out_start[l];
}

static int valid(const struct esc_graph *g, int loc)
{
	return loc >= 0 && loc < g->nlocs;
}

int esc_graph_add_edge(struct esc_graph *g, int dst, int src, int derefs,
		       struct esc_step why)
{
	ESC_GROW(g->edges, g->cap_edges, g->nedges + 1);
	struct esc_edge *e = &g->edges[g->nedges];
	e->src = src;
	e->dst = dst;
	e->derefs = derefs > ESC_MAX_DEREFS ? ESC_MAX_DEREFS : derefs;
	why.pos.file = esc_intern(why.pos.file);
	why.what = esc_intern(why.what);
	e->why = why;
	e->stale = e->fwd = 0;
	e->fkind = e->fpres = e->viaptr = e->felem = 0;
	e->inside = 0;
	e->foff = e->fsize = 0;
	e->next_in = g->locs[dst].in_head;
	g->locs[dst].in_head = g->nedges;
	e->next_addr = -1;
	if (derefs < 0) {
		g->locs[src].addr_taken = 1;
		e->next_addr = g->locs[src].addr_head;
		g->locs[src].addr_head = g->nedges;
	}
	return g->nedges++;
}

void esc_edge(struct esc_graph *g, int dst, int src, int derefs,
	      struct esc_step why)
{
	/* Nothing flows into the unknown, and a value from the unknown
	   reaching the heap tells nothing. */
	if (!valid(g, dst) || !valid(g, src) || dst == ESC_UNKNOWN)
		return;
	if (derefs < -1)
		derefs = -1;
	if (dst == src && derefs >= 0)
		return; /* x = x, x = *x: no new flow for a backward walk */
	esc_graph_add_edge(g, dst, src, derefs, why);
}

void esc_edge_stale(struct esc_graph *g, int dst, int src, int derefs,
		    struct esc_step why)
{
	int n = g->nedges;
	esc_edge(g, dst, src, derefs, why);
	if (g->nedges > n)
		g->edges[n].stale = 1;
}

void esc_edge_fwd(struct esc_graph *g, int dst, int src, int derefs,
		  struct esc_step why)
{
	if (!valid(g, dst) || !valid(g, src) || dst == ESC_UNKNOWN ||
	    src == ESC_UNKNOWN || (dst == src && derefs >= 0))
		return;
	if (derefs < -1)
		derefs = -1;
	ESC_GROW(g->edges, g->cap_edges, g->nedges + 1);
	struct esc_edge *e = &g->edges[g->nedges];
	e->src = src;
	e->dst = dst;
	e->derefs = derefs > ESC_MAX_DEREFS ? ESC_MAX_DEREFS : derefs;
	why.pos.file = esc_intern(why.pos.file);
	why.what = esc_intern(why.what);
	e->why = why;
	e->stale = 0;
	e->fwd = 1;
	e->fkind = e->fpres = e->viaptr = e->felem = 0;
	e->inside = 0;
	e->foff = e->fsize = 0;
	e->next_in = e->next_addr = -1;
	g->nedges++;
}

int esc_edge_count(const struct esc_graph *g)
{
	return g->nedges;
}

void esc_edge_field(struct esc_graph *g, int edge, int kind, int off,
		    int size, int pres)
{
	if (edge < 0 || edge >= g->nedges)
		return;
	struct esc_edge *e = &g->edges[edge];
	e->fkind = (unsigned char)(kind == ESC_FIELD_READ || kind == ESC_FIELD_WRITE
				   ? kind : 0);
	e->foff = off > 0 ? off : 0;
	e->fsize = size > 0 && off >= 0 ? size : 0;
	e->fpres = pres ? 1 : 0;
}

/* The handle of array field [off, off + size) of elements of elem
   bytes, 0 when there are too many. */
static int inside_new(struct esc_graph *g, int off, int size, int elem)
{
	if (off < 0 || size <= 0 || elem <= 0 || size < elem)
		return 0;
	for (int i = g->ninsides - 1; i >= 0 && i >= g->ninsides - 8; i--)
		if (g->insides[i].off == off && g->insides[i].size == size &&
		    g->insides[i].elem == elem)
			return i + 1;
	if (g->ninsides >= 0xffff)
		return 0;
	ESC_GROW(g->insides, g->cap_insides, g->ninsides + 1);
	struct esc_inside *in = &g->insides[g->ninsides++];
	in->off = off;
	in->size = size;
	in->elem = elem;
	return g->ninsides;
}

void esc_edge_inside(struct esc_graph *g, int edge, int off, int size,
		     int elem, int felem)
{
	if (edge < 0 || edge >= g->nedges)
		return;
	struct esc_edge *e = &g->edges[edge];
	e->inside = (unsigned short)inside_new(g, off, size, elem);
	e->felem = (unsigned char)(felem <= 0 ? 0 : felem > 255 ? 255 : felem);
}

void esc_store_inside(struct esc_graph *g, int store, int off, int size,
		      int elem)
{
	if (store < 0 || store >= g->nstores)
		return;
	g->stores[store].inside = inside_new(g, off, size, elem);
}

int esc_store_count(const struct esc_graph *g)
{
	return g->nstores;
}

void esc_store_field(struct esc_graph *g, int store, int off, int size)
{
	if (store < 0 || store >= g->nstores || off < 0 || size <= 0)
		return;
	g->stores[store].foff = off;
	g->stores[store].fsize = size;
}

void esc_store(struct esc_graph *g, int ptr, int src, int derefs,
	       struct esc_step why)
{
	if (!valid(g, ptr) || !valid(g, src))
		return;
	if (derefs < -1)
		derefs = -1;
	if (derefs < 0)
		g->locs[src].addr_taken = 1;
	ESC_GROW(g->stores, g->cap_stores, g->nstores + 1);
	struct esc_store_rec *s = &g->stores[g->nstores++];
	s->ptr = ptr;
	s->src = src;
	s->derefs = derefs;
	s->foff = s->fsize = 0;
	s->inside = 0;
	why.pos.file = esc_intern(why.pos.file);
	why.what = esc_intern(why.what);
	s->why = why;
}

void esc_address_taken(struct esc_graph *g, int loc)
{
	if (valid(g, loc))
		g->locs[loc].addr_taken = 1;
}

void esc_func_give_up(struct esc_graph *g, int func, const char *why)
{
	if (func >= 0 && func < g->nfuncs && !g->funcs[func].gave_up)
		g->funcs[func].gave_up = esc_intern(why ? why : "not analysed");
}

int esc_graph_guard(struct esc_graph *g, int param, uint64_t mask)
{
	for (int i = 0; i < g->nguards; i++)
		if (g->guards[i].param == param && g->guards[i].mask == mask)
			return i + 1;
	int nparam = 0;
	for (int i = 0; i < g->nguards; i++)
		nparam += !g->guards[i].global;
	if (nparam == ESC_MAX_GUARDS / 2 || !valid(g, param) ||
	    g->locs[param].kind != ESC_LOC_PARAM)
		return 0;
	g->guards[g->nguards].param = param;
	g->guards[g->nguards].global = NULL;
	g->guards[g->nguards].mask = mask;
	g->guards[g->nguards].sure = NULL;
	g->guards[g->nguards].parent = 0;
	return ++g->nguards;
}

int esc_graph_guard_global(struct esc_graph *g, const char *global, uint64_t mask)
{
	if (!global || !*global)
		return 0;
	global = esc_intern(global);
	for (int i = 0; i < g->nguards; i++)
		if (g->guards[i].global == global && g->guards[i].mask == mask)
			return i + 1;
	int nglobal = 0;
	for (int i = 0; i < g->nguards; i++)
		nglobal += g->guards[i].global != NULL;
	if (nglobal == ESC_MAX_GUARDS / 2)
		return 0;
	g->guards[g->nguards].param = -1;
	g->guards[g->nguards].global = global;
	g->guards[g->nguards].mask = mask;
	g->guards[g->nguards].sure = NULL;
	g->guards[g->nguards].parent = 0;
	return ++g->nguards;
}

int esc_graph_hang(struct esc_graph *g, int param, int off)
{
	for (int i = 0; i < g->nhangs; i++)
		if (g->hangs[i].param == param && g->hangs[i].off == off)
			return i + 1;
	if (g->nhangs == ESC_MAX_HANGS || !valid(g, param) || off < 0 ||
	    g->locs[param].kind != ESC_LOC_PARAM)
		return 0;
	g->hangs[g->nhangs].param = param;
	g->hangs[g->nhangs].off = off;
	g->hangs[g->nhangs].sure = NULL;
	return ++g->nhangs;
}

void esc_graph_guard_parent(struct esc_graph *g, int id, int parent)
{
	if (id < 1 || id > g->nguards)
		return;
	struct esc_gguard *gg = &g->guards[id - 1];
	/* parent: 0 not said yet, -1 none (or tests inside different
	   guards, or a cycle) */
	int want = parent > 0 && parent <= g->nguards && parent != id ? parent : -1;
	for (int p = want, k = 0; p > 0; p = g->guards[p - 1].parent, k++)
		if (p == id || k == ESC_MAX_GUARDS) {
			want = -1;
			break;
		}
	if (!gg->parent)
		gg->parent = want;
	else if (gg->parent != want)
		gg->parent = -1;
}

int esc_guarded_by(const struct esc_graph *g, int step, int id)
{
	for (int k = 0; step > 0 && step <= g->nguards && k <= ESC_MAX_GUARDS; k++) {
		if (step == id)
			return 1;
		step = g->guards[step - 1].parent;
	}
	return 0;
}
