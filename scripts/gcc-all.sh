#!/bin/sh
# gcc-all.sh [VERSION...] - escape on every GCC series people use (make
# check-gcc-all): this machine's GCC ($CC, GCC 12 on Debian 12) and GCC 13,
# 14, 15 and 16 (or the VERSIONs given) in a Debian unstable chroot made
# or reused by scripts/gcc-chroot.sh.  For each of them:
#
#   make check   the plugin built for it, in a copy of this tree of its own
#                inside the chroot (its own build/, nothing shared), and
#                `make check` run with it; the torture and csmith samples
#                are smaller than on this machine's GCC (TORTURE_SAMPLE,
#                default 100 files, and CSMITH_COUNT, default 6)
#   outputs      the plugin's notes, warnings and reports on the test cases,
#                the dangling cases and the blind corpora, at -O2 and -O0
#                (scripts/gcc-outputs.sh), are byte for byte the same as
#                with $CC, GCC's own diagnostics aside
#                (scripts/gcc-compare.py)
#   symbols      every GCC symbol escape.so refers to (weakly: see the
#                Makefile) is exported by that GCC's cc1
#   wrong GCC    escape.so built for another series (each other one,
#                this machine's included) refuses to load with the
#                plugin's own message, not dlopen's "undefined symbol"
#
# Logs and outputs go to build/gcc-all/ (VERSION.log: its make check).
# Ends with "N passed, N failed", a check each; exits 1 if any failed.
# Needs root (the chroot); see scripts/gcc-chroot.sh for its environment.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
CC=${CC:-gcc}
versions=${*:-13 14 15 16}
sample=${TORTURE_SAMPLE:-100}
count=${CSMITH_COUNT:-6}
work=$root/build/gcc-all
passed=0 failed=0

ok() {
	echo "PASS: $*"
	passed=$((passed + 1))
}
bad() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

# A copy of this tree's sources (not its build) in DIR, keeping DIR/build
# so that a second run rebuilds only what changed.
copy_tree() {
	mkdir -p "$1"
	find "$1" -mindepth 1 -maxdepth 1 ! -name build -exec rm -rf {} +
	if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git -C "$root" ls-files -z -co --exclude-standard |
			tar -C "$root" --null -T - -cf - | tar -C "$1" -xf -
	else
		tar -C "$root" --exclude=./.git --exclude=./build \
			--exclude=./plugin/escape.so -cf - . | tar -C "$1" -xf -
	fi
}

# The GCC symbols SO refers to that NM-DEFINED (a list) lacks.
missing_symbols() { # SO DEFINED
	nm -D --undefined-only "$1" | awk '{ print $NF }' | grep -v '@' |
		grep -vx '_ITM_deregisterTMCloneTable\|_ITM_registerTMCloneTable\|__gmon_start__\|__cxa_finalize' |
		sort | comm -23 - "$2"
}

rm -rf "$work"
mkdir -p "$work"
start=$(date +%s)

# This machine's GCC: the reference outputs.
host=$("$CC" -dumpfullversion)
echo "== GCC $host ($CC): the reference"
make -s all CC="$CC" >"$work/$host.build.log" 2>&1 || {
	cat "$work/$host.build.log"
	bad "GCC $host: make all"
	echo "$passed passed, $failed failed"
	exit 1
}
if scripts/gcc-outputs.sh "$work/out-$host" >"$work/out-$host.log" 2>&1; then
	ok "GCC $host: outputs on $(tail -n 1 "$work/out-$host.log")"
else
	bad "GCC $host: outputs (see $work/out-$host.log)"
fi
nm -D --defined-only "$("$CC" -print-prog-name=cc1)" | awk '{ print $NF }' |
	sort >"$work/cc1-$host.syms"
m=$(missing_symbols plugin/escape.so "$work/cc1-$host.syms")
if [ -z "$m" ]; then
	ok "GCC $host: cc1 exports every GCC symbol escape.so uses"
else
	bad "GCC $host: cc1 lacks $(echo "$m" | tr '\n' ' ')"
fi

