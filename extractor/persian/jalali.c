/* jalali.c — Gregorian <-> Jalali through ICU calendars; ISO instants to Tehran dates. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "khabar/jalali.h"

static UCalendar *open_cal(const char *locale, const char *zone, kh_error *err)
{
	UChar tz[64];
	UErrorCode st = U_ZERO_ERROR;
	u_uastrcpy(tz, zone);
	UCalendar *c = ucal_open(tz, -1, locale, UCAL_DEFAULT, &st);
	if (U_FAILURE(st)) {
		kh_error_set(err, KH_ERR_INTERNAL, "ICU calendar %s: %s", locale, u_errorName(st));
		return NULL;
	}
	ucal_setAttribute(c, UCAL_LENIENT, 0);
	return c;
}

/* Sets y-m-d 00:00 (or h:m:s) in `c` and returns the instant, or -1 on a bad date. */
static int to_millis(UCalendar *c, kh_ymd d, int h, int mi, int s, UDate *out)
{
	UErrorCode st = U_ZERO_ERROR;
	ucal_clear(c);
	ucal_setDateTime(c, d.year, d.month - 1, d.day, h, mi, s, &st);
	if (U_FAILURE(st))
		return -1;
	*out = ucal_getMillis(c, &st);
	return U_FAILURE(st) ? -1 : 0;
}

static int from_millis(UCalendar *c, UDate t, kh_ymd *d)
{
	UErrorCode st = U_ZERO_ERROR;
	ucal_setMillis(c, t, &st);
	d->year = ucal_get(c, UCAL_EXTENDED_YEAR, &st);
	d->month = ucal_get(c, UCAL_MONTH, &st) + 1;
	d->day = ucal_get(c, UCAL_DATE, &st);
	return U_FAILURE(st) ? -1 : 0;
}

static kh_status convert(kh_ymd in, const char *from, const char *to, kh_ymd *out, kh_error *err)
{
	if (in.month < 1 || in.month > 12 || in.day < 1 || in.day > 31)
		return kh_error_set(err, KH_ERR_USAGE, "no such date %04d-%02d-%02d", in.year,
		                    in.month, in.day);
	UCalendar *a = open_cal(from, "UTC", err);
	if (!a)
		return KH_ERR_INTERNAL;
	UCalendar *b = open_cal(to, "UTC", err);
	if (!b) {
		ucal_close(a);
		return KH_ERR_INTERNAL;
	}
	UDate t;
	kh_status rc = KH_OK;
	if (to_millis(a, in, 12, 0, 0, &t))
		rc = kh_error_set(err, KH_ERR_USAGE, "no such date %04d-%02d-%02d", in.year,
		                  in.month, in.day);
	else if (from_millis(b, t, out))
		rc = kh_error_set(err, KH_ERR_INTERNAL, "ICU calendar conversion failed");
	ucal_close(a);
	ucal_close(b);
	return rc;
}

kh_status kh_gregorian_to_jalali(kh_ymd g, kh_ymd *j, kh_error *err)
{
	return convert(g, "en@calendar=gregorian", "fa_IR@calendar=persian", j, err);
}

kh_status kh_jalali_to_gregorian(kh_ymd j, kh_ymd *g, kh_error *err)
{
	return convert(j, "fa_IR@calendar=persian", "en@calendar=gregorian", g, err);
}

static int digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

