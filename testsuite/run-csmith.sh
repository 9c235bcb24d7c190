#!/bin/sh
# run-csmith.sh [PLUGIN] - the make check sample of `make fuzz`: 12 csmith
# programs (seeds 1..12), each compiled at -O0 and -O2 with and without
# the plugin (m=2 and json= on), then linked and run.  Fails on any
# internal compiler error, crash, compile timeout, exit-status difference,
# object difference, invalid report (JSON, schema) or difference in the
# programs' exit status or output.  Runs are limited to 2 s (--quick):
# programs slower than that without the plugin are skipped.  The full run
# is `make fuzz` (scripts/fuzz.sh, 200 programs, 10 s per run).  Set
# CSMITH_COUNT to change the number of programs.  Ends with
# "N passed, N failed" (program x level runs).
root=$(cd "$(dirname "$0")/.." && pwd)
PLUGIN=${1:-$root/plugin/escape.so}
export PLUGIN
exec "$root/scripts/fuzz.sh" --count "${CSMITH_COUNT:-12}" --quick --levels 0,2
