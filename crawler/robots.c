/* robots.c — robots.txt as RFC 9309 reads it: the groups for our product token (or
 * "*"), the longest matching Allow/Disallow rule, Crawl-delay and Sitemap lines. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crawlint.h"
#include "khabar/crawl.h"

#define MAX_ROBOTS_BYTES (512 * 1024)

typedef struct rule {
	char *pattern; /* percent-encoded as canonical paths are */
	size_t len;    /* the rule's length as written: longer wins */
	int allow;
} rule;

typedef struct rules {
	rule *v;
	size_t n, cap;
	double delay;
} rules;

struct kh_robots {
	rules ours, star; /* groups naming our token; groups for "*" */
	int have_ours;    /* a group named our token (even one without rules) */
	char **sitemaps;
	size_t nsitemaps, capsitemaps;
};

static void rules_free(rules *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].pattern);
	free(r->v);
}

void kh_robots_free(kh_robots *r)
{
	if (!r)
		return;
	rules_free(&r->ours);
	rules_free(&r->star);
	for (size_t i = 0; i < r->nsitemaps; i++)
		free(r->sitemaps[i]);
	free(r->sitemaps);
	free(r);
}

static int add_rule(rules *r, const char *v, size_t n, int allow)
{
	rule *nv = kh_grow(r->v, &r->cap, r->n, sizeof *r->v);
	if (!nv)
		return -1;
	r->v = nv;
	kh_buf b = {0};
	kh_url_encode(&b, v, n);
	char *pat = kh_buf_detach(&b, NULL);
	if (!pat)
		return -1;
	r->v[r->n++] = (rule){pat, n, allow};
	return 0;
}

/* The user-agent line's value names us when its leading token equals `agent`. */
static int names_agent(const char *v, size_t n, const char *agent)
{
	size_t k = 0;
	while (k < n && (isalpha((unsigned char)v[k]) || v[k] == '_' || v[k] == '-'))
		k++;
	return k && k == strlen(agent) && !strncasecmp(v, agent, k);
}

static int key_is(const char *k, size_t n, const char *name)
{
	return n == strlen(name) && !strncasecmp(k, name, n);
}

kh_status kh_robots_parse(const char *text, size_t len, const char *agent, kh_robots **out,
                          kh_error *err)
{
	*out = NULL;
	kh_robots *r = calloc(1, sizeof *r);
	if (!r)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	r->ours.delay = r->star.delay = -1;
	if (len > MAX_ROBOTS_BYTES)
		len = MAX_ROBOTS_BYTES;
	const char *p = text, *end = text + len;
	int in_agents = 0, group_ours = 0, group_star = 0, failed = 0;
	while (p < end && !failed) {
		const char *nl = p;
		while (nl < end && *nl != '\n' && *nl != '\r')
			nl++;
		const char *le = memchr(p, '#', (size_t)(nl - p));
		if (!le)
			le = nl;
		const char *colon = memchr(p, ':', (size_t)(le - p));
		if (colon) {
			const char *k = p, *ke = colon, *v = colon + 1, *ve = le;
			while (k < ke && isspace((unsigned char)*k))
				k++;
			while (ke > k && isspace((unsigned char)ke[-1]))
				ke--;
			while (v < ve && isspace((unsigned char)*v))
				v++;
			while (ve > v && isspace((unsigned char)ve[-1]))
				ve--;
			size_t kn = (size_t)(ke - k), vn = (size_t)(ve - v);
			if (key_is(k, kn, "user-agent") || key_is(k, kn, "user agent") ||
			    key_is(k, kn, "useragent")) {
				if (!in_agents)
					group_ours = group_star = 0;
				in_agents = 1;
				if (vn == 1 && v[0] == '*')
					group_star = 1;
				else if (names_agent(v, vn, agent))
					group_ours = r->have_ours = 1;
			} else if (key_is(k, kn, "allow") || key_is(k, kn, "disallow") ||
			           key_is(k, kn, "disalow") || key_is(k, kn, "crawl-delay")) {
				in_agents = 0;
				int delay = key_is(k, kn, "crawl-delay");
				int allow = key_is(k, kn, "allow");
				rules *targets[2] = {group_ours ? &r->ours : NULL,
				                     group_star ? &r->star : NULL};
				for (int t = 0; t < 2; t++) {
					if (!targets[t])
						continue;
					if (delay) {
						char num[32];
						size_t m =
						        vn < sizeof num - 1 ? vn : sizeof num - 1;
						memcpy(num, v, m);
						num[m] = '\0';
						char *e;
						double d = strtod(num, &e);
						if (e != num && d >= 0 && d < 86400 &&
						    targets[t]->delay < 0)
							targets[t]->delay = d;
					} else if (vn && add_rule(targets[t], v, vn, allow)) {
						failed = 1;
					}
				}
			} else if (key_is(k, kn, "sitemap") && vn) {
				char **ns = kh_grow(r->sitemaps, &r->capsitemaps, r->nsitemaps,
				                    sizeof *r->sitemaps);
				char *s = ns ? strndup(v, vn) : NULL;
				if (!s) {
					if (ns)
						r->sitemaps = ns;
					failed = 1;
				} else {
					r->sitemaps = ns;
					r->sitemaps[r->nsitemaps++] = s;
				}
			}
		}
		p = nl;
		while (p < end && (*p == '\n' || *p == '\r'))
			p++;
	}
	if (failed) {
		kh_robots_free(r);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	}
	*out = r;
	return KH_OK;
}

/* Does `pat` ('*' any run, '$' at the end anchors) match a prefix of `path`? */
static int match(const char *pat, size_t pn, const char *path, size_t n)
{
	int anchored = pn && pat[pn - 1] == '$';
	if (anchored)
		pn--;
	size_t p = 0, s = 0, star_p = SIZE_MAX, star_s = 0;
	for (;;) {
		if (p == pn) {
			if (!anchored || s == n)
				return 1;
		} else if (pat[p] == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		} else if (s < n && pat[p] == path[s]) {
			p++;
			s++;
			continue;
		}
		if (star_p == SIZE_MAX || star_s >= n)
			return 0;
		s = ++star_s;
		p = star_p;
	}
}

static const rules *group(const kh_robots *r)
{
	return r->have_ours ? &r->ours : &r->star;
}

int kh_robots_allowed(const kh_robots *r, const char *path)
{
	if (!r || !strcmp(path, "/robots.txt"))
		return 1;
	const rules *g = group(r);
	size_t n = strlen(path), best = 0;
	int allowed = 1, found = 0;
	for (size_t i = 0; i < g->n; i++) {
		const rule *u = &g->v[i];
		if (!match(u->pattern, strlen(u->pattern), path, n))
			continue;
		if (!found || u->len > best || (u->len == best && u->allow && !allowed)) {
			best = u->len;
			allowed = u->allow;
			found = 1;
		}
	}
	return allowed;
}

double kh_robots_crawl_delay(const kh_robots *r)
{
	return r ? group(r)->delay : -1;
}

const char *const *kh_robots_sitemaps(const kh_robots *r, size_t *n)
{
	*n = r ? r->nsitemaps : 0;
	return r ? (const char *const *)r->sitemaps : NULL;
}
