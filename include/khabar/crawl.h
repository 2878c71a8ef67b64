/* khabar/crawl.h — the crawler: URLs, robots.txt, feeds and sitemaps, fetching one
 * page, and the polite, durable crawl that feeds extraction and the index.
 * How it behaves (politeness, retries, the state database): docs/crawl.md. */
#ifndef KHABAR_CRAWL_H
#define KHABAR_CRAWL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "khabar/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- URLs ---- */

/* Resolves `url` against `base` (NULL: url must be absolute) and canonicalizes it:
 * lower-case scheme and host, no default port, no fragment, dot segments removed,
 * bytes outside ASCII percent-encoded, tracking parameters (utm_*, fbclid, ...) dropped.
 * Only http and https are accepted (KH_ERR_USAGE otherwise). `*out` is malloc'd. */
kh_status kh_url_canonical(const char *url, const char *base, char **out, kh_error *err);

/* Copies the origin of a canonical URL ("https://host" or "http://host:8080") into
 * `out` (size `n`); returns 0, or -1 when it does not fit or the URL is not canonical. */
int kh_url_origin(const char *url, char *out, size_t n);

/* ---- robots.txt (RFC 9309) ---- */

typedef struct kh_robots kh_robots;

/* Parses robots.txt text for the crawler whose product token is `agent` ("khabar"):
 * the groups naming it (else the "*" groups), Crawl-delay and Sitemap lines. Never
 * fails on content; only KH_ERR_NOMEM. Reads at most the first 512 KiB. */
kh_status kh_robots_parse(const char *text, size_t len, const char *agent, kh_robots **out,
                          kh_error *err);
/* 1 when `path` (path and query of a canonical URL, "/a?b") may be fetched: the longest
 * matching rule wins, Allow on a tie; "/robots.txt" is always allowed. */
int kh_robots_allowed(const kh_robots *r, const char *path);
/* The group's Crawl-delay in seconds, or -1 when it sets none. */
double kh_robots_crawl_delay(const kh_robots *r);
/* The Sitemap URLs the file lists (absolute, as written); count in `*n`. */
const char *const *kh_robots_sitemaps(const kh_robots *r, size_t *n);
/* Frees the parsed file; NULL is fine. */
void kh_robots_free(kh_robots *r);

/* ---- feeds and sitemaps ---- */

typedef enum kh_feed_kind {
	KH_FEED_NONE = 0,      /* not a feed (HTML, or XML of another kind) */
	KH_FEED_RSS,           /* RSS 2.0 (or 0.9x / 1.0 RDF) */
	KH_FEED_ATOM,          /* Atom 1.0 */
	KH_FEED_SITEMAP,       /* <urlset>, Google News sitemaps included */
	KH_FEED_SITEMAP_INDEX, /* <sitemapindex> */
	KH_FEED_HTML           /* an HTML page whose <link rel="alternate"> name feeds */
} kh_feed_kind;

typedef struct kh_feed_link {
	char *url;   /* canonical (kh_url_canonical); never NULL */
	int is_feed; /* 1: a feed or sitemap to read in turn; 0: an article page */
	char *date;  /* pubDate / updated / lastmod / publication_date as written, or NULL */
} kh_feed_link;

typedef struct kh_feed {
	kh_feed_kind kind;
	kh_feed_link *links;
	size_t nlinks;
	int ttl_minutes; /* RSS <ttl>, 0 when absent */
	int truncated;   /* 1 when links past the cap (200,000) were dropped */
} kh_feed;

/* Reads the article links of an RSS/Atom feed or the locations of a sitemap (index),
 * relative links resolved against `base_url`. Streams with libxml2 (no network, no
 * entity expansion, no DTD loading). XML that is malformed fails with KH_ERR_PARSE,
 * keeping nothing; XML of another kind gives KIND_NONE and no links. */
kh_status kh_feed_parse(const char *bytes, size_t len, const char *base_url, kh_feed *out,
                        kh_error *err);
/* Finds the feeds an HTML page announces (<link rel="alternate" type="application/
 * rss+xml" or atom+xml>); kind KH_FEED_HTML with is_feed links, or KH_FEED_NONE. */
kh_status kh_feed_discover(const char *html, size_t len, const char *base_url, kh_feed *out,
                           kh_error *err);
/* Frees the links and zeroes `f`. */
void kh_feed_clear(kh_feed *f);

/* ---- fetching ---- */

/* Fetch settings shared by kh_fetch() and the crawler; zero-initialize, then set. */
typedef struct kh_fetch_options {
	const char *contact;           /* a URL or address for site owners, in the User-Agent */
	long connect_timeout_ms;       /* 0 = 10,000 */
	long timeout_ms;               /* the whole transfer; 0 = 60,000 */
	long low_speed_bytes;          /* cut off slower than this many bytes/s ... (0 = 256) */
	long low_speed_secs;           /* ... for this long (0 = 15) */
	size_t max_body;               /* bytes after decompression; 0 = 16 MiB */
	long max_redirects;            /* 0 = 5 */
	int no_follow;                 /* 1: a redirect is not followed; its target comes
	                                  back in `location` (the crawler queues it) */
	const char *if_none_match;     /* an ETag for a conditional GET, or NULL */
	const char *if_modified_since; /* a Last-Modified value, or NULL */
} kh_fetch_options;

