/* token.c — words, numbers and punctuation on ICU's word BreakIterator.
 *
 * The text goes to UTF-16 once, with a table from each UTF-16 unit back to its UTF-8
 * byte; ICU finds the boundaries and tells each piece's kind by its rule status. */
#include <pthread.h>
#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include "base/buf.h"
#include "khabar/token.h"
#include "base/utf8.h"

/* UTF-8 to UTF-16, and the byte offset of each unit (plus one past the end). Invalid
 * bytes become U+FFFD, one each. Returns the number of units, or -1 out of memory. */
static int32_t to_utf16(const char *s, size_t len, UChar **u16, size_t **off)
{
	*u16 = malloc((len + 1) * sizeof **u16);
	*off = malloc((len + 1) * sizeof **off);
	if (!*u16 || !*off)
		return -1;
	const unsigned char *p = (const unsigned char *)s;
	int32_t n = 0;
	size_t i = 0;
	while (i < len) {
		uint32_t c;
		int k = kh_utf8_next(p + i, len - i, &c);
		if (!k)
			k = 1, c = 0xFFFD;
		if (c >= 0x10000) { /* a surrogate pair: 4 bytes give 2 units */
			(*off)[n] = i;
			(*u16)[n++] = (UChar)(0xD800 + ((c - 0x10000) >> 10));
			(*off)[n] = i;
			(*u16)[n++] = (UChar)(0xDC00 + ((c - 0x10000) & 0x3FF));
		} else {
			(*off)[n] = i;
			(*u16)[n++] = (UChar)c;
		}
		i += (size_t)k;
	}
	(*off)[n] = len;
	return n;
}

static pthread_key_t iter_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void close_iter(void *bi)
{
	ubrk_close(bi);
}

static void make_key(void)
{
	pthread_key_create(&iter_key, close_iter);
}

static int is_blank(UChar32 c)
{
	return u_isUWhiteSpace(c) || c == 0x200C || c == 0x200D || c == 0xFEFF;
}

kh_status kh_tokenize(const char *text, size_t len, kh_token **out, size_t *n, kh_error *err)
{
	*out = NULL;
	*n = 0;
	if (len == 0)
		return KH_OK;
	if (len > (size_t)INT32_MAX / 2)
		return kh_error_set(err, KH_ERR_TOO_BIG, "text too large to tokenize (%zu bytes)",
		                    len);
	UChar *u16 = NULL;
	size_t *off = NULL;
	int32_t n16 = to_utf16(text, len, &u16, &off);
	if (n16 < 0) {
		free(u16);
		free(off);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory tokenizing");
	}
	/* one iterator per thread, made once (opening one costs more than cutting a page)
	 * and closed when its thread ends */
	pthread_once(&key_once, make_key);
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi = pthread_getspecific(iter_key);
	if (bi)
		ubrk_setText(bi, u16, n16, &st);
	else if ((bi = ubrk_open(UBRK_WORD, "fa", u16, n16, &st)) != NULL && U_SUCCESS(st))
		pthread_setspecific(iter_key, bi);
	if (U_FAILURE(st)) {
		if (bi)
			ubrk_close(bi);
		pthread_setspecific(iter_key, NULL);
		free(u16);
		free(off);
		return kh_error_set(err, KH_ERR_INTERNAL, "ICU word break iterator: %s",
		                    u_errorName(st));
	}
	kh_token *v = NULL;
	size_t cnt = 0, cap = 0;
	kh_status rc = KH_OK;
	for (int32_t a = ubrk_first(bi), b = ubrk_next(bi); b != UBRK_DONE;
	     a = b, b = ubrk_next(bi)) {
		int32_t status = ubrk_getRuleStatus(bi);
		UChar32 c;
		U16_GET(u16, 0, a, n16, c);
		kh_token_kind kind;
		if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
			kind = KH_TOKEN_NUMBER;
		else if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_IDEO_LIMIT)
			kind = KH_TOKEN_WORD;
		else if (is_blank(c))
			continue; /* white space, or a stray ZWNJ between words */
		else
			kind = KH_TOKEN_PUNCT;
		kh_token *grown = kh_grow(v, &cap, cnt, sizeof *v);
		if (!grown) {
			rc = kh_error_set(err, KH_ERR_NOMEM, "out of memory tokenizing");
			break;
		}
		v = grown;
		v[cnt++] = (kh_token){off[a], off[b], kind};
	}
	/* the iterator stays for the next call; it points at u16 until then: reset it to an
	 * empty text so that it never reads freed memory */
	static const UChar empty[1] = {0};
	UErrorCode st2 = U_ZERO_ERROR;
	ubrk_setText(bi, empty, 0, &st2);
	free(u16);
	free(off);
	if (rc != KH_OK) {
		free(v);
		return rc;
	}
	*out = v;
	*n = cnt;
	return KH_OK;
}

const char *kh_token_kind_name(kh_token_kind kind)
{
	switch (kind) {
	case KH_TOKEN_WORD: return "word";
	case KH_TOKEN_NUMBER: return "number";
	case KH_TOKEN_PUNCT: return "punct";
	}
	return "?";
}
