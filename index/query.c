/* query.c — the query language of `khabar search`: words, phrases in quotes, and
 * prefixes («speaker:«زارع پور» org:"..." type:facts date:A..B percent:A..B agency:X»). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "khabar/index.h"

/* Reads one value at *p: «...», "..." or a bare word up to white space. Writes it
 * NUL-terminated into *w and advances; -1 for an unbalanced quote. */
static int value(char **p, char **w, char **out)
{
	char *s = *p;
	const char *close = NULL;
	if (!strncmp(s, "«", 2))
		close = "»", s += 2;
	else if (*s == '"')
		close = "\"", s += 1;
	*out = *w;
	if (close) {
		char *e = strstr(s, close);
		if (!e)
			return -1;
		size_t n = (size_t)(e - s);
		memcpy(*w, s, n);
		(*w)[n] = '\0';
		*w += n + 1;
		*p = e + strlen(close);
		return 0;
	}
	size_t n = strcspn(s, " \t\n");
	memcpy(*w, s, n);
	(*w)[n] = '\0';
	*w += n + 1;
	*p = s + n;
	return 0;
}

/* «A..B» into two strings (either may be empty); -1 without «..». */
static int range(char *v, char **a, char **b)
{
	char *dots = strstr(v, "..");
	if (!dots)
		return -1;
	*dots = '\0';
	*a = v;
	*b = dots + 2;
	return 0;
}

static int number(const char *s, double *out)
{
	char *end;
	if (!*s)
		return -1;
	*out = strtod(s, &end);
	return *end || !isfinite(*out) ? -1 : 0;
}

/* Persian and Arabic-Indic digits to ASCII, «/» to «-», in place (dates and numbers are
 * typed both ways). */
static void ascii_digits(char *v)
{
	char *w = v;
	for (unsigned char *p = (unsigned char *)v; *p;) {
		if ((p[0] == 0xDB && p[1] >= 0xB0 && p[1] <= 0xB9) ||
		    (p[0] == 0xD9 && p[1] >= 0xA0 && p[1] <= 0xA9)) {
			*w++ = (char)('0' + (p[1] & 0x0F));
			p += 2;
		} else {
			*w++ = *p == '/' ? '-' : (char)*p;
			p++;
		}
	}
	*w = '\0';
}

kh_status kh_query_set(kh_query *q, const char *key, char *v, kh_error *err)
{
	char *a, *b;
	if (!strcmp(key, "speaker") || !strcmp(key, "org") || !strcmp(key, "agency")) {
		const char **f = !strcmp(key, "speaker") ? &q->speaker
		                 : !strcmp(key, "org")   ? &q->org
		                                         : &q->agency;
		if (!*v)
			return kh_error_set(err, KH_ERR_USAGE, "%s: wants a name, not nothing",
			                    key);
		*f = v;
	} else if (!strcmp(key, "type")) {
		q->type = !strcmp(v, "articles") || !strcmp(v, "article")       ? KH_DOC_ARTICLE
		          : !strcmp(v, "statements") || !strcmp(v, "statement") ? KH_DOC_STATEMENT
		          : !strcmp(v, "facts") || !strcmp(v, "fact")           ? KH_DOC_FACT
		                                                                : KH_DOC_ANY;
		if (q->type == KH_DOC_ANY)
			return kh_error_set(err, KH_ERR_USAGE,
			                    "type: is articles, statements or facts, not '%s'", v);
	} else if (!strcmp(key, "date")) {
		ascii_digits(v);
		if (range(v, &a, &b))
			return kh_error_set(err, KH_ERR_USAGE,
			                    "date: wants a range FROM..TO, not '%s'", v);
		q->from = *a ? a : NULL;
		q->to = *b ? b : NULL;
	} else if (!strcmp(key, "from") || !strcmp(key, "to")) {
		ascii_digits(v);
		*(!strcmp(key, "from") ? &q->from : &q->to) = *v ? v : NULL;
	} else if (!strcmp(key, "percent")) {
		ascii_digits(v);
		if (range(v, &a, &b) || (*a && number(a, &q->percent_min)) ||
		    (*b && number(b, &q->percent_max)))
			return kh_error_set(err, KH_ERR_USAGE,
			                    "percent: wants a range MIN..MAX of numbers, not '%s'",
			                    v);
		if (!*a)
			q->percent_min = -1e300;
		if (!*b)
			q->percent_max = 1e300;
		if (q->percent_min > q->percent_max)
			return kh_error_set(err, KH_ERR_USAGE, "percent: %g is above %g",
			                    q->percent_min, q->percent_max);
		q->has_percent = 1;
	} else {
		return kh_error_set(err, KH_ERR_USAGE,
		                    "unknown prefix '%s:' (speaker, org, agency, type, date, from, "
		                    "to, percent)",
		                    key);
	}
	return KH_OK;
}

kh_status kh_query_parse(const char *s, kh_query *q, char **storage, kh_error *err)
{
	memset(q, 0, sizeof *q);
	size_t n = strlen(s);
	char *buf = malloc(4 * n + 16), *copy = buf + 3 * n + 12, *w = buf;
	*storage = buf;
	if (!buf)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory reading the query");
	memcpy(copy, s, n + 1);
	/* the free words are gathered at the end of buf, after the prefixes' values */
	char text[4096];
	size_t tl = 0;
	char *p = copy;
	while (*p) {
		if (*p == ' ' || *p == '\t' || *p == '\n') {
			p++;
			continue;
		}
		char *colon = strchr(p, ':'), *space = p + strcspn(p, " \t\n");
		int prefixed =
		        colon && colon < space && colon > p && colon[1] != '\0' && colon[1] != ' ';
		if (!prefixed) {
			char *v;
			char *start = p;
			if (value(&p, &w, &v))
				return kh_error_set(err, KH_ERR_USAGE,
				                    "unbalanced quote in the query");
			size_t vl = (size_t)(p - start);
			if (tl + vl + 2 >= sizeof text)
				return kh_error_set(err, KH_ERR_USAGE, "query too long");
			memcpy(text + tl, start, vl); /* quotes kept: a phrase */
			tl += vl;
			text[tl++] = ' ';
			continue;
		}
		size_t kl = (size_t)(colon - p);
		char key[32];
		if (kl >= sizeof key)
			return kh_error_set(err, KH_ERR_USAGE, "unknown prefix '%.*s:'", (int)kl,
			                    p);
		memcpy(key, p, kl);
		key[kl] = '\0';
		p = colon + 1;
		char *v;
		if (value(&p, &w, &v))
			return kh_error_set(err, KH_ERR_USAGE, "unbalanced quote after '%s:'", key);
		kh_status rc = kh_query_set(q, key, v, err);
		if (rc)
			return rc;
	}
	if (tl) {
		text[tl - 1] = '\0';
		memcpy(w, text, tl);
		q->text = w;
	}
	return KH_OK;
}
