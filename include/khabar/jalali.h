/* khabar/jalali.h — calendar conversions through ICU's Persian calendar, and the
 * Tehran-local calendar date of an ISO-8601 instant. No hand-made leap tables. */
#ifndef KHABAR_JALALI_H
#define KHABAR_JALALI_H

#include "khabar/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A calendar date; month 1..12, day 1..31. */
typedef struct kh_ymd {
	int year, month, day;
} kh_ymd;

/* Converts a Gregorian date to the Jalali (Solar Hijri) date of the same day. */
kh_status kh_gregorian_to_jalali(kh_ymd g, kh_ymd *j, kh_error *err);

/* Converts a Jalali date to Gregorian. Fails with KH_ERR_USAGE for a day that
 * does not exist (e.g. 1402-12-30: 1402 is not a leap year). */
kh_status kh_jalali_to_gregorian(kh_ymd j, kh_ymd *g, kh_error *err);

/* Parses an ISO-8601 date or date-time ("2023-11-26", "2023-11-26T08:14:03+03:30",
 * "...Z"); an instant with a time is moved to Asia/Tehran (history of DST included)
 * and its local date returned in `g`. A time without offset counts as Tehran time.
 * Returns KH_ERR_PARSE when `s` does not start with such a date. */
kh_status kh_iso_to_tehran_date(const char *s, kh_ymd *g, kh_error *err);

/* As kh_iso_to_tehran_date, in the IANA time zone `zone` ("Asia/Kabul" for Afghan
 * pages; NULL is Asia/Tehran). A time without offset counts as that zone's. */
kh_status kh_iso_to_local_date(const char *s, const char *zone, kh_ymd *g, kh_error *err);

/* The local day in `zone` `minutes` before the instant `s` («۳ ساعت پیش» on a page
 * rendered at `s`); a calendar date moves only by whole days. */
kh_status kh_iso_before_to_local_date(const char *s, const char *zone, long minutes, kh_ymd *g,
                                      kh_error *err);

/* The Gregorian day `days` days after `g` (before, when negative). */
kh_status kh_gregorian_add_days(kh_ymd g, int days, kh_ymd *out, kh_error *err);

/* Days in Jalali month `month` of `year` (31, 30, or 29/30 for Esfand), via ICU. */
int kh_jalali_month_length(int year, int month);

/* Day of the week of a Gregorian date in the Persian week: 0 Saturday .. 6 Friday. */
int kh_persian_weekday(kh_ymd g);

/* Writes "YYYY-MM-DD" into `out` (at least 11 bytes). */
void kh_ymd_format(kh_ymd d, char *out);

#ifdef __cplusplus
}
#endif
#endif
