#!/usr/bin/env bash
# run-blind-dangling.sh [PLUGIN] - the blind dangling-address corpus
# (testsuite/blind-dangling, issue #4; see its README and truth.txt) fact
# by fact: each file is compiled at -O0 and -O2 with its JSON report, and
# every fact of truth.txt about it is one check (dangles: an unsuppressed
# warning on that object of that function at both levels; clean: none at
# either), plus one check per file that no object the truth does not list
# is warned about.  A fact written `xfail "REASON" FILE FUNC OBJECT ...'
# is a known miss.  (score-blind-dangling.sh, run by `make blind', prints
# the corpus's figures.)  Ends with "N passed, N failed".
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/lib.sh"
esc_init run-blind-dangling "${1:-}"
corpus=$root/testsuite/blind-dangling
for c in "$corpus"/[0-9]*.c; do
	name=${c#"$root"/}
	bad=()
	for o in 0 2; do
		rm -f "$tmp/r$o.json"
		why=$(esc_compile "$tmp/log$o" "${cc[@]}" -O$o -c "$c" -o /dev/null -pthread \
			-fdiagnostics-plain-output "-fplugin=$plugin" \
			"-fplugin-arg-$pname-json=$tmp/r$o.json") || bad+=("-O$o: $why")
	done
	"$expect" facts "$corpus/truth.txt" "$tmp/r0.json" "$tmp/r2.json" "$c" >"$tmp/result" 2>&1
	esc_result "$name" "$tmp/result" ${bad[@]+"${bad[@]}"}
done
esc_finish
