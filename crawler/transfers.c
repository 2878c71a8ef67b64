/* transfers.c — starting and finishing transfers: robots.txt, feeds and sitemaps,
 * redirects queued as new URLs, retries with backoff, and pages handed to extraction. */
#define _GNU_SOURCE /* memmem */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crawlrun.h"

int cr_start(crawl *c, size_t hi, job *j, const char *url, const kh_fetch_options *fo)
{
	j->host = hi;
	j->t.job = j;
	if (kh_transfer_init(&j->t, url, fo, c->ua) || curl_multi_add_handle(c->multi, j->t.h)) {
		cr_job_free(j);
		return cr_fail(c, KH_ERR_NOMEM, "%s", "cannot start a transfer");
	}
	for (j->slot = 0; c->live[j->slot]; j->slot++)
		;
	c->live[j->slot] = j;
	c->inflight++;
	c->hosts[hi].inflight++;
	return 0;
}

int cr_start_robots(crawl *c, size_t hi)
{
	host *h = &c->hosts[hi];
	job *j = calloc(1, sizeof *j);
	char url[600];
	if (!j)
		return cr_fail(c, KH_ERR_NOMEM, "%s", "out of memory");
	snprintf(url, sizeof url, "%s/robots.txt", h->origin);
	j->robots = 1;
	j->row.url = strdup(url);
	h->robots_state = ROBOTS_FETCHING;
	return cr_start(c, hi, j, url, &c->o->fetch);
}

double cr_jitter(crawl *c)
{
	return 0.75 + 0.5 * (rand_r(&c->seed) / (double)RAND_MAX);
}

static void finish_robots(crawl *c, job *j)
{
	host *h = &c->hosts[j->host];
	kh_response *r = &j->resp;
	double now = kh_now();
	if (!r->error[0] && r->status >= 200 && r->status < 300) {
		cr_host_robots(c, h, r->body ? r->body : "");
		kh_frontier_host_put(c->fr, h->origin, h->next_at, r->body ? r->body : "", now);
		size_t n = 0;
		const char *const *maps = kh_robots_sitemaps(h->robots, &n);
		for (size_t i = 0; i < n && i < 100; i++) {
			char *u = NULL;
			if (kh_url_canonical(maps[i], NULL, &u, NULL) == KH_OK)
				cr_add_url(c, u, KH_FEED, now, 0);
			free(u);
		}
		cr_log(c, "robots", j->row.url, r->status, r->len, (now - j->t.started) * 1000,
		       NULL);
	} else if (!r->error[0] || (r->status >= 400 && r->status < 500 && r->status != 429)) {
		/* RFC 9309 2.3.1.3: an unavailable robots.txt (4xx) allows everything */
		cr_host_robots(c, h, NULL);
		kh_frontier_host_put(c->fr, h->origin, h->next_at, "", now);
		cr_log(c, "robots", j->row.url, r->status, 0, 0, "unavailable: all allowed");
	} else {
		/* unreachable (5xx, 429, network): nothing is fetched from the host until it
		 * answers (RFC 9309 2.3.1.4); the host's URLs wait */
		h->robots_state = ROBOTS_UNKNOWN;
		if (++h->robots_tries < c->max_tries) {
			double wait = c->backoff * pow(2, h->robots_tries - 1) * cr_jitter(c);
			if (r->retry_after > wait)
				wait = (double)r->retry_after < 3600 ? (double)r->retry_after
				                                     : 3600;
			h->robots_retry = now + wait;
			c->st->retries++;
			cr_log(c, "robots-wait", j->row.url, r->status, 0, 0, r->error);
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
		cr_log(c, "failed", j->row.url, r->status, 0, 0, why);
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
			if (cr_add_url(c, f.links[i].url, f.links[i].is_feed ? KH_FEED : KH_PAGE,
			               now, 0)) {
				cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
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
	cr_log(c, state == KH_FAILED ? "failed" : "feed", j->row.url, r->status, r->len,
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
			return cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
		}
		if (added > 0) {
			c->st->discovered++;
			cr_wake_origin(c, origin);
		}
		snprintf(why, sizeof why, "redirected to %.150s%s", to,
		         added ? "" : " (already known)");
	}
	kh_frontier_set(c->fr, u->id, state, 0, u->tries, r->status, why, NULL, NULL);
	if (state == KH_FAILED)
		c->st->failed++;
	cr_log(c, state == KH_FAILED ? "failed" : "redirect", u->url, r->status, 0, ms, why);
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
		cr_log(c, "not-modified", u->url, r->status, 0, ms, NULL);
		kh_frontier_set(c->fr, u->id, KH_DONE, u->kind ? now + c->refetch : 0, 0, 304, NULL,
		                r->etag, r->last_modified);
		return 0;
	}
	if (r->location && !r->error[0])
		return redirect(c, j, now, ms);
	if (r->error[0]) {
		if (r->retryable && u->tries + 1 < c->max_tries && !c->stopping) {
			double wait = c->backoff * pow(2, u->tries) * cr_jitter(c);
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
			cr_log(c, "retry", u->url, r->status, 0, ms, why);
		} else {
			kh_frontier_set(c->fr, u->id, KH_FAILED, 0, u->tries + 1, r->status,
			                r->error, NULL, NULL);
			c->st->failed++;
			cr_log(c, "failed", u->url, r->status, 0, ms, r->error);
		}
		return 0;
	}
	if (u->kind != KH_PAGE) {
		handle_feed(c, j, now);
		return 0;
	}
	c->st->pages++;
	cr_log(c, "fetched", u->url, r->status, r->len, ms, r->charset);
	if (!is_html_type(r->content_type)) {
		char why[160];
		snprintf(why, sizeof why, "not an HTML page (%.100s)", r->content_type);
		kh_frontier_set(c->fr, u->id, KH_EMPTY, 0, u->tries, r->status, why, NULL, NULL);
		c->st->empty++;
		cr_log(c, "empty", u->url, r->status, 0, 0, why);
		return 0;
	}
	pthread_mutex_lock(&c->mu);
	cr_append(&c->todo, &c->todo_tail, j);
	c->ntodo++;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
	return 1;
}

void cr_finish_transfers(crawl *c)
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
			cr_job_free(j);
	}
}

/* Abandons the transfers in flight: their URLs are queued again. */
void cr_abandon(crawl *c)
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
		cr_job_free(j);
	}
}
