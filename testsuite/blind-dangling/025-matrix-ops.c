/* mat.c - small dense matrix routines for the calibration code. */
#include <math.h>
#include <stdio.h>
#include <string.h>

struct mat3 {
	double m[3][3];
};

struct stats {
	double mean, var, min, max;
};

static void mat_mul(int n, double a[n][n], double b[n][n], double out[n][n])
{
	double tmp[n][n];
	int i, j, k;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			tmp[i][j] = 0;
			for (k = 0; k < n; k++)
				tmp[i][j] += a[i][k] * b[k][j];
		}
	memcpy(out, tmp, sizeof tmp);
}

static void mat_identity(int n, double out[n][n])
{
	int i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			out[i][j] = i == j;
}

/* a^p by repeated squaring, into out. */
void mat_pow(int n, double a[n][n], unsigned p, double out[n][n])
{
	double base[n][n];
	double acc[n][n];

	memcpy(base, a, sizeof base);
	mat_identity(n, acc);
	while (p) {
		if (p & 1)
			mat_mul(n, acc, base, acc);
		mat_mul(n, base, base, base);
		p >>= 1;
	}
	memcpy(out, acc, sizeof acc);
}

struct mat3 mat3_rotation_z(double angle)
{
	struct mat3 r;
	double c = cos(angle), s = sin(angle);

	memset(&r, 0, sizeof r);
	r.m[0][0] = c;
	r.m[0][1] = -s;
	r.m[1][0] = s;
	r.m[1][1] = c;
	r.m[2][2] = 1;
	return r;
}

double mat3_det(const struct mat3 *a)
{
	const double (*m)[3] = a->m;

	return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
	       m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
	       m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

struct stats column_stats(int rows, int cols, const double data[rows][cols], int c)
{
	struct stats s = { 0, 0, INFINITY, -INFINITY };
	int i;

	for (i = 0; i < rows; i++) {
		double v = data[i][c];
		s.mean += v;
		s.min = fmin(s.min, v);
		s.max = fmax(s.max, v);
	}
	s.mean /= rows;
	for (i = 0; i < rows; i++)
		s.var += (data[i][c] - s.mean) * (data[i][c] - s.mean);
	s.var /= rows;
	return s;
}

int check_rotation(double angle)
{
	struct mat3 r = mat3_rotation_z(angle);
	double sq[3][3], id[3][3];
	int i, j;

	mat_mul(3, r.m, r.m, sq);
	mat_pow(3, r.m, 4, id);
	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++)
			if (fabs(id[i][j] - (i == j)) > 1e-9 && fabs(angle - M_PI / 2) < 1e-12)
				return -1;
	return fabs(mat3_det(&r) - 1) < 1e-9 ? 0 : -1;
}
