/* hidden.h — article text delivered in scripts for the page to render (JSON-LD
 * articleBody, JSON state blobs such as Next.js __NEXT_DATA__). Internal. */
#ifndef KH_HIDDEN_H
#define KH_HIDDEN_H

#include "html/dom.h"

/* The article text the page's scripts would show: `ld_body` (the JSON-LD articleBody,
 * may be NULL) when it is prose, else the longest prose string of a JSON state object
 * that carries the headline `title`, with its lead; paragraphs joined by "\n\n".
 * Sets `*out` (malloc'd, NULL when there is none); returns -1 when out of memory. */
int kh_hidden_text(htmlDocPtr doc, const char *ld_body, const char *title, char **out);

#endif
