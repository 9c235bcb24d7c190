#!/bin/bash
# run-editors.sh [PLUGIN] - the editor integrations of docs/editors.md.
#
#   PLUGIN  the plugin (default: plugin/escape.so of this repository)
#
# Real plugin output (m=2, -fdiagnostics-plain-output
# -fdiagnostics-column-unit=byte) of examples/demo.c (tabs, warnings, notes,
# flows) and of a file with non-ASCII text before the escapes, then counted
# tests:
#   Vim, headless (vim -es -N -u NONE -i NONE) with editors/vim/escape.vim:
#     - :EscapeErrorformat + :cfile: one quickfix entry per warning and note
#       GCC printed, flow steps included, in order, with its file, line,
#       column, type and text, and no other valid entry;
#     - :EscapeReport REPORT: one entry per LSP diagnostic of the report and
#       one per flow step, with the file, line, byte column (from the LSP
#       position), type and text the report gives;
#     - both routes put every warning and top-level note at the same place,
#       for the ASCII file and for the non-ASCII one (LSP positions are in
#       UTF-16 code units);
#     - :EscapeReport DIR reads every report of a json=DIR/; a missing or
#       non-JSON report is an error naming it;
#   VS Code, editors/vscode/tasks.json, its problem matchers applied with
#   node the way VS Code does (each line, matchers in order, first match;
#   numbered groups; trimmed values; severity "note" -> Info; problems keyed
#   by owner, file, source, code, severity and position, not message):
#     - the "analyse this file" task, run as written (the plugin installed
#       into a temporary PLUGINDIR, a gcc on PATH adding -iplugindir):
#       every warning, error and note line is matched with the right file,
#       line, column, severity and message, and no other line;
#     - no two different diagnostics collapse into one problem (the stock
#       $gcc matcher keeps none of the notes);
#     - the "build with make" task on a copy of examples/multi: every
#       warning of the build becomes a problem in an existing file;
#   LSP: every diagnostic of the reports is an LSP Diagnostic whose URIs
#   name existing files and whose 0-based ranges lie inside them.
# A missing vim or node fails the tests that need it, saying so.
# Ends with "N passed, N failed".
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
CC=${CC:-gcc} # the compiler
if [ ! -f "$plugin" ]; then
	echo "run-editors.sh: no plugin at $plugin (run make first)" >&2
	exit 2
fi
plugin=$(cd "$(dirname "$plugin")" && pwd)/$(basename "$plugin")
vimrc=$root/editors/vim/escape.vim
tasks=$root/editors/vscode/tasks.json
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-editors.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
# esc_ok NAME, esc_bad NAME [DETAIL-FILE], esc_try NAME COMMAND...
. "$root/testsuite/lib/lib.sh"
xcheck() { # NAME COMMAND...: a known bug (XFAIL, counted neither way); a pass
	   # is a failure (XPASS), so that the mark is removed
	local name=$1
	shift
	if "$@" >"$tmp/detail" 2>&1; then
		esc_bad "(XPASS) $name: a known bug passes now; make it a check again"
	else
		echo "XFAIL $name"
		sed 's/^/  /' "$tmp/detail" | head -n 6
	fi
}
missing() { # TOOL WHAT N
	echo "FAIL $2: $1 is missing (scripts/deps.sh --test installs it)"
	failed=$((failed + $3))
}
have() { command -v "$1" >/dev/null 2>&1; }

# the inputs: demo.c, and a file with non-ASCII text before its escapes
src=$tmp/src
mkdir -p "$src"
cp "$root/examples/demo.c" "$src/demo.c"
cat >"$src/utf8.c" <<'EOF'
/* utf8.c - escapes after non-ASCII text on the same line */
int *g;

void f(void)
{
	int x = 1; /* café */ int y = 2; const char *s = "𝄞 clef"; g = &x; g = &y; (void)s;
}
EOF
gccflags=(-fdiagnostics-plain-output -fdiagnostics-column-unit=byte
	-fplugin="$plugin" -fplugin-arg-escape-m=2)
