/* hidden.c — article text that a plain parse does not show: text delivered in a
 * script for the page's own JavaScript to render, as a reader with scripts on sees
 * it. The JSON-LD articleBody, and JSON state blobs (Next.js __NEXT_DATA__, Nuxt,
 * `window.__INITIAL_STATE__ = {...}`, <script type=application/json>): the longest
 * prose string of the object that carries the page's headline. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "base/utf8.h"
#include "html/hidden.h"
#include "persian/fold.h"

enum { MIN_CHARS = 300, MAX_DEPTH = 24 };

typedef struct best {
	const char *text;  /* the longest prose string so far (owned by the JSON) */
	size_t chars;      /* its visible characters */
	const char *lead;  /* a lead or summary beside it */
	const char *title; /* the page's headline, folded */
} best;

/* Prose: long, with spaces between words (not a URL, base64 or a CSS blob). */
static size_t prose_chars(const char *s)
{
	size_t n = strlen(s), spaces = 0;
	if (n < MIN_CHARS || !strncmp(s, "http", 4) || strstr(s, "{\"") || strstr(s, "function("))
		return 0;
	for (size_t i = 0; i < n; i++)
		spaces += s[i] == ' ';
	size_t chars = kh_visible_chars(s, n);
	return spaces * 30 > chars ? chars : 0;
}

/* Does object `o` carry the headline in a string field of its own? */
static int has_title(json_t *o, const char *title)
{
	const char *k;
	json_t *v;
	if (!title || !*title)
		return 0;
	json_object_foreach(o, k, v)
	{
		const char *s = json_string_value(v);
		if (!s || strlen(s) > 600)
			continue;
		char *f = kh_fold_dup(s);
		int same = f && !strcmp(f, title);
		free(f);
		if (same)
			return 1;
	}
	return 0;
}

static const char *lead_of(json_t *o)
{
	static const char *const keys[] = {"lead",     "summary", "subtitle", "intro", "excerpt",
	                                   "abstract", "teaser",  "lede",     NULL};
	for (int i = 0; keys[i]; i++) {
		const char *s = json_string_value(json_object_get(o, keys[i]));
		if (s && strlen(s) >= 20 && strlen(s) < 2000)
			return s;
	}
	return NULL;
}

/* The longest prose string of an object that carries the headline, at any depth. */
static void walk(json_t *j, best *b, int depth)
{
	if (depth > MAX_DEPTH)
		return;
	size_t i;
	json_t *v;
	const char *k;
	if (json_is_array(j)) {
		json_array_foreach(j, i, v) walk(v, b, depth + 1);
		return;
	}
	if (!json_is_object(j))
		return;
	int titled = has_title(j, b->title);
	json_object_foreach(j, k, v)
	{
		if (json_is_string(v) && titled) {
			size_t c = prose_chars(json_string_value(v));
			if (c > b->chars) {
				b->text = json_string_value(v);
				b->chars = c;
				b->lead = lead_of(j);
				if (b->lead == b->text)
					b->lead = NULL;
			}
		} else if (json_is_object(v) || json_is_array(v)) {
			walk(v, b, depth + 1);
		}
	}
}

/* Appends paragraph `s` (n bytes, collapsed) to `out` with a blank line before it. */
static void add_para(kh_buf *out, const char *s, size_t n)
{
	char *p = kh_collapse_dup(s, n);
	if (!p) {
		out->failed = 1;
		return;
	}
	if (*p) {
		if (out->len)
			kh_buf_adds(out, "\n\n");
		kh_buf_adds(out, p);
	}
	free(p);
}

