/* table.c — iterate the rows and tab-separated fields of a data file. */
#include <string.h>

#include "base/table.h"

void kh_table_begin(kh_table_iter *it, const char *data, unsigned long len)
{
	it->p = data;
	it->end = data + len;
}

int kh_table_row(kh_table_iter *it, kh_field *fields, int max)
{
	while (it->p < it->end) {
		const char *line = it->p;
		const char *nl = memchr(line, '\n', (size_t)(it->end - line));
		const char *eol = nl ? nl : it->end;
		it->p = nl ? nl + 1 : it->end;
		if (eol > line && eol[-1] == '\r')
			eol--;
		if (eol == line || *line == '#')
			continue;
		int n = 0;
		const char *f = line;
		while (n < max) {
			const char *tab = memchr(f, '\t', (size_t)(eol - f));
			const char *fe = tab ? tab : eol;
			fields[n].s = f;
			fields[n].len = (size_t)(fe - f);
			n++;
			if (!tab)
				break;
			f = tab + 1;
		}
		return n;
	}
	return 0;
}
