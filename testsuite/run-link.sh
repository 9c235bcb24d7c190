#!/bin/bash
# run-link.sh [PLUGIN] - the whole program: the link step of escape-report,
# summaries=FILE, and escape-build (issue 15).
#
# On examples/whole (ten files, each case a function of main.c, the
# expected whole-program warnings its `// linked "ID"' markers), each check
# one counted test:
#   - built through escape-build with make -j1 and make -j4, at -O0 and
#     -O2: the linked SARIF (escape-report --sarif) has exactly the
#     markers' warnings (file, line, id), none printed by GCC at compile
#     time (they rest on other files: pending); -j1 and -j4 give
#     byte-identical SARIF, and so do the reports read in reverse order;
#     --unlinked (each unit alone) has none of them; codeFlows go into
#     the callee's file; quiet.c's static `remember' is not keep.c's;
#   - escape-report --summaries: one `remember' (keep.c's); a compile of
#     main.c with summaries=FILE prints the same warnings; a summary whose
#     source changed, or whose signature differs, is not used; bad
#     summaries files are errors naming the file and the problem;
#   - a symbol defined in two files is reported, not linked;
#   - examples/programs (two programs with their own main, xmalloc and
#     hold, one library) through escape-build at -O0 and -O2: each call
#     resolved within the program (or, for an archive member no program
#     pulls, the archive) it is linked into, nothing "defined twice";
#     libutilsh.so, linked -Wl,--whole-archive, has every member; prog3,
#     compiled and linked in one step, is analysed and linked too;
#     the same reports without link-units.txt: defined twice, as before;
#   - escape-build on a CMake project, a Meson project and with --cdb on a
#     compile_commands.json: reports for every C file, linked warnings.
# Missing tools (make, cmake, meson, ninja, python3) are failures.
# Ends with "N passed, N failed".
root=$(cd "$(dirname "$0")/.." && pwd)
plugin=${1:-$root/plugin/escape.so}
case $plugin in /*) ;; *) plugin=$PWD/$plugin ;; esac
report=$root/build/escape-report
build=$root/scripts/escape-build
CC=${CC:-gcc}
if [ ! -f "$plugin" ] || [ ! -x "$report" ] || [ ! -f "$root/build/escape-intercept.so" ]; then
	echo "run-link.sh: no plugin, build/escape-report or build/escape-intercept.so (run make first)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-link.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
t() { # NAME COMMAND...: one test; what COMMAND printed is shown when it fails
	local name=$1
	shift
	if "$@" >"$tmp/why" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		sed 's/^/     /' "$tmp/why" | head -n 25
	fi
}
missing() {
	failed=$((failed + 1))
	echo "FAIL $1 is missing (scripts/deps.sh --test installs it)"
}
for tool in make python3 cmake meson ninja; do
	command -v $tool >/dev/null 2>&1 || missing $tool
done
export ESCAPE_PLUGIN=$plugin

# --- examples/whole through escape-build --------------------------------
src=$tmp/whole
cp -r "$root/examples/whole" "$src"

# expected FILE: the markers, as "file:line:id" lines
expected() {
	grep -n '// linked "' "$src"/*.c | sed -E 's|^'"$src"'/([^:]*):([0-9]+):.*// linked "([a-z-]+)".*|\1:\2:\3|' | sort
}
expected >"$tmp/expected"

# sarif_warnings SARIF: the same lines of a SARIF log
sarif_warnings() {
	python3 - "$1" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
out = []
for r in log["runs"][0]["results"]:
    if r["level"] != "warning":
        continue
    loc = r["locations"][0]["physicalLocation"]
    out.append("%s:%d:%s" % (loc["artifactLocation"]["uri"], loc["region"]["startLine"], r["ruleId"]))
print("\n".join(sorted(out)))
PY
}

