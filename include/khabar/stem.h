/* khabar/stem.h — a light Persian stemmer for search keys (Xapian 1.4 has none).
 *
 * Input is one word already at the SEARCH level of kh_normalize (ZWNJ removed, letters
 * folded). Removed, once each and in this order:
 *   1. one plural, possessive-plural or comparative suffix: «ها، های، هایی، هایم ...،
 *      ترین، تر» and the plural «ان» («کارشناسان» → «کارشناس»; «نمایندگان» → «نماینده»,
 *      «دانشجویان» → «دانشجو»), never from a word ending in «ستان» or «مان»;
 *   2. the verb prefix «می» or «نمی» when a person ending follows («میگوید» → «گوید»).
 * A stem keeps at least two letters (three before «تر، ترین، ان»). Words that only
 * look inflected («سازمان، آلمان، ایران، دفتر، تنها، میلیارد») are listed in
 * extractor/persian/data/stem.tsv and kept whole. Light on purpose: no broken plurals, no verb
 * stems, no «ات». */
#ifndef KHABAR_STEM_H
#define KHABAR_STEM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the stem of word[0..len) to `out` (room for `cap` bytes, NUL-terminated;
 * cap >= len + 1 always suffices) and returns its length. */
size_t kh_stem(const char *word, size_t len, char *out, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
