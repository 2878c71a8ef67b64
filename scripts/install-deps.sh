#!/bin/sh
# Installs the Debian packages khabar needs to build and test, only those missing.
# Runs apt-get as root, or through sudo when not root. Safe to run again.
#   sh scripts/install-deps.sh [test] [bench] [package]
# `test` adds what the tests need beyond the build (headless Chromium and a Persian font
# for the page of khabar serve), `bench` the load generator of bench/serve.sh, `package`
# what `make package` needs (dpkg-buildpackage, debhelper, lintian).
set -eu

PACKAGES="build-essential cmake pkg-config python3 clang libclang-rt-dev \
libxml2-dev libicu-dev libjansson-dev libcmocka-dev libxapian-dev xapian-tools g++ \
libcurl4-openssl-dev libsqlite3-dev libmicrohttpd-dev"

for group in "$@"; do
	case "$group" in
	test) PACKAGES="$PACKAGES chromium fonts-farsiweb" ;;
	bench) PACKAGES="$PACKAGES wrk" ;;
	package) PACKAGES="$PACKAGES dpkg-dev debhelper fakeroot lintian groff-base" ;; # make package
	*) echo "install-deps: unknown group '$group' (test, bench, package)" >&2; exit 2 ;;
	esac
done

missing=""
for p in $PACKAGES; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done

if [ -z "$missing" ]; then
	echo "install-deps: all packages present"
	exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "install-deps: need root or sudo to install:$missing" >&2
	exit 1
fi

echo "install-deps: installing$missing"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
