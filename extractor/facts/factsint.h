/* factsint.h — what the facts layer's files share. Internal.
 *
 * Who calls whom, top down (no file calls back up):
 *   facts.c     kh_find_facts(): runs the passes in order
 *   orgs.c people.c statements.c subject.c money.c entities.c   the passes
 *   tagger.c    the ORG/PER/LOC tagger (tagger.h), used by entities.c
 *   fx.c        the helpers every pass uses (fx_is, fx_word, fx_push, ...)
 *   lexicon.c   the word tables, loaded once */
#ifndef KH_FACTSINT_H
#define KH_FACTSINT_H

#include "base/buf.h"
#include "khabar/facts.h"
#include "persian/lex.h"
#include "persian/words.h"

/* Kinds of the facts tables (lex.h): data/orgs.tsv, data/facts.tsv, data/firstnames.txt,
 * data/places.txt (lexicon.c). */
enum {
	F_ORG,       /* a known organization; extra = its canonical name */
	F_ORG_HEAD,  /* «وزارت», «سازمان» ... */
	F_ROLE,      /* «وزیر», «معاون» ... */
	F_HONORIFIC, /* «دکتر», «حجت‌الاسلام» */
	F_NAME_PART, /* «پور», «زاده» */
	F_STOP,      /* ends a name, role or organization */
	F_PRONOUN,   /* «وی», «او» */
	F_CUE_VERB, /* «گفت»; value: 1 colon, 2 colon or at the sentence's end, 3 small clause */
	F_CUE_BEFORE, /* «به گفته» */
	F_CUE_CLAUSE, /* «با بیان اینکه» */
	F_OWNER,      /* «عملکرد», «سهم» */
	F_FIRST,      /* a first name */
	F_GROUP,      /* «کارشناسان», «برخی» */
	F_ADVERB,     /* «در», «با»: may follow a speaker's name */
	F_CHANGE,     /* «افزایش», «کاهش» next to a figure */
	F_MEASURE,    /* «سطح», «میزان»: frames a figure */
	F_LIGHT_VERB, /* «کرد», «شده»: ends a compound verb */
	F_PLACE,      /* a country, region or city (data/places.txt) */
	F_CURRENCY    /* «تومان», «دلار»: after a number, money */
};
#define FK(k) (1u << (k))

typedef struct fx_org {
	int a, b; /* tokens [a, b) */
	char *canonical;
} fx_org;

typedef struct fx_name {
	int a, b;           /* tokens of the name [a, b) */
	int sur;            /* the first token of the surname */
	int role_a, role_b; /* tokens of its role, or -1 */
	int person;         /* index into the people */
} fx_name;

typedef struct fx {
	const char *text;
	size_t len;
	kh_word *t;
	int nt;
	const kh_lex *lx;
	int *sent;       /* the first token of each token's sentence */
	int *org_of;     /* the organization covering each token, or -1 */
	unsigned *kinds; /* the one-word kinds of each token (FK bits) */
	int *tags;       /* the tagger's BIO tag of each token (tagger.h), or NULL */
	fx_org *orgs;
	size_t norgs, orgcap;
	fx_name *names;
	size_t nnames, namecap;
	kh_facts *out;
	const char *agency;
	int last_person, last_person_tok; /* the last statement's person and cue token */
	int failed;
} fx;

/* The facts' word tables as one lexicon, loaded on first use, thread-safely (lexicon.c). */
const kh_lex *fx_lexicon(void);

/* ---- helpers (fx.c) ---- */

/* Room for item n of the array *arr (items of `size` bytes, grown 32 at a time): 1, or 0
 * with x->failed set when out of memory. */
int fx_push(fx *x, void **arr, size_t n, size_t size);
/* The longest phrase of `kinds` at token i (NULL if none), its tokens in *used. */
const kh_lex_entry *fx_at(const fx *x, int i, unsigned kinds, int *used);
/* Token i is a word of the kind (a one-word phrase of it starts there). */
int fx_is(const fx *x, int i, unsigned kinds);
/* Token i is the folded word w. */
int fx_word(const fx *x, int i, const char *w);
/* Token i can be inside a name, a role or an organization: a word that is no stop word,
 * pronoun or cue. */
int fx_content(const fx *x, int i);
/* Token i is a light verb («کرد», «شده») or the noun of a compound verb before one
 * («مذاکره کردند»). */
int fx_compound_verb(const fx *x, int i);
/* Token i is a verb: «می‌شود», «نمی‌کند», a light verb, or the noun of a
 * compound verb before one («مذاکره کردند»). Names hold none. */
int fx_verbal(const fx *x, int i);
/* A malloc'd copy of the text of tokens [a, b), or NULL (x->failed set). */
char *fx_text(fx *x, int a, int b);
/* The same, normalized to the canonical level. */
char *fx_canonical(fx *x, int a, int b);

/* Where a role starting at token a ends: a role noun and its complement, organization
 * names included, up to a stop word, a name or a cue. Returns a when no role starts. */
int fx_role_end(const fx *x, int a);

/* ---- the runner (facts.c) ---- */

/* Cuts the text into words and runs the passes: organizations, people, their mentions,
 * then (when `tagging`) the tagger, the statements and the mentions again; not the
 * percentage subjects. Returns 0, or -1 out of memory (x->failed). fx_close() frees
 * what it made. The tagger's trainer stops before the tagger: its features are those. */
int fx_open(fx *x, const char *text, size_t len, const char *agency, kh_facts *out, int tagging);
void fx_close(fx *x);

/* ---- the passes ---- */

/* Tags the tokens into x->tags when a model is compiled in (else leaves it NULL)
 * (entities.c). */
void fx_tag(fx *x);
/* The entities of the text: the tagger's when it has a model, else the rules'
 * (entities.c). */
void fx_entities(fx *x);
/* The organizations and people the rules found, as entities (entities.c). */
void fx_rule_entities(fx *x);

void fx_find_orgs(fx *x);
void fx_find_people(fx *x);
/* A person for the name at tokens [a, b) (surname from `sur`): an existing one with the
 * same surname or a new one. Returns its index, or -1 out of memory. */
int fx_person(fx *x, int a, int sur, int b, int role_a, int role_b);
/* The folded letters of tokens [a, b), joined: «زارع پور» = «زارع‌پور» =
 * «زارعپور» (at most cap - 1 bytes). */
void fx_surname_key(const fx *x, int a, int b, char *out, size_t cap);
void fx_find_mentions(fx *x);
/* The people's mentions (not pronouns) as PER entities. */
void fx_person_entities(fx *x);
void fx_find_statements(fx *x);
void fx_find_subjects(fx *x, kh_percentage *p, size_t n);
/* MONEY entities: a number (digits or words) and a currency after it («۲۱ میلیون و ۲۰۰
 * هزار تومان», «۳۷ دلار و ۶۶ سنت»). */
void fx_find_money(fx *x);

#endif
