/* facts.c — kh_find_facts(): the tables, the shared helpers, and the order of the
 * passes (organizations, people, statements, mentions, percentage subjects). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "factsint.h"
#include "khabar/normalize.h"
#include "table.h"

static pthread_once_t load_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

static kh_lex lex;
static int loaded;

static void load(void)
{
	static const struct {
		const char *name;
		int kind;
	} kinds[] = {{"org-head", F_ORG_HEAD},
	             {"role-head", F_ROLE},
	             {"honorific", F_HONORIFIC},
	             {"name-part", F_NAME_PART},
	             {"stop", F_STOP},
	             {"pronoun", F_PRONOUN},
	             {"cue-verb", F_CUE_VERB},
	             {"cue-before", F_CUE_BEFORE},
	             {"cue-clause", F_CUE_CLAUSE},
	             {"owner-noun", F_OWNER},
	             {"group", F_GROUP},
	             {"adverb-start", F_ADVERB},
	             {"change", F_CHANGE},
	             {"measure", F_MEASURE},
	             {"light-verb", F_LIGHT_VERB},
	             {"currency", F_CURRENCY}};
	kh_table_iter it;
	kh_field f[3];
	loaded = 1;
	kh_table_begin(&it, kh_data_facts, kh_data_facts_len);
	int nf;
	while ((nf = kh_table_row(&it, f, 3)) >= 2) {
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			if (strlen(kinds[k].name) != f[0].len ||
			    memcmp(kinds[k].name, f[0].s, f[0].len))
				continue;
			int value = nf < 3                              ? 0
			            : f[2].len == 5 && f[2].s[0] == 'c' ? 1 /* colon */
			            : f[2].s[0] == 's'                  ? 3 /* small */
			                                                : 2;                 /* colon-end */
			kh_lex_add(&lex, f[1].s, f[1].len, kinds[k].kind, value, NULL, 0);
		}
	}
	kh_table_begin(&it, kh_data_firstnames, kh_data_firstnames_len);
	while (kh_table_row(&it, f, 1) == 1)
		kh_lex_add(&lex, f[0].s, f[0].len, F_FIRST, 0, NULL, 0);
	kh_table_begin(&it, kh_data_places, kh_data_places_len);
	while (kh_table_row(&it, f, 1) == 1)
		kh_lex_add(&lex, f[0].s, f[0].len, F_PLACE, 0, NULL, 0);
	kh_table_begin(&it, kh_data_orgs, kh_data_orgs_len);
	while (kh_table_row(&it, f, 2) == 2) {
		kh_lex_add(&lex, f[0].s, f[0].len, F_ORG, 0, f[0].s, f[0].len);
		for (const char *p = f[1].s, *end = f[1].s + f[1].len; p < end;) {
			const char *bar = memchr(p, '|', (size_t)(end - p));
			const char *q = bar ? bar : end;
			kh_lex_add(&lex, p, (size_t)(q - p), F_ORG, 0, f[0].s, f[0].len);
			p = q + 1;
		}
	}
}

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

