/* money.c — sums of money: a number and the currency after it, as MONEY entities. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/factsint.h"
#include "khabar/number.h"

enum { MAX_NUMBER_TOKENS = 10 }; /* «۲۱ میلیون و ۲۰۰ هزار و ۵۰۰» */

/* The first token of the number that ends right before token i (its value in *v), or -1:
 * the longest run of tokens kh_number_parse reads whole, within the sentence. */
static int number_before(const fx *x, int i, double *v)
{
	int best = -1;
	size_t want = x->t[i - 1].e;
	for (int j = i - 1; j >= 0 && i - j <= MAX_NUMBER_TOKENS && x->sent[j] == x->sent[i]; j--) {
		double val = 0;
		size_t n = kh_number_parse(x->text + x->t[j].s, x->t[i].s - x->t[j].s, &val,
		                           KH_NUM_SPACED_DECIMAL);
		if (n && x->t[j].s + n >= want)
			best = j, *v = val;
		if (x->t[j].nl)
			break;
	}
	return best;
}

/* The token after a number that starts at token j, or -1. */
static int number_end(const fx *x, int j, double *v)
{
	size_t n = kh_number_parse(x->text + x->t[j].s, x->len - x->t[j].s, v, 0);
	if (!n)
		return -1;
	int k = j;
	while (k < x->nt && x->t[k].e <= x->t[j].s + n)
		k++;
	return k;
}

void fx_find_money(fx *x)
{
	kh_facts *o = x->out;
	for (int i = 1; i < x->nt && !x->failed; i++) {
		if (!fx_is(x, i, FK(F_CURRENCY)))
			continue;
		double v = 0;
		int a = number_before(x, i, &v);
		if (a < 0)
			continue;
		/* «۲۷ هزار و ۶۴۵ ریال»: digits after a scale word and «و» add to it */
		while (a >= 2 && fx_word(x, a - 1, "و") &&
		       (fx_word(x, a - 2, "هزار") || fx_word(x, a - 2, "میلیون") ||
		        fx_word(x, a - 2, "میلیارد"))) {
			double more = 0;
			int a2 = number_before(x, a - 1, &more);
			if (a2 < 0)
				break;
			a = a2, v += more;
		}
		/* «۲۰۰ تا ۲۵۰ هزار تومان», «۱۸ تا ۲۰ میلیارد دلار»: one span for the range */
		double low = 0;
		if (a >= 2 && fx_word(x, a - 1, "تا") && x->t[a - 2].num &&
		    number_before(x, a - 1, &low) == a - 2)
			a -= 2;
		int b = i + 1;
		/* «۳۷ دلار و ۶۶ سنت» */
		double cents = 0;
		int k = fx_word(x, b, "و") ? number_end(x, b + 1, &cents) : -1;
		if (k > b + 1 && fx_word(x, k, "سنت") && cents < 100)
			b = k + 1, v += cents / 100;
		/* the canonical form: the value and the currency («تومانی» → «تومان») */
		char cur[MAXW], canon[MAXW + 40];
		size_t cl = x->t[i].flen;
		memcpy(cur, x->t[i].f, cl + 1);
		if (!strcmp(cur, "تومانی") || !strcmp(cur, "ریالی") || !strcmp(cur, "دلاری"))
			cur[cl - strlen("ی")] = '\0';
		if (v == (double)(long long)v && v < 1e18)
			snprintf(canon, sizeof canon, "%lld %s", (long long)v, cur);
		else
			snprintf(canon, sizeof canon, "%g %s", v, cur);
		char *c = strdup(canon);
		if (!c || !fx_push(x, (void **)&o->entities, o->nentities, sizeof *o->entities)) {
			free(c);
			x->failed = 1;
			return;
		}
		o->entities[o->nentities++] =
		        (kh_entity){KH_ENT_MONEY, x->t[a].s, x->t[b - 1].e, c};
		i = b - 1;
	}
}
