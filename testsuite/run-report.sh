#!/bin/bash
# run-report.sh [PLUGIN] - tests of escape-report (escape-report/, built as
# build/escape-report).
#
# Builds build/escape-report when it is missing or older than its source
# (and checks that the source builds without a warning), compiles the
# fixtures of testsuite/report/ with the plugin into a json=DIR/ (from a
# directory of their own, with ../ paths, as a build would), and checks,
# each check one counted test:
#   - the summary's numbers, tables and unknown callees against what the
#     reports contain (computed independently by testsuite/report/check.py)
#   - SARIF (default and --all) against the official SARIF 2.1.0 schema
#     (testsuite/report/sarif-schema-2.1.0.json, see its .README) and
#     against the reports: results, rules, locations relative to --root,
#     flows, suppressions, fingerprints; --root default and outside files
#   - fingerprints unchanged when lines are inserted above the findings
#   - --baseline: exit 0 on the old findings moved, exit 1 and the new one
#     listed for a new bug, a new sink of a known object, a new object
#     with a known sink; a new suppressed warning is not new
#   - --diagnostics: merged per file URI, each diagnostic once
#   - -o writes whole files (and leaves none on error)
#   - every bad input or usage: exit 2 and a message naming it
# Uses python3 with jsonschema.  Runs from any directory.  Ends with
# "N passed, N failed"; exits 1 if a test failed, 2 if it cannot run.
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
CC=${CC:-gcc} # the compiler
case $plugin in /*) ;; *) plugin=$PWD/$plugin ;; esac
tool=$root/build/escape-report
src=$root/escape-report
fix=$root/testsuite/report
schema=$fix/sarif-schema-2.1.0.json
if [ ! -f "$plugin" ]; then
	echo "run-report.sh: no plugin at $plugin (run make first)" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-report.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

# t NAME COMMAND...: one test; it passes when COMMAND succeeds, and what
# COMMAND printed is shown when it fails.
t() {
	local name=$1
	shift
	if "$@" >"$tmp/why" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		sed 's/^/     /' "$tmp/why" | head -n 25
	fi
}
check() { python3 "$fix/check.py" "$@"; }

# --- the tool ---------------------------------------------------------
builds_clean() {
	"$CC" -std=c99 -O2 -Wall -Wextra -fsyntax-only "$src"/*.c 2>"$tmp/cc.err" &&
		[ ! -s "$tmp/cc.err" ]
	local rc=$?
	cat "$tmp/cc.err"
	return $rc
}
t "escape-report/*.c build with -std=c99 -Wall -Wextra, no warning" builds_clean
if ! make -s -C "$root" CC="$CC" build/escape-report >"$tmp/make.out" 2>&1; then
	cat "$tmp/make.out"
	echo "run-report.sh: cannot build $tool"
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
fi
R() { "$tool" "$@"; }

# --- the reports -------------------------------------------------------
# compile SRCDIR JSONDIR: every fixture of SRCDIR, from SRCDIR/obj
compile() {
	mkdir -p "$1/obj" "$2" &&
		(cd "$1/obj" && for f in ../*.c; do
			"$CC" -c "$f" -o /dev/null -pthread -fplugin="$plugin" \
				-fplugin-arg-escape-json="$2/" 2>>"$2.log" || exit 1
		done) && [ "$(ls "$2"/*.json | wc -l)" -eq "$(ls "$1"/*.c | wc -l)" ]
}
fresh_copy() { # DIR: the fixtures, copied into DIR
	mkdir -p "$1" && cp "$fix"/*.c "$fix"/*.h "$1/"
}
s=$tmp/src
fresh_copy "$s"
t "the fixtures compile into one report each (json=DIR/)" compile "$s" "$tmp/json"
cd "$tmp" || exit 2

# --- summary ------------------------------------------------------------
summary_matches() { # ARGS...: the summary with these options matches the reports
	R "$@" --root "$s" "$tmp/json" >"$tmp/summary.txt" || return 1
	check summary "$tmp/summary.txt" "$tmp/json" "$s/obj" "$s"
}
t "summary: totals, tables and unknown callees match the reports (--top 0)" summary_matches --top 0
t "summary: the same with the default --top" summary_matches
top_rows() {
	R --top 2 --root "$s" "$tmp/json" >"$tmp/top.txt" &&
		check summary "$tmp/top.txt" "$tmp/json" "$s/obj" "$s" &&
		grep -q '^Escapes per function (top 2 of [0-9]*)' "$tmp/top.txt" &&
		[ "$(sed -n '/^Escapes per function/,/^$/p' "$tmp/top.txt" | grep -c '^ .*:[0-9]*: ')" -eq 2 ]
}
t "summary: --top 2 prints the 2 first rows" top_rows
unknown_listed() { # every unknown callee of the fixtures is named, with a rule skeleton
	local f
	for f in registry_add registry_add_all register_ctx log_value; do
		grep -q "^ *[0-9]*  $f " "$tmp/summary.txt" || { echo "no $f"; return 1; }
		grep -q "\"$f\": {\"params\": \[" "$tmp/summary.txt" || { echo "no rule for $f"; return 1; }
	done
	grep -q 'Indirect calls: 1 escaping flow' "$tmp/summary.txt"
}
t "summary: unknown callees listed, with rule skeletons; the indirect call" unknown_listed
summary_dir_and_file() { # a report given as a file counts as much as in its directory
	local one
	one=$(ls "$tmp"/json/dangle.c.*.json)
	R "$one" "$tmp/json" >"$tmp/both.txt" &&
		R "$tmp/json" >"$tmp/dir.txt" &&
		# the same functions: only the number of reports differs
		diff <(sed 1d "$tmp/both.txt") <(sed 1d "$tmp/dir.txt") &&
		grep -q '^escape: 4 reports' "$tmp/both.txt"
}
t "summary: a function in two reports counts once" summary_dir_and_file

# --- SARIF --------------------------------------------------------------
R --sarif --root "$s" "$tmp/json" >"$tmp/old.sarif"
t "sarif: valid SARIF 2.1.0, results match the reports" \
	check sarif "$tmp/old.sarif" "$schema" "$tmp/json" "$s/obj" "$s"
sarif_all() {
	R --sarif --all --root "$s" "$tmp/json" >"$tmp/all.sarif" &&
		check sarif "$tmp/all.sarif" "$schema" "$tmp/json" "$s/obj" "$s" --all
}
t "sarif --all: escapes and leaks as notes, valid" sarif_all
suppressed_marked() {
	python3 - "$tmp/old.sarif" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
sup = [r for r in res if r.get("suppressions")]
assert len(sup) == 1, "suppressed results: %d" % len(sup)
r = sup[0]
assert r["suppressions"] == [{"kind": "inSource", "justification": "escape:ignore comment"}], r["suppressions"]
assert "'z'" in r["message"]["text"] and r["level"] == "warning", r["message"]
assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dangle.c"
PY
}
t "sarif: the escape:ignore warning is there, with suppressions inSource" suppressed_marked
encoded_uri() {
	grep -q '"uri": "odd%20name.c"' "$tmp/old.sarif" && grep -q '"uri": "shared.h"' "$tmp/old.sarif"
}
t "sarif: a header's and an odd file name's URIs" encoded_uri
default_root() { # --root defaults to the current directory
	(cd "$s" && R --sarif ../json) >"$tmp/cwd.sarif" &&
		cmp "$tmp/cwd.sarif" "$tmp/old.sarif"
}
t "sarif: --root defaults to the current directory" default_root
outside_root() { # files outside --root: absolute file:// URIs, still valid
	R --sarif --root "$s/obj" "$tmp/json" >"$tmp/out.sarif" &&
		check sarif "$tmp/out.sarif" "$schema" "$tmp/json" "$s/obj" "$s/obj" &&
		grep -q "\"uri\": \"file://$s/dangle.c\"" "$tmp/out.sarif"
}
t "sarif: a file outside --root gets an absolute URI" outside_root

# --- fingerprints and baselines ----------------------------------------
s2=$tmp/src2
fresh_copy "$s2"
{ printf '/* three\n   lines\n   more */\n'; cat "$s/dangle.c"; } >"$s2/dangle.c"
{ printf '\n\n'; cat "$s/shared.h"; } >"$s2/shared.h"
compile "$s2" "$tmp/json2" && R --sarif --root "$s2" "$tmp/json2" >"$tmp/new.sarif"
t "fingerprints: unchanged with 3 lines inserted above (findings 3 lines lower)" \
	check shifted "$tmp/old.sarif" "$tmp/new.sarif" dangle.c 3
