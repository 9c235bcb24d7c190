/* vec.c - growable arrays for the scene loader: by value, or by reference
 * for objects that must not move. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
	void *data;
	size_t len, cap, elem;
};

struct light {
	float pos[3];
	float color[3];
	float intensity;
	const char *name;
};

static int vec_reserve(struct vec *v, size_t n)
{
	void *p;
	size_t cap = v->cap ? v->cap : 8;

	if (n <= v->cap)
		return 0;
	while (cap < n)
		cap *= 2;
	p = realloc(v->data, cap * v->elem);
	if (!p)
		return -1;
	v->data = p;
	v->cap = cap;
	return 0;
}

/* Copies *item into the array. */
static int vec_push(struct vec *v, const void *item)
{
	if (vec_reserve(v, v->len + 1) < 0)
		return -1;
	memcpy((char *)v->data + v->len * v->elem, item, v->elem);
	v->len++;
	return 0;
}

/* Stores the pointer itself: the array holds `void *` elements. */
static int vec_push_ref(struct vec *v, void *item)
{
	return vec_push(v, &item);
}

void vec_init(struct vec *v, size_t elem)
{
	v->data = NULL;
	v->len = v->cap = 0;
	v->elem = elem;
}

/* lights: a vector of struct light (by value). */
int scene_add_default_lights(struct vec *lights)
{
	struct light key = { { 0, 10, 0 }, { 1, 1, 1 }, 1.0f, "key" };
	struct light fill = { { -5, 5, 5 }, { 0.8f, 0.8f, 1 }, 0.4f, "fill" };

	if (vec_push(lights, &key) < 0 || vec_push(lights, &fill) < 0)
		return -1;
	return 0;
}

/* shadow_casters: a vector of struct light * (by reference), consumed by
 * the renderer later. */
int scene_add_sun(struct vec *lights, struct vec *shadow_casters, float angle)
{
	struct light sun;

	memset(&sun, 0, sizeof sun);
	sun.pos[1] = 1000;
	sun.pos[0] = angle;
	sun.color[0] = sun.color[1] = 1;
	sun.color[2] = 0.9f;
	sun.intensity = 3;
	sun.name = "sun";
	if (vec_push(lights, &sun) < 0)
		return -1;
	return vec_push_ref(shadow_casters, &sun);
}

/* The same for lights already in the vector: their storage is the heap. */
int scene_mark_casters(struct vec *lights, struct vec *shadow_casters)
{
	size_t i;

	for (i = 0; i < lights->len; i++) {
		struct light *l = (struct light *)lights->data + i;
		if (l->intensity > 0.5f && vec_push_ref(shadow_casters, l) < 0)
			return -1;
	}
	return 0;
}

void scene_print(FILE *out, const struct vec *lights)
{
	size_t i;

	for (i = 0; i < lights->len; i++) {
		const struct light *l = (const struct light *)lights->data + i;
		fprintf(out, "%-6s at (%g,%g,%g) intensity %g\n", l->name, l->pos[0],
			l->pos[1], l->pos[2], l->intensity);
	}
}
