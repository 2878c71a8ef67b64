/* orgs.c — organizations: the gazetteer first, then a head noun and its complement. */
#include <stdlib.h>
#include <string.h>

#include "facts/factsint.h"
#include "khabar/normalize.h"

/* A word that may continue an organization's name after its head. */
static int complement(const fx *x, int j)
{
	return fx_content(x, j) && !fx_is(x, j, FK(F_ROLE)) && !fx_is(x, j, FK(F_ORG_HEAD)) &&
	       !x->t[j].nl && !fx_verbal(x, j) && !fx_word(x, j, "بهعنوان");
}

/* Where the name that a head noun starts at token a ends (a when it has no complement):
 * «سازمان صنایع کوچک و شهرکهای صنعتی ایران», «وزارت صنعت، معدن و تجارت», «صندوق حمایت از
 * تحقیقات». Another head noun ends it: the subsidiary and the parent stay apart. */
static int structure_end(const fx *x, int a, int head)
{
	int j = a + head, comp = 0;
	while (j < x->nt && j - a < 14) {
		if (complement(x, j)) {
			j++, comp++;
			continue;
		}
		if (!comp)
			break;
		if (fx_word(x, j, "و") && complement(x, j + 1) && !fx_is(x, j + 1, FK(F_FIRST))) {
			j++;
			continue;
		}
		if (fx_word(x, j, "از") && fx_word(x, j - 1, "حمایت") && complement(x, j + 1)) {
			j++;
			continue;
		}
		/* «صنعت، معدن و تجارت»: a comma inside when «و» closes the list */
		if (x->t[j].punct == ',' && complement(x, j + 1) &&
		    (fx_word(x, j + 2, "و") || (complement(x, j + 2) && fx_word(x, j + 3, "و")))) {
			j++;
			continue;
		}
		break;
	}
	return comp ? j : a;
}

static void add(fx *x, int a, int b, char *canonical)
{
	fx_org *grown = kh_grow(x->orgs, &x->orgcap, x->norgs, sizeof *x->orgs);
	if (!grown || !canonical) {
		free(canonical);
		x->failed = 1;
		return;
	}
	x->orgs = grown;
	x->orgs[x->norgs] = (fx_org){a, b, canonical};
	for (int k = a; k < b; k++)
		x->org_of[k] = (int)x->norgs;
	x->norgs++;
}

/* The ministry a minister heads: «وزیر ارتباطات و فناوری اطلاعات» names «وزارت ارتباطات
 * و فناوری اطلاعات» (PEYMA tags the words after «وزیر» as ORG). Its canonical name. */
static char *ministry(fx *x, int a, int b)
{
	static const char W[] = "وزارت ";
	size_t n = x->t[b - 1].e - x->t[a].s;
	char *s = malloc(sizeof W + n);
	if (!s)
		return NULL;
	memcpy(s, W, sizeof W - 1);
	memcpy(s + sizeof W - 1, x->text + x->t[a].s, n);
	s[sizeof W - 1 + n] = '\0';
	int nt = 0, u = 0;
	kh_word *t = kh_words(s, strlen(s), &nt);
	const kh_lex_entry *g = t ? kh_lex_match(x->lx, t, nt, 0, FK(F_ORG), &u) : NULL;
	char *c = NULL;
	if (g && u == nt) {
		c = strdup(g->extra);
	} else if (t) {
		size_t cl;
		if (kh_normalize(s, strlen(s), KH_NORM_CANONICAL, KH_DIGITS_KEEP, &c, &cl, NULL))
			c = NULL;
	}
	free(t);
	free(s);
	return c;
}

void fx_find_orgs(fx *x)
{
	for (int i = 0; i < x->nt && !x->failed; i++) {
		int gu = 0, hu = 0;
		if (fx_word(x, i, "وزیر") && x->org_of[i] < 0) {
			int se = structure_end(x, i, 1);
			if (se > i + 1) {
				add(x, i + 1, se, ministry(x, i + 1, se));
				i = se - 1;
			}
			continue;
		}
		const kh_lex_entry *g = fx_at(x, i, FK(F_ORG), &gu);
		int se = fx_at(x, i, FK(F_ORG_HEAD), &hu) ? structure_end(x, i, hu) : i;
		if (g && se <= i + gu) { /* the known name, or the longer one it starts */
			add(x, i, i + gu, strdup(g->extra));
			i += gu - 1;
		} else if (se > i) {
			/* a known name inside, to its end: «سازمان توسعه تجارت» → its canonical */
			add(x, i, se,
			    g && se == i + gu ? strdup(g->extra) : fx_canonical(x, i, se));
			i = se - 1;
		}
	}
}
