#!/bin/sh
# deb-check.sh - the Debian package, end to end (make check-deb): builds it
# from a copy of this tree with `dpkg-buildpackage -us -uc -b` for the GCC
# $CC (default gcc), runs lintian on it (any tag fails), installs it with
# dpkg -i, checks that `$CC -fplugin=escape` works with no path and that
# escape-report, escape-cc, escape-build, the header and the manual pages
# are in place and work,
# then removes it with dpkg -r and checks that none of its files is left.
#
# Changes this machine (it installs and removes the package): CI runs it
# (.ci/run); it refuses to run if a package named escape is installed.
# Needs root; installs debhelper, lintian, dpkg-dev and fakeroot with
# apt-get when missing.  Ends with "N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
CC=${CC:-gcc}
CXX=${CXX:-g++}
passed=0 failed=0
ok() {
	echo "PASS: $*"
	passed=$((passed + 1))
}
bad() {
	echo "FAIL: $*"
	[ $# -lt 2 ] || sed 's/^/    /' "$2" | head -n 40
	failed=$((failed + 1))
}
end() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

[ "$(id -u)" = 0 ] || { echo "deb-check: needs root (dpkg -i)" >&2; exit 2; }
if dpkg-query -W -f '${Status}' escape 2>/dev/null | grep -q installed; then
	echo "deb-check: a package escape is installed here; remove it first" >&2
	exit 2
fi
missing=""
for t in dh:debhelper lintian:lintian dpkg-buildpackage:dpkg-dev fakeroot:fakeroot; do
	command -v "${t%%:*}" >/dev/null 2>&1 || missing="$missing ${t#*:}"
done
if [ -n "$missing" ]; then
	echo "deb-check: installing$missing"
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing \
		>/dev/null || { echo "deb-check: apt-get install$missing failed" >&2; exit 2; }
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-deb.XXXXXX") || exit 2
trap 'dpkg -r escape >/dev/null 2>&1; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
src=$tmp/escape
mkdir -p "$src"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git -C "$root" ls-files -z -co --exclude-standard |
		tar -C "$root" --null -T - -cf - | tar -C "$src" -xf -
else
	tar -C "$root" --exclude=./.git --exclude=./build \
		--exclude=./plugin/escape.so -cf - . | tar -C "$src" -xf -
fi

gccv=$("$CC" -dumpfullversion)
if (cd "$src" && CC=$CC CXX=$CXX dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1; then
	ok "dpkg-buildpackage -us -uc -b for GCC $gccv: $(cd "$tmp" && ls escape_*.deb)"
else
	bad "dpkg-buildpackage -us -uc -b for GCC $gccv" "$tmp/build.log"
	tail -n 30 "$tmp/build.log"
	end
fi
deb=$(ls "$tmp"/escape_*.deb)

lintian --fail-on warning,info,pedantic --display-info "$tmp"/escape_*.changes \
	>"$tmp/lintian.log" 2>&1
rc=$?
if [ $rc -eq 0 ] && ! grep -q '^[EWIPX]: ' "$tmp/lintian.log"; then
	ok "lintian $(lintian --version | awk '{ print $NF }'): no tag"
else
	bad "lintian (exit $rc)" "$tmp/lintian.log"
fi

if dpkg -i "$deb" >"$tmp/install.log" 2>&1; then
	ok "dpkg -i $(basename "$deb")"
else
	bad "dpkg -i $(basename "$deb")" "$tmp/install.log"
	end
fi
dpkg -L escape | sort >"$tmp/files"
plugindir=$("$CC" -print-file-name=plugin)
for f in "$plugindir/escape.so" /usr/bin/escape-report /usr/bin/escape-cc \
	/usr/bin/escape-build /usr/lib/escape/escape-intercept.so \
	/usr/include/escape-noescape.h /usr/share/man/man1/escape-report.1.gz; do
	if grep -qx "$f" "$tmp/files" && [ -f "$f" ]; then
		ok "installed: $f"
	else
		bad "not installed: $f"
	fi
done
if ls "$plugindir"/escape-rules/*.json >/dev/null 2>&1; then
	ok "installed: the rules in $plugindir/escape-rules/"
else
	bad "no rules in $plugindir/escape-rules/"
fi

# The installed plugin, with no path; the installed tools on its report.
cp "$root/examples/demo.c" "$tmp/demo.c"
if (cd "$tmp" && "$CC" -c demo.c -o demo.o -pthread -fplugin=escape \
	-fplugin-arg-escape-m=1 -fplugin-arg-escape-json=demo.json) >"$tmp/notes" 2>&1 &&
	grep -q 'note: .* escapes to heap' "$tmp/notes"; then
	ok "$CC -fplugin=escape (no path): $(grep -c 'note:' "$tmp/notes") notes"
else
	bad "$CC -fplugin=escape (no path)" "$tmp/notes"
fi
if (cd "$tmp" && escape-report --sarif demo.json) >"$tmp/sarif" 2>&1 &&
	grep -q '2\.1\.0' "$tmp/sarif"; then
	ok "escape-report --sarif on its report"
else
	bad "escape-report --sarif on its report" "$tmp/sarif"
fi
if (cd "$tmp" && escape-cc --arg=m "$CC" -c demo.c -o demo2.o -pthread) >"$tmp/cc" 2>&1 &&
	grep -q 'escapes to heap' "$tmp/cc"; then
	ok "escape-cc $CC (the installed plugin)"
else
	bad "escape-cc $CC (the installed plugin)" "$tmp/cc"
fi
# escape-build, its LD_PRELOAD library and escape-report as installed: a
# one-file make build, its report linked
mkdir -p "$tmp/eb" && cp "$tmp/demo.c" "$tmp/eb/demo.c"
printf 'demo.o: demo.c\n\t$(CC) -c demo.c -o demo.o -pthread\n' >"$tmp/eb/Makefile"
if (cd "$tmp/eb" && escape-build --out out -- make CC="$CC") >"$tmp/eb.log" 2>&1 &&
	[ -n "$(ls "$tmp"/eb/out/*.json 2>/dev/null)" ]; then
	ok "escape-build -- make (the installed plugin, intercept and escape-report)"
else
	bad "escape-build -- make" "$tmp/eb.log"
fi

if dpkg -r escape >"$tmp/remove.log" 2>&1; then
	ok "dpkg -r escape"
else
	bad "dpkg -r escape" "$tmp/remove.log"
fi
left=""
while read -r f; do
	[ -e "$f" ] && [ ! -d "$f" ] && left="$left $f"
done <"$tmp/files"
[ -d "$plugindir/escape-rules" ] && left="$left $plugindir/escape-rules/"
if [ -z "$left" ]; then
	ok "nothing of the package left after dpkg -r ($(wc -l <"$tmp/files") paths checked)"
else
	bad "left after dpkg -r:$left"
fi
end
