/* dom.c — libxml2 parsing and iterative tree walks. */
#include <string.h>

#include "dom.h"
#include "utf8.h"

htmlDocPtr kh_dom_parse(const char *utf8, size_t len)
{
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
		   HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
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
			if (a->children && (a->children->type == XML_TEXT_NODE) && !a->children->next)
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
	static const char *const tags[] = {"script", "style", "noscript", "template", "head", "title",
					   "select", "option", "textarea", "svg", "math", NULL};
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
	static const char *const blocks[] = {
		"address", "article", "aside", "blockquote", "body", "center", "dd", "details",
		"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
		"form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
		"main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
		"td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "iframe", NULL};
	switch (name[0]) { /* quick reject for the common inline tags */
	case 'a': case 'b': case 'i': case 's': case 'e':
		if (strcmp(name, "article") && strcmp(name, "aside") && strcmp(name, "address") &&
		    strcmp(name, "blockquote") && strcmp(name, "body") && strcmp(name, "section") &&
		    strcmp(name, "summary"))
			return 0;
	}
	for (int i = 0; blocks[i]; i++)
		if (!strcmp(name, blocks[i]))
			return 1;
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
