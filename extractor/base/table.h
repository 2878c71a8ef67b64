/* table.h — reading the compiled-in data files (each layer's data/ folder): one row a
 * line, fields separated by tabs, '#' starts a comment line. Internal. */
#ifndef KH_TABLE_H
#define KH_TABLE_H

#include <stddef.h>

typedef struct kh_field {
	const char *s;
	size_t len;
} kh_field;

typedef struct kh_table_iter {
	const char *p, *end;
} kh_table_iter;

/* Starts reading `len` bytes of table data. */
void kh_table_begin(kh_table_iter *it, const char *data, unsigned long len);

/* Reads the next non-empty, non-comment row into at most `max` fields; returns
 * the number of fields, or 0 at the end. Fields point into the data. */
int kh_table_row(kh_table_iter *it, kh_field *fields, int max);

/* Declares an embedded data file, `kh_data_NAME` and its length `kh_data_NAME_len`
 * (generated from LAYER/data/NAME.* by cmake/embed.cmake). Each file that reads a table
 * declares it: `KH_DATA(months);`. */
#define KH_DATA(name)                                                                              \
	extern const char kh_data_##name[];                                                        \
	extern const unsigned long kh_data_##name##_len

#endif
