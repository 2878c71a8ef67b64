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
	char *twitter = NULL, *appname = NULL, *ogurl = NULL;
	int rc = 0;
	for (xmlNodePtr n = root; n && !rc; n = kh_dom_next(n, root, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		if (!strcmp(name, "title") && !m->title_tag) {
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
		} else if (!strcmp(name, "script")) {
			const char *type = kh_dom_attr(n, "type");
			if (type && !strcasecmp(type, "application/ld+json"))
				rc = read_ld(n, m);
		}
	}
	if (!rc)
		rc = set_once(&m->og_title, twitter) || set_once(&m->site_name, appname) ||
		     set_once(&m->canonical, ogurl);
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
	memset(m, 0, sizeof *m);
}
