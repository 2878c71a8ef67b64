/* main.c — the `khabar` command and its subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "khabar/khabar.h"

static void usage(FILE *f)
{
	fprintf(f, "Usage: khabar COMMAND [OPTIONS] [ARGS]\n"
	           "Turn Persian news pages into searchable, structured facts.\n"
	           "\n"
	           "Commands:\n"
	           "  extract    extract the article record (JSON) from pages or text\n"
	           "  normalize  normalize Persian text (canonical or search keys), tokens, stems\n"
	           "  index      store articles, statements and facts in a search database\n"
	           "  search     search it: what an official said, which percentages\n"
	           "  stats      what a search database holds\n"
	           "  crawl      fetch news feeds, sitemaps and their pages into a database\n"
	           "  serve      a web page and a JSON API over a search database\n"
	           "\n"
	           "  khabar COMMAND --help   help on one command\n"
	           "  khabar --version        print the version\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("khabar %s\n", KH_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "extract")) {
		argv[1] = "khabar extract";
		return kh_cmd_extract(argc - 1, argv + 1);
	}
	if (!strcmp(cmd, "index")) {
		argv[1] = "khabar index";
		return kh_cmd_index(argc - 1, argv + 1);
	}
	if (!strcmp(cmd, "search")) {
		argv[1] = "khabar search";
		return kh_cmd_search(argc - 1, argv + 1);
	}
	if (!strcmp(cmd, "stats")) {
		argv[1] = "khabar stats";
		return kh_cmd_stats(argc - 1, argv + 1);
	}
	if (!strcmp(cmd, "crawl")) {
		argv[1] = "khabar crawl";
		return kh_cmd_crawl(argc - 1, argv + 1);
	}
	if (!strcmp(cmd, "serve")) {
		argv[1] = "khabar serve";
		return kh_cmd_serve(argc - 1, argv + 1);
	}
	if (!strcmp(cmd, "normalize")) {
		argv[1] = "khabar normalize";
		return kh_cmd_normalize(argc - 1, argv + 1);
	}
	fprintf(stderr, "khabar: unknown command '%s'. Try 'khabar --help'.\n", cmd);
	return 2;
}
