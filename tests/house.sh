#!/bin/sh
# The house rules of docs/architecture.md, checked on the source tree:
#   - no .c, .cc or .h file over 700 lines;
#   - at most four .c files at the root of extractor/;
#   - a layer of the extractor includes only the layers below it:
#       base -> nothing; persian -> base; html, facts -> persian, base.
#   sh tests/house.sh SOURCE_DIR
set -u
src=${1:-.}
cd "$src" || exit 1
bad=0

long=$(find . -path ./build -prune -o -path './build-*' -prune -o \
	\( -name '*.c' -o -name '*.cc' -o -name '*.h' \) -type f -print |
	xargs wc -l | awk '$2 != "total" && $1 > 700 {print $2 " (" $1 " lines)"}')
if [ -n "$long" ]; then
	echo "house: files over 700 lines:"
	echo "$long"
	bad=1
fi

n=$(find extractor -maxdepth 1 -name '*.c' | wc -l)
if [ "$n" -gt 4 ]; then
	echo "house: $n .c files at the root of extractor/ (at most 4)"
	bad=1
fi

# layer: the layers it may include besides itself
check() {
	layer=$1 allowed=$2
	for f in extractor/$layer/*.c extractor/$layer/*.h; do
		[ -f "$f" ] || continue
		for used in $(sed -n 's/^#include "\([a-z]*\)\/.*/\1/p' "$f" | sort -u); do
			case " $layer $allowed khabar " in
			*" $used "*) ;;
			*)
				echo "house: $f ($layer) includes $used/, a layer it may not use"
				bad=1
				;;
			esac
		done
	done
}
check base ""
check persian "base"
check html "persian base"
check facts "persian base"

[ "$bad" -eq 0 ] && echo "house: ok"
exit "$bad"
