#!/bin/bash
# bench.sh [OPTIONS] - what escape costs (issue 6): compile time and peak
# memory of real code with and without the plugin, instruction counts,
# GCC's -fanalyzer and clang --analyze on the same code for comparison,
# and how the plugin's own time grows with synthetic inputs.
#
# Inputs, fetched once into the cache: the sqlite3 amalgamation (made from
# Debian's sqlite3 source package with its own `make sqlite3.c`; the npm
# package sqlite3's bundled sqlite-autoconf tarball when that fails), and
# the lua5.4 and zlib source packages.  Source packages are fetched with a
# private apt configuration (its own deb-src sources.list, lists and cache
# under the cache directory): the system's apt configuration is not
# touched.
#
# Sections (all by default):
#   compile    gcc -c at -O0 and -O2 on sqlite3.c, and on all lua and all
#              zlib .c files (one gcc command per project): plain, with
#              the plugin silent, and with m=2 and json=DIR/.  The three
#              variants alternate, round after round; medians of CPU time
#              (user+sys of gcc and its children) and of peak RSS
#              (/usr/bin/time -v's maximum resident set size: the largest
#              cc1), and their ratios to the plain compile.
#   interleaved  the same targets, measured so that a machine whose speed
#              drifts cannot move them: each round starts the three
#              compiles of sqlite3.c (plain, silent, m=2 and json=DIR/) at
#              once, all pinned to the same core (taskset), so that the
#              scheduler interleaves them every few milliseconds and any
#              change in the machine's speed falls on all three alike.
#              Per level: the median over the rounds of each round's ratio
#              to plain (CPU time), the lowest and highest, peak RSS.
#              Rounds run on alternate cores, two at a time on 2 cores.
#   direct     the plugin's own CPU time on sqlite3.c with m=2 and json=,
#              at -O0 and -O2: cc1's CPU time inside the plugin's entry
#              points (plugin_init, pre_genericize, the pass, finish_unit),
#              under gdb as for scaling below, against the plain compile.
#   callgrind  instruction counts of cc1 (valgrind --tool=callgrind) on
#              sqlite3.c at -O0, plain and with m=2 and json= (and both
#              at -O2 with --cg-o2): totals, the plugin's share (the
#              inclusive cost of its entry points: plugin_init, the pass,
#              its callbacks), broken down into GCC's printing of its
#              diagnostics, the JSON report and the analysis.
#   analyzers  gcc -fanalyzer and clang --analyze on the same inputs, once
#              each, capped by `timeout` and `ulimit -v`.
#   builds     whole projects (issue 18): the Debian source packages of
#              scripts/projects.sh (all it lists but sqlite3, whose
#              amalgamation is the sections above; --builds LIST), fetched,
#              unpacked and configured by `projects.sh --prepare` into the
#              cache, each built with make -j1 three ways: plain, with the
#              plugin in its default mode, and with m=2 + json=DIR/.  A
#              round copies the configured tree three times and starts the
#              three builds at once pinned to one core, as interleaved does;
#              the ratio to plain (CPU time of make and all its children) is
#              taken within the round; medians over --build-rounds rounds
#              (5), two rounds at a time on 2 cores.  Then the one-function
#              file `int f(int x) { return x + 1; }`: rounds of 40 compiles
#              -O2 per variant, the variants in turn, one compile at a time
#              (scripts/rounds.c); the medians of the per-compile
#              differences to plain: the plugin's extra CPU time per compile
#              in ms, and its peak RSS; peak RSS of lua's lapi.c likewise
#              (15 compiles of each variant).
#   scaling    synthetic C from scripts/synth.c, one dimension at a time,
#              doubling the size: the plugin's own CPU time (its pass,
#              measured at entry and exit under gdb from the compiler's
#              /proc/PID/schedstat), the ratio between doublings, and the
#              growth exponent.  -ftime-report cannot show it: the pass
#              has no timevar (TV_NONE).  Without gdb: CPU time with the
#              plugin minus without.
#
# Prints each section's markdown table, and writes them, with the date,
# the machine and the command, between the bench markers of
# docs/performance.md (sections not run keep their last results, from the
# cache).
#
# Options:
#   --quick           a fast smoke run: 1 run per variant, sqlite at -O0
#                     only, callgrind on a small file, analyzers capped at
#                     60 s on zlib only, scaling sizes divided by 16; does
#                     not write docs/performance.md unless --write is given
#   --only LIST       comma-separated sections: compile,interleaved,direct,
#                     callgrind,analyzers,builds,scaling; or none (with --write:
#                     rewrite docs/performance.md from the cached results)
#   --runs-o0 N       runs per variant at -O0 (default 5)
#   --runs-o2 N       runs per variant at -O2 (default 3); for
#                     interleaved, rounds (and --runs-o0 at -O0)
#   --projects LIST   comma-separated: sqlite,lua,zlib (default all)
#   --builds LIST     builds section: projects.sh names (default all it
#                     lists but sqlite3)
#   --build-rounds N  builds section: rounds per project (default 5; 1
#                     with --quick, zlib only)
#   --one-rounds N    builds section: rounds of 40 compiles of the
#                     one-function file per variant (default 25, 1000
#                     compiles: the median of the per-compile differences
#                     is good to about +-0.04 ms; 4 rounds were +-0.1 ms
#                     for a spread of 1.2 ms; 1 with --quick)
#   --dims LIST       scaling dimensions (default
#                     stmts,funcs,chain,ptrs,switch,locals,scc,rets)
#   --scale-runs N    runs per scaling size (default 3; 1 for any size
#                     whose compile takes over 20 s)
#   --cap S           analyzer time cap in seconds (default 600)
#   --mem-cap GB      analyzer address-space cap (default 16)
#   --cg-file F       callgrind input: sqlite3.c (the default) or any
#                     file name of the lua or zlib sources (lvm.c)
#   --cg-o2           callgrind the -O2 compiles too, plain and m=2 + json
#                     (sqlite3.c: about 25 minutes each), for the plugin's
#                     share at -O2
#   --cg-jobs N       callgrind runs at a time (default 1; each needs a
#                     core and, for sqlite3.c at -O2, about 3 GB)
#   --cg-reuse        keep the profiles of the last callgrind run that were
#                     made of the same input, compiler, flags and (but for
#                     the plain compiles) plugin: a plugin change then
#                     profiles only the compiles with the plugin
#   --cache DIR       default ${XDG_CACHE_HOME:-$HOME/.cache}/escape/bench
#   --write / --no-write   write docs/performance.md or not
#
# Environment: PLUGIN (default plugin/escape.so of this tree), CC (gcc).
# The plugin and its rules are copied into the work directory first, so a
# rebuild of plugin/escape.so during the run does not disturb it.
# Installs what it needs (time, valgrind, clang, gdb, tcl) with
# apt-get when missing, as root; otherwise prints the command and exits 2.

