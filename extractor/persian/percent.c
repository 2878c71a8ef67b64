/* percent.c — find percentages: anchors («درصد», «در صد», %, ٪), then the number
 * (digits or words, maybe a range) that ends at each. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "khabar/number.h"
#include "khabar/percent.h"
#include "base/table.h"
#include "base/utf8.h"

KH_DATA(approx);

#define MAX_BACK_WORDS 12

static const char DARSAD[] = "درصد";   /* 8 bytes */
static const char DAR_SAD[] = "در صد"; /* 9 bytes */

static int is_zwnj(const char *s, size_t len, size_t i)
{
	return i + 2 < len + 0 && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	       (unsigned char)s[i + 2] == 0x8C;
}

static int letter_at(const char *s, size_t len, size_t i);

/* Does a letter (Arabic script or Latin, not a digit) end at byte i (exclusive)? */
static int letter_before(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	size_t k = i - 1;
	while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--; /* back to the first byte of the last character */
	return letter_at(s, i, k);
}

static int letter_at(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (is_zwnj(s, len, i))
		return 0;
	/* Arabic-script letters are U+0620..U+06FF less digits and punctuation */
	uint32_t cp;
	int n = kh_utf8_next((const unsigned char *)s + i, len - i, &cp);
	return n && cp >= 0x0620 && cp <= 0x06FF && !(cp >= 0x0660 && cp <= 0x0669) &&
	       !(cp >= 0x06F0 && cp <= 0x06F9) && cp != 0x066A && cp != 0x066B && cp != 0x066C &&
	       cp != 0x06D4;
}

/* Start of the gap (spaces, ZWNJ) that ends at i. */
static size_t gap_back(const char *s, size_t i)
{
	for (;;) {
		if (i > 0 && s[i - 1] == ' ')
			i--;
		else if (i >= 3 && (unsigned char)s[i - 3] == 0xE2 &&
		         (unsigned char)s[i - 2] == 0x80 && (unsigned char)s[i - 1] == 0x8C)
			i -= 3;
		else
			return i;
	}
}

static size_t gap_fwd(const char *s, size_t len, size_t i)
{
	for (;;) {
		if (i < len && s[i] == ' ')
			i++;
		else if (is_zwnj(s, len, i))
			i += 3;
		else
			return i;
	}
}

/* Start of the token that ends at i: back to a space, ZWNJ or the text start. */
static size_t token_back(const char *s, size_t i)
{
	while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n' && s[i - 1] != '\t' &&
	       !(i >= 3 && (unsigned char)s[i - 3] == 0xE2 && (unsigned char)s[i - 2] == 0x80 &&
	         (unsigned char)s[i - 1] == 0x8C))
		i--;
	return i;
}

static int word_is(const char *s, size_t len, size_t i, const char *w, size_t *end)
{
	size_t n = strlen(w);
	if (i + n > len || memcmp(s + i, w, n) || letter_at(s, len, i + n))
		return 0;
	*end = i + n;
	return 1;
}

/* Words for «between», «minus» and range joiners, with the Arabic-yeh spellings. */
static int word_in(const char *s, size_t len, size_t i, const char *const *ws, size_t *end)
{
	for (int k = 0; ws[k]; k++)
		if (word_is(s, len, i, ws[k], end))
			return 1;
	return 0;
}

static const char *const BETWEEN[] = {"بین", "بين", "مابین", "مابين", NULL};
static const char *const MINUS[] = {"منفی", "منفي", NULL};
static const char *const TO[] = {"تا", "الی", "الي", "و", NULL};
/* alternatives sharing one unit: «یک یا دو درصد», «۷۰ و حتی ۸۰ درصد» */
static const char *const OR[] = {"یا", "يا", "و حتی", "و حتي", NULL};

/* Parses [بین] [منفی] NUM [تا NUM] at i; it must end exactly at `anchor`, after a
 * gap or glued to it. Returns 1 with the span's start in *from (after «بین», which
 * stays outside the span as the approximation words do) and the values, or 0. */
