/* crawlint.h — what the crawler's files share. Internal. */
#ifndef KH_CRAWLINT_H
#define KH_CRAWLINT_H

#include <stddef.h>

#include "base/buf.h"

/* Appends `s` percent-encoded as URLs are in the frontier: bytes outside printable
 * ASCII and " < > \ ^ ` { | } become %XX, escapes get upper-case hex (url.c). */
void kh_url_encode(kh_buf *b, const char *s, size_t n);

#include <curl/curl.h>

#include "khabar/crawl.h"

/* One HTTP transfer: an easy handle set up with khabar's fetch rules and the body,
 * validators and errors it collects (fetch.c). Used by kh_fetch() and the crawler. */
typedef struct kh_transfer {
	CURL *h;
	kh_buf body;
	size_t max_body;
	int too_big, bomb;
	struct curl_slist *headers;
	char *etag, *last_modified;
	char errbuf[CURL_ERROR_SIZE];
	double started;
	void *job; /* the crawler's */
} kh_transfer;

/* Creates the easy handle for `url` with the options' limits and validators and the
 * User-Agent `ua`. Returns 0, or -1 when out of memory (`t` then cleaned). */
int kh_transfer_init(kh_transfer *t, const char *url, const kh_fetch_options *o, const char *ua);
/* Describes the finished transfer (libcurl's result `code`) in `r`, taking the body. */
void kh_transfer_result(kh_transfer *t, CURLcode code, kh_response *r);
/* Frees the handle and whatever the transfer still owns. */
void kh_transfer_free(kh_transfer *t);
/* Seconds since the epoch, as a double (CLOCK_REALTIME). */
double kh_now(void);
/* Makes libcurl's global state once (curl_global_init), thread-safe. */
void kh_curl_global(void);

/* ---- the frontier: durable crawl state in SQLite (frontier.c) ---- */

enum { KH_PAGE = 0, KH_FEED = 1, KH_SEED = 2 }; /* what a URL is */
enum {                                          /* where a URL is */
       KH_QUEUED = 0,                           /* waiting, due at next_at */
       KH_INFLIGHT = 1,  /* being fetched or indexed (queued again on restart) */
       KH_DONE = 2,      /* indexed (page) or read (feed: read again at next_at) */
       KH_FAILED = 3,    /* given up: error says why */
       KH_DENIED = 4,    /* robots.txt forbids it */
       KH_DUPLICATE = 5, /* its text is already indexed under another URL */
       KH_EMPTY = 6,     /* fetched, but no article text */
       KH_REDIRECTED = 7 /* answered with a redirect: error names the target */
};

typedef struct kh_frontier kh_frontier;

typedef struct kh_url_row {
	long long id;
	char *url, *etag, *last_modified;
	int kind, tries;
	int hops; /* redirects that led to it */
} kh_url_row;

/* Opens (creating) the state at `path` in WAL mode; rows left in flight by a killed
 * run are queued again. */
kh_status kh_frontier_open(const char *path, kh_frontier **out, kh_error *err);
void kh_frontier_close(kh_frontier *f);
/* Groups the writes that follow into one transaction. */
int kh_frontier_begin(kh_frontier *f);
int kh_frontier_commit(kh_frontier *f);
/* Adds a URL (canonical) of `kind` due at `due`; returns 1 when new, 0 when known
 * (a known one is made due again when `requeue`), -1 on error. */
int kh_frontier_add(kh_frontier *f, const char *url, const char *origin, int kind, double due,
                    int requeue);
/* Adds the target of a redirect, `hops` redirects from where the crawl found it;
 * returns 1 when new, 0 when already known, -1 on error. */
int kh_frontier_add_redirect(kh_frontier *f, const char *url, const char *origin, int kind,
                             double due, int hops);
/* Takes up to `max` queued URLs of `origin` due by `now`, marking them in flight. `*n`
 * gets the count; when fewer than `max` were due, `*wake` gets the time the next one
 * falls due (0 when none is queued); otherwise `*wake` is 0 (ask again). */
int kh_frontier_take(kh_frontier *f, const char *origin, double now, kh_url_row *rows, size_t max,
                     size_t *n, double *wake);
void kh_url_row_clear(kh_url_row *r);
/* Records the outcome of a URL. NULL validators and error leave those fields as they are. */
int kh_frontier_set(kh_frontier *f, long long id, int state, double next_at, int tries, long status,
                    const char *error, const char *etag, const char *last_modified);
/* The URL that indexed text of hash `h`, or 0 when none; `kh_frontier_hash_put` records it. */
long long kh_frontier_hash_get(kh_frontier *f, long long h);
int kh_frontier_hash_put(kh_frontier *f, long long h, long long id);
/* Hosts: the politeness clock and the robots.txt last read, kept across runs. */
int kh_frontier_host_get(kh_frontier *f, const char *origin, double *next_at, char **robots,
                         double *robots_at);
int kh_frontier_host_put(kh_frontier *f, const char *origin, double next_at, const char *robots,
                         double robots_at);
/* Calls `fn` for each origin with queued URLs. */
int kh_frontier_origins(kh_frontier *f, void (*fn)(void *, const char *), void *arg);
/* Feeds and seeds due again by `now` are queued again; the count, or -1. */
int kh_frontier_requeue_feeds(kh_frontier *f, double now);
/* Fails every queued URL of `origin` with `error`; the count, or -1. */
int kh_frontier_fail_origin(kh_frontier *f, const char *origin, const char *error);
/* Queued URLs in all, and the earliest time one is due (0 when none). */
long long kh_frontier_queued(kh_frontier *f, double *earliest);
/* The message of the last SQLite error. */
const char *kh_frontier_error(kh_frontier *f);

#endif
