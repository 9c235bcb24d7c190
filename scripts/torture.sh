#!/bin/bash
# torture.sh [OPTIONS] [FILE...] - the plugin must never break a build.
#
# Compiles GCC's own C test suite (the gcc-12-source package: the C torture
# tests, gcc.dg, gcc.dg/analyzer and c-c++-common) at -O0 and at -O2, once
# with plain GCC and once with the plugin (m=2 and a JSON report), and
# checks that the plugin changes nothing:
#   - no internal compiler error, crash or hang with the plugin;
#   - the same exit status;
#   - byte-identical objects (cmp; SOURCE_DATE_EPOCH is set, so that
#     __DATE__ and __TIME__ are the same in both compiles);
# The OpenMP tests (the gomp/ directories) are compiled with -fopenmp
# and -frandom-seed, and their objects compared without the section that
# records the command line for offloading (.gnu.offload_lto_.opts).
#   - the JSON report exists and is valid JSON (read by the test suite's
#     checker, build/expect json).
# Files that plain GCC rejects (target-specific options, dg-error tests,
# missing headers...) are "skipped (GCC rejects)" and counted in neither.
#
# Prints a table per level, the command that reproduces each failure, and
# ends with "N passed, N failed" counting file x level runs.  Exits 1 if
# anything failed, 2 if it could not run at all.
#
# Options:
#   --sample N     only N files, spread evenly over the sorted list
#                  (deterministic); default: every file
#   --jobs N       parallel compiles (default: nproc)
#   --levels L     comma-separated -O levels (default: 0,2)
#   --timeout S    seconds per compile (default: 60)
#   --cache DIR    where the test files are unpacked (default:
#                  ${XDG_CACHE_HOME:-$HOME/.cache}/escape/gcc-12-tests);
#                  reused when present
#   --resume DIR   go on with an interrupted run in DIR (the directory
#                  named by "logs in ..."): runs already done are kept,
#                  failed ones are tried again, the rest are run.  Only
#                  with the same plugin (its sha256 is checked) and the
#                  same options.
#   --refs-only    only the plain compiles, to fill the cache of their
#                  results (see below) while the plugin is still changing
#   --no-refs      neither use nor fill that cache
#   FILE...        test these C files instead of the suite
#
# The plain compiles of suite files are cached: their exit status and
# object sha256 are kept under the --cache directory, keyed by the
# compiler's identity (its version and the sha256 of cc1), so that a run
# after a plugin change compiles each file only with the plugin.  Files
# given on the command line are always compiled both ways.
#
# Environment: PLUGIN (default plugin/escape.so of this tree), CC (gcc).
# Installs gcc-12-source with apt-get when missing (as root; otherwise
# prints the command to run and exits 2).

set -u