t "fingerprints: unchanged in a header with 2 lines inserted" \
	check shifted "$tmp/old.sarif" "$tmp/new.sarif" shared.h 2
baseline_same() {
	R --baseline "$tmp/old.sarif" --root "$s2" "$tmp/json2" >"$tmp/bl.out" 2>"$tmp/bl.err"
	local rc=$?
	cat "$tmp/bl.out" "$tmp/bl.err"
	[ $rc -eq 0 ] && [ ! -s "$tmp/bl.out" ] && grep -q 'no new dangling warning' "$tmp/bl.err"
}
t "baseline: the moved findings are known (exit 0)" baseline_same

# new_finding NAME EDIT PATTERN [last]: apply the sed EDIT to a copy of
# dangle.c; --baseline must exit 1 and list exactly one warning, at the
# (first, or last) line matching PATTERN, or (PATTERN empty) exit 0 and
# list none.
new_finding() {
	local d=$tmp/$1 line pick=${4:-first}
	rm -rf "$d" "$d.json"
	fresh_copy "$d"
	sed -i "$2" "$d/dangle.c"
	compile "$d" "$d.json" || { echo "compile failed"; cat "$d.json.log"; return 1; }
	R --baseline "$tmp/old.sarif" --root "$d" "$d.json" >"$d.out" 2>"$d.err"
	local rc=$?
	cat "$d.out" "$d.err"
	if [ -z "$3" ]; then
		[ $rc -eq 0 ] && [ ! -s "$d.out" ]
		return
	fi
	if [ "$pick" = last ]; then
		line=$(grep -n -F -- "$3" "$d/dangle.c" | tail -n 1 | cut -d: -f1)
	else
		line=$(grep -n -F -- "$3" "$d/dangle.c" | head -n 1 | cut -d: -f1)
	fi
	[ $rc -eq 1 ] && [ "$(wc -l <"$d.out")" -eq 1 ] &&
		grep -q "^dangle.c:$line:[0-9]*: address of .*\[escape-" "$d.out" &&
		grep -q '1 new dangling warning' "$d.err"
}
t "baseline: a new bug in a new function is new (exit 1, listed)" \
	new_finding b1 '$a\
int *later(void)\
{\
	int n = 7;\
	g = \&n;\
	return 0;\
}' 'g = &n;'
t "baseline: a known object with a new sink in the same function is new" \
	new_finding b2 's/^int \*g2;$/int *g2;\nint *g3;/; s/^\tg = &y;$/\tg = \&y;\n\tg3 = \&y;/' 'g3 = &y;'
