/* cmd_normalize.c — `khabar normalize`: standard input to standard output, line by line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "khabar/khabar.h"

static void usage(FILE *f)
{
	fprintf(f,
	        "Usage: khabar normalize [--level canonical|search] [--digits keep|latin|persian]\n"
	        "Normalize Persian text from standard input to standard output, line by line.\n"
	        "\n"
	        "  -l, --level LEVEL    canonical (default): Persian yeh/kaf, no diacritics or\n"
	        "                       tatweel, ZWNJ where orthography puts it, tidy spacing;\n"
	        "                       search: canonical, then digits to ASCII, ZWNJ removed,\n"
	        "                       alef/heh variants folded (index terms and queries)\n"
	        "  -d, --digits DIGITS  keep (default), latin or persian\n"
	        "  -t, --tokens         print the line's tokens instead, one a line:\n"
	        "                       START END KIND TEXT (byte offsets into the line)\n"
	        "  -w, --words          print the search keys of the words and numbers, one\n"
	        "                       space apart, punctuation dropped\n"
	        "  -s, --stem           the same, words stemmed (what the index stores)\n"
	        "  -h, --help           this help\n"
	        "The character tables are in include/khabar/normalize.h.\n");
}

/* The tokens of one line, one a line. */
static kh_status print_tokens(const char *line, size_t len, kh_error *err)
{
	kh_token *t;
	size_t n;
	kh_status rc = kh_tokenize(line, len, &t, &n, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		printf("%zu\t%zu\t%s\t%.*s\n", t[i].start, t[i].end, kh_token_kind_name(t[i].kind),
		       (int)(t[i].end - t[i].start), line + t[i].start);
	free(t);
	return KH_OK;
}

/* Replaces *s (search keys) by its words and numbers one space apart, words stemmed
 * when `stem`. */
static kh_status key_words(char **s, size_t *len, int stem, kh_error *err)
{
	kh_token *t;
	size_t n;
	kh_status rc = kh_tokenize(*s, *len, &t, &n, err);
	if (rc)
		return rc;
	char *out = malloc(*len + 1);
	if (!out) {
		free(t);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory stemming");
	}
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (t[i].kind == KH_TOKEN_PUNCT)
			continue;
		if (w)
			out[w++] = ' ';
		size_t tl = t[i].end - t[i].start;
		if (t[i].kind == KH_TOKEN_WORD && stem)
			w += kh_stem(*s + t[i].start, tl, out + w, tl + 1);
		else
			memcpy(out + w, *s + t[i].start, tl), w += tl;
	}
	out[w] = '\0';
	free(t);
	free(*s);
	*s = out;
	*len = w;
	return KH_OK;
}

int kh_cmd_normalize(int argc, char **argv)
{
	static const struct option longopts[] = {{"level", required_argument, NULL, 'l'},
	                                         {"digits", required_argument, NULL, 'd'},
	                                         {"tokens", no_argument, NULL, 't'},
	                                         {"stem", no_argument, NULL, 's'},
	                                         {"words", no_argument, NULL, 'w'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	kh_norm_level level = KH_NORM_CANONICAL;
	kh_norm_digits digits = KH_DIGITS_KEEP;
	int c, tokens = 0, stem = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "l:d:tswh", longopts, NULL)) != -1) {
		switch (c) {
		case 't': tokens = 1; break;
		case 's': stem = 2; break;
		case 'w': stem = 1; break;
		case 'l':
			if (!strcmp(optarg, "canonical"))
				level = KH_NORM_CANONICAL;
			else if (!strcmp(optarg, "search"))
				level = KH_NORM_SEARCH;
			else {
				fprintf(stderr, "%s: --level is canonical or search, not '%s'\n",
				        argv[0], optarg);
				return 2;
			}
			break;
		case 'd':
			if (!strcmp(optarg, "keep"))
				digits = KH_DIGITS_KEEP;
			else if (!strcmp(optarg, "latin"))
				digits = KH_DIGITS_LATIN;
			else if (!strcmp(optarg, "persian"))
				digits = KH_DIGITS_PERSIAN;
			else {
				fprintf(stderr,
				        "%s: --digits is keep, latin or persian, not '%s'\n",
				        argv[0], optarg);
				return 2;
			}
			break;
		case 'h': usage(stdout); return 0;
		default: fprintf(stderr, "Try '%s --help'.\n", argv[0]); return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "%s: reads standard input; no file arguments\n", argv[0]);
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = 0;
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		int nl = n > 0 && line[n - 1] == '\n';
		char *out;
		size_t outlen;
		kh_error err = {0};
		if (tokens) {
			if (print_tokens(line, (size_t)n - (size_t)nl, &err)) {
				fprintf(stderr, "%s: %s\n", argv[0], err.message);
				rc = 1;
				break;
			}
			continue;
		}
		/* stems are cut where the canonical text keeps its ZWNJ */
		if (kh_normalize(line, (size_t)n - (size_t)nl,
		                 stem == 2 ? KH_NORM_CANONICAL
		                 : stem    ? KH_NORM_SEARCH
		                           : level,
		                 stem ? KH_DIGITS_LATIN : digits, &out, &outlen, &err) ||
		    (stem && key_words(&out, &outlen, stem == 2, &err))) {
			fprintf(stderr, "%s: %s\n", argv[0], err.message);
			rc = 1;
			break;
		}
		fwrite(out, 1, outlen, stdout);
		if (nl)
			fputc('\n', stdout);
		free(out);
	}
	free(line);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "%s: cannot write the output\n", argv[0]);
		rc = 1;
	}
	return rc;
}
