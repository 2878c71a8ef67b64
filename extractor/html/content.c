/* content.c — main-text selection.
 *
 * 1. Every segment is classified as GOOD (prose: long enough, few links),
 *    BAD (mostly links, or a boilerplate phrase) or SHORT (neither), and marked
 *    `neg` when an element around it looks like boilerplate (nav, footer,
 *    comments, share bars, related boxes... by tag, class and id), except for
 *    wrappers that hold most of the page's prose.
 * 2. Each block element scores the sum over its segments: + prose chars for
 *    GOOD, - chars for BAD or neg. The element with the highest score holds the
 *    article: it takes in all the prose and stops where boilerplate outweighs it.
 * 3. Inside it, GOOD segments are kept, BAD and neg ones dropped, and SHORT ones
 *    kept when prose stands on both sides (jusText's context rule), headings when
 *    prose follows. Prose right before the element (a lead or standfirst after
 *    the headline) is taken in too. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "html/content.h"
#include "persian/fold.h"
#include "base/utf8.h"

#define NEG_HINT    (-2) /* at or below: looks like boilerplate */
#define STRONG_HINT (-5) /* at or below: boilerplate whatever it holds (nav, comments, related) */

/* Does element i look like boilerplate? Strong evidence (comments, navigation,
 * related boxes, sidebars) decides alone; weak evidence (an "ads" or "tag-x"
 * class) does not hold against an element whose text is mostly prose. An
 * element holding most of the prose of `top` (the page, or the chosen
 * container) is a wrapper, never boilerplate. */
static int is_boiler(const kh_page *pg, int i, const double *good, const double *all, int top)
{
	if (pg->hint[i] > NEG_HINT || good[i] >= 0.6 * good[top])
		return 0;
	if (pg->hint[i] <= STRONG_HINT)
		return 1;
	return good[i] < 0.5 * all[i];
}

static double link_density(const kh_segment *s)
{
	return s->chars ? (double)s->link_chars / s->chars : 0.0;
}

/* A line too short to call prose by length alone is prose when function words
 * make up much of it («Be there or be square!», «Ich weiß, ich bin müde»), as
 * in jusText; menus, labels and keyword lists have none. */
#ifndef PROSE_STOPWORDS
#define PROSE_STOPWORDS 0.4
#endif

static int wordy(const kh_segment *s)
{
	return s->chars >= 30 && s->words >= 4 && s->stops >= PROSE_STOPWORDS * s->words;
}

/* «Friday | 14 June 2019 | 15:49 by X | 0 comments», «کد خبر: ۱۲ | تاریخ انتشار: ...»:
 * fields separated by bars are a meta line, not a sentence. */
static int meta_line(const kh_segment *s)
{
	int bars = 0;
	for (const char *p = s->text; *p; p++)
		bars += *p == '|';
	return bars >= 2;
}

static void classify(kh_page *pg)
{
	for (int i = 0; i < pg->nseg; i++) {
		kh_segment *s = &pg->seg[i];
		double ld = link_density(s);
		if (ld > 0.5 || (s->chars < 200 &&
		                 (kh_page_is_boilerplate_phrase(s->text, s->len) || meta_line(s))))
			s->cls = KH_SEG_BAD;
		else if (ld <= 0.3 && !s->heading &&
		         (s->chars >= 100 || (s->chars >= 40 && s->punct >= 1) || wordy(s)))
			s->cls = KH_SEG_GOOD;
		else
			s->cls = KH_SEG_SHORT;
	}
}

/* Marks segments inside boilerplate-looking elements. An element that holds
 * most of the page's prose is a wrapper (e.g. <div id="page" class="has-sidebar">)
 * and is not taken as boilerplate. */
/* neg[i]: 2 under strong boilerplate evidence, 1 under weak evidence only.
 * Weak evidence marks a segment only when it is not prose. */
