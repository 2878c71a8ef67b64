/* test_dates.c — dates found in Persian text and placed in both calendars. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "khabar/dates.h"

static const kh_ymd PUB = {2023, 11, 26}; /* 1402-09-05, a Sunday */

/* The first date in `text`: its surface and Jalali day (or "" unresolved) and precision. */
static void first(const char *text, const kh_ymd *pub, const char *surface, const char *jalali,
                  const char *prec)
{
	kh_date_mention *d = NULL;
	size_t n = 0;
	assert_int_equal(kh_find_dates(text, strlen(text), pub, &d, &n, NULL), KH_OK);
	if (n == 0)
		fail_msg("«%s»: no date found", text);
	char j[11] = "";
	if (d[0].resolved)
		kh_ymd_format(d[0].jalali, j);
	const char *p = kh_precision_name(d[0].precision);
	size_t sl = strlen(surface);
	if (d[0].end - d[0].start != sl || memcmp(text + d[0].start, surface, sl) ||
	    strcmp(j, jalali) || strcmp(p ? p : "", prec))
		fail_msg("«%s»: got «%.*s» %s %s, wanted «%s» %s %s", text,
		         (int)(d[0].end - d[0].start), text + d[0].start, j, p ? p : "-", surface,
		         jalali, prec);
	free(d);
}

static void none(const char *text)
{
	kh_date_mention *d = NULL;
	size_t n = 0;
	assert_int_equal(kh_find_dates(text, strlen(text), &PUB, &d, &n, NULL), KH_OK);
	if (n)
		fail_msg("«%s»: found «%.*s»", text, (int)(d[0].end - d[0].start),
		         text + d[0].start);
	free(d);
}

static void full_dates(void **state)
{
	(void)state;
	first("در ۵ آذر ۱۴۰۲ منتشر شد", &PUB, "۵ آذر ۱۴۰۲", "1402-09-05", "day");
	first("در 5 آذرماه 1402", &PUB, "5 آذرماه 1402", "1402-09-05", "day");
	first("روز 3 ارديبهشت ماه 1396", &PUB, "روز 3 ارديبهشت ماه 1396", "1396-02-03", "day");
	/* a day written as an ordinal word */
	first("در پنجم آذرماه", &PUB, "پنجم آذرماه", "1402-09-05", "day");
	first("بیست و یکم اسفند ۱۴۰۲", &PUB, "بیست و یکم اسفند ۱۴۰۲", "1402-12-21", "day");
	first("سی و یکم شهریور", &PUB, "سی و یکم شهریور", "1402-06-31", "day");
	first("هشتم صفر 1319 قمری", &PUB, "هشتم صفر 1319 قمری", "", "");
	first("۱۴۰۲/۰۸/۳۰ ساعت ۱۰", &PUB, "۱۴۰۲/۰۸/۳۰", "1402-08-30", "day");
	first("2023-11-21 at noon", &PUB, "2023-11-21", "1402-08-30", "day");
	first("در 1395 . 8 . 30", &PUB, "1395 . 8 . 30", "1395-08-30", "day");
	first("۲۱ نوامبر ۲۰۲۳ میلادی", &PUB, "۲۱ نوامبر ۲۰۲۳ میلادی", "1402-08-30", "day");
	first("تا ۱۲ اسفند", &PUB, "۱۲ اسفند", "1402-12-12", "day"); /* the year of publication */
}

