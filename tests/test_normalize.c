/* test_normalize.c — canonical and search forms of Persian text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "khabar/normalize.h"

static void norm(const char *in, kh_norm_level level, kh_norm_digits d, const char *want)
{
	char *out = NULL;
	size_t n = 0;
	assert_int_equal(kh_normalize(in, strlen(in), level, d, &out, &n, NULL), KH_OK);
	if (strcmp(out, want) || n != strlen(want))
		fail_msg("«%s» gave «%s», wanted «%s»", in, out, want);
	free(out);
}

#define CANON(in, want)  norm(in, KH_NORM_CANONICAL, KH_DIGITS_KEEP, want)
#define SEARCH(in, want) norm(in, KH_NORM_SEARCH, KH_DIGITS_KEEP, want)

static void letters(void **state)
{
	(void)state;
	CANON("علي", "علی");           /* Arabic yeh */
	CANON("مصطفى", "مصطفی");       /* alef maksura */
	CANON("كتاب", "کتاب");         /* Arabic kaf */
	CANON("علی", "علی");           /* already Persian: unchanged */
	CANON("ﻛﺘﺎﺏ", "کتاب");         /* presentation forms, via NFKC then the fold */
	CANON("ﻻ", "لا");              /* the lam-alef ligature */
	CANON("مـــحـمـد", "محمد");    /* tatweel */
	CANON("مُحَمَّد", "محمد");         /* diacritics */
	CANON("أحمد آمد", "أحمد آمد"); /* hamza forms stay in the canonical form */
	CANON("abc ABC", "abc ABC");
}

static void zwnj_and_spacing(void **state)
{
	(void)state;
	CANON("می گوید", "می‌گوید");
	CANON("نمی خواهد", "نمی‌خواهد");
	CANON("میگوید", "میگوید"); /* joined: left as written */
	CANON("دستگاه های اجرایی", "دستگاه‌های اجرایی");
	CANON("کتاب ها", "کتاب‌ها");
	CANON("بزرگ تر و بزرگ ترین", "بزرگ‌تر و بزرگ‌ترین");
	CANON("کتاب‌‌‌ها", "کتاب‌ها"); /* repeated ZWNJ */
	CANON("کتاب‌ خوب", "کتاب خوب");           /* ZWNJ next to a space goes */
	CANON("کتاب‌ ها", "کتاب‌ها"); /* ... and a suffix written apart joins */
	CANON("  سلام    دنیا \n", "سلام دنیا");
	CANON("‌سلام‌", "سلام");             /* ZWNJ at word edges */
	CANON("می  یابد", "می‌یابد");        /* a double space first (found by fuzzing) */
	CANON("هوا تر است", "هوا‌تر است"); /* the rule is orthographic, not semantic */
}

static void digits(void **state)
{
	(void)state;
	norm("سال ۱۴۰۲ و 2023 و ١٤٤٥", KH_NORM_CANONICAL, KH_DIGITS_KEEP, "سال ۱۴۰۲ و 2023 و ١٤٤٥");
	norm("سال ۱۴۰۲ و 2023 و ١٤٤٥", KH_NORM_CANONICAL, KH_DIGITS_LATIN,
	     "سال 1402 و 2023 و 1445");
	norm("سال ۱۴۰۲ و 2023 و ١٤٤٥", KH_NORM_CANONICAL, KH_DIGITS_PERSIAN,
	     "سال ۱۴۰۲ و ۲۰۲۳ و ۱۴۴۵");
}

static void search_keys(void **state)
{
	(void)state;
	const char *variants[] = {"دستگاه‌های", "دستگاههای", "دستگاه های",
	                          "دستگاه‌هاي"};
	for (int i = 0; i < 4; i++)
		SEARCH(variants[i], "دستگاههای");
	SEARCH("می‌گوید", "میگوید");
	SEARCH("می گوید", "میگوید");
	SEARCH("میگوید", "میگوید");
	SEARCH("أحمد إبراهيم آمد", "احمد ابراهیم امد");
	SEARCH("خانهٔ مدرسة", "خانه مدرسه");
	SEARCH("زارع پور", "زارع پور"); /* two words stay two words */
	SEARCH("زارع‌پور", "زارعپور");
	SEARCH("۱۲۳ ١٢٣ 123", "123 123 123");
	SEARCH("IRNA Tasnim", "irna tasnim");
	SEARCH("شهر ةا", "شهرها"); /* folded before the ZWNJ rules (found by fuzzing) */
}

static void odd_input(void **state)
{
	(void)state;
	CANON("", "");
	CANON("   ", "");
	char *out = NULL;
	size_t n;
	const char bad[] = "ab\xff\xfe cd";
	assert_int_equal(kh_normalize(bad, sizeof bad - 1, KH_NORM_CANONICAL, KH_DIGITS_KEEP, &out,
	                              &n, NULL),
	                 KH_OK);
	assert_non_null(strstr(out, "\xEF\xBF\xBD")); /* U+FFFD */
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(letters),   cmocka_unit_test(zwnj_and_spacing),
	        cmocka_unit_test(digits),    cmocka_unit_test(search_keys),
	        cmocka_unit_test(odd_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
