#!/bin/sh
# check.sh UNIT_TEST... - every test of escape, as `make check` runs it:
# the unit tests of the core (each a binary printing "N passed, N failed"),
# then the plugin on testsuite/cases.  Ends with the sum of all of them,
# as one line "N passed, N failed", and fails if anything failed.
cd "$(dirname "$0")/.." || exit 2
passed=0 failed=0 broken=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

count() { # NAME COMMAND...: runs a suite, adds up its closing line
	name=$1
	shift
	echo "== $name"
	"$@" >"$log" 2>&1
	rc=$?
	cat "$log"
	line=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$name: no result line (exit $rc)"
		broken=$((broken + 1))
		return
	fi
	p=$(echo "$line" | sed -E 's/^([A-Za-z]+: )?([0-9]+) passed.*/\2/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$name: exit $rc with no failure counted"
		broken=$((broken + 1))
	fi
}

for t in "$@"; do
	count "unit: $(basename "$t")" "$t" .
done
for s in testsuite/run-*.sh; do
	[ -x "$s" ] || continue
	count "$(basename "$s")" "$s"
done

failed=$((failed + broken))
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
