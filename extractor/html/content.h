/* content.h — choosing the article's main text among a page's segments. Internal. */
#ifndef KH_CONTENT_H
#define KH_CONTENT_H

#include <stddef.h>

#include "html/page.h"

/* Classifies the segments of `pg` (good text, short, boilerplate), picks the
 * element that holds the article, and returns its text: the kept segments joined
 * by "\n\n". `title` (may be NULL) is left out of the text. Returns a malloc'd
 * string (possibly ""), or NULL when out of memory. */
char *kh_content_extract(kh_page *pg, const char *title, size_t *len);

#endif
