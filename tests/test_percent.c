/* test_percent.c — numbers in three digit systems and in words, and percentages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "khabar/number.h"
#include "khabar/percent.h"

static void num(const char *s, double want, size_t want_len, unsigned flags)
{
	double v = -1;
	size_t n = kh_number_parse(s, strlen(s), &v, flags);
	if (n != want_len || (n && v != want))
		fail_msg("«%s»: got %g over %zu bytes, wanted %g over %zu", s, v, n, want,
		         want_len);
}

static void digits_in_three_systems(void **state)
{
	(void)state;
	num("80", 80, 2, 0);
	num("۸۰", 80, 4, 0);
	num("٨٠", 80, 4, 0);
	num("12.5", 12.5, 4, 0);
	num("۱۲٫۵", 12.5, 8, 0); /* Arabic decimal separator */
	num("12/5", 12.5, 4, 0); /* the slash as Persians type it */
	num("1,200", 1200, 5, 0);
	num("۱٬۲۰۰", 1200, 10, 0); /* Arabic thousands separator */
	num("12 . 5", 12, 2, 0);   /* tokenized decimals only when asked */
	num("12 . 5", 12.5, 6, KH_NUM_SPACED_DECIMAL);
	num("1,20", 1, 1, 0); /* not a thousands group */
	num("x12", 0, 0, 0);
	num("", 0, 0, 0);
}

static void number_words(void **state)
{
	(void)state;
	num("صد", 100, strlen("صد"), 0);
	num("یکصد", 100, strlen("یکصد"), 0);
	num("بیست و پنج", 25, strlen("بیست و پنج"), 0);
	num("بيست و پنج", 25, strlen("بيست و پنج"), 0); /* Arabic yeh */
	num("سه هزار و دویست", 3200, strlen("سه هزار و دویست"), 0);
	num("دو میلیون و پانصد هزار", 2500000, strlen("دو میلیون و پانصد هزار"), 0);
	num("۲ میلیون", 2000000, strlen("۲ میلیون"), 0);
	num("نیم", 0.5, strlen("نیم"), 0);
	num("سه دهم", 0.3, strlen("سه دهم"), 0);
	num("یک‌دهم", 0.1, strlen("یک‌دهم"), 0);
	num("هزار", 1000, strlen("هزار"), 0);
	num("بیست پنج", 20, strlen("بیست"), 0); /* two numbers, not one */
	num("پنج و", 5, strlen("پنج"), 0);
	num("دولت", 0, 0, 0); /* starts like «دو» but is a word */
}

typedef struct want {
	const char *surface;
	double value, value_max;
	int approx;
} want;

static void pct(const char *text, const want *w, size_t nw)
{
	kh_percentage *p = NULL;
	size_t n = 0;
	assert_int_equal(kh_find_percentages(text, strlen(text), &p, &n, NULL), KH_OK);
	if (n != nw)
		fail_msg("«%s»: %zu percentages, wanted %zu", text, n, nw);
	for (size_t i = 0; i < n; i++) {
		size_t sl = strlen(w[i].surface);
		if (p[i].end - p[i].start != sl || memcmp(text + p[i].start, w[i].surface, sl))
			fail_msg("«%s»: got «%.*s», wanted «%s»", text,
			         (int)(p[i].end - p[i].start), text + p[i].start, w[i].surface);
		if (p[i].value != w[i].value || p[i].value_max != w[i].value_max ||
		    p[i].approx != w[i].approx)
			fail_msg("«%s»: %g..%g approx %d, wanted %g..%g approx %d", w[i].surface,
			         p[i].value, p[i].value_max, p[i].approx, w[i].value,
			         w[i].value_max, w[i].approx);
	}
	free(p);
}

#define ONE(text, surf, v, ap)                                                                     \
	do {                                                                                       \
		want w_ = {surf, v, v, ap};                                                        \
		pct(text, &w_, 1);                                                                 \
	} while (0)

static void percent_forms(void **state)
{
	(void)state;
	ONE("میانگین حضور دستگاهها ۶۵ درصد است", "۶۵ درصد", 65, 0);
	ONE("عملکرد ۳۶ درصدی در اجرای قانون", "۳۶ درصدی", 36, 0);
	ONE("عملکرد 36 درصدي داشت", "36 درصدي", 36, 0); /* Arabic yeh */
	ONE("اتصال صددرصدی خدمات", "صددرصدی", 100, 0);
	ONE("ارائه نشدن صد درصدی خدمات", "صد درصدی", 100, 0);
	ONE("کارگران موظف است صد در صد هزینه را بپردازد", "صد در صد", 100, 0);
	ONE("تورم ۱۲٫۵ درصد شد", "۱۲٫۵ درصد", 12.5, 0);
	ONE("تورم 12 . 5 درصد شد", "12 . 5 درصد", 12.5, 0);
	ONE("رشد 80% بود", "80%", 80, 0);
	ONE("رشد 80 % بود", "80 %", 80, 0);
	ONE("رشد ٪۸۰ بود", "٪۸۰", 80, 0);
	ONE("بیست و پنج درصد سهم", "بیست و پنج درصد", 25, 0);
	ONE("نیم درصد کاهش", "نیم درصد", 0.5, 0);
	ONE("با در دست داشتن ۷۰درصد قدرت", "۷۰درصد", 70, 0);
	ONE("چهل‌درصدی", "چهل‌درصدی", 40, 0);
	ONE("رشد منفی ۲ درصد", "منفی ۲ درصد", -2, 0);
}

