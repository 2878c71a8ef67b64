/* fuzz_normalize.c — libFuzzer target: any bytes through both normalization levels;
 * the output must be valid UTF-8 and normalizing it again must not change it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khabar/normalize.h"

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
		free(out);
	}
	return 0;
}
