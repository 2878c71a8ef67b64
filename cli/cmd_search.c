/* cmd_search.c — `khabar search DB QUERY` and `khabar stats DB`. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "khabar/khabar.h"

static void usage(FILE *f)
{
	fprintf(f,
	        "Usage: khabar search [OPTIONS] DB[,DB...] QUERY...\n"
	        "Search the database(s) DB (directories or Xapian stub files, `remote` shards\n"
	        "included). QUERY is words («\"...\"» for a phrase) and prefixes:\n"
	        "  speaker:«زارع پور»  org:\"سازمان توسعه تجارت\"  agency:تسنیم  type:statements\n"
	        "  date:1402-08-01..1402-09-30 (Jalali or ISO)  percent:20..50\n"
	        "\n"
	        "  -t, --type T       statements, facts or articles\n"
	        "  -s, --speaker NAME, -o, --org NAME, -a, --agency NAME\n"
	        "  -f, --from DATE, -T, --to DATE\n"
	        "  -p, --percent MIN..MAX\n"
	        "  -n, --limit N      at most N results (default 10)\n"
	        "  -O, --offset N     skip the first N results (a page)\n"
	        "  -j, --jsonl        one JSON record a line\n"
	        "  -h, --help         this help\n");
}

/* Splits "a,b,c" in place into paths. */
static size_t split(char *s, const char **out, size_t max)
{
	size_t n = 0;
	for (char *save, *p = strtok_r(s, ",", &save); p && n < max; p = strtok_r(NULL, ",", &save))
		out[n++] = p;
	return n;
}

static void print_hit(const char *line, size_t len)
{
	json_t *o = json_loadb(line, len, 0, NULL);
	if (!o)
		return;
	const char *type = json_string_value(json_object_get(o, "type"));
	const char *title = json_string_value(json_object_get(o, "title"));
	const char *date = json_string_value(json_object_get(o, "jalali"));
	const char *url = json_string_value(json_object_get(o, "url"));
	if (type && !strcmp(type, "statement")) {
		const char *role = json_string_value(json_object_get(o, "role"));
		printf("%s%s%s%s: «%s»\n", json_string_value(json_object_get(o, "speaker")) ?: "?",
		       role ? " (" : "", role ? role : "", role ? ")" : "",
		       json_string_value(json_object_get(o, "content")) ?: "");
	} else if (type && !strcmp(type, "fact")) {
		json_t *v = json_object_get(o, "value");
		printf("%s: %g%% — %s\n",
		       json_string_value(json_object_get(o, "organization")) ?: "—",
		       json_number_value(v),
		       json_string_value(json_object_get(o, "sentence")) ?: "");
	} else {
		printf("%s\n  %s\n", title ? title : "(untitled)",
		       json_string_value(json_object_get(o, "snippet")) ?: "");
	}
	const char *t2 = type && strcmp(type, "article") && title ? title : NULL;
	printf("  %s%s%s%s%s\n\n", date ? date : "", date && t2 ? " · " : "", t2 ? t2 : "",
	       (date || t2) && url ? " · " : "", url ? url : "");
	json_decref(o);
}

