/* person.c — /api/person?name=NAME[&from=&to=&limit=]: one official's page, built from
 * the statements the index credits to the name (a speaker search, spelling-insensitive
 * as `khabar search speaker:` is): the statements in date order, the roles they were
 * said in with their first and last dates, the forms of the name, and how many a month.
 * Officials merged across their names (issue 14) replace the speaker search here when
 * the index has them; the reply keeps its shape, and says which it is in "source". */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "serve.h"

static const char *str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* Date order, the undated last, ties in the order the index gave. */
typedef struct item {
	json_t *rec;
	const char *iso;
	size_t i;
} item;

static int by_date(const void *a, const void *b)
{
	const item *x = a, *y = b;
	if (!x->iso != !y->iso)
		return x->iso ? -1 : 1;
	int c = x->iso ? strcmp(x->iso, y->iso) : 0;
	return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

/* Counts `key` in `counts` (an object of integers). */
static int bump(json_t *counts, const char *key)
{
	json_t *n = json_object_get(counts, key);
	return n ? json_integer_set(n, json_integer_value(n) + 1)
	         : json_object_set_new(counts, key, json_integer(1));
}

/* {"k": n, ...} as [{"<name>": k, "statements": n}, ...], most first (or by key). */
static json_t *count_list(json_t *counts, const char *name, int by_key)
{
	json_t *a = json_array();
	const char *k;
	json_t *v;
	json_object_foreach(counts, k, v)
	{
		size_t i = 0, n = json_array_size(a);
		json_int_t c = json_integer_value(v);
		while (i < n) {
			json_t *e = json_array_get(a, i);
			json_int_t ec = json_integer_value(json_object_get(e, "statements"));
			if (by_key ? strcmp(k, str(e, name)) < 0 : c > ec)
				break;
			i++;
		}
		json_array_insert_new(a, i, json_pack("{s:s, s:I}", name, k, "statements", c));
	}
	return a;
}

/* The person's reply from the statements, sorted. */
static json_t *person(const char *asked, item *it, size_t n, size_t total)
{
	json_t *names = json_object(), *months = json_object(), *roles = json_object();
	json_t *urls = json_object(), *results = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *s = it[i].rec;
		const char *sp = str(s, "speaker"), *role = str(s, "role");
		const char *jal = str(s, "jalali"), *url = str(s, "url");
		json_array_append(results, s);
		if (sp)
			bump(names, sp);
		if (url)
			json_object_set_new(urls, url, json_true());
		if (jal && strlen(jal) >= 7) {
			char month[8];
			memcpy(month, jal, 7);
			month[7] = '\0';
			bump(months, month);
		}
		if (!role || !*role)
			continue;
		json_t *r = json_object_get(roles, role);
		if (!r) { /* sorted by date: the first seen is the first */
			r = json_pack("{s:s, s:s?, s:s?, s:n, s:n, s:I}", "role", role, "first",
			              jal, "first_iso", it[i].iso, "last", "last_iso", "statements",
			              (json_int_t)0);
			json_object_set_new(roles, role, r);
		}
		json_object_set_new(r, "last", jal ? json_string(jal) : json_null());
		json_object_set_new(r, "last_iso",
		                    it[i].iso ? json_string(it[i].iso) : json_null());
		json_object_set_new(
		        r, "statements",
		        json_integer(json_integer_value(json_object_get(r, "statements")) + 1));
	}
	json_t *aliases = count_list(names, "name", 0);
	json_t *first = json_array_get(aliases, 0);
	/* roles in the order they were first held */
	json_t *role_list = json_array();
	const char *k;
	json_t *v;
	json_object_foreach(roles, k, v)
	{
		size_t i = 0, m = json_array_size(role_list);
		const char *f = str(v, "first_iso");
		if (!f) /* undated: last */
			i = m;
		while (i < m && f && str(json_array_get(role_list, i), "first_iso") &&
		       strcmp(str(json_array_get(role_list, i), "first_iso"), f) <= 0)
			i++;
		json_array_insert(role_list, i, v);
	}
	json_t *o = json_pack("{s:s, s:O, s:o, s:I, s:I, s:o, s:o, s:b, s:s}", "name",
	                      first ? str(first, "name") : asked, "aliases", aliases, "roles",
	                      role_list, "statements", (json_int_t)total, "articles",
	                      (json_int_t)json_object_size(urls), "timeline",
	                      count_list(months, "month", 1), "results", results, "truncated",
	                      total > n, "source", "speaker");
	json_decref(aliases);
	json_decref(names);
	json_decref(months);
	json_decref(roles);
	json_decref(urls);
	return o;
}

void kh_api_person(kh_pool *pool, kh_params *ps, kh_reply *r)
{
	static const char *const allowed[] = {"name", "from", "to", "limit", NULL};
	size_t limit;
	if (kh_params_only(ps, allowed) ||
	    kh_params_count(ps, "limit", KH_SEARCH_LIMIT_MAX, 1, KH_SEARCH_LIMIT_MAX, &limit)) {
		kh_reply_error(r, 400, ps->error);
		return;
	}
	kh_error err = {0};
	kh_query q;
	memset(&q, 0, sizeof q);
	q.type = KH_DOC_STATEMENT;
	q.limit = limit;
	/* the values are cut in place by kh_query_set: the params' own copies */
	static const char *const fields[] = {"from", "to", NULL};
	char *name = NULL;
	for (size_t i = 0; i < ps->n; i++)
		if (!strcmp(ps->p[i].key, "name"))
			name = ps->p[i].value;
	if (!name || !*name) {
		kh_reply_error(r, 400, "name: wants an official's name");
		return;
	}
	kh_status rc = kh_query_set(&q, "speaker", name, &err);
	for (size_t f = 0; !rc && fields[f]; f++)
		for (size_t i = 0; !rc && i < ps->n; i++)
			if (!strcmp(ps->p[i].key, fields[f]))
				rc = kh_query_set(&q, fields[f], ps->p[i].value, &err);
	char *lines = NULL;
	size_t count = 0, total = 0;
	if (rc || kh_api_search(pool, &q, &lines, &count, &total, &err)) {
		kh_reply_error(r,
		               err.code == KH_ERR_USAGE ? 400
		               : err.code == KH_ERR_IO  ? 503
		                                        : 500,
		               err.message);
		return;
	}
	item *it = calloc(count ? count : 1, sizeof *it);
	size_t n = 0;
	for (char *p = lines, *nl; it && (nl = strchr(p, '\n')); p = nl + 1) {
		json_t *s = json_loadb(p, (size_t)(nl - p), 0, NULL);
		if (!s || n == count) {
			json_decref(s);
			continue;
		}
		it[n] = (item){s, str(s, "date"), n};
		n++;
	}
	free(lines);
	if (it)
		qsort(it, n, sizeof *it, by_date);
	json_t *o = it ? person(name, it, n, total) : NULL;
	for (size_t i = 0; i < n; i++)
		json_decref(it[i].rec);
	free(it);
	char *body = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(o);
	if (!body) {
		kh_reply_error(r, 500, "out of memory");
		return;
	}
	r->status = 200;
	r->body = body;
	r->len = strlen(body);
	r->type = "application/json; charset=utf-8";
}
