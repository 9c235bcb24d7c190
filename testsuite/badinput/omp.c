// args: -fopenmp
/* -fopenmp: OpenMP regions taking the address of a local.  GOMP_parallel
   (and its loop and sections forms, GOMP_teams_reg, GOMP_task,
   GOMP_target_ext as the host runs it) runs the
   region's outlined body on a team of threads and joins them all before
   it returns, so handing it the region's data is no dangling address;
   storing a local's address in a global inside the region is.  GCC's
   internal objects (.omp_data_o, .omp_data_i, .omp_copy_o, .istart0) and
   libgomp's entry points are not the user's to hear about. */
int *g;
void work(int *);

int par(void)
{
	int count = 0;
	int *pc = &count;
#pragma omp parallel
	{
#pragma omp atomic
		(*pc)++;
	}
	return count;
}

int leak(void)
{
	int x = 0;
#pragma omp parallel // may "x escapes to heap" warn "escape-global"
	g = &x; // may "x escapes to heap"
	return x;
}

int loop(int n)
{
	int sum = 0, buf[64] = { 0 };
#pragma omp parallel for schedule(dynamic) reduction(+:sum)
	for (int i = 0; i < n; i++)
		sum += buf[i & 63];
	return sum;
}

int sections(int *a) // want "a does not escape"
{
	int m = 0;
#pragma omp parallel
	{
		int pm = 0;
#pragma omp sections
		{
#pragma omp section
			m = 1;
#pragma omp section
			a[0] = 2;
		}
#pragma omp single copyprivate(pm)
		pm = 3;
#pragma omp critical (named)
		m += pm;
#pragma omp for schedule(guided) ordered
		for (int i = 0; i < 8; i++) {
#pragma omp ordered
			a[i] += m;
		}
	}
	return m;
}

void task(void)
{
	int t = 0;
#pragma omp parallel
#pragma omp single
	{
#pragma omp task shared(t)
		t++;
#pragma omp taskwait
	}
}

void nested(void)
{
	int y = 0;
#pragma omp parallel // want "y escapes to heap"
	{
#pragma omp parallel // may "y escapes to heap"
		work(&y); // may "y escapes to heap"
	}
}

void teams(void)
{
	int z = 0;
#pragma omp teams // may "z escapes to heap" warn "escape-global"
	g = &z; // may "z escapes to heap"
}
int target(void)
{
	int w = 0, buf[16] = { 0 };
#pragma omp target map(tofrom: w, buf)
	{
		w = 1;
		buf[3] = w;
	}
#pragma omp target data map(to: buf)
	{
#pragma omp target update from(buf)
	}
	return w + buf[3];
}
// never "\.omp_data"
// never "\.omp_copy"
// never "\.istart|\.iend"
// never "GOMP_[a-z_]*'? \(no body, no rule\)"
