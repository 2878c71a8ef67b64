#!/bin/sh
# libkhabar installed as a system library: `cmake --install` into a temporary prefix (and
# with DESTDIR), the files a Debian library ships, libkhabar.so.MAJOR with its SONAME
# exporting only the kh_ functions of the public headers, khabar.pc, the commands running
# from the prefix, and a user's program (install_title.c) built with nothing but
# `pkg-config --cflags --libs khabar` (and once against libkhabar.a) that
# extracts the seed article's title.
#   sh install.sh CMAKE BUILD_DIR CC PKG_CONFIG NM READELF LIBDIR VERSION EXTRACT_NAME
#                 TESTS_DIR 'CFLAGS'   (CFLAGS: the sanitizers of the build, or empty)
set -u
cmake=$1 build=$2 cc=$3 pkgconfig=$4 nm=$5 readelf=$6 libdir=$7 version=$8 extract=$9
shift 9
tests=$1 cflags=${2:-}
major=${version%%.*}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "not ok - $1"; }
check() { # check NAME COMMAND...: passes when COMMAND succeeds
	name=$1
	shift
	if "$@" > "$tmp/out" 2> "$tmp/err"; then ok "$name"; else no "$name"; cat "$tmp/out" "$tmp/err"; fi
}
title="تخلف وزارت صمت در ارائه ناقص خدمات در پنجره ملی"

# DESTDIR: everything lands under it, at the prefix
DESTDIR=$tmp/stage "$cmake" --install "$build" --prefix /opt/khabar > "$tmp/log" 2>&1 &&
	ok "install with DESTDIR" || { no "install with DESTDIR"; cat "$tmp/log"; }
[ "$(ls "$tmp/stage")" = opt ] && [ "$(ls "$tmp/stage/opt")" = khabar ] &&
	ok "DESTDIR holds only the prefix" || no "DESTDIR holds only the prefix"
grep -q '^prefix=/opt/khabar$' "$tmp/stage/opt/khabar/$libdir/pkgconfig/khabar.pc" &&
	ok "khabar.pc names the prefix, not DESTDIR" || no "khabar.pc names the prefix, not DESTDIR"

p=$tmp/prefix
"$cmake" --install "$build" --prefix "$p" > "$tmp/log" 2>&1 && ok "install into $p" ||
	{ no "install into $p"; cat "$tmp/log"; }
(cd "$p" && find . \( -type f -o -type l \) | sort) > "$tmp/tree"
echo "# the install tree:"
sed 's/^/#   /' "$tmp/tree"
L=$p/$libdir
for f in "$libdir/libkhabar.so.$version" "$libdir/libkhabar.so.$major" "$libdir/libkhabar.so" \
	"$libdir/libkhabar.a" "$libdir/pkgconfig/khabar.pc" include/khabar/khabar.h \
	include/khabar/version.h bin/khabar "bin/$extract" share/man/man1/khabar.1 \
	"share/man/man1/$extract.1" share/man/man3/libkhabar.3; do
	grep -qxF "./$f" "$tmp/tree" && ok "installed $f" || no "installed $f"
