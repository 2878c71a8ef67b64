/* credit.c — where a page credits a news agency: «منبع: X» lines, closing credit
 * sentences («در تهیه این گزارش از X استفاده شده است»), credit boxes and bylines
 * (elements classed source, credit, byline, author ...) and the credit phrases of the
 * text's head («به نقل از X», «به گزارش X»). Each finder fills a kh_credit with the
 * canonical names of data/agencies.tsv, the first credited first. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/utf8.h"
#include "html/metadata.h"
#include "persian/fold.h"

/* The first `needle` (n bytes) in hay[0, len), or NULL. */
static const char *find_in(const char *hay, size_t len, const char *needle, size_t n)
{
	for (const char *p = hay; n && p + n <= hay + len; p++) {
		p = memchr(p, needle[0], (size_t)(hay + len - p));
		if (!p || p + n > hay + len)
			return NULL;
		if (!memcmp(p, needle, n))
			return p;
	}
	return NULL;
}

void kh_credit_free(kh_credit *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->names[i]);
	free(c->raw);
	memset(c, 0, sizeof *c);
}

/* Fills `c` with the agencies named in s[0, len) (when it holds none yet). */
static int credit_from(const char *s, size_t len, kh_credit *c)
{
	if (c->n)
		return 0;
	int n = kh_agencies_in(s, len, c->names, KH_CREDIT_MAX);
	if (n < 0)
		return -1;
	c->n = n;
	return 0;
}

char *kh_credited(const char *s, size_t len, const char *cue, const char *stop_at)
{
	const char *p = NULL;
	for (const char *q = s; q < s + len; q++) {
		q = strstr(q, cue);
		if (!q || q >= s + len)
			return NULL;
		if (q == s || q[-1] == ' ' || q[-1] == '\n' || (unsigned char)q[-1] >= 0x80) {
			p = q + strlen(cue);
			break;
		}
	}
	if (!p)
		return NULL;
	while (*p == ' ' || *p == ':')
		p++;
	const char *e = p;
	int words = 0;
	while (*e && e - p < 160) {
		if (*e == '\n' || *e == ',' || *e == ':' || *e == '.' || *e == '(' || *e == '|' ||
		    !strncmp(e, "،", 2) || !strncmp(e, "؛", 2) || !strncmp(e, " - ", 3))
			break;
		if (stop_at && !strncmp(e, stop_at, strlen(stop_at)))
			break;
		if (*e == ' ' && ++words >= 12)
			break;
		e++;
	}
	while (e > p && e[-1] == ' ')
		e--;
	return e > p ? kh_collapse_dup(p, (size_t)(e - p)) : NULL;
}

/* ---- «منبع: X» lines ---- */

/* After «منبع» or «منابع» at `t`: the optional «خبر», «گزارش», «مطلب» and the colon
 * that makes it a credit line («منبع آگاه», «منبع عکس:», «منبع مجاز است» are not).
 * Returns the first byte after the colon, or NULL. */
static const char *source_colon(const char *t)
{
	static const char *const cues[] = {"منبع", "منابع", NULL};
	static const char *const nouns[] = {"خبر", "گزارش", "مطلب", "اصلی", NULL};
	const char *p = NULL;
	for (int i = 0; cues[i] && !p; i++)
		if (!strncmp(t, cues[i], strlen(cues[i])))
			p = t + strlen(cues[i]);
	if (!p)
		return NULL;
	while (*p == ' ')
		p++;
	for (int i = 0; nouns[i]; i++)
		if (!strncmp(p, nouns[i], strlen(nouns[i]))) {
			const char *q = p + strlen(nouns[i]);
			while (*q == ' ')
				q++;
			if (*q == ':') {
				p = q;
				break;
			}
		}
	return *p == ':' ? p + 1 : NULL;
}

/* The first «منبع: X» in `s` that names an agency; the first X at all in c->raw. */
static int source_in(const char *s, kh_credit *c)
{
	for (const char *t = strstr(s, "من"); t && !c->n; t = strstr(t + 1, "من")) {
		if (t > s && (unsigned char)t[-1] >= 0x80 && t[-1] != (char)0x8c)
			continue; /* inside a word, but a ZWNJ before is fine */
		const char *x = source_colon(t);
		if (!x)
			continue;
		while (*x == ' ')
			x++;
		size_t n = strcspn(x, "\n");
		if (n > 160)
			n = 160;
		if (credit_from(x, n, c))
			return -1;
		if (!c->n && !c->raw) {
			char *raw = kh_credited(t, strlen(t), ":", NULL);
			c->raw = raw;
		}
	}
	return 0;
}

