/* agencies.c — the news agencies of data/agencies.tsv and finding them in a credit:
 * one name («به نقل از تسنیم»), or several («فرانس‌پرس و رویترز»,
 * «خبرگزاری‌های
 * فرانسه و آسوشیتدپرس», «منابع: رویترز، بی‌بی‌سی»). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/table.h"
#include "base/utf8.h"
#include "html/metadata.h"
#include "persian/fold.h"

KH_DATA(agencies);

static pthread_once_t load_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */

typedef struct alias {
	char *key;     /* folded alias */
	size_t len;    /* bytes of key */
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
			aliases[naliases++] = (alias){key, strlen(key), amb, ncanonical};
		}
		ncanonical++;
	}
}

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
		if (ok && a->ambiguous && !whole_only && key[a->len] == ' ')
			ok = 0; /* «فارس» alone, not «فارس و ...» */
		if (ok && (best_at < 0 || at < best_at)) {
			best = a->agency;
			best_at = at;
		}
	}
	free(key);
	return best >= 0 ? strdup(canonical[best]) : NULL;
}

/* The longest alias at the start of the folded `s` ending at a word edge; an
 * ambiguous one only where `part_start` and followed by the end or «و». */
static const alias *alias_at(const char *s, int part_start)
{
	const alias *best = NULL;
	for (int i = 0; i < naliases; i++) {
		const alias *a = &aliases[i];
		if (a->len == 0 || strncmp(s, a->key, a->len) || (s[a->len] && s[a->len] != ' '))
			continue;
		if (a->ambiguous && (!part_start || (s[a->len] && strncmp(s + a->len, " و ", 4) &&
		                                     strcmp(s + a->len, " و"))))
			continue;
		if (!best || a->len > best->len)
			best = a;
	}
	return best;
}

/* «خبرگزاری‌های X و Y»: the plural puts «خبرگزاری» before each name. */
static int plural_word(const char *s, size_t *len)
{
	static const char *const words[] = {"خبرگزاریهای ",   "خبرگزاری های ",   "خبرگزاریها ",
	                                    "آژانسهای خبری ", "آژانس های خبری ", NULL};
	for (int i = 0; words[i]; i++)
		if (!strncmp(s, words[i], strlen(words[i]))) {
			*len = strlen(words[i]);
			return 1;
		}
	return 0;
}

/* Adds canonical name `c` to names[] unless it is there; -1 out of memory. */
static int add_name(int c, char **names, int *n, int max)
{
	for (int i = 0; i < *n; i++)
		if (!strcmp(names[i], canonical[c]))
			return 0;
	if (*n >= max)
		return 0;
	if (!(names[*n] = strdup(canonical[c])))
		return -1;
	(*n)++;
	return 0;
}

/* Is the folded `s` at the word «و»? */
static int at_and(const char *s)
{
	return !strncmp(s, "و", 2) && (s[2] == ' ' || s[2] == '\0');
}

/* The agencies of one folded part of a credit, word by word. */
static int scan_part(const char *f, char **names, int *n, int max)
{
	static const char PREFIX[] = "خبرگزاری ";
	int part_start = 1, plural = 0, rc = 0;
	kh_buf tmp = {0};
	for (const char *p = f; *p && *n < max && !rc;) {
		size_t used = 0;
		if (plural_word(p, &used) || at_and(p)) {
			plural |= !at_and(p);
			p += at_and(p) ? 2 : used;
			while (*p == ' ')
				p++;
			part_start = 1;
			continue;
		}
		const alias *a = alias_at(p, part_start);
		if (a) {
			used = a->len;
		} else if (plural) { /* «... های فرانسه»: «خبرگزاری فرانسه» */
			tmp.len = 0;
			if (kh_buf_adds(&tmp, PREFIX) || kh_buf_adds(&tmp, p)) {
				rc = -1;
				break;
			}
			a = alias_at(tmp.data, 1);
			if (a && a->len > sizeof PREFIX - 1)
				used = a->len - (sizeof PREFIX - 1);
			else
				a = NULL;
		}
		if (a) {
			rc = add_name(a->agency, names, n, max);
			p += used;
		} else {
			const char *sp = strchr(p, ' ');
			p = sp ? sp : p + strlen(p);
		}
		while (*p == ' ')
			p++;
		part_start = 0;
	}
	kh_buf_free(&tmp);
	return rc;
}

/* A separator between the parts of a list of credits. */
static size_t part_sep(const char *s)
{
	static const char *const seps[] = {":", "،",  ",", "؛", ";",   "|",   "/",   "(",
	                                   ")", "\n", "«", "»", " - ", " – ", " — ", NULL};
	for (int i = 0; seps[i]; i++)
		if (!strncmp(s, seps[i], strlen(seps[i])))
			return strlen(seps[i]);
	return 0;
}

int kh_agencies_in(const char *phrase, size_t len, char **names, int max)
{
	pthread_once(&load_once, load_agencies);
	int n = 0;
	const char *end = phrase + len;
	for (const char *p = phrase; p < end && n < max;) {
		const char *q = p;
		size_t sl = 0;
		while (q < end && !(sl = part_sep(q)))
			q++;
		kh_buf b = {0};
		kh_fold(p, (size_t)(q - p), &b);
		if (b.failed || (b.data && scan_part(b.data, names, &n, max))) {
			kh_buf_free(&b);
			for (int i = 0; i < n; i++)
				free(names[i]);
			return -1;
		}
		kh_buf_free(&b);
		p = q + (sl ? sl : 1);
	}
	return n;
}
