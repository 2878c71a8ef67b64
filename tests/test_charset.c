/* test_charset.c — decoding pages whatever they declare. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "khabar/charset.h"

/* «سلام ایران» in windows-1256 bytes (Persian yeh written as Arabic yeh 0xED). */
static const char cp1256_salam[] = "\xd3\xe1\xc7\xe3 \xc7\xed\xd1\xc7\xe4";

static void decode_ok(const char *in, size_t len, const char *http, const char *want_charset,
                      const char *want_text)
{
	kh_decoded d;
	kh_error err = {0};
	assert_int_equal(kh_decode(in, len, http, 1, &d, &err), KH_OK);
	assert_string_equal(d.charset, want_charset);
	if (want_text)
		assert_non_null(strstr(d.data, want_text));
	kh_decoded_free(&d);
}

static char *repeat(const char *head, const char *unit, int n, size_t *len)
{
	size_t hl = strlen(head), ul = strlen(unit);
	char *s = malloc(hl + ul * (size_t)n + 1);
	assert_non_null(s);
	memcpy(s, head, hl);
	for (int i = 0; i < n; i++)
		memcpy(s + hl + ul * (size_t)i, unit, ul);
	*len = hl + ul * (size_t)n;
	s[*len] = '\0';
	return s;
}

static void sniff_meta(void **state)
{
	(void)state;
	char out[32];
	const char *a = "<html><head><meta charset=\"Windows-1256\"></head>";
	assert_int_equal(kh_charset_sniff_meta(a, strlen(a), out, sizeof out), 1);
	assert_string_equal(out, "windows-1256");
	const char *b = "<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=UTF-8'>";
	assert_int_equal(kh_charset_sniff_meta(b, strlen(b), out, sizeof out), 1);
	assert_string_equal(out, "utf-8");
	const char *c = "<meta name=\"viewport\" content=\"width=device-width\"><p>charset=x</p>";
	assert_int_equal(kh_charset_sniff_meta(c, strlen(c), out, sizeof out), 0);
}

static void bom_wins(void **state)
{
	(void)state;
	const char in[] =
	        "\xEF\xBB\xBF<meta charset=windows-1256><p>\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85</p>";
	decode_ok(in, sizeof in - 1, NULL, "utf-8", "<p>سلام</p>");
	const char u16[] = "\xFF\xFE<\0p\0>\0";
	decode_ok(u16, sizeof u16 - 1, NULL, "utf-16le", "<p>");
}

static void utf8_declared_cp1256(void **state)
{
	(void)state;
	size_t len;
	char *s = repeat("<meta charset=windows-1256>", "<p>سلام ایران، خبر روز</p>", 5, &len);
	decode_ok(s, len, NULL, "utf-8", "سلام ایران");
	free(s);
}

static void cp1256_declared_and_undeclared(void **state)
{
	(void)state;
	size_t len;
	char unit[64];
	snprintf(unit, sizeof unit, "<p>%s</p>", cp1256_salam);
	char *s = repeat("<meta charset=windows-1256>", unit, 8, &len);
	decode_ok(s, len, NULL, "windows-1256", "سلام ايران");
	free(s);
	s = repeat("<html><body>", unit, 8, &len);
	decode_ok(s, len, NULL, "windows-1256", "سلام ايران");
	free(s);
	/* Declared Latin-1, written in windows-1256: the bytes win. */
	s = repeat("<meta charset=iso-8859-1>", unit, 8, &len);
	decode_ok(s, len, NULL, "windows-1256", "سلام ايران");
	free(s);
	/* The HTTP header is a declaration too. */
	s = repeat("<html>", unit, 8, &len);
	decode_ok(s, len, "windows-1256", "windows-1256", "سلام ايران");
	free(s);
}

static void latin1_stays_latin(void **state)
{
	(void)state;
	const char in[] = "<meta charset=iso-8859-1><p>Gr\xfc\xdf"
	                  "e aus K\xf6ln und M\xfcnchen</p>";
	decode_ok(in, sizeof in - 1, NULL, "windows-1252", "Grüße aus Köln");
}

static void truncated_and_broken_utf8(void **state)
{
	(void)state;
	size_t len;
	char *s = repeat("<p>", "سلام ایران ", 30, &len);
	/* cut in the middle of a two-byte letter */
	decode_ok(s, len - 2, NULL, "utf-8", "سلام");
	/* one stray byte in a UTF-8 page (in place of a lead byte) becomes U+FFFD */
	s[3] = '\xff';
	kh_decoded d;
	assert_int_equal(kh_decode(s, len, NULL, 1, &d, NULL), KH_OK);
	assert_string_equal(d.charset, "utf-8");
	assert_int_equal(d.replaced, 1);
	assert_non_null(strstr(d.data, "\xEF\xBF\xBD"));
	kh_decoded_free(&d);
	free(s);
}

static void binary_refused(void **state)
{
	(void)state;
	unsigned char junk[4096];
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < sizeof junk; i++) { /* xorshift: reproducible junk */
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		junk[i] = (unsigned char)x;
	}
	kh_decoded d;
	kh_error err = {0};
	assert_int_equal(kh_decode((char *)junk, sizeof junk, NULL, 1, &d, &err), KH_ERR_BINARY);
	assert_non_null(strstr(err.message, "binary"));
}

static void nul_bytes_dropped(void **state)
{
	(void)state;
	const char in[] = "<p>ab\0cd</p>";
	kh_decoded d;
	assert_int_equal(kh_decode(in, sizeof in - 1, NULL, 1, &d, NULL), KH_OK);
	assert_string_equal(d.data, "<p>abcd</p>");
	assert_int_equal(d.len, strlen(d.data));
	kh_decoded_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(sniff_meta),
	        cmocka_unit_test(bom_wins),
	        cmocka_unit_test(utf8_declared_cp1256),
	        cmocka_unit_test(cp1256_declared_and_undeclared),
	        cmocka_unit_test(latin1_stays_latin),
	        cmocka_unit_test(truncated_and_broken_utf8),
	        cmocka_unit_test(binary_refused),
	        cmocka_unit_test(nul_bytes_dropped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
