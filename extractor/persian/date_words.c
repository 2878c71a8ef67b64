/* date_words.c — the date finder's phrase tables (data/months.tsv, data/dates.tsv),
 * folded for ي/ی, ك/ک and ZWNJ, and matching them against tokens (dateint.h). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/table.h"
#include "persian/dateint.h"

KH_DATA(dates);
KH_DATA(months);

static pthread_once_t load_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

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
int dt_starts_entry(const char *f, size_t n)
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
		e->ambiguous = f[2].len > 0 && f[2].s[0] == '^';
		const char *name = f[2].s + e->ambiguous;
		size_t nlen = f[2].len - (size_t)e->ambiguous;
		e->klen = kh_word_fold(name, nlen, e->key, sizeof e->key);
		note_first(name, nlen);
		e->nwords = count_words(name, nlen);
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
const entry *dt_match(const tok *t, int nt, int i, int kind, int *used)
{
	dt_load();
	const entry *best = NULL;
	int best_used = 0;
	char buf[3 * MAXW + 1];
	*used = 0;
	if (i >= nt || t[i].num || t[i].punct || !dt_starts_entry(t[i].f, t[i].flen))
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
const entry *dt_month_at(const tok *t, int nt, int i, int *used)
{
	dt_load();
	int u;
	const entry *m = dt_match(t, nt, i, K_MONTH, &u);
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

/* A day of the month at token i: «۵», «05» or an ordinal word («پنجم», «بیست و یکم»).
 * Returns the day (0 when none) and the tokens used in *used. */
int dt_day_at(const tok *t, int nt, int i, int *used)
{
	if (i >= nt)
		return 0;
	if (t[i].num) {
		*used = 1;
		return t[i].ndig <= 2 && t[i].value >= 1 && t[i].value <= 31 ? (int)t[i].value : 0;
	}
	const entry *o = dt_match(t, nt, i, K_ORDINAL, used);
	return o ? o->value : 0;
}

/* Token i is the word w (folded). */
int dt_word_is(const tok *t, int nt, int i, const char *w)
{
	return i >= 0 && i < nt && !t[i].num && !t[i].punct && !strcmp(t[i].f, w);
}

/* A not-after word of `which` (0 today, 1 occasion, 2 friday) just before token i. */
int dt_after_word(const tok *t, int nt, int i, int which)
{
	int u;
	for (int back = 1; back <= 2 && i - back >= 0; back++) {
		const entry *e = dt_match(t, nt, i - back, K_NOT_AFTER, &u);
		if (e && u == back && e->value == which)
			return 1;
	}
	return 0;
}

/* Token i is inside quoted speech: a colon or an open «» earlier in its sentence. */
int dt_in_quote(const tok *t, int i)
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
int dt_touching(const tok *t, int i, int j)
{
	return t[i].e == t[j].s;
}

/* A bare year at token i: «۱۳۹۵», «2016», not a part of «3.5» or «۱۲:۳۰», not a count
 * («۱۴۰۰ نفر»). */
int dt_bare_year_at(const tok *t, int nt, int i)
{
	int u;
	long v = t[i].value;
	if (!t[i].num || t[i].ndig != 4 || !((v >= 1300 && v <= 1420) || (v >= 1950 && v <= 2030)))
		return 0;
	if (i > 0 && t[i - 1].punct && strchr("./:,-", t[i - 1].punct) && dt_touching(t, i - 1, i))
		return 0;
	if (i + 1 < nt && t[i + 1].punct && strchr("./:,-", t[i + 1].punct) &&
	    dt_touching(t, i, i + 1) && i + 2 < nt && t[i + 2].num)
		return 0;
	return !(i + 1 < nt && dt_match(t, nt, i + 1, K_COUNT_NOUN, &u));
}

/* A count of months at token i: «هفت ماه», «۶ ماهه», «شش‌ماهه», with an
 * order word after it («اول، نخست، دوم، پایانی ...»). Returns the tokens used, or 0. */
int dt_months_count_at(const tok *t, int nt, int i)
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
		if (!dt_word_is(t, nt, q, "ماه") && !dt_word_is(t, nt, q, "ماهه"))
			return 0;
		q++;
	}
	for (int k = 0; q < nt && order[k]; k++)
		if (dt_word_is(t, nt, q, order[k])) {
			q++;
			break;
		}
	return q - i;
}

/* A word that joins two dates into one span: «تا», «الی», «و», «-». */
int dt_is_joiner(const tok *t, int nt, int i)
{
	return (i < nt && t[i].punct == '-') || dt_word_is(t, nt, i, "تا") ||
	       dt_word_is(t, nt, i, "الی") || dt_word_is(t, nt, i, "و");
}

void dt_load(void)
{
	pthread_once(&load_once, load);
}
