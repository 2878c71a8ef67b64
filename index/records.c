/* records.c — an article record (the JSON of `extract`) as index documents: the article,
 * each statement, each percentage (docs/index.md). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ixdoc.h"
#include "khabar/facts.h"
#include "khabar/normalize.h"

static const char *str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static int add_term(kh_ixdoc *d, const char *prefix, const char *value)
{
	if (!value || !*value)
		return 0;
	size_t pl = strlen(prefix), vl = strlen(value);
	if (pl + vl > 240)
		vl = 240 - pl; /* Xapian's term length limit */
	char *t = malloc(pl + vl + 1);
	if (!t)
		return -1;
	memcpy(t, prefix, pl);
	memcpy(t + pl, value, vl);
	t[pl + vl] = '\0';
	if (d->nterms == d->tcap) {
		size_t c = d->tcap ? d->tcap * 2 : 16;
		char **g = realloc(d->terms, c * sizeof *g);
		if (!g) {
			free(t);
			return -1;
		}
		d->terms = g, d->tcap = c;
	}
	d->terms[d->nterms++] = t;
	return 0;
}

/* A name's key as a term, whole, and (for people) each word and each pair of words:
 * «زارع پور» finds «علی زارع پور». */
static int add_name(kh_ixdoc *d, const char *prefix, const char *name, int parts)
{
	if (!name)
		return 0;
	char *k = kh_name_key(name, strlen(name));
	int rc = !k || add_term(d, prefix, k);
	free(k);
	if (rc || !parts)
		return rc ? -1 : 0;
	char *copy = strdup(name), *words[16];
	int nw = 0;
	if (!copy)
		return -1;
	for (char *save, *w = strtok_r(copy, " \t", &save); w && nw < 16;
	     w = strtok_r(NULL, " \t", &save))
		words[nw++] = w;
	for (int i = 0; i < nw && !rc; i++) {
		char pair[512];
		snprintf(pair, sizeof pair, "%s", words[i]);
		char *k1 = kh_name_key(pair, strlen(pair));
		rc = !k1 || add_term(d, prefix, k1);
		free(k1);
		if (i + 1 < nw && !rc) {
			snprintf(pair, sizeof pair, "%s %s", words[i], words[i + 1]);
			char *k2 = kh_name_key(pair, strlen(pair));
			rc = !k2 || add_term(d, prefix, k2);
			free(k2);
		}
	}
	free(copy);
	return rc ? -1 : 0;
}

/* An organization: its canonical name and the name as written. */
static int add_org(kh_ixdoc *d, const char *canonical, const char *surface)
{
	int rc = add_name(d, KH_P_ORG, canonical, 0) || add_name(d, KH_P_ORG, surface, 0);
	char *c = surface ? kh_org_canonical(surface, strlen(surface)) : NULL;
	if (c)
		rc |= add_name(d, KH_P_ORG, c, 0);
	free(c);
	return rc ? -1 : 0;
}

/* A name at the canonical level as a term (what `khabar stats` shows). */
static int add_canonical(kh_ixdoc *d, const char *prefix, const char *name)
{
	if (!name)
		return 0;
	char *c = NULL;
	size_t n;
	if (kh_normalize(name, strlen(name), KH_NORM_CANONICAL, KH_DIGITS_KEEP, &c, &n, NULL))
		return -1;
	int rc = add_term(d, prefix, c);
	free(c);
	return rc;
}

/* The subject is an organization: an ORG entity of the record covers it. */
static int is_org(json_t *r, json_t *subj)
{
	json_int_t s = json_integer_value(json_object_get(subj, "start"));
	json_int_t e = json_integer_value(json_object_get(subj, "end"));
	size_t i;
	json_t *en;
	json_array_foreach(json_object_get(r, "entities"), i, en)
	{
		const char *type = str(en, "type");
		json_int_t a = json_integer_value(json_object_get(en, "start"));
		json_int_t b = json_integer_value(json_object_get(en, "end"));
		if (type && !strcmp(type, "ORG") && a < e && s < b)
			return 1;
	}
	return 0;
}

static double ymd(const char *s)
{
	int y, m, dd;
	if (!s || sscanf(s, "%d-%d-%d", &y, &m, &dd) != 3)
		return 0;
	return y * 10000.0 + m * 100 + dd;
}