t "baseline: a new object with a known sink in the same function is new" \
	new_finding b3 's/^\tint w = 4;$/\tint w = 4, w2 = 5;/; 0,/^\tregister_ctx(&w);$/s//&\n\tregister_ctx(\&w2);/' 'register_ctx(&w2);'
t "baseline: a third identical call is new (occurrence index)" \
	new_finding b4 '0,/^\tregister_ctx(&w);$/s//&\n\tregister_ctx(\&w);/' 'register_ctx(&w);' last
t "baseline: a new suppressed warning is not new (exit 0)" \
	new_finding b5 '$a\
void quiet(void)\
{\
	int q = 1;\
	g = \&q; /* escape:ignore escape-global */\
}' ''

# --- diagnostics ------------------------------------------------------
diagnostics_merged() {
	R --diagnostics "$tmp/json" >"$tmp/diag.json" &&
		check diagnostics "$tmp/diag.json" "$tmp/json" "$s/obj" &&
		# shared.h is in two reports, its diagnostics once
		python3 -c '
import json, sys
d = {g["uri"]: g["diagnostics"] for g in json.load(open(sys.argv[1]))}
h = [u for u in d if u.endswith("/shared.h")]
assert len(h) == 1 and len(d[h[0]]) == 2, d.get(h[0] if h else None)
assert all("/obj/../" not in u for u in d), list(d)
' "$tmp/diag.json"
}
t "diagnostics: one entry per file URI, each diagnostic once" diagnostics_merged

