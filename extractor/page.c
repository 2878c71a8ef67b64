/* page.c — cut a parsed page into text segments and weigh element hints. */
#include <pthread.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "page.h"
#include "table.h"
#include "utf8.h"

static pthread_once_t hints_once = PTHREAD_ONCE_INIT;   /* the tables load once, thread-safely */
static pthread_once_t phrases_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */
static pthread_once_t stops_once = PTHREAD_ONCE_INIT;   /* the tables load once, thread-safely */

/* Elements whose content a reader never sees as text. */
static int skipped(xmlNodePtr n)
{
	static const char *const tags[] = {
	        "script", "style",    "template", "head",    "title",  "select",
	        "option", "textarea", "svg",      "math",    "button", "input",
	        "iframe", "object",   "embed",    "canvas",  "video",  "audio",
	        "map",    "datalist", "img",      "picture", "source", "link",
	        "meta",   "rt",       "rp",       NULL}; /* rt, rp: ruby annotations (furigana) */
	if (n->type != XML_ELEMENT_NODE)
		return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
	for (int i = 0; tags[i]; i++)
		if (!strcmp((const char *)n->name, tags[i]))
			return 1;
	if (kh_dom_attr(n, "hidden"))
		return 1;
	const char *style = kh_dom_attr(n, "style");
	if (style && (strstr(style, "none") || strstr(style, "hidden") || strstr(style, "NONE")) &&
	    (kh_memcasemem(style, strlen(style), "display:none") ||
	     kh_memcasemem(style, strlen(style), "display: none") ||
	     kh_memcasemem(style, strlen(style), "visibility:hidden")))
		return 1;
	return 0;
}

int kh_page_index(const kh_page *pg, xmlNodePtr n)
{
	(void)pg;
	if (!n || n->type != XML_ELEMENT_NODE || !n->_private)
		return -1;
	return (int)(intptr_t)n->_private - 1;
}

/* ---- hints from class, id and tag ---- */

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

/* Pages repeat the same class strings hundreds of times: remember each one's
 * weight for the page being built (keys point into the document). */
#define HINT_CACHE 1024
typedef struct hint_cache {
	const char *key[HINT_CACHE];
	int weight[HINT_CACHE];
} hint_cache;

static unsigned long str_hash(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static int cached_attr_hint(hint_cache *c, const char *value)
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

static int element_hint(xmlNodePtr n, hint_cache *cache)
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
	return element_hint(n, NULL);
}

/* ---- boilerplate phrases ---- */

static char **phrases;
static int nphrases = -1;
static unsigned char phrase_start[256]; /* first folded byte pairs that open a phrase */

static unsigned pair_of(const unsigned char *k)
{
	return (k[0] * 31u + (k[0] ? k[1] : 0)) & 255u;
}

static void load_phrases(void)
{
	kh_table_iter it;
	kh_field f[1];
	size_t cap = 0;
	nphrases = 0;
	kh_table_begin(&it, kh_data_boilerplate, kh_data_boilerplate_len);
	while (kh_table_row(&it, f, 1) == 1) {
		if (f[0].len == 0)
			continue;
		char **grown = kh_grow(phrases, &cap, (size_t)nphrases, sizeof *phrases);
		if (!grown)
			return;
		phrases = grown;
		/* "phrase$": the whole line must be the phrase; kept as a leading '$' */
		int whole = f[0].s[f[0].len - 1] == '$';
		kh_buf b = {0};
		if (whole)
			kh_buf_addc(&b, '$');
		kh_fold(f[0].s, f[0].len - (size_t)whole, &b);
		char *s = kh_buf_detach(&b, NULL);
		if (!s)
			return;
		phrases[nphrases++] = s;
		phrase_start[pair_of((const unsigned char *)s + (s[0] == '$'))] = 1;
	}
}

