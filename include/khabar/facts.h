/* khabar/facts.h — organizations, people, roles, statements and what each percentage
 * measures, found in an article's text by rules over its words.
 *
 * Organizations: the gazetteer extractor/facts/data/orgs.tsv (canonical names and aliases:
 * «وزارت صمت» → «وزارت صنعت، معدن و تجارت») and names found by their structure: a head
 * noun («وزارت، سازمان، شرکت، صندوق ...», data/facts.tsv) and its complement up to a stop
 * word, with «و» and the «X، Y و Z» comma inside; another head noun starts a new name
 * (a subsidiary stays apart from its parent).
 * People: a first name (data/firstnames.txt) and a surname, or the words before a role
 * at the head of a statement («زارع پور وزیر ...»); roles («وزیر ارتباطات و فناوری
 * اطلاعات») next to the name. Later mentions by surname («زارع‌پور»,
 * «زارعپور»), role alone or pronoun («وی») refer back to the same person. Statements: a reporting
 * cue (data/facts.tsv: «گفت، افزود، می‌گوید ...», «به گفته X», «با
 * بیان اینکه») with its speaker and the content it reports, as in
 * ../shared/spec/annotation-guide.md; a news agency is never a speaker. */
#ifndef KHABAR_FACTS_H
#define KHABAR_FACTS_H

#include <stddef.h>

#include "khabar/error.h"
#include "khabar/percent.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kh_entity_type { KH_ENT_ORG, KH_ENT_PER, KH_ENT_LOC, KH_ENT_MONEY } kh_entity_type;

typedef struct kh_entity {
	kh_entity_type type;
	size_t start, end; /* UTF-8 byte span in the text */
	char *canonical;   /* the organization's canonical name, the person's full name */
} kh_entity;

typedef struct kh_span {
	size_t start, end;
} kh_span;

typedef struct kh_person {
	char *name;         /* the fullest form in the text */
	char *role;         /* the first full role given, or NULL */
	char *organization; /* canonical name of the organization in the role, or NULL */
	kh_span *mentions;  /* every mention, pronouns of statements included, in order */
	size_t nmentions;
} kh_person;

typedef struct kh_statement {
	char *speaker;     /* a person's name, or a role or group phrase when unnamed */
	char *role;        /* the speaker's role, or NULL */
	char *cue;         /* the cue as written */
	size_t start, end; /* the content only */
	int has_speaker_span;
	size_t speaker_start, speaker_end; /* the speaker's mention nearest the cue */
	int person;                        /* index into people, or -1 */
} kh_statement;

typedef struct kh_facts {
	kh_entity *entities; /* in text order */
	size_t nentities;
	kh_person *people;
	size_t npeople;
	kh_statement *statements; /* in text order */
	size_t nstatements;
} kh_facts;

/* Finds the facts of text[0..len) and fills the subject of each of the `npcts`
 * percentages (found in the same text). `agency` (canonical, may be NULL) is the news
 * agency the article is credited to: never a speaker. `*out` is to free with
 * kh_facts_free(); it fails only when out of memory. */
kh_status kh_find_facts(const char *text, size_t len, const char *agency, kh_percentage *pcts,
                        size_t npcts, kh_facts *out, kh_error *err);

/* The canonical name of an organization as written, from the gazetteer («وزارت صمت» →
 * «وزارت صنعت، معدن و تجارت»); NULL when the name is not a known one. malloc'd. */
char *kh_org_canonical(const char *name, size_t len);

/* Frees what kh_find_facts() filled in and zeroes `f`. */
void kh_facts_free(kh_facts *f);

#ifdef __cplusplus
}
#endif
#endif