# --- output files ------------------------------------------------------
output_file() {
	mkdir -p "$tmp/o" &&
		R --sarif --root "$s" -o "$tmp/o/r.sarif" "$tmp/json" &&
		cmp "$tmp/o/r.sarif" "$tmp/old.sarif" &&
		R --root "$s" --output="$tmp/o/s.txt" "$tmp/json" &&
		cmp "$tmp/o/s.txt" <(R --root "$s" "$tmp/json") &&
		[ "$(ls -A "$tmp/o" | wc -l)" -eq 2 ] &&
		# mode 0666 & ~umask, as a file made by the shell would have
		[ "$(stat -c %a "$tmp/o/r.sarif")" = "$(printf '%o' $((0666 & ~$(umask))))" ]
}
t "-o: the file is what stdout would get, nothing else left" output_file
output_kept_on_error() {
	echo old >"$tmp/o/keep.sarif" &&
		! R --sarif -o "$tmp/o/keep.sarif" "$tmp/nonexistent.json" 2>/dev/null &&
		[ "$(cat "$tmp/o/keep.sarif")" = old ] && [ "$(ls -A "$tmp/o" | wc -l)" -eq 3 ] &&
		! R --baseline "$tmp/o/keep.sarif" -o "$tmp/o/keep.sarif" "$tmp/json" 2>/dev/null &&
		[ "$(cat "$tmp/o/keep.sarif")" = old ] && [ "$(ls -A "$tmp/o" | wc -l)" -eq 3 ]
}
t "-o: an error leaves the old file as it was, and no temporary file" output_kept_on_error

# --- bad input ---------------------------------------------------------
# usage NAME TEXT ARGS...: escape-report ARGS exits 2, prints nothing on
# stdout, and its message contains TEXT
usage() {
	local name=$1 want=$2
	shift 2
	if R "$@" >"$tmp/u.out" 2>"$tmp/u.err"; then
		rc=0
	else
		rc=$?
	fi
	cat "$tmp/u.err"
	[ $rc -eq 2 ] && [ ! -s "$tmp/u.out" ] && grep -q -F -- "$want" "$tmp/u.err" ||
		{ echo "exit $rc; expected 2 and '$want'"; return 1; }
}
mkdir -p "$tmp/bad/empty" "$tmp/bad/sub"
echo '{"version": 1, "functions": [' >"$tmp/bad/broken.json"
echo '[1, 2]' >"$tmp/bad/array.json"
echo '{}' >"$tmp/bad/empty.json"
echo '{"version": 1}' >"$tmp/bad/nofunc.json"
echo '{"version": 2, "functions": []}' >"$tmp/bad/v2.json"
echo '{"version": 1, "functions": {}}' >"$tmp/bad/fobj.json"
echo '{"version": 1, "functions": [{"name": "f", "locals": 3}]}' >"$tmp/bad/locals.json"
echo '{"version": 1, "functions": [{"name": "f", "line": "x"}]}' >"$tmp/bad/line.json"
echo '{"version": 1, "tool": {"name": "other"}, "functions": []}' >"$tmp/bad/tool.json"
cp "$tmp/bad/broken.json" "$tmp/bad/sub/x.json"
touch "$tmp/bad/unreadable.json" && chmod 000 "$tmp/bad/unreadable.json"
t "bad input: a missing file" usage x "nonexistent.json: cannot read" "$tmp/nonexistent.json"
if [ "$(id -u)" != 0 ]; then
	t "bad input: an unreadable file" usage x "unreadable.json: cannot read" "$tmp/bad/unreadable.json"