static void approximations(void **state)
{
	(void)state;
	ONE("حدود ۲۰ درصد از خدمات", "۲۰ درصد", 20, 1);
	ONE("بیش از ۵۰ درصد مردم", "۵۰ درصد", 50, 1);
	ONE("كمتر از ۵ درصد", "۵ درصد", 5, 1); /* Arabic kaf */
	ONE("نزدیک به ۳۰ درصد", "۳۰ درصد", 30, 1);
	ONE("تقریباً ۴۰ درصد", "۴۰ درصد", 40, 1);
	ONE("در حدود ۳۵۰ خدمت و ۲۰ درصد", "۲۰ درصد", 20, 0);
}

static void ranges_and_lists(void **state)
{
	(void)state;
	want r1 = {"۲۰ تا ۳۰ درصد", 20, 30, 0};
	pct("بین ۲۰ تا ۳۰ درصد افزایش", &r1, 1); /* «بین» stays outside */
	want r2 = {"10 الي 15 درصد", 10, 15, 0};
	pct("چيزي بين 10 الي 15 درصد", &r2, 1);
	want r3 = {"1.2 درصد تا 7.9 درصد", 1.2, 7.9, 0};
	pct("این گروه بین 1.2 درصد تا 7.9 درصد افزایش", &r3, 1);
	want l1 = {"32 و 21 درصد", 32, 32, 0};
	pct("به ترتيب 32 و 21 درصد بوده", &l1, 1);
	want l2 = {"يک يا 2 درصد", 1, 1, 0};
	pct("فقط يک يا 2 درصد آلوده", &l2, 1);
	kh_percentage *p = NULL;
	size_t n = 0;
	const char *t = "۲۰٫۳، ۱۹٫۸ و ۱۷٫۴ درصد";
	assert_int_equal(kh_find_percentages(t, strlen(t), &p, &n, NULL), KH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].nvalues, 3);
	assert_true(p[0].values[2] == 17.4);
	free(p);
}

static void not_percentages(void **state)
{
	(void)state;
	pct("وزارت درصدد است این کار را انجام دهد", NULL, 0); /* «درصدد»: intending to */
	pct("درصد بالایی از مردم", NULL, 0);                  /* no number */
	pct("در سال 95 درصد بیشتری رای دادند", NULL, 0);      /* 95 is the year */
	pct("", NULL, 0);
	want w = {"40 درصد", 40, 40, 0};
	pct("در عرض پنج سال 40 درصد کاهش", &w, 1); /* a duration, not a year */
	want v = {"22.2 درصد", 22.2, 22.2, 0};
	pct("نسبت به سال 1391 ، 22.2 درصد افزایش", &v, 1); /* the year is not in the list */
}

static void the_seed_paragraph(void **state)
{
	(void)state;
	const char *t =
	        "سازمان زمین شناسی و اکتشافات معدنی ۸۰ درصد، مرکز توسعه تجارت الکترونیکی ۴۰ "
	        "درصد، شرکت سهامی نمایشگاههای بین المللی جمهوری اسلامی ایران ۳۶ درصد، سازمان "
	        "حمایت مصرف کنندگان و تولید کنندگان ۲۰ درصد و سازمان توسعه تجارت ۱۰ درصد خدمات";
	kh_percentage *p = NULL;
	size_t n = 0;
	assert_int_equal(kh_find_percentages(t, strlen(t), &p, &n, NULL), KH_OK);
	assert_int_equal(n, 5);
	double values[] = {80, 40, 36, 20, 10};
	for (size_t i = 0; i < n; i++)
		assert_true(p[i].value == values[i] && p[i].nvalues == 1);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(digits_in_three_systems), cmocka_unit_test(number_words),
	        cmocka_unit_test(percent_forms),           cmocka_unit_test(approximations),
	        cmocka_unit_test(ranges_and_lists),        cmocka_unit_test(not_percentages),
	        cmocka_unit_test(the_seed_paragraph),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