int kh_cmd_search(int argc, char **argv)
{
	static const struct option longopts[] = {{"type", required_argument, NULL, 't'},
	                                         {"speaker", required_argument, NULL, 's'},
	                                         {"org", required_argument, NULL, 'o'},
	                                         {"agency", required_argument, NULL, 'a'},
	                                         {"from", required_argument, NULL, 'f'},
	                                         {"to", required_argument, NULL, 'T'},
	                                         {"percent", required_argument, NULL, 'p'},
	                                         {"limit", required_argument, NULL, 'n'},
	                                         {"offset", required_argument, NULL, 'O'},
	                                         {"jsonl", no_argument, NULL, 'j'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	/* the options are fields set on the parsed query (kh_query_set), after its prefixes,
	 * as `khabar serve` sets its URL's parameters */
	struct {
		const char *key;
		char *value;
	} opts[32];
	size_t nopts = 0, limit = 10, offset = 0;
	int jsonl = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "t:s:o:a:f:T:p:n:O:jh", longopts, NULL)) != -1) {
		const char *key = NULL;
		switch (c) {
		case 't': key = "type"; break;
		case 's': key = "speaker"; break;
		case 'o': key = "org"; break;
		case 'a': key = "agency"; break;
		case 'p': key = "percent"; break;
		case 'f': key = "from"; break;
		case 'T': key = "to"; break;
		case 'n': limit = (size_t)strtoul(optarg, NULL, 10); break;
		case 'O': offset = (size_t)strtoul(optarg, NULL, 10); break;
		case 'j': jsonl = 1; break;
		case 'h': usage(stdout); return 0;
		default: fprintf(stderr, "Try '%s --help'.\n", argv[0]); return 2;
		}
		if (key && nopts == sizeof opts / sizeof opts[0]) {
			fprintf(stderr, "%s: too many options\n", argv[0]);
			return 2;
		}
		if (key)
			opts[nopts].key = key, opts[nopts++].value = optarg;
	}
	if (argc - optind < 1) {
		usage(stderr);
		return 2;
	}
	char *dbs = strdup(argv[optind]);
	const char *paths[64];
	size_t np = dbs ? split(dbs, paths, 64) : 0;
	/* the query: its words */
	size_t ql = 1;
	for (int i = optind + 1; i < argc; i++)
		ql += strlen(argv[i]) + 1;
	char *qs = malloc(ql + 1);
	if (!dbs || !qs) {
		fprintf(stderr, "%s: out of memory\n", argv[0]);
		free(dbs);
		free(qs);
		return 1;
	}
	qs[0] = '\0';
	for (int i = optind + 1; i < argc; i++)
		strcat(strcat(qs, argv[i]), " ");
	kh_error err = {0};
	kh_query q;
	char *storage = NULL;
	int rc = 0;
	kh_index *ix = NULL;
	kh_status st = kh_query_parse(qs, &q, &storage, &err);
	for (size_t i = 0; !st && i < nopts; i++)
		st = kh_query_set(&q, opts[i].key, opts[i].value, &err);
	if (st) {
		fprintf(stderr, "%s: %s\n", argv[0], err.message);
		rc = 2;
	} else if (kh_index_open_readonly(paths, np, &ix, &err)) {
		fprintf(stderr, "%s: %s: %s\n", argv[0], argv[optind], err.message);
		rc = 1;
	} else {
		char *res = NULL;
		size_t n = 0;
		q.limit = limit;
		q.offset = offset;
		if (kh_index_search(ix, &q, &res, &n, &err)) {
			fprintf(stderr, "%s: %s\n", argv[0], err.message);
			rc = err.code == KH_ERR_USAGE ? 2 : 1;
		} else if (jsonl) {
			fputs(res, stdout);
		} else {
			for (char *p = res, *nl; (nl = strchr(p, '\n')); p = nl + 1)
				print_hit(p, (size_t)(nl - p));
			if (!n)
				fprintf(stderr, "%s: no results\n", argv[0]);
		}
		free(res);
	}
	kh_index_close(ix);
	free(storage);
	free(qs);
	free(dbs);
	return rc;
}

int kh_cmd_stats(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fprintf(argc < 2 ? stderr : stdout,
		        "Usage: khabar stats DB[,DB...]\nCounts of articles, statements and facts, "
		        "the top speakers and organizations (JSON).\n");
		return argc < 2 ? 2 : 0;
	}
	char *dbs = strdup(argv[1]);
	const char *paths[64];
	size_t np = dbs ? split(dbs, paths, 64) : 0;
	kh_index *ix = NULL;
	kh_error err = {0};
	char *json = NULL;
	int rc = 0;
	if (kh_index_open_readonly(paths, np, &ix, &err) || kh_index_stats(ix, 10, &json, &err)) {
		fprintf(stderr, "%s: %s: %s\n", argv[0], argv[1], err.message);
		rc = 1;
	} else {
		json_t *o = json_loads(json, 0, NULL);
		char *pretty = o ? json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
		puts(pretty ? pretty : json);
		free(pretty);
		json_decref(o);
	}
	free(json);
	kh_index_close(ix);
	free(dbs);
	return rc;
}
