/* fuzz_dates.c — libFuzzer target: any bytes through the date finder, with and
 * without a publication date; spans must lie inside the input and be in order. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "khabar/dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const kh_ymd pub = {2023, 11, 26};
	for (int k = 0; k < 2; k++) {
		kh_date_mention *d = NULL;
		size_t n = 0;
		if (kh_find_dates((const char *)data, size, k ? &pub : NULL, &d, &n, NULL) != KH_OK)
			continue;
		for (size_t i = 0; i < n; i++)
			if (d[i].start >= d[i].end || d[i].end > size ||
			    (i && d[i].start < d[i - 1].end))
				abort();
		free(d);
	}
	return 0;
}
