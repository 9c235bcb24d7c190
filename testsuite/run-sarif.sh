#!/bin/sh
# run-sarif.sh [PLUGIN] - GCC's own SARIF output carries the plugin's
# dangling warnings and their flows: for each case of testsuite/dangling,
# the warnings GCC prints as text (-fdiagnostics-plain-output) and their
# "flow:" notes are, in order and on the same lines, the plugin's
# results in the SARIF file GCC writes, each with its flow's steps as
# related locations and CWE-562 as its taxon:
#
#   -fdiagnostics-format=sarif-file          GCC 13 and later
#   -fdiagnostics-add-output=sarif:file=F    GCC 15 and later (the text
#                                            goes to stderr as well)
#
# GCC 12 has no SARIF output: then nothing is tested (make check-gcc-all
# runs this on GCC 13 to 16).  CC is the compiler (default gcc).  Ends with
# "N passed, N failed".
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
CC=${CC:-gcc}
major=$("$CC" -dumpversion | cut -d. -f1)
if [ "$major" -lt 13 ]; then
	echo "run-sarif.sh: GCC $major has no SARIF output (GCC 13 and later): nothing to test"
	echo "0 passed, 0 failed"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-sarif.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

# same TEXT SARIF: the plugin's warnings with their flows, alike in both
# (a SARIF region's column is where the expression starts, a text
# diagnostic's where its caret is: lines are compared)
same() {
	python3 - "$1" "$2" <<'EOF'
import json, re, sys

text, sarif = sys.argv[1:3]
warn = re.compile(r'^[^:]*:(\d+):(\d+): warning: (.*\[escape-[a-z]+\]) \[CWE-562\]$')
step = re.compile(r'^[^:]*:(\d+):\d+: note:   flow: (.*)$')
want, cur = [], None
for line in open(text):
    m = warn.match(line.rstrip('\n'))
    if m:
        cur = (int(m.group(1)), m.group(3), [])
        want.append(cur)
        continue
    m = step.match(line.rstrip('\n'))
    if m and cur:
        cur[2].append((int(m.group(1)), m.group(2)))
    elif ': note: ' not in line:
        cur = None
got = []
for r in json.load(open(sarif))['runs'][0]['results']:
    msg = r['message']['text']
    if '[escape-' not in msg:
        continue
    reg = r['locations'][0]['physicalLocation']['region']
    steps = [(s['physicalLocation']['region']['startLine'], s['message']['text'])
             for s in r.get('relatedLocations', [])]
    steps = [(l, t[len('  flow: '):]) for l, t in steps if t.startswith('  flow: ')]
    cwe = [t.get('id') for t in r.get('taxa', [])]
    if cwe != ['562']:
        print('no CWE-562 taxon on "%s": %s' % (msg, r.get('taxa')))
        sys.exit(1)
    got.append((reg['startLine'], msg, steps))
if not want:
    print('no warning in the text output')
    sys.exit(1)
if got != want:
    print('text:  %s\nSARIF: %s' % (want, got))
    sys.exit(1)
print('%d warnings, %d steps' % (len(want), sum(len(w[2]) for w in want)))
EOF
}

for c in "$root"/testsuite/dangling/*.c; do
	name=$(basename "$c" .c)
	d=$tmp/$name
	mkdir -p "$d"
	"$CC" -c "$c" -o "$d/t.o" -pthread -fplugin="$plugin" \
		-fdiagnostics-plain-output >"$d/text" 2>&1
	outs="sarif-file"
	[ "$major" -ge 15 ] && outs="$outs add-output"
	for how in $outs; do
		case $how in
		sarif-file)
			(cd "$d" && "$CC" -c "$c" -o s.o -pthread -fplugin="$plugin" \
				-fdiagnostics-format=sarif-file) >"$d/log" 2>&1
			sarif=$(ls "$d"/*.sarif 2>/dev/null | head -n 1)
			;;
		add-output)
			sarif=$d/add.sarif
			"$CC" -c "$c" -o "$d/a.o" -pthread -fplugin="$plugin" \
				-fdiagnostics-plain-output \
				-fdiagnostics-add-output=sarif:file="$sarif" >"$d/log" 2>&1
			# the text still goes to stderr, the same
			if ! cmp -s "$d/text" "$d/log"; then
				echo "FAIL $name ($how): the text output changed"
				failed=$((failed + 1))
				continue
			fi
			;;
		esac
		if [ -f "$sarif" ] && same "$d/text" "$sarif" >"$d/why" 2>&1; then
			echo "PASS $name ($how): $(cat "$d/why")"
			passed=$((passed + 1))
		else
			echo "FAIL $name ($how):"
			sed 's/^/    /' "$d/why" "$d/log" 2>/dev/null | head -n 20
			failed=$((failed + 1))
		fi
		rm -f "$d"/*.sarif
	done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
