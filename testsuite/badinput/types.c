/* _Complex, vector types, __int128: locals of these types whose address
   escapes, and pointer parameters to them that do not. */
void *gp;
void sink(void *);
typedef int v4si __attribute__((vector_size(16)));

_Complex double cplx(_Complex double *z) // want "z does not escape"
{
	_Complex double w = *z;
	gp = &w; // want "w escapes to heap" warn "escape-global"
	return w * 2;
}

double cplx_parts(_Complex double c)
{
	double *re = &__real__ c;
	return *re + __imag__ c;
}

v4si vec(v4si *a) // want "a does not escape"
{
	v4si b = *a + 1;
	sink(&b); // want "b escapes to heap" linked "escape-unknown"
	return b;
}

__int128 i128(__int128 *p) // want "p does not escape"
{
	__int128 q = *p;
	gp = &q; // want "q escapes to heap" warn "escape-global"
	return q;
}

unsigned __int128 i128_stays(unsigned __int128 x)
{
	unsigned __int128 *px = &x;
	return *px * 3;
}
