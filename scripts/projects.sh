#!/bin/bash
# projects.sh [OPTIONS] - the plugin on real projects: Debian source
# packages, each built twice, plain and with the plugin.
#
# Projects (Debian source package names; default: all seven):
#   zlib      zlib 1.2.13: static and shared library, examples
#   lua5.4    Lua 5.4.4 with its upstream Makefile (Debian's patches
#             are not applied: they switch it to libtool and add C++
#             builds): liblua.a, lua, luac
#   sqlite3   SQLite 3.40.1: the amalgamation sqlite3.c is generated
#             (configure, make sqlite3.c, with tclsh), then `make all`
#             builds libsqlite3.so, the shell and the Tcl extension
#   bash      GNU bash 5.2.15: `make` after configure (bash, its
#             builtins, bundled readline, glob, tilde, sh, intl...)
#   expat     Expat 2.5.0, the XML parser: its autotools files are
#             generated (buildconf.sh, i.e. autoreconf), then configure
#             and make: libexpat, xmlwf, examples, tests
#   xz-utils  XZ Utils 5.4.1: configure (no NLS, no docs), make:
#             liblzma (static and shared), xz, xzdec, lzmainfo...
#   libevent  libevent 2.1.12, the event notification library (Debian's
#             patches are not applied: they touch Makefile.am, which
#             would make automake run again): configure without
#             OpenSSL, make: its libraries, samples and regression tests
#
# The sources are fetched with apt-get through a private configuration
# (a deb-src line for each Debian mirror the system's own apt sources
# name, for the system's release, with its own lists, cache and source
# list under the cache directory; the system's apt state is not touched),
# and unpacked with dpkg-source.  Each project is then configured once,
# plainly, and built twice in the same directory, so that paths in the
# debug information are the same:
#   plain:  the project's own build, CC = a wrapper that adds
#           -gno-record-gcc-switches to every C compile and logs it;
#   plugin: the same, and the wrapper adds -fplugin=$PLUGIN
#           -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=DIR/ to
#           every C compile (what CFLAGS+= means, whatever the project
#           calls its flags: zlib's SFLAGS, Lua's MYCFLAGS...).
# SOURCE_DATE_EPOCH is fixed, so __DATE__ and __TIME__ do not differ.
# Checks, one line each per project:
#   build    both builds succeed;
#   objects  the two trees hold the same ELF files and ar archives
#            (objects, libraries, programs), byte-identical (cmp);
#   reports  json=DIR/ wrote one report per C translation unit compiled
#            (a distinct source and output logged by the wrapper), left
#            no temporary file, and both builds compiled as many;
#   json     every report is valid JSON, and valid against
#            docs/report.schema.json when python3-jsonschema is there.
# Then prints per project what the reports hold: TUs (reports), files
# (distinct C files), functions (distinct by file, line and name: one
# compiled in several TUs counts once), their escaping stack objects and
# leaking params (to the heap),
# distinct unknown callees (steps "argument of unknown function", i.e.
# the notes' "argument N of F (no body, no rule)"; those defined in no
# file of the project are "external"), dangling warnings (not
# suppressed), and the build's time (wall and CPU, plain and plugin);
# lines are those of the distinct C files compiled.  Every dangling
# warning is listed in WORK/warnings.tsv (project, id, file, line,
# function, message; kept with --keep).
# Linked: the reports are then linked per program, as the linker would
# (each ELF executable and shared library of the plugin tree: the compile
# units of its DWARF information, plus those of the project's shared
# libraries it needs; a shared library whose units all belong to a bigger
# program is judged there; reports no program uses form one more group),
# with escape-report --sarif; the linked warnings are the union over the
# programs (distinct id, file, line and message), counted per project and
# listed in WORK/linked.tsv (project, id, file, line, function, message,
# programs): the list docs/precision.md judges.  Needs python3 and
# readelf; skipped (said so) without them or without escape-report.
# Ends with "N passed, N failed"; exits 1 if anything failed, 2 if it
# could not run at all (bad option, no plugin, no network...).
#
# Options:
#   --project NAME  only this project (repeatable)
#   --keep DIR      build in DIR (created; must be empty) and keep the
#                   trees, logs and reports there; by default a temporary
#                   directory, removed unless something failed
#   --cache DIR     downloaded sources and the private apt state (default
#                   ${XDG_CACHE_HOME:-$HOME/.cache}/escape/projects);
#                   sources found there are not downloaded again
#   --jobs N        make -jN (default: nproc)
#   --list          print the projects and exit
#   --prepare DIR   only fetch, unpack and configure each project into
#                   DIR/NAME/prep (replaced), with DIR/NAME/build.sh TREE
#                   that builds a copy TREE of prep with make -j1 through
#                   the wrapper DIR/cc-wrap, and DIR/NAME/version; builds
#                   nothing (scripts/bench.sh's builds section uses it)
#
# Environment: PLUGIN (default plugin/escape.so of this tree; its rules
# are escape-rules/ next to it), SCHEMA (default docs/report.schema.json
# of this tree: give the one that matches PLUGIN), REPORT (the
# escape-report that links; default build/escape-report of this tree),
# CC (gcc), TMPDIR.
# Needs apt-get, dpkg-source (dpkg-dev), jq, make, and tclsh (tcl) for
# sqlite3; installs the missing ones with apt-get when run as root,
# otherwise prints the command to run and exits 2.  The projects' own
# build dependencies are not installed (they need none beyond
# tclsh; expat needs autoconf, automake and libtool).  See
# docs/projects.md.