set -u
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
self="$root/scripts/$(basename "$0")"
CC=${CC:-gcc}
PLUGIN=${PLUGIN:-plugin/escape.so}
case $PLUGIN in /*) ;; *) PLUGIN="$root/$PLUGIN" ;; esac
cache=${XDG_CACHE_HOME:-$HOME/.cache}/escape/bench
quick=0
write=
only=compile,interleaved,direct,callgrind,analyzers,builds,scaling
builds=
build_rounds=5
one_rounds=25
runs0=5
runs2=3
projects=sqlite,lua,zlib
dims=stmts,funcs,chain,ptrs,switch,locals,scc,rets
scale_runs=3
cap=600
memcap_gb=16
cg_file=sqlite3.c
cg_o2=0
cg_jobs=1
cg_reuse=0
command_line="scripts/bench.sh${*:+ $*}"

usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "$self" >&2; exit 2; }
die() { echo "bench: $*" >&2; exit 2; }
say() { echo "bench: $*" >&2; }
while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=1; shift ;;
	--only) only=${2:?}; shift 2 ;;
	--runs-o0) runs0=${2:?}; shift 2 ;;
	--runs-o2) runs2=${2:?}; shift 2 ;;
	--projects) projects=${2:?}; shift 2 ;;
	--builds) builds=${2:?}; shift 2 ;;
	--build-rounds) build_rounds=${2:?}; shift 2 ;;
	--one-rounds) one_rounds=${2:?}; shift 2 ;;
	--dims) dims=${2:?}; shift 2 ;;
	--scale-runs) scale_runs=${2:?}; shift 2 ;;
	--cap) cap=${2:?}; shift 2 ;;
	--mem-cap) memcap_gb=${2:?}; shift 2 ;;
	--cg-file) cg_file=${2:?}; shift 2 ;;
	--cg-o2) cg_o2=1; shift ;;
	--cg-jobs) cg_jobs=${2:?}; shift 2 ;;
	--cg-reuse) cg_reuse=1; shift ;;
	--cache) cache=${2:?}; shift 2 ;;
	--write) write=1; shift ;;
	--no-write) write=0; shift ;;
	-h | --help) usage ;;
	*) echo "bench: unknown argument $1" >&2; usage ;;
	esac
done
case $runs0$runs2$scale_runs$cap$memcap_gb$cg_jobs$build_rounds$one_rounds in
*[!0-9]*) die "--runs-o0, --runs-o2, --scale-runs, --cap, --mem-cap, --cg-jobs, --build-rounds and --one-rounds take numbers" ;;
esac
if [ $quick = 1 ]; then
	runs0=1 runs2=1 scale_runs=1 cap=60 build_rounds=1 one_rounds=1
	[ -n "$builds" ] || builds=zlib
	cg_file=inflate.c
fi
[ -n "$write" ] || { [ $quick = 1 ] && write=0 || write=1; }
has() { case ",$1," in *",$2,"*) return 0 ;; esac; return 1; }
for s in ${only//,/ }; do
	has compile,interleaved,direct,callgrind,analyzers,builds,scaling,none "$s" || die "unknown section $s (the sections: compile, interleaved, direct, callgrind, analyzers, builds, scaling, none)"
done

mkdir -p "$cache" || die "cannot create $cache"
cache=$(cd "$cache" && pwd)
results=$cache/results
work=$cache/work
mkdir -p "$results" "$work"

# ------------------------------------------------------------------ #
# Tools                                                              #
# ------------------------------------------------------------------ #
need=""
[ -x /usr/bin/time ] || need="$need time"
if has "$only" callgrind; then
	command -v valgrind >/dev/null || need="$need valgrind"
fi
if has "$only" analyzers; then
	command -v clang >/dev/null || need="$need clang"
fi
if has "$only" scaling || has "$only" direct; then
	command -v gdb >/dev/null || need="$need gdb"
fi
if has "$only" compile || has "$only" interleaved || has "$only" direct || has "$only" callgrind || has "$only" analyzers; then
	command -v tclsh >/dev/null || need="$need tcl"
	command -v xz >/dev/null || need="$need xz-utils"
	command -v bzip2 >/dev/null || need="$need bzip2"
fi
if [ -n "$need" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		say "installing$need"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		# shellcheck disable=SC2086
		apt-get install -y -qq $need >/dev/null || die "apt-get install$need failed"
	else
		die "missing:$need; run: sudo apt-get install$need"
	fi
fi
command -v "$CC" >/dev/null || die "no $CC"

# ------------------------------------------------------------------ #
# The plugin: a private copy, so that a rebuild does not disturb us  #
# ------------------------------------------------------------------ #
snap=$work/plugin
# the rules the plugin loads: escape-rules beside it (an installed plugin)
# or the tree's rules/ (plugin/escape.so of a build tree); copied with
# their times, as make install does (the index knows a file by its name,
# size and time, and hashes one whose time differs)
rules_dir=$(dirname "$PLUGIN")/escape-rules
[ -d "$rules_dir" ] || rules_dir=$(dirname "$PLUGIN")/../rules
plugin_ok() { echo 'int f(void) { return 0; }' | "$CC" -x c -c - -o /dev/null -fplugin="$1" 2>/dev/null; }
for try in $(seq 1 24); do
	rm -rf "$snap" && mkdir -p "$snap"
	if [ -f "$PLUGIN" ] && cp "$PLUGIN" "$snap/escape.so" 2>/dev/null &&
		cp -rLp "$rules_dir" "$snap/escape-rules" 2>/dev/null &&
		{ [ ! -f "${PLUGIN%.so}-rules.idx" ] || cp "${PLUGIN%.so}-rules.idx" "$snap/escape-rules.idx"; } &&
		plugin_ok "$snap/escape.so"; then
		break
	fi
	[ "$try" = 24 ] && die "cannot load $PLUGIN (run make first)"
	say "$PLUGIN not loadable yet (being rebuilt?); retrying in 5 s"
	sleep 5
done
SNAP=$snap/escape.so
plugin_sha=$(sha256sum "$SNAP" | cut -c1-12)
plugin_rev=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)

# ------------------------------------------------------------------ #
# Inputs                                                             #
# ------------------------------------------------------------------ #
inputs=$cache/inputs
apt_dir=$cache/apt

# deb-src lines for the Debian/Ubuntu archives the system uses (one-line
# sources.list entries and deb822 .sources files alike)
deb_src_lines() {
	{
		cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
			awk '$1 == "deb" { o = ""; i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
				printf "%s", "deb-src"; for (; i <= NF; i++) printf " %s", $i; print "" }'
		for f in /etc/apt/sources.list.d/*.sources; do
			[ -f "$f" ] || continue
			awk 'function flush() {
				if (types ~ /(^| )deb( |$)/ && uris != "" && suites != "") {
					n = split(uris, U, " "); m = split(suites, S, " ")
					for (i = 1; i <= n; i++) for (j = 1; j <= m; j++)
						printf "deb-src %s%s %s %s\n", sb, U[i], S[j], comps
				}
				types = uris = suites = comps = sb = ""
			}
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			{ k = $1; sub(/:$/, "", k); $1 = ""; sub(/^ /, "")
			  if (k == "Types") types = $0; else if (k == "URIs") uris = $0
			  else if (k == "Suites") suites = $0; else if (k == "Components") comps = $0
			  else if (k == "Signed-By" && $0 ~ /^\//) sb = "[signed-by=" $0 "] " }
			END { flush() }' "$f"
		done
	} | awk '{ for (i = 2; i <= NF; i++) if ($i !~ /^\[/) break
		   u = $i; sub(/\/+$/, "", u) }
		 u ~ /\/(debian|debian-security|ubuntu)$/ && !seen[$0]++'
}

apt_private() { # apt-get with the private configuration
	apt-get -q -o Dir::Etc::SourceList="$apt_dir/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$apt_dir/lists" \
		-o Dir::Cache="$apt_dir/cache" \
		-o APT::Sandbox::User="$(id -un)" "$@"
}

fetch_sources() { # PACKAGE...: apt-get source into $cache/src
	mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$cache/src"
	if [ ! -s "$apt_dir/sources.list" ] || [ ! -f "$apt_dir/updated" ]; then
		deb_src_lines >"$apt_dir/sources.list"
		[ -s "$apt_dir/sources.list" ] || { say "no Debian archive in /etc/apt/sources.list(.d)"; return 1; }
		say "private apt update: $(sed 's/\[[^]]*\] //' "$apt_dir/sources.list" | paste -sd, - | sed 's/,/, /g')"
		apt_private update >"$apt_dir/update.log" 2>&1 || { say "apt-get update failed: see $apt_dir/update.log"; return 1; }
		touch "$apt_dir/updated"
	fi
	(cd "$cache/src" && apt_private source --download-only "$@" >"$apt_dir/source.log" 2>&1) ||
		{ say "apt-get source $* failed: see $apt_dir/source.log"; return 1; }
}

get_sqlite() {
	[ -s "$inputs/sqlite/sqlite3.c" ] && return 0
	local d
	d=$(orig_tree sqlite3)
	if [ -n "$d" ]; then
		d=$d/
		if [ -f "$d/sqlite3.c" ]; then
			mkdir -p "$inputs/sqlite" && cp "$d/sqlite3.c" "$d/sqlite3.h" "$inputs/sqlite/"
		else
			say "making the sqlite3 amalgamation from ${d%/} (configure; make sqlite3.c)"
			rm -rf "$d/bld" && mkdir -p "$d/bld"
			if (cd "$d/bld" && ../configure && make sqlite3.c) >"$cache/src/sqlite-amalgamation.log" 2>&1; then
				mkdir -p "$inputs/sqlite" && cp "$d/bld/sqlite3.c" "$d/bld/sqlite3.h" "$inputs/sqlite/"
			else
				say "making sqlite3.c failed: see $cache/src/sqlite-amalgamation.log"
			fi
		fi
	fi
	[ -s "$inputs/sqlite/sqlite3.c" ] && return 0
	# fallback: the npm package sqlite3 bundles sqlite-autoconf
	say "trying npm pack sqlite3 for the amalgamation"
	local t
	t=$(mktemp -d) || return 1
	if (cd "$t" && npm pack sqlite3 >/dev/null 2>&1 && tar xzf sqlite3-*.tgz &&
		tar xzf package/deps/sqlite-autoconf-*.tar.gz); then
		d=$(ls -d "$t"/sqlite-autoconf-*/ | head -n 1)
		mkdir -p "$inputs/sqlite" && cp "$d/sqlite3.c" "$d/sqlite3.h" "$inputs/sqlite/"
	fi
	rm -rf "$t"
	[ -s "$inputs/sqlite/sqlite3.c" ]
}

# upstream's own files: the orig tarball of a source package (Debian's
# patches adapt lua's luaconf.h to Debian's multiarch headers)
orig_tree() { # SOURCEPACKAGE -> directory of its unpacked orig tarball
	local t
	for t in "$cache"/src/"$1"_*.orig.tar.*; do break; done
	[ -f "$t" ] || { fetch_sources "$1" || return 1; }
	for t in "$cache"/src/"$1"_*.orig.tar.*; do break; done
	[ -f "$t" ] || return 1
	rm -rf "$cache/orig/$1" && mkdir -p "$cache/orig/$1" &&
		tar xf "$t" -C "$cache/orig/$1" --strip-components=1 || return 1
	echo "$cache/orig/$1"
}

