/* dates.c — find dates in Persian text and place them in both calendars.
 *
 * The text is cut into tokens (words, digit runs, punctuation). At each token the
 * patterns of include/khabar/dates.h are tried, longest first; words come from
 * data/months.tsv and data/dates.tsv, compared with ي/ی, ك/ک and ZWNJ folded. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "khabar/dates.h"
#include "table.h"
#include "utf8.h"
#include "words.h"

static pthread_once_t load_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

typedef kh_word tok;

/* ---- the word tables ---- */

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
	int time; /* a night («امشب»): the expression is a TIME */
} entry;

static entry *ents;
static int nents = -1;
static int *bucket_next; /* entries chained by the first two bytes of their key */
static int bucket_head[256];
static unsigned char firstset[512]; /* a bit per hash of an entry's first word */

static unsigned word_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h % 4096u;
}

/* Some entry's phrase starts with this folded word. */
static int starts_entry(const char *f, size_t n)
{
	unsigned h = word_hash(f, n);
	return firstset[h / 8] & (1u << (h % 8));
}

/* Notes the first word of a phrase from the data files. */
static void note_first(const char *phrase, size_t n)
{
	const char *sp = memchr(phrase, ' ', n);
	char w[MAXW];
	size_t wl = kh_word_fold(phrase, sp ? (size_t)(sp - phrase) : n, w, sizeof w);
	unsigned h = word_hash(w, wl);
	firstset[h / 8] |= (unsigned char)(1u << (h % 8));
}

static unsigned bucket_of(const char *key)
{
	return ((unsigned char)key[0] * 31u + (unsigned char)key[1]) & 255u;
}

/* Words of a phrase as the tokenizer cuts them: at spaces (a ZWNJ joins). */
static int count_words(const char *s, size_t n)
{
	int words = 1;
	for (size_t i = 0; i < n; i++)
		words += s[i] == ' ';
	return words;
}

static entry *new_entry(size_t *cap)
{
	entry *grown = kh_grow(ents, cap, (size_t)nents, sizeof *ents);
	if (!grown)
		return NULL;
	ents = grown;
	entry *e = &ents[nents++];
	memset(e, 0, sizeof *e);
	return e;
}

static void load(void)
{
	kh_table_iter it;
	kh_field f[3];
	size_t cap = 0;
	nents = 0;
	kh_table_begin(&it, kh_data_months, kh_data_months_len);
	while (kh_table_row(&it, f, 3) == 3) {
		entry *e = new_entry(&cap);
		if (!e)
			return;
		e->kind = K_MONTH;
		e->cal = f[0].s[0] == 'j' ? C_JALALI : f[0].s[0] == 'g' ? C_GREGORIAN : C_HIJRI;
		e->value = atoi(f[1].s);
		e->klen = kh_word_fold(f[2].s, f[2].len, e->key, sizeof e->key);
		note_first(f[2].s, f[2].len);
		e->nwords = count_words(f[2].s, f[2].len);
	}
	static const struct {
		const char *name;
		int kind;
	} kinds[] = {{"rel-day", K_REL_DAY},     {"rel-week", K_REL_WEEK},
	             {"rel-month", K_REL_MONTH}, {"rel-year", K_REL_YEAR},
	             {"part", K_PART},           {"weekday", K_WEEKDAY},
	             {"season", K_SEASON},       {"era", K_ERA},
	             {"occasion", K_OCCASION},   {"rel-time", K_REL_DAY},
	             {"daypart", K_DAYPART},     {"ordinal", K_ORDINAL},
	             {"not-after", K_NOT_AFTER}, {"count-noun", K_COUNT_NOUN}};
	kh_table_begin(&it, kh_data_dates, kh_data_dates_len);
	while (kh_table_row(&it, f, 3) == 3) {
		int kind = -1;
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
			if (strlen(kinds[k].name) == f[0].len &&
			    !memcmp(kinds[k].name, f[0].s, f[0].len))
				kind = kinds[k].kind;
		if (kind < 0)
			continue;
		entry *e = new_entry(&cap);
		if (!e)
			return;
		e->kind = kind;
		e->time = f[0].len == 8 && !memcmp(f[0].s, "rel-time", 8);
		e->klen = kh_word_fold(f[1].s, f[1].len, e->key, sizeof e->key);
		note_first(f[1].s, f[1].len);
		e->nwords = count_words(f[1].s, f[1].len);
		const char *v = f[2].s;
		if (kind == K_PART)
			e->value = v[0] == 's' ? P_START : v[0] == 'm' ? P_MID : P_END;
		else if (kind == K_NOT_AFTER)
			e->value = v[0] == 't'   ? 0
			           : v[0] == 'o' ? 1
			                         : 2; /* today, occasion, friday */
		else if (kind == K_ERA)
			e->cal = v[0] == 'g' ? C_GREGORIAN : v[0] == 'h' ? C_HIJRI : C_JALALI;
		else if (kind == K_OCCASION) {
			e->cal = v[0] == 'h' ? C_HIJRI : C_JALALI;
			const char *sp = memchr(v, ' ', f[2].len);
			e->month = sp ? atoi(sp + 1) : 0;
			const char *sp2 =
			        sp ? memchr(sp + 1, ' ', f[2].len - (size_t)(sp + 1 - v)) : NULL;
			e->day = sp2 ? atoi(sp2 + 1) : 0;
		} else
			e->value = atoi(v);
	}
	for (int b = 0; b < 256; b++)
		bucket_head[b] = -1;
	bucket_next = malloc((size_t)(nents > 0 ? nents : 1) * sizeof *bucket_next);
	if (!bucket_next) {
		nents = 0; /* without the index no entry can be found; dates are then not tagged */
		return;
	}
	for (int q = nents - 1; q >= 0; q--) {
		unsigned b = bucket_of(ents[q].key);
		bucket_next[q] = bucket_head[b];
		bucket_head[b] = q;
	}
}