# The recipes' variables are read through ${!name}:
# shellcheck disable=SC2034
set -u
ALL_PROJECTS=(zlib lua5.4 sqlite3 bash expat xz-utils libevent)

# ------------------------------------------------------------------ #
# Recipes: prepare (plain, once) and build (twice), run in the tree;  #
# $WRAP is the compiler wrapper, $JOBS the make -j value.             #
# ------------------------------------------------------------------ #
patches_zlib=yes
prepare_zlib() { CC="$WRAP" CFLAGS="-O2 -g" ./configure; }
build_zlib() { make -j"$JOBS" all; }
how_zlib="CC=wrap CFLAGS='-O2 -g' ./configure; make all"

patches_lua5_4=no
prepare_lua5_4() { :; }
build_lua5_4() { make -j"$JOBS" -C src linux-noreadline CC="$WRAP -std=gnu99" MYCFLAGS=-g; }
how_lua5_4="make -C src linux-noreadline CC='wrap -std=gnu99' MYCFLAGS=-g"

patches_sqlite3=yes
prepare_sqlite3() {
	./configure CC="$WRAP" CFLAGS="-O2 -g" --disable-static &&
		make -j"$JOBS" sqlite3.c shell.c sqlite3.h
}
build_sqlite3() { make -j"$JOBS" all; }
how_sqlite3="./configure CC=wrap CFLAGS='-O2 -g' --disable-static; make sqlite3.c shell.c (plain); make all"

patches_bash=yes
prepare_bash() { ./configure CC="$WRAP" CFLAGS="-O2 -g"; }
build_bash() { make -j"$JOBS"; }
how_bash="./configure CC=wrap CFLAGS='-O2 -g'; make"

patches_expat=yes
prepare_expat() {
	cd expat && ./buildconf.sh && ./configure CC="$WRAP" CFLAGS="-O2 -g" --without-docbook
}
build_expat() { make -j"$JOBS" -C expat; }
how_expat="cd expat; ./buildconf.sh (autoreconf); ./configure CC=wrap CFLAGS='-O2 -g' --without-docbook; make"

patches_xz_utils=yes
prepare_xz_utils() { ./configure CC="$WRAP" CFLAGS="-O2 -g" --disable-nls --disable-doc; }
build_xz_utils() { make -j"$JOBS"; }
how_xz_utils="./configure CC=wrap CFLAGS='-O2 -g' --disable-nls --disable-doc; make"

patches_libevent=no
prepare_libevent() { ./configure CC="$WRAP" CFLAGS="-O2 -g" --disable-openssl --disable-mbedtls; }
build_libevent() { make -j"$JOBS"; }
how_libevent="./configure CC=wrap CFLAGS='-O2 -g' --disable-openssl; make"

