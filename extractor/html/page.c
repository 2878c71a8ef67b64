/* page.c — cut a parsed page into text segments (the hints of elements are in hints.c,
 * what a segment's words say in segtext.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "html/page.h"
#include "base/utf8.h"

/* Elements whose content a reader never sees as text. */
static int skipped(xmlNodePtr n)
{
	static const char *const tags[] = {
	        "script", "style",    "template", "head",    "title",  "select",
	        "option", "textarea", "svg",      "math",    "button", "input",
	        "iframe", "object",   "embed",    "canvas",  "video",  "audio",
	        "map",    "datalist", "img",      "picture", "source", "link",
	        "meta",   "rt",       "rp",       NULL}; /* rt, rp: ruby annotations (furigana) */
	if (n->type != XML_ELEMENT_NODE)
		return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
	for (int i = 0; tags[i]; i++)
		if (!strcmp((const char *)n->name, tags[i]))
			return 1;
	if (kh_dom_attr(n, "hidden"))
		return 1;
	const char *style = kh_dom_attr(n, "style");
	if (style && (strstr(style, "none") || strstr(style, "hidden") || strstr(style, "NONE")) &&
	    (kh_memcasemem(style, strlen(style), "display:none") ||
	     kh_memcasemem(style, strlen(style), "display: none") ||
	     kh_memcasemem(style, strlen(style), "visibility:hidden")))
		return 1;
	return 0;
}

int kh_page_index(const kh_page *pg, xmlNodePtr n)
{
	(void)pg;
	if (!n || n->type != XML_ELEMENT_NODE || !n->_private)
		return -1;
	return (int)(intptr_t)n->_private - 1;
}

/* ---- building ---- */

static int add_element(kh_page *pg, xmlNodePtr n, int parent, kh_hint_cache *cache)
{
	if (pg->nel == pg->elcap) {
		int nc = pg->elcap ? pg->elcap * 2 : 256;
		xmlNodePtr *el = realloc(pg->el, (size_t)nc * sizeof *el);
		if (el)
			pg->el = el;
		int *p = realloc(pg->parent, (size_t)nc * sizeof *p);
		if (p)
			pg->parent = p;
		int *b = realloc(pg->seg_begin, (size_t)nc * sizeof *b);
		if (b)
			pg->seg_begin = b;
		int *e = realloc(pg->seg_end, (size_t)nc * sizeof *e);
		if (e)
			pg->seg_end = e;
		int *h = realloc(pg->hint, (size_t)nc * sizeof *h);
		if (h)
			pg->hint = h;
		if (!el || !p || !b || !e || !h) {
			pg->failed = 1;
			return -1;
		}
		pg->elcap = nc;
	}
	int i = pg->nel++;
	pg->el[i] = n;
	pg->parent[i] = parent;
	pg->seg_begin[i] = pg->seg_end[i] = pg->nseg;
	pg->hint[i] = kh_page_cached_hint(n, cache);
	n->_private = (void *)(intptr_t)(i + 1);
	return i;
}

typedef struct seg_acc {
	kh_buf text;
	int pending;
	unsigned chars, link_chars, punct, neg_chars;
	xmlNodePtr first; /* first text node, to find the owner */
} seg_acc;

static int is_punct(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == 0x061F ||
	       c == 0x060C || c == 0x061B || c == 0x06D4 || c == 0x3002 || c == 0xFF0C;
}

/* Is text node `t` inside a boilerplate-looking inline element (a caption
 * <span>, a credit) below its block? */
static int in_neg_inline(const kh_page *pg, xmlNodePtr t)
{
	for (xmlNodePtr n = t->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		if (kh_dom_is_block_name((const char *)n->name))
			return 0;
		int i = kh_page_index(pg, n);
		if (i >= 0 && pg->hint[i] <= -2)
			return 1;
	}
	return 0;
}

/* Appends a text node to the segment being built: white space collapsed, visible
 * characters and punctuation counted, in one pass. */
static void acc_text(const kh_page *pg, seg_acc *a, xmlNodePtr t, int in_link)
{
	const char *s = (const char *)t->content;
	if (!s)
		return;
	size_t len = strlen(s);
	/* room for the node (a broken byte may become 3), one separating space, the NUL */
	if (len > ((size_t)-1) / 4 || kh_buf_reserve(&a->text, 3 * len + 2))
		return;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	char *w = a->text.data + a->text.len;
	unsigned vis = 0;
	int pending = a->pending;
	while (p < end) {
		uint32_t c = *p;
		int n = 1;
		if (c >= 0x80) {
			n = kh_utf8_next(p, (size_t)(end - p), &c);
			if (!n)
				n = 1, c = 0xFFFD;
		}
		if (c <= 0x20 || (c >= 0x80 && kh_is_space(c))) {
			pending = 1;
			p += n;
			continue;
		}
		if (pending && w > a->text.data && w[-1] != '\n')
			*w++ = ' ';
		pending = 0;
		vis++;
		if (is_punct(c))
			a->punct++;
		if (c == 0xFFFD && n == 1) {
			memcpy(w, "\xEF\xBF\xBD", 3); /* cannot happen on decoded input */
			w += 3;
		} else {
			memcpy(w, p, (size_t)n);
			w += n;
		}
		p += n;
	}
	a->text.len = (size_t)(w - a->text.data);
	a->text.data[a->text.len] = '\0';
	a->pending = pending;
	if (!vis)
		return;
	if (!a->first)
		a->first = t;
	a->chars += vis;
	if (in_neg_inline(pg, t))
		a->neg_chars += vis;
	if (in_link)
		a->link_chars += vis;
}

