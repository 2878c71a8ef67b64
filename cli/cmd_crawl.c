/* cmd_crawl.c — `khabar crawl`: seeds (feeds, sitemaps, home pages) in; pages fetched
 * politely, extracted and indexed; the state kept in SQLite beside the database. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "khabar/khabar.h"

static void usage(FILE *f)
{
	fprintf(f,
	        "Usage: khabar crawl --seeds FILE --db DB [--once | --follow] [OPTIONS] [URL...]\n"
	        "Read the seed feeds, sitemaps and home pages (their announced feeds), fetch the\n"
	        "article pages they list, extract them and index them into DB. The frontier and\n"
	        "each URL's state live in DB.crawl (SQLite): a stopped or killed crawl resumes\n"
	        "where it was, and nothing is indexed twice.\n"
	        "\n"
	        "  -s, --seeds FILE        seed URLs, one a line ('#' comments; '-' standard "
	        "input)\n"
	        "  -d, --db DB             the search database (created if missing)\n"
	        "      --state FILE        the crawl state (default DB.crawl)\n"
	        "      --once              fetch what is due, then stop (the default)\n"
	        "      --follow            keep polling the feeds until interrupted (Ctrl-C)\n"
	        "  -n, --dry-run           read robots.txt, feeds and sitemaps; list the pages\n"
	        "                          that would be fetched, fetch none (no DB needed)\n"
	        "      --per-host N        transfers at once to one host (default 2)\n"
	        "      --max-transfers N   transfers at once in all (default 32)\n"
	        "      --delay SECONDS     between requests to one host (default 1; a longer\n"
	        "                          robots.txt Crawl-delay wins)\n"
	        "      --ignore-robots     do not read robots.txt (only for your own sites)\n"
	        "      --refetch SECONDS   read a feed again after this long (default 600)\n"
	        "      --tries N           attempts before a URL is given up (default 4)\n"
	        "      --backoff SECONDS   first retry wait, doubling, with jitter (default 2)\n"
	        "      --timeout SECONDS   a whole transfer (default 60)\n"
	        "      --connect-timeout SECONDS   (default 10)\n"
	        "      --max-size BYTES    body limit after decompression (default 16 MiB)\n"
	        "      --max-pages N       stop after fetching N pages\n"
	        "      --contact URL       where site owners reach you, sent in the User-Agent\n"
	        "      --workers N         extraction threads (default: the cores, at most 4)\n"
	        "      --batch N           pages an index commit (default 200; the state is\n"
	        "                          committed after the index, a killed run redoes at\n"
	        "                          most one batch)\n"
	        "      --log               one line a fetch on standard error\n"
	        "      --log-json          the same as JSON objects, and a JSON summary at the "
	        "end\n"
	        "  -q, --quiet             no progress line and no summary\n"
	        "  -h, --help              this help\n"
	        "\n"
	        "Exit status: 0 the crawl ran (pages that failed are in the summary and the\n"
	        "state); 1 the database or state could not be used; 2 bad usage.\n");
}

static volatile int stop_flag;
static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
	signal(SIGINT, SIG_DFL); /* a second Ctrl-C ends at once */
}

/* Reads seed URLs from `path` into *seeds (appending). */
static int read_seeds(const char *path, char ***seeds, size_t *n, const char *prog)
{
	char *data = NULL;
	size_t len = 0;
	kh_error err = {0};
	if (kh_read_input(path, (size_t)64 << 20, &data, &len, &err)) {
		fprintf(stderr, "%s: %s\n", prog, err.message);
		return -1;
	}
	char *text = realloc(data, len + 1); /* the input is not NUL-terminated */
	if (!text) {
		free(data);
		fprintf(stderr, "%s: out of memory\n", prog);
		return -1;
	}
	data = text;
	data[len] = '\0';
	int line = 0;
	for (char *p = data, *next; p && *p; p = next) {
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		line++;
		char *e = p + strlen(p);
		while (*p == ' ' || *p == '\t')
			p++;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			*--e = '\0';
		if (!*p || *p == '#')
			continue;
		char **ns = realloc(*seeds, (*n + 1) * sizeof **seeds);
		if (!ns || !(ns[*n] = strdup(p))) {
			if (ns)
				*seeds = ns;
			free(data);
			fprintf(stderr, "%s: out of memory\n", prog);
			return -1;
		}
		*seeds = ns;
		(*n)++;
	}
	free(data);
	return 0;
}

