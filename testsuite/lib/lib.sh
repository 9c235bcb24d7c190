# lib.sh - the helpers every runner of testsuite/ shares (bash; source it):
# the compiler commands (CC and CXX honoured, with arguments: CC="ccache
# gcc"), compiles that fail on a crash or a hang, the one checker of
# inline expectations (testsuite/lib/expect.c, built as build/expect), and
# the counting that ends every runner with "N passed, N failed".
#
#   . "$(dirname "$0")/lib/lib.sh"; esc_init NAME [PLUGIN]
#
# esc_init sets: root (the repository), plugin (absolute), pname (the
# plugin's argument prefix: escape), cc and cxx (arrays), tmp (removed at
# exit), expect (the checker), passed, failed, xfailed.

esc_init() {
	esc_me=$1
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd) || exit 2
	plugin=${2:-$root/plugin/escape.so}
	case $plugin in /*) ;; *) plugin=$PWD/$plugin ;; esac
	if [ ! -f "$plugin" ]; then
		echo "$esc_me: no plugin at $plugin (run make first)" >&2
		echo "0 passed, 1 failed"
		exit 2
	fi
	pname=$(basename "$plugin")
	pname=${pname%.*}
	CC=${CC:-gcc}
	CXX=${CXX:-g++}
	# a command with arguments ("ccache gcc"), or a path with spaces
	if [ -x "$CC" ]; then cc=("$CC"); else read -r -a cc <<<"$CC"; fi
	if [ -x "$CXX" ]; then cxx=("$CXX"); else read -r -a cxx <<<"$CXX"; fi
	if ! command -v "${cc[0]}" >/dev/null 2>&1; then
		echo "$esc_me: no compiler $CC" >&2
		echo "0 passed, 1 failed"
		exit 2
	fi
	esc_limit=()
	if command -v timeout >/dev/null 2>&1; then
		esc_limit=(timeout "${ESCAPE_TEST_TIMEOUT:-300}")
	fi
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-$esc_me.XXXXXX") || exit 2
	trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
	trap 'exit 130' INT TERM
	passed=0 failed=0 xfailed=0
	esc_expect_init || exit 2
}

# esc_expect_init: sets expect, the checker (build/expect), building it
# from testsuite/lib/expect.c with CC when it is missing or older; fails
# (printing "0 passed, 1 failed") when it cannot.
esc_expect_init() {
	local lib
	lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd) || return 1
	expect=$(dirname "$(dirname "$lib")")/build/expect
	[ -n "${cc[0]+x}" ] || read -r -a cc <<<"${CC:-gcc}"
	if [ ! -x "$expect" ] || [ "$lib/expect.c" -nt "$expect" ]; then
		mkdir -p "$(dirname "$expect")"
		if ! "${cc[@]}" -std=c99 -O2 -Wall -o "$expect.tmp.$$" "$lib/expect.c" \
			-ljansson >"$expect.log.$$" 2>&1 || ! mv -f "$expect.tmp.$$" "$expect"; then
			echo "cannot build the checker testsuite/lib/expect.c:" >&2
			cat "$expect.log.$$" >&2
			rm -f "$expect.log.$$" "$expect.tmp.$$"
			echo "0 passed, 1 failed"
			return 1
		fi
		rm -f "$expect.log.$$"
	fi
}

# esc_compile OUT CMD...: runs CMD (under the time limit) into OUT; prints
# why and fails on a non-zero exit, an internal compiler error or a hang.
esc_compile() {
	local out=$1 rc
	shift
	${esc_limit[@]+"${esc_limit[@]}"} "$@" >"$out" 2>&1
	rc=$?
	if [ $rc -eq 124 ] && [ ${#esc_limit[@]} -gt 0 ]; then
		echo "compiler timed out after ${esc_limit[1]}s"
		return 1
	fi
	if grep -q 'internal compiler error' "$out"; then
		echo "internal compiler error (exit $rc)"
		return 1
	fi
	if [ $rc -ne 0 ]; then
		echo "compiler exited with status $rc: $(grep -m 3 -e 'error' "$out" | tr '\n' ' ')"
		return 1
	fi
	return 0
}

# esc_add RESULT_FILE: adds a checker's closing line to the counts; a
# missing line is one failure.
esc_add() {
	local line p f x
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
	if [ -z "$line" ]; then
		failed=$((failed + 1))
		return 1
	fi
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed*}
	x=0
	case $line in *xfailed*) x=${line##*failed, }; x=${x%% xfailed*} ;; esac
	passed=$((passed + p))
	failed=$((failed + f))
	xfailed=$((xfailed + x))
	[ "$f" -eq 0 ]
}

# esc_check NAME OK [WHY...]: one check of a runner's own, counted.
esc_check() {
	local name=$1 ok=$2
	shift 2
	if [ "$ok" = 1 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "  FAIL $name${1:+: $*}"
	fi
}

# esc_case [-s STRICT] CASE.c [EXTRA-ARG...]: compiles a case as its
# directives need (expect needs: the m=1 notes, the m=2 flows, the
# warnings with the JSON report), at -O0 and -O2, with the arguments of a
# first line "// args: ..." and EXTRA-ARG, and checks every directive.
# STRICT (notes,warnings) makes every note / escape warning of the file
# that no directive allows a failure.  Prints PASS or FAIL CASE and the
# failures; adds to the counts.
esc_case() {
	local strict=() c needs first extra=() o kind why keys=() cmd name
	if [ "$1" = -s ]; then strict=(-s "$2"); shift 2; fi
	c=$1
	shift
	name=$c
	case $name in "$root"/*) name=${name#"$root"/} ;; esac
	if ! needs=$("$expect" needs "$c" 2>&1); then
		echo "FAIL $name"
		echo "  $needs"
		failed=$((failed + 1))
		return
	fi
	[ ${#strict[@]} -gt 0 ] && case ${strict[1]} in *notes*) needs="$needs notes" ;; esac
	[ ${#strict[@]} -gt 0 ] && case ${strict[1]} in *warnings*) needs="$needs warnings" ;; esac
	IFS= read -r first <"$c"
	if [[ $first =~ ^[[:space:]]*//[[:space:]]*args:(.*)$ ]]; then
		read -r -a extra <<<"${BASH_REMATCH[1]}"
	fi
	local base=(-c "$c" -o /dev/null "-fplugin=$plugin" -pthread
		    -fdiagnostics-plain-output -fno-diagnostics-show-caret
		    ${extra[@]+"${extra[@]}"} "$@")
	local bad=()
	for o in 0 2; do
		for kind in notes flows warnings; do
			case " $needs " in *" $kind "*) ;; *) continue ;; esac
			case $kind in
			notes) cmd=(-w "-fplugin-arg-$pname-m=1" "-fplugin-arg-$pname-dangling=off") ;;
			flows) cmd=(-w "-fplugin-arg-$pname-m=2" "-fplugin-arg-$pname-dangling=off"
			       "-fplugin-arg-$pname-json=$tmp/freport.O$o.json")
			       keys+=("freport.O$o=$tmp/freport.O$o.json") ;;
			warnings) cmd=("-fplugin-arg-$pname-json=$tmp/report.O$o.json")
				  keys+=("report.O$o=$tmp/report.O$o.json") ;;
			esac
			rm -f "$tmp/report.O$o.json" "$tmp/freport.O$o.json"
			if ! why=$(esc_compile "$tmp/$kind.O$o" "${cc[@]}" -O$o "${base[@]}" "${cmd[@]}"); then
				bad+=("-O$o ($kind): $why")
			fi
			keys+=("$kind.O$o=$tmp/$kind.O$o")
		done
	done
	"$expect" check ${strict[@]+"${strict[@]}"} "$c" "${keys[@]}" >"$tmp/result" 2>&1
	esc_result "$name" "$tmp/result" ${bad[@]+"${bad[@]}"}
}

