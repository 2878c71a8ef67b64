/* khabar/normalize.h — Persian text normalization, two levels.
 *
 * CANONICAL (display, `canonical` fields); applied in this order:
 *   1. ICU NFKC: presentation forms (U+FB50..FDFF, U+FE70..FEFF) to base letters,
 *      compatibility characters to their plain forms.
 *   2. Letters: ي U+064A, ى U+0649, ې U+06D0, ے U+06D2 -> ی U+06CC; ك U+0643 -> ک U+06A9.
 *   3. Removed: tatweel U+0640; diacritics U+064B..U+065F and U+0670; ZWJ U+200D,
 *      LRM/RLM U+200E/F, BOM U+FEFF.
 *   4. ZWNJ U+200C where Persian orthography puts it: after the verb prefixes «می» and
 *      «نمی» when written apart («می گوید» -> «می‌گوید»); before the
 * suffixes «ها، های، هایی، هایم، هایت، هایش، هایمان، هایتان، هایشان، تر، ترین» when written apart
 * («دستگاه های»
 * -> «دستگاه‌های»).
 *   5. Spacing: runs of white space -> one space, runs of ZWNJ -> one, a ZWNJ next to
 *      a space or at a word's edge dropped; leading and trailing space trimmed.
 *   Digits are kept as written unless `digits` asks otherwise.
 *
 * SEARCH (index terms and queries): CANONICAL, then
 *   6. digits -> ASCII (Persian U+06F0..9 and Arabic-Indic U+0660..9);
 *   7. ZWNJ removed, so the parts of a word join («دستگاه‌های» ->
 * «دستگاههای»);
 *   8. أ U+0623, إ U+0625, آ U+0622, ٱ U+0671 -> ا; ة U+0629, ۀ U+06C0 -> ه; ؤ U+0624 -> و;
 *      ئ U+0626 -> ی; Latin letters lower-cased.
 *   So «دستگاه‌های», «دستگاههای», «دستگاه های» and
 * «دستگاه‌هاي» share one key.
 */
#ifndef KHABAR_NORMALIZE_H
#define KHABAR_NORMALIZE_H

#include <stddef.h>

#include "khabar/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kh_norm_level { KH_NORM_CANONICAL, KH_NORM_SEARCH } kh_norm_level;

typedef enum kh_norm_digits {
	KH_DIGITS_KEEP,   /* as written (CANONICAL's default) */
	KH_DIGITS_LATIN,  /* 0-9 (SEARCH always does this) */
	KH_DIGITS_PERSIAN /* ۰-۹ */
} kh_norm_digits;

/* Normalizes UTF-8 `in` (`len` bytes) at `level`. `*out` is a malloc'd NUL-terminated
 * UTF-8 string of `*outlen` bytes. Invalid UTF-8 becomes U+FFFD. */
kh_status kh_normalize(const char *in, size_t len, kh_norm_level level, kh_norm_digits digits,
                       char **out, size_t *outlen, kh_error *err);

#ifdef __cplusplus
}
#endif
#endif
