/* crawl.c — the crawl loop: one thread drives libcurl's multi interface and the state
 * database, extraction threads turn fetched pages into index documents, and the loop
 * writes them to the index in batches, committing the state only after the index. */
#define _GNU_SOURCE /* memmem */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "crawlint.h"
#include "khabar/article.h"
#include "khabar/index.h"

typedef struct host {
	char *origin;
	double next_at;      /* politeness: no request starts before */
	double wake;         /* its next queued URL falls due then; 0 = ask the state */
	double robots_retry; /* robots.txt unreachable: try again then */
	int inflight, robots_state, robots_tries, idle;
	kh_robots *robots; /* NULL: everything allowed */
	double delay;
} host;

enum { ROBOTS_UNKNOWN, ROBOTS_FETCHING, ROBOTS_READY };

typedef struct job {
	kh_transfer t;
	size_t host;
	int robots, slot;
	kh_url_row row;
	kh_response resp;
	/* filled by an extraction thread */
	kh_prepared *doc;
	unsigned long long hash;
	int state; /* the URL's state once the batch commits */
	char why[160];
	struct job *next;
} job;

typedef struct crawl {
	const kh_crawl_options *o;
	kh_crawl_stats *st;
	kh_frontier *fr;
	kh_index *ix;
	CURLM *multi;
	host *hosts;
	size_t nhosts, caphosts;
	size_t *slots, nslots; /* hosts by origin: open addressing, index + 1, 0 = free */
	char uabuf[256];
	const char *ua;
	int inflight, stopping, per_host, max_transfers, max_tries;
	job **live; /* the transfers in flight, max_transfers slots */
	double delay, refetch, backoff, max_wait;
	size_t dispatched;
	unsigned seed;
	/* extraction threads */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	job *todo, *todo_tail, *done, *done_tail;
	size_t ntodo;
	int busy, quit, nthreads;
	pthread_t threads[8];
	/* pages written to the index but not yet committed */
	job **pending;
	size_t npending, cappending;
	size_t batch;
	double last_commit, last_progress, started;
	long long queued_shown;
	kh_status fatal;
	kh_error *err;
} crawl;

/* ---- logging ---- */

static void log_event(crawl *c, const char *event, const char *url, long status, size_t bytes,
                      double ms, const char *detail)
{
	FILE *f = c->o->log;
	if (!f)
		return;
	if (c->o->log_json) {
		json_t *j = json_pack("{s:s, s:s}", "event", event, "url", url ? url : "");
		if (!j)
			return;
		if (status)
			json_object_set_new(j, "status", json_integer(status));
		if (bytes)
			json_object_set_new(j, "bytes", json_integer((json_int_t)bytes));
		if (ms > 0)
			json_object_set_new(j, "ms", json_integer((json_int_t)(ms + 0.5)));
		if (detail && *detail)
			json_object_set_new(j, "detail", json_string(detail));
		char *s = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII);
		if (s)
			fprintf(f, "%s\n", s);
		free(s);
		json_decref(j);
	} else {
		fprintf(f, "%-12s %3ld %8zu %6.0fms %s%s%s\n", event, status, bytes, ms,
		        url ? url : "", detail && *detail ? "  " : "", detail ? detail : "");
	}
}

static void progress(crawl *c, int final)
{
	FILE *f = c->o->progress;
	double now = kh_now();
	if (!f || (!final && now - c->last_progress < 0.5))
		return;
	if (now - c->last_progress >= 2 || final) {
		double e;
		c->queued_shown = kh_frontier_queued(c->fr, &e);
	}
	c->last_progress = now;
	double secs = now - c->started;
	fprintf(f,
	        "\rcrawl: %zu pages (%.1f/s), %zu indexed, %zu feeds, %lld queued, %zu errors   ",
	        c->st->pages, secs > 0 ? c->st->pages / secs : 0.0, c->st->indexed, c->st->feeds,
	        c->queued_shown, c->st->failed);
	if (final)
		fputc('\n', f);
	fflush(f);
}

/* ---- hosts ---- */

static void host_robots(crawl *c, host *h, const char *text)
{
	kh_robots_free(h->robots);
	h->robots = NULL;
	if (text && kh_robots_parse(text, strlen(text), "khabar", &h->robots, NULL) != KH_OK)
		h->robots = NULL;
	h->robots_state = ROBOTS_READY;
	double d = kh_robots_crawl_delay(h->robots);
	h->delay = c->delay;
	if (d > h->delay)
		h->delay = d < 30 ? d : 30;
}

