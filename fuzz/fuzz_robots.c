/* fuzz_robots.c — libFuzzer target: any bytes as robots.txt (kh_robots_parse, then rules
 * matched against paths cut from the same bytes) and as URLs to canonicalize against a
 * base: a result or a clear error, never a crash or a hang; a canonical URL is stable. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khabar/crawl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	kh_robots *r = NULL;
	if (kh_robots_parse(s, size, "khabar", &r, NULL) == KH_OK) {
		const char *paths[] = {"/", "/robots.txt", "/news/1.html?x=1", "/%D8%AE"};
		for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
			kh_robots_allowed(r, paths[i]);
		/* every line of the input as a path */
		for (char *p = s; *p;) {
			size_t n = strcspn(p, "\n");
			char c = p[n];
			p[n] = '\0';
			kh_robots_allowed(r, p);
			p[n] = c;
			p += n + (c != '\0');
		}
		size_t n = 0;
		kh_robots_sitemaps(r, &n);
		kh_robots_crawl_delay(r);
		kh_robots_free(r);
	}
	/* the first line as a URL, resolved against the second (or alone) */
	char *nl = strchr(s, '\n');
	const char *base = NULL;
	if (nl) {
		*nl = '\0';
		base = nl + 1;
	}
	char *u = NULL;
	if (kh_url_canonical(s, base, &u, NULL) == KH_OK) {
		char *again = NULL;
		if (kh_url_canonical(u, NULL, &again, NULL) != KH_OK || strcmp(u, again))
			abort(); /* canonical twice is canonical once */
		char origin[256];
		kh_url_origin(u, origin, sizeof origin);
		free(again);
	}
	free(u);
	free(s);
	return 0;
}