{
root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
self="$root/scripts/$(basename "$0")"
CC=${CC:-gcc}
PLUGIN=${PLUGIN:-plugin/escape.so}
case $PLUGIN in /*) ;; *) PLUGIN="$root/$PLUGIN" ;; esac
schema=${SCHEMA:-$root/docs/report.schema.json}
REPORT=${REPORT:-build/escape-report}
case $REPORT in /*) ;; *) REPORT="$root/$REPORT" ;; esac
cache=${XDG_CACHE_HOME:-$HOME/.cache}/escape/projects
JOBS=$(nproc 2>/dev/null || echo 2)
keep=""
prepare=""
projects=()

usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "$self" >&2; exit 2; }
die() { echo "projects: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
	case $1 in
	--project | -p)
		[ -n "${2:-}" ] || die "--project needs a name (one of: ${ALL_PROJECTS[*]})"
		case " ${ALL_PROJECTS[*]} " in
		*" $2 "*) projects+=("$2") ;;
		*) die "unknown project '$2' (known: ${ALL_PROJECTS[*]})" ;;
		esac
		shift 2 ;;
	--keep) [ -n "${2:-}" ] || die "--keep needs a directory"; keep=$2; shift 2 ;;
	--cache) [ -n "${2:-}" ] || die "--cache needs a directory"; cache=$2; shift 2 ;;
	--jobs | -j)
		case ${2:-} in '' | *[!0-9]* | 0) die "--jobs takes a whole number >= 1, not '${2:-}'" ;; esac
		JOBS=$2; shift 2 ;;
	--list) printf '%s\n' "${ALL_PROJECTS[@]}"; exit 0 ;;
	--prepare) [ -n "${2:-}" ] || die "--prepare needs a directory"; prepare=$2; shift 2 ;;
	-h | --help) usage ;;
	*) echo "projects: unknown argument $1" >&2; usage ;;
	esac
done
[ ${#projects[@]} -gt 0 ] || projects=("${ALL_PROJECTS[@]}")
# each project once, in the order given
mapfile -t projects < <(printf '%s\n' "${projects[@]}" | awk '!seen[$0]++')
case $cache in /*) ;; *) cache="$PWD/$cache" ;; esac

"$CC" -dumpversion >/dev/null 2>&1 || die "cannot run $CC"
[ -f "$schema" ] || die "no schema at $schema (SCHEMA=)"
[ -f "$PLUGIN" ] || die "no plugin at $PLUGIN (run make, or set PLUGIN=)"
case $PLUGIN in *[[:space:]]*) die "the plugin's path must not contain spaces: $PLUGIN" ;; esac

# Tools: command -> Debian package.
need=(apt-get:apt dpkg-source:dpkg-dev jq:jq make:make)
case " ${projects[*]} " in *" sqlite3 "*) need+=(tclsh:tcl) ;; esac
case " ${projects[*]} " in *" expat "*) need+=(autoreconf:autoconf automake:automake libtoolize:libtool) ;; esac
missing=()
for t in "${need[@]}"; do
	command -v "${t%%:*}" >/dev/null 2>&1 || missing+=("${t#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		echo "projects: ${missing[*]} missing; run:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
		exit 2
	fi
	echo "projects: installing ${missing[*]}" >&2
	export DEBIAN_FRONTEND=noninteractive
	if ! { apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
		die "apt-get install ${missing[*]} failed"
	fi
fi

PY=""
if command -v python3 >/dev/null 2>&1; then
	PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
fi

# The work directory.
if [ -n "$prepare" ]; then
	case $prepare in /*) ;; *) prepare="$PWD/$prepare" ;; esac
	mkdir -p "$prepare" || die "cannot create $prepare"
	work=$prepare keep=$prepare # never removed
elif [ -n "$keep" ]; then
	case $keep in /*) ;; *) keep="$PWD/$keep" ;; esac
	mkdir -p "$keep" || die "cannot create $keep"
	[ -z "$(ls -A "$keep")" ] || die "--keep $keep is not empty"
	work=$keep
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/escape-projects.XXXXXX") || exit 2
fi
case $work in *[[:space:]]*) die "the work directory's path must not contain spaces: $work" ;; esac
trap 'echo "projects: interrupted; work in $work" >&2; exit 130' INT TERM

# The plugin must load at all; otherwise every project would "fail".
printf 'int main(void) { int x = 0; int *p = &x; return *p; }\n' >"$work/probe.c"
if ! timeout -k 5 60 "$CC" -c "$work/probe.c" -o "$work/probe.o" -fplugin="$PLUGIN" \
	-fplugin-arg-escape-json="$work/probe.json" 2>"$work/probe.err"; then
	echo "projects: the plugin does not work at all (a three-line program fails or hangs with it):" >&2
	cat "$work/probe.err" >&2
	[ -n "$keep" ] || rm -rf "$work"
	exit 2
fi
# Its report of that program must match the schema (a stale SCHEMA or
# PLUGIN would otherwise fail every report).
if [ -n "$PY" ] && "$PY" -I -c 'import jsonschema' 2>/dev/null &&
	! why=$("$PY" -I -c 'import json, sys, jsonschema
e = next(iter(jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).iter_errors(json.load(open(sys.argv[2])))), None)
if e is None: sys.exit(0)
print("/" + "/".join(map(str, e.absolute_path)) + ": " + e.message[:200])
sys.exit(1)' "$schema" "$work/probe.json" 2>&1); then
	echo "projects: the plugin's report of a three-line program does not match $schema: $why" >&2
	echo "projects: (give the schema of this plugin with SCHEMA=, or the plugin of this schema with PLUGIN=)" >&2
	[ -n "$keep" ] || rm -rf "$work"
	exit 2
fi

rm -f "$work"/probe.*

# ------------------------------------------------------------------ #
# The compiler wrapper                                               #
# ------------------------------------------------------------------ #
WRAP=$work/cc-wrap
cat >"$WRAP" <<'EOF'
#!/bin/sh
# Compiler wrapper written by scripts/projects.sh.  Runs $ESCAPE_CC with
# the arguments given; when they compile C files (not -E, -M, -MM,
# -fsyntax-only) it adds -gno-record-gcc-switches and, when ESCAPE_PLUGIN
# is set, the plugin with m=2 and json=$ESCAPE_JSON/ (the plugin alone,
# its default mode, when ESCAPE_JSON is empty), and when ESCAPE_LOG
# is set appends one line per C file: directory, file, output.
cc=${ESCAPE_CC:-gcc}
skip=no pre=no out='' cfiles='' prev=''
nl='
'
for a in "$@"; do
	if [ "$skip" = yes ]; then
		skip=no
		[ "$prev" = -o ] && out=$a
		continue
	fi
	case $a in
	-o | -MF | -MT | -MQ | -include | -imacros | -I | -D | -U | -x | -isystem | \
	-iquote | -idirafter | -L | -Xlinker | -Xpreprocessor | -Xassembler | -u | -T)
		skip=yes prev=$a ;;
	-E | -M | -MM | -fsyntax-only) pre=yes ;;
	-*) ;;
	*.c) cfiles=$cfiles$a$nl ;;
	esac
done
if [ -z "$cfiles" ] || [ "$pre" = yes ]; then
	exec $cc "$@"
fi
if [ -n "${ESCAPE_LOG:-}" ]; then
	printf '%s' "$cfiles" | while IFS= read -r f; do
		printf '%s\t%s\t%s\n' "$PWD" "$f" "${out:-?}"
	done >>"$ESCAPE_LOG"
fi
if [ -n "${ESCAPE_PLUGIN:-}" ] && [ -z "${ESCAPE_JSON:-}" ]; then
	exec $cc "$@" -gno-record-gcc-switches -fplugin="$ESCAPE_PLUGIN"
fi
if [ -n "${ESCAPE_PLUGIN:-}" ]; then
	exec $cc "$@" -gno-record-gcc-switches -fplugin="$ESCAPE_PLUGIN" \
		-fplugin-arg-escape-m=2 -fplugin-arg-escape-json="$ESCAPE_JSON/"
fi
exec $cc "$@" -gno-record-gcc-switches
EOF
chmod +x "$WRAP"

# What the reports of a project hold.  A function compiled in several
# translation units (zlib's static and shared objects, inline functions
# of headers) counts once: functions are told apart by file, line, name.
# Unknown callees are gathered from every translation unit (example.c
# calls gzopen, the same file compiled as example64.c gzopen64).
cat >"$work/stats.jq" <<'EOF'
[inputs] as $r
| [$r[].functions[]] as $all
| ($all | unique_by([.file, .line, .name])) as $f
| ([$f[].name] | map({(.): true}) | add // {}) as $defined
| [$all[] | .. | objects | select(.kind? == "argument of unknown function") | .what | select(. != null)] as $u
| ($u | unique) as $uu
| [$uu[] | select($defined[.] | not)] as $ext
| ($ext | map({(.): true}) | add // {}) as $isext
| [$f[] | .file as $file | (.warnings // [])[] | select(.suppressed | not) | . + {file: $file}] as $w
| [$f[].locals[]] as $l
| [$f[].params[]] as $p
| [$f[].allocations[]] as $a
| [ "TABLE", ($f | length), ([$l[] | select(.escapes)] | length),
    ([$p[] | select(.leaks_to_heap != null)] | length),
    ($uu | length), ($ext | length), ($w | length) ],
  [ "DETAIL", "functions: \($f | length) distinct (\([$f[] | select(.gave_up != null)] | length) not analysed); address-taken stack objects: \($l | length), \([$l[] | select(.escapes)] | length) escaping; pointer params: \($p | length), \([$p[] | select(.leaks_to_heap != null)] | length) leaking to the heap, \([$p[] | select(.leaks_to_heap == null and .leaks_to_result != null)] | length) more only to the result; allocations: \($a | length), \([$a[] | select(.escapes)] | length) escaping" ],
  [ "DETAIL", "unknown callees: \($uu | length) distinct, \(($uu | length) - ($ext | length)) defined in another file of the project, \($ext | length) external\(if ($ext | length) > 0 then "; most frequent external (flow steps): " + ([$u[] | select($isext[.])] | group_by(.) | map({n: .[0], c: length}) | sort_by(-.c, .n) | .[:12] | map("\(.n) (\(.c))") | join(", ")) else "" end)" ],
  [ "DETAIL", "dangling warnings: \($w | length)\(if ($w | length) > 0 then ": " + ($w | group_by(.rule) | map("\(length) \(.[0].rule)") | join(", ")) else "" end)" ],
  ($w | sort_by(.file, .line) | .[:8][] | [ "DETAIL", "  \(.file):\(.line): \(.message)" ])
| @tsv
EOF
export ESCAPE_CC="$CC" SOURCE_DATE_EPOCH=1700000000 LC_ALL=C
unset ESCAPE_PLUGIN ESCAPE_JSON ESCAPE_LOG

# ------------------------------------------------------------------ #
# Sources: a private apt configuration under $cache/apt              #
# ------------------------------------------------------------------ #
codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
distro=$(. /etc/os-release 2>/dev/null && echo "${ID:-} ${ID_LIKE:-}")
aptdir=$cache/apt
APT=(apt-get -q -o "Dir::State::Lists=$aptdir/lists" -o "Dir::Cache=$aptdir/cache"
	-o "Dir::Etc::SourceList=$aptdir/sources.list" -o "Dir::Etc::SourceParts=$aptdir/sources.list.d"
	-o "APT::Sandbox::User=$(id -un)")

# deb-src lines for the Debian mirrors the system's apt sources name
# (one-line .list files and deb822 .sources files), for $codename,
# $codename-updates and $codename-security, component main.
system_sources() {
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed 's/#.*//' "$f" | awk -v c="$codename" '
			$1 == "deb" || $1 == "deb-src" {
				opts = ""; i = 2
				if ($2 ~ /^\[/) {
					while (i <= NF && $i !~ /\]$/) { opts = opts " " $i; i++ }
					opts = opts " " $i; i++
				}
				uri = $i; suite = $(i + 1)
				if (suite != c && suite != c "-updates" && suite != c "-security") next
				main = 0
				for (j = i + 2; j <= NF; j++) if ($j == "main") main = 1
				if (!main) next
				sb = ""
				if (match(opts, /signed-by=[^] ]+/)) sb = "[" substr(opts, RSTART, RLENGTH) "] "
				print "deb-src " sb uri " " suite " main"
			}'
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk -v c="$codename" '
			function flush(   n, u, s, i, j, sb, main) {
				if (types ~ /(^| )deb(-src)?( |$)/ && enabled != "no" && comps ~ /(^| )main( |$)/) {
					sb = (signed ~ /^\//) ? "[signed-by=" signed "] " : ""
					n = split(uris, u, " "); m = split(suites, s, " ")
					for (i = 1; i <= n; i++) for (j = 1; j <= m; j++)
						if (s[j] == c || s[j] == c "-updates" || s[j] == c "-security")
							print "deb-src " sb u[i] " " s[j] " main"
				}
				types = uris = suites = comps = signed = enabled = ""
			}
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			/^[A-Za-z-]+:/ {
				k = tolower(substr($0, 1, index($0, ":") - 1))
				v = substr($0, index($0, ":") + 1); gsub(/^[ \t]+|[ \t]+$/, "", v)
				if (k == "types") types = v; else if (k == "uris") uris = v
				else if (k == "suites") suites = v; else if (k == "components") comps = v
				else if (k == "signed-by") signed = v; else if (k == "enabled") enabled = tolower(v)
			}
			END { flush() }' "$f"
	done
}

