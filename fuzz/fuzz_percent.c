/* fuzz_percent.c — libFuzzer target: any bytes through the number parser (both
 * modes) and the percentage finder. Must never crash, hang or read out of bounds. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "khabar/number.h"
#include "khabar/percent.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	double v;
	for (size_t i = 0; i < size && i < 64; i++) {
		kh_number_parse(s + i, size - i, &v, 0);
		kh_number_parse(s + i, size - i, &v, KH_NUM_SPACED_DECIMAL);
	}
	kh_percentage *p = NULL;
	size_t n = 0;
	if (kh_find_percentages(s, size, &p, &n, NULL) == KH_OK) {
		for (size_t i = 0; i < n; i++)
			if (p[i].start > p[i].end || p[i].end > size)
				abort();
		free(p);
	}
	return 0;
}
