/* serve.h — the parts of `khabar serve` (docs/serve.md): the request's parameters
 * (params.c), the databases each server thread reads (pool.c), the JSON API (api.c,
 * person.c), the HTTP side on libmicrohttpd (http.c) and the page's files (web.c).
 * Internal to the command. */
#ifndef KH_SERVE_H
#define KH_SERVE_H

#include <stddef.h>

#include "khabar/error.h"
#include "khabar/index.h"

/* ---- parameters (params.c) ---- */

#define KH_PARAMS_MAX        24   /* parameters in one request */
#define KH_PARAM_VALUE_MAX   2048 /* bytes of one decoded value */
#define KH_SEARCH_LIMIT_MAX  1000 /* results in one answer */
#define KH_SEARCH_OFFSET_MAX 100000

/* The decoded parameters of one request's query string, each checked as it is added:
 * valid UTF-8, no NUL, not too long, not given twice. The first problem is kept in
 * `error` (and `bad` set); later ones are ignored. */
typedef struct kh_params {
	size_t n;
	struct {
		char *key, *value;
	} p[KH_PARAMS_MAX];
	int bad;
	char error[256];
} kh_params;

/* Adds one decoded parameter (copied). Returns 0, or -1 when it is refused (then
 * `bad` and `error` are set) or memory runs out. */
int kh_params_add(kh_params *ps, const char *key, size_t klen, const char *value, size_t vlen);

/* The value of `key`, or NULL. */
const char *kh_params_get(const kh_params *ps, const char *key);

/* Refuses (0 or -1, `error` set) any parameter not in the NULL-terminated `allowed`. */
int kh_params_only(kh_params *ps, const char *const *allowed);

/* A count parameter: absent gives `def`, else ASCII digits from `min` to `max`. 0 or
 * -1 with `error` set. */
int kh_params_count(kh_params *ps, const char *key, size_t def, size_t min, size_t max,
                    size_t *out);

/* The search of /api/search: `q` read by kh_query_parse, then the fields (type, speaker,
 * org, agency, from, to, percent) set by kh_query_set, limit and offset checked. Strings
 * of `*query` point into `*storage` and `ps`. KH_ERR_USAGE with the message in `err`. */
kh_status kh_params_query(kh_params *ps, kh_query *query, char **storage, kh_error *err);

void kh_params_free(kh_params *ps);

/* Replaces, in place, every byte of `s` that is not part of a valid UTF-8 character
 * by «?» (a message cut at a fixed size, a name from a foreign database). */
void kh_utf8_scrub(char *s);

/* ---- the databases (pool.c) ---- */

typedef struct kh_pool kh_pool;

/* Checks that the comma-separated databases open, and keeps their names: each server
 * thread opens its own handle on first use (Xapian handles are not shared between
 * threads) and brings it to the latest generation at most every `reopen_ms`. */
kh_status kh_pool_open(const char *dbs, unsigned reopen_ms, kh_pool **out, kh_error *err);

/* The calling thread's handle, opened or brought up to date as needed; NULL on error. */
kh_index *kh_pool_get(kh_pool *pool, kh_error *err);

/* Drops the calling thread's handle after an error (the next get opens it anew). */
void kh_pool_reset(kh_pool *pool);

/* How many databases the pool reads. */
size_t kh_pool_count(const kh_pool *pool);

/* Closes every thread's handle; call once the server threads have stopped. */
void kh_pool_close(kh_pool *pool);

/* ---- replies (api.c) ---- */

typedef struct kh_reply {
	int status; /* HTTP status */
	char *body; /* malloc'd */
	size_t len;
	const char *type; /* Content-Type */
} kh_reply;

/* Sets a JSON error reply {"error": message} (the message made valid UTF-8). */
void kh_reply_error(kh_reply *r, int status, const char *message);

/* The API endpoints, by path ("/api/search", ...): fills `r`. 0, or -1 for an unknown
 * path (r untouched). */
int kh_api(kh_pool *pool, const char *path, kh_params *ps, kh_reply *r);

/* Runs a search on the thread's handle; a handle the writer left behind is reopened and
 * the search tried once more. */
kh_status kh_api_search(kh_pool *pool, const kh_query *q, char **lines, size_t *count,
                        size_t *total, kh_error *err);

/* /api/person (person.c): one official from the statements credited to the name. */
void kh_api_person(kh_pool *pool, kh_params *ps, kh_reply *r);

/* ---- the page's files (web.c) ---- */

/* The compiled-in file at `path` ("/" is the page), its length and Content-Type; NULL
 * when there is none. */
const char *kh_web_file(const char *path, size_t *len, const char **type);

/* ---- the server (http.c) ---- */

typedef struct kh_server kh_server;

typedef struct kh_server_options {
	const char *host; /* numeric IPv4 or IPv6 address */
	unsigned port;    /* 0: any free port */
	unsigned threads;
	int quiet; /* no request log */
} kh_server_options;

/* Starts serving `pool` in background threads; `*port` gets the port bound. */
kh_status kh_server_start(kh_pool *pool, const kh_server_options *o, kh_server **out,
                          unsigned *port, kh_error *err);

/* Stops accepting, finishes the requests in progress, frees. NULL is fine. */
void kh_server_stop(kh_server *s);

#endif
