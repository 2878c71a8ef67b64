/* cmd_index.c — `khabar index DB FILE...`: pages (extracted here) or records (`extract
 * --jsonl` output, a file or `-` for standard input) into the Xapian database DB. */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

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

static int add(run *r, kh_prepared *doc, const char *where)
{
	kh_error err = {0};
	if (kh_index_add_prepared(r->ix, doc, &err)) {
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

/* Extraction runs in a second thread while this one writes the index: the records pass
 * through a small queue, in order. */
typedef struct item {
	kh_prepared *doc; /* a record's documents, or NULL with `error` set */
	char *where;      /* file (and line) for messages */
	char *error;      /* why it failed */
} item;

#define QSIZE 32

typedef struct queue {
	item v[QSIZE];
	size_t head, count;
	int done;    /* producers finished */
	int workers; /* producers started */
	int next;    /* the next file to take */
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	char **files;
	int nfiles;
} queue;

/* Prepares the record `json` (freed here) and queues it, or queues the error. */
static void put_doc(queue *q, kh_prepared *doc, const char *where, const char *error);

static void put(queue *q, char *json, const char *where, const char *error)
{
	kh_error err = {0};
	kh_prepared *doc = NULL;
	if (json && kh_index_prepare(json, strlen(json), &doc, &err))
		error = err.message;
	else if (!json && !error)
		error = "out of memory";
	free(json);
	put_doc(q, doc, where, error);
}

/* Queues a prepared record, or the error. */
static void put_doc(queue *q, kh_prepared *doc, const char *where, const char *error)
{
	item it = {doc, strdup(where), error ? strdup(error) : NULL};
	pthread_mutex_lock(&q->mu);
	while (q->count == QSIZE)
		pthread_cond_wait(&q->room, &q->mu);
	q->v[(q->head + q->count++) % QSIZE] = it;
	pthread_cond_signal(&q->more);
	pthread_mutex_unlock(&q->mu);
}

static void records(queue *q, const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!f) {
		put(q, NULL, path, "cannot open");
		return;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (n <= 1)
			continue;
		char where[4096];
		snprintf(where, sizeof where, "%s:%zu", path, lineno);
		put(q, strndup(line, (size_t)n), where, NULL);
	}
	free(line);
	if (f != stdin)
		fclose(f);
}

static void page(queue *q, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	kh_error err = {0};
	kh_article *a = NULL;
	kh_prepared *doc = NULL;
	kh_extract_options o = {0};
	if (kh_read_input(path, 64u << 20, &data, &len, &err) ||
	    kh_extract_html(data, len, &o, &a, &err) || kh_index_prepare_article(a, &doc, &err))
		put_doc(q, NULL, path, err.message);
	else
		put_doc(q, doc, path, NULL);
	free(data);
	kh_article_free(a);
}

/* A producer: takes the next file, extracts and prepares it; several run at once. */
static void *producer(void *arg)
{
	queue *q = arg;
	for (;;) {
		pthread_mutex_lock(&q->mu);
		int i = q->next < q->nfiles ? q->next++ : -1;
		pthread_mutex_unlock(&q->mu);
		if (i < 0)
			break;
		if (is_records(q->files[i]))
			records(q, q->files[i]);
		else
			page(q, q->files[i]);
	}
	pthread_mutex_lock(&q->mu);
	q->done++;
	pthread_cond_signal(&q->more);
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* jansson picks its hash seed on first use: before the threads do (its documentation). */
static void warm_up(void)
{
	json_object_seed(0);
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
	warm_up();
	queue q = {.files = argv + optind + 1, .nfiles = argc - optind - 1};
	pthread_mutex_init(&q.mu, NULL);
	pthread_cond_init(&q.more, NULL);
	pthread_cond_init(&q.room, NULL);
	/* as many extractors as cores (at most 4), this thread writing meanwhile */
	pthread_t th[4];
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int want = cores < 1 ? 1 : cores > 4 ? 4 : (int)cores, rc = 0;
	if (want > q.nfiles)
		want = q.nfiles > 0 ? q.nfiles : 1;
	for (int i = 0; i < want; i++)
		if (!pthread_create(&th[i], NULL, producer, &q))
			q.workers++;
	if (!q.workers) {
		fprintf(stderr, "%s: cannot start a thread\n", argv[0]);
		kh_index_close(r.ix);
		return 1;
	}
	for (;;) {
		pthread_mutex_lock(&q.mu);
		while (!q.count && q.done < q.workers)
			pthread_cond_wait(&q.more, &q.mu);
		if (!q.count && q.done == q.workers) {
			pthread_mutex_unlock(&q.mu);
			break;
		}
		item it = q.v[q.head];
		q.head = (q.head + 1) % QSIZE;
		q.count--;
		pthread_cond_signal(&q.room);
		pthread_mutex_unlock(&q.mu);
		if (!rc && it.doc) {
			rc = add(&r, it.doc, it.where ? it.where : "?");
			it.doc = NULL;
		} else if (!rc) {
			fprintf(stderr, "%s: %s: %s\n", argv[0], it.where ? it.where : "?",
			        it.error ? it.error : "out of memory");
			r.failed++;
		}
		kh_prepared_free(it.doc);
		free(it.where);
		free(it.error);
	}
	for (int i = 0; i < q.workers; i++)
		pthread_join(th[i], NULL);
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
