/* cmd_index.c — `khabar index DB FILE...`: pages (extracted here) or records (`extract
 * --jsonl` output, a file or `-` for standard input) into the Xapian database DB. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "khabar/khabar.h"

static void usage(FILE *f)
{
	fprintf(f, "Usage: khabar index [--batch N] [-q] DB FILE...\n"
	           "Store articles in the search database DB (created if missing): HTML pages are\n"
	           "extracted first; .json/.jsonl files and '-' (standard input) hold records as\n"
	           "`extract --jsonl` prints them, one a line. Re-adding an article replaces it.\n"
	           "\n"
	           "  -b, --batch N   commit every N articles (default 100): a killed run keeps "
	           "every\n"
	           "                  batch committed before it; running again completes the rest\n"
	           "  -q, --quiet     no progress line\n"
	           "  -h, --help      this help\n");
}

static int is_records(const char *path)
{
	size_t n = strlen(path);
	return !strcmp(path, "-") || (n > 5 && !strcmp(path + n - 5, ".json")) ||
	       (n > 6 && !strcmp(path + n - 6, ".jsonl"));
}

typedef struct run {
	kh_index *ix;
	size_t added, batch, pending, failed;
	int quiet;
	const char *prog;
} run;

static int add(run *r, const char *json, size_t len, const char *where)
{
	kh_error err = {0};
	if (kh_index_add_record(r->ix, json, len, &err)) {
		fprintf(stderr, "%s: %s: %s\n", r->prog, where, err.message);
		r->failed++;
		return err.code == KH_ERR_IO || err.code == KH_ERR_NOMEM ? -1 : 0;
	}
	r->added++;
	if (++r->pending >= r->batch) {
		if (kh_index_commit(r->ix, &err)) {
			fprintf(stderr, "%s: %s\n", r->prog, err.message);
			return -1;
		}
		r->pending = 0;
		if (!r->quiet)
			fprintf(stderr, "\r%s: %zu articles", r->prog, r->added);
	}
	return 0;
}

static int records(run *r, const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!f) {
		fprintf(stderr, "%s: %s: cannot open\n", r->prog, path);
		r->failed++;
		return 0;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = 0;
	while (!rc && (n = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (n <= 1)
			continue;
		char where[4096];
		snprintf(where, sizeof where, "%s:%zu", path, lineno);
		rc = add(r, line, (size_t)n, where);
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return rc;
}

static int page(run *r, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	kh_error err = {0};
	kh_article *a = NULL;
	char *json = NULL;
	kh_extract_options o = {0};
	if (kh_read_input(path, 64u << 20, &data, &len, &err) ||
	    kh_extract_html(data, len, &o, &a, &err) || !(json = kh_article_to_json(a, 0, &err))) {
		fprintf(stderr, "%s: %s: %s\n", r->prog, path, err.message);
		r->failed++;
		free(data);
		kh_article_free(a);
		return 0;
	}
	int rc = add(r, json, strlen(json), path);
	free(json);
	free(data);
	kh_article_free(a);
	return rc;
}

int kh_cmd_index(int argc, char **argv)
{
	static const struct option longopts[] = {{"batch", required_argument, NULL, 'b'},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	run r = {.batch = 100, .prog = argv[0]};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "b:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			r.batch = (size_t)strtoul(optarg, NULL, 10);
			if (!r.batch) {
				fprintf(stderr, "%s: --batch wants a positive number\n", argv[0]);
				return 2;
			}
			break;
		case 'q': r.quiet = 1; break;
		case 'h': usage(stdout); return 0;
		default: fprintf(stderr, "Try '%s --help'.\n", argv[0]); return 2;
		}
	}
	if (argc - optind < 2) {
		usage(stderr);
		return 2;
	}
	kh_error err = {0};
	if (kh_index_open_writable(argv[optind], &r.ix, &err)) {
		fprintf(stderr, "%s: %s: %s\n", argv[0], argv[optind], err.message);
		return 1;
	}
	int rc = 0;
	for (int i = optind + 1; i < argc && !rc; i++)
		rc = is_records(argv[i]) ? records(&r, argv[i]) : page(&r, argv[i]);
	if (kh_index_commit(r.ix, &err)) {
		fprintf(stderr, "%s: %s\n", argv[0], err.message);
		rc = -1;
	}
	kh_index_close(r.ix);
	if (!r.quiet)
		fprintf(stderr, "\r%s: %zu articles indexed, %zu failed\n", argv[0], r.added,
		        r.failed);
	return rc ? 1 : r.failed ? 1 : 0;
}
