/* terms.c — the search terms of text and of names, the same at index and query time. */
#include <stdlib.h>
#include <string.h>

#include "ixdoc.h"
#include "khabar/normalize.h"
#include "khabar/stem.h"
#include "khabar/token.h"

static int push(char ***v, size_t *n, size_t *cap, char *s)
{
	if (!s)
		return -1;
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		char **g = realloc(*v, c * sizeof *g);
		if (!g) {
			free(s);
			return -1;
		}
		*v = g, *cap = c;
	}
	(*v)[(*n)++] = s;
	return 0;
}

int kh_text_words(const char *text, size_t len, char ***words, size_t *n, size_t *cap)
{
	char *canon = NULL;
	size_t cl;
	if (kh_normalize(text, len, KH_NORM_CANONICAL, KH_DIGITS_LATIN, &canon, &cl, NULL))
		return -1;
	kh_token *t = NULL;
	size_t nt = 0;
	if (kh_tokenize(canon, cl, &t, &nt, NULL)) {
		free(canon);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < nt && !rc; i++) {
		size_t tl = t[i].end - t[i].start;
		if (t[i].kind == KH_TOKEN_PUNCT || tl > 200)
			continue;
		char *w = malloc(tl + 1);
		if (!w) {
			rc = -1;
			break;
		}
		if (t[i].kind == KH_TOKEN_WORD)
			kh_stem(canon + t[i].start, tl, w, tl + 1);
		else
			memcpy(w, canon + t[i].start, tl), w[tl] = '\0';
		rc = push(words, n, cap, w);
	}
	free(t);
	free(canon);
	return rc;
}

char *kh_name_key(const char *s, size_t len)
{
	char *out = NULL;
	size_t n;
	if (kh_normalize(s, len, KH_NORM_SEARCH, KH_DIGITS_LATIN, &out, &n, NULL))
		return NULL;
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (out[i] != ' ')
			out[w++] = out[i];
	out[w] = '\0';
	return out;
}