/* A 64-bit FNV-1a hash in hex: the article's id. */
static void hash_id(const char *s, size_t n, char out[17])
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static kh_ixdoc *new_doc(kh_ixdoc **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		kh_ixdoc *g = realloc(*v, c * sizeof *g);
		if (!g)
			return NULL;
		*v = g, *cap = c;
	}
	kh_ixdoc *d = &(*v)[(*n)++];
	memset(d, 0, sizeof *d);
	return d;
}

/* The sentence around byte span [s, e) of text, at most ~300 bytes each side. */
static json_t *sentence(const char *text, size_t len, size_t s, size_t e)
{
	size_t a = s, b = e;
	while (a > 0 && s - a < 300 && text[a - 1] != '\n' && text[a - 1] != '.')
		a--;
	while (b < len && b - e < 300 && text[b] != '\n' && text[b] != '.')
		b++;
	while (a > 0 && ((unsigned char)text[a] & 0xC0) == 0x80)
		a--; /* never inside a character */
	while (b < len && ((unsigned char)text[b] & 0xC0) == 0x80)
		b++;
	return json_stringn(text + a, b - a);
}

kh_status kh_record_docs(const char *json, size_t len, char **article, kh_ixdoc **docs, size_t *n,
                         kh_error *err)
{
	*docs = NULL;
	*n = 0;
	*article = NULL;
	json_error_t je;
	json_t *r = json_loadb(json, len, 0, &je);
	if (!r || !json_is_object(r)) {
		json_decref(r);
		return kh_error_set(err, KH_ERR_PARSE, "not an article record: %s (line %d)",
		                    r ? "not a JSON object" : je.text, je.line);
	}
	kh_status rc = kh_record_docs_json(r, article, docs, n, err);
	json_decref(r);
	return rc;
}