/* The local day in `zone` of the instant `s`, `back` minutes earlier. */
static kh_status iso_local(const char *s, const char *zone, long back, kh_ymd *g, kh_error *err)
{
	const char *p = s;
	kh_ymd d;
	while (*p == ' ')
		p++;
	if (digits(&p, 4, &d.year) || *p++ != '-' || digits(&p, 2, &d.month) || *p++ != '-' ||
	    digits(&p, 2, &d.day) || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
		return kh_error_set(err, KH_ERR_PARSE, "not an ISO-8601 date: %.40s", s);
	int h = 0, mi = 0, sec = 0;
	if ((*p != 'T' && *p != ' ') || !isdigit((unsigned char)p[1])) {
		if (back >= 1440) /* a calendar date: only whole days move it */
			return kh_gregorian_add_days(d, -(int)(back / 1440), g, err);
		*g = d;
		return KH_OK;
	}
	p++;
	if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi) || h > 23 || mi > 59)
		return kh_error_set(err, KH_ERR_PARSE, "not an ISO-8601 time: %.40s", s);
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &sec) || sec > 60)
			return kh_error_set(err, KH_ERR_PARSE, "not an ISO-8601 time: %.40s", s);
		if (sec == 60)
			sec = 59;
	}
	if (*p == '.' || *p == ',')
		for (p++; isdigit((unsigned char)*p); p++)
			;
	int has_offset = 0, off_min = 0;
	if (*p == 'Z' || *p == 'z') {
		has_offset = 1;
	} else if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, oh, om = 0;
		p++;
		if (digits(&p, 2, &oh))
			return kh_error_set(err, KH_ERR_PARSE, "bad UTC offset in %.40s", s);
		if (*p == ':')
			p++;
		if (isdigit((unsigned char)*p) && digits(&p, 2, &om))
			return kh_error_set(err, KH_ERR_PARSE, "bad UTC offset in %.40s", s);
		has_offset = 1;
		off_min = sign * (oh * 60 + om);
	}
	if (!has_offset && !back) {
		*g = d; /* local time already */
		return KH_OK;
	}
	UCalendar *utc = open_cal("en@calendar=gregorian", has_offset ? "UTC" : zone, err);
	if (!utc)
		return KH_ERR_INTERNAL;
	UCalendar *teh = open_cal("en@calendar=gregorian", zone, err);
	if (!teh) {
		ucal_close(utc);
		return KH_ERR_INTERNAL;
	}
	UDate t;
	kh_status rc = KH_OK;
	if (to_millis(utc, d, h, mi, sec, &t))
		rc = kh_error_set(err, KH_ERR_PARSE, "no such date-time: %.40s", s);
	else if (from_millis(teh, t - off_min * 60000.0 - back * 60000.0, g))
		rc = kh_error_set(err, KH_ERR_INTERNAL, "ICU calendar conversion failed");
	ucal_close(utc);
	ucal_close(teh);
	return rc;
}

kh_status kh_iso_to_local_date(const char *s, const char *zone, kh_ymd *g, kh_error *err)
{
	return iso_local(s, zone ? zone : "Asia/Tehran", 0, g, err);
}

kh_status kh_iso_before_to_local_date(const char *s, const char *zone, long minutes, kh_ymd *g,
                                      kh_error *err)
{
	return iso_local(s, zone ? zone : "Asia/Tehran", minutes < 0 ? 0 : minutes, g, err);
}

kh_status kh_iso_to_tehran_date(const char *s, kh_ymd *g, kh_error *err)
{
	return iso_local(s, "Asia/Tehran", 0, g, err);
}

void kh_ymd_format(kh_ymd d, char *out)
{
	unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u,
	         dd = (unsigned)d.day % 100u;
	snprintf(out, 11, "%04u-%02u-%02u", y, m, dd);
}

kh_status kh_gregorian_add_days(kh_ymd g, int days, kh_ymd *out, kh_error *err)
{
	UCalendar *c = open_cal("en@calendar=gregorian", "UTC", err);
	if (!c)
		return KH_ERR_INTERNAL;
	UDate t;
	kh_status rc = KH_OK;
	if (to_millis(c, g, 12, 0, 0, &t) || from_millis(c, t + days * 86400000.0, out))
		rc = kh_error_set(err, KH_ERR_USAGE, "no such date %04d-%02d-%02d", g.year, g.month,
		                  g.day);
	ucal_close(c);
	return rc;
}

int kh_jalali_month_length(int year, int month)
{
	if (month <= 6)
		return 31;
	if (month <= 11)
		return 30;
	kh_ymd g;
	return kh_jalali_to_gregorian((kh_ymd){year, 12, 30}, &g, NULL) == KH_OK ? 30 : 29;
}

int kh_persian_weekday(kh_ymd g)
{
	UCalendar *c = open_cal("en@calendar=gregorian", "UTC", NULL);
	if (!c)
		return -1;
	UDate t;
	int wd = -1;
	if (!to_millis(c, g, 12, 0, 0, &t)) {
		UErrorCode st = U_ZERO_ERROR;
		ucal_setMillis(c, t, &st);
		int dow = ucal_get(c, UCAL_DAY_OF_WEEK, &st); /* 1 Sunday .. 7 Saturday */
		if (U_SUCCESS(st))
			wd = dow % 7; /* 0 Saturday .. 6 Friday */
	}
	ucal_close(c);
	return wd;
}
