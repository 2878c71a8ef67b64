/* params.c — the parameters of a request's query string, as libmicrohttpd decodes them:
 * checked one by one (UTF-8, length, no NUL, not twice), then read as a search the same
 * way `khabar search` reads its options (kh_query_parse and kh_query_set). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

/* The length of the valid UTF-8 sequence at s (n bytes left), 0 when it is not one
 * (overlong forms, surrogates and code points past U+10FFFF included). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return 1;
	size_t len = s[0] >= 0xC2 && s[0] <= 0xDF   ? 2
	             : s[0] >= 0xE0 && s[0] <= 0xEF ? 3
	             : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4
	                                            : 0;
	if (!len || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
		return 0;
	return len;
}

static int utf8_valid(const char *s, size_t n)
{
	for (size_t i = 0, k; i < n; i += k)
		if (!(k = utf8_seq((const unsigned char *)s + i, n - i)))
			return 0;
	return 1;
}

void kh_utf8_scrub(char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0, k; i < n; i += k)
		if (!(k = utf8_seq((unsigned char *)s + i, n - i)))
			s[i] = '?', k = 1;
}

static int refuse(kh_params *ps, const char *fmt, const char *a, const char *b)
{
	if (!ps->bad) {
		ps->bad = 1;
		snprintf(ps->error, sizeof ps->error, fmt, a, b);
	}
	return -1;
}

/* A parameter's name fit to print: letters, digits, «_», «-», «.», at most 32. */
static int name_ok(const char *k, size_t n)
{
	if (!n || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(k[i] >= 'a' && k[i] <= 'z') && !(k[i] >= 'A' && k[i] <= 'Z') &&
		    !(k[i] >= '0' && k[i] <= '9') && !strchr("_-.", k[i]))
			return 0;
	return 1;
}

/* The first bytes of a value, cut at a character's boundary, for a message. */
static const char *excerpt(const char *v, char *buf, size_t size)
{
	size_t n = 0, len = strlen(v);
	for (size_t k;
	     n < len && (k = utf8_seq((const unsigned char *)v + n, len - n)) && n + k < size - 4;
	     n += k)
		;
	memcpy(buf, v, n);
	strcpy(buf + n, v[n] ? "..." : "");
	return buf;
}

int kh_params_add(kh_params *ps, const char *key, size_t klen, const char *value, size_t vlen)
{
	if (ps->bad)
		return -1;
	if (!value)
		value = "", vlen = 0; /* «?a» with no «=» */
	if (!name_ok(key, klen))
		return refuse(ps, "bad parameter name (letters, digits, '_', at most 32)%s%s", "",
		              "");
	char k[33];
	memcpy(k, key, klen);
	k[klen] = '\0';
	if (ps->n == KH_PARAMS_MAX)
		return refuse(ps, "too many parameters (at most %s)%s", "24", "");
	if (vlen > KH_PARAM_VALUE_MAX)
		return refuse(ps, "parameter '%s' is too long (at most %s bytes)", k, "2048");
	if (memchr(value, '\0', vlen))
		return refuse(ps, "parameter '%s' holds a NUL byte%s", k, "");
	if (!utf8_valid(value, vlen))
		return refuse(ps, "parameter '%s' is not UTF-8%s", k, "");
	if (kh_params_get(ps, k))
		return refuse(ps, "parameter '%s' is given twice%s", k, "");
	char *kc = strdup(k), *vc = malloc(vlen + 1);
	if (!kc || !vc) {
		free(kc);
		free(vc);
		return refuse(ps, "out of memory reading the parameters%s%s", "", "");
	}
	memcpy(vc, value, vlen);
	vc[vlen] = '\0';
	ps->p[ps->n].key = kc;
	ps->p[ps->n++].value = vc;
	return 0;
}

const char *kh_params_get(const kh_params *ps, const char *key)
{
	for (size_t i = 0; i < ps->n; i++)
		if (!strcmp(ps->p[i].key, key))
			return ps->p[i].value;
	return NULL;
}

static char *value_of(kh_params *ps, const char *key)
{
	for (size_t i = 0; i < ps->n; i++)
		if (!strcmp(ps->p[i].key, key))
			return ps->p[i].value;
	return NULL;
}

int kh_params_only(kh_params *ps, const char *const *allowed)
{
	if (ps->bad)
		return -1;
	for (size_t i = 0; i < ps->n; i++) {
		size_t k = 0;
		while (allowed[k] && strcmp(allowed[k], ps->p[i].key))
			k++;
		if (allowed[k])
			continue;
		char list[160] = "";
		for (k = 0; allowed[k]; k++)
			if (strlen(list) + strlen(allowed[k]) + 3 < sizeof list)
				strcat(strcat(list, k ? ", " : ""), allowed[k]);
		return refuse(ps, "unknown parameter '%s' (%s)", ps->p[i].key,
		              *list ? list : "none");
	}
	return 0;
}

int kh_params_count(kh_params *ps, const char *key, size_t def, size_t min, size_t max, size_t *out)
{
	if (ps->bad)
		return -1;
	const char *v = kh_params_get(ps, key);
	*out = def;
	if (!v)
		return 0;
	size_t n = 0, i = 0;
	for (; v[i] >= '0' && v[i] <= '9' && i < 9; i++)
		n = n * 10 + (size_t)(v[i] - '0');
	if (!i || v[i] || n < min || n > max) {
		char range[112], ex[48];
		snprintf(range, sizeof range, "a number from %zu to %zu, not '%s'", min, max,
		         excerpt(v, ex, sizeof ex));
		return refuse(ps, "%s: wants %s", key, range);
	}
	*out = n;
	return 0;
}

kh_status kh_params_query(kh_params *ps, kh_query *query, char **storage, kh_error *err)
{
	static const char *const allowed[] = {"q",      "type",   "speaker", "org",
	                                      "agency", "from",   "to",      "percent",
	                                      "limit",  "offset", NULL};
	static const char *const fields[] = {"type", "speaker", "org",     "agency",
	                                     "from", "to",      "percent", NULL};
	*storage = NULL;
	memset(query, 0, sizeof *query);
	size_t limit, offset;
	if (kh_params_only(ps, allowed) ||
	    kh_params_count(ps, "limit", 10, 1, KH_SEARCH_LIMIT_MAX, &limit) ||
	    kh_params_count(ps, "offset", 0, 0, KH_SEARCH_OFFSET_MAX, &offset))
		return kh_error_set(err, KH_ERR_USAGE, "%s", ps->error);
	const char *q = kh_params_get(ps, "q");
	kh_status rc = kh_query_parse(q ? q : "", query, storage, err);
	for (size_t i = 0; !rc && fields[i]; i++) {
		char *v = value_of(ps, fields[i]);
		if (v)
			rc = kh_query_set(query, fields[i], v, err);
	}
	if (rc)
		return rc;
	query->limit = limit;
	query->offset = offset;
	return KH_OK;
}

void kh_params_free(kh_params *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		free(ps->p[i].key);
		free(ps->p[i].value);
	}
	ps->n = 0;
}
