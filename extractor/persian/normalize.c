/* normalize.c — canonical and search-key forms of Persian text (tables in
 * include/khabar/normalize.h). Works on an array of code points after ICU NFKC. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "khabar/normalize.h"
#include "base/utf8.h"

#define ZWNJ 0x200C

typedef struct cps {
	uint32_t *v;
	size_t n, cap;
} cps;

/* Step 2 and 3: letters folded, marks and invisible characters dropped (0). */
static uint32_t canonical_letter(uint32_t c)
{
	switch (c) {
	case 0x064A:
	case 0x0649:
	case 0x06D0:
	case 0x06D2: return 0x06CC;
	case 0x0643: return 0x06A9;
	case 0x0640:
	case 0x200D:
	case 0x200E:
	case 0x200F:
	case 0xFEFF: return 0;
	}
	if ((c >= 0x064B && c <= 0x065F) || c == 0x0670)
		return 0;
	return c;
}

static uint32_t search_letter(uint32_t c)
{
	switch (c) {
	case 0x0623:
	case 0x0625:
	case 0x0622:
	case 0x0671: return 0x0627;
	case 0x0629:
	case 0x06C0: return 0x0647;
	case 0x0624: return 0x0648;
	case 0x0626: return 0x06CC;
	}
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	return c;
}

static int is_letter(uint32_t c)
{
	return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
	       (c >= 0x06FA && c <= 0x06FC) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Words as code points: «می», «نمی» and the suffixes written apart. */
#define HE 0x0647, 0x0627
static const uint32_t W_MI[] = {0x0645, 0x06CC, 0}, W_NAMI[] = {0x0646, 0x0645, 0x06CC, 0};
static const uint32_t S1[] = {HE, 0x06CC, 0x0645, 0x0627, 0x0646, 0},   /* هایمان */
        S2[] = {HE, 0x06CC, 0x062A, 0x0627, 0x0646, 0},                 /* هایتان */
        S3[] = {HE, 0x06CC, 0x0634, 0x0627, 0x0646, 0},                 /* هایشان */
        S4[] = {HE, 0x06CC, 0x06CC, 0}, S5[] = {HE, 0x06CC, 0x0645, 0}, /* هایی، هایم */
        S6[] = {HE, 0x06CC, 0x062A, 0}, S7[] = {HE, 0x06CC, 0x0634, 0}, /* هایت، هایش */
        S8[] = {HE, 0x06CC, 0}, S9[] = {HE, 0},                         /* های، ها */
        S10[] = {0x062A, 0x0631, 0x06CC, 0x0646, 0}, S11[] = {0x062A, 0x0631, 0}; /* ترین، تر */
static const uint32_t *const suffixes[] = {S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, NULL};

/* Does the word v[i..) equal w (0-terminated code points), ending at a non-letter? */
static size_t word_here(const cps *c, size_t i, const uint32_t *w)
{
	size_t k = i;
	for (; *w; w++, k++)
		if (k >= c->n || c->v[k] != *w)
			return 0;
	if (k < c->n && is_letter(c->v[k]))
		return 0;
	return k - i;
}

/* Step 4: ZWNJ for «می گوید» and «دستگاه های». */
static void zwnj_rules(cps *c)
{
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i] != ' ')
			continue;
		int after_word = i > 0 && is_letter(c->v[i - 1]);
		int before_word = i + 1 < c->n && is_letter(c->v[i + 1]);
		if (!after_word || !before_word)
			continue;
		/* the word before the space: «می» or «نمی» standing alone */
		size_t ws = i;
		while (ws > 0 && is_letter(c->v[ws - 1]))
			ws--;
		size_t wl = i - ws;
		if ((wl == 2 && word_here(c, ws, W_MI)) || (wl == 3 && word_here(c, ws, W_NAMI))) {
			c->v[i] = ZWNJ;
			continue;
		}
		if (c->v[i + 1] != 0x0647 && c->v[i + 1] != 0x062A)
			continue; /* every suffix starts with «ه» or «ت» */
		for (int k = 0; suffixes[k]; k++)
			if (word_here(c, i + 1, suffixes[k])) {
				c->v[i] = ZWNJ;
				break;
			}
	}
}

/* Step 5: spaces and ZWNJ tidied, in place. */
static void tidy(cps *c)
{
	size_t w = 0;
	for (size_t r = 0; r < c->n; r++) {
		uint32_t cp = c->v[r];
		if (cp == ' ') {
			while (w > 0 && c->v[w - 1] == ZWNJ)
				w--; /* ZWNJ before a space */
			if (w == 0 || c->v[w - 1] == ' ')
				continue;
		} else if (cp == ZWNJ) {
			if (w == 0 || c->v[w - 1] == ' ' || c->v[w - 1] == ZWNJ ||
			    !is_letter(c->v[w - 1]))
				continue; /* after a space, another ZWNJ, or not after a letter */
			if (r + 1 >= c->n || !is_letter(c->v[r + 1]))
				continue; /* not before a letter */
		}
		c->v[w++] = cp;
	}
	while (w > 0 && (c->v[w - 1] == ' ' || c->v[w - 1] == ZWNJ))
		w--;
	c->n = w;
}

