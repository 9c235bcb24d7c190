#!/usr/bin/env bash
# run-flows.sh [PLUGIN] [CASE.c...] - the m=2 flow explanations of
# testsuite/flows/*.c, checked by the one driver (testsuite/lib; the
# directive grammar is in CONTRIBUTING.md).  Expectations sit on the line
# of the escape or leak:
#
#   int *p = &x; // flow "x escapes to heap:" "address-of x" "assign p" "16: store to global g"
#   keep(&x);    // want@m2 "x escapes to heap: argument 1 of keep .*, as explained at line 19"
#
# `flow': the first "..." matches the whole message of a note of the line,
# the others, in order, the whole text of each of its steps (after
# "flow: "), optionally prefixed by "LINE: ", the step's line; a last ...
# says the list is a prefix and the explanation ends with the note that it
# was cut.  `want@m2': a note of the line at m=2, with no steps.  Each is
# one check, at -O0 and -O2.  Besides, one check each: the notes with their
# steps are the same at both levels; at each level no step repeats the one
# before it, a note ending in ':' has steps, and an object's flows end at
# different sinks (once per function, object and sink).  Ends with
# "N passed, N failed".
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/lib.sh"
esc_cases run-flows "" testsuite/flows "$@"