static void months_years_parts(void **state)
{
	(void)state;
	first("در آذر ۱۴۰۲", &PUB, "آذر ۱۴۰۲", "1402-09-01", "month");
	first("در مهرماه گذشته", &PUB, "مهرماه گذشته", "1402-07-01", "month"); /* Mehr is over */
	first("در دی ماه گذشته", &PUB, "دی ماه گذشته", "1401-10-01", "month"); /* not yet */
	first("در سپتامبر گذشته", &PUB, "سپتامبر گذشته", "1402-06-10", "month");
	first("در نوامبر", &PUB, "نوامبر", "1402-08-10", "month"); /* Gregorian names stand alone */
	first("اردیبهشت ماه 95", &PUB, "اردیبهشت ماه 95", "1395-02-01", "month");
	first("ماه فوریه سال 2017", &PUB, "ماه فوریه سال 2017", "1395-11-13", "month");
	first("ژوییه سال 2014", &PUB, "ژوییه سال 2014", "1393-04-10", "month");
	first("تابستان گذشته", &PUB, "تابستان گذشته", "1402-04-01", "month");
	first("سال گذشته میلادی", &PUB, "سال گذشته میلادی", "1400-10-11", "year"); /* 2022 */
	first("دهه 80 ميلادي", &PUB, "دهه 80 ميلادي", "1358-10-11", "year");       /* 1980 */
	first("در سال های ۱۳۹۰", &PUB, "سال های ۱۳۹۰", "1390-01-01", "year");
	first("در سال ۱۴۰۲", &PUB, "سال ۱۴۰۲", "1402-01-01", "year");
	first("در سال 95 رشد", &PUB, "سال 95", "1395-01-01", "year");
	first("سال 2015 میلادی", &PUB, "سال 2015 میلادی", "1393-10-11", "year");
	first("تا پایان آبان ۱۴۰۲", &PUB, "پایان آبان ۱۴۰۲", "1402-08-30", "day");
	first("تا پایان آبان امسال", &PUB, "پایان آبان امسال", "1402-08-30", "day");
	first("تا آخر آذرماه", &PUB, "آخر آذرماه", "1402-09-30", "day");
	first("اوایل آذر", &PUB, "اوایل آذر", "1402-09-01", "day");
	first("اواسط آذر", &PUB, "اواسط آذر", "1402-09-15", "month");
	first("تا پایان سالجاری", &PUB, "پایان سالجاری", "1402-12-29", "day"); /* 1402: 29 days */
	first("پایان سال ۱۴۰۳", &PUB, "پایان سال ۱۴۰۳", "1403-12-30", "day");  /* leap */
	first("پایان سال ۱۳۹۹", &PUB, "پایان سال ۱۳۹۹", "1399-12-30", "day");  /* leap */
	first("تابستان 1394", &PUB, "تابستان 1394", "1394-04-01", "month");
	first("دهه ۶۰", &PUB, "دهه ۶۰", "1360-01-01", "year");
	first("پایان شهریور", &PUB, "پایان شهریور", "1402-06-31", "day");
	first("پایان مهر", &PUB, "پایان مهر", "1402-07-30", "day");
}

static void relative(void **state)
{
	(void)state;
	first("امروز اعلام شد", &PUB, "امروز", "1402-09-05", "day");
	first("ديروز گفت", &PUB, "ديروز", "1402-09-04", "day");
	first("روز گذشته", &PUB, "روز گذشته", "1402-09-04", "day");
	first("فردا", &PUB, "فردا", "1402-09-06", "day");
	first("امسال", &PUB, "امسال", "1402-01-01", "year");
	first("سال گذشته", &PUB, "سال گذشته", "1401-01-01", "year");
	first("ماه آینده", &PUB, "ماه آینده", "1402-10-01", "month");
	first("۵ سال گذشته", &PUB, "۵ سال گذشته", "1397-01-01", "year");
	first("روز چهارشنبه", &PUB, "روز چهارشنبه", "1402-09-01", "day"); /* the last Wednesday */
	first("سه‌شنبه", &PUB, "سه‌شنبه", "1402-08-30", "day");
	first("هفته گذشته", &PUB, "هفته گذشته", "", ""); /* weeks stay unresolved */
	first("امروز", NULL, "امروز", "", "");           /* no publication date */
	first("در ماه مبارک رمضان", &PUB, "ماه مبارک رمضان", "", "");
	first("نوروز ۱۴۰۳", &PUB, "۱۴۰۳", "1403-01-01", "year"); /* the holidays, not a day */
	first("تا سال 2016", &PUB, "سال 2016", "1394-10-11", "year");
	first("در 2016 رشد کرد", &PUB, "2016", "1394-10-11", "year"); /* a bare year */
	first("قانون بودجه ۱۴۰۲", &PUB, "۱۴۰۲", "1402-01-01", "year");
	first("شنبه هفته جاری", &PUB, "شنبه هفته جاری", "1402-09-04", "day");
	first("دوشنبه هفته گذشته", &PUB, "دوشنبه هفته گذشته", "1402-08-29", "day");
	first("یکشنبه هفته آینده", &PUB, "یکشنبه هفته آینده", "1402-09-12", "day");
	first("پنجشنبه گذشته", &PUB, "پنجشنبه گذشته", "1402-09-02", "day");
	first("شنبه آینده", &PUB, "شنبه آینده", "1402-09-11", "day");
	first("در اربعین حسینی", &PUB, "اربعین حسینی", "", "");
}

