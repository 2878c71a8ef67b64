/* subject.c — what each percentage measures: an organization or a quantity named next to
 * it («سازمان توسعه تجارت ۱۰ درصد», «تعرفه برق باید ۲۰ درصد افزایش یابد», «۳ درصد از
 * اعضای هیئت علمی», «میانگین حضور دستگاهها ...، ۶۵ درصد است»), or none. */
#include <stdlib.h>
#include <string.h>

#include "facts/factsint.h"

/* Words between a quantity and its figure that say how much, not what («باید ۲۰ درصد»,
 * «حدود ۱۰ درصد»). */
static int skippable(const fx *x, int k)
{
	static const char *const w[] = {"باید",  "حدود", "نزدیک", "به",     "بیش",  "از",    "کمتر",
	                                "بیشتر", "تا",   "حداقل", "حداکثر", "تنها", "فقط",   "نیز",
	                                "هم",    "را",   "با",    "بر",     "بین",  "بالای", "زیر",
	                                "قریب",  "چیزی", "ترتیب", NULL};
	for (int i = 0; w[i]; i++)
		if (fx_word(x, k, w[i]))
			return 1;
	return 0;
}

/* Content words ending at token b (exclusive), at most `max`: the first token, or b. */
static int phrase_before(const fx *x, int b, int max, int floor)
{
	int a = b;
	while (a > floor && b - a < max && fx_content(x, a - 1) && !fx_verbal(x, a - 1) &&
	       !x->t[a].nl)
		a--;
	return a;
}

/* Where the clause holding token k starts: the sentence's start, or after a colon, «که»,
 * or «و» right after a verb («... اجرایی شده و تمامی پله‌های مصرف
 * برق»). Commas do not end it: «میانگین حضور دستگاهها در ...، ۶۵ درصد است». */
static int clause_start(const fx *x, int k, int s0)
{
	for (; k > s0; k--) {
		if (x->t[k - 1].punct == ':' || x->t[k - 1].punct == ';' || fx_word(x, k - 1, "که"))
			return k;
		if (fx_word(x, k - 1, "و") && k - 1 > s0 && fx_is(x, k - 2, FK(F_LIGHT_VERB)))
			return k;
	}
	return k;
}

static void set(fx *x, kh_percentage *p, int a, int b)
{
	if (a < 0 || b <= a || b > x->nt)
		return; /* no words: no subject */
	p->has_subject = 1;
	p->subject_start = x->t[a].s;
	p->subject_end = x->t[b - 1].e;
	int o = x->org_of[a];
	if (o >= 0 && x->orgs[o].a == a && x->orgs[o].b == b)
		p->subject_canonical = strdup(x->orgs[o].canonical);
	else
		p->subject_canonical = fx_canonical(x, a, b);
	if (!p->subject_canonical)
		x->failed = 1;
}

