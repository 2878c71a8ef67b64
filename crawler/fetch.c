/* fetch.c — one HTTP transfer with khabar's rules: http/https only (redirects too), a
 * capped body (counted after decompression, so a gzip bomb stops early), timeouts and a
 * low-speed cut-off, conditional GET, and a clear account of what went wrong. */
#define _GNU_SOURCE /* strcasestr */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "crawlint.h"
#include "khabar/version.h"

#define DEFAULT_MAX_BODY ((size_t)16 << 20)
/* A body this many times larger than the bytes on the wire is a decompression bomb. */
#define BOMB_RATIO 100
#define BOMB_FLOOR ((size_t)1 << 20)

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static void global_init(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}
void kh_curl_global(void)
{
	pthread_once(&global_once, global_init);
}

double kh_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

const char *kh_user_agent(const char *contact, char *buf, size_t n)
{
	if (!contact || !*contact)
		return "khabar/" KH_VERSION " (Persian news crawler)";
	snprintf(buf, n, "khabar/%s (Persian news crawler; +%s)", KH_VERSION, contact);
	return buf;
}

static size_t on_body(char *p, size_t size, size_t nmemb, void *arg)
{
	kh_transfer *t = arg;
	size_t n = size * nmemb;
	if (t->body.len + n > t->max_body) {
		t->too_big = 1;
		return 0; /* aborts the transfer: CURLE_WRITE_ERROR */
	}
	if (t->body.len + n > BOMB_FLOOR) {
		curl_off_t wire = 0;
		curl_easy_getinfo(t->h, CURLINFO_SIZE_DOWNLOAD_T, &wire);
		if (wire > 0 && t->body.len + n > (size_t)wire * BOMB_RATIO) {
			t->bomb = 1;
			return 0;
		}
	}
	if (kh_buf_add(&t->body, p, n))
		return 0;
	return n;
}

/* Keeps the value of header `name` ("ETag") when `line` is that header. */
static void header_value(const char *line, size_t n, const char *name, char **slot)
{
	size_t k = strlen(name);
	if (n <= k + 1 || strncasecmp(line, name, k) || line[k] != ':')
		return;
	const char *v = line + k + 1, *e = line + n;
	while (v < e && (*v == ' ' || *v == '\t'))
		v++;
	while (e > v && isspace((unsigned char)e[-1]))
		e--;
	if (e - v > 512)
		return;
	free(*slot);
	*slot = strndup(v, (size_t)(e - v));
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *arg)
{
	kh_transfer *t = arg;
	size_t n = size * nmemb;
	if (n > 5 && !strncmp(p, "HTTP/", 5)) { /* a new response (after a redirect) */
		free(t->etag);
		free(t->last_modified);
		t->etag = t->last_modified = NULL;
	}
	header_value(p, n, "ETag", &t->etag);
	header_value(p, n, "Last-Modified", &t->last_modified);
	return n;
}

static int add_header(kh_transfer *t, const char *name, const char *value)
{
	char line[640];
	if (!value || !*value || strlen(value) > 512 || strpbrk(value, "\r\n"))
		return 0;
	snprintf(line, sizeof line, "%s: %s", name, value);
	struct curl_slist *l = curl_slist_append(t->headers, line);
	if (!l)
		return -1;
	t->headers = l;
	return 0;
}

int kh_transfer_init(kh_transfer *t, const char *url, const kh_fetch_options *o, const char *ua)
{
	kh_curl_global();
	void *job = t->job;
	memset(t, 0, sizeof *t);
	t->job = job;
	t->started = kh_now();
	t->max_body = o->max_body ? o->max_body : DEFAULT_MAX_BODY;
	if (!(t->h = curl_easy_init()))
		return -1;
	if (add_header(t, "If-None-Match", o->if_none_match) ||
	    add_header(t, "If-Modified-Since", o->if_modified_since) ||
	    add_header(t, "Accept",
	               "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")) {
		kh_transfer_free(t);
		return -1;
	}
	CURL *h = t->h;
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, o->no_follow ? 0L : 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, o->max_redirects ? o->max_redirects : 5L);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding libcurl decodes */
	curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L);
	curl_easy_setopt(h, CURLOPT_USERAGENT, ua);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
	                 o->connect_timeout_ms ? o->connect_timeout_ms : 10000L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, o->timeout_ms ? o->timeout_ms : 60000L);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT,
	                 o->low_speed_bytes ? o->low_speed_bytes : 256L);
	curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, o->low_speed_secs ? o->low_speed_secs : 15L);
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)t->max_body);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(h, CURLOPT_PRIVATE, t);
	if (t->headers)
		curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->headers);
	return 0;
}

static int retryable_code(CURLcode c)
{
	switch (c) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_SSL_CONNECT_ERROR: return 1;
	default: return 0;
	}
}

