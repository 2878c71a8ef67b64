/* published.c — the publication date, as the Tehran-local calendar day. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "persian/fold.h"
#include "html/metadata.h"
#include "base/table.h"
#include "base/utf8.h"

KH_DATA(months);

/* Reads a run of digits in any of the three systems at s[*i]; returns the
 * number of digits (value in *v), 0 if none. */
static int read_number(const char *s, size_t len, size_t *i, int *v)
{
	int nd = 0;
	long val = 0;
	while (*i < len) {
		uint32_t c;
		int n = kh_utf8_next((const unsigned char *)s + *i, len - *i, &c);
		int d;
		if (n == 0)
			break;
		if (c >= '0' && c <= '9')
			d = (int)(c - '0');
		else if (c >= 0x06F0 && c <= 0x06F9)
			d = (int)(c - 0x06F0);
		else if (c >= 0x0660 && c <= 0x0669)
			d = (int)(c - 0x0660);
		else
			break;
		if (val < 100000)
			val = val * 10 + d;
		nd++;
		*i += (size_t)n;
	}
	*v = (int)val;
	return nd;
}

static int jalali_month(const char *word, size_t n)
{
	kh_buf b = {0};
	kh_fold(word, n, &b);
	int month = 0;
	if (b.data) {
		kh_table_iter it;
		kh_field f[3];
		kh_table_begin(&it, kh_data_months, kh_data_months_len);
		while (!month && kh_table_row(&it, f, 3) == 3) {
			if (f[0].len != 6 || memcmp(f[0].s, "jalali", 6))
				continue;
			kh_buf m = {0};
			int amb = f[2].len > 0 &&
			          f[2].s[0] == '^'; /* «۱۵ میزان ۱۴۰۲»: day and year */
			kh_fold(f[2].s + amb, f[2].len - (size_t)amb, &m);
			size_t ml = m.len;
			/* «آبان» or «آبانماه» (ZWNJ folded away) */
			if (m.data && ml <= b.len && !memcmp(b.data, m.data, ml) &&
			    (b.len == ml || !strcmp(b.data + ml, "ماه")))
				month = atoi(f[1].s);
			kh_buf_free(&m);
		}
	}
	kh_buf_free(&b);
	return month;
}

static int is_sep(char c)
{
	return c == ' ';
}

int kh_find_jalali_date(const char *s, size_t len, kh_ymd *j, size_t *start, size_t *end)
{
	for (size_t i = 0; i < len;) {
		size_t a = i;
		int v1;
		int n1 = read_number(s, len, &i, &v1);
		if (n1 == 0) {
			uint32_t c;
			int k = kh_utf8_next((const unsigned char *)s + i, len - i, &c);
			i += k ? (size_t)k : 1;
			continue;
		}
		/* 1402/09/05 or 1402-09-05 */
		if (n1 == 4 && v1 >= 1300 && v1 < 1500 && i < len && strchr("/-.", s[i])) {
			char sep = s[i];
			size_t k = i + 1;
			int mo, d;
			if (read_number(s, len, &k, &mo) && k < len && s[k] == sep) {
				k++;
				if (read_number(s, len, &k, &d) && mo >= 1 && mo <= 12 && d >= 1 &&
				    d <= 31) {
					*j = (kh_ymd){v1, mo, d};
					*start = a;
					*end = k;
					return 1;
				}
			}
			continue;
		}
		/* ۵ آذر ۱۴۰۲ */
		if (n1 <= 2 && v1 >= 1 && v1 <= 31 && i < len && is_sep(s[i])) {
			size_t w = i + 1, we = w;
			while (we < len && s[we] != ' ')
				we++;
			int mo = we > w ? jalali_month(s + w, we - w) : 0;
			size_t k = we;
			if (mo && k < len && s[k] == ' ') {
				k++;
				if (k + 6 < len && !memcmp(s + k, "ماه ", 7)) /* «آذر ماه ۱۴۰۲» */
					k += 7;
				int y;
				if (read_number(s, len, &k, &y) == 4 && y >= 1300 && y < 1500) {
					*j = (kh_ymd){y, mo, v1};
					*start = a;
					*end = k;
					return 1;
				}
			}
		}
	}
	return 0;
}

/* A new record for the Gregorian day `g` and Jalali day `j`: 1, or -1 when out
 * of memory. */
static int set_published(kh_ymd g, kh_ymd j, const char *raw, size_t rawlen, kh_published **out)
{
	kh_published *p = calloc(1, sizeof *p);
	if (!p)
		return -1;
	kh_ymd_format(g, p->iso);
	kh_ymd_format(j, p->jalali);
	p->raw = kh_collapse_dup(raw, rawlen);
	if (!p->raw) {
		free(p);
		return -1;
	}
	*out = p;
	return 1;
}

