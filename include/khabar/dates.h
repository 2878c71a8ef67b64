/* khabar/dates.h — dates in Persian text, resolved to the Jalali and Gregorian days.
 *
 * Found: «۵ آذر ۱۴۰۲», «۵ آذرماه», «آذر ۱۴۰۲», «آذرماه», «آبان امسال», «سال ۱۴۰۲», «سال ۹۵»,
 * «سال ۲۰۱۵ میلادی», «۲۱ نوامبر ۲۰۲۳», «۱۴۰۲/۰۸/۳۰», «2023-11-21», weekdays («روز
 * چهارشنبه»), relative dates («امروز، دیروز، امسال، سال گذشته، ماه آینده، پارسال»),
 * «۵ سال گذشته», seasons («تابستان ۱۳۹۴»), decades («دهه ۶۰»), occasions («اربعین»),
 * parts of a period before any of them («پایان / آخر / اوایل / اواسط / نیمه اول» + month
 * or year), days as ordinal words («پنجم آذر»), bare years («در 2016») and one span for
 * lists, ranges and counts («۲۷ و ۲۸ خرداد», «از سال ۱۹۰۸ تا سال ۱۹۲۸», «هفت ماه اول سال
 * ۱۳۹۵», «از ابتدای سال تاکنون», «طی دو سال گذشته»). A time of day with its day («صبح
 * امروز», «چهارشنبه شب», «امشب») is found too, marked `is_time`: a TIME, not a date.
 * Not dates: «امروز» meaning nowadays (in quoted speech, «دنیای امروز»), occasions naming
 * an event («ستاد اربعین»), counts («۱۴۰۰ نفر»), «سال بعد» (counted from an event).
 * Words: extractor/persian/data/dates.tsv and months.tsv.
 *
 * Resolution: relative dates and dates without a year use the publication date; a
 * part resolves to its edge day («پایان آبان ۱۴۰۲» = 1402-08-30, «اوایل آذر» = the 1st,
 * precision day) or the middle (اواسط, precision month); a month is given as its first
 * day with precision month, a year as its first day with precision year. Weeks,
 * Hijri dates and what cannot be placed (no publication date) stay unresolved. */
#ifndef KHABAR_DATES_H
#define KHABAR_DATES_H

#include <stddef.h>

#include "khabar/error.h"
#include "khabar/jalali.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kh_precision { KH_PREC_NONE, KH_PREC_DAY, KH_PREC_MONTH, KH_PREC_YEAR } kh_precision;

typedef struct kh_date_mention {
	size_t start, end; /* UTF-8 byte span in the text */
	int resolved;      /* jalali and gregorian hold the day */
	kh_ymd jalali, gregorian;
	kh_precision precision; /* KH_PREC_NONE when unresolved */
	int is_time; /* a time of day («صبح امروز», «امشب», «چهارشنبه شب»): a TIME entity */
} kh_date_mention;

/* Finds the dates of text[0..len). `published` (Gregorian, may be NULL) anchors
 * relative dates. `*out` is a malloc'd array (NULL when none) of `*n` items. */
kh_status kh_find_dates(const char *text, size_t len, const kh_ymd *published,
                        kh_date_mention **out, size_t *n, kh_error *err);

/* The name of a precision: "day", "month", "year", or NULL for none. */
const char *kh_precision_name(kh_precision p);

#ifdef __cplusplus
}
#endif
#endif
