/* meta.h — what a page says about itself: <title>, <meta> tags, canonical link
 * and JSON-LD (schema.org Article/NewsArticle...). Internal. */
#ifndef KH_META_H
#define KH_META_H

#include "html/dom.h"

#define KH_META_AUTHORS 8

typedef struct kh_meta {
	char *title_tag;    /* <title> */
	char *og_title;     /* og:title, else twitter:title */
	char *site_name;    /* og:site_name, else application-name */
	char *canonical;    /* <link rel=canonical>, else og:url */
	char *published;    /* article:published_time and its kin */
	char *ld_headline;  /* JSON-LD headline (or name) of the article object */
	char *ld_published; /* JSON-LD datePublished */
	char *ld_publisher; /* JSON-LD publisher.name */
	char *ld_body;      /* JSON-LD articleBody */
	char *modified;     /* JSON-LD dateModified, else article:modified_time and its kin */
	char *lang;         /* <html lang>, else content-language, og:locale, JSON-LD inLanguage */
	int news_org;       /* the publisher is a news organization (JSON-LD @type) */
	/* Who the page says wrote the article: meta author, article:author, dc.creator,
	 * JSON-LD author/creator and sourceOrganization names, <a rel=author> text. */
	char *author[KH_META_AUTHORS];
	int nauthor;
} kh_meta;

/* Collects the fields above from `doc`. Returns 0, or -1 when out of memory. */
int kh_meta_collect(htmlDocPtr doc, kh_meta *m);

/* Frees the strings of `m`. */
void kh_meta_free(kh_meta *m);

#endif
