#!/bin/bash
# run-dangling.sh [PLUGIN] [CASE.c...] - the dangling-address warnings.
#
# Each case in testsuite/dangling/ marks, on the line where a warning
# stands (its sink: the return, the store, the keeping call), the
# warnings expected there by rule id (a suppressed one, on the line where
# the address is taken, as the JSON report's "line" says):
#
#   g = &x; // dangle "escape-global"
#   g = &x; /* escape:ignore */ // suppressed "escape-global"
#
# The runner compiles each case at -O0 and -O2 with the plugin (warnings
# are on by default; no m=), and fails on a missing or unexpected warning,
# on different warnings at the two levels, and on a crash.  A `suppressed'
# expectation must print no warning and appear in the JSON report with
# "suppressed": true.  Ends with "N passed, N failed".
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
[ $# -gt 0 ] && shift
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=("$root"/testsuite/dangling/*.c)
if [ ! -f "$plugin" ]; then
	echo "run-dangling.sh: no plugin at $plugin (run make first)" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-dangling.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# expected CASE TAG: LINE<TAB>RULE for each `// TAG "RULE" ...'
expected() {
	TAG=$2 awk '{
		s = $0
		if (!match(s, "//[ \t]*" ENVIRON["TAG"] "[ \t]"))
			next
		s = substr(s, RSTART + RLENGTH)
		while (match(s, /"[^"]*"/)) {
			print FNR "\t" substr(s, RSTART + 1, RLENGTH - 2)
			s = substr(s, RSTART + RLENGTH)
		}
	}' "$1" | sort
}

# warned FILE OUTPUT: LINE<TAB>RULE for each escape warning in FILE
warned() {
	F=$1 awk '
	BEGIN { f = ENVIRON["F"] ":" }
	index($0, f) == 1 && /: warning: / {
		line = substr($0, length(f) + 1); sub(/:.*/, "", line)
		if (match($0, /\[escape-[a-z]+\]/))
			print line "\t" substr($0, RSTART + 1, RLENGTH - 2)
	}' "$2" | sort
}

passed=0 failed=0
for c in "${cases[@]}"; do
	bad=()
	expected "$c" dangle >"$tmp/want"
	expected "$c" suppressed >"$tmp/quiet"
	for o in 0 2; do
		out=$tmp/out.$o json=$tmp/report.$o.json
		gcc -O$o -c "$c" -o /dev/null -pthread -fdiagnostics-plain-output \
			-fplugin="$plugin" -fplugin-arg-escape-json="$json" >"$out" 2>&1
		rc=$?
		if [ $rc -ne 0 ] || grep -q 'internal compiler error' "$out"; then
			bad+=("-O$o: compiler failed (exit $rc): $(head -n 3 "$out")")
			continue
		fi
		warned "$c" "$out" >"$tmp/got.$o"
		while IFS=$'\t' read -r l r; do
			bad+=("$c:$l: -O$o: missing warning [$r]")
		done < <(comm -23 "$tmp/want" "$tmp/got.$o")
		while IFS=$'\t' read -r l r; do
			bad+=("$c:$l: -O$o: unexpected warning [$r]")
		done < <(comm -13 "$tmp/want" "$tmp/got.$o")
		# suppressed ones: in the report, marked so
		python3 - "$json" "$tmp/quiet" <<'PY' >"$tmp/supp" || bad+=("-O$o: cannot read the JSON report")
import json, sys
doc = json.load(open(sys.argv[1]))
got = sorted("%d\t%s" % (w["line"], w["rule"]) for f in doc["functions"]
             for w in f["warnings"] if w["suppressed"])
want = sorted(l.rstrip("\n") for l in open(sys.argv[2]) if l.strip())
for w in want:
    if w not in got:
        print("missing suppressed warning in the report: " + w)
for g in got:
    if g not in want:
        print("unexpected suppressed warning in the report: " + g)
PY
		while IFS= read -r m; do
			bad+=("$c: -O$o: $m")
		done <"$tmp/supp"
	done
	if [ -f "$tmp/got.0" ] && [ -f "$tmp/got.2" ] &&
		! cmp -s "$tmp/got.0" "$tmp/got.2"; then
		bad+=("$c: warnings differ between -O0 and -O2")
	fi
	rm -f "$tmp"/got.*
	if [ ${#bad[@]} -eq 0 ]; then
		echo "PASS $c"
		passed=$((passed + 1))
	else
		echo "FAIL $c"
		printf '  %s\n' "${bad[@]}"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
