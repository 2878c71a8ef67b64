/* crawlrun.h — what the files of one crawl run share: the hosts, the jobs, the run's
 * state, and the functions that pass them between the files. Internal.
 *
 * Who calls whom, top down (no file calls back up):
 *   crawl.c      kh_crawl_run(): the loop and the scheduler (which host's URL goes next)
 *   transfers.c  starting transfers and finishing them: robots.txt, feeds, redirects,
 *                retries, pages handed to extraction
 *   pipeline.c   the extraction threads, and the batches written to the index, then the
 *                state
 *   hosts.c      hosts (politeness, robots.txt), the frontier's additions, the log, errors
 */
#ifndef KH_CRAWLRUN_H
#define KH_CRAWLRUN_H

#include <pthread.h>

#include "crawlint.h"
#include "khabar/index.h"

typedef struct host {
	char *origin;
	double next_at;      /* politeness: no request starts before */
	double wake;         /* its next queued URL falls due then; 0 = ask the state */
	double robots_retry; /* robots.txt unreachable: try again then */
	int inflight, robots_state, robots_tries, idle;
	kh_robots *robots; /* NULL: everything allowed */
	double delay;
} host;

enum { ROBOTS_UNKNOWN, ROBOTS_FETCHING, ROBOTS_READY };

typedef struct job {
	kh_transfer t;
	size_t host;
	int robots, slot;
	kh_url_row row;
	kh_response resp;
	/* filled by an extraction thread */
	kh_prepared *doc;
	unsigned long long hash;
	int state; /* the URL's state once the batch commits */
	char why[160];
	struct job *next;
} job;

typedef struct crawl {
	const kh_crawl_options *o;
	kh_crawl_stats *st;
	kh_frontier *fr;
	kh_index *ix;
	CURLM *multi;
	host *hosts;
	size_t nhosts, caphosts;
	size_t *slots, nslots; /* hosts by origin: open addressing, index + 1, 0 = free */
	char uabuf[256];
	const char *ua;
	int inflight, stopping, per_host, max_transfers, max_tries;
	job **live; /* the transfers in flight, max_transfers slots */
	double delay, refetch, backoff, max_wait;
	size_t dispatched;
	unsigned seed;
	/* extraction threads */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	job *todo, *todo_tail, *done, *done_tail;
	size_t ntodo;
	int busy, quit, nthreads;
	pthread_t threads[8];
	/* pages written to the index but not yet committed */
	job **pending;
	size_t npending, cappending;
	size_t batch;
	double last_commit, last_progress, started;
	long long queued_shown;
	kh_status fatal;
	kh_error *err;
} crawl;

/* ---- hosts, log and errors (hosts.c) ---- */

/* One line of the log (text or JSON Lines), when the options ask for a log. */
void cr_log(crawl *c, const char *event, const char *url, long status, size_t bytes, double ms,
            const char *detail);
/* The progress line, at most twice a second; `final` ends it with a newline. */
void cr_progress(crawl *c, int final);
/* Reads robots.txt `text` (NULL: all allowed) into the host, with its crawl delay. */
void cr_host_robots(crawl *c, host *h, const char *text);
/* The host of `origin`, added (with its state from earlier runs) when new; SIZE_MAX when
 * out of memory. */
size_t cr_host_find(crawl *c, const char *origin);
/* The host of `origin` (void * is the crawl) has URLs due: ask the state again. */
void cr_wake_origin(void *arg, const char *origin);
/* Puts a URL in the frontier; counts it when new. -1 on a state error. */
int cr_add_url(crawl *c, const char *url, int kind, double due, int requeue);
/* Records the run's first fatal error and stops the run; returns -1. */
int cr_fail(crawl *c, kh_status code, const char *fmt, const char *detail);

/* ---- extraction and batches (pipeline.c) ---- */

/* An extraction thread: takes jobs from c->todo, puts them on c->done. */
void *cr_worker(void *arg);
/* Appends `j` to the list from *head to *tail (the caller holds the lock). */
void cr_append(job **head, job **tail, job *j);
void cr_job_free(job *j);
/* Writes the pending pages' index documents, then their states. 0, or -1 (fatal). */
int cr_commit_batch(crawl *c);
/* Takes the pages back from extraction into the pending batch. 0, or -1 (fatal). */
int cr_drain_done(crawl *c);
/* Nothing waits for or is in extraction. */
int cr_extraction_idle(crawl *c);
/* Ends the extraction threads. */
void cr_shutdown_workers(crawl *c);

/* ---- transfers (transfers.c) ---- */

/* Starts fetching `url` for host `hi` as job `j` (freed on failure). 0, or -1 (fatal). */
int cr_start(crawl *c, size_t hi, job *j, const char *url, const kh_fetch_options *fo);
/* Starts fetching the host's robots.txt. */
int cr_start_robots(crawl *c, size_t hi);
/* A factor between 0.75 and 1.25 for backoff waits. */
double cr_jitter(crawl *c);
/* Handles every finished transfer. */
void cr_finish_transfers(crawl *c);
/* Abandons the transfers in flight: their URLs are queued again. */
void cr_abandon(crawl *c);

#endif
