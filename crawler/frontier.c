/* frontier.c — the crawl's durable state in SQLite (WAL): every URL with its kind,
 * state, due time, tries and validators; the hosts' politeness clocks and robots.txt;
 * the hashes of indexed texts. A killed run loses nothing: rows in flight are queued
 * again when the state is opened. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "crawlint.h"

enum {
	S_ADD,
	S_REQUEUE,
	S_TAKE,
	S_MARK,
	S_WAKE,
	S_SET,
	S_HASH_GET,
	S_HASH_PUT,
	S_HOST_GET,
	S_HOST_PUT,
	S_ORIGINS,
	S_REQUEUE_FEEDS,
	S_QUEUED,
	S_FAIL_ORIGIN,
	S_ADD_REDIRECT,
	S_NSTMT
};

static const char *const sql[S_NSTMT] = {
        [S_ADD] = "INSERT OR IGNORE INTO urls(url, origin, kind, state, next_at) "
                  "VALUES (?1, ?2, ?3, 0, ?4)",
        [S_REQUEUE] = "UPDATE urls SET state = 0, next_at = ?2, tries = 0 WHERE url = ?1 "
                      "AND state <> 1",
        [S_ADD_REDIRECT] = "INSERT OR IGNORE INTO urls(url, origin, kind, state, next_at, hops) "
                           "VALUES (?1, ?2, ?3, 0, ?4, ?5)",
        [S_TAKE] = "SELECT id, url, kind, tries, etag, last_modified, hops FROM urls "
                   "WHERE origin = ?1 AND state = 0 AND next_at <= ?2 ORDER BY next_at, id "
                   "LIMIT ?3",
        [S_MARK] = "UPDATE urls SET state = 1 WHERE id = ?1",
        [S_WAKE] = "SELECT min(next_at) FROM urls WHERE origin = ?1 AND state = 0",
        [S_SET] = "UPDATE urls SET state = ?2, next_at = ?3, tries = ?4, status = ?5, "
                  "error = coalesce(?6, error), etag = coalesce(?7, etag), "
                  "last_modified = coalesce(?8, last_modified), fetched_at = ?9 WHERE id = ?1",
        [S_HASH_GET] = "SELECT url_id FROM hashes WHERE hash = ?1",
        [S_HASH_PUT] = "INSERT OR REPLACE INTO hashes(hash, url_id) VALUES (?1, ?2)",
        [S_HOST_GET] = "SELECT next_at, robots, robots_at FROM hosts WHERE origin = ?1",
        [S_HOST_PUT] = "INSERT INTO hosts(origin, next_at, robots, robots_at) VALUES "
                       "(?1, ?2, ?3, ?4) ON CONFLICT(origin) DO UPDATE SET next_at = ?2, "
                       "robots = coalesce(?3, robots), robots_at = coalesce(?4, robots_at)",
        [S_ORIGINS] = "SELECT DISTINCT origin FROM urls WHERE state = 0",
        [S_REQUEUE_FEEDS] = "UPDATE urls SET state = 0, tries = 0 WHERE kind > 0 AND state = 2 "
                            "AND next_at <= ?1",
        [S_QUEUED] = "SELECT count(*), min(next_at) FROM urls WHERE state = 0",
        [S_FAIL_ORIGIN] = "UPDATE urls SET state = 3, error = ?2, fetched_at = ?3 "
                          "WHERE origin = ?1 AND state = 0",
};

static const char schema[] =
        "PRAGMA journal_mode = WAL;"
        "PRAGMA synchronous = NORMAL;"
        "CREATE TABLE IF NOT EXISTS urls("
        " id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, origin TEXT NOT NULL,"
        " kind INTEGER NOT NULL, state INTEGER NOT NULL DEFAULT 0,"
        " next_at REAL NOT NULL DEFAULT 0, tries INTEGER NOT NULL DEFAULT 0,"
        " status INTEGER, error TEXT, etag TEXT, last_modified TEXT, fetched_at REAL);"
        "CREATE INDEX IF NOT EXISTS urls_due ON urls(origin, next_at) WHERE state = 0;"
        "CREATE INDEX IF NOT EXISTS urls_feeds ON urls(next_at) WHERE kind > 0 AND state = 2;"
        "CREATE TABLE IF NOT EXISTS hosts("
        " origin TEXT PRIMARY KEY, next_at REAL NOT NULL DEFAULT 0, robots TEXT, robots_at REAL);"
        "CREATE TABLE IF NOT EXISTS hashes(hash INTEGER PRIMARY KEY, url_id INTEGER NOT NULL);"
        "UPDATE urls SET state = 0 WHERE state = 1;";

struct kh_frontier {
	sqlite3 *db;
	sqlite3_stmt *st[S_NSTMT];
};

const char *kh_frontier_error(kh_frontier *f)
{
	return sqlite3_errmsg(f->db);
}

kh_status kh_frontier_open(const char *path, kh_frontier **out, kh_error *err)
{
	*out = NULL;
	kh_frontier *f = calloc(1, sizeof *f);
	if (!f)
		return kh_error_set(err, KH_ERR_NOMEM, "out of memory");
	kh_status rc = KH_OK;
	if (sqlite3_open_v2(path, &f->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		rc = kh_error_set(err, KH_ERR_IO, "%s: cannot open the crawl state: %s", path,
		                  f->db ? sqlite3_errmsg(f->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(f->db, 5000);
	char *msg = NULL;
	if (sqlite3_exec(f->db, schema, NULL, NULL, &msg) != SQLITE_OK) {
		rc = kh_error_set(err, KH_ERR_IO, "%s: not a usable crawl state: %s", path,
		                  msg ? msg : "unknown error");
		sqlite3_free(msg);
		goto fail;
	}
	/* states made before redirects were queued have no hops column: add it */
	sqlite3_exec(f->db, "ALTER TABLE urls ADD COLUMN hops INTEGER NOT NULL DEFAULT 0", NULL,
	             NULL, NULL);
	for (int i = 0; i < S_NSTMT; i++)
		if (sqlite3_prepare_v3(f->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &f->st[i],
		                       NULL) != SQLITE_OK) {
			rc = kh_error_set(err, KH_ERR_INTERNAL, "%s: %s", path,
			                  sqlite3_errmsg(f->db));
			goto fail;
		}
	*out = f;
	return KH_OK;