static void mark_neg(kh_page *pg, const double *good, const double *all)
{
	char *neg = calloc((size_t)pg->nel + 1, 1);
	if (!neg)
		return;
	for (int i = 0; i < pg->nel; i++) {
		int p = pg->parent[i];
		char inherited = p >= 0 ? neg[p] : 0;
		char own =
		        is_boiler(pg, i, good, all, 0) ? (pg->hint[i] <= STRONG_HINT ? 2 : 1) : 0;
		neg[i] = inherited > own ? inherited : own;
	}
	for (int i = 0; i < pg->nseg; i++) {
		kh_segment *s = &pg->seg[i];
		int n = neg[s->owner];
		s->neg = (unsigned char)(s->inline_neg || n == 2 ||
		                         (n == 1 && s->cls != KH_SEG_GOOD));
	}
	free(neg);
}

/* How much boilerplate counts against a container, relative to prose. Below 1
 * because the text inside the chosen container is filtered again: a container
 * that holds the whole article and some furniture beats one paragraph of it. */
#ifndef JUNK_WEIGHT
#define JUNK_WEIGHT 0.5
#endif
/* Short lines without links (list items, table cells, headings) count a little
 * for a container: articles with ingredient lists or fact tables. */
#ifndef SHORT_WEIGHT
#define SHORT_WEIGHT 0.2
#endif

static double weight(const kh_segment *s, double junk)
{
	if (s->neg || s->cls == KH_SEG_BAD)
		return -junk * s->chars;
	if (s->cls == KH_SEG_GOOD)
		return s->chars * (1.0 - link_density(s));
	return SHORT_WEIGHT * (s->chars - s->link_chars) - junk * s->link_chars;
}

static int is_candidate(const kh_page *pg, int i)
{
	return kh_dom_is_block_name((const char *)pg->el[i]->name);
}

/* A paragraph, item or heading is never the container: take its parent. */
static int container_of(const kh_page *pg, int i)
{
	const char *n = (const char *)pg->el[i]->name;
	if ((!strcmp(n, "p") || !strcmp(n, "li") || (n[0] == 'h' && n[1] >= '1' && n[1] <= '6')) &&
	    pg->parent[i] >= 0)
		return pg->parent[i];
	return i;
}

/* Is there a boilerplate-looking element between segment s's owner and `top`?
 * One that holds most of top's prose is a wrapper (WordPress puts taxonomy
 * classes such as "tag-news category-sport" on the <article> itself). */
static int neg_below(const kh_page *pg, const kh_segment *s, int top, const double *good,
                     const double *all)
{
	if (s->inline_neg)
		return 1;
	for (int e = s->owner; e >= 0 && e != top; e = pg->parent[e])
		if (is_boiler(pg, e, good, all, top) &&
		    (pg->hint[e] <= STRONG_HINT || s->cls != KH_SEG_GOOD))
			return 1;
	return 0;
}

/* A short line after the last paragraph that may close the text («See you
 * there!», a greeting): not a heading, not a label or a question to the reader
 * (those end in ':' or '?'). */
static int sign_off(const kh_segment *s)
{
	if (s->heading || s->len == 0)
		return 0;
	const char *t = s->text + s->len;
	while (t > s->text && (t[-1] == ' ' || t[-1] == '*'))
		t--;
	if (t == s->text)
		return 0;
	if (t[-1] == ':' || t[-1] == '?')
		return 0;
	if (t - s->text >= 2 && ((unsigned char)t[-2] == 0xD8 && (unsigned char)t[-1] == 0x9F))
		return 0; /* «؟» */
	return 1;
}

/* Does a short line read as a sentence: three words or more, ending in . or !
 * («Gerne. Bis morgen.», «Thanks for reading!»)? */
static int sentence(const kh_segment *s)
{
	if (s->words < 3)
		return 0;
	const char *t = s->text + s->len;
	while (t > s->text && t[-1] == ' ')
		t--;
	char last = t > s->text ? t[-1] : 0;
	return last == '.' || last == '!';
}

/* A line that is one link between two paragraphs of prose («more on the
 * event here», a source URL) belongs to the text; a run of link lines is a
 * list of links and does not. Boilerplate phrases and meta lines never count. */
