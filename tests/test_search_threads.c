/* test_search_threads.c — searches from several threads at once, each on its own handle
 * of one database, as `khabar serve` runs them: every answer whole, no crash. Searches
 * without words once shared Xapian's global MatchAll query, whose reference count is not
 * atomic, between threads (khabar serve crashed under load). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khabar/index.h"

#define THREADS 4
#define ROUNDS  10000

static const char *db;
static size_t want;

static void *worker(void *arg)
{
	(void)arg;
	kh_index *ix = NULL;
	kh_error err = {0};
	if (kh_index_open_readonly(&db, 1, &ix, &err))
		return (void *)1;
	long bad = 0;
	for (int i = 0; i < ROUNDS; i++) {
		kh_query q;
		memset(&q, 0, sizeof q);
		q.type = i % 2 ? KH_DOC_STATEMENT : KH_DOC_ANY; /* no words: every document */
		q.limit = 5;
		char *res = NULL;
		size_t n = 0, total = 0;
		if (kh_index_search_page(ix, &q, &res, &n, &total, &err) || n != 5 ||
		    (q.type == KH_DOC_ANY && total != want))
			bad++;
		free(res);
	}
	kh_index_close(ix);
	return (void *)bad;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test_search_threads DB\n");
		return 2;
	}
	db = argv[1];
	kh_index *ix = NULL;
	kh_error err = {0};
	kh_query q;
	memset(&q, 0, sizeof q);
	char *res = NULL;
	size_t n = 0;
	if (kh_index_open_readonly(&db, 1, &ix, &err) ||
	    kh_index_search_page(ix, &q, &res, &n, &want, &err)) {
		fprintf(stderr, "test_search_threads: %s\n", err.message);
		return 1;
	}
	free(res);
	kh_index_close(ix);
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	long bad = 0;
	for (int i = 0; i < THREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	printf("%s - %d threads x %d searches without words on %zu documents: %ld bad\n",
	       bad ? "not ok" : "ok", THREADS, ROUNDS, want, bad);
	return bad != 0;
}