kh_status kh_record_docs_json(void *record, char **article, kh_ixdoc **docs, size_t *n,
                              kh_error *err)
{
	json_t *r = record;
	*docs = NULL;
	*n = 0;
	*article = NULL;
	if (!json_is_object(r))
		return kh_error_set(err, KH_ERR_PARSE, "not an article record: not a JSON object");
	const char *text = str(r, "text"), *url = str(r, "url"), *title = str(r, "title");
	if (!text)
		return kh_error_set(err, KH_ERR_PARSE, "not an article record: no \"text\"");
	size_t tlen = json_string_length(json_object_get(r, "text"));
	json_t *pub = json_object_get(r, "published"), *src = json_object_get(r, "source");
	const char *iso = json_is_object(pub) ? str(pub, "iso") : NULL;
	const char *jal = json_is_object(pub) ? str(pub, "jalali") : NULL;
	const char *agency = json_is_object(src) ? str(src, "agency") : NULL;
	const char *site = json_is_object(src) ? str(src, "site") : NULL;
	char id[17];
	if (url)
		hash_id(url, strlen(url), id);
	else
		hash_id(text, tlen, id);
	kh_ixdoc *v = NULL;
	size_t nd = 0, cap = 0;
	int bad = 0;
	char art[32];
	snprintf(art, sizeof art, "%s%s", KH_P_ARTICLE, id);
	*article = strdup(art);
	bad |= !*article;

	/* what every document of the article shares */
#define COMMON(d)                                                                                  \
	do {                                                                                       \
		bad |= add_term(d, "", art) || add_term(d, KH_P_AGENCY, agency) ||                 \
		       add_name(d, KH_P_AGENCY, agency, 0) || add_name(d, KH_P_SITE, site, 0);     \
		if (iso) {                                                                         \
			d->has_date = 1;                                                           \
			d->date = ymd(iso);                                                        \
			d->jalali = ymd(jal);                                                      \
		}                                                                                  \
	} while (0)

	/* the article */
	kh_ixdoc *d = new_doc(&v, &nd, &cap);
	if (d) {
		char idt[40];
		snprintf(idt, sizeof idt, "%s%s", KH_P_ID, id);
		d->id = strdup(idt);
		bad |= !d->id || add_term(d, KH_P_TYPE, "article");
		COMMON(d);
		if (title)
			bad |= kh_text_words(title, strlen(title), &d->words, &d->nwords, &d->wcap);
		bad |= kh_text_words(text, tlen, &d->words, &d->nwords, &d->wcap);
		size_t sn = tlen < 300 ? tlen : 300;
		while (sn < tlen && sn > 0 && ((unsigned char)text[sn] & 0xC0) == 0x80)
			sn--; /* the snippet ends between characters */
		/* the whole record, with what the search shows first */
		json_t *o = json_pack("{s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s%, s:O}", "type",
		                      "article", "title", title, "url", url, "date", iso, "jalali",
		                      jal, "agency", agency, "snippet", text, sn, "record", r);
		d->data = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		bad |= !d->data;
	} else {
		bad = 1;
	}
	/* its statements */
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(r, "statements"), i, s)
	{
		if (bad || !(d = new_doc(&v, &nd, &cap))) {
			bad = 1;
			break;
		}
		char idt[48];
		snprintf(idt, sizeof idt, "%s%s:s%zu", KH_P_ID, id, i);
		d->id = strdup(idt);
		const char *speaker = str(s, "speaker"), *content = str(s, "content");
		bad |= !d->id || add_term(d, KH_P_TYPE, "statement") ||
		       add_name(d, KH_P_SPEAKER, speaker, 1) ||
		       add_canonical(d, KH_P_NAME, speaker);
		COMMON(d);
		if (content)
			bad |= kh_text_words(content, strlen(content), &d->words, &d->nwords,
			                     &d->wcap);
		json_t *o = json_pack("{s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?}", "type",
		                      "statement", "speaker", speaker, "role", str(s, "role"),
		                      "content", content, "title", title, "url", url, "date", iso,
		                      "jalali", jal);
		d->data = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		bad |= !d->data;
	}
	/* its percentages */
	json_t *p;
	json_array_foreach(json_object_get(r, "percentages"), i, p)
	{
		if (bad || !(d = new_doc(&v, &nd, &cap))) {
			bad = 1;
			break;
		}
		char idt[48];
		snprintf(idt, sizeof idt, "%s%s:p%zu", KH_P_ID, id, i);
		d->id = strdup(idt);
		json_t *subj = json_object_get(p, "subject");
		const char *sc = json_is_object(subj) ? str(subj, "canonical") : NULL;
		const char *ss = json_is_object(subj) ? str(subj, "surface") : NULL;
		int org = json_is_object(subj) && is_org(r, subj);
		bad |= !d->id || add_term(d, KH_P_TYPE, "fact") || add_org(d, sc, ss) ||
		       (org && add_canonical(d, KH_P_ORGNAME, sc));
		COMMON(d);
		d->has_percent = 1;
		d->percent = json_number_value(json_object_get(p, "value"));
		size_t ps = (size_t)json_integer_value(json_object_get(p, "start"));
		size_t pe = (size_t)json_integer_value(json_object_get(p, "end"));
		json_t *sent =
		        ps <= pe && pe <= tlen ? sentence(text, tlen, ps, pe) : json_string("");
		const char *st = json_string_value(sent);
		if (st)
			bad |= kh_text_words(st, strlen(st), &d->words, &d->nwords, &d->wcap);
		json_t *o = json_pack("{s:s, s:s?, s:s?, s:O, s:O, s:s?, s:s?, s:s?, s:s?}", "type",
		                      "fact", "organization", sc ? sc : ss, "surface",
		                      str(p, "surface"), "value", json_object_get(p, "value"),
		                      "sentence", sent, "title", title, "url", url, "date", iso,
		                      "jalali", jal);
		json_decref(sent);
		d->data = o ? json_dumps(o, JSON_COMPACT) : NULL;
		json_decref(o);
		bad |= !d->data;
	}
#undef COMMON
	if (bad) {
		kh_ixdocs_free(v, nd);
		free(*article);
		*article = NULL;
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory preparing index documents");
	}
	*docs = v;
	*n = nd;
	return KH_OK;
}

void kh_ixdocs_free(kh_ixdoc *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(d[i].id);
		free(d[i].data);
		for (size_t k = 0; k < d[i].nterms; k++)
			free(d[i].terms[k]);
		free(d[i].terms);
		for (size_t k = 0; k < d[i].nwords; k++)
			free(d[i].words[k]);
		free(d[i].words);
	}
	free(d);
}