static void one(fx *x, kh_percentage *p)
{
	int fa = 0, fb;
	while (fa < x->nt && x->t[fa].s < p->start)
		fa++;
	if (fa >= x->nt)
		return;
	fb = fa;
	while (fb + 1 < x->nt && x->t[fb + 1].e <= p->end)
		fb++;
	int s0 = x->sent[fa];
	/* «۳ درصد از اعضای هیئت علمی» */
	if (fx_word(x, fb + 1, "از") && fx_content(x, fb + 2)) {
		int b = fb + 2;
		if (x->org_of[b] >= 0)
			b = x->orgs[x->org_of[b]].b;
		else /* up to a verb or a change: not «۶۱ درصد از مربیانش تغییر کرده» */
			while (b < x->nt && b - (fb + 2) < 3 && fx_content(x, b) && !x->t[b].nl &&
			       (b == fb + 2 || (!fx_verbal(x, b) && !fx_is(x, b, FK(F_CHANGE)))))
				b++;
		set(x, p, fb + 2, b);
		return;
	}
	/* «سازمان توسعه تجارت ۱۰ درصد» */
	if (fa > s0 && x->org_of[fa - 1] >= 0) {
		const fx_org *o = &x->orgs[x->org_of[fa - 1]];
		set(x, p, o->a, o->b);
		return;
	}
	/* «عملکرد ۳۶ درصدی», «ایران سهم ۱۳ درصدی خود»: the share of the organization or
	 * place named last before it in the sentence */
	if (fa > s0 && fx_is(x, fa - 1, FK(F_OWNER))) {
		for (int k = fa - 2; k >= s0; k--) {
			if (x->org_of[k] >= 0) {
				const fx_org *o = &x->orgs[x->org_of[k]];
				set(x, p, o->a, o->b);
				return;
			}
			if (fx_is(x, k, FK(F_PLACE))) {
				set(x, p, k, k + 1);
				return;
			}
		}
	}
	/* «کاهش میزان سقط به میزان ۱۰ درصد»: what the change before «به» applies to */
	int k = fa;
	if (k - 1 > s0 && fx_is(x, k - 1, FK(F_MEASURE)))
		k--;
	if (k < fa && k - 1 > s0 && fx_word(x, k - 1, "به")) {
		int to = k - 1;
		for (int c = to - 1; c >= s0 && to - c <= 6 && fx_content(x, c); c--)
			if (fx_is(x, c, FK(F_CHANGE)) && c + 1 < to) {
				set(x, p, c + 1, to);
				return;
			}
	}
	/* «به احتمال ۹۹ درصد»: the noun the figure qualifies */
	if (fa - 2 >= s0 && fx_word(x, fa - 2, "به") && fx_content(x, fa - 1) &&
	    !fx_is(x, fa - 1, FK(F_MEASURE)) && !fx_is(x, fa - 1, FK(F_CHANGE)) &&
	    !skippable(x, fa - 1)) {
		set(x, p, fa - 1, fa);
		return;
	}
	/* «افزایش ۱۰ درصدی قیمت برق», «۶۰ درصد ظرفیت صنایع داخلی»: the noun after it; but
	 * «خودکفایی ۹۵ درصدی گندم»: «درصدی» qualifies the noun before it, unless a change
	 * is that noun («افزایش پنهانی ۱۰ درصدی قیمت برق») */
	int r = fb + 1;
	int change = (fa > s0 && fx_is(x, fa - 1, FK(F_CHANGE))) ||
	             (fa - 1 > s0 && fx_is(x, fa - 2, FK(F_CHANGE)) && fx_content(x, fa - 1));
	int adjective = fx_word(x, fb, "درصدی") && fx_content(x, fa - 1) && !change &&
	                !fx_is(x, fa - 1, FK(F_MEASURE));
	/* a measure noun with its complement is what is measured: «۶۰ درصد ظرفیت صنایع» */
	int measured = fx_is(x, r, FK(F_MEASURE)) && fx_content(x, r + 1) &&
	               !fx_is(x, r + 1, FK(F_CHANGE)) && !fx_is(x, r + 1, FK(F_MEASURE)) &&
	               !fx_compound_verb(x, r + 1);
	if (!adjective && fx_content(x, r) && !fx_is(x, r, FK(F_CHANGE)) &&
	    (measured || !fx_is(x, r, FK(F_MEASURE))) && !fx_compound_verb(x, r) &&
	    x->org_of[r] < 0 && !x->t[r].nl) {
		int e = r;
		while (e < x->nt && e - r < 3 && fx_content(x, e) && !fx_is(x, e, FK(F_CHANGE)) &&
		       !fx_verbal(x, e) && !x->t[e].nl)
			e++;
		set(x, p, r, e);
		return;
	}
	/* «۱۰ درصد در شهر تهران», «۲ درصد در خصوص سایر شهرها»: where the share is */
	if (!adjective && fx_word(x, fb + 1, "در")) {
		int r2 = fb + 2;
		if (fx_word(x, r2, "خصوص") || fx_word(x, r2, "مورد"))
			r2++;
		int q = fx_word(x, r2, "سایر") || fx_word(x, r2, "همه") || fx_word(x, r2, "برخی");
		if ((fx_content(x, r2) || (q && fx_content(x, r2 + 1))) &&
		    !fx_is(x, r2, FK(F_CHANGE)) && !fx_compound_verb(x, r2)) {
			int e = r2 + q; /* «سایر شهرها»: a quantifier and its noun */
			while (e < x->nt && e - r2 < 3 && fx_content(x, e) &&
			       !fx_compound_verb(x, e) && !x->t[e].nl)
				e++;
			set(x, p, r2, e);
			return;
		}
	}
	int b = fa;
	while (b > s0 && b > fa - 4 &&
	       (skippable(x, b - 1) || fx_is(x, b - 1, FK(F_CHANGE)) ||
	        fx_is(x, b - 1, FK(F_MEASURE)) ||
	        (fx_word(x, b - 1, "در") && fx_is(x, b, FK(F_MEASURE))))) /* «در حدود» */
		b--;
	int a = phrase_before(x, b, 3, s0);
	while (a < b && fx_is(x, a, FK(F_CHANGE)))
		a++; /* «... رشد ۱۰ درصدی»: not the change itself */
	/* «مصرف گاز در کشور حدود ۳۲ درصد»: a place after «در» frames the quantity before it */
	if (a < b && a - 1 > s0 && fx_word(x, a - 1, "در")) {
		int a2 = phrase_before(x, a - 1, 3, s0);
		if (a2 < a - 1) {
			set(x, p, a2, a - 1);
			return;
		}
	}
	if (a < b) {
		set(x, p, a, b);
		return;
	}
	/* «میانگین حضور دستگاهها در ...، ۶۵ درصد است», «سهم
	 * پرداخت‌ها
	 * ... ( OECD
	 * )
	 * بالغ‌بر ۶۰ درصد برآورد شده است»: nothing names it just before,
	 * so the clause's head */
	int c = clause_start(x, b, s0);
	while (c < b && (x->t[c].punct == '"' || x->t[c].punct == '<'))
		c++; /* «"نرخ تورم در حدود ۴۲ درصد است"» */
	/* a noun phrase heads it (or «آنچه ...»), not «در ...», «به گزارش ...», «الف -» */
	int quant = (fx_word(x, c, "همه") || fx_word(x, c, "تمامی") || fx_word(x, c, "تمام")) &&
	            fx_content(x, c + 1);
	if (c >= b || !(fx_word(x, c, "آنچه") || quant ||
	                (fx_content(x, c) && !fx_is(x, c, FK(F_ADVERB)) && x->t[c].flen >= 4)))
		return;
	int e = c;
	while (e < b && e - c < 4 && !x->t[e].punct && !x->t[e].num && !fx_compound_verb(x, e) &&
	       (e == c || (!skippable(x, e) && !fx_is(x, e, FK(F_ADVERB)))))
		e++;
	if (e > c)
		set(x, p, c, e);
}

void fx_find_subjects(fx *x, kh_percentage *p, size_t n)
{
	for (size_t i = 0; i < n && !x->failed; i++)
		if (!p[i].has_subject)
			one(x, &p[i]);
}
