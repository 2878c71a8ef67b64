/* title.c — the headline. */
#include <stdlib.h>
#include <string.h>

#include "persian/fold.h"
#include "html/metadata.h"
#include "base/utf8.h"

#define MAX_HEADINGS 24

/* Separators between a headline and a site name in <title> and og:title. */
static const char *const separators[] = {" | ", " - ", " :: ", " – ", " — ",
                                         " » ", " « ", " || ", NULL};

/* Does fold(h) equal fold(ref) or fold of one part of ref cut at separators? */
static int matches(const char *hkey, const char *ref)
{
	if (!ref)
		return 0;
	char *r = kh_fold_dup(ref);
	int eq = r && !strcmp(hkey, r);
	free(r);
	if (eq)
		return 1;
	for (int i = 0; separators[i] && !eq; i++) {
		const char *p = ref, *q;
		size_t sl = strlen(separators[i]);
		if (!strstr(ref, separators[i]))
			continue;
		for (;;) {
			q = strstr(p, separators[i]);
			size_t n = q ? (size_t)(q - p) : strlen(p);
			kh_buf b = {0};
			kh_fold(p, n, &b);
			eq = b.data && !strcmp(b.data, hkey);
			kh_buf_free(&b);
			if (eq || !q)
				break;
			p = q + sl;
		}
	}
	return eq;
}

/* The longest part of `s` cut at separators that is not the site name. */
static char *strip_site(const char *s, const char *site)
{
	char *site_key = site ? kh_fold_dup(site) : NULL;
	const char *best = s;
	size_t best_n = strlen(s);
	for (int i = 0; separators[i]; i++) {
		const char *sep = separators[i];
		if (!strstr(s, sep))
			continue;
		size_t sl = strlen(sep), top = 0;
		const char *p = s;
		for (;;) {
			const char *q = strstr(p, sep);
			size_t n = q ? (size_t)(q - p) : strlen(p);
			kh_buf b = {0};
			kh_fold(p, n, &b);
			int is_site = site_key && b.data && !strcmp(b.data, site_key);
			kh_buf_free(&b);
			if (!is_site && n > top) {
				top = n;
				best = p;
				best_n = n;
			}
			if (!q)
				break;
			p = q + sl;
		}
		break; /* the first separator found splits the title */
	}
	free(site_key);
	return kh_collapse_dup(best, best_n);
}

static int title_like(xmlNodePtr n)
{
	const char *c = kh_dom_attr(n, "class"), *id = kh_dom_attr(n, "id");
	const char *ip = kh_dom_attr(n, "itemprop");
	if (ip && strstr(ip, "headline"))
		return 1;
	for (int k = 0; k < 2; k++) {
		const char *v = k ? id : c;
		if (v &&
		    (kh_memcasemem(v, strlen(v), "title") ||
		     kh_memcasemem(v, strlen(v), "headline") ||
		     kh_memcasemem(v, strlen(v), "titr")) &&
		    !kh_memcasemem(v, strlen(v), "rutitr") &&
		    !kh_memcasemem(v, strlen(v), "subtitle") &&
		    !kh_memcasemem(v, strlen(v), "widget") && !kh_memcasemem(v, strlen(v), "box"))
			return 1;
	}
	return 0;
}

/* Inside navigation, footer, sidebar...? */
static int in_boilerplate(const kh_page *pg, int i)
{
	for (int e = i; e >= 0; e = pg->parent[e])
		if (pg->hint[e] <= -5)
			return 1;
	return 0;
}

int kh_title_extract(const kh_page *pg, const kh_meta *m, char **title)
{
	*title = NULL;
	const char *refs[3] = {m->ld_headline, m->og_title, m->title_tag};
	char *h1_first = NULL;
	int found = 0;
	for (int i = 0; i < pg->nel && !found; i++) {
		xmlNodePtr n = pg->el[i];
		int is_h1 = kh_dom_is(n, "h1");
		int is_h = is_h1 || kh_dom_is(n, "h2") || kh_dom_is(n, "h3");
		if (!is_h1 &&
		    !((is_h || kh_dom_is(n, "span") || kh_dom_is(n, "div")) && title_like(n)))
			continue;
		if (in_boilerplate(pg, i))
			continue;
		char *t = kh_dom_text(n);
		if (!t) {
			free(h1_first);
			return -1;
		}
		size_t chars = kh_visible_chars(t, strlen(t));
		char *key = chars >= 3 && chars <= 400 ? kh_fold_dup(t) : NULL;
		for (int r = 0; key && r < 3 && !found; r++)
			if (matches(key, refs[r]))
				found = 1;
		free(key);
		if (found) {
			*title = t;
		} else if (is_h1 && !h1_first && chars >= 3 && chars <= 400) {
			h1_first = t;
		} else {
			free(t);
		}
	}
	if (found) {
		free(h1_first);
		return 0;
	}
	if (m->ld_headline)
		*title = kh_collapse_dup(m->ld_headline, strlen(m->ld_headline));
	else if (m->og_title)
		*title = strip_site(m->og_title, m->site_name);
	else if (h1_first) {
		*title = h1_first;
		h1_first = NULL;
	} else if (m->title_tag)
		*title = strip_site(m->title_tag, m->site_name);
	else
		return 0;
	free(h1_first);
	return *title ? 0 : -1;
}