get_lua() {
	ls "$inputs"/lua/*.c >/dev/null 2>&1 && return 0
	local d
	d=$(orig_tree lua5.4) && [ -d "$d/src" ] || return 1
	mkdir -p "$inputs/lua" && cp "$d"/src/*.c "$d"/src/*.h "$inputs/lua/"
}

get_zlib() {
	ls "$inputs"/zlib/*.c >/dev/null 2>&1 && return 0
	local d
	d=$(orig_tree zlib) && ls "$d"/*.c >/dev/null 2>&1 || return 1
	mkdir -p "$inputs/zlib" && cp "$d"/*.c "$d"/*.h "$inputs/zlib/"
}

# per project: the files and flags of its compile
proj_files() {
	case $1 in
	sqlite) echo "$inputs/sqlite/sqlite3.c" ;;
	lua) ls "$inputs"/lua/*.c ;;
	zlib) ls "$inputs"/zlib/*.c ;;
	esac
}
proj_flags() {
	case $1 in
	sqlite) echo "" ;;
	lua) echo "-std=gnu99 -DLUA_COMPAT_5_3 -DLUA_USE_LINUX" ;;
	zlib) echo "-D_LARGEFILE64_SOURCE=1" ;;
	esac
}
proj_label() {
	case $1 in
	sqlite) echo "sqlite3.c ($(wc -l <"$inputs/sqlite/sqlite3.c") lines)" ;;
	*) echo "$1: $(proj_files "$1" | wc -l) files ($(proj_files "$1" | xargs cat | wc -l) lines)" ;;
	esac
}

avail=""
if has "$only" compile || has "$only" interleaved || has "$only" direct || has "$only" callgrind || has "$only" analyzers; then
	wanted=$projects
	has "$only" interleaved && wanted="$wanted,sqlite"
	[ $quick = 1 ] && ! has "$only" compile && ! has "$only" direct && wanted=zlib
	has "$only" direct && wanted="$wanted,sqlite"
	has "$only" callgrind && wanted="$wanted,lua,zlib"
	has "$only" callgrind && [ $quick = 0 ] && wanted="$wanted,sqlite"
	for p in sqlite lua zlib; do
		has "$wanted" "$p" || continue
		if "get_$p"; then
			has "$projects" "$p" && avail="$avail $p"
		else
			say "no $p sources: $p is left out"
		fi
	done
	avail=${avail# }
fi

# ------------------------------------------------------------------ #
# Helpers                                                            #
# ------------------------------------------------------------------ #
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0 || a == "nan") print "n/a"; else printf "%+.1f%%", (a / b - 1) * 100 }'; }

machine_info() {
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), load average at the start of the run: $load_start, at the end of this section: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo '- `free -g`:'
	echo
	free -g | sed 's/^/      /'
	echo
	echo "- $($CC --version | head -n 1); $(clang --version 2>/dev/null | head -n 1); $(valgrind --version 2>/dev/null)"
	echo "- plugin: escape.so sha256 $plugin_sha, tree $plugin_rev"
	echo "- command: \`$command_line\`"
}
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------ #
# compile: plain / silent / m=2+json, alternating                    #
# ------------------------------------------------------------------ #
variant_flags() {
	case $1 in
	plain) echo "" ;;
	silent) echo "-fplugin=$SNAP" ;;
	m2json) echo "-fplugin=$SNAP -fplugin-arg-escape-m=2 -fplugin-arg-escape-json=$work/json/" ;;
	esac
}

# one compile: PROJECT LEVEL VARIANT -> "wall cpu rss_kb" on stdout
one_compile() {
	local p=$1 level=$2 v=$3 dir=$work/obj/$1-$3 t=$work/time.out
	rm -rf "$dir" && mkdir -p "$dir" "$work/json" "$work/log"
	# shellcheck disable=SC2046
	(cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$t" \
		"$CC" -c -O"$level" $(proj_flags "$p") $(variant_flags "$v") \
		$(proj_files "$p")) >"$work/log/$p-O$level-$v.log" 2>&1 || return 1
	awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$t"
}

section_compile() {
	local out=$results/compile.md raw=$work/compile.tsv p level n r v i
	: >"$raw"
	local levels_sqlite="0 2"
	[ $quick = 1 ] && levels_sqlite="0"
	for p in $avail; do
		local levels="0 2"
		[ "$p" = sqlite ] && levels=$levels_sqlite
		for level in $levels; do
			n=$runs0
			[ "$level" = 2 ] && n=$runs2
			for r in $(seq 1 "$n"); do
				# alternate: each round starts with the next variant
				local vs=(plain silent m2json)
				for i in 0 1 2; do
					v=${vs[$(((i + r - 1) % 3))]}
					local res=
					res=$(one_compile "$p" "$level" "$v") ||
						{ sleep 5; res=$(one_compile "$p" "$level" "$v"); } ||
						die "compile failed: $p -O$level $v: see $work/log/$p-O$level-$v.log"
					printf '%s\t%s\t%s\t%s\t%s\n' "$p" "$level" "$v" "$r" "$res" >>"$raw"
					say "$p -O$level $v run $r: $res (wall s, cpu s, rss KB)"
				done
			done
		done
	done
	{
		echo "### Compile time and peak memory"
		echo
		echo "Medians over the runs; time is CPU time (user+sys of gcc and its children),"
		echo "peak memory the largest resident set of one process (cc1). Ratios are to the plain compile."
		echo
		echo "| input | level | runs | plain | silent | m=2 + json | plain wall | m=2 + json wall | plain RSS | silent RSS | m=2 + json RSS |"
		echo "|---|---|---|---|---|---|---|---|---|---|---|"
		for p in $avail; do
			for level in 0 2; do
				grep -q "^$p	$level	" "$raw" || continue
				local -a c=() w=() m=()
				for v in plain silent m2json; do
					c[${#c[@]}]=$(awk -F'\t' -v p="$p" -v l="$level" -v v="$v" '$1 == p && $2 == l && $3 == v { split($5, a, " "); print a[2] }' "$raw" | median)
					w[${#w[@]}]=$(awk -F'\t' -v p="$p" -v l="$level" -v v="$v" '$1 == p && $2 == l && $3 == v { split($5, a, " "); print a[1] }' "$raw" | median)
					m[${#m[@]}]=$(awk -F'\t' -v p="$p" -v l="$level" -v v="$v" '$1 == p && $2 == l && $3 == v { split($5, a, " "); print a[3] }' "$raw" | median)
				done
				n=$(awk -F'\t' -v p="$p" -v l="$level" '$1 == p && $2 == l && $3 == "plain"' "$raw" | wc -l)
				printf '| %s | -O%s | %s | %.2f s | %.2f s (%s) | %.2f s (%s) | %.2f s | %.2f s (%s) | %d MB | %d MB (%s) | %d MB (%s) |\n' \
					"$(proj_label "$p")" "$level" "$n" \
					"${c[0]}" "${c[1]}" "$(pct "${c[1]}" "${c[0]}")" "${c[2]}" "$(pct "${c[2]}" "${c[0]}")" \
					"${w[0]}" "${w[2]}" "$(pct "${w[2]}" "${w[0]}")" \
					"$((${m[0]%.*} / 1024))" "$((${m[1]%.*} / 1024))" "$(pct "${m[1]}" "${m[0]}")" \
					"$((${m[2]%.*} / 1024))" "$(pct "${m[2]}" "${m[0]}")"
			done
		done
		echo
		echo "Spread of the CPU times (slowest run / fastest run - 1), per variant:"
		echo
		for p in $avail; do
			for level in 0 2; do
				grep -q "^$p	$level	" "$raw" || continue
				printf -- '- %s -O%s:' "$p" "$level"
				for v in plain silent m2json; do
					awk -F'\t' -v p="$p" -v l="$level" -v v="$v" '$1 == p && $2 == l && $3 == v { split($5, a, " "); print a[2] }' "$raw" |
						sort -g | awk -v v="$v" '{ x[NR] = $1 } END { printf " %s %.1f%%", v, (x[NR] / x[1] - 1) * 100 }'
				done
				echo
			done
		done
		echo
		targets_compile "$raw"
	} >"$out.new" && mv "$out.new" "$out"
	cat "$out"
}

targets_compile() { # the issue's targets on sqlite3.c with m=2 and json=
	local raw=$1
	grep -q '^sqlite	' "$raw" || return 0
	echo "Targets (sqlite3.c, m=2 and json=DIR/ against plain):"
	echo
	local level lim
	for level in 2 0; do
		grep -q "^sqlite	$level	" "$raw" || continue
		lim=10
		[ "$level" = 2 ] && lim=2
		local a b
		a=$(awk -F'\t' -v l="$level" '$1 == "sqlite" && $2 == l && $3 == "m2json" { split($5, x, " "); print x[2] }' "$raw" | median)
		b=$(awk -F'\t' -v l="$level" '$1 == "sqlite" && $2 == l && $3 == "plain" { split($5, x, " "); print x[2] }' "$raw" | median)
		awk -v a="$a" -v b="$b" -v lim="$lim" -v l="$level" 'BEGIN {
			d = (a / b - 1) * 100
			printf "- compile time at -O%s: %+.1f%% (target at most +%d%%): %s\n", l, d, lim, d <= lim ? "**met**" : "**not met**" }'
		# two readings less moved by the machine's load: the median of
		# the ratios within a round (its runs are back to back), and
		# the fastest run of each variant
		local rr fast
		rr=$(awk -F'\t' -v l="$level" '$1 == "sqlite" && $2 == l && ($3 == "m2json" || $3 == "plain") {
				split($5, x, " "); t[$3, $4] = x[2]; r[$4] = 1 }
			END { for (k in r) if (t["plain", k] > 0 && t["m2json", k] != "") print t["m2json", k] / t["plain", k] }' "$raw" | median)
		fast=$(awk -F'\t' -v l="$level" '$1 == "sqlite" && $2 == l && ($3 == "m2json" || $3 == "plain") {
				split($5, x, " "); if (!($3 in m) || x[2] < m[$3]) m[$3] = x[2] }
			END { if (m["plain"] > 0) print m["m2json"] / m["plain"] }' "$raw")
		awk -v rr="$rr" -v f="$fast" -v l="$level" 'BEGIN {
			printf "  (less moved by load: median of the per-round ratios %+.1f%%, fastest runs %+.1f%%)\n", (rr - 1) * 100, (f - 1) * 100 }'
		a=$(awk -F'\t' -v l="$level" '$1 == "sqlite" && $2 == l && $3 == "m2json" { split($5, x, " "); print x[3] }' "$raw" | median)
		b=$(awk -F'\t' -v l="$level" '$1 == "sqlite" && $2 == l && $3 == "plain" { split($5, x, " "); print x[3] }' "$raw" | median)
		awk -v a="$a" -v b="$b" -v l="$level" 'BEGIN {
			d = (a / b - 1) * 100
			printf "- peak memory at -O%s: %+.1f%% (target at most +10%%): %s\n", l, d, d <= 10 ? "**met**" : "**not met**" }'
	done
	echo
}

# ------------------------------------------------------------------ #
# interleaved: the variants of a round at the same time on one core  #
# ------------------------------------------------------------------ #
# one round: LEVEL ROUND CORE -> a line "level round core cpu rss ..." per
# variant (plain silent m2json) in $work/inter/LEVEL-ROUND
one_round() {
	local level=$1 r=$2 core=$3 v pids=() d=$work/inter
	for v in plain silent m2json; do
		rm -rf "$d/obj-$r-$v" && mkdir -p "$d/obj-$r-$v" "$d/json-$r"
		# shellcheck disable=SC2046
		(cd "$d/obj-$r-$v" && taskset -c "$core" /usr/bin/time -f '%U %S %M' -o "$d/time-$r-$v" \
			"$CC" -c -O"$level" $(proj_flags sqlite) \
			$(variant_flags "$v" | sed "s|=$work/json/|=$d/json-$r/|") $(proj_files sqlite)) \
			>"$d/log-O$level-$r-$v" 2>&1 &
		pids[${#pids[@]}]=$!
	done
	local ok=1
	for v in "${pids[@]}"; do wait "$v" || ok=0; done
	[ $ok = 1 ] || return 1
	for v in plain silent m2json; do
		awk -v l="$level" -v r="$r" -v c="$core" -v v="$v" \
			'{ printf "%s\t%s\t%s\t%s\t%.2f\t%d\n", l, r, c, v, $1 + $2, $3 }' "$d/time-$r-$v"
	done >"$d/O$level-$r"
}

section_interleaved() {
	local out=$results/interleaved.md raw=$work/interleaved.tsv level n r k
	command -v taskset >/dev/null || { say "interleaved: no taskset (util-linux); skipped"; return 0; }
	case " $avail " in *" sqlite "*) ;; *) say "interleaved: no sqlite3.c; skipped"; return 0 ;; esac
	local ncores
	ncores=$(nproc)
	[ "$ncores" -gt 2 ] && ncores=2
	rm -rf "$work/inter" && mkdir -p "$work/inter"
	: >"$raw"
	local levels="0 2"
	[ $quick = 1 ] && levels="0"
	for level in $levels; do
		n=$runs0
		[ "$level" = 2 ] && n=$runs2
		# one round per core at a time; round r on core (r - 1) % ncores
		for ((r = 1; r <= n; r += ncores)); do
			local pids=()
			for ((k = r; k < r + ncores && k <= n; k++)); do
				one_round "$level" "$k" $(((k - 1) % ncores)) &
				pids[${#pids[@]}]=$!
			done
			for k in "${pids[@]}"; do
				wait "$k" || die "compile failed: sqlite -O$level: see $work/inter/log-O$level-*"
			done
			for ((k = r; k < r + ncores && k <= n; k++)); do
				cat "$work/inter/O$level-$k" >>"$raw"
				say "interleaved -O$level round $k: $(awk -F'\t' '{ printf "%s %s s, ", $4, $5 }' "$work/inter/O$level-$k")core $(((k - 1) % ncores))"
			done
		done
	done
	{
		echo "### Compile time, interleaved (sqlite3.c)"
		echo
		echo "Each round starts the three compiles of sqlite3.c (plain, silent, m=2 + json=DIR/) at the"
		echo "same time, all pinned to one core (taskset): the scheduler interleaves them every few"
		echo "milliseconds, so whatever the machine's speed does during a round falls on all three"
		echo "alike.  The ratio to plain is taken within each round (CPU time, user+sys of gcc and its"
		echo "children), then its median over the rounds.  Rounds run on alternate cores, $ncores at a time."
		echo "Each compile's CPU time is a little above its time alone (the three share the core's caches);"
		echo "the ratios are what count."
		echo
		echo "| level | rounds | silent / plain, median | m=2 + json / plain, median | m=2 + json / plain, lowest .. highest | plain RSS | m=2 + json RSS | target |"
		echo "|---|---|---|---|---|---|---|---|"
		for level in 0 2; do
			grep -q "^$level	" "$raw" || continue
			local lim=10
			[ "$level" = 2 ] && lim=2
			awk -F'\t' -v l="$level" -v lim="$lim" '
				function med(a, n,    i, j, t) {
					for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
					return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
				}
				$1 == l { t[$2, $4] = $5; m[$2, $4] = $6; round[$2] = 1 }
				END {
					for (r in round) { n++; S[n] = t[r, "silent"] / t[r, "plain"]; R[n] = t[r, "m2json"] / t[r, "plain"]
						P[n] = m[r, "plain"]; M[n] = m[r, "m2json"] }
					lo = hi = R[1]; for (i = 2; i <= n; i++) { if (R[i] < lo) lo = R[i]; if (R[i] > hi) hi = R[i] }
					s = med(S, n); rr = med(R, n); pr = med(P, n); mr = med(M, n); d = (rr - 1) * 100
					printf "| -O%s | %d | %+.1f%% | **%+.1f%%** | %+.1f%% .. %+.1f%% | %d MB | %d MB (%+.1f%%) | at most +%d%%: %s |\n",
						l, n, (s - 1) * 100, d, (lo - 1) * 100, (hi - 1) * 100, pr / 1024, mr / 1024, (mr / pr - 1) * 100,
						lim, d <= lim ? "**met**" : "**not met**"
				}' "$raw"
		done
		echo
	} >"$out.new" && mv "$out.new" "$out"
	cat "$out"
}

# ------------------------------------------------------------------ #
# direct: the plugin's own CPU time on sqlite3.c, at its entry points #
# ------------------------------------------------------------------ #
section_direct() {
	local out=$results/direct.md raw=$work/direct.tsv level o levels="0 2"
	command -v gdb >/dev/null || { say "direct: no gdb, skipped"; return 0; }
	has "${avail// /,}" sqlite || { say "direct: no sqlite3.c, skipped"; return 0; }
	[ $quick = 1 ] && levels=0
	write_gdb_script
	: >"$raw"
	for level in $levels; do
		o=$work/direct.out
		# once-called entry points in one run; the per-function ones in
		# another, so that their gdb stops do not inflate the pass
		local set
		for set in plugin_init,escape_pass::execute,finish_unit \
			pre_genericize,esc_emit_notes,esc_check_dangling; do
			rm -f "$o"
			rm -rf "$work/obj/direct" && mkdir -p "$work/obj/direct" "$work/json"
			say "direct: sqlite3.c -O$level m=2 + json under gdb: $set"
			# shellcheck disable=SC2046
			(cd "$work/obj/direct" && ESC_PASSTIME_OUT=$o ESC_TIME_FUNCS=$set \
				"$CC" -c -O"$level" $(variant_flags m2json) "$inputs/sqlite/sqlite3.c" \
				-wrapper gdb,-q,-batch,-nx,-x,"$work/passtime.py",--args) \
				>"$work/log/direct-O$level.log" 2>&1 || die "direct: compile under gdb failed: see $work/log/direct-O$level.log"
			awk -v l="$level" '$1 != "total" { printf "%s\t%s\t%s\t%s\n", l, $1, $2, $3 }' "$o" >>"$raw"
		done
		# the plain compile's median CPU time, from the compile section
		local plain=""
		if [ -f "$work/compile.tsv" ] && grep -q "^sqlite	$level	plain" "$work/compile.tsv"; then
			plain=$(awk -F'\t' -v l="$level" '$1 == "sqlite" && $2 == l && $3 == "plain" { split($5, a, " "); print a[2] }' "$work/compile.tsv" | median)
		else
			plain=$(one_compile sqlite "$level" plain | awk '{ print $2 }') || die "direct: plain compile failed"
		fi
		printf '%s\tplain\t%s\t0\n' "$level" "$(awk -v p="$plain" 'BEGIN { printf "%d", p * 1e9 }')" >>"$raw"
	done
	{
		echo "### The plugin's own time on sqlite3.c"
		echo
		echo "CPU time of cc1 inside the plugin's entry points, m=2 and json=DIR/, under gdb"
		echo "(breakpoints at each entry and exit, reading /proc/PID/schedstat; the entry points"
		echo "called once per unit in one compile, those called once per function in another): a direct measure"
		echo "of what the plugin adds, free of the run-to-run noise of whole compiles. It leaves out"
		echo "loading escape.so and Jansson, and any indirect cost (caches, memory); it includes the"
		echo "notes (emitted by the pass) and the JSON report (written at FINISH_UNIT). The"
		echo "figures for functions called once per function (pre_genericize, the notes, the"
		echo "dangling check) include gdb's two stops per call: upper bounds. The"
		echo "share is against the median CPU time of the plain compile (table above)."
		echo
		echo "| level | plugin_init (rules) | pre_genericize | the pass | of which notes | of which dangling check | finish_unit (JSON) | plugin total | plain compile | share |"
		echo "|---|---|---|---|---|---|---|---|---|---|"
		awk -F'\t' '
			{ ns[$1, $2] = $3; n[$1, $2] = $4; if (!($1 in seen)) { seen[$1] = 1; L[++nl] = $1 } }
			END {
				for (i = 1; i <= nl; i++) {
					l = L[i]
					tot = ns[l, "plugin_init"] + ns[l, "pre_genericize"] + ns[l, "escape_pass::execute"] + ns[l, "finish_unit"]
					printf "| -O%s | %.1f ms | %.1f ms (%d calls) | %.1f ms | %s | %s | %.1f ms | %.1f ms | %.2f s | %.2f%% |\n",
						l, ns[l, "plugin_init"] / 1e6, ns[l, "pre_genericize"] / 1e6, n[l, "pre_genericize"],
						ns[l, "escape_pass::execute"] / 1e6,
						n[l, "esc_emit_notes"] > 0 ? sprintf("%.1f ms", ns[l, "esc_emit_notes"] / 1e6) : "-",
						n[l, "esc_check_dangling"] > 0 ? sprintf("%.1f ms", ns[l, "esc_check_dangling"] / 1e6) : "-",
						ns[l, "finish_unit"] / 1e6, tot / 1e6,
						ns[l, "plain"] / 1e9, ns[l, "plain"] > 0 ? tot / ns[l, "plain"] * 100 : 0
				}
			}' "$raw"
		echo
		echo "Targets by this measure (m=2 and json=DIR/ on sqlite3.c):"
		echo
		awk -F'\t' '
			{ ns[$1, $2] = $3; if (!($1 in seen)) { seen[$1] = 1; L[++nl] = $1 } }
			END {
				for (i = 1; i <= nl; i++) {
					l = L[i]; lim = l == 2 ? 2 : 10
					tot = ns[l, "plugin_init"] + ns[l, "pre_genericize"] + ns[l, "escape_pass::execute"] + ns[l, "finish_unit"]
					d = ns[l, "plain"] > 0 ? tot / ns[l, "plain"] * 100 : 0
					printf "- compile time at -O%s: +%.2f%% (target at most +%d%%): %s\n", l, d, lim, d <= lim ? "**met**" : "**not met**"
				}
			}' "$raw"
		echo
	} >"$out.new" && mv "$out.new" "$out"
	cat "$out"
}

# ------------------------------------------------------------------ #
# callgrind: instruction counts on one mid-sized file                #
# ------------------------------------------------------------------ #
section_callgrind() {
	local out=$results/callgrind.md f="" p flags
	for p in sqlite lua zlib; do
		[ -f "$inputs/$p/$cg_file" ] && { f=$inputs/$p/$cg_file; flags=$(proj_flags "$p"); break; }
	done
	[ -n "$f" ] || { say "callgrind: no $cg_file in the sqlite, lua or zlib sources"; return 0; }
	local dir=$work/cg v runs="plain:0 m2json:0"
	[ "$cg_o2" = 1 ] && runs="$runs plain:2 m2json:2"
	[ "$cg_reuse" = 1 ] || rm -rf "$dir"
	mkdir -p "$dir" "$work/json"
	local raw=$dir/counts.tsv
	: >"$raw"
	# what a profile was made of: the input, the compiler, and (but for
	# the plain compile) the plugin; --cg-reuse keeps a profile whose
	# stamp is the same
	local ccv plugsum
	ccv=$("$CC" --version | head -n 1)
	plugsum=$(sha256sum <"$SNAP" | cut -c1-16)
	# the runs, up to $cg_jobs at a time (counts do not depend on load)
	local pids="" n=0 pid
	for v in $runs; do
		local variant=${v%:*} level=${v#*:} stamp
		stamp="$(sha256sum <"$f" | cut -c1-16) $ccv -O$level $flags $variant"
		[ "$variant" = plain ] || stamp="$stamp $plugsum"
		if [ "$cg_reuse" = 1 ] && [ "$(cat "$dir/$v/stamp" 2>/dev/null)" = "$stamp" ] &&
			grep -qs '^cmd:.*cc1 ' "$dir/$v"/cg.*; then
			say "callgrind: $cg_file -O$level $variant: the profile made before"
			continue
		fi
		say "callgrind: $cg_file -O$level $variant (slow: about 50 times a plain compile)"
		rm -rf "${dir:?}/$v" && mkdir -p "$dir/$v"
		# shellcheck disable=SC2046,SC2086
		(cd "$dir/$v" && valgrind --tool=callgrind --trace-children=yes \
			--trace-children-skip='*/as,*-as' \
			--callgrind-out-file="$dir/$v/cg.%p" \
			"$CC" -c -O"$level" $flags $(variant_flags "$variant") "$f" -o out.o \
			>"$dir/$variant-O$level.log" 2>&1 && echo "$stamp" >"$dir/$v/stamp" ||
			echo "$dir/$variant-O$level.log" >"$dir/$v/failed") &
		pids="$pids $!" n=$((n + 1))
		if [ $n -ge "$cg_jobs" ]; then
			for pid in $pids; do wait "$pid"; done
			pids="" n=0
		fi
	done
	for pid in $pids; do wait "$pid"; done
	for v in $runs; do
		[ -f "$dir/$v/failed" ] && die "callgrind run failed: see $(cat "$dir/$v/failed")"
		local cg
		cg=$(grep -l '^cmd:.*cc1 ' "$dir/$v"/cg.* | head -n 1)
		[ -n "$cg" ] || die "callgrind: no cc1 profile in $dir/$v"
		callgrind_annotate --inclusive=yes --threshold=100 --auto=no "$cg" >"$dir/$v.incl" 2>/dev/null
		callgrind_annotate --inclusive=no --threshold=100 --auto=no "$cg" >"$dir/$v.self" 2>/dev/null
		# total; the plugin's entry points (everything it does, GCC's
		# printing of its diagnostics included); GCC's diagnostics and
		# their source-line lookups; the JSON report; the instructions
		# in escape.so and Jansson themselves
		awk -v v="$v" -v so="[$SNAP]" '
			function n(s) { gsub(",", "", s); return s + 0 }
			/^(summary|totals):/ && !tot { tot = $2 }
			/PROGRAM TOTALS/ { tot = n($1) }
			index($0, so) && $0 ~ /plugin\.cc:(plugin_init|escape_pass::execute|pre_genericize|finish_unit|finish)(\(|$| |\[)/ { plug += n($1) }
			index($0, so) && $0 ~ /(plugin\.cc:finish_unit|report\.c:esc_report_add)[( ]/ { json += n($1) }
			/[ :]diagnostic_report_diagnostic\(/ && !diag { diag = n($1) }
			/[ :]location_get_source_line\(/ && !lines { lines = n($1) }
			END { printf "%s\t%d\t%d\t%d\t%d\t%d\n", v, tot, plug, diag, lines, json }' "$dir/$v.incl" >>"$raw"
		if [ "$v" = m2json:0 ]; then
			grep -F "[$SNAP]" "$dir/$v.incl" | head -n 14 >"$dir/top-inclusive.txt"
		fi
	done
	local plib
	plib=$(awk -v so="$SNAP" '{ gsub(",", "", $1) } (index($0, "[" so "]") || /libjansson/) { s += $1 } END { print s + 0 }' "$dir/m2json:0.self")
	{
		echo "### Instruction counts (callgrind)"
		echo
		echo "\`valgrind --tool=callgrind\` on cc1 alone (the driver and the assembler left out), \`$cg_file\`"
		echo "($(wc -l <"$f") lines), once each: figures that do not move with the machine's load."
		echo "The plugin's part is the inclusive count of its entry points (plugin_init with the"
		echo "rules, PRE_GENERICIZE, the pass, FINISH_UNIT with the JSON report): everything it"
		echo "does, including GCC's own work printing its notes and warnings, which is then"
		echo "broken down: GCC's diagnostic printing (\`diagnostic_report_diagnostic\`), and within"
		echo "it the source-line lookups (\`location_get_source_line\`: GCC 12 rereads up to 1/100"
		echo "of the file for each, several times per diagnostic, for the caret line and the"
		echo "display column), then the JSON report, then the rest: the analysis itself."
		echo
		awk -F'\t' -v so="$plib" '
			{ T[$1] = $2; P[$1] = $3; D[$1] = $4; L[$1] = $5; J[$1] = $6 }
			function pc(a, b) { return b > 0 ? sprintf("%.1f%%", a / b * 100) : "n/a" }
			function m(a) { return sprintf("%.0f M", a / 1e6) }
			END {
				a = T["plain:0"]; b = T["m2json:0"]; p = P["m2json:0"]
				d = D["m2json:0"] - D["plain:0"]; l = L["m2json:0"] - L["plain:0"]
				j = J["m2json:0"]; own = p - d - j
				print "| what (m=2 + json, -O0) | instructions | share of the plain -O0 compile |"
				print "|---|---|---|"
				printf "| plain compile, -O0 | %s | 100%% |\n", m(a)
				printf "| with the plugin, m=2 + json | %s | %s (+%s) |\n", m(b), pc(b, a), pc(b - a, a)
				printf "| the plugin'"'"'s entry points, all in | %s | %s |\n", m(p), pc(p, a)
				printf "| of which GCC printing its diagnostics | %s | %s |\n", m(d), pc(d, a)
				printf "| of which GCC'"'"'s source-line lookups | %s | %s |\n", m(l), pc(l, a)
				printf "| of which the JSON report | %s | %s |\n", m(j), pc(j, a)
				printf "| of which the analysis (the rest) | %s | %s |\n", m(own), pc(own, a)
				printf "| instructions inside escape.so and Jansson | %s | %s |\n", m(so), pc(so, a)
				if ("plain:2" in T) {
					c = T["plain:2"]; e = T["m2json:2"]; q = P["m2json:2"]
					print ""
					print "| what (m=2 + json, -O2) | instructions | share of the plain -O2 compile |"
					print "|---|---|---|"
					printf "| plain compile, -O2 | %s | 100%% |\n", m(c)
					printf "| with the plugin, m=2 + json | %s | %s (**+%s**) |\n", m(e), pc(e, c), pc(e - c, c)
					printf "| the plugin'"'"'s entry points, all in | %s | %s |\n", m(q), pc(q, c)
					printf "| of which the JSON report | %s | %s |\n", m(J["m2json:2"]), pc(J["m2json:2"], c)
				}
			}' "$raw"
		echo
		echo "The plugin's heaviest functions (inclusive, millions of instructions):"
		echo
		awk '{ n = $1; gsub(",", "", n); sub(/^[^)]*\)[ \t]*/, ""); sub(/ \[[^]]*\]$/, ""); sub(/^.*\/plugin\//, ""); printf "- %.1f M `%s`\n", n / 1e6, $0 }' "$dir/top-inclusive.txt"
		echo
	} >"$out.new" && mv "$out.new" "$out"
	cat "$out"
}

# ------------------------------------------------------------------ #
# analyzers: gcc -fanalyzer and clang --analyze, capped              #
# ------------------------------------------------------------------ #
# capped: DIR LOG CMD... -> "wall cpu rss status"
capped() {
	local dir=$1 log=$2 t=$work/time.out rc
	shift 2
	rm -rf "$dir" && mkdir -p "$dir"
	rm -f "$t"
	(cd "$dir" && ulimit -v $((memcap_gb * 1024 * 1024)) &&
		exec /usr/bin/time -f '%e %U %S %M' -o "$t" timeout -k 10 "$cap" "$@") >"$log" 2>&1
	rc=$?
	local st=ok
	if [ $rc = 124 ] || [ $rc = 137 ]; then
		st=timeout
	elif [ $rc != 0 ]; then
		if grep -qiE 'out of memory|cannot allocate|bad_alloc|virtual memory exhausted' "$log"; then
			st=memory
		else
			st="exit$rc"
		fi
	fi
	if [ -s "$t" ]; then
		awk -v st="$st" '!/^Command/ { printf "%s %.2f %d %s\n", $1, $2 + $3, $4, st; exit }' "$t"
	else
		echo "nan nan nan $st"
	fi
}

section_analyzers() {
	local out=$results/analyzers.md p list=$avail
	[ $quick = 1 ] && list=zlib
	declare -A G C
	for p in $list; do
		say "gcc -fanalyzer on $p (cap ${cap} s, ${memcap_gb} GB)"
		# shellcheck disable=SC2046
		G[$p]=$(capped "$work/an-gcc-$p" "$work/log/an-gcc-$p.log" "$CC" -c -O0 -fanalyzer $(proj_flags "$p") $(proj_files "$p"))
		say "  $p: ${G[$p]}"
		say "clang --analyze on $p (cap ${cap} s, ${memcap_gb} GB)"
		# shellcheck disable=SC2046
		C[$p]=$(capped "$work/an-clang-$p" "$work/log/an-clang-$p.log" clang --analyze $(proj_flags "$p") $(proj_files "$p"))
		say "  $p: ${C[$p]}"
	done
	show() { # "wall cpu rss status"
		set -- $1
		case $4 in
		ok) awk -v w="$1" -v c="$2" -v m="$3" 'BEGIN { printf "%.1f s (wall %.1f s), %d MB", c, w, m / 1024 }' ;;
		timeout) printf 'killed at the cap (%s s)' "$cap" ;;
		memory) printf 'out of memory at the cap (%s GB)' "$memcap_gb" ;;
		*) printf 'failed (%s)' "$4" ;;
		esac
	}
	{
		echo "### Compared with GCC's and Clang's analyzers"
		echo
		echo "One run each at -O0 on the same files with the same flags, under \`timeout $cap\` and"
		echo "\`ulimit -v\` of $memcap_gb GB for the whole batch; CPU time (wall time), peak RSS."
		echo "The escape column is the m=2 + json compile from the table above (median, CPU)."
		echo
		echo "| input | escape m=2 + json -O0 | gcc -fanalyzer -O0 | clang --analyze |"
		echo "|---|---|---|---|"
		for p in $list; do
			local e="n/a"
			if [ -f "$work/compile.tsv" ] && grep -q "^$p	0	m2json" "$work/compile.tsv"; then
				local ec em
				ec=$(awk -F'\t' -v p="$p" '$1 == p && $2 == 0 && $3 == "m2json" { split($5, a, " "); print a[2] }' "$work/compile.tsv" | median)
				em=$(awk -F'\t' -v p="$p" '$1 == p && $2 == 0 && $3 == "m2json" { split($5, a, " "); print a[3] }' "$work/compile.tsv" | median)
				e=$(awk -v c="$ec" -v m="$em" 'BEGIN { printf "%.1f s, %d MB", c, m / 1024 }')
			fi
			printf '| %s | %s | %s | %s |\n' "$(proj_label "$p")" "$e" "$(show "${G[$p]}")" "$(show "${C[$p]}")"
		done
		echo
	} >"$out.new" && mv "$out.new" "$out"
	cat "$out"
}

