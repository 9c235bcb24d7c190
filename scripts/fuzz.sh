#!/bin/bash
# fuzz.sh [OPTIONS] [N] - the plugin must never break a build, on random
# programs: the csmith programs of seeds S..S+N-1 (default 1..200).
#
# Each program is compiled at -O0 and at -O2 (-gno-record-gcc-switches),
# once with plain GCC and once with the plugin (m=2 and a JSON report), and
# must come out the same:
#   - no internal compiler error, crash or compile timeout with the plugin
#     only;
#   - the same exit status, and byte-identical objects (cmp);
#   - the JSON report exists and is valid: json.load of python3 (NaN and
#     Infinity refused), and valid against docs/report.schema.json when
#     python3-jsonschema is installed (no python3: the check fails);
#   - both objects, linked and run (10 s each), exit alike and print the
#     same output (csmith prints a checksum of its globals).  They are run
#     even when the objects differ, so that a failure says whether the
#     difference changes behaviour.
# A program that csmith cannot generate, that plain GCC rejects or cannot
# link, or that runs out of time without the plugin too, is skipped and
# counted in neither number.
#
# Prints a table per level (tried/passed/skipped/failed), what the reports
# hold (functions, escapes, dangling warnings by rule), the command that
# reproduces each failure, and ends with "N passed, N failed" counting
# program x level runs.  Exits 1 if anything failed, 2 if it could not run
# at all (bad option, no plugin, the plugin does not load, no csmith).
#
# Options:
#   --count N        programs (default 200); a bare N means the same
#   --seed S         first seed (default 1): seeds S..S+N-1, the same
#                    programs every time with the same csmith (--from S:
#                    the same)
#   --jobs N         parallel programs (default: nproc)
#   --levels L       comma-separated -O levels (default: 0,2)
#   --timeout S      seconds per compile (default 60)
#   --run-timeout S  seconds per program run (default 10)
#   --quick          for make check: each run gets 2 s (programs slower
#                    than that without the plugin are skipped)
#
# Environment: PLUGIN (default plugin/escape.so of this tree; it loads its
# rules from escape-rules/ next to it), SCHEMA (default
# docs/report.schema.json of this tree: give the one that matches PLUGIN),
# CC (gcc), TMPDIR.  Installs csmith
# and libcsmith-dev (its headers) with apt-get when missing (as root;
# otherwise prints the command to run and exits 2).

set -u
CSMITH_OPTS=(--max-funcs 8 --max-block-depth 4)

