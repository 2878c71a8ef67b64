/* hints.c — what an element's tag, class, id, itemprop and role say about it
 * (data/hints.tsv): a weight, < 0 boilerplate, > 0 content. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/table.h"
#include "base/utf8.h"
#include "html/page.h"

KH_DATA(hints);

static pthread_once_t hints_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

typedef struct hint_entry {
	char pat[32];
	size_t len;
	int weight;
	int token; /* 1: must equal a whole token of the attribute; 0: any substring */
	int next;  /* next entry with the same first byte, -1 at the end */
} hint_entry;

static hint_entry *hints;
static int nhints = -1;
static int first_of[256]; /* first entry starting with each byte, -1 if none */

static void load_hints(void)
{
	kh_table_iter it;
	kh_field f[3];
	size_t cap = 0;
	nhints = 0;
	kh_table_begin(&it, kh_data_hints, kh_data_hints_len);
	while (kh_table_row(&it, f, 3) == 3) {
		hint_entry *grown = kh_grow(hints, &cap, (size_t)nhints, sizeof *hints);
		if (!grown)
			return;
		hints = grown;
		hint_entry *e = &hints[nhints];
		size_t n = f[0].len < sizeof e->pat - 1 ? f[0].len : sizeof e->pat - 1;
		memcpy(e->pat, f[0].s, n);
		e->pat[n] = '\0';
		e->len = n;
		e->weight = atoi(f[1].s);
		e->token = f[2].len > 0 && f[2].s[0] == 't';
		e->next = -1;
		nhints++;
	}
	for (int i = 0; i < 256; i++)
		first_of[i] = -1;
	for (int i = nhints - 1; i >= 0; i--) { /* chains keep the file's order */
		unsigned char c = (unsigned char)hints[i].pat[0];
		hints[i].next = first_of[c];
		first_of[c] = i;
	}
}

/* Class names that state what an article is about or its state, not what the
 * element is: WordPress and kin put "category-sport tag-news type-post
 * has-post-thumbnail" on the <article> itself. */
static int taxonomy_class(const char *c, size_t n)
{
	static const char *const prefixes[] = {
	        "category-", "tag-", "type-", "status-", "format-",   "postid-", "post-",
	        "page-id-",  "has-", "tax-",  "term-",   "hashtags-", "cat-",    NULL};
	for (int i = 0; prefixes[i]; i++) {
		size_t k = strlen(prefixes[i]);
		if (n > k && !strncmp(c, prefixes[i], k))
			return 1;
	}
	return 0;
}

static int attr_hint(const char *value)
{
	char low[512];
	size_t n = 0;
	/* lower-case copy without the taxonomy class names */
	for (const char *p = value; *p && n + 1 < sizeof low;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		const char *w = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		size_t wl = (size_t)(p - w);
		if (wl == 0 || taxonomy_class(w, wl))
			continue;
		for (size_t i = 0; i < wl && n + 2 < sizeof low; i++)
			low[n++] = (char)tolower((unsigned char)w[i]);
		low[n++] = ' ';
	}
	low[n] = '\0';
	/* One pass: at each byte, try the entries that start with it. Each entry
	 * counts once per attribute. */
	unsigned char seen[512 / 8 + 1] = {0};
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		for (int k = first_of[(unsigned char)low[i]]; k >= 0; k = hints[k].next) {
			const hint_entry *e = &hints[k];
			if (k >= 512 || (seen[k / 8] & (1u << (k % 8))) || i + e->len > n ||
			    memcmp(low + i, e->pat, e->len))
				continue;
			if (e->token && ((i > 0 && isalnum((unsigned char)low[i - 1])) ||
			                 isalnum((unsigned char)low[i + e->len])))
				continue;
			seen[k / 8] |= (unsigned char)(1u << (k % 8));
			w += e->weight;
		}
	}
	return w;
}

static unsigned long str_hash(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static int cached_attr_hint(kh_hint_cache *c, const char *value)
{
	if (!c)
		return attr_hint(value);
	unsigned long h = str_hash(value);
	for (unsigned i = 0; i < 8; i++) {
		unsigned slot = (unsigned)((h + i) % HINT_CACHE);
		if (!c->key[slot]) {
			c->key[slot] = value;
			return c->weight[slot] = attr_hint(value);
		}
		if (!strcmp(c->key[slot], value))
			return c->weight[slot];
	}
	return attr_hint(value);
}

int kh_page_cached_hint(xmlNodePtr n, kh_hint_cache *cache)
{
	pthread_once(&hints_once, load_hints);
	const char *name = (const char *)n->name;
	int w = 0;
	if (!strcmp(name, "body") || !strcmp(name, "html"))
		return 0; /* their classes describe the page's layout, not themselves */
	if (!strcmp(name, "nav") || !strcmp(name, "aside") || !strcmp(name, "footer") ||
	    !strcmp(name, "figcaption") || !strcmp(name, "menu") || !strcmp(name, "marquee") ||
	    !strcmp(name, "noscript")) /* noscript: read, since a broken one can swallow the page */
		w -= 5;
	else if (!strcmp(name, "form"))
		w -= 1;
	else if (!strcmp(name, "article") || !strcmp(name, "main"))
		w += 1;
	const char *cls = NULL, *id = NULL, *itemprop = NULL, *role = NULL;
	for (xmlAttrPtr a = n->properties; a; a = a->next) { /* one pass over the attributes */
		const char *an = (const char *)a->name;
		if (!a->children || a->children->type != XML_TEXT_NODE || !a->children->content)
			continue;
		const char *av = (const char *)a->children->content;
		if (!strcmp(an, "class"))
			cls = av;
		else if (!strcmp(an, "id"))
			id = av;
		else if (!strcmp(an, "itemprop"))
			itemprop = av;
		else if (!strcmp(an, "role"))
			role = av;
	}
	const char *v;
	if (cls)
		w += cached_attr_hint(cache, cls);
	if (id)
		w += attr_hint(id); /* ids are unique: no use caching them */
	if (itemprop && strstr(itemprop, "articleBody"))
		w += 5;
	if ((v = role) != NULL) {
		if (!strcmp(v, "main") || !strcmp(v, "article"))
			w += 2;
		else if (!strcmp(v, "navigation") || !strcmp(v, "complementary") ||
		         !strcmp(v, "contentinfo") || !strcmp(v, "banner") ||
		         !strcmp(v, "search") || !strcmp(v, "menu") || !strcmp(v, "dialog"))
			w -= 5;
	}
	return w;
}

int kh_page_element_hint(xmlNodePtr n)
{
	return kh_page_cached_hint(n, NULL);
}
