#!/bin/sh
# gcc-outputs.sh OUTDIR [PLUGIN] - what the plugin says, with the compiler
# $CC (default gcc), on testsuite/cases, testsuite/dangling and the blind
# corpora (testsuite/blind, testsuite/blind-dangling), for comparing GCC
# series (make check-gcc-all): for each FILE.c, compiled at -O2 and at
# -O0 with m=1 and json=,
#
#   OUTDIR/DIR/FILE.txt   the lines the plugin adds to GCC's output at -O2: its
#                         notes and warnings, GCC's own diagnostics aside
#                         (the lines of the same compile without the
#                         plugin are taken out, and GCC's "In function"
#                         and "At top level" lines)
#   OUTDIR/DIR/FILE.json  its report, without the "gcc" version member,
#                         the tree's path written ROOT
#   OUTDIR/DIR/FILE.O0.txt, FILE.O0.json  the same at -O0
#
# The flows are compared in the reports, where each is whole (m=2's text
# prints a flow's steps only until one was printed before).
#
# Run from anywhere; file names are relative to the tree's root, so that
# two trees' outputs compare with diff -r.  A first line "// args: ..." of
# a file adds its arguments, as in run-tests.sh.  Ends with "N files at -O2
# and -O0"; exits 1 if a compile failed.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: gcc-outputs.sh OUTDIR [PLUGIN]}
plugin=${2:-$root/plugin/escape.so}
CC=${CC:-gcc}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
cd "$root" || exit 2
rm -rf "$out"
n=0 bad=0

# outputs FILE LEVEL D: FILE's outputs at -OLEVEL into D.txt and D.json
outputs() {
	# the file's "// args:": the compiler's for both runs, the plugin's
	# (-fplugin-arg-escape-*) only after -fplugin, where GCC wants them
	args= pargs=
	for a in $(sed -n '1s|^// args: *||p' "$1"); do
		case $a in
		-fplugin-arg-escape-*) pargs="$pargs $a" ;;
		*) args="$args $a" ;;
		esac
	done
	# shellcheck disable=SC2086
	$CC -O"$2" -c "$1" -o /dev/null -pthread -fdiagnostics-plain-output \
		$args >"$3.plain" 2>&1
	# shellcheck disable=SC2086
	if ! $CC -O"$2" -c "$1" -o /dev/null -pthread -fdiagnostics-plain-output \
		$args -fplugin="$plugin" $pargs -fplugin-arg-escape-m=1 \
		-fplugin-arg-escape-json="$3.report" >"$3.all" 2>&1; then
		echo "gcc-outputs: $CC failed on $1 at -O$2:" >&2
		cat "$3.all" >&2
		bad=$((bad + 1))
	fi
	# the plugin's lines: those of the plugin's run that the plain run
	# does not have, in their order
	# (without GCC's "In function" and "At top level" lines: which of
	# them GCC prints before the plugin's first note differs by series)
	awk 'FILENAME == ARGV[1] { plain[$0]++; next } plain[$0]-- > 0 { next }
	     /: (In function .*|At top level):$/ { next } { print }' \
		"$3.plain" "$3.all" >"$3.txt"
	python3 -c '
import json, sys
with open(sys.argv[1]) as f:
    r = json.load(f)
r.pop("gcc", None)
text = json.dumps(r, indent=1, sort_keys=True).replace(sys.argv[3], "ROOT")
with open(sys.argv[2], "w") as f:
    f.write(text + "\n")
' "$3.report" "$3.json" "$root" 2>/dev/null || echo "no report" >"$3.json"
	rm -f "$3.plain" "$3.all" "$3.report"
}

for f in testsuite/cases/*.c testsuite/dangling/*.c testsuite/blind/*.c \
	testsuite/blind-dangling/*.c; do
	[ -f "$f" ] || continue
	mkdir -p "$(dirname "$out/$f")"
	outputs "$f" 2 "$out/${f%.c}"
	outputs "$f" 0 "$out/${f%.c}.O0"
	n=$((n + 1))
done
echo "$n files at -O2 and -O0"
[ $bad -eq 0 ]
