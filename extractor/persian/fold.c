/* fold.c — loose matching keys for names. */
#include <ctype.h>
#include <string.h>

#include "persian/fold.h"
#include "base/utf8.h"

static uint32_t fold_cp(uint32_t c)
{
	switch (c) {
	case 0x064A: /* ARABIC YEH */
	case 0x0649: /* ALEF MAKSURA */
	case 0x06D2: return 0x06CC;
	case 0x0643: /* ARABIC KAF */ return 0x06A9;
	case 0x0629: /* TEH MARBUTA */
	case 0x06C0: /* HEH WITH YEH ABOVE */ return 0x0647;
	case 0x0623:
	case 0x0625:
	case 0x0622:
	case 0x0671: return 0x0627;
	case 0x0624: return 0x0648;
	}
	if (c >= 0x06F0 && c <= 0x06F9)
		return '0' + (c - 0x06F0);
	if (c >= 0x0660 && c <= 0x0669)
		return '0' + (c - 0x0660);
	if (c < 0x80)
		return (uint32_t)tolower((int)c);
	return c;
}

static int dropped(uint32_t c)
{
	return c == 0x200C || c == 0x200D || c == 0x0640 || (c >= 0x064B && c <= 0x065F) ||
	       c == 0x0670 || c == 0x200E || c == 0x200F || c == 0x0654;
}

static int separator(uint32_t c)
{
	if (kh_is_space(c))
		return 1;
	if (c < 0x80)
		return !isalnum((int)c);
	return c == 0x060C || c == 0x061B || c == 0x061F || c == 0x066B || c == 0x066C ||
	       c == 0x00AB || c == 0x00BB || c == 0x06D4 || (c >= 0x2010 && c <= 0x2027);
}

void kh_fold(const char *s, size_t len, kh_buf *out)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	int pending = 0;
	size_t start = out->len;
	while (p < end) {
		uint32_t c;
		int n = kh_utf8_next(p, (size_t)(end - p), &c);
		if (!n)
			n = 1, c = 0xFFFD;
		p += n;
		if (dropped(c))
			continue;
		if (separator(c)) {
			pending = 1;
			continue;
		}
		if (pending && out->len > start)
			kh_buf_addc(out, ' ');
		pending = 0;
		char tmp[4];
		kh_buf_add(out, tmp, (size_t)kh_utf8_put(fold_cp(c), tmp));
	}
}

char *kh_fold_dup(const char *s)
{
	kh_buf b = {0};
	kh_fold(s, strlen(s), &b);
	return kh_buf_detach(&b, NULL);
}

long kh_fold_find(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!n)
		return -1;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++) {
		int left = p == hay || p[-1] == ' ';
		int right = p[n] == '\0' || p[n] == ' ';
		if (left && right)
			return (long)(p - hay);
	}
	return -1;
}