/* The longest entry matching tokens t[i..] (a phrase may span 1-3 tokens);
 * `kind` < 0 accepts any kind. Returns it and the tokens used in *used. */
static const entry *match(const tok *t, int nt, int i, int kind, int *used)
{
	pthread_once(&load_once, load);
	const entry *best = NULL;
	int best_used = 0;
	char buf[3 * MAXW + 1];
	*used = 0;
	if (i >= nt || t[i].num || t[i].punct || !starts_entry(t[i].f, t[i].flen))
		return NULL;
	size_t bl = 0;
	for (int k = 0; k < 3 && i + k < nt; k++) {
		const tok *x = &t[i + k];
		if (x->num || x->punct || !x->flen)
			break;
		if (k > 0 && x->s > t[i + k - 1].e + 3)
			break; /* more than one space or ZWNJ between the words */
		memcpy(buf + bl, x->f, x->flen);
		bl += x->flen;
		buf[bl] = '\0';
		for (int q = bl >= 2 ? bucket_head[bucket_of(buf)] : -1; q >= 0;
		     q = bucket_next[q]) {
			const entry *e = &ents[q];
			if ((kind >= 0 && e->kind != kind) || e->nwords != k + 1 || e->klen != bl ||
			    memcmp(e->key, buf, bl))
				continue; /* «به من» is not «بهمن» */
			if (k + 1 > best_used) {
				best = e;
				best_used = k + 1;
			}
		}
	}
	*used = best_used;
	return best;
}

/* A month name, alone or with «ماه» joined or apart («آذرماه», «آذر ماه»). */
static const entry *month_at(const tok *t, int nt, int i, int *used)
{
	pthread_once(&load_once, load);
	int u;
	const entry *m = match(t, nt, i, K_MONTH, &u);
	if (m) {
		if (i + u < nt && !t[i + u].num && !strcmp(t[i + u].f, "ماه"))
			u++;
		*used = u;
		return m;
	}
	/* «آذرماه» as one token */
	const tok *x = &t[i];
	static const char MAH[] = "ماه";
	size_t ml = sizeof MAH - 1;
	if (x->num || x->flen <= ml || memcmp(x->f + x->flen - ml, MAH, ml))
		return NULL;
	if (x->flen - ml < 2)
		return NULL;
	for (int q = bucket_head[bucket_of(x->f)]; q >= 0; q = bucket_next[q])
		if (ents[q].kind == K_MONTH && ents[q].klen == x->flen - ml &&
		    !memcmp(ents[q].key, x->f, ents[q].klen)) {
			*used = 1;
			return &ents[q];
		}
	return NULL;
}

/* ---- resolution ---- */

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

static int year_of(const tok *x, int cal)
{
	long v = x->value;
	if (x->ndig == 4)
		return (int)v;
	if (x->ndig == 2 && cal == C_JALALI)
		return (int)(v >= 30 ? 1300 + v : 1400 + v); /* «سال ۹۵» is 1395 */
	return 0;
}

