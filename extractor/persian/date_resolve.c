/* date_resolve.c — placing what the patterns found in the calendar: years written short,
 * parts of a month or year («اوایل», «پایان»), Gregorian dates in Jalali, and years
 * relative to the publication day («امسال», «سال گذشته»). */
#include "persian/dateint.h"

int dt_year_of(const tok *x, int cal)
{
	long v = x->value;
	if (x->ndig == 4)
		return (int)v;
	if (x->ndig == 2 && cal == C_JALALI)
		return (int)(v >= 30 ? 1300 + v : 1400 + v); /* «سال ۹۵» is 1395 */
	return 0;
}

/* A Jalali day from a Gregorian one. */
int dt_g2j(kh_ymd g, kh_ymd *j)
{
	return kh_gregorian_to_jalali(g, j, NULL) == KH_OK;
}

/* Applies a part («پایان», «اوایل», «اواسط») to a month or year. */
void dt_apply_part(found *f, int part, int is_year)
{
	if (!f->resolved)
		return;
	if (part == P_START) {
		f->j.day = 1;
		if (is_year)
			f->j.month = 1;
		f->prec = KH_PREC_DAY;
	} else if (part == P_END) {
		if (is_year)
			f->j.month = 12;
		f->j.day = kh_jalali_month_length(f->j.year, f->j.month);
		f->prec = KH_PREC_DAY;
	} else if (!is_year) {
		f->j.day = 15;
		f->prec = KH_PREC_MONTH;
	} else {
		f->j.month = 7;
		f->j.day = 1;
		f->prec = KH_PREC_MONTH;
	}
}

/* Gregorian or Hijri (month, day, year) to a Jalali day; 0 when impossible. */
int dt_to_jalali(int cal, int y, int m, int d, kh_ymd *j)
{
	if (cal == C_JALALI) {
		kh_ymd g;
		if (kh_jalali_to_gregorian((kh_ymd){y, m, d}, &g, NULL))
			return 0;
		*j = (kh_ymd){y, m, d};
		return 1;
	}
	if (cal == C_GREGORIAN)
		return dt_g2j((kh_ymd){y, m, d}, j);
	return 0; /* Hijri dates stay unresolved */
}

/* A month ending before token q: its first day (precision month), or the day a
 * part of it names; unresolved without a year. Returns 1. */
int dt_month_found(found *f, int q, const entry *m, int year, int part)
{
	f->end_tok = q;
	if (year && dt_to_jalali(m->cal, year, m->value, 1, &f->j)) {
		f->resolved = 1;
		f->prec = KH_PREC_MONTH;
		if (part >= 0)
			dt_apply_part(f, part, 0);
	}
	return 1;
}

/* A year after a month, season or occasion at token q: «[سال] ۱۴۰۲ [میلادی]», «[سال]
 * ۹۵» (Jalali only), «امسال», «سال گذشته [میلادی]». Returns the tokens used (0 when
 * none) and the year in *year (0 when unknown), in the calendar `cal` of what precedes. */
int dt_year_after(const tok *t, int nt, int q, int cal, const kh_ymd *pub_g, const kh_ymd *pub_j,
                  int *year)
{
	int q0 = q, u, eu, sal = dt_word_is(t, nt, q, "سال");
	const entry *era;
	*year = 0;
	if (q + sal < nt && t[q + sal].num &&
	    (t[q + sal].ndig == 4 || (t[q + sal].ndig == 2 && cal == C_JALALI))) {
		q += sal;
		*year = dt_year_of(&t[q], cal == C_JALALI ? C_JALALI : C_GREGORIAN);
		q++;
		if (q < nt && (era = dt_match(t, nt, q, K_ERA, &eu)) != NULL)
			q += eu;
		return q - q0;
	}
	const entry *r = q < nt ? dt_match(t, nt, q, K_REL_YEAR, &u) : NULL;
	if (!r)
		return 0;
	q += u;
	era = q < nt ? dt_match(t, nt, q, K_ERA, &eu) : NULL;
	if (era)
		q += eu;
	if (cal == C_GREGORIAN || (era && era->cal == C_GREGORIAN))
		*year = cal == C_GREGORIAN && pub_g ? pub_g->year + r->value : 0;
	else if (cal == C_JALALI)
		*year = pub_j ? pub_j->year + r->value : 0;
	return q - q0;
}
