#!/bin/bash
# run-multifile.sh [PLUGIN] - json=DIR/ on a whole parallel build.
#
#   PLUGIN  the plugin (default: plugin/escape.so of this repository)
#
# Builds a copy of examples/multi (four files, two of them named util.c)
# with `make -j4 CFLAGS="-O2 -g -fplugin=PLUGIN -fplugin-arg-escape-json=DIR/"`
# and checks, each a counted test:
#   - the build succeeds; exactly one report per C file in DIR; each is
#     complete JSON and valid against docs/report.schema.json (python3
#     jsonschema, Draft 2020-12); their `source' fields name every C file
#     exactly once; every function of a report is in its source file;
#     nothing else (no temporary file) is left in DIR;
#   - the dangling warnings of the reports, and those GCC printed, are
#     exactly the `// dangle "RULE"' markers of the sources (file, line, rule);
#   - building everything again replaces the reports: same names, same count;
#   - make CC="scripts/escape-cc --json=DIR gcc" gives the same reports;
#   - an interrupted build: many copies of a slow file, `make -j4' killed
#     with SIGINT (to its process group, as Ctrl-C does) once a few reports
#     exist: the build really stopped early, and every *.json left in DIR is
#     complete and valid (temporary files left by killed compilers are
#     counted and shown); `make -j4' then finishes with one valid report per
#     file;
#   - a compilation that fails (a syntax error; -Werror on an escape
#     warning) leaves no report for its file, and removes the one of the last
#     good build, while the other files' reports stay as they were.
# Needs make, gcc and python3 with jsonschema (scripts/deps.sh --test).
# Ends with "N passed, N failed".
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
CC=${CC:-gcc} # the compiler
schema=$root/docs/report.schema.json
if [ ! -f "$plugin" ]; then
	echo "run-multifile.sh: no plugin at $plugin (run make first)" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-multi.XXXXXX") || exit 2
