/* page.h — a parsed page cut into text segments, the unit the extractor reasons
 * about. A segment is a run of text between block boundaries (block elements
 * and <br>), with its size, the share of it inside links, its punctuation, and
 * the block element that owns it. Internal. */
#ifndef KH_PAGE_H
#define KH_PAGE_H

#include <stddef.h>

#include "html/dom.h"

enum kh_seg_class { KH_SEG_SHORT = 0, KH_SEG_GOOD, KH_SEG_BAD };

typedef struct kh_segment {
	char *text;          /* collapsed text, NUL-terminated */
	size_t len;          /* bytes */
	unsigned chars;      /* visible code points */
	unsigned link_chars; /* of which inside <a> */
	unsigned punct;      /* sentence and clause punctuation marks */
	unsigned
	        words; /* words, counted for lines under 120 chars (0 for scripts without spaces) */
	unsigned stops;           /* of which function words (data/stopwords.txt) */
	int owner;                /* index of the owning block element */
	unsigned char heading;    /* 1..6 when owned by <hN>, else 0 */
	unsigned char cls;        /* enum kh_seg_class */
	unsigned char neg;        /* inside an element that looks like boilerplate */
	unsigned char inline_neg; /* mostly text of boilerplate inline elements (captions) */
} kh_segment;

typedef struct kh_page {
	htmlDocPtr doc;
	xmlNodePtr body;
	xmlNodePtr *el; /* elements of the body in document order */
	int *parent;    /* index of the parent element, -1 at the top */
	int *seg_begin; /* segments inside element i: [seg_begin[i], seg_end[i]) */
	int *seg_end;
	int *hint; /* class/id/tag evidence: < 0 boilerplate, > 0 content */
	int nel, elcap;
	kh_segment *seg;
	int nseg;
	size_t segcap;
	int failed; /* out of memory while building */
} kh_page;

/* Cuts the body of `doc` into segments and scores the elements' class, id and
 * tag hints. Returns 0, or -1 when out of memory (the page is then freed). */
int kh_page_build(kh_page *pg, htmlDocPtr doc);

/* Frees what kh_page_build allocated (not the document). */
void kh_page_free(kh_page *pg);

/* Index of element `n` in `pg`, or -1. */
int kh_page_index(const kh_page *pg, xmlNodePtr n);

/* Hint weight of an element from its tag, class, id, itemprop and role (hints.c). */
int kh_page_element_hint(xmlNodePtr n);

/* Pages repeat the same class strings hundreds of times: remember each one's
 * weight for the page being built (keys point into the document). */
#define HINT_CACHE 1024
typedef struct kh_hint_cache {
	const char *key[HINT_CACHE];
	int weight[HINT_CACHE];
} kh_hint_cache;
/* kh_page_element_hint() through `cache` (NULL: none); the cache starts zeroed. */
int kh_page_cached_hint(xmlNodePtr n, kh_hint_cache *cache);

/* Counts the words of `text` and, among them, the function words of
 * data/stopwords.txt; scripts without spaces (CJK) give 0 words (segtext.c). */
void kh_page_count_words(const char *text, size_t len, unsigned *words, unsigned *stops);

/* Does the segment's text start with a boilerplate phrase (data/boilerplate.txt)? (segtext.c) */
int kh_page_is_boilerplate_phrase(const char *text, size_t len);

#endif