# whole OPT JOBS: a clean build of the copy with escape-build; the reports
# in $tmp/out-OPT-JOBS, GCC's output in .log, the SARIF in .sarif
whole() {
	local o=$tmp/out-$1-$2
	make -s -C "$src" clean >/dev/null
	(cd "$src" && "$build" --out "$o" --sarif "$o.sarif" --summaries "$o.sums" -- \
		make -j"$2" CC="$CC" CFLAGS="-$1") >"$o.log" 2>&1
}
for opt in O0 O2; do
	for j in 1 4; do
		t "whole -$opt make -j$j: escape-build succeeds, one report per C file" \
			eval 'whole $opt $j && [ "$(ls "$tmp/out-$opt-$j"/*.json | wc -l)" = 10 ]'
	done
	o=$tmp/out-$opt-1
	same_warnings() {
		(cd "$src" && "$report" --sarif "$1") >"$tmp/s.sarif" &&
			sarif_warnings "$tmp/s.sarif" >"$tmp/got" &&
			diff "$tmp/expected" "$tmp/got"
	}
	t "whole -$opt: the linked SARIF has exactly the markers' warnings" same_warnings "$o"
	t "whole -$opt: no such warning printed at compile time (pending)" \
		eval '! grep -E "warning: .*\[escape-(kept|return|unknown)\]" "$o.log"'
	t "whole -$opt: make -j1 and -j4 give byte-identical linked SARIF" \
		cmp "$tmp/out-$opt-1.sarif" "$tmp/out-$opt-4.sarif"
	t "whole -$opt: make -j1 and -j4 give byte-identical linked summaries" \
		cmp "$tmp/out-$opt-1.sums" "$tmp/out-$opt-4.sums"
	reversed() {
		(cd "$src" && "$report" --sarif $(ls "$o"/*.json | sort -r)) >"$tmp/rev.sarif" &&
			(cd "$src" && "$report" --sarif "$o") >"$tmp/fwd.sarif" &&
			cmp "$tmp/fwd.sarif" "$tmp/rev.sarif"
	}
	t "whole -$opt: the reports in reverse order link to the same SARIF" reversed
	t "whole -$opt: --unlinked (each unit alone) has none of the warnings" \
		eval '(cd "$src" && "$report" --unlinked --sarif "$o") >"$tmp/u.sarif" &&
			[ -z "$(sarif_warnings "$tmp/u.sarif")" ]'
done
o=$tmp/out-O2-1
flows_across() {
	python3 - "$o.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
want = {  # object's line in main.c -> (file of the last step, its text)
    "defer": ("list.c", "store through pointer l"),
    "probe": ("rec_a.c", "store to global g_last"),
    "keep_one": ("keep.c", "store to global kept"),
    "chain": ("keep.c", "store to global kept"),
}
seen = {}
for r in log["runs"][0]["results"]:
    fn = r["locations"][0]["logicalLocations"][0]["name"]
    steps = r["codeFlows"][0]["threadFlows"][0]["locations"]
    last = steps[-1]["location"]
    seen[fn] = (last["physicalLocation"]["artifactLocation"]["uri"], last["message"]["text"])
bad = [(f, w, seen.get(f)) for f, w in want.items() if seen.get(f) != w]
for b in bad:
    print("%s: want the flow to end at %s, got %s" % b)
sys.exit(1 if bad else 0)
PY
}
t "whole: each kept address's codeFlow goes on into the keeper's file" flows_across
t "whole: the summaries hold keep.c's remember, not quiet.c's static one" \
	eval 'python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
r = [f for f in d[\"functions\"] if f[\"symbol\"] == \"remember\"]
sys.exit(not (len(r) == 1 and r[0][\"file\"].endswith(\"/keep.c\") and r[0][\"heap\"][0] == 0))
" "$o.sums"'
t "whole: the summary counts the unknown callees as none (all are defined)" \
	eval '(cd "$src" && "$report" "$o") | grep -A1 "^Unknown callees" | grep -q "^  none"'

# --- summaries=FILE -------------------------------------------------------
compile_main() { # SUMMARIES: GCC's warnings for main.c with them
	(cd "$src" && $CC -O2 -c -o /dev/null -fplugin="$plugin" \
		-fplugin-arg-escape-summaries="$1" main.c) 2>&1 |
		sed -nE 's/^main.c:([0-9]+):[0-9]+: warning: .*\[(escape-[a-z]+)\].*/main.c:\1:\2/p' | sort
}
t "summaries=: a compile of main.c warns where the link step does" \
	eval 'compile_main "$o.sums" >"$tmp/c" && cut -d: -f1,2 "$tmp/expected" | diff - <(cut -d: -f1,2 "$tmp/c")'
keep_line=$(grep -n 'remember(&n);' "$src/main.c" | cut -d: -f1)
probe_line=$(grep -n 'visit_b(&n, 3);' "$src/main.c" | cut -d: -f1)
stale() {
	cp "$src/keep.c" "$tmp/keep.c.orig"
	echo '/* changed */' >>"$src/keep.c"
	compile_main "$o.sums" >"$tmp/c"
	cp "$tmp/keep.c.orig" "$src/keep.c"
	! grep -q "main.c:$keep_line:" "$tmp/c" && grep -q "main.c:$probe_line:" "$tmp/c"
}
t "summaries=: the summary of a changed source (keep.c) is not used" stale
signature() {
	sed 's/"signature": "(record_type node\*)"/"signature": "(record_type node*,integer_type)"/' \
		"$o.sums" >"$tmp/sig.json"
	! cmp -s "$o.sums" "$tmp/sig.json" && compile_main "$tmp/sig.json" >"$tmp/c" &&
		! grep -q "main.c:$keep_line:" "$tmp/c" && grep -q "main.c:$probe_line:" "$tmp/c"
}
t "summaries=: a summary whose signature differs is not used" signature
bad_summaries() { # NAME CONTENT WANT
	printf '%s' "$2" >"$tmp/$1.json"
	(cd "$src" && $CC -c -o /dev/null -fplugin="$plugin" \
		-fplugin-arg-escape-summaries="$tmp/$1.json" writer.c) >"$tmp/err" 2>&1 && return 1
	grep -F "$1.json" "$tmp/err" | grep -qF "$3" || { cat "$tmp/err"; return 1; }
}
t "summaries=: not JSON is an error naming the file" bad_summaries broken '{"a":' "not valid JSON"
t "summaries=: another file's JSON is an error" bad_summaries other '{"version": 1}' "not an escape summaries file"
t "summaries=: a wrong field names the function and the field" bad_summaries field \
	'{"escape-summaries": 1, "functions": [{"symbol": "f", "nparams": 1, "heap": [0], "sure": [null, null], "result": [null, null]}]}' \
	'(f): "heap" is not an array'
t "summaries=: a missing file is an error" eval '(cd "$src" && $CC -c -o /dev/null -fplugin="$plugin" \
	-fplugin-arg-escape-summaries="$tmp/nothing.json" writer.c) 2>&1 | grep -q "nothing.json: cannot read"'

# --- `// linked' markers of the other suites ------------------------------
# A warning that rests on a function of no body and no rule is the link
# step's (the compiler prints none): each file of testsuite/ with such a
# marker, alone in a build, has that warning in the linked SARIF.
linked_markers() { # FILE: file:line:id of its `// linked "ID"' markers
	grep -n '// linked "\|linked "escape-' "$1" |
		sed -E 's|^([0-9]+):.*linked "([a-z-]+)".*|'"$(basename "$1")"':\1:\2|' | sort
}
for f in $(grep -l 'linked "escape-' "$root"/testsuite/*/*.c); do
	one_file() {
		local d=$tmp/one/$(basename "$f" .c)
		mkdir -p "$d/json" || return 1
		(cd "$(dirname "$f")" && $CC -O2 -c -o /dev/null -fplugin="$plugin" \
			-fplugin-arg-escape-json="$d/json/" "$(basename "$f")" -w) || return 1
		"$report" --root "$(dirname "$f")" --sarif "$d/json" >"$d/s.sarif" || return 1
		sarif_warnings "$d/s.sarif" >"$d/got"
		linked_markers "$f" >"$d/want"
		[ -s "$d/want" ] && comm -23 "$d/want" "$d/got" >"$d/missing" && [ ! -s "$d/missing" ] ||
			{ echo "missing:"; cat "$d/missing"; echo "got:"; cat "$d/got"; return 1; }
	}
	t "linked markers of ${f#$root/}: in the linked SARIF" one_file
done

# --- undo and teardown across files (testsuite/link/undo) ---------------
# A later call defined in another file that tears down or undoes what an
# earlier one kept: init/end (the state the init allocates holds the
# stream until the end clears it), a placeholder pushed on an array stack
# and popped, an event registered in a base that is freed.  The linked
# SARIF has exactly the `// linked' markers of main.c (the keeper without
# its end, or with the end on one path only), at -O0 and -O2.
# markers_case DIR FILES OPT [FLAGS]: FILES (space-separated) of
# testsuite/link/DIR compiled at -OPT (and FLAGS) with their reports in
# $tmp/DIR-OPTFLAGS/json; the linked SARIF has exactly the `// linked'
# markers of its main.c ($tmp/DIR-OPTFLAGS/want, got, s.sarif)
markers_case() {
	local src=$root/testsuite/link/$1 d=$tmp/$1-$3$4 f
	mkdir -p "$d/json" || return 1
	for f in $2; do
		(cd "$src" && $CC -$3 $4 -c -o /dev/null -fplugin="$plugin" \
			-fplugin-arg-escape-json="$d/json/" "$f") || return 1
	done
	"$report" --root "$src" --sarif "$d/json" >"$d/s.sarif" || return 1
	sarif_warnings "$d/s.sarif" >"$d/got"
	linked_markers "$src/main.c" >"$d/want"
	[ -s "$d/want" ] && diff "$d/want" "$d/got"
}
# summaries_case DIR OPT: after markers_case DIR FILES OPT, the linked
# summaries of its reports ($tmp/DIR-OPT/sums.json) given to a compile of
# main.c (summaries=): it warns where the link step does
summaries_case() {
	local src=$root/testsuite/link/$1 d=$tmp/$1-$2
	"$report" --summaries -o "$d/sums.json" "$d/json" || return 1
	(cd "$src" && $CC -$2 -c -o /dev/null -fplugin="$plugin" \
		-fplugin-arg-escape-summaries="$d/sums.json" main.c) 2>&1 |
		sed -nE 's/^main.c:([0-9]+):[0-9]+: warning: .*\[escape-[a-z]+\].*/main.c:\1/p' |
		sort >"$d/c"
	cut -d: -f1,2 "$d/want" | sort | diff - "$d/c"
}
for opt in O0 O2; do
	t "undo -$opt: a later call in another file that undoes the keeper (exactly the markers)" markers_case undo "lib.c main.c" $opt
done
# the same with the linked summaries at compile time (their effects)
for opt in O0 O2; do
	t "undo -$opt: summaries=: a compile of main.c warns where the link step does" summaries_case undo $opt
done

# --- error functions of another file that never return
# (testsuite/link/noreturn) -------------------------------------------------
# A placeholder pushed on a stack and popped before every return but those
# of the error paths, which return through a function of another file
# that never returns, none declared so (Lua's str_format: return
# luaL_error(...), luaL_error -> lua_error -> luaD_throw's longjmp): each
# report says which callees a function returns only through, the link step
# solves "never returns" over the build and takes an undo that needs them.
# An error function that returns on one path, one that rests on a function
# defined nowhere, no pop on the normal path: the markers.
for opt in O0 O2; do
	t "noreturn -$opt: error paths through functions of other files that never return (exactly the markers)" markers_case noreturn "throw.c err.c main.c" $opt
done
# the same with the linked summaries at compile time ("noreturn")
for opt in O0 O2; do
	t "noreturn -$opt: summaries=: a compile of main.c warns where the link step does" summaries_case noreturn $opt
done

# --- an array freed in a loop (testsuite/link/arrays) ---------------------
# Each element made by a loop and given the address of x[i] by another
# file's function, each freed (the null ones skipped) by a later loop over
# the same range: no warning; an element cleared after the call, a shorter
# range freed, a free under another element's test: the markers.  (Not
# with summaries=: a compile sees the keeping call's handle as one key and
# does not follow the element's stores; the link step's undo candidates
# do.)
for opt in O0 O2; do
	t "arrays -$opt: an array freed in a loop over the range that made it (exactly the markers)" markers_case arrays "lib.c main.c" $opt
done

# --- list unlink and handle teardown across files (testsuite/link/unlink,
# testsuite/link/handle) ----------------------------------------------------
# unlink: a node linked into a list by one function of another file (BSD
# LIST_INSERT_HEAD with the entry inside the node, Linux list_add) and
# unlinked by another (*n->e.prevp = n->e.next; n->prev->next = n->next),
# directly, by a call on every path, unless a flag (or a bit of it) the
# keeper sets is zero, or by a call made where that bit is set (if
# (n->flags & 1) del(n), one call further too): no warning; never
# unlinked, unlinked on one path, another node or the other list
# unlinked, a guarded remover after a keeper that does not set the flag
# or clears it again, a guard or call on another bit than the keeper's,
# the node re-assigned, zeroed, its link cleared or re-initialised by a
# call after the keeper: the markers.  handle: the event re-initialised
# after the add is still in the list.
# handle: an event registered in the base an earlier call stored in it
# (assign(&e, b); add(&e); base_free(b), base_free defaulting a null base
# to a global): no warning; the base kept, another base freed, freed on
# one path, the event moved to another base before or assigned after the
# add, a keeper given the base itself, a teardown that frees nothing: the
# markers.  At -O0 and -O2, and the same through summaries= (unlink: its
# "unlink" effects).
# skips: the remover returns early, without unlinking, only where the
# keeper linked nothing (a flag bit the keeper refuses and never sets; a
# negative descriptor its io map ignores, given as an integer argument
# that is the node's field), and unlinks by the node's kind through the
# io or the signal map (the two arms of one if, under the inserted bit),
# libevent's event_add/event_del: no warning, one call further too;
# never removed, removed on one path, another node removed, an early
# return on a bit the keeper does not refuse, a signal node given a
# remover of io nodes only, a keeper that links a negative descriptor
# too (with the remover's own test of it, too), a keeper that sets the
# bit the remover skips on: the markers ("skip"/"refuse" in summaries=).
# searchunlink: the remover searches the list for the cell that holds the
# node and gives it the node's successor (while (*pp != n) pp =
# &(*pp)->next; *pp = n->next;, SQLite's sqlite3_backup_finish) under the
# flag the keeper sets: no warning; never removed, removed on one path, a
# search that can leave without finding it, another node's cell given
# its successor, a keeper that does not set the flag: the markers.
list_case() { # DIR OPT
	markers_case "$1" "lib.c main.c" "$2" || return 1
	[ "$1" = unlink ] || [ "$1" = handle ] || [ "$1" = skips ] ||
		[ "$1" = searchunlink ] || return 0
	summaries_case "$1" "$2" || return 1
	[ "$1" = handle ] || grep -q '"unlink"' "$tmp/$1-$2/sums.json" ||
		{ echo "no unlink effect in the summaries"; return 1; }
	[ "$1" != skips ] || grep -q '"skip"' "$tmp/$1-$2/sums.json" ||
		{ echo "no unlink skip in the summaries"; return 1; }
}
for opt in O0 O2; do
	t "unlink -$opt: a node unlinked by another file's function (exactly the markers; summaries= too)" list_case unlink $opt
	t "handle -$opt: the base an earlier call stored in the event, freed (exactly the markers; summaries= too)" list_case handle $opt
	t "skips -$opt: a remover that skips only where the keeper linked nothing (exactly the markers; summaries= too)" list_case skips $opt
	t "searchunlink -$opt: a node unlinked by a search of its list (exactly the markers; summaries= too)" list_case searchunlink $opt
done

# --- an event loop's drain (testsuite/link/drain) -------------------------
# rules/libevent.json's "loop" model on a small library under libevent's
# names: an event linked into the base it was bound to (event_assign,
# event_set's default base; event_add, event_active; a one-shot
# event_base_once holding its argument) and that base drained
# (event_base_dispatch, event_dispatch) on every path after it (a stack
# event finalized, event_finalize; a new event holding x, event_new,
# finalized to be freed, event_free_finalize, then drained), with no
# loop exit reachable from the function over the build's call graph (its
# calls and the callbacks it registers), or one reached only through the
# event's own callback when the event is one-shot (events without
# EV_PERSIST; event_base_once's) and the function registers that
# callback only there, and event_base_loop(base, flags) with constant
# flags without EVLOOP_ONCE/NONBLOCK: no warning; the function or a
# callback it registers (directly, two calls down, or a callback of the
# library's, of a persistent event; another event's, the same callback
# for two events, one the function also calls or stores, one that
# re-adds its event, events not known, the event bound again persistent
# or bound on two branches, added again after the dispatch) exits the
# loop, a check that returns between
# the add and the dispatch, one pass only (EVLOOP_ONCE, EVLOOP_NONBLOCK,
# flags not known), no dispatch, another base
# dispatched, the default one dispatched for an event bound to a base or
# moved off it, a once event of another base, an indirect call; a new
# event only finalized (not freed), never finalized, finalized to be
# freed but not drained, with a check between, on one path only, or
# drained on another base: the markers.
for opt in O0 O2; do
	t "drain -$opt: an event loop drained of the base the event was linked into (exactly the markers)" markers_case drain "lib.c main.c" $opt
done

# --- teardown through allocator hooks (testsuite/link/hooks) ------------
# A handle kept in the heap and freed through the program's deallocator
# hook or wrapper (mm_free: the hook if set, else free(); a handle's own
# free_fcn field, set to free() or the caller's), also when the freed
# value merges the handle with null (if (ev) ev_free(ev) after ev = NULL
# and a jump to the end); a release that clears every pointer field the
# keeper set in the handle's object (conn_free: conn_setcb(c, NULL, ...)
# under a reference count); and with -fexceptions, whose EH edges are no
# path of C.  Exactly the `// linked' markers of main.c (the handle
# dropped, freed on one path, another handle freed, handed to a hook that
# frees nothing).
for opt in O0 O2; do
	t "hooks -$opt: teardown through allocator hooks and wrappers (exactly the markers)" markers_case hooks "lib.c main.c" $opt
	t "hooks -$opt -fexceptions: the same markers" markers_case hooks "lib.c main.c" $opt -fexceptions
done

# --- a block released by the program's deallocator (testsuite/link/release)
# A caller's address stored (directly, or by a same-file callee's store
# into &az[i]) into a block of the program's allocator, which a function
# of another file releases before the function returns: through a field
# of a struct set only to a function of its file that frees (SQLite's
# sqlite3_free -> sqlite3GlobalConfig.m.xFree = sqlite3MemFree), or a
# plain wrapper of free(): no warning.  The release missing, on one path
# only, of another block, a "release" that keeps its argument, one
# through a field also set to a function that keeps, one that frees on
# one path only: the markers.  At -O0 and -O2.
for opt in O0 O2; do
	t "release -$opt: a block released by another file's deallocator (exactly the markers)" markers_case release "lib.c main.c" $opt
done

# --- a handle kept in the caller's own memory (testsuite/link/slots) -----
# A keeper's handle stored into a slot of a frame object (an array
# element, a struct field, the kept variable itself: ev = ev_new(cb,
# &ev)) and released through a value loaded back from that very slot,
# also when the reload is tested for null first (if (ev) ev_free(ev));
# the slot given another value on one path, another slot freed, an early
# return, keep warning.  Exactly the `// linked' markers of main.c, at
# -O0 and -O2.
for opt in O0 O2; do
	t "slots -$opt: a handle released through the caller's slot it was stored in (exactly the markers)" markers_case slots "lib.c main.c" $opt
done

# --- a removal under a test the keeping path makes hold (testsuite/link/flags)
# The removal of a node another file's function registered, under a local
# flag that every path on which the registration ran set after it (int or
# _Bool, through the merges of early exits and a loop): no warning; the
# flag set before the call on one path only, cleared after it on one
# path, another flag, the guard negated, an early return, a flag reset on
# a later turn of a loop: the markers.  At -O0 and -O2.
for opt in O0 O2; do
	t "flags -$opt: a removal under a flag set on the keeping path (exactly the markers)" markers_case flags "lib.c main.c" $opt
done

# --- summaries= agrees with the link step (testsuite/link/agree) ---------
# The undo rules that need the keeper's own stores: a release clearing
# every pointer field the keeper wrote in the object it stored the
# address into (conn_setcb/conn_free), and a handle an earlier call
# stored in the kept object, freed (ev_assign/ev_add/base_free).  The
# link step warns exactly at the `// linked' markers of main.c, and a
# compile of main.c given the linked summaries (summaries=) on the same
# lines, at -O0 and -O2.
agree_case() { # OPT
	markers_case agree "lib.c main.c" "$1" && summaries_case agree "$1"
}
for opt in O0 O2; do
	t "agree -$opt: the link step and a summaries= compile undo alike (exactly the markers, both)" agree_case $opt
done

# --- reference counts (testsuite/link/refcnt) ------------------------------
# A constructor in another file returns an object with its count set to 1
# (directly, or through a wrapper returning its result, on ? lis_new() :
# NULL too); the release frees it where the count, decremented, reaches 0
# (int r = --l->refcnt; if (r == 0) ...free; if (--p->refcnt == 0)
# port_free(p); if (--b->refcnt > 0) return; ... free).  The caller holds
# the only reference when no other call given the object writes the count:
# what the constructor kept in the object is freed with it.  No warning for
# that; an extra reference taken before the release, the release on one
# path only, a constructor that sets the count to 2 or not at all, a
# release at another value (--f == 1), the object handed to a function
# defined nowhere, the other object released, a reference the library
# itself takes: the markers.  The link step and a summaries= compile alike,
# at -O0 and -O2.
refcnt_case() { # OPT
	markers_case refcnt "lib.c main.c" "$1" && summaries_case refcnt "$1"
}
for opt in O0 O2; do
	t "refcnt -$opt: a count set to 1, released where it reaches 0 (exactly the markers; summaries= too)" refcnt_case $opt
done

# --- constant selectors of variadic arguments (testsuite/link/vwhen) -----
# A variadic function of another file that keeps its variadic arguments
# only under some constants of a parameter (switch (op)): a call with
# another constant there (or a value a case fixes to others) keeps
# nothing.  The linked SARIF has exactly the `// linked' markers of
# main.c, at -O0 and -O2.
for opt in O0 O2; do
	t "vwhen -$opt: a constant selector no keeping read happens under (exactly the markers)" markers_case vwhen "lib.c main.c" $opt
done
# the same with the linked summaries at compile time
for opt in O0 O2; do
	t "vwhen -$opt: summaries=: a compile of main.c warns where the link step does" summaries_case vwhen $opt
done

# --- constant-argument guards across files (testsuite/link/guards) -----
# A function of another file that keeps an argument only under a test of
# a flags parameter (bash's hash_search: the key under HASH_CREATE), a
# wrapper in a third file that passes a constant (find_alias: 0): a
# caller's stack buffer is kept only where the constant has the bit.
# The linked SARIF has exactly the `// linked' markers of main.c, at -O0
# and -O2.
guards_dir=$root/testsuite/link/guards
guards_case() { # OPT
	local d=$tmp/guards-$1
	mkdir -p "$d/json" || return 1
	for f in table.c alias.c main.c; do
		(cd "$guards_dir" && $CC -$1 -c -o /dev/null -fplugin="$plugin" \
			-fplugin-arg-escape-json="$d/json/" "$f") || return 1
	done
	"$report" --root "$guards_dir" --sarif "$d/json" >"$d/s.sarif" || return 1
	sarif_warnings "$d/s.sarif" >"$d/got"
	linked_markers "$guards_dir/main.c" >"$d/want"
	[ -s "$d/want" ] && diff "$d/want" "$d/got"
}
for opt in O0 O2; do
	t "guards -$opt: a flags guard of another file's function, a constant from a wrapper (exactly the markers)" guards_case $opt
done

# --- a guard on a global the program never sets (testsuite/link/globals)
# lib.c keeps an event in a global map only while a global flag is set
# (libevent's debug mode: if (!event_debug_mode_on_) return; in
# event_debug_note_setup_, under event_assign), or a static one under a
# mask set only by a setter; each other file is a program of its own
# with lib.c (its main).  No function the program can run (from main,
# over the reports' calls, and the functions static data holds) writing
# the flag: no warning (quiet.c, also with the setter called only from a
# function nothing calls).  The flag set on one path of main, by a
# setter two calls down, by a callback main registers (atexit), by a
# function only a static table holds, called through it, by a
# constructor, through its address taken in another file or held by
# static data; a flag that starts set; a keeper with no guard: the
# markers.  The same through a wrapper in a third file (wrap.c):
# wrapmain.c quiet but for its unguarded keeper, wrapon.c (the flag set)
# warns.
globals_case() { # OPT PROGRAM [FILE...]: lib.c, PROGRAM.c and the FILEs
	local src=$root/testsuite/link/globals d=$tmp/globals-$1-$2 f
	mkdir -p "$d/json" || return 1
	for f in lib.c "$2.c" "${@:3}"; do
		(cd "$src" && $CC -$1 -c -o /dev/null -fplugin="$plugin" \
			-fplugin-arg-escape-json="$d/json/" "$f") || return 1
	done
	"$report" --root "$src" --sarif "$d/json" >"$d/s.sarif" || return 1
	sarif_warnings "$d/s.sarif" >"$d/got"
	linked_markers "$src/$2.c" >"$d/want"
	[ -s "$d/want" ] && diff "$d/want" "$d/got"
}
for opt in O0 O2; do
	for p in quiet enable verbose callback table addr datap ctor; do
		t "globals -$opt: $p.c: a guard on a global no function the program runs writes (exactly the markers)" globals_case $opt $p
	done
	for p in wrapmain wrapon; do
		t "globals -$opt: $p.c: the guarded keeper through a wrapper of another file (exactly the markers)" globals_case $opt $p wrap.c
	done
done
# globals_summaries OPT PROGRAM: after globals_case OPT PROGRAM, a compile
# of PROGRAM.c with the linked summaries (summaries=) warns where the link
# step does
globals_summaries() {
	local src=$root/testsuite/link/globals d=$tmp/globals-$1-$2
	"$report" --summaries -o "$d/sums.json" "$d/json" || return 1
	(cd "$src" && $CC -$1 -c -o /dev/null -fplugin="$plugin" \
		-fplugin-arg-escape-summaries="$d/sums.json" "$2.c") 2>&1 |
		sed -nE 's/^'"$2"'.c:([0-9]+):[0-9]+: warning: .*\[escape-[a-z]+\].*/'"$2"'.c:\1/p' |
		sort >"$d/c"
	cut -d: -f1,2 "$d/want" | sort | diff - "$d/c"
}
for opt in O0 O2; do
	for p in quiet enable wrapmain wrapon; do
		t "globals -$opt: $p.c: summaries=: a compile warns where the link step does" globals_summaries $opt $p
	done
done

# --- the trail a linked warning rests on (testsuite/link/trail) ----------
# keep () of lib.c hands its argument to a static function of its file
# that keeps it surely (a store to a global) and by assumption (a typed
# argument of a function known only by name): main.c's linked warning
# (exactly the markers) has a codeFlow that goes on through the static
# callee to the store, at -O0 and -O2.
trail_case() { # OPT
	local d=$tmp/trail-$1
	markers_case trail "lib.c main.c" "$1" || return 1
	python3 - "$d/s.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
r = log["runs"][0]["results"][0]
steps = [(s["location"]["physicalLocation"]["artifactLocation"]["uri"],
          s["location"]["message"]["text"])
         for s in r["codeFlows"][0]["threadFlows"][0]["locations"]]
want = [("main.c", "address-of c"), ("main.c", "argument 1 of keep (kept by its body)"),
        ("lib.c", "argument 1 of stash (kept by its body)"), ("lib.c", "assign d"),
        ("lib.c", "store to global saved")]
if steps != want:
    print("want %s, got %s" % (want, steps))
    sys.exit(1)
PY
}
for opt in O0 O2; do
	t "trail -$opt: a linked warning's codeFlow goes on through a static keeper to the store it rests on" trail_case $opt
done

# --- a store into the caller's own local (testsuite/link/framestore) -----
# A callee of another file stores one argument into the memory another
# points to, and that other is the caller's local (lua_load's ZIO z;
# luaZ_init(L, &z, reader, data)): the value is kept only as far as what
# the local holds goes (handed to a keeper, copied into a global), or
# when the memory is not a local.  Exactly the `// linked' markers of
# main.c, at -O0 and -O2.
for opt in O0 O2; do
	t "framestore -$opt: a store into the caller's own local keeps only what the local hands on (exactly the markers)" markers_case framestore "lib.c load.c main.c" $opt
done

# --- a symbol defined twice ---------------------------------------------
twice() {
	mkdir -p "$tmp/twice/a" "$tmp/twice/b" "$tmp/twice/json"
	printf 'int *kept;\nvoid hold(int *p) { kept = p; }\n' >"$tmp/twice/a/hold.c"
	printf 'void hold(int *p) { (void)p; }\n' >"$tmp/twice/b/hold.c"
	printf 'void hold(int *p);\nvoid use(void) { int x; hold(&x); }\n' >"$tmp/twice/use.c"
	for f in a/hold.c b/hold.c use.c; do
		(cd "$tmp/twice" && $CC -c -o /dev/null -fplugin="$plugin" \
			-fplugin-arg-escape-json="$tmp/twice/json/" "$f") || return 1
	done
	(cd "$tmp/twice" && "$report" json) >"$tmp/twice/out" 2>"$tmp/twice/err"
	grep -q 'defined twice, not linked: hold (a/hold.c:2, b/hold.c:1)' "$tmp/twice/err" &&
		grep -q 'hold (a/hold.c:2, b/hold.c:1)' "$tmp/twice/out" &&
		grep -A1 '^Unknown callees' "$tmp/twice/out" >/dev/null
}
t "a symbol defined in two files is reported, not linked" twice

# --- programs and archives of one build -----------------------------------
progs=$tmp/programs
cp -r "$root/examples/programs" "$progs"
(cd "$progs" && grep -n '// linked "' *.c | sed -E 's|^([^:]*):([0-9]+):.*// linked "([a-z-]+)".*|\1:\2:\3|' |
	sort) >"$tmp/prog-expected"
for opt in O0 O2; do
	o=$tmp/prog-$opt
	programs() {
		make -s -C "$progs" clean >/dev/null
		(cd "$progs" && "$build" --out "$o" --sarif "$o.sarif" -- make -j2 CC="$CC" CFLAGS="-$opt") \
			>"$o.log" 2>&1 || { cat "$o.log"; return 1; }
		grep -q "^unit program .*/prog1$" "$o/link-units.txt" &&
			grep -q "^unit program .*/prog2$" "$o/link-units.txt" &&
			grep -q "^unit archive .*/libutil.a$" "$o/link-units.txt" &&
			sed -n '/^unit program .*\/prog3$/,/^unit/p' "$o/link-units.txt" | grep -q "^source .*/main3.c$" &&
			sed -n '/^unit shared .*\/libutilsh.so$/,/^unit/p' "$o/link-units.txt" | grep -q "^source .*/extra.c$" ||
			{ cat "$o/link-units.txt"; return 1; }
		sarif_warnings "$o.sarif" >"$tmp/got" && diff "$tmp/prog-expected" "$tmp/got" || return 1
		! grep -i "defined twice" "$o.log" &&
			grep -A1 "^Unknown callees" "$o.log" | grep -q "^  none"
	}
	t "programs -$opt: each call linked within its program or archive, none defined twice" programs
done
programs_jobs() { # make -j1 and -j4 of a copy at the same path: the same units and SARIF
	local j
	for j in 1 4; do
		rm -rf "$tmp/pj" && cp -r "$root/examples/programs" "$tmp/pj" &&
			(cd "$tmp/pj" && "$build" --out "$tmp/pj/out" --sarif "$tmp/pj-$j.sarif" -- \
				make -j$j CC="$CC" CFLAGS=-O2) >"$tmp/pj.log" 2>&1 || { cat "$tmp/pj.log"; return 1; }
		cp "$tmp/pj/out/link-units.txt" "$tmp/pj-$j.units"
	done
	cmp "$tmp/pj-1.units" "$tmp/pj-4.units" && cmp "$tmp/pj-1.sarif" "$tmp/pj-4.sarif"
}
t "programs: make -j1 and -j4 give byte-identical link-units.txt and linked SARIF" programs_jobs
without_units() {
	mkdir -p "$tmp/prog-nu" && cp "$tmp/prog-O2"/*.json "$tmp/prog-nu/" &&
		(cd "$progs" && "$report" "$tmp/prog-nu") >"$tmp/nu.out" 2>"$tmp/nu.err" || return 1
	grep -q "defined twice, not linked: hold (extra.c:8, xm1.c:13, xm2.c:13)" "$tmp/nu.err" &&
		grep -q "defined twice, not linked: xmalloc (xm1.c:4, xm2.c:4)" "$tmp/nu.err" &&
		grep -q "defined twice, not linked: main (main1.c:7, main2.c:7, main3.c:6)" "$tmp/nu.err" ||
		{ cat "$tmp/nu.err"; return 1; }
}
t "programs: the same reports without link-units.txt: one program, defined twice" without_units
bad_units() {
	mkdir -p "$tmp/prog-bad" && cp "$tmp/prog-O2"/*.json "$tmp/prog-bad/" &&
		printf 'escape-link-units 1\nsource /x.c\n' >"$tmp/prog-bad/link-units.txt"
	"$report" "$tmp/prog-bad" >/dev/null 2>"$tmp/bad.err"
	[ $? = 2 ] && grep -q 'prog-bad/link-units.txt:2: not a link-units file: a "source" before any "unit"' "$tmp/bad.err" ||
		{ cat "$tmp/bad.err"; return 1; }
}
t "programs: a bad link-units.txt is an error naming the file and line" bad_units

# --- escape-build on CMake, Meson and a compilation database ------------
proj=$tmp/proj
mkdir -p "$proj"
for f in node.h walker.c list.c text.c rec_a.c rec_b.c keep.c quiet.c writer.c wrap.c main.c; do
	cp "$src/$f" "$proj/"
done
cat >"$proj/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.10)
project(whole C)
add_executable(whole main.c walker.c list.c text.c rec_a.c rec_b.c keep.c quiet.c writer.c wrap.c)
EOF
cat >"$proj/meson.build" <<'EOF'
project('whole', 'c')
executable('whole', 'main.c', 'walker.c', 'list.c', 'text.c', 'rec_a.c', 'rec_b.c',
           'keep.c', 'quiet.c', 'writer.c', 'wrap.c')
EOF
built_right() { # OUT: 10 reports, the markers' warnings in the linked SARIF
	[ "$(ls "$1"/*.json 2>/dev/null | wc -l)" = 10 ] || { echo "reports: $(ls "$1")"; return 1; }
	(cd "$proj" && "$report" --sarif "$1") >"$tmp/p.sarif" &&
		sarif_warnings "$tmp/p.sarif" >"$tmp/got" && diff "$tmp/expected" "$tmp/got"
}
cmake_build() {
	(cd "$proj" && CC=$CC cmake -S . -B cm -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null &&
		"$build" --out "$tmp/cm-out" -- cmake --build cm -j 2) >"$tmp/cm.log" 2>&1 ||
		{ cat "$tmp/cm.log"; return 1; }
	built_right "$tmp/cm-out"
}
t "escape-build -- cmake --build: every C file, linked warnings" cmake_build
meson_build() {
	(cd "$proj" && CC=$CC meson setup ms >/dev/null &&
		"$build" --out "$tmp/ms-out" -- meson compile -C ms) >"$tmp/ms.log" 2>&1 ||
		{ cat "$tmp/ms.log"; return 1; }
	built_right "$tmp/ms-out"
}
t "escape-build -- meson compile: every C file, linked warnings" meson_build
ninja_build() {
	(cd "$proj" && ninja -C ms -t clean >/dev/null &&
		"$build" --out "$tmp/nj-out" -- ninja -C ms) >"$tmp/nj.log" 2>&1 ||
		{ cat "$tmp/nj.log"; return 1; }
	built_right "$tmp/nj-out"
}
t "escape-build -- ninja: every C file, linked warnings" ninja_build
cdb_build() {
	[ -f "$proj/cm/compile_commands.json" ] || { echo "no compile_commands.json"; return 1; }
	(cd "$proj" && "$build" --out "$tmp/cdb-out" --sarif "$tmp/cdb.sarif" \
		--cdb cm/compile_commands.json -j 2) >"$tmp/cdb.log" 2>&1 || { cat "$tmp/cdb.log"; return 1; }
	built_right "$tmp/cdb-out"
}
t "escape-build --cdb compile_commands.json: every C file, linked warnings" cdb_build
t "escape-build: no build command is a usage error" \
	eval '"$build" --out "$tmp/x" 2>&1 | grep -q "no build command"; [ "${PIPESTATUS[0]}" = 2 ]'
t "escape-build --cdb: a file that is not a database is an error naming it" \
	eval 'echo "{}" >"$tmp/nodb.json"; "$build" --cdb "$tmp/nodb.json" 2>&1 | grep -q "nodb.json: not a compilation database"'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