pgid=
cleanup() {
	[ -n "$pgid" ] && kill -KILL -- "-$pgid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

passed=0 failed=0
# esc_ok NAME, esc_bad NAME [DETAIL-FILE], esc_try NAME COMMAND...: lib.sh

. "$root/testsuite/lib/lib.sh"
esc_expect_init || exit 2
for tool in make "$CC" python3; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "run-multifile.sh: $tool is missing" >&2
		echo "0 passed, 1 failed"
		exit 1
	fi
done
if ! python3 -c 'import jsonschema' 2>/dev/null; then
	echo "run-multifile.sh: python3 jsonschema is missing (scripts/deps.sh --test installs it)"
	echo "0 passed, 1 failed"
	exit 1
fi

# reports DIR [--count N] [--sources ROOT FILE...]: every *.json of DIR is
# complete and valid; with --count, there are N of them; with --sources,
# their `source' fields are exactly these files (relative to ROOT), once
# each, and every function of a report lies in its source file.
cat >"$tmp/reports.py" <<'PY'
import glob, json, os, sys
import jsonschema

schema_path, d = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
count = None
sources = None
if args[:1] == ["--count"]:
    count = int(args[1])
    args = args[2:]
if args[:1] == ["--sources"]:
    src_root, sources = args[1], args[2:]
schema = json.load(open(schema_path))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
problems = []
files = sorted(glob.glob(os.path.join(d, "*.json")))
if count is not None and len(files) != count:
    problems.append("%d reports, expected %d: %s" % (len(files), count,
                    " ".join(os.path.basename(f) for f in files)))
seen = {}
for f in files:
    name = os.path.basename(f)
    try:
        with open(f, "rb") as fh:
            raw = fh.read()
        doc = json.loads(raw)
    except ValueError as e:
        problems.append("%s: not complete JSON (%s)" % (name, e))
        continue
    if not raw.endswith(b"}\n"):
        problems.append("%s: does not end with the document's closing brace" % name)
    for e in sorted(validator.iter_errors(doc), key=str)[:3]:
        problems.append("%s: schema: %s at %s" % (name, e.message, list(e.path)))
    if isinstance(doc, dict) and isinstance(doc.get("source"), str):
        seen.setdefault(doc["source"], []).append(name)
        if sources is not None:
            for fn in doc.get("functions", []):
                if fn["file"] != doc["source"] and not fn["file"].endswith(".h"):
                    problems.append("%s: function %s is in %s, not in its source %s"
                                    % (name, fn["name"], fn["file"], doc["source"]))
if sources is not None:
    want = {}
    for s in sources:
        want[s] = 1
    for s, names in sorted(seen.items()):
        rel = os.path.relpath(s, src_root) if os.path.isabs(s) else s
        if rel not in want:
            problems.append("report of an unexpected source %s: %s" % (s, " ".join(names)))
        elif len(names) > 1:
            problems.append("source %s has %d reports: %s" % (s, len(names), " ".join(names)))
        want.pop(rel, None)
    for s in sorted(want):
        problems.append("no report has source %s" % s)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
reports() { python3 "$tmp/reports.py" "$schema" "$@"; }

# leftovers DIR: fails, listing them, if DIR holds anything but *.json
# (the plugin's temporary files are .NAME.XXXXXX)
leftovers() {
	local l
	l=$(find "$1" -mindepth 1 ! -name '*.json' -printf '%f ')
	[ -z "$l" ] && return 0
	echo "left in $1: $l"
	return 1
}

# ---------------------------------------------------------------------
# 1. the example, built with make -j4 into json=DIR/
src=$tmp/multi
cp -r "$root/examples/multi" "$src" || exit 2
(cd "$src" && make -s clean >/dev/null 2>&1)
out=$tmp/reports
mkdir "$out"
flags="-O2 -g -fdiagnostics-plain-output -fplugin=$plugin -fplugin-arg-escape-json=$out/"
mapfile -t csrc < <(cd "$src" && find . -name '*.c' | sed 's|^\./||' | sort)
n=${#csrc[@]}

build() { # LOG [MAKE-ARGS...]
	local log=$1
	shift
	(cd "$src" && make -j4 CC="$CC" "$@") >"$log" 2>&1
}
if build "$tmp/build.log" CFLAGS="$flags"; then
	esc_ok "make -j4 builds examples/multi ($n C files) with json=DIR/"
else
	esc_bad "make -j4 builds examples/multi with json=DIR/" "$tmp/build.log"
fi
esc_try "one report per C file ($n), each complete and valid against the schema" \
	reports "$out" --count "$n"
esc_try "the sources of the reports are the $n C files, once each (a/util.c and b/util.c apart)" \
	reports "$out" --sources "$src" "${csrc[@]}"
esc_try "no temporary file left in the report directory" leftovers "$out"

# the dangling warnings: markers, reports and GCC's output agree
markers() { # the `// dangle "RULE"' markers of the sources: FILE:LINE RULE
	(cd "$src" && "$expect" markers dangle "${csrc[@]}") | sort
}
markers >"$tmp/want"
# the reports' unsuppressed warnings, SOURCE:LINE RULE
"$expect" warnings "$out"/*.json 2>/dev/null | grep -v ' suppressed$' >"$tmp/in-reports"
sort -o "$tmp/in-reports" "$tmp/in-reports"
sed -n 's/^\([^: ]*\.c\):\([0-9]*\):[0-9]*: warning: .*\[\(escape-[a-z]*\)\].*/\1:\2 \3/p' \
	"$tmp/build.log" | sort >"$tmp/printed"
same() { # WANT GOT: the same lines
	if [ ! -s "$1" ]; then
		echo "no expectation in $1"
		return 1
	fi
	diff "$1" "$2"
}
esc_try "the reports' dangling warnings are the sources' markers ($(wc -l <"$tmp/want"))" \
	same "$tmp/want" "$tmp/in-reports"
esc_try "GCC printed the same dangling warnings" same "$tmp/want" "$tmp/printed"

# building again replaces the reports
(cd "$out" && ls) >"$tmp/names1"
touch "${csrc[@]/#/$src/}"
if build "$tmp/rebuild.log" CFLAGS="$flags" && (cd "$out" && ls) >"$tmp/names2" &&
	diff "$tmp/names1" "$tmp/names2" >"$tmp/detail" &&
	reports "$out" --count "$n" >>"$tmp/detail" && leftovers "$out" >>"$tmp/detail"; then
	esc_ok "a second build replaces the reports (same $n names, valid, nothing left over)"
else
	cat "$tmp/rebuild.log" >>"$tmp/detail"
	esc_bad "a second build replaces the reports" "$tmp/detail"
fi

# the launcher as the compiler: make CC="escape-cc --json=DIR gcc"
out2=$tmp/reports-cc
(cd "$src" && make -s clean >/dev/null 2>&1)
if (cd "$src" && make -j4 CC="$root/scripts/escape-cc --plugin=$plugin --json=$out2 $CC") \
	>"$tmp/cc.log" 2>&1 && reports "$out2" --count "$n" --sources "$src" "${csrc[@]}" >"$tmp/detail"; then
	esc_ok "make -j4 CC='scripts/escape-cc --json=DIR gcc': one valid report per C file"
else
	cat "$tmp/cc.log" >>"$tmp/detail"
	esc_bad "make -j4 CC='scripts/escape-cc --json=DIR gcc': one valid report per C file" "$tmp/detail"
fi

# ---------------------------------------------------------------------
# 2. an interrupted build leaves no partial report
slow=$tmp/slow
sout=$tmp/slow-reports
mkdir -p "$slow" "$sout"
copies=8 # each a slow file: 200 functions, about a second at -O2 with m=2
{
	echo '#include <string.h>'
	echo 'struct node { struct node *next; int v; char name[16]; };'
	echo 'static int sum(const struct node *n) { int s = 0; for (; n; n = n->next) s += n->v; return s; }'
	for i in $(seq 0 199); do
		cat <<EOF
int f$i(int k, const char *s)
{
	struct node a = { 0, k, "" }, b = { &a, k + $i, "" };
	struct node *p = k > $i ? &b : &a;
	strncpy(b.name, s, sizeof b.name - 1);
	for (int j = 0; j < k; j++)
		p = j & 1 ? &a : p;
	return sum(p) + (int)strlen(b.name);
}
EOF
	done
} >"$slow/slow0.c"
for i in $(seq 1 $((copies - 1))); do
	cp "$slow/slow0.c" "$slow/slow$i.c"
done
printf '%s\n' 'SRCS = $(wildcard slow*.c)' 'all: $(SRCS:.c=.o)' \
	'%.o: %.c' '	$(CC) $(CFLAGS) -c -o $@ $<' >"$slow/Makefile"
sflags="-O2 -fplugin=$plugin -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=$sout/"

# make in its own process group (setsid), so that SIGINT reaches make and
# every compiler it started, as Ctrl-C in a terminal does; with SIGINT's
# default action restored, since a shell without job control starts its
# background commands with SIGINT ignored, and they pass that on (this
# test run in the background, `make check &', would otherwise see make
# finish whatever it is sent), and bash cannot undo that itself
(cd "$slow" && exec python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' setsid make -j4 CC="$CC" CFLAGS="$sflags") >"$tmp/slow.log" 2>&1 &
pgid=$!
got=0
for _ in $(seq 1 600); do # up to 60 s for the first reports
	got=$(find "$sout" -name '*.json' | wc -l)
	[ "$got" -ge 2 ] && break
	kill -0 "$pgid" 2>/dev/null || break
	sleep 0.1
done
sleep 0.3
kill -INT -- "-$pgid" 2>/dev/null
wait "$pgid"
rc=$?
pgid=
left=$(find "$sout" -name '*.json' | wc -l)
if [ "$rc" -ne 0 ] && [ "$left" -lt "$copies" ] && [ "$left" -ge 1 ]; then
	esc_ok "SIGINT stopped make -j4 mid-way (exit $rc, $left of $copies reports written)"
else
	echo "make exit $rc, $left of $copies reports, $got when interrupted" >"$tmp/detail"
	tail -n 5 "$tmp/slow.log" >>"$tmp/detail"
	esc_bad "SIGINT stopped make -j4 mid-way" "$tmp/detail"
fi
esc_try "after the interruption every *.json in DIR is complete and valid" reports "$sout"
temps=$(find "$sout" -mindepth 1 ! -name '*.json' | wc -l)
echo "  ($temps temporary files left by killed compilers)"
if (cd "$slow" && make -j4 CFLAGS="$sflags") >"$tmp/slow2.log" 2>&1 &&
	reports "$sout" --count "$copies" >"$tmp/detail"; then
	esc_ok "make -j4 then finishes with $copies valid reports"
else
	tail -n 5 "$tmp/slow2.log" >>"$tmp/detail"
	esc_bad "make -j4 then finishes with $copies valid reports" "$tmp/detail"
fi

# ---------------------------------------------------------------------
# 3. a compilation that fails leaves no report, not even an old one
index_reports() { # SOURCE<TAB>REPORT<TAB>SHA-1 for each report of $out
	python3 - "$out" <<'PY'
import glob, hashlib, json, os, sys
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    raw = open(f, "rb").read()
    try:
        source = json.loads(raw).get("source")
    except ValueError:
        source = "(not JSON)"
    print("%s\t%s\t%s" % (source, f, hashlib.sha1(raw).hexdigest()))
PY
}
report_of() { # INDEX FILE: the report whose source is FILE, or nothing
	awk -F '\t' -v f="$2" '$1 == f { print $2 }' "$1"
}
failing_build() { # NAME VICTIM MAKE-ARGS...: VICTIM fails; its report must go
	local name=$1 victim=$2
	shift 2
	local old now
	index_reports >"$tmp/index.before"
	old=$(report_of "$tmp/index.before" "$victim")
	{
		[ -n "$old" ] || echo "no report of $victim before the failing build"
		if (cd "$src" && make -k -j4 "$@") >"$tmp/fail.log" 2>&1; then
			echo "the build did not fail"
		elif ! grep -q "error" "$tmp/fail.log"; then
			echo "the build failed without an error message"
		fi
		index_reports >"$tmp/index.after"
		now=$(report_of "$tmp/index.after" "$victim")
		if [ -n "$now" ] && grep -qxF "$(grep -F "$now" "$tmp/index.before")" "$tmp/index.after"; then
			echo "$victim failed to compile, but has a report, identical to its last good build's: $(basename "$now")"
		elif [ -n "$now" ]; then
			echo "$victim failed to compile, but a new report of it was written: $(basename "$now")"
		fi
		# the other files' reports: as they were
		grep -v "^$victim	" "$tmp/index.before" >"$tmp/others.before"
		grep -v "^$victim	" "$tmp/index.after" >"$tmp/others.after"
		diff "$tmp/others.before" "$tmp/others.after" >/dev/null ||
			echo "the other files' reports changed"
		leftovers "$out"
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		grep -E 'error|warning: .*escape-' "$tmp/fail.log" | head -n 3 >>"$tmp/detail"
		esc_bad "$name" "$tmp/detail"
	else
		esc_ok "$name"
	fi
}

cp "$src/b/util.c" "$tmp/util.c.good"
echo 'int broken(void) { return }' >>"$src/b/util.c"
failing_build "a syntax error in b/util.c leaves no report of it (the old one is removed)" \
	b/util.c CFLAGS="$flags"
cp "$tmp/util.c.good" "$src/b/util.c"
build "$tmp/build3.log" CFLAGS="$flags" || esc_bad "the repaired build succeeds" "$tmp/build3.log"
touch "$src/a/util.c"
failing_build "-Werror on a/util.c's escape-kept warning leaves no report of it" \
	a/util.c CFLAGS="$flags -Werror -Wno-dangling-pointer"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
