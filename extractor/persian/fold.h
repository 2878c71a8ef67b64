/* fold.h — a loose comparison key for Persian and Latin strings, used to match
 * names against the data tables: Arabic yeh/kaf/teh marbuta/alef forms folded to
 * the Persian letters, digits to ASCII, diacritics, tatweel and ZWNJ dropped,
 * ASCII lower-cased, every run of space or punctuation one ' '. Internal.
 * (The full normalizer of the text layer is include/khabar/normalize.h.) */
#ifndef KH_FOLD_H
#define KH_FOLD_H

#include <stddef.h>

#include "base/buf.h"

/* Appends the folded form of `s` to `out`, with no leading or trailing space. */
void kh_fold(const char *s, size_t len, kh_buf *out);

/* A malloc'd folded copy of the NUL-terminated `s`, or NULL when out of memory. */
char *kh_fold_dup(const char *s);

/* Does `needle` occur in `hay` (both folded) starting and ending at token edges?
 * Returns the byte offset in `hay`, or -1. */
long kh_fold_find(const char *hay, const char *needle);

#endif