apt_ready=no
apt_update() { # writes the private sources.list and runs apt-get update
	case " $distro " in *" debian "*) ;; *) die "not a Debian system (/etc/os-release: ID=$distro): cannot fetch Debian sources" ;; esac
	[ -n "$codename" ] || die "no VERSION_CODENAME in /etc/os-release"
	mkdir -p "$aptdir/lists/partial" "$aptdir/cache/archives/partial" "$aptdir/sources.list.d" ||
		die "cannot create $aptdir"
	lines=$(system_sources | sort -u)
	[ -n "$lines" ] || die "no Debian mirror for $codename in /etc/apt/sources.list(.d); cannot fetch sources"
	printf '%s\n' "$lines" >"$aptdir/sources.list.tmp" && mv "$aptdir/sources.list.tmp" "$aptdir/sources.list" ||
		die "cannot write $aptdir/sources.list"
	echo "projects: apt-get update (private: $aptdir/sources.list, $(wc -l <"$aptdir/sources.list") deb-src lines for $codename)"
	if ! "${APT[@]}" update >"$aptdir/update.log" 2>&1 || grep -q '^E:' "$aptdir/update.log"; then
		cat "$aptdir/update.log" >&2
		die "apt-get update failed (private configuration in $aptdir)"
	fi
	apt_ready=yes
}

