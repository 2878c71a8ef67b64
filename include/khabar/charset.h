/* khabar/charset.h — turning the bytes of a web page into UTF-8.
 *
 * Order of evidence: a byte-order mark; then the bytes themselves (a page whose
 * non-ASCII bytes are valid UTF-8 is UTF-8 whatever it declares); then the HTTP
 * charset and the page's <meta> declaration, checked against ICU's detector;
 * then ICU's detector alone. Output is always valid UTF-8 without NUL bytes. */
#ifndef KHABAR_CHARSET_H
#define KHABAR_CHARSET_H

#include <stddef.h>
#include "khabar/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kh_decoded {
	char *data;        /* UTF-8, NUL-terminated, owned by the caller (free()) */
	size_t len;        /* bytes in data, without the terminator */
	char charset[32];  /* the encoding the input was read as, e.g. "windows-1256" */
	char declared[32]; /* what the page or HTTP declared, "" if nothing */
	int replaced;      /* how many invalid sequences became U+FFFD */
} kh_decoded;

/* Finds the `charset=` of a <meta> tag in the first 8 KiB of `html`. Writes the
 * lower-cased name into `out` (size `outsz`) and returns 1, or returns 0. */
int kh_charset_sniff_meta(const char *html, size_t len, char *out, size_t outsz);

/* Decodes `len` bytes to UTF-8. `http_charset` is the HTTP Content-Type charset
 * or NULL. `is_html` enables the <meta> prescan. Fails with KH_ERR_BINARY on
 * binary data and KH_ERR_ENCODING when no converter fits. */
kh_status kh_decode(const char *bytes, size_t len, const char *http_charset, int is_html,
                    kh_decoded *out, kh_error *err);

/* Frees the buffer inside `d` (not `d` itself). */
void kh_decoded_free(kh_decoded *d);

#ifdef __cplusplus
}
#endif
#endif
