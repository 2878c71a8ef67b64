/* stem.c — the light Persian stemmer of include/khabar/stem.h.
 *
 * The suffixes, prefixes and the words kept whole come from data/stem.tsv, folded to
 * search keys when first needed. Kept words sit in a small hash set. A ZWNJ in the word
 * marks where its parts meet, so the affixes are only looked for there. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khabar/stem.h"
#include "base/table.h"
#include "base/utf8.h"

KH_DATA(stem);

static pthread_once_t load_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

enum { A_PLURAL, A_COMPARATIVE, A_AN, A_PREFIX, A_KEEP_END };

typedef struct affix {
	char s[32];
	size_t len;
	int kind, letters;
} affix;

#define MAX_AFFIX  64
#define KEEP_SLOTS 1024 /* a power of two, over twice the kept words */

static affix affixes[MAX_AFFIX];
static int naffix = -1;
static char *keep[KEEP_SLOTS];

static size_t letters(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static unsigned hash(const char *s, size_t len)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The search-key letters of a canonical word: أ إ آ ٱ → ا, ة ۀ → ه, ؤ → و, ئ → ی, ي ى → ی,
 * ك → ک, ASCII lower-cased; ZWNJ is kept when `zwnj` (as a boundary), else dropped.
 * Writes at most len bytes plus a NUL to out; returns the length. */
static size_t fold(const char *s, size_t len, char *out, int zwnj)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, w = 0;
	while (i < len) {
		uint32_t c;
		int k = kh_utf8_next(p + i, len - i, &c);
		if (!k) {
			out[w++] = (char)p[i++];
			continue;
		}
		i += (size_t)k;
		if (c == 0x200C && !zwnj)
			continue;
		if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671)
			c = 0x0627;
		else if (c == 0x0629 || c == 0x06C0)
			c = 0x0647;
		else if (c == 0x0624)
			c = 0x0648;
		else if (c == 0x0626 || c == 0x064A || c == 0x0649)
			c = 0x06CC;
		else if (c == 0x0643)
			c = 0x06A9;
		else if (c >= 'A' && c <= 'Z')
			c += 32;
		w += (size_t)kh_utf8_put(c, out + w); /* never longer than the input letter */
	}
	out[w] = '\0';
	return w;
}

static int kept(const char *s, size_t len)
{
	for (unsigned h = hash(s, len) & (KEEP_SLOTS - 1);; h = (h + 1) & (KEEP_SLOTS - 1)) {
		if (!keep[h])
			return 0;
		if (strlen(keep[h]) == len && !memcmp(keep[h], s, len))
			return 1;
	}
}

/* Loads data/stem.tsv. Out of memory leaves fewer kept words: stems get shorter, never
 * wrong in memory. */
static void load(void)
{
	kh_table_iter it;
	kh_field f[2];
	int nkeep = 0;
	naffix = 0;
	kh_table_begin(&it, kh_data_stem, kh_data_stem_len);
	while (kh_table_row(&it, f, 2) == 2) {
		char *w = malloc(f[1].len + 1);
		if (!w)
			continue;
		size_t wl = fold(f[1].s, f[1].len, w, 0);
		static const char *const names[] = {"suffix-plural", "suffix-comparative",
		                                    "suffix-an", "prefix-verb", "keep-end"};
		int kind = -1; /* A_* in the order of names; -1 a kept word */
		for (int k = 0; k < 5; k++)
			if (strlen(names[k]) == f[0].len && !memcmp(names[k], f[0].s, f[0].len))
				kind = k;
		if (kind >= 0 && naffix < MAX_AFFIX && wl < sizeof affixes[0].s) {
			affix *a = &affixes[naffix++];
			memcpy(a->s, w, wl + 1);
			a->len = wl;
			a->kind = kind;
			a->letters = (int)letters(w, wl);
		} else if (kind < 0 && nkeep < KEEP_SLOTS / 2 && !kept(w, wl)) {
			unsigned h = hash(w, wl) & (KEEP_SLOTS - 1);
			while (keep[h])
				h = (h + 1) & (KEEP_SLOTS - 1);
			keep[h] = w;
			nkeep++;
			continue; /* the set owns w */
		}
		free(w);
	}
}

static int ends_with(const char *s, size_t len, const char *suf)
{
	size_t sl = strlen(suf);
	return len >= sl && !memcmp(s + len - sl, suf, sl);
}

