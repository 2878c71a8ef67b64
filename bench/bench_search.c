/* bench_search.c — search latency: runs every query of a file (one a line, the query
 * language of `khabar search`) against a database opened once, and prints the
 * percentiles of the times.   bench_search DB QUERIES [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "khabar/index.h"

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_search DB QUERIES [ROUNDS]\n");
		return 2;
	}
	int rounds = argc > 3 ? atoi(argv[3]) : 1;
	kh_index *ix;
	kh_error err = {0};
	const char *path = argv[1];
	if (kh_index_open_readonly(&path, 1, &ix, &err)) {
		fprintf(stderr, "bench_search: %s\n", err.message);
		return 1;
	}
	FILE *f = fopen(argv[2], "r");
	if (!f) {
		fprintf(stderr, "bench_search: cannot read %s\n", argv[2]);
		return 1;
	}
	char **qs = NULL, *line = NULL;
	size_t nq = 0, cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		line[strcspn(line, "\n")] = '\0';
		char **g = realloc(qs, (nq + 1) * sizeof *g);
		if (!g)
			return 1;
		qs = g;
		qs[nq++] = strdup(line);
	}
	fclose(f);
	free(line);
	double *t = malloc((nq * (size_t)rounds + 1) * sizeof *t);
	size_t nt = 0, hits = 0;
	for (int r = 0; r < rounds; r++)
		for (size_t i = 0; i < nq; i++) {
			struct timespec a, b;
			clock_gettime(CLOCK_MONOTONIC, &a);
			kh_query q;
			char *storage = NULL, *res = NULL;
			size_t count = 0;
			if (kh_query_parse(qs[i], &q, &storage, &err) == KH_OK) {
				q.limit = 10;
				if (kh_index_search(ix, &q, &res, &count, &err) == KH_OK)
					hits += count;
			}
			free(res);
			free(storage);
			clock_gettime(CLOCK_MONOTONIC, &b);
			t[nt++] = (double)(b.tv_sec - a.tv_sec) * 1e3 +
			          (double)(b.tv_nsec - a.tv_nsec) / 1e6;
		}
	qsort(t, nt, sizeof *t, cmp);
	printf("queries %zu (x%d), results %zu: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f "
	       "ms\n",
	       nq, rounds, hits, t[nt / 2], t[nt * 95 / 100], t[nt * 99 / 100], t[nt - 1]);
	kh_index_close(ix);
	for (size_t i = 0; i < nq; i++)
		free(qs[i]);
	free(qs);
	free(t);
	return 0;
}