# ------------------------------------------------------------------ #
# One compile pair: --worker ID LEVEL FILE, run in parallel by xargs #
# in the directory $T_RUNDIR/w.ID.  Prints one line:                 #
#   RESULT<TAB>LEVEL<TAB>FILE<TAB>DETAIL<TAB>ID                      #
# RESULT is PASS, SKIP, FAIL, or JSON (passed so far; its report is  #
# checked by the driver).                                            #
# ------------------------------------------------------------------ #
if [ "${1:-}" = --worker ]; then
	id=$2 level=$3 file=$4
	work=$T_RUNDIR/w.$id
	rm -rf "$work" # left by an interrupted run (--resume)
	mkdir "$work" && cd "$work" || exit 0
	common=(-O"$level" -c "$file" -w -gno-record-gcc-switches -fno-diagnostics-color)
	# the OpenMP tests (gomp/) are compiled with -fopenmp, as they are
	# meant to be; -fopenmp names some symbols at random without a seed
	omp=
	case $file in */gomp/*) omp=.omp common+=(-fopenmp -frandom-seed=escape) ;; esac
	objsum() { # OBJECT: its sha256, but for the options -fopenmp records
		# for offloading (.gnu.offload_lto_.opts: the command line,
		# the plugin's arguments included)
		if [ -n "$omp" ]; then
			objcopy -R .gnu.offload_lto_.opts "$1" "$1.cmp" 2>/dev/null &&
				sha256sum <"$1.cmp" | cut -c1-64
		else
			sha256sum <"$1" | cut -c1-64
		fi
	}
	# __DATE__ and __TIME__ must not differ between the two compiles
	export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-946684800}
	result() { # RESULT DETAIL; a failure keeps its directory, JSON its report
		printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$level" "$file" "$2" "$id"
		case $1 in
		FAIL) [ -f ref.o ] || echo "${refsum:-}" >ref.o.sha256 ;;
		JSON) rm -f ref.o plug.o ref.err plug.err ;;
		*) cd / && rm -rf "$work" ;;
		esac
		exit 0
	}
	# The plain compile depends only on the compiler and the file: its
	# exit status and the object's sha256 are kept in $T_REFS (suite files
	# only, never a timeout), so a later run compiles with the plugin only.
	ref=""
	[ -n "$T_REFS" ] && ref=$T_REFS/$level/${file#"$T_SUITE/"}$omp.ref
	if [ -n "$ref" ] && [ -f "$ref" ] && read -r rc1 refsum <"$ref" && [ -n "$refsum" ]; then
		[ -n "$T_REFONLY" ] && result PASS "plain compile known"
	else
		timeout -k 5 "$T_TIMEOUT" "$CC" "${common[@]}" -o ref.o >ref.err 2>&1
		rc1=$?
		refsum=-
		[ "$rc1" -eq 0 ] && refsum=$(objsum ref.o)
		if [ -n "$ref" ] && [ "$rc1" -ne 124 ] && [ "$rc1" -ne 137 ]; then
			mkdir -p "$(dirname "$ref")" &&
				printf '%s %s\n' "$rc1" "$refsum" >"$ref.$id" && mv "$ref.$id" "$ref"
		fi
		[ -n "$T_REFONLY" ] && result PASS "plain compile done"
	fi
	if [ "$rc1" -eq 124 ] || [ "$rc1" -eq 137 ]; then
		result SKIP "GCC times out"
	elif [ "$rc1" -ne 0 ]; then
		result SKIP "GCC rejects (exit $rc1)"
	fi
	plug() { # TIMEOUT
		timeout -k 5 "$1" "$CC" "${common[@]}" -o plug.o \
			-fplugin="$PLUGIN" -fplugin-arg-escape-m=2 \
			-fplugin-arg-escape-json="$work/x.json" >plug.err 2>&1
	}
	plug "$T_TIMEOUT"
	rc2=$?
	# A compile that takes most of the limit without the plugin can pass
	# it with the plugin only because the machine is busy: such a
	# timeout is tried once more, with 5 times the limit.
	if [ "$rc2" -eq 124 ] || [ "$rc2" -eq 137 ]; then
		plug $((T_TIMEOUT * 5))
		rc2=$?
	fi
	if [ "$rc2" -ne 0 ] && grep -q 'internal compiler error' plug.err; then
		result FAIL "ICE: $(grep -m1 'internal compiler error' plug.err | cut -c1-200)"
	elif [ "$rc2" -eq 124 ] || [ "$rc2" -eq 137 ]; then
		result FAIL "timeout ($((T_TIMEOUT * 5))s) with the plugin only"
	elif [ "$rc2" -gt 128 ]; then
		result FAIL "crash: killed by signal $((rc2 - 128))"
	elif [ "$rc2" -ne "$rc1" ]; then
		result FAIL "exit $rc2 with the plugin, $rc1 without: $(grep -m1 -E 'error|fatal' plug.err | cut -c1-200)"
	elif [ "$rc1" -eq 0 ] && [ "$(objsum plug.o)" != "$refsum" ]; then
		result FAIL "objects differ"
	elif [ ! -f x.json ]; then
		result FAIL "no JSON report written"
	fi
	# valid JSON is checked afterwards, all reports by build/expect json
	result JSON ""
fi

# ------------------------------------------------------------------ #
# Driver: one { } block, so that bash reads all of it before running #
# it and editing this file during a long run cannot derail the run.  #
# ------------------------------------------------------------------ #
{
root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
self="$root/scripts/$(basename "$0")"
CC=${CC:-gcc}
PLUGIN=${PLUGIN:-plugin/escape.so}
case $PLUGIN in /*) ;; *) PLUGIN="$root/$PLUGIN" ;; esac
sample=0
jobs=$(nproc 2>/dev/null || echo 2)
levels=0,2
T_TIMEOUT=60
major=$("$CC" -dumpversion 2>/dev/null | cut -d. -f1)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/escape/gcc-${major:-12}-tests
files=()
resume=
refs_only=
no_refs=

usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "$self" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in
	--sample) sample=${2:?}; shift 2 ;;
	--jobs | -j) jobs=${2:?}; shift 2 ;;
	--levels) levels=${2:?}; shift 2 ;;
	--timeout) T_TIMEOUT=${2:?}; shift 2 ;;
	--cache) cache=${2:?}; shift 2 ;;
	--resume) resume=${2:?}; shift 2 ;;
	--refs-only) refs_only=1; shift ;;
	--no-refs) no_refs=1; shift ;;
	-h | --help) usage ;;
	-*) echo "torture: unknown option $1" >&2; usage ;;
	*) files+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"); shift ;;
	esac
done
case $sample$jobs$T_TIMEOUT in *[!0-9]*) echo "torture: --sample, --jobs and --timeout take numbers" >&2; exit 2 ;; esac
[ "$jobs" -ge 1 ] || jobs=1
IFS=', ' read -r -a levels <<<"$levels"

if [ -z "$major" ]; then
	echo "torture: cannot run $CC" >&2
	exit 2
fi
if [ -z "$refs_only" ] && [ ! -f "$PLUGIN" ]; then
	echo "torture: no plugin at $PLUGIN (run make, or set PLUGIN=)" >&2
	exit 2
fi

# The test files: gcc-N-source's tarball, unpacked once into $cache.
dirs=(gcc.c-torture/compile gcc.c-torture/execute gcc.dg c-c++-common)
find_tarball() { # gcc-12-source's gcc-12.x.y-dfsg.tar.xz (not gm2-*)
	for t in /usr/src/gcc-"$major"/gcc-[0-9]*.tar.*; do
		[ -f "$t" ] && { echo "$t"; return; }
	done
}
ensure_tests() {
	pkg=gcc-$major-source
	tarball=$(find_tarball)
	if [ -f "$cache/.complete" ]; then
		# reused, unless the package now holds another GCC release
		[ -z "$tarball" ] && return 0
		[ "$(cat "$cache/.complete")" = "$(basename "$tarball")" ] && return 0
	fi
	if [ -z "$tarball" ]; then
		if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
			echo "torture: GCC's test suite is missing; run:" >&2
			echo "  sudo apt-get update && sudo apt-get install -y $pkg" >&2
			exit 2
		fi
		echo "torture: installing $pkg" >&2
		export DEBIAN_FRONTEND=noninteractive
		if ! { apt-get update -qq >/dev/null && apt-get install -y -qq "$pkg" >/dev/null; }; then
			echo "torture: apt-get install $pkg failed" >&2
			exit 2
		fi
		tarball=$(find_tarball)
		[ -n "$tarball" ] || { echo "torture: $pkg has no tarball in /usr/src/gcc-$major" >&2; exit 2; }
	fi
	echo "torture: unpacking the C tests of $tarball into $cache" >&2
	mkdir -p "$(dirname "$cache")" || exit 2
	tmp=$(mktemp -d "$cache.XXXXXX") || exit 2
	members=()
	for d in "${dirs[@]}"; do members+=("gcc-*/gcc/testsuite/$d"); done
	if ! tar -xf "$tarball" -C "$tmp" --strip-components=3 --wildcards "${members[@]}"; then
		rm -rf "$tmp"
		echo "torture: cannot unpack $tarball" >&2
		exit 2
	fi
	basename "$tarball" >"$tmp/.complete"
	rm -rf "$cache"
	mv "$tmp" "$cache" || exit 2
}

