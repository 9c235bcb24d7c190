// args: -fopenmp
/* -fopenmp: #pragma omp parallel taking the address of a local.
   GOMP_parallel runs the region on a team of threads and joins them all
   before it returns, so handing it the region's data is no dangling
   address; storing a local's address in a global inside the region is.
   GCC's internal objects (.omp_data_o, .omp_data_i) and libgomp's entry
   points are not the user's to hear about. */
int *g;

int par(void)
{
	int count = 0;
	int *pc = &count; // may "count escapes to heap"
#pragma omp parallel // may "count escapes to heap"
	{
#pragma omp atomic
		(*pc)++;
	}
	return count;
}

int leak(void)
{
	int x = 0;
#pragma omp parallel // may "x escapes to heap" may-warn "escape-global"
	g = &x; // may "x escapes to heap" warn "escape-global"
	return x;
}
// never "\.omp_data"
// never "'GOMP_parallel' \(no body, no rule\)"