# ------------------------------------------------------------------ #
# One seed: --worker SEED LEVEL..., run in parallel by xargs; prints  #
# one line per level:                                                #
#   RESULT<TAB>LEVEL<TAB>SEED<TAB>DETAIL<TAB>ID                      #
# RESULT is PASS, SKIP, FAIL, or JSON (passed so far; its report is  #
# checked by the driver).  The work directory is $T_RUNDIR/w.ID.     #
# ------------------------------------------------------------------ #
if [ "${1:-}" = --worker ]; then
	seed=$2
	shift 2
	src=$T_RUNDIR/prog.$seed.c
	if ! timeout 60 csmith --seed "$seed" "${CSMITH_OPTS[@]}" -o "$src" >/dev/null 2>&1 ||
		[ ! -s "$src" ]; then
		for level; do
			printf 'SKIP\t%s\t%s\tcsmith fails\t%s-%s\n' "$level" "$seed" "$seed" "$level"
		done
		rm -f "$src"
		exit 0
	fi
	one_level() { # LEVEL: prints one result line; runs in a subshell
		level=$1 id=$seed-$1
		work=$T_RUNDIR/w.$id
		mkdir "$work" && cd "$work" || exit 0
		common=(-O"$level" -gno-record-gcc-switches -fno-diagnostics-color -I"$T_CSMITH_INC")
		result() { # RESULT DETAIL; a failure keeps its directory, JSON its report
			printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$level" "$seed" "$2" "$id"
			case $1 in
			FAIL) cp "$src" "$work/prog.c" ;;
			JSON) rm -f ref ref.* plug plug.* ;;
			*) cd "$T_RUNDIR" && rm -rf "$work" ;;
			esac
			exit 0
		}
		timeout -k 5 "$T_TIMEOUT" "$CC" "${common[@]}" -c "$src" -o ref.o >ref.err 2>&1
		rc1=$?
		if [ "$rc1" -eq 124 ] || [ "$rc1" -eq 137 ]; then
			result SKIP "GCC times out"
		elif [ "$rc1" -ne 0 ]; then
			result SKIP "GCC rejects (exit $rc1)"
		fi
		timeout -k 5 "$T_TIMEOUT" "$CC" "${common[@]}" -c "$src" -o plug.o \
			-fplugin="$PLUGIN" -fplugin-arg-escape-m=2 \
			-fplugin-arg-escape-json="$work/x.json" >plug.err 2>&1
		rc2=$?
		if [ "$rc2" -ne 0 ] && grep -q 'internal compiler error' plug.err; then
			result FAIL "ICE: $(grep -m1 'internal compiler error' plug.err | cut -c1-200)"
		elif [ "$rc2" -eq 124 ] || [ "$rc2" -eq 137 ]; then
			result FAIL "compile timeout (${T_TIMEOUT}s) with the plugin only"
		elif [ "$rc2" -gt 128 ]; then
			result FAIL "crash: killed by signal $((rc2 - 128))"
		elif [ "$rc2" -ne "$rc1" ]; then
			result FAIL "exit $rc2 with the plugin, $rc1 without: $(grep -m1 -E 'error|fatal' plug.err | cut -c1-200)"
		fi
		same=yes
		cmp -s ref.o plug.o || same=no
		if ! "$CC" ref.o -o ref >ref.lerr 2>&1; then
			[ "$same" = yes ] || result FAIL "objects differ (and GCC cannot link its own)"
			result SKIP "GCC cannot link it"
		fi
		if ! "$CC" plug.o -o plug >plug.lerr 2>&1; then
			result FAIL "objects differ; the plugin's does not link: $(head -n 1 plug.lerr | cut -c1-160)"
		fi
		timeout -k 2 "$T_RUN" ./ref >ref.out 2>&1
		r1=$?
		if [ "$r1" -eq 124 ] || [ "$r1" -eq 137 ]; then
			[ "$same" = yes ] || result FAIL "objects differ (GCC's own program runs more than ${T_RUN}s)"
			result SKIP "runs more than ${T_RUN}s"
		fi
		timeout -k 2 "$T_RUN" ./plug >plug.out 2>&1
		r2=$?
		run=""
		if [ "$r2" -eq 124 ] || [ "$r2" -eq 137 ]; then
			run="the program built with the plugin runs more than ${T_RUN}s, without it exits $r1"
		elif [ "$r2" -ne "$r1" ]; then
			run="the program exits $r2 built with the plugin, $r1 without"
		elif ! cmp -s ref.out plug.out; then
			# the first line that differs, of each
			k=$(cmp ref.out plug.out 2>/dev/null | sed -n 's/.*, line \([0-9]*\).*/\1/p')
			run="the program's output differs at line ${k:-?}: '$(sed -n "${k:-1}p" plug.out | cut -c1-60)' with the plugin, '$(sed -n "${k:-1}p" ref.out | cut -c1-60)' without"
		fi
		if [ "$same" = no ]; then
			result FAIL "objects differ; ${run:-both programs behave alike}"
		elif [ -n "$run" ]; then
			result FAIL "$run (objects are identical: flaky program?)"
		elif [ ! -f x.json ]; then
			result FAIL "no JSON report written"
		fi
		# valid JSON is checked afterwards, all reports in one python3
		result JSON ""
	}
	for level; do
		(one_level "$level")
	done
	rm -f "$src"
	exit 0
fi

