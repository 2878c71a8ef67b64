/* test_jalali.c — calendar conversions and Tehran-local dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "khabar/jalali.h"

static void g2j(int y, int m, int d, const char *want)
{
	kh_ymd j;
	char s[11];
	assert_int_equal(kh_gregorian_to_jalali((kh_ymd){y, m, d}, &j, NULL), KH_OK);
	kh_ymd_format(j, s);
	assert_string_equal(s, want);
}

static void j2g(int y, int m, int d, const char *want)
{
	kh_ymd g;
	char s[11];
	assert_int_equal(kh_jalali_to_gregorian((kh_ymd){y, m, d}, &g, NULL), KH_OK);
	kh_ymd_format(g, s);
	assert_string_equal(s, want);
}

static void tehran(const char *iso, const char *want)
{
	kh_ymd g;
	char s[11];
	assert_int_equal(kh_iso_to_tehran_date(iso, &g, NULL), KH_OK);
	kh_ymd_format(g, s);
	assert_string_equal(s, want);
}

static void known_days(void **state)
{
	(void)state;
	g2j(2023, 11, 26, "1402-09-05"); /* the seed article */
	g2j(2023, 11, 21, "1402-08-30"); /* end of Aban 1402 */
	g2j(2023, 3, 21, "1402-01-01");  /* Nowruz */
	g2j(2017, 3, 12, "1395-12-22");
	j2g(1402, 9, 5, "2023-11-26");
	j2g(1395, 1, 1, "2016-03-20");
	j2g(1402, 12, 29, "2024-03-19");
}

static void leap_years(void **state)
{
	(void)state;
	/* 1399, 1403 and 1408 are leap years: Esfand has 30 days */
	j2g(1399, 12, 30, "2021-03-20");
	j2g(1403, 12, 30, "2025-03-20");
	j2g(1408, 12, 30, "2030-03-20");
	g2j(2021, 3, 21, "1400-01-01");
	kh_ymd g;
	kh_error err = {0};
	assert_int_equal(kh_jalali_to_gregorian((kh_ymd){1402, 12, 30}, &g, &err), KH_ERR_USAGE);
	assert_int_equal(kh_jalali_to_gregorian((kh_ymd){1402, 7, 31}, &g, NULL), KH_ERR_USAGE);
	assert_int_equal(kh_jalali_to_gregorian((kh_ymd){1402, 13, 1}, &g, NULL), KH_ERR_USAGE);
	/* the first six months have 31 days */
	j2g(1402, 6, 31, "2023-09-22");
}

static void instants_to_tehran(void **state)
{
	(void)state;
	tehran("2023-11-26T08:14:03+03:30", "2023-11-26");
	tehran("2023-11-26", "2023-11-26");
	tehran("2023-11-25T21:00:00Z", "2023-11-26");      /* 00:30 in Tehran */
	tehran("2023-11-25T20:29:59Z", "2023-11-25");      /* 23:59:59 in Tehran */
	tehran("2019-07-01T20:00:00+00:00", "2019-07-02"); /* +04:30 in summer before 1402 */
	tehran("2023-07-01T20:00:00+00:00", "2023-07-01"); /* no DST from 1402 */
	tehran("2023-11-26T08:14:03.123+0330", "2023-11-26");
	tehran("2023-11-26 23:10", "2023-11-26"); /* no offset: already Tehran time */
	kh_ymd g;
	assert_int_equal(kh_iso_to_tehran_date("26/11/2023", &g, NULL), KH_ERR_PARSE);
	assert_int_equal(kh_iso_to_tehran_date("2023-13-01", &g, NULL), KH_ERR_PARSE);
	assert_int_equal(kh_iso_to_tehran_date("", &g, NULL), KH_ERR_PARSE);
	assert_int_equal(kh_iso_to_tehran_date("2023-11-26T25:00", &g, NULL), KH_ERR_PARSE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(known_days),
	        cmocka_unit_test(leap_years),
	        cmocka_unit_test(instants_to_tehran),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
