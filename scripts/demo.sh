#!/bin/sh
# demo.sh - the first command of the README: installs what the build
# needs (as root; otherwise says what to run), builds escape.so, and runs
# it on examples/demo.c, printing its notes (m=2) and its JSON report.
set -eu
cd "$(dirname "$0")/.."
CC=${CC:-gcc}
scripts/deps.sh "$CC"
make -s CC="$CC"
out=${TMPDIR:-/tmp}/escape-demo.json
echo "\$ $CC -c examples/demo.c -fplugin=plugin/escape.so -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=$out"
"$CC" -c examples/demo.c -o /dev/null -pthread -fplugin=plugin/escape.so \
	-fplugin-arg-escape-m=2 -fplugin-arg-escape-json="$out" \
	-fdiagnostics-plain-output
echo
echo "\$ cat $out"
cat "$out"
