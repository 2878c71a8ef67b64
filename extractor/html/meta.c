/* meta.c — <meta>, <link rel=canonical> and JSON-LD. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "html/meta.h"
#include "base/utf8.h"

static int set_once(char **field, const char *value)
{
	if (*field || !value)
		return 0;
	char *v = kh_collapse_dup(value, strlen(value));
	if (!v)
		return -1;
	if (!*v) {
		free(v);
		return 0;
	}
	*field = v;
	return 0;
}

/* As set_once, keeping the value's line breaks (an articleBody's paragraphs). */
static int set_raw(char **field, const char *value)
{
	if (*field || !value || !*value)
		return 0;
	return (*field = strdup(value)) ? 0 : -1;
}

/* Adds `value` to the authors, once. */
static int add_author(kh_meta *m, const char *value)
{
	if (!value || m->nauthor >= KH_META_AUTHORS)
		return 0;
	char *v = kh_collapse_dup(value, strlen(value));
	if (!v)
		return -1;
	for (int i = 0; i < m->nauthor && *v; i++)
		if (!strcmp(m->author[i], v))
			*v = '\0';
	if (!*v || strlen(v) > 200) {
		free(v);
		return 0;
	}
	m->author[m->nauthor++] = v;
	return 0;
}

/* The names of a JSON-LD person or organization, or an array of them. */
static int add_ld_names(kh_meta *m, json_t *who)
{
	if (json_is_string(who))
		return add_author(m, json_string_value(who));
	if (json_is_object(who))
		return add_author(m, json_string_value(json_object_get(who, "name")));
	size_t i;
	json_t *v;
	if (json_is_array(who))
		json_array_foreach(who, i,
		                   v) if (i < KH_META_AUTHORS && add_ld_names(m, v)) return -1;
	return 0;
}

/* schema.org types of news organizations. */
static int is_news_type(json_t *type)
{
	static const char *const types[] = {
	        "NewsMediaOrganization", "NewsAgency",        "Newspaper",
	        "RadioStation",          "TelevisionStation", "BroadcastService",
	        "RadioChannel",          "TelevisionChannel", NULL};
	if (json_is_array(type)) {
		size_t i;
		json_t *v;
		json_array_foreach(type, i, v) if (is_news_type(v)) return 1;
		return 0;
	}
	const char *t = json_string_value(type);
	for (int i = 0; t && types[i]; i++)
		if (!strcmp(t, types[i]))
			return 1;
	return 0;
}

static const char *const author_names[] = {
        "author", "article:author", "dc.creator",      "dcterms.creator",
        "byl",    "parsely-author", "sailthru.author", "cxenseparse:author",
        NULL};
static const char *const modified_names[] = {"article:modified_time", "og:updated_time",
                                             "datemodified", "last-modified", NULL};

static const char *const published_names[] = {"article:published_time",
                                              "og:published_time",
                                              "og:article:published_time",
                                              "datepublished",
                                              "pubdate",
                                              "publishdate",
                                              "publish-date",
                                              "publish_date",
                                              "dc.date.issued",
                                              "dcterms.issued",
                                              "dc.date",
                                              "dcterms.created",
                                              "date",
                                              "sailthru.date",
                                              "parsely-pub-date",
                                              "article.published",
                                              "cxenseparse:recs:publishtime",
                                              NULL};

static int in_list(const char *key, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (!strcasecmp(key, names[i]))
			return 1;
	return 0;
}

static int is_article_type(json_t *type)
{
	if (json_is_array(type)) {
		size_t i;
		json_t *v;
		json_array_foreach(type, i, v) if (is_article_type(v)) return 1;
		return 0;
	}
	const char *t = json_string_value(type);
	return t && (strstr(t, "Article") || strstr(t, "BlogPosting") || strstr(t, "NewsArticle") ||
	             !strcmp(t, "Report") || !strcmp(t, "LiveBlogPosting"));
}

/* Walks JSON-LD iteratively-bounded: objects in @graph and arrays, depth <= 8. */
static int walk_ld(json_t *j, kh_meta *m, int depth)
{
	if (depth > 8 || !j)
		return 0;
	if (json_is_array(j)) {
		size_t i;
		json_t *v;
		json_array_foreach(j, i, v) if (walk_ld(v, m, depth + 1)) return -1;
		return 0;
	}
	if (!json_is_object(j))
		return 0;
	json_t *graph = json_object_get(j, "@graph");
	if (graph && walk_ld(graph, m, depth + 1))
		return -1;
	if (is_article_type(json_object_get(j, "@type"))) {
		if (set_once(&m->ld_headline, json_string_value(json_object_get(j, "headline"))) ||
		    set_once(&m->ld_published,
		             json_string_value(json_object_get(j, "datePublished"))))
			return -1;
		json_t *pub = json_object_get(j, "publisher");
		if (json_is_array(pub))
			pub = json_array_get(pub, 0);
		if (json_is_object(pub) &&
		    set_once(&m->ld_publisher, json_string_value(json_object_get(pub, "name"))))
			return -1;
		if (json_is_object(pub) && is_news_type(json_object_get(pub, "@type")))
			m->news_org = 1;
		const char *lang = json_string_value(json_object_get(j, "inLanguage"));
		if (set_once(&m->modified, json_string_value(json_object_get(j, "dateModified"))) ||
		    set_raw(&m->ld_body, json_string_value(json_object_get(j, "articleBody"))) ||
		    (lang && strlen(lang) < 40 && set_once(&m->lang, lang)) ||
		    add_ld_names(m, json_object_get(j, "author")) ||
		    add_ld_names(m, json_object_get(j, "creator")) ||
		    add_ld_names(m, json_object_get(j, "sourceOrganization")))
			return -1;
	} else if (is_news_type(json_object_get(j, "@type")) && depth > 0) {
		m->news_org = 1; /* a publisher of its own in @graph */
	}
	return 0;
}

