/* khabar/index.h — the Xapian store of articles, statements and percentage facts, and
 * search over it (schema: docs/index.md).
 *
 * One Xapian document per article, per statement and per percentage, linked by the
 * article's id (from its canonical URL, else a hash of its text). Words are indexed by
 * their stemmed search keys (kh_normalize SEARCH + kh_stem), the same function at index
 * and at query time, so «می‌گوید / میگوید / می گوید», ي/ی, ك/ک and the
 * three digit systems find the same documents. Re-adding an article replaces it and its statements
 * and facts. Every call returns a status and fills `err`: no C++ exception reaches C. */
#ifndef KHABAR_INDEX_H
#define KHABAR_INDEX_H

#include <stddef.h>

#include "khabar/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kh_index kh_index;

/* Opens the database at `path` for writing (created if missing). */
kh_status kh_index_open_writable(const char *path, kh_index **out, kh_error *err);

/* Opens `n` databases for searching, as one: directories, or Xapian stub files (which may
 * name `remote` shards served by xapian-tcpsrv). */
kh_status kh_index_open_readonly(const char *const *paths, size_t n, kh_index **out, kh_error *err);

/* Adds (or replaces) one article record (the JSON `extract` prints). */
kh_status kh_index_add_record(kh_index *ix, const char *json, size_t len, kh_error *err);

/* A record turned into index documents, not yet in any database. */
typedef struct kh_prepared kh_prepared;

/* Turns a record into its index documents (the slow part of adding: normalizing,
 * cutting and stemming the words) without touching a database, so another thread than
 * the writer's can do it. */
kh_status kh_index_prepare(const char *json, size_t len, kh_prepared **out, kh_error *err);

/* The same from an extracted article, without writing and reading its JSON. */
struct kh_article;
kh_status kh_index_prepare_article(const struct kh_article *a, kh_prepared **out, kh_error *err);

/* Adds (or replaces) a prepared record, and frees it whatever happens. */
kh_status kh_index_add_prepared(kh_index *ix, kh_prepared *p, kh_error *err);

/* Frees a prepared record that will not be added. NULL is fine. */
void kh_prepared_free(kh_prepared *p);

/* Makes what was added durable. */
kh_status kh_index_commit(kh_index *ix, kh_error *err);

/* Closes (committing a writable database) and frees. NULL is fine. */
void kh_index_close(kh_index *ix);

typedef enum kh_doc_type { KH_DOC_ANY, KH_DOC_ARTICLE, KH_DOC_STATEMENT, KH_DOC_FACT } kh_doc_type;

/* A search: the free text and the filters, each optional (NULL / 0). */
typedef struct kh_query {
	const char *text; /* words; «"...»» or "..." for a phrase */
	kh_doc_type type;
	const char *speaker, *org, *agency;
	const char *from, *to; /* dates, Jalali («1402-08-01») or ISO («2023-10-23») */
	int has_percent;
	double percent_min, percent_max;
	size_t limit;  /* 0: 10 */
	size_t offset; /* hits skipped before the first returned (a page) */
} kh_query;

/* Parses a query string with prefixes into `q` («speaker:«زارع پور» org:"..." type:facts
 * date:1402-08-01..1402-09-30 percent:20..50 agency:... words»), whose strings point into
 * `*storage` (a malloc'd copy to free). Fails with KH_ERR_USAGE and a message for an
 * unbalanced quote, an unknown prefix or a bad range. */
kh_status kh_query_parse(const char *s, kh_query *q, char **storage, kh_error *err);

/* Sets one field of `q` by name, as `kh_query_parse` does for a prefix and as the CLI's
 * options and the HTTP API's parameters do: speaker, org, agency (a name), type, date
 * (FROM..TO), from, to, percent (MIN..MAX). `value` is borrowed (it must outlive `q`)
 * and cut in place; Persian digits and «/» in dates are read as ASCII. KH_ERR_USAGE and a
 * message for an unknown field, an empty name or a bad range. */
kh_status kh_query_set(kh_query *q, const char *field, char *value, kh_error *err);

/* Runs `q`: `*results` is a malloc'd string of JSON lines, one hit each (the document's
 * stored record), best first; `*count` the number of hits. */
kh_status kh_index_search(kh_index *ix, const kh_query *q, char **results, size_t *count,
                          kh_error *err);

/* The same, and `*total` the number of all matches (Xapian's estimate, exact whenever
 * fewer than q->offset + q->limit + 1 match), for pages of results. */
kh_status kh_index_search_page(kh_index *ix, const kh_query *q, char **results, size_t *count,
                               size_t *total, kh_error *err);

/* Brings a read-only index up to the latest generation its writer committed; `*changed`
 * (if not NULL) tells whether it moved. A search that failed because the writer moved on
 * meanwhile succeeds after this. */
kh_status kh_index_reopen(kh_index *ix, int *changed, kh_error *err);

/* Counts of documents by type, and the top speakers and organizations, as JSON. */
kh_status kh_index_stats(kh_index *ix, size_t top, char **json, kh_error *err);

#ifdef __cplusplus
}
#endif
#endif