# esc_result NAME RESULT [FAILURE...]: a case's checks, from the checker's
# output RESULT and the runner's own failures (a compile that failed):
# adds them to the counts and prints PASS or FAIL NAME with the failures
# and the known misses.
esc_result() {
	local name=$1 result=$2 why
	shift 2
	for why in "$@"; do
		echo "  FAIL $name: $why" >>"$result"
		failed=$((failed + 1))
	done
	if esc_add "$result" && [ $# -eq 0 ]; then
		echo "PASS $name"
		grep '^  XFAIL' "$result"
	else
		echo "FAIL $name"
		grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$result"
	fi
	return 0
}

# esc_cases NAME STRICT DIR [PLUGIN] [CASE.c...]: the whole of a runner of
# cases with inline directives: every CASE.c (default: DIR/*.c of the
# repository) through esc_case, STRICT (notes, warnings, or "") as its -s,
# then the closing line.
esc_cases() {
	local me=$1 strict=$2 dir=$3 p= c
	shift 3
	if [ $# -gt 0 ] && [[ $1 != *.c ]]; then
		p=$1
		shift
	fi
	esc_init "$me" $p
	local cases=("$@")
	[ ${#cases[@]} -gt 0 ] || cases=("$root/$dir"/*.c)
	for c in "${cases[@]}"; do
		if [ -n "$strict" ]; then esc_case -s "$strict" "$c"; else esc_case "$c"; fi
	done
	esc_finish
}

# esc_finish: the closing line; exit 1 if anything failed.
esc_finish() {
	if [ "$xfailed" -gt 0 ]; then
		echo "$passed passed, $failed failed, $xfailed xfailed"
	else
		echo "$passed passed, $failed failed"
	fi
	[ "$failed" -eq 0 ]
	exit
}

# The checks of a runner of its own (CI recipes, editors, multi-file
# builds), each one pass or one fail:
#   esc_ok NAME                 passed
#   esc_bad NAME [DETAIL-FILE]  failed, with the first lines of DETAIL-FILE
#   esc_try NAME COMMAND...     passes if COMMAND succeeds (its output is
#                               the detail)
esc_ok() {
	echo "PASS $1"
	passed=$((passed + 1))
}

esc_bad() {
	echo "FAIL $1"
	[ -n "${2:-}" ] && [ -s "$2" ] && sed 's/^/  /' "$2" | head -n 25
	failed=$((failed + 1))
}

esc_try() {
	local name=$1
	shift
	if "$@" >"$tmp/detail" 2>&1; then esc_ok "$name"; else esc_bad "$name" "$tmp/detail"; fi
}

# esc_levels_table RESULTS LEVEL...: the table that ends a run over many
# programs (torture, csmith): RESULTS has a line a run, "PASS|SKIP|FAIL
# <tab> LEVEL <tab> ...", and the table a row per optimisation level and
# the total
esc_levels_table() {
	local results=$1 l
	shift
	printf '\n%-8s %8s %8s %8s %8s\n' level tried passed skipped failed
	for l in "$@" total; do
		awk -F'\t' -v l="$l" '
			l == "total" || $2 == l { n++; r[$1]++ }
			END { printf "%-8s %8d %8d %8d %8d\n", (l == "total" ? "total" : "-O" l),
				n, r["PASS"], r["SKIP"], r["FAIL"] }' "$results"
	done
}

# esc_gcc_wrapper BINDIR PLUGINDIR: BINDIR/gcc (and BINDIR/$CC's name) runs
# $CC, adding -iplugindir=PLUGINDIR where it is given -fplugin=escape, so
# that a test finds the plugin installed into PLUGINDIR by name, as after
# `make install` into GCC's own plugin directory (test-only: put BINDIR
# first in PATH)
esc_gcc_wrapper() {
	local bin=$1 pd=$2 realgcc
	realgcc=$(command -v "${CC:-gcc}")
	mkdir -p "$bin"
	cat >"$bin/gcc" <<EOF
#!/bin/sh
# test-only: finds the plugin installed into $pd for -fplugin=escape
for a; do
	case \$a in -fplugin=escape) exec "$realgcc" -iplugindir="$pd" "\$@" ;; esac
done
exec "$realgcc" "\$@"
EOF
	chmod +x "$bin/gcc"
	# the same for $CC's name (make check CC=gcc-15 hands CC to every make)
	[ "${CC:-gcc}" = gcc ] || ln -sf gcc "$bin/$(basename "$CC")"
}