fetch() { # NAME: $cache/src/NAME/ holds its .dsc and files, whole or not at all
	name=$1 dest=$cache/src/$1
	if ls "$dest"/*.dsc >/dev/null 2>&1; then
		return 0
	fi
	mkdir -p "$cache/src" || die "cannot create $cache/src"
	# a third attempt takes the release's own version (NAME/CODENAME):
	# a mirror may list a security update whose files it does not hold
	for attempt in 1 2 3; do
		if [ "$apt_ready" = no ]; then
			apt_update
		fi
		want=$name
		[ "$attempt" -lt 3 ] || want=$name/$codename
		tmp=$(mktemp -d "$cache/src/.$name.XXXXXX") || die "cannot create a directory in $cache/src"
		if (cd "$tmp" && "${APT[@]}" source --download-only "$want") >"$tmp/.log" 2>&1 &&
			ls "$tmp"/*.dsc >/dev/null 2>&1; then
			rm -f "$tmp/.log"
			rm -rf "$dest"
			mv "$tmp" "$dest" || die "cannot move $tmp to $dest"
			return 0
		fi
		log=$(cat "$tmp/.log")
		rm -rf "$tmp"
		# the lists may be stale (a newer version replaced the one they name)
		[ "$attempt" -ne 1 ] || apt_ready=no
	done
	echo "$log" >&2
	echo "projects: cannot download the source package $name" >&2
	return 1
}

# ------------------------------------------------------------------ #
# One project                                                        #
# ------------------------------------------------------------------ #
results=$work/results   # RESULT<TAB>PROJECT<TAB>CHECK<TAB>DETAIL
: >"$work/warnings.tsv"  # every dangling warning the compiles print
: >"$work/linked.tsv"    # every linked warning (docs/precision.md)
table=$work/table       # one line of figures per project
: >"$results"; : >"$table"
check() { # RESULT PROJECT CHECK DETAIL
	printf '%s\t%s\t%s\t%s\n' "$@" >>"$results"
	printf '%s %s: %s: %s\n' "$1" "$2" "$3" "$4"
}
fail_rest() { # PROJECT REASON CHECK...: these checks could not be made
	p=$1 why=$2
	shift 2
	for c; do check FAIL "$p" "$c" "$why"; done
}

elf_list() { # DIR: ELF files and ar archives under DIR, relative, sorted
	# (by their first bytes, read without a process per file: zlib's
	# shared objects are called *.lo, libtool's *.lo are text)
	(cd "$1" && find . -type f -size +7c -print0 | while IFS= read -r -d '' f; do
		IFS= LC_ALL=C read -r -N 7 m <"$f" 2>/dev/null
		case $m in
		$'\x7f'ELF* | '!<arch>') printf '%s\n' "${f#./}" ;;
		esac
	done | LC_ALL=C sort)
}

build_once() { # NAME KIND: copies prep to build, builds, moves it to KIND; sets secs_KIND
	name=$1 kind=$2 d=$work/$1
	rm -rf "$d/build"
	cp -a "$d/prep" "$d/build" || return 1
	export ESCAPE_LOG=$d/$kind.tus
	: >"$ESCAPE_LOG"
	if [ "$kind" = plugin ]; then
		export ESCAPE_PLUGIN=$PLUGIN ESCAPE_JSON=$d/reports
	else
		unset ESCAPE_PLUGIN ESCAPE_JSON
	fi
	TIMEFORMAT='%R %U %S'
	# (redirected inside: bash would send time's own line after them)
	{ time (cd "$d/build" && "build_$fn" >"$d/$kind.log" 2>&1); } 2>"$d/$kind.time"
	rc=$?
	unset ESCAPE_LOG ESCAPE_PLUGIN ESCAPE_JSON
	mv "$d/build" "$d/$kind" || return 1
	return $rc
}

run_project() { # NAME
	name=$1 d=$work/$1 fn=${1//[.-]/_}
	checks=(build objects reports json)
	echo
	if ! fetch "$name"; then
		fail_rest "$name" "cannot download the source package" "${checks[@]}"
		return
	fi
	dsc=$(ls "$cache/src/$name"/*.dsc | head -n 1)
	version=$(sed -n 's/^Version: //p' "$dsc" | head -n 1)
	how=how_$fn
	echo "== $name $version: ${!how}"
	mkdir -p "$d/reports" || die "cannot create $d"
	patches=patches_$fn
	skip=()
	[ "${!patches}" = yes ] || skip=(--skip-patches)
	if ! dpkg-source "${skip[@]}" -x "$dsc" "$d/prep" >"$d/unpack.log" 2>&1; then
		tail -n 5 "$d/unpack.log"
		fail_rest "$name" "dpkg-source -x $dsc fails (see $d/unpack.log)" "${checks[@]}"
		return
	fi
	if ! (cd "$d/prep" && "prepare_$fn") >"$d/prepare.log" 2>&1; then
		tail -n 5 "$d/prepare.log"
		fail_rest "$name" "preparing (configure) fails without the plugin (see $d/prepare.log)" "${checks[@]}"
		return
	fi
	build_once "$name" plain
	rc1=$?
	build_once "$name" plugin
	rc2=$?
	if [ "$rc1" -ne 0 ]; then
		tail -n 5 "$d/plain.log"
		fail_rest "$name" "the plain build fails (exit $rc1; see $d/plain.log)" "${checks[@]}"
		return
	fi
	if [ "$rc2" -ne 0 ]; then
		grep -m 3 -E 'internal compiler error|error:|escape:' "$d/plugin.log"
		check FAIL "$name" build "the build with the plugin fails (exit $rc2), the plain one succeeds; see $d/plugin.log"
	else
		check PASS "$name" build "both builds succeed"
	fi

	# objects: the same ELF files and archives, byte-identical
	elf_list "$d/plain" >"$d/plain.elf"
	elf_list "$d/plugin" >"$d/plugin.elf"
	nelf=$(wc -l <"$d/plain.elf")
	nobj=$(grep -c -E '\.(o|lo)$' "$d/plain.elf")
	only=$(LC_ALL=C comm -3 "$d/plain.elf" "$d/plugin.elf" | sed 's/^\t/plugin only: /; /^plugin only/!s/^/plain only: /' | head -n 3 | tr '\n' ';')
	differ=()
	while IFS= read -r f; do
		cmp -s "$d/plain/$f" "$d/plugin/$f" || differ+=("$f")
	done < <(LC_ALL=C comm -12 "$d/plain.elf" "$d/plugin.elf")
	if [ "$nobj" -eq 0 ]; then
		check FAIL "$name" objects "no object file in the plain build"
	elif [ -n "$only" ]; then
		check FAIL "$name" objects "not the same files: $only"
	elif [ ${#differ[@]} -gt 0 ]; then
		check FAIL "$name" objects "${#differ[@]} of $nelf differ: ${differ[*]:0:5}"
	else
		check PASS "$name" objects "$nelf ELF files and archives identical ($nobj objects)"
	fi

	# reports: one per C translation unit (directory/file, output)
	tus=$(awk -F'\t' '{ f = ($2 ~ /^\//) ? $2 : $1 "/" $2; print f "\t" $3 }' "$d/plugin.tus" | sort -u | wc -l)
	tus_plain=$(awk -F'\t' '{ f = ($2 ~ /^\//) ? $2 : $1 "/" $2; print f "\t" $3 }' "$d/plain.tus" | sort -u | wc -l)
	nrep=$(find "$d/reports" -maxdepth 1 -name '*.json' -type f | wc -l)
	stray=$(find "$d/reports" -maxdepth 1 -name '.*' -type f | wc -l)
	if [ "$tus" -eq 0 ]; then
		check FAIL "$name" reports "no C file compiled (the wrapper logged none)"
	elif [ "$nrep" -ne "$tus" ]; then
		check FAIL "$name" reports "$nrep reports for $tus C translation units"
	elif [ "$stray" -ne 0 ]; then
		check FAIL "$name" reports "$stray temporary files left in $d/reports"
	elif [ "$tus_plain" -ne "$tus" ]; then
		check FAIL "$name" reports "$tus C translation units with the plugin, $tus_plain without"
	else
		check PASS "$name" reports "$nrep reports for $tus C translation units"
	fi

	# json: valid, and valid against the schema
	if [ "$nrep" -eq 0 ]; then
		check FAIL "$name" json "no report"
	elif [ -n "$PY" ]; then
		if why=$("$PY" -I - "$schema" "$d/reports" <<'EOF'
import json, os, sys
schema_path, rdir = sys.argv[1:3]
try:
    import jsonschema
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    how = "valid against the schema"
except ImportError:
    validator, how = None, "valid JSON (no python3-jsonschema: schema not checked)"
def constant(c):
    raise ValueError("not JSON: " + c)
bad = []
names = sorted(n for n in os.listdir(rdir) if n.endswith(".json"))
for n in names:
    try:
        with open(os.path.join(rdir, n), encoding="utf-8") as f:
            doc = json.load(f, parse_constant=constant)
        if validator is not None:
            err = next(iter(validator.iter_errors(doc)), None)
            if err is not None:
                raise ValueError("at /%s: %s" % ("/".join(map(str, err.absolute_path)), err.message[:200]))
    except Exception as e:
        bad.append("%s: %s" % (n, e))
if bad:
    print("%d of %d reports invalid: %s" % (len(bad), len(names), "; ".join(bad[:3])))
    sys.exit(1)
print("%d reports %s" % (len(names), how))
EOF
		); then
			check PASS "$name" json "$why"
		else
			check FAIL "$name" json "${why:-python3 failed}"
		fi
	elif find "$d/reports" -name '*.json' -exec jq -e . {} + >/dev/null 2>&1; then
		check PASS "$name" json "$nrep reports are JSON for jq (no python3: schema not checked)"
	else
		check FAIL "$name" json "a report is not JSON (jq)"
	fi

	# figures
	read -r w1 u1 s1 <"$d/plain.time"
	read -r w2 u2 s2 <"$d/plugin.time"
	cpu1=$(awk -v u="$u1" -v s="$s1" 'BEGIN { printf "%.0f", u + s }')
	cpu2=$(awk -v u="$u2" -v s="$s2" 'BEGIN { printf "%.0f", u + s }')
	wall1=$(awk -v w="$w1" 'BEGIN { printf "%.0f", w }')
	wall2=$(awk -v w="$w2" 'BEGIN { printf "%.0f", w }')
	# distinct source files, from the wrapper's log
	nfiles=$(awk -F'\t' '{ print ($2 ~ /^\//) ? $2 : $1 "/" $2 }' "$d/plugin.tus" | sort -u | wc -l)
	# their lines (the build ran in build/, renamed plugin/ since)
	nlines=$(awk -F'\t' '{ print ($2 ~ /^\//) ? $2 : $1 "/" $2 }' "$d/plugin.tus" | sort -u |
		awk -v from="$d/build/" -v to="$d/plugin/" 'index($0, from) == 1 { $0 = to substr($0, length(from) + 1) } { print }' |
		tr '\n' '\0' | xargs -0 cat 2>/dev/null | wc -l)
	# every warning: project, id, file, line, function, message
	find "$d/reports" -maxdepth 1 -name '*.json' -type f -print0 | xargs -0 cat |
		jq -r --arg p "$name" '.functions[] | .file as $f | .name as $fn | (.warnings // [])[] |
			select(.suppressed | not) | [$p, .rule, $f, .line, $fn, .message] | @tsv' |
		LC_ALL=C sort -u -t $'\t' -k3,3 -k4,4n -k2,2 -k6 >>"$work/warnings.tsv"
	if ! stats=$(find "$d/reports" -maxdepth 1 -name '*.json' -type f -print0 | xargs -0 cat |
		jq -n -r -f "$work/stats.jq"); then
		stats=$'TABLE\t?\t?\t?\t?\t?\t?'
	fi
	printf '%s\n' "$stats" | grep '^DETAIL' | cut -f2- | sed "s/^/  /"
	t=$(printf '%s\n' "$stats" | grep -m1 '^TABLE' | cut -f2-)
	# linked: the reports linked per program (see the header)
	nlinked=-
	if [ -z "$PY" ] || ! command -v readelf >/dev/null 2>&1; then
		echo "  linked: not measured (needs python3 and readelf)"
	elif [ ! -x "$REPORT" ]; then
		echo "  linked: not measured (no escape-report at $REPORT; REPORT=)"
	elif lout=$("$PY" -I - "$d" "$name" "$REPORT" "$work/linked.tsv" <<'EOF'
import collections, json, os, re, subprocess, sys
d, proj, tool, out = sys.argv[1:5]
tree, rdir = os.path.join(d, "plugin"), os.path.join(d, "reports")
bysrc = collections.defaultdict(list)   # source path -> its reports
for n in sorted(os.listdir(rdir)):
    if n.endswith(".json"):
        with open(os.path.join(rdir, n), encoding="utf-8") as f:
            r = json.load(f)
        bysrc[os.path.normpath(os.path.join(r["directory"], r["source"]))].append(os.path.join(rdir, n))
def run(*cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True, errors="replace").stdout
info, soname = {}, {}
for dp, dn, fn in os.walk(tree):
    for n in sorted(fn):
        p = os.path.join(dp, n)
        if os.path.islink(p) or not os.path.isfile(p):
            continue
        with open(p, "rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        m = re.search(r"Type:\s+(\w+)", run("readelf", "-h", p))
        if not m or m.group(1) not in ("EXEC", "DYN"):
            continue
        dyn = run("readelf", "-d", p)
        srcs, cu = set(), {}
        for line in run("readelf", "--debug-dump=info", "--dwarf-depth=1", p).splitlines() + ["DW_TAG_compile_unit"]:
            if "DW_TAG_compile_unit" in line:
                if cu.get("name"):
                    s = os.path.normpath(os.path.join(cu.get("comp_dir", ""), cu["name"]))
                    if s in bysrc:
                        srcs.add(s)
                cu = {}
            m = re.search(r"DW_AT_(name|comp_dir)\s*:\s*(?:\(.*?\):\s*)?(.*)$", line)
            if m and m.group(1) not in cu:
                cu[m.group(1)] = m.group(2).strip()
        info[p] = (re.findall(r"\(NEEDED\)\s+Shared library: \[(.*?)\]", dyn), srcs)
        for so in re.findall(r"\(SONAME\)\s+Library soname: \[(.*?)\]", dyn):
            soname.setdefault(so, p)
def closure(p, seen):
    if p in seen:
        return set()
    seen.add(p)
    r = set(info[p][1])
    for n in info[p][0]:
        if n in soname:
            r |= closure(soname[n], seen)
    return r
groups = collections.OrderedDict()
for p in sorted(info):
    s = frozenset(closure(p, set()))
    if s:
        groups.setdefault(s, []).append(os.path.relpath(p, tree))
for s in list(groups):
    if any(s < o for o in groups) and all(".so" in n for n in groups[s]):
        del groups[s]
covered = set().union(*groups) if groups else set()
left = frozenset(s for s in bysrc if s not in covered)
if left:
    groups[left] = ["(in no program)"]
res = collections.OrderedDict()
for s, names in groups.items():
    files = sorted(r for src in s for r in bysrc[src])
    pr = subprocess.run([tool, "--sarif"] + files, cwd=d, stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, text=True)
    if pr.returncode != 0:
        print("escape-report fails on %s: %s" % (names[0], pr.stderr.strip()[:200]))
        sys.exit(1)
    for r in json.loads(pr.stdout)["runs"][0].get("results", []):
        if r.get("suppressions"):
            continue
        loc = r["locations"][0]["physicalLocation"]
        key = (r["ruleId"], loc["artifactLocation"]["uri"], loc["region"]["startLine"], r["message"]["text"])
        res.setdefault(key, set()).add(names[0])
with open(out, "a", encoding="utf-8") as f:
    for k in sorted(res, key=lambda k: (k[1], k[2], k[0], k[3])):
        m = re.search(r"(?:after|outside|from|thread that) '(.*?)'", k[3])
        f.write("%s\t%s\t%s\t%s\t%s\t%s\t%s\n" % (proj, k[0], k[1], k[2], m.group(1) if m else "?",
                                            k[3], ",".join(sorted(res[k]))))
by = collections.Counter(k[0] for k in res)
print(len(res))
print("linked: %d warnings%s (%d programs linked)" % (len(res), "".join(
    "%s%d %s" % (": " if i == 0 else ", ", n, r) for i, (r, n) in enumerate(sorted(by.items()))), len(groups)))
EOF
	); then
		nlinked=$(printf '%s\n' "$lout" | head -n 1)
		printf '%s\n' "$lout" | tail -n +2 | sed "s/^/  /"
	else
		echo "  linked: not measured: ${lout:-python3 failed}"
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s/%s\t%s/%s\n' "$name" "$version" "$nrep" "$nfiles" "$nlines" "$t" \
		"$nlinked" "$wall1" "$wall2" "$cpu1" "$cpu2" >>"$table"
	# the trees are big; the reports and logs stay while the work directory does
	[ -n "$keep" ] || rm -rf "$d/prep" "$d/plain" "$d/plugin"
}

# --prepare: NAME's prep tree, build.sh and version under $work/NAME
prepare_project() {
	name=$1 d=$work/$1 fn=${1//[.-]/_}
	fetch "$name" || return 1
	dsc=$(ls "$cache/src/$name"/*.dsc | head -n 1)
	patches=patches_$fn
	skip=()
	[ "${!patches}" = yes ] || skip=(--skip-patches)
	rm -rf "$d" && mkdir -p "$d" || die "cannot create $d"
	sed -n 's/^Version: //p' "$dsc" | head -n 1 >"$d/version"
	if ! dpkg-source "${skip[@]}" -x "$dsc" "$d/prep" >"$d/unpack.log" 2>&1 ||
		! (cd "$d/prep" && "prepare_$fn") >"$d/prepare.log" 2>&1; then
		tail -n 5 "$d/unpack.log" "$d/prepare.log" 2>/dev/null
		echo "projects: $name: unpacking or configuring fails (see $d)" >&2
		return 1
	fi
	{
		echo '#!/bin/bash'
		echo "# written by scripts/projects.sh --prepare: build.sh TREE builds TREE,"
		echo "# a copy of $d/prep, with make -j1 through the wrapper"
		printf 'export ESCAPE_CC=%q SOURCE_DATE_EPOCH=%q LC_ALL=C\n' "$CC" "$SOURCE_DATE_EPOCH"
		printf 'WRAP=%q JOBS=1\n' "$WRAP"
		declare -f "build_$fn"
		echo "cd \"\$1\" && build_$fn"
	} >"$d/build.sh" && chmod +x "$d/build.sh"
	echo "projects: prepared $name $(cat "$d/version") in $d/prep"
}
if [ -n "$prepare" ]; then
	for p in "${projects[@]}"; do
		prepare_project "$p" || exit 1
	done
	exit 0
fi

echo "projects: $PLUGIN on ${projects[*]} (make -j$JOBS; sources in $cache; work in $work)"
start=$(date +%s)
for p in "${projects[@]}"; do
	run_project "$p"
done
secs=$(($(date +%s) - start))

# ------------------------------------------------------------------ #
# Report                                                             #
# ------------------------------------------------------------------ #
echo
echo "figures (time: wall/CPU seconds of the build, plain and with the plugin, make -j$JOBS):"
{
	printf 'project\tversion\tTUs\tfiles\tlines\tfunctions\tescaping\tleaking\tunknown\t(external)\twarnings\tlinked\twall s\tCPU s\n'
	cat "$table"
} | column -t -s $'\t'
passed=$(grep -c '^PASS' "$results")
failed=$(grep -c '^FAIL' "$results")
echo
echo "projects: wall time ${secs}s"
if [ "$failed" -gt 0 ]; then
	echo "projects: failed:"
	grep '^FAIL' "$results" | cut -f2- | sed 's/\t/: /g; s/^/  /'
	echo "projects: logs, trees and reports in $work"
elif [ -z "$keep" ]; then
	rm -rf "$work"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
exit
}
