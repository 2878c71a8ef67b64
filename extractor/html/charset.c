/* charset.c — decode a page to UTF-8: BOM, byte evidence, declarations, ICU detection. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "khabar/charset.h"
#include "base/buf.h"
#include "base/utf8.h"

#define SNIFF_BYTES 8192

static void lower_copy(char *out, size_t outsz, const char *s, size_t n)
{
	size_t i;
	if (outsz == 0)
		return;
	for (i = 0; i < n && i + 1 < outsz; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[i] = '\0';
}

int kh_charset_sniff_meta(const char *html, size_t len, char *out, size_t outsz)
{
	if (len > SNIFF_BYTES)
		len = SNIFF_BYTES;
	const char *p = html, *end = html + len;
	while (p < end) {
		const char *m = kh_memcasemem(p, (size_t)(end - p), "<meta");
		if (!m)
			return 0;
		const char *close = memchr(m, '>', (size_t)(end - m));
		const char *tag_end = close ? close : end;
		const char *c = kh_memcasemem(m, (size_t)(tag_end - m), "charset");
		if (c) {
			c += 7;
			while (c < tag_end && (isspace((unsigned char)*c)))
				c++;
			if (c < tag_end && *c == '=') {
				c++;
				while (c < tag_end &&
				       (isspace((unsigned char)*c) || *c == '"' || *c == '\''))
					c++;
				const char *v = c;
				while (c < tag_end &&
				       (isalnum((unsigned char)*c) || strchr("-_:.", *c)))
					c++;
				if (c > v) {
					lower_copy(out, outsz, v, (size_t)(c - v));
					return 1;
				}
			}
		}
		p = tag_end;
	}
	return 0;
}

/* Counts valid multi-byte UTF-8 sequences and invalid bytes; a sequence cut off
 * by the end of input is not held against the text. */
static void utf8_evidence(const char *s, size_t len, size_t *multi, size_t *invalid, int *cut)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	*multi = *invalid = 0;
	*cut = 0;
	while (p < end) {
		if (*p < 0x80) {
			/* ASCII runs, eight bytes at a time */
			while (end - p >= 8) {
				uint64_t w;
				memcpy(&w, p, 8);
				if (w & 0x8080808080808080ull)
					break;
				p += 8;
			}
			while (p < end && *p < 0x80)
				p++;
			continue;
		}
		uint32_t cp;
		int n = kh_utf8_next(p, (size_t)(end - p), &cp);
		if (n) {
			(*multi)++;
			p += n;
		} else {
			if (end - p < 4 && *p >= 0xC2) { /* truncated at the very end */
				*cut = 1;
				break;
			}
			(*invalid)++;
			p++;
		}
	}
}

static int is_binary(const unsigned char *s, size_t len, size_t sample)
{
	size_t n = len < sample ? len : sample, ctrl = 0, nul = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c == 0)
			nul++;
		else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
			ctrl++;
	}
	return (nul >= 8 && nul * 100 > n) || (ctrl + nul >= 8 && (ctrl + nul) * 20 > n);
}

static int is_utf8_name(const char *n)
{
	return !strcmp(n, "utf-8") || !strcmp(n, "utf8") || !strcmp(n, "unicode-1-1-utf-8");
}

static int is_latin_name(const char *n)
{
	return !strcmp(n, "iso-8859-1") || !strcmp(n, "latin1") || !strcmp(n, "iso8859-1") ||
	       !strcmp(n, "windows-1252") || !strcmp(n, "cp1252") || !strcmp(n, "us-ascii") ||
	       !strcmp(n, "ascii");
}

/* As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252. */
static const char *converter_name(const char *n)
{
	if (is_latin_name(n))
		return "windows-1252";
	return n;
}

static int converter_exists(const char *name)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *c = ucnv_open(name, &st);
	if (U_FAILURE(st))
		return 0;
	ucnv_close(c);
	return 1;
}

/* ICU's detector, HTML markup filtered out. Writes the best name and returns its
 * confidence (0..100), or -1 when it has no answer. */
