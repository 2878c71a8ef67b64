/* fuzz_feed.c — libFuzzer target: any bytes as an RSS/Atom feed or XML sitemap
 * (kh_feed_parse) and as an HTML page announcing feeds (kh_feed_discover): links or a
 * clear error, never a crash, a hang or an expanded entity; every link is canonical. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khabar/crawl.h"

static void check(const kh_feed *f)
{
	for (size_t i = 0; i < f->nlinks; i++)
		if (strncmp(f->links[i].url, "http://", 7) &&
		    strncmp(f->links[i].url, "https://", 8))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kh_feed f;
	if (kh_feed_parse((const char *)data, size, "https://ex.ir/fa/feed", &f, NULL) == KH_OK) {
		check(&f);
		kh_feed_clear(&f);
	}
	if (kh_feed_discover((const char *)data, size, "https://ex.ir/fa/", &f, NULL) == KH_OK) {
		check(&f);
		kh_feed_clear(&f);
	}
	return 0;
}
