/* metadata.h — title, publication date and source of an article page. Internal. */
#ifndef KH_METADATA_H
#define KH_METADATA_H

#include "khabar/article.h"
#include "khabar/jalali.h"
#include "html/meta.h"
#include "html/page.h"

/* The headline as a reader sees it: a heading of the page that matches the
 * JSON-LD headline, og:title or <title> (less the site name), else the best of
 * those. Sets `*title` (malloc'd, may stay NULL); returns -1 when out of memory. */
int kh_title_extract(const kh_page *pg, const kh_meta *m, char **title);

/* The publication date: JSON-LD, meta tags, <time datetime>, then a visible
 * Jalali date line. Sets `*out` (may stay NULL); returns -1 when out of memory. */
int kh_published_extract(const kh_page *pg, const kh_meta *m, kh_published **out);

/* Finds the first Jalali date («۵ آذر ۱۴۰۲», «1402/09/05») in `s`: fills `j` and
 * the byte span [*start, *end); returns 1, or 0 when there is none. */
int kh_find_jalali_date(const char *s, size_t len, kh_ymd *j, size_t *start, size_t *end);

/* Site name, credited agency («به گزارش / به نقل از / منبع: X», canonical name
 * from data/agencies.tsv) and intermediary; fills a->site, a->agency, a->via.
 * `pg` and `m` may be NULL (plain text). Returns -1 when out of memory. */
int kh_source_extract(const kh_page *pg, const kh_meta *m, kh_article *a);

/* The canonical name of the news agency named in `name` (any spelling or alias
 * in data/agencies.tsv), as a malloc'd string, or NULL. With `whole_only` the
 * alias must be all of `name` (site names). (agencies.c) */
char *kh_agency_canonical(const char *name, int whole_only);

/* The agencies a credit names, in order, at most `max`: «فرانس‌پرس و رویترز»,
 * «خبرگزاری‌های فرانسه و آسوشیتدپرس», «منابع: رویترز، بی‌بی‌سی». Fills
 * names[] with malloc'd canonical names; returns how many, or -1 out of memory. (agencies.c) */
int kh_agencies_in(const char *phrase, size_t len, char **names, int max);

/* What one place of the page credits (credit.c): the agencies, first credited first,
 * and the raw words of a credit that named no known agency. */
#define KH_CREDIT_MAX 4
typedef struct kh_credit {
	char *names[KH_CREDIT_MAX];
	int n;
	char *raw;
} kh_credit;
void kh_credit_free(kh_credit *c);
/* The phrase after `cue` in s[0, len) up to a clause boundary or `stop_at`; malloc'd or NULL. */
char *kh_credited(const char *s, size_t len, const char *cue, const char *stop_at);
/* «منبع: X», «منبع خبر: X», «منابع: X, Y» in a short line of the page, else of `text`. */
int kh_credit_line(const kh_page *pg, const char *text, kh_credit *c);
/* «در تهیه این گزارش از X استفاده شده است», «با استفاده از گزارش X تهیه شده». */
int kh_credit_closing(const char *text, size_t len, kh_credit *c);
/* Credit boxes and bylines: short elements classed source, credit, byline, author ... */
int kh_credit_elements(const kh_page *pg, kh_credit *c);
/* Meta and JSON-LD author fields, <a rel=author>. */
int kh_credit_authors(const kh_meta *m, kh_credit *c);
/* «به نقل از X», «به گزارش X»: the phrase after `cue` (kh_credited). */
int kh_credit_phrase(const char *text, size_t len, const char *cue, const char *stop_at,
                     kh_credit *c);

#endif
