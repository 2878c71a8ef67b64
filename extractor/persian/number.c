/* number.c — digits in three systems and Persian number words. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "khabar/number.h"
#include "base/table.h"
#include "base/utf8.h"

KH_DATA(numbers);

static pthread_once_t load_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

enum { W_UNIT, W_SCALE, W_FRAC };

typedef struct word {
	char text[32]; /* yeh and kaf folded to the Persian letters */
	size_t len;
	double value;
	int kind;
} word;

static word *words;
static int nwords = -1;

/* ي ى → ی and ك → ک, byte for byte (all are two bytes in UTF-8). */
static void fold_yk(char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1];
		if (a == 0xD9 && (b == 0x8A || b == 0x89))
			s[i] = (char)0xDB, s[i + 1] = (char)0x8C;
		else if (a == 0xD9 && b == 0x83)
			s[i] = (char)0xDA, s[i + 1] = (char)0xA9;
	}
}

static void load_words(void)
{
	kh_table_iter it;
	kh_field f[3];
	size_t cap = 0;
	nwords = 0;
	kh_table_begin(&it, kh_data_numbers, kh_data_numbers_len);
	while (kh_table_row(&it, f, 3) == 3) {
		if (f[0].len >= sizeof words[0].text)
			continue;
		word *grown = kh_grow(words, &cap, (size_t)nwords, sizeof *words);
		if (!grown)
			return;
		words = grown;
		word *w = &words[nwords++];
		memcpy(w->text, f[0].s, f[0].len);
		w->text[f[0].len] = '\0';
		w->len = f[0].len;
		w->value = strtod(f[1].s, NULL);
		w->kind = f[2].s[0] == 's' ? W_SCALE : f[2].s[0] == 'f' ? W_FRAC : W_UNIT;
	}
}

static const word *lookup(const char *s, size_t n)
{
	pthread_once(&load_once, load_words);
	char buf[32];
	if (n == 0 || n >= sizeof buf)
		return NULL;
	memcpy(buf, s, n);
	fold_yk(buf, n);
	for (int i = 0; i < nwords; i++)
		if (words[i].len == n && !memcmp(words[i].text, buf, n))
			return &words[i];
	return NULL;
}

int kh_number_word(const char *s, size_t n, double *value)
{
	const word *w = lookup(s, n);
	if (!w)
		return 0;
	*value = w->value;
	return 1;
}

/* The digit at s[*i] in any system, advancing *i; -1 when there is none. */
static int digit_at(const char *s, size_t len, size_t *i)
{
	if (*i >= len)
		return -1;
	unsigned char c = (unsigned char)s[*i];
	if (c >= '0' && c <= '9') {
		(*i)++;
		return c - '0';
	}
	if (*i + 1 < len) {
		unsigned char d = (unsigned char)s[*i + 1];
		if (c == 0xDB && d >= 0xB0 && d <= 0xB9) {
			*i += 2;
			return d - 0xB0;
		}
		if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) {
			*i += 2;
			return d - 0xA0;
		}
	}
	return -1;
}

/* A run of digits: its value and how many there were. */
static int digits(const char *s, size_t len, size_t *i, double *v)
{
	int n = 0, d;
	size_t j = *i;
	double val = 0;
	while ((d = digit_at(s, len, &j)) >= 0) {
		val = val * 10 + d;
		n++;
		*i = j;
	}
	*v = val;
	return n;
}

/* The length of a separator byte sequence at s[i]: '.', '/', ',' or U+066B/U+066C. */
static size_t sep_at(const char *s, size_t len, size_t i, int *decimal)
{
	if (i >= len)
		return 0;
	char c = s[i];
	if (c == '.' || c == '/') {
		*decimal = 1;
		return 1;
	}
	if (c == ',') {
		*decimal = 0;
		return 1;
	}
	if (i + 1 < len && (unsigned char)c == 0xD9) {
		unsigned char d = (unsigned char)s[i + 1];
		if (d == 0xAB) { /* ٫ ARABIC DECIMAL SEPARATOR */
			*decimal = 1;
			return 2;
		}
		if (d == 0xAC) { /* ٬ ARABIC THOUSANDS SEPARATOR */
			*decimal = 0;
			return 2;
		}
	}
	return 0;
}

