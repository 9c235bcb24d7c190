#!/bin/bash
# fuzz-rules.sh [OPTIONS] [SECONDS] - libFuzzer on the rules loader
# (plugin/rules.c) for SECONDS (default 600) of wall time.
#
# Builds testsuite/fuzz/fuzz_rules.c with clang -fsanitize=fuzzer,address,
# undefined against plugin/rules.c and plugin/util.c (-ljansson) into
# build/fuzz/fuzz_rules, then runs it on a corpus seeded with rules/*.json,
# testsuite/unit/rules-bad/*.json and testsuite/fuzz/seeds/*, with the
# dictionary testsuite/fuzz/rules.dict.  The harness (see its header)
# aborts on any sanitizer report (overflow, use after free, leak, undefined
# behaviour) and on any break of the loader's contract (a result other
# than 0/-1, an error without "PATH:" in front, a bad file that adds or
# replaces rules, a rule with out-of-range fields).
#
# Prints libFuzzer's final statistics and one line
#   fuzz-rules: N execs in S s, C crashes
# and ends with "1 passed, 0 failed" (no crash) or "0 passed, 1 failed";
# the crashing inputs are left in the work directory it names (crash-*,
# leak-*, timeout-*), each reproducible with
#   build/fuzz/fuzz_rules FILE
# Exits 0 if nothing was found, 1 if something was, 2 if it could not run
# (no clang, no libFuzzer runtime: install clang and libclang-rt-14-dev).
#
# Options:
#   --corpus DIR   keep the growing corpus in DIR (default: a temporary
#                  directory, removed afterwards unless something crashed)
#   --jobs N       N fuzzing processes in parallel (default 1; the time is
#                  wall time for all of them)
#   --build-only   build the harness and stop
# Environment: CLANG (default clang), FUZZ_ARGS (more libFuzzer flags).

set -u
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=600 corpus='' jobs=1 build_only=0
while [ $# -gt 0 ]; do
	case $1 in
	--corpus) [ $# -ge 2 ] || { echo "fuzz-rules.sh: --corpus needs a directory" >&2; exit 2; }
		corpus=$2; shift 2 ;;
	--jobs) [ $# -ge 2 ] && [[ $2 =~ ^[1-9][0-9]*$ ]] || { echo "fuzz-rules.sh: --jobs needs a positive number" >&2; exit 2; }
		jobs=$2; shift 2 ;;
	--build-only) build_only=1; shift ;;
	-h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) echo "fuzz-rules.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
	*) [[ $1 =~ ^[1-9][0-9]*$ ]] || { echo "fuzz-rules.sh: SECONDS must be a positive number, not '$1'" >&2; exit 2; }
		seconds=$1; shift ;;
	esac
done

CLANG=${CLANG:-clang}
if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "fuzz-rules.sh: no $CLANG; install it: apt-get install clang libclang-rt-14-dev" >&2
	exit 2
fi
bin=$root/build/fuzz/fuzz_rules
mkdir -p "$root/build/fuzz" || exit 2
src=("$root/testsuite/fuzz/fuzz_rules.c" "$root/plugin/rules.c" "$root/plugin/util.c")
stale=0
[ -x "$bin" ] || stale=1
for f in "${src[@]}" "$root/plugin/escape.h" "$root/plugin/util.h"; do
	[ "$f" -nt "$bin" ] && stale=1
done
if [ $stale -eq 1 ]; then
	tmpbin=$bin.tmp.$$
	if ! "$CLANG" -std=c99 -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -I"$root/plugin" \
		"${src[@]}" -ljansson -o "$tmpbin" 2>"$tmpbin.err"; then
		cat "$tmpbin.err" >&2
		rm -f "$tmpbin" "$tmpbin.err"
		echo "fuzz-rules.sh: building the harness failed (is libclang-rt-14-dev installed?)" >&2
		exit 2
	fi
	rm -f "$tmpbin.err"
	mv -f "$tmpbin" "$bin" || exit 2
fi
echo "fuzz-rules: harness $bin"
[ $build_only -eq 1 ] && exit 0

work=$(mktemp -d "${TMPDIR:-/tmp}/escape-fuzz-rules.XXXXXX") || exit 2
if [ -z "$corpus" ]; then
	corpus=$work/corpus
fi
mkdir -p "$corpus" "$work/seeds" || exit 2
cp "$root"/rules/*.json "$root"/testsuite/unit/rules-bad/*.json \
	"$root"/testsuite/fuzz/seeds/* "$work/seeds/" 2>/dev/null

cd "$work" || exit 2
# -max_len: larger than the largest seed (14 kB), small enough to be fast
args=(-dict="$root/testsuite/fuzz/rules.dict" -max_total_time="$seconds"
	-max_len=16384 -timeout=10 -rss_limit_mb=1024 -print_final_stats=1
	-artifact_prefix="$work/")
if [ "$jobs" -gt 1 ]; then
	args+=(-jobs="$jobs" -workers="$jobs")
fi
# shellcheck disable=SC2086
"$bin" "${args[@]}" ${FUZZ_ARGS:-} "$corpus" "$work/seeds" >"$work/fuzz.log" 2>&1
rc=$?
[ "$jobs" -gt 1 ] && cat "$work"/fuzz-*.log >>"$work/fuzz.log" 2>/dev/null

grep -E '^(stat::|#[0-9]+ +DONE|INFO: Seed|==[0-9]+==ERROR|SUMMARY|fuzz_rules: )' "$work/fuzz.log"
execs=$(grep -E '^stat::number_of_executed_units' "$work/fuzz.log" | awk '{s += $2} END {print s + 0}')
crashes=$(find "$work" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
echo "fuzz-rules: $execs execs in $seconds s, $crashes crashes (corpus: $(ls "$corpus" | wc -l) inputs)"
if [ "$crashes" -gt 0 ] || { [ $rc -ne 0 ] && [ "$jobs" -eq 1 ]; }; then
	tail -n 40 "$work/fuzz.log"
	for c in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
		[ -e "$c" ] && echo "reproduce: $bin $c"
	done
	echo "fuzz-rules: work directory kept: $work"
	echo "0 passed, 1 failed"
	exit 1
fi
rm -rf "$work"   # the corpus too, unless --corpus put it elsewhere
echo "1 passed, 0 failed"
exit 0