/* A Jalali day from a Gregorian one. */
static int g2j(kh_ymd g, kh_ymd *j)
{
	return kh_gregorian_to_jalali(g, j, NULL) == KH_OK;
}

/* Applies a part («پایان», «اوایل», «اواسط») to a month or year. */
static void apply_part(found *f, int part, int is_year)
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
static int to_jalali(int cal, int y, int m, int d, kh_ymd *j)
{
	if (cal == C_JALALI) {
		kh_ymd g;
		if (kh_jalali_to_gregorian((kh_ymd){y, m, d}, &g, NULL))
			return 0;
		*j = (kh_ymd){y, m, d};
		return 1;
	}
	if (cal == C_GREGORIAN)
		return g2j((kh_ymd){y, m, d}, j);
	return 0; /* Hijri dates stay unresolved */
}

static int try_at(const tok *t, int nt, int i, const kh_ymd *pub_g, const kh_ymd *pub_j, found *f);
static int try_one(const tok *t, int nt, int i, const kh_ymd *pub_g, const kh_ymd *pub_j, found *f);
static int day_at(const tok *t, int nt, int i, int *used);

/* A month ending before token q: its first day (precision month), or the day a
 * part of it names; unresolved without a year. Returns 1. */
static int month_found(found *f, int q, const entry *m, int year, int part)
{
	f->end_tok = q;
	if (year && to_jalali(m->cal, year, m->value, 1, &f->j)) {
		f->resolved = 1;
		f->prec = KH_PREC_MONTH;
		if (part >= 0)
			apply_part(f, part, 0);
	}
	return 1;
}

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
	if (day_at(t, nt, q, &du) && try_at(t, nt, q, pub_g, pub_j, &g) && g.end_tok > q) {
		f->end_tok = g.end_tok;
		f->resolved = g.resolved;
		f->j = g.j;
		f->prec = g.prec;
	}
}

/* A day of the month at token i: «۵», «05» or an ordinal word («پنجم», «بیست و یکم»).
 * Returns the day (0 when none) and the tokens used in *used. */
static int day_at(const tok *t, int nt, int i, int *used)
{
	if (i >= nt)
		return 0;
	if (t[i].num) {
		*used = 1;
		return t[i].ndig <= 2 && t[i].value >= 1 && t[i].value <= 31 ? (int)t[i].value : 0;
	}
	const entry *o = match(t, nt, i, K_ORDINAL, used);
	return o ? o->value : 0;
}

/* Token i is the word w (folded). */
static int word_is(const tok *t, int nt, int i, const char *w)
{
	return i >= 0 && i < nt && !t[i].num && !t[i].punct && !strcmp(t[i].f, w);
}

/* A not-after word of `which` (0 today, 1 occasion, 2 friday) just before token i. */
static int after_word(const tok *t, int nt, int i, int which)
{
	int u;
	for (int back = 1; back <= 2 && i - back >= 0; back++) {
		const entry *e = match(t, nt, i - back, K_NOT_AFTER, &u);
		if (e && u == back && e->value == which)
			return 1;
	}
	return 0;
}

/* A year after a month, season or occasion at token q: «[سال] ۱۴۰۲ [میلادی]», «[سال]
 * ۹۵» (Jalali only), «امسال», «سال گذشته [میلادی]». Returns the tokens used (0 when
 * none) and the year in *year (0 when unknown), in the calendar `cal` of what precedes. */
static int year_after(const tok *t, int nt, int q, int cal, const kh_ymd *pub_g,
                      const kh_ymd *pub_j, int *year)
{
	int q0 = q, u, eu, sal = word_is(t, nt, q, "سال");
	const entry *era;
	*year = 0;
	if (q + sal < nt && t[q + sal].num &&
	    (t[q + sal].ndig == 4 || (t[q + sal].ndig == 2 && cal == C_JALALI))) {
		q += sal;
		*year = year_of(&t[q], cal == C_JALALI ? C_JALALI : C_GREGORIAN);
		q++;
		if (q < nt && (era = match(t, nt, q, K_ERA, &eu)) != NULL)
			q += eu;
		return q - q0;
	}
	const entry *r = q < nt ? match(t, nt, q, K_REL_YEAR, &u) : NULL;
	if (!r)
		return 0;
	q += u;
	era = q < nt ? match(t, nt, q, K_ERA, &eu) : NULL;
	if (era)
		q += eu;
	if (cal == C_GREGORIAN || (era && era->cal == C_GREGORIAN))
		*year = cal == C_GREGORIAN && pub_g ? pub_g->year + r->value : 0;
	else if (cal == C_JALALI)
		*year = pub_j ? pub_j->year + r->value : 0;
	return q - q0;
}