static int figure_at(const char *s, size_t len, size_t i, size_t anchor, size_t *from,
                     kh_percentage *f)
{
	size_t p = i, e;
	int between = 0, neg = 0;
	if (word_in(s, len, p, BETWEEN, &e)) {
		between = 1;
		p = gap_fwd(s, len, e);
	}
	*from = p;
	if (word_in(s, len, p, MINUS, &e)) {
		neg = 1;
		p = gap_fwd(s, len, e);
	}
	if (p >= anchor)
		return 0;
	double a;
	size_t n = kh_number_parse(s + p, anchor - p, &a, KH_NUM_SPACED_DECIMAL);
	if (!n)
		return 0;
	p += n;
	double b = a;
	int range = 0;
	f->nvalues = 1;
	f->values[0] = a;
	/* a range («تا», «الی», «-») or a list («،», «و») of figures sharing the unit */
	for (;;) {
		size_t q = gap_fwd(s, len, p), te;
		if (q >= anchor)
			break;
		int list = 0;
		if (s[q] == '-') {
			te = q + 1;
		} else if (s[q] == ',') {
			te = q + 1, list = 1;
		} else if (q + 1 < len && (unsigned char)s[q] == 0xD8 &&
		           (unsigned char)s[q + 1] == 0x8C) {
			te = q + 2, list = 1; /* «،» */
		} else if (word_in(s, len, q, OR, &te)) {
			list = 1;
		} else if (word_in(s, len, q, TO, &te)) {
			list = !strncmp(s + q, "و", 2);
		} else {
			break;
		}
		size_t r = gap_fwd(s, len, te);
		double v;
		size_t m = r < anchor
		                   ? kh_number_parse(s + r, anchor - r, &v, KH_NUM_SPACED_DECIMAL)
		                   : 0;
		if (!m || v > 1000 || v < -1000 || a > 1000 || a < -1000)
			return 0; /* a list or range of percentages, not a year and a figure */
		if (!list) {
			if (range || f->nvalues > 1 || v == a)
				return 0;
			range = 1;
			b = v;
		} else if (range) {
			return 0;
		} else if (f->nvalues < 8) {
			f->values[f->nvalues++] = v;
		}
		p = r + m;
	}
	if (between && !range)
		return 0;
	if (p != anchor && gap_fwd(s, len, p) != anchor)
		return 0;
	if (neg)
		for (int k = 0; k < f->nvalues; k++)
			f->values[k] = -f->values[k];
	if (neg)
		a = -a, b = -b;
	f->value = a < b ? a : b; /* «۲۲ - ۲۱ درصد», «۳ تا نیم درصد»: lower bound first */
	f->value_max = range ? (a < b ? b : a) : f->value;
	return 1;
}

/* Approximation words right before `start` (data/approx.txt). */
static int approx_before(const char *s, size_t start)
{
	size_t e = gap_back(s, start);
	/* drop a tanwin (ً U+064B) as in «تقریباً» */
	if (e >= 2 && (unsigned char)s[e - 2] == 0xD9 && (unsigned char)s[e - 1] == 0x8B)
		e -= 2;
	kh_table_iter it;
	kh_field f[1];
	kh_table_begin(&it, kh_data_approx, kh_data_approx_len);
	while (kh_table_row(&it, f, 1) == 1) {
		size_t n = f[0].len;
		if (n == 0 || n > e)
			continue;
		/* compare with ي/ك folded: the phrase file uses the Persian letters */
		int same = 1;
		for (size_t k = 0; k < n && same; k++) {
			unsigned char a = (unsigned char)s[e - n + k], b = (unsigned char)f[0].s[k];
			if (a == b)
				continue;
			/* ي (D9 8A) for ی (DB 8C), ك (D9 83) for ک (DA A9) */
			if (k + 1 < n && a == 0xD9 && b == 0xDB &&
			    (unsigned char)s[e - n + k + 1] == 0x8A &&
			    (unsigned char)f[0].s[k + 1] == 0x8C) {
				k++;
				continue;
			}
			if (k + 1 < n && a == 0xD9 && b == 0xDA &&
			    (unsigned char)s[e - n + k + 1] == 0x83 &&
			    (unsigned char)f[0].s[k + 1] == 0xA9) {
				k++;
				continue;
			}
			same = 0;
		}
		if (same && !letter_before(s, e - n))
			return 1;
	}
	return 0;
}

/* «در سال ۹۵ درصد بیشتری»: a whole number right after «سال» is the year, not the figure. */
static int year_before(const char *s, size_t start, const kh_percentage *f)
{
	static const char SAL[] = "سال";
	size_t e = gap_back(s, start);
	size_t n = sizeof SAL - 1;
	if (f->nvalues != 1 || f->value != f->value_max || f->value < 0 || f->value > 9999 ||
	    f->value != (long)f->value || e < n || memcmp(s + e - n, SAL, n) ||
	    letter_before(s, e - n) || e == start)
		return 0;
	/* «پنج سال ۴۰ درصد» (in five years, 40 percent): a count before «سال» */
	size_t w = gap_back(s, e - n);
	size_t ws = token_back(s, w);
	double dummy;
	if (ws < w && (kh_number_word(s + ws, w - ws, &dummy) ||
	               kh_number_parse(s + ws, w - ws, &dummy, 0) == w - ws))
		return 0;
	return 1;
}

typedef struct acc {
	kh_percentage *v;
	size_t n, cap;
	int failed;
} acc;