# ------------------------------------------------------------------ #
# scaling: synthetic inputs, the plugin's own time                   #
# ------------------------------------------------------------------ #
sizes_of() {
	case $1 in
	stmts) echo 1024 2048 4096 8192 16384 32768 65536 131072 262144 ;;
	funcs) echo 625 1250 2500 5000 10000 20000 ;;
	chain) echo 512 1024 2048 4096 8192 16384 ;;
	ptrs) echo 1024 2048 4096 8192 16384 32768 ;;
	switch) echo 1024 2048 4096 8192 16384 32768 ;;
	locals) echo 1024 2048 4096 8192 16384 32768 ;;
	scc) echo 1000 2000 4000 8000 16000 ;;
	rets) echo 500 1000 2000 4000 8000 16000 ;;
	esac
}

# gdb, as gcc's -wrapper around cc1: the CPU time of the compiler's thread
# (/proc/PID/schedstat, ns) spent inside each of the functions named in
# ESC_TIME_FUNCS (comma-separated), and at _exit the whole compile's; the
# inferior's exit status is kept.  gdb stops only at those functions'
# entries and exits, so it adds nothing to what is measured.
write_gdb_script() {
	cat >"$work/passtime.py" <<'EOF'
import gdb, os
out = os.environ["ESC_PASSTIME_OUT"]
funcs = [f for f in os.environ.get("ESC_TIME_FUNCS", "escape_pass::execute").split(",") if f]
acc = {f: [0, 0] for f in funcs}
def cpu_ns():
    with open("/proc/%d/schedstat" % gdb.selected_inferior().pid) as f:
        return int(f.read().split()[0])
class Done(gdb.FinishBreakpoint):
    def __init__(self, name, t0):
        super().__init__(gdb.newest_frame(), internal=True)
        self.name, self.t0 = name, t0
    def stop(self):
        a = acc[self.name]
        a[0] += cpu_ns() - self.t0
        a[1] += 1
        return False
    def out_of_scope(self):
        pass
class Entry(gdb.Breakpoint):
    def __init__(self, name):
        super().__init__(name)
        self.name = name
    def stop(self):
        Done(self.name, cpu_ns())
        return False
class Exit(gdb.Breakpoint):
    def stop(self):
        with open(out, "a") as f:
            for name in funcs:
                f.write("%s %d %d\n" % (name, acc[name][0], acc[name][1]))
            f.write("total %d 1\n" % cpu_ns())
        return False
gdb.execute("set breakpoint pending on")
gdb.execute("set pagination off")
if "cc1" in os.path.basename(gdb.current_progspace().filename or ""):
    for name in funcs:
        Entry(name)
    Exit("_exit")
gdb.execute("run")
code = gdb.parse_and_eval("$_exitcode")
gdb.execute("quit %d" % (int(code) if code.type.code != gdb.TYPE_CODE_VOID else 1))
EOF
}

