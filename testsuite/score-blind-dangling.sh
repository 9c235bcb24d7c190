#!/bin/bash
# score-blind-dangling.sh [PLUGIN] - scores the dangling-address warnings on the
# blind corpus testsuite/blind-dangling/ (issue #4 acceptance).
#
# Usage: testsuite/score-blind-dangling.sh [PLUGIN]
#   PLUGIN   the escape.so to score (default: ROOT/plugin/escape.so)
#
# Environment:
#   CC=gcc                the compiler
#   ESC_CORPUS=DIR        the corpus: DIR/*.c and DIR/truth.txt
#                         (default: ROOT/testsuite/blind-dangling)
#   ESC_FAKE_REPORTS=DIR  compile nothing: read DIR/NAME.O0.json and
#                         DIR/NAME.O2.json for each DIR/NAME.c of the corpus
#                         instead (to test this script without the plugin)
#   ESC_KEEP=DIR          also copy the reports and compiler logs into DIR
#
# Every corpus file is compiled at -O0 and at -O2 with
# -fplugin=PLUGIN -fplugin-arg-escape-json=REPORT, and the warnings of each
# report (functions[].warnings[]: rule, object, line, suppressed) are compared
# with truth.txt (format in its header):
#   - a "dangles" fact is found when a warning on OBJECT in FUNC exists at
#     both -O0 and -O2;
#   - a warning that matches no "dangles" fact is a false warning (counted once
#     per file, function, object, rule and line over both levels); a warning on
#     a "clean" fact is one too.
# Counted checks, each PASS or FAIL:
#   - truth.txt is well-formed and names files, functions and objects of the
#     corpus, each fact once;
#   - each file compiles at each level and leaves a readable report;
#   - found >= 30/32 (93.75%) of the dangling facts;
#   - false warnings <= 1 per 60 files (files/60, rounded down);
#   - no warning on a "clean" fact;
#   - the same warnings at -O0 and -O2;
#   - no suppressed warning (the corpus has no escape:ignore comment).
# Prints the figures, the missed facts, the false warnings with their files
# and the -O0/-O2 differences, then "N passed, N failed"; exits 1 if any
# check failed, 2 on bad usage.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
me=score-blind-dangling.sh

