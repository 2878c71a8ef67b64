/* dates.c — find dates in Persian text and place them in both calendars.
 *
 * The text is cut into tokens (words, digit runs, punctuation). At each token the
 * patterns of include/khabar/dates.h are tried, longest first; words come from
 * data/months.tsv and data/dates.tsv, compared with ي/ی, ك/ک and ZWNJ folded. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "persian/dateint.h"

static int try_at(const tok *t, int nt, int i, const kh_ymd *pub_g, const kh_ymd *pub_j, found *f);

/* A weekday or «امروز» is one expression with the date that follows it
 * («چهارشنبه ۲۶ آبان ۱۳۹۵», «امروز یکشنبه ۲۱ آذر»): extends f over that date. */
static void join_following_date(const tok *t, int nt, const kh_ymd *pub_g, const kh_ymd *pub_j,
                                found *f)
{
	int q = f->end_tok;
	if (q < nt && t[q].punct == ',')
		q++; /* «جمعه، ۲۸ آبان ۱۳۹۵» */
	found g;
	int du;
	if (dt_day_at(t, nt, q, &du) && try_at(t, nt, q, pub_g, pub_j, &g) && g.end_tok > q) {
		f->end_tok = g.end_tok;
		f->resolved = g.resolved;
		f->j = g.j;
		f->prec = g.prec;
	}
}

/* An Afghan month that is also a word («۱۵ میزان», «۲۰ سرطان»), at token `m` after the
 * day at token `d`: a month when the day is in digits and a year, the end of the
 * clause or a date word follows, not another word («۲۰ سرطان شایع»). */
static int ambiguous_after_day(const tok *t, int nt, int d, int q)
{
	if (!t[d].num)
		return 0;
	int u;
	return q >= nt || t[q].punct || dt_bare_year_at(t, nt, q) || (t[q].num && t[q].ndig == 2) ||
	       dt_word_is(t, nt, q, "سال") || dt_word_is(t, nt, q, "جاری") ||
	       dt_match(t, nt, q, K_REL_YEAR, &u);
}

