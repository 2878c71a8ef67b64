/* http.c — the HTTP side of `khabar serve` on libmicrohttpd (which parses every request;
 * nothing here does): GET and HEAD only, bodies refused past a few bytes, the page's
 * compiled-in files and the JSON API by path, everything else 404, one log line a
 * request. A bad request gets its status and a one-line JSON error; it never stops the
 * server. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <microhttpd.h>

#include "serve.h"

#define KH_BODY_MAX 1024 /* bytes of a request body (GET has none to speak of) */
#define KH_URI_MAX  8192 /* bytes of a request's path and query */

struct kh_server {
	struct MHD_Daemon *d;
	kh_pool *pool;
	int quiet;
	int starting; /* libmicrohttpd's messages go to `why` until it runs */
	char why[160];
};

/* One request, from its first line to its end (libmicrohttpd's per-request pointer). */
typedef struct request {
	struct timespec start;
	char uri[400]; /* as received, cut and with control bytes replaced, for the log */
	size_t uri_len;
	char method[16];
	int started, answered, status;
	size_t body, bytes;
} request;

static void *uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls;
	(void)c;
	request *rq = calloc(1, sizeof *rq);
	if (!rq)
		return NULL;
	clock_gettime(CLOCK_MONOTONIC, &rq->start);
	rq->uri_len = strlen(uri);
	snprintf(rq->uri, sizeof rq->uri, "%s", uri);
	if (rq->uri_len >= sizeof rq->uri)
		memcpy(rq->uri + sizeof rq->uri - 4, "...", 4);
	for (char *p = rq->uri; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == ' ')
			*p = '?';
	return rq;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
	kh_server *s = cls;
	request *rq = *con_cls;
	(void)toe;
	if (!rq)
		return;
	*con_cls = NULL;
	if (!s->quiet) {
		struct timespec end;
		clock_gettime(CLOCK_MONOTONIC, &end);
		double ms = (end.tv_sec - rq->start.tv_sec) * 1e3 +
		            (end.tv_nsec - rq->start.tv_nsec) / 1e6;
		char when[32], addr[INET6_ADDRSTRLEN] = "-";
		time_t t = time(NULL);
		struct tm tm;
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
		const union MHD_ConnectionInfo *ci =
		        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		if (ci && ci->client_addr) {
			const struct sockaddr *sa = ci->client_addr;
			if (sa->sa_family == AF_INET)
				inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
				          addr, sizeof addr);
			else if (sa->sa_family == AF_INET6)
				inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr,
				          addr, sizeof addr);
		}
		/* one call, one line: the stream's lock keeps threads' lines whole */
		fprintf(stderr, "%s %s %s %s %d %zu %.1fms\n", when, addr,
		        *rq->method ? rq->method : "-", rq->uri, rq->status, rq->bytes, ms);
	}
	free(rq);
}

/* Queues `body` (freed by libmicrohttpd when `owned`) with the headers every reply has. */
static enum MHD_Result send_reply(struct MHD_Connection *c, request *rq, int status,
                                  const char *body, size_t len, const char *type, int owned,
                                  int page)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(
	        len, (void *)body, owned ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!resp) {
		if (owned)
			free((void *)body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type", type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cache-Control", page ? "no-cache" : "no-store");
	if (page) {
		/* our own files only: no inline script or style, nothing from elsewhere */
		MHD_add_response_header(resp, "Content-Security-Policy",
		                        "default-src 'none'; script-src 'self'; style-src 'self'; "
		                        "img-src 'self'; connect-src 'self'; base-uri 'none'; "
		                        "form-action 'self'; frame-ancestors 'none'");
		MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	}
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(resp, "Allow", "GET, HEAD");
	rq->status = status;
	rq->bytes = len;
	rq->answered = 1;
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, request *rq, int status,
                                  const char *msg)
{
	kh_reply r = {0};
	kh_reply_error(&r, status, msg);
	if (!r.body)
		return MHD_NO;
	return send_reply(c, rq, r.status, r.body, r.len, r.type, 1, 0);
}

static enum MHD_Result add_param(void *cls, enum MHD_ValueKind kind, const char *key, size_t klen,
                                 const char *value, size_t vlen)
{
	(void)kind;
	kh_params_add(cls, key, klen, value, vlen);
	return MHD_YES; /* the first refusal is kept; the rest are read and ignored */
}