# Synthetic files are compiled without source lines in diagnostics: GCC
# 12 rereads up to 1/100 of a file for each diagnostic's source line
# (caret and display column), which on a big file would hide the plugin's
# own growth under GCC's; the callgrind section measures that cost.
scale_flags="-fno-diagnostics-show-caret -fdiagnostics-column-unit=byte"

# the plugin's pass, once: FILE -> "pass_s total_s" (gdb) or "" on failure
pass_time() {
	local f=$1 o=$work/passtime.out
	rm -f "$o" "$work/synth.json"
	ESC_PASSTIME_OUT=$o ESC_TIME_FUNCS=escape_pass::execute \
		"$CC" -S -O0 $scale_flags -fplugin="$SNAP" -fplugin-arg-escape-json="$work/synth.json" \
		"$f" -o "$work/synth.s" -wrapper gdb,-q,-batch,-nx,-x,"$work/passtime.py",--args >"$work/log/synth-gdb.log" 2>&1 || return 1
	awk '$1 == "escape_pass::execute" && $3 > 0 { p = $2 } $1 == "total" { t = $2 }
	     END { if (p == "") exit 1; printf "%.4f %.2f\n", p / 1e9, t / 1e9 }' "$o"
}

# CPU time of one compile: FILE VARIANTFLAGS... -> seconds
cpu_time() {
	local f=$1 t=$work/time.out
	shift
	# shellcheck disable=SC2086
	rm -f "$work/synth.json"
	/usr/bin/time -f '%U %S' -o "$t" "$CC" -S -O0 $scale_flags "$@" "$f" -o "$work/synth.s" >"$work/log/synth.log" 2>&1 || return 1
	awk '{ printf "%.3f\n", $1 + $2 }' "$t"
}