# The chroot, and a copy of the tree per version inside it.
scripts/gcc-chroot.sh create || {
	bad "the chroot (scripts/gcc-chroot.sh create)"
	echo "$passed passed, $failed failed"
	exit 1
}
chroot=$(scripts/gcc-chroot.sh path)
mkdir -p "$chroot/escape"
cp plugin/escape.so "$chroot/escape/escape-$host.so"
cp examples/demo.c "$chroot/escape/demo.c"

for v in $versions; do
	t0=$(date +%s)
	echo "== GCC $v (chroot)"
	copy_tree "$chroot/escape/gcc-$v"
	scripts/gcc-chroot.sh run env TORTURE_SAMPLE="$sample" CSMITH_COUNT="$count" \
		sh -c "cd /escape/gcc-$v && make check CC=gcc-$v CXX=g++-$v" \
		>"$work/$v.log" 2>&1
	rc=$?
	full=$(scripts/gcc-chroot.sh run "gcc-$v" -dumpfullversion 2>/dev/null)
	total=$(grep -E '^total: [0-9]+ passed, [0-9]+ failed' "$work/$v.log" | tail -n 1)
	if [ $rc -eq 0 ] && [ -n "$total" ]; then
		ok "GCC $full: make check, $total"
	else
		bad "GCC $full: make check (exit $rc), ${total:-no total}; see $work/$v.log"
		grep -E '^(FAIL|== )' "$work/$v.log" | grep -B1 '^FAIL' | head -n 20
	fi
	[ -f "$chroot/escape/gcc-$v/plugin/escape.so" ] || continue

	if scripts/gcc-chroot.sh run env CC="gcc-$v" \
		"/escape/gcc-$v/scripts/gcc-outputs.sh" "/escape/out-$v" \
		>"$work/out-$v.log" 2>&1; then
		rm -rf "$work/out-$v"
		cp -r "$chroot/escape/out-$v" "$work/out-$v"
		diff -r "$work/out-$host" "$work/out-$v" >"$work/out-$v.diff"
		if scripts/gcc-compare.py "$work/out-$host" "$work/out-$v" >"$work/out-$v.same"; then
			ok "GCC $full: notes, warnings and reports the same as GCC $host's: $(cat "$work/out-$v.same")"
		else
			bad "GCC $full: notes, warnings or reports differ from GCC $host's (diff: $work/out-$v.diff):"
			head -n 20 "$work/out-$v.same"
		fi
	else
		bad "GCC $full: outputs (see $work/out-$v.log)"
	fi

	scripts/gcc-chroot.sh run nm -D --defined-only \
		"$(scripts/gcc-chroot.sh run "gcc-$v" -print-prog-name=cc1)" |
		awk '{ print $NF }' | sort >"$work/cc1-$v.syms"
	m=$(missing_symbols "$chroot/escape/gcc-$v/plugin/escape.so" "$work/cc1-$v.syms")
	if [ -z "$m" ]; then
		ok "GCC $full: cc1 exports every GCC symbol escape.so uses"
	else
		bad "GCC $full: cc1 lacks $(echo "$m" | tr '\n' ' ')"
	fi
	cp "$chroot/escape/gcc-$v/plugin/escape.so" "$chroot/escape/escape-$v.so"
	echo "   ($(($(date +%s) - t0)) s)"
done

# Each plugin in each other GCC: the plugin's message, not dlopen's.
echo "== escape.so built for one GCC, loaded into another"
for v in $versions; do
	for so in "$chroot"/escape/escape-*.so; do
		built=${so##*/escape-}
		built=${built%.so}
		[ "$built" = "$v" ] && continue
		case $built in "$v".*) continue ;; esac
		out=$(scripts/gcc-chroot.sh run "gcc-$v" -c /escape/demo.c -o /dev/null \
			-fplugin="/escape/${so##*/}" 2>&1)
		rc=$?
		if [ $rc -ne 0 ] && echo "$out" | grep -q "escape: .* was built for GCC $built" &&
			! echo "$out" | grep -q 'undefined symbol'; then
			ok "built for GCC $built, in gcc-$v: $(echo "$out" | grep -m1 'was built for')"
		else
			bad "built for GCC $built, in gcc-$v (exit $rc): $out"
		fi
	done
done

echo "check-gcc-all: $(($(date +%s) - start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