/* The pattern at token i, or 0. `pub_j` is the publication day in Jalali (or NULL). */
static int try_one(const tok *t, int nt, int i, const kh_ymd *pub_g, const kh_ymd *pub_j, found *f)
{
	int u, p = i, part = -1;
	/* most words start no date: nothing in the tables begins like them */
	static const char MAH[] = "ماه";
	int fused = t[i].flen > sizeof MAH - 1 &&
	            !memcmp(t[i].f + t[i].flen - (sizeof MAH - 1), MAH, sizeof MAH - 1);
	/* words that begin patterns without being in the tables */
	static const char *const starters[] = {"سال",   "سالهای", "سالهایی", "ماه", "روز", "دهه",
	                                       "طی",    "از",     "یک",      "دو",  "سه",  "چهار",
	                                       "پنج",   "شش",     "هفت",     "هشت", "نه",  "ده",
	                                       "یازده", "دوازده", NULL};
	int starter = t[i].num || t[i].punct || dt_starts_entry(t[i].f, t[i].flen) || fused;
	for (int k = 0; !starter && starters[k]; k++)
		starter = !strcmp(t[i].f, starters[k]);
	/* «ششماهه»: a count of months in one word */
	starter |= !t[i].num && strstr(t[i].f, "ماهه") != NULL;
	if (!starter)
		return 0;
	if (t[i].punct)
		return 0;
	memset(f, 0, sizeof *f);
	f->start_tok = i;
	const entry *pe = dt_match(t, nt, p, K_PART, &u);
	if (pe) {
		part = pe->value;
		p += u;
	}
	if (p >= nt)
		return 0;
	int mu;
	const entry *m;

	/* D month [year] [era]; D a number or an ordinal word */
	int du = 0, day = dt_day_at(t, nt, p, &du);
	if (day && p + du < nt && (m = dt_month_at(t, nt, p + du, &mu)) != NULL &&
	    (!m->ambiguous || ambiguous_after_day(t, nt, p, p + du + mu))) {
		int q = p + du + mu, year = 0, cal = m->cal, eu, ru3;
		f->daymonth = 1;
		const entry *ry;
		if (q + 1 < nt && !t[q].num && !strcmp(t[q].f, "سال") && t[q + 1].num)
			q++; /* «۲۰ بهمن سال ۱۳۶۴» */
		if (q < nt && !t[q].num && !strcmp(t[q].f, "جاری")) {
			q++; /* «۲۴ آبان ماه جاری» */
			year = cal == C_JALALI && pub_j ? pub_j->year : 0;
		} else if (q < nt && (ry = dt_match(t, nt, q, K_REL_YEAR, &ru3)) != NULL) {
			q += ru3; /* «۲۸ تیرماه امسال» */
			year = cal == C_JALALI && pub_j ? pub_j->year + ry->value : 0;
		} else if (q < nt && t[q].num && (t[q].ndig == 4 || t[q].ndig == 2)) {
			year = dt_year_of(&t[q], cal == C_JALALI ? C_JALALI : C_GREGORIAN);
			q++;
			const entry *era = q < nt ? dt_match(t, nt, q, K_ERA, &eu) : NULL;
			if (era)
				q += eu;
		} else if (cal == C_JALALI && pub_j) {
			year = pub_j->year;
		} else if (cal == C_GREGORIAN && pub_g) {
			year = pub_g->year;
		}
		if (!year && cal == C_JALALI && pub_j)
			year = pub_j->year;
		f->end_tok = q;
		if (year && dt_to_jalali(cal, year, m->value, day, &f->j)) {
			f->resolved = 1;
			f->prec = KH_PREC_DAY;
		}
		return 1;
	}

	/* month [ماه] (year | امسال ...) or month ماه alone, or after a part */
	if (!t[p].num && (m = dt_month_at(t, nt, p, &mu)) != NULL) {
		int q = p + mu, year = 0, ok = 0, yu;
		if (m->ambiguous && !(q < nt && dt_bare_year_at(t, nt, q)))
			return 0; /* «به میزان زیاد», «حمل ۱۴۰۰ تن»: not months */
		int had_mah = mu > 1 || (t[p].flen > 6 && strstr(t[p].f, "ماه"));
		if (dt_word_is(t, nt, q, "گذشته") || dt_word_is(t, nt, q, "آینده")) {
			/* «سپتامبر گذشته»: the last one over; «آبان آینده»: the next one */
			int past = dt_word_is(t, nt, q, "گذشته");
			kh_ymd ref;
			if (m->cal == C_JALALI && pub_j)
				ref = *pub_j;
			else if (m->cal == C_GREGORIAN && pub_g)
				ref = *pub_g;
			else
				return dt_month_found(f, q + 1, m, 0, part);
			year = past ? (ref.month > m->value ? ref.year : ref.year - 1)
			            : (ref.month < m->value ? ref.year : ref.year + 1);
			return dt_month_found(f, q + 1, m, year, part);
		}
		if ((yu = dt_year_after(t, nt, q, m->cal, pub_g, pub_j, &year)) > 0) {
			q += yu; /* «آذر ۱۴۰۲», «ژوییه سال ۲۰۱۴», «مهرماه ۹۵», «آبان امسال» */
			ok = 1;
		} else if (had_mah || part >= 0 || (m->cal == C_GREGORIAN && t[p].flen > 4)) {
			/* a Gregorian month name stands alone («در نوامبر»), but not «مه» (fog) */
			year = m->cal == C_JALALI && pub_j      ? pub_j->year
			       : m->cal == C_GREGORIAN && pub_g ? pub_g->year
			                                        : 0;
			ok = 1;
		}
		if (!ok)
			return 0;
		return dt_month_found(f, q, m, year, part);
	}

	/* «ماه سپتامبر», «ماه اکتبر ۲۰۱۶»: «ماه» before a month name */
	if (!t[p].num && !strcmp(t[p].f, "ماه") && p + 1 < nt &&
	    (m = dt_month_at(t, nt, p + 1, &mu)) != NULL && !m->ambiguous) {
		int q = p + 1 + mu, year = 0,
		    yu = dt_year_after(t, nt, q, m->cal, pub_g, pub_j, &year);
		if (yu)
			q += yu; /* «ماه فوریه سال ۲۰۱۷», «ماه مارس سال گذشته» */
		else if (m->cal == C_JALALI && pub_j)
			year = pub_j->year;
		else if (m->cal == C_GREGORIAN && pub_g)
			year = pub_g->year;
		return dt_month_found(f, q, m, year, part);
	}
	/* «پایان سال», «اوایل ماه»: a part of the current year or month */
	if (part >= 0 && !t[p].num && (!strcmp(t[p].f, "سال") || !strcmp(t[p].f, "ماه")) &&
	    !(p + 1 < nt && t[p + 1].num)) {
		int is_year = !strcmp(t[p].f, "سال"), ru4;
		const entry *r4 = dt_match(t, nt, p, -1, &ru4);
		if (!r4 || r4->kind == K_COUNT_NOUN) { /* not «سال جاری», «ماه آینده» */
			f->end_tok = p + 1;
			if (pub_j) {
				f->j = (kh_ymd){pub_j->year, is_year ? 1 : pub_j->month, 1};
				f->resolved = 1;
				f->prec = is_year ? KH_PREC_YEAR : KH_PREC_MONTH;
				dt_apply_part(f, part, is_year);
			}
			return 1;
		}
	}
	/* «سال ۱۴۰۲», «سال ۹۵», «سال ۲۰۱۵ میلادی», «سال‌های
	 * ۱۳۹۰»
	 */
	int plural = dt_word_is(t, nt, p, "سالهای") || dt_word_is(t, nt, p, "سالهایی");
	if (dt_word_is(t, nt, p, "سال") &&
	    (dt_word_is(t, nt, p + 1, "های") || dt_word_is(t, nt, p + 1, "هایی")))
		plural = 2, p++; /* «سال های ۱۳۹۰» */
	if (!t[p].num && (plural || !strcmp(t[p].f, "سال")) && p + 1 < nt && t[p + 1].num &&
	    (t[p + 1].ndig == 4 || t[p + 1].ndig == 2)) {
		f->count = plural != 0;
		int q = p + 2, cal = C_JALALI, eu;
		const entry *era = q < nt ? dt_match(t, nt, q, K_ERA, &eu) : NULL;
		if (era) {
			cal = era->cal;
			q += eu;
		} else if (t[p + 1].ndig == 4 &&
		           (t[p + 1].value >= 1900 && t[p + 1].value < 2200)) {
			cal = C_GREGORIAN;
		}
		int year = dt_year_of(&t[p + 1], cal);
		f->end_tok = q;
		f->year_tok = p + 1;
		if (year && cal == C_JALALI && year >= 1200 && year < 1600) {
			f->j = (kh_ymd){year, 1, 1};
			f->resolved = 1;
			f->prec = KH_PREC_YEAR;
		} else if (year && cal == C_GREGORIAN && dt_g2j((kh_ymd){year, 1, 1}, &f->j)) {
			f->resolved = 1; /* given as 1 January of that year */
			f->prec = KH_PREC_YEAR;
		}
		if (f->resolved && part >= 0)
			dt_apply_part(f, part, 1);
		return 1;
	}

	/* relative: «امروز», «امسال», «سال گذشته», «ماه آینده», «هفته گذشته» */
	const entry *rel = !t[p].num ? dt_match(t, nt, p, -1, &u) : NULL;
	if (rel && (rel->kind == K_REL_DAY || rel->kind == K_REL_WEEK || rel->kind == K_REL_MONTH ||
	            rel->kind == K_REL_YEAR)) {
		f->end_tok = p + u;
		f->is_time = rel->time;
		f->dayref = rel->kind == K_REL_DAY && !rel->time;
		if (rel->kind == K_REL_DAY && part < 0) {
			/* «امروز شنبه», «دیروز چهارشنبه ۲۶ آبان»: one expression */
			int wu;
			if (f->end_tok < nt && dt_match(t, nt, f->end_tok, K_WEEKDAY, &wu))
				f->end_tok += wu;
			join_following_date(t, nt, pub_g, pub_j, f);
			if (f->resolved)
				return 1;
			/* «امروز» alone in quoted speech or after «دنیای», «تا به»: nowadays */
			if (rel->value == 0 && !rel->time && f->end_tok == i + u &&
			    !(f->end_tok < nt && t[f->end_tok].punct == '(') &&
			    (dt_in_quote(t, i) || dt_after_word(t, nt, i, 0)))
				return 0;
		}
		int eu;
		const entry *era = rel->kind == K_REL_YEAR && f->end_tok < nt
		                           ? dt_match(t, nt, f->end_tok, K_ERA, &eu)
		                           : NULL;
		if (era)
			f->end_tok += eu;
		if (!pub_g || !pub_j)
			return 1;
		if (rel->kind == K_REL_DAY) {
			kh_ymd g;
			if (part < 0 &&
			    kh_gregorian_add_days(*pub_g, rel->value, &g, NULL) == KH_OK &&
			    dt_g2j(g, &f->j)) {
				f->resolved = 1;
				f->prec = KH_PREC_DAY;
			}
		} else if (rel->kind == K_REL_MONTH) {
			int y = pub_j->year, mo = pub_j->month + rel->value;
			if (mo < 1)
				mo += 12, y--;
			if (mo > 12)
				mo -= 12, y++;
			f->j = (kh_ymd){y, mo, 1};
			f->resolved = 1;
			f->prec = KH_PREC_MONTH;
			if (part >= 0)
				dt_apply_part(f, part, 0);
		} else if (rel->kind == K_REL_YEAR) {
			f->j = (kh_ymd){pub_j->year + rel->value, 1, 1};
			f->resolved = 1;
			if (era) { /* «سال گذشته میلادی»: the Gregorian year */
				if (era->cal == C_GREGORIAN)
					f->resolved = dt_g2j(
					        (kh_ymd){pub_g->year + rel->value, 1, 1}, &f->j);
				else if (era->cal == C_HIJRI)
					f->resolved = 0;
			}
			f->prec = f->resolved ? KH_PREC_YEAR : KH_PREC_NONE;
			if (part >= 0)
				dt_apply_part(f, part, 1);
		}
		return 1;
	}
	/* «تابستان ۱۳۹۴», «بهار امسال» */
	const entry *se = !t[p].num ? dt_match(t, nt, p, K_SEASON, &u) : NULL;
	if (se && (p + u < nt || part >= 0)) {
		int q = p + u, year = 0,
		    yu = dt_year_after(t, nt, q, C_JALALI, pub_g, pub_j, &year);
		if (yu) {
			q += yu; /* «زمستان سال ۱۳۸۶», «بهار امسال», «تابستان ۹۵» */
		} else if (dt_word_is(t, nt, q, "گذشته") || dt_word_is(t, nt, q, "آینده")) {
			/* «تابستان گذشته»: the last one over; «زمستان آینده»: the next one */
			int past = dt_word_is(t, nt, q, "گذشته");
			if (pub_j)
				year = past ? (pub_j->month > se->value + 2 ? pub_j->year
				                                            : pub_j->year - 1)
				            : (pub_j->month < se->value ? pub_j->year
				                                        : pub_j->year + 1);
			q++;
		} else if (part >= 0) {
			year = pub_j ? pub_j->year : 0; /* «اوایل تابستان» */
		} else {
			return 0;
		}
		f->end_tok = q;
		if (year) {
			f->j = (kh_ymd){year, se->value, 1};
			f->resolved = 1;
			f->prec = KH_PREC_MONTH;
			if (part >= 0) {
				/* the season's edge: its first day, or the last day of its third
				 * month */
				if (part == P_END)
					f->j.month += 2;
				dt_apply_part(f, part, 0);
			}
		}
		return 1;
	}
	if (part >= 0)
		return 0; /* a part needs a period after it */

	/* «روز چهارشنبه», «چهارشنبه»: the latest such day up to the publication date */
	int ru = 0;
	int rz = !t[p].num && !strcmp(t[p].f, "روز");
	const entry *wd = dt_match(t, nt, p + rz, K_WEEKDAY, &ru);
	/* «نماز جمعه», «امام جمعه», «خطبه‌های نماز جمعه»:
	 * Friday prayer, not a day
	 */
	if (wd && wd->value == 6 && !rz && dt_after_word(t, nt, p, 2))
		wd = NULL;
	if (wd) {
		f->end_tok = p + rz + ru;
		f->dayref = 1;
		int ahead = dt_word_is(t, nt, f->end_tok, "آینده"), wu, week = 0;
		const entry *rw = dt_match(t, nt, f->end_tok, K_REL_WEEK, &wu);
		if (rw) {
			f->end_tok += wu; /* «شنبه هفته جاری», «دوشنبه هفته گذشته» */
			week = 1;
		} else if (ahead || dt_word_is(t, nt, f->end_tok, "گذشته")) {
			f->end_tok++; /* «پنجشنبه گذشته», «شنبه آینده» */
		}
		if (pub_g) {
			int today = kh_persian_weekday(*pub_g);
			int back = today < 0 ? -1
			           : week    ? today - wd->value - 7 * rw->value
			           : ahead   ? -((wd->value - today + 6) % 7 + 1)
			                     : (today - wd->value + 7) % 7;
			kh_ymd g;
			if (today >= 0 && kh_gregorian_add_days(*pub_g, -back, &g, NULL) == KH_OK &&
			    dt_g2j(g, &f->j)) {
				f->resolved = 1;
				f->prec = KH_PREC_DAY;
			}
		}
		join_following_date(t, nt, pub_g, pub_j, f);
		return 1;
	}
	/* occasions: «اربعین», «نوروز ۱۴۰۲» */
	const entry *oc = dt_match(t, nt, p + rz, K_OCCASION, &ru);
	if (oc && !rz && dt_after_word(t, nt, p, 1))
		oc = NULL; /* «زائران اربعین», «ستاد اربعین»: an event or a body */
	if (oc) {
		int year = 0, yu = dt_year_after(t, nt, p + rz + ru, oc->cal, pub_g, pub_j, &year);
		f->end_tok = p + rz + ru + yu; /* «اربعین سال جاری», «یلدای ۱۴۰۲» */
		if (oc->cal == C_JALALI) {
			if (!yu && pub_j)
				year = pub_j->year;
			if (year && dt_to_jalali(C_JALALI, year, oc->month, oc->day, &f->j)) {
				f->resolved = 1;
				f->prec = KH_PREC_DAY;
			}
		}
		return 1;
	}
	/* «N سال گذشته» (N years ago), «سه سال پیش», «۵ سال آینده» */
	long years = t[p].num && t[p].ndig <= 4 ? t[p].value : 0;
	int c0 = p; /* «۳.۵ سال گذشته»: a decimal count */
	if (years && p + 3 < nt && t[p + 1].punct == '.' && t[p + 2].num &&
	    dt_touching(t, p, p + 1) && dt_touching(t, p + 1, p + 2))
		p += 2;
	if (!t[p].num) {
		static const char *const w[] = {"یک",  "دو",  "سه", "چهار", "پنج", "شش",
		                                "هفت", "هشت", "نه", "ده",   NULL};
		for (int k = 0; w[k]; k++)
			if (!strcmp(t[p].f, w[k]))
				years = k + 1;
	}
	int unit_days = 0; /* «N روز / هفته / ماه / سال گذشته» */
	if (years && p + 2 < nt && !t[p + 1].num)
		unit_days = !strcmp(t[p + 1].f, "روز")    ? 1
		            : !strcmp(t[p + 1].f, "هفته") ? 7
		            : !strcmp(t[p + 1].f, "ماه")  ? 30
		            : !strcmp(t[p + 1].f, "دهه")  ? 3650
		                                          : 0;
	if (unit_days) {
		const tok *d = &t[p + 2];
		if (!strcmp(d->f, "گذشته") || !strcmp(d->f, "پیش") || !strcmp(d->f, "قبل") ||
		    !strcmp(d->f, "آینده") || !strcmp(d->f, "اخیر")) {
			f->start_tok = c0;
			f->count = 1;
			f->end_tok = p + 3; /* a span of time: not resolved to one day */
			return 1;
		}
	}
	if (years && p + 2 < nt && !t[p + 1].num && !strcmp(t[p + 1].f, "سال")) {
		const tok *d = &t[p + 2];
		int dir = !strcmp(d->f, "گذشته") || !strcmp(d->f, "پیش") || !strcmp(d->f, "قبل") ||
		                          !strcmp(d->f, "اخیر")
		                  ? -1
		          : !strcmp(d->f, "آینده") ? 1
		                                   : 0;
		if (dir) {
			f->start_tok = c0;
			f->count = 1;
			f->end_tok = p + 3;
			if (pub_j && c0 == p) { /* «۳.۵ سال گذشته» stays unresolved */
				f->j = (kh_ymd){pub_j->year + dir * (int)years, 1, 1};
				f->resolved = 1;
				f->prec = KH_PREC_YEAR;
			}
			return 1;
		}
	}
	/* «ماه رمضان», «ماه مبارک رمضان»: a Hijri month, left unresolved */
	if (!t[p].num && !strcmp(t[p].f, "ماه") && p + 1 < nt) {
		int q = p + 1 + (!t[p + 1].num && !strcmp(t[p + 1].f, "مبارک"));
		const entry *hm = q < nt ? dt_match(t, nt, q, K_MONTH, &u) : NULL;
		if (hm && hm->cal == C_HIJRI) {
			f->end_tok = q + u;
			return 1;
		}
	}
	/* «دهه ۶۰», «دهه ۱۳۶۰»: the decade's first year */
	if (!t[p].num && !strcmp(t[p].f, "دهه") && p + 1 < nt && t[p + 1].num &&
	    (t[p + 1].ndig == 2 || t[p + 1].ndig == 4)) {
		f->end_tok = p + 2;
		int y = t[p + 1].ndig == 2 ? 1300 + (int)t[p + 1].value : (int)t[p + 1].value, eu;
		const entry *era = p + 2 < nt ? dt_match(t, nt, p + 2, K_ERA, &eu) : NULL;
		if (era) { /* «دهه ۸۰ میلادی» */
			f->end_tok += eu;
			if (era->cal == C_GREGORIAN) {
				if (t[p + 1].ndig == 2)
					y = 1900 + (int)t[p + 1].value;
				f->resolved = dt_g2j((kh_ymd){y, 1, 1}, &f->j);
				f->prec = f->resolved ? KH_PREC_YEAR : KH_PREC_NONE;
				return 1;
			}
		}
		if (y >= 1200 && y < 1600) {
			f->j = (kh_ymd){y, 1, 1};
			f->resolved = 1;
			f->prec = KH_PREC_YEAR;
		}
		return 1;
	}
	/* numeric: 1402/08/30, 1402-08-30, 30/08/1402, 2023-11-21, «1395 . 8 . 30» */
	if (t[p].num && p + 4 < nt && t[p + 1].punct && t[p + 2].num &&
	    t[p + 3].punct == t[p + 1].punct && t[p + 4].num && strchr("/-.", t[p + 1].punct)) {
		long a = t[p].value, b = t[p + 2].value, c = t[p + 4].value;
		int y, mo, d;
		if (t[p].ndig == 4) {
			y = (int)a, mo = (int)b, d = (int)c;
		} else if (t[p + 4].ndig == 4) {
			y = (int)c, mo = (int)b, d = (int)a;
		} else {
			return 0;
		}
		int cal = y >= 1200 && y < 1600   ? C_JALALI
		          : y >= 1800 && y < 2200 ? C_GREGORIAN
		                                  : -1;
		if (cal < 0 || mo < 1 || mo > 12 || d < 1 || d > 31)
			return 0;
		f->end_tok = p + 5;
		if (dt_to_jalali(cal, y, mo, d, &f->j)) {
			f->resolved = 1;
			f->prec = KH_PREC_DAY;
		}
		return 1;
	}
	if (p == i && dt_bare_year_at(t, nt, p)) {
		f->end_tok = p + 1;
		f->year_tok = p;
		int y = (int)t[p].value;
		if (y < 1500) {
			f->j = (kh_ymd){y, 1, 1};
			f->resolved = 1;
		} else {
			f->resolved = dt_g2j((kh_ymd){y, 1, 1}, &f->j);
		}
		f->prec = f->resolved ? KH_PREC_YEAR : KH_PREC_NONE;
		return 1;
	}
	return 0;
}

