#!/bin/bash
# run-ci.sh [PLUGIN] - the CI recipes of docs/ci.md, each on a real build.
#
#   PLUGIN  the plugin (default: plugin/escape.so of this repository)
#
# The projects under testsuite/ci/ mark each expected dangling warning on
# its line, `// dangle "RULE"', and each silenced one, `// suppressed
# "RULE"'.  Counted tests:
#   CMake (testsuite/ci/cmake), through the launcher scripts/escape-cc
#   (CMAKE_C_COMPILER_LAUNCHER) and through CMAKE_C_FLAGS:
#     - configure and build succeed; GCC prints exactly the marked warnings
#       (file, line, rule id); one valid report per C file in json=DIR/,
#       whose warnings and suppressed warnings are the marked ones;
#     - the launcher does not reach CMake's try_compile checks (no report
#       of theirs), CMAKE_C_FLAGS does (reports of CMake's own sources);
#     - with -Werror the build fails on exactly the marked warnings, and
#       the same build without the plugin succeeds;
#   Meson (testsuite/ci/meson), with the plugin installed by
#     `make install PLUGINDIR=T/plugins PREFIX=T/prefix' and used as
#     -iplugindir=T/plugins -fplugin=escape: the same checks (werror=true),
#     and the quirk docs/ci.md describes: Meson wraps -fplugin=/path/escape.so
#     in -Wl,--start-group ... -Wl,--end-group, as a library;
#   GitHub Actions (docs/github-actions.yml): the YAML parses, has the steps
#     docs/ci.md describes, the SARIF upload reads the file escape-report
#     writes, every run: step is valid bash, the packages it installs are
#     known to apt; then its run: steps (all but apt-get) are run as written
#     in a workspace: examples/multi as the project, escape a symbolic link
#     to this repository, `make install' sent to a temporary PLUGINDIR and
#     PREFIX through the environment (the Makefile's ?=), and a gcc on PATH
#     that adds -iplugindir for -fplugin=escape; the SARIF holds the marked
#     warnings; the gate passes with no baseline and with the current SARIF
#     as baseline, and fails once a new dangling address is added.
# A missing tool (cmake, meson, ninja, python3 yaml or jsonschema) fails the
# tests that need it, saying so.  Ends with "N passed, N failed".
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
export CC=${CC:-gcc} # the compiler (Meson and CMake take it too)
schema=$root/docs/report.schema.json
launcher=$root/scripts/escape-cc
if [ ! -f "$plugin" ]; then
	echo "run-ci.sh: no plugin at $plugin (run make first)" >&2
	exit 2
fi
plugin=$(cd "$(dirname "$plugin")" && pwd)/$(basename "$plugin")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-ci.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
# esc_ok NAME, esc_bad NAME [DETAIL-FILE], esc_try NAME COMMAND...: lib.sh
missing() { # TOOL WHY N: N tests cannot run
	echo "FAIL $2: $1 is missing (scripts/deps.sh --test installs it)"
	failed=$((failed + $3))
}
have() { command -v "$1" >/dev/null 2>&1; }

# markers DIR TAG: FILE:LINE RULE for each `// TAG "RULE"' of DIR/*.c (the
# one checker reads the directives, testsuite/lib)
. "$root/testsuite/lib/lib.sh"
esc_expect_init || exit 2
markers() {
	(cd "$1" && "$expect" markers "$2" *.c) | sort
}
# printed LOG KIND: FILE:LINE RULE for each "KIND: ... [escape-RULE]" GCC
# printed (KIND warning or error), FILE without its directory
printed() {
	sed -n "s/^\([^ :]*\/\)\{0,1\}\([^/ :]*\.c\):\([0-9]*\):[0-9]*: $2: .*\[\(escape-[a-z]*\)\].*/\2:\3 \4/p" \
		"$1" | sort
}
same() { # NAME WANT GOT: the same lines (WANT not empty)
	if [ ! -s "$2" ]; then
		echo "no expectation in $2"
		return 1
	fi
	diff "$2" "$3"
}

# reports DIR SRCDIR [EXTRA...]: every *.json of DIR is valid; each C file of
# SRCDIR has exactly one (by the base name of `source'); any other report
# is one of EXTRA (base names); the warnings of the project's reports are
# the dangle markers, the suppressed ones the suppressed markers.
cat >"$tmp/reports.py" <<'PY'
import glob, json, os, sys
import jsonschema

