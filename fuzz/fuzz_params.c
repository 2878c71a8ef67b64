/* fuzz_params.c — libFuzzer target: any bytes as the query string of a request to
 * `khabar serve`, split and decoded the way libmicrohttpd does («+» a space, then %XX),
 * read by the server's parameter code (cli/serve/params.c) as /api/search reads them
 * (kh_params_query: kh_query_parse and kh_query_set) and as /api/person does: a query or
 * a one-line error, never a crash; the error is a valid JSON reply. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <microhttpd.h>

#include "serve/serve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 15)
		return 0;
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	kh_params ps = {0};
	for (char *save, *pair = strtok_r(s, "&", &save); pair; pair = strtok_r(NULL, "&", &save)) {
		char *eq = strchr(pair, '='), *value = NULL;
		if (eq)
			*eq = '\0', value = eq + 1;
		for (char *p = pair; *p; p++)
			if (*p == '+')
				*p = ' ';
		size_t kl = MHD_http_unescape(pair), vl = 0;
		if (value) {
			for (char *p = value; *p; p++)
				if (*p == '+')
					*p = ' ';
			vl = MHD_http_unescape(value);
		}
		kh_params_add(&ps, pair, kl, value, vl);
	}
	kh_query q;
	char *storage = NULL;
	kh_error err = {0};
	kh_reply r = {0};
	if (kh_params_query(&ps, &q, &storage, &err) == KH_OK) {
		if (q.limit < 1 || q.limit > KH_SEARCH_LIMIT_MAX || q.offset > KH_SEARCH_OFFSET_MAX)
			abort();
	} else {
		if (!err.message[0])
			abort();
		kh_reply_error(&r, 400, err.message);
		json_t *o = r.body ? json_loadb(r.body, r.len, 0, NULL) : NULL;
		if (r.body && (!o || !json_is_string(json_object_get(o, "error"))))
			abort(); /* every error reply is JSON with its message */
		json_decref(o);
		free(r.body);
	}
	free(storage);
	/* the same parameters as /api/person's and /api/people's */
	static const char *const person[] = {"name", "from", "to", "limit", NULL};
	size_t limit;
	if (!kh_params_only(&ps, person) && !kh_params_count(&ps, "limit", 10, 1, 1000, &limit) &&
	    (limit < 1 || limit > 1000))
		abort();
	kh_params_free(&ps);
	free(s);
	return 0;
}