/* The paragraphs of `s`: of its block elements when it is HTML, else its lines. */
static void paragraphs(const char *s, kh_buf *out)
{
	if (strstr(s, "<p") || strstr(s, "<div") || strstr(s, "<br")) {
		htmlDocPtr doc = kh_dom_parse(s, strlen(s));
		if (!doc) {
			out->failed = 1;
			return;
		}
		xmlNodePtr root = kh_dom_body(doc);
		kh_buf para = {0};
		int pending = 0;
		int skip = 0;
		for (xmlNodePtr n = root; n; n = kh_dom_next(n, root, skip)) {
			skip = 0;
			if (n->type == XML_TEXT_NODE && n->content) {
				kh_append_collapsed(&para, (const char *)n->content,
				                    strlen((const char *)n->content), &pending);
				continue;
			}
			if (n->type != XML_ELEMENT_NODE || n == root)
				continue;
			if (kh_dom_is(n, "script") || kh_dom_is(n, "style")) {
				skip = 1;
				continue;
			}
			if (kh_dom_is_block_name((const char *)n->name) || kh_dom_is(n, "br")) {
				if (para.len)
					add_para(out, para.data, para.len);
				para.len = 0;
				pending = 0;
			}
		}
		if (para.len)
			add_para(out, para.data, para.len);
		if (para.failed)
			out->failed = 1;
		kh_buf_free(&para);
		xmlFreeDoc(doc);
		return;
	}
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, "\n");
		add_para(out, p, n);
		p += n;
		while (*p == '\n' || *p == '\r')
			p++;
	}
}

/* The JSON of a state script: all of it, or the object after «= » in
 * `window.__INITIAL_STATE__ = {...};`. */
static json_t *state_json(xmlNodePtr script)
{
	const char *type = kh_dom_attr(script, "type");
	const char *id = kh_dom_attr(script, "id");
	int json = (type && !strcasecmp(type, "application/json")) ||
	           (id && (!strcmp(id, "__NEXT_DATA__") || !strcmp(id, "__NUXT_DATA__")));
	xmlChar *txt = xmlNodeGetContent(script);
	if (!txt)
		return NULL;
	const char *s = (const char *)txt, *from = NULL, *to = NULL;
	if (json) {
		from = s;
		to = s + strlen(s);
	} else if (strstr(s, "__INITIAL_STATE__") || strstr(s, "__PRELOADED_STATE__") ||
	           strstr(s, "__NUXT__") || strstr(s, "__APOLLO_STATE__")) {
		from = strchr(s, '{');
		to = strrchr(s, '}');
		to = to ? to + 1 : NULL;
	}
	json_t *j = NULL;
	if (from && to && to > from) {
		json_error_t err;
		j = json_loadb(from, (size_t)(to - from), JSON_DECODE_ANY, &err);
	}
	xmlFree(txt);
	return j;
}

int kh_hidden_text(htmlDocPtr doc, const char *ld_body, const char *title, char **out)
{
	*out = NULL;
	kh_buf b = {0};
	if (ld_body && prose_chars(ld_body)) {
		paragraphs(ld_body, &b);
	} else if (title) {
		best bs = {0};
		char *ft = kh_fold_dup(title);
		if (!ft)
			return -1;
		bs.title = ft;
		xmlNodePtr root = xmlDocGetRootElement(doc);
		json_t *chosen = NULL;
		for (xmlNodePtr n = root; n; n = kh_dom_next(n, root, 0)) {
			if (!kh_dom_is(n, "script"))
				continue;
			json_t *j = state_json(n);
			if (!j)
				continue;
			size_t before = bs.chars;
			walk(j, &bs, 0);
			if (bs.chars > before) {
				json_decref(chosen); /* the strings of the best live in it */
				chosen = j;
			} else {
				json_decref(j);
			}
		}
		if (bs.text) {
			if (bs.lead)
				paragraphs(bs.lead, &b);
			paragraphs(bs.text, &b);
		}
		json_decref(chosen);
		free(ft);
	}
	if (b.failed) {
		kh_buf_free(&b);
		return -1;
	}
	if (!b.len) {
		kh_buf_free(&b);
		return 0;
	}
	*out = kh_buf_detach(&b, NULL);
	return *out ? 0 : -1;
}
