#!/usr/bin/env bash
# run-realistic.sh [-v] [PLUGIN] [FILE.c...] - how often the plugin is right on
# realistic C code it was not written against.
#
#   PLUGIN  the plugin (default: plugin/escape.so of this repository); a first
#           argument not ending in .c is taken for it
#   FILE.c  the files to score (default: testsuite/realistic/*.c)
#   -v      print every command run
#   CC      the compiler (default: gcc)
#
# Each FILE.c comes with FILE.truth, ground truth labelled by hand from C
# semantics and spec.md section 1 (not from the plugin's output), one fact a
# line ('#' starts a comment):
#
#   local FUNC NAME escapes|stays
#   param FUNC NAME leak|content|result0|result1|...|none
#
# NAME may contain spaces ("(compound literal)", "alloca(...)").  Each file is
# compiled at -O0 and at -O2 with
#
#   $CC -std=gnu11 -O<n> -Wall -pthread -c FILE.c -o /dev/null \
#       -fplugin=PLUGIN -fplugin-arg-escape-json=TMP.json
#
# and the JSON report is read (by testsuite/lib's checker): every
# functions[].locals[] gives "escapes"/"stays"; every functions[].params[] gives
#   leak     = leaks_to_heap 0
#   content  = leaks_to_heap >= 1
#   resultN  = leaks_to_result N, leaks_to_heap null
#   none     = both null
# A fact the report lacks counts as wrong; facts the report has and the truth
# does not are listed as extra (not scored).
#
# Every fact of the truth is one check, right when right at both levels; a
# line "xfail \"REASON\" local|param ..." is a known miss: it counts as
# xfailed while wrong and fails once right (drop the xfail then).
# Checks, one per file: the compiler neither failed nor crashed at either level
# and the -O0 and -O2 reports give the same verdicts (functions, locals, params,
# allocations, gave_up); and three thresholds over all files, each fact right
# only if right at both levels:
#   >= 95% of escaping locals, >= 95% of non-escaping locals, >= 90% of params.
# Ends with "N passed, N failed"; exits 1 if any check failed, 2 on bad usage.

set -u

usage() {
	echo "usage: $0 [-v] [PLUGIN] [FILE.c...]" >&2
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd) || exit 2
root=$(dirname "$here")

verbose=0
while [ $# -gt 0 ]; do
	case $1 in
	-v) verbose=1; shift ;;
	-h | --help) usage; exit 0 ;;
	--) shift; break ;;
	-*) echo "$0: unknown option $1" >&2; usage; exit 2 ;;
	*) break ;;
	esac
done