/* Does the host of `url` end in `.af`? */
static int afghan_host(const char *url)
{
	const char *p = url ? strstr(url, "://") : NULL;
	if (!p)
		return 0;
	p += 3;
	size_t n = strcspn(p, "/:?#");
	return n > 3 && !strncasecmp(p + n - 3, ".af", 3);
}

/* The time zone of the page's local day: Kabul (UTC+4:30 all year) where the page is
 * Afghan — its language is Dari or Pashto of Afghanistan (fa-AF, prs, ps), its address
 * is under .af, or the instant is written at +04:30 (Tehran's summer time until 1401
 * gives the same day) —, else Tehran. */
static const char *page_zone(const kh_meta *m, const char *iso)
{
	size_t n = strlen(iso);
	if ((n > 6 && !strcmp(iso + n - 6, "+04:30")) || (n > 5 && !strcmp(iso + n - 5, "+0430")))
		return "Asia/Kabul";
	const char *l = m->lang;
	if (l && (!strncasecmp(l, "prs", 3) || !strncasecmp(l, "ps", 2) ||
	          kh_memcasemem(l, strlen(l), "-af") || kh_memcasemem(l, strlen(l), "_af")))
		return "Asia/Kabul";
	return afghan_host(m->canonical) ? "Asia/Kabul" : "Asia/Tehran";
}

/* From an ISO-8601 date or instant, as the day in `zone`: 1 set, 0 not a usable
 * date, -1 no memory. */
static int set_from_iso(const char *iso, const char *zone, const char *raw, kh_published **out)
{
	kh_ymd g, j;
	if (kh_iso_to_local_date(iso, zone, &g, NULL) || kh_gregorian_to_jalali(g, &j, NULL))
		return 0;
	if (g.year < 1900 || g.year > 2200)
		return 0;
	return set_published(g, j, raw, strlen(raw), out);
}

/* From a Jalali date seen on the page: as set_from_iso. */
static int set_from_jalali(kh_ymd j, const char *raw, size_t rawlen, kh_published **out)
{
	kh_ymd g;
	if (kh_jalali_to_gregorian(j, &g, NULL))
		return 0;
	return set_published(g, j, raw, rawlen, out);
}

static int contains_any(const char *v, const char *const *words)
{
	if (!v)
		return 0;
	for (int i = 0; words[i]; i++)
		if (kh_memcasemem(v, strlen(v), words[i]))
			return 1;
	return 0;
}

static const char *const not_published[] = {"modif", "update", "today", "comment", "edit", NULL};
static const char *const date_like[] = {"date", "time", "tarikh", "publish", "posted", NULL};

static int element_says(xmlNodePtr n, const char *const *words)
{
	return contains_any(kh_dom_attr(n, "class"), words) ||
	       contains_any(kh_dom_attr(n, "id"), words) ||
	       contains_any(kh_dom_attr(n, "itemprop"), words);
}

/* The text of a <time> whose date is `iso`, for `raw`: what a reader saw. */
static void visible_raw(const kh_page *pg, kh_published *p)
{
	for (int i = 0; i < pg->nel; i++) {
		xmlNodePtr n = pg->el[i];
		if (!kh_dom_is(n, "time") || element_says(n, not_published))
			continue;
		char *t = kh_dom_text(n);
		kh_ymd j;
		size_t s, e;
		char jal[11];
		if (t && kh_find_jalali_date(t, strlen(t), &j, &s, &e)) {
			kh_ymd_format(j, jal);
			if (!strcmp(jal, p->jalali)) {
				char *raw = kh_collapse_dup(t + s, e - s);
				if (raw) {
					free(p->raw);
					p->raw = raw;
				}
				free(t);
				return;
			}
		}
		free(t);
	}
}

/* Element i says it holds a date, not an update's or a comment's. */
static int date_element(const kh_page *pg, int i)
{
	if (!element_says(pg->el[i], date_like) || element_says(pg->el[i], not_published))
		return 0;
	for (int e = i; e >= 0; e = pg->parent[e])
		if (pg->hint[e] <= -5)
			return 0;
	return 1;
}

/* Minutes ago in a relative stamp: «۳ ساعت پیش», «۲۰ دقیقه قبل», «۲ روز پیش»,
 * «3 hours ago»; -1 when `s` is none. */