void kh_transfer_result(kh_transfer *t, CURLcode code, kh_response *r)
{
	memset(r, 0, sizeof *r);
	r->retry_after = -1;
	curl_easy_getinfo(t->h, CURLINFO_RESPONSE_CODE, &r->status);
	char *ct = NULL, *eff = NULL;
	curl_easy_getinfo(t->h, CURLINFO_CONTENT_TYPE, &ct);
	curl_easy_getinfo(t->h, CURLINFO_EFFECTIVE_URL, &eff);
	curl_off_t ra = 0;
	if (curl_easy_getinfo(t->h, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK && ra > 0)
		r->retry_after = (long)(ra < 86400 * 7 ? ra : 86400 * 7);
	if (eff)
		r->final_url = strdup(eff);
	char *loc = NULL;
	if (r->status >= 300 && r->status < 400 && r->status != 304 &&
	    curl_easy_getinfo(t->h, CURLINFO_REDIRECT_URL, &loc) == CURLE_OK && loc)
		r->location = strdup(loc); /* set only when the redirect was not followed */
	if (ct) {
		size_t n = strcspn(ct, "; \t");
		r->content_type = strndup(ct, n);
		const char *cs = strcasestr(ct, "charset=");
		if (cs) {
			cs += 8;
			if (*cs == '"' || *cs == '\'')
				cs++;
			size_t k = strcspn(cs, "\"'; \t");
			if (k >= sizeof r->charset)
				k = sizeof r->charset - 1;
			memcpy(r->charset, cs, k);
			r->charset[k] = '\0';
		}
	}
	r->etag = t->etag;
	r->last_modified = t->last_modified;
	t->etag = t->last_modified = NULL;
	if (code == CURLE_OK) {
		r->body = kh_buf_detach(&t->body, &r->len);
		if (!r->body)
			snprintf(r->error, sizeof r->error, "out of memory");
		else if (r->status >= 400 ||
		         (r->status >= 300 && r->status != 304 && !r->location)) {
			snprintf(r->error, sizeof r->error, "HTTP %ld", r->status);
			r->retryable = r->status >= 500 || r->status == 429 || r->status == 408;
			if (r->status == 501 || r->status == 505)
				r->retryable = 0;
		}
		return;
	}
	kh_buf_free(&t->body);
	if (t->too_big)
		snprintf(r->error, sizeof r->error, "body over the limit of %zu bytes",
		         t->max_body);
	else if (t->bomb)
		snprintf(r->error, sizeof r->error,
		         "decompressed body over %d times its compressed size (a bomb?)",
		         BOMB_RATIO);
	else if (code == CURLE_FILESIZE_EXCEEDED)
		snprintf(r->error, sizeof r->error, "declared size over the limit of %zu bytes",
		         t->max_body);
	else if (code == CURLE_UNSUPPORTED_PROTOCOL)
		snprintf(r->error, sizeof r->error,
		         "redirect to a scheme other than http/https: %.100s",
		         t->errbuf[0] ? t->errbuf : curl_easy_strerror(code));
	else
		snprintf(r->error, sizeof r->error, "%.150s",
		         t->errbuf[0] ? t->errbuf : curl_easy_strerror(code));
	r->retryable = retryable_code(code);
}

void kh_transfer_free(kh_transfer *t)
{
	if (t->h)
		curl_easy_cleanup(t->h);
	curl_slist_free_all(t->headers);
	kh_buf_free(&t->body);
	free(t->etag);
	free(t->last_modified);
	t->h = NULL;
	t->headers = NULL;
	t->etag = t->last_modified = NULL;
}

void kh_response_clear(kh_response *r)
{
	free(r->body);
	free(r->content_type);
	free(r->final_url);
	free(r->location);
	free(r->etag);
	free(r->last_modified);
	memset(r, 0, sizeof *r);
	r->retry_after = -1;
}

kh_status kh_fetch(const char *url, const kh_fetch_options *o, kh_response *out, kh_error *err)
{
	memset(out, 0, sizeof *out);
	out->retry_after = -1;
	kh_fetch_options def = {0};
	if (!o)
		o = &def;
	char *canon = NULL;
	kh_status rc = kh_url_canonical(url, NULL, &canon, err);
	if (rc)
		return rc;
	char uabuf[256];
	kh_transfer t = {0};
	if (kh_transfer_init(&t, canon, o, kh_user_agent(o->contact, uabuf, sizeof uabuf))) {
		free(canon);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	}
	CURLcode code = curl_easy_perform(t.h);
	kh_transfer_result(&t, code, out);
	kh_transfer_free(&t);
	free(canon);
	if (out->error[0])
		return kh_error_set(err, KH_ERR_IO, "%.200s: %s", url, out->error);
	return KH_OK;
}
