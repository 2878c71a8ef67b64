/* fuzz_extract.c — libFuzzer target: any bytes through HTML and text extraction
 * and JSON serialization. Must never crash, hang or leak. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "khabar/khabar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kh_article *a = NULL;
	kh_extract_options o = {.max_bytes = 1 << 20};
	if (kh_extract_html((const char *)data, size, &o, &a, NULL) == KH_OK) {
		free(kh_article_to_json(a, KH_JSON_PRETTY, NULL));
		kh_article_free(a);
	}
	if (kh_extract_text((const char *)data, size, &o, &a, NULL) == KH_OK) {
		free(kh_article_to_json(a, 0, NULL));
		kh_article_free(a);
	}
	return 0;
}