plugin=$root/plugin/escape.so
if [ $# -gt 0 ] && [[ $1 != *.c ]]; then
	plugin=$1
	shift
fi
if [ ! -f "$plugin" ]; then
	echo "$0: plugin not found: $plugin (build it first: make)" >&2
	exit 2
fi
case $plugin in /*) ;; *) plugin=$PWD/$plugin ;; esac
pname=$(basename "$plugin")
pname=${pname%.*}

if [ $# -gt 0 ]; then
	files=("$@")
else
	shopt -s nullglob
	files=("$here"/realistic/*.c)
	shopt -u nullglob
fi
if [ ${#files[@]} -eq 0 ]; then
	echo "$0: no files to score" >&2
	exit 2
fi

CC=${CC:-gcc}
read -r -a cc <<<"$CC"
[ -x "$CC" ] && cc=("$CC")

# the one checker of the test suite (testsuite/lib): reads the reports
. "$here/lib/lib.sh"
esc_expect_init || exit 2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/run-realistic.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# flatten REPORT.json SOURCE.c: one verdict a line (see expect.c's flatten)
flatten() {
	"$expect" flatten "$1" "$2"
}

# score FILE TRUTH FLAT_O0 FLAT_O2 CRASHED AGREE TOTALS: per-file report on
# stdout, and one line "TOTALS LEVEL esc_right esc_total noesc_right
# noesc_total par_right par_total" per level (O0, O2, both) appended to TOTALS.
score() {
	awk -v file="$1" -v crashed="$5" -v agree="$6" -v totals="$7" '
	function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
	FILENAME == ARGV[1] {
		line = trim($0)
		if (line == "" || substr(line, 1, 1) == "#")
			next
		sub(/^xfail[ \t]+"[^"]*"[ \t]+/, "", line) # a known miss: scored too
		n = split(line, w, /[ \t]+/)
		if (n < 4 || (w[1] != "local" && w[1] != "param")) {
			printf "%s: truth line %d not understood: %s\n", file, FNR, line
			next
		}
		name = w[3]
		for (i = 4; i < n; i++)
			name = name " " w[i]
		key = (w[1] == "local" ? "L" : "P") SUBSEP w[2] SUBSEP name
		if (!(key in tcount))
			order[++norder] = key
		tlabel[key, ++tcount[key]] = w[n]
		truthfunc[w[2]] = 1
		next
	}
	{
		split($0, f, "\t")
		lvl = (FILENAME == ARGV[2]) ? 0 : 2
		if (f[1] == "G") {
			gave[lvl, f[2]] = f[4]
			next
		}
		if (f[1] != "L" && f[1] != "P")
			next
		key = f[1] SUBSEP f[2] SUBSEP f[3]
		rlabel[lvl, key, ++rcount[lvl, key]] = f[4]
		rin[key] = f[5]
		if (!((lvl, key) in seenr)) {
			seenr[lvl, key] = 1
			rorder[lvl, ++nr[lvl]] = key
		}
	}
	END {
		for (lv = 0; lv <= 2; lv += 2) {
			for (k = 1; k <= norder; k++) {
				key = order[k]
				split(key, kk, SUBSEP)
				# pair equal labels first, then the rest in order
				delete used
				for (i = 1; i <= tcount[key]; i++) {
					ok[lv, key, i] = 0
					for (j = 1; j <= rcount[lv, key]; j++)
						if (!(j in used) && rlabel[lv, key, j] == tlabel[key, i]) {
							used[j] = 1; ok[lv, key, i] = 1; got[lv, key, i] = tlabel[key, i]
							break
						}
				}
				for (i = 1; i <= tcount[key]; i++) {
					if (ok[lv, key, i])
						continue
					got[lv, key, i] = "(missing from the report)"
					for (j = 1; j <= rcount[lv, key]; j++)
						if (!(j in used)) {
							used[j] = 1; got[lv, key, i] = rlabel[lv, key, j]
							break
						}
				}
				for (j = 1; j <= rcount[lv, key]; j++)
					if (!(j in used))
						extra[lv, ++nextra[lv]] = key SUBSEP rlabel[lv, key, j]
			}
			for (j = 1; j <= nr[lv]; j++) {
				key = rorder[lv, j]
				if (key in tcount)
					continue
				split(key, kk, SUBSEP)
				if (rin[key] != "1" && !(kk[2] in truthfunc))
					continue
				for (i = 1; i <= rcount[lv, key]; i++)
					extra[lv, ++nextra[lv]] = key SUBSEP rlabel[lv, key, i]
			}
		}
		# counts: per level and both
		for (k = 1; k <= norder; k++) {
			key = order[k]
			split(key, kk, SUBSEP)
			for (i = 1; i <= tcount[key]; i++) {
				t = tlabel[key, i]
				cls = kk[1] == "P" ? "par" : (t == "escapes" ? "esc" : "noesc")
				tot[cls]++
				if (ok[0, key, i]) r0[cls]++
				if (ok[2, key, i]) r2[cls]++
				if (ok[0, key, i] && ok[2, key, i]) rb[cls]++
				if (got[0, key, i] ~ /^\(missing/ || got[2, key, i] ~ /^\(missing/) mb[cls]++
			}
		}
		printf "%-11s %8s %6s %12s %6s %8s %6s  %s%s\n", file,
		    rb["esc"] + 0 "/" tot["esc"] + 0, "(" mb["esc"] + 0 ")",
		    rb["noesc"] + 0 "/" tot["noesc"] + 0, "(" mb["noesc"] + 0 ")",
		    rb["par"] + 0 "/" tot["par"] + 0, "(" mb["par"] + 0 ")",
		    crashed == "1" ? "-" : agree == "1" ? "agree" : "DIFFER", crashed == "1" ? "  COMPILER FAILED" : ""
		for (k = 1; k <= norder; k++) {
			key = order[k]
			split(key, kk, SUBSEP)
			for (i = 1; i <= tcount[key]; i++)
				for (lv = 0; lv <= 2; lv += 2)
					if (!ok[lv, key, i])
						printf "  %s: %s %s: expected %s, plugin says %s (-O%d)\n",
						    file, kk[2], kk[3], tlabel[key, i], got[lv, key, i], lv
		}
		for (lv = 0; lv <= 2; lv += 2)
			for (j = 1; j <= nextra[lv]; j++) {
				split(extra[lv, j], kk, SUBSEP)
				printf "  %s: extra in the report: %s %s %s %s (-O%d)\n", file,
				    kk[1] == "L" ? "local" : "param", kk[2], kk[3], kk[4], lv
			}
		for (lv = 0; lv <= 2; lv += 2)
			for (fn in truthfunc)
				if ((lv, fn) in gave)
					printf "  %s: %s not analysed: %s (-O%d)\n", file, fn, gave[lv, fn], lv
		printf "TOTALS O0 %d %d %d %d %d %d\n", r0["esc"], tot["esc"], r0["noesc"], tot["noesc"], r0["par"], tot["par"] >> totals
		printf "TOTALS O2 %d %d %d %d %d %d\n", r2["esc"], tot["esc"], r2["noesc"], tot["noesc"], r2["par"], tot["par"] >> totals
		printf "TOTALS both %d %d %d %d %d %d\n", rb["esc"], tot["esc"], rb["noesc"], tot["noesc"], rb["par"], tot["par"] >> totals
		printf "TOTALS missing %d 0 %d 0 %d 0\n", mb["esc"], mb["noesc"], mb["par"] >> totals
	}' "$2" "$3" "$4"
}

echo "plugin: $plugin ($(date -r "$plugin" '+%Y-%m-%d %H:%M:%S'), sha256 $(sha256sum "$plugin" | cut -c1-16))"
echo
echo "Facts right at both -O0 and -O2 / facts in the truth; (N) = how many of them the"
echo "report lacks altogether (counted as wrong)."
echo
printf '%-11s %8s %6s %12s %6s %8s %6s  %s\n' file escaping "" non-escaping "" params "" -O0/-O2

passed=0
failed=0
xfailed=0
: >"$tmp/totals"

for src in "${files[@]}"; do
	base=$(basename "$src" .c)
	truth=${src%.c}.truth
	if [ ! -f "$truth" ]; then
		echo "$base: no truth file $truth"
		failed=$((failed + 1))
		continue
	fi
	crashed=0
	for lvl in 0 2; do
		json=$tmp/$base.O$lvl.json
		err=$tmp/$base.O$lvl.err
		rm -f "$json"
		cmd=("${cc[@]}" -std=gnu11 "-O$lvl" -Wall -pthread -c "$src" -o /dev/null
			"-fplugin=$plugin" "-fplugin-arg-$pname-json=$json")
		[ $verbose -eq 1 ] && echo "+ ${cmd[*]}"
		"${cmd[@]}" 2>"$err"
		rc=$?
		if [ $rc -ne 0 ] || grep -q -e 'internal compiler error' -e 'Segmentation fault' "$err" ||
			[ ! -s "$json" ]; then
			crashed=1
			echo "$base: compiler failed at -O$lvl (exit $rc):"
			sed 's/^/    /' "$err" | head -20
			: >"$tmp/$base.O$lvl.flat"
		elif ! flatten "$json" "$src" >"$tmp/$base.O$lvl.flat" 2>"$tmp/$base.O$lvl.ferr"; then
			crashed=1
			echo "$base: unreadable report at -O$lvl:"
			sed 's/^/    /' "$tmp/$base.O$lvl.ferr" | head -5
		fi
	done
	agree=1
	if ! cmp -s <(sort "$tmp/$base.O0.flat") <(sort "$tmp/$base.O2.flat"); then
		agree=0
	fi
	score "$base" "$truth" "$tmp/$base.O0.flat" "$tmp/$base.O2.flat" "$crashed" "$agree" "$tmp/totals"
	if [ $agree -eq 0 ] && [ $crashed -eq 0 ]; then
		diff <(sort "$tmp/$base.O0.flat") <(sort "$tmp/$base.O2.flat") |
			sed -n 's/^< \(.*\)/    only at -O0: \1/p; s/^> \(.*\)/    only at -O2: \1/p' | tr '\t' ' ' | head -20
	fi
	if [ $crashed -eq 0 ] && [ $agree -eq 1 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
	# every fact of the truth, one check each (xfail: a known miss)
	"$expect" facts "$truth" "$tmp/$base.O0.json" "$tmp/$base.O2.json" \
		>"$tmp/$base.facts" 2>&1
	if ! esc_add "$tmp/$base.facts"; then
		grep -v -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/$base.facts"
	fi
	nx=$(grep -c '^  XFAIL' "$tmp/$base.facts")
	[ "$nx" -eq 0 ] || echo "  $base: $nx known misses (xfail in $(basename "$truth"))"
done

echo
# totals and thresholds
read -r e0 et n0 nt p0 pt <<<"$(awk '$2 == "O0" { a += $3; b += $4; c += $5; d += $6; e += $7; f += $8 } END { print a+0, b+0, c+0, d+0, e+0, f+0 }' "$tmp/totals")"
read -r e2 _ n2 _ p2 _ <<<"$(awk '$2 == "O2" { a += $3; c += $5; e += $7 } END { print a+0, 0, c+0, 0, e+0, 0 }' "$tmp/totals")"
read -r eb _ nb _ pb _ <<<"$(awk '$2 == "both" { a += $3; c += $5; e += $7 } END { print a+0, 0, c+0, 0, e+0, 0 }' "$tmp/totals")"
read -r em _ nm _ pm _ <<<"$(awk '$2 == "missing" { a += $3; c += $5; e += $7 } END { print a+0, 0, c+0, 0, e+0, 0 }' "$tmp/totals")"

pct() { awk -v r="$1" -v t="$2" 'BEGIN { if (t == 0) print "n/a"; else printf "%.1f%%", 100 * r / t }'; }
meets() { awk -v r="$1" -v t="$2" -v m="$3" 'BEGIN { exit !(t > 0 && r * 100 >= m * t) }'; }

printf '%-11s %8s %6s %12s %6s %8s %6s\n' TOTAL "$eb/$et" "($em)" "$nb/$nt" "($nm)" "$pb/$pt" "($pm)"
printf '%-11s %8s %6s %12s %6s %8s\n' "  at -O0" "$e0/$et" "" "$n0/$nt" "" "$p0/$pt"
printf '%-11s %8s %6s %12s %6s %8s\n' "  at -O2" "$e2/$et" "" "$n2/$nt" "" "$p2/$pt"
printf 'wrong verdicts (facts the report has, with another verdict): escaping %d, non-escaping %d, params %d\n' \
	$((et - eb - em)) $((nt - nb - nm)) $((pt - pb - pm))
echo

check() { # LABEL RIGHT TOTAL MIN
	if meets "$2" "$3" "$4"; then
		echo "PASS: $1: $2/$3 = $(pct "$2" "$3") (>= $4%)"
		passed=$((passed + 1))
	else
		echo "FAIL: $1: $2/$3 = $(pct "$2" "$3") (< $4%)"
		failed=$((failed + 1))
	fi
}
check "escaping locals" "$eb" "$et" 95
check "non-escaping locals" "$nb" "$nt" 95
check "params" "$pb" "$pt" 90

esc_finish
