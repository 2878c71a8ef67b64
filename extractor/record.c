/* record.c — the article record as JSON (khabar.article/1). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "khabar/article.h"

static json_t *str_or_null(const char *s)
{
	return s ? json_stringn(s, strlen(s)) : json_null();
}

/* json_object_set_new that remembers a failure. */
static void put(json_t *o, const char *k, json_t *v, int *bad)
{
	if (!v || json_object_set_new(o, k, v))
		*bad = 1;
}

/* A JSON number: an integer when the value is whole. */
static json_t *number(double v)
{
	if (v == (double)(json_int_t)v && v > -1e15 && v < 1e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *span_text(const kh_article *a, size_t start, size_t end)
{
	if (end > a->text_len || start > end)
		return json_null();
	return json_stringn(a->text + start, end - start);
}

/* A new object with the span fields "start", "end", "surface" of text[start..end). */
static json_t *span_object(const kh_article *a, size_t start, size_t end, int *bad)
{
	json_t *o = json_object();
	if (!o) {
		*bad = 1;
		return NULL;
	}
	put(o, "start", json_integer((json_int_t)start), bad);
	put(o, "end", json_integer((json_int_t)end), bad);
	put(o, "surface", span_text(a, start, end), bad);
	return o;
}

/* Appends the entity {type, start, end, surface, canonical} to `ents`. */
static void add_entity(const kh_article *a, json_t *ents, const char *type, size_t start,
                       size_t end, json_t *canonical, int *bad)
{
	json_t *e = json_object();
	if (!e) {
		json_decref(canonical);
		*bad = 1;
		return;
	}
	put(e, "type", json_string(type), bad); /* the spec's field order */
	put(e, "start", json_integer((json_int_t)start), bad);
	put(e, "end", json_integer((json_int_t)end), bad);
	put(e, "surface", span_text(a, start, end), bad);
	put(e, "canonical", canonical, bad);
	if (json_array_append_new(ents, e))
		*bad = 1;
}

/* One entry of `percentages`, and its PERCENT entity. */
static void add_percentage(const kh_article *a, const kh_percentage *p, json_t *ents, json_t *pcts,
                           int *bad)
{
	json_t *o = span_object(a, p->start, p->end, bad);
	if (!o)
		return;
	put(o, "value", number(p->value), bad);
	if (p->value_max != p->value)
		put(o, "value_max", number(p->value_max), bad);
	if (p->nvalues > 1) {
		json_t *vs = json_array();
		for (int k = 0; vs && k < p->nvalues; k++)
			if (json_array_append_new(vs, number(p->values[k])))
				*bad = 1;
		put(o, "values", vs, bad);
	}
	put(o, "approx", json_boolean(p->approx), bad);
	if (p->has_subject) {
		json_t *sj = span_object(a, p->subject_start, p->subject_end, bad);
		if (sj)
			put(sj, "canonical", str_or_null(p->subject_canonical), bad);
		put(o, "subject", sj, bad);
	} else {
		put(o, "subject", json_null(), bad);
	}
	if (json_array_append_new(pcts, o))
		*bad = 1;
	char canon[64];
	if (p->value_max != p->value)
		snprintf(canon, sizeof canon, "%g-%g%%", p->value, p->value_max);
	else
		snprintf(canon, sizeof canon, "%g%%", p->value);
	add_entity(a, ents, "PERCENT", p->start, p->end, json_string(canon), bad);
}

/* One entry of `dates`, and its DATE entity. */
static void add_date(const kh_article *a, const kh_date_mention *d, json_t *ents, json_t *dates,
                     int *bad)
{
	char jal[11], iso[11];
	kh_ymd_format(d->jalali, jal);
	kh_ymd_format(d->gregorian, iso);
	if (d->is_time) { /* a time of day: an entity, not one of the dates */
		add_entity(a, ents, "TIME", d->start, d->end,
		           d->resolved ? json_string(jal) : json_null(), bad);
		return;
	}
	json_t *o = span_object(a, d->start, d->end, bad);
	if (!o)
		return;
	const char *prec = kh_precision_name(d->precision);
	put(o, "jalali", d->resolved ? json_string(jal) : json_null(), bad);
	put(o, "iso", d->resolved ? json_string(iso) : json_null(), bad);
	put(o, "precision", prec ? json_string(prec) : json_null(), bad);
	if (json_array_append_new(dates, o))
		*bad = 1;
	add_entity(a, ents, "DATE", d->start, d->end, d->resolved ? json_string(jal) : json_null(),
	           bad);
}

static json_t *people_json(const kh_article *a, int *bad)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < a->facts.npeople; i++) {
		const kh_person *p = &a->facts.people[i];
		json_t *o = json_object(), *ms = json_array();
		if (!o || !ms) {
			json_decref(o);
			json_decref(ms);
			*bad = 1;
			break;
		}
		put(o, "name", str_or_null(p->name), bad);
		put(o, "role", str_or_null(p->role), bad);
		put(o, "organization", str_or_null(p->organization), bad);
		for (size_t m = 0; m < p->nmentions; m++) {
			json_t *mo = json_object();
			if (mo) {
				put(mo, "start", json_integer((json_int_t)p->mentions[m].start),
				    bad);
				put(mo, "end", json_integer((json_int_t)p->mentions[m].end), bad);
			}
			if (!mo || json_array_append_new(ms, mo))
				*bad = 1;
		}
		put(o, "mentions", ms, bad);
		if (json_array_append_new(arr, o))
			*bad = 1;
	}
	return arr;
}