/* One plural, possessive or comparative suffix off s[0..*len). */
static void strip_suffix(char *s, size_t *len)
{
	size_t n = letters(s, *len);
	for (int k = 0; k < naffix; k++) {
		const affix *a = &affixes[k];
		if (a->kind == A_PREFIX || a->kind == A_KEEP_END || !ends_with(s, *len, a->s))
			continue;
		for (int e = 0; e < naffix; e++)
			if (affixes[e].kind == A_KEEP_END && affixes[e].len > a->len &&
			    ends_with(s, *len, affixes[e].s))
				return; /* «استان», «سازمان», «نهایت»: the ending is the word's own
				         */
		size_t min = a->kind == A_PLURAL ? 2 : 3;
		if (n < (size_t)a->letters + min)
			continue;
		size_t l = *len - a->len;
		if (a->kind == A_AN && ends_with(s, l, "گ") && !ends_with(s, l, "رگ") &&
		    !ends_with(s, l, "نگ") && !ends_with(s, l, "سگ")) {
			/* «نمایندگان» → «نماینده», «نخبگان» → «نخبه»; not «بزرگان», «جنگان» */
			memcpy(s + l - 2, "ه", 2);
		} else if (a->kind == A_AN && (ends_with(s, l, "وی") || ends_with(s, l, "ای"))) {
			l -= 2; /* «دانشجویان» → «دانشجو», «آقایان» → «آقا» */
		}
		*len = l;
		return;
	}
}

/* «می» or «نمی» off the front of a verb: a person ending must follow. */
static void strip_prefix(char *s, size_t *len)
{
	static const char *const endings[] = {"د", "م", "ی", "ست", NULL};
	int ending = 0;
	for (int e = 0; endings[e]; e++)
		ending |= ends_with(s, *len, endings[e]);
	if (!ending)
		return;
	for (int k = 0; k < naffix; k++) {
		const affix *a = &affixes[k];
		if (a->kind != A_PREFIX || *len < a->len || memcmp(s, a->s, a->len))
			continue;
		if (letters(s + a->len, *len - a->len) < 2)
			return;
		memmove(s, s + a->len, *len - a->len);
		*len -= a->len;
		return;
	}
}

static const char ZWNJ[] = "\xe2\x80\x8c";

/* The affix of kind `kind` (or any suffix when kind < 0) that is exactly s[0..len). */
static const affix *affix_is(const char *s, size_t len, int prefix)
{
	for (int k = 0; k < naffix; k++) {
		const affix *a = &affixes[k];
		if ((a->kind == A_PREFIX) == prefix && a->kind != A_KEEP_END && a->kind != A_AN &&
		    a->len == len && !memcmp(a->s, s, len))
			return a;
	}
	return NULL;
}

/* Drops every ZWNJ from s[0..len); returns the new length. */
static size_t drop_zwnj(char *s, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len; i++) {
		if (i + 3 <= len && !memcmp(s + i, ZWNJ, 3)) {
			i += 2;
			continue;
		}
		s[w++] = s[i];
	}
	s[w] = '\0';
	return w;
}

size_t kh_stem(const char *word, size_t len, char *out, size_t cap)
{
	pthread_once(&load_once, load);
	if (cap == 0)
		return 0;
	if (len >= cap)
		len = cap - 1;
	len = fold(word, len, out, 1);
	char key[256]; /* the word without its ZWNJ, to look up */
	if (len < sizeof key) {
		memcpy(key, out, len + 1);
		size_t kl = drop_zwnj(key, len);
		if (letters(key, kl) < 3 || kept(key, kl))
			return drop_zwnj(out, len);
	}
	const char *first = strstr(out, ZWNJ);
	if (first) { /* «دستگاه‌های», «می‌گوید», «منطقه‌ای»: the
		      * affixes end at a ZWNJ
		      */
		const char *last = first;
		for (const char *q = first; (q = strstr(q + 3, ZWNJ)) != NULL;)
			last = q;
		size_t tail = (size_t)(out + len - (last + 3));
		if (affix_is(last + 3, tail, 0) && letters(out, (size_t)(last - out)) >= 2)
			len = (size_t)(last - out);
		out[len] = '\0';
		first = strstr(out, ZWNJ);
		if (first && affix_is(out, (size_t)(first - out), 1) &&
		    letters(first + 3, len - (size_t)(first + 3 - out)) >= 2) {
			size_t cut = (size_t)(first + 3 - out);
			memmove(out, out + cut, len - cut + 1);
			len -= cut;
		}
		return drop_zwnj(out, len);
	}
	strip_suffix(out, &len);
	out[len] = '\0';
	if (!kept(out, len))
		strip_prefix(out, &len);
	out[len] = '\0';
	return len;
}