schema_path, d, srcdir, want_dangle, want_quiet = sys.argv[1:6]
extra = set(sys.argv[6:])
schema = json.load(open(schema_path))
validator = jsonschema.Draft202012Validator(schema)
problems = []
project = sorted(os.path.basename(f) for f in glob.glob(os.path.join(srcdir, "*.c")))
seen = {}
dangle, quiet = [], []
for f in sorted(glob.glob(os.path.join(d, "*.json"))):
    name = os.path.basename(f)
    try:
        doc = json.load(open(f))
    except ValueError as e:
        problems.append("%s: not JSON: %s" % (name, e))
        continue
    for e in sorted(validator.iter_errors(doc), key=str)[:3]:
        problems.append("%s: schema: %s at %s" % (name, e.message, list(e.path)))
    base = os.path.basename(doc.get("source", ""))
    seen.setdefault(base, []).append(name)
    if base not in project:
        continue
    for fn in doc["functions"]:
        for w in fn["warnings"]:
            (quiet if w["suppressed"] else dangle).append(
                "%s:%d %s" % (base, w["line"], w["rule"]))
for p in project:
    n = len(seen.get(p, []))
    if n != 1:
        problems.append("%s: %d reports, expected 1" % (p, n))
for s in sorted(seen):
    if s not in project and s not in extra:
        problems.append("unexpected report of %s: %s" % (s, " ".join(seen[s])))
for what, got, path in (("warnings", dangle, want_dangle),
                        ("suppressed warnings", quiet, want_quiet)):
    want = sorted(l.strip() for l in open(path) if l.strip())
    if sorted(got) != want:
        problems.append("%s in the reports: %s, marked: %s" % (what, sorted(got), want))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
reports() { # DIR SRCDIR [EXTRA...]
	local d=$1 s=$2
	shift 2
	python3 "$tmp/reports.py" "$schema" "$d" "$s" "$tmp/want.$(basename "$s")" \
		"$tmp/quiet.$(basename "$s")" "$@"
}
# sources_of DIR: the base names of the reports' sources
sources_of() {
	python3 -c 'import glob, json, os, sys
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    print(os.path.basename(json.load(open(f))["source"]))' "$1" | sort
}

pyok=1
if ! have python3 || ! python3 -c 'import jsonschema, yaml' 2>/dev/null; then
	echo "run-ci.sh: python3 with jsonschema and yaml is needed (scripts/deps.sh --test installs them)"
	pyok=0
fi

# ---------------------------------------------------------------------
# CMake
cm=$root/testsuite/ci/cmake
markers "$cm" dangle >"$tmp/want.cmake"
markers "$cm" suppressed >"$tmp/quiet.cmake"
cmake_build() { # NAME BUILDDIR CMAKE-ARGS...: configure and build, log in BUILDDIR.log
	local b=$2
	shift 2
	cmake -S "$cm" -B "$b" -DCMAKE_C_COMPILER="$CC" "$@" >"$b.log" 2>&1 &&
		cmake --build "$b" >>"$b.log" 2>&1
}
if ! have cmake; then
	missing cmake "CMake recipes" 10
elif [ $pyok = 0 ]; then
	missing "python3 jsonschema/yaml" "CMake recipes" 10