static int detect(const char *s, size_t len, char *out, size_t outsz)
{
	UErrorCode st = U_ZERO_ERROR;
	UCharsetDetector *d = ucsdet_open(&st);
	if (U_FAILURE(st))
		return -1;
	int32_t n = len > 0x7fffffff ? 0x7fffffff : (int32_t)len;
	if (n > 1 << 16)
		n = 1 << 16; /* 64 KiB is plenty of evidence */
	ucsdet_setText(d, s, n, &st);
	ucsdet_enableInputFilter(d, 1);
	const UCharsetMatch *m = ucsdet_detect(d, &st);
	int conf = -1;
	if (U_SUCCESS(st) && m) {
		const char *name = ucsdet_getName(m, &st);
		conf = ucsdet_getConfidence(m, &st);
		if (U_SUCCESS(st) && name)
			lower_copy(out, outsz, name, strlen(name));
		else
			conf = -1;
	}
	ucsdet_close(d);
	return conf;
}

/* Arabic-script text in windows-1256: nine in ten high bytes are Arabic letters
 * (0xC1..0xFE, the Persian letters at 0x81..0x98, ZWNJ 0x9D) and alef (0xC7),
 * the commonest letter of Persian and Arabic, is frequent. (Cyrillic in
 * windows-1251 shares the byte range, but 0xC7 is its rare capital Ze; it is
 * unassigned in ISO-8859-8.) ICU often calls short Persian pages Hebrew. */
static int looks_cp1256(const unsigned char *s, size_t len)
{
	size_t high = 0, arabic = 0, alef = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];
		if (c < 0x80)
			continue;
		high++;
		alef += c == 0xC7;
		if ((c >= 0xC1 && c <= 0xFE && c != 0xD7 && c != 0xF7) || c == 0x81 || c == 0x8D ||
		    c == 0x8E || c == 0x90 || c == 0x98 || c == 0x9D || c == 0xA1)
			arabic++;
	}
	return high >= 16 && arabic * 10 >= high * 9 && alef * 20 >= high;
}

/* UTF-8 to UTF-8: invalid sequences become U+FFFD, NUL bytes are dropped. */
static kh_status copy_utf8(const char *s, size_t len, kh_decoded *out, kh_error *err)
{
	kh_buf b = {0};
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		const unsigned char *run = p;
		while (p < end && *p && *p < 0x80)
			p++;
		kh_buf_add(&b, (const char *)run, (size_t)(p - run));
		if (p >= end)
			break;
		if (*p == 0) {
			p++;
			continue;
		}
		uint32_t cp;
		int n = kh_utf8_next(p, (size_t)(end - p), &cp);
		if (n) {
			kh_buf_add(&b, (const char *)p, (size_t)n);
			p += n;
		} else {
			kh_buf_add(&b, "\xEF\xBF\xBD", 3);
			out->replaced++;
			p++;
			while (p < end &&
			       (*p & 0xC0) == 0x80) /* skip the rest of a broken sequence */
				p++;
		}
	}
	out->data = kh_buf_detach(&b, &out->len);
	if (!out->data)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory decoding %zu bytes", len);
	return KH_OK;
}

static kh_status convert(const char *from, const char *s, size_t len, kh_decoded *out,
                         kh_error *err)
{
	if (len > 0x7ffffff0u / 4)
		return kh_error_set(err, KH_ERR_TOO_BIG,
		                    "input of %zu bytes is too large to convert", len);
	UErrorCode st = U_ZERO_ERROR;
	int32_t cap = (int32_t)(len * 3 + 16);
	char *dst = malloc((size_t)cap);
	if (!dst)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory decoding %zu bytes", len);
	int32_t n = ucnv_convert("UTF-8", from, dst, cap, s, (int32_t)len, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		free(dst);
		cap = n + 1;
		dst = malloc((size_t)cap);
		if (!dst)
			return kh_error_set(err, KH_ERR_NOMEM, "out of memory decoding %zu bytes",
			                    len);
		st = U_ZERO_ERROR;
		n = ucnv_convert("UTF-8", from, dst, cap, s, (int32_t)len, &st);
	}
	if (U_FAILURE(st)) {
		free(dst);
		return kh_error_set(err, KH_ERR_ENCODING, "cannot decode input as %s: %s", from,
		                    u_errorName(st));
	}
	/* The converter output is valid UTF-8; one more pass drops NULs. */
	kh_status rc = copy_utf8(dst, (size_t)n, out, err);
	free(dst);
	return rc;
}

