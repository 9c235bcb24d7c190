#!/bin/bash
# selftest.sh - tests testsuite/score-blind-dangling.sh without the plugin.
#
# Usage: testsuite/blind-dangling/selftest.sh     (no options)
#
# Runs the scorer with ESC_FAKE_REPORTS (no compilation) and checks what it
# prints and its exit status:
#   - selftest/good: hand-made reports that match selftest/corpus/truth.txt
#     exactly: every check passes;
#   - selftest/bad: hand-made reports with a missed fact, a warning on a clean
#     fact, a false warning elsewhere, an -O0/-O2 difference, a suppressed
#     warning and a missing report: each of these checks fails, and is listed;
#   - a truth file with a bad label, an unknown object, function and file and
#     a fact given twice is rejected, line by line;
#   - the real corpus with reports generated from its own truth.txt: all pass;
#     with 2 of its dangling facts unwarned (>= 93.75% found) the threshold
#     passes, with 3 it fails; 1 false warning in 60 files passes, 2 fail;
#   - a missing plugin and bad usage are reported, not crashed on.
# Ends with "N passed, N failed"; exits 1 if a check failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scorer=$root/testsuite/score-blind-dangling.sh
passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/blind-selftest.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

ok() { # CONDITION-STATUS WHAT
	if [ "$1" = 0 ]; then
		passed=$((passed + 1))
		echo "PASS: $2"
	else
		failed=$((failed + 1))
		echo "FAIL: $2"
		[ -f "$tmp/out" ] && sed 's/^/    | /' "$tmp/out"
	fi
}

run() { # CORPUS FAKE [PLUGIN...]: runs the scorer into $tmp/out, sets $rc
	local corpus=$1 fake=$2
	shift 2
	ESC_CORPUS=$corpus ESC_FAKE_REPORTS=$fake "$scorer" "$@" >"$tmp/out" 2>&1
	rc=$?
}

has() { # STRING: is this exact line part in the scorer's output?
	grep -qF -- "$1" "$tmp/out"
}

mini=$here/selftest/corpus

# 1. good reports
run "$mini" "$here/selftest/good"
[ $rc = 0 ] && has "12 passed, 0 failed" && has "found 3/3 dangling" &&
	has "false warnings: 0 in 0 files"
ok $? "exact reports: every check passes, exit 0"

# 2. bad reports
run "$mini" "$here/selftest/bad"
[ $rc = 1 ] && has "6 passed, 6 failed"
ok $? "bad reports: 6 checks fail, exit 1"
has "FAIL: 003-empty.c at -O2: no fake report"
ok $? "a missing report is a failed check"
has "missed: 001-mini.c keep_global y (-O0: warned, -O2: not warned)" &&
	has "FAIL: found 2/3 dangling"
ok $? "a fact warned at -O0 only is missed"
has "false: 001-mini.c:19 clear_global z [escape-global] (-O0 -O2)  <- labelled clean" &&
	has "FAIL: 1 warnings on facts labelled clean"
ok $? "a warning on a clean fact is false, and fails its own check"
has "false: 003-empty.c:3 f tmp [escape-unknown] (-O0)" &&
	has "false warnings: 2 in 2 files (allowed: 0 for 3 files)" &&
	has "files with false warnings: 001-mini.c 003-empty.c"
ok $? "false warnings are counted once over both levels and their files listed"
has "only at -O0: 001-mini.c:13 keep_global y [escape-global]" &&
	has "FAIL: 2 warnings only at -O0, 0 only at -O2"
ok $? "-O0/-O2 differences are listed"
has "suppressed at -O2: 002-mini.c:5 out_param w [escape-caller]" &&
	has "FAIL: 1 suppressed warnings"
ok $? "a suppressed warning still counts as found, and fails its own check"

