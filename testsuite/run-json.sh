#!/bin/bash
# run-json.sh [PLUGIN] - the JSON report, for every case of the suites:
# each report validates against docs/report.schema.json, and says what the
# notes say (every "x escapes to heap" note is an escaping site of x in
# the report at that line, every escaping site has its note, every param
# note matches the param's leaks).  At -O0 and -O2; the two reports must
# give the same verdicts.  Needs python3 with jsonschema (scripts/deps.sh
# --test installs it).  CC is the compiler (default gcc).  Ends with
# "N passed, N failed".
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
CC=${CC:-gcc}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-json.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
for c in "$root"/testsuite/cases/*.c "$root"/testsuite/dangling/*.c "$root"/examples/*.c; do
	ok=1
	for o in 0 2; do
		if ! "$CC" -O$o -c "$c" -o /dev/null -pthread -std=gnu11 -w \
			-fdiagnostics-plain-output -fplugin="$plugin" \
			-fplugin-arg-escape-m=1 -fplugin-arg-escape-json="$tmp/r$o.json" \
			>"$tmp/notes$o" 2>&1; then
			echo "FAIL $c: -O$o: compile failed"; head -n 3 "$tmp/notes$o"
			ok=0
		fi
	done
	if [ $ok -eq 1 ] && ! python3 - "$root/docs/report.schema.json" "$c" "$tmp" <<'PY'; then
import json, re, sys
import jsonschema

schema_path, case, tmp = sys.argv[1:4]
schema = json.load(open(schema_path))
validator = jsonschema.Draft202012Validator(schema)
bad = []

def verdicts(doc):
    v = set()
    for f in doc["functions"]:
        for p in f["params"]:
            v.add(("param", f["name"], p["name"], p["leaks_to_heap"], p["leaks_to_result"]))
        for l in f["locals"]:
            v.add(("local", f["name"], l["name"], l["line"], l["escapes"]))
        for a in f["allocations"]:
            v.add(("alloc", f["name"], a["callee"], a["line"], a["escapes"]))
    return v

docs = {}
for o in "02":
    doc = json.load(open("%s/r%s.json" % (tmp, o)))
    errors = sorted(validator.iter_errors(doc), key=str)
    for e in errors[:3]:
        bad.append("-O%s: schema: %s at %s" % (o, e.message, list(e.path)))
    docs[o] = doc
    # notes of this file, by line
    notes = {}
    prefix = case + ":"
    for line in open("%s/notes%s" % (tmp, o)):
        if not line.startswith(prefix) or ": note: " not in line:
            continue
        ln = int(line[len(prefix):].split(":")[0])
        msg = line.split(": note: ", 1)[1].rstrip("\n")
        if not msg.startswith(" "):
            notes.setdefault(ln, []).append(msg)
    said = set()
    for ln, msgs in notes.items():
        for m in msgs:
            if m.endswith(" escapes to heap"):
                said.add((m[: -len(" escapes to heap")], ln))
    # heap allocations have their own note: "malloc(...) escapes to heap"
    for f in doc["functions"]:
        for a in f["allocations"]:
            if a["escapes"]:
                if (a["callee"] + "(...)", a["line"]) not in said:
                    bad.append("-O%s: allocation %s at line %d escapes, no note" % (o, a["callee"], a["line"]))
                said.discard((a["callee"] + "(...)", a["line"]))
    sites = set()
    for f in doc["functions"]:
        if f["file"] != case:
            continue
        for l in f["locals"]:
            if l["escapes"] != bool(l["sites"]) and not f["gave_up"]:
                bad.append("-O%s: %s: escapes=%s but %d sites" % (o, l["name"], l["escapes"], len(l["sites"])))
            for s in l["sites"]:
                sites.add((l["name"], s["line"]))
        for p in f["params"]:
            h, r = p["leaks_to_heap"], p["leaks_to_result"]
            if h == 0:
                want = "leaking param: " + p["name"]
            elif h is not None:
                want = "leaking param content: " + p["name"]
            elif r is not None:
                want = "leaking param: %s to result level=%d" % (p["name"], r)
            else:
                want = p["name"] + " does not escape"
            if want not in notes.get(p["line"], []):
                bad.append("-O%s: line %d: report says %r, no such note" % (o, p["line"], want))
    for s in sorted(said - sites):
        bad.append("-O%s: note '%s escapes to heap' at line %d, not in the report" % (o, s[0], s[1]))
    for s in sorted(sites - said):
        bad.append("-O%s: report has an escaping site of %s at line %d, no note" % (o, s[0], s[1]))
# Lines marked cond-assign hold a conditional assignment (x = c ? a : b),
# whose statements GCC 15 placed elsewhere than GCC 12 to 14: each step of
# it (an address-of a local, an assign) stands at one column, the
# assignment's, on every series.
marked = {i + 1 for i, x in enumerate(open(case).read().splitlines())
          if "// cond-assign" in x}
def cond_steps(x, objs, cols):
    if isinstance(x, dict):
        if (x.get("line") in marked and "column" in x and
                (x.get("kind") == "assign" or
                 (x.get("kind") == "address-of" and x.get("what") in objs))):
            cols.setdefault(x["line"], set()).add(x["column"])
        for v in x.values():
            cond_steps(v, objs, cols)
    elif isinstance(x, list):
        for v in x:
            cond_steps(v, objs, cols)
for o, doc in sorted(docs.items()):
    cols = {}
    for f in doc["functions"]:
        cond_steps(f, {l["name"] for l in f["locals"]}, cols)
    for line in sorted(marked):
        if len(cols.get(line, ())) != 1:
            bad.append("-O%s: line %d (cond-assign): the assignment's steps at columns %s, "
                       "not one" % (o, line, sorted(cols.get(line, ()))))
if verdicts(docs["0"]) != verdicts(docs["2"]):
    bad.append("verdicts differ between -O0 and -O2: %s" % sorted(verdicts(docs["0"]) ^ verdicts(docs["2"]))[:4])
for b in bad:
    print("  " + b)
sys.exit(1 if bad else 0)
PY
		ok=0
	fi
	if [ $ok -eq 1 ]; then
		echo "PASS $c"; passed=$((passed + 1))
	else
		echo "FAIL $c"; failed=$((failed + 1))
	fi
done
# -ftime-report lists the plugin's stages (GCC's client items, which the
# plugin looks up on first use: gcc-common.h's esc_timer_push)
c=$root/testsuite/dangling/stores.c
if "$CC" -O2 -c "$c" -o /dev/null -ftime-report -w -fplugin="$plugin" \
	-fplugin-arg-escape-json="$tmp/t.json" >"$tmp/time" 2>&1 &&
	grep -q '^ escape: analysis  *:' "$tmp/time" &&
	grep -q '^ escape: notes and warnings  *:' "$tmp/time" &&
	grep -q '^ escape: JSON report  *:' "$tmp/time"; then
	echo "PASS -ftime-report: the plugin's stages"; passed=$((passed + 1))
else
	echo "FAIL -ftime-report: the plugin's stages"; head -n 5 "$tmp/time"
	failed=$((failed + 1))
fi
# The report is written without Jansson (report.c's own writer): a unit
# that looks up no rule never loads libjansson, even with m=2 + json=;
# one that calls strlen does (the rules are read with it), which shows
# that glibc's LD_DEBUG=files names what is loaded here.
printf 'int one(int x) { return x + 1; }\n' >"$tmp/one.c"
printf '#include <string.h>\nsize_t lib(const char *s) { return strlen(s); }\n' >"$tmp/lib.c"
loads() {
	LD_DEBUG=files "$CC" -O2 -c "$tmp/$1.c" -o /dev/null -w -fplugin="$plugin" \
		-fplugin-arg-escape-m=2 -fplugin-arg-escape-json="$tmp/$1.json" 2>&1 |
		grep -c 'file=libjansson'
}
one=$(loads one) lib=$(loads lib)
if [ "$one" = 0 ] && [ "$lib" != 0 ] && [ -s "$tmp/one.json" ]; then
	echo "PASS json= without a rule: libjansson not loaded"; passed=$((passed + 1))
else
	echo "FAIL json= without a rule: libjansson loaded $one times (a unit calling strlen: $lib)"
	failed=$((failed + 1))
fi

# The code every compile runs comes first in escape.so (escape-unit.ld), so
# that a small unit pages in fewer 64 KB windows of it: the entry points
# and the rules index's loader are inside that section.
hot=$(readelf -SW "$plugin" | sed 's/^ *\[ *[0-9]*\] *//' |
	awk '$1 == ".text.escape_unit" { print $3, $5 }')
outside=
if [ -n "$hot" ]; then
	for sym in plugin_init _ZN11escape_pass7executeEP8function \
		esc_rules_use_index esc_rules_load esc_solve esc_summarize; do
		a=$(nm "$plugin" | awk -v s="$sym" '$3 == s { print $1; exit }')
		set -- $hot
		[ -n "$a" ] && [ $((0x$a)) -ge $((0x$1)) ] &&
			[ $((0x$a)) -lt $((0x$1 + 0x$2)) ] || outside="$outside $sym"
	done
fi
if [ -n "$hot" ] && [ -z "$outside" ]; then
	echo "PASS escape.so: the code every compile runs first (.text.escape_unit)"
	passed=$((passed + 1))
else
	echo "FAIL escape.so: no .text.escape_unit, or outside it:${outside:- all}"
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
