/* ixdoc.h — the documents one article record becomes in the index (records.c), and the
 * search terms of text (terms.c), for the Xapian wrapper (xapian.cc). Internal. */
#ifndef KH_IXDOC_H
#define KH_IXDOC_H

#include <stddef.h>

#include "khabar/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Term prefixes (docs/index.md). */
#define KH_P_ID      "Q"    /* unique id of a document */
#define KH_P_ARTICLE "XART" /* the article a document belongs to */
#define KH_P_TYPE    "XT"   /* article, statement, fact */
#define KH_P_SPEAKER "XS"   /* a speaker's name key (whole, each word, each pair) */
#define KH_P_ORG     "XO"   /* an organization's key (canonical and as written) */
#define KH_P_AGENCY  "XA"
#define KH_P_NAME    "XN" /* a speaker's full name as written (canonical level), for stats */
#define KH_P_ORGNAME "XG" /* an organization's canonical name, for stats */
#define KH_P_SITE    "XW"
enum { KH_SLOT_DATE = 0, KH_SLOT_JALALI = 1, KH_SLOT_PERCENT = 2 };

typedef struct kh_ixdoc {
	char *id;     /* the unique id term, with its prefix */
	char *data;   /* the stored record (JSON) */
	char **terms; /* boolean terms, prefixed */
	size_t nterms, tcap;
	char **words; /* positional word terms, in order */
	size_t nwords, wcap;
	int has_date;
	double date, jalali; /* yyyymmdd */
	int has_percent;
	double percent;
} kh_ixdoc;

/* The documents of an article record: the article first, then its statements and facts.
 * `*article` gets the article's id term (KH_P_ARTICLE + id, malloc'd). */
kh_status kh_record_docs(const char *json, size_t len, char **article, kh_ixdoc **docs, size_t *n,
                         kh_error *err);
/* The same from a parsed record (a jansson json_t *, borrowed). */
kh_status kh_record_docs_json(void *record, char **article, kh_ixdoc **docs, size_t *n,
                              kh_error *err);
void kh_ixdocs_free(kh_ixdoc *d, size_t n);

/* Appends the search keys of text's words (normalized, stemmed) to *words. 0 or -1. */
int kh_text_words(const char *text, size_t len, char ***words, size_t *n, size_t *cap);

/* The key of a name or an organization: its search form with the spaces and ZWNJ
 * dropped («زارع پور» = «زارع‌پور» = «زارعپور»); malloc'd, NULL out of
 * memory.
 */
char *kh_name_key(const char *s, size_t len);

#ifdef __cplusplus
}
#endif
#endif
