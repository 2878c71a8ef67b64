/* pipeline.c — fetched pages through extraction threads into the index: a page's record
 * is prepared off the loop's thread, then written in batches, the index committed before
 * the state, so a killed crawl fetches again what the index does not hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crawlrun.h"
#include "khabar/article.h"

static unsigned long long fnv64(const char *s, size_t n)
{
	unsigned long long h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void extract_job(crawl *c, job *j)
{
	kh_extract_options eo = {.url = j->row.url,
	                         .http_charset = j->resp.charset[0] ? j->resp.charset : NULL};
	kh_article *a = NULL;
	kh_error e = {0};
	j->state = KH_EMPTY;
	if (kh_extract_html(j->resp.body, j->resp.len, &eo, &a, &e) != KH_OK) {
		snprintf(j->why, sizeof j->why, "%.150s", e.message);
	} else if (a->text_len == 0) {
		snprintf(j->why, sizeof j->why, "no article text");
	} else {
		j->hash = fnv64(a->text, a->text_len);
		j->state = KH_DONE;
		if (c->ix && kh_index_prepare_article(a, &j->doc, &e) != KH_OK) {
			j->state = KH_FAILED;
			snprintf(j->why, sizeof j->why, "%.150s", e.message);
		}
	}
	kh_article_free(a);
	free(j->resp.body);
	j->resp.body = NULL;
}

/* Appends `j` to the list from *head to *tail (the caller holds the lock). */
void cr_append(job **head, job **tail, job *j)
{
	j->next = NULL;
	if (*tail)
		(*tail)->next = j;
	else
		*head = j;
	*tail = j;
}

void *cr_worker(void *arg)
{
	crawl *c = arg;
	pthread_mutex_lock(&c->mu);
	for (;;) {
		while (!c->todo && !c->quit)
			pthread_cond_wait(&c->cv, &c->mu);
		if (!c->todo)
			break;
		job *j = c->todo;
		c->todo = j->next;
		if (!c->todo)
			c->todo_tail = NULL;
		c->ntodo--;
		c->busy++;
		pthread_mutex_unlock(&c->mu);
		extract_job(c, j);
		pthread_mutex_lock(&c->mu);
		cr_append(&c->done, &c->done_tail, j);
		c->busy--;
		curl_multi_wakeup(c->multi);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

void cr_job_free(job *j)
{
	if (!j)
		return;
	kh_transfer_free(&j->t);
	kh_response_clear(&j->resp);
	kh_url_row_clear(&j->row);
	kh_prepared_free(j->doc);
	free(j);
}

int cr_commit_batch(crawl *c)
{
	if (!c->npending)
		return 0;
	kh_error e = {0};
	if (c->ix && kh_index_commit(c->ix, &e) != KH_OK)
		return cr_fail(c, e.code, "%s", e.message);
	if (kh_frontier_begin(c->fr))
		return cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
	for (size_t i = 0; i < c->npending; i++) {
		job *j = c->pending[i];
		if (kh_frontier_set(c->fr, j->row.id, j->state, 0, j->row.tries, j->resp.status,
		                    j->why[0] ? j->why : NULL, j->resp.etag,
		                    j->resp.last_modified) ||
		    (j->state == KH_DONE &&
		     kh_frontier_hash_put(c->fr, (long long)j->hash, j->row.id))) {
			kh_frontier_commit(c->fr);
			return cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
		}
	}
	if (kh_frontier_commit(c->fr))
		return cr_fail(c, KH_ERR_IO, "crawl state: %s", kh_frontier_error(c->fr));
	for (size_t i = 0; i < c->npending; i++) {
		job *j = c->pending[i];
		const char *ev = j->state == KH_DONE        ? (c->ix ? "indexed" : "extracted")
		                 : j->state == KH_DUPLICATE ? "duplicate"
		                 : j->state == KH_EMPTY     ? "empty"
		                                            : "failed";
		if (j->state == KH_DONE)
			c->st->indexed++;
		else if (j->state == KH_DUPLICATE)
			c->st->duplicates++;
		else if (j->state == KH_EMPTY)
			c->st->empty++;
		else
			c->st->failed++;
		cr_log(c, ev, j->row.url, 0, 0, 0, j->why);
		cr_job_free(j);
	}
	c->npending = 0;
	c->last_commit = kh_now();
	return 0;
}

/* A page back from extraction: into the index unless its text is known. */
static int take_extracted(crawl *c, job *j)
{
	if (j->state == KH_DONE) {
		long long other = kh_frontier_hash_get(c->fr, (long long)j->hash);
		for (size_t i = 0; !other && i < c->npending; i++)
			if (c->pending[i]->state == KH_DONE && c->pending[i]->hash == j->hash)
				other = c->pending[i]->row.id;
		if (other && other != j->row.id) {
			j->state = KH_DUPLICATE;
			snprintf(j->why, sizeof j->why, "same text as URL #%lld", other);
		} else if (c->ix) {
			kh_error e = {0};
			kh_prepared *doc = j->doc;
			j->doc = NULL; /* the index frees it, added or not */
			if (kh_index_add_prepared(c->ix, doc, &e) != KH_OK) {
				cr_job_free(j);
				return cr_fail(c, e.code, "%s", e.message);
			}
		}
	}
	kh_prepared_free(j->doc);
	j->doc = NULL;
	job **np = kh_grow(c->pending, &c->cappending, c->npending, sizeof *c->pending);
	if (!np) {
		cr_job_free(j);
		return cr_fail(c, KH_ERR_NOMEM, "%s", "out of memory");
	}
	c->pending = np;
	c->pending[c->npending++] = j;
	if (c->npending >= c->batch || kh_now() - c->last_commit > 2)
		return cr_commit_batch(c);
	return 0;
}

int cr_drain_done(crawl *c)
{
	pthread_mutex_lock(&c->mu);
	job *list = c->done;
	c->done = c->done_tail = NULL;
	pthread_mutex_unlock(&c->mu);
	int rc = 0;
	while (list) {
		job *j = list;
		list = j->next;
		if (rc == 0)
			rc = take_extracted(c, j);
		else
			cr_job_free(j);
	}
	return rc;
}

int cr_extraction_idle(crawl *c)
{
	pthread_mutex_lock(&c->mu);
	int idle = !c->todo && !c->done && !c->busy;
	pthread_mutex_unlock(&c->mu);
	return idle;
}

void cr_shutdown_workers(crawl *c)
{
	pthread_mutex_lock(&c->mu);
	c->quit = 1;
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
	for (int i = 0; i < c->nthreads; i++)
		pthread_join(c->threads[i], NULL);
}