static json_t *statements_json(const kh_article *a, int *bad)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < a->facts.nstatements; i++) {
		const kh_statement *s = &a->facts.statements[i];
		json_t *o = json_object();
		if (!o) {
			*bad = 1;
			break;
		}
		put(o, "speaker", str_or_null(s->speaker), bad);
		put(o, "role", str_or_null(s->role), bad);
		put(o, "cue", str_or_null(s->cue), bad);
		put(o, "start", json_integer((json_int_t)s->start), bad);
		put(o, "end", json_integer((json_int_t)s->end), bad);
		put(o, "content", span_text(a, s->start, s->end), bad);
		if (json_array_append_new(arr, o))
			*bad = 1;
	}
	return arr;
}

void *kh_article_to_jansson(const kh_article *a, kh_error *err)
{
	int bad = 0;
	json_t *o = json_object();
	if (!o) {
		kh_error_set(err, KH_ERR_NOMEM, "out of memory building JSON");
		return NULL;
	}
	put(o, "schema", json_string("khabar.article/1"), &bad);
	put(o, "url", str_or_null(a->url), &bad);
	put(o, "title", str_or_null(a->title), &bad);
	if (a->published) {
		json_t *p = json_object();
		if (p) {
			put(p, "iso", json_string(a->published->iso), &bad);
			put(p, "jalali", json_string(a->published->jalali), &bad);
			put(p, "raw", str_or_null(a->published->raw), &bad);
		}
		put(o, "published", p, &bad);
	} else {
		put(o, "published", json_null(), &bad);
	}
	json_t *src = json_object();
	if (src) {
		put(src, "site", str_or_null(a->site), &bad);
		put(src, "agency", str_or_null(a->agency), &bad);
		put(src, "via", str_or_null(a->via), &bad);
		json_t *more = json_array();
		for (size_t i = 0; more && i < a->nagencies; i++)
			if (json_array_append_new(more, json_string(a->agencies[i])))
				bad = 1;
		put(src, "agencies", more, &bad);
	}
	put(o, "source", src, &bad);
	put(o, "text", json_stringn(a->text ? a->text : "", a->text ? a->text_len : 0), &bad);
	json_t *ents = json_array(), *pcts = json_array(), *dates = json_array();
	/* entities in text order: percentages, dates and the facts' entities merged */
	const kh_facts *fx = &a->facts;
	size_t pi = 0, di = 0, ei = 0;
	while (ents && pcts && dates && !bad &&
	       (pi < a->npercentages || di < a->ndates || ei < fx->nentities)) {
		size_t ps = pi < a->npercentages ? a->percentages[pi].start : SIZE_MAX;
		size_t ds = di < a->ndates ? a->dates[di].start : SIZE_MAX;
		size_t es = ei < fx->nentities ? fx->entities[ei].start : SIZE_MAX;
		if (ps <= ds && ps <= es) {
			add_percentage(a, &a->percentages[pi++], ents, pcts, &bad);
		} else if (ds <= es) {
			add_date(a, &a->dates[di++], ents, dates, &bad);
		} else {
			const kh_entity *e = &fx->entities[ei++];
			add_entity(a, ents,
			           e->type == KH_ENT_ORG     ? "ORG"
			           : e->type == KH_ENT_PER   ? "PER"
			           : e->type == KH_ENT_MONEY ? "MONEY"
			                                     : "LOC",
			           e->start, e->end, str_or_null(e->canonical), &bad);
		}
	}
	put(o, "entities", ents, &bad);
	put(o, "percentages", pcts, &bad);
	put(o, "dates", dates, &bad);
	put(o, "people", people_json(a, &bad), &bad);
	put(o, "statements", statements_json(a, &bad), &bad);
	if (bad) {
		json_decref(o);
		kh_error_set(err, KH_ERR_NOMEM, "out of memory building JSON");
		return NULL;
	}
	return o;
}

char *kh_article_to_json(const kh_article *a, int flags, kh_error *err)
{
	json_t *o = kh_article_to_jansson(a, err);
	if (!o)
		return NULL;
	size_t f = (flags & KH_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
	char *s = json_dumps(o, f | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!s)
		kh_error_set(err, KH_ERR_NOMEM, "out of memory writing JSON");
	return s;
}