for f in demo utf8; do
	if ! (cd "$src" && "$CC" -c "$f.c" -o /dev/null -pthread "${gccflags[@]}" \
		-fplugin-arg-escape-json="$tmp/$f.json") 2>"$tmp/$f.log"; then
		echo "run-editors.sh: the plugin failed on $f.c:" >&2
		cat "$tmp/$f.log" >&2
		echo "0 passed, 1 failed"
		exit 1
	fi
done

# expected DIAG-LOG: what GCC printed, one JSON object per line
cat >"$tmp/expect.py" <<'PY'
import json, os, re, sys
# "FILE:LINE:COL: KIND: MESSAGE", KIND warning, error, fatal error or note
diag = re.compile(r"^(.+?):(\d+):(\d+): (warning|error|fatal error|note): (.*)$")
cwd = sys.argv[2] if len(sys.argv) > 2 else os.getcwd()
for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    line = line.rstrip("\n")
    m = diag.match(line)
    if m:
        print(json.dumps({"n": n, "file": os.path.normpath(os.path.join(cwd, m.group(1))),
                          "line": int(m.group(2)), "col": int(m.group(3)),
                          "kind": m.group(4), "text": m.group(5)}))
PY

# ---------------------------------------------------------------------
# Vim
if ! have vim; then
	missing vim "Vim quickfix" 6
elif ! have python3; then
	missing python3 "Vim quickfix" 6
else
	# vim_run SCRIPT: runs Ex commands headless in $src, the plugin script loaded
	vim_run() {
		(cd "$src" && vim -es -N -u NONE -i NONE \
			-c "source $vimrc" -S "$1" -c 'qall!') </dev/null >"$tmp/vim.out" 2>&1
	}
	cat >"$tmp/qf.vim" <<EOF
function! Dump(file) abort
  let out = []
  for e in getqflist()
    call add(out, {'file': e.bufnr > 0 ? fnamemodify(bufname(e.bufnr), ':p') : '',
          \ 'line': e.lnum, 'col': e.col, 'vcol': e.vcol, 'type': e.type,
          \ 'text': e.text, 'valid': e.valid})
  endfor
  " where :cc puts the cursor, entry by entry
  let i = 1
  for e in out
    if e.valid
      silent! execute 'cc ' . i
      let e.at = [expand('%:p'), line('.'), col('.')]
    endif
    let i += 1
  endfor
  call writefile([json_encode(out)], a:file)
endfunction
EscapeErrorformat
for f in ['demo', 'utf8']
  execute 'cfile $tmp/' . f . '.log'
  call Dump('$tmp/qf-gcc-' . f . '.json')
  execute 'EscapeReport $tmp/' . f . '.json'
  call Dump('$tmp/qf-json-' . f . '.json')
endfor
EOF
	if ! vim_run "$tmp/qf.vim" || [ ! -s "$tmp/qf-json-utf8.json" ]; then
		esc_bad "Vim runs editors/vim/escape.vim headless" "$tmp/vim.out"
		failed=$((failed + 3))
	else
		# gcc route: entries = GCC's lines
		cat >"$tmp/vim-gcc.py" <<'PY'
import json, sys
problems = []
for f in sys.argv[1:]:
    want = [json.loads(l) for l in open("%s.expect" % f)]
    got = [e for e in json.load(open("%s.qf" % f)) if e["valid"]]
    if len(got) != len(want):
        problems.append("%s: %d valid entries, GCC printed %d diagnostics" % (f, len(got), len(want)))
    for w, g in zip(want, got):
        t = {"warning": "w", "error": "e", "fatal error": "e", "note": "n"}[w["kind"]]
        exp = (w["file"], w["line"], w["col"], t, w["text"])
        have = (g["file"], g["line"], g["col"], g["type"].lower(), g["text"])
        if exp != have or g["vcol"]:
            problems.append("%s: GCC line %d: want %s, got %s (vcol %s)" % (f, w["n"] + 1, exp, have, g["vcol"]))