static long minutes_ago(const char *s)
{
	static const struct {
		const char *unit;
		long minutes;
	} units[] = {{"دقیقه", 1},   {"ساعت", 60},  {"روز", 1440}, {"هفته", 10080},
	             {"minutes", 1}, {"minute", 1}, {"hours", 60}, {"hour", 60},
	             {"days", 1440}, {"day", 1440}, {NULL, 0}};
	size_t i = 0, len = strlen(s);
	while (i < len) {
		int v;
		if (read_number(s, len, &i, &v) == 0) {
			i++;
			continue;
		}
		while (i < len && s[i] == ' ')
			i++;
		for (int u = 0; units[u].unit; u++) {
			size_t ul = strlen(units[u].unit);
			if (strncmp(s + i, units[u].unit, ul))
				continue;
			const char *after = s + i + ul;
			while (*after == ' ')
				after++;
			if (!strncmp(after, "پیش", strlen("پیش")) ||
			    !strncmp(after, "قبل", strlen("قبل")) || !strncmp(after, "ago", 3))
				return v * units[u].minutes;
		}
	}
	return -1;
}

/* A relative stamp in a date-like element, counted back from the page's last
 * machine-readable time (its modification: the stamp was written no earlier). */
static int relative_stamp(const kh_page *pg, const kh_meta *m, kh_published **out)
{
	for (int i = 0; i < pg->nel; i++) {
		if (!date_element(pg, i))
			continue;
		char *t = kh_dom_text(pg->el[i]);
		if (!t)
			return -1;
		long back = strlen(t) <= 100 ? minutes_ago(t) : -1;
		kh_ymd g, j;
		int rc = 0;
		if (back >= 0 &&
		    !kh_iso_before_to_local_date(m->modified, page_zone(m, m->modified), back, &g,
		                                 NULL) &&
		    !kh_gregorian_to_jalali(g, &j, NULL))
			rc = set_published(g, j, t, strlen(t), out);
		free(t);
		if (rc)
			return rc;
	}
	return 0;
}

int kh_published_extract(const kh_page *pg, const kh_meta *m, kh_published **out)
{
	*out = NULL;
	int rc = 0;
	if (m->ld_published)
		rc = set_from_iso(m->ld_published, page_zone(m, m->ld_published), m->ld_published,
		                  out);
	if (!rc && m->published)
		rc = set_from_iso(m->published, page_zone(m, m->published), m->published, out);
	/* <time datetime> that is not an update or a comment date */
	for (int i = 0; !rc && i < pg->nel; i++) {
		xmlNodePtr n = pg->el[i];
		if (!kh_dom_is(n, "time"))
			continue;
		const char *dt = kh_dom_attr(n, "datetime");
		if (!dt || element_says(n, not_published))
			continue;
		int boiler = 0;
		for (int e = i; e >= 0 && !boiler; e = pg->parent[e])
			boiler = pg->hint[e] <= -5 || element_says(pg->el[e], not_published);
		if (!boiler)
			rc = set_from_iso(dt, page_zone(m, dt), dt, out);
	}
	if (rc < 0)
		return -1;
	if (rc > 0) {
		visible_raw(pg, *out);
		return 0;
	}
	/* A visible Jalali date: first after «تاریخ انتشار», then in date-like elements. */
	for (int pass = 0; pass < 2 && !rc; pass++) {
		for (int i = 0; i < pg->nseg && !rc; i++) {
			const kh_segment *s = &pg->seg[i];
			xmlNodePtr own = pg->el[s->owner];
			const char *from = s->text;
			if (pass == 0) {
				from = strstr(s->text, "انتشار");
				if (!from)
					continue;
			} else {
				int ok = 0;
				for (int e = s->owner, up = 0; e >= 0 && up < 3 && !ok;
				     e = pg->parent[e], up++)
					ok = element_says(pg->el[e], date_like) &&
					     !element_says(pg->el[e], not_published);
				if (!ok || element_says(own, not_published))
					continue;
			}
			kh_ymd j;
			size_t a, b;
			size_t len = s->len - (size_t)(from - s->text);
			if (kh_find_jalali_date(from, len, &j, &a, &b))
				rc = set_from_jalali(j, from + a, b - a, out);
		}
	}
	/* an inline date-like element: «<span class="post-date">۱۸ حمل ۱۳۹۸</span>» */
	for (int i = 0; !rc && i < pg->nel; i++) {
		if (!date_element(pg, i))
			continue;
		char *t = kh_dom_text(pg->el[i]);
		if (!t)
			return -1;
		kh_ymd j;
		size_t a, b;
		if (strlen(t) <= 200 && kh_find_jalali_date(t, strlen(t), &j, &a, &b))
			rc = set_from_jalali(j, t + a, b - a, out);
		free(t);
	}
	if (!rc && m->modified)
		rc = relative_stamp(pg, m, out);
	return rc < 0 ? -1 : 0;
}
