/* expr.c - evaluates the alert rules' arithmetic ("load * 2 + 1 > 5"): a
 * parse tree built in a node pool on the stack, evaluated, thrown away. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NODES 64

struct node {
	char op;		/* 0 = number, 'v' = variable, else operator */
	double value;
	struct node *lhs, *rhs;
};

struct parser {
	const char *p;
	struct node *pool;
	int used;
	double var;
	int error;
};

static struct node *new_node(struct parser *ps, char op, struct node *l, struct node *r)
{
	struct node *n;

	if (ps->used == MAX_NODES) {
		ps->error = 1;
		return NULL;
	}
	n = &ps->pool[ps->used++];
	n->op = op;
	n->value = 0;
	n->lhs = l;
	n->rhs = r;
	return n;
}

static void skip(struct parser *ps)
{
	while (isspace((unsigned char)*ps->p))
		ps->p++;
}

static struct node *parse_sum(struct parser *ps);

static struct node *parse_atom(struct parser *ps)
{
	struct node *n;
	char *end;

	skip(ps);
	if (*ps->p == '(') {
		ps->p++;
		n = parse_sum(ps);
		skip(ps);
		if (*ps->p++ != ')')
			ps->error = 1;
		return n;
	}
	if (strncmp(ps->p, "load", 4) == 0) {
		ps->p += 4;
		return new_node(ps, 'v', NULL, NULL);
	}
	n = new_node(ps, 0, NULL, NULL);
	if (!n)
		return NULL;
	n->value = strtod(ps->p, &end);
	if (end == ps->p)
		ps->error = 1;
	ps->p = end;
	return n;
}

static struct node *parse_product(struct parser *ps)
{
	struct node *n = parse_atom(ps);

	for (skip(ps); !ps->error && (*ps->p == '*' || *ps->p == '/'); skip(ps)) {
		char op = *ps->p++;
		n = new_node(ps, op, n, parse_atom(ps));
	}
	return n;
}

static struct node *parse_sum(struct parser *ps)
{
	struct node *n = parse_product(ps);

	for (skip(ps); !ps->error && (*ps->p == '+' || *ps->p == '-'); skip(ps)) {
		char op = *ps->p++;
		n = new_node(ps, op, n, parse_product(ps));
	}
	return n;
}

static double eval(const struct node *n, double var)
{
	switch (n->op) {
	case 0: return n->value;
	case 'v': return var;
	case '+': return eval(n->lhs, var) + eval(n->rhs, var);
	case '-': return eval(n->lhs, var) - eval(n->rhs, var);
	case '*': return eval(n->lhs, var) * eval(n->rhs, var);
	default: return eval(n->lhs, var) / eval(n->rhs, var);
	}
}

/* Evaluates "EXPR > NUMBER" for the given load; -1 on a syntax error. */
int rule_fires(const char *rule, double load)
{
	struct node pool[MAX_NODES];
	struct parser ps;
	struct node *root;
	double limit;
	char *end;

	memset(&ps, 0, sizeof ps);
	ps.p = rule;
	ps.pool = pool;
	ps.var = load;
	root = parse_sum(&ps);
	skip(&ps);
	if (ps.error || !root || *ps.p != '>')
		return -1;
	limit = strtod(ps.p + 1, &end);
	if (end == ps.p + 1)
		return -1;
	return eval(root, load) > limit;
}
