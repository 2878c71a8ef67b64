/* cmd_extract.c — `khabar extract`: pages or text in, article records out. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "khabar/khabar.h"

static void usage(FILE *f, const char *prog)
{
	fprintf(f,
	        "Usage: %s [OPTIONS] FILE...\n"
	        "Extract the article record (khabar.article/1 JSON) from news pages.\n"
	        "FILE is an HTML page, a .txt file (plain text), - for standard input, or an\n"
	        "http(s) URL, fetched (redirects followed, gzip accepted, the server's charset\n"
	        "passed on).\n"
	        "\n"
	        "  -u, --url URL         record URL as the page's address (one input only)\n"
	        "  -t, --text            read the inputs as plain text: `text` is the input "
	        "verbatim\n"
	        "  -j, --jsonl           one record per line (default: indented JSON)\n"
	        "  -c, --charset NAME    the encoding a server declared (still checked against the "
	        "bytes)\n"
	        "  -O, --output-dir DIR  write DIR/NAME.json for each input instead of standard "
	        "output\n"
	        "      --max-size BYTES  refuse larger inputs (default 64 MiB)\n"
	        "  -q, --quiet           no per-file error messages\n"
	        "  -h, --help            this help\n"
	        "      --version         print the version\n"
	        "\n"
	        "Exit status: 0 all inputs extracted; 1 an input could not be read or is not "
	        "HTML/text\n"
	        "(the others are still extracted); 2 bad usage.\n",
	        prog);
}

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && !strcasecmp(s + n - m, suf);
}

/* DIR/NAME.json for input path P (NAME: base name without its extension). */
static char *output_path(const char *dir, const char *p)
{
	const char *base = strrchr(p, '/');
	base = base ? base + 1 : p;
	if (!strcmp(p, "-"))
		base = "stdin";
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	size_t sz = strlen(dir) + n + 8;
	char *out = malloc(sz);
	if (out)
		snprintf(out, sz, "%s/%.*s.json", dir, (int)n, base);
	return out;
}

/* Fetches a page with the crawler's fetcher; its URL (after redirects) and the HTTP
 * charset go to the extraction unless --url or --charset were given. */
static kh_status fetch_page(const char *url, size_t max, char **data, size_t *len, char *charset,
                            kh_extract_options *o, kh_error *err)
{
	kh_fetch_options fo = {.max_body = max};
	kh_response r;
	kh_status rc = kh_fetch(url, &fo, &r, err);
	if (rc == KH_OK && r.status != 200)
		rc = kh_error_set(err, KH_ERR_IO, "%s: HTTP %ld", url, r.status);
	if (rc == KH_OK) {
		*data = r.body;
		*len = r.len;
		r.body = NULL;
		strcpy(charset, r.charset);
		if (!o->http_charset && *charset)
			o->http_charset = charset;
		if (!o->url)
			o->url = url;
	}
	kh_response_clear(&r);
	return rc;
}

int kh_cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {{"url", required_argument, NULL, 'u'},
	                                         {"text", no_argument, NULL, 't'},
	                                         {"jsonl", no_argument, NULL, 'j'},
	                                         {"charset", required_argument, NULL, 'c'},
	                                         {"output-dir", required_argument, NULL, 'O'},
	                                         {"max-size", required_argument, NULL, 'M'},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {"version", no_argument, NULL, 'V'},
	                                         {NULL, 0, NULL, 0}};
	const char *prog = argv[0];
	kh_extract_options opts = {0};
	int text_mode = 0, jsonl = 0, quiet = 0, c;
	const char *outdir = NULL;
	opts.max_bytes = (size_t)64 << 20;
	optind = 1;
	while ((c = getopt_long(argc, argv, "u:tjc:O:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'u': opts.url = optarg; break;
		case 't': text_mode = 1; break;
		case 'j': jsonl = 1; break;
		case 'c': opts.http_charset = optarg; break;
		case 'O': outdir = optarg; break;
		case 'q': quiet = 1; break;
		case 'M': {
			char *end;
			unsigned long long v = strtoull(optarg, &end, 10);
			if (*end || v == 0) {
				fprintf(stderr, "%s: --max-size takes a positive number of bytes\n",
				        prog);
				return 2;
			}
			opts.max_bytes = (size_t)v;
			break;
		}
		case 'h': usage(stdout, prog); return 0;
		case 'V': printf("khabar %s\n", KH_VERSION); return 0;
		default: fprintf(stderr, "Try '%s --help'.\n", prog); return 2;
		}
	}
	int nin = argc - optind;
	if (nin == 0) {
		fprintf(stderr,
		        "%s: no input given (a file, or - for standard input). Try '%s --help'.\n",
		        prog, prog);
		return 2;
	}
	if (opts.url && nin > 1) {
		fprintf(stderr, "%s: --url names one page, but %d inputs were given\n", prog, nin);
		return 2;
	}

	int failed = 0;
	for (int i = optind; i < argc; i++) {
		const char *path = argv[i];
		kh_error err = {0};
		char *data = NULL, *json = NULL;
		size_t len = 0;
		kh_article *a = NULL;
		kh_status rc;
		kh_extract_options page_opts = opts;
		char charset[sizeof((kh_response *)0)->charset] = "";
		if (!strncmp(path, "http://", 7) || !strncmp(path, "https://", 8))
			rc = fetch_page(path, opts.max_bytes, &data, &len, charset, &page_opts,
			                &err);
		else
			rc = kh_read_input(path, opts.max_bytes, &data, &len, &err);
		if (!rc) {
			if (text_mode || ends_with(path, ".txt"))
				rc = kh_extract_text(data, len, &page_opts, &a, &err);
			else
				rc = kh_extract_html(data, len, &page_opts, &a, &err);
		}
		free(data);
		if (!rc && !(json = kh_article_to_json(a, jsonl ? 0 : KH_JSON_PRETTY, &err)))
			rc = err.code ? err.code : KH_ERR_NOMEM;
		kh_article_free(a);
		if (!rc) {
			size_t jl = strlen(json);
			json[jl] = '\0';
			if (outdir) {
				char *op = output_path(outdir, path);
				char *line = op ? malloc(jl + 2) : NULL;
				if (!line) {
					rc = kh_error_set(&err, KH_ERR_NOMEM, "out of memory");
				} else {
					memcpy(line, json, jl);
					line[jl] = '\n';
					rc = kh_write_file_atomic(op, line, jl + 1, &err);
				}
				free(line);
				free(op);
			} else if (fwrite(json, 1, jl, stdout) != jl ||
			           fputc('\n', stdout) == EOF || fflush(stdout) != 0) {
				free(json);
				fprintf(stderr, "%s: cannot write the output\n", prog);
				return 1;
			}
		}
		free(json);
		if (rc) {
			failed = 1;
			if (!quiet) {
				/* messages about a file or URL mostly start with its name */
				int named = !strncmp(err.message, path, strlen(path));
				fprintf(stderr, "%s: %s%s%s\n", prog, named ? "" : path,
				        named ? "" : ": ", err.message);
			}
		}
	}
	return failed ? 1 : 0;
}
