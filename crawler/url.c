/* url.c — resolving and canonicalizing URLs, so that one page has one frontier entry. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "crawlint.h"
#include "khabar/crawl.h"
#include "base/table.h"

KH_DATA(tracking);

/* The tracking parameters of data/tracking.txt, loaded once. */
#define MAX_TRACKING 64
static kh_field tracking[MAX_TRACKING];
static int ntracking;
static pthread_once_t tracking_once = PTHREAD_ONCE_INIT;

static void load_tracking(void)
{
	kh_table_iter it;
	kh_field f;
	kh_table_begin(&it, kh_data_tracking, kh_data_tracking_len);
	while (ntracking < MAX_TRACKING && kh_table_row(&it, &f, 1) == 1)
		tracking[ntracking++] = f;
}

static int is_tracking(const char *name, size_t n)
{
	pthread_once(&tracking_once, load_tracking);
	for (int i = 0; i < ntracking; i++) {
		const kh_field *t = &tracking[i];
		if (t->len && t->s[t->len - 1] == '*') {
			if (n >= t->len - 1 && !strncasecmp(name, t->s, t->len - 1))
				return 1;
		} else if (n == t->len && !strncasecmp(name, t->s, n)) {
			return 1;
		}
	}
	return 0;
}

/* The parts of a URL, each a span of the input; absent parts have s == NULL. */
typedef struct span {
	const char *s;
	size_t n;
} span;
typedef struct parts {
	span scheme, host, port, path, query;
	int has_authority;
} parts;

/* Splits `u` (no fragment handling needed by callers: '#' ends it). */
static void split(const char *u, size_t len, parts *p)
{
	memset(p, 0, sizeof *p);
	const char *end = u + len, *q = u;
	const char *hash = memchr(u, '#', len);
	if (hash)
		end = hash;
	if (q < end && isalpha((unsigned char)*q)) {
		const char *c = q;
		while (c < end &&
		       (isalnum((unsigned char)*c) || *c == '+' || *c == '-' || *c == '.'))
			c++;
		if (c < end && *c == ':') {
			p->scheme = (span){q, (size_t)(c - q)};
			q = c + 1;
		}
	}
	if (end - q >= 2 && q[0] == '/' && q[1] == '/') {
		p->has_authority = 1;
		q += 2;
		const char *a = q;
		while (q < end && *q != '/' && *q != '?')
			q++;
		const char *at = NULL;
		for (const char *c = a; c < q; c++)
			if (*c == '@')
				at = c;
		if (at)
			a = at + 1;
		const char *colon = NULL;
		if (a < q && *a == '[') {
			const char *rb = memchr(a, ']', (size_t)(q - a));
			if (rb && rb + 1 < q && rb[1] == ':')
				colon = rb + 1;
		} else {
			colon = memchr(a, ':', (size_t)(q - a));
		}
		p->host = (span){a, (size_t)((colon ? colon : q) - a)};
		if (colon)
			p->port = (span){colon + 1, (size_t)(q - colon - 1)};
	}
	const char *qm = memchr(q, '?', (size_t)(end - q));
	p->path = (span){q, (size_t)((qm ? qm : end) - q)};
	if (qm)
		p->query = (span){qm + 1, (size_t)(end - qm - 1)};
}

/* Appends `s` percent-encoded: bytes outside printable ASCII and a few unsafe ones
 * become %XX; existing escapes get upper-case hex; a stray '%' becomes %25. */
void kh_url_encode(kh_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char e[3] = {'%', (char)toupper((unsigned char)s[i + 1]),
			             (char)toupper((unsigned char)s[i + 2])};
			kh_buf_add(b, e, 3);
			i += 2;
		} else if (c <= 0x20 || c >= 0x7f || c == '%' || c == '"' || c == '<' || c == '>' ||
		           c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}') {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			kh_buf_add(b, e, 3);
		} else {
			kh_buf_addc(b, (char)c);
		}
	}
}

/* RFC 3986 5.2.4: removes "." and ".." segments from an absolute path in place. */
static size_t remove_dots(char *p, size_t n)
{
	size_t o = 0, i = 0;
	while (i < n) {
		/* segment from i (at a '/') to the next '/' */
		size_t j = i + 1;
		while (j < n && p[j] != '/')
			j++;
		size_t sl = j - i - 1;
		const char *seg = p + i + 1;
		if (sl == 1 && seg[0] == '.') {
			if (j == n)
				p[o++] = '/';
		} else if (sl == 2 && seg[0] == '.' && seg[1] == '.') {
			while (o > 0 && p[o - 1] != '/') /* drop the last output segment */
				o--;
			if (o > 0)
				o--;
			if (j == n)
				p[o++] = '/';
		} else {
			memmove(p + o, p + i, j - i);
			o += j - i;
		}
		i = j;
	}
	if (o == 0)
		p[o++] = '/';
	return o;
}

/* Drops tabs and newlines anywhere and white space at both ends (as browsers do). */
static char *clean_copy(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	char *c = malloc(n + 1);
	if (!c)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			c[o++] = s[i];
	c[o] = '\0';
	return c;
}

static int scheme_is(const span *s, const char *name)
{
	return s->s && s->n == strlen(name) && !strncasecmp(s->s, name, s->n);
}