fi
t "bad input: not JSON (file:line:column)" usage x "broken.json:2:0: not valid JSON" "$tmp/bad/broken.json"
t "bad input: not JSON, inside a directory" usage x "sub/x.json:2:0: not valid JSON" "$tmp/bad/sub"
t "bad input: JSON, not an object" usage x "array.json: not an escape report" "$tmp/bad/array.json"
t "bad input: no version" usage x 'empty.json: not an escape report: no "version"' "$tmp/bad/empty.json"
t "bad input: no functions" usage x 'nofunc.json: not an escape report: no "functions"' "$tmp/bad/nofunc.json"
t "bad input: another version" usage x "v2.json: report version 2 is not supported" "$tmp/bad/v2.json"
t "bad input: functions not an array" usage x '"functions" is not an array' "$tmp/bad/fobj.json"
t "bad input: a field of the wrong type" usage x 'locals.json: not an escape report: functions[0]: "locals" is not an array' "$tmp/bad/locals.json"
t "bad input: a line that is not a number" usage x 'line.json: not an escape report: functions[0]: "line" is not an integer' "$tmp/bad/line.json"
t "bad input: another tool's report" usage x 'tool.json: not an escape report: written by "other"' "$tmp/bad/tool.json"
t "bad input: a directory with no report" usage x "empty: no report in it" "$tmp/bad/empty"
t "usage: no report given" usage x "no report given"
t "usage: an unknown option" usage x "unknown option '--frobnicate'" --frobnicate "$tmp/json"
t "usage: --top not a number" usage x "--top: 'many' is not a number" --top many "$tmp/json"
t "usage: --top without its value" usage x "option '--top' needs a value" "$tmp/json" --top
t "usage: two modes" usage x "'--sarif' and '--diagnostics' cannot be used together" --sarif --diagnostics "$tmp/json"
t "usage: --all without --sarif" usage x "--all goes with --sarif" --all "$tmp/json"
t "usage: --sarif with a value" usage x "option '--sarif' takes no value" --sarif=yes "$tmp/json"
t "usage: --root that does not exist" usage x "--root $tmp/nowhere" --root "$tmp/nowhere" "$tmp/json"
t "usage: -o into a missing directory" usage x "$tmp/nowhere/x.sarif: cannot write" --sarif -o "$tmp/nowhere/x.sarif" "$tmp/json"
t "baseline: a missing OLD" usage x "nothing.sarif: cannot read" --baseline "$tmp/nothing.sarif" "$tmp/json"
t "baseline: OLD not JSON" usage x "broken.json:2:0: not valid JSON" --baseline "$tmp/bad/broken.json" "$tmp/json"
t "baseline: OLD a report, not SARIF" usage x "not a SARIF 2.1.0 log" --baseline "$(ls "$tmp"/json/dangle.c.*.json)" "$tmp/json"
echo '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "other"}}, "results": []}]}' >"$tmp/bad/other.sarif"
t "baseline: OLD from another tool" usage x 'no run of the tool "escape"' --baseline "$tmp/bad/other.sarif" "$tmp/json"
t "usage: --baseline without OLD" usage x "option '--baseline' needs a value" "$tmp/json" --baseline

# --- one wording: the tool says what the plugin says ------------------
# A GNU C nested function's static chain: GCC's m=2 flow and escape-report's
# summary and SARIF flow both say "static chain of stash".
same_words() {
	local d=$tmp/nested
	mkdir -p "$d/json" &&
		"$CC" -O0 -c -o "$d/n.o" -fplugin="$plugin" -fplugin-arg-escape-m=2 \
			-fplugin-arg-escape-json="$d/json/" "$root/testsuite/badinput/nested_fn.c" \
			2>"$d/gcc.txt" || return 1
	grep -q 'static chain of stash' "$d/gcc.txt" || { echo "gcc: no 'static chain of stash'"; return 1; }
	R --sarif --all "$d/json" >"$d/s.sarif" && R --top 0 "$d/json" >"$d/summary.txt" || return 1
	grep -q 'static chain of stash' "$d/s.sarif" || { echo "SARIF: no 'static chain of stash'"; return 1; }
	grep -q 'static chain of stash' "$d/summary.txt" || { echo "summary: no 'static chain of stash'"; return 1; }
	! grep -E 'argument -?[0-9]+ of stash' "$d/s.sarif" "$d/summary.txt"
}
t "one wording: 'static chain of stash' in GCC's flow, the summary and SARIF" same_words

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
