#!/bin/sh
# check.sh UNIT_TEST... - every test of escape, as `make check` runs it:
# the unit tests of the core (each a binary printing "N passed, N failed"),
# then every runner testsuite/run-*.sh.  Prints one line per suite, its
# closing line ("N passed, N failed", ", N xfailed" for known misses), and
# for a suite that failed its failures; each suite's whole output is kept
# in build/check/SUITE.log.  Ends with the sum of all of them, as one line
# "total: N passed, N failed", and fails if anything failed.  A runner that
# is not executable, prints no closing line, or exits non-zero without a
# failure counted is a failure.
cd "$(dirname "$0")/.." || exit 2
passed=0 failed=0 xfailed=0
logs=build/check
mkdir -p "$logs" || exit 2

count() { # NAME COMMAND...: runs a suite, adds up its closing line
	name=$1
	shift
	log=$logs/$(echo "$name" | tr -c 'A-Za-z0-9_.\n-' '_').log
	"$@" >"$log" 2>&1
	rc=$?
	line=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "$name: FAILED: no result line (exit $rc; log: $log)"
		tail -n 5 "$log" | sed 's/^/    /'
		failed=$((failed + 1))
		return
	fi
	line=$(echo "$line" | sed -E 's/^[A-Za-z]+: //')
	p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
	x=$(echo "$line" | sed -nE 's/.*, ([0-9]+) xfailed.*/\1/p')
	passed=$((passed + p))
	failed=$((failed + f))
	xfailed=$((xfailed + ${x:-0}))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$name: $line: FAILED: exit $rc with no failure counted (log: $log)"
		failed=$((failed + 1))
	elif [ "$f" -ne 0 ]; then
		echo "$name: $line (log: $log)"
		grep -E '^ *(FAIL|XPASS)' "$log" | head -n 40 | sed 's/^/    /'
	else
		echo "$name: $line"
	fi
}

for t in "$@"; do
	count "unit: $(basename "$t")" "$t" .
done
for s in testsuite/run-*.sh; do
	if [ ! -x "$s" ]; then
		echo "$(basename "$s"): FAILED: not executable (chmod +x $s)"
		failed=$((failed + 1))
		continue
	fi
	count "$(basename "$s")" "$s"
done

if [ "$xfailed" -gt 0 ]; then
	echo "total: $passed passed, $failed failed, $xfailed xfailed"
else
	echo "total: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
