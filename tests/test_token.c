/* test_token.c — the ICU tokenizer and the light stemmer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "khabar/normalize.h"
#include "khabar/stem.h"
#include "khabar/token.h"

/* The tokens of `text` as "kind:text|kind:text|...", checked against `want`. */
static void tokens(const char *text, const char *want)
{
	kh_token *t = NULL;
	size_t n = 0;
	assert_int_equal(kh_tokenize(text, strlen(text), &t, &n, NULL), KH_OK);
	char got[1024] = "";
	size_t w = 0;
	for (size_t i = 0; i < n && w < sizeof got; i++) {
		assert_true(t[i].start < t[i].end && t[i].end <= strlen(text));
		w += (size_t)snprintf(got + w, sizeof got - w, "%s%c:%.*s", i ? "|" : "",
		                      kh_token_kind_name(t[i].kind)[0],
		                      (int)(t[i].end - t[i].start), text + t[i].start);
	}
	if (strcmp(got, want))
		fail_msg("«%s»: got %s, wanted %s", text, got, want);
	free(t);
}

static void words_and_zwnj(void **state)
{
	(void)state;
	/* ZWNJ stays inside the word; spaces are not tokens */
	tokens("می‌گوید", "w:می‌گوید");
	tokens("دستگاه‌های اجرایی", "w:دستگاه‌های|w:اجرایی");
	tokens("می گوید", "w:می|w:گوید"); /* apart: two words (the normalizer joins them) */
	tokens("سلام، دنیا!", "w:سلام|p:،|w:دنیا|p:!");
	tokens("«وزیر» گفت:", "p:«|w:وزیر|p:»|w:گفت|p::");
	tokens("Hello, world", "w:Hello|p:,|w:world");
	tokens("   ", "");
	tokens("", "");
}

static void numbers(void **state)
{
	(void)state;
	/* the three digit systems, with their decimal and thousands separators */
	tokens("۱۲٫۵ درصد", "n:۱۲٫۵|w:درصد");
	tokens("12.5%", "n:12.5|p:%");
	tokens("١٢٣ و 1,200", "n:١٢٣|w:و|n:1,200");
	tokens("۱۴۰۲/۰۸/۳۰", "n:۱۴۰۲|p:/|n:۰۸|p:/|n:۳۰");
}

static void byte_offsets(void **state)
{
	(void)state;
	const char *s = "الف 😀 ب";
	kh_token *t = NULL;
	size_t n = 0;
	assert_int_equal(kh_tokenize(s, strlen(s), &t, &n, NULL), KH_OK);
	assert_int_equal(n, 3);
	assert_int_equal(t[0].start, 0);
	assert_int_equal(t[0].end, 6);   /* three 2-byte letters */
	assert_int_equal(t[1].start, 7); /* the emoji: 4 bytes, 2 UTF-16 units */
	assert_int_equal(t[1].end, 11);
	assert_int_equal(t[2].start, 12);
	assert_int_equal(t[2].end, 14);
	free(t);
	/* invalid UTF-8: one punctuation token per bad byte, offsets still in bytes */
	const char bad[] = "a\xff\xfe b";
	assert_int_equal(kh_tokenize(bad, strlen(bad), &t, &n, NULL), KH_OK);
	assert_int_equal(n, 4);
	assert_int_equal(t[1].kind, KH_TOKEN_PUNCT);
	assert_int_equal(t[1].start, 1);
	assert_int_equal(t[2].start, 2);
	assert_int_equal(t[3].start, 4);
	free(t);
}

/* The stem of a canonical word, as its search key. */
static void stem(const char *word, const char *want)
{
	char out[256];
	size_t n = kh_stem(word, strlen(word), out, sizeof out);
	if (strcmp(out, want) || n != strlen(want))
		fail_msg("«%s» stemmed to «%s», wanted «%s»", word, out, want);
}

static void stems(void **state)
{
	(void)state;
	/* plural suffixes, with the ZWNJ, joined, or as the normalizer leaves them */
	stem("دستگاه‌های", "دستگاه");
	stem("دستگاههای", "دستگاه");
	stem("کشورها", "کشور");
	stem("شرکت‌هایی", "شرکت");
	stem("برنامه‌هایشان", "برنامه");
	/* «ان» plurals, with «گان» → «ه» and «یان» after a vowel */
	stem("کارشناسان", "کارشناس");
	stem("نمایندگان", "نماینده");
	stem("نخبگان", "نخبه");
	stem("بزرگان", "بزرگ");
	stem("دانشجویان", "دانشجو");
	stem("ایرانیان", "ایرانی");
	/* comparatives */
	stem("بزرگ‌ترین", "بزرگ");
	stem("مهمترین", "مهم");
	stem("بیشتر", "بیش");
	stem("بهتر", "بهتر"); /* a stem keeps three letters before «تر» */
	/* verb prefixes */
	stem("می‌گوید", "گوید");
	stem("میگوید", "گوید");
	stem("نمی‌شود", "شود");
	/* words that only look inflected stay whole */
	stem("سازمان", "سازمان");
	stem("آلمان", "المان"); /* the search key folds آ */
	stem("ایران", "ایران");
	stem("استان‌ها", "استان");
	stem("شهرستان", "شهرستان");
	stem("دفتر", "دفتر");
	stem("تنها", "تنها");
	stem("میلیارد", "میلیارد");
	stem("میلیون", "میلیون");
	stem("میدان", "میدان");
	stem("ایشان", "ایشان");
	stem("نهایت", "نهایت");
	/* a ZWNJ marks the boundary: «ای» after it is not «های» */
	stem("منطقه‌ای", "منطقهای");
	stem("هسته‌ای", "هستهای");
	/* folds of the search key */
	stem("كتاب‌ها", "کتاب");
	stem("مسئولان", "مسیول");
	stem("Reports", "reports");
	stem("و", "و");
}

/* Every spelling of a word gives one search key after normalization and stemming. */
static void spellings_agree(void **state)
{
	(void)state;
	static const char *const variants[][4] = {
	        {"دستگاه‌های", "دستگاههای", "دستگاه های", "دستگاه‌هاي"},
	        {"می‌گوید", "میگوید", "می گوید", "مي‌گويد"},
	        {"کارشناسان", "كارشناسان", "کارشناسان", "کارشناسان"},
	};
	for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
		char first[256] = "";
		for (int k = 0; k < 4; k++) {
			char *canon;
			size_t cl;
			assert_int_equal(kh_normalize(variants[v][k], strlen(variants[v][k]),
			                              KH_NORM_CANONICAL, KH_DIGITS_LATIN, &canon,
			                              &cl, NULL),
			                 KH_OK);
			char out[256];
			kh_stem(canon, cl, out, sizeof out);
			free(canon);
			if (k == 0)
				strcpy(first, out);
			else if (strcmp(first, out))
				fail_msg("«%s» gave «%s», «%s» gave «%s»", variants[v][0], first,
				         variants[v][k], out);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(words_and_zwnj),  cmocka_unit_test(numbers),
	        cmocka_unit_test(byte_offsets),    cmocka_unit_test(stems),
	        cmocka_unit_test(spellings_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
