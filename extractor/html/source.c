/* source.c — who published the article: the site, the credited news agency and
 * the intermediary between them. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "persian/fold.h"
#include "html/metadata.h"
#include "base/table.h"
#include "base/utf8.h"

static int starts_with_agency_word(const char *s)
{
	char *k = kh_fold_dup(s);
	int yes = k && !strncmp(k, "خبرگزاری ", strlen("خبرگزاری "));
	free(k);
	return yes;
}

static char *host_of(const char *url)
{
	const char *p = strstr(url, "://");
	if (!p)
		return NULL;
	p += 3;
	size_t n = strcspn(p, "/:?#");
	if (n == 0)
		return NULL;
	if (n > 4 && !strncmp(p, "www.", 4))
		p += 4, n -= 4;
	return kh_collapse_dup(p, n);
}

/* In «Site :: Headline» or «Headline - Site», the part that is not the headline. */
static int site_from_title(const char *title_tag, const char *headline, char **site)
{
	static const char *const seps[] = {" :: ", " | ", " - ", " – ", " — ", " » ", NULL};
	char *hkey = kh_fold_dup(headline);
	if (!hkey)
		return -1;
	for (int i = 0; seps[i] && !*site; i++) {
		const char *s = strstr(title_tag, seps[i]);
		if (!s || strstr(s + strlen(seps[i]), seps[i]))
			continue; /* exactly two parts */
		const char *parts[2] = {title_tag, s + strlen(seps[i])};
		size_t lens[2] = {(size_t)(s - title_tag), strlen(parts[1])};
		for (int k = 0; k < 2; k++) {
			kh_buf b = {0};
			kh_fold(parts[k], lens[k], &b);
			int is_headline = b.data && !strcmp(b.data, hkey);
			kh_buf_free(&b);
			if (is_headline) {
				*site = kh_collapse_dup(parts[1 - k], lens[1 - k]);
				if (!*site) {
					free(hkey);
					return -1;
				}
				break;
			}
		}
	}
	free(hkey);
	return 0;
}

/* Words that make a site a news organization: an agency, a newspaper, a broadcaster. */
static int news_words(const char *name)
{
	static const char *const words[] = {
	        "خبرگزاری", "روزنامه",    "هفته نامه",   "هفتهنامه", "ماهنامه", "رادیو", "تلویزیون",
	        "شبکه",     "اژانس خبری", "پایگاه خبری", "news",     "radio",   "tv",    NULL};
	char *k = kh_fold_dup(name);
	int yes = 0;
	for (int i = 0; k && words[i] && !yes; i++)
		yes = kh_fold_find(k, words[i]) >= 0;
	free(k);
	return yes;
}

/* A newspaper's or agency's own story: nobody else is credited and the site is a
 * news organization (its JSON-LD publisher says so, its name is an agency's, a
 * newspaper's or a broadcaster's, or the <title> names it so). Its name, or NULL. */
static char *own_story(const kh_meta *m, const kh_article *a)
{
	char *tsite = NULL;
	if (m && m->title_tag && a->title && site_from_title(m->title_tag, a->title, &tsite))
		return NULL;
	char *name = NULL;
	if (tsite && news_words(tsite) &&
	    (!a->site || kh_memcasemem(tsite, strlen(tsite), a->site)))
		name = tsite, tsite = NULL; /* «روزنامه X» of the title, og:site_name «X» */
	else if (a->site && ((m && m->news_org) || news_words(a->site)))
		name = strdup(a->site);
	free(tsite);
	if (!name)
		return NULL;
	char *c = kh_agency_canonical(name, 1);
	if (c) {
		free(name);
		return c;
	}
	return name;
}

/* Moves the credit's first name to a->agency and the rest to a->agencies. */
static int take_credit(kh_credit *c, kh_article *a)
{
	a->agency = c->names[0];
	c->names[0] = NULL;
	if (c->n > 1) {
		a->agencies = calloc((size_t)(c->n - 1), sizeof *a->agencies);
		if (!a->agencies)
			return -1;
		for (int i = 1; i < c->n; i++) {
			a->agencies[a->nagencies++] = c->names[i];
			c->names[i] = NULL;
		}
	}
	c->n = 0;
	return 0;
}

int kh_source_extract(const kh_page *pg, const kh_meta *m, kh_article *a)
{
	/* The site's own name. */
	const char *site = m ? (m->site_name ? m->site_name : m->ld_publisher) : NULL;
	if (site && !(a->site = kh_collapse_dup(site, strlen(site))))
		return -1;
	if (!a->site && m && m->title_tag && a->title &&
	    site_from_title(m->title_tag, a->title, &a->site))
		return -1;
	if (!a->site && a->url)
		a->site = host_of(a->url); /* NULL when the URL has no host */
	char *self = a->site ? kh_agency_canonical(a->site, 1) : NULL;

	/* Where the page credits an agency, the most explicit first: its «منبع: X» line,
	 * a closing credit sentence, a credit box or byline, an author field; then the
	 * credit phrases of the text's first paragraphs. A byline naming the site itself
	 * says only that the story is its own: it counts after the phrases. */
	enum { LINE, CLOSING, BOX, AUTHOR, QUOTED, VIA, NCRED };
	kh_credit c[NCRED];
	memset(c, 0, sizeof c);
	size_t head = a->text_len < 800 ? a->text_len : 800;
	int rc = kh_credit_line(pg, a->text, &c[LINE]) ||
	         kh_credit_closing(a->text, a->text_len, &c[CLOSING]) ||
	         kh_credit_elements(pg, &c[BOX]) || kh_credit_authors(m, &c[AUTHOR]) ||
	         kh_credit_phrase(a->text, head, "به نقل از", NULL, &c[QUOTED]) ||
	         kh_credit_phrase(a->text, head, "به گزارش", " به نقل از", &c[VIA]);
	int chosen = -1;
	for (int pass = 0; pass < 2 && chosen < 0 && !rc; pass++)
		for (int i = 0; i < NCRED && chosen < 0; i++) {
			int own = c[i].n == 1 && self && !strcmp(c[i].names[0], self);
			if (c[i].n && (pass == 1 || !own || i >= QUOTED))
				chosen = i;
		}
	if (!rc && chosen >= 0)
		rc = take_credit(&c[chosen], a);
	if (!rc && !a->agency && self)
		a->agency = self, self = NULL;
	/* an agency unknown to the table, named as one («به گزارش خبرگزاری X») */
	const int unknown[] = {QUOTED, VIA, LINE};
	for (int i = 0; !rc && i < 3 && !a->agency; i++)
		if (c[unknown[i]].raw && starts_with_agency_word(c[unknown[i]].raw))
			rc = !(a->agency = strdup(c[unknown[i]].raw));
	if (!rc && !a->agency)
		a->agency = own_story(m, a);

	/* The intermediary: who reported it, when that is not the agency itself. */
	char *via_phrase = c[VIA].raw;
	if (!rc && via_phrase && a->agency && !c[VIA].n && !starts_with_agency_word(via_phrase) &&
	    !strstr(via_phrase, "خبرنگار")) {
		a->via = via_phrase;
		c[VIA].raw = NULL;
	}
	for (int i = 0; i < NCRED; i++)
		kh_credit_free(&c[i]);
	free(self);
	return rc ? -1 : 0;
}
