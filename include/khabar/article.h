/* khabar/article.h — the article record and its extraction from HTML or text.
 * The record's fields and their JSON form are specified in docs/output.md
 * (../shared/spec/OUTPUT.md, "khabar.article/1"). */
#ifndef KHABAR_ARTICLE_H
#define KHABAR_ARTICLE_H

#include <stddef.h>
#include "khabar/error.h"
#include "khabar/dates.h"
#include "khabar/facts.h"
#include "khabar/percent.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The publication date: the Tehran-local calendar day in both calendars. */
typedef struct kh_published {
	char iso[11];    /* "2023-11-26" */
	char jalali[11]; /* "1402-09-05" */
	char *raw;       /* the date as the page wrote it */
} kh_published;

typedef struct kh_article {
	char *url;               /* --url, crawl URL, or the page's canonical link; may be NULL */
	char *title;             /* the headline; may be NULL */
	kh_published *published; /* NULL when no date was found */
	char *site;              /* the site's own name; may be NULL */
	char *agency;            /* canonical name of the credited news agency; may be NULL */
	char *via;               /* the intermediary («روابط عمومی ...»); may be NULL */
	char **agencies; /* further agencies credited with `agency` («فرانس‌پرس و رویترز»)
	                  */
	size_t nagencies;
	char *text;                 /* main text, paragraphs joined by "\n\n"; never NULL */
	size_t text_len;            /* bytes in text */
	kh_percentage *percentages; /* in text order; offsets into text */
	size_t npercentages;
	kh_date_mention *dates; /* in text order; offsets into text */
	size_t ndates;
	kh_facts facts;   /* organizations, people, statements; offsets into text */
	char charset[32]; /* the input encoding that was used */
} kh_article;

/* Options for extraction; zero-initialize and set what you need. */
typedef struct kh_extract_options {
	const char *url;          /* the page's URL, overrides the canonical link */
	const char *http_charset; /* charset from the HTTP Content-Type, or NULL */
	size_t max_bytes;         /* refuse larger inputs (KH_ERR_TOO_BIG); 0 = 64 MiB */
} kh_extract_options;

/* Extracts the record from the raw bytes of an HTML page. On success `*out` is a
 * new record to free with kh_article_free(). A page without an article gives a
 * record with empty text; empty or binary input fails (KH_ERR_EMPTY, KH_ERR_BINARY). */
kh_status kh_extract_html(const char *bytes, size_t len, const kh_extract_options *opts,
                          kh_article **out, kh_error *err);

/* Builds the record of plain text: `text` is the input decoded to UTF-8, BOM
 * dropped, otherwise verbatim, so offsets point into the input. */
kh_status kh_extract_text(const char *bytes, size_t len, const kh_extract_options *opts,
                          kh_article **out, kh_error *err);

/* Frees a record and everything it owns; NULL is fine. */
void kh_article_free(kh_article *a);

enum { KH_JSON_PRETTY = 1 };

/* Serializes the record as JSON (khabar.article/1); pretty-printed with
 * KH_JSON_PRETTY, else one line. Returns a malloc'd string or NULL (and err). */
char *kh_article_to_json(const kh_article *a, int flags, kh_error *err);

/* The same record as a jansson `json_t *` (returned as void * so that this header needs
 * no jansson): the caller owns it (json_decref). NULL out of memory. */
void *kh_article_to_jansson(const kh_article *a, kh_error *err);

#ifdef __cplusplus
}
#endif
#endif