static size_t parse_digits(const char *s, size_t len, double *value, unsigned flags)
{
	size_t i = 0;
	double v;
	int n = digits(s, len, &i, &v);
	if (!n)
		return 0;
	/* thousands groups: exactly three digits after each separator */
	for (;;) {
		int dec = 0;
		size_t k = sep_at(s, len, i, &dec);
		if (!k || dec)
			break;
		size_t j = i + k;
		double g;
		if (digits(s, len, &j, &g) != 3)
			break;
		v = v * 1000 + g;
		i = j;
	}
	/* a decimal part: «12.5», «12/5», «۱۲٫۵», or tokenized «12 . 5» */
	size_t j = i;
	int spaced = (flags & KH_NUM_SPACED_DECIMAL) && j + 2 < len && s[j] == ' ';
	if (spaced)
		j++;
	int dec = 0;
	size_t k = sep_at(s, len, j, &dec);
	if (k && dec) {
		j += k;
		if (spaced && j < len && s[j] == ' ')
			j++;
		else if (spaced)
			j = 0;
		double f;
		size_t fstart = j;
		int fn = j ? digits(s, len, &j, &f) : 0;
		if (fn > 0 && fn <= 6) {
			(void)fstart;
			double scale = 1;
			for (int q = 0; q < fn; q++)
				scale *= 10;
			v += f / scale;
			i = j;
		}
	}
	*value = v;
	return i;
}

static int word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The end of the word at s[i]: Arabic-script and Latin letters, not ZWNJ. */
static size_t word_end(const char *s, size_t len, size_t i)
{
	while (i < len && word_byte((unsigned char)s[i])) {
		if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x8C)
			break; /* ZWNJ */
		if ((unsigned char)s[i] == 0xD8 && i + 1 < len && (unsigned char)s[i + 1] == 0x8C)
			break; /* «،» */
		i++;
	}
	return i;
}

/* Spaces and ZWNJ between words. */
static size_t skip_gap(const char *s, size_t len, size_t i)
{
	for (;;) {
		if (i < len && s[i] == ' ')
			i++;
		else if (i + 2 < len && (unsigned char)s[i] == 0xE2 &&
		         (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x8C)
			i += 3;
		else
			return i;
	}
}

size_t kh_number_parse(const char *s, size_t len, double *value, unsigned flags)
{
	double total = 0, group = 0;
	int got = 0, joined = 0; /* joined: the last word was «و» */
	size_t i = 0, end = 0;
	/* digits first, then words that may scale them («۲ میلیون») */
	size_t n = parse_digits(s, len, &group, flags);
	if (n) {
		got = 1;
		i = end = n;
	}
	for (;;) {
		size_t at = got ? skip_gap(s, len, i) : i;
		size_t we = word_end(s, len, at);
		if (we == at)
			break;
		const word *w = lookup(s + at, we - at);
		if (!w) {
			/* «و» joins the parts of a number: «بیست و پنج» */
			if (got && we - at == 2 && !memcmp(s + at, "و", 2)) {
				size_t nx = skip_gap(s, len, we);
				size_t nwe = word_end(s, len, nx);
				const word *w2 = nwe > nx ? lookup(s + nx, nwe - nx) : NULL;
				double dv;
				if (w2 && w2->kind != W_FRAC) {
					i = nx;
					joined = 1;
					continue;
				}
				if (parse_digits(s + nx, len - nx, &dv, flags)) {
					/* «۲ میلیون و ۵۰۰ هزار» */
					size_t dn = parse_digits(s + nx, len - nx, &dv, flags);
					size_t after = skip_gap(s, len, nx + dn);
					size_t swe = word_end(s, len, after);
					const word *sc =
					        swe > after ? lookup(s + after, swe - after) : NULL;
					if (sc && sc->kind == W_SCALE) {
						group += dv;
						i = end = nx + dn;
						continue;
					}
				}
			}
			break;
		}
		if (w->kind == W_UNIT) {
			if (got && !joined)
				break; /* parts are joined by «و»: «بیست پنج» is two numbers */
			group += w->value;
		} else if (w->kind == W_SCALE) {
			total += (got && group > 0 ? group : 1) * w->value;
			group = 0;
		} else { /* fraction: «سه دهم» */
			if (!got)
				break;
			group = (total + group) / w->value;
			total = 0;
			got = 1;
			i = end = we;
			break;
		}
		got = 1;
		joined = 0;
		i = end = we;
	}
	if (!got)
		return 0;
	*value = total + group;
	return end;
}
