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
	        "  -h, --help           this help\n"
	        "The character tables are in include/khabar/normalize.h.\n");
}

int kh_cmd_normalize(int argc, char **argv)
{
	static const struct option longopts[] = {{"level", required_argument, NULL, 'l'},
	                                         {"digits", required_argument, NULL, 'd'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	kh_norm_level level = KH_NORM_CANONICAL;
	kh_norm_digits digits = KH_DIGITS_KEEP;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "l:d:h", longopts, NULL)) != -1) {
		switch (c) {
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
		if (kh_normalize(line, (size_t)n - (size_t)nl, level, digits, &out, &outlen,
		                 &err)) {
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
