#!/bin/sh
# Builds the Debian packages (debian/: libkhabar0, libkhabar-dev, khabar) from a copy of the
# files git tracks, as they are in the working tree, then checks them with lintian.
#   sh scripts/package.sh [OUT_DIR]     (make package; OUT_DIR defaults to build-deb)
# The .deb files, .changes, .buildinfo and the lintian report land in OUT_DIR.
set -eu
out=${1:-build-deb}
version=$(sed -n 's/^project(khabar VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
debversion=$(dpkg-parsechangelog -S Version)
if [ "$debversion" != "$version" ]; then
	echo "package: debian/changelog is at $debversion, CMakeLists.txt at $version: add a changelog entry (dch -v $version)" >&2
	exit 1
fi
if ! git rev-parse --git-dir > /dev/null 2>&1; then
	echo "package: needs a git checkout (it packages the files git tracks)" >&2
	exit 1
fi
src=$out/khabar-$version
rm -rf "$out"
mkdir -p "$src"
# tracked and new (not ignored) files; ones deleted in the working tree are left out
git ls-files -z --cached --others --exclude-standard | xargs -0 sh -c '
	for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh | tar --null -T - -cf - | tar -xf - -C "$src"
start=$(date +%s)
(cd "$src" && DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=2}" dpkg-buildpackage -us -uc -b) \
	> "$out/build.log" 2>&1 || {
	tail -40 "$out/build.log"
	echo "package: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
	exit 1
}
echo "package: built in $(($(date +%s) - start)) s (log: $out/build.log)"
ls -l "$out"/*.deb
lintian --info --display-info --pedantic --fail-on error "$out"/*.changes | tee "$out/lintian.txt"
echo "package: lintian: $(grep -c '^[EWIP]:' "$out/lintian.txt" || true) tags ($out/lintian.txt)"

# the packages at work, unpacked (not installed) in OUT_DIR/root: the commands on the packaged
# library, and a program built from libkhabar-dev with pkg-config alone
root=$out/root
for deb in "$out"/libkhabar0_*.deb "$out"/libkhabar-dev_*.deb "$out"/khabar_*.deb; do
	dpkg-deb -x "$deb" "$root"
done
libdir=$(dirname "$(find "$root/usr/lib" -name 'libkhabar.so.0')")
title=$(LD_LIBRARY_PATH=$libdir "$root/usr/bin/khabar-extract" --jsonl tests/fixtures/seed-article.html |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["title"])')
echo "package: $(LD_LIBRARY_PATH=$libdir "$root/usr/bin/khabar" --version), khabar-extract finds «$title»"
# shellcheck disable=SC2046
cc -o "$out/title" tests/install_title.c $(PKG_CONFIG_PATH=$libdir/pkgconfig PKG_CONFIG_SYSROOT_DIR=$root \
	pkg-config --cflags --libs khabar)
echo "package: a program built against libkhabar-dev prints: $(LD_LIBRARY_PATH=$libdir "$out/title" \
	tests/fixtures/seed-article.html | tr '\n' ' ')"