static int read_ld(xmlNodePtr script, kh_meta *m)
{
	xmlChar *txt = xmlNodeGetContent(script);
	if (!txt)
		return 0;
	json_error_t jerr;
	json_t *j = json_loads((const char *)txt, JSON_DECODE_ANY, &jerr);
	xmlFree(txt);
	if (!j)
		return 0; /* broken JSON-LD is common; the page has other evidence */
	int rc = walk_ld(j, m, 0);
	json_decref(j);
	return rc;
}

int kh_meta_collect(htmlDocPtr doc, kh_meta *m)
{
	memset(m, 0, sizeof *m);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *twitter = NULL, *appname = NULL, *ogurl = NULL, *locale = NULL, *modified = NULL;
	int rc = 0;
	for (xmlNodePtr n = root; n && !rc; n = kh_dom_next(n, root, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		if (!strcmp(name, "html") && !m->lang) {
			const char *lang = kh_dom_attr(n, "lang");
			if (!lang)
				lang = kh_dom_attr(n, "xml:lang");
			rc = lang && strlen(lang) < 40 ? set_once(&m->lang, lang) : 0;
		} else if (!strcmp(name, "title") && !m->title_tag) {
			char *t = kh_dom_text(n);
			if (!t)
				rc = -1;
			else if (*t)
				m->title_tag = t;
			else
				free(t);
		} else if (!strcmp(name, "meta")) {
			const char *key = kh_dom_attr(n, "property");
			if (!key)
				key = kh_dom_attr(n, "name");
			if (!key)
				key = kh_dom_attr(n, "itemprop");
			const char *content = kh_dom_attr(n, "content");
			if (!key)
				key = kh_dom_attr(n, "http-equiv");
			if (!key || !content)
				continue;
			if (!strcasecmp(key, "og:title"))
				rc = set_once(&m->og_title, content);
			else if (!strcasecmp(key, "twitter:title"))
				rc = set_once(&twitter, content);
			else if (!strcasecmp(key, "og:site_name"))
				rc = set_once(&m->site_name, content);
			else if (!strcasecmp(key, "application-name"))
				rc = set_once(&appname, content);
			else if (!strcasecmp(key, "og:url"))
				rc = set_once(&ogurl, content);
			else if (!strcasecmp(key, "og:locale") ||
			         !strcasecmp(key, "content-language"))
				rc = set_once(&locale, content);
			else if (in_list(key, author_names))
				rc = strncmp(content, "http", 4) ? add_author(m, content) : 0;
			else if (in_list(key, modified_names))
				rc = set_once(&modified, content);
			else
				for (int i = 0; published_names[i]; i++)
					if (!strcasecmp(key, published_names[i])) {
						rc = set_once(&m->published, content);
						break;
					}
		} else if (!strcmp(name, "link")) {
			const char *rel = kh_dom_attr(n, "rel");
			if (rel && !strcasecmp(rel, "canonical"))
				rc = set_once(&m->canonical, kh_dom_attr(n, "href"));
		} else if (!strcmp(name, "a")) {
			const char *rel = kh_dom_attr(n, "rel");
			if (rel && kh_memcasemem(rel, strlen(rel), "author")) {
				char *t = kh_dom_text(n);
				rc = t ? add_author(m, t) : -1;
				free(t);
			}
		} else if (!strcmp(name, "script")) {
			const char *type = kh_dom_attr(n, "type");
			if (type && !strcasecmp(type, "application/ld+json"))
				rc = read_ld(n, m);
		}
	}
	if (!rc)
		rc = set_once(&m->og_title, twitter) || set_once(&m->site_name, appname) ||
		     set_once(&m->canonical, ogurl) || set_once(&m->lang, locale) ||
		     set_once(&m->modified, modified);
	free(locale);
	free(modified);
	free(twitter);
	free(appname);
	free(ogurl);
	if (rc) {
		kh_meta_free(m);
		return -1;
	}
	return 0;
}

void kh_meta_free(kh_meta *m)
{
	free(m->title_tag);
	free(m->og_title);
	free(m->site_name);
	free(m->canonical);
	free(m->published);
	free(m->ld_headline);
	free(m->ld_published);
	free(m->ld_publisher);
	free(m->modified);
	free(m->ld_body);
	free(m->lang);
	for (int i = 0; i < m->nauthor; i++)
		free(m->author[i]);
	memset(m, 0, sizeof *m);
}
