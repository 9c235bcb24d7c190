#!/usr/bin/env bash
# run-tests.sh [PLUGIN] [CASE.c...] - the plugin on the end-to-end cases
# (default: testsuite/cases/*.c), checked by the one driver
# (testsuite/lib: the directive grammar is in CONTRIBUTING.md).
#
# Each case is compiled at -O0 and at -O2 with the plugin at m=1 (and -w:
# GCC's own warnings and their notes are not the plugin's), plus the
# arguments of a first line "// args: ...".  Every `want "RE"' is one
# check (a note of its line whose whole message matches the ERE); every
# note of the case's file that no want or may allows is one failure; the
# notes must be the same at -O0 and -O2 (one check), and a compile that
# fails, crashes or hangs is a failure.  CC is the compiler (default gcc).
# Ends with "N passed, N failed".
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/lib.sh"
esc_cases run-tests "notes" testsuite/cases "$@"
