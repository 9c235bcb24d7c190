/*
 * rules-index.c - writes the index of the rules files the plugin loads
 * (plugin/rules.c, "The index"), so that a compile parses only the rules
 * its calls look up.  `make' runs it on rules/ into plugin/escape-rules.idx,
 * which `make install' puts beside escape.so.
 *
 *   rules-index PATH OUT    PATH: a rules file or directory
 *
 * A bad rules file is the error the plugin would give for it, and no
 * index is written.
 */
#include "escape.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	char err[1024];

	if (argc != 3) {
		fprintf(stderr, "usage: rules-index PATH OUT\n");
		return 2;
	}
	if (esc_rules_write_index(argv[1], argv[2], err, sizeof err)) {
		fprintf(stderr, "rules-index: %s\n", err);
		return 1;
	}
	return 0;
}