static size_t origin_hash(const char *s)
{
	size_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* Puts host i in the table of slots, doubling it past half full. -1 out of memory. */
static int host_slot(crawl *c, size_t i)
{
	if (2 * (c->nhosts + 1) > c->nslots) {
		size_t n = c->nslots ? c->nslots * 2 : 64;
		size_t *g = calloc(n, sizeof *g);
		if (!g)
			return -1;
		free(c->slots);
		c->slots = g, c->nslots = n;
		for (size_t k = 0; k < c->nhosts; k++)
			if (k != i && host_slot(c, k))
				return -1;
	}
	size_t at = origin_hash(c->hosts[i].origin) & (c->nslots - 1);
	while (c->slots[at])
		at = (at + 1) & (c->nslots - 1);
	c->slots[at] = i + 1;
	return 0;
}

/* The host of `origin`, added (with its state from earlier runs) when new; SIZE_MAX
 * when out of memory. A table of slots finds it: crawls of thousands of hosts stay fast. */
static size_t host_find(crawl *c, const char *origin)
{
	for (size_t at = c->nslots ? origin_hash(origin) & (c->nslots - 1) : 0;
	     c->nslots && c->slots[at]; at = (at + 1) & (c->nslots - 1))
		if (!strcmp(c->hosts[c->slots[at] - 1].origin, origin))
			return c->slots[at] - 1;
	host *nh = kh_grow(c->hosts, &c->caphosts, c->nhosts, sizeof *c->hosts);
	if (!nh)
		return SIZE_MAX;
	c->hosts = nh;
	host *h = &c->hosts[c->nhosts];
	memset(h, 0, sizeof *h);
	if (!(h->origin = strdup(origin)))
		return SIZE_MAX;
	if (host_slot(c, c->nhosts)) {
		free(h->origin);
		return SIZE_MAX;
	}
	h->delay = c->delay;
	char *robots = NULL;
	double robots_at = 0;
	kh_frontier_host_get(c->fr, origin, &h->next_at, &robots, &robots_at);
	if (h->next_at > kh_now() + 3600)
		h->next_at = 0; /* a clock from another machine or a bad value */
	if (c->o->ignore_robots)
		h->robots_state = ROBOTS_READY;
	else if (robots && robots_at > kh_now() - 86400)
		host_robots(c, h, robots);
	free(robots);
	return c->nhosts++;
}

static void wake_origin(void *arg, const char *origin)
{
	crawl *c = arg;
	size_t i = host_find(c, origin);
	if (i != SIZE_MAX) {
		c->hosts[i].idle = 0;
		c->hosts[i].wake = 0;
	}
}

/* Puts a URL in the frontier; counts it when new. -1 on a state error. */
static int add_url(crawl *c, const char *url, int kind, double due, int requeue)
{
	char origin[512];
	if (kh_url_origin(url, origin, sizeof origin))
		return 0;
	int r = kh_frontier_add(c->fr, url, origin, kind, due, requeue);
	if (r < 0)
		return -1;
	if (r > 0)
		c->st->discovered++;
	if (r > 0 || requeue)
		wake_origin(c, origin);
	return 0;
}

/* ---- extraction threads ---- */

static unsigned long long fnv64(const char *s, size_t n)
{
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void extract_job(crawl *c, job *j)
{
	kh_extract_options eo = {.url = j->row.url,
	                         .http_charset = j->resp.charset[0] ? j->resp.charset : NULL};
	kh_article *a = NULL;
	kh_error e = {0};
	j->state = KH_EMPTY;
	if (kh_extract_html(j->resp.body, j->resp.len, &eo, &a, &e) != KH_OK) {
		snprintf(j->why, sizeof j->why, "%.150s", e.message);
	} else if (a->text_len == 0) {
		snprintf(j->why, sizeof j->why, "no article text");
	} else {
		j->hash = fnv64(a->text, a->text_len);
		j->state = KH_DONE;
		if (c->ix && kh_index_prepare_article(a, &j->doc, &e) != KH_OK) {
			j->state = KH_FAILED;
			snprintf(j->why, sizeof j->why, "%.150s", e.message);
		}
	}
	kh_article_free(a);
	free(j->resp.body);
	j->resp.body = NULL;
}

/* Appends `j` to the list from *head to *tail (the caller holds the lock). */
static void append(job **head, job **tail, job *j)
{
	j->next = NULL;
	if (*tail)
		(*tail)->next = j;
	else
		*head = j;
	*tail = j;
}

static void *worker(void *arg)
{
	crawl *c = arg;
	pthread_mutex_lock(&c->mu);
	for (;;) {
		while (!c->todo && !c->quit)
			pthread_cond_wait(&c->cv, &c->mu);
		if (!c->todo)
			break;
		job *j = c->todo;
		c->todo = j->next;
		if (!c->todo)
			c->todo_tail = NULL;
		c->ntodo--;
		c->busy++;
		pthread_mutex_unlock(&c->mu);
		extract_job(c, j);
		pthread_mutex_lock(&c->mu);
		append(&c->done, &c->done_tail, j);
		c->busy--;
		curl_multi_wakeup(c->multi);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

static void job_free(job *j)
{
	if (!j)
		return;
	kh_transfer_free(&j->t);
	kh_response_clear(&j->resp);
	kh_url_row_clear(&j->row);
	kh_prepared_free(j->doc);
	free(j);
}

/* ---- batches: the index first, then the state ---- */

static int fail(crawl *c, kh_status code, const char *fmt, const char *detail)
{
	if (!c->fatal)
		c->fatal = kh_error_set(c->err, code, fmt, detail);
	c->stopping = 1;
	return -1;
}

static int commit_batch(crawl *c)
{
	if (!c->npending)
		return 0;
	kh_error e = {0};
	if (c->ix && kh_index_commit(c->ix, &e) != KH_OK)
		return fail(c, e.code, "%s", e.message);
	if (kh_frontier_begin(c->fr))
		return fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
	for (size_t i = 0; i < c->npending; i++) {
		job *j = c->pending[i];
		if (kh_frontier_set(c->fr, j->row.id, j->state, 0, j->row.tries, j->resp.status,
		                    j->why[0] ? j->why : NULL, j->resp.etag,
		                    j->resp.last_modified) ||
		    (j->state == KH_DONE &&
		     kh_frontier_hash_put(c->fr, (long long)j->hash, j->row.id))) {
			kh_frontier_commit(c->fr);
			return fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
		}
	}
	if (kh_frontier_commit(c->fr))
		return fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
	for (size_t i = 0; i < c->npending; i++) {
		job *j = c->pending[i];
		const char *ev = j->state == KH_DONE        ? (c->ix ? "indexed" : "extracted")
		                 : j->state == KH_DUPLICATE ? "duplicate"
		                 : j->state == KH_EMPTY     ? "empty"
		                                            : "failed";
		if (j->state == KH_DONE)
			c->st->indexed++;
		else if (j->state == KH_DUPLICATE)
			c->st->duplicates++;
		else if (j->state == KH_EMPTY)
			c->st->empty++;
		else
			c->st->failed++;
		log_event(c, ev, j->row.url, 0, 0, 0, j->why);
		job_free(j);
	}
	c->npending = 0;
	c->last_commit = kh_now();
	return 0;
}

/* A page back from extraction: into the index unless its text is known. */
static int take_extracted(crawl *c, job *j)
{
	if (j->state == KH_DONE) {
		long long other = kh_frontier_hash_get(c->fr, (long long)j->hash);
		for (size_t i = 0; !other && i < c->npending; i++)
			if (c->pending[i]->state == KH_DONE && c->pending[i]->hash == j->hash)
				other = c->pending[i]->row.id;
		if (other && other != j->row.id) {
			j->state = KH_DUPLICATE;
			snprintf(j->why, sizeof j->why, "same text as URL #%lld", other);
		} else if (c->ix) {
			kh_error e = {0};
			kh_prepared *doc = j->doc;
			j->doc = NULL; /* the index frees it, added or not */
			if (kh_index_add_prepared(c->ix, doc, &e) != KH_OK) {
				job_free(j);
				return fail(c, e.code, "%s", e.message);
			}
		}
	}
	kh_prepared_free(j->doc);
	j->doc = NULL;
	job **np = kh_grow(c->pending, &c->cappending, c->npending, sizeof *c->pending);
	if (!np) {
		job_free(j);
		return fail(c, KH_ERR_NOMEM, "%s", "out of memory");
	}
	c->pending = np;
	c->pending[c->npending++] = j;
	if (c->npending >= c->batch || kh_now() - c->last_commit > 2)
		return commit_batch(c);
	return 0;
}

static int drain_done(crawl *c)
{
	pthread_mutex_lock(&c->mu);
	job *list = c->done;
	c->done = c->done_tail = NULL;
	pthread_mutex_unlock(&c->mu);
	int rc = 0;
	while (list) {
		job *j = list;
		list = j->next;
		if (rc == 0)
			rc = take_extracted(c, j);
		else
			job_free(j);
	}
	return rc;
}

/* ---- transfers ---- */

static int start(crawl *c, size_t hi, job *j, const char *url, const kh_fetch_options *fo)
{
	j->host = hi;
	j->t.job = j;
	if (kh_transfer_init(&j->t, url, fo, c->ua) || curl_multi_add_handle(c->multi, j->t.h)) {
		job_free(j);
		return fail(c, KH_ERR_NOMEM, "%s", "cannot start a transfer");
	}
	for (j->slot = 0; c->live[j->slot]; j->slot++)
		;
	c->live[j->slot] = j;
	c->inflight++;
	c->hosts[hi].inflight++;
	return 0;
}

static int start_robots(crawl *c, size_t hi)
{
	host *h = &c->hosts[hi];
	job *j = calloc(1, sizeof *j);
	char url[600];
	if (!j)
		return fail(c, KH_ERR_NOMEM, "%s", "out of memory");
	snprintf(url, sizeof url, "%s/robots.txt", h->origin);
	j->robots = 1;
	j->row.url = strdup(url);
	h->robots_state = ROBOTS_FETCHING;
	return start(c, hi, j, url, &c->o->fetch);
}

static double jitter(crawl *c)
{
	return 0.75 + 0.5 * (rand_r(&c->seed) / (double)RAND_MAX);
}

static void finish_robots(crawl *c, job *j)
{
	host *h = &c->hosts[j->host];
	kh_response *r = &j->resp;
	double now = kh_now();
	if (!r->error[0] && r->status >= 200 && r->status < 300) {
		host_robots(c, h, r->body ? r->body : "");
		kh_frontier_host_put(c->fr, h->origin, h->next_at, r->body ? r->body : "", now);
		size_t n = 0;
		const char *const *maps = kh_robots_sitemaps(h->robots, &n);
		for (size_t i = 0; i < n && i < 100; i++) {
			char *u = NULL;
			if (kh_url_canonical(maps[i], NULL, &u, NULL) == KH_OK)
				add_url(c, u, KH_FEED, now, 0);
			free(u);
		}
		log_event(c, "robots", j->row.url, r->status, r->len, (now - j->t.started) * 1000,
		          NULL);
	} else if (!r->error[0] || (r->status >= 400 && r->status < 500 && r->status != 429)) {
		/* RFC 9309 2.3.1.3: an unavailable robots.txt (4xx) allows everything */
		host_robots(c, h, NULL);
		kh_frontier_host_put(c->fr, h->origin, h->next_at, "", now);
		log_event(c, "robots", j->row.url, r->status, 0, 0, "unavailable: all allowed");
	} else {
		/* unreachable (5xx, 429, network): nothing is fetched from the host until it
		 * answers (RFC 9309 2.3.1.4); the host's URLs wait */
		h->robots_state = ROBOTS_UNKNOWN;
		if (++h->robots_tries < c->max_tries) {
			double wait = c->backoff * pow(2, h->robots_tries - 1) * jitter(c);
			if (r->retry_after > wait)
				wait = (double)r->retry_after < 3600 ? (double)r->retry_after
				                                     : 3600;
			h->robots_retry = now + wait;
			c->st->retries++;
			log_event(c, "robots-wait", j->row.url, r->status, 0, 0, r->error);
			return;
		}
		/* given up for this run: the host's URLs fail with the reason (seeds are
		 * queued again by the next run) */
		char why[200];
		snprintf(why, sizeof why, "robots.txt unreachable: %.160s", r->error);
		int n = kh_frontier_fail_origin(c->fr, h->origin, why);
		c->st->failed += n > 0 ? (size_t)n : 0;
		h->idle = 1;
		h->robots_tries = 0;
		log_event(c, "failed", j->row.url, r->status, 0, 0, why);
	}
}

/* An HTML page rather than XML: by its media type, else by its first tag. */
static int looks_html(const kh_response *r)
{
	if (r->content_type && strstr(r->content_type, "html"))
		return 1;
	if (r->content_type && strstr(r->content_type, "xml"))
		return 0;
	const char *p = r->body, *e = r->body + (r->len < 512 ? r->len : 512);
	if (e - p >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return (e - p >= 9 && !strncasecmp(p, "<!doctype", 9) &&
	        !memmem(p, (size_t)(e - p), "<?xml", 5)) ||
	       (e - p >= 5 && !strncasecmp(p, "<html", 5));
}

static void handle_feed(crawl *c, job *j, double now)
{
	kh_response *r = &j->resp;
	kh_feed f;
	kh_error e = {0};
	const char *base = r->final_url ? r->final_url : j->row.url;
	kh_status rc = looks_html(r) ? kh_feed_discover(r->body, r->len, base, &f, &e)
	                             : kh_feed_parse(r->body, r->len, base, &f, &e);
	int state = KH_DONE;
	const char *why = NULL;
	char msg[200], note[240];
	size_t added = c->st->discovered;
	if (rc != KH_OK) {
		snprintf(msg, sizeof msg, "%.190s", e.message);
		why = msg;
		state = KH_FAILED;
	} else if (f.kind == KH_FEED_NONE) {
		why = "neither a feed nor a sitemap, and no feed announced";
	} else {
		for (size_t i = 0; i < f.nlinks; i++)
			if (add_url(c, f.links[i].url, f.links[i].is_feed ? KH_FEED : KH_PAGE, now,
			            0)) {
				fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
				break;
			}
	}
	double every = c->refetch;
	if (f.ttl_minutes * 60.0 > every)
		every = f.ttl_minutes * 60.0;
	if (state == KH_FAILED)
		c->st->failed++;
	else
		c->st->feeds++;
	snprintf(note, sizeof note, "%.190s%s%zu links, %zu new", why ? why : "", why ? "; " : "",
	         f.nlinks, c->st->discovered - added);
	if (state != KH_FAILED)
		why = note;
	log_event(c, state == KH_FAILED ? "failed" : "feed", j->row.url, r->status, r->len,
	          (now - j->t.started) * 1000, why);
	kh_frontier_set(c->fr, j->row.id, state, now + every, 0, r->status, why, r->etag,
	                r->last_modified);
	kh_feed_clear(&f);
}

static int is_html_type(const char *t)
{
	return !t || !*t || strstr(t, "html") || strstr(t, "xml") || !strcmp(t, "text/plain");
}

/* A redirect: its target goes into the frontier as a URL of the same kind, to be fetched
 * in its turn, robots.txt and politeness included; a loop ends at a URL already known.
 * Returns 0 (the job is done). */
static int redirect(crawl *c, job *j, double now, double ms)
{
	kh_url_row *u = &j->row;
	kh_response *r = &j->resp;
	long most = c->o->fetch.max_redirects ? c->o->fetch.max_redirects : 5;
	char *to = NULL, why[200];
	int state = KH_REDIRECTED;
	c->st->redirects++;
	if (kh_url_canonical(r->location, u->url, &to, NULL) != KH_OK) {
		snprintf(why, sizeof why, "redirect to a scheme other than http/https: %.100s",
		         r->location);
		state = KH_FAILED;
	} else if (u->hops + 1 > most) {
		snprintf(why, sizeof why, "more than %ld redirects (the last to %.100s)", most, to);
		state = KH_FAILED;
	} else {
		char origin[512];
		int added = kh_url_origin(to, origin, sizeof origin) == 0
		                    ? kh_frontier_add_redirect(c->fr, to, origin, u->kind, now,
		                                               u->hops + 1)
		                    : 0;
		if (added < 0) {
			free(to);
			return fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
		}
		if (added > 0) {
			c->st->discovered++;
			wake_origin(c, origin);
		}
		snprintf(why, sizeof why, "redirected to %.150s%s", to,
		         added ? "" : " (already known)");
	}
	kh_frontier_set(c->fr, u->id, state, 0, u->tries, r->status, why, NULL, NULL);
	if (state == KH_FAILED)
		c->st->failed++;
	log_event(c, state == KH_FAILED ? "failed" : "redirect", u->url, r->status, 0, ms, why);
	free(to);
	return 0;
}

/* A finished transfer of a frontier URL. Returns 1 when the job went to extraction. */
static int finish_url(crawl *c, job *j)
{
	host *h = &c->hosts[j->host];
	kh_response *r = &j->resp;
	kh_url_row *u = &j->row;
	double now = kh_now(), ms = (now - j->t.started) * 1000;
	if (r->status == 304 && !r->error[0]) {
		c->st->not_modified++;
		log_event(c, "not-modified", u->url, r->status, 0, ms, NULL);
		kh_frontier_set(c->fr, u->id, KH_DONE, u->kind ? now + c->refetch : 0, 0, 304, NULL,
		                r->etag, r->last_modified);
		return 0;
	}
	if (r->location && !r->error[0])
		return redirect(c, j, now, ms);
	if (r->error[0]) {
		if (r->retryable && u->tries + 1 < c->max_tries && !c->stopping) {
			double wait = c->backoff * pow(2, u->tries) * jitter(c);
			if (r->retry_after >= 0)
				wait = r->retry_after < 3600 ? (double)r->retry_after : 3600;
			if ((r->status == 429 || r->status == 503) && h->next_at < now + wait)
				h->next_at =
				        now + wait; /* the server asked the whole host to wait */
			kh_frontier_set(c->fr, u->id, KH_QUEUED, now + wait, u->tries + 1,
			                r->status, r->error, NULL, NULL);
			if (h->idle) { /* its only URL: the host sleeps until then */
				h->idle = 0;
				h->wake = now + wait;
			} else if (h->wake > now + wait) {
				h->wake = now + wait;
			}
			c->st->retries++;
			char why[200];
			snprintf(why, sizeof why, "%.150s; try %d again in %.1fs", r->error,
			         u->tries + 2, wait);
			log_event(c, "retry", u->url, r->status, 0, ms, why);
		} else {
			kh_frontier_set(c->fr, u->id, KH_FAILED, 0, u->tries + 1, r->status,
			                r->error, NULL, NULL);
			c->st->failed++;
			log_event(c, "failed", u->url, r->status, 0, ms, r->error);
		}
		return 0;
	}
	if (u->kind != KH_PAGE) {
		handle_feed(c, j, now);
		return 0;
	}
	c->st->pages++;
	log_event(c, "fetched", u->url, r->status, r->len, ms, r->charset);
	if (!is_html_type(r->content_type)) {
		char why[160];
		snprintf(why, sizeof why, "not an HTML page (%.100s)", r->content_type);
		kh_frontier_set(c->fr, u->id, KH_EMPTY, 0, u->tries, r->status, why, NULL, NULL);
		c->st->empty++;
		log_event(c, "empty", u->url, r->status, 0, 0, why);
		return 0;
	}
	pthread_mutex_lock(&c->mu);
	append(&c->todo, &c->todo_tail, j);
	c->ntodo++;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
	return 1;
}

static void finish_transfers(crawl *c)
{
	CURLMsg *m;
	int left;
	while ((m = curl_multi_info_read(c->multi, &left))) {
		if (m->msg != CURLMSG_DONE)
			continue;
		kh_transfer *t = NULL;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&t);
		job *j = t->job;
		CURLcode code = m->data.result;
		curl_multi_remove_handle(c->multi, m->easy_handle);
		c->live[j->slot] = NULL;
		kh_transfer_result(&j->t, code, &j->resp);
		c->inflight--;
		c->hosts[j->host].inflight--;
		c->st->requests++;
		c->st->bytes += j->resp.len;
		int kept = 0;
		if (j->robots)
			finish_robots(c, j);
		else
			kept = finish_url(c, j);
		kh_transfer_free(&j->t);
		if (!kept)
			job_free(j);
	}
}

/* ---- scheduling ---- */

static const char *path_of(const char *url)
{
	const char *p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : NULL;
	return p ? p : "/";
}

static void schedule(crawl *c)
{
	double now = kh_now();
	FILE *listing = c->o->listing ? c->o->listing : stdout;
	if (kh_frontier_begin(c->fr)) {
		fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
		return;
	}
	size_t backlog_cap = 4 * (size_t)c->nthreads + 4;
	for (size_t hi = 0; hi < c->nhosts && !c->stopping; hi++) {
		while (!c->stopping && c->inflight < c->max_transfers) {
			host *h = &c->hosts[hi];
			if (h->idle || h->inflight >= c->per_host || h->next_at > now ||
			    (h->wake > now))
				break;
			if (h->robots_state == ROBOTS_UNKNOWN) {
				if (h->robots_retry <= now)
					start_robots(c, hi);
				break;
			}
			if (h->robots_state == ROBOTS_FETCHING)
				break;
			pthread_mutex_lock(&c->mu);
			size_t backlog = c->ntodo;
			pthread_mutex_unlock(&c->mu);
			if (backlog >= backlog_cap)
				break;
			kh_url_row row = {0};
			size_t n = 0;
			double wake = 0;
			if (kh_frontier_take(c->fr, h->origin, now, &row, 1, &n, &wake)) {
				fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
				break;
			}
			h->wake = wake > now ? wake : 0;
			if (!n) {
				h->idle = wake == 0;
				break;
			}
			if (!kh_robots_allowed(h->robots, path_of(row.url))) {
				kh_frontier_set(c->fr, row.id, KH_DENIED, 0, row.tries, 0,
				                "robots.txt disallows it", NULL, NULL);
				c->st->denied++;
				log_event(c, "denied", row.url, 0, 0, 0, "robots.txt");
				kh_url_row_clear(&row);
				continue;
			}
			if (c->o->dry_run && row.kind == KH_PAGE) {
				fprintf(listing, "%s\n", row.url);
				kh_frontier_set(c->fr, row.id, KH_DONE, 0, 0, 0, NULL, NULL, NULL);
				c->st->pages++;
				kh_url_row_clear(&row);
				if (c->o->max_pages && ++c->dispatched >= c->o->max_pages)
					c->stopping = 1;
				continue;
			}
			job *j = calloc(1, sizeof *j);
			if (!j) {
				kh_url_row_clear(&row);
				fail(c, KH_ERR_NOMEM, "%s", "out of memory");
				break;
			}
			j->row = row;
			kh_fetch_options fo = c->o->fetch;
			fo.no_follow =
			        1; /* redirects are queued, to pass robots.txt and politeness */
			fo.if_none_match = row.etag;
			fo.if_modified_since = row.last_modified;
			if (start(c, hi, j, row.url, &fo))
				break;
			h = &c->hosts[hi];
			h->next_at = now + h->delay;
			if (row.kind == KH_PAGE && c->o->max_pages &&
			    ++c->dispatched >= c->o->max_pages)
				c->stopping = 1;
		}
	}
	if (kh_frontier_commit(c->fr))
		fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
}

/* When something can next happen with nothing in flight: the earliest host that has
 * queued URLs and may be asked; -1 when no host has any. */
static double next_possible(crawl *c)
{
	double best = -1;
	for (size_t i = 0; i < c->nhosts; i++) {
		host *h = &c->hosts[i];
		if (h->idle)
			continue;
		double t = h->next_at;
		if (h->wake > t)
			t = h->wake;
		if (h->robots_state == ROBOTS_UNKNOWN && h->robots_retry > t)
			t = h->robots_retry;
		if (best < 0 || t < best)
			best = t;
	}
	return best;
}

static int extraction_idle(crawl *c)
{
	pthread_mutex_lock(&c->mu);
	int idle = !c->todo && !c->done && !c->busy;
	pthread_mutex_unlock(&c->mu);
	return idle;
}

/* Abandons the transfers in flight: their URLs are queued again. */
static void abandon(crawl *c)
{
	for (int i = 0; i < c->max_transfers; i++) {
		job *j = c->live[i];
		if (!j)
			continue;
		curl_multi_remove_handle(c->multi, j->t.h);
		if (!j->robots)
			kh_frontier_set(c->fr, j->row.id, KH_QUEUED, 0, j->row.tries, 0, NULL, NULL,
			                NULL);
		c->hosts[j->host].inflight--;
		c->inflight--;
		c->live[i] = NULL;
		job_free(j);
	}
}

static void set_defaults(crawl *c, const kh_crawl_options *o)
{
	c->per_host = o->per_host > 0 ? o->per_host : 2;
	c->max_transfers = o->max_transfers > 0 ? o->max_transfers : 32;
	if (c->max_transfers > 1024)
		c->max_transfers = 1024;
	c->delay = o->delay < 0 ? 1.0 : o->delay;
	c->refetch = o->refetch > 0 ? o->refetch : 600;
	c->max_tries = o->max_tries > 0 ? o->max_tries : 4;
	c->backoff = o->backoff > 0 ? o->backoff : 2;
	c->max_wait = o->max_wait > 0 ? o->max_wait : 300;
	c->batch = o->batch > 0 ? (size_t)o->batch : 200;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	c->nthreads = o->workers > 0 ? o->workers : (cores > 0 ? (int)cores : 1);
	if (c->nthreads > 4 && o->workers <= 0)
		c->nthreads = 4;
	if (c->nthreads > 8)
		c->nthreads = 8;
	c->seed = (unsigned)(kh_now() * 1000) ^ (unsigned)getpid();
	c->ua = kh_user_agent(o->fetch.contact, c->uabuf, sizeof c->uabuf);
}

static int add_seeds(crawl *c)
{
	double now = kh_now();
	if (kh_frontier_begin(c->fr))
		return fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
	for (size_t i = 0; i < c->o->nseeds; i++) {
		char *u = NULL;
		kh_error e = {0};
		if (kh_url_canonical(c->o->seeds[i], NULL, &u, &e) != KH_OK) {
			kh_frontier_commit(c->fr);
			return fail(c, e.code, "seed %s", e.message);
		}
		int r = add_url(c, u, KH_SEED, now, 1);
		free(u);
		if (r) {
			kh_frontier_commit(c->fr);
			return fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
		}
	}
	/* feeds whose refetch time has come are read again (conditional GET) */
	if (kh_frontier_requeue_feeds(c->fr, now) < 0 || kh_frontier_commit(c->fr))
		return fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
	return 0;
}

static void shutdown_workers(crawl *c)
{
	pthread_mutex_lock(&c->mu);
	c->quit = 1;
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
	for (int i = 0; i < c->nthreads; i++)
		pthread_join(c->threads[i], NULL);
}

/* The loop: schedule, let libcurl work, finish transfers, write extracted pages. */
static void loop(crawl *c)
{
	double next_poll = kh_now() + 1; /* feeds due again are looked for every second */
	for (;;) {
		if (c->o->stop && *c->o->stop && !c->stopping) {
			c->stopping = 1;
			abandon(c);
		}
		double now = kh_now();
		if (c->o->follow && !c->stopping && now >= next_poll) {
			if (kh_frontier_requeue_feeds(c->fr, now) > 0)
				kh_frontier_origins(c->fr, wake_origin, c);
			next_poll = now + 1;
		}
		if (!c->stopping)
			schedule(c);
		int running = 0;
		curl_multi_perform(c->multi, &running);
		finish_transfers(c);
		if (drain_done(c))
			break;
		if (c->npending && kh_now() - c->last_commit > 2 && commit_batch(c))
			break;
		progress(c, 0);
		if (c->inflight == 0 && extraction_idle(c)) {
			if (c->fatal)
				break;
			double next = c->stopping ? -1 : next_possible(c);
			if (!c->o->follow && (next < 0 || next > kh_now() + c->max_wait))
				break;
			if (c->stopping)
				break;
		}
		double wait_ms = 100;
		if (c->inflight == 0) {
			double next = next_possible(c);
			if (next >= 0) {
				double until = (next - kh_now()) * 1000;
				wait_ms = until < 1 ? 1 : until < 200 ? until : 200;
			}
		}
		curl_multi_poll(c->multi, NULL, 0, (int)wait_ms, NULL);
	}
	if (!c->fatal)
		drain_done(c);
	commit_batch(c);
}

kh_status kh_crawl_run(const kh_crawl_options *o, kh_crawl_stats *st, kh_error *err)
{
	memset(st, 0, sizeof *st);
	if (!o->state_path)
		return kh_error_set(err, KH_ERR_USAGE, "no crawl state path given");
	kh_curl_global();
	crawl cs = {0}, *c = &cs;
	c->o = o;
	c->st = st;
	c->err = err;
	c->started = c->last_commit = kh_now();
	set_defaults(c, o);
	kh_status rc = kh_frontier_open(o->state_path, &c->fr, err);
	if (rc)
		return rc;
	if (o->index_path && !o->dry_run &&
	    (rc = kh_index_open_writable(o->index_path, &c->ix, err))) {
		kh_frontier_close(c->fr);
		return rc;
	}
	c->live = calloc((size_t)c->max_transfers, sizeof *c->live);
	c->multi = curl_multi_init();
	if (!c->live || !c->multi) {
		rc = kh_error_set(err, KH_ERR_NOMEM, "out of memory");
		goto out;
	}
	curl_multi_setopt(c->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)c->max_transfers);
	curl_multi_setopt(c->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)c->per_host);
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	int started = 0;
	for (; started < c->nthreads; started++)
		if (pthread_create(&c->threads[started], NULL, worker, c))
			break;
	c->nthreads = started;
	if (!started) {
		rc = kh_error_set(err, KH_ERR_INTERNAL, "cannot start extraction threads");
	} else if (add_seeds(c) == 0 && kh_frontier_origins(c->fr, wake_origin, c) == 0) {
		loop(c);
	}
	shutdown_workers(c);
	abandon(c);
	while (c->done) { /* pages extracted after the loop ended: fetched again next run */
		job *j = c->done;
		c->done = j->next;
		job_free(j);
	}
	pthread_mutex_destroy(&c->mu);
	pthread_cond_destroy(&c->cv);
	if (!rc)
		rc = c->fatal;
	if (!rc && c->ix && kh_index_commit(c->ix, err) != KH_OK)
		rc = err->code;
out:
	progress(c, 1);
	for (size_t i = 0; i < c->nhosts; i++) {
		kh_frontier_host_put(c->fr, c->hosts[i].origin, c->hosts[i].next_at, NULL, 0);
		kh_robots_free(c->hosts[i].robots);
		free(c->hosts[i].origin);
	}
	double e;
	long long q = kh_frontier_queued(c->fr, &e);
	st->queued = q > 0 ? (size_t)q : 0;
	free(c->hosts);
	free(c->slots);
	for (size_t i = 0; i < c->npending; i++) /* left by a fatal error: fetched again */
		job_free(c->pending[i]);
	free(c->pending);
	free(c->live);
	if (c->multi)
		curl_multi_cleanup(c->multi);
	kh_index_close(c->ix);
	kh_frontier_close(c->fr);
	st->seconds = kh_now() - c->started;
	return rc;
}
