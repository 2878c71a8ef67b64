/* dom.h — parsing decoded HTML with libxml2 and walking the tree without
 * recursion (pages can nest deeply). Internal. */
#ifndef KH_DOM_H
#define KH_DOM_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "base/buf.h"

/* Parses UTF-8 HTML (the page's own charset declaration is ignored: the bytes
 * were decoded already). Returns NULL only when libxml2 cannot allocate. */
htmlDocPtr kh_dom_parse(const char *utf8, size_t len);

/* The value of attribute `name` of element `n`, or NULL; not a copy. */
const char *kh_dom_attr(xmlNodePtr n, const char *name);

/* Is `n` an element named `tag` (lower case)? */
int kh_dom_is(xmlNodePtr n, const char *tag);

/* The next node after `n` in document order inside `root`, descending into
 * children unless `skip_children`; NULL at the end of `root`. */
xmlNodePtr kh_dom_next(xmlNodePtr n, xmlNodePtr root, int skip_children);

/* Appends the text of `n`'s subtree to `b` with white space collapsed
 * (`pending` as in kh_append_collapsed). */
void kh_dom_text_into(xmlNodePtr n, kh_buf *b, int *pending);

/* A malloc'd copy of the collapsed text of `n`, or NULL when out of memory. */
char *kh_dom_text(xmlNodePtr n);

/* Is `name` an HTML block-level element (one that starts a new paragraph)? */
int kh_dom_is_block_name(const char *name);

/* The <body> element, or the root element when there is none. */
xmlNodePtr kh_dom_body(htmlDocPtr doc);

#endif
