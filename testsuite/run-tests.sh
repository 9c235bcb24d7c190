#!/usr/bin/env bash
# run-tests.sh [-v] [PLUGIN] [CASE.c...] - the plugin on the end-to-end cases.
#
#   PLUGIN  the plugin to test (default: plugin/escape.so of this repository);
#           a first argument not ending in .c is taken for it
#   CASE.c  the cases to run (default: testsuite/cases/*.c)
#   -v      print every command run
#   CC      the compiler (default: gcc)
#
# Each case is compiled at -O0 and at -O2 with
#
#   $CC -O<n> -c CASE -o /dev/null -fplugin=PLUGIN -fplugin-arg-escape-m=1 \
#       -fdiagnostics-plain-output -fno-diagnostics-show-caret -pthread [ARGS]
#
# where ARGS come from a first line "// args: ..." of the case, if any.
# Expectations are written inline, on the line a note is reported at, as Go's
# analysistest writes them:
#
#   g = &x; // want "x escapes to heap"
#   int *id(int *p) // want "leaking param: p to result level=0"
#
# Each "..." (or `...`, taken raw) is a POSIX extended regular expression
# that must match a whole note message (the text after "note: "); inside
# "...", \" stands for " and every other backslash is kept for the regex.
# A case passes when, at both levels, the compiler exits 0 without an
# internal compiler error, every note of the case's file is matched by a
# regex of its line, every regex matches at least one note of its line, and
# the notes are the same at -O0 and -O2.
#
# The m=1 notes are those that the same command prints with the m=1 argument
# and not without it: the notes GCC itself attaches to its warnings ("declared
# here", which -O2 adds to -Wreturn-local-addr) and those of the plugin's
# default warnings are set aside, by line and text.  Notes whose text starts
# with a space (m=2 flow steps) and notes of other files are ignored.
#
# Ends with the line "N passed, N failed"; exits 1 if any case failed, 2 if
# the plugin does not exist or there is nothing to run.

set -u

usage() {
	echo "usage: $0 [-v] [PLUGIN] [CASE.c...]" >&2
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd) || exit 2
root=$(dirname "$here")

verbose=0
while [ $# -gt 0 ]; do
	case $1 in
	-v) verbose=1; shift ;;
	-h | --help) usage; exit 0 ;;
	--) shift; break ;;
	-*) echo "$0: unknown option $1" >&2; usage; exit 2 ;;
	*) break ;;
	esac
done

plugin=$root/plugin/escape.so
if [ $# -gt 0 ] && [[ $1 != *.c ]]; then
	plugin=$1
	shift
fi
if [ ! -f "$plugin" ]; then
	echo "$0: plugin not found: $plugin (build it first: make)" >&2
	exit 2
fi
# GCC names a plugin's arguments after its file: escape.so -> -fplugin-arg-escape-...
pname=$(basename "$plugin")
pname=${pname%.*}

if [ $# -gt 0 ]; then
	cases=("$@")
else
	shopt -s nullglob
	cases=("$here"/cases/*.c)
	shopt -u nullglob
fi
if [ ${#cases[@]} -eq 0 ]; then
	echo "$0: no cases to run" >&2
	exit 2
fi

# CC may be a command with arguments ("ccache gcc"), or a path with spaces.
CC=${CC:-gcc}
if [ -x "$CC" ]; then
	cc=("$CC")
else
	read -r -a cc <<<"$CC"
fi

# A compile that hangs (a solver that does not converge) fails, not the suite.
limit=()
if command -v timeout >/dev/null 2>&1; then
	limit=(timeout "${ESCAPE_TEST_TIMEOUT:-300}")
fi

# -v prints commands here, also from inside $(...)
exec 3>&1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-tests.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# notes FILE OUTPUT: the notes of FILE in a compiler output, as LINE<TAB>TEXT.
notes() {
	F=$1 awk '
	BEGIN { f = ENVIRON["F"] ":" }
	index($0, f) == 1 {
		rest = substr($0, length(f) + 1)
		if (!match(rest, /^[0-9]+(:[0-9]+)?: note: /))
			next
		line = rest; sub(/:.*/, "", line)
		msg = substr(rest, RLENGTH + 1)
		if (substr(msg, 1, 1) == " ")
			next
		print line "\t" msg
	}' "$2"
}

