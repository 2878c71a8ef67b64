/* fx.c — what every facts pass asks of the tokens: kinds, words, content words, verbs,
 * role phrases, text spans, and room in the growing arrays. */
#include <stdlib.h>
#include <string.h>

#include "facts/factsint.h"
#include "khabar/normalize.h"

int fx_push(fx *x, void **arr, size_t n, size_t size)
{
	if (n % 32)
		return 1;
	void *grown = realloc(*arr, (n + 32) * size);
	if (!grown) {
		x->failed = 1;
		return 0;
	}
	*arr = grown;
	return 1;
}

const kh_lex_entry *fx_at(const fx *x, int i, unsigned kinds, int *used)
{
	return kh_lex_match(x->lx, x->t, x->nt, i, kinds, used);
}

int fx_is(const fx *x, int i, unsigned kinds)
{
	return i >= 0 && i < x->nt && (x->kinds[i] & kinds);
}

int fx_word(const fx *x, int i, const char *w)
{
	return i >= 0 && i < x->nt && !x->t[i].num && !x->t[i].punct && !strcmp(x->t[i].f, w);
}

int fx_content(const fx *x, int i)
{
	int u;
	if (i < 0 || i >= x->nt || x->t[i].num || x->t[i].punct || !x->t[i].flen)
		return 0;
	if (fx_is(x, i, FK(F_STOP) | FK(F_PRONOUN)) &&
	    !(fx_word(x, i, "بین") && fx_word(x, i + 1, "المللی"))) /* «بین المللی» */
		return 0;
	const kh_lex_entry *c =
	        fx_at(x, i, FK(F_CUE_VERB) | FK(F_CUE_CLAUSE) | FK(F_CUE_BEFORE), &u);
	return c == NULL;
}

int fx_compound_verb(const fx *x, int i)
{
	return fx_is(x, i, FK(F_LIGHT_VERB)) || fx_is(x, i + 1, FK(F_LIGHT_VERB));
}

/* A verb: «می‌شود», «نمی‌کند», a light verb, or the noun of a compound verb
 * before one («مذاکره کردند»). Names hold none. */
int fx_verbal(const fx *x, int j)
{
	const char *f = x->t[j].f;
	if (fx_compound_verb(x, j))
		return 1;
	size_t mi = strlen("می"), nami = strlen("نمی");
	return (x->t[j].flen > mi + 4 && !strncmp(f, "می", mi) &&
	        strncmp(f, "میل", strlen("میل")) && strncmp(f, "مید", strlen("مید")) &&
	        strncmp(f, "میز", strlen("میز")) && strncmp(f, "میر", strlen("میر")) &&
	        strncmp(f, "میا", strlen("میا"))) ||
	       (x->t[j].flen > nami + 4 && !strncmp(f, "نمی", nami));
}

char *fx_text(fx *x, int a, int b)
{
	char *s = strndup(x->text + x->t[a].s, x->t[b - 1].e - x->t[a].s);
	if (!s)
		x->failed = 1;
	return s;
}

char *fx_canonical(fx *x, int a, int b)
{
	char *out = NULL;
	size_t n;
	const char *s = x->text + x->t[a].s;
	if (kh_normalize(s, x->t[b - 1].e - x->t[a].s, KH_NORM_CANONICAL, KH_DIGITS_KEEP, &out, &n,
	                 NULL) != KH_OK) {
		x->failed = 1;
		return NULL;
	}
	return out;
}

int fx_role_end(const fx *x, int a)
{
	int u;
	if (!fx_at(x, a, FK(F_ROLE), &u))
		return a;
	int j = a + u, comp = 0;
	while (j < x->nt && !x->t[j].nl && j - a < 16) {
		if (x->org_of[j] >= 0) { /* an organization's name, whole */
			j = x->orgs[x->org_of[j]].b;
			comp++;
			continue;
		}
		if (fx_is(x, j, FK(F_FIRST)) || fx_is(x, j, FK(F_HONORIFIC)))
			break; /* «وزیر امور خارجه محمدجواد ظریف» */
		if (fx_compound_verb(x, j))
			break; /* «... وزیر امور خارجه انگلیس دیدار کردند» */
		if (fx_word(x, j, "و") && comp && fx_content(x, j + 1) &&
		    !fx_is(x, j + 1, FK(F_ROLE)) && !fx_is(x, j + 1, FK(F_FIRST)) &&
		    !fx_is(x, j + 1, FK(F_HONORIFIC))) { /* not «... ایران و جان اسمیت» */
			j++;
			continue;
		}
		if (x->t[j].punct == ',' && comp && fx_content(x, j + 1) &&
		    fx_content(x, j + 2) == 0 && fx_word(x, j + 2, "و")) {
			j++; /* «وزیر صنعت، معدن و تجارت» */
			continue;
		}
		if (!fx_content(x, j))
			break;
		j++;
		comp++;
	}
	return j;
}