static int number(const char *s, double *out)
{
	char *e;
	double v = strtod(s, &e);
	if (e == s || *e || v < 0)
		return -1;
	*out = v;
	return 0;
}

static void summary(FILE *f, const kh_crawl_stats *s, int json)
{
	if (json) {
		fprintf(f,
		        "{\"event\":\"summary\",\"requests\":%zu,\"pages\":%zu,\"indexed\":%zu,"
		        "\"feeds\":%zu,\"discovered\":%zu,\"not_modified\":%zu,\"duplicates\":%zu,"
		        "\"empty\":%zu,\"retries\":%zu,\"failed\":%zu,\"denied\":%zu,"
		        "\"redirects\":%zu,\"queued\":%zu,"
		        "\"bytes\":%llu,\"seconds\":%.3f}\n",
		        s->requests, s->pages, s->indexed, s->feeds, s->discovered, s->not_modified,
		        s->duplicates, s->empty, s->retries, s->failed, s->denied, s->redirects,
		        s->queued, (unsigned long long)s->bytes, s->seconds);
		return;
	}
	fprintf(f,
	        "crawl: %zu pages fetched, %zu indexed, %zu duplicates, %zu without article text;\n"
	        "       %zu feeds read, %zu new URLs, %zu not modified, %zu retries, %zu failed,\n"
	        "       %zu denied by robots.txt, %zu redirects; %zu requests, %.1f MB in %.1f s "
	        "(%.1f pages/s); %zu left queued\n",
	        s->pages, s->indexed, s->duplicates, s->empty, s->feeds, s->discovered,
	        s->not_modified, s->retries, s->failed, s->denied, s->redirects, s->requests,
	        s->bytes / 1e6, s->seconds, s->seconds > 0 ? s->pages / s->seconds : 0.0,
	        s->queued);
}

