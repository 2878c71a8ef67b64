/* words.c — a fast word cutter for the pattern finders (dates, facts): words folded for
 * lookup, digit runs with their value, one-byte punctuation, line breaks. */
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "persian/words.h"

/* ي ى → ی, ك → ک; ZWNJ, spaces, tatweel and diacritics dropped. */
size_t kh_word_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t w = 0;
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		if (*p < 0x80) { /* ASCII: lower-cased, spaces dropped */
			unsigned char a = *p++;
			if (a == ' ')
				continue;
			if (w + 1 >= cap)
				break;
			out[w++] = (char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
			continue;
		}
		uint32_t c;
		int k = kh_utf8_next(p, (size_t)(end - p), &c);
		if (!k)
			k = 1, c = 0xFFFD;
		p += k;
		if (c == ' ' || c == 0x200C || c == 0x0640 || (c >= 0x064B && c <= 0x065F) ||
		    c == 0x0670)
			continue;
		if (c == 0x064A || c == 0x0649)
			c = 0x06CC;
		else if (c == 0x0643)
			c = 0x06A9;
		else if (c >= 'A' && c <= 'Z')
			c += 32;
		char tmp[4];
		int tl = kh_utf8_put(c, tmp);
		if (w + (size_t)tl >= cap)
			break;
		memcpy(out + w, tmp, (size_t)tl);
		w += (size_t)tl;
	}
	out[w] = '\0';
	return w;
}

static int is_word_cp(uint32_t c)
{
	return (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
	       (c >= 0x06FA && c <= 0x06FC) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;
}

static int digit_value(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0x06F0 && c <= 0x06F9)
		return (int)(c - 0x06F0);
	if (c >= 0x0660 && c <= 0x0669)
		return (int)(c - 0x0660);
	return -1;
}

kh_word *kh_words(const char *s, size_t len, int *nt)
{
	size_t cap = 256;
	int n = 0;
	kh_word *t = malloc(cap * sizeof *t);
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	char nl = 0;
	while (t && i < len) {
		uint32_t c;
		int k = kh_utf8_next(u + i, len - i, &c);
		if (!k)
			k = 1, c = 0xFFFD;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0x200C || c == 0xA0) {
			i += (size_t)k;
			nl |= c == '\n';
			continue;
		}
		if ((size_t)n == cap) {
			kh_word *nt2 = realloc(t, (cap *= 2) * sizeof *t);
			if (!nt2) {
				free(t);
				return NULL;
			}
			t = nt2;
		}
		kh_word *x = &t[n++];
		memset(x, 0, sizeof *x);
		x->s = i;
		x->nl = nl;
		nl = 0;
		if (digit_value(c) >= 0) {
			x->num = 1;
			while (i < len) {
				int kk = kh_utf8_next(u + i, len - i, &c);
				int d = kk ? digit_value(c) : -1;
				if (d < 0)
					break;
				if (x->ndig < 9)
					x->value = x->value * 10 + d;
				x->ndig++;
				i += (size_t)kk;
			}
		} else if (is_word_cp(c)) {
			size_t ws = i;
			while (i < len) {
				int kk = kh_utf8_next(u + i, len - i, &c);
				if (kk && is_word_cp(c)) {
					i += (size_t)kk;
					continue;
				}
				/* ZWNJ inside a word («سه‌شنبه») */
				uint32_t c2;
				if (kk && c == 0x200C && i + 3 < len &&
				    kh_utf8_next(u + i + 3, len - i - 3, &c2) && is_word_cp(c2)) {
					i += 3;
					continue;
				}
				break;
			}
			x->flen = kh_word_fold(s + ws, i - ws, x->f, sizeof x->f);
		} else {
			x->punct = c < 0x80      ? (char)c
			           : c == 0x060C ? ','
			           : c == 0x061B ? ';'
			           : c == 0x00AB ? '<'
			           : c == 0x00BB ? '>'
			                         : '?';
			i += (size_t)k;
		}
		x->e = i;
	}
	*nt = n;
	return t;
}
