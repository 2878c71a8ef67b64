/* dom.c — libxml2 parsing and iterative tree walks. */
#include <string.h>

#include "html/dom.h"
#include "base/utf8.h"

htmlDocPtr kh_dom_parse(const char *utf8, size_t len)
{
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	           HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	return htmlReadMemory(utf8, (int)len, NULL, "UTF-8", opts);
}

const char *kh_dom_attr(xmlNodePtr n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->name && !strcmp((const char *)a->name, name)) {
			if (a->children && (a->children->type == XML_TEXT_NODE) &&
			    !a->children->next)
				return (const char *)a->children->content;
			return "";
		}
	}
	return NULL;
}

int kh_dom_is(xmlNodePtr n, const char *tag)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, tag);
}

xmlNodePtr kh_dom_next(xmlNodePtr n, xmlNodePtr root, int skip_children)
{
	if (!skip_children && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

static int invisible(xmlNodePtr n)
{
	static const char *const tags[] = {"script",   "style", "noscript", "template",
	                                   "head",     "title", "select",   "option",
	                                   "textarea", "svg",   "math",     NULL};
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	for (int i = 0; tags[i]; i++)
		if (!strcmp((const char *)n->name, tags[i]))
			return 1;
	return 0;
}

void kh_dom_text_into(xmlNodePtr root, kh_buf *b, int *pending)
{
	for (xmlNodePtr n = root; n; n = kh_dom_next(n, root, invisible(n) && n != root)) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				kh_append_collapsed(b, (const char *)n->content,
				                    strlen((const char *)n->content), pending);
		} else if (n->type == XML_ELEMENT_NODE && n != root &&
		           (kh_dom_is_block_name((const char *)n->name) || kh_dom_is(n, "br"))) {
			*pending = 1;
		}
	}
}

char *kh_dom_text(xmlNodePtr n)
{
	kh_buf b = {0};
	int pending = 0;
	kh_dom_text_into(n, &b, &pending);
	return kh_buf_detach(&b, NULL);
}

int kh_dom_is_block_name(const char *name)
{
	/* Dispatch on the first letter: this runs for every element and text node. */
	const char *r = name + 1;
	switch (name[0]) {
	case 'a': return !strcmp(r, "rticle") || !strcmp(r, "side") || !strcmp(r, "ddress");
	case 'b': return !strcmp(r, "ody") || !strcmp(r, "lockquote");
	case 'c': return !strcmp(r, "enter") || !strcmp(r, "aption");
	case 'd':
		return !strcmp(r, "iv") || !strcmp(r, "d") || !strcmp(r, "l") || !strcmp(r, "t") ||
		       !strcmp(r, "etails") || !strcmp(r, "ialog") || !strcmp(r, "ir");
	case 'f':
		return !strcmp(r, "orm") || !strcmp(r, "ooter") || !strcmp(r, "igure") ||
		       !strcmp(r, "igcaption") || !strcmp(r, "ieldset");
	case 'h':
		return (r[0] >= '1' && r[0] <= '6' && !r[1]) || !strcmp(r, "eader") ||
		       !strcmp(r, "r") || !strcmp(r, "tml") || !strcmp(r, "group");
	case 'i': return !strcmp(r, "frame");
	case 'l': return !strcmp(r, "i") || !strcmp(r, "egend");
	case 'm': return !strcmp(r, "ain") || !strcmp(r, "enu");
	case 'n': return !strcmp(r, "av");
	case 'o': return !strcmp(r, "l");
	case 'p': return !r[0] || !strcmp(r, "re");
	case 's': return !strcmp(r, "ection") || !strcmp(r, "ummary");
	case 't':
		return !strcmp(r, "d") || !strcmp(r, "r") || !strcmp(r, "able") ||
		       !strcmp(r, "body") || !strcmp(r, "head") || !strcmp(r, "foot") ||
		       !strcmp(r, "h");
	case 'u': return !strcmp(r, "l");
	}
	return 0;
}

xmlNodePtr kh_dom_body(htmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root)
		return NULL;
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (kh_dom_is(c, "body"))
			return c;
	return root;
}