print("\n".join(problems[:10]))
sys.exit(1 if problems else 0)
PY
		for f in demo utf8; do
			python3 "$tmp/expect.py" "$tmp/$f.log" "$src" >"$tmp/$f.expect"
			cp "$tmp/qf-gcc-$f.json" "$tmp/$f.qf"
		done
		esc_try "Vim: :cfile with EscapeErrorformat() gives every warning and note GCC printed ($(cat "$tmp/demo.expect" "$tmp/utf8.expect" | wc -l)), flow steps included, with file, line, column, type and text" \
			python3 "$tmp/vim-gcc.py" "$tmp/demo" "$tmp/utf8"

		# json route: entries = the report's diagnostics and their steps
		cat >"$tmp/vim-json.py" <<'PY'
import json, sys, urllib.parse
problems = []
def bytecol(path, line, character):
    # 1-based byte column of a 0-based UTF-16 position
    text = open(path, encoding="utf-8").read().split("\n")[line]
    units = 0
    for i, ch in enumerate(text):
        if units >= character:
            return len(text[:i].encode("utf-8")) + 1
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text.encode("utf-8")) + 1 + max(0, character - units)
for f in sys.argv[1:]:
    doc = json.load(open("%s.json" % f))
    want = []
    def item(uri, rng, t, text):
        assert uri.startswith("file://"), uri
        path = urllib.parse.unquote(uri[len("file://"):])
        want.append((path, rng["start"]["line"] + 1,
                     bytecol(path, rng["start"]["line"], rng["start"]["character"]), t, text))
    for d in doc["diagnostics"]:
        item(d["uri"], d["range"], {1: "e", 2: "w", 3: "i", 4: "n"}[d["severity"]], d["message"])
        for r in d["relatedInformation"]:
            item(r["location"]["uri"], r["location"]["range"], "n", "  flow: " + r["message"])
    got = [(g["file"], g["line"], g["col"], g["type"].lower(), g["text"])
           for g in json.load(open("%s.qf" % f)) if g["valid"]]
    if len(got) != len(want):
        problems.append("%s: %d entries, the report has %d diagnostics and steps" % (f, len(got), len(want)))
    for w, g in zip(want, got):
        if w != g:
            problems.append("%s: want %s, got %s" % (f, w, g))
print("\n".join(problems[:10]))
sys.exit(1 if problems else 0)
PY
		for f in demo utf8; do cp "$tmp/qf-json-$f.json" "$tmp/$f.qf"; done
		esc_try "Vim: :EscapeReport REPORT gives every LSP diagnostic and flow step of the report ($(python3 -c 'import json,sys; print(sum(1 + len(d["relatedInformation"]) for f in sys.argv[1:] for d in json.load(open(f))["diagnostics"]))' "$tmp/demo.json" "$tmp/utf8.json"))" \
			python3 "$tmp/vim-json.py" "$tmp/demo" "$tmp/utf8"

		# both routes land on the same places
		cat >"$tmp/vim-same.py" <<'PY'
import collections, json, re, sys
gcc, rep = sys.argv[1:3]
def places(path, top):
    c = collections.Counter()
    for e in json.load(open(path)):
        if not e["valid"] or "at" not in e:
            continue
        text = e["text"]
        if top and text.startswith("  "):
            continue          # flow steps: m=2 shows a flow once per object and sink
        text = re.sub(r" \[CWE-\d+\]$", "", text).rstrip(":")
        c[(e["at"][0], e["at"][1], e["at"][2], e["type"].lower().replace("i", "n"), text)] += 1
    return c
a, b = places(gcc, True), places(rep, True)
problems = []
for k in sorted(set(a) | set(b)):
    if (a[k] > 0) != (b[k] > 0):
        problems.append("%s: %s" % ("only from GCC's output" if a[k] else "only from the report", k))
