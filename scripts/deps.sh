#!/bin/sh
# deps.sh [--test] [CC [CXX]] - make sure escape can be built with CC and
# CXX (default gcc and g++), which must be the same GCC release: GCC's
# plugin headers for exactly this compiler, and Jansson; with
# --test, also what the tests use (python3 with jsonschema, to validate
# reports; python3-yaml, cmake, meson, ninja, vim and node for the CI and
# editor recipes; csmith and clang with libFuzzer for the robustness tests).  Installs what is missing with apt-get when run as root;
# otherwise prints the command to run and fails.
set -eu
tests=0
if [ "${1:-}" = --test ]; then
	tests=1
	shift
fi
CC=${1:-gcc}
CXX=${2:-g++}

install() { # PACKAGE...: apt-get as root, else say what to run
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "escape: installing $*"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		apt-get install -y -qq "$@" >/dev/null
	else
		echo "escape: missing build dependencies: $*" >&2
		echo "escape: run: sudo apt-get install $*" >&2
		exit 1
	fi
}

tools=""
case $CC in gcc-[0-9]*) pkg=$CC ;; *) pkg=gcc ;; esac
command -v "$CC" >/dev/null 2>&1 || tools="$tools $pkg"
command -v make >/dev/null 2>&1 || tools="$tools make"
# shellcheck disable=SC2086
[ -z "$tools" ] || install $tools
version=$("$CC" -dumpfullversion)
major=${version%%.*}
plugindir=$("$CC" -print-file-name=plugin)

missing=""
[ -f "$plugindir/include/gcc-plugin.h" ] || missing="$missing gcc-$major-plugin-dev"
printf '#include <jansson.h>\n' | "$CC" -E -x c - >/dev/null 2>&1 || missing="$missing libjansson-dev"
command -v "$CXX" >/dev/null 2>&1 || missing="$missing g++-$major"

if [ $tests = 1 ]; then
	python3 -c 'import jsonschema' >/dev/null 2>&1 || missing="$missing python3-jsonschema"
	# run-ci.sh and run-editors.sh: build systems, the workflow's YAML, editors
	python3 -c 'import yaml' >/dev/null 2>&1 || missing="$missing python3-yaml"
	# run-csmith.sh: random programs; run-badinput.sh: libFuzzer (clang)
	for t in cmake:cmake meson:meson ninja:ninja-build vim:vim node:nodejs \
		csmith:csmith clang:clang; do
		command -v "${t%%:*}" >/dev/null 2>&1 || missing="$missing ${t#*:}"
	done
fi
if [ $tests = 1 ]; then
	[ -d /usr/include/csmith ] || ls -d /usr/include/csmith-* >/dev/null 2>&1 ||
		missing="$missing libcsmith-dev"
	# libFuzzer's runtime, for the rules loader's fuzz test
	clangv=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
	if [ -n "$clangv" ] && ! ls /usr/lib/llvm-"$clangv"/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
		missing="$missing libclang-rt-$clangv-dev"
	fi
fi
# shellcheck disable=SC2086
[ -z "$missing" ] || install $missing

# The C++ compiler builds the adapter against CC's plugin headers: the same
# GCC release.
cxxversion=$("$CXX" -dumpfullversion 2>/dev/null || true)
if [ "$cxxversion" != "$version" ]; then
	echo "escape: $CC is GCC $version but $CXX is ${cxxversion:+GCC }${cxxversion:-not GCC}; give the" >&2
	echo "escape: C++ compiler of the same release (make CC=gcc-$major CXX=g++-$major)" >&2
	exit 1
fi

# The headers must be those of this very compiler.
hdr=$(sed -n 's/.*basever = "\([^"]*\)".*/\1/p; s/^static char basever\[\] = "\([^"]*\)".*/\1/p' \
	"$plugindir/include/plugin-version.h" | head -n 1)
if [ -n "$hdr" ] && [ "$hdr" != "$version" ]; then
	echo "escape: $CC is GCC $version but its plugin headers are for GCC $hdr;" >&2
	echo "escape: install gcc-$major-plugin-dev matching $version" >&2
	exit 1
fi
