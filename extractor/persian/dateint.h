/* dateint.h — what the date finder's files share (date_words.c, date_resolve.c,
 * dates.c). Internal.
 *
 *   dates.c         the patterns, tried at each token (kh_find_dates)
 *   date_resolve.c  placing a month, a year or a part of one against the publication day
 *   date_words.c    the phrase tables (data/months.tsv, data/dates.tsv) and their matching */
#ifndef KH_DATEINT_H
#define KH_DATEINT_H

#include "khabar/dates.h"
#include "persian/words.h"

typedef kh_word tok;

/* ---- the phrase tables (date_words.c) ---- */

enum kind {
	K_MONTH,
	K_REL_DAY,
	K_REL_WEEK,
	K_REL_MONTH,
	K_REL_YEAR,
	K_PART,
	K_WEEKDAY,
	K_SEASON,
	K_ERA,
	K_OCCASION,
	K_DAYPART,
	K_ORDINAL,
	K_NOT_AFTER,
	K_COUNT_NOUN
};
enum cal { C_JALALI, C_GREGORIAN, C_HIJRI };
enum part { P_START, P_MID, P_END };

typedef struct entry {
	char key[64]; /* folded, spaces and ZWNJ dropped */
	size_t klen;
	int nwords; /* words in the phrase */
	int kind, cal, value, month, day;
	int time;      /* a night («امشب»): the expression is a TIME */
	int ambiguous; /* ^name: a month only next to a day or year number («میزان») */
} entry;

/* Loads the tables once, thread-safely; every lookup below assumes it was called. */
void dt_load(void);
/* Some entry's phrase starts with this folded word. */
int dt_starts_entry(const char *f, size_t n);
/* The longest entry matching tokens t[i..] (a phrase may span 1-3 tokens); `kind` < 0
 * accepts any kind. Returns it and the tokens used in *used. */
const entry *dt_match(const tok *t, int nt, int i, int kind, int *used);
/* A month name, alone or with «ماه» joined or apart («آذرماه», «آذر ماه»). */
const entry *dt_month_at(const tok *t, int nt, int i, int *used);
/* A day of the month at token i: «۵», «05» or an ordinal word («پنجم», «بیست و یکم»).
 * Returns the day (0 when none) and the tokens used in *used. */
int dt_day_at(const tok *t, int nt, int i, int *used);
/* Token i is the word w (folded). */
int dt_word_is(const tok *t, int nt, int i, const char *w);
/* A not-after word of `which` (0 today, 1 occasion, 2 friday) just before token i. */
int dt_after_word(const tok *t, int nt, int i, int which);
/* Token i is inside quoted speech: a colon or an open «» earlier in its sentence. */
int dt_in_quote(const tok *t, int i);
/* Tokens i and j touch: no space between them. */
int dt_touching(const tok *t, int i, int j);
/* A bare year at token i: «۱۳۹۵», «2016», not a part of «3.5» or «۱۲:۳۰», not a count. */
int dt_bare_year_at(const tok *t, int nt, int i);
/* A count of months at token i («هفت ماه», «۶ ماهه», «شش‌ماهه») with an
 * order word after it; the tokens used, or 0. */
int dt_months_count_at(const tok *t, int nt, int i);
/* A word that joins two dates into one span: «تا», «الی», «و», «-». */
int dt_is_joiner(const tok *t, int nt, int i);

/* ---- resolution (date_resolve.c) ---- */

typedef struct found {
	int start_tok, end_tok; /* token range [start, end) */
	int resolved;
	kh_ymd j;
	kh_precision prec;
	int is_time;  /* a time of day («صبح امروز», «امشب») */
	int dayref;   /* a day by name: «امروز», «چهارشنبه» */
	int daymonth; /* day and month: «۵ آذر», «پنجم آذرماه» */
	int count; /* a span of time: «دو سال گذشته», «هفت ماه اول سال»,
	            * «سال‌های ۹۰ تا ۹۴»
	            */
	int year_tok; /* «سال ۹۳»: the token of the year, else 0 */
} found;

/* The year a number token stands for in calendar `cal` («۹۵» is 1395), or 0. */
int dt_year_of(const tok *x, int cal);
/* A Jalali day from a Gregorian one; 0 when impossible. */
int dt_g2j(kh_ymd g, kh_ymd *j);
/* Applies a part («پایان», «اوایل», «اواسط») to a month or year. */
void dt_apply_part(found *f, int part, int is_year);
/* Gregorian or Hijri (month, day, year) to a Jalali day; 0 when impossible. */
int dt_to_jalali(int cal, int y, int m, int d, kh_ymd *j);
/* A month ending before token q: its first day (precision month), or the day a part of
 * it names; unresolved without a year. Returns 1. */
int dt_month_found(found *f, int q, const entry *m, int year, int part);
/* A year after a month, season or occasion at token q; the tokens used (0 when none) and
 * the year in *year (0 when unknown), in the calendar `cal` of what precedes. */
int dt_year_after(const tok *t, int nt, int q, int cal, const kh_ymd *pub_g, const kh_ymd *pub_j,
                  int *year);

#endif