kh_status kh_decode(const char *bytes, size_t len, const char *http_charset, int is_html,
                    kh_decoded *out, kh_error *err)
{
	memset(out, 0, sizeof *out);
	const unsigned char *u = (const unsigned char *)bytes;

	/* 1. A byte-order mark settles it. */
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		strcpy(out->charset, "utf-8");
		return copy_utf8(bytes + 3, len - 3, out, err);
	}
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		const char *name = u[0] == 0xFF ? "utf-16le" : "utf-16be";
		strcpy(out->charset, name);
		return convert(name, bytes + 2, len - 2, out, err);
	}

	/* 2. What the page and the server say. */
	char declared[32] = "";
	if (http_charset && *http_charset)
		lower_copy(declared, sizeof declared, http_charset, strlen(http_charset));
	else if (is_html)
		kh_charset_sniff_meta(bytes, len, declared, sizeof declared);
	strcpy(out->declared, declared);

	/* 3. Bytes that are UTF-8 are UTF-8, whatever the declaration says. */
	size_t multi, invalid;
	int cut;
	utf8_evidence(bytes, len, &multi, &invalid, &cut);
	/* Clean UTF-8 cannot hide much junk: a short look for control bytes will do. */
	if (is_binary(u, len, invalid == 0 ? 4096 : 65536))
		return kh_error_set(err, KH_ERR_BINARY, "input is binary data, not HTML or text");
	if (invalid == 0 && !cut && !memchr(bytes, 0, len)) {
		strcpy(out->charset, "utf-8"); /* valid as it is: one copy */
		out->data = malloc(len + 1);
		if (!out->data)
			return kh_error_set(err, KH_ERR_NOMEM, "out of memory decoding %zu bytes",
			                    len);
		memcpy(out->data, bytes, len);
		out->data[len] = '\0';
		out->len = len;
		return KH_OK;
	}
	if (invalid == 0 || (multi >= 20 * invalid && multi >= 10)) {
		strcpy(out->charset, "utf-8");
		return copy_utf8(bytes, len, out, err);
	}

	/* 4. Not UTF-8: trust a declaration of a real single-byte or CJK encoding,
	 * unless it names a Latin code page and the bytes are plainly Arabic script. */
	char guess[32] = "";
	int trusted = *declared && !is_utf8_name(declared) && !is_latin_name(declared) &&
	              converter_exists(declared);
	int arabic = looks_cp1256(u, len);
	int conf = trusted || arabic ? -1 : detect(bytes, len, guess, sizeof guess);
	int arabic_guess = !strcmp(guess, "windows-1256") || !strcmp(guess, "iso-8859-6");
	const char *use = NULL;
	if (*declared && !is_utf8_name(declared) && converter_exists(converter_name(declared))) {
		use = converter_name(declared);
		if (is_latin_name(declared) && (arabic_guess || arabic))
			use = "windows-1256";
	} else if (arabic_guess || arabic) {
		use = "windows-1256"; /* the superset of ISO-8859-6, with the Persian letters */
	} else if (conf >= 10 && converter_exists(guess) && !is_utf8_name(guess)) {
		use = guess;
	} else {
		use = "windows-1252";
	}
	lower_copy(out->charset, sizeof out->charset, use, strlen(use));
	return convert(use, bytes, len, out, err);
}

void kh_decoded_free(kh_decoded *d)
{
	if (d) {
		free(d->data);
		d->data = NULL;
		d->len = 0;
	}
}
