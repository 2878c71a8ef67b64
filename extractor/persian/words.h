/* words.h — a fast word cutter shared by the pattern finders (dates.c, facts). Internal.
 * ICU's tokenizer (include/khabar/token.h) is the public one; this one folds each word
 * for table lookups as it goes. */
#ifndef KH_WORDS_H
#define KH_WORDS_H

#include <stddef.h>

#define MAXW 48 /* folded bytes kept of a word */

typedef struct kh_word {
	size_t s, e;  /* byte span */
	int num;      /* a digit run */
	int ndig;     /* its digits */
	long value;   /* its value */
	char f[MAXW]; /* a word, folded: ي ك → ی ک, ZWNJ dropped */
	size_t flen;
	char punct; /* a one-byte punctuation token: / - . : ; « as <, » as >, ؟ as ? */
	char nl;    /* a line break before the token */
} kh_word;

/* ي ى → ی, ك → ک, ASCII lower-cased; ZWNJ, spaces, tatweel and diacritics dropped.
 * Writes at most cap - 1 bytes and a NUL; returns the length. */
size_t kh_word_fold(const char *s, size_t n, char *out, size_t cap);

/* Cuts s[0..len) into words; `*nt` gets their number. Returns a malloc'd array, or NULL
 * when out of memory. */
kh_word *kh_words(const char *s, size_t len, int *nt);

#endif
