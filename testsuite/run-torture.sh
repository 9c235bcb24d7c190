#!/bin/sh
# run-torture.sh [PLUGIN] - the CI sample of `make torture`: 300 files of
# GCC's own C test suite, spread evenly over it, each compiled at -O0 and
# -O2 with and without the plugin (m=2 and json= on).  Fails on any internal
# compiler error, crash, exit-status difference, object difference or
# invalid report.  The full run is `make torture` (scripts/torture.sh).
# Set TORTURE_SAMPLE to change the number of files.  Ends with
# "N passed, N failed" (file x level runs).
root=$(cd "$(dirname "$0")/.." && pwd)
PLUGIN=${1:-$root/plugin/escape.so}
export PLUGIN
exec "$root/scripts/torture.sh" --sample "${TORTURE_SAMPLE:-300}" --levels 0,2