if [ $# -gt 1 ] || [ "${1:-}" = -h ] || [ "${1:-}" = --help ]; then
	echo "usage: $me [PLUGIN]" >&2
	exit 2
fi
plugin=${1:-$root/plugin/escape.so}
corpus=${ESC_CORPUS:-$root/testsuite/blind-dangling}
fake=${ESC_FAKE_REPORTS:-}
keep=${ESC_KEEP:-}
CC=${CC:-gcc}

fatal() { # MESSAGE: a setup error, reported as one failed check
	echo "$me: $*" >&2
	echo "0 passed, 1 failed"
	exit 1
}

[ -d "$corpus" ] || fatal "no corpus directory '$corpus'"
[ -f "$corpus/truth.txt" ] || fatal "no truth file '$corpus/truth.txt'"
if [ -n "$fake" ]; then
	[ -d "$fake" ] || fatal "ESC_FAKE_REPORTS: no directory '$fake'"
else
	[ -f "$plugin" ] || fatal "no plugin '$plugin' (run make, or give PLUGIN)"
	case $plugin in /*) ;; *) plugin=$PWD/$plugin ;; esac
fi
if [ -n "$keep" ]; then
	mkdir -p "$keep" || fatal "ESC_KEEP: cannot create '$keep'"
fi
command -v python3 >/dev/null 2>&1 || fatal "python3 is needed to read the reports"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/blind-dangling.XXXXXX") || fatal "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
case $tmp in *=*) fatal "temporary directory '$tmp' contains '=' (GCC cuts plugin arguments there)" ;; esac

# One line per file and level: NAME<tab>LEVEL<tab>REPORT<tab>ok|fail<tab>REASON
status=$tmp/status
: >"$status"
nfiles=0
for src in "$corpus"/*.c; do
	[ -f "$src" ] || continue
	nfiles=$((nfiles + 1))
	name=$(basename "$src" .c)
	for level in O0 O2; do
		report=$tmp/$name.$level.json
		log=$tmp/$name.$level.log
		if [ -n "$fake" ]; then
			if [ -f "$fake/$name.$level.json" ]; then
				cp "$fake/$name.$level.json" "$report"
				printf '%s\t%s\t%s\tok\t\n' "$name" "$level" "$report" >>"$status"
			else
				printf '%s\t%s\t%s\tfail\tno fake report %s\n' "$name" "$level" "$report" "$fake/$name.$level.json" >>"$status"
			fi
			continue
		fi
		if "$CC" -std=gnu11 -"$level" -pthread -Wno-return-local-addr \
			-Wno-dangling-pointer -fplugin="$plugin" \
			-fplugin-arg-escape-json="$report" \
			-c "$src" -o "$tmp/$name.$level.o" >"$log" 2>&1; then
			if [ -s "$report" ]; then
				printf '%s\t%s\t%s\tok\t\n' "$name" "$level" "$report" >>"$status"
			else
				printf '%s\t%s\t%s\tfail\tcompiled but wrote no report\n' "$name" "$level" "$report" >>"$status"
			fi
		else
			rc=$?
			printf '%s\t%s\t%s\tfail\tcompilation failed (exit %s): %s\n' "$name" "$level" \
				"$report" "$rc" "$(head -c 300 "$log" | tr '\n\t' '  ')" >>"$status"
		fi
		rm -f "$tmp/$name.$level.o"
		if [ -n "$keep" ]; then
			[ -f "$report" ] && cp "$report" "$keep/"
			[ -f "$log" ] && cp "$log" "$keep/"
		fi
	done
done
[ "$nfiles" -gt 0 ] || fatal "no *.c file in '$corpus'"

python3 - "$corpus" "$status" "$nfiles" <<'PY'
import json, os, re, sys

corpus, status_file, nfiles = sys.argv[1], sys.argv[2], int(sys.argv[3])
passed = failed = 0

def check(ok, what):
    """A counted check; what=None: a passing per-report check, not printed."""
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
    if what is not None:
        print("%s: %s" % ("PASS" if ok else "FAIL", what))

# --- truth --------------------------------------------------------------
files = sorted(f for f in os.listdir(corpus) if f.endswith(".c"))
texts = {}
for f in files:
    with open(os.path.join(corpus, f), encoding="utf-8", errors="replace") as fh:
        texts[f] = fh.read()

facts = {}          # (file, func, object) -> "dangles" | "clean"
errors = []
with open(os.path.join(corpus, "truth.txt"), encoding="utf-8") as fh:
    for n, raw in enumerate(fh, 1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        words = line.split()
        if len(words) < 4:
            errors.append("truth.txt:%d: expected FILE FUNC OBJECT dangles|clean" % n)
            continue
        f, func, label, obj = words[0], words[1], words[-1], " ".join(words[2:-1])
        if label not in ("dangles", "clean"):
            errors.append("truth.txt:%d: label '%s' is neither dangles nor clean" % (n, label))
            continue
        if f not in texts:
            errors.append("truth.txt:%d: no corpus file '%s'" % (n, f))
            continue
        if not re.search(r"\b%s\s*\(" % re.escape(func), texts[f]):
            errors.append("truth.txt:%d: no function '%s' in %s" % (n, func, f))
        if obj == "(compound literal)":
            pass
        elif obj == "alloca(...)":
            if "alloca" not in texts[f]:
                errors.append("truth.txt:%d: no alloca in %s" % (n, f))
        elif not re.fullmatch(r"[A-Za-z_]\w*", obj) or not re.search(r"\b%s\b" % obj, texts[f]):
            errors.append("truth.txt:%d: no object '%s' in %s" % (n, obj, f))
        key = (f, func, obj)
        if key in facts:
            errors.append("truth.txt:%d: %s %s %s listed twice" % (n, f, func, obj))
            continue
        facts[key] = label
for e in errors:
    print("  " + e)
dangles = sorted(k for k, v in facts.items() if v == "dangles")
cleans = sorted(k for k, v in facts.items() if v == "clean")
check(not errors and dangles,
      "truth.txt: %d dangling and %d clean facts over %d files" % (len(dangles), len(cleans), nfiles))

# --- reports ------------------------------------------------------------
warnings = {"O0": set(), "O2": set()}   # (file, func, object, rule, line)
suppressed = set()
reports_read = 0
with open(status_file) as fh:
    for raw in fh:
        name, level, report, st, reason = raw.rstrip("\n").split("\t", 4)
        f = name + ".c"
        what = "%s at -%s" % (f, level)
        if st != "ok":
            check(False, "%s: %s" % (what, reason))
            continue
        try:
            with open(report, encoding="utf-8") as rh:
                doc = json.load(rh)
            got = set()
            for fn in doc["functions"]:
                for w in fn["warnings"]:
                    item = (f, fn["name"], w["object"], w["rule"], w["line"])
                    got.add(item)
                    if w["suppressed"]:
                        suppressed.add(item + (level,))
        except (OSError, ValueError, KeyError, TypeError) as e:
            check(False, "%s: unreadable report: %s: %s" % (what, type(e).__name__, e))
            continue
        warnings[level] |= got
        check(True, None)
        reports_read += 1

print("reports: %d of %d read (%d files at -O0 and -O2)" % (reports_read, 2 * nfiles, nfiles))

def has(level, key):
    return any(w[:3] == key for w in warnings[level])

def where(w):
    levels = " ".join("-" + l for l in ("O0", "O2") if w in warnings[l])
    return "%s:%s %s %s [%s] (%s)" % (w[0], w[4], w[1], w[2], w[3], levels)

# --- scoring ------------------------------------------------------------
found = [k for k in dangles if has("O0", k) and has("O2", k)]
missed = [k for k in dangles if k not in found]
total = len(dangles)
pct = 100.0 * len(found) / total if total else 0.0
print("found %d/%d dangling addresses at both -O0 and -O2 (%.1f%%)" % (len(found), total, pct))
for k in missed:
    print("  missed: %s %s %s (-O0: %s, -O2: %s)" % (k[0], k[1], k[2],
          "warned" if has("O0", k) else "not warned", "warned" if has("O2", k) else "not warned"))

dangle_keys = set(dangles)
clean_keys = set(cleans)
allw = warnings["O0"] | warnings["O2"]
false = sorted(w for w in allw if w[:3] not in dangle_keys)
on_clean = [w for w in false if w[:3] in clean_keys]
false_files = sorted({w[0] for w in false})
allowed = nfiles // 60
print("false warnings: %d in %d files (allowed: %d for %d files)" % (len(false), len(false_files), allowed, nfiles))
for w in false:
    print("  false: %s%s" % (where(w), "  <- labelled clean" if w[:3] in clean_keys else ""))
if false_files:
    print("  files with false warnings: %s" % " ".join(false_files))

only0 = sorted(warnings["O0"] - warnings["O2"])
only2 = sorted(warnings["O2"] - warnings["O0"])
print("-O0/-O2 differences: %d" % (len(only0) + len(only2)))
for w in only0:
    print("  only at -O0: %s:%s %s %s [%s]" % (w[0], w[4], w[1], w[2], w[3]))
for w in only2:
    print("  only at -O2: %s:%s %s %s [%s]" % (w[0], w[4], w[1], w[2], w[3]))
for s in sorted(suppressed):
    print("  suppressed at -%s: %s:%s %s %s [%s]" % (s[5], s[0], s[4], s[1], s[2], s[3]))

check(total > 0 and len(found) * 32 >= total * 30,
      "found %d/%d dangling (%.2f%%), need >= 93.75%%" % (len(found), total, pct))
check(len(false) <= allowed,
      "%d false warnings in %d files, at most %d allowed" % (len(false), len(false_files), allowed))
check(not on_clean, "%d warnings on facts labelled clean" % len(on_clean))
check(not only0 and not only2,
      "%d warnings only at -O0, %d only at -O2" % (len(only0), len(only2)))
check(not suppressed, "%d suppressed warnings (the corpus has no escape:ignore)" % len(suppressed))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