int kh_credit_line(const kh_page *pg, const char *text, kh_credit *c)
{
	for (int i = 0; pg && i < pg->nseg && !c->n; i++)
		if (pg->seg[i].chars <= 300 && source_in(pg->seg[i].text, c))
			return -1;
	if (!c->n && text && source_in(text, c))
		return -1;
	return 0;
}

/* ---- closing credit sentences ---- */

int kh_credit_closing(const char *text, size_t len, kh_credit *c)
{
	/* «در تهیه این گزارش از X استفاده شده است», «با استفاده از گزارش X تهیه شده» */
	static const struct {
		const char *cue, *end;
	} forms[] = {{"در تهیه این گزارش از ", "استفاده"},
	             {"در تهیه این خبر از ", "استفاده"},
	             {"در تهیه این مطلب از ", "استفاده"},
	             {"در تهيه اين گزارش از ", "استفاده"},
	             {"با استفاده از ", "تهیه"},
	             {"با استفاده از ", "تهيه"},
	             {NULL, NULL}};
	for (int f = 0; forms[f].cue && !c->n; f++) {
		size_t cl = strlen(forms[f].cue);
		for (const char *t = text;
		     (t = find_in(t, len - (size_t)(t - text), forms[f].cue, cl)); t += cl) {
			const char *x = t + cl;
			const char *nl = memchr(x, '\n', len - (size_t)(x - text));
			size_t rest = nl ? (size_t)(nl - x) : len - (size_t)(x - text);
			if (rest > 200)
				rest = 200;
			const char *e = find_in(x, rest, forms[f].end, strlen(forms[f].end));
			if (!e)
				continue;
			/* «گزارش‌های», «منابع خبری» before the names are not names
			 */
			if (credit_from(x, (size_t)(e - x), c))
				return -1;
			if (c->n)
				break;
		}
	}
	return 0;
}

/* ---- credit boxes and bylines ---- */

/* A class or id made of words like «news-source», «byline», «credit», «author». */
static int credit_words(const char *v)
{
	static const char *const words[] = {"source", "sources",  "credit", "credits", "byline",
	                                    "author", "authors",  "agency", "manba",   "manabe",
	                                    "writer", "reporter", NULL};
	if (!v)
		return 0;
	for (const char *p = v; *p;) {
		size_t n = strcspn(p, " \t\n-_");
		for (int i = 0; words[i]; i++)
			if (n == strlen(words[i]) && !strncasecmp(p, words[i], n))
				return 1;
		p += n;
		if (*p)
			p++;
	}
	return 0;
}

static int is_credit_element(xmlNodePtr n)
{
	const char *ip = kh_dom_attr(n, "itemprop");
	const char *href = kh_dom_is(n, "a") ? kh_dom_attr(n, "href") : NULL;
	return credit_words(kh_dom_attr(n, "class")) || credit_words(kh_dom_attr(n, "id")) ||
	       (ip && (!strcasecmp(ip, "author") || !strcasecmp(ip, "sourceOrganization"))) ||
	       (href && strstr(href, "/author/"));
}

int kh_credit_elements(const kh_page *pg, kh_credit *c)
{
	for (int i = 0; pg && i < pg->nel && !c->n; i++) {
		xmlNodePtr n = pg->el[i];
		if (!is_credit_element(n))
			continue;
		int boiler = 0; /* comments, related items: not this article's credit */
		for (int e = i; e >= 0 && !boiler; e = pg->parent[e])
			boiler = pg->hint[e] <= -5;
		if (boiler)
			continue;
		char *t = kh_dom_text(n);
		if (!t)
			return -1;
		int rc = strlen(t) <= 200 ? credit_from(t, strlen(t), c) : 0;
		free(t);
		if (rc)
			return -1;
	}
	return 0;
}

int kh_credit_authors(const kh_meta *m, kh_credit *c)
{
	for (int i = 0; m && i < m->nauthor && !c->n; i++)
		if (credit_from(m->author[i], strlen(m->author[i]), c))
			return -1;
	return 0;
}

int kh_credit_phrase(const char *text, size_t len, const char *cue, const char *stop_at,
                     kh_credit *c)
{
	char *x = kh_credited(text, len, cue, stop_at);
	if (!x)
		return 0;
	int rc = credit_from(x, strlen(x), c);
	if (!rc && !c->raw)
		c->raw = x;
	else
		free(x);
	return rc;
}
