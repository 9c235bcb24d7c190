#!/usr/bin/env bash
# run-flows.sh [PLUGIN] [CASE.c...] - the m=2 flow explanations.
#
#   PLUGIN  the plugin (default: plugin/escape.so of this repository)
#   CASE.c  the cases (default: testsuite/flows/*.c)
#   CC      the compiler (default: gcc)
#
# Each case is compiled at -O0 and at -O2 with
#
#   $CC -O<n> -c CASE -o /dev/null -pthread -fplugin=PLUGIN \
#       -fplugin-arg-escape-m=2 -fplugin-arg-escape-dangling=off \
#       -fdiagnostics-format=json
#
# so that GCC itself nests each flow step (a note "  flow: ...") under the
# escape or leak it explains.  Expectations are written on the line of the
# escape or leak:
#
#   int *p = &x; // flow "x escapes to heap:" "address-of x" "assign p" "16: store to global g"
#   keep(&x);    // want "x escapes to heap: argument 1 of keep .*, as explained at line 19"
#
# `flow': the first "..." is an extended regular expression matching the
# whole message of a note on that line; the others match, in order, the
# whole text of each of its steps (after "flow: "), optionally prefixed by
# "LINE: ", the step's line.  A last word ... says the list is a prefix and
# the explanation ends with the note that it was cut.
# `want': a note on that line, with no steps, whose message matches.
#
# Besides, for every note with steps, at both levels: no step repeats the
# one before it; a note ending in ':' has steps; and an object's flows end at
# different sinks (a flow is shown once per object and sink).  The notes
# (with their steps) are the same at -O0 and -O2.  (Which function a note
# is in comes from the JSON report of a third compile; an unnamed object -
# an allocation, a compound literal - is one object per site.)  Ends with
# "N passed, N failed".
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
[ $# -gt 0 ] && shift
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=("$root"/testsuite/flows/*.c)
CC=${CC:-gcc}
if [ ! -f "$plugin" ]; then
	echo "run-flows.sh: no plugin at $plugin (run make first)" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-flows.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
for c in "${cases[@]}"; do
	name=$(basename "$c" .c)
	ok=1
	for O in 0 2; do
		if ! "$CC" -O$O -c "$c" -o /dev/null -pthread -fplugin="$plugin" \
			-fplugin-arg-escape-m=2 -fplugin-arg-escape-dangling=off \
			-fdiagnostics-format=json >"$tmp/$name.O$O.json" 2>&1; then
			echo "FAIL $name -O$O: the compiler failed:"
			head -c 2000 "$tmp/$name.O$O.json"
			ok=0
		fi
	done
	# the report, to tell which function each note is in
	[ $ok = 1 ] && "$CC" -c "$c" -o /dev/null -pthread -fplugin="$plugin" \
		-fplugin-arg-escape-dangling=off \
		-fplugin-arg-escape-json="$tmp/$name.report.json" 2>/dev/null
	if [ $ok = 1 ] && python3 - "$c" "$tmp/$name.O0.json" "$tmp/$name.O2.json" "$tmp/$name.report.json" <<'EOF'
import json, os, re, sys

case, outs, report = sys.argv[1], sys.argv[2:4], sys.argv[4]
base = os.path.basename(case)
starts = []
try:
    starts = sorted((f['line'], f['name']) for f in json.load(open(report))['functions']
                    if f.get('line') and os.path.basename(f.get('file') or case) == base)
except (OSError, ValueError, KeyError):
    pass

def function_at(line):
    """The function a note is in: the last one starting at or before it."""
    name = None
    for l, n in starts:
        if l <= line:
            name = n
    return name

def expectations():
    """{line: [("flow", [parent, steps...], cut) | ("want", [re])]}"""
    want = {}
    for n, text in enumerate(open(case), 1):
        m = re.search(r'//\s*(flow|want)\s+(.*)$', text)
        if not m:
            continue
        rest = m.group(2).strip()
        cut = rest.endswith('...')
        if cut:
            rest = rest[:-3]
        res = [r.replace('\\"', '"') for r in re.findall(r'"((?:[^"\\]|\\.)*)"', rest)]
        want.setdefault(n, []).append((m.group(1), res, cut))
    return want

def notes(path):
    """[(line, message, [(line, step text)])] of this case's file."""
    out = []
    for d in json.load(open(path)):
        locs = d.get('locations') or []
        if d.get('kind') != 'note' or not locs:
            continue
        car = locs[0]['caret']
        if os.path.basename(car['file']) != base:
            continue
        steps = []
        for ch in d.get('children', []):
            msg = ch['message']
            if msg.startswith('  flow: '):
                steps.append((ch['locations'][0]['caret']['line'] if ch.get('locations') else 0,
                              msg[len('  flow: '):]))
        out.append((car['line'], d['message'], steps))
    return out

errors = []
got = [notes(p) for p in outs]
if got[0] != got[1]:
    errors.append('notes differ between -O0 and -O2')
for level, ns in zip(('-O0', '-O2'), got):
    by_line = {}
    for n in ns:
        by_line.setdefault(n[0], []).append(n)
    for line, exps in expectations().items():
        for kind, res, cut in exps:
            cands = [n for n in by_line.get(line, []) if re.fullmatch(res[0], n[1])]
            if kind == 'want':
                if not any(not n[2] for n in cands):
                    errors.append('%s line %d: no note "%s" (have: %s)' % (level, line, res[0],
                                  [n[1] for n in by_line.get(line, [])]))
                continue
            def fits(steps):
                if cut:
                    if not steps or steps[-1][1] != '(explanation cut here)':
                        return False
                    steps = steps[:-1][:len(res) - 1]
                if len(steps) != len(res) - 1:
                    return False
                for (sl, st), r in zip(steps, res[1:]):
                    m = re.fullmatch(r'(\d+): (.*)', r)
                    if m and int(m.group(1)) != sl:
                        return False
                    if not re.fullmatch(m.group(2) if m else r, st):
                        return False
                return True
            if not any(fits(n[2]) for n in cands):
                errors.append('%s line %d: no note "%s" with steps %s%s; have %s' % (
                    level, line, res[0], res[1:], ' ...' if cut else '',
                    [(n[1], n[2]) for n in by_line.get(line, [])]))
    sinks = {}
    for line, msg, steps in ns:
        if msg.endswith(':') and not steps:
            errors.append('%s line %d: "%s" has no steps' % (level, line, msg))
        for a, b in zip(steps, steps[1:]):
            if a[1] == b[1] and not a[1].startswith('address-of'):
                errors.append('%s line %d: step "%s" repeated' % (level, line, a[1]))
        m = re.fullmatch(r'(.*) escapes to heap:', msg)
        if m and steps and steps[-1][1] != '(explanation cut here)':
            sink = steps[-1][1]
            if re.match(r'store through pointer$|argument \d+ of indirect call|asm operand|conversion to integer', sink):
                sink += ' @%d' % steps[-1][0]  # told apart by place
            obj = m.group(1)
            # an unnamed object (allocation, compound literal) is one per site
            unnamed = obj.startswith('(') or obj.endswith('(...)')
            key = (function_at(line), obj, line if unnamed else None, sink)
            if key in sinks:
                errors.append('%s line %d: flow of %s to "%s" already shown at line %d'
                              % (level, line, obj, sink, sinks[key]))
            sinks.setdefault(key, line)
for e in errors:
    print('  ' + e)
sys.exit(1 if errors else 0)
EOF
	then
		echo "PASS $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