# 3. a broken truth file
mkdir -p "$tmp/badtruth"
cp "$mini"/*.c "$mini/truth.txt" "$tmp/badtruth/"
cat >>"$tmp/badtruth/truth.txt" <<'EOF'
001-mini.c ret_local x maybe
001-mini.c ret_local nosuch dangles
001-mini.c nosuchfunc x dangles
009-none.c f x dangles
002-mini.c use arr dangles
002-mini.c use
EOF
run "$tmp/badtruth" "$here/selftest/good"
[ $rc = 1 ] && has "FAIL: truth.txt" &&
	has "truth.txt:7: label 'maybe' is neither dangles nor clean" &&
	has "truth.txt:8: no object 'nosuch' in 001-mini.c" &&
	has "truth.txt:9: no function 'nosuchfunc' in 001-mini.c" &&
	has "truth.txt:10: no corpus file '009-none.c'" &&
	has "truth.txt:11: 002-mini.c use arr listed twice" &&
	has "truth.txt:12: expected FILE FUNC OBJECT dangles|clean"
ok $? "a broken truth file is rejected, each line named"

# 4. the real corpus, with reports made from its truth
gen() { # DIR DROP FALSE: reports warning every dangling fact but the first DROP, plus FALSE false warnings
	python3 - "$here" "$1" "$2" "$3" <<'PY'
import json, os, sys
corpus, out, drop, nfalse = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
facts = []
for raw in open(os.path.join(corpus, "truth.txt")):
    line = raw.split("#", 1)[0].split()
    if len(line) >= 4 and line[-1] == "dangles":
        facts.append((line[0], line[1], " ".join(line[2:-1])))
facts = facts[drop:]
files = sorted(f for f in os.listdir(corpus) if f.endswith(".c"))
extra = [(files[i], "made_up_function", "made_up_object") for i in range(nfalse)]
os.makedirs(out, exist_ok=True)
for f in files:
    funcs = {}
    for i, (ff, fn, obj) in enumerate(facts + extra):
        if ff == f:
            funcs.setdefault(fn, []).append({"rule": "escape-global", "object": obj,
                "line": i + 1, "column": 1, "sink": {"line": i + 1, "column": 1},
                "message": "", "suppressed": False,
                "flow": {"steps": [], "truncated": False}})
    doc = {"version": 1, "source": f, "functions": [
        {"name": fn, "warnings": ws} for fn, ws in sorted(funcs.items())]}
    for level in ("O0", "O2"):
        with open(os.path.join(out, f[:-2] + "." + level + ".json"), "w") as fh:
            json.dump(doc, fh)
PY
}
ndangles=$(grep -v '^#' "$here/truth.txt" | sed 's/#.*//' | grep -c ' dangles *$')

gen "$tmp/perfect" 0 0
run "$here" "$tmp/perfect"
[ $rc = 0 ] && has "found $ndangles/$ndangles dangling" && has "reports: 120 of 120 read" &&
	has "126 passed, 0 failed"
ok $? "corpus with perfect reports: 126 checks pass ($ndangles dangling facts)"

gen "$tmp/drop2" 2 0
run "$here" "$tmp/drop2"
[ $rc = 0 ] && has "PASS: found $((ndangles - 2))/$ndangles dangling"
ok $? "2 of $ndangles missed: threshold met"

gen "$tmp/drop3" 3 0
run "$here" "$tmp/drop3"
[ $rc = 1 ] && has "FAIL: found $((ndangles - 3))/$ndangles dangling" && has "125 passed, 1 failed"
ok $? "3 of $ndangles missed: threshold failed, nothing else"

gen "$tmp/false1" 0 1
run "$here" "$tmp/false1"
[ $rc = 0 ] && has "PASS: 1 false warnings in 1 files, at most 1 allowed"
ok $? "1 false warning in 60 files: allowed"

gen "$tmp/false2" 0 2
run "$here" "$tmp/false2"
[ $rc = 1 ] && has "FAIL: 2 false warnings in 2 files, at most 1 allowed" && has "125 passed, 1 failed"
ok $? "2 false warnings in 60 files: failed"

# 5. setup errors
ESC_CORPUS=$mini "$scorer" "$tmp/no-such-plugin.so" >"$tmp/out" 2>&1
rc=$?
[ $rc = 1 ] && has "no plugin '$tmp/no-such-plugin.so'" && [ "$(tail -n 1 "$tmp/out")" = "0 passed, 1 failed" ]
ok $? "a missing plugin is one failed check"
"$scorer" a b >"$tmp/out" 2>&1
rc=$?
[ $rc = 2 ] && has "usage: score-blind-dangling.sh [PLUGIN]"
ok $? "bad usage: exit 2 with the usage line"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