/* A whole GET or HEAD request: its path to a file or an API reply. */
static enum MHD_Result route(kh_server *s, struct MHD_Connection *c, request *rq, const char *url)
{
	size_t len;
	const char *type;
	const char *file = kh_web_file(url, &len, &type);
	if (file)
		return send_reply(c, rq, MHD_HTTP_OK, file, len, type, 0, 1);
	if (strncmp(url, "/api/", 5))
		return send_error(c, rq, MHD_HTTP_NOT_FOUND, "no such page");
	kh_params ps = {0};
	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, add_param, &ps);
	kh_reply r = {0};
	int known = kh_api(s->pool, url, &ps, &r);
	kh_params_free(&ps);
	if (known)
		return send_error(c, rq, MHD_HTTP_NOT_FOUND, "no such API path");
	if (!r.body)
		return MHD_NO;
	return send_reply(c, rq, r.status, r.body, r.len, r.type, 1, 0);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
	kh_server *s = cls;
	request *rq = *con_cls;
	(void)version;
	(void)upload;
	if (!rq) /* out of memory when the request began */
		return MHD_NO;
	if (rq->answered) { /* refused early: the rest of the body is dropped */
		*upload_size = 0;
		return MHD_YES;
	}
	if (!rq->started) {
		rq->started = 1;
		snprintf(rq->method, sizeof rq->method, "%s", method);
		for (char *p = rq->method; *p; p++)
			if ((unsigned char)*p <= 0x20 || *p == 0x7f)
				*p = '?';
		if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
			return send_error(c, rq, MHD_HTTP_METHOD_NOT_ALLOWED,
			                  "only GET and HEAD are served");
		if (rq->uri_len > KH_URI_MAX)
			return send_error(c, rq, MHD_HTTP_URI_TOO_LONG,
			                  "the request's address is too long");
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		                                             MHD_HTTP_HEADER_CONTENT_LENGTH);
		const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		                                             MHD_HTTP_HEADER_TRANSFER_ENCODING);
		if ((cl && strtoull(cl, NULL, 10) > KH_BODY_MAX) || te)
			return send_error(c, rq, MHD_HTTP_CONTENT_TOO_LARGE,
			                  "the request's body is too large");
		return MHD_YES; /* the body, if any, comes next */
	}
	if (*upload_size) { /* a small body: read and ignored (libmicrohttpd bounds it by its
		               Content-Length, checked above) */
		rq->body += *upload_size;
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->body > KH_BODY_MAX)
		return send_error(c, rq, MHD_HTTP_CONTENT_TOO_LARGE,
		                  "the request's body is too large");
	return route(s, c, rq, url);
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	kh_server *s = cls;
	char line[160];
	vsnprintf(line, sizeof line, fmt, ap);
	line[strcspn(line, "\n")] = '\0';
	if (__atomic_load_n(&s->starting, __ATOMIC_ACQUIRE)) /* in kh_server_start's error */
		snprintf(s->why, sizeof s->why, "%s", line);
	else
		fprintf(stderr, "khabar serve: %s\n", line);
}

kh_status kh_server_start(kh_pool *pool, const kh_server_options *o, kh_server **out,
                          unsigned *port, kh_error *err)
{
	*out = NULL;
	struct sockaddr_in v4 = {0};
	struct sockaddr_in6 v6 = {0};
	struct sockaddr *addr;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
	if (inet_pton(AF_INET, o->host, &v4.sin_addr) == 1) {
		v4.sin_family = AF_INET;
		v4.sin_port = htons((uint16_t)o->port);
		addr = (struct sockaddr *)&v4;
	} else if (inet_pton(AF_INET6, o->host, &v6.sin6_addr) == 1) {
		v6.sin6_family = AF_INET6;
		v6.sin6_port = htons((uint16_t)o->port);
		addr = (struct sockaddr *)&v6;
		flags |= MHD_USE_IPv6;
	} else {
		return kh_error_set(err, KH_ERR_USAGE, "'%s' is not a numeric IPv4 or IPv6 address",
		                    o->host);
	}
	kh_server *s = calloc(1, sizeof *s);
	if (!s)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	s->pool = pool;
	s->quiet = o->quiet;
	s->starting = 1;
	struct MHD_OptionItem opts[] = {
	        {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)mhd_log, s},
	        {MHD_OPTION_SOCK_ADDR, 0, addr},
	        {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)uri_log, s},
	        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, s},
	        {MHD_OPTION_CONNECTION_TIMEOUT, 30, NULL},
	        {MHD_OPTION_CONNECTION_LIMIT, 1000, NULL},
	        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, 64 * 1024, NULL},
	        {o->threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, o->threads, NULL},
	        {MHD_OPTION_END, 0, NULL}};
	s->d = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, handle, s, MHD_OPTION_ARRAY,
	                        opts, MHD_OPTION_END);
	if (!s->d) {
		kh_error_set(err, KH_ERR_IO, "cannot listen on %s port %u: %s", o->host, o->port,
		             *s->why ? s->why : "in use?");
		free(s);
		return KH_ERR_IO;
	}
	__atomic_store_n(&s->starting, 0, __ATOMIC_RELEASE);
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	*port = di ? di->port : o->port;
	*out = s;
	return KH_OK;
}

void kh_server_stop(kh_server *s)
{
	if (!s)
		return;
	MHD_stop_daemon(s->d);
	free(s);
}
