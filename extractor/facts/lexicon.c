/* lexicon.c — the facts' word tables (data/facts.tsv, orgs.tsv, firstnames.txt,
 * places.txt) loaded once into one phrase lexicon, and the gazetteer's canonical names. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/table.h"
#include "facts/factsint.h"

KH_DATA(facts);
KH_DATA(firstnames);
KH_DATA(orgs);
KH_DATA(places);

static pthread_once_t load_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

static kh_lex lex;

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

const kh_lex *fx_lexicon(void)
{
	pthread_once(&load_once, load);
	return &lex;
}

char *kh_org_canonical(const char *name, size_t len)
{
	int nt = 0, u = 0;
	kh_word *t = kh_words(name, len, &nt);
	if (!t)
		return NULL;
	const kh_lex_entry *g = kh_lex_match(fx_lexicon(), t, nt, 0, FK(F_ORG), &u);
	char *c = g && u == nt ? strdup(g->extra) : NULL;
	free(t);
	return c;
}