static uint32_t digit(uint32_t c, kh_norm_digits d)
{
	int v = -1;
	if (c >= '0' && c <= '9')
		v = (int)(c - '0');
	else if (c >= 0x06F0 && c <= 0x06F9)
		v = (int)(c - 0x06F0);
	else if (c >= 0x0660 && c <= 0x0669)
		v = (int)(c - 0x0660);
	if (v < 0 || d == KH_DIGITS_KEEP)
		return c;
	return d == KH_DIGITS_LATIN ? (uint32_t)('0' + v) : (uint32_t)(0x06F0 + v);
}

/* ICU NFKC of UTF-8 input, as UTF-16 (text already in NFKC is not copied again). */
static UChar *nfkc(const char *in, size_t len, int32_t *outn, kh_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	if (len > 0x3fffffff) {
		kh_error_set(err, KH_ERR_TOO_BIG, "text too long to normalize");
		return NULL;
	}
	int32_t n16 = 0;
	UChar *u =
	        malloc((len + 1) * sizeof *u); /* UTF-16 never needs more units than UTF-8 bytes */
	if (!u) {
		kh_error_set(err, KH_ERR_NOMEM, "out of memory normalizing");
		return NULL;
	}
	u_strFromUTF8WithSub(u, (int32_t)len + 1, &n16, in, (int32_t)len, 0xFFFD, NULL, &st);
	const UNormalizer2 *norm = U_SUCCESS(st) ? unorm2_getNFKCInstance(&st) : NULL;
	if (U_FAILURE(st)) {
		free(u);
		kh_error_set(err, KH_ERR_INTERNAL, "ICU: %s", u_errorName(st));
		return NULL;
	}
	if (unorm2_spanQuickCheckYes(norm, u, n16, &st) == n16 && U_SUCCESS(st)) {
		*outn = n16;
		return u;
	}
	st = U_ZERO_ERROR;
	int32_t cap = n16 * 3 + 16;
	UChar *o = malloc((size_t)cap * sizeof *o);
	int32_t on = o ? unorm2_normalize(norm, u, n16, o, cap, &st) : 0;
	free(u);
	if (!o || U_FAILURE(st)) {
		free(o);
		kh_error_set(err, o ? KH_ERR_INTERNAL : KH_ERR_NOMEM, "normalization failed: %s",
		             u_errorName(st));
		return NULL;
	}
	*outn = on;
	return o;
}

kh_status kh_normalize(const char *in, size_t len, kh_norm_level level, kh_norm_digits digits,
                       char **out, size_t *outlen, kh_error *err)
{
	*out = NULL;
	int32_t n16;
	UChar *u = nfkc(in, len, &n16, err);
	if (!u)
		return err ? err->code : KH_ERR_INTERNAL;
	cps c = {0};
	c.cap = (size_t)n16 + 1;
	c.v = malloc(c.cap * sizeof *c.v);
	int failed = c.v == NULL;
	for (int32_t i = 0; i < n16 && !failed;) {
		UChar32 cp;
		U16_NEXT(u, i, n16, cp);
		uint32_t x = (uint32_t)cp;
		if (x < 0x80)
			x = x <= ' ' || x == 0x7F ? ' '
			                          : x; /* ASCII: controls and space are space */
		else if (kh_is_space(x))
			x = ' ';
		else
			x = canonical_letter(x);
		if (level == KH_NORM_SEARCH && x)
			x = x == ZWNJ ? 0 /* the parts join now, so a second pass agrees */
			              : search_letter(x); /* before the ZWNJ rules, likewise */
		if (x)
			c.v[c.n++] =
			        x; /* c.cap is n16 + 1: one code point per UTF-16 unit at most */
	}
	free(u);
	if (failed) {
		free(c.v);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory normalizing");
	}
	tidy(&c); /* spaces collapsed first, so the rules see single spaces */
	zwnj_rules(&c);
	tidy(&c);
	if (level == KH_NORM_SEARCH)
		digits = KH_DIGITS_LATIN;
	char *o = malloc(c.n * 4 + 1), *w = o;
	if (!o) {
		free(c.v);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory normalizing");
	}
	for (size_t i = 0; i < c.n; i++) {
		uint32_t x = c.v[i];
		if (x < 0x80 && (x < '0' || x > '9') &&
		    (level != KH_NORM_SEARCH || x < 'A' || x > 'Z')) {
			*w++ = (char)x; /* ASCII other than digits and (for search) capitals */
			continue;
		}
		x = digit(x, digits);
		if (level == KH_NORM_SEARCH) {
			if (x == ZWNJ)
				continue;
			x = search_letter(x);
		}
		w += kh_utf8_put(x, w);
	}
	*w = '\0';
	free(c.v);
	*out = o;
	*outlen = (size_t)(w - o);
	return KH_OK;
}