# ------------------------------------------------------------------ #
# Driver: one { } block, so that bash reads all of it before running #
# it and editing this file during a long run cannot derail the run.  #
# ------------------------------------------------------------------ #
{
root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
# the runners' helpers (esc_levels_table)
. "$root/testsuite/lib/lib.sh"
self="$root/scripts/$(basename "$0")"
CC=${CC:-gcc}
PLUGIN=${PLUGIN:-plugin/escape.so}
case $PLUGIN in /*) ;; *) PLUGIN="$root/$PLUGIN" ;; esac
schema=${SCHEMA:-$root/docs/report.schema.json}
n=200
from=1
jobs=$(nproc 2>/dev/null || echo 2)
levels=0,2
T_TIMEOUT=60
T_RUN=10

usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "$self" >&2; exit 2; }
need() { # OPTION VALUE: VALUE must be a whole number
	case $2 in
	'' | *[!0-9]*) echo "fuzz: $1 takes a whole number, not '$2'" >&2; exit 2 ;;
	esac
}
while [ $# -gt 0 ]; do
	case $1 in
	--count | -n) need "$1" "${2:-}"; n=$2; shift 2 ;;
	--seed | --from) need "$1" "${2:-}"; from=$2; shift 2 ;;
	--jobs | -j) need "$1" "${2:-}"; jobs=$2; shift 2 ;;
	--levels) levels=${2:?fuzz: --levels needs a value}; shift 2 ;;
	--timeout) need "$1" "${2:-}"; T_TIMEOUT=$2; shift 2 ;;
	--run-timeout) need "$1" "${2:-}"; T_RUN=$2; shift 2 ;;
	--quick) T_RUN=2; shift ;;
	-h | --help) usage ;;
	-*) echo "fuzz: unknown option $1" >&2; usage ;;
	*) need "the program count" "$1"; n=$1; shift ;;
	esac
done
[ "$jobs" -ge 1 ] || jobs=1
[ "$n" -ge 1 ] || { echo "fuzz: --count must be at least 1" >&2; exit 2; }
[ "$T_TIMEOUT" -ge 1 ] && [ "$T_RUN" -ge 1 ] || { echo "fuzz: timeouts must be at least 1 s" >&2; exit 2; }
IFS=', ' read -r -a levels <<<"$levels"
for l in "${levels[@]}"; do
	case $l in
	0 | 1 | 2 | 3 | s | g | fast | z) ;;
	*) echo "fuzz: --levels: '$l' is not a GCC -O level (0,1,2,3,s,g,fast,z)" >&2; exit 2 ;;
	esac
done

if ! "$CC" -dumpversion >/dev/null 2>&1; then
	echo "fuzz: cannot run $CC" >&2
	exit 2
fi
if [ ! -f "$PLUGIN" ]; then
	echo "fuzz: no plugin at $PLUGIN (run make, or set PLUGIN=)" >&2
	exit 2
fi
if [ ! -f "$schema" ]; then
	echo "fuzz: no schema at $schema (set SCHEMA=)" >&2
	exit 2
fi

# csmith, and the headers its programs include (csmith.h, safe_math.h).
csmith_inc() { for d in /usr/include/csmith /usr/include/csmith-* /usr/local/include/csmith*; do
	[ -f "$d/csmith.h" ] && { echo "$d"; return; }; done; }
missing=()
command -v csmith >/dev/null 2>&1 || missing+=(csmith)
[ -n "$(csmith_inc)" ] || missing+=(libcsmith-dev)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "fuzz: ${missing[*]} missing; run:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
		exit 2
	fi
	echo "fuzz: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	if ! { apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
		echo "fuzz: apt-get install ${missing[*]} failed" >&2
		exit 2
	fi
fi
T_CSMITH_INC=$(csmith_inc)
if [ -z "$T_CSMITH_INC" ] || ! command -v csmith >/dev/null 2>&1; then
	echo "fuzz: csmith or its headers still missing" >&2
	exit 2
fi

PY=""
if command -v python3 >/dev/null 2>&1; then
	# the interpreter itself, not a shim in front of it (pyenv)
	PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
fi
T_RUNDIR=$(mktemp -d "${TMPDIR:-/tmp}/escape-fuzz.XXXXXX") || exit 2
# csmith's programs do not use __DATE__ or __TIME__, but should one ever
# (or a header it includes), both compiles see the same date
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
export CC PLUGIN T_RUNDIR T_TIMEOUT T_RUN T_CSMITH_INC
results=$T_RUNDIR/results
: >"$results"
trap 'echo "fuzz: interrupted; logs in $T_RUNDIR" >&2; exit 130' INT TERM

# The plugin must load at all; otherwise every program would "fail".
printf 'int main(void) { int x = 0; int *p = &x; return *p; }\n' >"$T_RUNDIR/probe.c"
if ! timeout -k 5 "$T_TIMEOUT" "$CC" -c "$T_RUNDIR/probe.c" -o "$T_RUNDIR/probe.o" -fplugin="$PLUGIN" \
	-fplugin-arg-escape-json="$T_RUNDIR/probe.json" 2>"$T_RUNDIR/probe.err"; then
	echo "fuzz: the plugin does not work at all (a three-line program fails or hangs with it):" >&2
	cat "$T_RUNDIR/probe.err" >&2
	rm -rf "$T_RUNDIR"
	exit 2
fi

# Its report of that program must match the schema (a stale SCHEMA or
# PLUGIN would otherwise fail every report).
if [ -n "$PY" ] && "$PY" -I -c 'import jsonschema' 2>/dev/null &&
	! why=$("$PY" -I -c 'import json, sys, jsonschema
e = next(iter(jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).iter_errors(json.load(open(sys.argv[2])))), None)
if e is None: sys.exit(0)
print("/" + "/".join(map(str, e.absolute_path)) + ": " + e.message[:200])
sys.exit(1)' "$schema" "$T_RUNDIR/probe.json" 2>&1); then
	echo "fuzz: the plugin's report of a three-line program does not match $schema: $why" >&2
	echo "fuzz: (give the schema of this plugin with SCHEMA=, or the plugin of this schema with PLUGIN=)" >&2
	rm -rf "$T_RUNDIR"
	exit 2
fi

last=$((from + n - 1))
echo "fuzz: $PLUGIN on $n csmith programs (seeds $from..$last, $(csmith --version | head -n 1)), $(printf -- '-O%s ' "${levels[@]}")with $jobs jobs, runs limited to ${T_RUN}s"
start=$(date +%s)
seq "$from" "$last" | xargs -P "$jobs" -I{} "$self" --worker {} "${levels[@]}" >>"$results"

# Every report that was written is valid JSON (what python3 -m json.tool
# checks, and stricter: NaN and Infinity are not JSON) and valid against
# the schema; one python3 for all of them.  It also adds up what the
# reports hold, into $T_RUNDIR/stats.
json_note=""
if [ -n "$PY" ]; then
	if ! "$PY" -I -c 'import jsonschema' 2>/dev/null; then
		json_note=" (no python3-jsonschema: reports checked as JSON, not against the schema)"
	fi
	"$PY" -I - "$results" "$T_RUNDIR" "$schema" <<'EOF'
import json, os, shutil, sys, collections
results, rundir, schema_path = sys.argv[1:4]
try:
    import jsonschema
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
except Exception:
    validator = None
def constant(c):
    raise ValueError("not JSON: " + c)
stats = collections.Counter()
rules = collections.Counter()
out = []
with open(results) as f:
    for line in f:
        r = line.rstrip("\n").split("\t")
        if r[0] == "JSON":
            d = os.path.join(rundir, "w." + r[4])
            try:
                with open(os.path.join(d, "x.json"), encoding="utf-8") as j:
                    doc = json.load(j, parse_constant=constant)
                if validator is not None:
                    err = next(iter(validator.iter_errors(doc)), None)
                    if err is not None:
                        where = "/".join(str(p) for p in err.absolute_path)
                        raise ValueError("not valid against the schema at /%s: %s" % (where, err.message))
                r[0] = "PASS"
                shutil.rmtree(d, ignore_errors=True)
                for fn in doc["functions"]:
                    stats["functions"] += 1
                    stats["gave up"] += fn["gave_up"] is not None
                    stats["locals"] += len(fn["locals"])
                    stats["escaping"] += sum(1 for l in fn["locals"] if l["escapes"])
                    stats["params"] += len(fn["params"])
                    stats["leaking"] += sum(1 for p in fn["params"]
                                            if p["leaks_to_heap"] is not None
                                            or p["leaks_to_result"] is not None)
                    for w in fn.get("warnings", []):
                        rules[w["rule"]] += 1
            except Exception as e:
                r[0], r[3] = "FAIL", ("invalid JSON report: %s" % e)[:300]
        out.append("\t".join(r) + "\n")
tmp = results + ".tmp"
with open(tmp, "w") as f:
    f.writelines(out)
os.replace(tmp, results)
with open(os.path.join(rundir, "stats"), "w") as f:
    f.write("reports of passed runs: %d functions (%d not analysed), %d params "
            "(%d leaking), %d address-taken stack objects (%d escaping)\n"
            % (stats["functions"], stats["gave up"], stats["params"], stats["leaking"],
               stats["locals"], stats["escaping"]))
    f.write("dangling warnings: %s\n" % (", ".join(
        "%d %s" % (n, k) for k, n in sorted(rules.items())) or "none"))
EOF
else
	# a check that cannot run is a failure, never a pass
	json_note=" (no python3: every report's JSON check failed; scripts/deps.sh --test installs it)"
	awk -F '\t' -v OFS='\t' '$1 == "JSON" { $1 = "FAIL"; $4 = "report not checked: python3 is missing" } { print }' \
		"$results" >"$results.tmp" && mv -f "$results.tmp" "$results"
fi
secs=$(($(date +%s) - start))

# ------------------------------------------------------------------ #
# Report                                                             #
# ------------------------------------------------------------------ #
esc_levels_table "$results" "${levels[@]}"
passed=$(grep -c '^PASS' "$results")
skipped=$(grep -c '^SKIP' "$results")
failed=$(grep -c '^FAIL' "$results")
runs=$((n * ${#levels[@]}))
lost=$((runs - passed - skipped - failed))
if [ "$lost" -gt 0 ]; then
	echo "fuzz: $lost runs gave no result (killed?)"
fi
[ -f "$T_RUNDIR/stats" ] && { echo; cat "$T_RUNDIR/stats"; }

if [ "$failed" -gt 0 ]; then
	echo
	echo "failures (one command each reproduces it; logs and prog.c in $T_RUNDIR/w.SEED-LEVEL):"
	q() { printf '%q' "$1"; }
	LC_ALL=C sort -t $'\t' -k3,3n -k2,2 "$results" | grep '^FAIL' |
		while IFS=$'\t' read -r _ l s why _; do
			p=/tmp/escape-fuzz-$s
			gen="csmith --seed $s ${CSMITH_OPTS[*]} -o $p.c"
			base="$(q "$CC") -O$l -gno-record-gcc-switches -fno-diagnostics-color -I$(q "$T_CSMITH_INC")"
			plug="-fplugin=$(q "$PLUGIN") -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=$p.json"
			echo "-O$l seed $s: $why"
			case $why in
			objects*)
				echo "  $gen && $base -c $p.c -o $p-ref.o && $base -c $p.c -o $p-plug.o $plug && cmp $p-ref.o $p-plug.o" ;;
			*JSON*)
				echo "  $gen && rm -f $p.json && $base -c $p.c -o $p-plug.o $plug && python3 -m json.tool $p.json >/dev/null && python3 -c 'import json,sys,jsonschema as J; J.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' $(q "$schema") $p.json" ;;
			the\ program*)
				echo "  $gen && $base $p.c -o $p-ref && $base $p.c -o $p-plug $plug && timeout $T_RUN $p-ref >$p-ref.out; timeout $T_RUN $p-plug >$p-plug.out; diff $p-ref.out $p-plug.out" ;;
			*)
				echo "  $gen && $base -c $p.c -o $p-plug.o $plug" ;;
			esac
		done
fi
failed=$((failed + lost))
echo
if [ "$skipped" -gt 0 ]; then
	echo "skipped:"
	grep '^SKIP' "$results" | cut -f4 | sed 's/ (exit [0-9]*)//' | sort | uniq -c | sort -rn
	echo "  seeds: $(grep '^SKIP' "$results" | cut -f3 | sort -nu | tr '\n' ' ')"
fi
echo "fuzz: wall time ${secs}s$json_note"
echo "fuzz: $skipped skipped (csmith fails, GCC rejects, or the program runs out of time without the plugin too), not counted below"
[ "$failed" -gt 0 ] || rm -rf "$T_RUNDIR"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
exit
}