/* Token i is inside quoted speech: a colon or an open «» earlier in its sentence. */
static int in_quote(const tok *t, int i)
{
	for (int k = i - 1; k >= 0 && k > i - 80; k--) {
		if (t[k].punct == '>')
			return 0;
		if (t[k].punct == '<' || t[k].punct == ':')
			return 1;
		if (t[k].punct == '.' || t[k].punct == '!' || t[k].punct == '?' || t[k + 1].nl)
			return 0;
	}
	return 0;
}

/* Tokens i and j touch: no space between them. */
static int touching(const tok *t, int i, int j)
{
	return t[i].e == t[j].s;
}

/* A bare year at token i: «۱۳۹۵», «2016», not a part of «3.5» or «۱۲:۳۰», not a count
 * («۱۴۰۰ نفر»). */
static int bare_year_at(const tok *t, int nt, int i)
{
	int u;
	long v = t[i].value;
	if (!t[i].num || t[i].ndig != 4 || !((v >= 1300 && v <= 1420) || (v >= 1950 && v <= 2030)))
		return 0;
	if (i > 0 && t[i - 1].punct && strchr("./:,-", t[i - 1].punct) && touching(t, i - 1, i))
		return 0;
	if (i + 1 < nt && t[i + 1].punct && strchr("./:,-", t[i + 1].punct) &&
	    touching(t, i, i + 1) && i + 2 < nt && t[i + 2].num)
		return 0;
	return !(i + 1 < nt && match(t, nt, i + 1, K_COUNT_NOUN, &u));
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
	int starter = t[i].num || t[i].punct || starts_entry(t[i].f, t[i].flen) || fused;
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
	const entry *pe = match(t, nt, p, K_PART, &u);
	if (pe) {
		part = pe->value;
		p += u;
	}
	if (p >= nt)
		return 0;
	int mu;
	const entry *m;

	/* D month [year] [era]; D a number or an ordinal word */
	int du = 0, day = day_at(t, nt, p, &du);
	if (day && p + du < nt && (m = month_at(t, nt, p + du, &mu)) != NULL) {
		int q = p + du + mu, year = 0, cal = m->cal, eu, ru3;
		f->daymonth = 1;
		const entry *ry;
		if (q + 1 < nt && !t[q].num && !strcmp(t[q].f, "سال") && t[q + 1].num)
			q++; /* «۲۰ بهمن سال ۱۳۶۴» */
		if (q < nt && !t[q].num && !strcmp(t[q].f, "جاری")) {
			q++; /* «۲۴ آبان ماه جاری» */
			year = cal == C_JALALI && pub_j ? pub_j->year : 0;
		} else if (q < nt && (ry = match(t, nt, q, K_REL_YEAR, &ru3)) != NULL) {
			q += ru3; /* «۲۸ تیرماه امسال» */
			year = cal == C_JALALI && pub_j ? pub_j->year + ry->value : 0;
		} else if (q < nt && t[q].num && (t[q].ndig == 4 || t[q].ndig == 2)) {
			year = year_of(&t[q], cal == C_JALALI ? C_JALALI : C_GREGORIAN);
			q++;
			const entry *era = q < nt ? match(t, nt, q, K_ERA, &eu) : NULL;
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
		if (year && to_jalali(cal, year, m->value, day, &f->j)) {
			f->resolved = 1;
			f->prec = KH_PREC_DAY;
		}
		return 1;
	}

	/* month [ماه] (year | امسال ...) or month ماه alone, or after a part */
	if (!t[p].num && (m = month_at(t, nt, p, &mu)) != NULL) {
		int q = p + mu, year = 0, ok = 0, yu;
		int had_mah = mu > 1 || (t[p].flen > 6 && strstr(t[p].f, "ماه"));
		if (word_is(t, nt, q, "گذشته") || word_is(t, nt, q, "آینده")) {
			/* «سپتامبر گذشته»: the last one over; «آبان آینده»: the next one */
			int past = word_is(t, nt, q, "گذشته");
			kh_ymd ref;
			if (m->cal == C_JALALI && pub_j)
				ref = *pub_j;
			else if (m->cal == C_GREGORIAN && pub_g)
				ref = *pub_g;
			else
				return month_found(f, q + 1, m, 0, part);
			year = past ? (ref.month > m->value ? ref.year : ref.year - 1)
			            : (ref.month < m->value ? ref.year : ref.year + 1);
			return month_found(f, q + 1, m, year, part);
		}
		if ((yu = year_after(t, nt, q, m->cal, pub_g, pub_j, &year)) > 0) {
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
		return month_found(f, q, m, year, part);
	}

	/* «ماه سپتامبر», «ماه اکتبر ۲۰۱۶»: «ماه» before a month name */
	if (!t[p].num && !strcmp(t[p].f, "ماه") && p + 1 < nt &&
	    (m = month_at(t, nt, p + 1, &mu)) != NULL) {
		int q = p + 1 + mu, year = 0,
		    yu = year_after(t, nt, q, m->cal, pub_g, pub_j, &year);
		if (yu)
			q += yu; /* «ماه فوریه سال ۲۰۱۷», «ماه مارس سال گذشته» */
		else if (m->cal == C_JALALI && pub_j)
			year = pub_j->year;
		else if (m->cal == C_GREGORIAN && pub_g)
			year = pub_g->year;
		return month_found(f, q, m, year, part);
	}
	/* «پایان سال», «اوایل ماه»: a part of the current year or month */
	if (part >= 0 && !t[p].num && (!strcmp(t[p].f, "سال") || !strcmp(t[p].f, "ماه")) &&
	    !(p + 1 < nt && t[p + 1].num)) {
		int is_year = !strcmp(t[p].f, "سال"), ru4;
		const entry *r4 = match(t, nt, p, -1, &ru4);
		if (!r4 || r4->kind == K_COUNT_NOUN) { /* not «سال جاری», «ماه آینده» */
			f->end_tok = p + 1;
			if (pub_j) {
				f->j = (kh_ymd){pub_j->year, is_year ? 1 : pub_j->month, 1};
				f->resolved = 1;
				f->prec = is_year ? KH_PREC_YEAR : KH_PREC_MONTH;
				apply_part(f, part, is_year);
			}
			return 1;
		}
	}
	/* «سال ۱۴۰۲», «سال ۹۵», «سال ۲۰۱۵ میلادی», «سال‌های
	 * ۱۳۹۰»
	 */
	int plural = word_is(t, nt, p, "سالهای") || word_is(t, nt, p, "سالهایی");
	if (word_is(t, nt, p, "سال") &&
	    (word_is(t, nt, p + 1, "های") || word_is(t, nt, p + 1, "هایی")))
		plural = 2, p++; /* «سال های ۱۳۹۰» */
	if (!t[p].num && (plural || !strcmp(t[p].f, "سال")) && p + 1 < nt && t[p + 1].num &&
	    (t[p + 1].ndig == 4 || t[p + 1].ndig == 2)) {
		f->count = plural != 0;
		int q = p + 2, cal = C_JALALI, eu;
		const entry *era = q < nt ? match(t, nt, q, K_ERA, &eu) : NULL;
		if (era) {
			cal = era->cal;
			q += eu;
		} else if (t[p + 1].ndig == 4 &&
		           (t[p + 1].value >= 1900 && t[p + 1].value < 2200)) {
			cal = C_GREGORIAN;
		}
		int year = year_of(&t[p + 1], cal);
		f->end_tok = q;
		f->year_tok = p + 1;
		if (year && cal == C_JALALI && year >= 1200 && year < 1600) {
			f->j = (kh_ymd){year, 1, 1};
			f->resolved = 1;
			f->prec = KH_PREC_YEAR;
		} else if (year && cal == C_GREGORIAN && g2j((kh_ymd){year, 1, 1}, &f->j)) {
			f->resolved = 1; /* given as 1 January of that year */
			f->prec = KH_PREC_YEAR;
		}
		if (f->resolved && part >= 0)
			apply_part(f, part, 1);
		return 1;
	}

	/* relative: «امروز», «امسال», «سال گذشته», «ماه آینده», «هفته گذشته» */
	const entry *rel = !t[p].num ? match(t, nt, p, -1, &u) : NULL;
	if (rel && (rel->kind == K_REL_DAY || rel->kind == K_REL_WEEK || rel->kind == K_REL_MONTH ||
	            rel->kind == K_REL_YEAR)) {
		f->end_tok = p + u;
		f->is_time = rel->time;
		f->dayref = rel->kind == K_REL_DAY && !rel->time;
		if (rel->kind == K_REL_DAY && part < 0) {
			/* «امروز شنبه», «دیروز چهارشنبه ۲۶ آبان»: one expression */
			int wu;
			if (f->end_tok < nt && match(t, nt, f->end_tok, K_WEEKDAY, &wu))
				f->end_tok += wu;
			join_following_date(t, nt, pub_g, pub_j, f);
			if (f->resolved)
				return 1;
			/* «امروز» alone in quoted speech or after «دنیای», «تا به»: nowadays */
			if (rel->value == 0 && !rel->time && f->end_tok == i + u &&
			    !(f->end_tok < nt && t[f->end_tok].punct == '(') &&
			    (in_quote(t, i) || after_word(t, nt, i, 0)))
				return 0;
		}
		int eu;
		const entry *era = rel->kind == K_REL_YEAR && f->end_tok < nt
		                           ? match(t, nt, f->end_tok, K_ERA, &eu)
		                           : NULL;
		if (era)
			f->end_tok += eu;
		if (!pub_g || !pub_j)
			return 1;
		if (rel->kind == K_REL_DAY) {
			kh_ymd g;
			if (part < 0 &&
			    kh_gregorian_add_days(*pub_g, rel->value, &g, NULL) == KH_OK &&
			    g2j(g, &f->j)) {
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
				apply_part(f, part, 0);
		} else if (rel->kind == K_REL_YEAR) {
			f->j = (kh_ymd){pub_j->year + rel->value, 1, 1};
			f->resolved = 1;
			if (era) { /* «سال گذشته میلادی»: the Gregorian year */
				if (era->cal == C_GREGORIAN)
					f->resolved = g2j((kh_ymd){pub_g->year + rel->value, 1, 1},
					                  &f->j);
				else if (era->cal == C_HIJRI)
					f->resolved = 0;
			}
			f->prec = f->resolved ? KH_PREC_YEAR : KH_PREC_NONE;
			if (part >= 0)
				apply_part(f, part, 1);
		}
		return 1;
	}
	/* «تابستان ۱۳۹۴», «بهار امسال» */
	const entry *se = !t[p].num ? match(t, nt, p, K_SEASON, &u) : NULL;
	if (se && (p + u < nt || part >= 0)) {
		int q = p + u, year = 0, yu = year_after(t, nt, q, C_JALALI, pub_g, pub_j, &year);
		if (yu) {
			q += yu; /* «زمستان سال ۱۳۸۶», «بهار امسال», «تابستان ۹۵» */
		} else if (word_is(t, nt, q, "گذشته") || word_is(t, nt, q, "آینده")) {
			/* «تابستان گذشته»: the last one over; «زمستان آینده»: the next one */
			int past = word_is(t, nt, q, "گذشته");
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
				apply_part(f, part, 0);
			}
		}
		return 1;
	}
	if (part >= 0)
		return 0; /* a part needs a period after it */

	/* «روز چهارشنبه», «چهارشنبه»: the latest such day up to the publication date */
	int ru = 0;
	int rz = !t[p].num && !strcmp(t[p].f, "روز");
	const entry *wd = match(t, nt, p + rz, K_WEEKDAY, &ru);
	/* «نماز جمعه», «امام جمعه», «خطبه‌های نماز جمعه»:
	 * Friday prayer, not a day
	 */
	if (wd && wd->value == 6 && !rz && after_word(t, nt, p, 2))
		wd = NULL;
	if (wd) {
		f->end_tok = p + rz + ru;
		f->dayref = 1;
		int ahead = word_is(t, nt, f->end_tok, "آینده"), wu, week = 0;
		const entry *rw = match(t, nt, f->end_tok, K_REL_WEEK, &wu);
		if (rw) {
			f->end_tok += wu; /* «شنبه هفته جاری», «دوشنبه هفته گذشته» */
			week = 1;
		} else if (ahead || word_is(t, nt, f->end_tok, "گذشته")) {
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
			    g2j(g, &f->j)) {
				f->resolved = 1;
				f->prec = KH_PREC_DAY;
			}
		}
		join_following_date(t, nt, pub_g, pub_j, f);
		return 1;
	}
	/* occasions: «اربعین», «نوروز ۱۴۰۲» */
	const entry *oc = match(t, nt, p + rz, K_OCCASION, &ru);
	if (oc && !rz && after_word(t, nt, p, 1))
		oc = NULL; /* «زائران اربعین», «ستاد اربعین»: an event or a body */
	if (oc) {
		int year = 0, yu = year_after(t, nt, p + rz + ru, oc->cal, pub_g, pub_j, &year);
		f->end_tok = p + rz + ru + yu; /* «اربعین سال جاری», «یلدای ۱۴۰۲» */
		if (oc->cal == C_JALALI) {
			if (!yu && pub_j)
				year = pub_j->year;
			if (year && to_jalali(C_JALALI, year, oc->month, oc->day, &f->j)) {
				f->resolved = 1;
				f->prec = KH_PREC_DAY;
			}
		}
		return 1;
	}
	/* «N سال گذشته» (N years ago), «سه سال پیش», «۵ سال آینده» */
	long years = t[p].num && t[p].ndig <= 4 ? t[p].value : 0;
	int c0 = p; /* «۳.۵ سال گذشته»: a decimal count */
	if (years && p + 3 < nt && t[p + 1].punct == '.' && t[p + 2].num && touching(t, p, p + 1) &&
	    touching(t, p + 1, p + 2))
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
		const entry *hm = q < nt ? match(t, nt, q, K_MONTH, &u) : NULL;
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
		const entry *era = p + 2 < nt ? match(t, nt, p + 2, K_ERA, &eu) : NULL;
		if (era) { /* «دهه ۸۰ میلادی» */
			f->end_tok += eu;
			if (era->cal == C_GREGORIAN) {
				if (t[p + 1].ndig == 2)
					y = 1900 + (int)t[p + 1].value;
				f->resolved = g2j((kh_ymd){y, 1, 1}, &f->j);
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
		if (to_jalali(cal, y, mo, d, &f->j)) {
			f->resolved = 1;
			f->prec = KH_PREC_DAY;
		}
		return 1;
	}
	if (p == i && bare_year_at(t, nt, p)) {
		f->end_tok = p + 1;
		f->year_tok = p;
		int y = (int)t[p].value;
		if (y < 1500) {
			f->j = (kh_ymd){y, 1, 1};
			f->resolved = 1;
		} else {
			f->resolved = g2j((kh_ymd){y, 1, 1}, &f->j);
		}
		f->prec = f->resolved ? KH_PREC_YEAR : KH_PREC_NONE;
		return 1;
	}
	return 0;
}

/* A count of months at token i: «هفت ماه», «۶ ماهه», «شش‌ماهه», with an
 * order word after it («اول، نخست، دوم، پایانی ...»). Returns the tokens used, or 0. */
static int months_count_at(const tok *t, int nt, int i)
{
	static const char *const words[] = {"یک",  "دو",  "سه", "چهار", "پنج",   "شش",
	                                    "هفت", "هشت", "نه", "ده",   "یازده", NULL};
	static const char *const order[] = {"اول",     "نخست",   "دوم", "سوم",    "چهارم", "آغازین",
	                                    "ابتدایی", "پایانی", "آخر", "نخستین", "منتهی", NULL};
	int q = i, numw = t[i].num && t[i].ndig <= 2 && t[i].value >= 1 && t[i].value <= 12;
	const char *w = t[i].f;
	for (int k = 0; !numw && !t[i].num && words[k]; k++) {
		size_t l = strlen(words[k]);
		if (!strncmp(w, words[k], l) && (!w[l] || !strcmp(w + l, "ماهه")))
			numw = w[l] ? 2 : 1; /* 2: «ششماهه» in one token */
	}
	if (!numw)
		return 0;
	q++;
	if (numw == 1) {
		if (!word_is(t, nt, q, "ماه") && !word_is(t, nt, q, "ماهه"))
			return 0;
		q++;
	}
	for (int k = 0; q < nt && order[k]; k++)
		if (word_is(t, nt, q, order[k])) {
			q++;
			break;
		}
	return q - i;
}

/* A word that joins two dates into one span: «تا», «الی», «و», «-». */
static int is_joiner(const tok *t, int nt, int i)
{
	return (i < nt && t[i].punct == '-') || word_is(t, nt, i, "تا") ||
	       word_is(t, nt, i, "الی") || word_is(t, nt, i, "و");
}

/* A date with what surrounds it in one expression: a time of day («صبح امروز» is a
 * TIME), a count of months («هفت ماه اول سال ۱۳۹۵»), lists and ranges («۲۷ و ۲۸ خرداد»,
 * «از سال ۱۹۰۸ تا سال ۱۹۲۸», «سال ۹۳ و ۹۴», «از ابتدای سال تاکنون»). The value is that of
 * the first date that has one. */
static int try_span(const tok *t, int nt, int i, const kh_ymd *pub_g, const kh_ymd *pub_j, found *f)
{
	int u, du;
	/* «صبح امروز», «عصر روز چهارشنبه», «بامداد شنبه ۵ آذر» */
	if (!t[i].num && match(t, nt, i, K_DAYPART, &u) && i + u < nt &&
	    try_one(t, nt, i + u, pub_g, pub_j, f) && f->dayref) {
		f->start_tok = i;
		f->is_time = 1;
		return 1;
	}
	int mc = months_count_at(t, nt, i);
	if (mc && i + mc < nt && try_one(t, nt, i + mc, pub_g, pub_j, f) && !f->dayref &&
	    !f->daymonth) {
		f->start_tok = i;
		f->count = 1;
		return 1;
	}
	/* «۲۷ و ۲۸ خرداد», «پانزدهم تا بیست و پنجم اردیبهشت» */
	found g;
	int range = 0;
	if (day_at(t, nt, i, &du) && is_joiner(t, nt, i + du) &&
	    try_one(t, nt, i + du + 1, pub_g, pub_j, &g) && g.daymonth) {
		*f = g;
		f->start_tok = i;
		range = word_is(t, nt, i + du, "تا") || word_is(t, nt, i + du, "الی");
	} else if (!try_one(t, nt, i, pub_g, pub_j, f)) {
		return 0;
	}
	int q = f->end_tok;
	/* «امروز صبح», «چهارشنبه شب» */
	if (f->dayref && q < nt && match(t, nt, q, K_DAYPART, &u) && u == 1 &&
	    !word_is(t, nt, q, "بامداد")) {
		f->end_tok = q + 1;
		f->is_time = 1;
		return 1;
	}
	if (is_joiner(t, nt, q) && q + 1 < nt) {
		if (f->year_tok && t[q + 1].num && t[q + 1].ndig == t[f->year_tok].ndig) {
			f->end_tok =
			        q +
			        2; /* «سال ۹۳ و ۹۴», «سال‌های ۱۳۴۷-۱۳۴۰»
			            */
			f->count = 1;
			range = !word_is(t, nt, q, "و");
		} else if (try_one(t, nt, q + 1, pub_g, pub_j, &g) && !g.is_time && !f->is_time) {
			f->end_tok = g.end_tok;
			if (!f->resolved) {
				f->resolved = g.resolved;
				f->j = g.j;
				f->prec = g.prec;
			}
			range = word_is(t, nt, q, "تا") || word_is(t, nt, q, "الی");
		}
	} else if (word_is(t, nt, q, "تاکنون")) {
		f->end_tok = q + 1;
		range = 1;
	} else if (word_is(t, nt, q, "تا") && word_is(t, nt, q + 1, "کنون")) {
		f->end_tok = q + 2;
		range = 1;
	}
	if (range && word_is(t, nt, f->start_tok - 1, "از"))
		f->start_tok--;
	return 1;
}

/* A date and the word before it that PEYMA-style annotation keeps with it: «روز» before
 * a day of the month («روز ۲۳ مردادماه»), «طی» before a span of time («طی دو سال
 * گذشته»). */
static int try_at(const tok *t, int nt, int i, const kh_ymd *pub_g, const kh_ymd *pub_j, found *f)
{
	int du;
	if (i + 1 < nt && word_is(t, nt, i, "روز") && day_at(t, nt, i + 1, &du) &&
	    try_span(t, nt, i + 1, pub_g, pub_j, f) && f->daymonth) {
		f->start_tok = i;
		return 1;
	}
	if (i + 1 < nt && word_is(t, nt, i, "طی") && try_span(t, nt, i + 1, pub_g, pub_j, f) &&
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
	pthread_once(&load_once, load);
	kh_ymd pub_j, *pj = NULL;
	if (published && g2j(*published, &pub_j))
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