static void compound_expressions(void **state)
{
	(void)state;
	first("جلسه چهارشنبه 26 آبان 1395 برگزار شد", &PUB, "چهارشنبه 26 آبان 1395", "1395-08-26",
	      "day");
	first("جمعه، ۲۸ آبان ۱۳۹۵", &PUB, "جمعه، ۲۸ آبان ۱۳۹۵", "1395-08-28", "day");
	first("امروز یکشنبه 21 آذر ماه جاری", &PUB, "امروز یکشنبه 21 آذر ماه جاری", "1402-09-21",
	      "day");
	first("روز دوشنبه 24 آبان ماه", &PUB, "روز دوشنبه 24 آبان ماه", "1402-08-24", "day");
	first("امروز شنبه", &PUB, "امروز شنبه", "1402-09-05", "day");
	first("20 بهمن سال 1364", &PUB, "20 بهمن سال 1364", "1364-11-20", "day");
	first("28 تيرماه امسال", &PUB, "28 تيرماه امسال", "1402-04-28", "day");
	first("زمستان سال 1386", &PUB, "زمستان سال 1386", "1386-10-01", "month");
	first("طی هفت ماه گذشته", &PUB, "طی هفت ماه گذشته", "", "");
	first("در هفت ماه گذشته", &PUB, "هفت ماه گذشته", "", "");
	first("در 3.5 سال گذشته", &PUB, "3.5 سال گذشته", "", "");
	first("طی دو دهه گذشته", &PUB, "طی دو دهه گذشته", "", "");
	/* counts of months, lists and ranges: one span, the value of the first date */
	first("در هفت ماه اول سال 1395", &PUB, "هفت ماه اول سال 1395", "1395-01-01", "year");
	first("شش‌ماهه نخست امسال", &PUB, "شش‌ماهه نخست امسال",
	      "1402-01-01", "year");
	first("9 ماهه سال جاری", &PUB, "9 ماهه سال جاری", "1402-01-01", "year");
	first("27 و 28 خرداد ماه", &PUB, "27 و 28 خرداد ماه", "1402-03-28", "day");
	first("از 15 تا 25 اردیبهشت", &PUB, "از 15 تا 25 اردیبهشت", "1402-02-25", "day");
	first("از سال 1908 تا سال 1928", &PUB, "از سال 1908 تا سال 1928", "1286-10-10", "year");
	first("سال 93 و 94", &PUB, "سال 93 و 94", "1393-01-01", "year");
	first("از ابتدای سال تاکنون", &PUB, "از ابتدای سال تاکنون", "1402-01-01", "day");
	first("پنجشنبه و جمعه 27 و 28 خرداد", &PUB, "پنجشنبه و جمعه 27 و 28 خرداد", "1402-09-02",
	      "day");
	first("در 240 روز گذشته", &PUB, "240 روز گذشته", "", "");
	first("تا پایان سال اجرا شود", &PUB, "پایان سال", "1402-12-29", "day");
	first("در ماه سپتامبر", &PUB, "ماه سپتامبر", "1402-06-10", "month"); /* 1 September 2023 */
}

