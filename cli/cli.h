/* cli.h — the khabar command-line subcommands and their shared helpers. */
#ifndef KH_CLI_H
#define KH_CLI_H

#include <stddef.h>

#include "khabar/error.h"

/* `khabar extract ...` (and the `extract` program): argv[0] is the command name. */
int kh_cmd_extract(int argc, char **argv);

/* `khabar normalize`: a stdin-to-stdout filter over kh_normalize(). */
int kh_cmd_normalize(int argc, char **argv);

/* `khabar index DB FILE...`: pages or records into the search database. */
int kh_cmd_index(int argc, char **argv);

/* `khabar search DB QUERY...` and `khabar stats DB`. */
int kh_cmd_search(int argc, char **argv);
int kh_cmd_stats(int argc, char **argv);

/* `khabar crawl --seeds FILE --db DB`: feeds and sitemaps to pages to the index. */
int kh_cmd_crawl(int argc, char **argv);

/* `khabar serve DB[,DB...]`: the JSON API and the web page (cli/serve/). */
int kh_cmd_serve(int argc, char **argv);

/* Reads all of `path` ("-" for stdin) into a malloc'd buffer, refusing more
 * than `max` bytes. */
kh_status kh_read_input(const char *path, size_t max, char **data, size_t *len, kh_error *err);

/* Writes `len` bytes to `path` atomically (a temporary file, then rename). */
kh_status kh_write_file_atomic(const char *path, const char *data, size_t len, kh_error *err);

#endif