print("\n".join(problems[:10]))
sys.exit(1 if problems else 0)
PY
		esc_try "Vim: GCC's output and the report put every warning and note at the same byte (demo.c, tabs)" \
			python3 "$tmp/vim-same.py" "$tmp/qf-gcc-demo.json" "$tmp/qf-json-demo.json"
		# known bug: the report's columns are bytes, GCC's are display
		# columns (-fdiagnostics-column-unit=display), LSP's UTF-16 units
		xcheck "Vim: GCC's output and the report put every warning and note at the same byte (non-ASCII text before them)" \
			python3 "$tmp/vim-same.py" "$tmp/qf-gcc-utf8.json" "$tmp/qf-json-utf8.json"
	fi

	# a json=DIR/ directory, and bad reports
	mkdir -p "$tmp/dir"
	cp "$tmp/demo.json" "$tmp/utf8.json" "$tmp/dir/"
	echo '{ not json' >"$tmp/broken.json"
	cat >"$tmp/dir.vim" <<EOF
EscapeReport $tmp/dir
call writefile([string(len(getqflist()))], '$tmp/dir.count')
let msgs = []
for p in ['$tmp/nonexistent.json', '$tmp/broken.json']
  try
    execute 'EscapeReport ' . p
    call add(msgs, 'no error for ' . p)
  catch
    call add(msgs, v:exception)
  endtry
