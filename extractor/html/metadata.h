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
 * in data/agencies.tsv), as a malloc'd string, or NULL. */
char *kh_agency_canonical(const char *name, int whole_only);

#endif
