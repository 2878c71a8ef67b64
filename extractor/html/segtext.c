/* segtext.c — what a segment's text says of itself: it opens with a boilerplate phrase
 * (data/boilerplate.txt), and how many of its words are function words
 * (data/stopwords.txt). */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/table.h"
#include "base/utf8.h"
#include "html/page.h"
#include "persian/fold.h"

KH_DATA(boilerplate);
KH_DATA(stopwords);

static pthread_once_t phrases_once = PTHREAD_ONCE_INIT; /* the tables load once, thread-safely */
static pthread_once_t stops_once = PTHREAD_ONCE_INIT;   /* the tables load once, thread-safely */

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
