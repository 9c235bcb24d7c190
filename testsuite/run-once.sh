#!/bin/bash
# run-once.sh [PLUGIN] [CASE.c...] - m=2 never prints the same line twice
# (issue #14 part 5): a site with a warning shows its flow once, a flow that
# joins one shown before says so and stops, an object's second warning
# repeats neither its declaration nor its address-of note.
#
# Each case (default: every case of testsuite/dangling, cases, flows and
# examples) is compiled at -O0 and -O2 with m=2 and the warnings on (GCC's
# own -Wreturn-local-addr off, whose notes are GCC's); a line of the output
# ("file:line:col: kind: text") printed twice fails the case, as does a
# compile that fails.  Ends with "N passed, N failed".
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
[ $# -gt 0 ] && shift
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=("$root"/testsuite/dangling/*.c "$root"/testsuite/cases/*.c \
	"$root"/testsuite/flows/*.c "$root"/examples/*.c)
CC=${CC:-gcc}
if [ ! -f "$plugin" ]; then
	echo "run-once.sh: no plugin at $plugin (run make first)" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-once.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
for c in "${cases[@]}"; do
	bad=()
	for O in 0 2; do
		if ! $CC -O$O -c "$c" -o /dev/null -pthread -Wno-return-local-addr \
			-fdiagnostics-plain-output -fplugin="$plugin" \
			-fplugin-arg-escape-m=2 >"$tmp/out" 2>&1; then
			bad+=("-O$O: the compiler failed: $(head -n 3 "$tmp/out")")
			continue
		fi
		grep -E '^[^ ]+:[0-9]+:[0-9]+: (note|warning): ' "$tmp/out" |
			sort | uniq -d >"$tmp/dup"
		while IFS= read -r l; do
			bad+=("-O$O: printed twice: $l")
		done <"$tmp/dup"
	done
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
[ $failed -eq 0 ]
