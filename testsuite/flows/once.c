/* m=2: a flow is shown once per object and sink, however many paths or
   call sites lead there. */
void registry_add(int key, void *p);
int *g;

static void keep(int *p)
{
	g = p;
}

void sites(int c)
{
	int x = 0;
	int *p = &x; // flow "x escapes to heap:" "address-of x" "assign p" "argument 2 of registry_add \(no body, no rule\)"
	if (c)
		registry_add(1, p);
	else
		registry_add(2, p);
	keep(&x); // flow "x escapes to heap:" "address-of x" "argument 1 of keep \(kept by its body\)"
	keep(&x); // want@m2 "x escapes to heap: argument 1 of keep \(kept by its body\), as explained at line 19"
	g = &x; // flow "x escapes to heap:" "address-of x" "store to global g"
	g = &x; // want@m2 "x escapes to heap: store to global g, as explained at line 21"
}

/* another object, the same sink: its own flow */
void two_objects(void)
{
	int a = 0, b = 0;
	keep(&a); // flow "a escapes to heap:" "address-of a" "argument 1 of keep \(kept by its body\)"
	keep(&b); // flow "b escapes to heap:" "address-of b" "argument 1 of keep \(kept by its body\)"
}

/* a parameter's own flow */
int *id(int *arg) // flow "leaking param: arg to result level=0" "return"
{
	return arg;
}
