/* pool.c — one read-only index handle per server thread (a Xapian handle is not to be
 * shared between threads), each brought to the latest generation the writers committed
 * at most every `reopen_ms`, and reopened whole after an error (a remote shard that
 * restarted, a database written anew). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "serve.h"

#define KH_POOL_DBS 64

typedef struct slot {
	kh_index *ix;
	double checked; /* when it was last brought up to date (monotonic seconds) */
	struct slot *next;
} slot;

struct kh_pool {
	char *names; /* the paths, cut in place */
	const char *paths[KH_POOL_DBS];
	size_t n;
	double reopen;
	pthread_key_t key;
	pthread_mutex_t lock; /* guards `slots` */
	slot *slots;          /* every thread's, to close at the end */
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

kh_status kh_pool_open(const char *dbs, unsigned reopen_ms, kh_pool **out, kh_error *err)
{
	*out = NULL;
	kh_pool *p = calloc(1, sizeof *p);
	if (!p || !(p->names = strdup(dbs))) {
		free(p);
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	}
	for (char *save, *s = strtok_r(p->names, ",", &save); s; s = strtok_r(NULL, ",", &save)) {
		if (p->n == KH_POOL_DBS) {
			free(p->names);
			free(p);
			return kh_error_set(err, KH_ERR_USAGE, "at most %d databases", KH_POOL_DBS);
		}
		p->paths[p->n++] = s;
	}
	p->reopen = reopen_ms / 1000.0;
	/* open once here, so that a bad name fails at start and not at the first request */
	kh_index *ix = NULL;
	kh_status rc = p->n ? kh_index_open_readonly(p->paths, p->n, &ix, err)
	                    : kh_error_set(err, KH_ERR_USAGE, "no database named");
	kh_index_close(ix);
	if (rc || pthread_key_create(&p->key, NULL)) {
		free(p->names);
		free(p);
		return rc ? rc : kh_error_set(err, KH_ERR_INTERNAL, "cannot make a thread key");
	}
	pthread_mutex_init(&p->lock, NULL);
	*out = p;
	return KH_OK;
}

kh_index *kh_pool_get(kh_pool *p, kh_error *err)
{
	slot *s = pthread_getspecific(p->key);
	if (!s) {
		if (!(s = calloc(1, sizeof *s))) {
			kh_error_set(err, KH_ERR_NOMEM, "out of memory");
			return NULL;
		}
		pthread_mutex_lock(&p->lock);
		s->next = p->slots;
		p->slots = s;
		pthread_mutex_unlock(&p->lock);
		pthread_setspecific(p->key, s);
	}
	double t = now();
	if (s->ix && t - s->checked >= p->reopen) {
		if (kh_index_reopen(s->ix, NULL, err)) {
			kh_index_close(s->ix);
			s->ix = NULL;
		}
		s->checked = t;
	}
	if (!s->ix) {
		if (kh_index_open_readonly(p->paths, p->n, &s->ix, err))
			return NULL;
		s->checked = t;
	}
	return s->ix;
}

void kh_pool_reset(kh_pool *p)
{
	slot *s = pthread_getspecific(p->key);
	if (s) {
		kh_index_close(s->ix);
		s->ix = NULL;
	}
}

size_t kh_pool_count(const kh_pool *p)
{
	return p->n;
}

void kh_pool_close(kh_pool *p)
{
	if (!p)
		return;
	for (slot *s = p->slots, *next; s; s = next) {
		next = s->next;
		kh_index_close(s->ix);
		free(s);
	}
	pthread_key_delete(p->key);
	pthread_mutex_destroy(&p->lock);
	free(p->names);
	free(p);
}