else
	# the launcher
	r1=$tmp/cmake-launcher-reports
	if cmake_build launcher "$tmp/cl" "-DCMAKE_C_COMPILER_LAUNCHER=$launcher;--json=$r1"; then
		esc_ok "CMake with CMAKE_C_COMPILER_LAUNCHER=escape-cc configures and builds"
	else
		esc_bad "CMake with CMAKE_C_COMPILER_LAUNCHER=escape-cc configures and builds" "$tmp/cl.log"
	fi
	printed "$tmp/cl.log" warning >"$tmp/got"
	esc_try "CMake, launcher: GCC prints exactly the marked warnings ($(wc -l <"$tmp/want.cmake"))" \
		same x "$tmp/want.cmake" "$tmp/got"
	esc_try "CMake, launcher: one valid report per C file, warnings and suppressed ones as marked" \
		reports "$r1" "$cm"
	{
		grep -q '^HAVE_STRDUP:INTERNAL=1' "$tmp/cl/CMakeCache.txt" ||
			echo "the check_symbol_exists(strdup) check did not succeed"
		sources_of "$r1" >"$tmp/srcs"
		(cd "$cm" && ls -- *.c) | diff - "$tmp/srcs"
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		esc_bad "CMake, launcher: try_compile checks ran without the plugin (no report of theirs)" "$tmp/detail"
	else
		esc_ok "CMake, launcher: try_compile checks ran without the plugin (no report of theirs)"
	fi
	# -Werror: fails on the marked warnings, and only because of the plugin
	if cmake_build x "$tmp/clw" "-DCMAKE_C_COMPILER_LAUNCHER=$launcher" -DCMAKE_C_FLAGS=-Werror; then
		esc_bad "CMake, launcher, -Werror: the build fails" "$tmp/clw.log"
	else
		printed "$tmp/clw.log" error >"$tmp/got"
		if same x "$tmp/want.cmake" "$tmp/got" >"$tmp/detail" 2>&1 &&
			cmake_build x "$tmp/cnw" -DCMAKE_C_FLAGS=-Werror; then
			esc_ok "CMake, launcher, -Werror: the build fails on exactly the marked warnings (and builds without the plugin)"
		else
			cat "$tmp/cnw.log" >>"$tmp/detail" 2>/dev/null
			esc_bad "CMake, launcher, -Werror: the build fails on exactly the marked warnings" "$tmp/detail"
		fi
	fi

	# CMAKE_C_FLAGS
	r2=$tmp/cmake-flags-reports
	mkdir -p "$r2"
	if cmake_build flags "$tmp/cf" "-DCMAKE_C_FLAGS=-fplugin=$plugin -fplugin-arg-escape-json=$r2/"; then
		esc_ok "CMake with the plugin in CMAKE_C_FLAGS configures and builds"
	else
		esc_bad "CMake with the plugin in CMAKE_C_FLAGS configures and builds" "$tmp/cf.log"
	fi
	printed "$tmp/cf.log" warning >"$tmp/got"
	esc_try "CMake, CMAKE_C_FLAGS: GCC prints exactly the marked warnings" \
		same x "$tmp/want.cmake" "$tmp/got"
	esc_try "CMake, CMAKE_C_FLAGS: one valid report per C file, and reports of CMake's own checks" \
		reports "$r2" "$cm" CMakeCCompilerABI.c CMakeCCompilerId.c CheckSymbolExists.c
	{
		sources_of "$r2" >"$tmp/srcs"
		for s in CMakeCCompilerABI.c CheckSymbolExists.c; do
			grep -qx "$s" "$tmp/srcs" || echo "no report of CMake's $s: try_compile did not load the plugin"
		done
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		esc_bad "CMake, CMAKE_C_FLAGS: try_compile checks load the plugin too" "$tmp/detail"
	else
		esc_ok "CMake, CMAKE_C_FLAGS: try_compile checks load the plugin too"
	fi
	if cmake_build x "$tmp/cfw" "-DCMAKE_C_FLAGS=-fplugin=$plugin -Werror"; then
		esc_bad "CMake, CMAKE_C_FLAGS, -Werror: the build fails" "$tmp/cfw.log"
	else
		printed "$tmp/cfw.log" error >"$tmp/got"
		esc_try "CMake, CMAKE_C_FLAGS, -Werror: configure passes, the build fails on exactly the marked warnings" \
			same x "$tmp/want.cmake" "$tmp/got"
	fi
fi

# ---------------------------------------------------------------------
# Meson, with the plugin installed into a directory of our own
ms=$root/testsuite/ci/meson
markers "$ms" dangle >"$tmp/want.meson"
markers "$ms" suppressed >"$tmp/quiet.meson"
pd=$tmp/plugins
meson_build() { # BUILDDIR MESON-ARGS...: setup and build, log in BUILDDIR.log
	local b=$1
	shift
	meson setup "$b" "$ms" -Db_colorout=never "$@" >"$b.log" 2>&1 &&
		ninja -C "$b" >>"$b.log" 2>&1
}
if ! have meson || ! have ninja; then
	missing "meson or ninja" "Meson recipes" 5
elif [ $pyok = 0 ]; then
	missing "python3 jsonschema/yaml" "Meson recipes" 5
else
	if make -C "$root" install CC="$CC" CXX="${CXX:-g++}" PLUGINDIR="$pd" PREFIX="$tmp/prefix" >"$tmp/install.log" 2>&1 &&
		[ -f "$pd/escape.so" ] && ls "$pd"/escape-rules/*.json >/dev/null 2>&1 &&
		[ -f "$pd/escape-rules.idx" ] && [ -f "$tmp/prefix/include/escape-noescape.h" ]; then
		esc_ok "make install PLUGINDIR=DIR PREFIX=DIR: escape.so, escape-rules/ (and its index) and the header"
	else
		esc_bad "make install PLUGINDIR=DIR PREFIX=DIR: escape.so, escape-rules/ (and its index) and the header" "$tmp/install.log"
	fi
	r3=$tmp/meson-reports
	mkdir -p "$r3"
	if meson_build "$tmp/ms" "-Dc_args=['-iplugindir=$pd','-fplugin=escape','-fplugin-arg-escape-json=$r3/']"; then
		printed "$tmp/ms.log" warning >"$tmp/got"
		esc_try "Meson, -iplugindir=DIR -fplugin=escape in c_args: builds, GCC prints exactly the marked warnings" \
			same x "$tmp/want.meson" "$tmp/got"
	else
		esc_bad "Meson, -iplugindir=DIR -fplugin=escape in c_args: builds" "$tmp/ms.log"
	fi
	# Meson compiles its sanity check with c_args too (sanitycheckc.c;
	# sanity_check_for_c.c in newer Meson, e.g. 1.12)
	sanity=sanitycheckc.c
	ls "$r3" | grep -q '^sanity_check_for_c\.c\.' && sanity=sanity_check_for_c.c
	esc_try "Meson: one valid report per C file (and Meson's sanity check), warnings and suppressed ones as marked" \
		reports "$r3" "$ms" "$sanity"
	if meson_build "$tmp/msw" -Dwerror=true "-Dc_args=['-iplugindir=$pd','-fplugin=escape']"; then
		esc_bad "Meson, werror=true: the build fails" "$tmp/msw.log"
	else
		printed "$tmp/msw.log" error >"$tmp/got"
		if same x "$tmp/want.meson" "$tmp/got" >"$tmp/detail" 2>&1 &&
			meson_build "$tmp/mnw" -Dwerror=true; then
			esc_ok "Meson, werror=true: the build fails on exactly the marked warnings (and builds without the plugin)"
		else
			cat "$tmp/mnw.log" >>"$tmp/detail" 2>/dev/null
			esc_bad "Meson, werror=true: the build fails on exactly the marked warnings" "$tmp/detail"
		fi
	fi
	# the quirk of Debian 12's Meson (1.0): an argument ending in .so is
	# taken for a library (newer Meson, e.g. 1.12, leaves it as it is)
	mv=$(meson --version)
	{
		if meson_build "$tmp/msq" "-Dc_args=-fplugin=$plugin"; then
			case $mv in 1.0.*) ;; *) false ;; esac &&
			! grep -q -- "-Wl,--start-group -fplugin=$plugin -Wl,--end-group" "$tmp/msq/build.ninja" &&
				echo "build.ninja does not wrap -fplugin=$plugin in -Wl,--start-group/--end-group (docs/ci.md says it does): $(grep -m1 -o -- '-[^ ]*fplugin=[^ ]*' "$tmp/msq/build.ninja")"
			printed "$tmp/msq.log" warning | diff "$tmp/want.meson" - ||
				echo "the build did not print the marked warnings"
		else
			echo "the build failed"
			tail -n 5 "$tmp/msq.log"
		fi
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		esc_bad "Meson $mv: -fplugin=/path/escape.so in c_args is as docs/ci.md says (wrapped as a library by Meson 1.0)" "$tmp/detail"
	else
		esc_ok "Meson $mv: -fplugin=/path/escape.so in c_args is as docs/ci.md says (wrapped as a library by Meson 1.0)"
	fi
fi

# ---------------------------------------------------------------------
# GitHub Actions
wf=$root/docs/github-actions.yml
if [ $pyok = 0 ]; then
	missing "python3 jsonschema/yaml" "GitHub Actions workflow" 6
else
	# the workflow's shape; its run: steps into $tmp/wf/NN.sh, listed in
	# $tmp/wf/steps as NN<TAB>name
	mkdir -p "$tmp/wf"
	if python3 - "$wf" "$tmp/wf" >"$tmp/detail" 2>&1 <<'PY'; then
import os, re, sys
import yaml

path, out = sys.argv[1:3]
try:
    doc = yaml.safe_load(open(path))
except yaml.YAMLError as e:
    print("not YAML: %s" % e)
    sys.exit(1)
problems = []
# YAML 1.1 reads the key `on' as True
on = doc.get("on", doc.get(True))
if not on or "pull_request" not in on:
    problems.append("not run on pull requests")
if doc.get("permissions", {}).get("security-events") != "write":
    problems.append("no security-events: write permission (upload-sarif needs it)")
jobs = doc.get("jobs") or {}
if len(jobs) != 1:
    problems.append("expected one job, found %d" % len(jobs))
job = next(iter(jobs.values()))
steps = job.get("steps") or []
env = job.get("env") or {}
uses = [s.get("uses", "") for s in steps]
if not any(u.startswith("actions/checkout@") for u in uses):
    problems.append("no actions/checkout step")
upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
if [s["uses"] for s in upload] != ["github/codeql-action/upload-sarif@v3"]:
    problems.append("expected one github/codeql-action/upload-sarif@v3 step, found %s" % [s["uses"] for s in upload])
runs = [s for s in steps if "run" in s]
sarif_out = None
for s in runs:
    m = re.search(r"escape-report\s+--sarif\b.*?-o\s+(\S+)", s["run"], re.S)
    if m:
        sarif_out = m.group(1)
if not sarif_out:
    problems.append("no step runs escape-report --sarif -o FILE")
elif upload and upload[0].get("with", {}).get("sarif_file") != sarif_out:
    problems.append("upload-sarif reads %r, escape-report writes %r"
                    % (upload[0].get("with", {}).get("sarif_file"), sarif_out))
if not any("--baseline" in s["run"] for s in runs):
    problems.append("no step gates on escape-report --baseline")
if not any("-fplugin-arg-escape-json=" in s["run"] or "escape-build " in s["run"]
           for s in runs):
    problems.append("no step builds with json=DIR/ or escape-build")
with open(os.path.join(out, "steps"), "w") as lst, open(os.path.join(out, "env"), "w") as e:
    for k, v in env.items():
        if "${{" in str(v):
            problems.append("job env %s uses an expression: the test cannot run it" % k)
        e.write("export %s=%s\n" % (k, str(v)))
    for i, s in enumerate(runs):
        if "${{" in s["run"]:
            problems.append("step %r uses ${{ }} in run:" % s.get("name"))
        with open(os.path.join(out, "%02d.sh" % i), "w") as f:
            f.write(s["run"])
        lst.write("%02d\t%s\n" % (i, s.get("name", "")))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
		esc_ok "docs/github-actions.yml parses, checks out, builds with json=DIR/ (escape-build), uploads the SARIF escape-report writes, gates on --baseline"
	else
		esc_bad "docs/github-actions.yml parses and has the steps docs/ci.md describes" "$tmp/detail"
	fi
	{
		for s in "$tmp"/wf/*.sh; do
			[ -f "$s" ] || continue
			bash -n "$s" || echo "step $(basename "$s" .sh): not valid bash"
		done
		ls "$tmp"/wf/*.sh >/dev/null 2>&1 || echo "no run: steps"
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		esc_bad "every run: step of the workflow is valid bash" "$tmp/detail"
	else
		esc_ok "every run: step of the workflow is valid bash"
	fi
	# the packages apt-get installs exist
	{
		pkgs=$(cat "$tmp"/wf/*.sh 2>/dev/null | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' |
			sed -n 's/.*apt-get install\(.*\)/\1/p' | tr ' \t' '\n\n' | grep -v '^-' | grep .)
		[ -n "$pkgs" ] || echo "no apt-get install in the workflow"
		for p in $pkgs; do
			c=$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: //p')
			[ -n "$c" ] && [ "$c" != "(none)" ] || echo "apt knows no package $p"
		done
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		esc_bad "the packages the workflow installs are known to apt" "$tmp/detail"
	else
		esc_ok "the packages the workflow installs are known to apt ($(echo $pkgs))"
	fi

	# the workflow runs escape/build/escape-report after `make all install'
	if make -C "$root" -pn all 2>/dev/null | grep -q '^all:.*build/escape-report'; then
		esc_ok "make all builds build/escape-report, which the workflow runs"
	else
		echo "  (the Makefile's all: $(make -C "$root" -pn all 2>/dev/null | grep -m1 '^all:'))"
		esc_bad "make all builds build/escape-report, which the workflow runs"
	fi

	# run the steps in a workspace
	ws=$tmp/ws
	mkdir -p "$ws" "$tmp/bin"
	cp -r "$root/examples/multi/." "$ws/"
	(cd "$ws" && make -s clean >/dev/null 2>&1)
	ln -s "$root" "$ws/escape"
	esc_gcc_wrapper "$tmp/bin" "$pd"
	# the workflow's g++ is $CXX
	[ "${CXX:-g++}" = g++ ] || ln -sf "$(command -v "$CXX")" "$tmp/bin/g++"
	run_steps() { # LOG: every run: step but apt-get's; prints NN=STATUS for each
		local n name
		while IFS=$'\t' read -r n name; do
			grep -q 'apt-get' "$tmp/wf/$n.sh" && continue
			(
				cd "$ws" && . "$tmp/wf/env" &&
					PATH=$tmp/bin:$tmp/gh-prefix/bin:$PATH GITHUB_WORKSPACE=$ws PLUGINDIR=$pd \
						PREFIX=$tmp/gh-prefix bash --noprofile --norc -eo pipefail "$tmp/wf/$n.sh"
			) >>"$1" 2>&1
			echo "$n=$?"
		done <"$tmp/wf/steps"
	}
	gate=$(grep -l -- '--baseline' "$tmp"/wf/*.sh 2>/dev/null | head -n 1)
	gate=$(basename "${gate:-none}" .sh)
	statuses=$(run_steps "$tmp/gh1.log" | tr '\n' ' ')
	{
		case " $statuses" in
		*=[1-9]*) echo "a step failed: $statuses" && tail -n 15 "$tmp/gh1.log" ;;
		esac
		sarif=$ws/escape.sarif
		# the SARIF is linked (escape-report): the warnings the link step
		# finds across files (`// linked') too
		{ markers "$ws" dangle; markers "$ws" linked; } | sed 's/^/\//' >"$tmp/want.gh"
		for d in a b; do
			{ markers "$ws/$d" dangle; markers "$ws/$d" linked; } | sed "s|^|/$d/|"
		done >>"$tmp/want.gh"
		sort -o "$tmp/want.gh" "$tmp/want.gh"
		python3 - "$sarif" "$ws" <<'PY' >"$tmp/got.gh" || echo "cannot read $sarif"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["version"] == "2.1.0"
for r in doc["runs"]:
    for res in r["results"]:
        if res.get("suppressions"):
            continue
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        print("/%s:%d %s" % (uri.lstrip("/"), loc["region"]["startLine"], res["ruleId"]))
PY
		sort -o "$tmp/got.gh" "$tmp/got.gh"
		same x "$tmp/want.gh" "$tmp/got.gh"
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		esc_bad "the workflow's steps build examples/multi and write a SARIF with the marked warnings" "$tmp/detail"
	else
		esc_ok "the workflow's steps build examples/multi and write a SARIF with the marked warnings ($(wc -l <"$tmp/got.gh"))"
	fi
	# the gate: passes on the baseline, fails on a new dangling address
	{
		cp "$ws/escape.sarif" "$ws/.escape-baseline.sarif"
		statuses=$(run_steps "$tmp/gh2.log" | tr '\n' ' ')
		case " $statuses" in
		*=[1-9]*) echo "with the current SARIF as baseline, a step failed: $statuses" ;;
		esac
		cat >>"$ws/log.c" <<'EOF'

const char *log_scratch(void)
{
	char tmp[16] = "scratch";

	log_set_prefix(tmp);
	return log_prefix;
}
EOF
		statuses=$(run_steps "$tmp/gh3.log" | tr '\n' ' ')
		for s in $statuses; do
			case $s in
			"$gate"=1) ;;
			"$gate"=*) echo "with a new dangling address, the gate step exited ${s#*=}, not 1" ;;
			*=0) ;;
			*) echo "with a new dangling address, step ${s%=*} failed" ;;
			esac
		done
		grep -q 'log\.c' "$tmp/gh3.log" || echo "the gate did not name log.c"
	} >"$tmp/detail" 2>&1
	if [ -s "$tmp/detail" ]; then
		tail -n 8 "$tmp/gh3.log" >>"$tmp/detail"
		esc_bad "the workflow's gate passes on its baseline and fails on a new dangling address" "$tmp/detail"
	else
		esc_ok "the workflow's gate passes on its baseline and fails on a new dangling address"
	fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
