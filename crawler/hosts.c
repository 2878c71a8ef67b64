/* hosts.c — the hosts of a crawl (politeness, robots.txt, a table by origin), the URLs it
 * adds to the frontier, its log and progress lines, and its fatal error. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "crawlrun.h"

void cr_log(crawl *c, const char *event, const char *url, long status, size_t bytes, double ms,
            const char *detail)
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

void cr_progress(crawl *c, int final)
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

void cr_host_robots(crawl *c, host *h, const char *text)
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
size_t cr_host_find(crawl *c, const char *origin)
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
		cr_host_robots(c, h, robots);
	free(robots);
	return c->nhosts++;
}

void cr_wake_origin(void *arg, const char *origin)
{
	crawl *c = arg;
	size_t i = cr_host_find(c, origin);
	if (i != SIZE_MAX) {
		c->hosts[i].idle = 0;
		c->hosts[i].wake = 0;
	}
}

/* Puts a URL in the frontier; counts it when new. -1 on a state error. */
int cr_add_url(crawl *c, const char *url, int kind, double due, int requeue)
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
		cr_wake_origin(c, origin);
	return 0;
}

int cr_fail(crawl *c, kh_status code, const char *fmt, const char *detail)
{
	if (!c->fatal)
		c->fatal = kh_error_set(c->err, code, fmt, detail);
	c->stopping = 1;
	return -1;
}
