/* lex.c — phrase tables over kh_words tokens (see lex.h). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "persian/lex.h"

#define KH_LEX_BUCKETS 4096u

static unsigned hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

int kh_lex_add(kh_lex *lx, const char *phrase, size_t len, int kind, int value, const char *extra,
               size_t extralen)
{
	if (!lx->bucket) {
		lx->bucket = malloc(KH_LEX_BUCKETS * sizeof *lx->bucket);
		lx->first = calloc(KH_LEX_BUCKETS / 8, 1);
		lx->pre = calloc(KH_LEX_BUCKETS / 8, 1);
		if (!lx->bucket || !lx->first || !lx->pre)
			return -1;
		for (unsigned b = 0; b < KH_LEX_BUCKETS; b++)
			lx->bucket[b] = -1;
	}
	int nt = 0;
	kh_word *w = kh_words(phrase, len, &nt);
	if (!w)
		return -1;
	kh_buf key = {0};
	int words = 0, bad = 0;
	for (int i = 0; i < nt; i++) {
		if (w[i].punct)
			continue; /* «صنعت، معدن»: commas are skipped in the text too */
		if (words > 0 && key.data) { /* the words so far begin a longer phrase */
			unsigned ph = hash(key.data, key.len);
			lx->pre[(ph % KH_LEX_BUCKETS) / 8] |= (unsigned char)(1u << (ph % 8));
		}
		if (words == 0)
			lx->first[(hash(w[i].f, w[i].flen) % KH_LEX_BUCKETS) / 8] |=
			        (unsigned char)(1u << (hash(w[i].f, w[i].flen) % 8));
		if (w[i].num)
			bad |= kh_buf_add(&key, phrase + w[i].s, w[i].e - w[i].s);
		else
			bad |= kh_buf_add(&key, w[i].f, w[i].flen);
		words++;
	}
	free(w);
	kh_lex_entry *grown = kh_grow(lx->e, &lx->cap, lx->n, sizeof *lx->e);
	if (bad || !words || words > KH_LEX_MAXW || !grown || !key.data) {
		free(key.data);
		if (grown)
			lx->e = grown;
		return bad || !grown ? -1 : 0;
	}
	lx->e = grown;
	kh_lex_entry *e = &lx->e[lx->n];
	e->key = key.data;
	e->nwords = words;
	e->kind = kind;
	e->value = value;
	e->extra = NULL;
	if (extra && !(e->extra = strndup(extra, extralen))) {
		free(key.data);
		return -1;
	}
	unsigned b = hash(e->key, key.len) % KH_LEX_BUCKETS;
	e->next = lx->bucket[b];
	lx->bucket[b] = (int)lx->n++;
	return 0;
}

const kh_lex_entry *kh_lex_match(const kh_lex *lx, const kh_word *t, int nt, int i, unsigned kinds,
                                 int *used)
{
	*used = 0;
	if (!lx->bucket || i >= nt || t[i].punct || !t[i].flen)
		return NULL;
	unsigned h0 = hash(t[i].f, t[i].flen) % KH_LEX_BUCKETS;
	if (!(lx->first[h0 / 8] & (1u << (hash(t[i].f, t[i].flen) % 8))))
		return NULL; /* no phrase starts with this word */
	char key[KH_LEX_MAXW * MAXW + 1];
	size_t kl = 0;
	const kh_lex_entry *best = NULL;
	int words = 0;
	for (int k = i; k < nt && words < KH_LEX_MAXW; k++) {
		if (t[k].punct == ',' && words > 0)
			continue;
		if (t[k].punct || t[k].num || (t[k].nl && k > i))
			break;
		memcpy(key + kl, t[k].f, t[k].flen);
		kl += t[k].flen;
		words++;
		unsigned h = hash(key, kl);
		for (int q = lx->bucket[h % KH_LEX_BUCKETS]; q >= 0; q = lx->e[q].next) {
			const kh_lex_entry *e = &lx->e[q];
			if (e->nwords == words && (kinds & (1u << e->kind)) &&
			    strlen(e->key) == kl && !memcmp(e->key, key, kl)) {
				best = e;
				*used = k - i + 1;
				break;
			}
		}
		if (!(lx->pre[(h % KH_LEX_BUCKETS) / 8] & (1u << (h % 8))))
			break; /* no longer phrase starts with these words */
	}
	return best;
}

unsigned kh_lex_kinds1(const kh_lex *lx, const kh_word *t)
{
	if (!lx->bucket || t->punct || t->num || !t->flen)
		return 0;
	unsigned kinds = 0, h = hash(t->f, t->flen);
	for (int q = lx->bucket[h % KH_LEX_BUCKETS]; q >= 0; q = lx->e[q].next) {
		const kh_lex_entry *e = &lx->e[q];
		if (e->nwords == 1 && strlen(e->key) == t->flen && !memcmp(e->key, t->f, t->flen))
			kinds |= 1u << e->kind;
	}
	return kinds;
}

void kh_lex_free(kh_lex *lx)
{
	for (size_t i = 0; i < lx->n; i++) {
		free(lx->e[i].key);
		free(lx->e[i].extra);
	}
	free(lx->e);
	free(lx->bucket);
	free(lx->first);
	free(lx->pre);
	memset(lx, 0, sizeof *lx);
}
