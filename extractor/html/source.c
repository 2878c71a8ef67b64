/* source.c — who published the article: the site, the credited news agency and
 * the intermediary between them. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "persian/fold.h"
#include "html/metadata.h"
#include "base/table.h"
#include "base/utf8.h"

KH_DATA(agencies);

static pthread_once_t load_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

/* The canonical agency named in `name`: a whole-word alias anywhere in it, or an
 * ambiguous (^) alias at its start. With `whole_only`, the alias must be all of
 * `name` (used for site names). */
typedef struct alias {
	char *key;     /* folded alias */
	int ambiguous; /* ^alias: only at the start of the credited name */
	int agency;    /* index of the canonical name */
} alias;

static alias *aliases;
static char **canonical;
static int naliases = -1, ncanonical;

/* Folds data/agencies.tsv once. */
static void load_agencies(void)
{
	kh_table_iter it;
	kh_field f[12];
	int nf;
	size_t acap = 0, ccap = 0;
	naliases = 0;
	kh_table_begin(&it, kh_data_agencies, kh_data_agencies_len);
	while ((nf = kh_table_row(&it, f, 12)) > 0) {
		char **grown = kh_grow(canonical, &ccap, (size_t)ncanonical, sizeof *canonical);
		if (!grown)
			return;
		canonical = grown;
		char *name = kh_collapse_dup(f[0].s, f[0].len);
		if (!name)
			return;
		canonical[ncanonical] = name;
		for (int i = 0; i < nf; i++) {
			alias *more = kh_grow(aliases, &acap, (size_t)naliases, sizeof *aliases);
			if (!more)
				return;
			aliases = more;
			int amb = f[i].len > 0 && f[i].s[0] == '^';
			kh_buf b = {0};
			kh_fold(f[i].s + amb, f[i].len - (size_t)amb, &b);
			char *key = kh_buf_detach(&b, NULL);
			if (!key)
				return;
			aliases[naliases++] = (alias){key, amb, ncanonical};
		}
		ncanonical++;
	}
}

/* The canonical agency named in `name`: a whole-word alias anywhere in it, or an
 * ambiguous (^) alias at its start. With `whole_only`, the alias must be all of
 * `name` (used for site names). */
char *kh_agency_canonical(const char *name, int whole_only)
{
	pthread_once(&load_once, load_agencies);
	char *key = kh_fold_dup(name);
	if (!key)
		return NULL;
	int best = -1;
	long best_at = -1;
	for (int i = 0; i < naliases; i++) {
		const alias *a = &aliases[i];
		long at = kh_fold_find(key, a->key);
		int ok = at >= 0;
		if (ok && (a->ambiguous || whole_only))
			ok = at == 0 && (!whole_only || !strcmp(key, a->key));
		if (ok && a->ambiguous && !whole_only && key[strlen(a->key)] == ' ')
			ok = 0; /* «فارس» alone, not «فارس و ...» */
		if (ok && (best_at < 0 || at < best_at)) {
			best = a->agency;
			best_at = at;
		}
	}
	free(key);
	return best >= 0 ? strdup(canonical[best]) : NULL;
}

/* The phrase after `cue` in `s` (first `len` bytes), up to a clause boundary;
 * `stop_at` is one more phrase that ends it. Malloc'd, or NULL. */
static char *credited(const char *s, size_t len, const char *cue, const char *stop_at)
{
	const char *p = NULL;
	for (const char *q = s; q < s + len; q++) {
		q = strstr(q, cue);
		if (!q || q >= s + len)
			return NULL;
		if (q == s || q[-1] == ' ' || q[-1] == '\n' || (unsigned char)q[-1] >= 0x80) {
			p = q + strlen(cue);
			break;
		}
	}
	if (!p)
		return NULL;
	while (*p == ' ' || *p == ':')
		p++;
	const char *e = p;
	int words = 0;
	while (*e && e - p < 160) {
		if (*e == '\n' || *e == ',' || *e == ':' || *e == '.' || *e == '(' || *e == '|' ||
		    !strncmp(e, "،", 2) || !strncmp(e, "؛", 2) || !strncmp(e, " - ", 3))
			break;
		if (stop_at && !strncmp(e, stop_at, strlen(stop_at)))
			break;
		if (*e == ' ' && ++words >= 12)
			break;
		e++;
	}
	while (e > p && e[-1] == ' ')
		e--;
	return e > p ? kh_collapse_dup(p, (size_t)(e - p)) : NULL;
}

static int starts_with_agency_word(const char *s)
{
	char *k = kh_fold_dup(s);
	int yes = k && !strncmp(k, "خبرگزاری ", strlen("خبرگزاری "));
	free(k);
	return yes;
}