# minus A B: the lines of A that are not in B (as multisets), in A's order.
minus() {
	B=$2 awk '
	BEGIN { while ((getline l < ENVIRON["B"]) > 0) seen[l]++ }
	seen[$0] > 0 { seen[$0]--; next }
	{ print }' "$1"
}

# check CASE NOTES: the failed expectations, as LINE<TAB>MESSAGE.
check() {
	C=$1 awk -F '\t' '
	# the regexes of a line: "..." (\" is a quote) or `...`, after // want
	function wants(s, line,    n, c, i, re, q) {
		n = 0
		while (1) {
			sub(/^[ \t]+/, "", s)
			if (s == "")
				break
			q = substr(s, 1, 1)
			if (q == "`") {
				i = index(substr(s, 2), "`")
				if (i == 0)
					return -1
				re = substr(s, 2, i - 1)
				s = substr(s, i + 2)
			} else if (q == "\"") {
				re = ""
				for (i = 2; i <= length(s); i++) {
					c = substr(s, i, 1)
					if (c == "\\" && substr(s, i + 1, 1) == "\"") {
						re = re "\""; i++
					} else if (c == "\\") {
						re = re c substr(s, i + 1, 1); i++
					} else if (c == "\"") {
						break
					} else {
						re = re c
					}
				}
				if (i > length(s))
					return -1
				s = substr(s, i + 1)
			} else {
				return -1
			}
			n++
			rx[line, n] = re
		}
		return n
	}
	BEGIN {
		while ((r = getline s < ENVIRON["C"]) > 0) {
			ln++
			if (!match(s, /\/\/[ \t]*want([ \t]|$)/))
				continue
			k = wants(substr(s, RSTART + RLENGTH), ln)
			if (k <= 0) {
				bad[ln] = 1
				k = 0
			}
			nrx[ln] = k
			last = ln
		}
		if (r < 0) {
			print "cannot read " ENVIRON["C"] > "/dev/stderr"
			dead = 1
			exit 2
		}
	}
	{
		l = $1 + 0
		msg = substr($0, length($1) + 2)
		nn[l]++
		note[l, nn[l]] = msg
		if (l > last)
			last = l
	}
	END {
		if (dead)
			exit 2
		for (l = 1; l <= last; l++) {
			if (bad[l])
				print l "\tmalformed want comment (want \"regex\" ...)"
			for (i = 1; i <= nn[l]; i++) {
				ok = 0
				for (j = 1; j <= nrx[l]; j++)
					if (note[l, i] ~ ("^(" rx[l, j] ")$")) {
						ok = 1
						hit[l, j] = 1
					}
				if (!ok)
					print l "\tunexpected note \"" note[l, i] "\""
			}
			for (j = 1; j <= nrx[l]; j++)
				if (!hit[l, j])
					print l "\tmissing note matching \"" rx[l, j] "\""
		}
	}' "$2"
}

# report NOTES0 NOTES2 MSGS0 MSGS2: what failed, as LINE<TAB>MESSAGE, by line:
# the notes of one level only, then the failed expectations (once when both
# levels fail them alike, else saying at which level).
report() {
	local i=0 f
	for f in "$@"; do
		i=$((i + 1))
		awk -v t=$i '{ print t "\t" $0 }' "$f"
	done | awk -F '\t' '
	function add(l, m) {
		n[l]++
		out[l, n[l]] = m
		if (l > last)
			last = l
	}
	{
		file = $1 + 0
		k = substr($0, length($1) + 2)
		l = $2 + 0
		rest = substr(k, length($2) + 2)
	}
	file <= 2 {
		cnt[file, k]++
		if (cnt[file, k] == 1) {
			nk[file]++
			key[file, nk[file]] = k
			kl[k] = l
			kr[k] = rest
		}
		next
	}
	{
		if (!(k in lvl)) {
			mk[++nm] = k
			kl[k] = l
			kr[k] = rest
		}
		lvl[k] += file - 2
	}
	END {
		for (f = 1; f <= 2; f++)
			for (i = 1; i <= nk[f]; i++) {
				k = key[f, i]
				for (j = cnt[3 - f, k]; j < cnt[f, k]; j++)
					add(kl[k], "note \"" kr[k] "\" at " \
					    (f == 1 ? "-O0" : "-O2") " only")
			}
		for (i = 1; i <= nm; i++) {
			k = mk[i]
			m = kr[k]
			if (lvl[k] == 1)
				m = m " (at -O0)"
			else if (lvl[k] == 2)
				m = m " (at -O2)"
			add(kl[k], m)
		}
		for (l = 0; l <= last; l++)
			for (i = 1; i <= n[l]; i++)
				print l "\t" out[l, i]
	}'
}