static void acc_flush(kh_page *pg, seg_acc *a)
{
	if (a->chars == 0) {
		kh_buf_free(&a->text);
		memset(a, 0, sizeof *a);
		return;
	}
	kh_segment *grown = kh_grow(pg->seg, &pg->segcap, (size_t)pg->nseg, sizeof *pg->seg);
	if (!grown) {
		pg->failed = 1;
		kh_buf_free(&a->text);
		memset(a, 0, sizeof *a);
		return;
	}
	pg->seg = grown;
	kh_segment *g = &pg->seg[pg->nseg];
	memset(g, 0, sizeof *g);
	g->text = kh_buf_detach(&a->text, &g->len);
	if (!g->text) {
		pg->failed = 1;
		memset(a, 0, sizeof *a);
		return;
	}
	g->chars = a->chars;
	g->link_chars = a->link_chars;
	g->punct = a->punct;
	/* only short lines are judged by their words; long ones are prose by length */
	if (g->chars < 120)
		kh_page_count_words(g->text, g->len, &g->words, &g->stops);
	g->inline_neg = a->neg_chars * 2 > a->chars;
	g->owner = -1;
	for (xmlNodePtr n = a->first->parent; n; n = n->parent) {
		int i = kh_page_index(pg, n);
		if (i >= 0 && kh_dom_is_block_name((const char *)n->name)) {
			g->owner = i;
			const char *nm = (const char *)n->name;
			if (nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' && !nm[2])
				g->heading = (unsigned char)(nm[1] - '0');
			break;
		}
		if (i >= 0 && n == pg->body) {
			g->owner = i;
			break;
		}
	}
	if (g->owner < 0)
		g->owner = 0;
	pg->nseg++;
	memset(a, 0, sizeof *a);
}

static int breaks(xmlNodePtr n)
{
	return kh_dom_is_block_name((const char *)n->name) || !strcmp((const char *)n->name, "br");
}

static void leave(kh_page *pg, seg_acc *a, xmlNodePtr n, int *links)
{
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (breaks(n))
		acc_flush(pg, a);
	if (!strcmp((const char *)n->name, "a"))
		(*links)--;
	int i = kh_page_index(pg, n);
	if (i >= 0)
		pg->seg_end[i] = pg->nseg;
}

int kh_page_build(kh_page *pg, htmlDocPtr doc)
{
	memset(pg, 0, sizeof *pg);
	pg->doc = doc;
	pg->body = kh_dom_body(doc);
	if (!pg->body)
		return 0;
	seg_acc a;
	memset(&a, 0, sizeof a);
	kh_hint_cache *cache = calloc(1, sizeof *cache); /* NULL only costs speed */
	int links = 0, cur = -1;
	xmlNodePtr n = pg->body;
	for (;;) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE && (n == pg->body || !skipped(n))) {
			if (breaks(n))
				acc_flush(pg, &a);
			if (!strcmp((const char *)n->name, "a"))
				links++;
			cur = add_element(pg, n, n == pg->body ? -1 : kh_page_index(pg, n->parent),
			                  cache);
			if (cur < 0)
				break;
			descend = n->children != NULL;
			if (!descend)
				leave(pg, &a, n, &links);
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			acc_text(pg, &a, n, links > 0);
		} else if (n->type == XML_ELEMENT_NODE) {
			n->_private = NULL; /* skipped element: not indexed */
		}
		if (descend) {
			n = n->children;
			continue;
		}
		while (n != pg->body && !n->next) {
			n = n->parent;
			leave(pg, &a, n, &links);
		}
		if (n == pg->body)
			break;
		n = n->next;
	}
	acc_flush(pg, &a);
	free(cache);
	if (pg->failed) {
		kh_page_free(pg);
		return -1;
	}
	return 0;
}

void kh_page_free(kh_page *pg)
{
	for (int i = 0; i < pg->nel; i++)
		pg->el[i]->_private = NULL;
	for (int i = 0; i < pg->nseg; i++)
		free(pg->seg[i].text);
	free(pg->seg);
	free(pg->el);
	free(pg->parent);
	free(pg->seg_begin);
	free(pg->seg_end);
	free(pg->hint);
	memset(pg, 0, sizeof *pg);
}