static void not_dates(void **state)
{
	(void)state;
	none("او به من گفت");                       /* «به من» is not «بهمن» */
	none("نماز جمعه تهران");                    /* Friday prayer */
	none("امروزه گردشگری");                     /* nowadays */
	none("۱۴۰۰ نفر");                           /* a count */
	none("بیش از 2000 میلیارد");                /* a count */
	none("ساعت 13:30");                         /* a time, not a year */
	none("ستاد اربعین");                        /* a body, not a day */
	none("زائران اربعین");                      /* an event */
	none("در دنیای امروز");                     /* nowadays */
	none("تا به امروز");                        /* until now */
	none("او گفت: امروز جامعه ما نیازمند است"); /* «امروز» in quoted speech: nowadays */
	none("دو سال بعد از انقلاب");               /* counts from an event, not from publication */
	none("برای 5 سال دیگر");
	none("مهر مادری"); /* «مهر» alone is kindness, not the month */
	none("");
}

/* The first mention is a time of day (a TIME entity, not a date). */
/* Dari: the solar months by their Afghan names, months 1-12 of the same calendar; the
 * names that are also words («میزان» amount, «حمل» carrying, «سرطان» cancer) only next
 * to a day or year number. Afghan spellings of Gregorian months. */
static void afghan_months(void **state)
{
	(void)state;
	first("روز ۱۵ حمل ۱۴۰۳ در کابل", &PUB, "روز ۱۵ حمل ۱۴۰۳", "1403-01-15", "day");
	first("این نشست در ۲۵ میزان ۱۴۰۲ برگزار شد.", &PUB, "۲۵ میزان ۱۴۰۲", "1402-07-25", "day");
	first("تا ۳ جدی، کار ادامه دارد.", &PUB, "۳ جدی", "1402-10-03", "day");
	first("در ماه حوت ۱۴۰۱ باران کم بود.", &PUB, "حوت ۱۴۰۱", "1401-12-01", "month");
	first("از ۱۰ سرطان سال جاری", &PUB, "۱۰ سرطان سال جاری", "1402-04-10", "day");
	first("در ۵ اپریل ۲۰۲۴ امضا شد.", &PUB, "۵ اپریل ۲۰۲۴", "1403-01-17", "day");
	none("به میزان زیادی افزایش یافت.");
	none("حمل ۱۴۰۰ تن کالا به بندر انجام شد.");
	none("پزشکان ۲۰ سرطان شایع را بررسی کردند.");
	none("او این کار را جدی گرفت و قوس رنگین کمان را دید.");
	none("اسد گفت که می‌آید.");
}

static void time_of_day(const char *text, const char *surface, const char *jalali)
{
	kh_date_mention *d = NULL;
	size_t n = 0;
	assert_int_equal(kh_find_dates(text, strlen(text), &PUB, &d, &n, NULL), KH_OK);
	if (n == 0)
		fail_msg("«%s»: nothing found", text);
	char j[11] = "";
	if (d[0].resolved)
		kh_ymd_format(d[0].jalali, j);
	size_t sl = strlen(surface);
	if (!d[0].is_time || d[0].end - d[0].start != sl ||
	    memcmp(text + d[0].start, surface, sl) || strcmp(j, jalali))
		fail_msg("«%s»: got «%.*s» %s time=%d, wanted the time «%s» %s", text,
		         (int)(d[0].end - d[0].start), text + d[0].start, j, d[0].is_time, surface,
		         jalali);
	free(d);
}

static void times(void **state)
{
	(void)state;
	time_of_day("صبح امروز در جلسه", "صبح امروز", "1402-09-05");
	time_of_day("پیش از ظهر امروز", "پیش از ظهر امروز", "1402-09-05");
	time_of_day("عصر روز چهارشنبه", "عصر روز چهارشنبه", "1402-09-01");
	time_of_day("چهارشنبه شب", "چهارشنبه شب", "1402-09-01");
	time_of_day("امروز صبح", "امروز صبح", "1402-09-05");
	time_of_day("امشب", "امشب", "1402-09-05");
	time_of_day("شب گذشته", "شب گذشته", "1402-09-04");
	first("امروز ( دوشنبه ) در", &PUB, "امروز", "1402-09-05", "day"); /* not a time */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(full_dates),    cmocka_unit_test(months_years_parts),
	        cmocka_unit_test(relative),      cmocka_unit_test(compound_expressions),
	        cmocka_unit_test(not_dates),     cmocka_unit_test(times),
	        cmocka_unit_test(afghan_months),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
