/* m=2: an explanation longer than its bound is cut, with a note, never
   loops or explodes. */
int *g;

void chain(void)
{
	int x = 0;
	int *p0 = &x; // flow "x escapes to heap:" "address-of x" "assign p0" "assign p1" "assign p2" ...
	int *p1 = p0;
	int *p2 = p1;
	int *p3 = p2;
	int *p4 = p3;
	int *p5 = p4;
	int *p6 = p5;
	int *p7 = p6;
	int *p8 = p7;
	int *p9 = p8;
	int *p10 = p9;
	int *p11 = p10;
	int *p12 = p11;
	int *p13 = p12;
	int *p14 = p13;
	int *p15 = p14;
	int *p16 = p15;
	int *p17 = p16;
	int *p18 = p17;
	int *p19 = p18;
	int *p20 = p19;
	int *p21 = p20;
	int *p22 = p21;
	int *p23 = p22;
	int *p24 = p23;
	int *p25 = p24;
	int *p26 = p25;
	int *p27 = p26;
	int *p28 = p27;
	int *p29 = p28;
	int *p30 = p29;
	int *p31 = p30;
	int *p32 = p31;
	int *p33 = p32;
	int *p34 = p33;
	int *p35 = p34;
	int *p36 = p35;
	int *p37 = p36;
	int *p38 = p37;
	int *p39 = p38;
	int *p40 = p39;
	g = p40;
}

/* a cycle of assignments: the flow still ends at its sink */
void cycle(int n)
{
	int x = 0;
	int *a = &x, *b = 0; // flow "x escapes to heap:" "address-of x" "assign a" "store to global g"
	while (n--) {
		b = a;
		a = b;
	}
	g = a;
}
