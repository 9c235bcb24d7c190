#!/bin/sh
# gcc-chroot.sh [create | run CMD... | path] - a Debian unstable chroot
# with GCC 13, 14, 15 and 16 and their plugin headers, for testing escape
# on every GCC series people use without installing them on the host
# (their C library is newer than Debian 12's).
#
#   create      make the chroot (debootstrap, about 20 s) and install the
#               compilers (about 30 s, 256 MB download, 1.7 GB on disk);
#               a chroot already made is reused, and only what is missing
#               from it is installed
#   run CMD...  create, then run CMD as root inside with /proc and /dev
#               mounted (unmounted again on exit, whatever happens)
#   path        print the chroot's directory
#
# Environment:
#   ESCAPE_CHROOT  the chroot's directory (default
#                  ${XDG_CACHE_HOME:-$HOME/.cache}/escape/chroot-sid)
#   ESCAPE_MIRROR  the Debian mirror (default http://deb.debian.org/debian)
#   GCC_VERSIONS   the GCC majors to install (default "13 14 15 16")
#
# Needs root (debootstrap, chroot, mount); installs debootstrap on the
# host with apt-get when it is missing.
set -eu
dir=${ESCAPE_CHROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/escape/chroot-sid}
mirror=${ESCAPE_MIRROR:-http://deb.debian.org/debian}
versions=${GCC_VERSIONS:-13 14 15 16}

die() {
	echo "gcc-chroot: $*" >&2
	exit 1
}

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, mount)"

# What the plugin's build and its test suite need inside (scripts/deps.sh
# --test, run inside, adds anything this list misses).
packages() {
	for v in $versions; do
		printf 'gcc-%s g++-%s gcc-%s-plugin-dev ' "$v" "$v" "$v"
	done
	echo make libjansson-dev python3 python3-jsonschema python3-yaml \
		cmake meson ninja-build vim-nox nodejs csmith libcsmith-dev \
		clang libclang-rt-dev binutils file ca-certificates xz-utils
}

# in_chroot CMD...: CMD inside, with /proc and /dev mounted; unmounted by
# the trap of the calling shell
mounted=""
unmount() {
	for m in $mounted; do
		umount -l "$m" 2>/dev/null || true
	done
	mounted=""
}
trap unmount EXIT
trap 'exit 130' INT TERM
mount_all() {
	for m in proc dev dev/pts; do
		mountpoint -q "$dir/$m" && continue
		mkdir -p "$dir/$m"
		case $m in
		proc) mount -t proc proc "$dir/proc" ;;
		dev) mount --bind /dev "$dir/dev" ;;
		dev/pts) mount --bind /dev/pts "$dir/dev/pts" ;;
		esac
		mounted="$dir/$m $mounted"
	done
}
in_chroot() {
	mount_all
	chroot "$dir" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
		HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

create() {
	if [ ! -x "$dir/usr/bin/apt-get" ]; then
		command -v debootstrap >/dev/null 2>&1 || {
			echo "gcc-chroot: installing debootstrap"
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null ||
				die "cannot install debootstrap"
		}
		echo "gcc-chroot: debootstrap sid into $dir"
		rm -rf "$dir"
		mkdir -p "$dir"
		debootstrap --variant=minbase sid "$dir" "$mirror" >"$dir.log" 2>&1 ||
			die "debootstrap failed, see $dir.log"
	fi
	# The archive's signatures look expired against a machine whose clock
	# is behind (or a snapshot's): do not let that stop apt.
	echo 'Acquire::Check-Valid-Until "false";' >"$dir/etc/apt/apt.conf.d/99escape"
	cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
	want=$(packages)
	if [ -f "$dir/.escape-packages" ] && [ "$(cat "$dir/.escape-packages")" = "$want" ]; then
		return 0
	fi
	echo "gcc-chroot: installing GCC $versions and the test tools into $dir"
	# shellcheck disable=SC2086
	in_chroot sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $want" \
		>"$dir.log" 2>&1 || die "apt-get inside the chroot failed, see $dir.log"
	echo "$want" >"$dir/.escape-packages"
}

case ${1:-create} in
create)
	create
	echo "gcc-chroot: ready: $dir"
	for v in $versions; do
		in_chroot "gcc-$v" -dumpfullversion | sed "s/^/gcc-$v: /"
	done
	;;
run)
	shift
	[ $# -gt 0 ] || die "run: no command"
	create
	rc=0
	in_chroot "$@" || rc=$?
	exit $rc
	;;
path)
	echo "$dir"
	;;
*)
	die "unknown command '$1' (create, run CMD..., path)"
	;;
esac