# compile OUT CMD...: runs CMD into OUT; fails on a non-zero exit or an ICE.
compile() {
	local out=$1 rc
	shift
	if [ $verbose -eq 1 ]; then
		{
			printf '+'
			printf ' %q' "$@"
			printf '\n'
		} >&3
	fi
	${limit[@]+"${limit[@]}"} "$@" >"$out" 2>&1
	rc=$?
	if [ $rc -eq 124 ] && [ ${#limit[@]} -gt 0 ]; then
		echo "compiler timed out after ${limit[1]}s"
		return 1
	fi
	if grep -q 'internal compiler error' "$out"; then
		echo "internal compiler error (exit $rc)"
		return 1
	fi
	if [ $rc -ne 0 ]; then
		echo "compiler exited with status $rc"
		return 1
	fi
	return 0
}

passed=0
failed=0
for c in "${cases[@]}"; do
	name=$c
	case $name in "$root"/*) name=${name#"$root"/} ;; esac
	fails=()
	if [ ! -f "$c" ] || [ ! -r "$c" ]; then
		fails+=("$name: no such file")
	else
		extra=()
		first=
		IFS= read -r first <"$c"
		if [[ $first =~ ^[[:space:]]*//[[:space:]]*args:(.*)$ ]]; then
			read -r -a extra <<<"${BASH_REMATCH[1]}"
		fi
	fi

	for o in 0 2; do
		[ ${#fails[@]} -eq 0 ] || break
		base=("${cc[@]}" "-O$o" -c "$c" -o /dev/null "-fplugin=$plugin"
		      -fdiagnostics-plain-output -fno-diagnostics-show-caret -pthread
		      ${extra[@]+"${extra[@]}"})
		for run in m1 base; do
			cmd=("${base[@]}")
			[ $run = m1 ] && cmd+=("-fplugin-arg-$pname-m=1")
			why=$(compile "$tmp/out.$run.$o" "${cmd[@]}")
			if [ -n "$why" ]; then
				[ $run = base ] && why="$why (without m=1)"
				fails+=("$name: -O$o: $why:" "    $(printf "%q " "${cmd[@]}")")
				while IFS= read -r l; do
					fails+=("    $l")
				done < <(grep -v -e ": note: " -e ": In function " "$tmp/out.$run.$o" | awk 'NR <= 20')
			fi
			notes "$c" "$tmp/out.$run.$o" >"$tmp/notes.$run.$o"
		done
		minus "$tmp/notes.m1.$o" "$tmp/notes.base.$o" >"$tmp/notes.$o"
		if ! check "$c" "$tmp/notes.$o" >"$tmp/msgs.$o" 2>"$tmp/err"; then
			fails+=("$name: cannot check the expectations:")
			while IFS= read -r l; do
				fails+=("    $l")
			done <"$tmp/err"
		fi
	done
	# with a compile that failed, its notes say nothing more
	if [ ${#fails[@]} -eq 0 ]; then
		while IFS=$'\t' read -r l m; do
			fails+=("$name:$l: $m")
		done < <(report "$tmp/notes.0" "$tmp/notes.2" "$tmp/msgs.0" "$tmp/msgs.2")
	fi

	if [ ${#fails[@]} -eq 0 ]; then
		echo "PASS $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name"
		printf '  %s\n' "${fails[@]}"
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