section_scaling() {
	local out=$results/scaling.md raw=$work/scaling.tsv gen=$work/synth d n r method=gdb
	command -v gdb >/dev/null || method="diff"
	"$CC" -std=c99 -O2 -Wall -Wextra -o "$gen" "$root/scripts/synth.c" || die "cannot build scripts/synth.c"
	write_gdb_script
	mkdir -p "$work/log"
	: >"$raw"
	if [ $method = gdb ]; then
		"$gen" stmts 16 >"$work/synth-probe.c"
		pass_time "$work/synth-probe.c" >/dev/null ||
			{ say "scaling: the pass cannot be timed under gdb (see $work/log/synth-gdb.log); using differences"; method="diff"; }
	fi
	for d in ${dims//,/ }; do
		sizes_of "$d" | grep -q . || die "unknown dimension $d"
		for n in $(sizes_of "$d"); do
			[ $quick = 1 ] && n=$((n / 16))
			local f=$work/synth-$d.c
			"$gen" "$d" "$n" >"$f" || die "synth $d $n failed"
			local runs=$scale_runs pt=() tot=()
			for r in $(seq 1 "$runs"); do
				if [ $method = gdb ]; then
					local res
					res=$(pass_time "$f") || { sleep 5; res=$(pass_time "$f"); } ||
						die "scaling: $d $n failed under gdb: see $work/log/synth-gdb.log"
					pt+=("${res% *}")
					tot+=("${res#* }")
					# a big compile is measured once
					[ "$r" = 1 ] && awk -v t="${res#* }" 'BEGIN { exit !(t > 20) }' && break
				else
					local a b
					a=$(cpu_time "$f") || die "scaling: $d $n failed"
					b=$(cpu_time "$f" -fplugin="$SNAP" -fplugin-arg-escape-json="$work/synth.json") || die "scaling: $d $n failed with the plugin"
					pt+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", b - a }')")
					tot+=("$b")
				fi
			done
			local p t
			p=$(printf '%s\n' "${pt[@]}" | median)
			t=$(printf '%s\n' "${tot[@]}" | median)
			# functions the report says were not analysed (a safety valve)
			local gu
			gu=$(grep -c '"gave_up": "' "$work/synth.json" 2>/dev/null)
			printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$n" "$p" "$t" "${#pt[@]}" "${gu:-0}" >>"$raw"
			say "scaling $d $n: plugin ${p} s of ${t} s (${#pt[@]} runs)"
			# stop a dimension whose plugin time is already over a minute
			awk -v p="$p" 'BEGIN { exit !(p > 60) }' && { say "scaling $d: over 60 s, stopping"; break; }
		done
	done
	{
		echo "### Scaling: the plugin's own time on synthetic C"
		echo
		if [ $method = gdb ]; then
			echo "The plugin's time is the CPU time of cc1 inside the escape pass (gdb breakpoints at its"
			echo "entry and exit, reading /proc/PID/schedstat), at -O0, median of the runs (1 run when the"
			echo "compile takes over 20 s). The compile column is cc1's whole CPU time with the plugin."
			echo "Compiled with \`$scale_flags\`, so that GCC 12's cost of"
			echo "printing the plugin's warnings (a reread of up to 1/100 of the file for each source line"
			echo "shown: quadratic in a file's size) does not hide the plugin's own growth; the warnings"
			echo "(dangling addresses, on by default) are still checked and emitted."
		else
			echo "The plugin's time is the CPU time of the compile with the plugin minus without, at -O0,"
			echo "median of the runs (gdb was not available)."
		fi
		echo "Ratio: to the size before (the size doubles). Growth exponents (1 = linear, 2 ="
		echo "quadratic): over the whole range from the first time of at least 20 ms (smaller ones"
		echo "are mostly noise), and over the last two doublings. A dimension is an anomaly when"
		echo "either is 1.5 or more; single ratios move with the machine's load."
		echo
		echo "The last column counts the functions the JSON report gives as not analysed (\`gave_up\`):"
		echo "a safety valve at work."
		echo
		echo "| dimension | size | compile | plugin | share | ratio | not analysed |"
		echo "|---|---|---|---|---|---|---|"
		awk -F'\t' '{
			r = (prev_d == $1 && prev > 0) ? sprintf("%.2f", $3 / prev) : "-"
			printf "| %s | %s | %.2f s | %.1f ms | %.1f%% | %s | %s |\n", $1, $2, $4, $3 * 1000, ($4 > 0 ? $3 / $4 * 100 : 0), r, $6 == "" ? "-" : $6
			prev_d = $1; prev = $3 }' "$raw"
		echo
		echo "Per dimension:"
		echo
		awk -F'\t' -v gen="scripts/synth.c" '
		{ d = $1; if (!(d in cnt)) order[++nd] = d; i = ++cnt[d]; N[d, i] = $2; T[d, i] = $3 }
		END {
			for (k = 1; k <= nd; k++) {
				d = order[k]; c = cnt[d]; rs = ""
				for (i = 2; i <= c; i++)
					rs = rs sprintf("%s%.2f", i > 2 ? ", " : "", T[d, i - 1] > 0 ? T[d, i] / T[d, i - 1] : 0)
				f = 0
				for (i = 1; i <= c && !f; i++)
					if (T[d, i] >= 0.02) f = i
				# at least three sizes of 20 ms or more, else not judged
				whole = (f && f <= c - 2 && T[d, f] > 0) ? log(T[d, c] / T[d, f]) / log(N[d, c] / N[d, f]) : 0
				if (!(f && f <= c - 2)) f = 0
				last = (c >= 3 && T[d, c - 2] > 0) ? log(T[d, c] / T[d, c - 2]) / log(N[d, c] / N[d, c - 2]) : 0
				bad = whole >= 1.5 || last >= 1.5
				span = f ? sprintf("exponent %.2f over %s..%s", whole, N[d, f], N[d, c]) : "too few sizes of 20 ms or more for a whole-range exponent"
				printf "- %s: sizes %s..%s, plugin %.1f ms .. %.1f ms, ratios %s; %s, %.2f over the last two doublings: %s\n",
					d, N[d, 1], N[d, c], T[d, 1] * 1000, T[d, c] * 1000, rs,
					span, last, bad ? "**anomaly**" : "about linear"
				if (bad)
					printf "  reproduce: `gcc -std=c99 -O2 -o synth %s && ./synth %s %s > a.c && ./synth %s %s > b.c && time gcc -c -O0 -fplugin=plugin/escape.so a.c && time gcc -c -O0 -fplugin=plugin/escape.so b.c` (or `scripts/bench.sh --only scaling --dims %s`)\n",
						gen, d, N[d, c - 1], d, N[d, c], d
			}
		}' "$raw"
		echo
	} >"$out.new" && mv "$out.new" "$out"
	cat "$out"
}

