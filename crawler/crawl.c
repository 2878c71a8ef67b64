/* crawl.c — the crawl loop: one thread drives libcurl's multi interface and the state
 * database, extraction threads turn fetched pages into index documents (pipeline.c), and
 * the loop writes them to the index in batches, committing the state only after the
 * index. This file holds the loop and the scheduler; crawlrun.h says where the rest is. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crawlrun.h"

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
		cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
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
					cr_start_robots(c, hi);
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
				cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
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
				cr_log(c, "denied", row.url, 0, 0, 0, "robots.txt");
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
				cr_fail(c, KH_ERR_NOMEM, "%s", "out of memory");
				break;
			}
			j->row = row;
			kh_fetch_options fo = c->o->fetch;
			fo.no_follow =
			        1; /* redirects are queued, to pass robots.txt and politeness */
			fo.if_none_match = row.etag;
			fo.if_modified_since = row.last_modified;
			if (cr_start(c, hi, j, row.url, &fo))
				break;
			h = &c->hosts[hi];
			h->next_at = now + h->delay;
			if (row.kind == KH_PAGE && c->o->max_pages &&
			    ++c->dispatched >= c->o->max_pages)
				c->stopping = 1;
		}
	}
	if (kh_frontier_commit(c->fr))
		cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
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
		return cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
	for (size_t i = 0; i < c->o->nseeds; i++) {
		char *u = NULL;
		kh_error e = {0};
		if (kh_url_canonical(c->o->seeds[i], NULL, &u, &e) != KH_OK) {
			kh_frontier_commit(c->fr);
			return cr_fail(c, e.code, "seed %s", e.message);
		}
		int r = cr_add_url(c, u, KH_SEED, now, 1);
		free(u);
		if (r) {
			kh_frontier_commit(c->fr);
			return cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
		}
	}
	/* feeds whose refetch time has come are read again (conditional GET) */
	if (kh_frontier_requeue_feeds(c->fr, now) < 0 || kh_frontier_commit(c->fr))
		return cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
	return 0;
}

/* The loop: schedule, let libcurl work, finish transfers, write extracted pages. */
static void loop(crawl *c)
{
	double next_poll = kh_now() + 1; /* feeds due again are looked for every second */
	for (;;) {
		if (c->o->stop && *c->o->stop && !c->stopping) {
			c->stopping = 1;
			cr_abandon(c);
		}
		double now = kh_now();
		if (c->o->follow && !c->stopping && now >= next_poll) {
			if (kh_frontier_requeue_feeds(c->fr, now) > 0)
				kh_frontier_origins(c->fr, cr_wake_origin, c);
			next_poll = now + 1;
		}
		if (!c->stopping)
			schedule(c);
		int running = 0;
		curl_multi_perform(c->multi, &running);
		cr_finish_transfers(c);
		if (cr_drain_done(c))
			break;
		if (c->npending && kh_now() - c->last_commit > 2 && cr_commit_batch(c))
			break;
		cr_progress(c, 0);
		if (c->inflight == 0 && cr_extraction_idle(c)) {
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
		cr_drain_done(c);
	cr_commit_batch(c);
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
		if (pthread_create(&c->threads[started], NULL, cr_worker, c))
			break;
	c->nthreads = started;
	if (!started) {
		rc = kh_error_set(err, KH_ERR_INTERNAL, "cannot start extraction threads");
	} else if (add_seeds(c) == 0 && kh_frontier_origins(c->fr, cr_wake_origin, c) == 0) {
		loop(c);
	}
	cr_shutdown_workers(c);
	cr_abandon(c);
	while (c->done) { /* pages extracted after the loop ended: fetched again next run */
		job *j = c->done;
		c->done = j->next;
		cr_job_free(j);
	}
	pthread_mutex_destroy(&c->mu);
	pthread_cond_destroy(&c->cv);
	if (!rc)
		rc = c->fatal;
	if (!rc && c->ix && kh_index_commit(c->ix, err) != KH_OK)
		rc = err->code;
out:
	cr_progress(c, 1);
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
		cr_job_free(c->pending[i]);
	free(c->pending);
	free(c->live);
	if (c->multi)
		curl_multi_cleanup(c->multi);
	kh_index_close(c->ix);
	kh_frontier_close(c->fr);
	st->seconds = kh_now() - c->started;
	return rc;
}
