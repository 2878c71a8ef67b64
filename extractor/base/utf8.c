/* utf8.c — UTF-8 decoding, white space, and byte-level string helpers. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

int kh_utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (len == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int n;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < (size_t)n)
		return 0;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

int kh_utf8_put(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int kh_is_space(uint32_t cp)
{
	if (cp <= 0x20)
		return 1;
	if (cp < 0x85)
		return cp == 0x7F;
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
	       cp == 0xFEFF;
}

void kh_append_collapsed(kh_buf *b, const char *s, size_t len, int *pending)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		uint32_t cp;
		int n = kh_utf8_next(p, (size_t)(end - p), &cp);
		if (n == 0) { /* cannot happen on decoded input; keep the byte */
			cp = 0xFFFD;
			n = 1;
		}
		if (kh_is_space(cp)) {
			*pending = 1;
		} else {
			if (*pending && b->len > 0 && b->data[b->len - 1] != '\n')
				kh_buf_addc(b, ' ');
			*pending = 0;
			kh_buf_add(b, (const char *)p, (size_t)n);
		}
		p += n;
	}
}

char *kh_collapse_dup(const char *s, size_t len)
{
	kh_buf b = {0};
	int pending = 0;
	kh_append_collapsed(&b, s, len, &pending);
	return kh_buf_detach(&b, NULL);
}

size_t kh_visible_chars(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	size_t n = 0;
	while (p < end) {
		uint32_t cp;
		int k = kh_utf8_next(p, (size_t)(end - p), &cp);
		if (k == 0)
			k = 1, cp = 0xFFFD;
		if (!kh_is_space(cp))
			n++;
		p += k;
	}
	return n;
}

const char *kh_memcasemem(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0)
		return hay;
	for (size_t i = 0; i + n <= len; i++) {
		size_t j = 0;
		while (j < n &&
		       tolower((unsigned char)hay[i + j]) == tolower((unsigned char)needle[j]))
			j++;
		if (j == n)
			return hay + i;
	}
	return NULL;
}

size_t kh_ascii_digits(char *s, size_t len)
{
	size_t r = 0, w = 0;
	while (r < len) {
		unsigned char c0 = (unsigned char)s[r];
		if (r + 1 < len && (c0 == 0xDB || c0 == 0xD9)) {
			unsigned char c1 = (unsigned char)s[r + 1];
			if (c0 == 0xDB && c1 >= 0xB0 && c1 <= 0xB9) { /* U+06F0..9 */
				s[w++] = (char)('0' + (c1 - 0xB0));
				r += 2;
				continue;
			}
			if (c0 == 0xD9 && c1 >= 0xA0 && c1 <= 0xA9) { /* U+0660..9 */
				s[w++] = (char)('0' + (c1 - 0xA0));
				r += 2;
				continue;
			}
		}
		s[w++] = s[r++];
	}
	if (w < len)
		s[w] = '\0';
	return w;
}
