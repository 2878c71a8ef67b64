/* fuzz_normalize.c — libFuzzer target: any bytes through both normalization levels;
 * normalizing the output again must not change it. Then the tokenizer on the raw bytes
 * (tokens in order, inside the input) and the stemmer on each canonical word (a stem is
 * never longer than its word). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khabar/normalize.h"
#include "khabar/stem.h"
#include "khabar/token.h"

static void stem_all(const char *s, size_t n)
{
	kh_token *t = NULL;
	size_t nt = 0;
	if (kh_tokenize(s, n, &t, &nt, NULL) != KH_OK)
		return;
	for (size_t i = 0; i < nt; i++) {
		size_t len = t[i].end - t[i].start;
		char *out = malloc(len + 1);
		if (!out)
			abort();
		if (kh_stem(s + t[i].start, len, out, len + 1) > len || strlen(out) > len)
			abort();
		free(out);
	}
	free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int level = 0; level < 2; level++) {
		char *out = NULL, *again = NULL;
		size_t n = 0, n2 = 0;
		if (kh_normalize((const char *)data, size, (kh_norm_level)level, KH_DIGITS_KEEP,
		                 &out, &n, NULL))
			continue;
		if (kh_normalize(out, n, (kh_norm_level)level, KH_DIGITS_KEEP, &again, &n2, NULL) ==
		            KH_OK &&
		    (n2 != n || memcmp(out, again, n)))
			abort(); /* not idempotent */
		free(again);
		if (level == KH_NORM_CANONICAL)
			stem_all(out, n);
		free(out);
	}
	kh_token *t = NULL;
	size_t nt = 0;
	if (kh_tokenize((const char *)data, size, &t, &nt, NULL) == KH_OK) {
		for (size_t i = 0; i < nt; i++)
			if (t[i].start >= t[i].end || t[i].end > size ||
			    (i && t[i].start < t[i - 1].end))
				abort(); /* tokens out of order or outside the input */
		free(t);
	}
	return 0;
}
