/* khabar/token.h — words of Persian (and any) text, on ICU's word BreakIterator.
 *
 * Boundaries follow Unicode UAX #29 as ICU implements it: ZWNJ (U+200C) is part of the
 * word around it («می‌گوید», «دستگاه‌های» are one token each), a number
 * keeps its separators («۱۲٫۵», «1,200»), and white space is skipped. Offsets are UTF-8 byte
 * offsets into the input, half-open, so tokens can be cut from the text as is. */
#ifndef KHABAR_TOKEN_H
#define KHABAR_TOKEN_H

#include <stddef.h>

#include "khabar/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kh_token_kind {
	KH_TOKEN_WORD,   /* letters (any script), with ZWNJ and marks inside */
	KH_TOKEN_NUMBER, /* digits of any of the three systems, with their separators */
	KH_TOKEN_PUNCT   /* any other character that is not white space */
} kh_token_kind;

typedef struct kh_token {
	size_t start, end; /* UTF-8 byte span in the input */
	kh_token_kind kind;
} kh_token;

/* Cuts text[0..len) into tokens. `*out` is a malloc'd array (NULL when there are none)
 * of `*n` tokens in text order. Invalid UTF-8 bytes become one PUNCT token each. */
kh_status kh_tokenize(const char *text, size_t len, kh_token **out, size_t *n, kh_error *err);

/* The name of a kind: "word", "number" or "punct". */
const char *kh_token_kind_name(kh_token_kind kind);

#ifdef __cplusplus
}
#endif
#endif