endfor
call writefile(msgs, '$tmp/dir.errors')
EOF
	n=$(python3 -c 'import json,sys; print(sum(1 + len(d["relatedInformation"]) for f in sys.argv[1:] for d in json.load(open(f))["diagnostics"]))' "$tmp/demo.json" "$tmp/utf8.json")
	{
		vim_run "$tmp/dir.vim" || cat "$tmp/vim.out"
		[ "$(cat "$tmp/dir.count" 2>/dev/null)" = "$n" ] ||
			echo ":EscapeReport DIR gave $(cat "$tmp/dir.count" 2>/dev/null) entries, not $n"
		grep -q "cannot read report $tmp/nonexistent.json" "$tmp/dir.errors" ||
			echo "no error naming the missing report: $(head -n 1 "$tmp/dir.errors")"
		grep -q "$tmp/broken.json is not JSON" "$tmp/dir.errors" ||
			echo "no error naming the broken report: $(tail -n 1 "$tmp/dir.errors")"
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		esc_bad "Vim: :EscapeReport DIR reads every report; a missing or broken one is an error naming it" "$tmp/detail"
	else
		esc_ok "Vim: :EscapeReport DIR reads every report ($n entries); a missing or broken one is an error naming it"
	fi
fi

# ---------------------------------------------------------------------
# VS Code
pd=$tmp/plugins
mkdir -p "$tmp/bin"
esc_gcc_wrapper "$tmp/bin" "$pd"
if ! have node; then
	missing node "VS Code problem matchers" 3
elif ! make -C "$root" install CC="$CC" CXX="${CXX:-g++}" PLUGINDIR="$pd" PREFIX="$tmp/prefix" >"$tmp/install.log" 2>&1; then
	esc_bad "make install PLUGINDIR=DIR for the VS Code tasks" "$tmp/install.log"
	failed=$((failed + 2))
else
	# node: the tasks, their commands, and VS Code's way with matchers
	cat >"$tmp/vscode.js" <<'JS'
// vscode.js tasks.json label: prints the task's command as JSON (argv, shell)
// vscode.js tasks.json label WORKSPACE OUTPUT [--stock]: applies the task's
//   problem matchers (or the stock $gcc one) to OUTPUT as VS Code does;
//   prints one JSON problem a line: {n, file, line, column, severity,
//   message, code, key}
const fs = require("fs"), path = require("path");
const [tasksFile, label, ws, output, stock] = process.argv.slice(2);
// tasks.json is JSONC: whole-line // comments only here
const text = fs.readFileSync(tasksFile, "utf8").split("\n")
	.filter(l => !/^\s*\/\//.test(l)).join("\n");
const task = JSON.parse(text).tasks.find(t => t.label === label);
if (!task) { console.error("no task " + label); process.exit(2); }
const subst = s => s.replace(/\$\{workspaceFolder\}/g, ws)
	.replace(/\$\{file\}/g, process.env.FILE || "");
if (!output) {
	console.log(JSON.stringify({ command: subst(task.command), args: (task.args || []).map(subst),
		type: task.type }));
	process.exit(0);
}
// ms-vscode.cpptools' $gcc, for comparison
const gcc = [{ owner: "cpptools", source: "gcc", fileLocation: ["autoDetect", "${workspaceFolder}"],
	pattern: { regexp: "^(.*?):(\\d+):(\\d*):?\\s+(?:fatal\\s+)?(warning|error):\\s+(.*)$",
		file: 1, line: 2, column: 3, severity: 4, message: 5 } }];
const matchers = stock ? gcc : task.problemMatcher;
if (!Array.isArray(matchers) || matchers.some(m => typeof m !== "object" || Array.isArray(m.pattern))) {
	console.error("expected an array of single-line problem matchers");
	process.exit(2);
}
const res = matchers.map(m => ({ m, re: new RegExp(m.pattern.regexp) }));
// vs/base/common/severity fromValue, then problemMatcher.ts getSeverity
function severity(v, dflt) {
	if (v) {
		const l = v.toLowerCase();
		if (l === "error") return "error";
		if (l === "warning" || l === "warn") return "warning";
		if (l === "info") return "info";
		if (v === "E") return "error";
		if (v === "W") return "warning";
		if (v === "I" || l === "hint" || l === "note") return "info";
	}
	return dflt || "error";
}
function resource(file, m) {
	const loc = m.fileLocation || ["relative", "${workspaceFolder}"];
	const kind = Array.isArray(loc) ? loc[0] : loc;
	if (kind === "absolute") return path.normalize(file);
	const rel = path.normalize(path.join(subst(Array.isArray(loc) ? loc[1] : "${workspaceFolder}"), file));
	if (kind === "relative") return rel;
	return fs.existsSync(rel) ? rel : path.normalize(file); // autoDetect
}
fs.readFileSync(output, "utf8").split("\n").forEach((line, n) => {
	for (const { m, re } of res) {
		const g = re.exec(line);
		if (!g) continue;
		const p = m.pattern, get = (i, trim) => i !== undefined && i < g.length && g[i] !== undefined
			? (trim ? g[i].trim() : g[i]) : undefined;
		const d = { file: get(p.file === undefined ? 1 : p.file, true), message: get(p.message === undefined ? 5 : p.message, true),
			code: get(p.code, true), severity: get(p.severity, true),
			line: get(p.line === undefined ? 2 : p.line), column: get(p.column === undefined ? 3 : p.column) };
		if (!d.file || !d.line || !d.message) continue;
		const prob = { n, file: resource(d.file, m), line: parseInt(d.line),
			column: d.column ? parseInt(d.column) : 1, severity: severity(d.severity, m.severity),
			message: d.message, code: d.code || "" };
		// IMarkerData.makeKeyOptionalMessage(marker, false), per owner and resource
		prob.key = [m.owner, prob.file, m.source || "", prob.code, prob.severity,
			prob.line, prob.column, prob.line, prob.column].join("\u00a6");
		console.log(JSON.stringify(prob));
		break; // the first matcher that matches takes the line
	}
});
JS
	# the "analyse this file" task, run as written
	FILE=$src/demo.c node "$tmp/vscode.js" "$tasks" "escape: analyse this file" "$src" \
		>"$tmp/task.json" 2>"$tmp/detail"
	if [ -s "$tmp/task.json" ] && PATH=$tmp/bin:$PATH python3 - "$tmp/task.json" "$src" "$tmp/task.out" <<'PY' 2>>"$tmp/detail"; then
import json, os, subprocess, sys
t = json.load(open(sys.argv[1]))
assert t["type"] == "process", "expected a process task"
env = dict(os.environ)
r = subprocess.run([t["command"]] + t["args"], cwd=sys.argv[2], env=env,
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
open(sys.argv[3], "wb").write(r.stdout)
sys.exit(0 if r.returncode == 0 else 1)
PY
		python3 "$tmp/expect.py" "$tmp/task.out" "$src" >"$tmp/task.expect"
		node "$tmp/vscode.js" "$tasks" "escape: analyse this file" "$src" "$tmp/task.out" \
			>"$tmp/task.problems" 2>>"$tmp/detail"
		node "$tmp/vscode.js" "$tasks" "escape: analyse this file" "$src" "$tmp/task.out" --stock \
			>"$tmp/task.stock" 2>>"$tmp/detail"
		python3 - "$tmp/task.expect" "$tmp/task.problems" >"$tmp/detail" <<'PY'
import json, sys
want = {}
for l in open(sys.argv[1]):
    w = json.loads(l)
    sev = {"warning": "warning", "error": "error", "fatal error": "error", "note": "info"}[w["kind"]]
    want[w["n"]] = (w["file"], w["line"], w["col"], sev, w["text"].strip())
got = {}
for l in open(sys.argv[2]):
    g = json.loads(l)
    got[g["n"]] = (g["file"], g["line"], g["column"], g["severity"], g["message"])
problems = []
if not want:
    problems.append("GCC printed no diagnostics")
for n in sorted(set(want) | set(got)):
    if want.get(n) != got.get(n):
        problems.append("output line %d: want %s, matched %s" % (n + 1, want.get(n), got.get(n)))
print("\n".join(problems[:10]))
sys.exit(1 if problems else 0)
PY
		if [ $? -eq 0 ]; then
			esc_ok "VS Code: the 'analyse this file' task's matchers match every warning and note ($(wc -l <"$tmp/task.expect")) with file, line, column, severity and message, and nothing else"
		else
			esc_bad "VS Code: the 'analyse this file' task's matchers match every warning and note" "$tmp/detail"
		fi
		python3 - "$tmp/task.problems" "$tmp/task.stock" >"$tmp/detail" 2>"$tmp/summary" <<'PY'
import json, sys
probs = [json.loads(l) for l in open(sys.argv[1])]
stock = [json.loads(l) for l in open(sys.argv[2])]
by_key = {}
for p in probs:
    by_key.setdefault(p["key"], set()).add((p["severity"], p["message"]))
problems = ["%d different diagnostics merged into one problem: %s" % (len(v), sorted(v))
            for v in by_key.values() if len(v) > 1]
notes = sum(1 for p in probs if p["severity"] == "info")
if notes == 0:
    problems.append("no notes among the problems")
if any(p["severity"] == "info" for p in stock):
    problems.append("the stock $gcc matcher kept a note: docs/editors.md says it drops them")
print("\n".join(problems[:10]))
print("%d problems, %d of them notes; stock $gcc: %d, no note" % (
    len(by_key), len({p["key"] for p in probs if p["severity"] == "info"}), len(stock)), file=sys.stderr)
sys.exit(1 if problems else 0)
PY
		if [ $? -eq 0 ]; then
			esc_ok "VS Code: no two different diagnostics merge into one problem ($(cat "$tmp/summary"))"
		else
			esc_bad "VS Code: no two different diagnostics merge into one problem" "$tmp/detail"
		fi
	else
		cat "$tmp/task.out" >>"$tmp/detail" 2>/dev/null
		esc_bad "VS Code: the 'analyse this file' task runs" "$tmp/detail"
		failed=$((failed + 1))
	fi

	# the "build with make" task on examples/multi
	ws=$tmp/multi
	cp -r "$root/examples/multi" "$ws"
	(cd "$ws" && make -s clean >/dev/null 2>&1)
	{
		node "$tmp/vscode.js" "$tasks" "escape: build with make" "$ws" >"$tmp/build.json" &&
			cmd=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); assert t["type"]=="shell"; print(t["command"])' "$tmp/build.json") &&
			(cd "$ws" && PATH=$tmp/bin:$PATH bash -c "$cmd") >"$tmp/build.out" 2>&1 ||
			{
				echo "the task failed"
				tail -n 5 "$tmp/build.out"
			}
		python3 "$tmp/expect.py" "$tmp/build.out" "$ws" >"$tmp/build.expect"
		node "$tmp/vscode.js" "$tasks" "escape: build with make" "$ws" "$tmp/build.out" >"$tmp/build.problems"
		python3 - "$tmp/build.expect" "$tmp/build.problems" <<'PY'
import json, os, sys
want = [json.loads(l) for l in open(sys.argv[1])]
got = {json.loads(l)["n"]: json.loads(l) for l in open(sys.argv[2])}
warn = [w for w in want if w["kind"] == "warning"]
if not warn:
    print("the build printed no warning")
for w in want:
    g = got.get(w["n"])
    if not g:
        print("not matched: %s:%d: %s" % (w["file"], w["line"], w["text"]))
    elif not os.path.isfile(g["file"]) or (g["line"], g["column"]) != (w["line"], w["col"]):
        print("wrong place: %s:%d:%d for %s" % (g["file"], g["line"], g["column"], w))
if len(got) != len(want):
    print("%d problems for %d diagnostics" % (len(got), len(want)))
PY
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		esc_bad "VS Code: the 'build with make' task turns the build's diagnostics into problems in existing files" "$tmp/detail"
	else
		esc_ok "VS Code: the 'build with make' task turns the build's $(wc -l <"$tmp/build.expect") diagnostics into problems in existing files"
	fi
fi

# ---------------------------------------------------------------------
# LSP
cat >"$tmp/lsp.py" <<'PY'
import json, os, sys, urllib.parse
problems = []
def position(p, where):
    if not (isinstance(p.get("line"), int) and isinstance(p.get("character"), int)
            and p["line"] >= 0 and p["character"] >= 0):
        problems.append("%s: bad position %s" % (where, p))
def location(uri, rng, where):
    if not uri.startswith("file:///"):
        problems.append("%s: not an absolute file URI: %s" % (where, uri))
        return
    path = urllib.parse.unquote(uri[len("file://"):])
    if not os.path.isfile(path):
        problems.append("%s: no such file %s" % (where, path))
        return
    position(rng["start"], where)
    position(rng["end"], where)
    lines = open(path, encoding="utf-8").read().split("\n")
    s = rng["start"]
    if s["line"] >= len(lines):
        problems.append("%s: line %d beyond %s" % (where, s["line"], path))
    elif s["character"] > len(lines[s["line"]].encode("utf-16-le")) // 2:
        problems.append("%s: character %d beyond line %d of %s" % (where, s["character"], s["line"], path))
    if (rng["end"]["line"], rng["end"]["character"]) < (s["line"], s["character"]):
        problems.append("%s: range ends before it starts" % where)
n = 0
for f in sys.argv[1:]:
    for i, d in enumerate(json.load(open(f))["diagnostics"]):
        n += 1
        where = "%s diagnostics[%d]" % (os.path.basename(f), i)
        location(d["uri"], d["range"], where)
        if d.get("severity") not in (1, 2, 3, 4):
            problems.append("%s: severity %r" % (where, d.get("severity")))
        if not isinstance(d.get("message"), str) or not d["message"]:
            problems.append("%s: no message" % where)
        for j, r in enumerate(d.get("relatedInformation", [])):
            location(r["location"]["uri"], r["location"]["range"], "%s related[%d]" % (where, j))
            if not isinstance(r.get("message"), str):
                problems.append("%s related[%d]: no message" % (where, j))
print("\n".join(problems[:10]))
print("%d diagnostics" % n, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
if python3 "$tmp/lsp.py" "$tmp/demo.json" "$tmp/utf8.json" >"$tmp/detail" 2>"$tmp/summary"; then
	esc_ok "LSP: every diagnostic of the reports ($(cat "$tmp/summary")) is an LSP Diagnostic on existing files, inside them"
else
	esc_bad "LSP: every diagnostic of the reports is an LSP Diagnostic on existing files, inside them" "$tmp/detail"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