done
for h in "$tests"/../include/khabar/*.h; do
	[ -f "$p/include/khabar/${h##*/}" ] || no "header ${h##*/} installed"
done
[ "$(readlink "$L/libkhabar.so")" = "libkhabar.so.$major" ] &&
	[ "$(readlink "$L/libkhabar.so.$major")" = "libkhabar.so.$version" ] &&
	ok "libkhabar.so -> .so.$major -> .so.$version" || no "libkhabar.so -> .so.$major -> .so.$version"
soname=$("$readelf" -d "$L/libkhabar.so.$version" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libkhabar.so.$major" ] && ok "SONAME $soname" || no "SONAME is '$soname'"
"$readelf" -d "$L/libkhabar.so.$version" | grep -q 'R.*PATH' && no "library has no RPATH" ||
	ok "library has no RPATH"

# exported symbols: kh_ only, exactly the functions the installed headers declare
"$nm" -D --defined-only "$L/libkhabar.so.$major" | awk '{ print $NF }' | sed 's/@.*//' |
	sort -u > "$tmp/exported"
n=$(wc -l < "$tmp/exported")
echo "# $n symbols exported"
grep -v '^kh_' "$tmp/exported" > "$tmp/bad" && { no "non-kh_ symbols exported:"; cat "$tmp/bad"; } ||
	ok "only kh_ symbols exported"
for h in "$p"/include/khabar/*.h; do
	"$cc" -E -P -x c -I"$p/include" "$h"
done | grep -oE 'kh_[A-Za-z0-9_]+[[:space:]]*\([^*]' | sed -E 's/[[:space:]]*\(.*//' | sort -u \
	> "$tmp/declared"
comm -23 "$tmp/exported" "$tmp/declared" > "$tmp/bad"
[ -s "$tmp/bad" ] && { no "exported but in no public header:"; cat "$tmp/bad"; } ||
	ok "every export is declared in a public header"
comm -13 "$tmp/exported" "$tmp/declared" > "$tmp/bad"
[ -s "$tmp/bad" ] && { no "declared in a public header but not exported:"; cat "$tmp/bad"; } ||
	ok "every public function is exported ($(wc -l < "$tmp/declared") declared)"
"$nm" --defined-only "$L/libkhabar.a" 2> /dev/null | grep -q ' T kh_buf_add$' &&
	! grep -qx kh_buf_add "$tmp/exported" && ok "internal kh_buf_add in libkhabar.a, hidden in .so" ||
	no "internal kh_buf_add in libkhabar.a, hidden in .so"

# the commands run from the prefix on the installed library: through their RUNPATH outside
# the loader's directories, through LD_LIBRARY_PATH when built for /usr (Debian: none)
if "$readelf" -d "$p/bin/khabar" | grep -q RUNPATH; then
	echo "# khabar has a RUNPATH: $("$readelf" -d "$p/bin/khabar" | sed -n 's/.*RUNPATH.*\[\(.*\)\]/\1/p')"
else
	echo "# khabar has no RUNPATH: LD_LIBRARY_PATH=$L"
	export LD_LIBRARY_PATH="$L"
fi
check "khabar --version from the prefix" "$p/bin/khabar" --version
[ "$(cat "$tmp/out")" = "khabar $version" ] && ok "khabar --version prints $version" ||
	no "khabar --version prints '$(cat "$tmp/out")', not $version"
loaded=$(ldd "$p/bin/khabar" | sed -n "s/.*libkhabar.so.$major => \(.*\) (.*/\1/p")
[ -n "$loaded" ] && [ "$(readlink -f "$loaded")" = "$(readlink -f "$L/libkhabar.so.$major")" ] &&
	ok "khabar loads the installed libkhabar.so.$major" ||
	no "khabar loads the installed libkhabar.so.$major, not '$loaded'"
"$nm" --defined-only "$p/bin/khabar" "$p/bin/$extract" | awk '{ print $NF }' | sort -u |
	comm -12 - "$tmp/exported" > "$tmp/bad"
[ -s "$tmp/bad" ] && { no "the commands hold copies of the library (link khabar_shared, not khabar):"; head "$tmp/bad"; } ||
	ok "the commands use libkhabar.so, holding none of its functions"
check "$extract from the prefix" "$p/bin/$extract" --jsonl "$tests/fixtures/seed-article.html"
grep -qF "\"title\":\"$title\"" "$tmp/out" && ok "$extract finds the title" ||
	no "$extract finds the title"

# pkg-config, then a program built with its flags only
export PKG_CONFIG_PATH="$L/pkgconfig"
[ "$("$pkgconfig" --modversion khabar)" = "$version" ] && ok "pkg-config --modversion is $version" ||
	no "pkg-config --modversion khabar"
flags=$("$pkgconfig" --cflags --libs khabar) && ok "pkg-config --cflags --libs: $flags" ||
	no "pkg-config --cflags --libs khabar"
# libkhabar.a with what khabar.pc declares private (Requires.private, Libs.private) linked
# dynamically: `--static` would also recurse into libcurl's own static dependencies, whose
# -dev packages Debian does not require
reqs=$("$pkgconfig" --print-requires-private khabar | awk '{ print $1 }' | tr '\n' ' ')
echo "# Requires.private: $reqs"
# shellcheck disable=SC2086
sflags="-Wl,-Bstatic -lkhabar -Wl,-Bdynamic $("$pkgconfig" --libs $reqs) $(sed -n 's/^Libs.private://p' "$L/pkgconfig/khabar.pc")" &&
	ok "pkg-config --libs of the private requirements" || no "pkg-config --libs of the private requirements"
# shellcheck disable=SC2086
check "compile against the installed library" "$cc" $cflags -o "$tmp/title" "$tests/install_title.c" $flags
"$readelf" -d "$tmp/title" | grep -q "NEEDED.*\[libkhabar.so.$major\]" &&
	ok "the program needs libkhabar.so.$major" || no "the program needs libkhabar.so.$major"
LD_LIBRARY_PATH=$L "$tmp/title" "$tests/fixtures/seed-article.html" > "$tmp/out" 2> "$tmp/err"
st=$?
[ "$st" -eq 0 ] && [ "$(sed -n 1p "$tmp/out")" = "$version $major" ] &&
	[ "$(sed -n 2p "$tmp/out")" = "$title" ] && ok "the program extracts the seed's title" ||
	{ no "the program extracts the seed's title (exit $st)"; cat "$tmp/out" "$tmp/err"; }
# shellcheck disable=SC2086
check "link libkhabar.a and the private requirements" "$cc" $cflags -o "$tmp/title-static" \
	"$tests/install_title.c" $("$pkgconfig" --cflags khabar) -L"$L" $sflags
"$readelf" -d "$tmp/title-static" | grep -q 'NEEDED.*libkhabar' && no "static program needs no libkhabar.so" ||
	ok "static program needs no libkhabar.so"
"$tmp/title-static" "$tests/fixtures/seed-article.html" > "$tmp/out" 2> "$tmp/err" &&
	[ "$(sed -n 2p "$tmp/out")" = "$title" ] && ok "the static program extracts the title" ||
	{ no "the static program extracts the title"; cat "$tmp/err"; }

sed -n 's/^ \(kh_[A-Za-z0-9_]*\)@Base .*/\1/p' "$tests/../debian/libkhabar$major.symbols" | sort -u > "$tmp/symbols"
comm -3 "$tmp/exported" "$tmp/symbols" > "$tmp/bad"
[ -s "$tmp/bad" ] && { no "debian/libkhabar$major.symbols differs from the exports (a new function: ' NAME@Base $version'):"; cat "$tmp/bad"; } ||
	ok "debian/libkhabar$major.symbols lists the $(wc -l < "$tmp/symbols") exports"

# every private requirement's -dev package is a Build-Depends and a Depends of libkhabar-dev
if command -v dpkg > /dev/null 2>&1; then
	awk '/^Build-Depends:/ { on = 1 } /^[A-Z][a-zA-Z-]*:/ && !/^Build-Depends:/ { on = 0 } on' \
		"$tests/../debian/control" > "$tmp/bdeps"
	awk '/^Package: / { on = ($2 == "libkhabar-dev") } /^Depends:/ && on { d = 1 }
		/^[A-Z][a-zA-Z-]*:/ && !/^Depends:/ { d = 0 } d && on' "$tests/../debian/control" > "$tmp/devdeps"
	for m in $reqs; do
		pc=$("$pkgconfig" --variable=pcfiledir "$m")/$m.pc
		dev=$(dpkg -S "$pc" 2> /dev/null | sed -n '1s/:.*//p')
		[ -n "$dev" ] || continue
		grep -qw -- "$dev" "$tmp/bdeps" && grep -qw -- "$dev" "$tmp/devdeps" &&
			ok "$m ($dev): in Build-Depends and libkhabar-dev's Depends" ||
			no "$m is in khabar.pc: add $dev to Build-Depends and libkhabar-dev's Depends (debian/control)"
	done
fi

# the Debian packaging follows the version: changelog, the library package named by the SONAME
deb=$tests/../debian
[ "$(sed -n '1s/^khabar (\([^)]*\)).*/\1/p' "$deb/changelog")" = "$version" ] &&
	ok "debian/changelog is at $version" || no "debian/changelog is not at $version: add an entry (dch -v $version)"
grep -qx "Package: libkhabar$major" "$deb/control" && grep -q "^libkhabar.so.$major libkhabar$major " "$deb/libkhabar$major.symbols" &&
	ok "debian/ packages libkhabar$major" ||
	no "debian/control and debian/libkhabar$major.symbols must name libkhabar$major (the SONAME's major)"

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