static void add(const char *s, size_t len, acc *a, kh_percentage f)
{
	size_t start = f.start, end = f.end;
	double lo = f.value, hi = f.value_max;
	/* «۱٫۲ درصد تا ۷٫۹ درصد»: a range written with the unit twice */
	if (a->n && lo == hi) {
		kh_percentage *last = &a->v[a->n - 1];
		size_t p = gap_fwd(s, len, last->end), te;
		if (p < start && word_in(s, len, p, TO, &te) && strncmp(s + p, "و", 2) &&
		    gap_fwd(s, len, te) == start && last->value == last->value_max &&
		    last->nvalues == 1 && f.nvalues == 1 && lo > last->value) {
			last->end = end;
			last->value_max = hi;
			return;
		}
	}
	if (a->n && a->v[a->n - 1].end > start) {
		kh_percentage *last = &a->v[a->n - 1];
		if (end - start <= last->end - last->start)
			return; /* overlaps a longer one found before */
		a->n--;
	}
	kh_percentage *grown = kh_grow(a->v, &a->cap, a->n, sizeof *a->v);
	if (!grown) {
		a->failed = 1;
		return;
	}
	a->v = grown;
	a->v[a->n++] = f;
}

/* The longest figure ending at `anchor`: try token starts from far to near. */
static int figure_before(const char *s, size_t len, size_t anchor, size_t *start, kh_percentage *f)
{
	size_t starts[MAX_BACK_WORDS];
	int ns = 0;
	size_t i = gap_back(s, anchor);
	while (ns < MAX_BACK_WORDS && i > 0) {
		size_t t = token_back(s, i);
		starts[ns++] = t;
		if (t == 0 || s[t - 1] == '\n')
			break;
		i = gap_back(s, t);
		if (i == t)
			break;
	}
	for (int k = ns - 1; k >= 0; k--)
		if (figure_at(s, len, starts[k], anchor, start, f))
			return 1;
	return 0;
}

kh_status kh_find_percentages(const char *s, size_t len, kh_percentage **out, size_t *n,
                              kh_error *err)
{
	acc a = {0};
	for (size_t i = 0; i < len && !a.failed; i++) {
		unsigned char c = (unsigned char)s[i];
		size_t anchor = i, aend = 0;
		int sign = 0;
		if (c == 0xD8 && i + sizeof DARSAD - 1 <= len &&
		    !memcmp(s + i, DARSAD, sizeof DARSAD - 1)) {
			aend = i + sizeof DARSAD - 1;
			/* not «درصدد» (intending to), and not inside another word */
			if (aend + 1 < len && (unsigned char)s[aend] == 0xD8 &&
			    (unsigned char)s[aend + 1] == 0xAF)
				continue;
		} else if (c == 0xD8 && i + sizeof DAR_SAD - 1 <= len &&
		           !memcmp(s + i, DAR_SAD, sizeof DAR_SAD - 1) &&
		           !letter_at(s, len, i + sizeof DAR_SAD - 1 + 0) && !letter_before(s, i)) {
			aend = i + sizeof DAR_SAD - 1;
			if (letter_at(s, len, aend) &&
			    !(aend + 1 < len &&
			      ((unsigned char)s[aend] == 0xDB || (unsigned char)s[aend] == 0xD9)))
				continue;
		} else if (c == '%' ||
		           (c == 0xD9 && i + 1 < len && (unsigned char)s[i + 1] == 0xAA)) {
			aend = i + (c == '%' ? 1 : 2);
			sign = 1;
		} else {
			continue;
		}
		/* «درصدی»: the adjective suffix belongs to the span */
		size_t end = aend;
		if (!sign && end + 1 < len &&
		    (((unsigned char)s[end] == 0xDB && (unsigned char)s[end + 1] == 0x8C) ||
		     ((unsigned char)s[end] == 0xD9 && (unsigned char)s[end + 1] == 0x8A)))
			end += 2;
		if (!sign && letter_at(s, len, end))
			continue; /* part of a longer word */
		kh_percentage f = {0};
		f.nvalues = 1;
		if (!sign && letter_before(s, anchor)) {
			/* glued: «صددرصد» («چهل‌درصدی» has a ZWNJ gap and is
			 * handled below)
			 */
			size_t ws = token_back(s, anchor);
			if (ws < anchor && kh_number_word(s + ws, anchor - ws, &f.value)) {
				f.start = ws, f.end = end;
				f.value_max = f.values[0] = f.value;
				f.approx = approx_before(s, ws);
				add(s, len, &a, f);
				i = end - 1;
			}
			continue;
		}
		if (figure_before(s, len, anchor, &f.start, &f) && !year_before(s, f.start, &f)) {
			f.end = end;
			f.approx = approx_before(s, f.start);
			add(s, len, &a, f);
			i = end - 1;
			continue;
		}
		if (sign) { /* «٪۸۰»: the number follows the sign */
			size_t p = gap_fwd(s, len, aend);
			size_t m = p < len && p == aend
			                   ? kh_number_parse(s + p, len - p, &f.value, 0)
			                   : 0;
			if (m) {
				f.start = anchor, f.end = p + m;
				f.value_max = f.values[0] = f.value;
				f.approx = approx_before(s, anchor);
				add(s, len, &a, f);
				i = p + m - 1;
			}
		}
	}
	if (a.failed) {
		free(a.v);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory finding percentages");
	}
	*out = a.v;
	*n = a.n;
	return KH_OK;
}
