/* feed.c — the links of RSS and Atom feeds and of XML sitemaps (Google News ones too),
 * read with libxml2's streaming reader, and feeds announced by HTML pages. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>

#include "khabar/crawl.h"

#define MAX_LINKS 200000

void kh_feed_clear(kh_feed *f)
{
	for (size_t i = 0; i < f->nlinks; i++) {
		free(f->links[i].url);
		free(f->links[i].date);
	}
	free(f->links);
	memset(f, 0, sizeof *f);
}

typedef struct reader {
	kh_feed *f;
	size_t cap;
	const char *base;
	int nomem;
	char first_error[160];
} reader;

/* Adds `url` (resolved against `base`); bad URLs are skipped, not errors. */
static void add_link(reader *r, const char *url, const char *base, int is_feed, const char *date)
{
	if (!url || !*url || r->nomem)
		return;
	if (r->f->nlinks >= MAX_LINKS) {
		r->f->truncated = 1;
		return;
	}
	char *canon = NULL;
	kh_error err = {0};
	if (kh_url_canonical(url, base, &canon, &err) != KH_OK) {
		if (err.code == KH_ERR_NOMEM)
			r->nomem = 1;
		return;
	}
	if (r->f->nlinks == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 32;
		kh_feed_link *nl = realloc(r->f->links, nc * sizeof *nl);
		if (!nl) {
			free(canon);
			r->nomem = 1;
			return;
		}
		r->f->links = nl;
		r->cap = nc;
	}
	char *d = date && *date ? strdup(date) : NULL;
	r->f->links[r->f->nlinks++] = (kh_feed_link){canon, is_feed, d};
}

static void on_error(void *arg, xmlErrorPtr e)
{
	reader *r = arg;
	if (e && e->level >= XML_ERR_ERROR && !r->first_error[0]) {
		size_t n = e->message ? strcspn(e->message, "\n") : 0;
		snprintf(r->first_error, sizeof r->first_error, "line %d: %.*s", e->line, (int)n,
		         e->message ? e->message : "");
	}
}

static int is(const xmlChar *a, const char *b)
{
	return a && !strcmp((const char *)a, b);
}

/* Replaces *slot with the element's text (trimmed). */
static void take_text(xmlTextReaderPtr rd, char **slot)
{
	xmlChar *t = xmlTextReaderReadString(rd);
	if (!t)
		return;
	char *s = (char *)t;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	free(*slot);
	*slot = strndup(s, n);
	xmlFree(t);
}

static void take_attr(xmlTextReaderPtr rd, const char *name, char **slot)
{
	xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
	if (!v)
		return;
	free(*slot);
	*slot = strdup((const char *)v);
	xmlFree(v);
}