# ------------------------------------------------------------------ #
# builds: whole projects, the variants of a round on one core        #
# ------------------------------------------------------------------ #
# the configured trees of projects.sh --prepare, kept in the cache while
# projects.sh is unchanged
prepare_builds() {
	local p stamp
	bprep=$cache/builds
	stamp=$(sha256sum "$root/scripts/projects.sh" | cut -c1-16)
	[ "$(cat "$bprep/stamp" 2>/dev/null)" = "$stamp" ] || rm -rf "$bprep"
	mkdir -p "$bprep" && echo "$stamp" >"$bprep/stamp"
	bavail=""
	for p in ${builds//,/ }; do
		if [ ! -x "$bprep/$p/build.sh" ]; then
			say "builds: fetching and configuring $p (projects.sh --prepare)"
			PLUGIN=$SNAP "$root/scripts/projects.sh" --prepare "$bprep" --project "$p" \
				>"$work/prepare-$p.log" 2>&1 || { say "builds: cannot prepare $p (see $work/prepare-$p.log); skipped"; continue; }
		fi
		bavail="$bavail $p"
	done
}

# one round: PROJECT ROUND CORE -> "project round core variant cpu rss" lines
# in $work/bld/PROJECT-ROUND.tsv
one_build_round() {
	local p=$1 r=$2 core=$3 v pids=() d=$work/bld/$1-$2
	rm -rf "$d" && mkdir -p "$d/json" || return 1
	for v in plain silent m2json; do
		cp -a "$bprep/$p/prep" "$d/$v" || return 1
	done
	for v in plain silent m2json; do
		(
			unset ESCAPE_PLUGIN ESCAPE_JSON ESCAPE_LOG
			[ $v = plain ] || export ESCAPE_PLUGIN=$SNAP
			[ $v = m2json ] && export ESCAPE_JSON=$d/json
			exec taskset -c "$core" /usr/bin/time -f '%U %S %M' -o "$d/time-$v" \
				"$bprep/$p/build.sh" "$d/$v"
		) >"$d/log-$v" 2>&1 &
		pids[${#pids[@]}]=$!
	done
	local ok=1
	for v in "${pids[@]}"; do wait "$v" || ok=0; done
	[ $ok = 1 ] || return 1
	for v in plain silent m2json; do
		awk -v p="$p" -v r="$r" -v c="$core" -v v="$v" \
			'{ printf "%s\t%s\t%s\t%s\t%.2f\t%d\n", p, r, c, v, $1 + $2, $3 }' "$d/time-$v"
	done >"$work/bld/$p-$r.tsv"
	ls "$d/json" | wc -l >"$work/bld/$p-$r.reports"
	rm -rf "$d/plain" "$d/silent" "$d/m2json"
}

# The one-function file: ROUND CORE -> lines "onefile round core variant
# cpu rss", one per compile (cpu in s, rss in KB).  The variants run in
# turn, compile after compile, each `$CC -c` on its own on the core
# (scripts/rounds.c: wait4's rusage of the driver and its children, whose
# peak RSS is cc1's): what a user's compile pays.  (Until session 11 the
# three variants' loops of 40 ran at once on the core, and every compile
# paid for the cache and TLB refills after the other two's time slices,
# the plugin's larger working set more: +0.75 ms where compiles one at a
# time gave +0.49 to +0.52; and peak RSS came from one compile, which
# varies by +-150 KB with the address-space layout.)
one_file_round() {
	local r=$1 core=$2 d=$work/bld/one-$1 n=40 cc
	rm -rf "$d" && mkdir -p "$d/json" || return 1
	printf 'int f(int x) { return x + 1; }\n' >"$d/one.c"
	cc=$(command -v "$CC") || return 1
	(cd "$d" && exec "$work/rounds" $n "$core" -- "$cc" -c -O2 one.c -o plain.o \
		-- "$cc" -c -O2 one.c -o silent.o -fplugin="$SNAP" \
		-- "$cc" -c -O2 one.c -o m2json.o -fplugin="$SNAP" \
		-fplugin-arg-escape-m=2 -fplugin-arg-escape-json="$d/json/") >"$d/rounds" 2>"$d/log" ||
		return 1
	awk -v r="$r" -v c="$core" '{
		printf "onefile\t%s\t%s\tplain\t%.6f\t%d\n", r, c, $1 / 1e6, $2
		printf "onefile\t%s\t%s\tsilent\t%.6f\t%d\n", r, c, $3 / 1e6, $4
		printf "onefile\t%s\t%s\tm2json\t%.6f\t%d\n", r, c, $5 / 1e6, $6
	}' "$d/rounds" >"$work/bld/one-$r.tsv"
}

# peak RSS (KB) of a compile, as one-function rounds measure it: FILE
# FLAGS... -> "plain/default/m=2 + json" medians of 15 compiles of each,
# in turn on core 0, and the median differences to plain
peak_rss() {
	local f=$1 cc d=$work/bld/rss
	shift
	cc=$(command -v "$CC") || return 1
	rm -rf "$d" && mkdir -p "$d/json" || return 1
	"$work/rounds" 15 0 -- "$cc" -c -O2 "$f" -o "$d/p.o" "$@" \
		-- "$cc" -c -O2 "$f" -o "$d/s.o" "$@" -fplugin="$SNAP" \
		-- "$cc" -c -O2 "$f" -o "$d/m.o" "$@" -fplugin="$SNAP" \
		-fplugin-arg-escape-m=2 -fplugin-arg-escape-json="$d/json/" >"$d/rounds" 2>/dev/null || return 1
	awk 'function med(a, n,    i, j, t) {
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
			return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		{ n++; P[n] = $2; S[n] = $4; M[n] = $6; DS[n] = $4 - $2; DM[n] = $6 - $2 }
		END { printf "%d/%d/%d (%+d / %+d)", med(P, n), med(S, n), med(M, n), med(DS, n), med(DM, n) }' "$d/rounds"
}

section_builds() {
	local out=$results/builds.md raw=$work/builds.tsv p r k ncores
	command -v taskset >/dev/null || { say "builds: no taskset (util-linux); skipped"; return 0; }
	[ -n "$builds" ] || builds=$("$root/scripts/projects.sh" --list | grep -vx sqlite3 | paste -sd, -)
	prepare_builds
	ncores=$(nproc)
	[ "$ncores" -gt 2 ] && ncores=2
	rm -rf "$work/bld" && mkdir -p "$work/bld"
	: >"$raw"
	"$CC" -O2 -o "$work/rounds" "$root/scripts/rounds.c" || die "builds: cannot build scripts/rounds.c"
	local load0
	load0=$(cut -d' ' -f1-3 /proc/loadavg)
	for p in $bavail onefile; do
		local nr=$build_rounds
		[ "$p" = onefile ] && nr=$one_rounds
		for ((r = 1; r <= nr; r += ncores)); do
			local pids=()
			for ((k = r; k < r + ncores && k <= nr; k++)); do
				if [ "$p" = onefile ]; then
					one_file_round "$k" $(((k - 1) % ncores)) &
				else
					one_build_round "$p" "$k" $(((k - 1) % ncores)) &
				fi
				pids[${#pids[@]}]=$!
			done
			for k in "${pids[@]}"; do
				wait "$k" || die "builds: $p failed: see $work/bld/$p-*/log-*"
			done
			for ((k = r; k < r + ncores && k <= nr; k++)); do
				local f=$work/bld/$p-$k.tsv
				[ "$p" = onefile ] && f=$work/bld/one-$k.tsv
				cat "$f" >>"$raw"
				say "builds: $p round $k: $(awk -F'\t' '!seen[$4]++ { printf "%s %s s, ", $4, $5 }' "$f")core $(((k - 1) % ncores)), load $(cut -d' ' -f1 /proc/loadavg)"
			done
		done
	done
	local load1 lapi rss_one rss_lapi
	load1=$(cut -d' ' -f1-3 /proc/loadavg)
	rss_one=$(awk -F'\t' '
		function med(a, n,    i, j, t) {
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
			return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
		}
		$1 == "onefile" { k = $2 SUBSEP (++i[$2, $4]); v[$4, k] = $6; keys[k] = 1 }
		END {
			for (k in keys) { n++; P[n] = v["plain", k]; S[n] = v["silent", k]; M[n] = v["m2json", k]; DS[n] = S[n] - P[n]; DM[n] = M[n] - P[n] }
			if (n) printf "%d/%d/%d (%+d / %+d; %d compiles each)", med(P, n), med(S, n), med(M, n), med(DS, n), med(DM, n), n
		}' "$raw")
	lapi=$(ls "$bprep"/lua5.4/prep/src/lapi.c 2>/dev/null)
	rss_lapi=""
	[ -z "$lapi" ] || rss_lapi=$(peak_rss "$lapi" -DLUA_COMPAT_5_3 -DLUA_USE_LINUX)
	{
		echo "### Whole builds, interleaved (issue 18)"
		echo
		echo "Each project of \`scripts/projects.sh\` (but sqlite3) is fetched, unpacked and configured once"
		echo "(\`projects.sh --prepare\`), then built with make -j1 three ways: plain, with the plugin in its"
		echo "default mode, and with m=2 + json=DIR/.  A round copies the configured tree three times and"
		echo "starts the three builds at once, pinned to one core (taskset); the ratio to plain (CPU time,"
		echo "user+sys of make and all its children: the compiler, the linker, the build's own tools) is"
		echo "taken within the round, then its median over the rounds.  Rounds run on alternate cores,"
		echo "$ncores at a time.  The one-function file: a round runs 40 compiles (-O2) of each variant in turn,"
		echo "one compile at a time on its core (scripts/rounds.c); the figure is the median of the per-compile"
		echo "differences to plain (CPU time of the driver and its children), and peak RSS the same way (the"
		echo "driver's children's peak: cc1's).  Load average (1, 5, 15 min)"
		echo "at the start: $load0; at the end: $load1 ($(nproc) cores)."
		echo
		echo "| project | version | rounds | plain CPU s, median | default / plain, median | lowest .. highest | m=2 + json / plain, median | lowest .. highest | target |"
		echo "|---|---|---|---|---|---|---|---|---|"
		for p in $bavail; do
			awk -F'\t' -v p="$p" -v ver="$(cat "$bprep/$p/version" 2>/dev/null)" '
				function med(a, n,    i, j, t) {
					for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
					return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
				}
				$1 == p { t[$2, $4] = $5; round[$2] = 1 }
				END {
					for (r in round) { n++; S[n] = t[r, "silent"] / t[r, "plain"]; R[n] = t[r, "m2json"] / t[r, "plain"]; P[n] = t[r, "plain"] }
					if (!n) exit
					slo = shi = S[1]; lo = hi = R[1]
					for (i = 2; i <= n; i++) { if (R[i] < lo) lo = R[i]; if (R[i] > hi) hi = R[i]; if (S[i] < slo) slo = S[i]; if (S[i] > shi) shi = S[i] }
					s = (med(S, n) - 1) * 100; m = (med(R, n) - 1) * 100
					printf "| %s | %s | %d | %.1f | **%+.1f%%** | %+.1f%% .. %+.1f%% | **%+.1f%%** | %+.1f%% .. %+.1f%% | default at most +1%%: %s; m=2 + json at most +3%%: %s |\n",
						p, ver, n, med(P, n), s, (slo - 1) * 100, (shi - 1) * 100, m, (lo - 1) * 100, (hi - 1) * 100,
						s <= 1 ? "**met**" : "**not met**", m <= 3 ? "**met**" : "**not met**"
				}' "$raw"
		done
		awk -F'\t' '
			function med(a, n,    i, j, t) {
				for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
				return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
			}
			# per compile: the variants of a compile ran one after another
			$1 == "onefile" { k = $2 SUBSEP (++i[$2, $4]); t[$4, k] = $5; keys[k] = 1; round[$2] = 1 }
			END {
				for (k in keys) { n++; S[n] = (t["silent", k] - t["plain", k]) * 1000; R[n] = (t["m2json", k] - t["plain", k]) * 1000; P[n] = t["plain", k] * 1000 }
				if (!n) exit
				for (r in round) nr++
				s = med(S, n); m = med(R, n)
				# quartiles (med sorted S and R in place)
				slo = S[int((n + 3) / 4)]; shi = S[int((3 * n + 1) / 4)]; lo = R[int((n + 3) / 4)]; hi = R[int((3 * n + 1) / 4)]
				printf "| one-function file (per compile) | | %d x 40 | %.2f ms | **%+.2f ms** | %+.2f .. %+.2f ms (quartiles) | **%+.2f ms** | %+.2f .. %+.2f ms (quartiles) | default at most +0.5 ms: %s |\n",
					nr, med(P, n), s, slo, shi, m, lo, hi, s <= 0.5 ? "**met**" : "**not met**"
			}' "$raw"
		echo
		[ -z "$rss_lapi" ] || rss_lapi="; lua's lapi.c $rss_lapi (15 compiles each)"
		echo "Peak RSS (-O2; plain / default / m=2 + json, KB, medians; in brackets the medians of the per-compile"
		echo "differences to plain): the one-function file $rss_one$rss_lapi."
		echo
	} >"$out.new" && mv "$out.new" "$out"
	cat "$out"
}

# ------------------------------------------------------------------ #
# Run, then write docs/performance.md                                #
# ------------------------------------------------------------------ #
say "cache $cache; plugin $PLUGIN (copied, sha256 $plugin_sha); inputs: ${avail:-none}"
for s in compile interleaved direct callgrind analyzers builds scaling; do
	has "$only" "$s" || continue
	if [ "$s" != scaling ] && [ "$s" != builds ] && [ -z "$avail" ]; then
		say "no inputs: skipping $s"
		continue
	fi
	"section_$s"
	{ machine_info; echo; } >"$results/$s.info"
done

if [ "$write" = 1 ]; then
	doc=$root/docs/performance.md
	[ -f "$doc" ] || printf '# Performance\n\n<!-- bench:begin -->\n<!-- bench:end -->\n' >"$doc"
	grep -q '^<!-- bench:begin -->$' "$doc" && grep -q '^<!-- bench:end -->$' "$doc" ||
		printf '\n<!-- bench:begin -->\n<!-- bench:end -->\n' >>"$doc"
	gen=$work/generated.md
	{
		echo "<!-- bench:begin -->"
		echo "<!-- written by scripts/bench.sh: edit outside the markers -->"
		for s in compile interleaved direct callgrind analyzers builds scaling; do
			[ -f "$results/$s.md" ] || continue
			echo
			cat "$results/$s.md"
			echo "Measured on:"
			echo
			cat "$results/$s.info" 2>/dev/null
		done
		echo "<!-- bench:end -->"
	} >"$gen"
	awk -v gen="$gen" '
		/^<!-- bench:begin -->$/ { while ((getline l < gen) > 0) print l; skip = 1; next }
		/^<!-- bench:end -->$/ { skip = 0; next }
		!skip' "$doc" >"$doc.new" && mv "$doc.new" "$doc"
	say "wrote $doc"
fi