int kh_page_is_boilerplate_phrase(const char *text, size_t len)
{
	pthread_once(&phrases_once, load_phrases);
	if (len > 80)
		len = 80; /* the phrases are short */
	/* a cheap look at the first two folded bytes before folding it all */
	kh_buf hb = {0};
	kh_fold(text, len < 12 ? len : 12, &hb);
	int maybe = hb.data && hb.len >= 1 && phrase_start[pair_of((const unsigned char *)hb.data)];
	kh_buf_free(&hb);
	if (!maybe)
		return 0;
	kh_buf b = {0};
	kh_fold(text, len, &b);
	int hit = 0;
	if (b.data) {
		for (int i = 0; i < nphrases && !hit; i++) {
			const char *ph = phrases[i];
			if (ph[0] == '$') {
				hit = !strcmp(b.data, ph + 1);
				continue;
			}
			size_t n = strlen(ph);
			hit = !strncmp(b.data, ph, n) && (b.data[n] == '\0' || b.data[n] == ' ');
		}
	}
	kh_buf_free(&b);
	return hit;
}

/* ---- function words ---- */

#define STOP_SLOTS 1024 /* power of two, well above the list's size */
static const char *stop_word[STOP_SLOTS];
static unsigned char stop_len[STOP_SLOTS];
static int stops_loaded;