kh_status kh_feed_parse(const char *bytes, size_t len, const char *base_url, kh_feed *out,
                        kh_error *err)
{
	memset(out, 0, sizeof *out);
	if (len > INT_MAX)
		return kh_error_set(err, KH_ERR_TOO_BIG, "the feed is larger than 2 GiB");
	reader r = {.f = out, .base = base_url};
	/* No XML_PARSE_NOENT, DTDLOAD or HUGE: entities stay unexpanded, nothing is loaded. */
	xmlTextReaderPtr rd = xmlReaderForMemory(bytes, (int)len, base_url, NULL,
	                                         XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                                 XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	if (!rd)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	xmlTextReaderSetStructuredErrorHandler(rd, on_error, &r);
	int item_depth = -1, root = 1, ret, guid_link = 0;
	char *link = NULL, *date = NULL, *guid = NULL, *item_base = NULL;
	kh_feed_kind kind = KH_FEED_NONE;
	while ((ret = xmlTextReaderRead(rd)) == 1 && !r.nomem) {
		int type = xmlTextReaderNodeType(rd);
		int depth = xmlTextReaderDepth(rd);
		const xmlChar *name = xmlTextReaderConstLocalName(rd);
		if (type == XML_READER_TYPE_ELEMENT && root) {
			root = 0;
			if (is(name, "rss") || is(name, "RDF"))
				kind = KH_FEED_RSS;
			else if (is(name, "feed"))
				kind = KH_FEED_ATOM;
			else if (is(name, "urlset"))
				kind = KH_FEED_SITEMAP;
			else if (is(name, "sitemapindex"))
				kind = KH_FEED_SITEMAP_INDEX;
			else
				break; /* another kind of XML */
			continue;
		}
		if (type == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(rd);
			if (item_depth < 0) {
				int starts = (kind == KH_FEED_RSS && is(name, "item")) ||
				             (kind == KH_FEED_ATOM && is(name, "entry")) ||
				             (kind == KH_FEED_SITEMAP && is(name, "url")) ||
				             (kind == KH_FEED_SITEMAP_INDEX && is(name, "sitemap"));
				if (starts && !empty) {
					item_depth = depth;
					xmlChar *b = xmlTextReaderBaseUri(rd);
					free(item_base);
					item_base = b ? strdup((const char *)b) : NULL;
					xmlFree(b);
				} else if (kind == KH_FEED_RSS && is(name, "ttl")) {
					char *t = NULL;
					take_text(rd, &t);
					int v = t ? atoi(t) : 0;
					out->ttl_minutes = v > 0 && v < 100000 ? v : 0;
					free(t);
				}
				continue;
			}
			const xmlChar *ns = xmlTextReaderConstNamespaceUri(rd);
			int atom_ns = ns && strstr((const char *)ns, "www.w3.org/2005/Atom");
			if (kind == KH_FEED_RSS) {
				if (is(name, "link") && atom_ns)
					take_attr(rd, "href", &link);
				else if (is(name, "link") && depth == item_depth + 1)
					take_text(rd, &link);
				else if (is(name, "guid") && depth == item_depth + 1) {
					take_text(rd, &guid);
					xmlChar *pl = xmlTextReaderGetAttribute(
					        rd, (const xmlChar *)"isPermaLink");
					guid_link = !pl || strcasecmp((const char *)pl, "false");
					xmlFree(pl);
				} else if ((is(name, "pubDate") || is(name, "date")) && !date)
					take_text(rd, &date);
			} else if (kind == KH_FEED_ATOM) {
				if (is(name, "link") && depth == item_depth + 1) {
					xmlChar *rel = xmlTextReaderGetAttribute(
					        rd, (const xmlChar *)"rel");
					if (!rel || is(rel, "alternate"))
						take_attr(rd, "href", &link);
					xmlFree(rel);
				} else if (is(name, "published") || (is(name, "updated") && !date))
					take_text(rd, &date);
			} else {
				if (is(name, "loc") && depth == item_depth + 1)
					take_text(rd, &link);
				else if (is(name, "publication_date") ||
				         (is(name, "lastmod") && !date))
					take_text(rd, &date);
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT && depth == item_depth) {
			const char *u = link ? link : (guid && guid_link ? guid : NULL);
			add_link(&r, u, item_base ? item_base : base_url,
			         kind == KH_FEED_SITEMAP_INDEX, date);
			free(link);
			free(date);
			free(guid);
			link = date = guid = NULL;
			guid_link = 0;
			item_depth = -1;
		}
	}
	free(link);
	free(date);
	free(guid);
	free(item_base);
	xmlFreeTextReader(rd);
	if (r.nomem) {
		kh_feed_clear(out);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	}
	if (ret < 0 || r.first_error[0]) {
		kh_feed_clear(out);
		return kh_error_set(err, KH_ERR_PARSE, "malformed XML: %s",
		                    r.first_error[0] ? r.first_error : "cannot be parsed");
	}
	out->kind = kind;
	if (kind == KH_FEED_NONE)
		kh_feed_clear(out);
	return KH_OK;
}

/* Does the space-separated `rel` hold the token `word`? */
static int has_token(const char *rel, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = rel; *p;) {
		while (*p == ' ' || *p == '\t')
			p++;
		size_t k = strcspn(p, " \t");
		if (k == n && !strncasecmp(p, word, n))
			return 1;
		p += k;
	}
	return 0;
}

static void scan_links(reader *r, xmlNodePtr n, char **base, int *budget, int depth)
{
	if (depth > 32)
		return; /* <link> sits near the top; no deep recursion on odd pages */
	for (; n && --*budget > 0; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *tag = (const char *)n->name;
		if (!strcasecmp(tag, "base") && !*base) {
			xmlChar *h = xmlGetProp(n, (const xmlChar *)"href");
			if (h && kh_url_canonical((const char *)h, r->base, base, NULL) != KH_OK)
				*base = NULL;
			xmlFree(h);
		} else if (!strcasecmp(tag, "link")) {
			xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
			xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
			xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
			if (rel && type && href && has_token((const char *)rel, "alternate") &&
			    (!strcasecmp((const char *)type, "application/rss+xml") ||
			     !strcasecmp((const char *)type, "application/atom+xml") ||
			     !strcasecmp((const char *)type, "application/rdf+xml")))
				add_link(r, (const char *)href, *base ? *base : r->base, 1, NULL);
			xmlFree(rel);
			xmlFree(type);
			xmlFree(href);
		} else if (!strcasecmp(tag, "body")) {
			continue; /* feeds are announced in <head> */
		}
		scan_links(r, n->children, base, budget, depth + 1);
	}
}

kh_status kh_feed_discover(const char *html, size_t len, const char *base_url, kh_feed *out,
                           kh_error *err)
{
	memset(out, 0, sizeof *out);
	if (len > INT_MAX)
		return kh_error_set(err, KH_ERR_TOO_BIG, "the page is larger than 2 GiB");
	htmlDocPtr doc =
	        htmlReadMemory(html, (int)len, base_url, NULL,
	                       HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                               HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
	if (!doc)
		return kh_error_set(err, KH_ERR_PARSE, "not an HTML page");
	reader r = {.f = out, .base = base_url};
	char *base = NULL;
	int budget = 100000;
	scan_links(&r, xmlDocGetRootElement(doc), &base, &budget, 0);
	free(base);
	xmlFreeDoc(doc);
	if (r.nomem) {
		kh_feed_clear(out);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	}
	out->kind = out->nlinks ? KH_FEED_HTML : KH_FEED_NONE;
	return KH_OK;
}