fail:
	kh_frontier_close(f);
	return rc;
}

void kh_frontier_close(kh_frontier *f)
{
	if (!f)
		return;
	for (int i = 0; i < S_NSTMT; i++)
		sqlite3_finalize(f->st[i]);
	sqlite3_close(f->db);
	free(f);
}

int kh_frontier_begin(kh_frontier *f)
{
	return sqlite3_exec(f->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

int kh_frontier_commit(kh_frontier *f)
{
	return sqlite3_exec(f->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Runs a statement that returns no rows; 0 or -1. */
static int run(sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

int kh_frontier_add(kh_frontier *f, const char *url, const char *origin, int kind, double due,
                    int requeue)
{
	sqlite3_stmt *s = f->st[S_ADD];
	bind_text(s, 1, url);
	bind_text(s, 2, origin);
	sqlite3_bind_int(s, 3, kind);
	sqlite3_bind_double(s, 4, due);
	if (run(s))
		return -1;
	if (sqlite3_changes(f->db) > 0)
		return 1;
	if (!requeue)
		return 0;
	s = f->st[S_REQUEUE];
	bind_text(s, 1, url);
	sqlite3_bind_double(s, 2, due);
	return run(s) ? -1 : 0;
}

int kh_frontier_add_redirect(kh_frontier *f, const char *url, const char *origin, int kind,
                             double due, int hops)
{
	sqlite3_stmt *s = f->st[S_ADD_REDIRECT];
	bind_text(s, 1, url);
	bind_text(s, 2, origin);
	sqlite3_bind_int(s, 3, kind);
	sqlite3_bind_double(s, 4, due);
	sqlite3_bind_int(s, 5, hops);
	if (run(s))
		return -1;
	return sqlite3_changes(f->db) > 0;
}

static char *column_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? strdup((const char *)t) : NULL;
}

void kh_url_row_clear(kh_url_row *r)
{
	free(r->url);
	free(r->etag);
	free(r->last_modified);
	memset(r, 0, sizeof *r);
}

int kh_frontier_take(kh_frontier *f, const char *origin, double now, kh_url_row *rows, size_t max,
                     size_t *n, double *wake)
{
	*n = 0;
	*wake = 0;
	sqlite3_stmt *s = f->st[S_TAKE];
	bind_text(s, 1, origin);
	sqlite3_bind_double(s, 2, now);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)max);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
		kh_url_row *r = &rows[*n];
		r->id = sqlite3_column_int64(s, 0);
		r->url = column_dup(s, 1);
		r->kind = sqlite3_column_int(s, 2);
		r->tries = sqlite3_column_int(s, 3);
		r->etag = column_dup(s, 4);
		r->last_modified = column_dup(s, 5);
		r->hops = sqlite3_column_int(s, 6);
		if (!r->url) {
			kh_url_row_clear(r);
			rc = SQLITE_NOMEM;
			break;
		}
		(*n)++;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		goto fail;
	for (size_t i = 0; i < *n; i++) {
		sqlite3_bind_int64(f->st[S_MARK], 1, rows[i].id);
		if (run(f->st[S_MARK]))
			goto fail;
	}
	if (*n == max)
		return 0; /* more may be due: the caller asks again */
	s = f->st[S_WAKE];
	bind_text(s, 1, origin);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		*wake = sqlite3_column_double(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return 0;
fail:
	for (size_t i = 0; i < *n; i++)
		kh_url_row_clear(&rows[i]);
	*n = 0;
	return -1;
}

int kh_frontier_set(kh_frontier *f, long long id, int state, double next_at, int tries, long status,
                    const char *error, const char *etag, const char *last_modified)
{
	sqlite3_stmt *s = f->st[S_SET];
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, state);
	sqlite3_bind_double(s, 3, next_at);
	sqlite3_bind_int(s, 4, tries);
	sqlite3_bind_int64(s, 5, status);
	bind_text(s, 6, error);
	bind_text(s, 7, etag);
	bind_text(s, 8, last_modified);
	sqlite3_bind_double(s, 9, kh_now());
	return run(s);
}

long long kh_frontier_hash_get(kh_frontier *f, long long h)
{
	sqlite3_stmt *s = f->st[S_HASH_GET];
	sqlite3_bind_int64(s, 1, h);
	long long id = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return id;
}

int kh_frontier_hash_put(kh_frontier *f, long long h, long long id)
{
	sqlite3_stmt *s = f->st[S_HASH_PUT];
	sqlite3_bind_int64(s, 1, h);
	sqlite3_bind_int64(s, 2, id);
	return run(s);
}

int kh_frontier_host_get(kh_frontier *f, const char *origin, double *next_at, char **robots,
                         double *robots_at)
{
	*next_at = *robots_at = 0;
	*robots = NULL;
	sqlite3_stmt *s = f->st[S_HOST_GET];
	bind_text(s, 1, origin);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*next_at = sqlite3_column_double(s, 0);
		*robots = column_dup(s, 1);
		*robots_at = sqlite3_column_double(s, 2);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int kh_frontier_host_put(kh_frontier *f, const char *origin, double next_at, const char *robots,
                         double robots_at)
{
	sqlite3_stmt *s = f->st[S_HOST_PUT];
	bind_text(s, 1, origin);
	sqlite3_bind_double(s, 2, next_at);
	bind_text(s, 3, robots);
	if (robots)
		sqlite3_bind_double(s, 4, robots_at);
	else
		sqlite3_bind_null(s, 4);
	return run(s);
}

/* Runs an UPDATE that returns no rows; the rows it changed, or -1. */
static int changed(kh_frontier *f, sqlite3_stmt *s)
{
	return run(s) ? -1 : sqlite3_changes(f->db);
}

int kh_frontier_origins(kh_frontier *f, void (*fn)(void *, const char *), void *arg)
{
	sqlite3_stmt *s = f->st[S_ORIGINS];
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(arg, (const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int kh_frontier_requeue_feeds(kh_frontier *f, double now)
{
	sqlite3_bind_double(f->st[S_REQUEUE_FEEDS], 1, now);
	return changed(f, f->st[S_REQUEUE_FEEDS]);
}

long long kh_frontier_queued(kh_frontier *f, double *earliest)
{
	sqlite3_stmt *s = f->st[S_QUEUED];
	*earliest = 0;
	long long n = -1;
	if (sqlite3_step(s) == SQLITE_ROW) {
		n = sqlite3_column_int64(s, 0);
		*earliest = sqlite3_column_double(s, 1);
	}
	sqlite3_reset(s);
	return n;
}

int kh_frontier_fail_origin(kh_frontier *f, const char *origin, const char *error)
{
	sqlite3_stmt *s = f->st[S_FAIL_ORIGIN];
	bind_text(s, 1, origin);
	bind_text(s, 2, error);
	sqlite3_bind_double(s, 3, kh_now());
	return changed(f, s);
}
