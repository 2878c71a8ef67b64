/* api.c — the JSON API of `khabar serve`: /api/search answers with the very records
 * `khabar search --jsonl` prints (the same kh_query_parse, kh_query_set and index search),
 * /api/stats with `khabar stats`; /api/people and /api/story wait for officials and
 * stories in the index (501). The paths and their errors: docs/serve.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "serve.h"

static const char json_ctype[] = "application/json; charset=utf-8";

static void reply(kh_reply *r, int status, char *body, size_t len)
{
	r->status = status;
	r->body = body;
	r->len = len;
	r->type = json_ctype;
}

void kh_reply_error(kh_reply *r, int status, const char *message)
{
	char msg[512];
	snprintf(msg, sizeof msg, "%s", message && *message ? message : "error");
	kh_utf8_scrub(msg);
	json_t *o = json_pack("{s:s}", "error", msg);
	char *body = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (!body) { /* out of memory: a fixed reply */
		static const char oom[] = "{\"error\":\"out of memory\"}";
		body = malloc(sizeof oom);
		if (body)
			memcpy(body, oom, sizeof oom);
		status = 500;
	}
	reply(r, status, body, body ? strlen(body) : 0);
}

/* The HTTP status of a failed call. */
static int status_of(const kh_error *err)
{
	switch (err->code) {
	case KH_ERR_USAGE: return 400;
	case KH_ERR_IO: return 503; /* the database cannot be read now */
	default: return 500;
	}
}

kh_status kh_api_search(kh_pool *pool, const kh_query *q, char **lines, size_t *count,
                        size_t *total, kh_error *err)
{
	*lines = NULL;
	kh_status rc = KH_ERR_IO;
	for (int attempt = 0; attempt < 2 && rc == KH_ERR_IO; attempt++) {
		if (attempt) /* the writer moved on under the handle, or a shard restarted */
			kh_pool_reset(pool);
		kh_index *ix = kh_pool_get(pool, err);
		rc = ix ? kh_index_search_page(ix, q, lines, count, total, err) : err->code;
	}
	return rc;
}

/* {"total":T,"offset":O,"limit":L,"results":[...]}: the lines as they are, joined. */
static void search(kh_pool *pool, kh_params *ps, kh_reply *r)
{
	kh_error err = {0};
	kh_query q;
	char *storage = NULL, *lines = NULL;
	size_t count = 0, total = 0;
	if (kh_params_query(ps, &q, &storage, &err) ||
	    kh_api_search(pool, &q, &lines, &count, &total, &err)) {
		kh_reply_error(r, status_of(&err), err.message);
		free(storage);
		return;
	}
	size_t n = strlen(lines);
	char head[160];
	int hl = snprintf(head, sizeof head,
	                  "{\"total\":%zu,\"offset\":%zu,\"limit\":%zu,\"results\":[", total,
	                  q.offset, q.limit);
	char *body = malloc((size_t)hl + n + 4);
	if (!body) {
		kh_reply_error(r, 500, "out of memory");
	} else {
		memcpy(body, head, (size_t)hl);
		size_t bl = (size_t)hl;
		for (char *p = lines, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
			if (bl > (size_t)hl)
				body[bl++] = ',';
			memcpy(body + bl, p, (size_t)(nl - p));
			bl += (size_t)(nl - p);
		}
		memcpy(body + bl, "]}\n", 4);
		reply(r, 200, body, bl + 3);
	}
	free(lines);
	free(storage);
}

static void stats(kh_pool *pool, kh_params *ps, kh_reply *r)
{
	static const char *const none[] = {NULL};
	if (kh_params_only(ps, none)) {
		kh_reply_error(r, 400, ps->error);
		return;
	}
	kh_error err = {0};
	char *json = NULL;
	kh_status rc = KH_ERR_IO;
	for (int attempt = 0; attempt < 2 && rc == KH_ERR_IO; attempt++) {
		if (attempt)
			kh_pool_reset(pool);
		kh_index *ix = kh_pool_get(pool, &err);
		rc = ix ? kh_index_stats(ix, 20, &json, &err) : err.code;
	}
	if (rc) {
		kh_reply_error(r, status_of(&err), err.message);
		return;
	}
	size_t n = strlen(json);
	char *body = realloc(json, n + 2);
	if (!body) {
		free(json);
		kh_reply_error(r, 500, "out of memory");
		return;
	}
	memcpy(body + n, "\n", 2);
	reply(r, 200, body, n + 1);
}

/* /api/people?q=NAME&limit=N: the officials whose names match, most statements first.
 * Officials are not records of the index yet: the parameters are checked, then 501. */
static void people(kh_pool *pool, kh_params *ps, kh_reply *r)
{
	static const char *const allowed[] = {"q", "limit", NULL};
	size_t limit;
	(void)pool;
	if (kh_params_only(ps, allowed) ||
	    kh_params_count(ps, "limit", 20, 1, KH_SEARCH_LIMIT_MAX, &limit)) {
		kh_reply_error(r, 400, ps->error);
		return;
	}
	kh_reply_error(r, 501,
	               "not implemented yet: the index holds no officials (khabar people); "
	               "/api/person?name=... reads a speaker's statements");
}

/* /api/story?id=ID: a story's copies. Stories are not in the index yet: 501. */
static void story(kh_pool *pool, kh_params *ps, kh_reply *r)
{
	static const char *const allowed[] = {"id", NULL};
	const char *id = kh_params_get(ps, "id");
	(void)pool;
	if (kh_params_only(ps, allowed)) {
		kh_reply_error(r, 400, ps->error);
		return;
	}
	if (!id || !*id) {
		kh_reply_error(r, 400, "id: wants a story's id or an article's URL");
		return;
	}
	kh_reply_error(r, 501, "not implemented yet: the index holds no stories (khabar story)");
}

int kh_api(kh_pool *pool, const char *path, kh_params *ps, kh_reply *r)
{
	static const struct {
		const char *path;
		void (*run)(kh_pool *, kh_params *, kh_reply *);
	} routes[] = {{"/api/search", search},
	              {"/api/stats", stats},
	              {"/api/people", people},
	              {"/api/person", kh_api_person},
	              {"/api/story", story}};
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (!strcmp(path, routes[i].path)) {
			if (ps->bad) /* a parameter was refused as it was read */
				kh_reply_error(r, 400, ps->error);
			else
				routes[i].run(pool, ps, r);
			return 0;
		}
	return -1;
}