static int lone_link(const kh_page *pg, int i, int b, int e)
{
	const kh_segment *s = &pg->seg[i];
	if (s->chars > 200 || s->link_chars * 2 <= s->chars ||
	    kh_page_is_boilerplate_phrase(s->text, s->len) || meta_line(s))
		return 0;
	return i > b && i + 1 < e && pg->seg[i - 1].cls == KH_SEG_GOOD &&
	       pg->seg[i + 1].cls == KH_SEG_GOOD && !pg->seg[i - 1].neg && !pg->seg[i + 1].neg;
}

/* Is the segment the headline? `title_chars` is the headline's visible length. */
static int is_title(const kh_segment *s, const char *title_key, unsigned title_chars)
{
	if (!title_key || !*title_key || s->chars > title_chars + 8 || s->chars + 8 < title_chars)
		return 0;
	char *k = kh_fold_dup(s->text);
	int eq = k && !strcmp(k, title_key);
	free(k);
	return eq;
}

static void emit(kh_buf *out, const kh_segment *s)
{
	if (out->len)
		kh_buf_add(out, "\n\n", 2);
	kh_buf_add(out, s->text, s->len);
}

#ifdef KH_CONTENT_TRACE
/* Developer trace (cmake -DCMAKE_C_FLAGS=-DKH_CONTENT_TRACE): the chosen
 * container, the ancestors of the longest segment, and every segment. */
static void trace(const kh_page *pg, int best, double best_score, const double *good,
                  const double *all, const double *prefix, double junk)
{
	int b = pg->seg_begin[best], e = pg->seg_end[best];
	fprintf(stderr, "best=%d <%s class=%s id=%s> score=%.0f segs [%d,%d) of %d hint=%d\n", best,
	        pg->el[best]->name, kh_dom_attr(pg->el[best], "class"),
	        kh_dom_attr(pg->el[best], "id"), best_score, b, e, pg->nseg, pg->hint[best]);
	int big = 0;
	for (int i = 0; i < pg->nseg; i++)
		if (pg->seg[i].chars > pg->seg[big].chars)
			big = i;
	for (int el = pg->seg[big].owner; el >= 0; el = pg->parent[el]) {
		double sc = prefix[pg->seg_end[el]] - prefix[pg->seg_begin[el]];
		fprintf(stderr,
		        "  anc %d [%d,%d) boiler=%d <%s class=%.80s id=%s> hint=%d good=%.0f "
		        "score=%.0f\n",
		        el, pg->seg_begin[el], pg->seg_end[el], is_boiler(pg, el, good, all, 0),
		        pg->el[el]->name, kh_dom_attr(pg->el[el], "class"),
		        kh_dom_attr(pg->el[el], "id"), pg->hint[el], good[el], sc);
	}
	for (int i = 0; i < pg->nseg; i++)
		fprintf(stderr, "  %3d %c%c own=%d<%s.%s> ch=%u ln=%u p=%u w=%.0f %.70s\n", i,
		        "SGB"[pg->seg[i].cls], pg -> seg[i].neg ? 'N' : ' ', pg->seg[i].owner,
		        pg->el[pg->seg[i].owner]->name,
		        kh_dom_attr(pg->el[pg->seg[i].owner], "class"), pg->seg[i].chars,
		        pg->seg[i].link_chars, pg->seg[i].punct, weight(&pg->seg[i], junk),
		        pg->seg[i].text);
}
#endif

