/* cmd_serve.c — `khabar serve DB[,DB...]`: the JSON API and the web page over the search
 * database(s), read-only, until SIGINT or SIGTERM (docs/serve.md). The parts live in
 * cli/serve/. */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "serve/serve.h"

static void usage(FILE *f)
{
	fprintf(f,
	        "Usage: khabar serve [OPTIONS] DB[,DB...]\n"
	        "Serve the search database(s) DB (directories or Xapian stub files, `remote`\n"
	        "shards included) read-only: a web page at / and a JSON API (docs/serve.md):\n"
	        "  "
	        "/api/search?q=...&type=&speaker=&org=&agency=&from=&to=&percent=&limit=&offset=\n"
	        "  /api/person?name=...   /api/people?q=...   /api/story?id=...   /api/stats\n"
	        "A generation committed by a running indexer is seen within a second.\n"
	        "One log line a request on stderr; SIGINT or SIGTERM stops it cleanly.\n"
	        "\n"
	        "  -l, --listen ADDR:PORT  where to listen (default 127.0.0.1:8080, loopback "
	        "only;\n"
	        "                          [::1]:PORT for IPv6, port 0 for any free port)\n"
	        "  -t, --threads N         threads answering requests (default 4, at most 64)\n"
	        "  -q, --quiet             no request log\n"
	        "  -h, --help              this help\n");
}

/* «ADDR:PORT», «[V6]:PORT», «:PORT» or «PORT» into host and port; -1 when it is none. */
static int parse_listen(char *s, const char **host, unsigned *port)
{
	char *colon;
	if (*s == '[') {
		char *close = strchr(s, ']');
		if (!close || close[1] != ':')
			return -1;
		*close = '\0';
		*host = s + 1;
		colon = close + 1;
	} else if ((colon = strrchr(s, ':'))) {
		*colon = '\0';
		if (*s)
			*host = !strcmp(s, "localhost") ? "127.0.0.1" : s;
	} else {
		colon = s - 1; /* a port alone */
	}
	char *end;
	unsigned long p = strtoul(colon + 1, &end, 10);
	if (!colon[1] || *end || p > 65535)
		return -1;
	*port = (unsigned)p;
	return 0;
}

static int loopback(const char *host)
{
	return !strncmp(host, "127.", 4) || !strcmp(host, "::1");
}

int kh_cmd_serve(int argc, char **argv)
{
	static const struct option longopts[] = {{"listen", required_argument, NULL, 'l'},
	                                         {"threads", required_argument, NULL, 't'},
	                                         {"quiet", no_argument, NULL, 'q'},
	                                         {"help", no_argument, NULL, 'h'},
	                                         {NULL, 0, NULL, 0}};
	kh_server_options o = {"127.0.0.1", 8080, 4, 0};
	char listen_arg[128] = "";
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "l:t:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			snprintf(listen_arg, sizeof listen_arg, "%s", optarg);
			if (parse_listen(listen_arg, &o.host, &o.port)) {
				fprintf(stderr, "%s: --listen wants ADDRESS:PORT, not '%s'\n",
				        argv[0], optarg);
				return 2;
			}
			break;
		case 't': {
			char *end;
			unsigned long n = strtoul(optarg, &end, 10);
			if (*end || n < 1 || n > 64) {
				fprintf(stderr, "%s: --threads wants 1 to 64, not '%s'\n", argv[0],
				        optarg);
				return 2;
			}
			o.threads = (unsigned)n;
			break;
		}
		case 'q': o.quiet = 1; break;
		case 'h': usage(stdout); return 0;
		default: fprintf(stderr, "Try '%s --help'.\n", argv[0]); return 2;
		}
	}
	if (argc - optind != 1) {
		usage(stderr);
		return 2;
	}
	/* the signals are waited for here: blocked before the server's threads start, which
	 * inherit the mask, so that none of them is interrupted */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	kh_error err = {0};
	kh_pool *pool = NULL;
	kh_server *srv = NULL;
	unsigned port = 0;
	if (kh_pool_open(argv[optind], 1000, &pool, &err)) {
		fprintf(stderr, "%s: %s: %s\n", argv[0], argv[optind], err.message);
		return err.code == KH_ERR_USAGE ? 2 : 1;
	}
	if (kh_server_start(pool, &o, &srv, &port, &err)) {
		fprintf(stderr, "%s: %s\n", argv[0], err.message);
		kh_pool_close(pool);
		return err.code == KH_ERR_USAGE ? 2 : 1;
	}
	int v6 = strchr(o.host, ':') != NULL;
	fprintf(stderr, "%s: http://%s%s%s:%u/ (%zu database%s, %u thread%s)%s\n", argv[0],
	        v6 ? "[" : "", o.host, v6 ? "]" : "", port, kh_pool_count(pool),
	        kh_pool_count(pool) == 1 ? "" : "s", o.threads, o.threads == 1 ? "" : "s",
	        loopback(o.host) ? ""
	                         : " — not loopback: anyone who reaches this address can read it");
	int sig = 0;
	sigwait(&stop, &sig);
	fprintf(stderr, "%s: %s, stopping\n", argv[0], sig == SIGINT ? "SIGINT" : "SIGTERM");
	kh_server_stop(srv);
	kh_pool_close(pool);
	return 0;
}
