/* article.c — extraction from start to finish: decode, parse, metadata, text. */
#include <stdlib.h>
#include <string.h>

#include "khabar/article.h"
#include "khabar/charset.h"
#include "html/content.h"
#include "html/hidden.h"
#include "html/meta.h"
#include "html/metadata.h"
#include "html/page.h"
#include "base/utf8.h"

#define DEFAULT_MAX_BYTES ((size_t)64 << 20)

static kh_status check_input(const char *bytes, size_t len, const kh_extract_options *o,
                             kh_error *err)
{
	size_t max = o && o->max_bytes ? o->max_bytes : DEFAULT_MAX_BYTES;
	if (len > max)
		return kh_error_set(err, KH_ERR_TOO_BIG,
		                    "input is %zu bytes, over the limit of %zu", len, max);
	size_t i = 0;
	while (i < len && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' ||
	                   bytes[i] == '\t' || bytes[i] == '\f'))
		i++;
	if (i == len)
		return kh_error_set(err, KH_ERR_EMPTY, "input is empty");
	return KH_OK;
}

/* Dates in the text, relative ones placed by the publication date. */
static int find_dates(kh_article *a)
{
	kh_ymd pub, *pp = NULL;
	if (a->published && kh_iso_to_tehran_date(a->published->iso, &pub, NULL) == KH_OK)
		pp = &pub;
	return kh_find_dates(a->text, a->text_len, pp, &a->dates, &a->ndates, NULL) != KH_OK;
}

/* Organizations, people, statements and percentage subjects. */
/* Is the text Persian (or Arabic-script) enough for the facts' rules and tagger: a fifth
 * of its letters at least? */
static int persian_text(const char *s, size_t len)
{
	size_t arabic = 0, letters = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB)
			arabic++, letters++; /* the lead byte of U+0600..U+06FF */
		else if ((c | 32) >= 'a' && (c | 32) <= 'z')
			letters++;
		else if (c >= 0xC0)
			letters++; /* another script's letter */
	}
	return letters && arabic * 5 >= letters;
}

/* Organizations, people, statements and percentage subjects: Persian rules and a model
 * trained on Persian news, so other languages' texts are left without. */
static int find_facts(kh_article *a)
{
	if (!persian_text(a->text, a->text_len))
		return 0;
	return kh_find_facts(a->text, a->text_len, a->agency, a->percentages, a->npercentages,
	                     &a->facts, NULL) != KH_OK;
}

static kh_article *new_article(const kh_extract_options *o, const kh_decoded *d)
{
	kh_article *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	strcpy(a->charset, d->charset);
	if (o && o->url && !(a->url = strdup(o->url))) {
		free(a);
		return NULL;
	}
	return a;
}

/* Text the page delivers in a script for lazy loading (html/hidden.c) replaces the
 * visible main text when it is much longer: the page shows a skeleton or a teaser
 * until its scripts run. -1 when out of memory. */
static int hidden_text(htmlDocPtr doc, const kh_meta *m, kh_article *a)
{
	char *h = NULL;
	if (kh_hidden_text(doc, m->ld_body, a->title, &h))
		return -1;
	if (!h)
		return 0;
	size_t hc = kh_visible_chars(h, strlen(h)), vc = kh_visible_chars(a->text, a->text_len);
	if (hc >= 300 && hc >= 2 * vc) {
		free(a->text);
		a->text = h;
		a->text_len = strlen(h);
	} else {
		free(h);
	}
	return 0;
}

kh_status kh_extract_html(const char *bytes, size_t len, const kh_extract_options *opts,
                          kh_article **out, kh_error *err)
{
	*out = NULL;
	kh_status rc = check_input(bytes, len, opts, err);
	if (rc)
		return rc;
	kh_decoded d;
	rc = kh_decode(bytes, len, opts ? opts->http_charset : NULL, 1, &d, err);
	if (rc)
		return rc;
	htmlDocPtr doc = kh_dom_parse(d.data, d.len);
	kh_article *a = doc ? new_article(opts, &d) : NULL;
	kh_decoded_free(&d);
	if (!doc || !a) {
		if (doc)
			xmlFreeDoc(doc);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory parsing the page");
	}

	kh_meta m;
	kh_page pg;
	int meta_ok = 0, page_ok = 0;
	rc = KH_ERR_NOMEM;
	if (kh_meta_collect(doc, &m))
		goto done;
	meta_ok = 1;
	if (kh_page_build(&pg, doc))
		goto done;
	page_ok = 1;
	if (!a->url && m.canonical && !(a->url = strdup(m.canonical)))
		goto done;
	if (kh_title_extract(&pg, &m, &a->title))
		goto done;
	if (!(a->text = kh_content_extract(&pg, a->title, &a->text_len)) || hidden_text(doc, &m, a))
		goto done;
	if (kh_published_extract(&pg, &m, &a->published))
		goto done;
	if (kh_find_percentages(a->text, a->text_len, &a->percentages, &a->npercentages, NULL) ||
	    find_dates(a))
		goto done;
	if (kh_source_extract(&pg, &m, a) || find_facts(a))
		goto done;
	rc = KH_OK;
done:
	if (page_ok)
		kh_page_free(&pg);
	if (meta_ok)
		kh_meta_free(&m);
	xmlFreeDoc(doc);
	if (rc) {
		kh_article_free(a);
		return kh_error_set(err, rc, "out of memory extracting the article");
	}
	*out = a;
	return KH_OK;
}

kh_status kh_extract_text(const char *bytes, size_t len, const kh_extract_options *opts,
                          kh_article **out, kh_error *err)
{
	*out = NULL;
	kh_status rc = check_input(bytes, len, opts, err);
	if (rc)
		return rc;
	kh_decoded d;
	rc = kh_decode(bytes, len, opts ? opts->http_charset : NULL, 0, &d, err);
	if (rc)
		return rc;
	kh_article *a = new_article(opts, &d);
	if (!a) {
		kh_decoded_free(&d);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	}
	a->text = d.data; /* verbatim: offsets point into the input */
	a->text_len = d.len;
	if (kh_source_extract(NULL, NULL, a) ||
	    kh_find_percentages(a->text, a->text_len, &a->percentages, &a->npercentages, NULL) ||
	    find_dates(a) || find_facts(a)) {
		kh_article_free(a);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	}
	*out = a;
	return KH_OK;
}

void kh_article_free(kh_article *a)
{
	if (!a)
		return;
	free(a->url);
	free(a->title);
	if (a->published) {
		free(a->published->raw);
		free(a->published);
	}
	free(a->site);
	free(a->agency);
	free(a->via);
	for (size_t i = 0; i < a->nagencies; i++)
		free(a->agencies[i]);
	free(a->agencies);
	free(a->text);
	for (size_t i = 0; i < a->npercentages; i++)
		free(a->percentages[i].subject_canonical);
	free(a->percentages);
	free(a->dates);
	kh_facts_free(&a->facts);
	free(a);
}