int kh_cmd_crawl(int argc, char **argv)
{
	enum {
		O_STATE = 256,
		O_ONCE,
		O_FOLLOW,
		O_PERHOST,
		O_MAXT,
		O_DELAY,
		O_NOROBOTS,
		O_REFETCH,
		O_TRIES,
		O_BACKOFF,
		O_TIMEOUT,
		O_CTIMEOUT,
		O_MAXSIZE,
		O_MAXPAGES,
		O_CONTACT,
		O_WORKERS,
		O_LOG,
		O_LOGJSON,
		O_BATCH
	};
	static const struct option longopts[] = {
	        {"seeds", required_argument, NULL, 's'},
	        {"db", required_argument, NULL, 'd'},
	        {"state", required_argument, NULL, O_STATE},
	        {"once", no_argument, NULL, O_ONCE},
	        {"follow", no_argument, NULL, O_FOLLOW},
	        {"dry-run", no_argument, NULL, 'n'},
	        {"per-host", required_argument, NULL, O_PERHOST},
	        {"max-transfers", required_argument, NULL, O_MAXT},
	        {"delay", required_argument, NULL, O_DELAY},
	        {"ignore-robots", no_argument, NULL, O_NOROBOTS},
	        {"refetch", required_argument, NULL, O_REFETCH},
	        {"tries", required_argument, NULL, O_TRIES},
	        {"backoff", required_argument, NULL, O_BACKOFF},
	        {"timeout", required_argument, NULL, O_TIMEOUT},
	        {"connect-timeout", required_argument, NULL, O_CTIMEOUT},
	        {"max-size", required_argument, NULL, O_MAXSIZE},
	        {"max-pages", required_argument, NULL, O_MAXPAGES},
	        {"contact", required_argument, NULL, O_CONTACT},
	        {"workers", required_argument, NULL, O_WORKERS},
	        {"batch", required_argument, NULL, O_BATCH},
	        {"log", no_argument, NULL, O_LOG},
	        {"log-json", no_argument, NULL, O_LOGJSON},
	        {"quiet", no_argument, NULL, 'q'},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0}};
	const char *prog = argv[0], *db = NULL, *state = NULL;
	char **seeds = NULL;
	size_t nseeds = 0;
	int quiet = 0, once = 0, log = 0, c, rc = 2;
	kh_crawl_options o = {0};
	o.delay = -1;
	char *state_buf = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "s:d:nqh", longopts, NULL)) != -1) {
		double v = 0;
		int numeric = c == O_PERHOST || c == O_MAXT || c == O_DELAY || c == O_REFETCH ||
		              c == O_TRIES || c == O_BACKOFF || c == O_TIMEOUT || c == O_CTIMEOUT ||
		              c == O_MAXSIZE || c == O_MAXPAGES || c == O_WORKERS || c == O_BATCH;
		if (numeric && number(optarg, &v)) {
			fprintf(stderr, "%s: an option takes a number, not '%s'\n", prog, optarg);
			goto out;
		}
		switch (c) {
		case 's':
			if (read_seeds(optarg, &seeds, &nseeds, prog)) {
				rc = 1;
				goto out;
			}
			break;
		case 'd': db = optarg; break;
		case O_STATE: state = optarg; break;
		case O_ONCE: once = 1; break;
		case O_FOLLOW: o.follow = 1; break;
		case 'n': o.dry_run = 1; break;
		case O_PERHOST: o.per_host = (int)v; break;
		case O_MAXT: o.max_transfers = (int)v; break;
		case O_DELAY: o.delay = v; break;
		case O_NOROBOTS: o.ignore_robots = 1; break;
		case O_REFETCH: o.refetch = v; break;
		case O_TRIES: o.max_tries = (int)v; break;
		case O_BACKOFF: o.backoff = v; break;
		case O_TIMEOUT: o.fetch.timeout_ms = (long)(v * 1000); break;
		case O_CTIMEOUT: o.fetch.connect_timeout_ms = (long)(v * 1000); break;
		case O_MAXSIZE: o.fetch.max_body = (size_t)v; break;
		case O_MAXPAGES: o.max_pages = (size_t)v; break;
		case O_CONTACT: o.fetch.contact = optarg; break;
		case O_WORKERS: o.workers = (int)v; break;
		case O_BATCH: o.batch = (int)v; break;
		case O_LOG: log = 1; break;
		case O_LOGJSON: log = 2; break;
		case 'q': quiet = 1; break;
		case 'h':
			usage(stdout);
			rc = 0;
			goto out;
		default: fprintf(stderr, "Try '%s --help'.\n", prog); goto out;
		}
	}
	for (int i = optind; i < argc; i++) {
		char **ns = realloc(seeds, (nseeds + 1) * sizeof *seeds);
		if (!ns || !(ns[nseeds] = strdup(argv[i]))) {
			if (ns)
				seeds = ns;
			fprintf(stderr, "%s: out of memory\n", prog);
			rc = 1;
			goto out;
		}
		seeds = ns;
		nseeds++;
	}
	if (once && o.follow) {
		fprintf(stderr, "%s: --once and --follow exclude each other\n", prog);
		goto out;
	}
	if (!nseeds && !state) {
		fprintf(stderr, "%s: no seeds (--seeds FILE or URLs). Try '%s --help'.\n", prog,
		        prog);
		goto out;
	}
	if (!db && !o.dry_run) {
		fprintf(stderr, "%s: no database (--db DB). Try '%s --help'.\n", prog, prog);
		goto out;
	}
	if (o.dry_run) {
		state = state ? state : ":memory:";
	} else if (!state) {
		size_t n = strlen(db);
		while (n > 1 && db[n - 1] == '/')
			n--;
		if (!(state_buf = malloc(n + 8))) {
			rc = 1;
			goto out;
		}
		snprintf(state_buf, n + 8, "%.*s.crawl", (int)n, db);
		state = state_buf;
	}
	o.state_path = state;
	o.index_path = db;
	o.seeds = (const char *const *)seeds;
	o.nseeds = nseeds;
	o.log = log ? stderr : NULL;
	o.log_json = log == 2;
	o.progress = !quiet && !log && isatty(2) ? stderr : NULL;
	o.stop = &stop_flag;
	struct sigaction sa = {0};
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	kh_crawl_stats st;
	kh_error err = {0};
	kh_status s = kh_crawl_run(&o, &st, &err);
	if (!quiet || log == 2)
		summary(stderr, &st, log == 2);
	if (s) {
		fprintf(stderr, "%s: %s\n", prog, err.message);
		rc = 1;
	} else {
		rc = 0;
	}
out:
	for (size_t i = 0; i < nseeds; i++)
		free(seeds[i]);
	free(seeds);
	free(state_buf);
	return rc;
}