/* A date with what surrounds it in one expression: a time of day («صبح امروز» is a
 * TIME), a count of months («هفت ماه اول سال ۱۳۹۵»), lists and ranges («۲۷ و ۲۸ خرداد»,
 * «از سال ۱۹۰۸ تا سال ۱۹۲۸», «سال ۹۳ و ۹۴», «از ابتدای سال تاکنون»). The value is that of
 * the first date that has one. */
static int try_span(const tok *t, int nt, int i, const kh_ymd *pub_g, const kh_ymd *pub_j, found *f)
{
	int u, du;
	/* «صبح امروز», «عصر روز چهارشنبه», «بامداد شنبه ۵ آذر» */
	if (!t[i].num && dt_match(t, nt, i, K_DAYPART, &u) && i + u < nt &&
	    try_one(t, nt, i + u, pub_g, pub_j, f) && f->dayref) {
		f->start_tok = i;
		f->is_time = 1;
		return 1;
	}
	int mc = dt_months_count_at(t, nt, i);
	if (mc && i + mc < nt && try_one(t, nt, i + mc, pub_g, pub_j, f) && !f->dayref &&
	    !f->daymonth) {
		f->start_tok = i;
		f->count = 1;
		return 1;
	}
	/* «۲۷ و ۲۸ خرداد», «پانزدهم تا بیست و پنجم اردیبهشت» */
	found g;
	int range = 0;
	if (dt_day_at(t, nt, i, &du) && dt_is_joiner(t, nt, i + du) &&
	    try_one(t, nt, i + du + 1, pub_g, pub_j, &g) && g.daymonth) {
		*f = g;
		f->start_tok = i;
		range = dt_word_is(t, nt, i + du, "تا") || dt_word_is(t, nt, i + du, "الی");
	} else if (!try_one(t, nt, i, pub_g, pub_j, f)) {
		return 0;
	}
	int q = f->end_tok;
	/* «امروز صبح», «چهارشنبه شب» */
	if (f->dayref && q < nt && dt_match(t, nt, q, K_DAYPART, &u) && u == 1 &&
	    !dt_word_is(t, nt, q, "بامداد")) {
		f->end_tok = q + 1;
		f->is_time = 1;
		return 1;
	}
	if (dt_is_joiner(t, nt, q) && q + 1 < nt) {
		if (f->year_tok && t[q + 1].num && t[q + 1].ndig == t[f->year_tok].ndig) {
			f->end_tok =
			        q +
			        2; /* «سال ۹۳ و ۹۴», «سال‌های ۱۳۴۷-۱۳۴۰»
			            */
			f->count = 1;
			range = !dt_word_is(t, nt, q, "و");
		} else if (try_one(t, nt, q + 1, pub_g, pub_j, &g) && !g.is_time && !f->is_time) {
			f->end_tok = g.end_tok;
			if (!f->resolved) {
				f->resolved = g.resolved;
				f->j = g.j;
				f->prec = g.prec;
			}
			range = dt_word_is(t, nt, q, "تا") || dt_word_is(t, nt, q, "الی");
		}
	} else if (dt_word_is(t, nt, q, "تاکنون")) {
		f->end_tok = q + 1;
		range = 1;
	} else if (dt_word_is(t, nt, q, "تا") && dt_word_is(t, nt, q + 1, "کنون")) {
		f->end_tok = q + 2;
		range = 1;
	}
	if (range && dt_word_is(t, nt, f->start_tok - 1, "از"))
		f->start_tok--;
	return 1;
}

