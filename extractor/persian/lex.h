/* lex.h — phrase tables matched against kh_words tokens: the longest phrase of the
 * wanted kinds starting at a token, several words joined by spaces or ZWNJ, commas in
 * the text skipped («وزارت صنعت، معدن و تجارت»). Internal. */
#ifndef KH_LEX_H
#define KH_LEX_H

#include <stddef.h>

#include "persian/words.h"

#define KH_LEX_MAXW 12 /* words in a phrase at most */

typedef struct kh_lex_entry {
	char *key;   /* the phrase's words folded and joined */
	int nwords;  /* its words */
	int kind;    /* the caller's kind */
	int value;   /* the caller's value */
	char *extra; /* a payload (a canonical name), or NULL */
	int next;    /* the next entry of the same hash bucket */
} kh_lex_entry;

typedef struct kh_lex {
	kh_lex_entry *e;
	size_t n, cap;
	int *bucket;          /* KH_LEX_BUCKETS heads of entry chains, -1 when empty */
	unsigned char *first; /* a bit per hash of a phrase's first word */
	unsigned char *pre;   /* a bit per hash of the first k words of a longer phrase */
} kh_lex;

/* Adds a phrase of `kind` with `value` and a copied `extra` (may be NULL). Returns 0, or
 * -1 when out of memory. */
int kh_lex_add(kh_lex *lx, const char *phrase, size_t len, int kind, int value, const char *extra,
               size_t extralen);

/* The longest phrase whose kind is in `kinds` (a bit mask, 1 << kind) starting at word
 * i, or NULL; `*used` gets the tokens it covers (skipped commas included). */
const kh_lex_entry *kh_lex_match(const kh_lex *lx, const kh_word *t, int nt, int i, unsigned kinds,
                                 int *used);

/* The kinds (a bit mask) of the one-word phrases that token t is. */
unsigned kh_lex_kinds1(const kh_lex *lx, const kh_word *t);

/* Frees the table's memory. */
void kh_lex_free(kh_lex *lx);

#endif
