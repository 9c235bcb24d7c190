#!/bin/bash
# run-badinput.sh [-v] [PLUGIN] - bad input and odd situations: the plugin
# must answer each with a clear error or the right output, never with an
# internal compiler error, a crash, a hang, or a partial or stale report.
#
#   PLUGIN   the plugin to test (default: plugin/escape.so of this tree)
#   -v       print the log of every test, not only of the failed ones
#
# Environment:
#   CC, CXX              the compilers (default gcc, g++)
#   BADINPUT_STMTS       statements of the generated big function (50000)
#   BADINPUT_FUNCS       functions of the generated big unit (5000)
#   BADINPUT_FUZZ        seconds of libFuzzer on the rules loader (20; 0
#                        skips it)
#
# What it checks, one counted test each (the inputs are in
# testsuite/badinput/, big ones are generated in a temporary directory):
#
#   arguments   every key (m, json, rules, dangling) with a missing, empty,
#               malformed or repeated value, and unknown keys: exit status 1
#               and a GCC "error:" naming the argument; the valid forms
#               (m alone, repeated rules= in order, dangling=ID lists) give
#               the right output
#   rules       bad rules files (not JSON, wrong types, unknown keys, a
#               function listed twice, indices out of range, empty, blank),
#               a directory with a bad file among good ones, unreadable
#               paths (a FIFO nobody writes, /proc/self/mem, /dev/zero, a
#               missing directory, a regular file used as a directory), a
#               generated huge file (60,000 rules, about 7 MB: loads in
#               time and is used) and a huge broken one: an error naming
#               FILE:LINE, or the file, within the time limit
#   json        unwritable report paths (missing directory, a regular file
#               as a directory, /proc): an error naming the path, and no
#               report and no object left; a failed compilation or
#               -fsyntax-only leaves no stale report; a character device
#               or a symbolic link as the report path stay what they are;
#               no temporary file left behind
#   flags       -fsyntax-only, -flto (compile, link, one-shot with
#               json=DIR/), -fPIC, -O3, -Os, -g3, -fno-inline,
#               -fsanitize=address, -fprofile-arcs, -std=c89, -std=c2x,
#               -fopenmp, input from stdin, #line, C++ through g++
#   extensions  GNU C: nested functions, statement expressions,
#               __builtin_*, computed goto, setjmp/longjmp, cleanup
#               attribute, VLAs in loops, _Complex, vectors, __int128,
#               zero-length arrays, transparent unions
#   big         one function of BADINPUT_STMTS statements and one unit of
#               BADINPUT_FUNCS functions: they finish (limits: 600 s and
#               300 s), and their verdicts are right
#   fuzz        scripts/fuzz-rules.sh BADINPUT_FUZZ (libFuzzer on the rules
#               loader); skipped, counted in neither number, when clang or
#               libFuzzer is missing
#
# Output cases (extensions, flags) carry their expectations inline, checked
# by the one checker (testsuite/lib/expect.c; grammar in CONTRIBUTING.md):
# `want "RE"` a note of the line, `warn "RE"` a dangling warning of the
# line, `may`, `may-warn`, `never`; each directive is one more check.  Each is
# compiled at -O0 and -O2 for the notes (m=1, -w, dangling=off) and at -O2
# for the warnings; wherever the plugin succeeds, the object must be
# byte-identical to one compiled without it (-gno-record-gcc-switches
# -frandom-seed, same output path).
#
# Every compile runs under `timeout`; a compile that crashes (internal
# compiler error, a signal, a timeout) fails its test whatever else it
# printed.  Ends with "N passed, N failed"; exits 1 if anything failed, 2
# if it cannot run (no plugin, no compiler).

set -u
root=$(cd "$(dirname "$0")/.." && pwd)
bi=$root/testsuite/badinput
verbose=0
while [ $# -gt 0 ]; do
	case $1 in
	-v) verbose=1; shift ;;
	-h | --help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) echo "run-badinput.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
	*) break ;;
	esac
