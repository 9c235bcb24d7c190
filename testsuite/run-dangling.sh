#!/usr/bin/env bash
# run-dangling.sh [PLUGIN] [CASE.c...] - the dangling-address warnings of
# testsuite/dangling/*.c, checked by the one driver (testsuite/lib; the
# directive grammar is in CONTRIBUTING.md).  Each case marks, on the line
# where a warning stands (its sink: the return, the store, the keeping
# call; the JSON report's "line"), the warnings expected there by id, and
# the ones silenced there by a comment:
#
#   g = &x; // dangle "escape-global"
#   g = &x; /* escape:ignore */ // suppressed "escape-global"
#
# Each case is compiled at -O0 and -O2 with the plugin (warnings on by
# default, no m=) and its JSON report.  Every id of a `dangle' is one check
# (that warning printed on its line at both levels); every `suppressed' is
# one (not printed, in the report with "suppressed": true); every escape
# warning of the file no directive allows is one failure; the warnings must
# be the same at both levels (one check); a compile that fails or crashes
# is a failure.  Ends with "N passed, N failed".
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/lib.sh"
esc_cases run-dangling "warnings" testsuite/dangling "$@"
