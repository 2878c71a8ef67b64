/* record.c — the article record as JSON (khabar.article/1). */
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

char *kh_article_to_json(const kh_article *a, int flags, kh_error *err)
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
	}
	put(o, "source", src, &bad);
	put(o, "text", json_stringn(a->text ? a->text : "", a->text ? a->text_len : 0), &bad);
	static const char *const arrays[] = {"entities", "percentages", "dates",
	                                     "people",   "statements",  NULL};
	for (int i = 0; arrays[i]; i++)
		put(o, arrays[i], json_array(), &bad);
	char *s = NULL;
	if (!bad) {
		size_t f = (flags & KH_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
		s = json_dumps(o, f | JSON_PRESERVE_ORDER);
	}
	json_decref(o);
	if (!s)
		kh_error_set(err, KH_ERR_NOMEM, "out of memory writing JSON");
	return s;
}