static unsigned long hash_bytes(const char *s, size_t n)
{
	unsigned long h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void load_stops(void)
{
	kh_table_iter it;
	kh_field f[1];
	kh_table_begin(&it, kh_data_stopwords, kh_data_stopwords_len);
	while (kh_table_row(&it, f, 1) == 1) {
		if (f[0].len == 0 || f[0].len > 255)
			continue;
		unsigned long h = hash_bytes(f[0].s, f[0].len);
		for (unsigned k = 0; k < STOP_SLOTS; k++) {
			unsigned slot = (unsigned)((h + k) & (STOP_SLOTS - 1));
			if (!stop_word[slot]) {
				stop_word[slot] = f[0].s; /* points into the embedded data */
				stop_len[slot] = (unsigned char)f[0].len;
				break;
			}
			if (stop_len[slot] == f[0].len &&
			    !memcmp(stop_word[slot], f[0].s, f[0].len))
				break;
		}
	}
	stops_loaded = 1;
}

static int is_stop(const char *w, size_t n)
{
	unsigned long h = hash_bytes(w, n);
	for (unsigned k = 0; k < STOP_SLOTS; k++) {
		unsigned slot = (unsigned)((h + k) & (STOP_SLOTS - 1));
		if (!stop_word[slot])
			return 0;
		if (stop_len[slot] == n && !memcmp(stop_word[slot], w, n))
			return 1;
	}
	return 0;
}

static int word_char(uint32_t c)
{
	if (c < 0x80)
		return isalnum((int)c);
	if (kh_is_space(c) || c == 0x200C || c == 0x200D)
		return 0;
	/* punctuation that is not ASCII: Arabic, guillemets, general punctuation */
	return !(c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4 || c == 0x066A ||
	         c == 0x00AB || c == 0x00BB || (c >= 0x2010 && c <= 0x205E) || c == 0x00B7);
}

static int cjk(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	       (c >= 0xF900 && c <= 0xFAFF);
}

void kh_page_count_words(const char *text, size_t len, unsigned *words, unsigned *stops)
{
	pthread_once(&stops_once, load_stops);
	const unsigned char *p = (const unsigned char *)text, *end = p + len;
	char w[64];
	size_t wn = 0;
	int in_word = 0, too_long = 0;
	unsigned nw = 0, ns = 0, ncjk = 0, nchars = 0;
	while (p <= end) {
		uint32_t c = ' ';
		int k = 1;
		if (p < end) {
			k = kh_utf8_next(p, (size_t)(end - p), &c);
			if (!k)
				k = 1, c = 0xFFFD;
		}
		if (p < end && word_char(c)) {
			nchars++;
			ncjk += cjk(c);
			if (!in_word)
				in_word = 1, wn = 0, too_long = 0;
			if (c < 0x80)
				c = (uint32_t)tolower((int)c);
			else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
				c += 0x20; /* Latin-1 capitals */
			char tmp[4];
			int tl = kh_utf8_put(c, tmp);
			if (wn + (size_t)tl <= sizeof w) {
				memcpy(w + wn, tmp, (size_t)tl);
				wn += (size_t)tl;
			} else {
				too_long = 1;
			}
		} else if (in_word) {
			in_word = 0;
			nw++;
			if (!too_long && is_stop(w, wn))
				ns++;
		}
		p += k;
	}
	if (ncjk * 2 > nchars)
		nw = ns = 0; /* written without spaces: words cannot be counted this way */
	*words = nw;
	*stops = ns;
}

/* ---- building ---- */

static int add_element(kh_page *pg, xmlNodePtr n, int parent, hint_cache *cache)
{
	if (pg->nel == pg->elcap) {
		int nc = pg->elcap ? pg->elcap * 2 : 256;
		xmlNodePtr *el = realloc(pg->el, (size_t)nc * sizeof *el);
		if (el)
			pg->el = el;
		int *p = realloc(pg->parent, (size_t)nc * sizeof *p);
		if (p)
			pg->parent = p;
		int *b = realloc(pg->seg_begin, (size_t)nc * sizeof *b);
		if (b)
			pg->seg_begin = b;
		int *e = realloc(pg->seg_end, (size_t)nc * sizeof *e);
		if (e)
			pg->seg_end = e;
		int *h = realloc(pg->hint, (size_t)nc * sizeof *h);
		if (h)
			pg->hint = h;
		if (!el || !p || !b || !e || !h) {
			pg->failed = 1;
			return -1;
		}
		pg->elcap = nc;
	}
	int i = pg->nel++;
	pg->el[i] = n;
	pg->parent[i] = parent;
	pg->seg_begin[i] = pg->seg_end[i] = pg->nseg;
	pg->hint[i] = element_hint(n, cache);
	n->_private = (void *)(intptr_t)(i + 1);
	return i;
}

typedef struct seg_acc {
	kh_buf text;
	int pending;
	unsigned chars, link_chars, punct, neg_chars;
	xmlNodePtr first; /* first text node, to find the owner */
} seg_acc;

static int is_punct(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == 0x061F ||
	       c == 0x060C || c == 0x061B || c == 0x06D4 || c == 0x3002 || c == 0xFF0C;
}

/* Is text node `t` inside a boilerplate-looking inline element (a caption
 * <span>, a credit) below its block? */
static int in_neg_inline(const kh_page *pg, xmlNodePtr t)
{
	for (xmlNodePtr n = t->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		if (kh_dom_is_block_name((const char *)n->name))
			return 0;
		int i = kh_page_index(pg, n);
		if (i >= 0 && pg->hint[i] <= -2)
			return 1;
	}
	return 0;
}

/* Appends a text node to the segment being built: white space collapsed, visible
 * characters and punctuation counted, in one pass. */
static void acc_text(const kh_page *pg, seg_acc *a, xmlNodePtr t, int in_link)
{
	const char *s = (const char *)t->content;
	if (!s)
		return;
	size_t len = strlen(s);
	/* room for the node (a broken byte may become 3), one separating space, the NUL */
	if (len > ((size_t)-1) / 4 || kh_buf_reserve(&a->text, 3 * len + 2))
		return;
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	char *w = a->text.data + a->text.len;
	unsigned vis = 0;
	int pending = a->pending;
	while (p < end) {
		uint32_t c = *p;
		int n = 1;
		if (c >= 0x80) {
			n = kh_utf8_next(p, (size_t)(end - p), &c);
			if (!n)
				n = 1, c = 0xFFFD;
		}
		if (c <= 0x20 || (c >= 0x80 && kh_is_space(c))) {
			pending = 1;
			p += n;
			continue;
		}
		if (pending && w > a->text.data && w[-1] != '\n')
			*w++ = ' ';
		pending = 0;
		vis++;
		if (is_punct(c))
			a->punct++;
		if (c == 0xFFFD && n == 1) {
			memcpy(w, "\xEF\xBF\xBD", 3); /* cannot happen on decoded input */
			w += 3;
		} else {
			memcpy(w, p, (size_t)n);
			w += n;
		}
		p += n;
	}
	a->text.len = (size_t)(w - a->text.data);
	a->text.data[a->text.len] = '\0';
	a->pending = pending;
	if (!vis)
		return;
	if (!a->first)
		a->first = t;
	a->chars += vis;
	if (in_neg_inline(pg, t))
		a->neg_chars += vis;
	if (in_link)
		a->link_chars += vis;
}

static void acc_flush(kh_page *pg, seg_acc *a)
{
	if (a->chars == 0) {
		kh_buf_free(&a->text);
		memset(a, 0, sizeof *a);
		return;
	}
	kh_segment *grown = kh_grow(pg->seg, &pg->segcap, (size_t)pg->nseg, sizeof *pg->seg);
	if (!grown) {
		pg->failed = 1;
		kh_buf_free(&a->text);
		memset(a, 0, sizeof *a);
		return;
	}
	pg->seg = grown;
	kh_segment *g = &pg->seg[pg->nseg];
	memset(g, 0, sizeof *g);
	g->text = kh_buf_detach(&a->text, &g->len);
	if (!g->text) {
		pg->failed = 1;
		memset(a, 0, sizeof *a);
		return;
	}
	g->chars = a->chars;
	g->link_chars = a->link_chars;
	g->punct = a->punct;
	/* only short lines are judged by their words; long ones are prose by length */
	if (g->chars < 120)
		kh_page_count_words(g->text, g->len, &g->words, &g->stops);
	g->inline_neg = a->neg_chars * 2 > a->chars;
	g->owner = -1;
	for (xmlNodePtr n = a->first->parent; n; n = n->parent) {
		int i = kh_page_index(pg, n);
		if (i >= 0 && kh_dom_is_block_name((const char *)n->name)) {
			g->owner = i;
			const char *nm = (const char *)n->name;
			if (nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' && !nm[2])
				g->heading = (unsigned char)(nm[1] - '0');
			break;
		}
		if (i >= 0 && n == pg->body) {
			g->owner = i;
			break;
		}
	}
	if (g->owner < 0)
		g->owner = 0;
	pg->nseg++;
	memset(a, 0, sizeof *a);
}

static int breaks(xmlNodePtr n)
{
	return kh_dom_is_block_name((const char *)n->name) || !strcmp((const char *)n->name, "br");
}

static void leave(kh_page *pg, seg_acc *a, xmlNodePtr n, int *links)
{
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (breaks(n))
		acc_flush(pg, a);
	if (!strcmp((const char *)n->name, "a"))
		(*links)--;
	int i = kh_page_index(pg, n);
	if (i >= 0)
		pg->seg_end[i] = pg->nseg;
}

int kh_page_build(kh_page *pg, htmlDocPtr doc)
{
	memset(pg, 0, sizeof *pg);
	pg->doc = doc;
	pg->body = kh_dom_body(doc);
	if (!pg->body)
		return 0;
	seg_acc a;
	memset(&a, 0, sizeof a);
	hint_cache *cache = calloc(1, sizeof *cache); /* NULL only costs speed */
	int links = 0, cur = -1;
	xmlNodePtr n = pg->body;
	for (;;) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE && (n == pg->body || !skipped(n))) {
			if (breaks(n))
				acc_flush(pg, &a);
			if (!strcmp((const char *)n->name, "a"))
				links++;
			cur = add_element(pg, n, n == pg->body ? -1 : kh_page_index(pg, n->parent),
			                  cache);
			if (cur < 0)
				break;
			descend = n->children != NULL;
			if (!descend)
				leave(pg, &a, n, &links);
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			acc_text(pg, &a, n, links > 0);
		} else if (n->type == XML_ELEMENT_NODE) {
			n->_private = NULL; /* skipped element: not indexed */
		}
		if (descend) {
			n = n->children;
			continue;
		}
		while (n != pg->body && !n->next) {
			n = n->parent;
			leave(pg, &a, n, &links);
		}
		if (n == pg->body)
			break;
		n = n->next;
	}
	acc_flush(pg, &a);
	free(cache);
	if (pg->failed) {
		kh_page_free(pg);
		return -1;
	}
	return 0;
}

void kh_page_free(kh_page *pg)
{
	for (int i = 0; i < pg->nel; i++)
		pg->el[i]->_private = NULL;
	for (int i = 0; i < pg->nseg; i++)
		free(pg->seg[i].text);
	free(pg->seg);
	free(pg->el);
	free(pg->parent);
	free(pg->seg_begin);
	free(pg->seg_end);
	free(pg->hint);
	memset(pg, 0, sizeof *pg);
}