given=${files[*]}
if [ ${#files[@]} -eq 0 ]; then
	ensure_tests
	# every C file of the four trees (gcc.dg includes gcc.dg/analyzer);
	# files meant for other targets or options are skipped when plain
	# GCC rejects them.
	mapfile -t files < <(
		cd "$cache" && find "${dirs[@]}" -name '*.c' -type f | LC_ALL=C sort)
	files=("${files[@]/#/$cache/}")
fi
total=${#files[@]}
if [ "$total" -eq 0 ]; then
	echo "torture: no test files" >&2
	exit 2
fi
if [ "$sample" -gt 0 ] && [ "$sample" -lt "$total" ]; then
	# every k-th file, k = total/sample, as evenly as integers allow
	mapfile -t files < <(printf '%s\n' "${files[@]}" |
		awk -v n="$sample" -v t="$total" 'BEGIN { next_i = 0; k = 0 }
			NR - 1 == next_i { print; k++; next_i = int(k * t / n) }')
fi
count=${#files[@]}

# The cache of plain compiles, for suite files only
T_REFS="" T_SUITE="$cache" T_REFONLY="$refs_only"
if [ -z "$given" ] && [ -z "$no_refs" ]; then
	cc1=$("$CC" -print-prog-name=cc1 2>/dev/null)
	ccid=$({ "$CC" -dumpfullversion; "$CC" -dumpmachine; sha256sum <"$cc1"; } 2>/dev/null | sha256sum | cut -c1-16)
	[ -f "$cc1" ] && T_REFS=$cache/refs/$ccid
elif [ -n "$refs_only" ]; then
	echo "torture: --refs-only is for the suite, not for given files (nor with --no-refs)" >&2
	exit 2
fi
export T_REFS T_SUITE T_REFONLY

# the test suite's checker (testsuite/lib) reads the reports
. "$root/testsuite/lib/lib.sh"
esc_expect_init >/dev/null || { echo "torture: cannot build the checker build/expect" >&2; exit 2; }
sha=$(sha256sum <"$PLUGIN" 2>/dev/null | cut -c1-64)
[ -n "$refs_only" ] && sha=refs-only
if [ -n "$resume" ]; then
	T_RUNDIR=$(cd "$resume" 2>/dev/null && pwd)
	if [ -z "$T_RUNDIR" ] || [ ! -f "$T_RUNDIR/results" ]; then
		echo "torture: --resume $resume: not a torture run directory (no results file)" >&2
		exit 2
	fi
	if [ "$(cat "$T_RUNDIR/plugin.sha256" 2>/dev/null)" != "$sha" ]; then
		echo "torture: --resume $resume: that run used another plugin (sha256 $(cat "$T_RUNDIR/plugin.sha256" 2>/dev/null || echo unknown)), this one is $sha" >&2
		exit 2
	fi
else
	T_RUNDIR=$(mktemp -d "${TMPDIR:-/tmp}/escape-torture.XXXXXX") || exit 2
	echo "$sha" >"$T_RUNDIR/plugin.sha256"
fi
export CC PLUGIN T_RUNDIR T_TIMEOUT
results=$T_RUNDIR/results
done_runs=$T_RUNDIR/done
: >"$done_runs"
if [ -n "$resume" ]; then
	# keep what passed or was skipped; try failures again
	awk -F'\t' '$1 == "FAIL" { print $5 }' "$results" |
		while read -r n; do rm -rf "$T_RUNDIR/w.$n"; done
	awk -F'\t' '$1 != "FAIL"' "$results" >"$results.new" && mv "$results.new" "$results"
	awk -F'\t' '{ print $2 "\t" $3 }' "$results" >"$done_runs"
	echo "torture: resuming $T_RUNDIR: $(wc -l <"$results") runs already done"
fi
trap 'echo "torture: interrupted; logs in $T_RUNDIR" >&2; exit 130' INT TERM

# The plugin must load at all; otherwise every file would "fail".
[ -n "$refs_only" ] || printf 'int main(void) { int x = 0; int *p = &x; return *p; }\n' >"$T_RUNDIR/probe.c"
if [ -z "$refs_only" ] && ! "$CC" -c "$T_RUNDIR/probe.c" -o "$T_RUNDIR/probe.o" -fplugin="$PLUGIN" \
	-fplugin-arg-escape-json="$T_RUNDIR/probe.json" 2>"$T_RUNDIR/probe.err"; then
	echo "torture: the plugin does not work at all:" >&2
	cat "$T_RUNDIR/probe.err" >&2
	rm -rf "$T_RUNDIR"
	exit 2
fi

if [ -n "$given" ]; then what="$count given files"
elif [ "$count" -lt "$total" ]; then what="GCC's C tests, $count of $total files"
else what="GCC's C tests, $count files"; fi
[ -n "$refs_only" ] && PLUGIN="plain compiles only ($T_REFS)"
echo "torture: $PLUGIN on $what, $(printf -- '-O%s ' "${levels[@]}")with $jobs jobs"
start=$(date +%s)
id=0
for f in "${files[@]}"; do
	for l in "${levels[@]}"; do
		id=$((id + 1))
		printf '%s\t%s\t%s\n' "$id" "$l" "$f"
	done
done | awk -F'\t' 'FILENAME != "-" { done[$0] = 1; next }
	!(($2 "\t" $3) in done) { print $1; print $2; print $3 }' "$done_runs" - |
xargs -d '\n' -n 3 -P "$jobs" "$self" --worker >>"$results"
if [ -n "$refs_only" ]; then
	echo "torture: $(grep -c . "$results") plain compiles known in $T_REFS, $(($(date +%s) - start))s"
	rm -rf "$T_RUNDIR"
	exit 0
fi

# Every report that was written is one whole JSON document (what python3
# -m json.tool checks, and stricter: NaN and Infinity are not JSON), read
# by the test suite's checker.
json_note=""
tab=$(printf '\t')
while IFS= read -r line; do
	case $line in
	"JSON$tab"*) # JSON LEVEL FILE (no detail) ID
		id=${line##*"$tab"}
		where=${line#"JSON$tab"}
		where=${where%"$tab$tab$id"}
		if err=$("$expect" json "$T_RUNDIR/w.$id/x.json" 2>&1); then
			line="PASS$tab$where$tab$tab$id"
			rm -rf "$T_RUNDIR/w.$id"
		else
			line="FAIL$tab$where${tab}invalid JSON: $(echo "$err" | head -n 1 | cut -c1-200)$tab$id"
		fi
		;;
	esac
	printf '%s\n' "$line"
done <"$results" >"$results.tmp" && mv -f "$results.tmp" "$results"
secs=$(($(date +%s) - start))

# ------------------------------------------------------------------ #
# Report                                                             #
# ------------------------------------------------------------------ #
esc_levels_table "$results" "${levels[@]}"
passed=$(grep -c '^PASS' "$results")
skipped=$(grep -c '^SKIP' "$results")
failed=$(grep -c '^FAIL' "$results")
runs=$((count * ${#levels[@]}))
lost=$((runs - passed - skipped - failed))
if [ "$lost" -gt 0 ]; then
	echo "torture: $lost runs gave no result (killed?)"
fi

if [ "$failed" -gt 0 ]; then
	echo
	echo "failures (one command each reproduces it; logs in $T_RUNDIR/w.N):"
	q() { printf '%q' "$1"; }
	LC_ALL=C sort -t $'\t' -k3,3 -k2,2n "$results" | grep '^FAIL' |
		while IFS=$'\t' read -r _ l f why n; do
			base="SOURCE_DATE_EPOCH=946684800 $(q "$CC") -O$l -c $(q "$f") -w -gno-record-gcc-switches -fno-diagnostics-color"
			plug="-fplugin=$(q "$PLUGIN") -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=/tmp/escape-x.json"
			echo "-O$l ${f#"$cache/"}: $why  [w.$n]"
			case $why in
			objects*)
				echo "  $base -o /tmp/escape-ref.o && $base -o /tmp/escape-plug.o $plug && cmp /tmp/escape-ref.o /tmp/escape-plug.o" ;;
			*JSON*)
				echo "  rm -f /tmp/escape-x.json; $base -o /tmp/escape-plug.o $plug && build/expect json /tmp/escape-x.json" ;;
			*)
				echo "  $base -o /tmp/escape-plug.o $plug" ;;
			esac
		done
fi
failed=$((failed + lost))
echo
if [ "$skipped" -gt 0 ]; then
	echo "skipped:"
	grep '^SKIP' "$results" | cut -f4 | sed 's/ (exit [0-9]*)//' | sort | uniq -c | sort -rn
fi
echo "torture: wall time ${secs}s$json_note"
echo "torture: $skipped skipped (GCC rejects or times out), not counted below"
[ "$failed" -gt 0 ] || rm -rf "$T_RUNDIR"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
exit
}