/* Resolves `ref` against the absolute `base` (RFC 3986 5.2.2), unencoded. */
static int resolve(const char *ref, const char *base, kh_buf *out)
{
	parts r, b;
	split(ref, strlen(ref), &r);
	if (r.scheme.s)
		return kh_buf_adds(out, ref);
	split(base, strlen(base), &b);
	if (!b.scheme.s || !b.has_authority)
		return -1;
	kh_buf_add(out, b.scheme.s, b.scheme.n);
	kh_buf_addc(out, ':');
	if (r.has_authority)
		return kh_buf_adds(out, ref);
	kh_buf_adds(out, "//");
	kh_buf_add(out, b.host.s, b.host.n);
	if (b.port.s) {
		kh_buf_addc(out, ':');
		kh_buf_add(out, b.port.s, b.port.n);
	}
	const char *hash = strchr(ref, '#');
	size_t rlen = hash ? (size_t)(hash - ref) : strlen(ref);
	if (r.path.n == 0) {
		kh_buf_add(out, b.path.s, b.path.n);
		if (r.query.s) {
			kh_buf_addc(out, '?');
			kh_buf_add(out, r.query.s, r.query.n);
		} else if (b.query.s) {
			kh_buf_addc(out, '?');
			kh_buf_add(out, b.query.s, b.query.n);
		}
		return out->failed ? -1 : 0;
	}
	if (ref[0] != '/') {
		/* merge: the base path up to its last '/' */
		size_t k = b.path.n;
		while (k > 0 && b.path.s[k - 1] != '/')
			k--;
		if (k == 0)
			kh_buf_addc(out, '/');
		else
			kh_buf_add(out, b.path.s, k);
	}
	return kh_buf_add(out, ref, rlen);
}

kh_status kh_url_canonical(const char *url, const char *base, char **out, kh_error *err)
{
	*out = NULL;
	char *u = clean_copy(url);
	if (!u)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	kh_buf abs = {0}, o = {0};
	kh_status rc = KH_OK;
	if (base && *base) {
		char *bc = clean_copy(base);
		int bad = !bc || resolve(u, bc, &abs) != 0;
		free(bc);
		if (bad || abs.failed) {
			rc = kh_error_set(err, abs.failed || !bc ? KH_ERR_NOMEM : KH_ERR_USAGE,
			                  "%.120s: cannot resolve against the base URL", url);
			goto done;
		}
	} else if (kh_buf_adds(&abs, u) != 0) {
		rc = kh_error_set(err, KH_ERR_NOMEM, "out of memory");
		goto done;
	}
	if (!abs.data) {
		rc = kh_error_set(err, KH_ERR_USAGE, "an empty URL");
		goto done;
	}
	parts p;
	split(abs.data, abs.len, &p);
	int https = scheme_is(&p.scheme, "https");
	if (!https && !scheme_is(&p.scheme, "http")) {
		rc = kh_error_set(err, KH_ERR_USAGE, "%.120s: not an http or https URL", url);
		goto done;
	}
	if (!p.has_authority || p.host.n == 0) {
		rc = kh_error_set(err, KH_ERR_USAGE, "%.120s: no host name", url);
		goto done;
	}
	kh_buf_adds(&o, https ? "https://" : "http://");
	size_t hn = p.host.n;
	while (hn > 1 && p.host.s[hn - 1] == '.')
		hn--;
	for (size_t i = 0; i < hn; i++) {
		unsigned char c = (unsigned char)p.host.s[i];
		if (c <= 0x20 || c == '%' || c == '\\' || c == '<' || c == '>' || c == '"') {
			rc = kh_error_set(err, KH_ERR_USAGE, "%.120s: bad host name", url);
			goto done;
		}
		kh_buf_addc(&o, (char)tolower(c));
	}
	if (p.port.s) {
		long port = 0;
		for (size_t i = 0; i < p.port.n; i++) {
			if (!isdigit((unsigned char)p.port.s[i]) ||
			    (port = port * 10 + (p.port.s[i] - '0')) > 65535) {
				rc = kh_error_set(err, KH_ERR_USAGE, "%.120s: bad port", url);
				goto done;
			}
		}
		if (p.port.n && port != (https ? 443 : 80)) {
			char num[8];
			int k = snprintf(num, sizeof num, ":%ld", port);
			kh_buf_add(&o, num, (size_t)k);
		}
	}
	size_t path_at = o.len;
	if (p.path.n == 0 || p.path.s[0] != '/')
		kh_buf_addc(&o, '/');
	kh_url_encode(&o, p.path.s, p.path.n);
	if (o.failed) {
		rc = kh_error_set(err, KH_ERR_NOMEM, "out of memory");
		goto done;
	}
	o.len = path_at + remove_dots(o.data + path_at, o.len - path_at);
	o.data[o.len] = '\0';
	if (p.query.s) {
		int first = 1;
		const char *q = p.query.s, *qe = q + p.query.n;
		while (q < qe) {
			const char *amp = memchr(q, '&', (size_t)(qe - q));
			const char *pe = amp ? amp : qe;
			const char *eq = memchr(q, '=', (size_t)(pe - q));
			size_t name = (size_t)((eq ? eq : pe) - q);
			if (pe > q && !is_tracking(q, name)) {
				kh_buf_addc(&o, first ? '?' : '&');
				kh_url_encode(&o, q, (size_t)(pe - q));
				first = 0;
			}
			q = amp ? amp + 1 : qe;
		}
	}
	if (o.failed) {
		rc = kh_error_set(err, KH_ERR_NOMEM, "out of memory");
		goto done;
	}
	*out = kh_buf_detach(&o, NULL);
done:
	free(u);
	kh_buf_free(&abs);
	kh_buf_free(&o);
	return rc;
}

int kh_url_origin(const char *url, char *out, size_t n)
{
	const char *s = strstr(url, "://");
	if (!s)
		return -1;
	const char *e = strchr(s + 3, '/');
	size_t len = e ? (size_t)(e - url) : strlen(url);
	if (len + 1 > n)
		return -1;
	memcpy(out, url, len);
	out[len] = '\0';
	return 0;
}
