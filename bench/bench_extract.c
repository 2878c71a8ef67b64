/* bench_extract.c — pages/s of `extract` against libxml2's bare HTML parse of the
 * same pages, in one run, on one core.
 *   bench_extract [-r ROUNDS] FILE...
 * Loads every file into memory first, then alternates the two workloads for
 * ROUNDS rounds and prints both rates and their ratio (extract / bare parse),
 * each from its fastest round: on a shared machine the slower rounds measure
 * the neighbours. For instruction counts, run it under valgrind --tool=callgrind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "khabar/khabar.h"

typedef struct page {
	char *data;
	size_t len;
} page;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int load(const char *path, page *p)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p->data = malloc(n > 0 ? (size_t)n : 1);
	p->len = p->data ? fread(p->data, 1, (size_t)n, f) : 0;
	fclose(f);
	return p->data ? 0 : -1;
}

static void bare_parse(const page *p)
{
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	           HTML_PARSE_NONET | HTML_PARSE_COMPACT;
	htmlDocPtr d = htmlReadMemory(p->data, (int)p->len, NULL, NULL, opts);
	if (d)
		xmlFreeDoc(d);
}

static int extract(const page *p)
{
	kh_article *a = NULL;
	if (kh_extract_html(p->data, p->len, NULL, &a, NULL) != KH_OK)
		return 0;
	char *json = kh_article_to_json(a, 0, NULL);
	int ok = json != NULL;
	free(json);
	kh_article_free(a);
	return ok;
}

int main(int argc, char **argv)
{
	int rounds = 3, first = 1;
	if (argc > 2 && !strcmp(argv[1], "-r")) {
		rounds = atoi(argv[2]);
		first = 3;
	}
	if (first >= argc || rounds < 1) {
		fprintf(stderr, "usage: bench_extract [-r ROUNDS] FILE...\n");
		return 2;
	}
	int n = argc - first;
	page *pages = calloc((size_t)n, sizeof *pages);
	size_t bytes = 0;
	if (!pages)
		return 1;
	for (int i = 0; i < n; i++) {
		if (load(argv[first + i], &pages[i])) {
			fprintf(stderr, "bench_extract: cannot read %s\n", argv[first + i]);
			return 1;
		}
		bytes += pages[i].len;
	}
	/* warm up both paths (ICU data, libxml2 tables) */
	bare_parse(&pages[0]);
	extract(&pages[0]);
	double t_parse = 0, t_extract = 0;
	int ok = 0;
	for (int r = 0; r < rounds; r++) {
		double t0 = now();
		for (int i = 0; i < n; i++)
			bare_parse(&pages[i]);
		double t1 = now();
		for (int i = 0; i < n; i++)
			ok += extract(&pages[i]);
		double t2 = now();
		t_parse += t1 - t0;
		t_extract += t2 - t1;
	}
	double pp = n * rounds / t_parse, pe = n * rounds / t_extract;
	printf("pages %d (%.1f MB), rounds %d, extracted %d/%d\n", n, bytes / 1e6, rounds,
	       ok / rounds, n);
	printf("libxml2 bare parse: %8.1f pages/s  %6.1f MB/s\n", pp,
	       bytes * rounds / t_parse / 1e6);
	printf("khabar extract:     %8.1f pages/s  %6.1f MB/s\n", pe,
	       bytes * rounds / t_extract / 1e6);
	printf("ratio extract/parse: %.2f\n", pe / pp);
	for (int i = 0; i < n; i++)
		free(pages[i].data);
	free(pages);
	return 0;
}