done
plugin=${1:-$root/plugin/escape.so}
case $plugin in /*) ;; *) plugin=$PWD/$plugin ;; esac
CC=${CC:-gcc}
CXX=${CXX:-g++}
STMTS=${BADINPUT_STMTS:-50000}
FUNCS=${BADINPUT_FUNCS:-5000}
FUZZ=${BADINPUT_FUZZ:-20}
for v in STMTS FUNCS FUZZ; do
	if ! [[ ${!v} =~ ^[0-9]+$ ]]; then
		echo "run-badinput.sh: BADINPUT_$v must be a number, not '${!v}'" >&2
		exit 2
	fi
done
if [ ! -f "$plugin" ]; then
	echo "run-badinput.sh: no plugin at $plugin (run make first)" >&2
	exit 2
fi
if ! command -v "$CC" >/dev/null 2>&1; then
	echo "run-badinput.sh: no compiler $CC" >&2
	exit 2
fi
have_python=0
python3 -c 'import json' 2>/dev/null && have_python=1
# the one checker of inline directives (testsuite/lib)
. "$root/testsuite/lib/lib.sh"
esc_expect_init || exit 2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-badinput.XXXXXX") || exit 2
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0 failed=0 skipped=0
PA=-fplugin-arg-escape
# a plain compile of the plugin: no colours, no carets, one line each
DIAG=(-fdiagnostics-plain-output -fno-diagnostics-color)
REPRO=(-gno-record-gcc-switches -frandom-seed=escape)

# ------------------------------------------------------------------ #
# Test bookkeeping                                                    #
# ------------------------------------------------------------------ #
# A test is: begin NAME; checks that call `bad REASON`; end.  Logs of
# the commands it ran are collected in $tlog and shown when it fails.
begin() {
	tname=$1
	tbad=
	tlog=$tmp/log.$((passed + failed + skipped))
	: >"$tlog"
	work=$tmp/w
	rm -rf "$work"
	mkdir -p "$work"
}
bad() {
	tbad="$tbad${tbad:+; }$*"
}
# Known bugs: the test states what is right and fails today.  Such a
# failure prints XFAIL and is counted neither way; once it passes it is an
# XPASS, counted as failed, so that the mark is removed.
XFAIL_TESTS=''
end() {
	if [ -n "$XFAIL_TESTS" ] && printf '%s' "$tname" | grep -Eq "^($XFAIL_TESTS)"; then
		if [ -z "$tbad" ]; then
			failed=$((failed + 1))
			echo "FAIL (XPASS) $tname: a known bug passes now; remove it from XFAIL_TESTS"
		else
			echo "XFAIL $tname: $tbad"
		fi
		return 0
	fi
	if [ -z "$tbad" ]; then
		passed=$((passed + 1))
		echo "PASS $tname"
		[ $verbose -eq 1 ] && sed 's/^/    /' "$tlog"
	else
		failed=$((failed + 1))
		echo "FAIL $tname: $tbad"
		head -n 40 "$tlog" | sed 's/^/    /'
	fi
	return 0
}
skip() {
	skipped=$((skipped + 1))
	echo "SKIP $tname: $*"
}

# run LOG SECONDS CMD...: runs CMD (stdout and stderr into LOG), sets rc,
# appends the command and its output to the test's log.
run() {
	local log=$1 secs=$2
	shift 2
	timeout -k 10 "$secs" "$@" >"$log" 2>&1
	rc=$?
	{
		echo "\$ $*"
		head -c 4000 "$log"
		echo "[exit $rc]"
	} >>"$tlog"
}

# sane LOG: no internal compiler error, crash or timeout in the last run
sane() {
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		bad "timed out"
		return 1
	fi
	if [ "$rc" -gt 128 ]; then
		bad "killed by signal $((rc - 128))"
		return 1
	fi
	if grep -qiE 'internal compiler error|segmentation fault|terminated by signal|Aborted|AddressSanitizer|out of memory' "$1"; then
		bad "crashed: $(grep -iE -m1 'internal compiler error|segmentation fault|terminated by signal|Aborted|AddressSanitizer|out of memory' "$1")"
		return 1
	fi
	return 0
}

# directives CASE KEY=LOG...: the inline directives of CASE, each one
# check counted by the one checker (testsuite/lib/expect.c; notes and
# escape warnings no directive allows are failures too); their failures
# also fail the test around them, which is counted besides.
directives() {
	"$expect" check -s notes,warnings "$@" >"$work/expect" 2>&1
	cat "$work/expect" >>"$tlog"
	local line p f
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$work/expect" | tail -n 1)
	if [ -z "$line" ]; then
		bad "the checker failed: $(head -n 3 "$work/expect" | tr '\n' ' ')"
		return
	fi
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed*}
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$f" -eq 0 ] || bad "$(grep -m 3 '^  \(FAIL\|XPASS\)' "$work/expect" | tr '\n' ' ')"
}

# json_ok FILE: the file is one whole JSON report (read by the checker)
json_ok() {
	"$expect" warnings "$1" >/dev/null 2>&1
}

# ------------------------------------------------------------------ #
# Errors                                                              #
# ------------------------------------------------------------------ #
# expect_error NAME REGEX ARG...: compiling ok.c with ARG... fails with
# exit status 1 and an "error:" or "fatal error:" line matching REGEX,
# without crashing, and leaves no object.
expect_error() {
	local name=$1 regex=$2
	shift 2
	begin "$name"
	run "$work/log" 60 "$CC" -c "$bi/ok.c" -o "$work/ok.o" "${DIAG[@]}" \
		-fplugin="$plugin" "$@"
	if sane "$work/log"; then
		[ "$rc" -eq 1 ] || bad "exit status $rc, not 1"
		grep -qE "(^|: )(fatal )?error: .*$regex" "$work/log" ||
			bad "no error matching /$regex/"
		[ -e "$work/ok.o" ] && bad "an object was left"
	fi
	end
}

# ------------------------------------------------------------------ #
# Output cases                                                        #
# ------------------------------------------------------------------ #
# check_case NAME CASE [ARG...]: CASE (in testsuite/badinput) has inline
# directives; its "// args:" first line adds arguments.
# Notes at -O0 and -O2, warnings at -O2, and the -O2 object identical to
# one compiled without the plugin.
check_case() {
	local name=$1 case=$2
	shift 2
	local args=() extra
	extra=$(sed -n '1s|^// args: ||p' "$bi/$case")
	# shellcheck disable=SC2206
	[ -n "$extra" ] && args=($extra)
	args+=("$@")
	begin "$name"
	local o
	for o in 0 2; do
		run "$work/notes$o" 120 env -C "$bi" "$CC" -O$o -c "$case" \
			-o "$work/p$o.o" "${DIAG[@]}" "${REPRO[@]}" -w "${args[@]}" \
			-fplugin="$plugin" $PA-m=1 $PA-dangling=off
		sane "$work/notes$o" || { end; return; }
		[ "$rc" -eq 0 ] || { bad "-O$o: exit status $rc"; end; return; }
	done
	run "$work/warn" 120 env -C "$bi" "$CC" -O2 -c "$case" -o "$work/w.o" \
		"${DIAG[@]}" "${REPRO[@]}" "${args[@]}" -fplugin="$plugin"
	if sane "$work/warn"; then
		directives "$bi/$case" notes.O0="$work/notes0" notes.O2="$work/notes2" \
			warnings.O2="$work/warn"
	fi
	# the object: same path for both, so that nothing but the plugin differs
	# (not for -flto: its objects record the command line, -fplugin too;
	# the -flto link test compares the linked programs instead)
	local a
	for a in "${args[@]}"; do
		if [ "$a" = -flto ]; then
			echo "(object not compared: -flto records the command line)" >>"$tlog"
			end
			return
		fi
	done
	run "$work/ref" 120 env -C "$bi" "$CC" -O2 -c "$case" -o "$work/same.o" \
		"${DIAG[@]}" "${REPRO[@]}" -w "${args[@]}"
	if [ "$rc" -eq 0 ]; then
		mv "$work/same.o" "$work/ref.o"
		run "$work/plug" 120 env -C "$bi" "$CC" -O2 -c "$case" -o "$work/same.o" \
			"${DIAG[@]}" "${REPRO[@]}" -w "${args[@]}" -fplugin="$plugin" \
			$PA-m=2 $PA-json="$work/r.json"
		if sane "$work/plug"; then
			same_object "$work/ref.o" "$work/same.o" ||
				bad "the object differs from one compiled without the plugin"
			json_ok "$work/r.json" || bad "no whole JSON report"
		fi
	else
		bad "does not compile without the plugin"
	fi
	end
}

# same_object A B: the objects are the same, but for the command line
# -fopenmp records for offloading (.gnu.offload_lto_.opts, with the
# plugin's arguments in it)
same_object() {
	cmp -s "$1" "$2" && return 0
	grep -qa '\.gnu\.offload_lto_\.opts' "$1" || return 1
	objcopy -R .gnu.offload_lto_.opts "$1" "$1.cmp" 2>/dev/null &&
		objcopy -R .gnu.offload_lto_.opts "$2" "$2.cmp" 2>/dev/null &&
		cmp -s "$1.cmp" "$2.cmp"
}

# flag_case NAME FLAG...: flags.c with FLAG... (notes, warnings, object)
flag_case() {
	local name=$1
	shift
	check_case "$name" flags.c "$@"
}

echo "== arguments"
expect_error "m= (empty value)" "escape-m=.*level must be 1 or 2" $PA-m=
expect_error "m=3 (out of range)" "escape-m=3.*level must be 1 or 2" $PA-m=3
expect_error "m=yes (malformed)" "escape-m=yes.*level must be 1 or 2" $PA-m=yes
expect_error "m=1=2 (GCC cuts at the second =)" "escape-m=1=.*level must be 1 or 2" $PA-m=1=2
expect_error "m twice" "escape-m.* given twice" $PA-m=1 $PA-m=2
expect_error "json (no value)" "escape-json.* needs a value" $PA-json
expect_error "json= (empty value)" "escape-json.* needs a value" $PA-json=
expect_error "json twice" "escape-json.* given twice" $PA-json="$tmp/a.json" $PA-json="$tmp/b.json"
expect_error "json=DIR without the slash" "escape-json=$tmp.* is a directory" $PA-json="$tmp"
expect_error "json=MISSING/ (no such directory)" "escape-json=$tmp/missing/.*no such directory" $PA-json="$tmp/missing/"
expect_error "rules (no value)" "escape-rules.* needs a value" $PA-rules
expect_error "rules= (empty value)" "escape-rules.* needs a value" $PA-rules=
expect_error "rules=: (only separators)" "escape-rules.*(empty|needs)" $PA-rules=:
expect_error "dangling (no value)" "escape-dangling.* needs a value" $PA-dangling
expect_error "dangling= (empty value)" "escape-dangling.* needs a value" $PA-dangling=
expect_error "dangling=bogus (unknown rule)" "escape-dangling=bogus.*unknown rule .bogus." $PA-dangling=bogus
expect_error "dangling=escape-return,bogus" "unknown rule .bogus." $PA-dangling=escape-return,bogus
expect_error "dangling=, (no rule id)" "escape-dangling=,.*(empty|rule)" $PA-dangling=,
expect_error "dangling twice" "escape-dangling.* given twice" $PA-dangling=off $PA-dangling=off
expect_error "unknown key" "unknown argument .-fplugin-arg-escape-verbose.*known arguments" $PA-verbose
expect_error "unknown key with a value" "unknown argument .-fplugin-arg-escape-mode.*known arguments" $PA-mode=2
expect_error "key in the wrong case" "unknown argument .-fplugin-arg-escape-M." $PA-M=1

begin "m alone is m=1"
run "$work/a" 60 "$CC" -c "$bi/ok.c" -o "$work/a.o" "${DIAG[@]}" -fplugin="$plugin" $PA-m
sane "$work/a" && [ "$rc" -eq 0 ] || bad "m: exit status $rc"
run "$work/b" 60 "$CC" -c "$bi/ok.c" -o "$work/b.o" "${DIAG[@]}" -fplugin="$plugin" $PA-m=1
sane "$work/b" && [ "$rc" -eq 0 ] || bad "m=1: exit status $rc"
grep -q "ok.c:7:[0-9]*: note: x escapes to heap" "$work/a" || bad "m: no note for x"
cmp -s "$work/a" "$work/b" || bad "m and m=1 print different notes"
end

begin "rules= twice: loaded in order, the later wins"
run "$work/a" 60 env -C "$bi" "$CC" -c uses_rules.c -o "$work/a.o" "${DIAG[@]}" \
	-fplugin="$plugin" $PA-m $PA-rules=rules/good.json $PA-rules=rules/override.json
sane "$work/a" && [ "$rc" -eq 0 ] || bad "good then override: exit status $rc"
grep -q "note: name escapes to heap" "$work/a" && bad "override.json did not replace good.json's lib_open"
run "$work/b" 60 env -C "$bi" "$CC" -c uses_rules.c -o "$work/b.o" "${DIAG[@]}" \
	-fplugin="$plugin" $PA-m $PA-rules=rules/override.json $PA-rules=rules/good.json
sane "$work/b" && [ "$rc" -eq 0 ] || bad "override then good: exit status $rc"
grep -q "uses_rules.c:8:[0-9]*: note: name escapes to heap" "$work/b" ||
	bad "good.json given last did not make lib_open keep name"
end

begin "dangling=off, dangling=ID and the default"
run "$work/all" 60 "$CC" -c "$bi/dangling_filter.c" -o "$work/o.o" "${DIAG[@]}" -fplugin="$plugin"
sane "$work/all" || true
run "$work/ret" 60 "$CC" -c "$bi/dangling_filter.c" -o "$work/o.o" "${DIAG[@]}" -fplugin="$plugin" $PA-dangling=escape-return
sane "$work/ret" || true
run "$work/two" 60 "$CC" -c "$bi/dangling_filter.c" -o "$work/o.o" "${DIAG[@]}" -fplugin="$plugin" $PA-dangling=escape-global,escape-return
sane "$work/two" || true
run "$work/off" 60 "$CC" -c "$bi/dangling_filter.c" -o "$work/o.o" "${DIAG[@]}" -fplugin="$plugin" $PA-dangling=off
sane "$work/off" || true
n() { grep -c "warning: .*\[$1\]" "$2"; }
[ "$(n escape-return "$work/all")" = 1 ] && [ "$(n escape-global "$work/all")" = 1 ] || bad "default: not one escape-return and one escape-global warning"
[ "$(n escape-return "$work/ret")" = 1 ] && [ "$(n escape-global "$work/ret")" = 0 ] || bad "dangling=escape-return: wrong warnings"
[ "$(n escape-return "$work/two")" = 1 ] && [ "$(n escape-global "$work/two")" = 1 ] || bad "dangling=escape-global,escape-return: wrong warnings"
[ "$(n 'escape-[a-z]*' "$work/off")" = 0 ] || bad "dangling=off still warns"
end

echo "== rules files"
for spec in \
	"not-json.json|not-json.json:1:[0-9]+: not valid JSON" \
	"wrong-types.json|wrong-types.json:5: function \"lib_send\": \"params\" is not an array" \
	"effect-number.json|effect-number.json:4: function \"lib_open\": params\\[1\\] is not a string" \
	"version-string.json|version-string.json:2: \"escape-rules\" must be 1" \
	"unknown-top-key.json|unknown-top-key.json:4: unknown key \"function\" at the top level" \
	"unknown-rule-key.json|unknown-rule-key.json:5: function \"lib_send\": unknown key \"return\"" \
	"listed-twice.json|listed-twice.json:6: function \"lib_open\" listed twice \\(first at line 4\\)" \
	"index-range.json|index-range.json:4: function \"lib_copy\": \"copy\": parameter index 2 out of range" \
	"index-negative.json|index-negative.json:4: function \"lib_store\": \"store\": parameter index -1 out of range" \
	"empty.json|empty.json: empty rules file" \
	"blank.json|blank.json: empty rules file" \
	"mixed|mixed/b-bad.json:4: function \"lib_send\": unknown effect \"rx\""; do
	file=${spec%%|*}
	expect_error "rules: $file" "escape-rules.*: $bi/rules/${spec#*|}" $PA-rules="$bi/rules/$file"
done
expect_error "rules: a path under a missing directory" "$tmp/nowhere/r.json: No such file or directory" $PA-rules="$tmp/nowhere/r.json"
expect_error "rules: a regular file used as a directory" "ok.c/r.json: Not a directory" $PA-rules="$bi/ok.c/r.json"
expect_error "rules: /proc/self/mem (unreadable even for root)" "/proc/self/mem: Input/output error" $PA-rules=/proc/self/mem
expect_error "rules: /dev/zero (endless)" "/dev/zero: .*(large|size|regular)" $PA-rules=/dev/zero
mkfifo "$tmp/fifo.json"
expect_error "rules: a FIFO nobody writes to (no hang)" "fifo.json: " $PA-rules="$tmp/fifo.json"
rm -f "$tmp/fifo.json"

begin "rules: a good file is used"
run "$work/a" 60 env -C "$bi" "$CC" -c uses_rules.c -o "$work/a.o" "${DIAG[@]}" -w \
	-fplugin="$plugin" $PA-m=1 $PA-dangling=off $PA-rules=rules/good.json
sane "$work/a" && [ "$rc" -eq 0 ] || bad "exit status $rc"
directives "$bi/uses_rules.c" notes.O0="$work/a"
end

begin "rules: a directory with a subdirectory named *.json and other files"
mkdir -p "$work/rdir/sub.json" && cp "$bi/rules/good.json" "$work/rdir/" &&
	echo "not a rules file" >"$work/rdir/README" && echo "{" >"$work/rdir/.hidden.json"
run "$work/a" 60 env -C "$bi" "$CC" -c uses_rules.c -o "$work/a.o" "${DIAG[@]}" \
	-fplugin="$plugin" $PA-m $PA-rules="$work/rdir"
sane "$work/a" && [ "$rc" -eq 0 ] || bad "exit status $rc"
grep -q "uses_rules.c:8:[0-9]*: note: name escapes to heap" "$work/a" || bad "good.json of the directory not used"
end

begin "rules: a generated huge file (60,000 rules) loads and is used"
awk 'BEGIN {
	print "{\"escape-rules\": 1, \"description\": \"generated\", \"functions\": {"
	for (i = 0; i < 60000; i++)
		printf "%s\"lib_fn_%d\": {\"params\": [\"read\", \"write\", \"keep\"], \"doc\": \"generated rule %d of a huge rules file, padding padding padding\"}\n", (i ? "," : ""), i, i
	print "}}" }' >"$work/huge.json"
cat >"$work/huge.c" <<'EOF'
void lib_fn_59999(char *a, char *b, char *c);
void use(void)
{
	char a[4], b[4], c[4];
	lib_fn_59999(a, b, c);
}
EOF
start=$(date +%s)
run "$work/a" 120 "$CC" -c "$work/huge.c" -o "$work/a.o" "${DIAG[@]}" -fplugin="$plugin" $PA-m $PA-rules="$work/huge.json"
secs=$(($(date +%s) - start))
echo "($(wc -c <"$work/huge.json") bytes, $secs s)" >>"$tlog"
sane "$work/a" && [ "$rc" -eq 0 ] || bad "exit status $rc"
grep -q "huge.c:5:[0-9]*: note: c escapes to heap" "$work/a" || bad "the keep of lib_fn_59999's third parameter not applied"
grep -qE "note: (a|b) escapes" "$work/a" && bad "a read or write parameter escapes"
end

begin "rules: a generated huge file broken at its last rule: FILE:LINE"
awk 'BEGIN {
	print "{\"escape-rules\": 1, \"functions\": {"
	for (i = 0; i < 60000; i++)
		printf "\"lib_fn_%d\": {\"params\": [\"read\", \"write\"]},\n", i
	print "\"last\": {\"params\": [\"read\", \"teleport\"]}"
	print "}}" }' >"$work/hugebad.json"
run "$work/a" 120 "$CC" -c "$bi/ok.c" -o "$work/a.o" "${DIAG[@]}" -fplugin="$plugin" $PA-rules="$work/hugebad.json"
if sane "$work/a"; then
	[ "$rc" -eq 1 ] || bad "exit status $rc, not 1"
	grep -qE "error: .*hugebad.json:60002: function \"last\": unknown effect \"teleport\"" "$work/a" ||
		bad "no error naming hugebad.json:60002"
fi
end

begin "rules: no installed rules next to the plugin"
mkdir -p "$work/lonely" && cp "$plugin" "$work/lonely/escape.so"
run "$work/a" 60 "$CC" -c "$bi/ok.c" -o "$work/a.o" "${DIAG[@]}" -fplugin="$work/lonely/escape.so"
if sane "$work/a"; then
	[ "$rc" -eq 1 ] || bad "exit status $rc, not 1"
	grep -qE "error: escape: no rules next to .*lonely/escape.so" "$work/a" || bad "no error naming the missing rules"
fi
end

echo "== json reports"
# json_unwritable NAME PATH REGEX: the report cannot be written
json_unwritable() {
	begin "$1"
	run "$work/a" 60 "$CC" -c "$bi/ok.c" -o "$work/ok.o" "${DIAG[@]}" -fplugin="$plugin" $PA-json="$2"
	if sane "$work/a"; then
		[ "$rc" -eq 1 ] || bad "exit status $rc, not 1"
		grep -qE "error: .*$3" "$work/a" || bad "no error matching /$3/"
		[ -e "$work/ok.o" ] && bad "an object was left"
		[ -e "$2" ] && bad "a report was written"
	fi
	end
}
json_unwritable "json: a path under a missing directory" "$tmp/nowhere/r.json" "$tmp/nowhere/r.json.*No such file or directory"
json_unwritable "json: a regular file used as a directory" "$bi/ok.c/r.json" "ok.c/r.json.*Not a directory"
json_unwritable "json: a path in /proc" "/proc/escape-badinput-$$.json" "/proc/escape-badinput-$$.json"

begin "json: a written report is whole, no temporary file is left"
mkdir -p "$work/out"
run "$work/a" 60 "$CC" -c "$bi/ok.c" -o "$work/ok.o" "${DIAG[@]}" -fplugin="$plugin" $PA-json="$work/out/r.json"
sane "$work/a" && [ "$rc" -eq 0 ] || bad "exit status $rc"
json_ok "$work/out/r.json" || bad "the report is not one whole JSON document"
[ "$(find "$work/out" -mindepth 1 | wc -l)" = 1 ] || bad "left in the directory: $(ls -A "$work/out" | tr '\n' ' ')"
end

begin "-Werror on a dangling warning: exit 1, no report (the compilation failed), an old one removed"
echo '{"stale": true}' >"$work/r.json"
run "$work/a" 60 "$CC" -c "$bi/ok.c" -o "$work/ok.o" "${DIAG[@]}" -Werror -fplugin="$plugin" $PA-json="$work/r.json"
if sane "$work/a"; then
	[ "$rc" -eq 1 ] || bad "exit status $rc, not 1"
	grep -q "ok.c:7:[0-9]*: error: address of 'x' .*\[escape-global\].*\[-Werror\]" "$work/a" || bad "no -Werror error for x"
	[ -e "$work/r.json" ] && bad "a report is there for a failed compilation"
	[ -e "$work/ok.o" ] && bad "an object was left"
fi
end

begin "json: a failed compilation leaves no report and removes an old one"
printf 'int f(void) { return undeclared; }\n' >"$work/broken.c"
echo '{"stale": true}' >"$work/old.json"
run "$work/a" 60 "$CC" -c "$work/broken.c" -o "$work/b.o" "${DIAG[@]}" -fplugin="$plugin" $PA-json="$work/old.json"
if sane "$work/a"; then
	[ "$rc" -eq 1 ] || bad "exit status $rc, not 1"
	grep -q "error: .undeclared. undeclared" "$work/a" || bad "GCC's own error is missing"
	[ -e "$work/old.json" ] && bad "the old report is still there: $(head -c 40 "$work/old.json")"
fi
run "$work/b" 60 "$CC" -c "$work/broken.c" -o "$work/b.o" "${DIAG[@]}" -fplugin="$plugin" $PA-json="$work/new.json"
sane "$work/b" || true
[ -e "$work/new.json" ] && bad "a report was written for a failed compilation"
end

begin "json=DIR/: a failed compilation removes the unit's old report"
mkdir -p "$work/rep"
cp "$bi/ok.c" "$work/ok.c"
run "$work/a" 60 env -C "$work" "$CC" -c ok.c -o unit.o "${DIAG[@]}" -fplugin="$plugin" $PA-json=rep/
sane "$work/a" && [ "$rc" -eq 0 ] || bad "first compile: exit status $rc"
[ "$(ls "$work/rep" | wc -l)" = 1 ] || bad "not one report in rep/ after a good compile"
# the same command, so the same report name, now failing
sed -i 's/int x;/int x = undeclared;/' "$work/ok.c"
run "$work/b" 60 env -C "$work" "$CC" -c ok.c -o unit.o "${DIAG[@]}" -fplugin="$plugin" $PA-json=rep/
sane "$work/b" || true
[ "$rc" -eq 1 ] || bad "broken compile: exit status $rc"
[ "$(ls "$work/rep" | wc -l)" = 0 ] ||
	bad "left in rep/ after the failed compile: $(ls "$work/rep" | tr '\n' ' ')"
end

begin "json: a character device stays one (json=/dev/null style)"
if mknod "$work/null" c 1 3 2>/dev/null; then
	run "$work/a" 60 "$CC" -c "$bi/ok.c" -o "$work/ok.o" "${DIAG[@]}" -fplugin="$plugin" $PA-json="$work/null"
	sane "$work/a" || true
	[ -c "$work/null" ] || bad "the device node was replaced by a $(stat -c %F "$work/null")"
	[ "$rc" -eq 0 ] || grep -qE "error: .*$work/null" "$work/a" || bad "exit status $rc without an error naming it"
	end
else
	skip "mknod not permitted here"
fi

begin "json: a symbolic link is followed, as gcc -o does"
ln -s target.json "$work/link.json"
run "$work/a" 60 "$CC" -c "$bi/ok.c" -o "$work/ok.o" "${DIAG[@]}" -fplugin="$plugin" $PA-json="$work/link.json"
sane "$work/a" && [ "$rc" -eq 0 ] || bad "exit status $rc"
[ -L "$work/link.json" ] || bad "the link was replaced by a $(stat -c %F "$work/link.json")"
json_ok "$work/target.json" || bad "the link's target holds no report"
end

begin "-fsyntax-only: no error, and no stale report"
echo '{"stale": true}' >"$work/old.json"
run "$work/a" 60 "$CC" -fsyntax-only "$bi/ok.c" "${DIAG[@]}" -fplugin="$plugin" $PA-m $PA-json="$work/old.json"
if sane "$work/a"; then
	[ "$rc" -eq 0 ] || bad "exit status $rc"
	grep -q "error" "$work/a" && bad "an error"
	if [ -e "$work/old.json" ]; then
		grep -q stale "$work/old.json" && bad "the old report is left as if it were this run's"
		json_ok "$work/old.json" || bad "a broken report"
	fi
fi
end

echo "== flags"
flag_case "-O0 and -O2 (reference)"
flag_case "-fPIC" -fPIC
flag_case "-O3" -O3
flag_case "-Os" -Os
flag_case "-g3" -g3
flag_case "-fno-inline" -fno-inline
flag_case "-fsanitize=address" -fsanitize=address
flag_case "-fprofile-arcs" -fprofile-arcs
flag_case "-std=c89" -std=c89 -pedantic-errors
flag_case "-std=c2x" -std=c2x
flag_case "-fopenmp (no pragmas)" -fopenmp
check_case "-fopenmp: OpenMP regions, worksharing, tasks and teams on locals' addresses" omp.c
check_case "-flto -c" lto_a.c -flto

begin "-flto: compile, then link with the plugin"
for u in lto_a lto_b; do
	for v in ref plug; do
		pl=()
		[ $v = plug ] && pl=(-fplugin="$plugin" "$PA-m=1" "$PA-json=$work/$u.json")
		run "$work/c" 120 env -C "$work" "$CC" -O2 -flto "${REPRO[@]}" "${DIAG[@]}" -c "$bi/$u.c" -o "$u.$v.o" "${pl[@]}"
		sane "$work/c" && [ "$rc" -eq 0 ] || bad "$u ($v): exit status $rc"
	done
	json_ok "$work/$u.json" || bad "no report for $u"
done
for v in ref plug; do
	pl=()
	[ $v = plug ] && pl=(-fplugin="$plugin" "$PA-m=1" "$PA-json=$work/link.json")
	cp "$work/lto_a.$v.o" "$work/a.o" && cp "$work/lto_b.$v.o" "$work/b.o"
	run "$work/link.$v" 300 env -C "$work" "$CC" -O2 -flto "${REPRO[@]}" "${DIAG[@]}" a.o b.o -o prog "${pl[@]}"
	sane "$work/link.$v" && [ "$rc" -eq 0 ] || bad "link ($v): exit status $rc"
	mv "$work/prog" "$work/prog.$v" 2>/dev/null
done
[ -s "$work/link.plug" ] && bad "the link step printed: $(head -n 2 "$work/link.plug" | tr '\n' ' ')"
[ -e "$work/link.json" ] && bad "a report for the link step (no C unit there)"
cmp -s "$work/prog.ref" "$work/prog.plug" || bad "the linked programs differ"
"$work/prog.plug" || bad "the linked program fails"
end

begin "-flto one-shot (gcc -flto a.c b.c) with json=DIR/"
mkdir -p "$work/rep"
run "$work/a" 300 env -C "$work" "$CC" -O2 -flto "${DIAG[@]}" "$bi/lto_a.c" "$bi/lto_b.c" -o prog \
	-fplugin="$plugin" $PA-m=1 $PA-json=rep/
sane "$work/a" && [ "$rc" -eq 0 ] || bad "exit status $rc"
[ "$(ls "$work/rep" | wc -l)" = 2 ] || bad "not one report per unit: $(ls "$work/rep" | tr '\n' ' ')"
for r in "$work"/rep/*; do json_ok "$r" || bad "$(basename "$r") is not whole"; done
[ "$(grep -c 'note: local escapes to heap' "$work/a")" = 1 ] || bad "not one note for local"
end

begin "input from stdin (-x c -)"
run "$work/a" 60 env -C "$work" sh -c "\"\$@\" <'$bi/ok.c'" sh "$CC" -x c -c - -o ok.o "${DIAG[@]}" \
	-fplugin="$plugin" $PA-m=1 $PA-json="$work/stdin.json"
if sane "$work/a"; then
	[ "$rc" -eq 0 ] || bad "exit status $rc"
	grep -q "^<stdin>:7:[0-9]*: note: x escapes to heap" "$work/a" || bad "no note at <stdin>:7"
	grep -q "^<stdin>:7:[0-9]*: warning: .*\[escape-global\]" "$work/a" || bad "no warning at <stdin>:7"
	json_ok "$work/stdin.json" || bad "no whole report"
	grep -q '"source": "<stdin>"' "$work/stdin.json" || bad "the report's source is not <stdin>"
fi
run "$work/r" 60 env -C "$work" sh -c "\"\$@\" <'$bi/ok.c'" sh "$CC" -x c -c - -o same.o -w "${REPRO[@]}"
mv "$work/same.o" "$work/ref.o" 2>/dev/null
run "$work/b" 60 env -C "$work" sh -c "\"\$@\" <'$bi/ok.c'" sh "$CC" -x c -c - -o same.o -w "${REPRO[@]}" -fplugin="$plugin"
cmp -s "$work/ref.o" "$work/same.o" || bad "the object differs from one compiled without the plugin"
end

begin "#line: notes, warnings and the report use the named file and line"
run "$work/a" 60 env -C "$bi" "$CC" -c hash_line.c -o "$work/a.o" "${DIAG[@]}" \
	-fplugin="$plugin" $PA-m=1 $PA-json="$work/r.json"
if sane "$work/a"; then
	[ "$rc" -eq 0 ] || bad "exit status $rc"
	grep -q "^original.y:103:[0-9]*: note: x escapes to heap$" "$work/a" || bad "no note at original.y:103"
	grep -q "^original.y:103:[0-9]*: warning: .*\[escape-global\]" "$work/a" || bad "no warning at original.y:103"
	grep -q "^hash_line.c:20:[0-9]*: note: leaking param: p to result level=0$" "$work/a" || bad "no note at hash_line.c:20"
	grep -q "hash_line.c:[3-9]:" "$work/a" && bad "a diagnostic at the physical lines"
	if [ $have_python -eq 1 ]; then
		python3 - "$work/r.json" >>"$tlog" 2>&1 <<'PY' || bad "report: $(tail -n 1 "$tlog")"
import json, sys
doc = json.load(open(sys.argv[1]))
fns = {f["name"]: f for f in doc["functions"]}
f = fns["from_grammar"]
assert (f["file"], f["line"]) == ("original.y", 100), ("from_grammar at", f["file"], f["line"])
x = [l for l in f["locals"] if l["name"] == "x"][0]
assert x["line"] == 102 and x["escapes"], ("x", x["line"], x["escapes"])
h = fns["here"]
assert (h["file"], h["line"]) == ("hash_line.c", 20), ("here at", h["file"], h["line"])
PY
	else
		bad "python3 is missing (scripts/deps.sh --test installs it)"
	fi
fi
end

begin "C++ through g++: one note, nothing else, nothing changed"
if command -v "$CXX" >/dev/null 2>&1; then
	echo '{"stale": true}' >"$work/cxx.json"
	run "$work/a" 60 env -C "$work" "$CXX" -O2 -c "$bi/cxx.cc" -o same.o "${DIAG[@]}" "${REPRO[@]}" \
		-fplugin="$plugin" $PA-m=2 $PA-json="$work/cxx.json"
	if sane "$work/a"; then
		[ "$rc" -eq 0 ] || bad "exit status $rc"
		[ "$(grep -c 'note: escape: analyses C only' "$work/a")" = 1 ] || bad "not one 'C only' note"
		[ "$(wc -l <"$work/a")" = 1 ] || bad "more than that note: $(sed -n 2p "$work/a")"
		mv "$work/same.o" "$work/plug.o"
		run "$work/b" 60 env -C "$work" "$CXX" -O2 -c "$bi/cxx.cc" -o same.o "${REPRO[@]}"
		cmp -s "$work/plug.o" "$work/same.o" || bad "the object differs from one compiled without the plugin"
	fi
	run "$work/c" 60 env -C "$work" "$CXX" -c "$bi/cxx.cc" -o c.o "${DIAG[@]}" -fplugin="$plugin" $PA-bogus
	sane "$work/c" && [ "$rc" -eq 1 ] || bad "a bad argument under g++: exit status $rc"
	end
else
	skip "no $CXX"
fi

echo "== GNU C extensions"
check_case "nested functions" nested_fn.c
check_case "statement expressions" stmt_expr.c
check_case "__builtin_*" builtins.c
check_case "computed goto" computed_goto.c
check_case "setjmp/longjmp" setjmp.c
check_case "__attribute__((cleanup))" cleanup.c
check_case "VLAs in loops" vla_loop.c
check_case "_Complex, vectors, __int128" types.c
check_case "zero-length arrays" zero_len.c
check_case "transparent unions" transparent_union.c

echo "== big inputs"
begin "a function of $STMTS statements"
awk -v n="$STMTS" 'BEGIN {
	print "int *g;\nint big(int n)\n{\n\tint v[64];\n\tint *p[64];\n\tint s = 0;"
	print "\tfor (int i = 0; i < 64; i++) { v[i] = i; p[i] = &v[0]; }"
	for (i = 0; i < n; i++) {
		m = i % 4
		if (m == 0) printf "\tp[%d] = &v[%d];\n", i % 64, (i * 7) % 64
		else if (m == 1) printf "\ts += *p[%d] + n;\n", i % 64
		else if (m == 2) printf "\tif (s > %d) v[%d] = s;\n", i, i % 64
		else printf "\tn ^= v[%d];\n", (i * 3) % 64
	}
	print "\tg = p[3];\n\treturn s;\n}\nint small(int *q)\n{\n\treturn *q;\n}" }' >"$work/big.c"
lines=$(wc -l <"$work/big.c")
start=$(date +%s)
run "$work/a" 600 "$CC" -c "$work/big.c" -o "$work/a.o" "${DIAG[@]}" -fplugin="$plugin" $PA-m=1 $PA-json="$work/big.json"
echo "($lines lines, $(($(date +%s) - start)) s)" | tee -a "$tlog"
if sane "$work/a"; then
	[ "$rc" -eq 0 ] || bad "exit status $rc"
	grep -q "big.c:7:[0-9]*: note: v escapes to heap" "$work/a" || bad "no note for v at line 7"
	grep -q "big.c:$((lines - 3)):[0-9]*: note: q does not escape" "$work/a" || bad "no note for small's q"
	json_ok "$work/big.json" || bad "no whole report"
fi
end

begin "a unit of $FUNCS functions"
awk -v n="$FUNCS" 'BEGIN {
	print "int *g;\nint f0(int *p) { return *p; }"
	for (i = 1; i < n; i++) {
		if (i % 3 == 0)
			printf "int f%d(int *p) { int l = *p; if (l > %d) g = p; return f%d(&l) + 1; }\n", i, i, i - 1
		else if (i % 3 == 1)
			printf "static int f%d(int *p) { int a[4] = {*p}; return f%d(a) + f0(p); }\n", i, i - 1
		else
			printf "int f%d(int *p) { int *q = p; return f%d(q); }\n", i, i - 1
	}
	printf "int main(void) { int x = 0; return f%d(&x); }\n", n - 1 }' >"$work/many.c"
start=$(date +%s)
run "$work/a" 300 "$CC" -O2 -c "$work/many.c" -o "$work/a.o" "${DIAG[@]}" -fplugin="$plugin" $PA-m=1 $PA-json="$work/many.json"
echo "($FUNCS functions, $(($(date +%s) - start)) s)" | tee -a "$tlog"
if sane "$work/a"; then
	[ "$rc" -eq 0 ] || bad "exit status $rc"
	# f(3k) stores p: leaks; f(3k+1) gives a to f(3k), so a escapes
	# (but not in f1, whose f0 keeps nothing); f(3k+2) and main: nothing
	want_leak=$(( (FUNCS - 1) / 3 ))
	want_esc=$(( FUNCS >= 2 ? (FUNCS - 2) / 3 : 0 ))
	got_leak=$(grep -c "note: leaking param: p$" "$work/a")
	got_esc=$(grep -c "note: a escapes to heap$" "$work/a")
	[ "$got_leak" = "$want_leak" ] || bad "$got_leak 'leaking param: p', not $want_leak"
	[ "$got_esc" = "$want_esc" ] || bad "$got_esc 'a escapes to heap', not $want_esc"
	grep -q "note: l escapes" "$work/a" && bad "l escapes"
	json_ok "$work/many.json" || bad "no whole report"
fi
end

echo "== fuzzing the rules loader"
begin "libFuzzer on the rules loader, $FUZZ s"
if [ "$FUZZ" -eq 0 ]; then
	skip "BADINPUT_FUZZ=0"
else
	run "$work/a" $((FUZZ + 300)) "$root/scripts/fuzz-rules.sh" "$FUZZ"
	case $rc in
	0) grep -E '^fuzz-rules: [0-9]+ execs' "$work/a"; end ;;
	2) skip "cannot build the harness: $(grep -m1 'fuzz-rules.sh' "$work/a")" ;;
	*) bad "fuzz-rules.sh found something (exit $rc): $(grep -E '^(reproduce|==[0-9]+==ERROR|fuzz_rules:)' "$work/a" | head -n 3 | tr '\n' ' ')"; end ;;
	esac
fi

[ "$skipped" -gt 0 ] && echo "$skipped skipped (counted in neither)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
