/* geom.c - 2-D helpers of the layout engine. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>

struct vec {
	double x, y;
};

struct rect {
	struct vec origin;
	struct vec size;
};

static struct vec vec_add(struct vec a, struct vec b)
{
	return (struct vec){ a.x + b.x, a.y + b.y };
}

static struct vec vec_scale(struct vec a, double k)
{
	return (struct vec){ a.x * k, a.y * k };
}

static double vec_len(const struct vec *v)
{
	return sqrt(v->x * v->x + v->y * v->y);
}

/* Centre of r, as a pointer for the old callers that want one. */
const struct vec *rect_center(const struct rect *r)
{
	return &(struct vec){ r->origin.x + r->size.x / 2,
			      r->origin.y + r->size.y / 2 };
}

struct vec rect_center_value(const struct rect *r)
{
	return vec_add(r->origin, vec_scale(r->size, 0.5));
}

static int rect_contains(const struct rect *r, const struct vec *p)
{
	return p->x >= r->origin.x && p->y >= r->origin.y &&
	       p->x < r->origin.x + r->size.x && p->y < r->origin.y + r->size.y;
}

int rect_hit(const struct rect *r, double x, double y)
{
	return rect_contains(r, &(struct vec){ x, y });
}

double rect_diagonal(const struct rect *r)
{
	return vec_len(&r->size);
}

struct rect rect_union(const struct rect *a, const struct rect *b)
{
	double x0 = fmin(a->origin.x, b->origin.x);
	double y0 = fmin(a->origin.y, b->origin.y);
	double x1 = fmax(a->origin.x + a->size.x, b->origin.x + b->size.x);
	double y1 = fmax(a->origin.y + a->size.y, b->origin.y + b->size.y);

	return (struct rect){ { x0, y0 }, { x1 - x0, y1 - y0 } };
}

/* Index of the rect whose centre is nearest to (x, y), or -1. */
int rect_nearest(const struct rect *rs, size_t n, double x, double y)
{
	double best = INFINITY;
	int found = -1;
	size_t i;

	for (i = 0; i < n; i++) {
		struct vec c = rect_center_value(&rs[i]);
		struct vec d = { c.x - x, c.y - y };
		double len = vec_len(&d);

		if (len < best) {
			best = len;
			found = (int)i;
		}
	}
	return found;
}

void rect_print(FILE *out, const struct rect *r)
{
	const struct vec c = rect_center_value(r);

	fprintf(out, "rect (%g,%g) %gx%g centre (%g,%g) diag %g\n", r->origin.x,
		r->origin.y, r->size.x, r->size.y, c.x, c.y, rect_diagonal(r));
}