static int by_start(const void *a, const void *b)
{
	const kh_entity *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

int fx_open(fx *x, const char *text, size_t len, const char *agency, kh_facts *out, int tagging)
{
	memset(out, 0, sizeof *out);
	memset(x, 0, sizeof *x);
	pthread_once(&load_once, load);
	x->text = text;
	x->len = len;
	x->lx = &lex;
	x->out = out;
	x->agency = agency;
	x->t = kh_words(text, len, &x->nt);
	x->sent = malloc(((size_t)x->nt + 1) * sizeof *x->sent);
	x->org_of = malloc(((size_t)x->nt + 1) * sizeof *x->org_of);
	x->kinds = malloc(((size_t)x->nt + 1) * sizeof *x->kinds);
	if (!x->t || !x->sent || !x->org_of || !x->kinds)
		x->failed = 1;
	for (int i = 0; !x->failed && i < x->nt; i++) {
		const kh_word *t = x->t;
		int starts = i == 0 || t[i].nl ||
		             ((t[i - 1].punct == '.' || t[i - 1].punct == '!' ||
		               t[i - 1].punct == '?') &&
		              !(t[i - 1].punct == '.' && i >= 2 && t[i - 2].num && t[i].num));
		x->sent[i] = starts ? i : x->sent[i - 1];
		x->org_of[i] = -1;
		x->kinds[i] = kh_lex_kinds1(x->lx, &t[i]);
	}
	if (!x->failed)
		fx_find_orgs(x);
	if (!x->failed)
		fx_find_people(x);
	if (!x->failed)
		fx_find_mentions(x);
	if (!tagging)
		return x->failed ? -1 : 0; /* the tagger's trainer stops here */
	if (!x->failed)
		fx_tag(x);
	if (!x->failed)
		fx_find_statements(x);
	if (!x->failed)
		fx_find_mentions(x);
	return x->failed ? -1 : 0;
}

void fx_close(fx *x)
{
	for (size_t i = 0; i < x->norgs; i++)
		free(x->orgs[i].canonical);
	free(x->orgs);
	free(x->names);
	free(x->t);
	free(x->sent);
	free(x->org_of);
	free(x->kinds);
	free(x->tags);
	x->kinds = NULL;
	x->tags = NULL;
	x->orgs = NULL;
	x->names = NULL;
	x->t = NULL;
	x->sent = x->org_of = NULL;
}

kh_status kh_find_facts(const char *text, size_t len, const char *agency, kh_percentage *pcts,
                        size_t npcts, kh_facts *out, kh_error *err)
{
	fx x;
	fx_open(&x, text, len, agency, out, 1);
	if (!x.failed)
		fx_find_subjects(&x, pcts, npcts);
	if (!x.failed)
		fx_entities(&x);
	if (!x.failed)
		fx_find_money(&x);
	if (out->nentities > 1)
		qsort(out->entities, out->nentities, sizeof *out->entities, by_start);
	fx_close(&x);
	if (x.failed) {
		kh_facts_free(out);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory finding facts");
	}
	return KH_OK;
}

/* The organizations found by rules, as entities (the tagger, when it has a model,
 * replaces them: tagger.c). */
void fx_rule_entities(fx *x)
{
	kh_facts *out = x->out;
	for (size_t i = 0; i < x->norgs && !x->failed; i++) {
		if (!fx_push(x, (void **)&out->entities, out->nentities, sizeof *out->entities))
			break;
		const fx_org *o = &x->orgs[i];
		out->entities[out->nentities++] =
		        (kh_entity){KH_ENT_ORG, x->t[o->a].s, x->t[o->b - 1].e, o->canonical};
		x->orgs[i].canonical = NULL; /* the entity owns it now */
	}
	fx_person_entities(x);
}

char *kh_org_canonical(const char *name, size_t len)
{
	pthread_once(&load_once, load);
	int nt = 0, u = 0;
	kh_word *t = kh_words(name, len, &nt);
	if (!t)
		return NULL;
	const kh_lex_entry *g = kh_lex_match(&lex, t, nt, 0, FK(F_ORG), &u);
	char *c = g && u == nt ? strdup(g->extra) : NULL;
	free(t);
	return c;
}

void kh_facts_free(kh_facts *f)
{
	for (size_t i = 0; i < f->nentities; i++)
		free(f->entities[i].canonical);
	for (size_t i = 0; i < f->npeople; i++) {
		free(f->people[i].name);
		free(f->people[i].role);
		free(f->people[i].organization);
		free(f->people[i].mentions);
	}
	for (size_t i = 0; i < f->nstatements; i++) {
		free(f->statements[i].speaker);
		free(f->statements[i].role);
		free(f->statements[i].cue);
	}
	free(f->entities);
	free(f->people);
	free(f->statements);
	memset(f, 0, sizeof *f);
}