static char *host_of(const char *url)
{
	const char *p = strstr(url, "://");
	if (!p)
		return NULL;
	p += 3;
	size_t n = strcspn(p, "/:?#");
	if (n == 0)
		return NULL;
	if (n > 4 && !strncmp(p, "www.", 4))
		p += 4, n -= 4;
	return kh_collapse_dup(p, n);
}

/* In «Site :: Headline» or «Headline - Site», the part that is not the headline. */
static int site_from_title(const char *title_tag, const char *headline, char **site)
{
	static const char *const seps[] = {" :: ", " | ", " - ", " – ", " — ", " » ", NULL};
	char *hkey = kh_fold_dup(headline);
	if (!hkey)
		return -1;
	for (int i = 0; seps[i] && !*site; i++) {
		const char *s = strstr(title_tag, seps[i]);
		if (!s || strstr(s + strlen(seps[i]), seps[i]))
			continue; /* exactly two parts */
		const char *parts[2] = {title_tag, s + strlen(seps[i])};
		size_t lens[2] = {(size_t)(s - title_tag), strlen(parts[1])};
		for (int k = 0; k < 2; k++) {
			kh_buf b = {0};
			kh_fold(parts[k], lens[k], &b);
			int is_headline = b.data && !strcmp(b.data, hkey);
			kh_buf_free(&b);
			if (is_headline) {
				*site = kh_collapse_dup(parts[1 - k], lens[1 - k]);
				if (!*site) {
					free(hkey);
					return -1;
				}
				break;
			}
		}
	}
	free(hkey);
	return 0;
}

/* The X of «منبع: X» at `t` (pointing at «منبع»), or NULL: the colon is required,
 * so that «منبع آگاه» or «منبع مجاز است» are not taken. */
static char *source_after(const char *t)
{
	const char *after = t + strlen("منبع");
	while (*after == ' ')
		after++;
	if (*after != ':')
		return NULL;
	return credited(t, strlen(t), "منبع", NULL);
}

/* The agency named by the first «منبع: X» in `s` that names one; the first X at
 * all goes to `*raw` (if still empty). */
static char *source_in(const char *s, char **raw)
{
	for (const char *t = strstr(s, "منبع"); t; t = strstr(t + 1, "منبع")) {
		char *x = source_after(t);
		if (!x)
			continue;
		char *agency = kh_agency_canonical(x, 0);
		if (agency) {
			free(x);
			return agency;
		}
		if (!*raw)
			*raw = x;
		else
			free(x);
	}
	return NULL;
}

/* The agency of the first «منبع: X» line of the page (or of the text) that
 * names one; the first such X at all in `*raw` when none does. */
static char *source_line(const kh_page *pg, const char *text, char **raw)
{
	*raw = NULL;
	char *agency = NULL;
	for (int i = 0; pg && i < pg->nseg && !agency; i++)
		if (pg->seg[i].chars <= 300)
			agency = source_in(pg->seg[i].text, raw);
	if (!agency && text)
		agency = source_in(text, raw);
	return agency;
}

int kh_source_extract(const kh_page *pg, const kh_meta *m, kh_article *a)
{
	/* The site's own name. */
	const char *site = m ? (m->site_name ? m->site_name : m->ld_publisher) : NULL;
	if (site && !(a->site = kh_collapse_dup(site, strlen(site))))
		return -1;
	if (!a->site && m && m->title_tag && a->title &&
	    site_from_title(m->title_tag, a->title, &a->site))
		return -1;
	if (!a->site && a->url)
		a->site = host_of(a->url); /* NULL when the URL has no host */

	/* The credit line sits in the first paragraphs. */
	size_t head = a->text_len < 800 ? a->text_len : 800;
	char *via_phrase = credited(a->text, head, "به گزارش", " به نقل از");
	char *quoted = credited(a->text, head, "به نقل از", NULL);
	/* The page's own «منبع: X» line first: it is the site's statement of where
	 * the item came from; then the credit phrases of the text. */
	char *line = NULL;
	char *agency = source_line(pg, a->text, &line);
	const char *cands[3] = {quoted, via_phrase, line};
	for (int i = 0; i < 2 && !agency; i++)
		if (cands[i])
			agency = kh_agency_canonical(cands[i], 0);
	if (!agency && a->site)
		agency = kh_agency_canonical(a->site, 1);
	for (int i = 0; i < 3 && !agency; i++)
		if (cands[i] && starts_with_agency_word(cands[i]))
			agency = strdup(cands[i]);
	a->agency = agency;

	/* The intermediary: who reported it, when that is not the agency itself. */
	if (via_phrase && agency) {
		char *va = kh_agency_canonical(via_phrase, 0);
		if (!va && !starts_with_agency_word(via_phrase) && !strstr(via_phrase, "خبرنگار")) {
			a->via = via_phrase;
			via_phrase = NULL;
		}
		free(va);
	}
	free(via_phrase);
	free(quoted);
	free(line);
	return 0;
}
