/* utf8.h — small UTF-8 and white-space helpers shared by the extractor. Internal. */
#ifndef KH_UTF8_H
#define KH_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

/* Decodes one code point at `s` (at most `len` bytes) into `*cp`; returns its
 * length in bytes, or 0 for an invalid or truncated sequence. */
int kh_utf8_next(const unsigned char *s, size_t len, uint32_t *cp);

/* Encodes `cp` into `out` (4 bytes room); returns the length. */
int kh_utf8_put(uint32_t cp, char *out);

/* White space as a reader sees it: ASCII space and controls, NBSP, the Unicode
 * spaces U+2000..U+200B, U+2028/9, U+202F, U+205F, U+3000, U+FEFF. Not ZWNJ. */
int kh_is_space(uint32_t cp);

/* Appends `s` to `b` with each run of white space turned into one ASCII space.
 * `*pending` carries a space owed from a previous call (so that spaces across
 * text nodes collapse too); leading space in `b` is never written. */
void kh_append_collapsed(kh_buf *b, const char *s, size_t len, int *pending);

/* A copy of `s` with white space collapsed and trimmed; NULL if out of memory. */
char *kh_collapse_dup(const char *s, size_t len);

/* Number of non-space code points in `s`. */
size_t kh_visible_chars(const char *s, size_t len);

/* ASCII case-insensitive search for `needle` in the first `len` bytes of `hay`. */
const char *kh_memcasemem(const char *hay, size_t len, const char *needle);

/* Converts Persian (U+06F0..9) and Arabic-Indic (U+0660..9) digits in `s` to
 * ASCII in place (the string shrinks); returns the new length. */
size_t kh_ascii_digits(char *s, size_t len);

#endif