/* A date and the word before it that PEYMA-style annotation keeps with it: «روز» before
 * a day of the month («روز ۲۳ مردادماه»), «طی» before a span of time («طی دو سال
 * گذشته»). */
static int try_at(const tok *t, int nt, int i, const kh_ymd *pub_g, const kh_ymd *pub_j, found *f)
{
	int du;
	if (i + 1 < nt && dt_word_is(t, nt, i, "روز") && dt_day_at(t, nt, i + 1, &du) &&
	    try_span(t, nt, i + 1, pub_g, pub_j, f) && f->daymonth) {
		f->start_tok = i;
		return 1;
	}
	if (i + 1 < nt && dt_word_is(t, nt, i, "طی") && try_span(t, nt, i + 1, pub_g, pub_j, f) &&
	    f->count) {
		f->start_tok = i;
		return 1;
	}
	return try_span(t, nt, i, pub_g, pub_j, f);
}

const char *kh_precision_name(kh_precision p)
{
	switch (p) {
	case KH_PREC_DAY: return "day";
	case KH_PREC_MONTH: return "month";
	case KH_PREC_YEAR: return "year";
	default: return NULL;
	}
}

kh_status kh_find_dates(const char *text, size_t len, const kh_ymd *published,
                        kh_date_mention **out, size_t *n, kh_error *err)
{
	*out = NULL;
	*n = 0;
	int nt = 0;
	tok *t = kh_words(text, len, &nt);
	if (!t)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory finding dates");
	dt_load();
	kh_ymd pub_j, *pj = NULL;
	if (published && dt_g2j(*published, &pub_j))
		pj = &pub_j;
	kh_date_mention *v = NULL;
	size_t cnt = 0, cap = 0;
	for (int i = 0; i < nt; i++) {
		found f;
		if (!try_at(t, nt, i, pj ? published : NULL, pj, &f) || f.end_tok <= i)
			continue;
		kh_date_mention *nv = kh_grow(v, &cap, cnt, sizeof *v);
		if (!nv) {
			free(v);
			free(t);
			return kh_error_set(err, KH_ERR_NOMEM, "out of memory finding dates");
		}
		v = nv;
		kh_date_mention *d = &v[cnt++];
		memset(d, 0, sizeof *d);
		d->start = t[f.start_tok].s;
		d->end = t[f.end_tok - 1].e;
		d->is_time = f.is_time;
		if (f.resolved && kh_jalali_to_gregorian(f.j, &d->gregorian, NULL) == KH_OK) {
			d->resolved = 1;
			d->jalali = f.j;
			d->precision = f.prec;
		}
		i = f.end_tok - 1;
	}
	free(t);
	*out = v;
	*n = cnt;
	return KH_OK;
}