typedef struct kh_response {
	long status; /* HTTP status, 0 when no response came */
	char *body;  /* NUL-terminated; `len` bytes */
	size_t len;
	char charset[40];   /* the Content-Type charset, "" when none */
	char *content_type; /* the media type without parameters, or NULL */
	char *final_url;    /* after redirects */
	char *location;     /* with `no_follow`: a 3xx answer's target, absolute, or NULL */
	char *etag;         /* validators for the next conditional GET, or NULL */
	char *last_modified;
	long retry_after; /* seconds from Retry-After, -1 when absent */
	int retryable;    /* 1 when the failure may pass (timeout, reset, 5xx, 429) */
	char error[160];  /* what went wrong, "" on a 2xx/3xx answer */
} kh_response;

/* The User-Agent khabar sends: "khabar/VERSION (+CONTACT)"; static or `buf`. */
const char *kh_user_agent(const char *contact, char *buf, size_t n);

/* Fetches one http(s) URL (redirects followed within http/https, body capped, gzip/br
 * accepted). A transfer that fails or a status other than 2xx/304 gives KH_ERR_IO with
 * `out` still describing what happened. Free `out` with kh_response_clear(). */
kh_status kh_fetch(const char *url, const kh_fetch_options *o, kh_response *out, kh_error *err);
/* Frees what a response owns and zeroes it. */
void kh_response_clear(kh_response *r);

/* ---- the crawl ---- */

typedef struct kh_crawl_options {
	const char *state_path; /* the SQLite state (frontier, validators, hosts); ":memory:" ok */
	const char *index_path; /* the Xapian database pages go to; NULL: fetch and extract only */
	const char *const *seeds; /* feeds, sitemaps, or home pages whose feeds are discovered: */
	size_t nseeds;            /* added to the frontier and made due now */
	kh_fetch_options fetch;
	int per_host;       /* transfers at once to one host; 0 = 2 */
	int max_transfers;  /* transfers at once in all; 0 = 32 */
	double delay;       /* seconds between requests to one host; <0 = 1.0 default */
	int ignore_robots;  /* 1: do not read robots.txt (tests, own sites) */
	int follow;         /* 1: keep polling the feeds until stopped */
	int dry_run;        /* 1: read feeds and sitemaps, list pages instead of fetching */
	double refetch;     /* seconds before a feed is read again; 0 = 600 */
	int max_tries;      /* attempts before a URL fails; 0 = 4 */
	double backoff;     /* first retry wait in seconds, doubling, with jitter; 0 = 2 */
	double max_wait;    /* --once gives up waiting on later retries after; 0 = 300 */
	size_t max_pages;   /* stop after this many pages fetched; 0 = no limit */
	int workers;        /* extraction threads; 0 = the cores, at most 4 */
	int batch;          /* pages an index commit; 0 = 200 */
	FILE *log;          /* one line a fetch (NULL: none) ... */
	int log_json;       /* ... as JSON objects instead of text */
	FILE *progress;     /* a progress line redrawn on this terminal, or NULL */
	FILE *listing;      /* dry run: the pages are listed here (NULL: stdout) */
	volatile int *stop; /* set to 1 (from a signal handler) to finish cleanly */
} kh_crawl_options;

typedef struct kh_crawl_stats {
	size_t requests;     /* HTTP transfers made, robots.txt included */
	size_t pages;        /* article pages fetched */
	size_t indexed;      /* articles added to the index */
	size_t feeds;        /* feeds and sitemaps read */
	size_t discovered;   /* new URLs put in the frontier */
	size_t not_modified; /* 304 answers */
	size_t duplicates;   /* pages whose text an indexed page already had */
	size_t empty;        /* pages without article text */
	size_t retries;      /* failed attempts that will be tried again */
	size_t failed;       /* URLs given up on */
	size_t denied;       /* URLs robots.txt forbids */
	size_t redirects;    /* redirects answered (their targets queued as new URLs) */
	size_t queued;       /* URLs left in the frontier at the end */
	uint64_t bytes;      /* body bytes received */
	double seconds;
} kh_crawl_stats;

/* Adds the seeds, then crawls until the frontier has nothing due (or, with `follow`, until *stop):
 * robots.txt first for each host, feeds and sitemaps read, pages fetched, extracted and indexed in
 * batches; the state is committed after each index commit, so a killed run loses nothing
 * and indexes nothing twice when restarted. */
kh_status kh_crawl_run(const kh_crawl_options *o, kh_crawl_stats *st, kh_error *err);

#ifdef __cplusplus
}
#endif
#endif