char *kh_content_extract(kh_page *pg, const char *title, size_t *len)
{
	kh_buf out = {0};
	if (pg->nseg == 0 || pg->nel == 0)
		return kh_buf_detach(&out, len);

	classify(pg);
	double *good = calloc((size_t)pg->nel, sizeof *good);
	double *all = calloc((size_t)pg->nel, sizeof *all);
	double *prefix = malloc(((size_t)pg->nseg + 1) * sizeof *prefix);
	char *title_key = title ? kh_fold_dup(title) : NULL;
	unsigned tchars = title ? (unsigned)kh_visible_chars(title, strlen(title)) : 0;
	if (!good || !all || !prefix || (title && !title_key)) {
		free(good);
		free(all);
		free(prefix);
		free(title_key);
		return NULL;
	}
	/* Prose per element, summed up the tree (children come after parents). */
	for (int i = 0; i < pg->nseg; i++) {
		all[pg->seg[i].owner] += pg->seg[i].chars;
		if (pg->seg[i].cls == KH_SEG_GOOD)
			good[pg->seg[i].owner] += pg->seg[i].chars;
	}
	for (int i = pg->nel - 1; i > 0; i--)
		if (pg->parent[i] >= 0) {
			good[pg->parent[i]] += good[i];
			all[pg->parent[i]] += all[i];
		}
	mark_neg(pg, good, all);

	prefix[0] = 0;
	double junk = JUNK_WEIGHT;
	for (int i = 0; i < pg->nseg; i++)
		prefix[i + 1] = prefix[i] + weight(&pg->seg[i], junk);

	int best = 0;
	double best_score = -INFINITY;
	for (int i = 0; i < pg->nel; i++) {
		if (!is_candidate(pg, i) || is_boiler(pg, i, good, all, 0))
			continue;
		double sc = prefix[pg->seg_end[i]] - prefix[pg->seg_begin[i]];
		if (pg->hint[i] > 0 && sc > 0)
			sc *= 1.0 + 0.05 * (pg->hint[i] > 6 ? 6 : pg->hint[i]);
		if (sc > best_score) {
			best_score = sc;
			best = i;
		}
	}

	best = container_of(pg, best);
	int b = pg->seg_begin[best], e = pg->seg_end[best];
#ifdef KH_CONTENT_TRACE
	trace(pg, best, best_score, good, all, prefix, junk);
#endif

	/* A lead between the headline and the body container. */
	int lead_from = b;
	for (int i = b - 1; i >= 0 && i >= b - 6; i--) {
		const kh_segment *s = &pg->seg[i];
		if (s->heading || is_title(s, title_key, tchars))
			break;
		if (s->cls == KH_SEG_GOOD && !s->neg && s->chars >= 60)
			lead_from = i;
		else if (s->cls == KH_SEG_BAD && s->chars >= 100)
			break;
	}
	for (int i = lead_from; i < b; i++)
		if (pg->seg[i].cls == KH_SEG_GOOD && !pg->seg[i].neg)
			emit(&out, &pg->seg[i]);

	/* Short lines above the headline (a kicker, a section name) are not text. */
	int title_at = -1;
	for (int i = b; i < e && title_at < 0; i++)
		if (pg->seg[i].cls != KH_SEG_GOOD && is_title(&pg->seg[i], title_key, tchars))
			title_at = i;

	/* The body: GOOD kept, SHORT by context. */
	for (int i = b; i < e; i++) {
		kh_segment *s = &pg->seg[i];
		if (neg_below(pg, s, best, good, all) || is_title(s, title_key, tchars))
			continue;
		if (s->cls == KH_SEG_BAD && !lone_link(pg, i, b, e))
			continue;
		if (s->cls == KH_SEG_SHORT && i < title_at)
			continue;
		if (s->cls == KH_SEG_SHORT) {
			int prev = KH_SEG_SHORT, next = -1;
			for (int j = i - 1; j >= b; j--)
				if (pg->seg[j].cls != KH_SEG_SHORT &&
				    !neg_below(pg, &pg->seg[j], best, good, all)) {
					prev = pg->seg[j].cls;
					break;
				}
			for (int j = i + 1; j < e; j++)
				if (pg->seg[j].cls != KH_SEG_SHORT &&
				    !neg_below(pg, &pg->seg[j], best, good, all)) {
					next = pg->seg[j].cls;
					break;
				}
			int keep = next == KH_SEG_GOOD || (prev == KH_SEG_GOOD && sign_off(s) &&
			                                   (next == -1 || sentence(s)));
			if (!keep)
				continue;
		}
		emit(&out, s);
	}
	free(good);
	free(all);
	free(prefix);
	free(title_key);
	return kh_buf_detach(&out, len);
}
