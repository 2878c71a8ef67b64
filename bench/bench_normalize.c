/* bench_normalize.c — normalization throughput against a plain copy of the same
 * text (the floor) and ICU's own NFKC over it, in one run.
 *   bench_normalize [-r ROUNDS] FILE...   (fastest round of each is reported) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "khabar/normalize.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	int rounds = 5, first = 1;
	if (argc > 2 && !strcmp(argv[1], "-r")) {
		rounds = atoi(argv[2]);
		first = 3;
	}
	if (first >= argc || rounds < 1) {
		fprintf(stderr, "usage: bench_normalize [-r ROUNDS] FILE...\n");
		return 2;
	}
	/* all files concatenated into one text, split into lines as a caller would feed them */
	size_t cap = 1 << 20, len = 0;
	char *text = malloc(cap);
	for (int i = first; i < argc && text; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f)
			continue;
		size_t r;
		while (text && (r = fread(text + len, 1, cap - len, f)) > 0) {
			len += r;
			if (len == cap) {
				char *t = realloc(text, cap *= 2);
				if (!t) {
					free(text);
					text = NULL;
				}
				text = t;
			}
		}
		fclose(f);
	}
	if (!text)
		return 1;
	char *copy = malloc(len + 1);
	UChar *u16 = malloc((len + 1) * sizeof *u16), *o16 = malloc((len * 3 + 16) * sizeof *o16);
	if (!copy || !u16 || !o16)
		return 1;
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&st);
	double t_copy = 1e300, t_icu = 1e300, t_canon = 1e300, t_search = 1e300;
	size_t sink = 0;
	for (int r = 0; r < rounds; r++) {
		double t0 = now();
		memcpy(copy, text, len);
		sink += (unsigned char)copy[len / 2];
		double t1 = now();
		/* ICU: UTF-8 to UTF-16 and NFKC, line by line as kh_normalize is fed */
		for (size_t p = 0; p < len;) {
			char *nl = memchr(text + p, '\n', len - p);
			size_t e = nl ? (size_t)(nl - text) : len;
			int32_t n16 = 0;
			st = U_ZERO_ERROR;
			u_strFromUTF8WithSub(u16, (int32_t)len + 1, &n16, text + p,
			                     (int32_t)(e - p), 0xFFFD, NULL, &st);
			sink += (size_t)unorm2_normalize(nfkc, u16, n16, o16,
			                                 (int32_t)(len * 3 + 16), &st);
			p = e + 1;
		}
		double t2 = now();
		for (int level = 0; level < 2; level++) {
			double a = now();
			for (size_t p = 0; p < len;) {
				char *nl = memchr(text + p, '\n', len - p);
				size_t e = nl ? (size_t)(nl - text) : len;
				char *out;
				size_t on;
				if (kh_normalize(text + p, e - p, (kh_norm_level)level,
				                 KH_DIGITS_KEEP, &out, &on, NULL) == KH_OK) {
					sink += on;
					free(out);
				}
				p = e + 1;
			}
			double b = now() - a;
			if (level == 0 && b < t_canon)
				t_canon = b;
			if (level == 1 && b < t_search)
				t_search = b;
		}
		if (t1 - t0 < t_copy)
			t_copy = t1 - t0;
		if (t2 - t1 < t_icu)
			t_icu = t2 - t1;
	}
	double mb = len / 1e6;
	printf("text %.1f MB, best of %d rounds (checksum %zu)\n", mb, rounds, sink % 1000);
	printf("plain copy:          %9.1f MB/s\n", mb / t_copy);
	printf("ICU NFKC alone:      %9.1f MB/s\n", mb / t_icu);
	printf("khabar canonical:    %9.1f MB/s  (%.2f of ICU NFKC, %.4f of a copy)\n",
	       mb / t_canon, t_icu / t_canon, t_copy / t_canon);
	printf("khabar search key:   %9.1f MB/s  (%.2f of ICU NFKC, %.4f of a copy)\n",
	       mb / t_search, t_icu / t_search, t_copy / t_search);
	free(text);
	free(copy);
	free(u16);
	free(o16);
	return 0;
}
